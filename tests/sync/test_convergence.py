"""Randomized convergence of offline sync: three laptops, one server, lost responses and restarts.

A hypothesis state machine lets three laptops (two logged in as the provincial admin, one as the
commune officer of the commune everything is in) create, edit and tombstone registry rows, attach
documents, submit score sheets and resolve conflicts offline, edit while a sync runs, sync in any
order, lose the server's answer to a push batch ("cut") and see the server restart. Push batches
and pull pages are made small, so paging and partly acknowledged pushes happen. At the end every
laptop syncs twice in turn, then every open conflict is resolved and all sync twice again; each
time:

* every replica equals the server (the rows in the laptop user's scope), field by field, for every
  synced entity;
* no journal entry is pending; each has exactly one change-log row on the server (applied or
  conflict; the only refusal allowed is the frozen-sheet rule), and its fields are on the server
  unless a later change (higher server sequence) overwrote them;
* the number of conflict rows equals the number of conflicts the server answered and the number
  the laptops' sync history shows;
* nothing a person typed is lost: each typed value is the server's value, or kept in a conflict
  row, or was overwritten later by a change with a higher server sequence.

The tests after the machine pin, deterministically, the bugs it found (all fixed since).
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, rule, run_state_machine_as_test
from sqlalchemy import func, select

from ocop_core.domain.dossier_status import TRANSITIONS
from ocop_core.domain.scoring import extreme_answers
from ocop_core.entities import ENTITIES
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
    SyncRun,
)
from ocop_desktop.db.schema import Database, open_database
from ocop_desktop.db.wire import to_wire
from ocop_desktop.services import councils, criteria, documents, dossiers, registry, sheets
from ocop_desktop.services.criteria import load_criteria_set
from ocop_desktop.services.errors import ServiceError
from ocop_desktop.sync import engine as sync_engine
from ocop_desktop.sync.client import ServerClient, SyncError
from ocop_desktop.sync.engine import SyncEngine, SyncReport
from ocop_server.models import ChangeLog, Record, RecordScope, User
from ocop_server.scope import viewer_for
from ocop_server.testing import LiveServer

PASSWORD = "mat-khau-123"
COMMUNE = "18073"
SUBGROUP = "I.1.a"
N_DEVICES = 3
USERS = ("admin", "admin", "officer")  # who is logged in on laptop 0, 1, 2
BUNDLED_148 = Path(__file__).resolve().parents[2] / "resources" / "criteria" / "sample-qd148-2023.json"

# derandomize: the same examples on every run, so the build's colour never depends on luck (run the machine
# with derandomize=False and more steps to hunt); no shrink phase, because each example starts a server and
# three laptops (shrinking would take minutes). A failing run's steps are still printed.
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
    criteria_id: str
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


def _sqlite_url(folder: Path) -> str:
    # Always SQLite, also in the PostgreSQL run: every example starts from a copy of the golden server's
    # file, which a database schema cannot be copied like.
    return f"sqlite:///{folder / 'server' / 'server.sqlite3'}"


def build_golden(folder: Path, template: Path, criteria_bytes: bytes) -> Golden:
    """A server with the admin, three laptops logged in, and (made on laptop 0, synced to all) the criteria,
    a council with two scoring members, an evaluation session and one producer/product/dossier."""
    server = LiveServer(folder / "server", database_url=_sqlite_url(folder)).start()
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
        return Golden(folder, tuple(lt.client.token for lt in laptops), criteria_id, tuple(members), evaluation,
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
        self.members, self.evaluation, self.baseline = golden.members, golden.evaluation, golden.baseline
        self.criteria_id = golden.criteria_id
        self.born: dict[str, int] = {row_id: i for i, row_id in enumerate(golden.baseline)}  # id -> creation order
        self.failed = False
        try:
            shutil.copytree(golden.folder, self.tmp, dirs_exist_ok=True)
            self.server = LiveServer(self.tmp / "server", database_url=_sqlite_url(self.tmp)).start()
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
        return laptop.sync()

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

    # Optional fields are filled in or left empty at random: rows of one entity then reach a laptop with
    # different sets of fields in one pull page.
    @rule(dev=devices, located=st.booleans())
    def create_producer(self, dev, located):
        name, phone = self._next("HTX"), f"09{self.counter:08d}"
        extra = {"lat": 21.59 + self.counter / 1000, "lon": 105.84} if located else {}
        made = {}

        def act(s):
            made["id"] = registry.create_producer(s, name=name, kind="cooperative", commune_code=COMMUNE,
                                                  phone=phone, **extra).id
        if self._act(dev, act):
            self._type(dev, "producers", made["id"], name=name, phone=phone, **extra)

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

    @rule(dev=devices, data=st.data(), pinned=st.booleans())
    def create_dossier(self, dev, data, pinned):
        product = self._pick(data, dev, Product)
        if product is None:
            return
        notes = self._next("Ghi chú")
        extra = {"criteria_set_id": self.criteria_id} if pinned else {}
        made = {}

        def act(s):
            made["id"] = dossiers.create_dossier(s, product_id=product, notes=notes, **extra).id
        if self._act(dev, act):
            self._type(dev, "dossiers", made["id"], notes=notes, **extra)

    @rule(dev=devices, data=st.data(), dated=st.booleans())
    def attach_document(self, dev, data, dated):
        dossier = self._pick(data, dev, Dossier)
        if dossier is None:
            return
        title = self._next("Giấy tờ")
        path = self.tmp / f"doc-{self.counter}.pdf"
        path.write_bytes(f"%PDF-1.4 {title}".encode())
        extra = {"issued_on": date(2026, 3, 2), "valid_until": date(2029, 3, 1)} if dated else {}
        made = {}

        def act(s):
            made["id"] = documents.attach_document(s, self.laptops[dev].blobs, dossier_id=dossier, file_path=path,
                                                   doc_type="other", title=title, **extra).id
        if self._act(dev, act):
            self._type(dev, "dossier_documents", made["id"], title=title, **extra)

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

    @rule(dev=devices, field=st.sampled_from(["producers.name", "dossiers.notes"]))
    def edit_during_sync(self, dev, field):
        """A person edits while the laptop syncs in the background: the edit lands after the push, before the pull."""
        laptop = self.laptops[dev]
        real_pull = laptop.client.pull
        edited = []

        def pull_after_an_edit(*args, **kw):
            if not edited:
                edited.append(True)
                self.edit_shared(dev, field)
            return real_pull(*args, **kw)
        laptop.client.pull = pull_after_an_edit
        try:
            self._sync(laptop)
        finally:
            laptop.client.pull = real_pull

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
        if dossier is not None:
            self._submit_sheet(dev, dossier, member, best)

    def _submit_sheet(self, dev: int, dossier: str, member: int, best: bool) -> bool:
        """Start (or continue the open draft), answer every criterion, submit: one transaction."""
        def act(s):
            sheet = sheets.start_sheet(s, dossier_id=dossier, member_id=self.members[member],
                                       evaluation_id=self.evaluation).id
            s.flush()
            sheet_row = s.get(ScoreSheet, sheet)
            product_set = load_criteria_set(s, sheet_row.criteria_set_id).product_set(sheet_row.product_set_code)
            sheets.record_answers(s, sheet_id=sheet, answers=extreme_answers(product_set, best))
            sheets.submit_sheet(s, sheet_id=sheet)
        return self._act(dev, act)

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
            # The chosen value is written back to the row, unless the row is deleted (the app edits live rows only).
            if conflict.entity in ("producers", "products", "dossiers", "dossier_documents") and target is not None \
                    and not target.deleted:
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

        # No change stays behind or is duplicated; the only refusal allowed is the ownership rule's.
        all_ids = [e.change_id for entries in journals for e in entries]
        assert len(all_ids) == len(set(all_ids)), "two journal entries share a change id"
        refused: list[set[tuple[str, str, str]]] = []  # per laptop: (entity, id, field) of refused changes
        for laptop, entries in zip(self.laptops, journals, strict=True):
            pending = [(e.entity, e.op) for e in entries if e.status == "pending"]
            assert not pending, f"{laptop.name}: journal entries still pending after the final syncs: {pending}"
            # By design a submitted sheet never changes (principle 7): a laptop's later edits of a draft that
            # another laptop (the same evaluator) submitted first are refused and quarantined, kept on this
            # laptop with the reason. Their fields legitimately differ from the server; anything else refused
            # is a failure.
            quarantined = [e for e in entries if e.status == "quarantined"]
            odd = [(e.entity, e.op, e.reason) for e in quarantined if e.entity not in ("score_sheets", "score_lines")
                   or not (e.reason or "").startswith("rejected: sheet_submitted")]
            assert not odd, f"{laptop.name}: changes refused by the server: {odd}"
            refused.append({(e.entity, e.entity_id, name) for e in quarantined for name in json.loads(e.fields_json)})
        assert set(all_ids) == set(logs), "a sent change has no change-log row, or the server logged a phantom one"
        ids = [rid for _entity, rid in records]
        assert len(ids) == len(set(ids)), "one id is used by rows of two entities"

        # Every accepted change is reflected on the server unless a later change overwrote it.
        for entries in journals:
            for e in entries:
                status, seq, result, entity, entity_id = logs[e.change_id]
                if e.status == "quarantined":
                    assert status == "rejected" and e.reason == f"rejected: {result['reason']}", (status, result)
                    continue
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
        # The sync history (written for failed runs too: a batch answered before a lost one counts).
        shown = 0
        for laptop in self.laptops:
            with laptop.session() as s:
                shown += s.scalar(select(func.coalesce(func.sum(SyncRun.conflicts), 0)))
        assert shown == answered, f"the laptops' sync history shows {shown} conflicts, the server answered {answered}"

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
        for username, laptop, kept in zip(USERS, self.laptops, refused, strict=True):
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
                             for o in s.scalars(select(model))
                             if (entity, o.id) in records or (entity, o.id, "id") not in kept}  # a refused insert
                    remote = {rid: {n: _normal(spec.fields[n], d.get(n)) for n in names}
                              for rid, d in server_rows.get(entity, {}).items()}
                    assert local.keys() == remote.keys(), (
                        f"{laptop.name}: {entity} rows differ: only here {sorted(local.keys() - remote.keys())}, "
                        f"only on the server {sorted(remote.keys() - local.keys())}")
                    for rid in local:
                        diff = {n: (local[rid][n], remote[rid][n]) for n in names
                                if local[rid][n] != remote[rid][n] and (entity, rid, n) not in kept}
                        assert not diff, f"{laptop.name}: {entity} {rid} differs (laptop, server): {diff}"


@pytest.fixture(scope="module")
def golden(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Golden:
    return build_golden(tmp_path_factory.mktemp("convergence") / "golden", template_db, BUNDLED_148.read_bytes())


def test_offline_sync_converges(golden: Golden, monkeypatch: pytest.MonkeyPatch) -> None:
    # Small batches and pages: a push answered in part, a pull over several pages, in a few steps.
    monkeypatch.setattr(sync_engine, "PUSH_BATCH", 5)
    monkeypatch.setattr(sync_engine, "PULL_PAGE", 7)
    run_state_machine_as_test(lambda: SyncMachine(golden), settings=SETTINGS)


def test_a_field_merged_from_another_laptop_reaches_the_laptop_that_pushed_last(golden: Golden) -> None:
    """Laptop 0 changes a producer's name, laptop 1 its phone; the server merges both into one version.

    Regression: acknowledge() used to set the row's server_version to the merged version, and apply_rows()
    then skipped that version as "our own change coming back", so laptop 1 never got laptop 0's name.
    """
    machine = SyncMachine(golden)
    try:
        producer = golden.baseline[0]
        machine.edit_shared(0, "producers.name")
        with machine.laptops[1].session() as s:
            registry.update_producer(s, producer, phone="0912345678")
            s.commit()
        machine.sync(0)
        machine.sync(1)
        server = machine._server_state()[0][("producers", producer)][0]
        assert server["phone"] == "0912345678" and server["name"].startswith("producers-name-d0")
        with machine.laptops[1].session() as s:
            local = s.get(Producer, producer)
            assert (local.name, local.phone) == (server["name"], server["phone"])
    finally:
        machine._cleanup()


def test_a_conflicting_edit_made_during_a_sync_does_not_stay_on_the_laptop(golden: Golden) -> None:
    """Laptop 1 types a producer's name while it syncs, after its push and before its pull brings laptop 0's
    name; the next push is a conflict, which the server records, keeping laptop 0's name.

    Regression: the laptop used to keep its own (conflicting) value in the row, and the server never sent
    the row again (a conflict does not change its version; the laptop's cursor was past it).
    """
    machine = SyncMachine(golden)
    try:
        producer = golden.baseline[0]
        machine.edit_shared(0, "producers.name")
        machine.sync(0)
        machine.edit_during_sync(1, "producers.name")
        machine.sync(1)
        machine.sync(0)
        machine.sync(1)
        records, _ = machine._server_state()
        conflicts = [data for (entity, _), (data, *_) in records.items() if entity == "conflicts"]
        assert [(c["field"], json.loads(c["device_value"])) for c in conflicts] == [
            ("name", machine.typed[-1][4])], "laptop 1's name is kept in a conflict"
        server_name = records[("producers", producer)][0]["name"]
        with machine.laptops[0].session() as s:
            assert s.get(Producer, producer).name == server_name
        with machine.laptops[1].session() as s:
            assert s.get(Producer, producer).name == server_name, "laptop 1 still shows its own name"
    finally:
        machine._cleanup()


def test_one_draft_sheet_answered_on_two_laptops_still_syncs(golden: Golden) -> None:
    """start_sheet() continues the member's open draft, also one pulled from another laptop; both laptops then
    answer the same criterion offline. (The state machine reached this with a push batch cut in the middle of a
    sheet's entries, so that the draft reached the server and another laptop finished it.)

    Regression: each laptop made its own random id for the answer, the server kept both rows, and the laptop
    pulling the other's row failed on its unique (sheet_id, criterion_code, subitem_code) index at every sync.
    """
    machine = SyncMachine(golden)
    dossier = golden.baseline[2]
    with machine.laptops[0].session() as s:
        sheet = sheets.start_sheet(s, dossier_id=dossier, member_id=golden.members[0],
                                   evaluation_id=golden.evaluation).id
        s.commit()
    machine.sync(0)
    machine.sync(1)
    with machine.laptops[1].session() as s:
        assert sheets.start_sheet(s, dossier_id=dossier, member_id=golden.members[0],
                                  evaluation_id=golden.evaluation).id == sheet, "laptop 1 continues the same draft"
        row = s.get(ScoreSheet, sheet)
        product_set = load_criteria_set(s, row.criteria_set_id).product_set(row.product_set_code)
    best, worst = extreme_answers(product_set, True)[0], extreme_answers(product_set, False)[0]
    for dev, answer in ((0, best), (1, worst)):
        with machine.laptops[dev].session() as s:
            sheets.record_answer(s, sheet_id=sheet, criterion=answer.criterion, option=answer.option,
                                 subitem=answer.subitem)
            s.commit()
    try:
        machine.sync(0)
        machine.sync(1)  # pulls laptop 0's line for the criterion it answered too
    except BaseException:
        machine._cleanup()
        raise
    machine.teardown()  # every laptop syncs twice, then all the invariants of the state machine are checked


@pytest.mark.parametrize("submitted_first", [False, True], ids=["draft-first", "submitted-first"])
def test_new_rows_with_different_fields_in_one_pull_page_all_arrive(golden: Golden, submitted_first: bool) -> None:
    """Laptop 0 opens two dossiers and submits one (which sets submitted_at); laptop 1 pulls both in one page.

    Regression: the rows new to a laptop went in with one executemany whose columns came from the first row,
    so a later row's submitted_at was dropped (draft first) or the pull failed at every sync (submitted first).
    """
    machine = SyncMachine(golden)
    product = golden.baseline[1]
    made = []
    for submit in (submitted_first, not submitted_first):
        with machine.laptops[0].session() as s:
            made.append(dossiers.create_dossier(s, product_id=product).id)
            if submit:
                dossiers.change_dossier_status(s, made[-1], "submitted")
            s.commit()
        machine.sync(0)
    try:
        machine.sync(1)
        with machine.laptops[0].session() as s:
            expected = {i: s.get(Dossier, i).submitted_at for i in made}
        with machine.laptops[1].session() as s:
            assert {i: s.get(Dossier, i).submitted_at for i in made} == expected
    finally:
        machine._cleanup()
