"""Criteria-set import: validated, stored canonically, idempotent, and immutable once stored."""

from __future__ import annotations

import json
import unicodedata
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from ocop_core.domain.canonical import content_hash
from ocop_core.domain.criteria_loader import CriteriaSetError, parse_json
from ocop_desktop.db.models import ChangeJournal, CriteriaSetVersion
from ocop_desktop.services import criteria
from ocop_desktop.services.errors import ServiceError

ID_148 = "8f3c2a10-0000-4000-8000-000000000148"
ID_2019 = "8f3c2a10-0000-4000-8000-000000001048"


def _doc(raw: bytes) -> dict:
    return json.loads(raw)


def _dump(doc: dict) -> bytes:
    return json.dumps(doc, ensure_ascii=False).encode()


def test_sample_imports_as_a_new_version(session: Session, sample_148_bytes: bytes) -> None:
    """Importing the 148 sample stores one version under the file's id, code, status and content hash."""
    changes = criteria.import_criteria_set(session, sample_148_bytes)
    version = session.get(CriteriaSetVersion, ID_148)
    assert changes.id == ID_148
    assert changes.entities == frozenset({"criteria_set_versions"})
    assert (version.code, version.status) == ("SAMPLE-QD148-2023", "published")
    assert version.content_hash == content_hash(parse_json(sample_148_bytes)[0])


def test_imported_set_loads_back(session: Session, criteria_148: str) -> None:
    """load_criteria_set returns the parsed set, with its product set for subgroup I.1.a."""
    loaded = criteria.load_criteria_set(session, criteria_148)
    assert loaded.id == ID_148
    assert loaded.product_set_for_subgroup("I.1.a").code == "PS-I.1.a"
    assert loaded.total_points == Decimal(100)


def test_reimport_of_same_bytes_changes_nothing(session: Session, count, sample_148_bytes: bytes) -> None:
    """Importing the same file again returns empty Changes with the existing id and writes nothing."""
    criteria.import_criteria_set(session, sample_148_bytes)
    session.commit()
    before = (count(CriteriaSetVersion), count(ChangeJournal))
    changes = criteria.import_criteria_set(session, sample_148_bytes)
    assert changes.entities == frozenset()
    assert changes.ids == frozenset()
    assert changes.id == ID_148
    assert (count(CriteriaSetVersion), count(ChangeJournal)) == before


def test_reformatted_same_content_is_a_noop(session: Session, sample_148_bytes: bytes) -> None:
    """Other whitespace, key order, NFD text and "_" notes are the same content: re-import is a no-op."""
    criteria.import_criteria_set(session, sample_148_bytes)
    doc = _doc(sample_148_bytes)
    doc["_notice"] = "ghi chú khác"
    reordered = {k: doc[k] for k in reversed(list(doc))}
    text = unicodedata.normalize("NFD", json.dumps(reordered, ensure_ascii=False, indent=4))
    assert criteria.import_criteria_set(session, text).entities == frozenset()


def test_modified_content_under_same_id_is_refused(session: Session, count, sample_148_bytes: bytes) -> None:
    """A changed file with an already stored id raises "criteria_version_immutable" and changes nothing."""
    criteria.import_criteria_set(session, sample_148_bytes)
    doc = _doc(sample_148_bytes)
    doc["criteria_set"]["title"] = "Bộ tiêu chí đã sửa"
    with pytest.raises(ServiceError) as info:
        criteria.import_criteria_set(session, _dump(doc))
    assert info.value.code == "criteria_version_immutable"
    assert session.get(CriteriaSetVersion, ID_148).title == "Bộ tiêu chí OCOP (mẫu thử nghiệm)"
    assert count(CriteriaSetVersion) == 1


def test_new_id_reusing_a_stored_code_is_refused(session: Session, count, sample_148_bytes: bytes) -> None:
    """A different version reusing a stored code raises "criteria_version_immutable"."""
    criteria.import_criteria_set(session, sample_148_bytes)
    doc = _doc(sample_148_bytes)
    doc["criteria_set"]["id"] = "8f3c2a10-0000-4000-8000-000000000999"
    doc["criteria_set"]["title"] = "Bản khác"
    with pytest.raises(ServiceError) as info:
        criteria.import_criteria_set(session, _dump(doc))
    assert info.value.code == "criteria_version_immutable"
    assert count(CriteriaSetVersion) == 1


@pytest.mark.parametrize("text", [
    b"", b"not json", b"{", b"\xff\xfe\x00garbage", b"[]", b'{"schema_version": 1}', b"NaN",
    b'{"schema_version": 1, "criteria_set": {"id": "khong-phai-uuid"}}',
], ids=["empty", "words", "unclosed", "not-utf8", "array", "no-parts", "nan", "bad-header"])
def test_malformed_file_raises_and_writes_nothing(session: Session, count, text: bytes) -> None:
    """A malformed file raises CriteriaSetError listing problems, and no version is stored."""
    with pytest.raises(CriteriaSetError) as info:
        criteria.import_criteria_set(session, text)
    assert info.value.problems
    assert (count(CriteriaSetVersion), count(ChangeJournal)) == (0, 0)


def test_invalid_points_are_reported_with_their_path(session: Session, count, sample_148_bytes: bytes) -> None:
    """A sample with one option's points made text raises CriteriaSetError naming that option."""
    doc = _doc(sample_148_bytes)
    doc["product_sets"][0]["parts"][0]["criterion_groups"][0]["criteria"][0]["options"][0]["points"] = "năm"
    with pytest.raises(CriteriaSetError) as info:
        criteria.import_criteria_set(session, _dump(doc))
    assert any("options[0]" in p.path for p in info.value.problems)
    assert count(CriteriaSetVersion) == 0


def test_oversized_file_is_refused(session: Session, count) -> None:
    """A file over 5 MiB raises CriteriaSetError "file_too_large" without being parsed."""
    with pytest.raises(CriteriaSetError) as info:
        criteria.import_criteria_set(session, b" " * (5 * 1024 * 1024 + 1))
    assert [p.code for p in info.value.problems] == ["file_too_large"]
    assert count(CriteriaSetVersion) == 0


def test_unknown_superseded_version_is_refused(session: Session, count, sample_148_bytes: bytes) -> None:
    """A set that supersedes a version not in the database raises "unknown_superseded_version"."""
    doc = _doc(sample_148_bytes)
    doc["criteria_set"]["supersedes"] = ID_2019
    with pytest.raises(ServiceError) as info:
        criteria.import_criteria_set(session, _dump(doc))
    assert info.value.code == "unknown_superseded_version"
    assert count(CriteriaSetVersion) == 0


def test_export_reimports_as_a_noop(session: Session, criteria_148: str) -> None:
    """The exported text of a stored version is the same content: importing it changes nothing."""
    exported = criteria.export_criteria_set(session, criteria_148)
    assert criteria.import_criteria_set(session, exported).entities == frozenset()


@pytest.mark.parametrize(("on", "expected"), [
    (date(2020, 6, 1), ID_2019), (date(2023, 2, 23), ID_2019), (date(2023, 2, 24), ID_148),
    (date(2030, 1, 1), ID_148), (date(2019, 8, 20), None),
])
def test_version_in_force_follows_effective_dates(session: Session, sample_148_bytes: bytes,
                                                  sample_2019_bytes: bytes, on: date, expected) -> None:
    """version_in_force picks the version whose effective dates cover the day, or None."""
    criteria.import_criteria_set(session, sample_2019_bytes)
    criteria.import_criteria_set(session, sample_148_bytes)
    version = criteria.version_in_force(session, on)
    assert (version.id if version else None) == expected
