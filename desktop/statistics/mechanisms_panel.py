"""包案化解: the mechanisms' figures on the 统计分析 page — the dispute register's 化解率 per
包案领导 and per responsible unit, each rate as its numerator and denominator, and the township
stations' entries ranked by station and by township, each table with its 口径说明. A number
double-clicked (or Enter pressed on it) opens the register or station entries behind it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QTableWidget, QVBoxLayout, QWidget

from desktop.statistics.panels import drill_on_activate, line_name, note, percent
from hall.figures import MechanismTab
from hall.figures import definitions as d
from hall.figures import mechanism_figures as m
from hall.figures.mechanism_figures import ResolutionLine
from hall.mechanisms.stations import RankRow
from kit.list_table import fill_cells, list_table

# Each column's list: the line's entries, those with an outcome, those resolved, and the
# rate's denominator (those with an outcome).
RESOLUTION_PARTS = (m.ENTRIES, m.ENTRIES, m.CLOSED, m.RESOLVED_PART, m.CLOSED)
RANKING_PARTS = (m.ALL, m.REQUESTS, m.WARNINGS, m.ALL)


class MechanismsPanel(QWidget):
    drill = Signal(str, str)  # the figure's key, the leader's, unit's, station's or township's name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.leaders = self._resolution_table(self.tr("Leader"), m.LEADER)
        self.units = self._resolution_table(self.tr("Responsible unit"), m.UNIT)
        self.stations = self._ranking_table(self.tr("Station"), m.STATION)
        self.townships = self._ranking_table(self.tr("Township"), m.TOWNSHIP)
        grid = QGridLayout(self)
        for column, (title, table) in enumerate(
            (
                (self.tr("Resolution rate by leader in charge (包案领导)"), self.leaders),
                (self.tr("Resolution rate by responsible unit"), self.units),
            )
        ):
            grid.addWidget(self._box(title, table), 0, column)
        grid.addWidget(note(f"{d.NAMES[d.RESOLUTION]}：{d.TEXTS[d.RESOLUTION]}"), 1, 0, 1, 2)
        for column, (title, table) in enumerate(
            (
                (self.tr("Stations ranked by entries sent"), self.stations),
                (self.tr("Townships ranked by entries sent"), self.townships),
            )
        ):
            grid.addWidget(self._box(title, table), 2, column)
        grid.addWidget(note(f"{d.NAMES[d.STATIONS]}：{d.TEXTS[d.STATIONS]}"), 3, 0, 1, 2)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(2, 1)

    def _box(self, title: str, table: QTableWidget) -> QGroupBox:
        box = QGroupBox(title)
        QVBoxLayout(box).addWidget(table)
        return box

    def _resolution_table(self, first: str, by: str) -> QTableWidget:
        table = list_table(
            [
                first,
                self.tr("Entries"),
                self.tr("With an outcome"),
                self.tr("Resolved"),
                self.tr("Resolution rate (resolved / with an outcome)"),
            ],
            stretch=0,
        )
        drill_on_activate(
            table,
            lambda row, column: (
                m.figure_key(by, RESOLUTION_PARTS[column]),
                line_name(table, row),
            ),
            self.drill.emit,
        )
        return table

    def _ranking_table(self, first: str, by: str) -> QTableWidget:
        table = list_table(
            [first, self.tr("Requests"), self.tr("Early warnings"), self.tr("In all")], stretch=0
        )
        drill_on_activate(
            table,
            lambda row, column: (m.figure_key(by, RANKING_PARTS[column]), line_name(table, row)),
            self.drill.emit,
        )
        return table

    def show_figures(self, tab: MechanismTab) -> None:
        for table, lines in ((self.leaders, tab.by_leader), (self.units, tab.by_unit)):
            fill_cells(table, [self._resolution_cells(line) for line in lines])
        for table, ranked in ((self.stations, tab.by_station), (self.townships, tab.by_township)):
            fill_cells(table, [self._ranking_cells(row) for row in ranked])

    @staticmethod
    def _resolution_cells(line: ResolutionLine) -> list[str]:
        rate = line.rate
        return [
            line.name,
            str(line.entries),
            str(line.closed),
            str(line.resolved),
            f"{percent(rate)}（{rate.numerator}/{rate.denominator}）",
        ]

    @staticmethod
    def _ranking_cells(row: RankRow) -> list[str]:
        return [row.name, str(row.requests), str(row.warnings), str(row.total)]
