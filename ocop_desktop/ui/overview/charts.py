"""The dashboard's two bar charts, drawn by pyqtgraph (docs/overview.md says why that library): products by stars
over the years, stacked, and dossiers by status. A click on a bar reports which bar, for the drill-down."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QFont

STAR_COLOURS = {3: "#5b9bd5", 4: "#ed7d31", 5: "#70ad47"}
OTHER_COLOUR = "#a5a5a5"


class BarChart(pg.PlotWidget):
    """Bars at x = 0, 1, 2… with text labels under them; ``bar_clicked`` gives the clicked bar's index and the
    series (stack layer) under the pointer, or -1 for a single series."""

    bar_clicked = Signal(int, int)

    def __init__(self, title: str, parent=None):
        super().__init__(parent=parent, background="w")
        self.setMinimumHeight(200)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.getPlotItem().setTitle(title, color="#222", size="11pt")
        self.getPlotItem().showGrid(y=True, alpha=0.25)
        self.legend = self.getPlotItem().addLegend(offset=(10, 5), colCount=3)
        bottom = self.getPlotItem().getAxis("bottom")
        bottom.setHeight(42)
        small = QFont()
        small.setPointSize(8)
        bottom.setStyle(tickFont=small)
        self._stacks: list[tuple[int, list[float], list[float]]] = []  # series key, bottoms, tops
        self.scene().sigMouseClicked.connect(self._clicked)

    def show_bars(self, labels: list[str], series: dict[int, list[int]], names: dict[int, str]) -> None:
        """``series``: key -> one height per label, stacked in the order given."""
        plot = self.getPlotItem()
        plot.clear()
        self.legend.clear()
        self._stacks = []
        bottoms = [0.0] * len(labels)
        for key, heights in series.items():
            tops = [b + h for b, h in zip(bottoms, heights, strict=True)]
            colour = QColor(STAR_COLOURS.get(key, OTHER_COLOUR))
            bars = pg.BarGraphItem(x=list(range(len(labels))), y0=bottoms, height=heights, width=0.6,
                                   brush=colour, pen=colour.darker(130))
            plot.addItem(bars)
            if names.get(key):
                self.legend.addItem(bars, names[key])
            self._stacks.append((key, bottoms, tops))
            bottoms = tops
        plot.getAxis("bottom").setTicks([list(enumerate(_two_lines(label) for label in labels))])
        plot.setXRange(-0.6, max(len(labels), 1) - 0.4, padding=0)
        highest = max([*bottoms, 1.0])
        # Whole products: a small count would otherwise be ticked in tenths.
        plot.getAxis("left").setTickSpacing(*((1, 1) if highest < 8 else (None, None)))  # type: ignore[arg-type]
        plot.setYRange(0, highest * (1.5 if self.legend.items else 1.1), padding=0)

    def _clicked(self, event) -> None:
        point = self.getPlotItem().vb.mapSceneToView(event.scenePos())
        index = round(point.x())
        if abs(point.x() - index) > 0.3:
            return
        for key, bottoms, tops in self._stacks:
            if 0 <= index < len(tops) and bottoms[index] <= point.y() <= tops[index] and tops[index] > bottoms[index]:
                self.bar_clicked.emit(index, key)
                return


def _two_lines(label: str) -> str:
    """Long status names side by side overlap: the words are split over two lines at the middle space."""
    words = label.split()
    if len(label) < 10 or len(words) < 2:
        return label
    cut = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - len(label) / 2))
    return " ".join(words[:cut]) + "\n" + " ".join(words[cut:])


def chart_png(chart: BarChart, width: int = 680, height: int = 300) -> bytes:
    """The chart drawn at a print size, as PNG bytes for a report (the report itself uses no widgets)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    shown = chart.size()
    chart.resize(width, height)
    image = chart.grab()
    chart.resize(shown)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())
