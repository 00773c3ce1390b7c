"""`ocop verify BUNDLE [--key KEY] [--witness KEY]`: checks a proof bundle from the transparency log with no
network, and says in plain Vietnamese what it proves and what it does not."""

from __future__ import annotations

import sys
from pathlib import Path

from ocop_core.translog.bundles import MAX_BUNDLE_BYTES, BundleError, Verified, verify_bundle
from ocop_core.translog.notes import COSIGNATURE_V1, NoteError, Verifier
from ocop_desktop.paths import AppPaths

KINDS = {
    "criteria_set_published": "công bố bộ tiêu chí", "result_approved": "phê duyệt kết quả đánh giá của hội đồng",
    "recognition_issued": "quyết định công nhận sản phẩm OCOP", "recognition_renewed": "gia hạn công nhận",
    "recognition_revoked": "thu hồi công nhận", "lot_recorded": "ghi nhận lô sản xuất",
    "lot_withdrawn": "thu hồi lô sản xuất",
}
FAILED = {"format": "tệp không phải gói bằng chứng hợp lệ", "key": "khoá của nhật ký không khớp khoá bạn tin cậy",
          "checkpoint": "chữ ký của điểm kiểm (checkpoint) không hợp lệ",
          "inclusion": "bản ghi không nằm trong cây Merkle mà điểm kiểm đã ký — bản ghi đã bị sửa"}


def add_parser(sub) -> None:
    parser = sub.add_parser("verify", help="kiểm chứng gói bằng chứng của nhật ký minh bạch (không cần mạng)")
    parser.add_argument("bundle", help="tệp gói bằng chứng (.json) tải từ trang sản phẩm")
    parser.add_argument("--key", help="khoá công khai của nhật ký do tỉnh công bố "
                                      "(chuỗi tên+id+khoá, hoặc tệp chứa nó)")
    parser.add_argument("--witness", action="append", default=[],
                        help="khoá của nhân chứng phải đồng ký (lặp lại được)")
    parser.set_defaults(func=cmd_verify)


def _key(text: str, algorithm: int | None = None) -> Verifier:
    path = Path(text)
    if len(text) < 1024 and path.is_file():
        text = path.read_text(encoding="utf-8", errors="replace")
    verifier = Verifier.decode(text)
    if algorithm is not None and verifier.algorithm != algorithm:
        raise NoteError("đây không phải khoá nhân chứng (cosignature/v1)")
    return verifier


def _report(result: Verified, pinned: bool) -> None:
    checkpoint, key = result.checkpoint, result.log_key
    print("✔ Kiểm chứng thành công.")
    for index, entry in result.entries:
        kind = str(entry.get("kind"))
        print(f"  • {KINDS.get(kind, kind)}: ghi vào nhật ký lúc {entry.get('logged_at')}, "
              f"ở vị trí {index + 1:,} của {checkpoint.size:,} mục".replace(",", "."))
    print(f"  Điểm kiểm được ký bởi khoá “{key.name}” (vân tay {key.fingerprint()}).")
    for name, time in result.witnessed_at.items():
        print(f"  Nhân chứng “{name}” đã đồng ký (thời điểm Unix {time}): họ đã thấy cùng một nhật ký.")
    print("Điều này chứng minh: bản ghi trên đã được ghi vào nhật ký như trên, và không thể bị sửa hay xoá mà "
          "không bị phát hiện.\nĐiều này KHÔNG chứng minh nội dung được ghi là đúng sự thật.")
    if not pinned:
        print("⚠ Chưa có khoá tin cậy (--key): gói chỉ khớp với khoá ghi trong chính nó. Hãy so vân tay trên với "
              "vân tay khoá do UBND tỉnh công bố.")


def cmd_verify(args, paths: AppPaths) -> int:
    try:
        pinned = _key(args.key) if args.key else None
        witnesses = tuple(_key(w, COSIGNATURE_V1) for w in args.witness)
    except (NoteError, OSError) as error:
        print(f"Khoá không hợp lệ: {error}", file=sys.stderr)
        return 2
    path = Path(args.bundle)
    try:
        if path.stat().st_size > MAX_BUNDLE_BYTES:
            print("Tệp quá lớn để là một gói bằng chứng.", file=sys.stderr)
            return 1
        data = path.read_bytes()
    except OSError as error:
        print(f"Không đọc được tệp {path}: {error.strerror}", file=sys.stderr)
        return 2
    try:
        result = verify_bundle(data, pinned, witnesses)
    except BundleError as error:
        print(f"✘ KHÔNG kiểm chứng được: {FAILED.get(error.what, error.what)}.\n  Chi tiết: {error.detail}",
              file=sys.stderr)
        return 1
    _report(result, pinned is not None)
    return 0
