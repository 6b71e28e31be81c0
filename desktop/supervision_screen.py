"""The supervisors' overview (督办): every overdue or stalled case with why, supervision orders
issued to the responsible units with a reply deadline, their replies recorded and escalated,
and each unit's record. For the supervision window's officers, leaders and the administrator.

The lists read a page at a time (``hall.supervision`` serves them from indexes), so the
screen stays quick with a hundred thousand open cases; the units' records, which sum over
every case, are read on a worker and handed back to the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.engine import Session
from desktop.holiday_calendar_screen import HolidayCalendarScreen
from hall import case_views, clock, supervision, users
from hall.case_views import AlertSummary
from hall.cases import CaseRow
from hall.deadlines import ALERT_NAMES, Alert
from hall.supervision import OrderView, UnitRecord
from kit.alerts import ALERT_COLOURS
from kit.context import AppContext
from kit.lazy_table import CENTRE, Column, LazyTableModel
from kit.operations import Operation, Problem
from windows.letters.case_view import CaseViewPage
from windows.letters.cases import LetterCaseTableModel
from windows.mechanisms.overdue import OverdueDisputes, overdue_title
from windows.supervision import CaseOrders

T = TypeVar("T")


class SupervisionScreen(QWidget, CaseOrders):
    """Overdue and stalled cases, orders, and units' records."""

    unit_records_shown = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = clock.now().date()
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Supervision of formal cases"))
        font = title.font()
        font.setPointSize(max(font.pointSize(), 9) + 5)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)

        self.strip_labels: dict[Alert, QLabel] = {}
        strip = QHBoxLayout()
        for level, (background, text) in ALERT_COLOURS.items():
            label = QLabel()
            label.setStyleSheet(
                f"background: {background}; color: {text}; padding: 4px 10px; border-radius: 3px;"
            )
            self.strip_labels[level] = label
            strip.addWidget(label)
        self.needing_label = QLabel()
        self.needing_label.setStyleSheet("font-weight: bold; padding: 4px 10px;")
        strip.addWidget(self.needing_label)
        strip.addStretch(1)
        layout.addLayout(strip)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_cases_tab(), self.tr("Overdue and stalled cases"))
        self.tabs.addTab(self._build_orders_tab(), self.tr("Orders awaiting a late reply"))
        self.tabs.addTab(self._build_units_tab(), self.tr("Units' records"))
        self.tabs.addTab(OverdueDisputes(ctx, compact=False), overdue_title())
        self.tabs.currentChanged.connect(self._tab_shown)
        layout.addWidget(self.tabs, 1)

        ctx.events.received.connect(self._event)
        ctx.events.connection_restored.connect(self.refresh)
        self.refresh()

    # -- building ---------------------------------------------------------------------------

    def _build_cases_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        columns: list[Column[CaseRow]] = [
            Column(self.tr("Number"), lambda r: r.number),
            Column(self.tr("State"), lambda r: r.state_name, CENTRE),
            Column(self.tr("Responsible unit"), lambda r: r.unit or ""),
            Column(self.tr("Officer"), lambda r: r.officer or ""),
            Column(self.tr("Due"), lambda r: r.due_on.isoformat() if r.due_on else "", CENTRE),
            Column(
                self.tr("Days overdue"),
                lambda r: str(r.days_overdue) if r.days_overdue else "",
                CENTRE,
            ),
            Column(self.tr("Why"), lambda r: "；".join(r.reasons)),
        ]
        self.cases_model = LetterCaseTableModel(columns, self._fetch_cases, parent=self)
        self.cases_table = self._table(self.cases_model)
        header = self.cases_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.cases_table.selectionModel().currentRowChanged.connect(self._case_chosen)

        self.case_view = CaseViewPage(self.ctx)
        self.case_view.changed.connect(lambda _id: self.refresh())
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.cases_table, 3)
        left_layout.addWidget(self.build_orders(), 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.case_view)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([860, 620])
        layout.addWidget(splitter)
        return page

    def _build_orders_tab(self) -> QWidget:
        columns: list[Column[OrderView]] = [
            Column(self.tr("Order"), lambda o: o.number),
            Column(self.tr("Case"), lambda o: o.case_number),
            Column(self.tr("Level"), lambda o: o.level_name, CENTRE),
            Column(self.tr("Unit"), lambda o: o.unit),
            Column(self.tr("Issued"), lambda o: o.issued_on.isoformat(), CENTRE),
            Column(self.tr("Reply due"), lambda o: o.reply_due.isoformat(), CENTRE),
            Column(self.tr("Reason"), lambda o: o.reason),
        ]
        self.late_orders_model: LazyTableModel[OrderView] = LazyTableModel(
            columns, self._fetch_late_orders, parent=self
        )
        self.late_orders_table = self._table(self.late_orders_model)
        self.late_orders_table.horizontalHeader().setSectionResizeMode(
            6, QHeaderView.ResizeMode.Stretch
        )
        return self.late_orders_table

    def _build_units_tab(self) -> QWidget:
        self.units_table = QTableWidget(0, 8)
        self.units_table.setObjectName("unitRecords")
        self.units_table.setHorizontalHeaderLabels(
            [
                self.tr("Unit"),
                self.tr("Assigned"),
                self.tr("Forwarded"),
                self.tr("Reported"),
                self.tr("On-time rate"),
                self.tr("Overdue"),
                self.tr("Orders received"),
                self.tr("Orders open"),
            ]
        )
        self.units_table.verticalHeader().hide()
        self.units_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.units_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return self.units_table

    def _table(self, model: LazyTableModel[CaseRow] | LazyTableModel[OrderView]) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.verticalHeader().hide()
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        return table

    # -- reading ----------------------------------------------------------------------------

    def _fetch_cases(self, offset: int, limit: int) -> Sequence[CaseRow]:
        today = self.today
        return self._read(lambda s: supervision.needing_supervision(s, today, limit, offset)) or []

    def _fetch_late_orders(self, offset: int, limit: int) -> Sequence[OrderView]:
        today = self.today
        return self._read(lambda s: supervision.overdue_orders(s, today, limit, offset)) or []

    def _read(self, query: Callable[[Session], T]) -> T | None:
        """A page of a list, read inline (a page is quick); a failure is told in the message
        line, the list then shown as far as it was read."""
        return (
            Operation(self, self.ctx.database, query, read_only=True).failure(self._problem).run()
        )

    def _problem(self, problem: Problem) -> None:
        self.message.setText(problem.message)

    def refresh(self) -> None:
        self.today = clock.now().date()
        chosen = self.chosen_case()
        self.cases_model.reload()
        self.late_orders_model.reload()
        today = self.today
        summary = self._read(lambda s: case_views.alert_summary(s, today))
        if summary is not None:
            self._summarised(summary)
        if chosen is not None:
            self.select_case(chosen.id)
        self.show_orders()
        if self.tabs.currentWidget() is self.units_table:
            self.load_unit_records()

    def _summarised(self, summary: AlertSummary) -> None:
        for level, label in self.strip_labels.items():
            label.setText(
                self.tr("{alert}: {count}").format(
                    alert=ALERT_NAMES[level], count=summary.counts.get(level, 0)
                )
            )
        self.needing_label.setText(
            self.tr("Needing supervision: {count}").format(count=summary.needing)
        )

    def load_unit_records(self) -> None:
        """Read the units' records on a worker (they sum over every case); shown when they
        arrive."""
        today = self.today
        Operation(
            self, self.ctx.database, lambda s: supervision.unit_records(s, today), read_only=True
        ).success(self._show_unit_records).failure(self._problem).run_in_background()

    def _tab_shown(self) -> None:
        if self.tabs.currentWidget() is self.units_table:
            self.load_unit_records()

    def _show_unit_records(self, records: list[UnitRecord]) -> None:
        self.units_table.setRowCount(len(records))
        for number, record in enumerate(records):
            rate = record.on_time_rate
            values = [
                record.name,
                str(record.assigned),
                str(record.forwarded),
                str(record.reported),
                f"{rate:.0%}" if rate is not None else "—",
                str(record.overdue),
                str(record.orders),
                str(record.orders_open),
            ]
            for column, value in enumerate(values):
                self.units_table.setItem(number, column, QTableWidgetItem(value))
        self.unit_records_shown.emit()

    def chosen_case(self) -> CaseRow | None:
        index = self.cases_table.currentIndex()
        if not index.isValid():
            return None
        return self.cases_model.row(index.row())

    def select_case(self, case_id: int) -> bool:
        for number in range(self.cases_model.rowCount()):
            if self.cases_model.row(number).id == case_id:
                self.cases_table.setCurrentIndex(self.cases_model.index(number, 0))
                return True
        return False

    def _case_chosen(self) -> None:
        row = self.chosen_case()
        if row is not None:
            self.case_view.open_case(row.id)
        self.show_orders()


def may_supervise(ctx: AppContext) -> bool:
    """Leaders, the administrator and the supervision window's officers."""
    return ctx.has_role(users.LEADER, users.ADMIN) or (
        ctx.has_role(users.OFFICER) and "supervision" in users.window_codes(ctx.user)
    )


def open_in_window(screen: QWidget, title: str) -> QWidget:
    """Show a screen in its own window beside the main one, freed when closed."""
    screen.setWindowFlag(Qt.WindowType.Window, True)
    screen.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    screen.setWindowTitle(title)
    screen.resize(1280, 800)
    screen.show()
    return screen


def add_cases_menu(window: QMainWindow, ctx: AppContext) -> QMenu | None:
    """The formal cases' menu of the main window: supervision for those who supervise, the
    holiday calendar for the administrator (None when the user has neither)."""
    supervise = may_supervise(ctx)
    administer = ctx.has_role(users.ADMIN)
    if not supervise and not administer:
        return None
    translate = QCoreApplication.translate
    menu = window.menuBar().addMenu(translate("SupervisionScreen", "&Cases"))
    if supervise:
        title = translate("SupervisionScreen", "Supervision of formal cases")
        action = QAction(translate("SupervisionScreen", "&Supervision of cases…"), window)
        action.setShortcut(QKeySequence("Ctrl+Shift+U"))
        action.triggered.connect(lambda: open_in_window(SupervisionScreen(ctx, window), title))
        menu.addAction(action)
    if administer:
        title = translate("SupervisionScreen", "Holiday calendar")
        action = QAction(translate("SupervisionScreen", "&Holiday calendar…"), window)
        action.triggered.connect(lambda: open_in_window(HolidayCalendarScreen(ctx, window), title))
        menu.addAction(action)
    return menu
