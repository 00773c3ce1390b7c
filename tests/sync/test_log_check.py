"""A laptop checks the province's transparency log on sync: it pins the key, follows the checkpoints,
proves the entries about its own rows, and stops trusting a server whose history was rewritten."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ocop_desktop.db import sync_store
from ocop_desktop.sync.log_check import ALARM, LogAlarm, LogChecker, clear_alarm, pinned_fingerprint
from ocop_server.testing import rewrite_log_history
from ocop_server.translog import keys, log

CRITERIA_TEXT = (Path(__file__).resolve().parents[2] / "resources/criteria/sample-qd148-2023.json").read_text("utf-8")


@pytest.fixture
def laptop(make_laptop):
    return make_laptop("laptop")


def _checker(laptop, tmp_path) -> LogChecker:
    return LogChecker(laptop.client, laptop.db, tmp_path / "evidence")


def _rewrite_history(server) -> None:
    rewrite_log_history(server, b"criteria_set_published", b"criteria_set_withdrawn")


def test_the_key_is_pinned_and_entries_about_held_rows_are_proved(laptop, server, tmp_path):
    checker = _checker(laptop, tmp_path)
    first = checker.run()
    assert first is not None and first.newly_pinned and first.size == 0
    laptop.client.publish(CRITERIA_TEXT)
    second = laptop.sync().log  # the sync checks the log itself, after its pull
    assert second is not None and not second.newly_pinned and second.size == 1 and second.checked_entries == 1
    with laptop.session() as session:
        assert pinned_fingerprint(session) == first.fingerprint
    third = checker.run()
    assert third is not None and third.checked_entries == 0  # nothing new: nothing fetched but the checkpoint


def test_a_rewritten_history_stops_sync_until_a_person_acts(laptop, server, tmp_path):
    checker = _checker(laptop, tmp_path)
    laptop.client.publish(CRITERIA_TEXT)
    laptop.sync()
    checker.run()
    _rewrite_history(server)
    with pytest.raises(LogAlarm) as caught:
        checker.run()
    assert caught.value.what == "fork" and caught.value.evidence_file.exists()
    assert json.loads(caught.value.evidence_file.read_text())["seen"]["size"] == 1
    with pytest.raises(LogAlarm):  # kept: no request needed to refuse again
        checker.run()
    with laptop.session() as session:
        clear_alarm(session)
        session.commit()
    with pytest.raises(LogAlarm):  # the evidence has not changed: still a fork
        checker.run()
    with laptop.session() as session:
        clear_alarm(session, trust_new_key=True)
        session.commit()
        assert sync_store.get_meta(session, ALARM) == ""
    assert checker.run() is not None


def test_a_server_signing_with_another_key_is_not_trusted(laptop, server, tmp_path):
    checker = _checker(laptop, tmp_path)
    laptop.client.publish(CRITERIA_TEXT)
    checker.run()
    key_file = server.settings.log_key_file
    key_file.unlink()
    keys.create_key(key_file)
    server.restart()
    with server.app.state.write_sessions() as session:
        log.append(session, [("production_lots", "y", {"kind": "lot_recorded", "lot_code": "Y"})],
                   server.app.state.log_signer)
        session.commit()
    with pytest.raises(LogAlarm) as caught:
        checker.run()
    assert caught.value.what == "signature"


def test_every_sync_checks_the_log_and_an_alarm_stops_the_next_one_before_it_sends(laptop, server, tmp_path):
    laptop.client.publish(CRITERIA_TEXT)
    report = laptop.sync()
    assert report.log is not None and report.log.size == 1 and report.log.checked_entries == 1
    _rewrite_history(server)
    with pytest.raises(LogAlarm) as caught:
        laptop.sync()
    assert caught.value.evidence_file.parent.name == "nhat-ky-canh-bao"
    with laptop.session() as session:
        unsent_before = sync_store.count_unsent(session)
    with pytest.raises(LogAlarm):
        laptop.sync()
    with laptop.session() as session:
        assert sync_store.count_unsent(session) == unsent_before


def test_a_sync_with_nothing_new_checks_the_log_without_a_request_of_its_own(laptop, server):
    laptop.client.publish(CRITERIA_TEXT)
    laptop.sync()
    asked: list[str] = []
    original = laptop.client.request

    def spy(method, path, **kw):
        asked.append(path)
        return original(method, path, **kw)

    laptop.client.request = spy
    report = laptop.sync()
    assert report.log is not None and report.log.size == 1
    assert [path for path in asked if path.startswith("/log/")] == []  # the pull carried the checkpoint
