"""The 统计分析 tabs that show figures as numbers: 总览 (every count and rate with its 口径说明
beside it, each opening the list behind it), 分类, 窗口效能, 法庭 and 督办.

Each panel is told what a tab's one ``hall.figures`` call returned and shows it; it never reads
the database. Every figure opens the list behind it: on 总览 a figure's name is a button, in
the other tabs a number of a table opens its list when double-clicked (or Enter is pressed on
it); either way the panel asks the page, by its ``drill`` signal, to open that list (a rate
opens its denominator, whose rows say which count in the numerator).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from hall.figures import Overview, Rate
from hall.figures import definitions as d
from hall.figures import tab_drill as t
from hall.figures.drill import CASE_FIGURES, ITEM_FIGURES
from hall.figures.report import RATE_KEYS
from hall.figures.work import CourtTab, QueueFigures, SupervisionFigures
from kit.fields import NOTE_COLOUR
from kit.list_table import fill_cells, list_table

DRILLABLE = frozenset(ITEM_FIGURES + CASE_FIGURES)
# A table's cell → the figure it shows and the line it stands on, or None for no list.
Lookup = Callable[[int, int], "tuple[str, str] | None"]


def number(value: float | int | None) -> str:
    if value is None:
        return "—"
    return f"{value:g}" if isinstance(value, float) else str(value)


def percent(rate: Rate) -> str:
    return "—" if rate.value is None else f"{rate.value:.1%}"


def note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {NOTE_COLOUR}; font-size: 11px;")
    return label


def drill_on_activate(
    table: QTableWidget, lookup: Lookup, emit: Callable[[str, str], None]
) -> None:
    """A double-click on (or Enter in) a cell of ``table`` opens the list behind its figure."""
    table.setToolTip(
        QCoreApplication.translate(
            "StatisticsPanels", "Double-click a number, or press Enter on it, to open its list"
        )
    )

    def activated(row: int, column: int) -> None:
        found = lookup(row, column)
        if found is not None:
            emit(*found)

    table.cellActivated.connect(activated)


def line_name(table: QTableWidget, row: int) -> str:
    item = table.item(row, 0)
    return item.text() if item is not None else ""


def by_line(table: QTableWidget, figure: str, columns: int | None = None) -> Lookup:
    """Every cell (or those of the first ``columns`` columns) opens ``figure`` on its line."""

    def lookup(row: int, column: int) -> tuple[str, str] | None:
        if columns is not None and column >= columns:
            return None
        return figure, line_name(table, row)

    return lookup


def _big(label: QLabel) -> QLabel:
    font = QFont(label.font())
    font.setPointSize(max(font.pointSize(), 9) + 4)
    font.setBold(True)
    label.setFont(font)
    label.setStyleSheet("color: #1e4b8a;")
    return label


class OverviewPanel(QWidget):
    """总览: the counts, then the five rates as value and numerator / denominator."""

    drill = Signal(str)  # the figure's key

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: dict[str, QLabel] = {}
        self.fractions: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        self.heading = QLabel()
        inner = QWidget()
        grid = QGridLayout(inner)
        grid.setColumnStretch(3, 1)
        grid.addWidget(QLabel(self.tr("Figure")), 0, 0)
        grid.addWidget(QLabel(self.tr("Value")), 0, 1)
        grid.addWidget(QLabel(self.tr("Numerator / denominator")), 0, 2)
        grid.addWidget(QLabel(self.tr("What is counted")), 0, 3)
        counts = (
            d.ITEMS,
            d.PEOPLE,
            d.GROUPS,
            d.CASES_OPENED,
            d.CASES_CLOSED,
            d.CASES_CLOSED_ON_TIME,
            d.OVERDUE_OPEN,
        )
        for row, key in enumerate((*counts, *RATE_KEYS), start=1):
            name: QWidget
            if key in DRILLABLE:
                button = QPushButton(d.NAMES[key])
                button.setFlat(True)
                button.setToolTip(self.tr("Open the list behind this figure"))
                button.setStyleSheet(
                    "text-align: left; color: #1e4b8a; text-decoration: underline;"
                )
                button.clicked.connect(lambda _=False, k=key: self.drill.emit(k))
                self.buttons[key] = name = button
            else:
                name = QLabel(d.NAMES[key])
            self.values[key] = _big(QLabel("—"))
            self.fractions[key] = QLabel("")
            grid.addWidget(name, row, 0)
            grid.addWidget(self.values[key], row, 1)
            grid.addWidget(self.fractions[key], row, 2)
            grid.addWidget(note(d.TEXTS[key]), row, 3)
        # The rows keep their height; the space left over goes below them.
        grid.setRowStretch(len(counts) + len(RATE_KEYS) + 1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(scroll, 1)

    def show_figures(self, figures: Overview) -> None:
        self.heading.setText(
            self.tr("{period}, counted on {day}").format(
                period=figures.period.label, day=figures.as_of.isoformat()
            )
        )
        counts = {
            d.ITEMS: figures.total,
            d.PEOPLE: figures.people,
            d.GROUPS: figures.groups,
            d.CASES_OPENED: figures.cases.opened,
            d.CASES_CLOSED: figures.cases.closed,
            d.CASES_CLOSED_ON_TIME: figures.cases.closed_on_time,
            d.OVERDUE_OPEN: figures.cases.overdue_open,
        }
        for key, value in counts.items():
            self.values[key].setText(str(value))
        for key in RATE_KEYS:
            rate = figures.rates[key]
            self.values[key].setText(percent(rate))
            self.fractions[key].setText(f"{rate.numerator} / {rate.denominator}")


class CountsTable(QGroupBox):
    """One way of counting: names and counts."""

    def __init__(self, title: str, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.table = list_table([heading, self.tr("Items")], stretch=0)
        QVBoxLayout(self).addWidget(self.table)

    def show_counts(self, counts: dict[str, int]) -> None:
        fill_cells(self.table, [[name, str(count)] for name, count in counts.items()])


class CategoriesPanel(QWidget):
    """分类: the period's items by channel, purpose, class, window, township, category, unit."""

    drill = Signal(str, str)  # the figure's key, the line's name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tables = {
            "channel": CountsTable(self.tr("By channel"), self.tr("Channel")),
            "purpose": CountsTable(self.tr("By purpose"), self.tr("Purpose")),
            "class": CountsTable(self.tr("By class of the Regulation"), self.tr("Class")),
            "window": CountsTable(self.tr("By window"), self.tr("Window")),
            "township": CountsTable(self.tr("By township"), self.tr("Township")),
            "category": CountsTable(self.tr("By content category"), self.tr("Category")),
            "unit": CountsTable(self.tr("By responsible unit"), self.tr("Unit")),
        }
        figures = {
            "channel": t.BY_CHANNEL,
            "purpose": t.BY_PURPOSE,
            "class": t.BY_CLASS,
            "window": t.BY_WINDOW,
            "township": t.BY_TOWNSHIP,
            "category": t.BY_CATEGORY,
            "unit": t.BY_UNIT,
        }
        grid = QGridLayout(self)
        for index, (key, box) in enumerate(self.tables.items()):
            grid.addWidget(box, index // 4, index % 4)
            drill_on_activate(box.table, by_line(box.table, figures[key]), self.drill.emit)
        grid.addWidget(note(d.TEXTS[d.ITEMS]), 1, 3)

    def show_figures(self, figures: Overview) -> None:
        shown = {
            "channel": figures.by_channel,
            "purpose": figures.by_purpose,
            "class": figures.by_class,
            "window": figures.by_window,
            "township": figures.by_township,
            "category": figures.by_category,
            "unit": figures.by_unit,
        }
        for key, counts in shown.items():
            self.tables[key].show_counts(counts)


class QueuePanel(QWidget):
    """窗口效能: each window's tickets, waits, service times and throughput, then each officer."""

    drill = Signal(str, str)  # the figure's key, the window's code or the officer's name
    # Each column's list: tickets, served, no-show (of the tickets), waits and within target
    # (of the called), service time and throughput (of the served).
    COLUMN_FIGURES = (
        t.QUEUE_TICKETS,
        t.QUEUE_TICKETS,
        t.QUEUE_SERVED,
        t.QUEUE_TICKETS,
        t.QUEUE_CALLED,
        t.QUEUE_CALLED,
        t.QUEUE_SERVED,
        t.QUEUE_CALLED,
        t.QUEUE_SERVED,
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_codes: list[str] = []
        self.windows = list_table(
            [
                self.tr("Window"),
                self.tr("Tickets"),
                self.tr("Served"),
                self.tr("No-show"),
                self.tr("Average wait (min)"),
                self.tr("Longest wait (min)"),
                self.tr("Average service (min)"),
                self.tr("Called within target"),
                self.tr("Served per hour"),
            ],
            stretch=0,
        )
        self.officers = list_table(
            [self.tr("Officer"), self.tr("Served"), self.tr("Average service (min)")], stretch=0
        )
        drill_on_activate(
            self.windows,
            lambda row, column: (self.COLUMN_FIGURES[column], self.window_codes[row]),
            self.drill.emit,
        )
        drill_on_activate(self.officers, by_line(self.officers, t.OFFICER_SERVED), self.drill.emit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.windows, 3)
        layout.addWidget(QLabel(self.tr("Services finished per officer")))
        layout.addWidget(self.officers, 2)
        for key in (d.WAIT, d.WITHIN_TARGET, d.THROUGHPUT):
            layout.addWidget(note(f"{d.NAMES[key]}：{d.TEXTS[key]}"))

    def show_figures(self, figures: QueueFigures) -> None:
        self.window_codes = [line.window for line in figures.windows]
        fill_cells(
            self.windows,
            [
                [
                    line.window_name,
                    str(line.tickets),
                    str(line.served),
                    f"{percent(line.no_show)}（{line.no_show.numerator}/{line.no_show.denominator}）",
                    number(line.average_wait),
                    number(line.max_wait),
                    number(line.average_service),
                    f"{percent(line.within_target)}"
                    f"（{line.within_target.numerator}/{line.within_target.denominator}）",
                    number(line.per_hour),
                ]
                for line in figures.windows
            ],
        )
        fill_cells(
            self.officers,
            [[o.officer, str(o.served), number(o.average_service)] for o in figures.officers],
        )


def _pairs_table(headers: Sequence[str]) -> QTableWidget:
    return list_table(list(headers), stretch=0)


class CourtPanel(QWidget):
    """法庭: the circuit court's figures over the period."""

    drill = Signal(str, str)  # the figure's key, the track's or outcome's name
    # Each line's list: received, handled, registered, closed, mediated, confirmed, the
    # mediation rate (of the closed), the days to mediation (of the mediated).
    LINE_FIGURES = (
        (t.COURT_RECEIVED, ""),
        (t.COURT_HANDLED, ""),
        (t.COURT_REGISTERED, ""),
        (t.COURT_CLOSED, ""),
        (t.COURT_MEDIATED, ""),
        (t.COURT_CLOSED, "司法确认"),
        (t.COURT_CLOSED, ""),
        (t.COURT_MEDIATED, ""),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = _pairs_table([self.tr("Figure"), self.tr("Value")])
        self.tracks = _pairs_table([self.tr("Track"), self.tr("Registered")])
        self.outcomes = _pairs_table([self.tr("Outcome"), self.tr("Closed")])
        drill_on_activate(self.table, lambda row, _column: self.LINE_FIGURES[row], self.drill.emit)
        drill_on_activate(self.tracks, by_line(self.tracks, t.COURT_REGISTERED), self.drill.emit)
        drill_on_activate(self.outcomes, by_line(self.outcomes, t.COURT_CLOSED), self.drill.emit)
        grid = QGridLayout(self)
        grid.addWidget(self.table, 0, 0, 2, 1)
        grid.addWidget(self.tracks, 0, 1)
        grid.addWidget(self.outcomes, 1, 1)
        grid.addWidget(note(d.TEXTS[d.COURT]), 2, 0, 1, 2)

    def show_figures(self, tab: CourtTab) -> None:
        f = tab.figures
        rate = tab.mediation_rate
        fill_cells(
            self.table,
            [
                [self.tr("Visitors received"), str(f.received)],
                [self.tr("Matters handled"), str(f.handled)],
                [self.tr("Cases registered"), str(f.registered)],
                [self.tr("Cases closed"), str(f.closed)],
                [self.tr("Closed by mediation"), str(f.mediated)],
                [self.tr("Judicial confirmations"), str(f.by_outcome.get("司法确认", 0))],
                [
                    self.tr("Mediation rate"),
                    f"{percent(rate)}（{rate.numerator}/{rate.denominator}）",
                ],
                [self.tr("Average days to mediation"), number(tab.average_mediation_days)],
            ],
        )
        fill_cells(self.tracks, [[k, str(v)] for k, v in f.by_track.items()])
        fill_cells(self.outcomes, [[k, str(v)] for k, v in f.by_outcome.items()])


class SupervisionPanel(QWidget):
    """督办: orders issued, replied on time, escalated; units ranked by overdue cases and by
    complaints."""

    drill = Signal(str, str)  # the figure's key, the unit's name
    LINE_FIGURES = (t.ORDERS_ISSUED, t.ORDERS_ON_TIME, t.ORDERS_ESCALATED)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = _pairs_table([self.tr("Figure"), self.tr("Value")])
        self.overdue = _pairs_table([self.tr("Unit"), self.tr("Overdue cases")])
        self.complained = _pairs_table([self.tr("Unit"), self.tr("Complaints")])
        drill_on_activate(
            self.table, lambda row, _column: (self.LINE_FIGURES[row], ""), self.drill.emit
        )
        for table, figure in ((self.overdue, t.UNIT_OVERDUE), (self.complained, t.UNIT_COMPLAINED)):
            drill_on_activate(table, by_line(table, figure), self.drill.emit)
        grid = QGridLayout(self)
        grid.addWidget(self.table, 0, 0, 1, 2)
        grid.addWidget(self.overdue, 1, 0)
        grid.addWidget(self.complained, 1, 1)
        for column, key in enumerate((d.UNITS_OVERDUE, d.UNITS_COMPLAINED)):
            grid.addWidget(note(f"{d.NAMES[key]}：{d.TEXTS[key]}"), 2, column)
        grid.addWidget(note(f"{d.NAMES[d.ORDERS]}：{d.TEXTS[d.ORDERS]}"), 3, 0, 1, 2)

    def show_figures(self, figures: SupervisionFigures) -> None:
        on_time = figures.replied_on_time
        fill_cells(
            self.table,
            [
                [self.tr("Orders issued"), str(figures.issued)],
                [
                    self.tr("Replied on time"),
                    f"{on_time.numerator}（{percent(on_time)}，{on_time.numerator}/"
                    f"{on_time.denominator}）",
                ],
                [self.tr("Escalated"), str(figures.escalated)],
            ],
        )
        fill_cells(self.overdue, [[u.unit, str(u.count)] for u in figures.units_by_overdue])
        fill_cells(self.complained, [[u.unit, str(u.count)] for u in figures.units_by_complaints])
