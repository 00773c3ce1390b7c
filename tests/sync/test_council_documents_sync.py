"""An approved result capped by a missing required document travels like any result: approved on the admin's
laptop, pushed, and pulled by another laptop, it names the same document and keeps its stars there."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from ocop_core.domain.dates import add_months, vietnam_today
from ocop_core.domain.scoring import extreme_answers
from ocop_desktop.db.models import ScoreSheet, User
from ocop_desktop.services import assignments, councils, criteria, documents, dossiers, registry, sheets
from ocop_desktop.services.council_view import load_council_view

COMMUNE, SUBGROUP = "18073", "I.1.a"


def _file(s, blobs, tmp_path: Path, dossier_id: str, doc_type: str) -> None:
    source = tmp_path / f"{doc_type}.pdf"
    source.write_bytes(b"%PDF-1.4 " + doc_type.encode())
    documents.attach_document(s, blobs, dossier_id=dossier_id, file_path=source, doc_type=doc_type,
                              issued_on=add_months(vietnam_today(), -2))


def test_an_approved_capped_result_names_its_document_on_another_laptop(make_laptop, sample_148_bytes,
                                                                       tmp_path: Path) -> None:
    """Three full sheets (100 points) on a dossier without its quality declaration: approved at 2 stars on the
    admin's laptop; a second laptop, after syncing, shows the same result naming the missing declaration."""
    admin = make_laptop("admin")
    admin.sync()
    with admin.session() as s:
        admin_id = s.scalar(select(User.id).where(User.username == "admin"))
        criteria_id = criteria.import_criteria_set(s, sample_148_bytes).id
        producer = registry.create_producer(s, name="HTX Chè Tân Cương", kind="cooperative", commune_code=COMMUNE).id
        product = registry.create_product(s, producer_id=producer, name="Chè búp", subgroup_code=SUBGROUP).id
        dossier = dossiers.create_dossier(s, product_id=product).id
        for doc_type in ("registration_form", "business_registration", "lab_test_report"):
            _file(s, admin.blobs, tmp_path, dossier, doc_type)
        for target in ("submitted", "commune_checked", "forwarded"):
            dossiers.change_dossier_status(s, dossier, target, user_id=admin_id, role="admin")
        council = councils.create_council(s, name="Hội đồng OCOP tỉnh", admin_unit_code="42",
                                          criteria_set_id=criteria_id).id
        seats = [councils.add_member(s, council_id=council, full_name=f"Thành viên {n}",
                                     role="chair" if n == 1 else "member").id for n in (1, 2, 3)]
        evaluation = councils.open_evaluation(s, council_id=council, criteria_set_id=criteria_id).id
        assignments.assign_dossier(s, council_id=council, dossier_id=dossier)
        for seat in seats:
            sheet = sheets.start_sheet(s, dossier_id=dossier, member_id=seat, evaluation_id=evaluation).id
            _, product_set = sheets.sheet_context(s, s.get(ScoreSheet, sheet))
            sheets.record_answers(s, sheet_id=sheet, answers=extreme_answers(product_set, best=True))
            sheets.submit_sheet(s, sheet_id=sheet)
        councils.approve_council_result(s, approved_by=admin_id, evaluation_id=evaluation, dossier_id=dossier)
        here = load_council_view(s, evaluation_id=evaluation).row(dossier)
        s.commit()
    assert (here.final_stars, [(f.document, f.reason) for f in here.documents]) == \
        (2, [("quality_declaration", "missing")])
    report = admin.sync()
    assert report.rejected == 0

    other = make_laptop("other")
    other.sync()
    with other.session() as s:
        there = load_council_view(s, evaluation_id=evaluation).row(dossier)
    assert there.approved and there.final_stars == 2 and there.documents == here.documents
    assert there.failures == ()
