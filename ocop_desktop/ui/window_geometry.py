"""Where the main window opens: inside a screen that exists now, whole, with its status bar in view.

A laptop screen of 1366×768 (or 1024×600) is smaller than the window's comfortable size, and the place it
was closed at may be on a monitor that has since been unplugged.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMargins, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

COMFORTABLE = QSize(1280, 800)
# Before a window is first shown its frame is not known; a title bar and thin borders, as most window
# managers draw them, leave room enough.
FRAME_GUESS = QMargins(6, 36, 6, 6)


def restore(window: QWidget, saved: object) -> None:
    """The saved geometry when it still lies inside a screen, else a size that fits the screen (maximised
    when the comfortable size does not), centred."""
    if isinstance(saved, QByteArray) and not saved.isEmpty() and window.restoreGeometry(saved):
        if on_a_screen(window):
            return
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMaximized)
    fit(window)


def frame_margins(window: QWidget) -> QMargins:
    """The real frame once the window manager has drawn one, else a guess."""
    frame, inner = window.frameGeometry(), window.geometry()
    real = QMargins(inner.left() - frame.left(), inner.top() - frame.top(), frame.right() - inner.right(),
                    frame.bottom() - inner.bottom())
    return real if window.isVisible() and real.top() > 0 else FRAME_GUESS


def frame_rect(window: QWidget) -> QRect:
    """The window's outer rectangle, frame included (guessed when not shown yet)."""
    return window.geometry().marginsAdded(frame_margins(window))


def on_a_screen(window: QWidget) -> bool:
    """True when the window's inside, status bar included, lies wholly in the available area of one of
    today's screens (Qt's restore keeps the title bar on that screen); a maximised window, when the screen it
    was maximised on still exists."""
    if window.windowState() & Qt.WindowState.WindowMaximized:
        return QGuiApplication.screenAt(window.geometry().center()) is not None
    inside = window.geometry()
    return any(screen.availableGeometry().contains(inside) for screen in QGuiApplication.screens())


def screen_for(window: QWidget) -> QScreen:
    """The screen under the window's centre, else the one Qt gave it, else the primary screen."""
    return (QGuiApplication.screenAt(window.geometry().center()) or window.screen()
            or QGuiApplication.primaryScreen())


def fit(window: QWidget) -> None:
    """The comfortable size centred on the screen; on a smaller screen, all of it (maximised), so nothing, the
    status bar least of all, is below the screen's edge."""
    screen = screen_for(window)
    area = screen.availableGeometry()
    margins = frame_margins(window)
    room = area.size().shrunkBy(margins)
    size = COMFORTABLE.boundedTo(room).expandedTo(window.minimumSize())
    window.resize(size)
    outer = QRect(area.topLeft(), size.grownBy(margins))
    outer.moveCenter(area.center())
    window.move(max(outer.left(), area.left()), max(outer.top(), area.top()))  # a window's position is its frame's
    if COMFORTABLE.boundedTo(room) != COMFORTABLE:
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def scrolled(page: QWidget) -> QScrollArea:
    """A section's page in a frameless scroll area: a page wider or taller than a small screen leaves it scrolls,
    where it would otherwise push the whole window, status bar and all, past the screen's edge."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(page)
    return area


def fit_dialog(dialog: QWidget, wanted: QSize, parent: QWidget | None = None) -> None:
    """The dialog at the size it wants, or smaller, so that it fits, frame included, the screen it opens on
    (its parent's)."""
    screen = (parent.screen() if parent is not None else None) or dialog.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry().size().shrunkBy(FRAME_GUESS)
    dialog.resize(wanted.boundedTo(room))
