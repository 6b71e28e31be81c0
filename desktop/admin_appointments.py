"""The administrator's screen for what the queue promises: the appointment slots (预约时段) of
each window and of the leader's reception with their capacity, each window's service-level
target (叫号服务时限), and the published 领导接访 duty roster (printable on A4). Opened from the
main window's Administration menu; every change is saved at once and told to every workstation.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, QTime
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.roster_paper import RosterPaper
from hall import appointment_admin, clock, staffing
from hall.appointment_admin import MAX_TARGET_MINUTES, Targets
from hall.appointments import RosterLine, SlotView
from kit.confirm import confirm
from kit.context import AppContext
from kit.dates import date_edit, to_qdate
from kit.fields import ERROR_COLOUR
from kit.operations import Operation, Problem


def _say(label: QLabel, text: str, error: bool = False) -> None:
    label.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")
    label.setText(text)


def _table(headings: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headings))
    table.setHorizontalHeaderLabels(headings)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            table.setItem(row, column, QTableWidgetItem(text))


def _time(edit: QTimeEdit) -> dt.time:
    chosen = edit.time()
    return dt.time(chosen.hour(), chosen.minute())


class SlotsPage(QWidget):
    """The slots offered every day, and how many of today's places are booked."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.slots: list[SlotView] = []
        self.table = _table(
            [self.tr("Slot"), self.tr("Queues at"), self.tr("Capacity"), self.tr("Booked today")]
        )
        self.table.itemSelectionChanged.connect(self._selected)
        self.window_combo = QComboBox()
        for code, name in (
            Operation(self, ctx.database, staffing.window_names, read_only=True)
            .failure(self._refused)
            .run()
            or []
        ):
            self.window_combo.addItem(name, code)
        self.leader_check = QCheckBox(self.tr("For the leader's reception (领导接访)"))
        self.starts_edit = QTimeEdit(QTime(9, 0))
        self.ends_edit = QTimeEdit(QTime(10, 0))
        for edit in (self.starts_edit, self.ends_edit):
            edit.setDisplayFormat("HH:mm")
        self.capacity_spin = QSpinBox()
        self.capacity_spin.setRange(1, 999)
        self.capacity_spin.setValue(5)
        self.add_button = QPushButton(self.tr("&Add slot"))
        self.add_button.clicked.connect(self.add)
        self.change_button = QPushButton(self.tr("Set &capacity of the chosen slot"))
        self.change_button.clicked.connect(self.change_capacity)
        self.remove_button = QPushButton(self.tr("&Remove the chosen slot"))
        self.remove_button.clicked.connect(self.remove)
        form = QFormLayout()
        form.addRow(self.tr("Window"), self.window_combo)
        form.addRow("", self.leader_check)
        times = QHBoxLayout()
        times.addWidget(self.starts_edit)
        times.addWidget(QLabel("–"))
        times.addWidget(self.ends_edit)
        times.addStretch(1)
        form.addRow(self.tr("Time"), times)
        form.addRow(self.tr("Capacity"), self.capacity_spin)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.status_label = QLabel(
            self.tr(
                "A slot is offered every day. A leader's slot is booked only on days with a "
                "leader on the roster, and its visitors queue at the window chosen."
            )
        )
        self.status_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        self.reload()

    def reload(self) -> None:
        slots = (
            Operation(self, self.ctx.database, appointment_admin.slots, read_only=True)
            .failure(self._refused)
            .run()
        )
        if slots is None:
            return
        self.slots = slots
        _fill(
            self.table,
            [(s.label, s.window_name, str(s.capacity), str(s.booked)) for s in slots],
        )
        self._selected()

    def _chosen(self) -> SlotView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.slots[rows[0].row()] if rows else None

    def _selected(self) -> None:
        chosen = self._chosen()
        self.change_button.setEnabled(chosen is not None)
        self.remove_button.setEnabled(chosen is not None)
        if chosen is not None:
            self.capacity_spin.setValue(chosen.capacity)

    def add(self) -> None:
        code, leader = self.window_combo.currentData(), self.leader_check.isChecked()
        starts, ends = _time(self.starts_edit), _time(self.ends_edit)
        capacity, actor = self.capacity_spin.value(), self.ctx.user
        Operation(
            self,
            self.ctx.database,
            lambda s: appointment_admin.add_slot(s, actor, code, starts, ends, capacity, leader),
        ).success(
            lambda slot: _say(self.status_label, self.tr("Added: {slot}.").format(slot=slot.label))
        ).failure(self._refused).run()
        self.reload()

    def change_capacity(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        capacity, actor = self.capacity_spin.value(), self.ctx.user
        Operation(
            self,
            self.ctx.database,
            lambda s: appointment_admin.change_capacity(s, actor, chosen.id, capacity),
        ).success(
            lambda _done: _say(
                self.status_label,
                self.tr("{slot}: {capacity} places from now on.").format(
                    slot=chosen.label, capacity=capacity
                ),
            )
        ).failure(self._refused).run()
        self.reload()

    def remove(self) -> None:
        chosen = self._chosen()
        if chosen is None or not confirm(
            self,
            self.tr("Remove slot"),
            self.tr(
                "Offer {slot} no more? Bookings already made for it stand and are checked in "
                "as usual."
            ).format(slot=chosen.label),
            self.tr("Remove slot"),
        ):
            return
        actor = self.ctx.user
        Operation(
            self,
            self.ctx.database,
            lambda s: appointment_admin.remove_slot(s, actor, chosen.id),
        ).success(
            lambda _done: _say(
                self.status_label, self.tr("{slot} removed.").format(slot=chosen.label)
            )
        ).failure(self._refused).run()
        self.reload()

    def _refused(self, problem: Problem) -> None:
        _say(self.status_label, problem.message, error=True)


class TargetsPage(QWidget):
    """The hall's service-level target and each window's own (0: the hall's)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.hall_spin = QSpinBox()
        self.hall_spin.setRange(1, MAX_TARGET_MINUTES)
        self.hall_spin.setSuffix(self.tr(" min"))
        self.form = QFormLayout()
        self.form.addRow(self.tr("Whole hall"), self.hall_spin)
        self.spins: dict[str, QSpinBox] = {}
        self.save_button = QPushButton(self.tr("&Save targets"))
        self.save_button.clicked.connect(self.save)
        self.status_label = QLabel(
            self.tr(
                "A visitor called within this many minutes of taking a number counts as called "
                "in time on the leader's screen. 0 for a window: the whole hall's target."
            )
        )
        self.status_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        self.reload()

    def reload(self) -> None:
        Operation(self, self.ctx.database, appointment_admin.targets, read_only=True).success(
            self.show_targets
        ).failure(self._refused).run()

    def show_targets(self, targets: Targets) -> None:
        self.hall_spin.setValue(targets.hall)
        for line in targets.windows:
            spin = self.spins.get(line.window)
            if spin is None:
                spin = QSpinBox()
                spin.setRange(0, MAX_TARGET_MINUTES)
                spin.setSuffix(self.tr(" min"))
                spin.setSpecialValueText(self.tr("as the hall"))
                self.spins[line.window] = spin
                self.form.addRow(line.title, spin)
            spin.setValue(line.own)

    def save(self) -> None:
        hall = self.hall_spin.value()
        own = {code: spin.value() for code, spin in self.spins.items()}
        actor = self.ctx.user
        Operation(
            self,
            self.ctx.database,
            lambda s: appointment_admin.set_targets(s, actor, hall, own),
        ).success(self._saved).failure(self._refused).run()

    def _saved(self, targets: Targets) -> None:
        self.show_targets(targets)
        _say(self.status_label, self.tr("Targets saved; the leaders' screens follow them now."))

    def _refused(self, problem: Problem) -> None:
        _say(self.status_label, problem.message, error=True)


class RosterPage(QWidget):
    """The 领导接访 roster of the coming two weeks: set a day's leader, take a day off it,
    print or save the roster as it is published."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lines: list[RosterLine] = []
        self.table = _table([self.tr("Date"), self.tr("Leader"), self.tr("Post"),
                             self.tr("In charge of")])  # fmt: skip
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.itemSelectionChanged.connect(self._selected)
        today = clock.now().date()
        self.day_edit = date_edit(today, earliest=today)
        self.name_edit = QLineEdit()
        self.post_edit = QLineEdit()
        self.portfolio_edit = QLineEdit()
        self.portfolio_edit.setPlaceholderText(self.tr("e.g. 信访、城建"))
        form = QFormLayout()
        form.addRow(self.tr("&Date"), self.day_edit)
        form.addRow(self.tr("&Leader"), self.name_edit)
        form.addRow(self.tr("&Post"), self.post_edit)
        form.addRow(self.tr("In &charge of"), self.portfolio_edit)
        self.save_button = QPushButton(self.tr("&Save the day"))
        self.save_button.clicked.connect(self.save)
        self.remove_button = QPushButton(self.tr("&Take the day off the roster"))
        self.remove_button.clicked.connect(self.remove)
        self.paper = RosterPaper(ctx.database, self)
        self.print_button = QPushButton(self.tr("&Print roster…"))
        self.print_button.clicked.connect(lambda: self.paper.ask_print(self))
        self.pdf_button = QPushButton(self.tr("Save roster as P&DF…"))
        self.pdf_button.clicked.connect(lambda: self.paper.ask_save(self))
        self.status_label = QLabel(
            self.tr("The roster is shown on every calling display and can be printed on A4.")
        )
        self.status_label.setWordWrap(True)
        self.paper.done.connect(lambda text: _say(self.status_label, text))
        self.paper.failed.connect(lambda text: _say(self.status_label, text, error=True))
        buttons = QHBoxLayout()
        for button in (self.save_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        self.reload()

    def reload(self) -> None:
        lines = (
            Operation(self, self.ctx.database, appointment_admin.duty_roster, read_only=True)
            .failure(self._refused)
            .run()
        )
        if lines is None:
            return
        self.lines = lines
        _fill(
            self.table,
            [(f"{x.day:%Y-%m-%d}", x.name, x.post, x.portfolio) for x in lines],
        )

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        line = self.lines[rows[0].row()]
        self.day_edit.setDate(to_qdate(line.day))
        self.name_edit.setText(line.name)
        self.post_edit.setText(line.post)
        self.portfolio_edit.setText(line.portfolio)

    def _day(self) -> dt.date:
        chosen = self.day_edit.date()
        return dt.date(chosen.year(), chosen.month(), chosen.day())

    def save(self) -> None:
        day, actor = self._day(), self.ctx.user
        name, post = self.name_edit.text(), self.post_edit.text()
        portfolio = self.portfolio_edit.text()
        Operation(
            self,
            self.ctx.database,
            lambda s: appointment_admin.set_roster_line(s, actor, day, name, post, portfolio),
        ).success(
            lambda line: _say(
                self.status_label,
                self.tr("{day}: {name} receives visitors.").format(
                    day=f"{line.day:%Y-%m-%d}", name=line.name
                ),
            )
        ).failure(self._refused).run()
        self.reload()

    def remove(self) -> None:
        day, actor = self._day(), self.ctx.user
        if not confirm(
            self,
            self.tr("Take the day off the roster"),
            self.tr(
                "Take {day} off the roster? No leader's slot can be booked for it any more; "
                "bookings already made stand."
            ).format(day=f"{day:%Y-%m-%d}"),
            self.tr("Take the day off"),
        ):
            return
        Operation(
            self,
            self.ctx.database,
            lambda s: appointment_admin.remove_roster_line(s, actor, day),
        ).success(
            lambda _done: _say(
                self.status_label,
                self.tr("{day} is off the roster.").format(day=f"{day:%Y-%m-%d}"),
            )
        ).failure(self._refused).run()
        self.reload()

    def _refused(self, problem: Problem) -> None:
        _say(self.status_label, problem.message, error=True)


class QueueAdminScreen(QTabWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slots = SlotsPage(ctx)
        self.targets = TargetsPage(ctx)
        self.roster = RosterPage(ctx)
        self.addTab(self.slots, self.tr("Appointment slots"))
        self.addTab(self.targets, self.tr("Service-level targets"))
        self.addTab(self.roster, self.tr("Leaders' duty roster"))


def open_queue_admin(window: QMainWindow, ctx: AppContext) -> QueueAdminScreen:
    """The screen in a window of its own, owned by the main window."""
    screen = QueueAdminScreen(ctx, window)
    screen.setWindowFlag(Qt.WindowType.Window, True)
    screen.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    screen.setWindowTitle(
        QCoreApplication.translate(
            "QueueAdminScreen", "Appointments, service levels and the duty roster"
        )
    )
    screen.resize(900, 600)
    screen.show()
    return screen


def add_queue_admin_action(menu: QMenu, window: QMainWindow, ctx: AppContext) -> QAction:
    """The Administration menu's entry for this screen."""
    action = QAction(
        QCoreApplication.translate(
            "QueueAdminScreen", "&Appointments, service levels, duty roster…"
        ),
        window,
    )
    action.triggered.connect(lambda: open_queue_admin(window, ctx))
    menu.addAction(action)
    return action
