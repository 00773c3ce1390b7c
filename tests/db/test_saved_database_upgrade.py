"""A database saved by revision 0001 (tests/db/data, made by make_saved_db.py) opens on today's schema intact."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.db.models import (
    ChangeJournal,
    Council,
    CouncilMember,
    CriteriaSetVersion,
    Dossier,
    LocalMeta,
    Producer,
    Product,
    ScoreLine,
    ScoreSheet,
)
from ocop_desktop.db.schema import Database, current_revision, head_revision, open_database
from ocop_desktop.services import criteria, registry, sheets

SAVED = Path(__file__).resolve().parent / "data" / "schema_0001.sqlite3"


def _fixed(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


DEVICE, PRODUCER, PRODUCT, DOSSIER, COUNCIL, MEMBER, SHEET, LINE = (_fixed(n) for n in range(1, 9))
CRITERIA = "8f3c2a10-0000-4000-8000-000000000148"
CRITERIA_HASH = "7045e84d37d7e46cf4af8028b9495334c93b3de9c70af02ccc313cebc5659980"


@pytest.fixture
def saved(tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "ocop.sqlite3"
    shutil.copy(SAVED, path)
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


def test_producer_text_is_intact(session: Session) -> None:
    """The producer's Vietnamese name, address, representative and phone read back unchanged."""
    p = session.get(Producer, PRODUCER)
    assert (p.name, p.kind, p.commune_code) == ("Hợp tác xã Nước mắm Phú Khương", "cooperative", "18073")
    assert p.address == "Thôn Phú Khương, phường Thành Sen"
    assert p.representative == "Nguyễn Thị Hằng"
    assert p.phone == "0239 3856 123"
    assert p.deleted is False


def test_product_and_dossier_are_intact(session: Session) -> None:
    """The product and its dossier keep their links and Vietnamese text."""
    product = session.get(Product, PRODUCT)
    dossier = session.get(Dossier, DOSSIER)
    assert (product.producer_id, product.name, product.subgroup_code) == (
        PRODUCER, "Nước mắm cá cơm Phú Khương", "I.1.a")
    assert product.description == "Ủ chượp truyền thống 12 tháng trong thùng gỗ"
    assert (dossier.product_id, dossier.code, dossier.status, dossier.kind) == (PRODUCT, "HS-2025-0001", "draft", "new")
    assert dossier.notes == "Hồ sơ đánh giá lần đầu — đủ giấy tờ"


def test_council_and_member_are_intact(session: Session) -> None:
    """The council and its chair read back with their names."""
    assert session.get(Council, COUNCIL).name == "Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Hà Tĩnh"
    member = session.get(CouncilMember, MEMBER)
    assert (member.council_id, member.full_name, member.role) == (COUNCIL, "Trần Văn Đức", "chair")


def test_criteria_version_still_loads(session: Session) -> None:
    """The imported criteria version keeps its hash and still parses into the same set."""
    version = session.get(CriteriaSetVersion, CRITERIA)
    assert version.content_hash == CRITERIA_HASH
    assert criteria.load_criteria_set(session, CRITERIA).code == "SAMPLE-QD148-2023"


def test_sheet_and_line_are_intact(session: Session) -> None:
    """The draft sheet keeps its pinned version, snapshot total and its one answered line."""
    sheet = session.get(ScoreSheet, SHEET)
    assert (sheet.dossier_id, sheet.member_id, sheet.status) == (DOSSIER, MEMBER, "draft")
    assert (sheet.criteria_set_id, sheet.criteria_hash) == (CRITERIA, CRITERIA_HASH)
    assert (sheet.total, sheet.stars) == (Decimal("5"), 1)
    line = session.get(ScoreLine, LINE)
    assert (line.sheet_id, line.criterion_code, line.option_code, line.points) == (SHEET, "A.1.1", "d", Decimal("5"))
    assert line.comment == "Nguyên liệu địa phương từ 75% trở lên"


def test_journal_entries_are_intact(session: Session) -> None:
    """The journal still holds every entry the saved session wrote, by entity and op."""
    counts = Counter(session.execute(select(ChangeJournal.entity, ChangeJournal.op)).all())
    assert counts == Counter({
        ("criteria_set_versions", "insert"): 1, ("producers", "insert"): 1, ("producers", "update"): 1,
        ("products", "insert"): 1, ("dossiers", "insert"): 1, ("councils", "insert"): 1,
        ("council_members", "insert"): 1, ("score_sheets", "insert"): 1, ("score_sheets", "update"): 1,
        ("score_lines", "insert"): 1,
    })


def test_journal_text_is_intact(session: Session) -> None:
    """The producer's journal entries keep their Vietnamese values and the saved device id."""
    rows = session.scalars(select(ChangeJournal).where(ChangeJournal.entity_id == PRODUCER)
                           .order_by(ChangeJournal.seq)).all()
    assert [r.op for r in rows] == ["insert", "update"]
    assert json.loads(rows[0].fields_json)["name"] == [None, "Hợp tác xã Nước mắm Phú Khương"]
    assert json.loads(rows[1].fields_json) == {"phone": ["", "0239 3856 123"]}
    assert {r.device_id for r in rows} == {DEVICE}


def test_new_writes_keep_the_saved_device_id(session: Session) -> None:
    """An edit after the upgrade is journaled under the device id stored in local_meta."""
    assert session.get(LocalMeta, "device_id").value == DEVICE
    registry.update_producer(session, PRODUCER, name="HTX Nước mắm Phú Khương")
    last = session.scalars(select(ChangeJournal).order_by(ChangeJournal.seq.desc())).first()
    assert (last.entity_id, last.op, last.device_id) == (PRODUCER, "update", DEVICE)


def test_saved_draft_can_still_be_scored(session: Session) -> None:
    """The saved draft accepts another answer and its total adds up on the pinned version."""
    sheets.record_answer(session, sheet_id=SHEET, criterion="A.1.2", option="c")
    assert session.get(ScoreSheet, SHEET).total == Decimal("8")
