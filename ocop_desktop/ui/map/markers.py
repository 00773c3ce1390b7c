"""What a producer's marker looks like: its fill says its stars, its shape how far its dossier has gone.

Markers and clusters are QGraphicsPixmapItems over sprites drawn once and reused: Qt paints a pixmap item in
C++, where an item painting itself in Python costs tens of microseconds each, several milliseconds a frame
with a few hundred in view. The same sprites draw the legend, on screen and in an exported PDF.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPixmap, QPolygonF

from ocop_desktop import formats
from ocop_desktop.i18n import _t

# Fill by the product's OCOP stars: warm and darker as the rating rises; grey for none (or below 3).
STAR_COLOURS = {0: QColor("#8f9aa3"), 3: QColor("#f2b01e"), 4: QColor("#e8710a"), 5: QColor("#b3261e")}
# Shape by the stage of the producer's furthest dossier.
STAGES = {"draft": "preparing", "submitted": "preparing", "commune_checked": "review", "forwarded": "review",
          "evaluated": "decided", "closed": "decided"}
STAGE_ORDER = ("none", "preparing", "review", "decided")
MARKER_PX = 18
CLUSTER_FILL = QColor(25, 103, 168, 215)
SELECTED = QColor("#1967a8")


@dataclass(frozen=True, slots=True)
class MarkerStyle:
    stars: int  # 0, 3, 4 or 5
    stage: str  # none | preparing | review | decided


def star_band(stars: int | None) -> int:
    return stars if stars in (3, 4, 5) else 0


def stage_words() -> dict[str, str]:
    return {"none": _t("Chưa có hồ sơ"), "preparing": _t("Đang lập, đã nộp hồ sơ"),
            "review": _t("Xã đã kiểm tra, chuyển hội đồng"), "decided": _t("Đã đánh giá, đã kết thúc")}


def star_words() -> dict[int, str]:
    return {0: _t("Chưa có sao"), 3: formats.stars(3), 4: formats.stars(4), 5: formats.stars(5)}


def _shape(painter: QPainter, stage: str, box: QRectF) -> None:
    if stage == "review":
        painter.drawRect(box.adjusted(1, 1, -1, -1))
    elif stage == "preparing":
        c = box.center()
        r = box.width() / 2
        painter.drawPolygon(QPolygonF([QPointF(c.x(), c.y() - r), QPointF(c.x() + r, c.y()),
                                       QPointF(c.x(), c.y() + r), QPointF(c.x() - r, c.y())]))
    else:
        painter.drawEllipse(box.adjusted(1, 1, -1, -1))


def paint_marker(painter: QPainter, style: MarkerStyle, box: QRectF, selected: bool = False) -> None:
    """One marker into ``box``: a white rim under a dark edge so it reads on land, water and roads alike."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    fill = STAR_COLOURS[style.stars]
    painter.setPen(QPen(QColor("white"), 4))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    _shape(painter, style.stage, box.adjusted(2, 2, -2, -2))
    painter.setPen(QPen(SELECTED if selected else QColor("#202124"), 2.5 if selected else 1.4))
    # No dossier yet: an open ring, so a registered producer still shows without claiming any stage.
    painter.setBrush(Qt.BrushStyle.NoBrush if style.stage == "none" else fill)
    _shape(painter, style.stage, box.adjusted(2, 2, -2, -2))
    painter.restore()


def cluster_diameter(count: int) -> int:
    return 28 if count < 10 else 34 if count < 100 else 42 if count < 1000 else 50


def paint_cluster(painter: QPainter, box: QRectF, label: str) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    rim = max(1.5, box.height() * 0.08)
    painter.setPen(QPen(QColor(255, 255, 255, 230), rim))
    painter.setBrush(CLUSTER_FILL)
    painter.drawEllipse(box.adjusted(rim / 2, rim / 2, -rim / 2, -rim / 2))
    font = QFont(painter.font())
    font.setBold(True)
    font.setPixelSize(max(10, int(box.height() * 0.34)))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
    painter.restore()


class Sprites:
    """Pixmaps drawn once per style and per count. Held by a view, not by the module: a QPixmap must not
    outlive the QApplication."""

    def __init__(self) -> None:
        self._markers: dict[tuple[MarkerStyle, bool], QPixmap] = {}
        self._clusters: dict[int, QPixmap] = {}

    def marker(self, style: MarkerStyle, selected: bool = False) -> QPixmap:
        pixmap = self._markers.get((style, selected))
        if pixmap is None:
            size = MARKER_PX + (6 if selected else 0)
            pixmap = self._markers[(style, selected)] = _blank(size)
            painter = QPainter(pixmap)
            paint_marker(painter, style, QRectF(0, 0, size, size), selected)
            painter.end()
        return pixmap

    def cluster(self, count: int) -> QPixmap:
        """A disc sized by how many producers it holds, with the count grouped as the language writes it."""
        pixmap = self._clusters.get(count)
        if pixmap is None:
            size = cluster_diameter(count)
            pixmap = self._clusters[count] = _blank(size)
            painter = QPainter(pixmap)
            paint_cluster(painter, QRectF(0, 0, size, size), formats.count(count))
            painter.end()
        return pixmap


def _blank(size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    return pixmap
