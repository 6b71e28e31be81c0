"""The circuit court's figures for any period, and its hearing list.

The figures (visitors received, matters handled, cases registered and closed, closed by
mediation and the mediation rate, by track and by outcome) are counted on a worker: a year of
a busy court is many rows. For the clerk, the leaders and the administrator.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.engine import Database
from hall import clock, court_cases, court_figures
from hall.calendar import cn_date
from hall.court_figures import CourtFigures
from kit.context import AppContext, HallEvent, HallEvents
from kit.dates import date_edit, to_qdate
from kit.fields import ERROR_COLOUR
from kit.list_table import Picking, list_table
from kit.operations import Operation, Problem
from windows.court.forms import to_date
from windows.court.inbox import stamp

RECOUNT_DELAY_MS = 200


def figures_title() -> str:
    """The page's name in the navigation of those who see it on its own (the leaders)."""
    return QCoreApplication.translate("CourtFiguresPage", "Court figures")


class CourtFiguresPage(QWidget):
    """Pick a period (this year by default) and count."""

    counted = Signal(object)  # CourtFigures
    failed = Signal(str)

    def __init__(
        self, database: Database, events: HallEvents | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.figures: CourtFigures | None = None
        # A count asked for while one runs is made once that one is shown.
        self._count_again = False
        # A hand-off accepted, a case registered or closed anywhere: the figures count again
        # (once for a burst of events).
        self._recount_timer = QTimer(self)
        self._recount_timer.setSingleShot(True)
        self._recount_timer.setInterval(RECOUNT_DELAY_MS)
        self._recount_timer.timeout.connect(self.count)
        if events is not None:
            events.received.connect(self._event)
            events.connection_restored.connect(self._recount_timer.start)
        today = clock.now().date()
        self.first_edit = date_edit(dt.date(today.year, 1, 1))
        self.last_edit = date_edit(today)
        first_label = QLabel(self.tr("&From"))
        first_label.setBuddy(self.first_edit)
        last_label = QLabel(self.tr("&To"))
        last_label.setBuddy(self.last_edit)
        self.count_button = QPushButton(self.tr("&Count"))
        self.count_button.setDefault(True)
        self.count_button.clicked.connect(self.count)
        self.this_year_button = QPushButton(self.tr("This &year"))
        self.this_year_button.clicked.connect(lambda: self._period(*self._year(today.year)))
        self.last_year_button = QPushButton(self.tr("&Last year"))
        self.last_year_button.clicked.connect(lambda: self._period(*self._year(today.year - 1)))
        self.this_month_button = QPushButton(self.tr("This mo&nth"))
        self.this_month_button.clicked.connect(
            lambda: self._period(dt.date(today.year, today.month, 1), today)
        )
        period = QHBoxLayout()
        for widget in (
            first_label,
            self.first_edit,
            last_label,
            self.last_edit,
            self.count_button,
            self.this_year_button,
            self.last_year_button,
            self.this_month_button,
        ):
            period.addWidget(widget)
        period.addStretch(1)

        self.heading = QLabel()
        heading_font = QFont(self.heading.font())
        heading_font.setPointSize(max(heading_font.pointSize(), 9) + 3)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.tiles: dict[str, QLabel] = {}
        tiles = QGridLayout()
        names = [
            ("received", self.tr("Visitors received")),
            ("handled", self.tr("Matters handled")),
            ("registered", self.tr("Cases registered")),
            ("closed", self.tr("Cases closed")),
            ("mediated", self.tr("Closed by mediation")),
            ("rate", self.tr("Mediation rate")),
            ("converted", self.tr("Procedure converted")),
            ("extended", self.tr("Trial limit extended")),
        ]
        for index, (key, title) in enumerate(names):
            tiles.addWidget(self._tile(key, title), index // 4, index % 4)
        self.track_table = list_table([self.tr("Track"), self.tr("Registered")], stretch=None)
        self.outcome_table = list_table([self.tr("Outcome"), self.tr("Closed")], stretch=None)
        tables = QHBoxLayout()
        track_box = QGroupBox(self.tr("Registered by track"))
        QVBoxLayout(track_box).addWidget(self.track_table)
        outcome_box = QGroupBox(self.tr("Closed by outcome"))
        QVBoxLayout(outcome_box).addWidget(self.outcome_table)
        tables.addWidget(track_box)
        tables.addWidget(outcome_box)
        note = QLabel(
            self.tr(
                "Visitors received: visits handed to the court or served at its window. Matters "
                "handled: hand-offs accepted. The mediation rate is closed by mediation "
                "(mediated or judicially confirmed) over all closed."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #546e7a;")

        layout = QVBoxLayout(self)
        layout.addLayout(period)
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addLayout(tiles)
        layout.addLayout(tables, 1)
        layout.addWidget(note)

        self.count()

    def _tile(self, key: str, title: str) -> QFrame:
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setStyleSheet("QFrame { background: #f4f7fb; border-radius: 4px; }")
        value = QLabel("—")
        value.setObjectName(key)
        font = QFont(value.font())
        font.setPointSize(max(font.pointSize(), 9) * 2 + 4)
        font.setBold(True)
        value.setFont(font)
        value.setStyleSheet("color: #1e4b8a;")
        value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        caption = QLabel(title)
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column = QVBoxLayout(frame)
        column.addWidget(value)
        column.addWidget(caption)
        self.tiles[key] = value
        return frame

    @staticmethod
    def _year(year: int) -> tuple[dt.date, dt.date]:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)

    def _period(self, first: dt.date, last: dt.date) -> None:
        self.first_edit.setDate(to_qdate(first))
        self.last_edit.setDate(to_qdate(last))
        self.count()

    def _event(self, event: HallEvent) -> None:
        if event.kind.startswith("court."):
            self._recount_timer.start()

    def count(self) -> None:
        """Count the period on the page's worker: a busy court's year is many rows."""
        if not self.count_button.isEnabled():
            self._count_again = True
            return
        first, last = to_date(self.first_edit), to_date(self.last_edit)
        self.count_button.setEnabled(False)
        self.message.clear()
        Operation(
            self,
            self.database,
            lambda s: court_figures.figures(s, first, last),
            read_only=True,
        ).success(self._show).failure(self._failed).run_in_background()

    def _counted_once(self) -> None:
        self.count_button.setEnabled(True)
        if self._count_again:
            self._count_again = False
            self.count()

    def _failed(self, problem: Problem) -> None:
        self._counted_once()
        self.message.setText(problem.message)
        self.failed.emit(problem.message)

    def _show(self, figures: CourtFigures) -> None:
        self._counted_once()
        self.figures = figures
        self.heading.setText(
            self.tr("From {first} to {last}").format(
                first=cn_date(figures.first), last=cn_date(figures.last)
            )
        )
        self.tiles["received"].setText(str(figures.received))
        self.tiles["handled"].setText(str(figures.handled))
        self.tiles["registered"].setText(str(figures.registered))
        self.tiles["closed"].setText(str(figures.closed))
        self.tiles["mediated"].setText(str(figures.mediated))
        self.tiles["rate"].setText(figures.mediation_rate_text)
        self.tiles["converted"].setText(str(figures.converted))
        self.tiles["extended"].setText(str(figures.extended))
        for table, counts in (
            (self.track_table, figures.by_track),
            (self.outcome_table, figures.by_outcome),
        ):
            table.setRowCount(len(counts))
            for row, (name, number) in enumerate(counts.items()):
                table.setItem(row, 0, QTableWidgetItem(name))
                item = QTableWidgetItem(str(number))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                table.setItem(row, 1, item)
        self.counted.emit(figures)


class HearingsPage(QWidget):
    """The court's calendar (开庭排期表) for the coming weeks; Enter on a line opens its file."""

    refreshed = Signal()
    case_wanted = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[court_cases.HearingRow] = []
        today = clock.now().date()
        self.first_edit = date_edit(today)
        self.last_edit = date_edit(today + dt.timedelta(days=30))
        self.first_edit.dateChanged.connect(self.refresh)
        self.last_edit.dateChanged.connect(self.refresh)
        first_label = QLabel(self.tr("&From"))
        first_label.setBuddy(self.first_edit)
        last_label = QLabel(self.tr("&To"))
        last_label.setBuddy(self.last_edit)
        self.table = list_table(
            [
                self.tr("When"),
                self.tr("Kind"),
                self.tr("Case"),
                self.tr("Plaintiff"),
                self.tr("Defendant"),
                self.tr("Place"),
                self.tr("Note"),
            ],
            stretch=6,
            picking=Picking.ONE_ROW,
        )
        self.table.setToolTip(self.tr("Double-click or press Enter to open the file"))
        self.table.activated.connect(
            lambda index: self.case_wanted.emit(self.rows[index.row()].case_id)
        )
        self.message = QLabel()
        period = QHBoxLayout()
        for widget in (first_label, self.first_edit, last_label, self.last_edit):
            period.addWidget(widget)
        period.addStretch(1)
        period.addWidget(self.message)
        layout = QVBoxLayout(self)
        layout.addLayout(period)
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        first, last = to_date(self.first_edit), to_date(self.last_edit)
        user = self.ctx.user
        rows = (
            Operation(
                self,
                self.ctx.database,
                lambda s: court_cases.hearings(s, first, last, user),
                read_only=True,
            )
            .failure(lambda problem: self.message.setText(problem.message))
            .run()
        )
        if rows is None:
            return
        self.rows = rows
        self.message.setText(self.tr("{count} on the calendar").format(count=len(self.rows)))
        self.table.setRowCount(len(self.rows))
        for row, hearing in enumerate(self.rows):
            cells = (
                stamp(hearing.starts_at),
                hearing.kind_name,
                hearing.case_number,
                hearing.plaintiff,
                hearing.defendant,
                hearing.place,
                hearing.note,
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.refreshed.emit()
