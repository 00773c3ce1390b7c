"""`ocop sync`: log in (online, or reuse this laptop's token) and sync headless, printing progress."""

from __future__ import annotations

import getpass
import os
import sys

from ocop_desktop.paths import AppPaths
from ocop_desktop.words import error_text


def add_parser(sub) -> None:
    parser = sub.add_parser("sync", help="đồng bộ với máy chủ tỉnh")
    parser.add_argument("--server", required=True, help="địa chỉ máy chủ, ví dụ http://127.0.0.1:8765")
    parser.add_argument("--username", required=True)
    parser.add_argument("--allow-http", action="append", default=[], metavar="HOST",
                        help="cho phép http không mã hoá tới máy chủ này (mặc định chỉ https, trừ máy này); "
                             "cũng có thể đặt OCOP_PLAIN_HTTP_HOSTS=host1,host2")
    parser.set_defaults(func=cmd_sync)


def cmd_sync(args, paths: AppPaths) -> int:
    from ocop_desktop.db import credentials
    from ocop_desktop.db.blobstore import BlobStore
    from ocop_desktop.db.journal import device_id
    from ocop_desktop.db.schema import open_database
    from ocop_desktop.sync.client import ServerClient, SyncError, env_plain_http_hosts
    from ocop_desktop.sync.engine import SyncEngine
    from ocop_desktop.sync.login import LoginError, login

    paths.ensure()
    db = open_database(paths.database, paths.backups)
    try:
        with db.session() as session:
            client = ServerClient(args.server, device_id(session),
                                  plain_http_hosts=env_plain_http_hosts() | set(args.allow_http))
            cred = credentials.find(session, args.username)
        try:
            client.check_transport()
        except SyncError as exc:
            print(f"{error_text(exc)} ({exc.code})", file=sys.stderr)
            return 2
        if not (cred is not None and cred.token and cred.server_url == client.base_url
                and _renewed(db, client, cred)):
            password = os.environ.get("OCOP_PASSWORD") or getpass.getpass("Mật khẩu: ")
            try:
                login(db, client, args.username, password)
            except LoginError as exc:
                print(f"Không đăng nhập được: {error_text(exc)} ({exc.code})", file=sys.stderr)
                return 1
        def progress(p) -> None:
            print(f"\r{p.phase}: {p.done}/{p.total}  ↑{p.bytes_sent // 1024} kB ↓{p.bytes_received // 1024} kB",
                  end="", flush=True)

        try:
            report = SyncEngine(db, client, BlobStore(paths.blobs), progress).sync()
        except SyncError as exc:
            print(f"\nĐồng bộ thất bại: {error_text(exc)} ({exc.code}: {exc.message})", file=sys.stderr)
            return 4
        print(f"\nĐã gửi {report.pushed}, nhận {report.pulled}, xung đột {report.conflicts}, "
              f"bị từ chối {report.rejected}, tệp đã tải lên {report.uploaded}")
        if report.mismatched:
            print(f"Chưa khớp sau khi tải lại: {', '.join(report.mismatched)}", file=sys.stderr)
            return 5
        return 0
    finally:
        db.close()


def _renewed(db, client, cred) -> bool:
    """Swaps the stored token for a fresh one, as the window does while online (a token unused for 30 days
    expires); False when it has died already, and the password is asked instead."""
    from ocop_desktop.db import credentials
    from ocop_desktop.sync.accounts_client import AccountsClient
    from ocop_desktop.sync.client import SyncError
    from ocop_desktop.sync.token_renewal import DEAD_TOKEN

    client.token = cred.token
    try:
        token = AccountsClient(client).renew().token
    except SyncError as exc:
        if exc.code in DEAD_TOKEN:
            client.token = None
            return False
        return True  # not renewed this time (no network...): the sync says what is wrong
    with db.session() as session:
        credentials.remember(session, username=cred.username, user_id=cred.user_id, full_name=cred.full_name,
                             role=cred.role, verifier=cred.verifier, token=token, server_url=cred.server_url)
        session.commit()
    client.token = token
    return True
