"""The administrator's holiday calendar: a year's public holidays and make-up workdays
(调休上班), added, changed or removed, and the year confirmed once the State Council's
announcement is all entered. The deadlines of formal cases follow this table; the screen
says which years the running deadlines need but the calendar still lacks."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
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

from db.engine import Session
from hall import calendar, case_views, clock
from hall.calendar import SpecialDay
from hall.case_views import CalendarYearView
from kit.context import AppContext
from kit.dates import to_qdate
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
        layout.addLayout(top)

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("specialDays")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Weekday"), self.tr("Kind"), self.tr("Name")]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
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
            else self.tr("{year}: not confirmed — deadlines count only weekends").format(year=year)
        )
        self.table.setRowCount(len(self.days))
        for number, day in enumerate(self.days):
            values = [
                day.day.isoformat(),
                "星期" + calendar.WEEKDAYS[day.day.weekday()],
                day.kind_name,
                day.name,
            ]
            for column, value in enumerate(values):
                self.table.setItem(number, column, QTableWidgetItem(value))

    def _problem(self, problem: Problem) -> None:
        self.message.setText(problem.message)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};")

    def _row_chosen(self, row: int) -> None:
        if 0 <= row < len(self.days):
            chosen = self.days[row]
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
