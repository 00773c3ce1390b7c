"""Vietnamese text for the codes the domain, services and database report, for the command line.

The Qt interface translates through Qt Linguist; the command line has no Qt, so it reads this table.
"""

from __future__ import annotations

from ocop_core.domain.problems import Problem

PROBLEM_TEXT = {
    "invalid_json": "không phải JSON hợp lệ",
    "not_utf8": "tệp không phải văn bản UTF-8",
    "wrong_type": "sai kiểu dữ liệu",
    "missing": "thiếu trường bắt buộc",
    "unknown_key": "trường không được hỗ trợ",
    "empty": "danh sách rỗng",
    "blank": "không được để trống",
    "too_long": "chuỗi quá dài",
    "code_whitespace": "mã có khoảng trắng ở đầu hoặc cuối",
    "invalid_value": "giá trị không hợp lệ",
    "invalid_date": "ngày không hợp lệ (cần dạng YYYY-MM-DD)",
    "invalid_uuid": "mã định danh (UUID) không hợp lệ",
    "invalid_legal_basis": "căn cứ pháp lý cần dạng \"số/ký hiệu dd/mm/yyyy\"",
    "duplicate_code": "mã bị trùng",
    "unknown_reference": "tham chiếu tới mã không tồn tại",
    "negative_points": "điểm âm",
    "no_options": "tiêu chí không có phương án chấm",
    "options_and_subitems": "tiêu chí có cả phương án và tiểu mục",
    "rule_without_condition": "điều kiện bắt buộc thiếu ngưỡng điểm hoặc phương án bị cấm",
    "criteria_sum_mismatch": "tổng điểm tối đa các tiêu chí khác điểm tối đa của phần",
    "parts_sum_mismatch": "tổng điểm các phần khác tổng điểm của bộ tiêu chí",
    "band_gap": "các hạng sao có khoảng trống",
    "band_overlap": "các hạng sao chồng lấn",
    "band_not_last": "chỉ hạng sao cao nhất được lấy cận trên",
    "bands_not_ascending": "hạng sao không tăng dần theo điểm",
    "band_needs_one_upper_bound": "hạng sao cần đúng một cận trên",
    "empty_band": "hạng sao rỗng",
    "unknown_star_level": "hạng sao không tồn tại",
    "unsupported_schema_version": "phiên bản định dạng không được hỗ trợ",
    "ends_before_start": "ngày kết thúc trước ngày bắt đầu",
    "file_too_large": "tệp quá lớn",
}

DATABASE_TEXT = {
    "not_a_database": "Tệp {path} không phải cơ sở dữ liệu của ứng dụng. Không có gì bị thay đổi.",
    "corrupt": "Cơ sở dữ liệu {path} bị hỏng ({detail}). Không có gì bị thay đổi; hãy khôi phục từ bản sao lưu.",
    "unreadable": "Không đọc được {path} ({detail}).",
    "too_new": "Cơ sở dữ liệu {path} do phiên bản mới hơn của ứng dụng tạo ra (lược đồ {detail}). "
               "Hãy cập nhật ứng dụng; tệp không bị thay đổi.",
    "needs_upgrade": "Cơ sở dữ liệu {path} cần nâng cấp: chạy \"ocop db upgrade\".",
}


def problem_text(problem: Problem) -> str:
    words = PROBLEM_TEXT.get(problem.code, problem.code)
    detail = ", ".join(f"{k}={v}" for k, v in problem.params.items())
    return f"{problem.path}: {words}" + (f" ({detail})" if detail else "")
