"""`ocop-server ...` (also `ocop server ...`): start the server, create the first admin."""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import os
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ocop_server.settings import Settings


def build_parser() -> argparse.ArgumentParser:
    server = argparse.ArgumentParser(prog="ocop-server", description="Máy chủ OCOP tỉnh (provincial server)")
    server.add_argument("--database-url", help="mặc định: SQLite trong thư mục dữ liệu; "
                                               "tỉnh: postgresql+psycopg://user:pass@host/db")
    server.add_argument("--files-dir", help="thư mục lưu tệp đính kèm")
    server.add_argument("--host", default="127.0.0.1")
    server.add_argument("--port", type=int, default=8765)
    server.add_argument("--threads", type=int, default=None,
                        help="luồng xử lý yêu cầu (request threads; more helps on PostgreSQL)")
    server.add_argument("--public-base-url", default=None,
                        help="địa chỉ công khai của trang sản phẩm, in trên mã QR (public base URL), "
                             "vd. https://ocop.hatinh.gov.vn")
    server.add_argument("--certfile", help="chứng chỉ TLS (PEM, kèm chuỗi trung gian) để phục vụ https trực tiếp; "
                                           "sau một reverse proxy thì không cần (docs/deploy.md)")
    server.add_argument("--keyfile", help="khoá riêng của chứng chỉ TLS (PEM)")
    server.add_argument("--log-key-file", help="khoá ký nhật ký minh bạch (mặc định: thư mục cấu hình, ngoài CSDL)")
    server.add_argument("--log-origin", default=None, help="tên nhật ký khi tạo khoá, vd. ocop.hatinh.gov.vn/nhat-ky")
    server.add_argument("--witness-key", action="append", default=[],
                        help="khoá công khai của một nhân chứng được chấp nhận đồng ký (lặp lại được)")
    server.add_argument("action", nargs="?", choices=["run", "create-admin", "create-log-key"], default="run")
    server.add_argument("--username", default="admin")
    server.add_argument("--full-name", default="Quản trị viên")
    return server


def main(argv: list[str] | None = None) -> int:
    return run_command(build_parser().parse_args(argv))


def _settings(args) -> Settings:
    settings = Settings.default(args.database_url, Path(args.files_dir) if args.files_dir else None)
    if args.log_key_file:
        settings = dataclasses.replace(settings, log_key_file=Path(args.log_key_file))
    if args.witness_key:
        from ocop_core.translog.notes import NoteError, Verifier

        try:
            keys = tuple(Verifier.decode(key).encode() for key in args.witness_key)
        except NoteError as error:
            raise SystemExit(f"--witness-key không hợp lệ: {error}") from error
        settings = dataclasses.replace(settings, witness_keys=keys)
    if args.public_base_url:
        base = args.public_base_url.strip().rstrip("/")
        parts = urlsplit(base)
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
            raise SystemExit("--public-base-url phải là địa chỉ http(s)://..., không có ? hay #")
        settings = dataclasses.replace(settings, public_base_url=base)
    if args.threads is None:
        return settings
    if args.threads < 1:
        raise SystemExit("--threads phải ≥ 1")
    return dataclasses.replace(settings, worker_threads=args.threads)


def _tls(args) -> dict[str, Any]:
    """uvicorn's TLS options: both files or neither, checked before the server starts."""
    if not args.certfile and not args.keyfile:
        return {}
    if not (args.certfile and args.keyfile):
        raise SystemExit("--certfile và --keyfile phải đi cùng nhau")
    for name in (args.certfile, args.keyfile):
        if not Path(name).is_file():
            raise SystemExit(f"Không tìm thấy tệp {name}")
    return {"ssl_certfile": args.certfile, "ssl_keyfile": args.keyfile}


def run_command(args: argparse.Namespace) -> int:
    settings = _settings(args)
    tls = _tls(args)
    if args.action == "create-log-key":
        return create_log_key(settings, args.log_origin, required=True)
    if args.action == "create-admin":
        # Setting up: the log's key is made with the first account, if there is none yet.
        return create_log_key(settings, args.log_origin, required=False) or create_admin(
            settings, args.username, args.full_name)
    import uvicorn

    from ocop_server.app import create_app
    from ocop_server.limits import uvicorn_options

    # The interpreter lock is handed over every 1 ms instead of 5: the one SQLite writer releases it on
    # every statement and otherwise waited behind busy reader threads (p95 4.4 s -> 3.1 s, 200 devices).
    sys.setswitchinterval(0.001)
    scheme = "https" if tls else "http"
    print(f"Máy chủ OCOP: {scheme}://{args.host}:{args.port}/docs  (cơ sở dữ liệu: {settings.database_url})",
          flush=True)
    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="warning", **tls,
                **uvicorn_options(settings))
    return 0


def create_log_key(settings: Settings, origin: str | None, *, required: bool) -> int:
    from ocop_server.translog import keys

    path = settings.log_key_file
    assert path is not None
    if path.exists():
        if required:
            print(f"Đã có khoá ký nhật ký tại {path}; không ghi đè (xem docs/transparency-log.md để thay khoá).",
                  file=sys.stderr)
            return 1
        return 0
    signer = keys.create_key(path, origin or keys.DEFAULT_ORIGIN)
    verifier = signer.verifier
    print(f"Đã tạo khoá ký nhật ký minh bạch: {path} (hãy sao lưu tệp này)\n"
          f"Khoá công khai: {verifier.encode()}\nVân tay: {verifier.fingerprint()}")
    return 0


def create_admin(settings: Settings, username: str, full_name: str) -> int:
    from sqlalchemy.orm import Session

    from ocop_server import accounts
    from ocop_server.database import make_engine, migrate

    password = os.environ.get("OCOP_ADMIN_PASSWORD") or getpass.getpass(
        "Mật khẩu quản trị (≥ 10 ký tự, không phổ biến, khác tên đăng nhập): ")
    engine = make_engine(settings.database_url)
    migrate(engine)
    try:
        with Session(engine) as session:
            accounts.create_user(session, username=username, password=password, role="admin", full_name=full_name)
            session.commit()
    except ValueError as exc:
        print(f"Không tạo được tài khoản: {exc}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    print(f"Đã tạo tài khoản quản trị {username}")
    return 0




if __name__ == "__main__":
    sys.exit(main())
