"""趋势: the period's items by day, week or month as bars beside the period before (环比) and
the same period a year earlier (同比) as lines; a bucket that changed by over 10 % is drawn
as 异常, over 20 % as 告警, and every value shows when the pointer rests on it. Below, the same
comparison per township and per content category. A bar clicked opens the items of its day,
week or month; a township's or category's count double-clicked opens its items."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop.statistics.panels import by_line, drill_on_activate, note
from hall.figures import TrendTab
from hall.figures import definitions as d
from hall.figures import tab_drill as t
from hall.figures.periods import DAY, MONTH, WEEK
from hall.figures.trend import ALARM_NAME, UNUSUAL_NAME, Change, TrendPoint
from kit.list_table import fill_cells, list_table

NORMAL_COLOUR = QColor("#3b6ea5")
ANOMALY_COLOUR = QColor("#f2a33a")
ALARM_COLOUR = QColor("#c62828")
PREVIOUS_COLOUR = QColor("#2e7d32")
YEAR_AGO_COLOUR = QColor("#7b1fa2")


def change_text(value: float | None) -> str:
    return "—" if value is None else f"{value:+.1%}"


class TrendPanel(QWidget):
    size_changed = Signal()
    drill = Signal(str, str)  # the figure's key, the bucket (first day:size) or the name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[TrendPoint] = []
        # The grouping the points shown were read with.
        self.points_size = DAY
        self.size_box = QComboBox()
        for size, name in (
            (DAY, self.tr("By day")),
            (WEEK, self.tr("By week")),
            (MONTH, self.tr("By month")),
        ):
            self.size_box.addItem(name, size)
        self.size_box.currentIndexChanged.connect(lambda _index: self.size_changed.emit())
        size_label = QLabel(self.tr("&Group"))
        size_label.setBuddy(self.size_box)
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(260)
        self.townships = list_table(self._change_headers(self.tr("Township")), stretch=0)
        self.categories = list_table(self._change_headers(self.tr("Category")), stretch=0)
        for table, figure in ((self.townships, t.BY_TOWNSHIP), (self.categories, t.BY_CATEGORY)):
            # Only the name and this period's count have this period's items behind them.
            drill_on_activate(table, by_line(table, figure, columns=2), self.drill.emit)
        below = QTabWidget()
        below.addTab(self.townships, self.tr("Per township"))
        below.addTab(self.categories, self.tr("Per category"))
        top = QHBoxLayout()
        top.addWidget(size_label)
        top.addWidget(self.size_box)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 3)
        layout.addWidget(below, 2)
        layout.addWidget(note(d.TEXTS[d.TREND]))

    def _change_headers(self, first: str) -> list[str]:
        return [
            first,
            self.tr("Items"),
            self.tr("Period before"),
            self.tr("Change (环比)"),
            self.tr("Year before"),
            self.tr("Change (同比)"),
            self.tr("Mark"),
        ]

    def size(self) -> str:  # type: ignore[override]
        return str(self.size_box.currentData())

    def set_size(self, size: str) -> None:
        self.size_box.blockSignals(True)
        self.size_box.setCurrentIndex(self.size_box.findData(size))
        self.size_box.blockSignals(False)

    def show_figures(self, tab: TrendTab) -> None:
        self.points = list(tab.points)
        self.points_size = self.size()
        self._draw(self.points)
        self._fill(self.townships, tab.townships)
        self._fill(self.categories, tab.categories)

    def _fill(self, table: object, changes: Sequence[Change]) -> None:
        fill_cells(
            table,  # type: ignore[arg-type]
            [
                [
                    c.name,
                    str(c.count),
                    str(c.previous),
                    change_text(c.month_on_month),
                    str(c.year_ago),
                    change_text(c.year_on_year),
                    c.mark,
                ]
                for c in changes
            ],
        )

    def _draw(self, points: Sequence[TrendPoint]) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        # One bar per bucket, in the set of its mark, so each bar takes its mark's colour.
        sets = {
            "": QBarSet(self.tr("Items")),
            UNUSUAL_NAME: QBarSet(self.tr("Items, changed over 10 % (异常)")),
            ALARM_NAME: QBarSet(self.tr("Items, changed over 20 % (告警)")),
        }
        for bar_set, colour in zip(
            sets.values(), (NORMAL_COLOUR, ANOMALY_COLOUR, ALARM_COLOUR), strict=True
        ):
            bar_set.setColor(colour)
            bar_set.hovered.connect(self._hover_bar)
            bar_set.clicked.connect(self.open_point)
        for point in points:
            for mark, bar_set in sets.items():
                bar_set.append(point.count if point.mark == mark else 0)
        bars = QStackedBarSeries()
        for bar_set in sets.values():
            bars.append(bar_set)
        self.chart.addSeries(bars)
        previous = QLineSeries()
        previous.setName(self.tr("Period before (环比)"))
        year_ago = QLineSeries()
        year_ago.setName(self.tr("Year before (同比)"))
        for index, point in enumerate(points):
            previous.append(index, point.previous)
            year_ago.append(index, point.year_ago)
        previous.setColor(PREVIOUS_COLOUR)
        year_ago.setColor(YEAR_AGO_COLOUR)
        for line in (previous, year_ago):
            line.setPointsVisible(True)
            line.hovered.connect(self._hover_line)
            self.chart.addSeries(line)
        labels = QBarCategoryAxis()
        labels.append([p.label for p in points])
        # Many buckets' names fit only standing up.
        labels.setLabelsAngle(-90 if len(points) > 12 else 0)
        values = QValueAxis()
        top = max(
            [p.count for p in points]
            + [p.previous for p in points]
            + [p.year_ago for p in points]
            + [4]
        )
        values.setRange(0, top * 1.15)
        values.setLabelFormat("%d")
        values.applyNiceNumbers()
        self.chart.addAxis(labels, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(labels)
        bars.attachAxis(values)
        line_axis = QValueAxis()
        line_axis.setRange(-0.5, len(points) - 0.5)
        line_axis.setVisible(False)
        self.chart.addAxis(line_axis, Qt.AlignmentFlag.AlignBottom)
        for line in (previous, year_ago):
            line.attachAxis(line_axis)
            line.attachAxis(values)

    def open_point(self, index: int) -> None:
        """Open the items of the bar's day, week or month."""
        if 0 <= index < len(self.points):
            point = self.points[index]
            self.drill.emit(t.TREND_BUCKET, f"{point.first.isoformat()}:{self.points_size}")

    def hover_text(self, index: int) -> str:
        point = self.points[index]
        return (
            self.tr(
                "{label}: {count} items; period before {previous} ({mom}); "
                "year before {ago} ({yoy}) {mark}"
            )
            .format(
                label=point.label,
                count=point.count,
                previous=point.previous,
                mom=change_text(point.month_on_month),
                ago=point.year_ago,
                yoy=change_text(point.year_on_year),
                mark=point.mark,
            )
            .strip()
        )

    def _hover_bar(self, status: bool, index: int) -> None:
        if status and 0 <= index < len(self.points):
            QToolTip.showText(QCursor.pos(), self.hover_text(index), self.view)
        else:
            QToolTip.hideText()

    def _hover_line(self, point: QPointF, status: bool) -> None:
        index = round(point.x())
        self._hover_bar(status, index)
