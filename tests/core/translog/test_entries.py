"""The events the log records, and only the public facts of each."""

from __future__ import annotations

import pytest

from ocop_core.translog.entries import canonical, entries_for, parse

RESULT = {"id": "r1", "dossier_id": "d1", "session_id": "s1", "final_stars": 4, "band_stars": 4,
          "mean_total": "78.5", "n_sheets": 5, "recommendation": "recognise", "approved_at": None,
          "approved_by": "u-chair", "member_totals_json": '{"m1": "80"}'}
RECOGNITION = {"id": "g1", "product_id": "p1", "dossier_id": "d1", "stars": 4, "issuing_body": "UBND tỉnh Hà Tĩnh",
               "decision_no": "123/QĐ-UBND", "decision_date": "2026-03-15", "valid_until": "2029-03-15",
               "revoked_on": None, "revocation_reason": ""}


def _kinds(entity, before, after):
    return [e["kind"] for e in entries_for(entity, before, after)]


def test_an_approval_is_logged_once_without_the_members_scores_or_the_approver():
    approved = {**RESULT, "approved_at": "2026-12-01T08:00:00+07:00"}
    (entry,) = entries_for("council_results", RESULT, approved)
    assert entry["kind"] == "result_approved" and entry["final_stars"] == 4
    assert "approved_by" not in entry and "member_totals_json" not in entry
    assert entries_for("council_results", approved, {**approved, "spread": "3"}) == []
    assert entries_for("council_results", None, RESULT) == []


def test_recognitions_are_logged_when_issued_renewed_and_revoked():
    assert _kinds("recognitions", None, RECOGNITION) == ["recognition_issued"]
    renewed = {**RECOGNITION, "valid_until": "2032-03-15", "decision_no": "9/QĐ-UBND"}
    assert _kinds("recognitions", RECOGNITION, renewed) == ["recognition_renewed"]
    revoked = {**renewed, "revoked_on": "2027-01-02", "revocation_reason": "Vi phạm an toàn thực phẩm"}
    assert _kinds("recognitions", renewed, revoked) == ["recognition_revoked"]
    assert _kinds("recognitions", revoked, {**revoked, "updated_at": "x"}) == []


def test_lots_and_criteria_sets():
    lot = {"id": "l1", "product_id": "p1", "lot_code": "L-01", "withdrawn_on": None}
    assert _kinds("production_lots", None, lot) == ["lot_recorded"]
    assert _kinds("production_lots", lot, {**lot, "withdrawn_on": "2027-01-01"}) == ["lot_withdrawn"]
    draft = {"id": "c1", "code": "QD-1048", "status": "draft"}
    assert _kinds("criteria_set_versions", None, draft) == []
    assert _kinds("criteria_set_versions", draft, {**draft, "status": "published"}) == ["criteria_set_published"]
    assert _kinds("dossiers", None, {"id": "d1"}) == []


def test_canonical_bytes_are_one_per_fact_and_parse_back():
    entry = entries_for("recognitions", None, RECOGNITION)[0]
    data = canonical(entry)
    assert data == canonical(dict(reversed(list(entry.items()))))
    assert "UBND tỉnh Hà Tĩnh".encode() in data and b" " not in data.replace("UBND tỉnh Hà Tĩnh".encode(), b"")
    assert parse(data) == entry
    with pytest.raises(ValueError):
        parse(data.replace(b",", b", ", 1))
