"""The setup dialog keeps https by default and plain http to another machine only once a person confirms it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from ocop_desktop.ui.start.setup_dialog import SetupDialog, check_server_url


@pytest.mark.parametrize(("typed", "expected"), [
    ("ocop.hatinh.gov.vn", "https://ocop.hatinh.gov.vn"),
    ("192.168.1.10:8765", "https://192.168.1.10:8765"),
    ("http://192.168.1.10:8765/", "http://192.168.1.10:8765"),
])
def test_a_bare_host_means_https(typed, expected):
    assert check_server_url(typed) == expected


def _typed(qtbot, dialog: SetupDialog, url: str) -> None:
    dialog.url.clear()
    qtbot.keyClicks(dialog.url, url)


def test_plain_http_to_another_machine_waits_for_a_confirmation(qtbot):
    """http://192.168.1.10: the first 'Tiếp tục' only warns (nothing kept); pressing the changed button
    keeps the address with that host marked as confirmed."""
    dialog = SetupDialog()
    qtbot.addWidget(dialog)
    _typed(qtbot, dialog, "http://192.168.1.10:8765")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.result_setup is None and dialog.result() != QDialog.DialogCode.Accepted
    assert "không mã hoá" in dialog.error.text() and "https://192.168.1.10" in dialog.error.text()
    assert dialog.ok.text() == "Vẫn dùng http"
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_setup is not None
    assert (dialog.result_setup.server_url, dialog.result_setup.plain_http_host) == (
        "http://192.168.1.10:8765", "192.168.1.10")


def test_a_changed_address_is_asked_about_again(qtbot):
    """The confirmation holds for the host it was given for: another http host is warned about afresh."""
    dialog = SetupDialog()
    qtbot.addWidget(dialog)
    _typed(qtbot, dialog, "http://10.0.0.5:8765")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    _typed(qtbot, dialog, "http://10.0.0.6:8765")
    assert dialog.ok.text() == "Tiếp tục"
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.result_setup is None and "10.0.0.6" in dialog.error.text()


@pytest.mark.parametrize("url", ["http://127.0.0.1:8765", "http://localhost:8765", "https://10.0.0.5",
                                 "10.0.0.5"])
def test_https_and_this_machine_need_no_confirmation(qtbot, url):
    dialog = SetupDialog()
    qtbot.addWidget(dialog)
    _typed(qtbot, dialog, url)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.result_setup is not None and dialog.result_setup.plain_http_host is None


def test_a_host_confirmed_before_is_not_asked_about_again(qtbot):
    dialog = SetupDialog(plain_http_hosts=["10.0.0.5"])
    qtbot.addWidget(dialog)
    _typed(qtbot, dialog, "http://10.0.0.5:8765")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.result_setup is not None and dialog.result_setup.plain_http_host == "10.0.0.5"


def test_screenshot_of_the_warning(qtbot, tmp_path):
    """The warning fits the dialog at its size (looked at by a person: /tmp/setup-plain-http.png)."""
    dialog = SetupDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    _typed(qtbot, dialog, "http://192.168.1.10:8765")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    assert dialog.grab().save(str(tmp_path / "setup-plain-http.png"))
    label = dialog.error
    assert label.isVisible() and label.height() >= label.heightForWidth(label.width())
    assert dialog.ok.width() >= dialog.ok.sizeHint().width()


def test_confirmed_hosts_are_remembered_per_host(tmp_path):
    """What the laptop keeps of a confirmation: each host once, beside the mode and address."""
    from PySide6.QtCore import QSettings

    from ocop_desktop.ui.start.setup_dialog import Setup, plain_http_hosts, remember_setup

    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    remember_setup(settings, Setup("server", "http://10.0.0.5:8765", "10.0.0.5"))
    remember_setup(settings, Setup("server", "https://ocop.hatinh.gov.vn"))
    remember_setup(settings, Setup("server", "http://10.0.0.5:9000", "10.0.0.5"))
    again = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    assert plain_http_hosts(again) == ["10.0.0.5"]
    assert again.value("setup/server_url") == "http://10.0.0.5:9000"
