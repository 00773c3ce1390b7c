<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="vi_VN">
<context>
    <name></name>
    <message>
        <source>Đề nghị UBND tỉnh công nhận</source>
        <translation>Propose recognition by the Provincial People&apos;s Committee</translation>
    </message>
    <message>
        <source>Đề nghị Trung ương xét công nhận 5 sao</source>
        <translation>Refer to the central level for 5-star recognition</translation>
    </message>
    <message>
        <source>Không đủ điều kiện công nhận</source>
        <translation>Not eligible for recognition</translation>
    </message>
    <message>
        <source>Chưa đủ phiếu chấm</source>
        <translation>Not enough score sheets</translation>
    </message>
    <message>
        <source>Điểm các thành viên chênh lệch quá giới hạn: cần thảo luận và chấm lại</source>
        <translation>Member scores differ by more than the limit: discuss and rescore</translation>
    </message>
    <message>
        <source>Không đủ số thành viên chấm điểm theo quy định</source>
        <translation>Fewer members scored than required</translation>
    </message>
    <message>
        <source>Chủ tịch hội đồng chưa chấm điểm</source>
        <translation>The council chair has not scored yet</translation>
    </message>
    <message>
        <source>Kết quả đã được phê duyệt</source>
        <translation>The result has been approved</translation>
    </message>
    <message>
        <source>Chưa có phiếu chấm nào được nộp</source>
        <translation>No score sheets have been submitted yet</translation>
    </message>
    <message>
        <source>Chủ tịch</source>
        <translation>Chair</translation>
    </message>
    <message>
        <source>Phó Chủ tịch</source>
        <translation>Vice-chair</translation>
    </message>
    <message>
        <source>Thư ký</source>
        <translation>Secretary</translation>
    </message>
    <message>
        <source>Thành viên</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Không xếp hạng</source>
        <translation>Not rated</translation>
    </message>
    <message numerus="yes">
        <source>%n sao</source>
        <translation>
            <numerusform>%n star</numerusform>
            <numerusform>%n stars</numerusform>
        </translation>
    </message>
    <message>
        <source>Đã phê duyệt ngày {date} ({name})</source>
        <translation>Approved on {date} ({name})</translation>
    </message>
    <message>
        <source>Căn cứ Quyết định số {no} ngày {date} về việc thành lập Hội đồng.</source>
        <translation>Pursuant to Decision No. {no} dated {date} on the establishment of the Council.</translation>
    </message>
    <message>
        <source>, có Chủ tịch hội đồng</source>
        <translation>, including the council chair</translation>
    </message>
    <message>
        <source>điểm của các thành viên chênh lệch không quá {n} điểm</source>
        <translation>members&apos; scores differ by no more than {n} points</translation>
    </message>
    <message>
        <source>không giới hạn chênh lệch điểm giữa các thành viên</source>
        <translation>no limit on score differences between members</translation>
    </message>
    <message>
        <source>TV{n}</source>
        <translation>M{n}</translation>
    </message>
    <message>
        <source>{value} (nháp)</source>
        <translation>{value} (draft)</translation>
    </message>
    <message>
        <source>Không đạt tiêu chí bắt buộc {code} ({name})</source>
        <translation>Mandatory criterion {code} ({name}) not met</translation>
    </message>
    <message>
        <source>Giấy tờ bắt buộc chưa đạt ({document})</source>
        <translation>Required document not met ({document})</translation>
    </message>
    <message>
        <source>Đã phê duyệt ngày {date}</source>
        <translation>Approved on {date}</translation>
    </message>
    <message>
        <source>ít nhất {percent} thành viên chấm điểm</source>
        <translation>at least {percent} of members must score</translation>
    </message>
    <message>
        <source>Chủ tịch hội đồng có mặt, chủ trì phiên họp (không chấm điểm).</source>
        <translation>The council chair was present and presided over the session (not scoring).</translation>
    </message>
    <message>
        <source>Hội đồng thống nhất kiến nghị:</source>
        <translation>The council agreed to recommend:</translation>
    </message>
    <message>
        <source>– Đề nghị UBND tỉnh công nhận {n} sản phẩm đạt 3 đến 4 sao;</source>
        <translation>– Propose that the Provincial People&apos;s Committee recognise {n} products rated 3 to 4 stars;</translation>
    </message>
    <message>
        <source>– Đề nghị Trung ương xét công nhận {n} sản phẩm đạt 5 sao;</source>
        <translation>– Propose that the central level consider {n} products rated 5 stars for recognition;</translation>
    </message>
    <message>
        <source>– {n} sản phẩm không đủ điều kiện công nhận;</source>
        <translation>– {n} products not eligible for recognition;</translation>
    </message>
    <message>
        <source>– {n} hồ sơ chưa kết luận (cần chấm lại hoặc chưa đủ thành viên chấm);</source>
        <translation>– {n} dossiers without a conclusion (rescoring needed or not enough members scored);</translation>
    </message>
    <message>
        <source>– {n} hồ sơ chưa có phiếu chấm.</source>
        <translation>– {n} dossiers without a score sheet.</translation>
    </message>
    <message>
        <source>Biên bản họp hội đồng</source>
        <translation>Council meeting minutes</translation>
    </message>
    <message>
        <source>Trang {page}/{pages}</source>
        <translation>Page {page} of {pages}</translation>
    </message>
    <message>
        <source>STT</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <source>Danh sách sản phẩm OCOP được công nhận đến ngày {day}</source>
        <translation>Recognised OCOP products as of {day}</translation>
    </message>
    <message>
        <source>Sản phẩm</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Chủ thể</source>
        <translation>Producer</translation>
    </message>
    <message>
        <source>Xã</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Nhóm</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>Validity</translation>
    </message>
    <message>
        <source>Sản phẩm OCOP</source>
        <translation>OCOP products</translation>
    </message>
    <message>
        <source>Điểm trung bình</source>
        <translation>Average score</translation>
    </message>
    <message>
        <source>Chênh lệch</source>
        <translation>Spread</translation>
    </message>
    <message>
        <source>Đủ số lượng</source>
        <translation>Quorum met</translation>
    </message>
    <message>
        <source>Hạng sao</source>
        <translation>Star rating</translation>
    </message>
    <message>
        <source>Kiến nghị</source>
        <translation>Recommendation</translation>
    </message>
    <message>
        <source>Tiêu chí bắt buộc không đạt</source>
        <translation>Mandatory criteria not met</translation>
    </message>
    <message>
        <source>Lưu ý</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Giấy tờ bắt buộc thiếu hoặc hết hiệu lực</source>
        <translation>Required documents missing or expired</translation>
    </message>
    <message>
        <source>Ngày phê duyệt</source>
        <translation>Approval date</translation>
    </message>
    <message>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Thông tin</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Báo cáo tổng hợp chương trình OCOP tỉnh Hà Tĩnh năm {year}</source>
        <translation>Hà Tĩnh province OCOP programme summary report {year}</translation>
    </message>
    <message>
        <source>{n} sao</source>
        <translation>{n} stars</translation>
    </message>
    <message>
        <source>Theo năm</source>
        <translation>By year</translation>
    </message>
    <message>
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Theo xã</source>
        <translation>By commune</translation>
    </message>
    <message>
        <source>Tổng</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Theo nhóm</source>
        <translation>By group</translation>
    </message>
    <message>
        <source>Số hồ sơ</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Chờ lâu nhất (ngày)</source>
        <translation>Longest wait (days)</translation>
    </message>
    <message>
        <source>Chờ từ 30 ngày</source>
        <translation>Waiting 30 days or more</translation>
    </message>
    <message>
        <source>Hội đồng</source>
        <translation>Council</translation>
    </message>
    <message>
        <source>Phiếu đã nộp</source>
        <translation>Sheets submitted</translation>
    </message>
    <message>
        <source>Phiếu cần nộp</source>
        <translation>Sheets expected</translation>
    </message>
    <message>
        <source>Số liệu đến ngày {day}.</source>
        <translation>Figures as of {day}.</translation>
    </message>
    <message>
        <source>Sản phẩm OCOP được công nhận: {n}.</source>
        <translation>Recognised OCOP products: {n}.</translation>
    </message>
    <message>
        <source>Hết hạn trong {m} tháng tới: {n}.</source>
        <translation>Expiring within the next {m} months: {n}.</translation>
    </message>
    <message>
        <source>Tổng hợp</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Sản phẩm theo hạng sao qua các năm</source>
        <translation>Products by stars over the years</translation>
    </message>
    <message>
        <source>Hồ sơ theo trạng thái</source>
        <translation>Dossiers by status</translation>
    </message>
    <message>
        <source>Sản phẩm theo xã và hạng sao</source>
        <translation>Products by commune and stars</translation>
    </message>
    <message>
        <source>Quyết định thành lập</source>
        <translation>Establishment decision</translation>
    </message>
    <message>
        <source>Ngày quyết định</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <source>Ngày họp</source>
        <translation>Meeting date</translation>
    </message>
    <message>
        <source>Vòng</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>Bộ tiêu chí</source>
        <translation>Criteria set</translation>
    </message>
    <message>
        <source>Chênh lệch tối đa giữa các thành viên</source>
        <translation>Maximum spread between members</translation>
    </message>
    <message>
        <source>Tỷ lệ thành viên tối thiểu</source>
        <translation>Minimum share of members scoring</translation>
    </message>
    <message>
        <source>Chức danh</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Đã nộp ngày {date}</source>
        <translation>Submitted on {date}</translation>
    </message>
    <message>
        <source>Đã được thay bằng phiếu chấm lại</source>
        <translation>Superseded by a rescore sheet</translation>
    </message>
    <message>
        <source>Phiếu nháp, chưa nộp</source>
        <translation>Draft sheet, not submitted</translation>
    </message>
    <message>
        <source>Tổng điểm: &lt;b&gt;{total}&lt;/b&gt;</source>
        <translation>Total score: &lt;b&gt;{total}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Hạng sao theo phiếu: &lt;b&gt;{stars}&lt;/b&gt;</source>
        <translation>Star rating on this sheet: &lt;b&gt;{stars}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Không đạt tiêu chí bắt buộc: {codes}</source>
        <translation>Mandatory criteria not met: {codes}</translation>
    </message>
    <message>
        <source>Còn {n} tiêu chí chưa chấm: {codes}</source>
        <translation>Criteria not yet scored ({n}): {codes}</translation>
    </message>
    <message>
        <source>Phiếu chấm điểm – {name}</source>
        <translation>Score sheet – {name}</translation>
    </message>
    <message>
        <source>Hồ sơ đang ở trạng thái “{status}”: chỉ giao được hồ sơ xã đã chuyển lên tỉnh.</source>
        <translation>The dossier is “{status}”: only dossiers that communes have forwarded to the province can be assigned.</translation>
    </message>
    <message>
        <source>Hồ sơ đã được giao cho một hội đồng; hãy bỏ giao ở hội đồng đó trước.</source>
        <translation>The dossier is already assigned to a council; unassign it from that council first.</translation>
    </message>
    <message>
        <source>Hội đồng đã chấm hồ sơ này nên không thể bỏ giao; phiếu đã nộp phải giữ nguyên.</source>
        <translation>The council has already scored this dossier, so it cannot be unassigned; submitted sheets must be kept.</translation>
    </message>
    <message>
        <source>Máy này đã có phiên bản “{code}” với nội dung khác. Phiên bản đã lưu không được sửa: hãy đặt mã và mã định danh (id) mới cho phiên bản mới.</source>
        <translation>This computer already has version “{code}” with different content. A saved version cannot be changed: give the new version a new code and identifier (id).</translation>
    </message>
    <message>
        <source>Tệp ghi là thay thế một phiên bản chưa có trên máy này; hãy lưu phiên bản cũ trước.</source>
        <translation>The file says it replaces a version that is not on this computer; save the earlier version first.</translation>
    </message>
    <message>
        <source>Máy chủ đã có phiên bản cùng mã định danh với nội dung khác; bộ tiêu chí đã ban hành không sửa được. Hãy tạo phiên bản mới.</source>
        <translation>The server already has a version with the same identifier but different content; a published criteria set cannot be changed. Create a new version.</translation>
    </message>
    <message>
        <source>Máy chủ không còn phục vụ phiên bản ứng dụng này; hãy cập nhật ứng dụng.</source>
        <translation>The server no longer supports this version of the application; please update the application.</translation>
    </message>
    <message>
        <source>{no} ngày {day}</source>
        <translation>{no} dated {day}</translation>
    </message>
    <message>
        <source>Chưa có</source>
        <translation>None yet</translation>
    </message>
    <message>
        <source>Tên hội đồng</source>
        <translation>Council name</translation>
    </message>
    <message>
        <source>Địa bàn</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Chưa chọn</source>
        <translation>Not selected</translation>
    </message>
    <message>
        <source>Hồ sơ đã giao</source>
        <translation>Assigned dossiers</translation>
    </message>
    <message>
        <source>Xã/phường</source>
        <translation>Commune/ward</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Tài khoản</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>(chưa gắn tài khoản)</source>
        <translation>(no account linked)</translation>
    </message>
    <message>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Đơn vị công tác</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Chấm điểm</source>
        <translation>Scoring</translation>
    </message>
    <message>
        <source>đối tượng {…}</source>
        <translation>object {…}</translation>
    </message>
    <message>
        <source>danh sách […]</source>
        <translation>list […]</translation>
    </message>
    <message>
        <source>chuỗi</source>
        <translation>string</translation>
    </message>
    <message>
        <source>số</source>
        <translation>number</translation>
    </message>
    <message>
        <source>số nguyên</source>
        <translation>integer</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>true/false</translation>
    </message>
    <message>
        <source>ngày</source>
        <translation>date</translation>
    </message>
    <message>
        <source>null (trống)</source>
        <translation>null (empty)</translation>
    </message>
    <message>
        <source>dòng {line}, cột {column}</source>
        <translation>line {line}, column {column}</translation>
    </message>
    <message>
        <source>byte thứ {n}</source>
        <translation>byte {n}</translation>
    </message>
    <message>
        <source>cần {expected}, đang là {got}</source>
        <translation>expected {expected}, found {got}</translation>
    </message>
    <message>
        <source>{size}, giới hạn {limit}</source>
        <translation>{size}, limit {limit}</translation>
    </message>
    <message>
        <source>{length} ký tự, tối đa {limit}</source>
        <translation>{length} characters, max. {limit}</translation>
    </message>
    <message>
        <source>khai báo {declared}, cộng lại được {actual}</source>
        <translation>declared {declared}, adds up to {actual}</translation>
    </message>
    <message>
        <source>mã &quot;{code}&quot; đã dùng ở {first}</source>
        <translation>code &quot;{code}&quot; already used at {first}</translation>
    </message>
    <message>
        <source>mã &quot;{code}&quot;</source>
        <translation>code &quot;{code}&quot;</translation>
    </message>
    <message>
        <source>từ {lower} đến {upper}</source>
        <translation>from {lower} to {upper}</translation>
    </message>
    <message>
        <source>giá trị: {value}</source>
        <translation>value: {value}</translation>
    </message>
    <message>
        <source>cho phép: {allowed}</source>
        <translation>allowed: {allowed}</translation>
    </message>
    <message>
        <source>tên trường: “{key}”</source>
        <translation>field name: “{key}”</translation>
    </message>
    <message>
        <source>trùng với {other}</source>
        <translation>duplicates {other}</translation>
    </message>
    <message>
        <source>Phiếu {code}</source>
        <translation>Sheet {code}</translation>
    </message>
    <message>
        <source>Phần {code}</source>
        <translation>Part {code}</translation>
    </message>
    <message>
        <source>Nhóm tiêu chí {code}</source>
        <translation>Criterion group {code}</translation>
    </message>
    <message>
        <source>Tiêu chí {code}</source>
        <translation>Criterion {code}</translation>
    </message>
    <message>
        <source>Tiểu mục {code}</source>
        <translation>Sub-item {code}</translation>
    </message>
    <message>
        <source>Phương án {code}</source>
        <translation>Option {code}</translation>
    </message>
    <message>
        <source>Nhóm sản phẩm {code}</source>
        <translation>Product group {code}</translation>
    </message>
    <message>
        <source>Nhóm {code}</source>
        <translation>Category {code}</translation>
    </message>
    <message>
        <source>Phân nhóm {code}</source>
        <translation>Subgroup {code}</translation>
    </message>
    <message>
        <source>Hạng {code}</source>
        <translation>Star band {code}</translation>
    </message>
    <message>
        <source>Giấy tờ {code}</source>
        <translation>Required document {code}</translation>
    </message>
    <message>
        <source>Căn cứ pháp lý {code}</source>
        <translation>Legal basis {code}</translation>
    </message>
    <message>
        <source>Thông tin bộ tiêu chí</source>
        <translation>Criteria set information</translation>
    </message>
    <message>
        <source>Cách tổng hợp điểm</source>
        <translation>Score aggregation</translation>
    </message>
    <message>
        <source>Cả tệp</source>
        <translation>Whole file</translation>
    </message>
    <message>
        <source>Bản nháp</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Đã ban hành</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>Đã hết hiệu lực</source>
        <translation>No longer in force</translation>
    </message>
    <message>
        <source>từ {start} đến {end}</source>
        <translation>from {start} to {end}</translation>
    </message>
    <message>
        <source>từ {start}, chưa có ngày kết thúc</source>
        <translation>from {start}, no end date</translation>
    </message>
    <message>
        <source>chưa ghi ngày hiệu lực</source>
        <translation>no effective dates recorded</translation>
    </message>
    <message>
        <source>{stars}★ dưới {upper}</source>
        <translation>{stars}★ below {upper}</translation>
    </message>
    <message>
        <source>{stars}★ {lower}–{upper}</source>
        <translation>{stars}★ {lower}–{upper}</translation>
    </message>
    <message>
        <source>{stars}★ {lower} đến dưới {upper}</source>
        <translation>{stars}★ {lower} to under {upper}</translation>
    </message>
    <message>
        <source>{number} ngày {day}</source>
        <translation>{number} dated {day}</translation>
    </message>
    <message>
        <source>Mã phiên bản</source>
        <translation>Version code</translation>
    </message>
    <message>
        <source>Tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Trạng thái trong tệp</source>
        <translation>Status in file</translation>
    </message>
    <message>
        <source>Hiệu lực</source>
        <translation>Validity</translation>
    </message>
    <message>
        <source>Căn cứ pháp lý</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Tổng điểm</source>
        <translation>Total score</translation>
    </message>
    <message>
        <source>Nhóm sản phẩm</source>
        <translation>Product groups</translation>
    </message>
    <message>
        <source>{groups} nhóm, {subgroups} phân nhóm</source>
        <translation>{groups} groups, {subgroups} subgroups</translation>
    </message>
    <message>
        <source>Mã băm nội dung (SHA-256)</source>
        <translation>Content hash (SHA-256)</translation>
    </message>
    <message>
        <source>Tệp “{name}” hợp lệ — sẵn sàng lưu vào máy hoặc ban hành.</source>
        <translation>File “{name}” is valid — ready to save to this computer or publish.</translation>
    </message>
    <message>
        <source>Lưu ý: tệp chưa ở trạng thái “Đã ban hành”; khi chọn bộ tiêu chí theo ngày đánh giá, ứng dụng chỉ dùng phiên bản đã ban hành.</source>
        <translation>Note: the file is not marked “Published”; when a criteria set is chosen by evaluation date, the application uses only published versions.</translation>
    </message>
    <message>
        <source>Phiếu đánh giá</source>
        <translation>Score sheet</translation>
    </message>
    <message>
        <source>Mã phiếu</source>
        <translation>Sheet code</translation>
    </message>
    <message>
        <source>Tên phiếu</source>
        <translation>Sheet name</translation>
    </message>
    <message>
        <source>Các phần (điểm tối đa)</source>
        <translation>Parts (maximum score)</translation>
    </message>
    <message>
        <source>Số tiêu chí</source>
        <translation>Number of criteria</translation>
    </message>
    <message>
        <source>Tiêu chí bắt buộc</source>
        <translation>Mandatory criteria</translation>
    </message>
    <message>
        <source>Đủ điều kiện phê duyệt.</source>
        <translation>Ready for approval.</translation>
    </message>
    <message>
        <source>Chênh lệch tối đa {n} điểm</source>
        <translation>Maximum spread {n} points</translation>
    </message>
    <message>
        <source>Không giới hạn chênh lệch</source>
        <translation>No spread limit</translation>
    </message>
    <message>
        <source>Chưa phê duyệt được: {flags}.</source>
        <translation>Cannot approve yet: {flags}.</translation>
    </message>
    <message>
        <source>tối thiểu {percent} thành viên chấm</source>
        <translation>at least {percent} of members scoring</translation>
    </message>
    <message>
        <source>, có Chủ tịch</source>
        <translation>, including the chair</translation>
    </message>
    <message numerus="yes">
        <source>%n hồ sơ</source>
        <translation>
            <numerusform>%n dossier</numerusform>
            <numerusform>%n dossiers</numerusform>
        </translation>
    </message>
    <message>
        <source>{spread} (giới hạn {limit})</source>
        <translation>{spread} (limit {limit})</translation>
    </message>
    <message>
        <source>{n}/{m} thành viên – đủ</source>
        <translation>{n}/{m} members – quorum met</translation>
    </message>
    <message>
        <source>{n}/{m} thành viên – chưa đủ</source>
        <translation>{n}/{m} members – quorum not met</translation>
    </message>
    <message>
        <source>Không có</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Đủ, còn hiệu lực</source>
        <translation>Complete and valid</translation>
    </message>
    <message>
        <source>Chưa phê duyệt</source>
        <translation>Not approved</translation>
    </message>
    <message>
        <source>Số người chấm</source>
        <translation>Scorers</translation>
    </message>
    <message>
        <source>Hạng theo điểm</source>
        <translation>Rating by score</translation>
    </message>
    <message>
        <source>Giấy tờ bắt buộc</source>
        <translation>Required documents</translation>
    </message>
    <message>
        <source>Hạng sao cuối cùng</source>
        <translation>Final star rating</translation>
    </message>
    <message>
        <source>Lưu ý:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Chưa có phiên đánh giá nào trên máy này. Phiên đánh giá được mở cùng hội đồng, ở Quản trị → Hội đồng.</source>
        <translation>There is no evaluation session on this laptop yet. A session is opened with its council, in Administration → Councils.</translation>
    </message>
    <message>
        <source>Không có hồ sơ nào khớp “{query}” trong phiên này.</source>
        <translation>No dossier in this session matches “{query}”.</translation>
    </message>
    <message>
        <source>Không có hồ sơ nào của xã bạn trong phiên này. Tài khoản cán bộ xã chỉ thấy kết quả chấm của các hồ sơ thuộc xã mình; hồ sơ của xã khác do hội đồng và tỉnh theo dõi.</source>
        <translation>This session has no dossier of your commune. A commune officer&apos;s account sees the scores of their own commune&apos;s dossiers only; other communes&apos; dossiers are followed by the council and the province.</translation>
    </message>
    <message>
        <source>Phiên này chưa có hồ sơ nào: chưa hồ sơ nào được giao cho hội đồng và chưa có phiếu chấm. Quản trị tỉnh giao hồ sơ cho hội đồng ở Quản trị → Hội đồng.</source>
        <translation>This session has no dossier yet: none has been put before the council and no sheet has been scored. The provincial admin puts dossiers before the council in Administration → Councils.</translation>
    </message>
    <message>
        <source>Không ghi được tệp “{path}”: thư mục không tồn tại hoặc không có quyền ghi. Hãy chọn nơi lưu khác.</source>
        <translation>Cannot write file “{path}”: the folder does not exist or you do not have write permission. Choose another location.</translation>
    </message>
    <message>
        <source>“{path}” là một thư mục; hãy nhập tên tệp.</source>
        <translation>“{path}” is a folder; enter a file name.</translation>
    </message>
    <message>
        <source>Máy này không có phông chữ tiếng Việt (như DejaVu Sans, Noto Sans, Arial); hãy cài một phông rồi xuất lại.</source>
        <translation>This computer has no font with Vietnamese characters (such as DejaVu Sans, Noto Sans or Arial); install one and export again.</translation>
    </message>
    <message>
        <source>kết quả chưa đủ điều kiện</source>
        <translation>the result does not meet the conditions yet</translation>
    </message>
    <message>
        <source>Thay đổi chưa lưu</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Hồ sơ đang mở có thay đổi chưa lưu. Lưu trước khi chuyển?</source>
        <translation>The open dossier has unsaved changes. Save before leaving?</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Bỏ thay đổi</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>Ở lại</source>
        <translation>Stay</translation>
    </message>
    <message>
        <source>Xác nhận</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Đồng ý</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Nộp hồ sơ</source>
        <translation>Submit dossier</translation>
    </message>
    <message>
        <source>Xác nhận xã đã kiểm tra</source>
        <translation>Confirm commune check</translation>
    </message>
    <message>
        <source>Chuyển lên Hội đồng tỉnh</source>
        <translation>Forward to provincial council</translation>
    </message>
    <message>
        <source>Ghi nhận đã đánh giá</source>
        <translation>Record as evaluated</translation>
    </message>
    <message>
        <source>Kết thúc hồ sơ</source>
        <translation>Close dossier</translation>
    </message>
    <message>
        <source>Trả lại để bổ sung</source>
        <translation>Return for completion</translation>
    </message>
    <message>
        <source>Hồ sơ đã kết thúc quy trình.</source>
        <translation>The dossier has completed the workflow.</translation>
    </message>
    <message>
        <source>“{target}” do {roles} thực hiện.</source>
        <translation>“{target}” is done by {roles}.</translation>
    </message>
    <message>
        <source> hoặc </source>
        <translation> or </translation>
    </message>
    <message>
        <source>Chưa chấm</source>
        <translation>Not scored</translation>
    </message>
    <message>
        <source>Xem trước</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Bản đồ</source>
        <translation>Map</translation>
    </message>
    <message>
        <source>Hồ sơ</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Quản trị</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Tổng quan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Việc của tôi</source>
        <translation>My tasks</translation>
    </message>
    <message>
        <source>Bản ghi</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Trường</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Giá trị trên máy chủ</source>
        <translation>Value on server</translation>
    </message>
    <message>
        <source>Giá trị của máy gửi sau</source>
        <translation>Value from the computer that synced later</translation>
    </message>
    <message>
        <source>{value} (máy này)</source>
        <translation>{value} (this computer)</translation>
    </message>
    <message>
        <source>Từ máy này</source>
        <translation>From this computer</translation>
    </message>
    <message>
        <source>Từ một máy khác</source>
        <translation>From another computer</translation>
    </message>
    <message>
        <source>Bắt đầu</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Đã gửi</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Đã nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Xung đột</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Bị từ chối</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Tài khoản trên máy chủ tỉnh. Mọi thay đổi có hiệu lực ngay: các máy của người đó phải đăng nhập lại.</source>
        <translation>Accounts on the provincial server. Every change takes effect at once: that person&apos;s computers must log in again.</translation>
    </message>
    <message>
        <source>Tải lại</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Tên đăng nhập</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Họ tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Dùng lần cuối</source>
        <translation>Last used</translation>
    </message>
    <message>
        <source>Nhật ký thay đổi tài khoản</source>
        <translation>Account change log</translation>
    </message>
    <message>
        <source>Chi tiết</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Lúc</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Người thực hiện</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Việc</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Tài khoản đang chọn</source>
        <translation>Chosen account</translation>
    </message>
    <message>
        <source>(chưa chọn)</source>
        <translation>(none chosen)</translation>
    </message>
    <message>
        <source>Khóa tài khoản…</source>
        <translation>Disable account…</translation>
    </message>
    <message>
        <source>mã xã, cách nhau bởi dấu phẩy (cán bộ xã)</source>
        <translation>commune codes, separated by commas (commune officers)</translation>
    </message>
    <message>
        <source>Lưu vai trò và xã</source>
        <translation>Save role and communes</translation>
    </message>
    <message>
        <source>ít nhất 10 ký tự, không phổ biến, khác tên đăng nhập</source>
        <translation>at least 10 characters, not a common one, not the username</translation>
    </message>
    <message>
        <source>Mật khẩu mới</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Đang tải danh sách tài khoản từ máy chủ tỉnh…</source>
        <translation>Loading the accounts from the provincial server…</translation>
    </message>
    <message>
        <source>{n} tài khoản trên máy chủ tỉnh.</source>
        <translation>{n} accounts on the provincial server.</translation>
    </message>
    <message>
        <source>Đã mở khóa “{name}”; người đó đăng nhập lại được.</source>
        <translation>“{name}” is enabled; that person can log in again.</translation>
    </message>
    <message>
        <source>Đang mở khóa…</source>
        <translation>Enabling…</translation>
    </message>
    <message>
        <source>Khóa tài khoản “{name}”?

Người đó không đăng nhập được nữa và mọi máy đang dùng tài khoản này mất quyền đồng bộ ngay lập tức. Có thể mở khóa lại sau.</source>
        <translation>Disable the account “{name}”?

This person can no longer log in, and every computer using this account loses the right to sync at once. The account can be enabled again later.</translation>
    </message>
    <message>
        <source>Đã khóa “{name}”; các máy của người đó đã mất quyền đồng bộ.</source>
        <translation>“{name}” is disabled; that person&apos;s computers can no longer sync.</translation>
    </message>
    <message>
        <source>Đang khóa…</source>
        <translation>Disabling…</translation>
    </message>
    <message>
        <source>Đã lưu vai trò của “{name}”; người đó cần đăng nhập lại.</source>
        <translation>The role of “{name}” is saved; that person must log in again.</translation>
    </message>
    <message>
        <source>Đang lưu…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Đã đặt lại mật khẩu của “{name}”; hãy báo mật khẩu mới cho người đó.</source>
        <translation>The password of “{name}” is reset; tell that person the new password.</translation>
    </message>
    <message>
        <source>Đang đặt lại mật khẩu…</source>
        <translation>Resetting the password…</translation>
    </message>
    <message>
        <source>Kết thúc: {when}</source>
        <translation>Finished: {when}</translation>
    </message>
    <message>
        <source>Thời điểm sửa</source>
        <translation>Time of change</translation>
    </message>
    <message>
        <source>Trường đã sửa</source>
        <translation>Changed fields</translation>
    </message>
    <message>
        <source>Lý do máy chủ từ chối</source>
        <translation>Reason for rejection by server</translation>
    </message>
    <message>
        <source>Thời điểm nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Mã bản ghi</source>
        <translation>Record id</translation>
    </message>
    <message>
        <source>Lý do chưa lưu được</source>
        <translation>Why it is not stored</translation>
    </message>
    <message>
        <source>Đang gửi tệp đính kèm</source>
        <translation>Sending attachments</translation>
    </message>
    <message>
        <source>Đang gửi thay đổi lên máy chủ</source>
        <translation>Sending changes to the server</translation>
    </message>
    <message>
        <source>Đang nhận dữ liệu từ máy chủ</source>
        <translation>Receiving data from the server</translation>
    </message>
    <message>
        <source>Đang đối chiếu dữ liệu với máy chủ</source>
        <translation>Reconciling data with the server</translation>
    </message>
    <message>
        <source>Hoàn tất</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Đang kết nối máy chủ…</source>
        <translation>Connecting to the server…</translation>
    </message>
    <message>
        <source>Thành công</source>
        <translation>Succeeded</translation>
    </message>
    <message>
        <source>Không thành công</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Đã huỷ</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Chưa kết thúc</source>
        <translation>Not finished</translation>
    </message>
    <message>
        <source>Tài liệu hồ sơ</source>
        <translation>Dossier document</translation>
    </message>
    <message>
        <source>Lô sản xuất</source>
        <translation>Production batch</translation>
    </message>
    <message>
        <source>ví dụ L261203-01</source>
        <translation>e.g. L261203-01</translation>
    </message>
    <message>
        <source>Nhãn của lô đã in: mã lô không đổi được nữa.</source>
        <translation>The lot&apos;s label has been printed: its code can no longer change.</translation>
    </message>
    <message>
        <source>Có hạn dùng</source>
        <translation>Has a use-by date</translation>
    </message>
    <message>
        <source>chai, hộp, kg…</source>
        <translation>bottles, boxes, kg…</translation>
    </message>
    <message>
        <source>vùng nguyên liệu, nơi thu mua…</source>
        <translation>growing area, where it was bought…</translation>
    </message>
    <message>
        <source>Mã lô:</source>
        <translation>Lot code:</translation>
    </message>
    <message>
        <source>Ngày sản xuất:</source>
        <translation>Production date:</translation>
    </message>
    <message>
        <source>Hạn dùng:</source>
        <translation>Use by:</translation>
    </message>
    <message>
        <source>Số lượng, đơn vị:</source>
        <translation>Quantity, unit:</translation>
    </message>
    <message>
        <source>Nguồn nguyên liệu:</source>
        <translation>Raw material origin:</translation>
    </message>
    <message>
        <source>Ghi chú:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <source>Thành viên hội đồng</source>
        <translation>Council member</translation>
    </message>
    <message>
        <source>Chọn trên bản đồ</source>
        <translation>Picked on the map</translation>
    </message>
    <message>
        <source>Nhập toạ độ</source>
        <translation>Typed coordinates</translation>
    </message>
    <message>
        <source>Từ ảnh chụp có GPS</source>
        <translation>From a photo&apos;s GPS</translation>
    </message>
    <message>
        <source>Tâm xã (ước lượng)</source>
        <translation>Commune centre (estimate)</translation>
    </message>
    <message>
        <source>Điểm này nằm ngoài tỉnh Hà Tĩnh: hãy kiểm tra lại vị trí.</source>
        <translation>This point lies outside Hà Tĩnh province: check the location.</translation>
    </message>
    <message>
        <source>Điểm này cách trung tâm {commune} khoảng {km} km: hãy kiểm tra lại vị trí hoặc xã/phường của chủ thể.</source>
        <translation>This point is about {km} km from the centre of {commune}: check the location or the producer&apos;s commune.</translation>
    </message>
    <message>
        <source>Chưa đủ điều kiện kiến nghị công nhận</source>
        <translation>Not yet ready for a recognition proposal</translation>
    </message>
    <message>
        <source>Phân công hội đồng</source>
        <translation>Council assignment</translation>
    </message>
    <message>
        <source>Phiên đánh giá</source>
        <translation>Evaluation session</translation>
    </message>
    <message>
        <source>Phiếu chấm</source>
        <translation>Score sheet</translation>
    </message>
    <message>
        <source>Dòng phiếu chấm</source>
        <translation>Score sheet line</translation>
    </message>
    <message>
        <source>Kết quả hội đồng</source>
        <translation>Council result</translation>
    </message>
    <message>
        <source>Quyết định công nhận</source>
        <translation>Recognition decision</translation>
    </message>
    <message>
        <source>Công việc</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Người dùng</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Thiết bị</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Tiêu đề</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Cơ quan cấp</source>
        <translation>Issuing authority</translation>
    </message>
    <message>
        <source>Ngày cấp</source>
        <translation>Date of issue</translation>
    </message>
    <message>
        <source>Hiệu lực đến</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Người đại diện</source>
        <translation>Representative</translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Mã số thuế</source>
        <translation>Tax code</translation>
    </message>
    <message>
        <source>Số đăng ký</source>
        <translation>Registration number</translation>
    </message>
    <message>
        <source>Mô tả</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Số quyết định</source>
        <translation>Decision number</translation>
    </message>
    <message>
        <source>Hạn</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Mã lô</source>
        <translation>Batch code</translation>
    </message>
    <message>
        <source>Số lượng</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Đơn vị tính</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Ngày sản xuất</source>
        <translation>Production date</translation>
    </message>
    <message>
        <source>Đã xoá</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Vĩ độ</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <source>Kinh độ</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <source>Loại tài liệu</source>
        <translation>Document type</translation>
    </message>
    <message>
        <source>Số sao</source>
        <translation>Stars</translation>
    </message>
    <message>
        <source>Nhận xét</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Mã bên ngoài</source>
        <translation>External code</translation>
    </message>
    <message>
        <source>Phân nhóm</source>
        <translation>Subgroup</translation>
    </message>
    <message>
        <source>Lý do thu hồi</source>
        <translation>Reason for revocation</translation>
    </message>
    <message>
        <source>Hạn dùng</source>
        <translation>Use by</translation>
    </message>
    <message>
        <source>Loại hạn dùng</source>
        <translation>Kind of date</translation>
    </message>
    <message>
        <source>Nguồn nguyên liệu</source>
        <translation>Raw material origin</translation>
    </message>
    <message>
        <source>Ngày thu hồi lô</source>
        <translation>Lot withdrawn on</translation>
    </message>
    <message>
        <source>Lý do thu hồi lô</source>
        <translation>Lot withdrawal reason</translation>
    </message>
    <message>
        <source>Ngày in nhãn</source>
        <translation>Label printed on</translation>
    </message>
    <message>
        <source>Số điện thoại chỉ gồm chữ số (có thể có dấu cách, dấu chấm, gạch ngang, dấu + ở đầu; nhiều số cách nhau bằng dấu chấm phẩy), ít nhất 6 chữ số.</source>
        <translation>A phone number is digits only (spaces, dots, dashes and a leading + are fine; separate several numbers with semicolons), at least 6 digits.</translation>
    </message>
    <message>
        <source>Chủ thể “{name}” ({commune}) đã được đăng ký với cùng mã số thuế hoặc số đăng ký kinh doanh: hãy chọn chủ thể đó thay vì tạo mới.</source>
        <translation>Producer “{name}” ({commune}) is already registered with the same tax code or business registration number: choose it instead of creating a new one.</translation>
    </message>
    <message>
        <source>Đã có chủ thể tên gần giống ở cùng xã/phường: “{name}”. Hãy dùng chủ thể đó, hoặc xác nhận đây là một chủ thể khác.</source>
        <translation>A producer with a similar name is registered in the same commune: “{name}”. Use it, or confirm that this is another producer.</translation>
    </message>
    <message>
        <source>Chủ thể đã có sản phẩm “{name}”: hãy chọn sản phẩm đó thay vì tạo mới.</source>
        <translation>The producer already has the product “{name}”: choose it instead of creating a new one.</translation>
    </message>
    <message>
        <source>Sản phẩm này đang có hồ sơ {code} chưa xong; hãy mở hồ sơ đó thay vì tạo hồ sơ mới.</source>
        <translation>This product has dossier {code} still in progress; open that dossier instead of creating a new one.</translation>
    </message>
    <message>
        <source>hãy sửa các ô được đánh dấu đỏ. Những gì bạn đã nhập vẫn còn.</source>
        <translation>correct the fields marked in red. What you typed is kept.</translation>
    </message>
    <message>
        <source>bạn đã chọn không lưu; những gì bạn đã nhập vẫn còn.</source>
        <translation>you chose not to save; what you typed is kept.</translation>
    </message>
    <message>
        <source>Vai trò “{role}” không được đăng ký chủ thể, sản phẩm hay hồ sơ; việc này do cán bộ xã hoặc quản trị tỉnh làm.</source>
        <translation>The role “{role}” cannot register producers, products or dossiers; commune officers and the provincial admin do this.</translation>
    </message>
    <message>
        <source>Quá dài: tối đa {limit} ký tự, đang có {length}. Hãy rút gọn; không có gì bị cắt bớt.</source>
        <translation>Too long: at most {limit} characters, {length} typed. Please shorten it; nothing has been cut.</translation>
    </message>
    <message>
        <source>Không tìm thấy tệp, hoặc đường dẫn đã chọn không phải là một tệp.</source>
        <translation>File not found, or the chosen path is not a file.</translation>
    </message>
    <message>
        <source>Vai trò “{role}” không được chuyển hồ sơ từ “{current}” sang “{target}”.</source>
        <translation>The role “{role}” may not move a dossier from “{current}” to “{target}”.</translation>
    </message>
    <message>
        <source>Hồ sơ chỉ chuyển sang “{target}” khi kết quả hội đồng đã được phê duyệt.</source>
        <translation>A dossier moves to “{target}” only once the council&apos;s result is approved.</translation>
    </message>
    <message>
        <source>Hồ sơ thuộc xã/phường ngoài phạm vi của tài khoản này.</source>
        <translation>The dossier belongs to a commune outside this account&apos;s scope.</translation>
    </message>
    <message>
        <source>Hồ sơ chưa được giao cho hội đồng này.</source>
        <translation>The dossier is not assigned to this council.</translation>
    </message>
    <message>
        <source>Số sao ghi nhận ({stars}) khác với kết quả hội đồng đã phê duyệt ({expected}).</source>
        <translation>The stars recorded ({stars}) differ from the council&apos;s approved result ({expected}).</translation>
    </message>
    <message>
        <source>Hội đồng đã có {sheets} phiếu chấm được nộp nên không sửa hay xoá được nữa; biên bản phải ghi đúng hội đồng đã chấm. Muốn chấm lại, hãy mở phiên đánh giá mới.</source>
        <translation>Score sheets submitted to this council: {sheets}. It can no longer be edited or deleted: the minutes must name the council that scored. To rescore, open a new evaluation session.</translation>
    </message>
    <message>
        <source>Hội đồng cần đúng một Chủ tịch (hiện có {chairs}).</source>
        <translation>A council needs exactly one chair (it now has {chairs}).</translation>
    </message>
    <message>
        <source>Một tài khoản chỉ giữ một ghế trong hội đồng.</source>
        <translation>An account can hold only one seat on a council.</translation>
    </message>
    <message>
        <source>Hãy chọn bộ tiêu chí cho hội đồng trước khi mở phiên đánh giá.</source>
        <translation>Choose the council&apos;s criteria set before opening an evaluation session.</translation>
    </message>
    <message>
        <source>Địa chỉ {url} có trả lời nhưng không phải máy chủ OCOP của tỉnh. Hãy kiểm tra lại địa chỉ và cổng.</source>
        <translation>{url} answers, but it is not the province&apos;s OCOP server. Check the address and the port.</translation>
    </message>
    <message>
        <source>Không kết nối được máy chủ, và tài khoản này chưa từng đăng nhập trên máy này nên chưa thể làm việc ngoại tuyến.</source>
        <translation>Cannot connect to the server, and this account has never signed in on this computer, so it cannot work offline yet.</translation>
    </message>
    <message>
        <source>Máy chủ từ chối đăng nhập. Hãy liên hệ quản trị tỉnh.</source>
        <translation>The server refused the sign-in. Contact the provincial administrator.</translation>
    </message>
    <message>
        <source>Đã huỷ.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>Máy chủ từ chối thay đổi này.</source>
        <translation>The server rejected this change.</translation>
    </message>
    <message>
        <source>Tài khoản người dùng chỉ được thay đổi trên máy chủ.</source>
        <translation>User accounts can only be changed on the server.</translation>
    </message>
    <message>
        <source>Loại dữ liệu này chỉ máy chủ được tạo hoặc sửa.</source>
        <translation>Only the server may create or change this kind of data.</translation>
    </message>
    <message>
        <source>Máy chủ đã có bản ghi cùng mã định danh.</source>
        <translation>The server already has a record with this identifier.</translation>
    </message>
    <message>
        <source>Máy này ghi một phiên bản của bản ghi mà máy chủ chưa từng có.</source>
        <translation>This computer refers to a version of the record that the server never had.</translation>
    </message>
    <message>
        <source>Bản ghi trỏ tới một bản ghi khác mà máy chủ không có.</source>
        <translation>The record refers to another record that the server does not have.</translation>
    </message>
    <message>
        <source>Máy chủ đã có một bản ghi khác trùng thông tin phải là duy nhất.</source>
        <translation>The server already has another record with the same details, which must be unique.</translation>
    </message>
    <message>
        <source>Dữ liệu trên máy chủ đã được khôi phục; lần đồng bộ sau tải lại từ đầu, những thay đổi chưa gửi vẫn được giữ.</source>
        <translation>The server&apos;s data has been restored; the next sync downloads everything again, and changes not yet sent are kept.</translation>
    </message>
    <message>
        <source>Không đọc được tệp bản đồ nền {path}: tệp hỏng hoặc không phải MBTiles.</source>
        <translation>Cannot read the basemap file {path}: it is damaged or not MBTiles.</translation>
    </message>
    <message>
        <source>Tệp {path} không phải bản đồ nền MBTiles.</source>
        <translation>The file {path} is not an MBTiles basemap.</translation>
    </message>
    <message>
        <source>Tệp bản đồ nền {path} có thông tin “{field}” không hợp lệ.</source>
        <translation>The basemap file {path} has an invalid “{field}” entry.</translation>
    </message>
    <message>
        <source>Một ô bản đồ không phải ảnh PNG, JPEG hay WebP.</source>
        <translation>A map tile is not a PNG, JPEG or WebP image.</translation>
    </message>
    <message>
        <source>Một ô bản đồ quá lớn.</source>
        <translation>A map tile is too large.</translation>
    </message>
    <message>
        <source>Bản đồ nền {path} đã có trên máy này.</source>
        <translation>The basemap {path} is already on this computer.</translation>
    </message>
    <message>
        <source>Địa chỉ nguồn bản đồ trực tuyến “{template}” không dùng được.</source>
        <translation>The online map source address “{template}” cannot be used.</translation>
    </message>
    <message>
        <source>Máy chủ bản đồ trực tuyến trả lời lỗi {status}.</source>
        <translation>The online map server answered with error {status}.</translation>
    </message>
    <message>
        <source>Tạm ngừng tải bản đồ trực tuyến sau nhiều lần lỗi; ứng dụng sẽ thử lại sau.</source>
        <translation>Online map downloads are paused after repeated errors; the application will try again later.</translation>
    </message>
    <message>
        <source>Không kết nối được máy chủ bản đồ trực tuyến.</source>
        <translation>Cannot connect to the online map server.</translation>
    </message>
    <message>
        <source>Không lưu được bản đồ đã tải vào {path}; bản đồ vẫn dùng được nhưng phải tải lại.</source>
        <translation>Downloaded map tiles cannot be saved in {path}; the map still works but downloads them again.</translation>
    </message>
    <message>
        <source>Nhóm điểm này không còn trên bản đồ.</source>
        <translation>This group of points is no longer on the map.</translation>
    </message>
    <message>
        <source>Chủ thể chưa có vĩ độ, kinh độ nên chưa hiện trên bản đồ.</source>
        <translation>The producer has no latitude and longitude yet, so it is not shown on the map.</translation>
    </message>
    <message>
        <source>Vị trí của chủ thể nằm ngoài bản đồ (vĩ độ {lat}, kinh độ {lon}).</source>
        <translation>The producer&apos;s location is outside the map (latitude {lat}, longitude {lon}).</translation>
    </message>
    <message>
        <source>Không phải JSON hợp lệ.</source>
        <translation>Not valid JSON.</translation>
    </message>
    <message>
        <source>Tệp không phải văn bản UTF-8; hãy lưu lại tệp với bảng mã UTF-8.</source>
        <translation>The file is not UTF-8 text; save it again with UTF-8 encoding.</translation>
    </message>
    <message>
        <source>Thiếu trường bắt buộc.</source>
        <translation>Required field missing.</translation>
    </message>
    <message>
        <source>Trường không được hỗ trợ (có thể gõ sai tên).</source>
        <translation>Unsupported field (the name may be misspelt).</translation>
    </message>
    <message>
        <source>Danh sách rỗng.</source>
        <translation>Empty list.</translation>
    </message>
    <message>
        <source>Không được để trống.</source>
        <translation>Must not be empty.</translation>
    </message>
    <message>
        <source>Mã có khoảng trắng ở đầu hoặc cuối.</source>
        <translation>Code has leading or trailing spaces.</translation>
    </message>
    <message>
        <source>Giá trị không hợp lệ.</source>
        <translation>Invalid value.</translation>
    </message>
    <message>
        <source>Ngày không hợp lệ (cần dạng năm-tháng-ngày, VD: 2023-02-24).</source>
        <translation>Invalid date (use year-month-day, e.g. 2023-02-24).</translation>
    </message>
    <message>
        <source>Mã định danh (UUID) không hợp lệ.</source>
        <translation>Invalid identifier (UUID).</translation>
    </message>
    <message>
        <source>Căn cứ pháp lý cần dạng &quot;số/ký hiệu dd/mm/yyyy&quot;.</source>
        <translation>The legal basis must read &quot;number/symbol dd/mm/yyyy&quot;.</translation>
    </message>
    <message>
        <source>Mã bị trùng.</source>
        <translation>Duplicate code.</translation>
    </message>
    <message>
        <source>Tham chiếu tới mã không tồn tại.</source>
        <translation>Refers to a code that does not exist.</translation>
    </message>
    <message>
        <source>Điểm âm.</source>
        <translation>Negative score.</translation>
    </message>
    <message>
        <source>Tiêu chí không có phương án chấm.</source>
        <translation>Criterion has no scoring options.</translation>
    </message>
    <message>
        <source>Tiêu chí có cả phương án và tiểu mục.</source>
        <translation>Criterion has both options and sub-items.</translation>
    </message>
    <message>
        <source>Điều kiện bắt buộc thiếu ngưỡng điểm hoặc phương án bị cấm.</source>
        <translation>Mandatory condition is missing a score threshold or forbidden options.</translation>
    </message>
    <message>
        <source>Tổng điểm tối đa các tiêu chí khác điểm tối đa của phần.</source>
        <translation>Sum of the criteria&apos;s maximum scores differs from the part&apos;s maximum score.</translation>
    </message>
    <message>
        <source>Tổng điểm các phần khác tổng điểm của bộ tiêu chí.</source>
        <translation>Sum of the parts&apos; scores differs from the criteria set&apos;s total score.</translation>
    </message>
    <message>
        <source>Các hạng sao có khoảng trống.</source>
        <translation>Star bands have gaps.</translation>
    </message>
    <message>
        <source>Các hạng sao chồng lấn.</source>
        <translation>Star bands overlap.</translation>
    </message>
    <message>
        <source>Chỉ hạng sao cao nhất được lấy cận trên.</source>
        <translation>Only the highest star band may include its upper bound.</translation>
    </message>
    <message>
        <source>Hạng sao không tăng dần theo điểm.</source>
        <translation>Star bands do not rise with the score.</translation>
    </message>
    <message>
        <source>Hạng sao cần đúng một cận trên.</source>
        <translation>Star band needs exactly one upper bound.</translation>
    </message>
    <message>
        <source>Hạng sao rỗng.</source>
        <translation>Empty star band.</translation>
    </message>
    <message>
        <source>Hạng sao không tồn tại.</source>
        <translation>Star rating does not exist.</translation>
    </message>
    <message>
        <source>Phiên bản định dạng không được hỗ trợ.</source>
        <translation>Unsupported format version.</translation>
    </message>
    <message>
        <source>Một tiêu chí được chấm hai lần.</source>
        <translation>A criterion is scored twice.</translation>
    </message>
    <message>
        <source>Không có tiểu mục này.</source>
        <translation>No such sub-item.</translation>
    </message>
    <message>
        <source>Đồng bộ xong lúc {time}:</source>
        <translation>Sync completed at {time}:</translation>
    </message>
    <message>
        <source>Tự động đồng bộ xong lúc {time}:</source>
        <translation>Automatic sync finished at {time}:</translation>
    </message>
    <message numerus="yes">
        <source>đã gửi %n thay đổi,</source>
        <translation>
            <numerusform>%n change sent,</numerusform>
            <numerusform>%n changes sent,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>đã nhận %n bản ghi.</source>
        <translation>
            <numerusform>%n record received.</numerusform>
            <numerusform>%n records received.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n xung đột cần bạn chọn giá trị (thẻ «Xung đột cần giải quyết»).</source>
        <translation>
            <numerusform>%n conflict needs you to choose a value (“Conflicts to resolve” tab).</numerusform>
            <numerusform>%n conflicts need you to choose a value (“Conflicts to resolve” tab).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thay đổi bị máy chủ từ chối (thẻ «Thay đổi bị từ chối»).</source>
        <translation>
            <numerusform>%n change was rejected by the server (“Rejected changes” tab).</numerusform>
            <numerusform>%n changes were rejected by the server (“Rejected changes” tab).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tệp đính kèm chưa gửi được vì quá lớn.</source>
        <translation>
            <numerusform>%n attachment not yet sent because it is too large.</numerusform>
            <numerusform>%n attachments not yet sent because they are too large.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bản ghi không còn thuộc phạm vi của bạn đã được gỡ khỏi máy này.</source>
        <translation>
            <numerusform>%n record that is no longer within your scope was removed from this laptop.</numerusform>
            <numerusform>%n records that are no longer within your scope were removed from this laptop.</numerusform>
        </translation>
    </message>
    <message>
        <source>Một số dữ liệu chưa khớp với máy chủ; lần đồng bộ sau sẽ tải lại.</source>
        <translation>Some data does not yet match the server; it will be downloaded again at the next sync.</translation>
    </message>
    <message>
        <source>Đã huỷ đồng bộ. Những thay đổi máy chủ chưa xác nhận vẫn nằm trên máy này và sẽ được gửi ở lần đồng bộ sau.</source>
        <translation>Sync cancelled. Changes the server has not yet confirmed remain on this computer and will be sent at the next sync.</translation>
    </message>
    <message>
        <source>Đồng bộ không thành công: {reason} Mọi thay đổi vẫn được giữ trên máy này.</source>
        <translation>Sync failed: {reason} All changes are kept on this computer.</translation>
    </message>
    <message>
        <source>Vai trò hoặc phạm vi của tài khoản không cho phép thay đổi này.</source>
        <translation>The account&apos;s role or scope does not allow this change.</translation>
    </message>
    <message>
        <source>Phiếu chấm đã nộp thì không sửa được; hãy chấm lại bằng phiếu mới.</source>
        <translation>A submitted score sheet cannot be edited; rescore with a new sheet.</translation>
    </message>
    <message>
        <source>Máy chủ không có bản ghi này (có thể việc tạo nó đã bị từ chối trước đó).</source>
        <translation>The server does not have this record (creating it may have been rejected earlier).</translation>
    </message>
    <message>
        <source>Chỉ được đổi trạng thái và cách giải quyết của một xung đột.</source>
        <translation>Only a conflict&apos;s status and resolution may be changed.</translation>
    </message>
    <message>
        <source>Phiếu được chấm theo nội dung bộ tiêu chí khác với bản của tỉnh.</source>
        <translation>The sheet was scored against criteria set content that differs from the province&apos;s version.</translation>
    </message>
    <message>
        <source>Tổng điểm trên máy này khác với tổng điểm máy chủ tính lại.</source>
        <translation>The total score on this computer differs from the total recalculated by the server.</translation>
    </message>
    <message>
        <source>Phiếu chấm không hợp lệ.</source>
        <translation>Invalid score sheet.</translation>
    </message>
    <message>
        <source>Ảnh lô sản xuất</source>
        <translation>Lot photos</translation>
    </message>
    <message>
        <source>Tệp lớn hơn mức tối đa được nhận.</source>
        <translation>The file is larger than the maximum accepted.</translation>
    </message>
    <message>
        <source>Không đọc được tệp (không có quyền hoặc đĩa lỗi).</source>
        <translation>Cannot read the file (no permission or disk error).</translation>
    </message>
    <message>
        <source>Không tìm thấy tệp.</source>
        <translation>File not found.</translation>
    </message>
    <message>
        <source>Tệp rỗng.</source>
        <translation>Empty file.</translation>
    </message>
    <message>
        <source>Không phải tệp thông thường (thư mục hoặc thiết bị).</source>
        <translation>Not a regular file (folder or device).</translation>
    </message>
    <message>
        <source>Không đọc được {path} ({detail}).</source>
        <translation>Cannot read {path} ({detail}).</translation>
    </message>
    <message>
        <source>Mã băm của tệp không hợp lệ.</source>
        <translation>Invalid file hash.</translation>
    </message>
    <message>
        <source>Nội dung tệp không khớp mã băm; hãy thử lại.</source>
        <translation>The file&apos;s content does not match its hash; try again.</translation>
    </message>
    <message>
        <source>Tệp {path} không phải cơ sở dữ liệu của ứng dụng. Không có gì bị thay đổi.</source>
        <translation>The file {path} is not a database of this application. Nothing was changed.</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu {path} bị hỏng ({detail}). Không có gì bị thay đổi; hãy khôi phục từ bản sao lưu.</source>
        <translation>The database {path} is damaged ({detail}). Nothing was changed; restore it from a backup.</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu {path} do phiên bản mới hơn của ứng dụng tạo ra (lược đồ {detail}). Hãy cập nhật ứng dụng; tệp không bị thay đổi.</source>
        <translation>The database {path} was made by a newer version of the application (schema {detail}). Update the application; the file was not changed.</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu {path} cần nâng cấp: chạy &quot;ocop db upgrade&quot;.</source>
        <translation>The database {path} needs an upgrade: run &quot;ocop db upgrade&quot;.</translation>
    </message>
    <message>
        <source>Lỗi của ứng dụng: một thay đổi không đi qua nhật ký đồng bộ nên không được lưu.</source>
        <translation>Application error: a change bypassed the sync journal, so it was not saved.</translation>
    </message>
    <message>
        <source>Không kết nối được máy chủ tỉnh. Hãy kiểm tra mạng rồi thử lại.</source>
        <translation>Cannot connect to the provincial server. Check the network and try again.</translation>
    </message>
    <message>
        <source>Máy chủ tỉnh trả lời không đúng định dạng; hãy thử lại sau hoặc báo quản trị tỉnh.</source>
        <translation>The provincial server gave an unexpected answer; try again later or tell the provincial administrator.</translation>
    </message>
    <message>
        <source>Máy này chưa đăng nhập máy chủ tỉnh; hãy đăng nhập lại.</source>
        <translation>This computer is not signed in to the provincial server; sign in again.</translation>
    </message>
    <message>
        <source>Phiên đăng nhập máy chủ trên máy này đã hết hiệu lực; hãy đăng nhập lại.</source>
        <translation>The server sign-in on this computer is no longer valid; sign in again.</translation>
    </message>
    <message>
        <source>Máy chủ không có phiên đăng nhập này.</source>
        <translation>The server has no such sign-in.</translation>
    </message>
    <message>
        <source>Sai tên đăng nhập hoặc mật khẩu.</source>
        <translation>Incorrect username or password.</translation>
    </message>
    <message>
        <source>Chỉ quản trị tỉnh được làm việc này trên máy chủ.</source>
        <translation>Only a provincial administrator may do this on the server.</translation>
    </message>
    <message>
        <source>Chỉ quản trị tỉnh và cán bộ xã được gửi tệp đính kèm.</source>
        <translation>Only provincial administrators and commune officers may send attachments.</translation>
    </message>
    <message>
        <source>Bộ tiêu chí có lỗi: {detail}</source>
        <translation>The criteria set has errors: {detail}</translation>
    </message>
    <message>
        <source>Thông tin tài khoản không hợp lệ.</source>
        <translation>Invalid account details.</translation>
    </message>
    <message>
        <source>Dữ liệu gửi lên quá lớn so với mức máy chủ nhận.</source>
        <translation>The data sent is larger than the server accepts.</translation>
    </message>
    <message>
        <source>Phần tệp gửi lên quá lớn so với mức máy chủ nhận.</source>
        <translation>The part of the file sent is larger than the server accepts.</translation>
    </message>
    <message>
        <source>Dữ liệu nén gửi lên bị hỏng.</source>
        <translation>The compressed data sent is damaged.</translation>
    </message>
    <message>
        <source>Máy chủ không biết loại dữ liệu này.</source>
        <translation>The server does not know this kind of data.</translation>
    </message>
    <message>
        <source>Máy chủ chưa nhận lần gửi tệp này; hãy đồng bộ lại.</source>
        <translation>The server has not started receiving this file; sync again.</translation>
    </message>
    <message>
        <source>Máy chủ đang giữ một phần khác của tệp; hãy đồng bộ lại.</source>
        <translation>The server holds a different part of the file; sync again.</translation>
    </message>
    <message>
        <source>Máy chủ không có tệp này.</source>
        <translation>The server does not have this file.</translation>
    </message>
    <message>
        <source>Máy chủ không hiểu yêu cầu (sai định dạng).</source>
        <translation>The server did not understand the request (wrong format).</translation>
    </message>
    <message>
        <source>Máy chủ cần biết độ dài dữ liệu gửi lên.</source>
        <translation>The server needs to know the length of the data sent.</translation>
    </message>
    <message>
        <source>Máy chủ trả lời lỗi {status}.</source>
        <translation>The server answered with error {status}.</translation>
    </message>
    <message>
        <source>Thay đổi này trùng mã với một thay đổi đã gửi trước.</source>
        <translation>This change has the same identifier as a change sent earlier.</translation>
    </message>
    <message>
        <source>Dữ liệu không hợp lệ.</source>
        <translation>Invalid data.</translation>
    </message>
    <message>
        <source>Máy chủ từ chối thay đổi này ({code}).</source>
        <translation>The server rejected this change ({code}).</translation>
    </message>
    <message>
        <source>Xung đột này đã được giải quyết (có thể trên máy khác).</source>
        <translation>This conflict has already been resolved (possibly on another computer).</translation>
    </message>
    <message>
        <source>Bản ghi đã bị xoá trên máy chủ; chỉ giữ được giá trị trên máy chủ.</source>
        <translation>The record has been deleted on the server; only the server value can be kept.</translation>
    </message>
    <message>
        <source>(để trống)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>Bản nháp chưa lưu của hồ sơ này không dùng được nữa vì hồ sơ không còn sửa được; những gì đã nhập: {typed}</source>
        <translation>The unsaved draft of this dossier can no longer be used because the dossier can no longer be edited; what was typed: {typed}</translation>
    </message>
    <message>
        <source>Đã khôi phục những gì bạn nhập dở lúc {when} (chưa lưu): kiểm tra rồi bấm “Lưu thay đổi”, hoặc “Huỷ thay đổi” để bỏ.</source>
        <translation>What you were typing at {when} has been restored (not saved yet): check it, then press “Save changes”, or “Discard changes” to drop it.</translation>
    </message>
    <message>
        <source>Hồ sơ {code} · {product}: {fields}</source>
        <translation>Dossier {code} · {product}: {fields}</translation>
    </message>
    <message>
        <source>Nháp</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Đã nộp</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>Xã đã kiểm tra</source>
        <translation>Checked by commune</translation>
    </message>
    <message>
        <source>Đã chuyển hội đồng</source>
        <translation>Forwarded to council</translation>
    </message>
    <message>
        <source>Đã đánh giá</source>
        <translation>Evaluated</translation>
    </message>
    <message>
        <source>Đã kết thúc</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Đánh giá mới</source>
        <translation>New evaluation</translation>
    </message>
    <message>
        <source>Đánh giá lại</source>
        <translation>Re-evaluation</translation>
    </message>
    <message>
        <source>Nâng hạng</source>
        <translation>Star upgrade</translation>
    </message>
    <message>
        <source>Hợp tác xã</source>
        <translation>Cooperative</translation>
    </message>
    <message>
        <source>Doanh nghiệp</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>Tổ hợp tác</source>
        <translation>Cooperative group</translation>
    </message>
    <message>
        <source>Hộ sản xuất</source>
        <translation>Production household</translation>
    </message>
    <message>
        <source>Quản trị tỉnh</source>
        <translation>Provincial administrator</translation>
    </message>
    <message>
        <source>Thư ký hội đồng</source>
        <translation>Council secretary</translation>
    </message>
    <message>
        <source>Chủ tịch hội đồng</source>
        <translation>Council chair</translation>
    </message>
    <message>
        <source>Cán bộ xã</source>
        <translation>Commune officer</translation>
    </message>
    <message>
        <source>Người xem</source>
        <translation>Viewer</translation>
    </message>
    <message>
        <source>Đang chấm</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Đã thay thế</source>
        <translation>Superseded</translation>
    </message>
    <message>
        <source>Phiếu đăng ký</source>
        <translation>Registration form</translation>
    </message>
    <message>
        <source>Phương án kinh doanh</source>
        <translation>Business plan</translation>
    </message>
    <message>
        <source>Bản mô tả tổ chức</source>
        <translation>Organisation description</translation>
    </message>
    <message>
        <source>Giấy đăng ký kinh doanh</source>
        <translation>Business registration certificate</translation>
    </message>
    <message>
        <source>Giấy chứng nhận cơ sở đủ điều kiện ATTP</source>
        <translation>Food safety compliance certificate</translation>
    </message>
    <message>
        <source>Tiêu chuẩn sản phẩm</source>
        <translation>Product standard</translation>
    </message>
    <message>
        <source>Bản công bố chất lượng</source>
        <translation>Quality declaration</translation>
    </message>
    <message>
        <source>Phiếu kết quả kiểm nghiệm</source>
        <translation>Test report</translation>
    </message>
    <message>
        <source>Nhãn sản phẩm</source>
        <translation>Product label</translation>
    </message>
    <message>
        <source>Ảnh sản phẩm</source>
        <translation>Product photo</translation>
    </message>
    <message>
        <source>Giấy chứng nhận sở hữu trí tuệ</source>
        <translation>Intellectual property certificate</translation>
    </message>
    <message>
        <source>Truy xuất nguồn gốc</source>
        <translation>Traceability</translation>
    </message>
    <message>
        <source>Hợp đồng nguyên liệu</source>
        <translation>Raw material contracts</translation>
    </message>
    <message>
        <source>Hồ sơ môi trường</source>
        <translation>Environmental records</translation>
    </message>
    <message>
        <source>Chứng nhận hệ thống quản lý chất lượng</source>
        <translation>Quality management system certificate</translation>
    </message>
    <message>
        <source>Câu chuyện sản phẩm</source>
        <translation>Product story</translation>
    </message>
    <message>
        <source>Giải thưởng</source>
        <translation>Awards</translation>
    </message>
    <message>
        <source>Khác</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Chưa xếp hạng</source>
        <translation>Not rated</translation>
    </message>
    <message>
        <source>Quyết định này đã bị thu hồi.</source>
        <translation>This decision has already been revoked.</translation>
    </message>
    <message>
        <source>Hãy chọn phương án trước khi ghi nhận xét.</source>
        <translation>Choose an option before adding a comment.</translation>
    </message>
    <message>
        <source>Có ký tự điều khiển không hợp lệ.</source>
        <translation>Contains invalid control characters.</translation>
    </message>
    <message>
        <source>Cần nhập đủ cả vĩ độ và kinh độ.</source>
        <translation>Enter both latitude and longitude.</translation>
    </message>
    <message>
        <source>Hồ sơ đã chuyển đi, không sửa được nữa.</source>
        <translation>The dossier has been forwarded and can no longer be edited.</translation>
    </message>
    <message>
        <source>Ngày kết thúc trước ngày bắt đầu.</source>
        <translation>End date is before start date.</translation>
    </message>
    <message>
        <source>Giá trị không nằm trong danh sách cho phép.</source>
        <translation>The value is not in the list of allowed values.</translation>
    </message>
    <message>
        <source>Số sao không hợp lệ.</source>
        <translation>Invalid number of stars.</translation>
    </message>
    <message>
        <source>Mã số thuế không hợp lệ.</source>
        <translation>Invalid tax code.</translation>
    </message>
    <message>
        <source>Thành viên này không chấm điểm.</source>
        <translation>This member does not score.</translation>
    </message>
    <message>
        <source>Chưa có bộ tiêu chí nào có hiệu lực.</source>
        <translation>No criteria set is in force yet.</translation>
    </message>
    <message>
        <source>Giá trị nằm ngoài khoảng cho phép.</source>
        <translation>The value is outside the allowed range.</translation>
    </message>
    <message>
        <source>Trường này là bắt buộc.</source>
        <translation>This field is required.</translation>
    </message>
    <message>
        <source>Kết quả hội đồng đã được phê duyệt.</source>
        <translation>The council result has already been approved.</translation>
    </message>
    <message>
        <source>Phiếu đã nộp; muốn chấm lại hãy tạo phiếu chấm lại.</source>
        <translation>The sheet has been submitted; to rescore, create a rescore sheet.</translation>
    </message>
    <message>
        <source>Phiếu còn tiêu chí chưa chấm.</source>
        <translation>The sheet still has unscored criteria.</translation>
    </message>
    <message>
        <source>Phiếu đã nộp, không sửa được.</source>
        <translation>The sheet has been submitted and cannot be edited.</translation>
    </message>
    <message>
        <source>Phiếu chưa nộp.</source>
        <translation>The sheet has not been submitted.</translation>
    </message>
    <message>
        <source>Phiếu dùng phiên bản tiêu chí khác.</source>
        <translation>The sheet uses a different criteria version.</translation>
    </message>
    <message>
        <source>Phân nhóm không có trong bộ tiêu chí.</source>
        <translation>The subgroup is not in the criteria set.</translation>
    </message>
    <message>
        <source>Tiêu chí này cần chọn theo từng tiểu mục.</source>
        <translation>This criterion must be scored sub-item by sub-item.</translation>
    </message>
    <message>
        <source>Không thể chuyển hồ sơ sang trạng thái này.</source>
        <translation>The dossier cannot be moved to this status.</translation>
    </message>
    <message>
        <source>Không có xã/phường này trong danh mục.</source>
        <translation>This commune/ward is not in the list.</translation>
    </message>
    <message>
        <source>Không có tiêu chí này.</source>
        <translation>No such criterion.</translation>
    </message>
    <message>
        <source>Trường không được hỗ trợ.</source>
        <translation>Unsupported field.</translation>
    </message>
    <message>
        <source>Không có phương án này.</source>
        <translation>No such option.</translation>
    </message>
    <message>
        <source>Không có bộ sản phẩm này.</source>
        <translation>No such product set.</translation>
    </message>
    <message>
        <source>Sai kiểu dữ liệu.</source>
        <translation>Wrong data type.</translation>
    </message>
    <message>
        <source>Không tìm thấy dữ liệu (có thể đã bị xoá).</source>
        <translation>Data not found (it may have been deleted).</translation>
    </message>
    <message>
        <source>Không thực hiện được thao tác ({code}).</source>
        <translation>The action could not be completed ({code}).</translation>
    </message>
    <message>
        <source>Đã xảy ra lỗi: {detail}</source>
        <translation>An error occurred: {detail}</translation>
    </message>
    <message>
        <source>{name} ({username}, {role})</source>
        <translation>{name} ({username}, {role})</translation>
    </message>
    <message>
        <source>Gõ tên hoặc tên đăng nhập để chọn tài khoản</source>
        <translation>Type a name or a login to choose an account</translation>
    </message>
    <message>
        <source>Mở phiên đánh giá</source>
        <translation>Open an evaluation session</translation>
    </message>
    <message>
        <source>Ngày họp:</source>
        <translation>Meeting date:</translation>
    </message>
    <message>
        <source>Mở phiên</source>
        <translation>Open session</translation>
    </message>
    <message>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Phiên đánh giá mới của “{name}”. Các thành viên sẽ thấy hồ sơ được giao trong “Chấm điểm”.</source>
        <translation>A new evaluation session of “{name}”. Its members will see the assigned dossiers in “Scoring”.</translation>
    </message>
    <message>
        <source>Chưa có phiên đánh giá: thành viên chưa thấy hồ sơ được giao để chấm. Bấm “Mở phiên đánh giá…”.</source>
        <translation>No evaluation session yet: members do not see the assigned dossiers to score. Click “Open evaluation session…”.</translation>
    </message>
    <message numerus="yes">
        <source>Phiên đánh giá: %n. Sửa, xoá được cho tới khi có phiếu chấm đầu tiên được nộp.</source>
        <translation>
            <numerusform>%n evaluation session. Can be edited or deleted until the first score sheet is submitted.</numerusform>
            <numerusform>%n evaluation sessions. Can be edited or deleted until the first score sheet is submitted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Đã lập “{name}” với %n thành viên</source>
        <translation>
            <numerusform>Set up “{name}” with %n member</numerusform>
            <numerusform>Set up “{name}” with %n members</numerusform>
        </translation>
    </message>
    <message>
        <source> và mở phiên đánh giá.</source>
        <translation> and opened an evaluation session.</translation>
    </message>
    <message>
        <source>; chưa mở phiên đánh giá.</source>
        <translation>; no evaluation session opened yet.</translation>
    </message>
    <message>
        <source>Đã lưu thay đổi của “{name}”.</source>
        <translation>Saved the changes to “{name}”.</translation>
    </message>
    <message>
        <source>Xoá “{name}”?</source>
        <translation>Delete “{name}”?</translation>
    </message>
    <message numerus="yes">
        <source>Xoá %n thành viên cùng các phiên đánh giá của hội đồng.</source>
        <translation>
            <numerusform>Its %n member and the council&apos;s evaluation sessions are deleted.</numerusform>
            <numerusform>Its %n members and the council&apos;s evaluation sessions are deleted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hồ sơ đã giao sẽ trở lại danh sách chờ giao.</source>
        <translation>
            <numerusform>%n assigned dossier goes back to the waiting list.</numerusform>
            <numerusform>%n assigned dossiers go back to the waiting list.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n phiếu đang chấm dở sẽ bị xoá.</source>
        <translation>
            <numerusform>%n unfinished score sheet will be deleted.</numerusform>
            <numerusform>%n unfinished score sheets will be deleted.</numerusform>
        </translation>
    </message>
    <message>
        <source>Xoá hội đồng</source>
        <translation>Delete council</translation>
    </message>
    <message>
        <source>Đã xoá “{name}”.</source>
        <translation>Deleted “{name}”.</translation>
    </message>
    <message>
        <source>Đã mở phiên đánh giá của “{name}”; các thành viên thấy hồ sơ được giao trong “Chấm điểm”.</source>
        <translation>Opened an evaluation session of “{name}”; its members see the assigned dossiers in “Scoring”.</translation>
    </message>
    <message numerus="yes">
        <source>Phê duyệt kết quả của %n hồ sơ đã chọn?</source>
        <translation>
            <numerusform>Approve the result of the %n selected dossier?</numerusform>
            <numerusform>Approve the results of the %n selected dossiers?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Đủ điều kiện: %n hồ sơ ({codes}).</source>
        <translation>
            <numerusform>Ready: %n dossier ({codes}).</numerusform>
            <numerusform>Ready: %n dossiers ({codes}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Chưa đủ điều kiện hoặc đã phê duyệt, sẽ không được phê duyệt: %n hồ sơ ({codes}).</source>
        <translation>
            <numerusform>Not ready or already approved, will not be approved: %n dossier ({codes}).</numerusform>
            <numerusform>Not ready or already approved, will not be approved: %n dossiers ({codes}).</numerusform>
        </translation>
    </message>
    <message>
        <source>Sau khi phê duyệt, kết quả không thay đổi được nữa.</source>
        <translation>Once approved, the results can no longer change.</translation>
    </message>
    <message numerus="yes">
        <source>Đã phê duyệt %n hồ sơ: {codes}.</source>
        <translation>
            <numerusform>Approved %n dossier: {codes}.</numerusform>
            <numerusform>Approved %n dossiers: {codes}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Không phê duyệt được %n hồ sơ:</source>
        <translation>
            <numerusform>Could not approve %n dossier:</numerusform>
            <numerusform>Could not approve %n dossiers:</numerusform>
        </translation>
    </message>
    <message>
        <source>Không có hồ sơ nào được chọn.</source>
        <translation>No dossier was selected.</translation>
    </message>
    <message>
        <source>Phê duyệt kết quả hồ sơ {code} ({product}): điểm trung bình {mean}, {stars}?
Sau khi phê duyệt, kết quả không thay đổi được nữa.</source>
        <translation>Approve the result of dossier {code} ({product}): mean score {mean}, {stars}?
Once approved, the result can no longer change.</translation>
    </message>
    <message>
        <source>Phê duyệt kết quả</source>
        <translation>Approve result</translation>
    </message>
    <message>
        <source>Đã phê duyệt kết quả hồ sơ {code}.</source>
        <translation>Approved the result of dossier {code}.</translation>
    </message>
    <message>
        <source>Phê duyệt nhiều hồ sơ</source>
        <translation>Approve several dossiers</translation>
    </message>
    <message>
        <source>Kết quả phê duyệt</source>
        <translation>Approval results</translation>
    </message>
    <message>
        <source>cùng mã số thuế</source>
        <translation>same tax code</translation>
    </message>
    <message>
        <source>cùng số đăng ký kinh doanh</source>
        <translation>same business registration number</translation>
    </message>
    <message>
        <source>tên gần giống, cùng xã/phường</source>
        <translation>similar name, same commune</translation>
    </message>
    <message>
        <source>Bạn chỉ có quyền xem hồ sơ.</source>
        <translation>You may only view this dossier.</translation>
    </message>
    <message>
        <source>Hồ sơ của {commune}, ngoài các xã/phường tài khoản của bạn phụ trách: bạn chỉ xem, không sửa được.</source>
        <translation>This dossier belongs to {commune}, outside the communes your account serves: you can view it but not change it.</translation>
    </message>
    <message>
        <source>Hồ sơ ở trạng thái “{status}”: thông tin đã dùng để đánh giá nên chỉ xem, không sửa.</source>
        <translation>The dossier is “{status}”: its information was used for the evaluation, so it can be viewed but not changed.</translation>
    </message>
    <message numerus="yes">
        <source>Chủ thể “{name}” có trong %n hồ sơ khác ({codes}). Thông tin chủ thể sửa ở đây sẽ đổi ở tất cả các hồ sơ đó.

Vẫn lưu?</source>
        <translation>
            <numerusform>Producer “{name}” is in %n other dossier ({codes}). Producer details changed here change in that dossier too.

Save anyway?</numerusform>
            <numerusform>Producer “{name}” is in %n other dossiers ({codes}). Producer details changed here change in all of them.

Save anyway?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Chủ thể này có trong %n hồ sơ khác ({codes}): sửa thông tin ở đây là sửa cho cả các hồ sơ đó.</source>
        <translation>
            <numerusform>This producer is in %n other dossier ({codes}): editing its details here edits them there too.</numerusform>
            <numerusform>This producer is in %n other dossiers ({codes}): editing its details here edits them in all of those too.</numerusform>
        </translation>
    </message>
    <message>
        <source>{what} · Xuất ngày {moment}</source>
        <translation>{what} · Exported {moment}</translation>
    </message>
    <message>
        <source>Nguồn bản đồ: {credits}</source>
        <translation>Map sources: {credits}</translation>
    </message>
    <message>
        <source>Chưa có hồ sơ</source>
        <translation>No dossier yet</translation>
    </message>
    <message>
        <source>Đang lập, đã nộp hồ sơ</source>
        <translation>Being prepared or submitted</translation>
    </message>
    <message>
        <source>Xã đã kiểm tra, chuyển hội đồng</source>
        <translation>Checked by the commune or with the council</translation>
    </message>
    <message>
        <source>Đã đánh giá, đã kết thúc</source>
        <translation>Evaluated or closed</translation>
    </message>
    <message>
        <source>Chưa có sao</source>
        <translation>No stars</translation>
    </message>
    <message>
        <source>Màu: hạng sao OCOP</source>
        <translation>Colour: OCOP stars</translation>
    </message>
    <message>
        <source>Hình: hồ sơ xa nhất của chủ thể</source>
        <translation>Shape: the producer&apos;s furthest dossier</translation>
    </message>
    <message>
        <source>Nhóm chủ thể gần nhau (số chủ thể)</source>
        <translation>Nearby producers grouped (their number)</translation>
    </message>
    <message>
        <source>Chú giải</source>
        <translation>Legend</translation>
    </message>
    <message>
        <source>Còn thay đổi chưa lưu</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Những nội dung sau chưa được lưu:</source>
        <translation>The following has not been saved:</translation>
    </message>
    <message>
        <source>Lưu rồi {action}</source>
        <translation>Save, then {action}</translation>
    </message>
    <message>
        <source>Nhập bản đồ nền (MBTiles)…</source>
        <translation>Import a basemap (MBTiles)…</translation>
    </message>
    <message>
        <source>Nguồn bản đồ trực tuyến…</source>
        <translation>Online map source…</translation>
    </message>
    <message>
        <source>Chọn tệp bản đồ nền</source>
        <translation>Choose a basemap file</translation>
    </message>
    <message>
        <source>Bản đồ nền MBTiles (*.mbtiles);;Mọi tệp (*)</source>
        <translation>MBTiles basemap (*.mbtiles);;All files (*)</translation>
    </message>
    <message>
        <source>Đã nhập bản đồ nền</source>
        <translation>Basemap imported</translation>
    </message>
    <message>
        <source>Đã nhập {name}. Bản đồ dùng tệp này trước bản đồ nền có sẵn.</source>
        <translation>{name} imported. The map uses it before the built-in basemap.</translation>
    </message>
    <message>
        <source>Không nhập được bản đồ nền</source>
        <translation>Could not import the basemap</translation>
    </message>
    <message>
        <source>Mỗi lựa chọn được lưu ngay khi bấm.</source>
        <translation>Each choice is saved as soon as you click it.</translation>
    </message>
    <message>
        <source>Phiếu đã nộp nên không sửa được. Muốn thay đổi, bấm «Chấm lại»: phiếu mới bắt đầu từ các lựa chọn này và thay phiếu này khi được nộp.</source>
        <translation>A submitted sheet cannot be changed. To change it, click “Rescore”: a new sheet starts from these choices and replaces this one once it is submitted.</translation>
    </message>
    <message>
        <source>Phiếu này đã được thay bằng một phiếu chấm lại; chỉ còn để xem.</source>
        <translation>This sheet has been replaced by a rescore; it is kept for reference only.</translation>
    </message>
    <message>
        <source>Chấm lại sản phẩm «{product}»?

Một phiếu nháp mới được tạo từ các lựa chọn của phiếu đã nộp; phiếu đã nộp được giữ lại và được thay bằng phiếu mới khi phiếu mới được nộp.</source>
        <translation>Rescore “{product}”?

A new draft sheet is made from the submitted sheet&apos;s choices; the submitted sheet is kept, and the new one replaces it when it is submitted.</translation>
    </message>
    <message>
        <source>Nhận xét {code}</source>
        <translation>Comment {code}</translation>
    </message>
    <message>
        <source>Nhận xét chưa lưu của phiếu này không dùng được nữa vì phiếu không còn sửa được; những gì đã nhập: {typed}</source>
        <translation>The unsaved comment of this sheet can no longer be used because the sheet can no longer be edited; what was typed: {typed}</translation>
    </message>
    <message>
        <source>Đã khôi phục và lưu nhận xét bạn gõ dở lúc {when}.</source>
        <translation>The comment you were typing at {when} has been restored and saved.</translation>
    </message>
    <message>
        <source>Phiếu chấm {product}: nhận xét {codes}</source>
        <translation>Score sheet {product}: comment on {codes}</translation>
    </message>
    <message>
        <source>Gõ tên để tìm…</source>
        <translation>Type a name to search…</translation>
    </message>
    <message>
        <source>Mã GTIN không hợp lệ: cần 8, 12, 13 hoặc 14 chữ số với số kiểm tra đúng.</source>
        <translation>Invalid GTIN: it needs 8, 12, 13 or 14 digits with a correct check digit.</translation>
    </message>
    <message>
        <source>Mã lô không hợp lệ: tối đa 20 ký tự, chỉ gồm chữ cái không dấu, chữ số và các dấu - . / _ (không dấu cách).</source>
        <translation>Invalid lot code: at most 20 characters, only unaccented letters, digits and the signs - . / _ (no spaces).</translation>
    </message>
    <message>
        <source>Địa chỉ công khai của tỉnh “{url}” không hợp lệ (cần bắt đầu bằng https:// hoặc http://).</source>
        <translation>The province&apos;s public address “{url}” is invalid (it must start with https:// or http://).</translation>
    </message>
    <message>
        <source>Mã công khai “{code}” của sản phẩm không hợp lệ.</source>
        <translation>The product&apos;s public code “{code}” is invalid.</translation>
    </message>
    <message>
        <source>Máy này chưa biết địa chỉ công khai của tỉnh để in vào mã QR: hãy đồng bộ với máy chủ tỉnh một lần, hoặc nhập địa chỉ đó trong hộp in tem.</source>
        <translation>This laptop does not know the province&apos;s public address to put in QR codes yet: sync with the provincial server once, or type that address in the labels dialog.</translation>
    </message>
    <message>
        <source>Lô “{lot}” đã bị thu hồi nên không in tem cho lô này.</source>
        <translation>Lot “{lot}” has been withdrawn, so no labels are printed for it.</translation>
    </message>
    <message>
        <source>Số tem quá nhiều: mỗi lần in tối đa {limit} tem.</source>
        <translation>Too many labels: at most {limit} labels at a time.</translation>
    </message>
    <message>
        <source>Địa chỉ quá dài để in thành mã QR ({length} ký tự, tối đa {limit}).</source>
        <translation>The address is too long for a QR code ({length} characters, at most {limit}).</translation>
    </message>
    <message>
        <source>Không tìm thấy mã QR nào đọc được trong ảnh: ảnh có thể bị mờ, quá tối hoặc mã bị che. Hãy chụp lại gần hơn, đủ sáng và giữ máy thẳng.</source>
        <translation>No readable QR code was found in the picture: it may be blurred, too dark, or the code may be covered. Take it again closer, in good light, holding the phone straight.</translation>
    </message>
    <message>
        <source>Mã trong ảnh không phải mã truy xuất sản phẩm OCOP của tỉnh (nội dung: “{text}”).</source>
        <translation>The code in the picture is not a traceability code of the province&apos;s OCOP products (it holds “{text}”).</translation>
    </message>
    <message>
        <source>Mã “{code}” là mã truy xuất OCOP nhưng sản phẩm này chưa có trên máy; hãy đồng bộ rồi quét lại.</source>
        <translation>“{code}” is an OCOP traceability code, but this product is not on this laptop; sync, then scan again.</translation>
    </message>
    <message>
        <source>Tệp “{name}” không phải ảnh đọc được (cần ảnh JPEG, PNG, …).</source>
        <translation>The file “{name}” is not a readable picture (JPEG, PNG … are needed).</translation>
    </message>
    <message>
        <source>Ảnh “{name}” quá lớn để đọc mã; hãy chọn ảnh nhỏ hơn (dưới 60 MB và 80 triệu điểm ảnh).</source>
        <translation>The picture “{name}” is too large to read a code from; choose a smaller one (under 60 MB and 80 million pixels).</translation>
    </message>
    <message>
        <source>Không mở được tệp “{name}” ({detail}).</source>
        <translation>Could not open the file “{name}” ({detail}).</translation>
    </message>
    <message>
        <source>Địa chỉ máy chủ {host} dùng http không mã hoá: mật khẩu và phiên đăng nhập sẽ đi qua mạng ở dạng đọc được. Hãy dùng địa chỉ https://, hoặc xác nhận dùng http cho máy chủ này (Ứng dụng → Kết nối máy chủ tỉnh…; khi đồng bộ bằng lệnh: --allow-http {host}).</source>
        <translation>The server address {host} uses unencrypted http: the password and the login would cross the network readable by anyone. Use an https:// address, or confirm http for this server (Application → Connect to the provincial server…; for the sync command: --allow-http {host}).</translation>
    </message>
    <message>
        <source>Dữ liệu gửi lên lồng nhau quá nhiều tầng nên máy chủ không nhận.</source>
        <translation>The data sent nests too many levels deep, so the server refused it.</translation>
    </message>
    <message>
        <source>Dữ liệu gửi lên có quá nhiều giá trị nên máy chủ không nhận.</source>
        <translation>The data sent holds too many values, so the server refused it.</translation>
    </message>
    <message>
        <source>Dữ liệu gửi lên máy chủ quá chậm nên bị ngắt; hãy thử lại khi mạng tốt hơn.</source>
        <translation>The data reached the server too slowly and was cut off; try again on a better connection.</translation>
    </message>
    <message>
        <source>Máy chủ không nhận kiểu nén dữ liệu này.</source>
        <translation>The server does not accept this kind of compressed data.</translation>
    </message>
    <message>
        <source>Kết nối bị ngắt trước khi gửi xong dữ liệu; hãy thử lại.</source>
        <translation>The connection was cut before all the data was sent; try again.</translation>
    </message>
    <message>
        <source>Máy chủ chưa nhận tệp đính kèm này từ máy này: hãy đồng bộ lại để tải tệp lên trước (không thể gắn tệp của người khác chỉ bằng mã băm).</source>
        <translation>The server has not received this attachment from this device: sync again to upload the file first (another person&apos;s file cannot be attached by its hash alone).</translation>
    </message>
    <message>
        <source>Gia hạn công nhận</source>
        <translation>Renew recognition</translation>
    </message>
    <message>
        <source>Ghi quyết định công nhận</source>
        <translation>Record recognition decision</translation>
    </message>
    <message>
        <source>Số sao (theo kết quả hội đồng):</source>
        <translation>Stars (from the council&apos;s result):</translation>
    </message>
    <message>
        <source>ví dụ 1234/QĐ-UBND</source>
        <translation>e.g. 1234/QĐ-UBND</translation>
    </message>
    <message>
        <source>Số quyết định:</source>
        <translation>Decision no.:</translation>
    </message>
    <message>
        <source>Ngày quyết định:</source>
        <translation>Decision date:</translation>
    </message>
    <message>
        <source>Cơ quan ban hành:</source>
        <translation>Issuing body:</translation>
    </message>
    <message>
        <source>Lý do (bắt buộc)</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <source>Từ ngày:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>Lý do:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>{stars} · Quyết định {number} ngày {day} của {body}</source>
        <translation>{stars} · Decision {number} of {day} by {body}</translation>
    </message>
    <message>
        <source>{text}
{status} từ ngày {day}. Lý do: {reason}</source>
        <translation>{text}
{status} from {day}. Reason: {reason}</translation>
    </message>
    <message>
        <source>{text}
{status} · hiệu lực đến hết ngày {last_day} · thông báo gia hạn từ {notice}</source>
        <translation>{text}
{status} · valid through {last_day} · renewal notice from {notice}</translation>
    </message>
    <message>
        <source>Mật khẩu phải có ít nhất 10 ký tự.</source>
        <translation>The password must have at least 10 characters.</translation>
    </message>
    <message>
        <source>Mật khẩu này quá phổ biến, dễ bị đoán; hãy chọn mật khẩu khác.</source>
        <translation>This password is too common and easy to guess; choose another one.</translation>
    </message>
    <message>
        <source>Mật khẩu không được trùng với tên đăng nhập.</source>
        <translation>The password must not be the username.</translation>
    </message>
    <message>
        <source>Tài khoản này đã bị khóa trên máy chủ tỉnh; hãy liên hệ quản trị tỉnh.</source>
        <translation>This account is disabled on the provincial server; contact the provincial admin.</translation>
    </message>
    <message>
        <source>Phiên đăng nhập máy chủ trên máy này đã hết hạn vì lâu không dùng; hãy đăng nhập lại.</source>
        <translation>This computer&apos;s server login expired after a long time unused; log in again.</translation>
    </message>
    <message>
        <source>Đăng nhập sai quá nhiều lần; hãy chờ vài phút rồi thử lại.</source>
        <translation>Too many failed logins; wait a few minutes and try again.</translation>
    </message>
    <message>
        <source>Máy chủ tỉnh đang bận xử lý nhiều lượt đăng nhập; hãy thử lại sau giây lát.</source>
        <translation>The provincial server is busy with many logins; try again in a moment.</translation>
    </message>
    <message>
        <source>Đây là tài khoản quản trị cuối cùng còn hoạt động; không thể khóa hay đổi vai trò của nó.</source>
        <translation>This is the last active admin account; it cannot be disabled or given another role.</translation>
    </message>
    <message>
        <source>Máy chủ tỉnh không có tài khoản này.</source>
        <translation>The provincial server has no such account.</translation>
    </message>
    <message>
        <source>Vai trò này không có trong hệ thống.</source>
        <translation>There is no such role.</translation>
    </message>
    <message>
        <source>Quản lý tài khoản cần kết nối máy chủ tỉnh; máy này chưa được cấu hình máy chủ (đang làm việc ngoại tuyến).</source>
        <translation>Managing accounts needs the provincial server; this computer has no server set up (it works offline).</translation>
    </message>
    <message>
        <source>Mã xã/phường chỉ gồm chữ số (tối đa 10), các mã cách nhau bởi dấu phẩy.</source>
        <translation>A commune code is digits only (at most 10); separate codes with commas.</translation>
    </message>
    <message>
        <source>Không kết nối được máy chủ tỉnh nên chưa thể xem hay sửa tài khoản. Hãy kiểm tra mạng rồi bấm “Tải lại”.</source>
        <translation>The provincial server cannot be reached, so accounts cannot be viewed or changed yet. Check the network, then click “Reload”.</translation>
    </message>
    <message>
        <source>Tạo tài khoản</source>
        <translation>Account created</translation>
    </message>
    <message>
        <source>Khóa tài khoản</source>
        <translation>Disable account</translation>
    </message>
    <message>
        <source>Mở khóa tài khoản</source>
        <translation>Enable account</translation>
    </message>
    <message>
        <source>Đổi vai trò / xã</source>
        <translation>Role / communes changed</translation>
    </message>
    <message>
        <source>Đặt lại mật khẩu</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>Thu hồi phiên đăng nhập</source>
        <translation>Logins revoked</translation>
    </message>
    <message>
        <source>{name}: thiếu (bắt buộc từ {stars} sao)</source>
        <translation>{name}: missing (required from {stars} stars)</translation>
    </message>
    <message>
        <source>{name}: không ghi ngày cấp, không chứng minh được còn hiệu lực</source>
        <translation>{name}: no issue date, so it cannot show it is still valid</translation>
    </message>
    <message>
        <source>{name}: hết hiệu lực sau ngày {date}</source>
        <translation>{name}: expired after {date}</translation>
    </message>
    <message>
        <source>Còn hiệu lực</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>Sắp hết hiệu lực</source>
        <translation>Expiring soon</translation>
    </message>
    <message>
        <source>Đã bị thu hồi</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>Hạn sử dụng</source>
        <translation>Use by</translation>
    </message>
    <message>
        <source>Sử dụng tốt nhất trước</source>
        <translation>Best before</translation>
    </message>
    <message>
        <source>Chỉ quản trị tỉnh ghi và thu hồi quyết định công nhận; vai trò “{role}” không làm được việc này.</source>
        <translation>Only the province&apos;s admin records and revokes recognition decisions; the role “{role}” cannot do this.</translation>
    </message>
    <message>
        <source>Chỉ ghi quyết định công nhận khi kết quả của hội đồng cho hồ sơ này đã được phê duyệt.</source>
        <translation>A recognition decision is recorded only once the council&apos;s result for this dossier is approved.</translation>
    </message>
    <message>
        <source>Kết quả đã phê duyệt đạt {stars} sao: cần từ 3 sao trở lên mới được công nhận.</source>
        <translation>The approved result has {stars} stars: recognition needs 3 stars or more.</translation>
    </message>
    <message>
        <source>Số sao của quyết định ({stars}) khác số sao hội đồng đã phê duyệt ({expected}); số sao lấy theo kết quả, không nhập tay.</source>
        <translation>The decision&apos;s stars ({stars}) differ from the council&apos;s approved stars ({expected}); stars come from the result, never typed.</translation>
    </message>
    <message>
        <source>Hãy ghi lý do thu hồi.</source>
        <translation>Give the reason for the revocation.</translation>
    </message>
    <message>
        <source>Kết quả này đã có quyết định công nhận còn hiệu lực; muốn gia hạn cần hồ sơ đánh giá lại đã được phê duyệt.</source>
        <translation>This result already has a recognition decision in force; a renewal needs an approved re-evaluation dossier.</translation>
    </message>
    <message>
        <source>Hồ sơ gia hạn phải là của cùng sản phẩm với quyết định cũ.</source>
        <translation>The renewal dossier must be of the same product as the earlier decision.</translation>
    </message>
    <message>
        <source>Ngày quyết định gia hạn phải sau ngày của quyết định cũ ({previous}).</source>
        <translation>The renewal decision must be dated after the earlier decision ({previous}).</translation>
    </message>
    <message>
        <source>Ngày thu hồi không được trước ngày ra quyết định.</source>
        <translation>The revocation date cannot be before the decision date.</translation>
    </message>
    <message>
        <source>Vai trò “{role}” không ghi lô sản xuất; việc này do cán bộ xã hoặc quản trị tỉnh làm.</source>
        <translation>The role “{role}” does not record production lots; the commune&apos;s officer or the province&apos;s admin does.</translation>
    </message>
    <message>
        <source>Sản phẩm thuộc xã/phường ngoài phạm vi của tài khoản này.</source>
        <translation>The product belongs to a commune outside this account&apos;s scope.</translation>
    </message>
    <message>
        <source>Nhãn của lô này đã được in: không xoá được và không đổi được mã lô. Nếu lô có vấn đề, hãy thu hồi lô và ghi lý do.</source>
        <translation>This lot&apos;s label has been printed: it cannot be deleted and its code cannot change. If the lot has a problem, withdraw it and give the reason.</translation>
    </message>
    <message>
        <source>Lô này đã bị thu hồi từ ngày {on}; việc thu hồi không huỷ được.</source>
        <translation>This lot was withdrawn on {on}; a withdrawal cannot be undone.</translation>
    </message>
    <message>
        <source>Hãy ghi lý do thu hồi lô.</source>
        <translation>Give the reason for withdrawing the lot.</translation>
    </message>
    <message>
        <source>Chỉ ghi lô sản xuất cho sản phẩm đang có quyết định công nhận OCOP còn hiệu lực.</source>
        <translation>Lots are recorded only for products with an OCOP recognition in force.</translation>
    </message>
    <message>
        <source>Sản phẩm này đã có lô mã “{code}” (mã lô không dùng lại, kể cả lô đã xoá). Hãy chọn mã khác.</source>
        <translation>This product already has a lot with code “{code}” (lot codes are never reused, even of deleted lots). Choose another code.</translation>
    </message>
    <message>
        <source>Hạn dùng phải sau ngày sản xuất.</source>
        <translation>The use-by date must be after the production date.</translation>
    </message>
    <message>
        <source>Số lượng không được âm.</source>
        <translation>The quantity cannot be negative.</translation>
    </message>
    <message>
        <source>Tệp “{name}” không phải ảnh (cần ảnh JPEG, PNG, WebP hoặc HEIC).</source>
        <translation>The file “{name}” is not a photo (JPEG, PNG, WebP or HEIC needed).</translation>
    </message>
    <message>
        <source>Tem truy xuất sản phẩm OCOP</source>
        <translation>OCOP product traceability labels</translation>
    </message>
    <message>
        <source>OCOP {n} sao</source>
        <translation>OCOP {n} stars</translation>
    </message>
    <message>
        <source>Lô: {lot}</source>
        <translation>Lot: {lot}</translation>
    </message>
    <message>
        <source>NSX: {date}</source>
        <translation>Made: {date}</translation>
    </message>
    <message>
        <source>Dùng tốt nhất trước: {date}</source>
        <translation>Best before: {date}</translation>
    </message>
    <message>
        <source>HSD: {date}</source>
        <translation>Use by: {date}</translation>
    </message>
    <message>
        <source>Bản ghi này không còn thuộc phạm vi của máy này (hồ sơ đã được rút khỏi hội đồng, bạn không còn trong hội đồng, hoặc xã phụ trách đã đổi) nên đã được gỡ khỏi máy. Thay đổi chưa gửi không bị xoá: nó được giữ lại ở đây.</source>
        <translation>This record is no longer within what this laptop may see (the dossier was withdrawn from the council, you are no longer on the council, or your communes changed), so it was removed from this laptop. The unsent change was not deleted: it is kept here.</translation>
    </message>
    <message>
        <source>Dữ liệu nhận về không hợp lệ với phiên bản ứng dụng này.</source>
        <translation>The data received is not valid for this version of the app.</translation>
    </message>
    <message>
        <source>Trùng với một bản ghi khác trên máy này (ví dụ một tài khoản thử nghiệm cùng tên).</source>
        <translation>It clashes with another record on this laptop (for example a demo account with the same name).</translation>
    </message>
    <message>
        <source>Ứng dụng này chưa biết loại dữ liệu này; hãy cập nhật ứng dụng.</source>
        <translation>This app does not know this kind of data yet; please update the app.</translation>
    </message>
    <message>
        <source>Máy này không lưu được bản ghi này.</source>
        <translation>This laptop cannot store this record.</translation>
    </message>
    <message>
        <source>Chưa lưu được ({code}).</source>
        <translation>Not stored ({code}).</translation>
    </message>
    <message>
        <source>Hoạt động</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Đã khóa</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>{n} phiên đăng nhập bị thu hồi</source>
        <translation>{n} logins revoked</translation>
    </message>
    <message>
        <source>(máy chủ)</source>
        <translation>(server)</translation>
    </message>
    <message>
        <source>&amp;Truy xuất</source>
        <translation>&amp;Traceability</translation>
    </message>
    <message>
        <source>In tem QR…</source>
        <translation>Print QR labels…</translation>
    </message>
    <message>
        <source>Quét mã QR từ ảnh…</source>
        <translation>Scan a QR code from a picture…</translation>
    </message>
    <message>
        <source>Chọn ảnh chụp mã QR</source>
        <translation>Choose a picture of a QR code</translation>
    </message>
    <message>
        <source>Ảnh ({patterns});;Mọi tệp (*)</source>
        <translation>Pictures ({patterns});;All files (*)</translation>
    </message>
    <message>
        <source>Quét mã QR</source>
        <translation>Scan QR code</translation>
    </message>
    <message>
        <source>Mã QR của sản phẩm “{name}”.</source>
        <translation>QR code of the product “{name}”.</translation>
    </message>
    <message>
        <source>Mã QR của sản phẩm “{name}”, lô “{lot}”; lô này chưa có trên máy (hãy đồng bộ).</source>
        <translation>QR code of the product “{name}”, lot “{lot}”; this lot is not on this laptop yet (sync).</translation>
    </message>
    <message>
        <source>Mã QR của sản phẩm “{name}”, lô “{lot}”.</source>
        <translation>QR code of the product “{name}”, lot “{lot}”.</translation>
    </message>
    <message>
        <source>nhật ký mới không nối tiếp nhật ký máy này đã thấy: lịch sử đã bị viết lại</source>
        <translation>the new log does not extend the log this laptop saw: history was rewritten</translation>
    </message>
    <message>
        <source>điểm kiểm không mang chữ ký hợp lệ của khoá nhật ký máy này đã ghim, hoặc thiếu chữ ký đồng ký của một nhân chứng bắt buộc (khoá bị thay, giả mạo, hoặc nhân chứng chưa đồng ký)</source>
        <translation>the checkpoint does not carry a valid signature of the log key this laptop pinned, or lacks the cosignature of a required witness (the key was replaced, forged, or the witness has not co-signed)</translation>
    </message>
    <message>
        <source>một bản ghi của máy này không nằm trong nhật ký đã ký</source>
        <translation>a record on this laptop is not in the signed log</translation>
    </message>
    <message>
        <source>Nhật ký minh bạch chưa có mục nào.</source>
        <translation>The transparency log has no entries yet.</translation>
    </message>
    <message>
        <source>Yêu cầu nhật ký minh bạch không hợp lệ (vị trí hoặc kích thước không tồn tại).</source>
        <translation>Invalid transparency log request (no such position or size).</translation>
    </message>
    <message>
        <source>Bản ghi này chưa có trong nhật ký minh bạch.</source>
        <translation>This record is not in the transparency log yet.</translation>
    </message>
    <message>
        <source>Chữ ký đồng ký của nhân chứng sai định dạng.</source>
        <translation>The witness cosignature is malformed.</translation>
    </message>
    <message>
        <source>Nhật ký này chưa từng ký điểm kiểm được gửi tới.</source>
        <translation>This log never signed the checkpoint that was sent.</translation>
    </message>
    <message>
        <source>Máy chủ chưa được cấu hình để nhận chữ ký của nhân chứng này.</source>
        <translation>The server is not configured to accept this witness&apos;s signature.</translation>
    </message>
    <message>
        <source>CẢNH BÁO nhật ký minh bạch: máy chủ tỉnh không còn được tin cậy, đồng bộ đã dừng. Bằng chứng đã lưu vào tệp. Hãy báo cho quản trị tỉnh và cơ quan nhân chứng trước khi tiếp tục.</source>
        <translation>TRANSPARENCY LOG ALARM: the provincial server is no longer trusted and sync has stopped. The evidence was saved to a file. Tell the provincial administrators and the witness agency before going on.</translation>
    </message>
    <message>
        <source>Khoá nhân chứng thứ {position} không hợp lệ ({key}…): một khoá có dạng tên+mã+khoá, đúng như nhân chứng gửi, không thiếu ký tự nào.</source>
        <translation>Witness key {position} is not valid ({key}…): a key reads name+id+key, exactly as the witness sent it, with no character missing.</translation>
    </message>
    <message>
        <source>Khoá thứ {position} ({key}…) là khoá ký nhật ký, không phải khoá đồng ký của một nhân chứng.</source>
        <translation>Key {position} ({key}…) is a log signing key, not a witness&apos;s cosigning key.</translation>
    </message>
    <message>
        <source>Chỉ đặt được tối đa {limit} nhân chứng.</source>
        <translation>At most {limit} witnesses can be set.</translation>
    </message>
    <message>
        <source>Nhật ký minh bạch có thể kiểm chứng bảo đảm: bản ghi đã công bố (kết quả, công nhận, lô hàng) không thể bị sửa hay xoá mà máy này không phát hiện. Nó không bảo đảm điều được ghi là đúng.</source>
        <translation>The verifiable transparency log guarantees that a published record (result, recognition, lot) cannot be changed or deleted without this laptop noticing. It does not guarantee that what was recorded is true.</translation>
    </message>
    <message>
        <source>Kiểm tra hồ sơ</source>
        <translation>Check a dossier</translation>
    </message>
    <message>
        <source>Chấm điểm cho hội đồng</source>
        <translation>Score for a council</translation>
    </message>
    <message>
        <source>Kiểm tra thực địa chủ thể</source>
        <translation>Inspect a producer in the field</translation>
    </message>
    <message>
        <source>Sửa thay đổi bị máy chủ từ chối</source>
        <translation>Fix a change the server refused</translation>
    </message>
    <message>
        <source>Chưa làm</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Đang làm</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Đã xong</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Đã hủy</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Vai trò “{role}” chỉ ghi và cập nhật việc của chính mình; giao việc cho người khác là việc của quản trị, thư ký hoặc chủ tịch hội đồng.</source>
        <translation>The role “{role}” records and updates only its own tasks; giving work to others is for the admin, the secretary or the council chair.</translation>
    </message>
    <message>
        <source>Loại việc “{kind}” không có trong danh mục.</source>
        <translation>The task kind “{kind}” is not in the list.</translation>
    </message>
    <message>
        <source>Trạng thái “{status}” không có trong danh mục.</source>
        <translation>The status “{status}” is not in the list.</translation>
    </message>
    <message>
        <source>Người được giao việc không còn tài khoản hoạt động (đã xóa hoặc bị khóa); hãy giao cho người khác.</source>
        <translation>The person given this task no longer has an active account (deleted or disabled); give it to someone else.</translation>
    </message>
    <message>
        <source>Hạn {due} đã qua (hôm nay là {today}); hãy chọn hạn từ hôm nay trở đi.</source>
        <translation>The due date {due} has passed (today is {today}); choose today or a later date.</translation>
    </message>
    <message>
        <source>Việc đang ở trạng thái “{was}” không chuyển sang “{status}” được; việc đã xong hoặc đã hủy giữ nguyên, việc mới là một việc khác.</source>
        <translation>A task in status “{was}” cannot move to “{status}”; a done or cancelled task stays as it is, new work is a new task.</translation>
    </message>
    <message>
        <source>Mỗi lần đổi trạng thái cần một ghi chú nói lý do hoặc kết quả.</source>
        <translation>Each status change needs a comment saying why or what came of it.</translation>
    </message>
    <message>
        <source>Sắp hết hạn (6 tháng)</source>
        <translation>Expiring (6 months)</translation>
    </message>
    <message>
        <source>Hết hiệu lực</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Bằng chứng Merkle không khớp: bản ghi hoặc nhật ký đã bị thay đổi.</source>
        <translation>The Merkle proof does not match: the record or the log was changed.</translation>
    </message>
    <message>
        <source>Điểm kiểm (checkpoint) hoặc khoá của nhật ký minh bạch không hợp lệ.</source>
        <translation>The transparency log&apos;s checkpoint or key is not valid.</translation>
    </message>
    <message>
        <source>Gói bằng chứng không kiểm chứng được ({what}).</source>
        <translation>The proof bundle could not be verified ({what}).</translation>
    </message>
    <message>
        <source>Máy chủ chưa có khoá ký nhật ký minh bạch: tạo bằng ocop-server create-log-key, hoặc khôi phục tệp khoá từ bản sao lưu.</source>
        <translation>The server has no transparency log signing key: create one with ocop-server create-log-key, or restore the key file from its backup.</translation>
    </message>
    <message>
        <source>Nhân chứng phát hiện nhật ký bị viết lại; bằng chứng đã được lưu.</source>
        <translation>The witness found the log rewritten; the evidence was saved.</translation>
    </message>
    <message>
        <source>Máy chủ chưa nhận chữ ký của nhân chứng này.</source>
        <translation>The server does not accept this witness&apos;s signature yet.</translation>
    </message>
    <message>
        <source>Thêm mới</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Cập nhật</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>Không đổi</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>Lỗi</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Tên sản phẩm</source>
        <translation>Product name</translation>
    </message>
    <message>
        <source>Số đăng ký kinh doanh</source>
        <translation>Business registration number</translation>
    </message>
    <message>
        <source>Mã xã</source>
        <translation>Commune code</translation>
    </message>
    <message>
        <source>Năm công nhận</source>
        <translation>Year recognised</translation>
    </message>
    <message>
        <source>Loại hình chủ thể</source>
        <translation>Kind of producer</translation>
    </message>
    <message>
        <source>Không đọc được tệp: {reason}</source>
        <translation>The file cannot be read: {reason}</translation>
    </message>
    <message>
        <source>Tệp này không phải bảng tính Excel (.xlsx); hãy mở nó bằng Excel và lưu lại dạng .xlsx.</source>
        <translation>This file is not an Excel workbook (.xlsx); open it in Excel and save it as .xlsx.</translation>
    </message>
    <message>
        <source>Tệp có mật khẩu (hoặc là tệp .xls cũ): hãy mở bằng Excel, bỏ mật khẩu và lưu dạng .xlsx.</source>
        <translation>The file has a password (or is an old .xls file): open it in Excel, remove the password and save it as .xlsx.</translation>
    </message>
    <message>
        <source>Bảng có {rows} dòng, quá {limit} dòng một lần nhập; hãy chia thành nhiều tệp.</source>
        <translation>The sheet has {rows} rows, more than the {limit} one import takes; split it into several files.</translation>
    </message>
    <message>
        <source>Không thấy dòng tiêu đề (Tên sản phẩm, Chủ thể, Xã/phường…) trong 12 dòng đầu.</source>
        <translation>No header row (Tên sản phẩm, Chủ thể, Xã/phường…) in the first 12 rows.</translation>
    </message>
    <message>
        <source>Chưa có cột cho “{column}”; hãy chọn cột đó trong bảng ghép cột.</source>
        <translation>No column is chosen for “{column}”; choose it in the column mapping.</translation>
    </message>
    <message>
        <source>Ô ở cột {column} là công thức; hãy dán giá trị (Paste Values) rồi nhập lại.</source>
        <translation>The cell in column {column} is a formula; paste it as values and import again.</translation>
    </message>
    <message>
        <source>Thiếu {column}.</source>
        <translation>{column} is missing.</translation>
    </message>
    <message>
        <source>Thiếu xã/phường.</source>
        <translation>The commune is missing.</translation>
    </message>
    <message>
        <source>Không tìm thấy xã/phường “{commune}” trong danh mục 2025 hay mã cũ.</source>
        <translation>No commune “{commune}” in the 2025 list or among the old codes.</translation>
    </message>
    <message>
        <source>Tên “{commune}” khớp nhiều xã/phường; hãy ghi mã xã.</source>
        <translation>The name “{commune}” matches several communes; give the commune code.</translation>
    </message>
    <message>
        <source>Xã cũ “{commune}” đã chia cho nhiều xã mới; hãy ghi tên hoặc mã xã mới.</source>
        <translation>The old commune “{commune}” was split between several new ones; give the new commune&apos;s name or code.</translation>
    </message>
    <message>
        <source>Số sao hoặc năm công nhận không đọc được.</source>
        <translation>The stars or the year of recognition cannot be read.</translation>
    </message>
    <message>
        <source>Số sao {stars} không hợp lệ (từ 3 đến 5).</source>
        <translation>{stars} stars is not valid (3 to 5).</translation>
    </message>
    <message>
        <source>Trùng với dòng {first} (cùng chủ thể và tên sản phẩm).</source>
        <translation>The same as row {first} (same producer and product name).</translation>
    </message>
</context>
<context>
    <name>AccuracySpin</name>
    <message>
        <source>Không rõ</source>
        <translation>Not known</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Quản trị</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Phần Quản trị chỉ dành cho quản trị viên cấp tỉnh. Tài khoản của bạn không có quyền nhập, ban hành bộ tiêu chí hay lập hội đồng; nếu cần, hãy liên hệ quản trị viên của tỉnh.</source>
        <translation>The Administration section is for provincial administrators only. Your account is not permitted to import or publish criteria sets or to set up councils; if you need to, contact the provincial administrator.</translation>
    </message>
    <message>
        <source>Bộ tiêu chí</source>
        <translation>Criteria sets</translation>
    </message>
    <message>
        <source>Hội đồng</source>
        <translation>Councils</translation>
    </message>
    <message>
        <source>Tài khoản</source>
        <translation>Accounts</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Giải quyết xung đột dữ liệu</source>
        <translation>Resolve data conflict</translation>
    </message>
    <message>
        <source>Trường dưới đây đã được sửa khác nhau trên hai máy. Máy chủ đang giữ giá trị của máy đồng bộ trước; giá trị kia không bị mất. Hãy chọn giá trị đúng cho từng trường, hoặc nhập giá trị khác. Lựa chọn được gửi lên máy chủ ở lần đồng bộ sau.</source>
        <translation>The field below was changed differently on two computers. The server holds the value from the computer that synced first; the other value has not been lost. Choose the correct value for each field, or enter a different one. Your choice is sent to the server at the next sync.</translation>
    </message>
    <message>
        <source>Áp dụng</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Giá trị trên máy này</source>
        <translation>Value on this computer</translation>
    </message>
    <message>
        <source>Giá trị của máy khác</source>
        <translation>Value from the other computer</translation>
    </message>
    <message>
        <source>Giá trị trên máy chủ</source>
        <translation>Value on server</translation>
    </message>
    <message>
        <source>Giá trị khác</source>
        <translation>Other value</translation>
    </message>
    <message>
        <source>Giữ giá trị trên máy chủ</source>
        <translation>Keep the server value</translation>
    </message>
    <message>
        <source>Giữ giá trị này</source>
        <translation>Keep this value</translation>
    </message>
    <message>
        <source>Dùng giá trị của máy khác</source>
        <translation>Use the other computer&apos;s value</translation>
    </message>
    <message>
        <source>Dùng giá trị nhập vào</source>
        <translation>Use the value entered</translation>
    </message>
    <message>
        <source>Bản ghi này đã bị xoá trên máy chủ nên chỉ giữ được giá trị trên máy chủ; giá trị còn lại vẫn được lưu trong xung đột.</source>
        <translation>This record has been deleted on the server, so only the server value can be kept; the other value is still stored in the conflict.</translation>
    </message>
    <message>
        <source>Nhập nội dung khác nếu cả hai giá trị đều chưa đúng</source>
        <translation>Enter something else if neither value is correct</translation>
    </message>
    <message>
        <source>ngày/tháng/năm, ví dụ 30/06/2026</source>
        <translation>dd/mm/yyyy, e.g. 30/06/2026</translation>
    </message>
    <message>
        <source>Nhập giá trị khác</source>
        <translation>Enter another value</translation>
    </message>
    <message>
        <source>Hãy chọn một giá trị cho mỗi trường.</source>
        <translation>Choose a value for each field.</translation>
    </message>
</context>
<context>
    <name>CouncilDialog</name>
    <message>
        <source>Đồng ý</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Sửa hội đồng</source>
        <translation>Edit council</translation>
    </message>
    <message>
        <source>Lập hội đồng đánh giá, phân hạng sản phẩm OCOP</source>
        <translation>Set up OCOP product evaluation and rating council</translation>
    </message>
    <message>
        <source>Lưu thay đổi</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>Lập hội đồng</source>
        <translation>Create council</translation>
    </message>
    <message>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>VD: Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Hà Tĩnh năm 2026</source>
        <translation>e.g. Hà Tĩnh Provincial OCOP Product Evaluation and Rating Council 2026</translation>
    </message>
    <message>
        <source>Cấp tỉnh — {name}</source>
        <translation>Provincial — {name}</translation>
    </message>
    <message>
        <source>Chưa chọn (chọn sau)</source>
        <translation>Not selected (choose later)</translation>
    </message>
    <message>
        <source>VD: 1234/QĐ-UBND; để trống nếu chưa có quyết định</source>
        <translation>e.g. 1234/QĐ-UBND; leave blank if there is no decision yet</translation>
    </message>
    <message>
        <source>Tên hội đồng:</source>
        <translation>Council name:</translation>
    </message>
    <message>
        <source>Cấp, địa bàn:</source>
        <translation>Level, area:</translation>
    </message>
    <message>
        <source>Bộ tiêu chí áp dụng:</source>
        <translation>Criteria set applied:</translation>
    </message>
    <message>
        <source>Số quyết định thành lập:</source>
        <translation>Establishment decision no.:</translation>
    </message>
    <message>
        <source>Ngày quyết định:</source>
        <translation>Decision date:</translation>
    </message>
    <message>
        <source>Đơn vị công tác</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Chấm điểm</source>
        <translation>Scoring</translation>
    </message>
    <message>
        <source>Thêm thành viên</source>
        <translation>Add member</translation>
    </message>
    <message>
        <source>Bỏ thành viên đã chọn</source>
        <translation>Remove selected members</translation>
    </message>
    <message>
        <source>Thành viên hội đồng (chọn từ tài khoản người dùng)</source>
        <translation>Council members (chosen from user accounts)</translation>
    </message>
    <message>
        <source>Phiên đánh giá</source>
        <translation>Evaluation session</translation>
    </message>
    <message>
        <source>Mở phiên đánh giá cùng hội đồng, ngày họp:</source>
        <translation>Open an evaluation session with the council, meeting on:</translation>
    </message>
    <message>
        <source>Thành viên chỉ thấy các hồ sơ được giao trong “Chấm điểm” khi hội đồng có phiên đánh giá đang mở. Có thể mở phiên sau, ở nút “Mở phiên đánh giá…”.</source>
        <translation>Members see the assigned dossiers in “Scoring” only while the council has an open evaluation session. A session can also be opened later with “Open evaluation session…”.</translation>
    </message>
    <message>
        <source>Hãy chọn bộ tiêu chí để mở phiên đánh giá.</source>
        <translation>Choose a criteria set to open an evaluation session.</translation>
    </message>
    <message>
        <source>Hãy gõ tên hoặc tên đăng nhập rồi chọn tài khoản của thành viên.</source>
        <translation>Type a name or a login, then choose the member&apos;s account.</translation>
    </message>
    <message>
        <source>“{text}” không khớp đúng một tài khoản; hãy chọn trong danh sách.</source>
        <translation>“{text}” does not match exactly one account; choose one from the list.</translation>
    </message>
    <message>
        <source>{name} đã có trong hội đồng.</source>
        <translation>{name} is already on the council.</translation>
    </message>
    <message>
        <source>“{text}” chưa được thêm vào hội đồng: bấm “Thêm thành viên” hoặc xoá ô tài khoản.</source>
        <translation>“{text}” has not been added to the council: click “Add member” or clear the account field.</translation>
    </message>
    <message>
        <source>Hãy nhập tên hội đồng.</source>
        <translation>Enter the council name.</translation>
    </message>
    <message>
        <source>Chưa có đơn vị hành chính cấp tỉnh trong dữ liệu của máy này.</source>
        <translation>There is no provincial administrative unit in this computer&apos;s data.</translation>
    </message>
    <message>
        <source>Hội đồng cần đúng một thành viên với vai trò Chủ tịch.</source>
        <translation>The council needs exactly one member as chair.</translation>
    </message>
    <message numerus="yes">
        <source>{name} (%n phiếu đang chấm)</source>
        <translation>
            <numerusform>{name} (%n sheet being scored)</numerusform>
            <numerusform>{name} (%n sheets being scored)</numerusform>
        </translation>
    </message>
    <message>
        <source>Bỏ thành viên đang chấm</source>
        <translation>Remove members who are scoring</translation>
    </message>
    <message>
        <source>Bỏ khỏi hội đồng: {names}.

Các phiếu đang chấm dở của họ sẽ bị xoá. Tiếp tục?</source>
        <translation>Remove from the council: {names}.

Their unfinished score sheets will be deleted. Continue?</translation>
    </message>
    <message>
        <source>Đang lưu…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Đóng biểu mẫu</source>
        <translation>Close form</translation>
    </message>
    <message>
        <source>Đóng mà không lưu? Những gì đã nhập sẽ mất.</source>
        <translation>Close without saving? What you entered will be lost.</translation>
    </message>
</context>
<context>
    <name>CouncilPage</name>
    <message>
        <source>Tìm hồ sơ: mã, sản phẩm, chủ thể (gõ không dấu cũng được)</source>
        <translation>Find a dossier: code, product, producer (accents optional)</translation>
    </message>
    <message>
        <source>Phê duyệt</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Phê duyệt các hồ sơ đã chọn…</source>
        <translation>Approve the selected dossiers…</translation>
    </message>
    <message>
        <source>Xuất phiếu chấm PDF</source>
        <translation>Export score sheet (PDF)</translation>
    </message>
    <message>
        <source>Xuất biên bản PDF</source>
        <translation>Export minutes (PDF)</translation>
    </message>
    <message>
        <source>Xuất Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Mở tệp vừa lưu</source>
        <translation>Open the saved file</translation>
    </message>
    <message>
        <source>Phiên đánh giá:</source>
        <translation>Evaluation session:</translation>
    </message>
    <message>
        <source>Hội đồng đánh giá</source>
        <translation>Evaluation council</translation>
    </message>
    <message>
        <source>chưa định ngày</source>
        <translation>no date set</translation>
    </message>
    <message numerus="yes">
        <source>{date} · vòng {round} · {council} (%n hồ sơ)</source>
        <translation>
            <numerusform>{date} · round {round} · {council} (%n dossier)</numerusform>
            <numerusform>{date} · round {round} · {council} (%n dossiers)</numerusform>
        </translation>
    </message>
    <message>
        <source>Chưa có phiên đánh giá nào.</source>
        <translation>No evaluation sessions yet.</translation>
    </message>
    <message>
        <source>Chọn một hồ sơ trong bảng để xem chi tiết.</source>
        <translation>Select a dossier in the table to see its details.</translation>
    </message>
    <message numerus="yes">
        <source>Phê duyệt %n hồ sơ đã chọn…</source>
        <translation>
            <numerusform>Approve %n selected dossier…</numerusform>
            <numerusform>Approve %n selected dossiers…</numerusform>
        </translation>
    </message>
    <message>
        <source>Chọn nhiều dòng (giữ Ctrl hoặc Shift, Ctrl+A chọn tất cả) để phê duyệt cùng lúc; mỗi hồ sơ được xét như khi phê duyệt riêng.</source>
        <translation>Select several rows (hold Ctrl or Shift; Ctrl+A selects all) to approve them together; each dossier is checked as if approved on its own.</translation>
    </message>
    <message>
        <source>Chỉ thư ký, chủ tịch hội đồng hoặc quản trị tỉnh được phê duyệt kết quả.</source>
        <translation>Only the council secretary, the council chair or the provincial administrator can approve results.</translation>
    </message>
    <message>
        <source>Chọn ô điểm của một thành viên trong bảng để xuất phiếu chấm của người đó.</source>
        <translation>Select a member&apos;s score cell in the table to export that member&apos;s score sheet.</translation>
    </message>
    <message>
        <source>Không mở được tệp {path}: máy này chưa có chương trình mở loại tệp này.</source>
        <translation>Could not open {path}: this computer has no program for this kind of file.</translation>
    </message>
    <message>
        <source>Lưu biên bản họp hội đồng</source>
        <translation>Save council meeting minutes</translation>
    </message>
    <message>
        <source>Chủ tịch hội đồng có mặt, chủ trì phiên (không chấm điểm)</source>
        <translation>Council chair present, presiding (not scoring)</translation>
    </message>
    <message>
        <source>Đánh dấu khi Chủ tịch chủ trì phiên họp mà không chấm điểm: kết quả phê duyệt ghi nhận Chủ tịch có mặt.</source>
        <translation>Tick when the chair presides over the session without scoring: the approved result records the chair as present.</translation>
    </message>
    <message>
        <source>Lưu kết quả ra Excel</source>
        <translation>Save results to Excel</translation>
    </message>
    <message>
        <source>Sổ tính Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Lưu phiếu chấm</source>
        <translation>Save score sheet</translation>
    </message>
    <message>
        <source>Đã lưu: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
</context>
<context>
    <name>CouncilTableModel</name>
    <message>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <source>Sản phẩm</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Điểm TB</source>
        <translation>Avg. score</translation>
    </message>
    <message>
        <source>Chênh lệch</source>
        <translation>Spread</translation>
    </message>
    <message>
        <source>Số phiếu</source>
        <translation>Sheets</translation>
    </message>
    <message>
        <source>Hạng sao</source>
        <translation>Star rating</translation>
    </message>
    <message>
        <source>Kiến nghị</source>
        <translation>Recommendation</translation>
    </message>
    <message>
        <source>Phê duyệt</source>
        <translation>Approval</translation>
    </message>
    <message>
        <source>Giới hạn chênh lệch: {n} điểm</source>
        <translation>Spread limit: {n} points</translation>
    </message>
    <message>
        <source>{n} (nháp)</source>
        <translation>{n} (draft)</translation>
    </message>
    <message>
        <source>Đã duyệt</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Tỉnh công nhận</source>
        <translation>Province recognises</translation>
    </message>
    <message>
        <source>Trình Trung ương</source>
        <translation>Refer to central level</translation>
    </message>
    <message>
        <source>Không đạt</source>
        <translation>Not eligible</translation>
    </message>
    <message>
        <source>Chưa đủ điều kiện</source>
        <translation>Not ready</translation>
    </message>
    <message>
        <source>Chưa chấm</source>
        <translation>Not scored</translation>
    </message>
    <message>
        <source>Đã nộp</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>Đang chấm, chưa nộp</source>
        <translation>Scoring in progress, not submitted</translation>
    </message>
    <message>
        <source>{state} · theo phiếu: {stars}</source>
        <translation>{state} · per sheet: {stars}</translation>
    </message>
    <message>
        <source>Đủ số lượng theo quy định</source>
        <translation>Required number of sheets reached</translation>
    </message>
</context>
<context>
    <name>CouncilsTab</name>
    <message>
        <source>Lập hội đồng mới…</source>
        <translation>New council…</translation>
    </message>
    <message>
        <source>Sửa…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Xoá…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Mở phiên đánh giá…</source>
        <translation>Open evaluation session…</translation>
    </message>
    <message>
        <source>Tìm theo mã hồ sơ, sản phẩm, chủ thể, xã/phường…</source>
        <translation>Search by dossier code, product, producer, commune/ward…</translation>
    </message>
    <message>
        <source>Giao cho hội đồng →</source>
        <translation>Assign to council →</translation>
    </message>
    <message>
        <source>← Bỏ giao</source>
        <translation>← Unassign</translation>
    </message>
    <message>
        <source>Hội đồng đánh giá</source>
        <translation>Evaluation councils</translation>
    </message>
    <message>
        <source>Hồ sơ chờ giao (xã đã chuyển lên tỉnh): {n}</source>
        <translation>Dossiers awaiting assignment (forwarded by communes): {n}</translation>
    </message>
    <message numerus="yes">
        <source>(chỉ hiện %n hồ sơ đầu; hãy tìm để thu hẹp)</source>
        <translation>
            <numerusform>(showing only the first dossier; search to narrow the list)</numerusform>
            <numerusform>(showing only the first %n dossiers; search to narrow the list)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Đã giao cho “{name}”: %n hồ sơ</source>
        <translation>
            <numerusform>Assigned to “{name}”: %n dossier</numerusform>
            <numerusform>Assigned to “{name}”: %n dossiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Đã giao %n hồ sơ cho “{name}”.</source>
        <translation>
            <numerusform>Assigned %n dossier to “{name}”.</numerusform>
            <numerusform>Assigned %n dossiers to “{name}”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bỏ giao %n hồ sơ ({codes}) khỏi “{name}”?

Thành viên hội đồng sẽ không còn thấy các hồ sơ này để chấm; hồ sơ trở lại danh sách chờ giao.</source>
        <translation>
            <numerusform>Unassign %n dossier ({codes}) from “{name}”?

Council members will no longer see it to score it; it goes back to the list waiting for assignment.</numerusform>
            <numerusform>Unassign %n dossiers ({codes}) from “{name}”?

Council members will no longer see them to score them; they go back to the list waiting for assignment.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Đã bỏ giao %n hồ sơ khỏi “{name}”.</source>
        <translation>
            <numerusform>Unassigned %n dossier from “{name}”.</numerusform>
            <numerusform>Unassigned %n dossiers from “{name}”.</numerusform>
        </translation>
    </message>
    <message>
        <source>Chọn một hội đồng ở bảng trên để xem và giao hồ sơ.</source>
        <translation>Select a council in the table above to view and assign dossiers.</translation>
    </message>
    <message>
        <source>Chọn một hội đồng để xem thành viên.</source>
        <translation>Select a council to view its members.</translation>
    </message>
    <message>
        <source>Chưa có hội đồng nào: hãy lập hội đồng mới.</source>
        <translation>No councils yet: create a new council.</translation>
    </message>
    <message>
        <source>không chấm điểm</source>
        <translation>does not score</translation>
    </message>
    <message>
        <source>Thành viên ({n}): {list}</source>
        <translation>Members ({n}): {list}</translation>
    </message>
    <message>
        <source>Bỏ giao hồ sơ</source>
        <translation>Unassign dossiers</translation>
    </message>
</context>
<context>
    <name>CriteriaPreviewDialog</name>
    <message>
        <source>Xem trước bộ tiêu chí {code}</source>
        <translation>Preview of criteria set {code}</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Phiếu đánh giá:</source>
        <translation>Score sheet:</translation>
    </message>
    <message>
        <source>đánh giá tại chỗ</source>
        <translation>on-site evaluation</translation>
    </message>
    <message>
        <source>chấm trên mẫu</source>
        <translation>scored on samples</translation>
    </message>
    <message>
        <source>Dùng cho phân nhóm: {subgroups} · Cách chấm: {mode}</source>
        <translation>For subgroups: {subgroups} · Scoring method: {mode}</translation>
    </message>
</context>
<context>
    <name>CriteriaTab</name>
    <message>
        <source>Nhập tệp bộ tiêu chí…</source>
        <translation>Import criteria set file…</translation>
    </message>
    <message>
        <source>Xem trước</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Lưu vào máy</source>
        <translation>Save to this computer</translation>
    </message>
    <message>
        <source>Ban hành lên máy chủ</source>
        <translation>Publish to server</translation>
    </message>
    <message>
        <source>Chọn tệp JSON của bộ tiêu chí (định dạng phiên bản 1). Ứng dụng kiểm tra toàn bộ tệp và liệt kê mọi lỗi kèm vị trí; chỉ tệp không có lỗi mới được xem trước, lưu vào máy hoặc ban hành lên máy chủ tỉnh.</source>
        <translation>Choose the criteria set&apos;s JSON file (format version 1). The application checks the whole file and lists every error with its location; only a file without errors can be previewed, saved to this computer or published to the provincial server.</translation>
    </message>
    <message>
        <source>Chưa cấu hình máy chủ tỉnh: máy này đang làm việc ngoại tuyến nên chưa thể ban hành. Vẫn có thể kiểm tra, xem trước và lưu bộ tiêu chí vào máy.</source>
        <translation>No provincial server configured: this computer is working offline, so it cannot publish yet. You can still check, preview and save criteria sets on this computer.</translation>
    </message>
    <message>
        <source>Đang kiểm tra tệp…</source>
        <translation>Checking file…</translation>
    </message>
    <message>
        <source>Tệp “{name}”: không có lỗi.</source>
        <translation>File “{name}”: no errors.</translation>
    </message>
    <message>
        <source>Tệp “{name}” có {n} lỗi, chưa thể lưu hay ban hành. Hãy sửa tệp theo danh sách dưới đây rồi nhập lại; không có gì bị thay đổi.</source>
        <translation>File “{name}” has {n} error(s) and cannot be saved or published yet. Correct the file using the list below, then import it again; nothing has been changed.</translation>
    </message>
    <message>
        <source>Đã lưu phiên bản “{code}” vào máy này; có thể chọn phiên bản này khi lập hội đồng.</source>
        <translation>Version “{code}” saved to this computer; you can choose it when setting up a council.</translation>
    </message>
    <message>
        <source>Máy này đã có phiên bản “{code}” với đúng nội dung này; không có gì thay đổi.</source>
        <translation>This computer already has version “{code}” with exactly this content; nothing has changed.</translation>
    </message>
    <message>
        <source>Ban hành phiên bản “{code}” ({title}) lên máy chủ tỉnh?

Sau khi ban hành, phiên bản này không thể sửa hay thu hồi: mọi thay đổi sau này phải là một phiên bản mới. Các máy sẽ nhận phiên bản này ở lần đồng bộ tới.</source>
        <translation>Publish version “{code}” ({title}) to the provincial server?

Once published, this version cannot be edited or withdrawn: any later change must be a new version. All computers will receive this version at their next sync.</translation>
    </message>
    <message>
        <source>Ban hành bộ tiêu chí</source>
        <translation>Publish criteria set</translation>
    </message>
    <message>
        <source>Đang gửi lên máy chủ tỉnh…</source>
        <translation>Sending to the provincial server…</translation>
    </message>
    <message>
        <source>Đã ban hành “{code}” lên máy chủ tỉnh. Các máy sẽ nhận phiên bản này ở lần đồng bộ tới.</source>
        <translation>Published “{code}” to the provincial server. All computers will receive this version at their next sync.</translation>
    </message>
    <message>
        <source>Chưa ban hành: {reason}</source>
        <translation>Not published: {reason}</translation>
    </message>
    <message>
        <source>Chọn tệp bộ tiêu chí</source>
        <translation>Choose criteria set file</translation>
    </message>
    <message>
        <source>Bộ tiêu chí (*.json);;Mọi tệp (*)</source>
        <translation>Criteria sets (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>Ban hành</source>
        <translation>Publish</translation>
    </message>
</context>
<context>
    <name>CriterionRow</name>
    <message>
        <source>Tiểu mục {code}: {name} — tối đa {points} điểm</source>
        <translation>Sub-item {code}: {name} — max. {points} points</translation>
    </message>
    <message>
        <source>Nhận xét tiêu chí {code}</source>
        <translation>Comment on criterion {code}</translation>
    </message>
    <message>
        <source>Bắt buộc từ {n}★</source>
        <translation>Mandatory from {n}★</translation>
    </message>
    <message>
        <source>Điều kiện bắt buộc: chưa đạt thì sản phẩm không được xếp từ {n} sao trở lên.</source>
        <translation>Mandatory condition: if it is not met, the product cannot be rated {n} stars or higher.</translation>
    </message>
    <message>
        <source>tối đa {points} điểm</source>
        <translation>max. {points} points</translation>
    </message>
    <message>
        <source>Nhận xét (không bắt buộc)</source>
        <translation>Comment (optional)</translation>
    </message>
    <message>
        <source>Chọn phương án trước khi ghi nhận xét</source>
        <translation>Choose an option before adding a comment</translation>
    </message>
    <message>
        <source>Chưa đạt điều kiện bắt buộc</source>
        <translation>Mandatory condition not met</translation>
    </message>
    <message>
        <source>Chưa chấm</source>
        <translation>Not scored</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <source>Loại tài liệu:</source>
        <translation>Document type:</translation>
    </message>
    <message>
        <source>— chọn loại —</source>
        <translation>— choose type —</translation>
    </message>
    <message>
        <source>Đính kèm tệp…</source>
        <translation>Attach file…</translation>
    </message>
    <message>
        <source>Gỡ tài liệu</source>
        <translation>Remove document</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Tiêu đề</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Dung lượng</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Trạng thái gửi</source>
        <translation>Upload status</translation>
    </message>
    <message>
        <source>Mở tệp</source>
        <translation>Open file</translation>
    </message>
    <message>
        <source>Mở bằng ứng dụng xem tệp của máy (cũng mở được bằng nhấp đúp)</source>
        <translation>Open with this computer&apos;s viewer for the file type (a double-click opens it too)</translation>
    </message>
    <message>
        <source>Mỗi tệp tối đa {size} (theo máy chủ). Có thể kéo thả tệp vào đây.</source>
        <translation>Max. {size} per file (set by the server). You can drag and drop files here.</translation>
    </message>
    <message>
        <source>Có thể kéo thả tệp vào đây.</source>
        <translation>You can drag and drop files here.</translation>
    </message>
    <message>
        <source>Chưa gửi</source>
        <translation>Not uploaded</translation>
    </message>
    <message>
        <source>Đã gửi lên máy chủ</source>
        <translation>Uploaded to server</translation>
    </message>
    <message>
        <source>Tệp: {name}
SHA-256: {sha}</source>
        <translation>File: {name}
SHA-256: {sha}</translation>
    </message>
    <message>
        <source>Hãy chọn loại tài liệu trước khi đính kèm.</source>
        <translation>Choose a document type before attaching a file.</translation>
    </message>
    <message>
        <source>Gỡ tài liệu “{title}” khỏi hồ sơ? Tài liệu đã gỡ sẽ không còn trong hồ sơ trên mọi máy sau khi đồng bộ.</source>
        <translation>Remove document “{title}” from the dossier? After the next sync, the removed document will no longer be in the dossier on any computer.</translation>
    </message>
    <message>
        <source>Không mở được tệp “{name}”: {reason}</source>
        <translation>Could not open “{name}”: {reason}</translation>
    </message>
    <message>
        <source>Máy này không có ứng dụng nào mở được tệp “{name}”.</source>
        <translation>No application on this computer can open “{name}”.</translation>
    </message>
    <message>
        <source>Tệp “{name}” ({size}) lớn hơn mức tối đa máy chủ nhận ({limit}), nên không được đính kèm. Hãy giảm kích thước (chụp lại ảnh nhỏ hơn, nén PDF) rồi thử lại.</source>
        <translation>File “{name}” ({size}) is larger than the server&apos;s maximum ({limit}), so it was not attached. Reduce its size (retake the photo at a lower size, compress the PDF) and try again.</translation>
    </message>
    <message>
        <source>Tệp “{name}”: {reason}</source>
        <translation>File “{name}”: {reason}</translation>
    </message>
    <message>
        <source>Tệp “{name}” chưa có trên máy này; đồng bộ để tải về.</source>
        <translation>The file “{name}” is not on this computer yet; sync to download it.</translation>
    </message>
    <message>
        <source>{name}
{size}
Không xem trước được tệp này; bấm “Mở tệp” để xem bằng ứng dụng của máy.</source>
        <translation>{name}
{size}
No preview for this file; click “Open file” to view it with this computer&apos;s application.</translation>
    </message>
    <message>
        <source>Chọn một tài liệu để xem trước.</source>
        <translation>Select a document to preview it.</translation>
    </message>
    <message>
        <source>Hồ sơ chưa có tài liệu nào.</source>
        <translation>This dossier has no documents yet.</translation>
    </message>
    <message>
        <source>Chọn tệp đính kèm</source>
        <translation>Choose file to attach</translation>
    </message>
    <message>
        <source>Tài liệu và ảnh (*.pdf *.jpg *.jpeg *.png *.doc *.docx *.xls *.xlsx);;Mọi tệp (*)</source>
        <translation>Documents and images (*.pdf *.jpg *.jpeg *.png *.doc *.docx *.xls *.xlsx);;All files (*)</translation>
    </message>
</context>
<context>
    <name>DocumentsWindow</name>
    <message>
        <source>Tài liệu hồ sơ {code} · {product}</source>
        <translation>Documents of dossier {code} · {product}</translation>
    </message>
</context>
<context>
    <name>DossierEditor</name>
    <message>
        <source>Chọn một hồ sơ trong danh sách để xem và chỉnh sửa.</source>
        <translation>Select a dossier in the list to view and edit it.</translation>
    </message>
    <message>
        <source>Hồ sơ</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Chủ thể</source>
        <translation>Producer</translation>
    </message>
    <message>
        <source>Sản phẩm</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Tài liệu</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Vị trí</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Công nhận</source>
        <translation>Recognition</translation>
    </message>
    <message>
        <source>Lô sản xuất</source>
        <translation>Production lots</translation>
    </message>
    <message>
        <source>Huỷ thay đổi</source>
        <translation>Revert changes</translation>
    </message>
    <message>
        <source>Lưu thay đổi</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>Lưu vào máy này (Ctrl+S); sẽ gửi lên máy chủ khi đồng bộ.</source>
        <translation>Save to this computer (Ctrl+S); it is sent to the server at the next sync.</translation>
    </message>
    <message>
        <source>Hồ sơ vừa được cập nhật từ nơi khác; các ô bạn đang sửa được giữ nguyên.</source>
        <translation>The dossier has just been updated elsewhere; the fields you are editing were kept.</translation>
    </message>
    <message>
        <source>{producer} · {commune} · {kind}</source>
        <translation>{producer} · {commune} · {kind}</translation>
    </message>
    <message>
        <source>Tài liệu ({n})</source>
        <translation>Documents ({n})</translation>
    </message>
    <message>
        <source>Hồ sơ này không còn (có thể đã bị xoá trên máy khác).</source>
        <translation>This dossier no longer exists (it may have been deleted on another computer).</translation>
    </message>
    <message>
        <source>Chưa lưu gì: hãy sửa ô được đánh dấu đỏ rồi lưu lại. Những gì bạn đã nhập vẫn còn.</source>
        <translation>Nothing was saved: correct the fields marked in red, then save again. What you entered is still there.</translation>
    </message>
    <message>
        <source>Chưa lưu: {reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
    <message>
        <source>✓ Đã lưu vào máy này; sẽ gửi lên máy chủ ở lần đồng bộ tới.</source>
        <translation>✓ Saved on this computer; it will be sent to the server at the next sync.</translation>
    </message>
    <message>
        <source>Chuyển hồ sơ {code} sang “{target}”?
Sau bước này không tự quay lại “{current}” được.</source>
        <translation>Move dossier {code} to “{target}”?
After this step you cannot move it back to “{current}” yourself.</translation>
    </message>
    <message>
        <source>● Có thay đổi chưa lưu</source>
        <translation>● Unsaved changes</translation>
    </message>
</context>
<context>
    <name>DossierForm</name>
    <message>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <source>Loại hồ sơ</source>
        <translation>Dossier type</translation>
    </message>
    <message>
        <source>Ngày nộp</source>
        <translation>Submission date</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Ghi chú của cán bộ về hồ sơ (thiếu giấy tờ, hẹn bổ sung…)</source>
        <translation>Officer&apos;s notes on the dossier (missing papers, follow-up appointments…)</translation>
    </message>
    <message>
        <source>Chưa nộp</source>
        <translation>Not submitted</translation>
    </message>
</context>
<context>
    <name>DossierListPage</name>
    <message>
        <source>Tìm hồ sơ, sản phẩm, chủ thể, xã…</source>
        <translation>Search dossiers, products, producers, communes…</translation>
    </message>
    <message>
        <source>{shown} / {total} hồ sơ</source>
        <translation>{shown} / {total} dossiers</translation>
    </message>
    <message>
        <source>Sắp hết hạn công nhận (6 tháng)</source>
        <translation>Recognition expiring soon (6 months)</translation>
    </message>
    <message>
        <source>Hồ sơ mới…</source>
        <translation>New dossier…</translation>
    </message>
    <message>
        <source>Tạo hồ sơ cho một sản phẩm; chủ thể và sản phẩm chưa có được đăng ký luôn</source>
        <translation>Create a dossier for a product; a producer or product not yet registered is registered with it</translation>
    </message>
    <message>
        <source>Bộ lọc</source>
        <translation>Filters</translation>
    </message>
    <message>
        <source>Xã/phường:</source>
        <translation>Commune/ward:</translation>
    </message>
    <message>
        <source>Nhóm sản phẩm:</source>
        <translation>Product group:</translation>
    </message>
    <message>
        <source>Trạng thái:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Hạng sao:</source>
        <translation>Star rating:</translation>
    </message>
    <message>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Không tải được danh sách hồ sơ. {error}</source>
        <translation>Could not load the dossier list. {error}</translation>
    </message>
    <message>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
</context>
<context>
    <name>DossierTableModel</name>
    <message>
        <source>Đã hết hạn</source>
        <translation>Expired</translation>
    </message>
    <message numerus="yes">
        <source>Còn %n ngày</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
    <message>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <source>Sản phẩm</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Chủ thể</source>
        <translation>Producer</translation>
    </message>
    <message>
        <source>Xã/phường</source>
        <translation>Commune/ward</translation>
    </message>
    <message>
        <source>Nhóm sản phẩm</source>
        <translation>Product group</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Hạng sao</source>
        <translation>Star rating</translation>
    </message>
    <message>
        <source>Hết hạn</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>Ngày hết hạn công nhận OCOP của sản phẩm</source>
        <translation>Expiry date of the product&apos;s OCOP recognition</translation>
    </message>
</context>
<context>
    <name>DossierWorkspace</name>
    <message>
        <source>Chọn một hồ sơ trong danh sách để xem và chỉnh sửa.</source>
        <translation>Select a dossier in the list to view and edit it.</translation>
    </message>
</context>
<context>
    <name>DuplicatesBox</name>
    <message>
        <source>Có thể chủ thể này đã được đăng ký</source>
        <translation>This producer may already be registered</translation>
    </message>
    <message>
        <source>Tôi đã xem các chủ thể trên: đây là một chủ thể khác, vẫn tạo mới</source>
        <translation>I have looked at the producers above: this is another producer, create it anyway</translation>
    </message>
    <message>
        <source>MST {code}</source>
        <translation>Tax code {code}</translation>
    </message>
    <message>
        <source>ĐKKD {code}</source>
        <translation>Business reg. {code}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; — {commune}&lt;br&gt;{ids} ({reason})</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; — {commune}&lt;br&gt;{ids} ({reason})</translation>
    </message>
    <message>
        <source>Dùng chủ thể này</source>
        <translation>Use this producer</translation>
    </message>
    <message>
        <source>Chủ thể này thuộc xã/phường ngoài phạm vi tài khoản của bạn.</source>
        <translation>This producer belongs to a commune outside your account&apos;s communes.</translation>
    </message>
</context>
<context>
    <name>FieldForm</name>
    <message>
        <source>{code} (không có trong danh mục hiện hành)</source>
        <translation>{code} (not in the current list)</translation>
    </message>
</context>
<context>
    <name>HiddenByFilterNote</name>
    <message>
        <source>Bỏ lọc</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>Bỏ mọi bộ lọc và ô tìm kiếm của danh sách hồ sơ</source>
        <translation>Clear every filter and the search box of the dossier list</translation>
    </message>
    <message>
        <source>Hồ sơ đang mở ({code}) không có trong danh sách vì bộ lọc hoặc ô tìm kiếm đang ẩn nó; bạn vẫn xem và sửa được ở bên cạnh.</source>
        <translation>The open dossier ({code}) is not in the list because a filter or the search box hides it; you can still view and edit it beside the list.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Nhập danh sách sản phẩm từ Excel</source>
        <translation>Import a product list from Excel</translation>
    </message>
    <message>
        <source>Tệp .xlsx của danh sách sản phẩm OCOP</source>
        <translation>The .xlsx file of the OCOP product list</translation>
    </message>
    <message>
        <source>Chọn tệp…</source>
        <translation>Choose a file…</translation>
    </message>
    <message>
        <source>Xem trước</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Cột trong tệp</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <source>Là thông tin</source>
        <translation>Holds</translation>
    </message>
    <message>
        <source>Dòng</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Sẽ làm</source>
        <translation>Will</translation>
    </message>
    <message>
        <source>Sản phẩm</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Chủ thể</source>
        <translation>Producer</translation>
    </message>
    <message>
        <source>Mã xã</source>
        <translation>Commune code</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Nhập vào cơ sở dữ liệu</source>
        <translation>Import into the database</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Chọn danh sách sản phẩm</source>
        <translation>Choose a product list</translation>
    </message>
    <message>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Đang đọc tệp…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <source>Nhập {new} sản phẩm mới và cập nhật {update}? {error} dòng lỗi sẽ bị bỏ qua.</source>
        <translation>Import {new} new products and update {update}? {error} rows with errors will be left out.</translation>
    </message>
    <message>
        <source>Xác nhận nhập</source>
        <translation>Confirm the import</translation>
    </message>
    <message>
        <source>{new} mới · {update} cập nhật · {unchanged} không đổi · {error} lỗi</source>
        <translation>{new} new · {update} updated · {unchanged} unchanged · {error} errors</translation>
    </message>
    <message>
        <source>Dòng tiêu đề có ô gộp: hãy kiểm tra cột ở bảng ghép cột.</source>
        <translation>The header row has merged cells: check the columns in the mapping table.</translation>
    </message>
    <message>
        <source>(không có tiêu đề)</source>
        <translation>(no header)</translation>
    </message>
    <message>
        <source>— bỏ qua —</source>
        <translation>— ignore —</translation>
    </message>
    <message>
        <source>Đã nhập xong; dữ liệu sẽ được gửi lên máy chủ ở lần đồng bộ tới.</source>
        <translation>Imported; the data goes to the server at the next sync.</translation>
    </message>
    <message>
        <source>Chưa nhập: {reason}</source>
        <translation>Not imported: {reason}</translation>
    </message>
</context>
<context>
    <name>LabelsDialog</name>
    <message>
        <source>In tem QR truy xuất</source>
        <translation>Print traceability QR labels</translation>
    </message>
    <message>
        <source>Tìm sản phẩm…</source>
        <translation>Find a product…</translation>
    </message>
    <message>
        <source>{columns} × {rows} tem một tờ A4 ({w:g} × {h:g} mm)</source>
        <translation>{columns} × {rows} labels per A4 sheet ({w:g} × {h:g} mm)</translation>
    </message>
    <message>
        <source>Lưu tờ tem PDF…</source>
        <translation>Save label sheet as PDF…</translation>
    </message>
    <message>
        <source>Lưu mã QR (PNG)…</source>
        <translation>Save QR code (PNG)…</translation>
    </message>
    <message>
        <source>Lưu mã QR (SVG)…</source>
        <translation>Save QR code (SVG)…</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Sản phẩm</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Lô sản xuất (không chọn lô nào: tem của sản phẩm)</source>
        <translation>Production lots (none ticked: labels of the product)</translation>
    </message>
    <message>
        <source>Mẫu giấy tem</source>
        <translation>Label sheet</translation>
    </message>
    <message>
        <source>Số tem mỗi lô</source>
        <translation>Labels per lot</translation>
    </message>
    <message>
        <source>Chỉnh lệch máy in (ngang, dọc)</source>
        <translation>Printer offset (across, down)</translation>
    </message>
    <message>
        <source>Địa chỉ công khai của tỉnh</source>
        <translation>Province&apos;s public address</translation>
    </message>
    <message>
        <source>Mã QR sẽ chứa</source>
        <translation>The QR code will hold</translation>
    </message>
    <message>
        <source>Máy này chưa đồng bộ địa chỉ công khai của tỉnh: hãy đồng bộ, hoặc nhập địa chỉ vào ô bên dưới.</source>
        <translation>This laptop has not received the province&apos;s public address yet: sync, or type the address in the box below.</translation>
    </message>
    <message>
        <source>(đã thu hồi)</source>
        <translation>(withdrawn)</translation>
    </message>
    <message>
        <source>Lưu tờ tem</source>
        <translation>Save label sheet</translation>
    </message>
    <message>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Đang tạo {n} tem trên {pages} tờ…</source>
        <translation>Making {n} labels on {pages} sheets…</translation>
    </message>
    <message>
        <source>Đã lưu: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <source>Ảnh PNG (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>Hình vẽ SVG (*.svg)</source>
        <translation>SVG drawings (*.svg)</translation>
    </message>
    <message>
        <source>Lưu mã QR</source>
        <translation>Save QR code</translation>
    </message>
</context>
<context>
    <name>LocationForm</name>
    <message>
        <source>Đã xác định vị trí cơ sở sản xuất</source>
        <translation>Production site location known</translation>
    </message>
    <message>
        <source>Vĩ độ (°B)</source>
        <translation>Latitude (°N)</translation>
    </message>
    <message>
        <source>Từ -90 đến 90 (Việt Nam: khoảng 8 đến 23,5).</source>
        <translation>From -90 to 90 (Vietnam: about 8 to 23.5).</translation>
    </message>
    <message>
        <source>Kinh độ (°Đ)</source>
        <translation>Longitude (°E)</translation>
    </message>
    <message>
        <source>Từ -180 đến 180 (Việt Nam: khoảng 102 đến 117,5).</source>
        <translation>From -180 to 180 (Vietnam: about 102 to 117.5).</translation>
    </message>
    <message>
        <source>Độ chính xác</source>
        <translation>Accuracy</translation>
    </message>
    <message>
        <source>Bán kính sai số, tính bằng mét; để “Không rõ” nếu không biết.</source>
        <translation>Radius of uncertainty in metres; leave “Not known” if unknown.</translation>
    </message>
    <message>
        <source>Nguồn vị trí</source>
        <translation>Location source</translation>
    </message>
    <message>
        <source>Vị trí này nằm ngoài Việt Nam — kiểm tra lại, có thể đã nhập nhầm vĩ độ và kinh độ.</source>
        <translation>This location is outside Vietnam — check it again; latitude and longitude may have been swapped.</translation>
    </message>
</context>
<context>
    <name>LocationPicker</name>
    <message>
        <source>Bấm vào bản đồ hoặc kéo điểm đỏ tới cơ sở sản xuất; lăn chuột hoặc bấm +/− để phóng to, kéo bản đồ để di chuyển.</source>
        <translation>Click the map or drag the red point to the production site; scroll or press +/− to zoom, drag the map to move it.</translation>
    </message>
    <message>
        <source>Dùng vị trí trong ảnh</source>
        <translation>Use the photo&apos;s location</translation>
    </message>
    <message>
        <source>vĩ độ {lat}, kinh độ {lon}</source>
        <translation>latitude {lat}, longitude {lon}</translation>
    </message>
    <message>
        <source> (sai số khoảng {m} m)</source>
        <translation> (accurate to about {m} m)</translation>
    </message>
    <message>
        <source>Ảnh “{name}” có toạ độ GPS: {where}.</source>
        <translation>The photo “{name}” has GPS coordinates: {where}.</translation>
    </message>
</context>
<context>
    <name>LogPanel</name>
    <message>
        <source>Nhân chứng…</source>
        <translation>Witnesses…</translation>
    </message>
    <message>
        <source>CẢNH BÁO: nhật ký minh bạch của máy chủ tỉnh không vượt qua kiểm tra. Máy này không tin máy chủ nữa và không đồng bộ cho tới khi có người xem xét.</source>
        <translation>WARNING: the provincial server&apos;s transparency log failed its check. This laptop no longer trusts the server and will not sync until someone has looked into it.</translation>
    </message>
    <message>
        <source>Đã xem xét, tiếp tục tin máy chủ</source>
        <translation>Looked into it: keep trusting the server</translation>
    </message>
    <message>
        <source>Tỉnh đã công bố khoá mới: ghim lại</source>
        <translation>The province announced a new key: pin it</translation>
    </message>
    <message>
        <source>Khoá nhật ký minh bạch: chưa ghim (máy này ghim khoá của tỉnh ở lần đồng bộ đầu tiên).</source>
        <translation>Transparency log key: not pinned yet (this laptop pins the province&apos;s key at its first sync).</translation>
    </message>
    <message>
        <source>Khoá nhật ký minh bạch: {fingerprint}</source>
        <translation>Transparency log key: {fingerprint}</translation>
    </message>
    <message numerus="yes">
        <source>lần đồng bộ gần nhất đã kiểm nhật ký tới %n mục</source>
        <translation>
            <numerusform>the last sync checked the log up to %n entry</numerusform>
            <numerusform>the last sync checked the log up to %n entries</numerusform>
        </translation>
    </message>
    <message>
        <source>Nhân chứng bắt buộc: {names}</source>
        <translation>Required witnesses: {names}</translation>
    </message>
    <message>
        <source>Nhân chứng bắt buộc: chưa đặt (chỉ kiểm chữ ký của tỉnh).</source>
        <translation>Required witnesses: none set (only the province&apos;s signature is checked).</translation>
    </message>
    <message>
        <source>Điều không đạt: {what}.
Bằng chứng đã lưu tại: {file}
Hãy gửi tệp này cho quản trị tỉnh và cơ quan nhân chứng, đối chiếu vân tay khoá với công văn của tỉnh, rồi chọn một trong hai cách dưới đây.</source>
        <translation>What failed: {what}.
Evidence saved in: {file}
Send this file to the provincial admin and the witness agency, compare the key&apos;s fingerprint with the province&apos;s official letter, then choose one of the two ways below.</translation>
    </message>
    <message>
        <source>Tiếp tục tin máy chủ</source>
        <translation>Keep trusting the server</translation>
    </message>
    <message>
        <source>Máy này sẽ đồng bộ lại với máy chủ và vẫn dùng khoá đã ghim. Nếu nhật ký vẫn không nối tiếp, cảnh báo sẽ xuất hiện lại. Bạn đã xem xét bằng chứng và muốn tiếp tục?</source>
        <translation>This laptop will sync with the server again, still with the pinned key. If the log still does not extend what was seen, the warning comes back. Have you looked at the evidence and want to go on?</translation>
    </message>
    <message>
        <source>Ghim khoá mới</source>
        <translation>Pin the new key</translation>
    </message>
    <message>
        <source>Chỉ làm việc này khi tỉnh đã công bố khoá nhật ký mới bằng văn bản chính thức. Lần đồng bộ sau, máy này ghim khoá máy chủ đưa ra và bắt đầu kiểm lại từ điểm kiểm của khoá đó; hãy đối chiếu vân tay mới với văn bản của tỉnh. Ghim khoá mới?</source>
        <translation>Do this only when the province has announced a new log key in an official letter. At the next sync this laptop pins the key the server offers and starts checking again from that key&apos;s checkpoint; compare the new fingerprint with the province&apos;s letter. Pin the new key?</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Đăng nhập — OCOP Hà Tĩnh</source>
        <translation>Sign in — OCOP Hà Tĩnh</translation>
    </message>
    <message>
        <source>Máy chủ: {url}</source>
        <translation>Server: {url}</translation>
    </message>
    <message>
        <source>Làm việc ngoại tuyến trên máy này</source>
        <translation>Work offline on this computer</translation>
    </message>
    <message>
        <source>Tên đăng nhập</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Đăng nhập</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Exit</translation>
    </message>
    <message>
        <source>Nhập tên đăng nhập và mật khẩu.</source>
        <translation>Enter your username and password.</translation>
    </message>
    <message>
        <source>Đang đăng nhập…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>Không đăng nhập được: {detail}</source>
        <translation>Could not sign in: {detail}</translation>
    </message>
</context>
<context>
    <name>LotsPanel</name>
    <message>
        <source>Mã lô</source>
        <translation>Lot code</translation>
    </message>
    <message>
        <source>Ngày sản xuất</source>
        <translation>Production date</translation>
    </message>
    <message>
        <source>Hạn dùng</source>
        <translation>Use by</translation>
    </message>
    <message>
        <source>Số lượng</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Nguồn nguyên liệu</source>
        <translation>Raw material origin</translation>
    </message>
    <message>
        <source>Ảnh</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Nhãn</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Thêm lô…</source>
        <translation>Add lot…</translation>
    </message>
    <message>
        <source>Sửa…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Thu hồi lô…</source>
        <translation>Withdraw lot…</translation>
    </message>
    <message>
        <source>Xoá lô</source>
        <translation>Delete lot</translation>
    </message>
    <message>
        <source>Thêm ảnh…</source>
        <translation>Add photo…</translation>
    </message>
    <message>
        <source>Đã in {day}</source>
        <translation>Printed {day}</translation>
    </message>
    <message>
        <source>Đã thu hồi từ {day}: {reason}</source>
        <translation>Withdrawn from {day}: {reason}</translation>
    </message>
    <message>
        <source>Đang lưu hành</source>
        <translation>On the market</translation>
    </message>
    <message>
        <source>Lô sản xuất do cán bộ xã phụ trách hoặc quản trị tỉnh ghi; bạn chỉ xem.</source>
        <translation>Lots are recorded by the commune&apos;s officer or the province&apos;s admin; you can only look.</translation>
    </message>
    <message>
        <source>Sản phẩm chưa có quyết định công nhận còn hiệu lực: chưa ghi được lô mới.</source>
        <translation>The product has no recognition in force: no new lot can be recorded.</translation>
    </message>
    <message>
        <source>Ghi lô ngay trên máy này, không cần mạng; lô được gửi lên máy chủ ở lần đồng bộ tới.</source>
        <translation>Record lots right on this laptop, no network needed; they go to the server at the next sync.</translation>
    </message>
    <message>
        <source>Nhãn của lô đã in: lô không xoá được, chỉ thu hồi được.</source>
        <translation>The lot&apos;s label has been printed: it cannot be deleted, only withdrawn.</translation>
    </message>
    <message>
        <source>Thu hồi lô sản xuất</source>
        <translation>Withdraw production lot</translation>
    </message>
    <message>
        <source>Thu hồi lô {code} khỏi thị trường? Lô vẫn được giữ lại, ghi là đã thu hồi.</source>
        <translation>Withdraw lot {code} from the market? The lot is kept, marked as withdrawn.</translation>
    </message>
    <message>
        <source>Xác nhận thu hồi lô {code} từ ngày {day}?
Việc thu hồi không huỷ được.</source>
        <translation>Withdraw lot {code} from {day}?
A withdrawal cannot be undone.</translation>
    </message>
    <message>
        <source>Xoá lô {code}? Chỉ xoá lô ghi nhầm; mã lô không dùng lại được.</source>
        <translation>Delete lot {code}? Only delete a lot recorded by mistake; its code cannot be used again.</translation>
    </message>
    <message>
        <source>Chọn ảnh của lô</source>
        <translation>Choose a photo of the lot</translation>
    </message>
    <message>
        <source>Ảnh (*.jpg *.jpeg *.png *.webp *.heic)</source>
        <translation>Images (*.jpg *.jpeg *.png *.webp *.heic)</translation>
    </message>
    <message>
        <source>Chưa lưu: {reason} Bấm lại để sửa; những gì bạn đã nhập vẫn còn.</source>
        <translation>Not saved: {reason} Click again to correct it; what you typed is kept.</translation>
    </message>
    <message>
        <source>Chưa lưu: {reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>OCOP Hà Tĩnh — Đánh giá sản phẩm · {name} ({role})</source>
        <translation>OCOP Hà Tĩnh — Product Evaluation · {name} ({role})</translation>
    </message>
    <message>
        <source>{title} (Ctrl+{n})</source>
        <translation>{title} (Ctrl+{n})</translation>
    </message>
    <message>
        <source>&amp;Ứng dụng</source>
        <translation>&amp;Application</translation>
    </message>
    <message>
        <source>Kết nối máy chủ tỉnh…</source>
        <translation>Connect to the provincial server…</translation>
    </message>
    <message>
        <source>Ngôn ngữ / Language</source>
        <translation>Language / Ngôn ngữ</translation>
    </message>
    <message>
        <source>Đăng xuất / Đổi người dùng…</source>
        <translation>Log out / Switch user…</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Cần đăng nhập lại để làm việc với lựa chọn mới (với máy chủ, bằng tài khoản của máy chủ). Đăng xuất và đăng nhập lại ngay?</source>
        <translation>Working with the new choice needs a new login (with a server, with the server&apos;s account). Log out and log in again now?</translation>
    </message>
    <message>
        <source>Đăng nhập lại ngay</source>
        <translation>Log in again now</translation>
    </message>
    <message>
        <source>Để sau</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Lựa chọn mới có hiệu lực ở lần đăng nhập sau (menu Ứng dụng → Đăng xuất / Đổi người dùng).</source>
        <translation>The new choice applies at the next login (menu Application → Log out / Switch user).</translation>
    </message>
    <message>
        <source>đăng xuất</source>
        <translation>log out</translation>
    </message>
    <message>
        <source>mở lại</source>
        <translation>reopen</translation>
    </message>
    <message>
        <source>thoát</source>
        <translation>quit</translation>
    </message>
    <message>
        <source>Đã lưu</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Không thực hiện được</source>
        <translation>Action failed</translation>
    </message>
</context>
<context>
    <name>MapFilterBar</name>
    <message>
        <source>Sắp hết hạn công nhận</source>
        <translation>Recognition expiring</translation>
    </message>
    <message>
        <source>Công nhận OCOP hết hạn trong 6 tháng tới</source>
        <translation>OCOP recognition ends within the next 6 months</translation>
    </message>
    <message>
        <source>Bỏ lọc</source>
        <translation>Clear filter</translation>
    </message>
    <message>
        <source>Bỏ mọi bộ lọc (cả trong danh sách Hồ sơ)</source>
        <translation>Clear every filter (in the Dossiers list too)</translation>
    </message>
    <message>
        <source>Xã/phường:</source>
        <translation>Commune:</translation>
    </message>
    <message>
        <source>Nhóm:</source>
        <translation>Group:</translation>
    </message>
    <message>
        <source>Trạng thái:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Hạng sao:</source>
        <translation>Stars:</translation>
    </message>
    <message>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
</context>
<context>
    <name>MapPage</name>
    <message>
        <source>Phóng tới một xã/phường</source>
        <translation>Zoom to a commune or ward</translation>
    </message>
    <message>
        <source>Chú giải</source>
        <translation>Legend</translation>
    </message>
    <message>
        <source>Xuất PNG…</source>
        <translation>Export PNG…</translation>
    </message>
    <message>
        <source>Xuất PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>Trang A4 có chú giải, thước tỉ lệ và nguồn bản đồ, để đưa vào báo cáo</source>
        <translation>An A4 page with legend, scale bar and map credits, for reports</translation>
    </message>
    <message>
        <source>Đến xã:</source>
        <translation>Go to:</translation>
    </message>
    <message>
        <source>Không tải được dữ liệu bản đồ. {error}</source>
        <translation>Could not load the map&apos;s data. {error}</translation>
    </message>
    <message>
        <source>Toàn tỉnh</source>
        <translation>Whole province</translation>
    </message>
    <message>
        <source>{name} không nằm trong bộ lọc đang chọn; bỏ lọc để thấy trên bản đồ.</source>
        <translation>{name} is outside the chosen filter; clear the filter to see it on the map.</translation>
    </message>
    <message numerus="yes">
        <source>%n chủ thể trên bản đồ</source>
        <translation>
            <numerusform>%n producer on the map</numerusform>
            <numerusform>%n producers on the map</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n chủ thể chưa có vị trí nên chưa hiện</source>
        <translation>
            <numerusform>%n producer has no location yet and is not shown</numerusform>
            <numerusform>%n producers have no location yet and are not shown</numerusform>
        </translation>
    </message>
    <message>
        <source>Đang tải chủ thể…</source>
        <translation>Loading producers…</translation>
    </message>
    <message>
        <source>Không có bản đồ nền dùng được; chủ thể vẫn hiện trên nền trống.</source>
        <translation>No usable basemap; producers are shown on a blank background.</translation>
    </message>
    <message>
        <source>Một số ô bản đồ bị lỗi nên để trống; phần còn lại vẫn dùng được.</source>
        <translation>Some map tiles are damaged and left blank; the rest of the map works.</translation>
    </message>
    <message>
        <source>Xuất bản đồ (PNG)</source>
        <translation>Export the map (PNG)</translation>
    </message>
    <message>
        <source>Ảnh PNG (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>Xuất bản đồ (PDF)</source>
        <translation>Export the map (PDF)</translation>
    </message>
    <message>
        <source>Tài liệu PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Bản đồ chủ thể OCOP tỉnh Hà Tĩnh</source>
        <translation>Map of OCOP producers, Hà Tĩnh province</translation>
    </message>
    <message>
        <source>Đã lưu {path}</source>
        <translation>Saved {path}</translation>
    </message>
    <message numerus="yes">
        <source>%n chủ thể</source>
        <translation>
            <numerusform>%n producer</numerusform>
            <numerusform>%n producers</numerusform>
        </translation>
    </message>
    <message>
        <source>Tất cả chủ thể có vị trí ({what})</source>
        <translation>Every producer with a location ({what})</translation>
    </message>
    <message>
        <source>Lọc: {filters} ({what})</source>
        <translation>Filter: {filters} ({what})</translation>
    </message>
</context>
<context>
    <name>MyScoringPage</name>
    <message>
        <source>Phiếu chấm của tôi</source>
        <translation>My score sheets</translation>
    </message>
    <message>
        <source>Bắt đầu chấm</source>
        <translation>Start scoring</translation>
    </message>
    <message>
        <source>{draft} phiếu đang chấm · {todo} hồ sơ chưa chấm · {done} phiếu đã nộp</source>
        <translation>In progress: {draft} · Not yet scored: {todo} · Submitted: {done}</translation>
    </message>
    <message>
        <source>Chưa có hồ sơ nào để chấm. Hồ sơ được giao cho hội đồng mà bạn là thành viên chấm điểm sẽ hiện ở đây.</source>
        <translation>No dossiers to score yet. Dossiers assigned to a council in which you are a scoring member will appear here.</translation>
    </message>
    <message>
        <source>Hồ sơ {code} · Thành viên chấm: {member}

Chưa có phiếu chấm cho hồ sơ này. Phiếu sẽ dùng bộ tiêu chí của đợt đánh giá.</source>
        <translation>Dossier {code} · Scoring member: {member}

There is no score sheet for this dossier yet. The sheet will use the criteria set of the evaluation round.</translation>
    </message>
</context>
<context>
    <name>MySheetsModel</name>
    <message>
        <source>Sản phẩm</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <source>Thành viên</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Điểm</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Hạng</source>
        <translation>Rating</translation>
    </message>
</context>
<context>
    <name>NewDossierDialog</name>
    <message>
        <source>Tạo hồ sơ mới</source>
        <translation>New dossier</translation>
    </message>
    <message>
        <source>1. Chủ thể</source>
        <translation>1. Producer</translation>
    </message>
    <message>
        <source>Chủ thể đã đăng ký:</source>
        <translation>Registered producer:</translation>
    </message>
    <message>
        <source>Chủ thể mới</source>
        <translation>New producer</translation>
    </message>
    <message>
        <source>2. Sản phẩm</source>
        <translation>2. Product</translation>
    </message>
    <message>
        <source>Sản phẩm đã đăng ký của chủ thể:</source>
        <translation>The producer&apos;s registered product:</translation>
    </message>
    <message>
        <source>Sản phẩm mới</source>
        <translation>New product</translation>
    </message>
    <message>
        <source>3. Hồ sơ</source>
        <translation>3. Dossier</translation>
    </message>
    <message>
        <source>Loại hồ sơ</source>
        <translation>Dossier type</translation>
    </message>
    <message>
        <source>Tạo hồ sơ</source>
        <translation>Create dossier</translation>
    </message>
    <message>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Chưa có bộ tiêu chí nào có hiệu lực trên máy này; hãy đồng bộ.</source>
        <translation>No criteria set is in force on this computer yet; please sync.</translation>
    </message>
    <message>
        <source>{name} — {commune}</source>
        <translation>{name} — {commune}</translation>
    </message>
    <message>
        <source>{name} (đang có hồ sơ {code})</source>
        <translation>{name} (dossier {code} in progress)</translation>
    </message>
    <message>
        <source>Chưa tạo: hãy sửa các ô được đánh dấu đỏ.</source>
        <translation>Not created: correct the fields marked in red.</translation>
    </message>
    <message>
        <source>Chưa tạo: hãy sửa ô được đánh dấu đỏ.</source>
        <translation>Not created: correct the field marked in red.</translation>
    </message>
    <message>
        <source>Chưa tạo: {reason}</source>
        <translation>Not created: {reason}</translation>
    </message>
</context>
<context>
    <name>OnlineSourceDialog</name>
    <message>
        <source>Nguồn bản đồ trực tuyến</source>
        <translation>Online map source</translation>
    </message>
    <message>
        <source>Tải thêm bản đồ trực tuyến khi có mạng</source>
        <translation>Fetch online map tiles when connected</translation>
    </message>
    <message>
        <source>Ví dụ: © Sở Tài nguyên và Môi trường Hà Tĩnh</source>
        <translation>For example: © Hà Tĩnh Department of Natural Resources and Environment</translation>
    </message>
    <message>
        <source>Thư điện tử hoặc trang web của đơn vị dùng bản đồ</source>
        <translation>E-mail or website of the office using the map</translation>
    </message>
    <message>
        <source>Chỉ tải những ô bản đồ đang xem, tối đa hai ô một lúc, và lưu lại để dùng khi mất mạng. Chỉ dùng nguồn mà nhà cung cấp cho phép.</source>
        <translation>Only the tiles being viewed are fetched, at most two at a time, and kept for use offline. Use only a source whose provider allows it.</translation>
    </message>
    <message>
        <source>Địa chỉ ô bản đồ</source>
        <translation>Tile address</translation>
    </message>
    <message>
        <source>Ghi nguồn</source>
        <translation>Credit line</translation>
    </message>
    <message>
        <source>Liên hệ</source>
        <translation>Contact</translation>
    </message>
</context>
<context>
    <name>OptionChoice</name>
    <message>
        <source>{code}) {label}, {points} điểm</source>
        <translation>{code}) {label}, {points} points</translation>
    </message>
    <message>
        <source>{points} điểm</source>
        <translation>{points} points</translation>
    </message>
</context>
<context>
    <name>OverviewExports</name>
    <message>
        <source>Xuất báo cáo</source>
        <translation>Export report</translation>
    </message>
    <message>
        <source>Báo cáo tổng hợp năm (PDF)…</source>
        <translation>Annual summary (PDF)…</translation>
    </message>
    <message>
        <source>Báo cáo tổng hợp năm (Excel)…</source>
        <translation>Annual summary (Excel)…</translation>
    </message>
    <message>
        <source>Danh sách sản phẩm được công nhận (Excel)…</source>
        <translation>Recognised products list (Excel)…</translation>
    </message>
    <message>
        <source>Danh sách sản phẩm được công nhận (PDF)…</source>
        <translation>Recognised products list (PDF)…</translation>
    </message>
    <message>
        <source>Lưu báo cáo tổng hợp</source>
        <translation>Save the summary report</translation>
    </message>
    <message>
        <source>Sổ tính Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Lưu danh sách sản phẩm</source>
        <translation>Save the products list</translation>
    </message>
    <message>
        <source>Đang tạo báo cáo…</source>
        <translation>Making the report…</translation>
    </message>
    <message>
        <source>Đã lưu: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Danh sách hồ sơ</source>
        <translation>Dossier list</translation>
    </message>
    <message>
        <source>Bản đồ</source>
        <translation>Map</translation>
    </message>
    <message>
        <source>Bấm vào một số liệu để mở các hồ sơ của nó, đã lọc sẵn</source>
        <translation>Click a figure to open its dossiers, already filtered</translation>
    </message>
    <message>
        <source>Mở trong:</source>
        <translation>Open in:</translation>
    </message>
    <message>
        <source>Sản phẩm theo hạng sao qua các năm</source>
        <translation>Products by stars over the years</translation>
    </message>
    <message>
        <source>Hồ sơ theo trạng thái</source>
        <translation>Dossiers by status</translation>
    </message>
    <message>
        <source>Chỉ tính các sản phẩm được công nhận trong năm này</source>
        <translation>Count only the products recognised in this year</translation>
    </message>
    <message>
        <source>Chỉ tính các sản phẩm thuộc nhóm này; bấm vào ô sẽ lọc cả nhóm</source>
        <translation>Count only the products of this group; a click on a cell filters by the group too</translation>
    </message>
    <message>
        <source>Năm công nhận:</source>
        <translation>Year of recognition:</translation>
    </message>
    <message>
        <source>Nhóm sản phẩm:</source>
        <translation>Product group:</translation>
    </message>
    <message>
        <source>Theo xã</source>
        <translation>By commune</translation>
    </message>
    <message>
        <source>Theo nhóm sản phẩm</source>
        <translation>By product group</translation>
    </message>
    <message>
        <source>Theo năm công nhận</source>
        <translation>By year of recognition</translation>
    </message>
    <message>
        <source>Hồ sơ đang chờ</source>
        <translation>Dossiers waiting</translation>
    </message>
    <message>
        <source>Tiến độ hội đồng</source>
        <translation>Councils&apos; progress</translation>
    </message>
    <message>
        <source>{n} sản phẩm OCOP được công nhận, {m} còn hiệu lực</source>
        <translation>{n} recognised OCOP products, {m} in force</translation>
    </message>
    <message>
        <source>Hết hạn trong {m} tháng: {n}</source>
        <translation>Expiring within {m} months: {n}</translation>
    </message>
    <message>
        <source>{n} sao</source>
        <translation>{n} stars</translation>
    </message>
    <message>
        <source>Mọi năm</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>Mọi nhóm</source>
        <translation>All groups</translation>
    </message>
    <message>
        <source>Xã</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Nhóm</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Tổng</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>{n} ngày</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Số hồ sơ</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Chờ lâu nhất</source>
        <translation>Longest wait</translation>
    </message>
    <message>
        <source>Chờ từ 30 ngày</source>
        <translation>Waiting 30 days or more</translation>
    </message>
    <message>
        <source>Hội đồng</source>
        <translation>Council</translation>
    </message>
    <message>
        <source>Phiếu đã nộp</source>
        <translation>Sheets submitted</translation>
    </message>
    <message>
        <source>Phiếu cần nộp</source>
        <translation>Sheets expected</translation>
    </message>
    <message>
        <source>Tiến độ</source>
        <translation>Progress</translation>
    </message>
</context>
<context>
    <name>ProblemTableModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Vị trí trong tệp (JSON)</source>
        <translation>Location in file (JSON)</translation>
    </message>
    <message>
        <source>Thuộc</source>
        <translation>Part of</translation>
    </message>
    <message>
        <source>Vấn đề</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Chi tiết</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>ProducerCard</name>
    <message>
        <source>Đóng thẻ</source>
        <translation>Close the card</translation>
    </message>
    <message>
        <source>Mở hồ sơ</source>
        <translation>Open dossier</translation>
    </message>
    <message>
        <source>Mở hồ sơ đang chọn trong phần Hồ sơ</source>
        <translation>Open the selected dossier in Dossiers</translation>
    </message>
    <message>
        <source>Sản phẩm</source>
        <translation>Products</translation>
    </message>
    <message>
        <source>Hồ sơ</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Vĩ độ {lat}, kinh độ {lon}</source>
        <translation>Latitude {lat}, longitude {lon}</translation>
    </message>
    <message>
        <source>Chưa có sản phẩm</source>
        <translation>No products yet</translation>
    </message>
    <message>
        <source>Chưa có hồ sơ</source>
        <translation>No dossier yet</translation>
    </message>
    <message>
        <source>Công nhận đã hết hạn ngày {day}</source>
        <translation>Recognition expired on {day}</translation>
    </message>
    <message>
        <source>Hết hạn công nhận ngày {day}</source>
        <translation>Recognition expires on {day}</translation>
    </message>
</context>
<context>
    <name>ProducerForm</name>
    <message>
        <source>Tên chủ thể *</source>
        <translation>Producer name *</translation>
    </message>
    <message>
        <source>Loại hình</source>
        <translation>Business type</translation>
    </message>
    <message>
        <source>Xã/phường</source>
        <translation>Commune/ward</translation>
    </message>
    <message>
        <source>Đơn vị hành chính sau sắp xếp 2025.</source>
        <translation>Administrative units after the 2025 reorganisation.</translation>
    </message>
    <message>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Thôn/xóm, xã/phường, tỉnh</source>
        <translation>Village/hamlet, commune/ward, province</translation>
    </message>
    <message>
        <source>Người đại diện</source>
        <translation>Representative</translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Ví dụ 0912 345 678; nhiều số cách nhau bằng dấu ;</source>
        <translation>For example 0912 345 678; separate several numbers with ;</translation>
    </message>
    <message>
        <source>Mã số thuế</source>
        <translation>Tax code</translation>
    </message>
    <message>
        <source>Chỉ gồm chữ số, ví dụ 3001234567</source>
        <translation>Digits only, e.g. 3001234567</translation>
    </message>
    <message>
        <source>Số đăng ký kinh doanh</source>
        <translation>Business registration number</translation>
    </message>
</context>
<context>
    <name>ProducerSearch</name>
    <message>
        <source>Tìm chủ thể, sản phẩm hoặc xã trên bản đồ…</source>
        <translation>Find a producer, product or commune on the map…</translation>
    </message>
</context>
<context>
    <name>ProductForm</name>
    <message>
        <source>Tên sản phẩm *</source>
        <translation>Product name *</translation>
    </message>
    <message>
        <source>Phân nhóm *</source>
        <translation>Subgroup *</translation>
    </message>
    <message>
        <source>Mã sản phẩm (nếu có)</source>
        <translation>Product code (if any)</translation>
    </message>
    <message>
        <source>Mã GTIN (mã vạch, nếu có)</source>
        <translation>GTIN (bar code number, if any)</translation>
    </message>
    <message>
        <source>8, 12, 13 hoặc 14 chữ số, ví dụ 893…</source>
        <translation>8, 12, 13 or 14 digits, e.g. 893…</translation>
    </message>
    <message>
        <source>Mô tả sản phẩm</source>
        <translation>Product description</translation>
    </message>
    <message>
        <source>Thành phần, quy cách đóng gói, đặc điểm nổi bật…</source>
        <translation>Ingredients, packaging, key features…</translation>
    </message>
    <message>
        <source>Theo bộ tiêu chí: {title}</source>
        <translation>Per criteria set: {title}</translation>
    </message>
    <message>
        <source>Chưa có bộ tiêu chí nào có hiệu lực trên máy này; hãy đồng bộ.</source>
        <translation>No criteria set is in force on this computer; please sync.</translation>
    </message>
</context>
<context>
    <name>RecognitionPanel</name>
    <message>
        <source>Số quyết định</source>
        <translation>Decision no.</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Cơ quan ban hành</source>
        <translation>Issuing body</translation>
    </message>
    <message>
        <source>Sao</source>
        <translation>Stars</translation>
    </message>
    <message>
        <source>Hiệu lực đến hết</source>
        <translation>Valid through</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Ghi quyết định công nhận…</source>
        <translation>Record recognition decision…</translation>
    </message>
    <message>
        <source>Thu hồi quyết định…</source>
        <translation>Revoke decision…</translation>
    </message>
    <message>
        <source>Sản phẩm chưa có quyết định công nhận OCOP.</source>
        <translation>The product has no OCOP recognition decision.</translation>
    </message>
    <message>
        <source>Kết quả của hồ sơ này đã có quyết định công nhận.</source>
        <translation>This dossier&apos;s result already has a recognition decision.</translation>
    </message>
    <message>
        <source>Quyết định công nhận được ghi khi kết quả hội đồng của hồ sơ này đã được phê duyệt.</source>
        <translation>A recognition decision is recorded once the council&apos;s result for this dossier is approved.</translation>
    </message>
    <message>
        <source>Kết quả đã phê duyệt dưới 3 sao: không được công nhận.</source>
        <translation>The approved result is below 3 stars: it cannot be recognised.</translation>
    </message>
    <message>
        <source>Chỉ quản trị tỉnh ghi quyết định công nhận.</source>
        <translation>Only the province&apos;s admin records recognition decisions.</translation>
    </message>
    <message>
        <source>Kết quả hội đồng đã phê duyệt {stars}: có thể ghi quyết định của UBND tỉnh.</source>
        <translation>Council result approved at {stars}: the provincial People&apos;s Committee decision can be recorded.</translation>
    </message>
    <message>
        <source>Gia hạn công nhận…</source>
        <translation>Renew recognition…</translation>
    </message>
    <message>
        <source>Thu hồi quyết định công nhận</source>
        <translation>Revoke recognition decision</translation>
    </message>
    <message>
        <source>Thu hồi quyết định {number}? Sản phẩm sẽ không còn được công nhận từ ngày chọn.</source>
        <translation>Revoke decision {number}? The product will no longer be recognised from the chosen date.</translation>
    </message>
    <message>
        <source>Xác nhận thu hồi quyết định {number} từ ngày {day}?
Việc thu hồi không huỷ được.</source>
        <translation>Revoke decision {number} from {day}?
A revocation cannot be undone.</translation>
    </message>
    <message>
        <source>Chưa lưu: {reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
</context>
<context>
    <name>RestoreDraftsDialog</name>
    <message>
        <source>Khôi phục nội dung chưa lưu</source>
        <translation>Restore unsaved work</translation>
    </message>
    <message>
        <source>Lần trước ứng dụng đã dừng khi bạn còn những nội dung chưa lưu dưới đây. Chọn khôi phục (mở lại đúng chỗ, để bạn kiểm tra rồi lưu) hoặc bỏ từng mục.</source>
        <translation>The app last stopped while you had the unsaved work below. Choose to restore each item (it reopens where it was, for you to check and save) or to drop it.</translation>
    </message>
    <message>
        <source>Thực hiện</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Để sau</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Giữ nguyên các bản nháp; lần mở ứng dụng sau sẽ hỏi lại.</source>
        <translation>Keep the drafts; the next start asks again.</translation>
    </message>
    <message>
        <source>Hồ sơ</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Phiếu chấm</source>
        <translation>Score sheet</translation>
    </message>
    <message>
        <source>Nhập lúc {when}</source>
        <translation>Typed at {when}</translation>
    </message>
    <message>
        <source>Khôi phục</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Bỏ</source>
        <translation>Drop</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Thiết lập lần đầu — OCOP Hà Tĩnh</source>
        <translation>First-time setup — OCOP Hà Tĩnh</translation>
    </message>
    <message>
        <source>Chọn cách máy tính này làm việc. Có thể đổi lại sau trong menu Ứng dụng.</source>
        <translation>Choose how this computer works. You can change it later in the Application menu.</translation>
    </message>
    <message>
        <source>Kết nối với máy chủ tỉnh</source>
        <translation>Connect to the provincial server</translation>
    </message>
    <message>
        <source>Địa chỉ máy chủ, ví dụ: https://ocop.hatinh.gov.vn</source>
        <translation>Server address, e.g. https://ocop.hatinh.gov.vn</translation>
    </message>
    <message>
        <source>Làm việc ngoại tuyến với dữ liệu mẫu</source>
        <translation>Work offline with sample data</translation>
    </message>
    <message>
        <source>Dữ liệu mẫu của tỉnh Hà Tĩnh; đăng nhập bằng các tài khoản mẫu.</source>
        <translation>Sample data for Hà Tĩnh province; sign in with the sample accounts.</translation>
    </message>
    <message>
        <source>Tiếp tục</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Exit</translation>
    </message>
    <message>
        <source>Địa chỉ máy chủ không hợp lệ. Nhập dạng https://tên-máy-chủ[:cổng].</source>
        <translation>Invalid server address. Enter it as https://server-name[:port].</translation>
    </message>
    <message>
        <source>Đang thử kết nối {url}…</source>
        <translation>Trying to connect to {url}…</translation>
    </message>
    <message>
        <source>Cảnh báo: địa chỉ này dùng http, không mã hoá. Mật khẩu và phiên đăng nhập sẽ đi qua mạng ở dạng ai cũng đọc được. Nên dùng https://{host}. Chỉ tiếp tục nếu máy chủ {host} nằm trong mạng nội bộ tin cậy.</source>
        <translation>Warning: this address uses http, without encryption. The password and the login will cross the network readable by anyone. https://{host} is better. Continue only if the server {host} is on a trusted local network.</translation>
    </message>
    <message>
        <source>Vẫn dùng http</source>
        <translation>Use http anyway</translation>
    </message>
    <message>
        <source>Vẫn lưu địa chỉ này</source>
        <translation>Keep this address anyway</translation>
    </message>
    <message>
        <source>{reason}
Nếu địa chỉ đúng và máy chủ chỉ tạm thời chưa chạy, có thể vẫn lưu địa chỉ này.</source>
        <translation>{reason}
If the address is right and the server is only down for now, you can keep this address anyway.</translation>
    </message>
</context>
<context>
    <name>SheetBody</name>
    <message>
        <source>Phần {code}. {name} — {points} điểm</source>
        <translation>Part {code}. {name} — {points} points</translation>
    </message>
</context>
<context>
    <name>SheetWidget</name>
    <message>
        <source>Tài liệu hồ sơ…</source>
        <translation>Dossier documents…</translation>
    </message>
    <message>
        <source>Xem các tài liệu của hồ sơ đang chấm (chỉ xem, mở cửa sổ riêng)</source>
        <translation>See the documents of the dossier being scored (read-only, in a window of their own)</translation>
    </message>
    <message>
        <source>Nộp phiếu</source>
        <translation>Submit sheet</translation>
    </message>
    <message>
        <source>Chấm lại</source>
        <translation>Rescore</translation>
    </message>
    <message>
        <source>Tạo phiếu mới thay thế phiếu đã nộp, bắt đầu từ các lựa chọn cũ</source>
        <translation>Create a new sheet that replaces the submitted one, starting from the previous choices</translation>
    </message>
    <message>
        <source>Hồ sơ {code}</source>
        <translation>Dossier {code}</translation>
    </message>
    <message>
        <source>Thành viên: {name}</source>
        <translation>Member: {name}</translation>
    </message>
    <message>
        <source>Phiếu chấm lại</source>
        <translation>Rescore sheet</translation>
    </message>
    <message>
        <source>Chưa mở phiếu chấm nào</source>
        <translation>No score sheet open</translation>
    </message>
    <message>
        <source>Chọn một hồ sơ trong danh sách để bắt đầu chấm.</source>
        <translation>Select a dossier in the list to start scoring.</translation>
    </message>
    <message>
        <source>Chấm đủ các tiêu chí rồi mới nộp được</source>
        <translation>Score all criteria before submitting</translation>
    </message>
    <message>
        <source>Đã lưu lúc {time}</source>
        <translation>Saved at {time}</translation>
    </message>
    <message>
        <source>Nộp phiếu chấm sản phẩm «{product}» với tổng điểm {total}/{max} ({stars})?

Phiếu đã nộp không sửa được nữa; muốn thay đổi phải chấm lại.</source>
        <translation>Submit the score sheet for “{product}” with a total of {total}/{max} ({stars})?

A submitted sheet can no longer be edited; to change it, you must rescore.</translation>
    </message>
    <message>
        <source>Lưu ý: chưa đạt điều kiện bắt buộc ở {codes}.</source>
        <translation>Note: mandatory conditions not met for {codes}.</translation>
    </message>
    <message>
        <source>Nộp phiếu chấm</source>
        <translation>Submit score sheet</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Đồng bộ dữ liệu với máy chủ tỉnh</source>
        <translation>Sync data with the provincial server</translation>
    </message>
    <message>
        <source>Đồng bộ ngay</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Kết nối máy chủ tỉnh…</source>
        <translation>Connect to the provincial server…</translation>
    </message>
    <message>
        <source>Lịch sử đồng bộ</source>
        <translation>Sync history</translation>
    </message>
    <message>
        <source>Giải quyết…</source>
        <translation>Resolve…</translation>
    </message>
    <message>
        <source>Đang huỷ…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>{done}/{total} mục</source>
        <translation>{done}/{total} items</translation>
    </message>
    <message>
        <source>Đã gửi {sent} · Đã nhận {received}</source>
        <translation>Sent {sent} · Received {received}</translation>
    </message>
    <message>
        <source>Chưa thể đồng bộ: máy này đang làm việc ngoại tuyến (dữ liệu mẫu), chưa kết nối với máy chủ tỉnh. Mọi việc vẫn làm được trên máy; để đồng bộ, bấm “Kết nối máy chủ tỉnh…” rồi đăng nhập bằng tài khoản do tỉnh cấp: ứng dụng mời đăng nhập ngay, không cần mở lại.</source>
        <translation>Cannot sync yet: this laptop works offline (demo data) and is not connected to the provincial server. Everything still works on this laptop; to sync, click “Connect to the provincial server…” and log in with the account the province gave you: the app offers the login at once, no restart needed.</translation>
    </message>
    <message>
        <source>Xung đột cần giải quyết ({n})</source>
        <translation>Conflicts to resolve ({n})</translation>
    </message>
    <message>
        <source>Thay đổi bị từ chối ({n})</source>
        <translation>Rejected changes ({n})</translation>
    </message>
    <message>
        <source>Cùng một trường đã được sửa khác nhau trên hai máy. Cả hai giá trị đều được giữ lại; hãy chọn một dòng rồi bấm «Giải quyết…».</source>
        <translation>The same field was changed differently on two computers. Both values have been kept; select a row, then click “Resolve…”.</translation>
    </message>
    <message>
        <source>Không có xung đột nào cần giải quyết.</source>
        <translation>No conflicts to resolve.</translation>
    </message>
    <message>
        <source>Những thay đổi này vẫn được giữ trên máy, không bị mất và không bị dữ liệu từ máy chủ ghi đè, nhưng máy chủ sẽ không nhận chúng; nếu cần, hãy báo quản trị tỉnh.</source>
        <translation>These changes are kept on this computer: they are not lost and not overwritten by data from the server, but the server will not accept them; if needed, contact the provincial administrator.</translation>
    </message>
    <message>
        <source>Không có thay đổi nào bị máy chủ từ chối.</source>
        <translation>No changes have been rejected by the server.</translation>
    </message>
    <message>
        <source>Dữ liệu nhận chưa lưu được ({n})</source>
        <translation>Received, not stored ({n})</translation>
    </message>
    <message>
        <source>Những bản ghi này đã nhận từ máy chủ nhưng máy này chưa lưu được; chúng được giữ riêng và thử lại sau mỗi lần đồng bộ. Nếu vẫn còn, hãy cập nhật ứng dụng hoặc báo quản trị tỉnh.</source>
        <translation>These records came from the server but this laptop could not store them; they are kept aside and tried again after every sync. If they stay, update the app or tell the provincial admin.</translation>
    </message>
    <message>
        <source>Mọi dữ liệu nhận từ máy chủ đều đã được lưu.</source>
        <translation>Everything received from the server has been stored.</translation>
    </message>
    <message>
        <source>chưa kết nối</source>
        <translation>not connected</translation>
    </message>
    <message>
        <source>Máy chủ: {server}</source>
        <translation>Server: {server}</translation>
    </message>
    <message numerus="yes">
        <source>%n thay đổi chưa gửi</source>
        <translation>
            <numerusform>%n unsent change</numerusform>
            <numerusform>%n unsent changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thay đổi chỉ lưu trên máy này</source>
        <translation>
            <numerusform>%n change stored only on this computer</numerusform>
            <numerusform>%n changes stored only on this computer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n xung đột chưa giải quyết</source>
        <translation>
            <numerusform>%n unresolved conflict</numerusform>
            <numerusform>%n unresolved conflicts</numerusform>
        </translation>
    </message>
    <message>
        <source>Lần đồng bộ thành công gần nhất: {when}</source>
        <translation>Last successful sync: {when}</translation>
    </message>
    <message>
        <source>Chưa đồng bộ thành công lần nào</source>
        <translation>No successful sync yet</translation>
    </message>
    <message numerus="yes">
        <source>lần gửi thay đổi gần nhất: %n thay đổi, lúc {when}</source>
        <translation>
            <numerusform>changes last sent: %n change, at {when}</numerusform>
            <numerusform>changes last sent: %n changes, at {when}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Đang đọc…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>● Trực tuyến</source>
        <translation>● Online</translation>
    </message>
    <message>
        <source>● Ngoại tuyến</source>
        <translation>● Offline</translation>
    </message>
    <message>
        <source>Chưa cấu hình máy chủ tỉnh</source>
        <translation>Provincial server not configured</translation>
    </message>
    <message>
        <source>● Đồng bộ lỗi</source>
        <translation>● Sync failed</translation>
    </message>
    <message>
        <source>● Đang đồng bộ…</source>
        <translation>● Syncing…</translation>
    </message>
    <message numerus="yes">
        <source>%n thay đổi chưa gửi</source>
        <translation>
            <numerusform>%n unsent change</numerusform>
            <numerusform>%n unsent changes</numerusform>
        </translation>
    </message>
    <message>
        <source>Dữ liệu mẫu chỉ nằm trên máy này và không được tính là chưa gửi cho tới khi máy được kết nối máy chủ tỉnh.</source>
        <translation>The demo data stays on this computer and is not counted as unsent until the computer is connected to the provincial server.</translation>
    </message>
    <message>
        <source>Chưa đồng bộ lần nào</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <source>Đồng bộ lần cuối: {when}</source>
        <translation>Last sync: {when}</translation>
    </message>
    <message numerus="yes">
        <source>&lt;a href=&quot;#&quot; style=&quot;color:#b42318&quot;&gt;%n xung đột chờ xử lý&lt;/a&gt;</source>
        <translation>
            <numerusform>&lt;a href=&quot;#&quot; style=&quot;color:#b42318&quot;&gt;%n conflict pending&lt;/a&gt;</numerusform>
            <numerusform>&lt;a href=&quot;#&quot; style=&quot;color:#b42318&quot;&gt;%n conflicts pending&lt;/a&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>Không có xung đột</source>
        <translation>No conflicts</translation>
    </message>
    <message numerus="yes">
        <source>%n việc đến hạn</source>
        <translation>
            <numerusform>%n task due</numerusform>
            <numerusform>%n tasks due</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n việc đã quá hạn</source>
        <translation>
            <numerusform>%n task overdue</numerusform>
            <numerusform>%n tasks overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TasksPage</name>
    <message>
        <source>Việc của tôi</source>
        <translation>My tasks</translation>
    </message>
    <message>
        <source>Người được giao</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Bảng việc</source>
        <translation>Task board</translation>
    </message>
    <message>
        <source>Hạn</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Loại việc</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Việc</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ghi chú gần nhất</source>
        <translation>Latest comment</translation>
    </message>
    <message>
        <source>Ghi chú cho lần đổi trạng thái (bắt buộc)</source>
        <translation>Comment for the status change (required)</translation>
    </message>
    <message>
        <source>Bắt đầu làm</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Đã xong</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Hủy việc</source>
        <translation>Cancel task</translation>
    </message>
    <message>
        <source>Chưa có việc nào được giao cho bạn.</source>
        <translation>No task has been given to you yet.</translation>
    </message>
    <message>
        <source>Giao việc</source>
        <translation>Assign a task</translation>
    </message>
    <message>
        <source>Việc cần làm, ví dụ: Kiểm tra hồ sơ HS-2025-0012</source>
        <translation>What to do, e.g. Check dossier HS-2025-0012</translation>
    </message>
    <message>
        <source>Người làm</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>Hãy chọn một việc trong danh sách.</source>
        <translation>Choose a task in the list.</translation>
    </message>
    <message>
        <source>Chưa lưu: {reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
    <message>
        <source>(chưa giao cho ai)</source>
        <translation>(not assigned)</translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <source>Kết quả tạm tính</source>
        <translation>Provisional result</translation>
    </message>
    <message>
        <source>Đến tiêu chí chưa chấm (F8)</source>
        <translation>Next unscored criterion (F8)</translation>
    </message>
    <message>
        <source>Chuyển đến tiêu chí chưa chấm tiếp theo</source>
        <translation>Go to the next criterion that has not been scored</translation>
    </message>
    <message>
        <source>Tổng điểm</source>
        <translation>Total score</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Hạng: {stars} ({n} sao)</source>
        <translation>Rating: {stars} ({n} stars)</translation>
    </message>
    <message>
        <source>Hạng: chưa xếp hạng (chưa chấm tiêu chí nào)</source>
        <translation>Rating: not rated yet (no criterion scored)</translation>
    </message>
    <message>
        <source>Theo điểm đạt {band} sao, nhưng chưa đạt điều kiện bắt buộc nên chỉ được {n} sao.</source>
        <translation>By score it reaches {band} stars, but a mandatory condition is not met, so it gets only {n} stars.</translation>
    </message>
    <message>
        <source>{code} {title} (bắt buộc từ {n}★)</source>
        <translation>{code} {title} (mandatory from {n}★)</translation>
    </message>
    <message>
        <source>Điều kiện bắt buộc chưa đạt:</source>
        <translation>Mandatory conditions not met:</translation>
    </message>
    <message numerus="yes">
        <source>Còn %n tiêu chí chưa chấm</source>
        <translation>
            <numerusform>%n criterion not yet scored</numerusform>
            <numerusform>%n criteria not yet scored</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Phiếu có %n tiêu chí.</source>
        <translation>
            <numerusform>The sheet has %n criterion.</numerusform>
            <numerusform>The sheet has %n criteria.</numerusform>
        </translation>
    </message>
    <message>
        <source>Đã chấm đủ tất cả tiêu chí</source>
        <translation>All criteria have been scored</translation>
    </message>
    <message>
        <source>Thang điểm</source>
        <translation>Rating scale</translation>
    </message>
    <message>
        <source>Tổng điểm tối đa</source>
        <translation>Maximum total score</translation>
    </message>
    <message>
        <source>{n}★: dưới {high} điểm</source>
        <translation>{n}★: below {high} points</translation>
    </message>
    <message>
        <source>{n}★: từ {low} đến {high} điểm</source>
        <translation>{n}★: {low} to {high} points</translation>
    </message>
    <message>
        <source>{n}★: từ {low} đến dưới {high} điểm</source>
        <translation>{n}★: {low} to under {high} points</translation>
    </message>
</context>
<context>
    <name>WitnessDialog</name>
    <message>
        <source>Nhân chứng của nhật ký minh bạch</source>
        <translation>Witnesses of the transparency log</translation>
    </message>
    <message>
        <source>Dán khoá công khai của từng nhân chứng (mỗi khoá một dòng), đúng như cơ quan nhân chứng gửi. Từ lần đồng bộ sau, máy này chỉ tin điểm kiểm của tỉnh khi có chữ ký đồng ký của mọi nhân chứng ở đây; một điểm kiểm thiếu chữ ký ấy sẽ làm máy dừng đồng bộ và báo động. Để trống: chỉ kiểm chữ ký của tỉnh.</source>
        <translation>Paste each witness&apos;s public key (one key a line), exactly as the witness agency sent it. From the next sync, this laptop trusts the province&apos;s checkpoint only when every witness here has co-signed it; a checkpoint without such a cosignature stops sync and raises the alarm. Leave empty to check only the province&apos;s signature.</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>WorkflowBar</name>
    <message>
        <source>Trạng thái:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Chuyển sang trạng thái “{status}”</source>
        <translation>Move to status “{status}”</translation>
    </message>
    <message>
        <source>Hồ sơ đã kết thúc quy trình.</source>
        <translation>The dossier has completed the process.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Tài khoản mẫu (mật khẩu {password}): {names}</source>
        <translation>Sample accounts (password {password}): {names}</translation>
    </message>
    <message>
        <source>Đang tạo dữ liệu mẫu…</source>
        <translation>Creating sample data…</translation>
    </message>
    <message>
        <source>Đang chuẩn bị cơ sở dữ liệu…</source>
        <translation>Preparing the database…</translation>
    </message>
    <message>
        <source>OCOP Hà Tĩnh — Dữ liệu mẫu</source>
        <translation>OCOP Hà Tĩnh — Demo data</translation>
    </message>
</context>
<context>
    <name>confirm</name>
    <message>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>menu</name>
    <message>
        <source>Nhập danh sách sản phẩm từ Excel…</source>
        <translation>Import a product list from Excel…</translation>
    </message>
</context>
<context>
    <name>scoring</name>
    <message>
        <source>Quay lại</source>
        <translation>Go back</translation>
    </message>
</context>
</TS>
