"""Chấm điểm with nothing to score uses the page's width to say why, instead of a squeezed list beside an empty
sheet; once there is something to score, the list and the sheet share the width again."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ocop_desktop.services.sheet_view import MySheetRow
from ocop_desktop.ui.context import AppContext, CurrentUser
from ocop_desktop.ui.scoring.my_scoring_page import SHEET_MIN_WIDTH, MyScoringPage

NOBODY = CurrentUser(user_id="00000000-0000-4000-8000-0000000000aa", username="xem", full_name="Người xem",
                     role="viewer")


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1024, 600)])
def test_nothing_to_score_takes_the_width_and_says_why(runner, demo_paths, qtbot, screenshots, width: int,
                                                      height: int) -> None:
    """No empty sheet box and no squeezed, headed list: one note, across the page, says why and what will come."""
    page = MyScoringPage(AppContext(runner=runner, paths=demo_paths, blobs=None, user=NOBODY))
    qtbot.addWidget(page)
    page.resize(width, height)
    page.show()
    qtbot.waitExposed(page)
    assert page.model.rowCount() == 0
    assert not page.stack.isVisible() and not page.table.isVisible()
    assert page.empty_note.isVisible() and page.empty_note.text().startswith("Chưa có hồ sơ nào để chấm.")
    assert page.empty_note.width() >= width - 40  # the whole width, not a 190-px column beside an empty box
    assert page.grab().save(str(screenshots / f"polish_scoring_empty_{width}.png"))


def test_when_something_arrives_the_list_and_the_sheet_come_back(runner, demo_paths, qtbot) -> None:
    """A dossier put before the person's council (a sync, an assignment) brings back the list beside the sheet,
    the sheet with the width its criteria need."""
    page = MyScoringPage(AppContext(runner=runner, paths=demo_paths, blobs=None, user=NOBODY))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    row = MySheetRow(None, "d-1", "HS-2026-001", "Nước mắm Lộc Hà", "m1", "Người xem", "e1", "not_started",
                     Decimal("0"), None)
    page._rows_loaded((row,))
    assert page.table.isVisible() and page.stack.isVisible() and not page.empty_note.isVisible()
    assert page.splitter.sizes()[1] >= SHEET_MIN_WIDTH and page.splitter.sizes()[0] > 300
