"""The supervisors' overview (督办): every overdue or stalled case with why, supervision orders
issued to the responsible units with a reply deadline, their replies recorded and escalated,
and each unit's record. For the supervision window's officers, leaders and the administrator.

The lists read a page at a time (``hall.supervision`` serves them from indexes), so the
screen stays quick with a hundred thousand open cases; the units' records, which sum over
every case, are read on a worker and handed back to the GUI thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from db.case_models import PetitionCase
from db.engine import Database
from desktop.holiday_calendar_screen import HolidayCalendarScreen
from desktop.widgets.context import AppContext, HallEvent
from desktop.widgets.lazy_table import CENTRE, Column, LazyTableModel
from hall import clock, supervision, users
from hall.cases import CaseRow
from hall.deadlines import ALERT_NAMES, Alert
from hall.supervision import OrderView, UnitRecord
from windows.letters_case_view import CaseViewPage
from windows.letters_cases import CaseTableModel
from windows.letters_common import ALERT_COLOURS, DAYS, TEXT, UNIT, ActionDialog, Ask, Values


class _Relay(QObject):
    done = Signal(object)


class _UnitRecordsJob(QRunnable):
    """Reads the units' records in its own session, off the GUI thread."""

    def __init__(self, database: Database, on: dt.date, relay: _Relay) -> None:
        super().__init__()
        self.database = database
        self.on = on
        self.relay = relay

    def run(self) -> None:
        with self.database.read() as s:
            records = supervision.unit_records(s, self.on)
        self.relay.done.emit(records)


class SupervisionScreen(QWidget):
    """Overdue and stalled cases, orders, and units' records."""

    unit_records_shown = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = clock.now().date()
        self.dialog: ActionDialog | None = None
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
        self.tabs.currentChanged.connect(self._tab_shown)
        layout.addWidget(self.tabs, 1)
        self.message = QLabel()
        self.message.setObjectName("supervisionMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        self._relay = _Relay(self)
        self._relay.done.connect(self._show_unit_records)
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
        self.cases_model = CaseTableModel(columns, self._fetch_cases, parent=self)
        self.cases_table = self._table(self.cases_model)
        header = self.cases_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.cases_table.selectionModel().currentRowChanged.connect(self._case_chosen)

        buttons = QHBoxLayout()
        self.issue_button = QPushButton(self.tr("&Issue a supervision order…"))
        self.issue_button.clicked.connect(self.issue_order)
        self.reply_button = QPushButton(self.tr("Record the unit's &reply…"))
        self.reply_button.clicked.connect(self.record_reply)
        self.escalate_button = QPushButton(self.tr("&Escalate…"))
        self.escalate_button.clicked.connect(self.escalate)
        for button in (self.issue_button, self.reply_button, self.escalate_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.orders_table = QTableWidget(0, 6)
        self.orders_table.setObjectName("caseOrders")
        self.orders_table.setHorizontalHeaderLabels(
            [
                self.tr("Order"),
                self.tr("Level"),
                self.tr("Unit"),
                self.tr("Reply due"),
                self.tr("State"),
                self.tr("Reply"),
            ]
        )
        self.orders_table.verticalHeader().hide()
        self.orders_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.orders_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.orders_table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.case_orders: list[OrderView] = []

        self.case_view = CaseViewPage(self.ctx)
        self.case_view.changed.connect(lambda _id: self.refresh())
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.cases_table, 3)
        left_layout.addLayout(buttons)
        left_layout.addWidget(QLabel(self.tr("Supervision orders on this case")))
        left_layout.addWidget(self.orders_table, 1)
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
        with self.ctx.database.read() as s:
            return supervision.needing_supervision(s, self.today, limit, offset)

    def _fetch_late_orders(self, offset: int, limit: int) -> Sequence[OrderView]:
        with self.ctx.database.read() as s:
            return supervision.overdue_orders(s, self.today, limit, offset)

    def refresh(self) -> None:
        self.today = clock.now().date()
        chosen = self.chosen_case()
        self.cases_model.reload()
        self.late_orders_model.reload()
        with self.ctx.database.read() as s:
            counts = supervision.alert_counts(s, self.today)
            needing = supervision.count_needing_supervision(s, self.today)
        for level, label in self.strip_labels.items():
            label.setText(
                self.tr("{alert}: {count}").format(
                    alert=ALERT_NAMES[level], count=counts.get(level, 0)
                )
            )
        self.needing_label.setText(self.tr("Needing supervision: {count}").format(count=needing))
        if chosen is not None:
            self.select_case(chosen.id)
        self._load_orders()
        if self.tabs.currentWidget() is self.units_table:
            self.load_unit_records()

    def load_unit_records(self) -> None:
        """Read the units' records on a worker; shown when they arrive."""
        QThreadPool.globalInstance().start(
            _UnitRecordsJob(self.ctx.database, self.today, self._relay)
        )

    def _tab_shown(self) -> None:
        if self.tabs.currentWidget() is self.units_table:
            self.load_unit_records()

    def _event(self, event: HallEvent) -> None:
        if event.entity in ("case", "supervision_order"):
            self.refresh()

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
        self._load_orders()

    def _load_orders(self) -> None:
        row = self.chosen_case()
        if row is None:
            self.case_orders = []
        else:
            with self.ctx.database.read() as s:
                self.case_orders = supervision.orders_of_case(s, row.id, self.today)
        self.orders_table.setRowCount(len(self.case_orders))
        for number, order in enumerate(self.case_orders):
            state = order.state_name
            if order.overdue:
                state += self.tr(" (reply overdue)")
            elif order.reply_late:
                state += self.tr(" (late)")
            values = [
                order.number,
                order.level_name,
                order.unit,
                order.reply_due.isoformat(),
                state,
                order.reply_text,
            ]
            for column, value in enumerate(values):
                self.orders_table.setItem(number, column, QTableWidgetItem(value))
        if self.case_orders:
            self.orders_table.selectRow(len(self.case_orders) - 1)

    def chosen_order(self) -> OrderView | None:
        row = self.orders_table.currentRow()
        if 0 <= row < len(self.case_orders):
            return self.case_orders[row]
        return None

    # -- acting -----------------------------------------------------------------------------

    def _ask(
        self, title: str, intro: str, asks: list[Ask], perform: Callable[[Session, Values], None]
    ) -> ActionDialog:
        dialog = ActionDialog(title, intro, asks, self.ctx.database, perform, self)
        done = self.tr("{action}: done.").format(action=title.rstrip("…"))
        dialog.accepted.connect(lambda: self._done(done))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _done(self, message: str) -> None:
        self.refresh()
        self.message.setText(message)

    def _refuse(self, text: str) -> None:
        self.message.setText(text)

    def issue_order(self) -> None:
        row = self.chosen_case()
        if row is None:
            self._refuse(self.tr("Choose a case first."))
            return
        user = self.ctx.user
        case_id = row.id
        with self.ctx.database.read() as s:
            unit_id = _case_unit(s, case_id)
        self._ask(
            self.tr("Issue a supervision order…"),
            row.number,
            [
                Ask("unit", self.tr("To the unit"), UNIT, unit_id),
                Ask("reason", self.tr("Reason"), TEXT, "；".join(row.reasons)),
                Ask("days", self.tr("Reply within (days)"), DAYS, supervision.DEFAULT_REPLY_DAYS),
            ],
            lambda s, v: _ignore(
                supervision.issue_order(
                    s,
                    case_id,
                    str(v["reason"]),
                    int(str(v["unit"])) if v["unit"] is not None else None,
                    int(str(v["days"])),
                    actor=user,
                    now=clock.now(),
                )
            ),
        )

    def record_reply(self) -> None:
        order = self.chosen_order()
        if order is None:
            self._refuse(self.tr("Choose a supervision order first."))
            return
        user = self.ctx.user
        self._ask(
            self.tr("Record the unit's reply…"),
            f"{order.number}　{order.unit}",
            [Ask("text", self.tr("The unit's reply"))],
            lambda s, v: _ignore(
                supervision.record_reply(s, order.id, str(v["text"]), actor=user, now=clock.now())
            ),
        )

    def escalate(self) -> None:
        order = self.chosen_order()
        if order is None:
            self._refuse(self.tr("Choose a supervision order first."))
            return
        user = self.ctx.user
        self._ask(
            self.tr("Escalate…"),
            f"{order.number}　{order.level_name}　{order.unit}",
            [
                Ask("reason", self.tr("Reason")),
                Ask("days", self.tr("Reply within (days)"), DAYS, supervision.DEFAULT_REPLY_DAYS),
            ],
            lambda s, v: _ignore(
                supervision.escalate(
                    s, order.id, str(v["reason"]), int(str(v["days"])), actor=user, now=clock.now()
                )
            ),
        )


def _case_unit(s: Session, case_id: int) -> int | None:
    case = s.get(PetitionCase, case_id)
    return case.unit_id if case is not None else None


def _ignore(_result: object) -> None:
    """The dialog wants no result: the screen reads everything again once it succeeded."""


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
