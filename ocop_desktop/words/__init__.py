"""The one place a code becomes words: statuses, roles and kinds, and every error and refusal, one wording each.

No Qt: the screens, the printed reports and the command line all read these tables through ``_t``, which is
Vietnamese until the interface installs English. Each table is built when asked for, so a language switch
takes effect. tests/test_words.py scans the source for every code an error can carry and checks it is here,
in both languages.
"""
# long: the one table of every code's wording (conventions 15), split by subject into functions.

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from ocop_core.errors import OcopError
from ocop_desktop import formats
from ocop_desktop.i18n import _t


def dossier_statuses() -> dict[str, str]:
    return {"draft": _t("Nháp"), "submitted": _t("Đã nộp"), "commune_checked": _t("Xã đã kiểm tra"),
            "forwarded": _t("Đã chuyển hội đồng"), "evaluated": _t("Đã đánh giá"), "closed": _t("Đã kết thúc")}


def dossier_kinds() -> dict[str, str]:
    return {"new": _t("Đánh giá mới"), "renewal": _t("Đánh giá lại"), "upgrade": _t("Nâng hạng")}


def producer_kinds() -> dict[str, str]:
    return {"cooperative": _t("Hợp tác xã"), "enterprise": _t("Doanh nghiệp"),
            "cooperative_group": _t("Tổ hợp tác"), "household": _t("Hộ sản xuất")}


def location_sources() -> dict[str, str]:
    """How a producer's position was found (db.models.registry.LOCATION_SOURCES)."""
    return {"map": _t("Chọn trên bản đồ"), "typed": _t("Nhập toạ độ"), "photo": _t("Từ ảnh chụp có GPS"),
            "commune_centroid": _t("Tâm xã (ước lượng)")}


def location_warnings() -> dict[str, str]:
    """What looks wrong with a position (services.producer_location): a warning, never a refusal."""
    return {"outside_province": _t("Điểm này nằm ngoài tỉnh Hà Tĩnh: hãy kiểm tra lại vị trí."),
            "far_from_commune": _t("Điểm này cách trung tâm {commune} khoảng {km} km: hãy kiểm tra lại vị trí "
                                   "hoặc xã/phường của chủ thể.")}


def user_roles() -> dict[str, str]:
    return {"admin": _t("Quản trị tỉnh"), "secretary": _t("Thư ký hội đồng"), "chair": _t("Chủ tịch hội đồng"),
            "member": _t("Thành viên hội đồng"), "commune_officer": _t("Cán bộ xã"), "viewer": _t("Người xem")}


def member_roles() -> dict[str, str]:
    # Titles inside a council, as a decision founding one writes them: "Phó Chủ tịch" has a capital C.
    return {"chair": _t("Chủ tịch"), "vice_chair": _t("Phó Chủ tịch"), "secretary": _t("Thư ký"),
            "member": _t("Thành viên")}


def sheet_statuses() -> dict[str, str]:
    """A score sheet's status, and the two a screen shows before there is a sheet (services.sheet_view)."""
    return {"draft": _t("Đang chấm"), "submitted": _t("Đã nộp"), "superseded": _t("Đã thay thế"),
            "not_started": _t("Chưa chấm"), "preview": _t("Xem trước")}


def criteria_set_statuses() -> dict[str, str]:
    return {"draft": _t("Bản nháp"), "published": _t("Đã ban hành"), "retired": _t("Đã hết hiệu lực")}


def document_types() -> dict[str, str]:
    return {
        "registration_form": _t("Phiếu đăng ký"), "business_plan": _t("Phương án kinh doanh"),
        "org_description": _t("Bản mô tả tổ chức"), "business_registration": _t("Giấy đăng ký kinh doanh"),
        "food_safety_conditions": _t("Giấy chứng nhận cơ sở đủ điều kiện ATTP"),
        "product_standard": _t("Tiêu chuẩn sản phẩm"), "quality_declaration": _t("Bản công bố chất lượng"),
        "lab_test_report": _t("Phiếu kết quả kiểm nghiệm"), "label_image": _t("Nhãn sản phẩm"),
        "product_photo": _t("Ảnh sản phẩm"), "ip_certificate": _t("Giấy chứng nhận sở hữu trí tuệ"),
        "traceability": _t("Truy xuất nguồn gốc"), "raw_material_contracts": _t("Hợp đồng nguyên liệu"),
        "environment": _t("Hồ sơ môi trường"), "qms_certificate": _t("Chứng nhận hệ thống quản lý chất lượng"),
        "story": _t("Câu chuyện sản phẩm"), "awards": _t("Giải thưởng"), "other": _t("Khác"),
    }


def recommendations() -> dict[str, str]:
    return {"recognise_province": _t("Đề nghị UBND tỉnh công nhận"),
            "forward_central": _t("Đề nghị Trung ương xét công nhận 5 sao"),
            "not_recognised": _t("Không đủ điều kiện công nhận"), "incomplete": _t("Chưa đủ phiếu chấm"),
            "not_ready": _t("Chưa đủ điều kiện kiến nghị công nhận")}


def result_flags() -> dict[str, str]:
    """Why a council result is not final (the council outcome's flags, and ``approved``)."""
    return {"rescore": _t("Điểm các thành viên chênh lệch quá giới hạn: cần thảo luận và chấm lại"),
            "no_quorum": _t("Không đủ số thành viên chấm điểm theo quy định"),
            "chair_absent": _t("Chủ tịch hội đồng chưa chấm điểm"), "approved": _t("Kết quả đã được phê duyệt"),
            "incomplete": _t("Chưa có phiếu chấm nào được nộp")}


def sync_phases() -> dict[str, str]:
    return {"files": _t("Đang gửi tệp đính kèm"), "push": _t("Đang gửi thay đổi lên máy chủ"),
            "pull": _t("Đang nhận dữ liệu từ máy chủ"), "check": _t("Đang đối chiếu dữ liệu với máy chủ"),
            "done": _t("Hoàn tất"), "start": _t("Đang kết nối máy chủ…")}


def sync_outcomes() -> dict[str, str]:
    # "running" on a past row also means the app closed mid-sync: both read as "not finished".
    return {"ok": _t("Thành công"), "failed": _t("Không thành công"), "cancelled": _t("Đã huỷ"),
            "running": _t("Chưa kết thúc")}


def entities() -> dict[str, str]:
    """The synced tables (ocop_core.entities), as the sync screen names them."""
    return {
        "dossiers": _t("Hồ sơ"), "dossier_documents": _t("Tài liệu hồ sơ"), "products": _t("Sản phẩm"),
        "producers": _t("Chủ thể"), "production_lots": _t("Lô sản xuất"), "councils": _t("Hội đồng"),
        "council_members": _t("Thành viên hội đồng"), "council_assignments": _t("Phân công hội đồng"),
        "evaluation_sessions": _t("Phiên đánh giá"), "score_sheets": _t("Phiếu chấm"),
        "score_lines": _t("Dòng phiếu chấm"), "council_results": _t("Kết quả hội đồng"),
        "recognitions": _t("Quyết định công nhận"), "tasks": _t("Công việc"), "users": _t("Người dùng"),
        "criteria_set_versions": _t("Bộ tiêu chí"), "devices": _t("Thiết bị"), "conflicts": _t("Xung đột"),
        "lot_photos": _t("Ảnh lô sản xuất"),
    }


def fields() -> dict[str, str]:
    """Synced fields a conflict or a refusal can name."""
    return {
        "notes": _t("Ghi chú"), "name": _t("Tên"), "title": _t("Tiêu đề"), "code": _t("Mã"),
        "kind": _t("Loại"), "status": _t("Trạng thái"), "issuer": _t("Cơ quan cấp"), "issued_on": _t("Ngày cấp"),
        "valid_until": _t("Hiệu lực đến"), "address": _t("Địa chỉ"), "representative": _t("Người đại diện"),
        "phone": _t("Điện thoại"), "tax_code": _t("Mã số thuế"), "registration_no": _t("Số đăng ký"),
        "description": _t("Mô tả"), "full_name": _t("Họ và tên"), "organisation": _t("Đơn vị công tác"),
        "decision_no": _t("Số quyết định"), "decision_date": _t("Ngày quyết định"), "due_on": _t("Hạn"),
        "lot_code": _t("Mã lô"), "quantity": _t("Số lượng"), "unit": _t("Đơn vị tính"),
        "produced_on": _t("Ngày sản xuất"), "deleted": _t("Đã xoá"), "lat": _t("Vĩ độ"), "lon": _t("Kinh độ"),
        "doc_type": _t("Loại tài liệu"), "commune_code": _t("Xã/phường"), "stars": _t("Số sao"),
        "comment": _t("Nhận xét"), "recommendation": _t("Kiến nghị"), "external_code": _t("Mã bên ngoài"),
        "subgroup_code": _t("Phân nhóm"), "role": _t("Vai trò"), "revocation_reason": _t("Lý do thu hồi"),
        "expires_on": _t("Hạn dùng"), "expiry_kind": _t("Loại hạn dùng"), "origin": _t("Nguồn nguyên liệu"),
        "withdrawn_on": _t("Ngày thu hồi lô"), "withdrawal_reason": _t("Lý do thu hồi lô"),
        "label_printed_at": _t("Ngày in nhãn"),
    }


def word(table: dict[str, str], code: str) -> str:
    """``code``'s words in ``table``; an unknown code is shown as itself rather than hidden."""
    return table.get(code, code)


def _service_errors() -> dict[str, str]:
    return {
        "already_revoked": _t("Quyết định này đã bị thu hồi."),
        "answer_first": _t("Hãy chọn phương án trước khi ghi nhận xét."),
        "control_characters": _t("Có ký tự điều khiển không hợp lệ."),
        "coordinates_incomplete": _t("Cần nhập đủ cả vĩ độ và kinh độ."),
        "criteria_version_immutable": _t(
            "Máy này đã có phiên bản “{code}” với nội dung khác. Phiên bản đã lưu không được sửa: hãy đặt mã và "
            "mã định danh (id) mới cho phiên bản mới."),
        "dossier_locked": _t("Hồ sơ đã chuyển đi, không sửa được nữa."),
        "ends_before_start": _t("Ngày kết thúc trước ngày bắt đầu."),
        "invalid_choice": _t("Giá trị không nằm trong danh sách cho phép."),
        "invalid_stars": _t("Số sao không hợp lệ."),
        "invalid_tax_code": _t("Mã số thuế không hợp lệ."),
        "invalid_phone": _t("Số điện thoại chỉ gồm chữ số (có thể có dấu cách, dấu chấm, gạch ngang, dấu + ở đầu; "
                            "nhiều số cách nhau bằng dấu chấm phẩy), ít nhất 6 chữ số."),
        "producer_registered": _t("Chủ thể “{name}” ({commune}) đã được đăng ký với cùng mã số thuế hoặc số đăng ký "
                                  "kinh doanh: hãy chọn chủ thể đó thay vì tạo mới."),
        "producer_similar": _t("Đã có chủ thể tên gần giống ở cùng xã/phường: “{name}”. Hãy dùng chủ thể đó, hoặc xác "
                               "nhận đây là một chủ thể khác."),
        "product_registered": _t("Chủ thể đã có sản phẩm “{name}”: hãy chọn sản phẩm đó thay vì tạo mới."),
        "dossier_open": _t("Sản phẩm này đang có hồ sơ {code} chưa xong; hãy mở hồ sơ đó thay vì tạo hồ sơ mới."),
        "fields_to_fix": _t("hãy sửa các ô được đánh dấu đỏ. Những gì bạn đã nhập vẫn còn."),
        "save_declined": _t("bạn đã chọn không lưu; những gì bạn đã nhập vẫn còn."),
        "registry_not_for_role": _t("Vai trò “{role}” không được đăng ký chủ thể, sản phẩm hay hồ sơ; việc này do cán "
                                    "bộ xã hoặc quản trị tỉnh làm."),
        "no_criteria_in_force": _t("Chưa có bộ tiêu chí nào có hiệu lực."),
        "out_of_range": _t("Giá trị nằm ngoài khoảng cho phép."),
        "required": _t("Trường này là bắt buộc."),
        "sheet_already_submitted": _t("Phiếu đã nộp; muốn chấm lại hãy tạo phiếu chấm lại."),
        "sheet_incomplete": _t("Phiếu còn tiêu chí chưa chấm."),
        "sheet_invalid": _t("Phiếu chấm không hợp lệ."),
        "sheet_not_editable": _t("Phiếu đã nộp, không sửa được."),
        "sheet_not_submitted": _t("Phiếu chưa nộp."),
        "sheet_version_mismatch": _t("Phiếu dùng phiên bản tiêu chí khác."),
        "subgroup_not_in_criteria_set": _t("Phân nhóm không có trong bộ tiêu chí."),
        "subitem_required": _t("Tiêu chí này cần chọn theo từng tiểu mục."),
        "too_long": _t("Quá dài: tối đa {limit} ký tự, đang có {length}. Hãy rút gọn; không có gì bị cắt bớt."),
        "transition_not_allowed": _t("Không thể chuyển hồ sơ sang trạng thái này."),
        "unknown_commune": _t("Không có xã/phường này trong danh mục."),
        "unknown_criterion": _t("Không có tiêu chí này."),
        "unknown_field": _t("Trường không được hỗ trợ."),
        "unknown_option": _t("Không có phương án này."),
        "unknown_product_set": _t("Không có bộ sản phẩm này."),
        "unknown_superseded_version": _t(
            "Tệp ghi là thay thế một phiên bản chưa có trên máy này; hãy lưu phiên bản cũ trước."),
        "wrong_type": _t("Sai kiểu dữ liệu."),
        "not_found": _t("Không tìm thấy dữ liệu (có thể đã bị xoá)."),
        "file_not_a_file": _t("Không tìm thấy tệp, hoặc đường dẫn đã chọn không phải là một tệp."),
        "conflict_closed": _t("Xung đột này đã được giải quyết (có thể trên máy khác)."),
        "row_deleted": _t("Bản ghi đã bị xoá trên máy chủ; chỉ giữ được giá trị trên máy chủ."),
        "transition_not_for_role": _t("Vai trò “{role}” không được chuyển hồ sơ từ “{current}” sang “{target}”."),
        "approved_result_required": _t("Hồ sơ chỉ chuyển sang “{target}” khi kết quả hội đồng đã được phê duyệt."),
        "dossier_out_of_scope": _t("Hồ sơ thuộc xã/phường ngoài phạm vi của tài khoản này."),
        "dossier_not_ready": _t("Hồ sơ đang ở trạng thái “{status}”: chỉ giao được hồ sơ xã đã chuyển lên tỉnh."),
    }


def _council_errors() -> dict[str, str]:
    """Councils, their assignments, sheets counted and results."""
    return {
        "member_does_not_score": _t("Thành viên này không chấm điểm."),
        "result_approved": _t("Kết quả hội đồng đã được phê duyệt."),
        "result_not_approvable": _t("Chưa phê duyệt được: {flags}."),
        "already_assigned": _t("Hồ sơ đã được giao cho một hội đồng; hãy bỏ giao ở hội đồng đó trước."),
        "assignment_scored": _t("Hội đồng đã chấm hồ sơ này nên không thể bỏ giao; phiếu đã nộp phải giữ nguyên."),
        "dossier_not_assigned": _t("Hồ sơ chưa được giao cho hội đồng này."),
        "result_stars_mismatch": _t("Số sao ghi nhận ({stars}) khác với kết quả hội đồng đã phê duyệt ({expected})."),
        "council_scored": _t("Hội đồng đã có {sheets} phiếu chấm được nộp nên không sửa hay xoá được nữa; biên bản "
                             "phải ghi đúng hội đồng đã chấm. Muốn chấm lại, hãy mở phiên đánh giá mới."),
        "one_chair_required": _t("Hội đồng cần đúng một Chủ tịch (hiện có {chairs})."),
        "member_repeated": _t("Một tài khoản chỉ giữ một ghế trong hội đồng."),
        "council_without_criteria": _t("Hãy chọn bộ tiêu chí cho hội đồng trước khi mở phiên đánh giá."),
    }


def _file_errors() -> dict[str, str]:
    return {
        "file_too_large": _t("Tệp lớn hơn mức tối đa được nhận."),
        "file_unreadable": _t("Không đọc được tệp (không có quyền hoặc đĩa lỗi)."),
        "file_missing": _t("Không tìm thấy tệp."),
        "file_empty": _t("Tệp rỗng."),
        "not_a_file": _t("Không phải tệp thông thường (thư mục hoặc thiết bị)."),
        "too_large": _t("Tệp lớn hơn mức tối đa được nhận."),
        "unreadable": _t("Không đọc được {path} ({detail})."),
        "invalid_hash": _t("Mã băm của tệp không hợp lệ."),
        "hash_mismatch": _t("Nội dung tệp không khớp mã băm; hãy thử lại."),
        "unwritable": _t("Không ghi được tệp “{path}”: thư mục không tồn tại hoặc không có quyền ghi. "
                         "Hãy chọn nơi lưu khác."),
        "is_directory": _t("“{path}” là một thư mục; hãy nhập tên tệp."),
        "no_vietnamese_font": _t("Máy này không có phông chữ tiếng Việt (như DejaVu Sans, Noto Sans, Arial); "
                                 "hãy cài một phông rồi xuất lại."),
        "not_a_database": _t("Tệp {path} không phải cơ sở dữ liệu của ứng dụng. Không có gì bị thay đổi."),
        "corrupt": _t("Cơ sở dữ liệu {path} bị hỏng ({detail}). Không có gì bị thay đổi; hãy khôi phục từ bản "
                      "sao lưu."),
        "too_new": _t("Cơ sở dữ liệu {path} do phiên bản mới hơn của ứng dụng tạo ra (lược đồ {detail}). Hãy cập "
                      "nhật ứng dụng; tệp không bị thay đổi."),
        "needs_upgrade": _t("Cơ sở dữ liệu {path} cần nâng cấp: chạy \"ocop db upgrade\"."),
        "journal_bypassed": _t("Lỗi của ứng dụng: một thay đổi không đi qua nhật ký đồng bộ nên không được lưu."),
    }


def _server_errors() -> dict[str, str]:
    """The server's answers (ocop_server ApiError codes, which reach the laptop as SyncError codes), the
    client's own, and the reasons a pushed change was refused."""
    return {
        "network": _t("Không kết nối được máy chủ tỉnh. Hãy kiểm tra mạng rồi thử lại."),
        "not_ocop_server": _t("Địa chỉ {url} có trả lời nhưng không phải máy chủ OCOP của tỉnh. Hãy kiểm tra lại "
                              "địa chỉ và cổng."),
        "bad_response": _t("Máy chủ tỉnh trả lời không đúng định dạng; hãy thử lại sau hoặc báo quản trị tỉnh."),
        "protocol_unsupported": _t("Máy chủ không còn phục vụ phiên bản ứng dụng này; hãy cập nhật ứng dụng."),
        "not_logged_in": _t("Máy này chưa đăng nhập máy chủ tỉnh; hãy đăng nhập lại."),
        "token_invalid": _t("Phiên đăng nhập máy chủ trên máy này đã hết hiệu lực; hãy đăng nhập lại."),
        "token_not_found": _t("Máy chủ không có phiên đăng nhập này."),
        "login_failed": _t("Sai tên đăng nhập hoặc mật khẩu."),
        "admins_only": _t("Chỉ quản trị tỉnh được làm việc này trên máy chủ."),
        "upload_not_allowed": _t("Chỉ quản trị tỉnh và cán bộ xã được gửi tệp đính kèm."),
        "criteria_invalid": _t("Bộ tiêu chí có lỗi: {detail}"),
        "criteria_immutable": _t("Máy chủ đã có phiên bản cùng mã định danh với nội dung khác; bộ tiêu chí đã ban "
                                 "hành không sửa được. Hãy tạo phiên bản mới."),
        "invalid_user": _t("Thông tin tài khoản không hợp lệ."),
        "body_too_large": _t("Dữ liệu gửi lên quá lớn so với mức máy chủ nhận."),
        "chunk_too_large": _t("Phần tệp gửi lên quá lớn so với mức máy chủ nhận."),
        "bad_gzip": _t("Dữ liệu nén gửi lên bị hỏng."),
        "unknown_entity": _t("Máy chủ không biết loại dữ liệu này."),
        "upload_not_started": _t("Máy chủ chưa nhận lần gửi tệp này; hãy đồng bộ lại."),
        "wrong_offset": _t("Máy chủ đang giữ một phần khác của tệp; hãy đồng bộ lại."),
        "file_not_found": _t("Máy chủ không có tệp này."),
        "invalid_request": _t("Máy chủ không hiểu yêu cầu (sai định dạng)."),
        "length_required": _t("Máy chủ cần biết độ dài dữ liệu gửi lên."),
        "http_error": _t("Máy chủ trả lời lỗi {status}."),
        "forbidden": _t("Vai trò hoặc phạm vi của tài khoản không cho phép thay đổi này."),
        "sheet_submitted": _t("Phiếu chấm đã nộp thì không sửa được; hãy chấm lại bằng phiếu mới."),
        "unknown_row": _t("Máy chủ không có bản ghi này (có thể việc tạo nó đã bị từ chối trước đó)."),
        "conflict_fields": _t("Chỉ được đổi trạng thái và cách giải quyết của một xung đột."),
        "criteria_hash_mismatch": _t("Phiếu được chấm theo nội dung bộ tiêu chí khác với bản của tỉnh."),
        "total_mismatch": _t("Tổng điểm trên máy này khác với tổng điểm máy chủ tính lại."),
        "change_id_reused": _t("Thay đổi này trùng mã với một thay đổi đã gửi trước."),
        "invalid": _t("Dữ liệu không hợp lệ."),
        "wrong_password": _t("Sai tên đăng nhập hoặc mật khẩu."),
        "never_logged_in_here": _t("Không kết nối được máy chủ, và tài khoản này chưa từng đăng nhập trên máy này "
                                   "nên chưa thể làm việc ngoại tuyến."),
        "server_refused": _t("Máy chủ từ chối đăng nhập. Hãy liên hệ quản trị tỉnh."),
        "cancelled": _t("Đã huỷ."),
        "rejected": _t("Máy chủ từ chối thay đổi này."),
        "account": _t("Tài khoản người dùng chỉ được thay đổi trên máy chủ."),
        "server_only": _t("Loại dữ liệu này chỉ máy chủ được tạo hoặc sửa."),
        "row_exists": _t("Máy chủ đã có bản ghi cùng mã định danh."),
        "base_version_ahead": _t("Máy này ghi một phiên bản của bản ghi mà máy chủ chưa từng có."),
        "unknown_parent": _t("Bản ghi trỏ tới một bản ghi khác mà máy chủ không có."),
        "duplicate": _t("Máy chủ đã có một bản ghi khác trùng thông tin phải là duy nhất."),
        "cursor_reset": _t("Dữ liệu trên máy chủ đã được khôi phục; lần đồng bộ sau tải lại từ đầu, những thay đổi "
                           "chưa gửi vẫn được giữ."),
    }


def _map_errors() -> dict[str, str]:
    """What the map refuses (ocop_desktop.maps.errors); the map keeps working with what it has."""
    return {
        "mbtiles_unreadable": _t("Không đọc được tệp bản đồ nền {path}: tệp hỏng hoặc không phải MBTiles."),
        "mbtiles_not_mbtiles": _t("Tệp {path} không phải bản đồ nền MBTiles."),
        "mbtiles_bad_metadata": _t("Tệp bản đồ nền {path} có thông tin “{field}” không hợp lệ."),
        "tile_not_image": _t("Một ô bản đồ không phải ảnh PNG, JPEG hay WebP."),
        "tile_too_large": _t("Một ô bản đồ quá lớn."),
        "basemap_exists": _t("Bản đồ nền {path} đã có trên máy này."),
        "online_bad_template": _t("Địa chỉ nguồn bản đồ trực tuyến “{template}” không dùng được."),
        "online_http_error": _t("Máy chủ bản đồ trực tuyến trả lời lỗi {status}."),
        "online_paused": _t("Tạm ngừng tải bản đồ trực tuyến sau nhiều lần lỗi; ứng dụng sẽ thử lại sau."),
        "online_unreachable": _t("Không kết nối được máy chủ bản đồ trực tuyến."),
        "cache_disabled": _t("Không lưu được bản đồ đã tải vào {path}; bản đồ vẫn dùng được nhưng phải tải lại."),
        "cluster_unknown": _t("Nhóm điểm này không còn trên bản đồ."),
        "point_no_location": _t("Chủ thể chưa có vĩ độ, kinh độ nên chưa hiện trên bản đồ."),
        "point_bad_location": _t("Vị trí của chủ thể nằm ngoài bản đồ (vĩ độ {lat}, kinh độ {lon})."),
    }


def _criteria_problems() -> dict[str, str]:
    """What the criteria-set loader finds wrong in a file (ocop_core.domain.criteria_loader)."""
    return {
        "invalid_json": _t("Không phải JSON hợp lệ."),
        "not_utf8": _t("Tệp không phải văn bản UTF-8; hãy lưu lại tệp với bảng mã UTF-8."),
        "missing": _t("Thiếu trường bắt buộc."),
        "unknown_key": _t("Trường không được hỗ trợ (có thể gõ sai tên)."),
        "empty": _t("Danh sách rỗng."),
        "blank": _t("Không được để trống."),
        "code_whitespace": _t("Mã có khoảng trắng ở đầu hoặc cuối."),
        "invalid_value": _t("Giá trị không hợp lệ."),
        "invalid_date": _t("Ngày không hợp lệ (cần dạng năm-tháng-ngày, VD: 2023-02-24)."),
        "invalid_uuid": _t("Mã định danh (UUID) không hợp lệ."),
        "invalid_legal_basis": _t("Căn cứ pháp lý cần dạng \"số/ký hiệu dd/mm/yyyy\"."),
        "duplicate_code": _t("Mã bị trùng."),
        "unknown_reference": _t("Tham chiếu tới mã không tồn tại."),
        "negative_points": _t("Điểm âm."),
        "no_options": _t("Tiêu chí không có phương án chấm."),
        "options_and_subitems": _t("Tiêu chí có cả phương án và tiểu mục."),
        "rule_without_condition": _t("Điều kiện bắt buộc thiếu ngưỡng điểm hoặc phương án bị cấm."),
        "criteria_sum_mismatch": _t("Tổng điểm tối đa các tiêu chí khác điểm tối đa của phần."),
        "parts_sum_mismatch": _t("Tổng điểm các phần khác tổng điểm của bộ tiêu chí."),
        "band_gap": _t("Các hạng sao có khoảng trống."),
        "band_overlap": _t("Các hạng sao chồng lấn."),
        "band_not_last": _t("Chỉ hạng sao cao nhất được lấy cận trên."),
        "bands_not_ascending": _t("Hạng sao không tăng dần theo điểm."),
        "band_needs_one_upper_bound": _t("Hạng sao cần đúng một cận trên."),
        "empty_band": _t("Hạng sao rỗng."),
        "unknown_star_level": _t("Hạng sao không tồn tại."),
        "unsupported_schema_version": _t("Phiên bản định dạng không được hỗ trợ."),
        "duplicate_answer": _t("Một tiêu chí được chấm hai lần."),
        "unknown_subitem": _t("Không có tiểu mục này."),
    }


def error_texts() -> dict[str, str]:
    """Every code an error, a refusal or a criteria problem can carry, with its one wording; ``{name}``
    placeholders are filled from the error's parameters."""
    # Each topic module (ocop_desktop/words/<topic>.py) contributes its own codes through errors().
    from ocop_desktop.words import topics

    merged = {**_service_errors(), **_council_errors(), **_file_errors(),
              **_server_errors(), **_map_errors(), **_criteria_problems()}
    for module in topics.MODULES:
        merged.update(module.errors())
    return merged


class _Params(dict):
    def __missing__(self, key: str) -> str:
        return "—"


def _listed(items: Iterable[Any], table: dict[str, str]) -> str:
    return "; ".join(table.get(str(item), str(item)) for item in items)


def _params(error: OcopError) -> _Params:
    """The error's parameters as a person reads them: codes in words, lists joined, paths as text."""
    params = _Params({k: v for k, v in error.params.items() if v is not None})
    statuses = dossier_statuses()
    if error.code.startswith("task_"):  # a task's statuses are its own (open, in progress...)
        from ocop_desktop.words.tasks import task_statuses

        statuses = task_statuses()
    for name in ("status", "current", "target", "was"):
        if isinstance(params.get(name), str):
            params[name] = word(statuses, params[name])
    if isinstance(params.get("role"), str):
        params["role"] = word(user_roles(), params["role"])
    if error.code == "result_not_approvable":
        flags = list(params.get("flags", [])) + (["incomplete"] if params.get("recommendation") == "incomplete"
                                                 else [])
        params["flags"] = _listed(flags, result_flags()) or _t("kết quả chưa đủ điều kiện")
    detail = params.get("detail")
    if isinstance(detail, list | tuple):
        params["detail"] = "; ".join(str(d) for d in detail[:3])
    if error.code == "criteria_invalid" and "problems" in params:
        params["detail"] = _listed((p.code for p in params["problems"][:3]), error_texts())
    return params


def error_text(error: BaseException) -> str:
    """A sentence a person can act on, for any error the app can meet."""
    if isinstance(error, OcopError):
        template = error_texts().get(error.code)
        if template is None:
            return _t("Không thực hiện được thao tác ({code}).").format(code=error.code)
        return template.format_map(_params(error))
    return _t("Đã xảy ra lỗi: {detail}").format(detail=str(error)[:300] or type(error).__name__)


def code_text(code: str, **params: Any) -> str:
    """The wording of a code that arrives without its exception (a stored refusal, a criteria problem)."""
    return error_text(OcopError(code, **params))


def refusal_text(stored: str) -> str:
    """The sync engine keeps a refused change as "status: code: English detail"; a person reads its meaning."""
    status, _, rest = stored.partition(":")
    code, _, detail = rest.strip().partition(":")
    code = code.strip() or status.strip()
    if code not in error_texts():
        if status.strip() == "forbidden":
            return code_text("forbidden")
        return _t("Máy chủ từ chối thay đổi này ({code}).").format(code=code)
    return code_text(code, detail=detail.strip()[:200])


def approval(approved_at: date | datetime | None, approved_by: str) -> str:
    """When an approved result was approved, and by whom when this laptop knows the name."""
    if approved_by:
        return _t("Đã phê duyệt ngày {date} ({name})").format(date=formats.day(approved_at), name=approved_by)
    return _t("Đã phê duyệt ngày {date}").format(date=formats.day(approved_at))


def language_switch() -> dict[str, str]:
    """The language menu's question and answers, in both languages on purpose and never through ``_t``: whoever
    just switched may not read the language on screen."""
    return {
        "question": "Mở lại cửa sổ bằng ngôn ngữ mới ngay bây giờ? Không cần đăng nhập lại; nội dung chưa lưu sẽ được "
                    "hỏi trước.\nReopen the window in the new language now? No new login is needed; you will be "
                    "asked about anything unsaved first.",
        "now": "Mở lại ngay / Reopen now", "later": "Để sau / Later",
        "next_start": "Ngôn ngữ mới có hiệu lực khi mở lại ứng dụng.\nThe new language applies the next time the app "
                      "starts.",
    }
