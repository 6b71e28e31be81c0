"""The administrator's holiday calendar: a year's public holidays and make-up workdays
(调休上班), added, changed or removed, and the year confirmed once the State Council's
announcement is all entered — or the whole announcement entered at once in a table and
confirmed. The deadlines of formal cases follow this table; the screen says which years the
running deadlines need but the calendar still lacks, shows the holidays fixed by law that stand
for such a year until its notice is entered, and after a notice tells how many deadlines moved."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.engine import Database, Session
from db.models import User
from hall import calendar, case_views, clock
from hall.calendar import SpecialDay
from hall.case_views import CalendarYearView
from kit.context import AppContext
from kit.dates import date_edit, to_qdate
from kit.fields import ERROR_COLOUR
from kit.operations import Operation, Problem
from windows.letters.common import to_date


class HolidayCalendarScreen(QWidget):
    """One year of the calendar at a time."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.days: list[SpecialDay] = []
        today = clock.now().date()
        layout = QVBoxLayout(self)

        self.warning = QLabel()
        self.warning.setObjectName("calendarWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(
            "background: #fff3cd; color: #6b4700; padding: 6px; font-weight: bold;"
        )
        layout.addWidget(self.warning)

        top = QHBoxLayout()
        year_label = QLabel(self.tr("&Year"))
        top.addWidget(year_label)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.year.valueChanged.connect(self.refresh)
        year_label.setBuddy(self.year)
        top.addWidget(self.year)
        self.year_state = QLabel()
        top.addWidget(self.year_state, 1)
        self.confirm_button = QPushButton(self.tr("&Confirm this year is complete"))
        self.confirm_button.clicked.connect(self.confirm_year)
        top.addWidget(self.confirm_button)
        self.notice_button = QPushButton(self.tr("Enter the year's &notice…"))
        self.notice_button.clicked.connect(self.enter_notice)
        top.addWidget(self.notice_button)
        layout.addLayout(top)

        self.provisional: list[SpecialDay] = []
        self.notice: NoticeDialog | None = None
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("specialDays")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Weekday"), self.tr("Kind"), self.tr("Name"), self.tr("Note")]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            4, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.currentCellChanged.connect(self._row_chosen)
        layout.addWidget(self.table, 1)

        edit = QGroupBox(self.tr("A day"))
        form = QFormLayout(edit)
        self.day = QDateEdit(to_qdate(today))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        form.addRow(self.tr("&Date"), self.day)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. National Day"))
        form.addRow(self.tr("&Name"), self.name)
        buttons = QHBoxLayout()
        self.holiday_button = QPushButton(self.tr("Mark as &holiday"))
        self.holiday_button.clicked.connect(self.add_holiday)
        self.workday_button = QPushButton(self.tr("Mark as make-up &workday"))
        self.workday_button.clicked.connect(self.add_workday)
        self.remove_button = QPushButton(self.tr("&Remove (back to Monday–Friday)"))
        self.remove_button.clicked.connect(self.remove_day)
        for button in (self.holiday_button, self.workday_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        form.addRow(buttons)
        layout.addWidget(edit)

        self.message = QLabel()
        self.message.setObjectName("calendarMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        year = self.year.value()
        Operation(
            self, self.ctx.database, lambda s: case_views.calendar_year(s, year), read_only=True
        ).success(self._show_year).failure(self._problem).run()

    def _show_year(self, shown: CalendarYearView) -> None:
        self.days = list(shown.days)
        self.warning.setText(shown.warning)
        self.warning.setVisible(bool(shown.warning))
        year = shown.year
        self.year_state.setText(
            self.tr("{year}: confirmed").format(year=year)
            if shown.confirmed
            else self.tr(
                "{year}: not confirmed — deadlines count weekends and the holidays fixed by law"
            ).format(year=year)
        )
        self.provisional = list(shown.provisional)
        # The days entered first (a row picked fills the form), then the provisional ones.
        rows = [(d, "") for d in self.days]
        rows += [(d, self.tr("provisional (by the statutory holidays)")) for d in self.provisional]
        self.table.setRowCount(len(rows))
        for number, (day, note) in enumerate(rows):
            values = [
                day.day.isoformat(),
                "星期" + calendar.WEEKDAYS[day.day.weekday()],
                day.kind_name,
                day.name,
                note,
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if note:
                    item.setForeground(QColor("#6b4700"))
                self.table.setItem(number, column, item)

    def _problem(self, problem: Problem) -> None:
        self.message.setText(problem.message)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};")

    def _row_chosen(self, row: int) -> None:
        shown = [*self.days, *self.provisional]
        if 0 <= row < len(shown):
            chosen = shown[row]
            self.day.setDate(to_qdate(chosen.day))
            self.name.setText(chosen.name)

    def _run(self, action: str) -> None:
        day, name, year = to_date(self.day.date()), self.name.text(), self.year.value()
        user = self.ctx.user

        def act(s: Session) -> None:
            if action == "holiday":
                calendar.add_holiday(s, day, name, actor=user)
            elif action == "workday":
                calendar.add_workday(s, day, name, actor=user)
            elif action == "remove":
                calendar.remove_day(s, day, actor=user)
            else:
                calendar.confirm_year(s, year, actor=user)

        def saved(_none: None) -> None:
            self.message.setText(self.tr("Saved."))
            self.message.setStyleSheet("color: #1b5e20;")
            if action != "confirm" and day.year != self.year.value():
                self.year.setValue(day.year)
            else:
                self.refresh()
            self.changed.emit()

        Operation(self, self.ctx.database, act).success(saved).failure(self._problem).run()

    def add_holiday(self) -> None:
        self._run("holiday")

    def add_workday(self) -> None:
        self._run("workday")

    def remove_day(self) -> None:
        self._run("remove")

    def confirm_year(self) -> None:
        self._run("confirm")

    def enter_notice(self) -> NoticeDialog:
        """The year's notice in one table, started from the holidays fixed by law."""
        year = self.year.value()
        start = [*self.days, *self.provisional]
        dialog = NoticeDialog(year, start, self.ctx.database, self.ctx.user, self)
        self.notice = dialog

        def entered(moved: int) -> None:
            self.message.setText(
                self.tr(
                    "The {year} notice is entered and the year confirmed; {count} deadlines moved."
                ).format(year=year, count=moved)
            )
            self.message.setStyleSheet("color: #1b5e20;")
            self.refresh()
            self.changed.emit()

        dialog.entered.connect(entered)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog


class NoticeDialog(QDialog):
    """A year's notice (放假安排) as the State Council publishes it: every day off and make-up
    workday in one table, entered and confirmed together with 确认, so each deadline it moves
    moves once. A refusal is said here and the table kept."""

    entered = Signal(int)  # how many deadlines moved

    def __init__(
        self,
        year: int,
        days: Sequence[SpecialDay],
        database: Database,
        user: User | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.year, self.database, self.user = year, database, user
        self.setWindowTitle(self.tr("The {year} holiday notice").format(year=year))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Enter every day off and every make-up workday of the State Council's notice "
                "for {year}, then confirm: the year is complete and the deadlines it moves are "
                "recomputed at once. The holidays fixed by law are filled in to start from."
            ).format(year=year)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Kind"), self.tr("Name")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        rows = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add a day"))
        self.add_button.clicked.connect(lambda: self.add_day(dt.date(year, 1, 1)))
        self.remove_button = QPushButton(self.tr("&Remove the day"))
        self.remove_button.clicked.connect(self.remove_current)
        rows.addWidget(self.add_button)
        rows.addWidget(self.remove_button)
        rows.addStretch(1)
        layout.addLayout(rows)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm_button = buttons.addButton(
            self.tr("Confirm"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for day in days:
            self.add_day(day.day, day.is_workday, day.name)
        self.resize(640, 560)

    def add_day(self, day: dt.date, is_workday: bool = False, name: str = "") -> int:
        """A row for ``day``; returns its number."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setCellWidget(row, 0, date_edit(day))
        kind = QComboBox()
        kind.addItem(self.tr("Day off"), False)
        kind.addItem(self.tr("Make-up workday"), True)
        kind.setCurrentIndex(1 if is_workday else 0)
        self.table.setCellWidget(row, 1, kind)
        self.table.setItem(row, 2, QTableWidgetItem(name))
        self.table.setCurrentCell(row, 2)
        return row

    def remove_current(self) -> None:
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())

    def notice(self) -> tuple[dict[dt.date, str], dict[dt.date, str]]:
        """The days off and the make-up workdays, each with its name."""
        holidays: dict[dt.date, str] = {}
        workdays: dict[dt.date, str] = {}
        for row in range(self.table.rowCount()):
            edit, kind = self.table.cellWidget(row, 0), self.table.cellWidget(row, 1)
            assert isinstance(edit, QDateEdit) and isinstance(kind, QComboBox)
            item = self.table.item(row, 2)
            day = to_date(edit.date())
            (workdays if kind.currentData() else holidays)[day] = item.text() if item else ""
        return holidays, workdays

    def confirm(self) -> None:
        self.error_label.hide()
        year, user = self.year, self.user
        holidays, workdays = self.notice()
        outside = sorted(d for d in [*holidays, *workdays] if d.year != year)
        if outside:
            self._refuse(
                self.tr("{day} is not in {year}: correct the date or remove the row.").format(
                    day=outside[0].isoformat(), year=year
                )
            )
            return

        def enter(s: Session) -> int:
            return len(calendar.enter_notice(s, year, holidays, workdays, actor=user))

        Operation(self, self.database, enter).success(self._entered).failure(
            lambda problem: self._refuse(problem.message)
        ).run()

    def _entered(self, moved: int) -> None:
        self.accept()
        self.entered.emit(moved)

    def _refuse(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
