"""The demo dossiers' required documents: a row per document and its file in the attachment store.

Every demo dossier gets the documents its criteria set requires (registration form, business registration,
quality declaration, a recent lab test report), dated so they hold today, when its result is computed;
a few get an expired lab report or lack their quality declaration, so the cap on stars (docs/domain-decisions.md
D7) shows in the council's table, minutes and workbook.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from ocop_core.domain.dates import add_months, vietnam_today
from ocop_desktop.db.blobstore import BlobRef, BlobStore
from ocop_desktop.db.models import Dossier, DossierDocument
from ocop_desktop.paths import AppPaths

# (type, title, issuer, months before today it was issued, months it holds or None)
DOCUMENTS = (
    ("registration_form", "Phiếu đăng ký sản phẩm OCOP", "Chủ thể sản xuất", 2, None),
    ("business_registration", "Giấy chứng nhận đăng ký kinh doanh", "Phòng Tài chính – Kế hoạch", 40, None),
    ("quality_declaration", "Bản tự công bố sản phẩm", "Chủ thể sản xuất", 14, None),
    ("lab_test_report", "Phiếu kết quả thử nghiệm", "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Hà Tĩnh",
     5, 12),
)
# In every 24 dossiers one lab report is 14 months old and one dossier lacks its quality declaration: both
# are required from 3 stars, so those stay at 2 stars whatever their score. The positions fall on an evaluated and
# a forwarded dossier of demo_data's cycle of statuses, leaving the closed ones to be recognised.
EXPIRED, EXPIRED_AT = 24, 4
MISSING, MISSING_AT = 24, 9
OLD_REPORT_MONTHS = 14


def attachment_store(session: Session) -> BlobStore | None:
    """The store the app uses beside this database file (AppPaths), or None for a database with no file."""
    name = session.get_bind().engine.url.database
    if not name or name == ":memory:":
        return None
    return BlobStore(AppPaths(Path(name).resolve().parent).blobs)


def _sample_pdf(title: str) -> bytes:
    """A one-page PDF naming the document: enough for the viewer to open, small enough to sync in an instant."""
    text = title.encode("ascii", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 18 Tf 72 760 Td (OCOP demo - " + text + b") Tj ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def file_documents(session: Session, dossier_ids: Sequence[str], first: int = 0) -> int:
    """Files the required documents of each dossier (the ``first``-th of the build onwards, which decides the
    ones left expired or missing); the number of documents filed. One sample file per document type is stored
    once: the same bytes would be stored once anyway, under their hash."""
    on = vietnam_today()
    store = attachment_store(session)
    files: dict[str, BlobRef] = {}
    filed = 0
    for index, dossier_id in enumerate(dossier_ids, start=first):
        dossier = session.get(Dossier, dossier_id)
        if dossier is None:
            continue
        for doc_type, title, issuer, months_before, holds in DOCUMENTS:
            if doc_type == "quality_declaration" and index % MISSING == MISSING_AT:
                continue
            old = doc_type == "lab_test_report" and index % EXPIRED == EXPIRED_AT
            issued = add_months(on, -(OLD_REPORT_MONTHS if old else months_before)) - timedelta(days=index % 20)
            if doc_type not in files:
                data = _sample_pdf(title)
                files[doc_type] = store.put_bytes(data) if store else _ref(data)
            ref = files[doc_type]
            session.add(DossierDocument(
                dossier_id=dossier.id, doc_type=doc_type, title=title, original_name=f"{doc_type}.pdf",
                sha256=ref.sha256, size=ref.size, issuer=issuer, issued_on=issued,
                valid_until=add_months(issued, holds) if holds else None))
            filed += 1
    session.flush()
    return filed


def _ref(data: bytes) -> BlobRef:
    return BlobRef(hashlib.sha256(data).hexdigest(), len(data))
