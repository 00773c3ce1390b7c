"""The ``ocop`` command: run the app, build demo data, manage criteria sets and the database."""

from __future__ import annotations

import argparse
import sys
from contextlib import contextmanager
from pathlib import Path

from ocop_desktop import logs
from ocop_desktop.paths import AppPaths


@contextmanager
def _open(paths: AppPaths):
    from ocop_desktop.db.schema import open_database

    paths.ensure()
    db = open_database(paths.database, paths.backups)
    try:
        yield db
    finally:
        db.close()


def cmd_app(args, paths: AppPaths) -> int:
    from ocop_desktop.app import run

    return run(paths)


def cmd_demo_data(args, paths: AppPaths) -> int:
    from ocop_desktop.services.demo_data import build, has_data

    with _open(paths) as db:
        with db.session() as session:
            if has_data(session):
                if args.if_empty:
                    print("Đã có dữ liệu, không tạo dữ liệu mẫu.")
                    return 0
                print("Cơ sở dữ liệu đã có hồ sơ; dùng --data-dir để tạo dữ liệu mẫu ở thư mục khác.",
                      file=sys.stderr)
                return 1

        def progress(phase: str, done: int, total: int) -> None:
            print(f"\rĐang tạo hồ sơ mẫu: {done}/{total}", end="", flush=True)

        summary = build(db.session_factory, scale=args.scale, seed=args.seed, progress=progress)
        print(f"\nĐã tạo {summary.producers} chủ thể, {summary.products} sản phẩm, {summary.dossiers} hồ sơ, "
              f"{summary.sheets} phiếu chấm, {summary.recognitions} quyết định công nhận tại {paths.database}")
        return 0


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise SystemExit(f"Không đọc được tệp {path}: {exc.strerror or exc}") from exc


def cmd_criteria(args, paths: AppPaths) -> int:
    from ocop_core.domain.canonical import content_hash
    from ocop_core.domain.criteria_loader import CriteriaSetError
    from ocop_desktop.messages import problem_text
    from ocop_desktop.services import criteria
    from ocop_desktop.services.errors import ServiceError
    from ocop_desktop.words import error_text

    if args.action == "export":
        return _export(args, paths)
    data = _read(args.file)
    try:
        criteria_set, document = criteria.validate_criteria_text(data)
    except CriteriaSetError as exc:
        print(f"{args.file}: {len(exc.problems)} lỗi", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem_text(problem)}", file=sys.stderr)
        return 1
    if args.action == "validate":
        print(f"Hợp lệ: {criteria_set.code} sha256:{content_hash(document)}")
        return 0
    with _open(paths) as db:
        with db.session() as session:
            try:
                changes = criteria.import_criteria_set(session, data)
            except ServiceError as exc:
                print(f"Không nhập được: {error_text(exc)}", file=sys.stderr)
                return 1
            session.commit()
        state = "Đã nhập" if changes.entities else "Đã có sẵn (không thay đổi)"
        print(f"{state}: {criteria_set.code} sha256:{content_hash(document)}")
        return 0


def _export(args, paths: AppPaths) -> int:
    from sqlalchemy import select

    from ocop_desktop.db.models import CriteriaSetVersion
    from ocop_desktop.services import criteria

    with _open(paths) as db:
        with db.session() as session:
            query = select(CriteriaSetVersion).order_by(CriteriaSetVersion.effective_from.desc())
            if args.code:
                query = query.where(CriteriaSetVersion.code == args.code)
            version = session.scalars(query).first()
            if version is None:
                print(f"Không có bộ tiêu chí {args.code or ''}".strip(), file=sys.stderr)
                return 1
            text = criteria.export_criteria_set(session, version.id)
        target = Path(args.file)
        if target.exists() and not args.force:
            print(f"{target} đã tồn tại; dùng --force để ghi đè.", file=sys.stderr)
            return 1
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)
        print(f"Đã xuất {version.code} ra {target}")
        return 0


def cmd_db(args, paths: AppPaths) -> int:
    from sqlalchemy import func, select, text

    from ocop_desktop.db.models import Dossier, Producer, Product
    from ocop_desktop.db.schema import current_revision, head_revision
    from ocop_desktop.db.sync_store import count_unsent

    with _open(paths) as db:
        if args.action == "upgrade":
            print(f"Lược đồ đã ở phiên bản {head_revision()}" +
                  (f"; bản sao trước khi nâng cấp: {db.backup_path}" if db.backup_path else ""))
            return 0
        # Every read inside the session: a closed session used again opens a connection nobody closes.
        with db.session() as session:
            counts = [session.scalar(select(func.count()).select_from(m)) for m in (Producer, Product, Dossier)]
            unsent = count_unsent(session)
            mode = session.execute(text("PRAGMA journal_mode")).scalar()
        print(f"Tệp: {paths.database}")
        print(f"Lược đồ: {current_revision(db.engine)} (ứng dụng: {head_revision()}), journal_mode={mode}")
        print("Chủ thể: {}, sản phẩm: {}, hồ sơ: {}".format(*counts))
        print(f"Thay đổi chưa gửi: {unsent}")
        return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ocop", description="Hệ thống đánh giá sản phẩm OCOP")
    parser.add_argument("--data-dir", help="thư mục dữ liệu (mặc định: thư mục dữ liệu của người dùng)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("app", help="mở ứng dụng").set_defaults(func=cmd_app)
    demo = sub.add_parser("demo-data", help="tạo dữ liệu mẫu Hà Tĩnh")
    demo.add_argument("--scale", type=int, default=240, help="số hồ sơ (mặc định 240)")
    demo.add_argument("--seed", type=int, default=42)
    demo.add_argument("--if-empty", action="store_true", help="chỉ tạo khi chưa có hồ sơ nào")
    demo.set_defaults(func=cmd_demo_data)
    crit = sub.add_parser("criteria", help="kiểm tra, nhập, xuất bộ tiêu chí")
    crit.add_argument("action", choices=["validate", "import", "export"])
    crit.add_argument("file")
    crit.add_argument("--code", help="mã bộ tiêu chí cần xuất (mặc định: bộ mới nhất)")
    crit.add_argument("--force", action="store_true", help="ghi đè tệp khi xuất")
    crit.set_defaults(func=cmd_criteria)
    dbp = sub.add_parser("db", help="cơ sở dữ liệu cục bộ")
    dbp.add_argument("action", choices=["upgrade", "info"])
    dbp.set_defaults(func=cmd_db)
    from ocop_desktop.sync_cli import add_parser as add_sync

    add_sync(sub)
    from ocop_desktop.verify_cli import add_parser as add_verify

    add_verify(sub)
    from ocop_desktop.witness_cli import add_parser as add_witness

    add_witness(sub)
    sub.add_parser("server", help="máy chủ tỉnh: chuyển sang lệnh ocop-server", add_help=False)
    return parser


def _forward_to_server(argv: list[str]) -> int:
    """`ocop server ...` runs `ocop-server ...` in its own process: the desktop never imports the server,
    which a laptop may not even have installed."""
    import importlib.util
    import os

    if importlib.util.find_spec("ocop_server") is None:
        print("Máy này chưa cài máy chủ tỉnh: pip install 'ocop[server]'", file=sys.stderr)
        return 2
    # Replaces this process rather than waiting on a child: a service manager's SIGTERM then reaches the server
    # itself instead of orphaning it.
    os.execv(sys.executable, [sys.executable, "-m", "ocop_server.cli", *argv])
    return 0  # not reached


def _is_server_command(argv: list[str]) -> bool:
    """`server` is the command word, not the value of an option such as `--data-dir server`."""
    i = 0
    while i < len(argv):
        if argv[i] == "--data-dir":
            i += 2
            continue
        if argv[i].startswith("--data-dir="):
            i += 1
            continue
        return argv[i] == "server"
    return False


def main(argv: list[str] | None = None) -> int:
    from ocop_desktop.db.schema import DatabaseProblem
    from ocop_desktop.words import error_text

    argv = sys.argv[1:] if argv is None else argv
    if "server" in argv and _is_server_command(argv):
        return _forward_to_server(argv[argv.index("server") + 1:])
    args = build_parser().parse_args(argv)
    if getattr(args, "scale", 1) is not None and getattr(args, "scale", 1) < 1:
        print("--scale phải là số dương", file=sys.stderr)
        return 2
    paths = AppPaths.default(args.data_dir)
    file_log = logs.start(paths, args.command)
    try:
        return args.func(args, paths)
    except DatabaseProblem as exc:
        print(error_text(exc), file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        print("\nĐã dừng.", file=sys.stderr)
        return 130
    except Exception:
        logs.crashed(args.command)
        raise
    finally:
        file_log.stop()


if __name__ == "__main__":
    sys.exit(main())
