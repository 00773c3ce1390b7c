"""The convergence state machine: three laptops whose people act offline, sync, lose answers, restart the server.

What each rule does is what a person (or the network) does; the final check is convergence_checks.py.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from convergence_checks import ServerState, check_converged, server_state
from convergence_world import COMMUNE, N_DEVICES, SUBGROUP, USERS, Golden, Laptop, close_all, open_laptop, sqlite_url
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, rule
from sqlalchemy import select

from ocop_core.domain.dossier_status import TRANSITIONS
from ocop_core.domain.scoring import extreme_answers
from ocop_core.entities import ENTITIES
from ocop_desktop.db import sync_store
from ocop_desktop.db.models import Conflict, Dossier, DossierDocument, Producer, Product, ScoreSheet, User
from ocop_desktop.db.wire import to_wire
from ocop_desktop.services import documents, dossiers, registry, sheets
from ocop_desktop.services.criteria import load_criteria_set
from ocop_desktop.services.errors import ServiceError
from ocop_desktop.sync.client import SyncError
from ocop_desktop.sync.engine import SyncReport
from ocop_server.testing import LiveServer

devices = st.integers(min_value=0, max_value=N_DEVICES - 1)


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
            self.server = LiveServer(self.tmp / "server", database_url=sqlite_url(self.tmp)).start()
            for i, token in enumerate(golden.tokens):
                self.laptops.append(open_laptop(self.tmp / f"laptop{i}", self.server.url, token))
        except BaseException:
            self.cleanup()
            raise

    # ---- setup and teardown -------------------------------------------------------------------

    def cleanup(self) -> None:
        close_all(self.server, self.laptops)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def teardown(self) -> None:
        try:
            # Only a run whose steps all passed is checked (otherwise the step's own error is the report).
            if sys.exc_info()[0] is None and not self.failed:
                self._final_check()
        finally:
            self.cleanup()

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

    def _person(self, dev: int, session) -> dict[str, str]:
        """Who is logged in on the laptop, as a workflow move needs them (an officer's account row, with their
        commune, reaches their laptop by pull)."""
        if USERS[dev] == "admin":
            return {"user_id": "admin", "role": "admin"}
        user_id = session.scalar(select(User.id).where(User.username == USERS[dev]))
        return {"user_id": user_id or "", "role": "commune_officer"}

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
                dossiers.change_dossier_status(s, row_id, value, **self._person(dev, s))
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

        def lost_answer(changes, **position):
            response = real_push(changes, **position)
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

    def server_state(self) -> ServerState:
        assert self.server is not None
        return server_state(self.server)

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
        assert self.server is not None
        check_converged(self.server, self.laptops, self.typed)
