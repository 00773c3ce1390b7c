"""A database saved by every schema revision (tests/db/data, made by make_saved_db.py) opens on today's schema
intact."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections import Counter
from collections.abc import Iterator
from contextlib import closing
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.db.models import (
    ChangeJournal,
    Council,
    CouncilMember,
    CouncilResult,
    CriteriaSetVersion,
    Dossier,
    LocalMeta,
    Producer,
    Product,
    ScoreLine,
    ScoreSheet,
)
from ocop_desktop.db.schema import Database, current_revision, head_revision, known_revisions, open_database
from ocop_desktop.services import councils, criteria, registry, sheets
from ocop_desktop.services.errors import ServiceError

DATA = Path(__file__).resolve().parent / "data"
SAVED_REVISIONS = sorted(path.stem.removeprefix("schema_") for path in DATA.glob("schema_*.sqlite3"))
# The rows every saved file holds; files from 0004 on also hold an approved result (make_saved_db.py).
BASE_ROWS = ("criteria", "producer", "product", "dossier", "council", "member", "sheet", "line")
CRITERIA_HASH = "7045e84d37d7e46cf4af8028b9495334c93b3de9c70af02ccc313cebc5659980"


def _saved_file(revision: str) -> Path:
    return DATA / f"schema_{revision}.sqlite3"


def _manifest(revision: str) -> dict[str, str]:
    """The ids make_saved_db.py gave the rows it wrote (fixed, except where the code derives them)."""
    return json.loads(_saved_file(revision).with_suffix(".json").read_text(encoding="utf-8"))


# Since 0004: a second dossier whose council result was approved, and by whom.
APPROVED_REVISIONS = [revision for revision in SAVED_REVISIONS if "result" in _manifest(revision)]
# Since 0006: a producer whose position says how it was found.
LOCATED_REVISIONS = [revision for revision in SAVED_REVISIONS if "located_producer" in _manifest(revision)]


def test_every_revision_has_a_saved_database() -> None:
    """Each migration in versions/ has a saved database and its id manifest: a new migration fails here
    until make_saved_db.py has saved what it writes."""
    missing = sorted(revision for revision in known_revisions()
                     if not (_saved_file(revision).exists() and _saved_file(revision).with_suffix(".json").exists()))
    assert missing == [], f"no saved database for {missing}: run .venv/bin/python tests/db/make_saved_db.py"


@pytest.mark.parametrize("revision", SAVED_REVISIONS)
def test_saved_file_holds_its_own_revision(revision: str, tmp_path: Path) -> None:
    """Each saved file is still what its revision wrote, not a newer file saved under an older name."""
    copy = tmp_path / "copy.sqlite3"
    shutil.copy(_saved_file(revision), copy)
    with closing(sqlite3.connect(copy)) as con:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (revision,)
    assert _manifest(revision)["revision"] == revision


@pytest.fixture(scope="module", params=SAVED_REVISIONS)
def upgraded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, SimpleNamespace]:
    """A saved file upgraded once per revision, with the ids of its rows; each test works on a copy."""
    path = tmp_path_factory.mktemp(f"saved_{request.param}") / "ocop.sqlite3"
    shutil.copy(_saved_file(request.param), path)
    open_database(path).close()
    return path, SimpleNamespace(**_manifest(request.param))


@pytest.fixture
def ids(upgraded: tuple[Path, SimpleNamespace]) -> SimpleNamespace:
    return upgraded[1]


@pytest.fixture
def saved(upgraded: tuple[Path, SimpleNamespace], tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "ocop.sqlite3"
    shutil.copy(upgraded[0], path)
    db = open_database(path)
    yield db
    db.close()


@pytest.fixture
def session(saved: Database) -> Iterator[Session]:
    s = saved.session()
    yield s
    s.close()


def test_saved_database_opens_at_head(saved: Database) -> None:
    """The saved file is accepted and ends at the newest revision."""
    assert current_revision(saved.engine) == head_revision()


def test_producer_text_is_intact(session: Session, ids: SimpleNamespace) -> None:
    """The producer's Vietnamese name, address, representative and phone read back unchanged."""
    p = session.get(Producer, ids.producer)
    assert (p.name, p.kind, p.commune_code) == ("Hợp tác xã Nước mắm Phú Khương", "cooperative", "18073")
    assert p.address == "Thôn Phú Khương, phường Thành Sen"
    assert p.representative == "Nguyễn Thị Hằng"
    assert p.phone == "0239 3856 123"
    assert p.deleted is False


def test_product_and_dossier_are_intact(session: Session, ids: SimpleNamespace) -> None:
    """The product and its dossier keep their links and Vietnamese text."""
    product = session.get(Product, ids.product)
    dossier = session.get(Dossier, ids.dossier)
    assert (product.producer_id, product.name, product.subgroup_code) == (
        ids.producer, "Nước mắm cá cơm Phú Khương", "I.1.a")
    assert product.description == "Ủ chượp truyền thống 12 tháng trong thùng gỗ"
    assert (dossier.product_id, dossier.code, dossier.status, dossier.kind) == (
        ids.product, "HS-2025-0001", "draft", "new")
    assert dossier.notes == "Hồ sơ đánh giá lần đầu — đủ giấy tờ"


def test_council_and_member_are_intact(session: Session, ids: SimpleNamespace) -> None:
    """The council and its chair read back with their names."""
    assert session.get(Council, ids.council).name == "Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Hà Tĩnh"
    member = session.get(CouncilMember, ids.member)
    assert (member.council_id, member.full_name, member.role) == (ids.council, "Trần Văn Đức", "chair")


def test_criteria_version_still_loads(session: Session, ids: SimpleNamespace) -> None:
    """The imported criteria version keeps its hash and still parses into the same set."""
    version = session.get(CriteriaSetVersion, ids.criteria)
    assert version.content_hash == CRITERIA_HASH
    assert criteria.load_criteria_set(session, ids.criteria).code == "SAMPLE-QD148-2023"


def test_sheet_and_line_are_intact(session: Session, ids: SimpleNamespace) -> None:
    """The draft sheet keeps its pinned version, snapshot total and its one answered line."""
    sheet = session.get(ScoreSheet, ids.sheet)
    assert (sheet.dossier_id, sheet.member_id, sheet.status) == (ids.dossier, ids.member, "draft")
    assert (sheet.criteria_set_id, sheet.criteria_hash) == (ids.criteria, CRITERIA_HASH)
    assert (sheet.total, sheet.stars) == (Decimal("5"), 1)
    line = session.get(ScoreLine, ids.line)
    assert (line.sheet_id, line.criterion_code, line.option_code, line.points) == (
        ids.sheet, "A.1.1", "d", Decimal("5"))
    assert line.comment == "Nguyên liệu địa phương từ 75% trở lên"


def test_journal_entries_are_intact(session: Session, ids: SimpleNamespace) -> None:
    """The journal still holds every entry the saved session wrote for its rows, by entity and op."""
    base = [getattr(ids, row) for row in BASE_ROWS]
    counts = Counter(session.execute(select(ChangeJournal.entity, ChangeJournal.op)
                                     .where(ChangeJournal.entity_id.in_(base))).all())
    assert counts == Counter({
        ("criteria_set_versions", "insert"): 1, ("producers", "insert"): 1, ("producers", "update"): 1,
        ("products", "insert"): 1, ("dossiers", "insert"): 1, ("councils", "insert"): 1,
        ("council_members", "insert"): 1, ("score_sheets", "insert"): 1, ("score_sheets", "update"): 1,
        ("score_lines", "insert"): 1,
    })


def test_journal_text_is_intact(session: Session, ids: SimpleNamespace) -> None:
    """The producer's journal entries keep their Vietnamese values and the saved device id."""
    rows = session.scalars(select(ChangeJournal).where(ChangeJournal.entity_id == ids.producer)
                           .order_by(ChangeJournal.seq)).all()
    assert [r.op for r in rows] == ["insert", "update"]
    assert json.loads(rows[0].fields_json)["name"] == [None, "Hợp tác xã Nước mắm Phú Khương"]
    assert json.loads(rows[1].fields_json) == {"phone": ["", "0239 3856 123"]}
    assert {r.device_id for r in rows} == {ids.device}


def test_new_writes_keep_the_saved_device_id(session: Session, ids: SimpleNamespace) -> None:
    """An edit after the upgrade is journaled under the device id stored in local_meta."""
    assert session.get(LocalMeta, "device_id").value == ids.device
    registry.update_producer(session, ids.producer, name="HTX Nước mắm Phú Khương")
    last = session.scalars(select(ChangeJournal).order_by(ChangeJournal.seq.desc())).first()
    assert (last.entity_id, last.op, last.device_id) == (ids.producer, "update", ids.device)


def test_saved_draft_can_still_be_scored(session: Session, ids: SimpleNamespace) -> None:
    """The saved draft accepts another answer and its total adds up on the pinned version."""
    sheets.record_answer(session, sheet_id=ids.sheet, criterion="A.1.2", option="c")
    assert session.get(ScoreSheet, ids.sheet).total == Decimal("8")


@pytest.mark.parametrize("upgraded", APPROVED_REVISIONS, indirect=True)
def test_an_approved_result_keeps_its_approver_and_figures(session: Session, ids: SimpleNamespace) -> None:
    """The approved result keeps who approved it, when, and the council's figures."""
    result = session.get(CouncilResult, ids.result)
    assert (result.session_id, result.dossier_id) == (ids.evaluation, ids.approved_dossier)
    assert (result.approved_by, result.approved_at is not None) == (ids.approver, True)
    assert (result.n_sheets, result.mean_total, result.final_stars, result.recommendation) == (
        1, Decimal("100"), 5, "forward_central")
    assert session.get(ScoreSheet, ids.approved_sheet).status == "submitted"


@pytest.mark.parametrize("upgraded", APPROVED_REVISIONS, indirect=True)
def test_an_approved_result_stays_locked(session: Session, ids: SimpleNamespace) -> None:
    """After the upgrade the approved result still refuses to be recomputed, and its sheet to be edited."""
    with pytest.raises(ServiceError) as refused:
        councils.compute_council_result(session, evaluation_id=ids.evaluation, dossier_id=ids.approved_dossier)
    assert refused.value.code == "result_approved"
    with pytest.raises(ServiceError) as refused:
        sheets.record_answer(session, sheet_id=ids.approved_sheet, criterion="A.1.1", option="d")
    assert refused.value.code == "sheet_submitted"


@pytest.mark.parametrize("upgraded", LOCATED_REVISIONS, indirect=True)
def test_a_located_producer_keeps_how_its_position_was_found(session: Session, ids: SimpleNamespace) -> None:
    """The position picked on the map keeps its accuracy and its source after the upgrade."""
    p = session.get(Producer, ids.located_producer)
    assert (p.lat, p.lon, p.location_accuracy_m, p.location_source) == (18.340215, 105.906148, 12.5, "map")
