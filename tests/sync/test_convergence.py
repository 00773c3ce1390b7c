"""Randomized convergence of offline sync: three laptops, one server, lost responses and restarts.

A hypothesis state machine lets three laptops (two logged in as the provincial admin, one as the
commune officer of the commune everything is in) create, edit and tombstone registry rows, attach
documents, submit score sheets and resolve conflicts offline, sync in any order, lose the server's
answer to a push batch ("cut") and see the server restart. Push batches and pull pages are made
small, so paging and partly acknowledged pushes happen. At the end every laptop syncs twice in
turn, and then:

* every replica equals the server (the rows in the laptop user's scope), field by field, for every
  synced entity;
* every journal entry was sent, has exactly one change-log row on the server (applied/conflict),
  and its fields are on the server unless a later change (higher server sequence) overwrote them;
* the number of conflict rows equals the number of conflicts the server answered;
* nothing a person typed is lost: each typed value is the server's value, or kept in a conflict
  row, or was overwritten later by a change with a higher server sequence.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, rule, run_state_machine_as_test
from sqlalchemy import select

from ocop_desktop.db import sync_store
from ocop_desktop.db.blobstore import BlobStore
from ocop_desktop.db.journal import device_id
from ocop_desktop.db.models import (
    ChangeJournal,
    Conflict,
    Dossier,
    DossierDocument,
    Producer,
    Product,
    ScoreSheet,
)
from ocop_desktop.db.schema import Database, open_database
from ocop_desktop.db.wire import to_wire
from ocop_desktop.domain.dossier_status import TRANSITIONS
from ocop_desktop.domain.scoring import extreme_answers
from ocop_desktop.services import councils, criteria, documents, dossiers, registry, sheets
from ocop_desktop.services.criteria import load_criteria_set
from ocop_desktop.services.errors import ServiceError
from ocop_desktop.sync import engine as sync_engine
from ocop_desktop.sync.client import ServerClient, SyncError
from ocop_desktop.sync.engine import SyncEngine, SyncReport
from ocop_desktop.sync.entities import ENTITIES
from ocop_server.models import ChangeLog, Record, RecordScope, User
from ocop_server.scope import viewer_for
from ocop_server.testing import LiveServer

PASSWORD = "mat-khau-123"
COMMUNE = "18073"
SUBGROUP = "I.1.a"
N_DEVICES = 3
USERS = ("admin", "admin", "officer")  # who is logged in on laptop 0, 1, 2
BUNDLED_148 = Path(__file__).resolve().parents[2] / "resources" / "criteria" / "sample-qd148-2023.json"

# derandomize: the same examples every run, so the strict xfail below cannot flip on luck; no shrink phase,
# because each example starts a server and three laptops (shrinking would take minutes). The failing
# run's steps are still printed.
SETTINGS = settings(max_examples=8, stateful_step_count=20, deadline=None, database=None, derandomize=True,
                    phases=(Phase.explicit, Phase.generate),
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

devices = st.integers(min_value=0, max_value=N_DEVICES - 1)


@dataclass
class Laptop:
    """One app database with its attachment store and a client logged in to the server."""

    name: str
    folder: Path
    db: Database
    blobs: BlobStore
    client: ServerClient
    device_id: str

    def sync(self) -> SyncReport:
        return SyncEngine(self.db, self.client, self.blobs).sync()

    def session(self):
        return self.db.session()


def _normal(kind: str, value: Any) -> Any:
    """A field value in one comparable form, whichever side it comes from."""
    value = to_wire(value)
    if value is None:
        return None
    if kind == "datetime":
        return datetime.fromisoformat(value)  # the server writes isoformat() without fixed microseconds
    if kind == "decimal":
        return Decimal(value)
    if kind == "float":
        return float(value)
    return value


@dataclass(frozen=True)
class Golden:
    """The state every example starts from, made once: copying files is much cheaper than Argon2 logins."""

    folder: Path  # server/ and laptop0..2/, all closed
    tokens: tuple[str, ...]
    members: tuple[str, ...]
    evaluation: str
    baseline: tuple[str, ...]  # producer, product, dossier known to every laptop


def _open_laptop(folder: Path, url: str, token: str | None = None) -> Laptop:
    db = open_database(folder / "ocop.sqlite3")
    with db.session() as s:
        dev = device_id(s)
    client = ServerClient(url, dev, token, retries=3, backoff=0.01, max_backoff=0.05)
    return Laptop(folder.name, folder, db, BlobStore(folder / "attachments"), client, dev)


def _close(server: LiveServer | None, laptops: list[Laptop]) -> None:
    for laptop in laptops:
        laptop.client.close()
        laptop.db.close()
    if server is not None:
        server.stop()


def build_golden(folder: Path, template: Path, criteria_bytes: bytes) -> Golden:
    """A server with the admin, three laptops logged in, and (made on laptop 0, synced to all) the criteria,
    a council with two scoring members, an evaluation session and one producer/product/dossier."""
    server = LiveServer(folder / "server").start()
    laptops: list[Laptop] = []
    try:
        server.create_user("admin", PASSWORD, "admin", full_name="Quản trị tỉnh")
        server.create_user("officer", PASSWORD, "commune_officer", full_name="Cán bộ xã", commune_codes=[COMMUNE])
        for i, username in enumerate(USERS):
            (folder / f"laptop{i}").mkdir()
            shutil.copy(template, folder / f"laptop{i}" / "ocop.sqlite3")
            laptops.append(_open_laptop(folder / f"laptop{i}", server.url))
            laptops[-1].client.login(username, PASSWORD, f"laptop{i}")
        assert len({lt.device_id for lt in laptops}) == N_DEVICES, "copied databases share a device id"
        first = laptops[0]
        with first.session() as s:
            criteria_id = criteria.import_criteria_set(s, criteria_bytes).id
            s.commit()
        with first.session() as s:
            council = councils.create_council(s, name="Hội đồng OCOP tỉnh", admin_unit_code=COMMUNE,
                                              criteria_set_id=criteria_id).id
            s.commit()
        members = []
        for name, role in (("Nguyễn Văn Chủ Tịch", "chair"), ("Trần Thị Thành Viên", "member")):
            with first.session() as s:
                members.append(councils.add_member(s, council_id=council, full_name=name, role=role).id)
                s.commit()
        with first.session() as s:
            evaluation = councils.open_evaluation(s, council_id=council, criteria_set_id=criteria_id).id
            s.commit()
        # A producer, product and dossier every laptop knows from the start, so edits collide early.
        with first.session() as s:
            producer = registry.create_producer(s, name="HTX Chè Tân Cương", kind="cooperative",
                                                commune_code=COMMUNE).id
            product = registry.create_product(s, producer_id=producer, name="Chè búp", subgroup_code=SUBGROUP).id
            dossier = dossiers.create_dossier(s, product_id=product).id
            s.commit()
        for laptop in laptops:
            report = laptop.sync()
            assert report.rejected == report.conflicts == 0
        return Golden(folder, tuple(lt.client.token for lt in laptops), tuple(members), evaluation,
                      (producer, product, dossier))
    finally:
        _close(server, laptops)


class SyncMachine(RuleBasedStateMachine):
    def __init__(self, golden: Golden):
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp(prefix="ocop-convergence-"))
        self.laptops: list[Laptop] = []
        self.server: LiveServer | None = None
        self.counter = 0
        self.typed: list[tuple[int, str, str, str, Any]] = []  # (device, entity, id, field, wire value)
        self.reported_conflicts = 0
        self.members, self.evaluation, self.baseline = golden.members, golden.evaluation, golden.baseline
        self.born: dict[str, int] = {row_id: i for i, row_id in enumerate(golden.baseline)}  # id -> creation order
        self.failed = False
        try:
            shutil.copytree(golden.folder, self.tmp, dirs_exist_ok=True)
            self.server = LiveServer(self.tmp / "server").start()
            for i, token in enumerate(golden.tokens):
                self.laptops.append(_open_laptop(self.tmp / f"laptop{i}", self.server.url, token))
        except BaseException:
            self._cleanup()
            raise

    # ---- setup and teardown -------------------------------------------------------------------

    def _cleanup(self) -> None:
        _close(self.server, self.laptops)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def teardown(self) -> None:
        try:
            # Only a run whose steps all passed is checked (otherwise the step's own error is the report).
            if sys.exc_info()[0] is None and not self.failed:
                self._final_check()
        finally:
            self._cleanup()

    # ---- helpers ------------------------------------------------------------------------------

    def _next(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix} {self.counter}"

    def _sync(self, laptop: Laptop) -> SyncReport:
        report = laptop.sync()
        self.reported_conflicts += report.conflicts
        return report

    def _alive(self, dev: int, model) -> list[str]:
        # In creation order, not by (random) UUID, so that a replayed example picks the same rows.
        with self.laptops[dev].session() as s:
            return sorted(s.scalars(select(model.id).where(model.deleted.is_(False))), key=self.born.__getitem__)

    def _pick(self, data, dev: int, model) -> str | None:
        ids = self._alive(dev, model)
        return data.draw(st.sampled_from(ids), label=model.__tablename__) if ids else None

    def _act(self, dev: int, action) -> bool:
        """One user action, one transaction; a refusal by the service is a no-op (rolled back)."""
        with self.laptops[dev].session() as s:
            try:
                action(s)
            except ServiceError:
                s.rollback()
                return False
            s.commit()
        return True

    def _type(self, dev: int, entity: str, row_id: str, **values) -> None:
        self.born.setdefault(row_id, len(self.born))
        for name, value in values.items():
            self.typed.append((dev, entity, row_id, name, to_wire(value)))

    # ---- rules: what people do offline --------------------------------------------------------

    @rule(dev=devices)
    def create_producer(self, dev):
        name, phone = self._next("HTX"), f"09{self.counter:08d}"
        made = {}

        def act(s):
            made["id"] = registry.create_producer(s, name=name, kind="cooperative", commune_code=COMMUNE,
                                                  phone=phone).id
        if self._act(dev, act):
            self._type(dev, "producers", made["id"], name=name, phone=phone)

    @rule(dev=devices, data=st.data())
    def create_product(self, dev, data):
        producer = self._pick(data, dev, Producer)
        if producer is None:
            return
        name = self._next("Sản phẩm")
        made = {}

        def act(s):
            made["id"] = registry.create_product(s, producer_id=producer, name=name, subgroup_code=SUBGROUP).id
        if self._act(dev, act):
            self._type(dev, "products", made["id"], name=name)

    @rule(dev=devices, data=st.data())
    def create_dossier(self, dev, data):
        product = self._pick(data, dev, Product)
        if product is None:
            return
        notes = self._next("Ghi chú")
        made = {}

        def act(s):
            made["id"] = dossiers.create_dossier(s, product_id=product, notes=notes).id
        if self._act(dev, act):
            self._type(dev, "dossiers", made["id"], notes=notes)

    @rule(dev=devices, data=st.data())
    def attach_document(self, dev, data):
        dossier = self._pick(data, dev, Dossier)
        if dossier is None:
            return
        title = self._next("Giấy tờ")
        path = self.tmp / f"doc-{self.counter}.pdf"
        path.write_bytes(f"%PDF-1.4 {title}".encode())
        made = {}

        def act(s):
            made["id"] = documents.attach_document(s, self.laptops[dev].blobs, dossier_id=dossier, file_path=path,
                                                   doc_type="other", title=title).id
        if self._act(dev, act):
            self._type(dev, "dossier_documents", made["id"], title=title)

    @rule(dev=devices, data=st.data(),
          what=st.sampled_from(["producer.name", "producer.phone", "producer.address", "product.name",
                                "product.description", "dossier.notes", "dossier.status"]))
    def edit(self, dev, data, what):
        kind, name = what.split(".")
        model = {"producer": Producer, "product": Product, "dossier": Dossier}[kind]
        row_id = self._pick(data, dev, model)
        if row_id is None:
            return
        if name == "status":
            with self.laptops[dev].session() as s:
                current = s.get(Dossier, row_id).status
            targets = TRANSITIONS[current]
            if not targets:
                return
            value = data.draw(st.sampled_from(targets), label="target")
        elif name == "phone":
            value = f"08{self.counter:08d}"
            self.counter += 1
        else:
            value = self._next(f"{kind}-{name}-d{dev}")

        def act(s):
            if kind == "producer":
                registry.update_producer(s, row_id, **{name: value})
            elif kind == "product":
                registry.update_product(s, row_id, **{name: value})
            elif name == "notes":
                dossiers.update_dossier(s, row_id, notes=value)
            else:
                dossiers.change_dossier_status(s, row_id, value)
        if self._act(dev, act):
            self._type(dev, model.__tablename__, row_id, **{name: value})

    @rule(dev=devices, field=st.sampled_from(["producers.name", "dossiers.notes"]))
    def edit_shared(self, dev, field):
        """An edit of a row every laptop has known since the start: where concurrent edits collide."""
        entity, name = field.split(".")
        row_id = self.baseline[0 if entity == "producers" else 2]
        value = self._next(f"{entity}-{name}-d{dev}")

        def act(s):
            if entity == "producers":
                registry.update_producer(s, row_id, name=value)
            else:
                dossiers.update_dossier(s, row_id, notes=value)
        if self._act(dev, act):
            self._type(dev, entity, row_id, **{name: value})

    @rule(dev=devices, data=st.data(), producer=st.booleans())
    def tombstone(self, dev, data, producer):
        if producer:
            row_id = self._pick(data, dev, Producer)
            if row_id is None:
                return

            def act(s):
                s.get(Producer, row_id).deleted = True  # an ORM edit: the journal records op "delete"
            if self._act(dev, act):
                self._type(dev, "producers", row_id, deleted=True)
        else:
            row_id = self._pick(data, dev, DossierDocument)
            if row_id is None:
                return
            if self._act(dev, lambda s: dossiers.delete_document(s, row_id)):
                self._type(dev, "dossier_documents", row_id, deleted=True)

    @rule(dev=st.sampled_from([i for i, u in enumerate(USERS) if u == "admin"]), data=st.data(),
          member=st.integers(0, 1), best=st.booleans())
    def submit_sheet(self, dev, data, member, best):
        """An evaluator's sheet, typed in and submitted on an admin's laptop (the officer sees no council)."""
        dossier = self._pick(data, dev, Dossier)
        if dossier is None:
            return

        def act(s):
            sheet = sheets.start_sheet(s, dossier_id=dossier, member_id=self.members[member],
                                       evaluation_id=self.evaluation).id
            s.flush()
            sheet_row = s.get(ScoreSheet, sheet)
            product_set = load_criteria_set(s, sheet_row.criteria_set_id).product_set(sheet_row.product_set_code)
            sheets.record_answers(s, sheet_id=sheet, answers=extreme_answers(product_set, best))
            sheets.submit_sheet(s, sheet_id=sheet)
        self._act(dev, act)

    @rule(dev=devices)
    def sync(self, dev):
        self._sync(self.laptops[dev])

    @rule(dev=devices, after=st.integers(0, 1))
    def cut(self, dev, after):
        """The server applies a push batch, but its answer never reaches the laptop (earlier batches' did)."""
        laptop = self.laptops[dev]
        real_push = laptop.client.push
        calls = []

        def lost_answer(changes):
            response = real_push(changes)
            calls.append(len(changes))
            if len(calls) > after:
                raise SyncError("network", "connection reset after the server answered", retryable=True)
            return response
        laptop.client.push = lost_answer
        try:
            self._sync(laptop)
        except SyncError as exc:
            assert exc.code == "network" and len(calls) == after + 1, exc
        else:
            assert len(calls) <= after, "the sync went on after a lost push answer"
        finally:
            laptop.client.push = real_push

    def _open_conflicts(self, dev: int) -> list[str]:
        # In server order, not by (random) UUID, so that a replayed example picks the same conflict.
        with self.laptops[dev].session() as s:
            return list(s.scalars(select(Conflict.id).where(Conflict.status == "open", Conflict.deleted.is_(False))
                                  .order_by(Conflict.server_version, Conflict.created_at)))

    def _resolve(self, dev: int, conflict_id: str, keep_device: bool) -> None:
        """A person picks one of the two kept values; the resolution is itself a change."""
        typed = {}
        with self.laptops[dev].session() as s:
            conflict = s.get(Conflict, conflict_id)
            if conflict is None or conflict.status != "open":
                return
            chosen = json.loads(conflict.device_value if keep_device else conflict.server_value)
            target = s.get(sync_store.models()[conflict.entity], conflict.entity_id)
            if conflict.entity in ("producers", "products", "dossiers", "dossier_documents") and target is not None:
                value = sync_store.from_wire(ENTITIES[conflict.entity].fields[conflict.field], chosen)
                if getattr(target, conflict.field) != value:
                    setattr(target, conflict.field, value)
                    typed[(conflict.entity, target.id, conflict.field)] = chosen
            conflict.status = "resolved"
            conflict.resolution = json.dumps(chosen, ensure_ascii=False)
            typed[("conflicts", conflict.id, "status")] = "resolved"
            typed[("conflicts", conflict.id, "resolution")] = conflict.resolution
            s.commit()
        for (entity, row_id, name), value in typed.items():
            self.typed.append((dev, entity, row_id, name, value))

    @rule(dev=devices, data=st.data(), keep_device=st.booleans())
    def resolve_conflict(self, dev, data, keep_device):
        open_ids = self._open_conflicts(dev)
        if open_ids:
            self._resolve(dev, data.draw(st.sampled_from(open_ids), label="conflict"), keep_device)

    @rule()
    def restart(self):
        self.server.restart()

    # ---- the final check ----------------------------------------------------------------------

    def _server_state(self):
        with self.server.app.state.sessions() as s:
            records = {(r.entity, r.id): (json.loads(r.data), json.loads(r.field_seq), r.version, r.deleted)
                       for r in s.scalars(select(Record))}
            logs = {c.change_id: (c.status, c.seq, json.loads(c.result), c.entity, c.entity_id)
                    for c in s.scalars(select(ChangeLog))}
        return records, logs

    def _visible(self, username: str) -> set[tuple[str, str]] | None:
        """The rows a user's laptop may hold (None: all of them, for an admin), as the server scopes them."""
        with self.server.app.state.sessions() as s:
            viewer = viewer_for(s, s.scalar(select(User).where(User.username == username)))
            if viewer.is_admin:
                return None
            return set(s.execute(select(RecordScope.entity, RecordScope.id).where(RecordScope.key.in_(viewer.keys))))

    def _final_check(self) -> None:
        self._settle_and_check()
        # Then people resolve every open conflict (on different laptops, keeping either value), and
        # the resolutions converge too.
        for i, conflict_id in enumerate(self._open_conflicts(0)):
            self._resolve(i % N_DEVICES, conflict_id, keep_device=i % 2 == 0)
        self._settle_and_check()

    def _settle_and_check(self) -> None:
        for _ in range(2):
            for laptop in self.laptops:
                self._sync(laptop)
        records, logs = self._server_state()
        conflict_rows = {rid: data for (entity, rid), (data, *_rest) in records.items() if entity == "conflicts"}

        def kept_in_conflict(entity, row_id, field, value) -> bool:
            return any(c["entity"] == entity and c["entity_id"] == row_id and c["field"] == field
                       and value in (json.loads(c["device_value"]), json.loads(c["server_value"]))
                       for c in conflict_rows.values())

        journals: list[list[ChangeJournal]] = []
        for laptop in self.laptops:
            with laptop.session() as s:
                journals.append(list(s.scalars(select(ChangeJournal).order_by(ChangeJournal.seq))))
                s.expunge_all()

        # No change stays behind, none is refused, none is duplicated.
        all_ids = [e.change_id for entries in journals for e in entries]
        assert len(all_ids) == len(set(all_ids)), "two journal entries share a change id"
        for laptop, entries in zip(self.laptops, journals, strict=True):
            stuck = [(e.entity, e.op, e.status, e.reason) for e in entries if e.status != "sent"]
            assert not stuck, f"{laptop.name}: journal entries not accepted after the final syncs: {stuck}"
        assert set(all_ids) <= set(logs), "a sent change has no change-log row on the server"

        # Every accepted change is reflected on the server unless a later change overwrote it.
        for entries in journals:
            for e in entries:
                status, seq, result, entity, entity_id = logs[e.change_id]
                assert status in ("applied", "conflict"), (e.entity, e.op, status, result)
                assert (entity, entity_id) == (e.entity, e.entity_id)
                data, field_seq, _version, _deleted = records[(e.entity, e.entity_id)]
                conflicted = {c["field"] for c in result["conflicts"]}
                for name, (_old, new) in json.loads(e.fields_json).items():
                    if name in conflicted:
                        assert kept_in_conflict(e.entity, e.entity_id, name, new), (e.entity, name, new)
                    else:
                        assert data.get(name) == new or field_seq.get(name, 0) > seq, (
                            f"{e.entity}.{name}={new!r} (change seq {seq}) is lost: the server has "
                            f"{data.get(name)!r} (field seq {field_seq.get(name)})")

        # One conflict row per conflict the server answered, and each was reported once to a laptop.
        answered = sum(len(result["conflicts"]) for _s, _q, result, _e, _i in logs.values())
        assert len(conflict_rows) == answered
        assert self.reported_conflicts == answered

        # Nothing a person typed is lost.
        for dev, entity, row_id, name, value in self.typed:
            data, field_seq, _version, _deleted = records[(entity, row_id)]
            carriers = [e for e in journals[dev] if e.entity_id == row_id
                        and json.loads(e.fields_json).get(name, [None, object()])[1] == value]
            assert carriers, f"device {dev} typed {entity}.{name}={value!r} but its journal has no such change"
            seq = logs[carriers[-1].change_id][1]
            assert (data.get(name) == value or kept_in_conflict(entity, row_id, name, value)
                    or field_seq.get(name, 0) > seq), (
                f"device {dev} typed {entity}.{name}={value!r}: the server has {data.get(name)!r}, "
                f"no conflict keeps it and nothing overwrote it later")

        # Every replica equals the server, field by field ('updated_at' is bumped locally by each device).
        for username, laptop in zip(USERS, self.laptops, strict=True):
            visible = self._visible(username)
            server_rows: dict[str, dict[str, dict]] = {}
            for (entity, rid), (data, *_rest) in records.items():
                if visible is None or (entity, rid) in visible:
                    server_rows.setdefault(entity, {})[rid] = data
            with laptop.session() as s:
                for entity, model in sync_store.models().items():
                    spec = ENTITIES[entity]
                    names = sorted(n for n in spec.fields if n != "updated_at")
                    local = {o.id: {n: _normal(spec.fields[n], getattr(o, n)) for n in names}
                             for o in s.scalars(select(model))}
                    remote = {rid: {n: _normal(spec.fields[n], d.get(n)) for n in names}
                              for rid, d in server_rows.get(entity, {}).items()}
                    assert local.keys() == remote.keys(), (
                        f"{laptop.name}: {entity} rows differ: only here {sorted(local.keys() - remote.keys())}, "
                        f"only on the server {sorted(remote.keys() - local.keys())}")
                    for rid in local:
                        diff = {n: (local[rid][n], remote[rid][n]) for n in names if local[rid][n] != remote[rid][n]}
                        assert not diff, f"{laptop.name}: {entity} {rid} differs (laptop, server): {diff}"


def test_offline_sync_converges(template_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Small batches and pages: a push answered in part, a pull over several pages, in a few steps.
    monkeypatch.setattr(sync_engine, "PUSH_BATCH", 5)
    monkeypatch.setattr(sync_engine, "PULL_PAGE", 7)
    golden = build_golden(tmp_path / "golden", template_db, BUNDLED_148.read_bytes())
    run_state_machine_as_test(lambda: SyncMachine(golden), settings=SETTINGS)
