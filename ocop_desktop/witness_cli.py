"""`ocop witness --server URL --key LOGKEY --witness-key FILE [--name NAME] [--once]`."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from ocop_core.translog.notes import NoteError, Verifier
from ocop_desktop.paths import AppPaths

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def add_parser(sub) -> None:
    parser = sub.add_parser("witness", help="làm nhân chứng cho nhật ký minh bạch của một tỉnh (đồng ký)")
    parser.add_argument("--server", required=True, help="địa chỉ máy chủ tỉnh, vd. https://ocop.hatinh.gov.vn")
    parser.add_argument("--key", required=True, help="khoá công khai của nhật ký (tên+id+khoá, hoặc tệp)")
    parser.add_argument("--witness-key", required=True, help="tệp khoá ký của nhân chứng (tạo mới nếu chưa có)")
    parser.add_argument("--name", help="tên khoá nhân chứng khi tạo mới, vd. bo-nnmt.gov.vn/nhan-chung")
    parser.add_argument("--once", action="store_true", help="kiểm một lần rồi dừng")
    parser.add_argument("--interval", type=float, default=300.0, help="giây giữa hai lần kiểm (mặc định 300)")
    parser.add_argument("--allow-http", action="store_true", help="cho phép http không mã hoá (chỉ để thử)")
    parser.set_defaults(func=cmd_witness)


def cmd_witness(args, paths: AppPaths) -> int:
    from ocop_desktop.sync.client import SyncError
    from ocop_desktop.sync.witness import Alarm, NotAccepted, Witness, load_or_create_key, write_evidence

    parts = urlsplit(args.server)
    if parts.scheme != "https" and not (parts.scheme == "http" and (args.allow_http or parts.hostname in LOOPBACK)):
        print("Máy chủ phải dùng https (hoặc --allow-http khi thử nghiệm).", file=sys.stderr)
        return 2
    try:
        key_text = Path(args.key).read_text(encoding="utf-8") if Path(args.key).is_file() else args.key
        log_key = Verifier.decode(key_text)
        key_path = Path(args.witness_key)
        signer, created = load_or_create_key(key_path, args.name)
    except (NoteError, OSError) as error:
        print(f"Khoá không hợp lệ: {error}", file=sys.stderr)
        return 2
    if created:
        print(f"Đã tạo khoá nhân chứng {key_path}. Gửi khoá công khai này cho tỉnh (ocop-server --witness-key):\n"
              f"{signer.verifier.encode()}\nVân tay: {signer.verifier.fingerprint()}")
    plain = {parts.hostname} if args.allow_http and parts.hostname else None
    witness = Witness(args.server, log_key, signer, key_path.with_name(key_path.name + ".state.json"), plain)
    while True:
        try:
            checkpoint = witness.step()
            print(f"Đã kiểm và đồng ký điểm kiểm {checkpoint.size:,} mục.".replace(",", "."))
        except Alarm as alarm:
            evidence = write_evidence(key_path.parent, alarm)
            print(f"!!! CẢNH BÁO: {alarm}\nBằng chứng đã lưu tại {evidence}. Không đồng ký nữa cho tới khi có người "
                  "xem xét.", file=sys.stderr)
            return 3
        except NotAccepted as refused:
            size = f"{refused.args[0]:,}".replace(",", ".")
            print(f"Điểm kiểm {size} mục nối tiếp đúng, nhưng máy chủ chưa nhận chữ ký của nhân chứng này: "
                  "tỉnh cần thêm khoá công khai ở trên (ocop-server --witness-key).", file=sys.stderr)
            if args.once:
                return 1
        except SyncError as error:
            print(f"Không kết nối được máy chủ: {error}", file=sys.stderr)
            if args.once:
                return 1
        if args.once:
            return 0
        time.sleep(args.interval)
