"""Bugs the convergence state machine found (all fixed since), each replayed as one deterministic story."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from convergence_machine import SyncMachine
from convergence_world import BUNDLED_148, Golden, build_golden

from ocop_core.domain.scoring import extreme_answers
from ocop_desktop.db.models import Dossier, Producer, ScoreSheet
from ocop_desktop.services import dossiers, registry, sheets
from ocop_desktop.services.criteria import load_criteria_set


@pytest.fixture(scope="module")
def golden(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Golden:
    return build_golden(tmp_path_factory.mktemp("convergence") / "golden", template_db, BUNDLED_148.read_bytes())


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
        server = machine.server_state().records[("producers", producer)][0]
        assert server["phone"] == "0912345678" and server["name"].startswith("producers-name-d0")
        with machine.laptops[1].session() as s:
            local = s.get(Producer, producer)
            assert (local.name, local.phone) == (server["name"], server["phone"])
    finally:
        machine.cleanup()


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
        records = machine.server_state().records
        conflicts = [data for (entity, _), (data, *_) in records.items() if entity == "conflicts"]
        assert [(c["field"], json.loads(c["device_value"])) for c in conflicts] == [
            ("name", machine.typed[-1][4])], "laptop 1's name is kept in a conflict"
        server_name = records[("producers", producer)][0]["name"]
        with machine.laptops[0].session() as s:
            assert s.get(Producer, producer).name == server_name
        with machine.laptops[1].session() as s:
            assert s.get(Producer, producer).name == server_name, "laptop 1 still shows its own name"
    finally:
        machine.cleanup()


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
        machine.cleanup()
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
                dossiers.change_dossier_status(s, made[-1], "submitted", user_id="admin", role="admin")
            s.commit()
        machine.sync(0)
    try:
        machine.sync(1)
        with machine.laptops[0].session() as s:
            expected = {i: s.get(Dossier, i).submitted_at for i in made}
        with machine.laptops[1].session() as s:
            assert {i: s.get(Dossier, i).submitted_at for i in made} == expected
    finally:
        machine.cleanup()
