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

test_convergence_regressions.py pins, deterministically, the bugs it found (all fixed since);
convergence_machine.py has the rules, convergence_checks.py the invariants.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from convergence_machine import SyncMachine
from convergence_world import BUNDLED_148, Golden, build_golden
from hypothesis import HealthCheck, Phase, settings
from hypothesis.stateful import run_state_machine_as_test

from ocop_desktop.sync import engine as sync_engine

# derandomize: the same examples on every run, so the build's colour never depends on luck (run the machine
# with derandomize=False and more steps to hunt); no shrink phase, because each example starts a server and
# three laptops (shrinking would take minutes). A failing run's steps are still printed.
SETTINGS = settings(max_examples=8, stateful_step_count=20, deadline=None, database=None, derandomize=True,
                    phases=(Phase.explicit, Phase.generate),
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


@pytest.fixture(scope="module")
def golden(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Golden:
    return build_golden(tmp_path_factory.mktemp("convergence") / "golden", template_db, BUNDLED_148.read_bytes())


@pytest.mark.slow
def test_offline_sync_converges(golden: Golden, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the laptops do offline, in whatever order they sync, every invariant above holds at the end."""
    # Small batches and pages: a push answered in part, a pull over several pages, in a few steps.
    monkeypatch.setattr(sync_engine, "PUSH_BATCH", 5)
    monkeypatch.setattr(sync_engine, "PULL_PAGE", 7)
    run_state_machine_as_test(lambda: SyncMachine(golden), settings=SETTINGS)
