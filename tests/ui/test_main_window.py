"""The main window opens on a real database offscreen and shows its counts in Vietnamese."""

from __future__ import annotations

from pathlib import Path

from ocop_desktop.app import load_overview
from ocop_desktop.db.schema import open_database
from ocop_desktop.services import registry
from ocop_desktop.ui.main_window import MainWindow


def test_main_window_shows_counts_and_unsent_changes(qtbot, tmp_path: Path):
    """A producer registered offline shows in the summary and as one unsent change in the status bar."""
    db = open_database(tmp_path / "ocop.sqlite3")
    try:
        with db.session() as session:
            registry.create_producer(session, name="HTX Nước mắm Phú Khương", kind="cooperative",
                                     commune_code="18073")
            session.commit()
        window = MainWindow(load_overview(db))
    finally:
        db.close()
    qtbot.addWidget(window)
    window.show()
    assert "1 chủ thể" in window.summary.text()
    assert "1 thay đổi chưa gửi" in window.statusBar().currentMessage()
    shot = tmp_path / "main_window.png"
    assert window.grab().save(str(shot))
    assert shot.stat().st_size > 1000
