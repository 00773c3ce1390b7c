"""Required documents in the council's result (docs/domain-decisions.md D7): a dossier lacking one, or holding it
expired on Vietnam's today, is capped below the document's star level, the result names it, and filing a valid
one lifts the cap while the result is not approved."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy.orm import Session

from ocop_core.domain.dates import add_months, period_last_day, vietnam_today
from ocop_core.domain.documents import DocumentFailure
from ocop_desktop.db.blobstore import BlobStore
from ocop_desktop.db.models import CouncilResult
from ocop_desktop.services import councils, dossiers, sheets
from ocop_desktop.services.council_view import load_council_view
from ocop_desktop.services.documents import attach_document

APPROVER = "00000000-0000-4000-8000-0000000000c1"
TODAY = vietnam_today()


@pytest.fixture(autouse=True)
def _before_the_council(assigned: str) -> None:
    """The dossier is put before the council: a council records results only for its own dossiers."""


@pytest.fixture
def file_doc(session: Session, blobs: BlobStore, dossier_id: str, tmp_path: Path):
    """Files a document of ``doc_type`` through the documents service, as the dossier form does."""

    def run(doc_type: str, issued_on: date | None = None, valid_until: date | None = None) -> str:
        path = tmp_path / f"{doc_type}.pdf"
        path.write_bytes(b"%PDF-1.4 " + doc_type.encode())
        return attach_document(session, blobs, dossier_id=dossier_id, file_path=path, doc_type=doc_type,
                               issued_on=issued_on, valid_until=valid_until).row_id()

    return run


@pytest.fixture
def all_but(file_doc):
    """Files every required document, recent, except those named."""

    def run(*left_out: str) -> None:
        for doc_type in ("registration_form", "business_registration", "quality_declaration", "lab_test_report"):
            if doc_type not in left_out:
                file_doc(doc_type, issued_on=add_months(TODAY, -2))

    return run


@pytest.fixture
def scored(session: Session, council: SimpleNamespace, dossier_id: str, answer_sheet):
    """Five all-best sheets (100 points, 5 stars by score) submitted for the dossier."""

    def run() -> None:
        for member in council.members:
            sheet = sheets.start_sheet(session, dossier_id=dossier_id, member_id=member,
                                       evaluation_id=council.evaluation_id).id
            answer_sheet(sheet)
            sheets.submit_sheet(session, sheet_id=sheet)

    return run


def _assess(session: Session, council: SimpleNamespace, dossier_id: str):
    return councils.assess_dossier(session, evaluation_id=council.evaluation_id, dossier_id=dossier_id).outcome


def test_missing_declaration_caps_a_full_score_at_two_stars(session, council, dossier_id, all_but, scored) -> None:
    """Without the quality declaration (required from 3 stars) a 100-point dossier ends at 2 stars, the outcome
    names the document as missing, and the approved result stores and shows it apart from failed criteria."""
    all_but("quality_declaration")
    scored()
    outcome = _assess(session, council, dossier_id)
    assert (outcome.band_stars, outcome.final_stars) == (5, 2)
    assert outcome.document_failures == (DocumentFailure("quality_declaration", 3, "missing"),)
    assert outcome.can_approve  # a capped result is still the council's to approve, as not recognised
    changes = councils.approve_council_result(session, approved_by=APPROVER, evaluation_id=council.evaluation_id,
                                              dossier_id=dossier_id)
    stored = session.get(CouncilResult, changes.row_id())
    assert (stored.final_stars, json.loads(stored.failures_json)) == (2, ["document:quality_declaration:3:missing"])
    row = load_council_view(session, evaluation_id=council.evaluation_id).row(dossier_id)
    assert (row.failures, row.documents, row.final_stars) == ((), outcome.document_failures, 2)


def test_a_lab_report_older_than_twelve_months_is_expired_with_its_last_day(session, council, dossier_id, all_but,
                                                                            file_doc, scored) -> None:
    """A lab report issued 13 months ago has expired: capped at 2 stars, named with the last day it held."""
    all_but("lab_test_report")
    issued = add_months(TODAY, -13)
    file_doc("lab_test_report", issued_on=issued)
    scored()
    outcome = _assess(session, council, dossier_id)
    assert outcome.final_stars == 2
    (failure,) = outcome.document_failures
    assert (failure.document, failure.reason, failure.until) == ("lab_test_report", "expired",
                                                                 period_last_day(issued, 12))
    councils.compute_council_result(session, evaluation_id=council.evaluation_id, dossier_id=dossier_id)
    stored = councils.stored_result(session, council.evaluation_id, dossier_id)
    assert json.loads(stored.failures_json) == [f"document:lab_test_report:3:expired:{failure.until.isoformat()}"]
    assert load_council_view(session, evaluation_id=council.evaluation_id).row(dossier_id).documents[0].until \
        == failure.until


def test_a_certificate_past_its_own_end_date_is_expired(session, council, dossier_id, all_but, file_doc,
                                                        scored) -> None:
    """A business registration whose own valid_until was yesterday counts as expired, though it has no age limit."""
    all_but("business_registration")
    file_doc("business_registration", issued_on=date(2020, 1, 1), valid_until=date.fromordinal(TODAY.toordinal() - 1))
    scored()
    assert [(f.document, f.reason) for f in _assess(session, council, dossier_id).document_failures] == \
        [("business_registration", "expired")]


def test_without_the_registration_form_nothing_is_recognised(session, council, dossier_id, all_but, scored) -> None:
    """The registration form is required from 1 star: without it the result falls to 0 stars, not recognised."""
    all_but("registration_form")
    scored()
    outcome = _assess(session, council, dossier_id)
    assert (outcome.final_stars, str(outcome.recommendation)) == (0, "not_recognised")


def test_filing_a_recent_report_lifts_the_cap_and_deleting_it_restores_it(session, council, dossier_id, all_but,
                                                                          file_doc, scored) -> None:
    """The cap follows the dossier's documents until approval: a recent report filed over the old one counts (the
    latest issued of a type counts), and once deleted the old one counts again."""
    all_but("lab_test_report")
    file_doc("lab_test_report", issued_on=add_months(TODAY, -18))
    scored()
    assert _assess(session, council, dossier_id).final_stars == 2
    recent = file_doc("lab_test_report", issued_on=add_months(TODAY, -1))
    assert _assess(session, council, dossier_id).final_stars == 5
    dossiers.delete_document(session, recent)
    assert _assess(session, council, dossier_id).final_stars == 2


def test_the_day_is_vietnams_today_unless_given(session, council, dossier_id, all_but, file_doc, scored) -> None:
    """A report exactly 12 months old holds today and expires the next day: the day counted is ``today``."""
    all_but("lab_test_report")
    file_doc("lab_test_report", issued_on=add_months(TODAY, -12))
    scored()
    assert _assess(session, council, dossier_id).final_stars == 5
    tomorrow = date.fromordinal(period_last_day(add_months(TODAY, -12), 12).toordinal() + 1)
    outcome = councils.assess_dossier(session, evaluation_id=council.evaluation_id, dossier_id=dossier_id,
                                      today=tomorrow).outcome
    assert outcome.final_stars == 2
