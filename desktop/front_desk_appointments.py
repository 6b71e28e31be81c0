"""预约 at the front desk: a booked visitor checks in (found by query code, ID number or phone),
gets a ticket at the place of their slot and a check-in slip; a visitor or a caller books a
window's slot or the 领导接访 of a day. Opened from the front desk's top bar (F6).

Each press is one ``hall`` call through ``kit.operations``: the check-in queues the visitor,
counts the wait and words the slip in one unit of work (``hall.appointment_desk.check_in``);
the slip is printed after it is committed, so a printer that fails leaves the check-in done.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.receipt_print import ReceiptOutput
from desktop.roster_paper import RosterPaper
from hall import appointment_desk, appointments, clock
from hall.appointment_desk import Bookable, CheckedIn
from hall.appointments import AppointmentView
from kit.context import AppContext, HallEvent
from kit.dates import date_edit
from kit.fields import ERROR_COLOUR, FieldMessage, with_message
from kit.operations import Failure, Operation, Problem, Request

LATE_STYLE = f"color: {ERROR_COLOUR}; font-weight: bold;"


def _state(label: QLabel, text: str, error: bool = False) -> None:
    label.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")
    label.setText(text)


class CheckInPage(QWidget):
    """Find the visitor's booking, check them in, hand them their slip."""

    def __init__(self, ctx: AppContext, receipts: ReceiptOutput, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.receipts = receipts
        self._request = Request("appointment.checkin")
        self.found: list[AppointmentView] = []
        # The table shows all of today's bookings (not a search's result): kept current.
        self.showing_today = True

        self.key_edit = QLineEdit()
        self.key_edit.setPlaceholderText(self.tr("Query code, ID number or phone"))
        self.key_edit.setClearButtonEnabled(True)
        self.key_edit.returnPressed.connect(self.look_up)
        self.find_button = QPushButton(self.tr("&Find"))
        self.find_button.clicked.connect(self.look_up)
        self.all_button = QPushButton(self.tr("Today's &bookings"))
        self.all_button.clicked.connect(self.show_today)
        search = QHBoxLayout()
        label = QLabel(self.tr("Booking of"))
        label.setBuddy(self.key_edit)
        search.addWidget(label)
        search.addWidget(self.key_edit, 1)
        search.addWidget(self.find_button)
        search.addWidget(self.all_button)

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Query code"), self.tr("Name"), self.tr("Slot"), self.tr("State"),
             self.tr("Ticket")]
        )  # fmt: skip
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.doubleClicked.connect(lambda _index: self.check_in())
        self.search_state = QLabel()
        self.search_state.setWordWrap(True)

        self.check_in_button = QPushButton(self.tr("Check in and issue ticket (F9)"))
        self.check_in_button.setEnabled(False)
        self.check_in_button.clicked.connect(self.check_in)
        QShortcut(QKeySequence("F9"), self, self.check_in)

        result = QGroupBox(self.tr("Ticket"))
        column = QVBoxLayout(result)
        self.number_label = QLabel("—")
        big = QFont(self.font())
        big.setPointSize(max(big.pointSize(), 9) * 3)
        big.setBold(True)
        self.number_label.setFont(big)
        self.number_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.place_label = QLabel()
        self.wait_label = QLabel()
        self.late_label = QLabel()
        self.late_label.setStyleSheet(LATE_STYLE)
        self.receipt_label = QLabel()
        column.addWidget(self.number_label)
        for shown in (self.place_label, self.wait_label, self.late_label, self.receipt_label):
            shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
            shown.setWordWrap(True)
            column.addWidget(shown)
        self.reprint_button = QPushButton(self.tr("&Reprint slip"))
        self.reprint_button.setEnabled(False)
        self.reprint_button.clicked.connect(self._reprint)
        column.addWidget(self.reprint_button, 0, Qt.AlignmentFlag.AlignCenter)
        self.last: CheckedIn | None = None

        layout = QVBoxLayout(self)
        layout.addLayout(search)
        layout.addWidget(self.search_state)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.check_in_button)
        layout.addLayout(buttons)
        layout.addWidget(result)
        receipts.printed.connect(lambda text: _state(self.receipt_label, text))
        receipts.failed.connect(lambda text: _state(self.receipt_label, text, error=True))
        self.show_today()

    def look_up(self) -> None:
        self.showing_today = False
        key, day = self.key_edit.text(), clock.now().date()
        found = (
            Operation(
                self,
                self.ctx.database,
                lambda s: appointment_desk.find(s, key, day),
                read_only=True,
            )
            .failure(lambda problem: self._show_rows([], problem.message, error=True))
            .run()
        )
        if found is not None:
            waiting = [a for a in found if a.status == appointments.BOOKED]
            self._show_rows(found, self.tr("{count} booking(s) found.").format(count=len(found)))
            if len(waiting) == 1:
                self.table.selectRow(found.index(waiting[0]))

    def show_today(self) -> None:
        self.showing_today = True
        day = clock.now().date()
        found = (
            Operation(
                self, self.ctx.database, lambda s: appointments.list_day(s, day), read_only=True
            )
            .failure(lambda problem: self._show_rows([], problem.message, error=True))
            .run()
        )
        if found is not None:
            self._show_rows(found, self.tr("Today's bookings: {count}.").format(count=len(found)))

    def _show_rows(self, rows: list[AppointmentView], note: str, error: bool = False) -> None:
        self.found = rows
        _state(self.search_state, note, error)
        self.table.setRowCount(len(rows))
        for row, booking in enumerate(rows):
            cells = (booking.code, booking.name, booking.slot, booking.status_name,
                     booking.ticket_number)  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if booking.status == appointments.LATE and column == 3:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(row, column, item)
        self._selected()

    def _chosen(self) -> AppointmentView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.found[rows[0].row()] if rows else None

    def _selected(self) -> None:
        chosen = self._chosen()
        self.check_in_button.setEnabled(chosen is not None and chosen.status == appointments.BOOKED)

    def check_in(self) -> None:
        chosen = self._chosen()
        if chosen is None or chosen.status != appointments.BOOKED:
            return
        actor = self.ctx.user
        done = (
            Operation(
                self,
                self.ctx.database,
                lambda s: appointment_desk.check_in(s, chosen.id, actor),
            )
            .once(self._request, key=lambda c: c.appointment.id, replay=appointment_desk.checked_in)
            .failure(self._failed)
            .run()
        )
        if done is None:
            return
        self.show_checked_in(done)
        self.receipts.send(done.slip)
        self.showing_today = False
        self._show_rows(
            [done.appointment],
            self.tr("{name} checked in.").format(name=done.appointment.name),
        )

    def _failed(self, problem: Problem) -> None:
        _state(self.search_state, problem.message, error=True)
        if problem.failure is Failure.REFUSED:
            self.show_today()
            _state(self.search_state, problem.message, error=True)

    def show_checked_in(self, done: CheckedIn) -> None:
        self.last = done
        ticket = done.ticket
        self.number_label.setText(ticket.number)
        self.place_label.setText(
            self.tr("Please go to {window} ({location})").format(
                window=ticket.window_name, location=ticket.window_location
            )
        )
        self.wait_label.setText(done.slip.waiting_line)
        self.late_label.setText(
            self.tr(
                "Came after the grace period of the slot ({slot}): queued as a walk-in from now."
            ).format(slot=done.appointment.slot)
            if done.late
            else ""
        )
        self.late_label.setVisible(done.late)
        self.reprint_button.setEnabled(True)
        _state(self.receipt_label, self.tr("Printing the slip of {number}…").format(
            number=ticket.number))  # fmt: skip

    def _reprint(self) -> None:
        last = self.last
        if last is None:
            return
        again = (
            Operation(
                self,
                self.ctx.database,
                lambda s: appointment_desk.checked_in(s, last.appointment.id),
                read_only=True,
            )
            .failure(lambda problem: _state(self.receipt_label, problem.message, error=True))
            .run()
        )
        if again is not None:
            self.show_checked_in(again)
            self.receipts.send(again.slip)


class BookingPage(QWidget):
    """Book a window's slot or the day's 领导接访 for a visitor; they are told the query code."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._request = Request("appointment.book")
        today = clock.now().date()
        self.day_edit = date_edit(today, earliest=today)
        self.day_edit.dateChanged.connect(self.load_slots)
        self.slot_combo = QComboBox()
        self.leader_label = QLabel()
        self.leader_label.setWordWrap(True)
        self.name_edit = QLineEdit()
        self.id_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.summary_edit = QLineEdit()
        self.summary_edit.setMaxLength(200)
        self.messages = {
            "name": FieldMessage(self.name_edit),
            "id_number": FieldMessage(self.id_edit),
            "phone": FieldMessage(self.phone_edit),
            "day": FieldMessage(self.day_edit),
            "slot": FieldMessage(self.slot_combo),
        }
        form = QFormLayout()
        form.addRow(self.tr("&Date"), with_message(self.day_edit, self.messages["day"]))
        form.addRow(self.tr("&Slot"), with_message(self.slot_combo, self.messages["slot"]))
        form.addRow(self.tr("Leader"), self.leader_label)
        form.addRow(self.tr("&Name"), with_message(self.name_edit, self.messages["name"]))
        form.addRow(self.tr("&ID number"), with_message(self.id_edit, self.messages["id_number"]))
        form.addRow(self.tr("&Phone"), with_message(self.phone_edit, self.messages["phone"]))
        form.addRow(self.tr("Su&mmary"), self.summary_edit)
        self.book_button = QPushButton(self.tr("&Book"))
        self.book_button.clicked.connect(self.book)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.code_label = QLabel()
        self.code_label.setObjectName("queryCode")
        code_font = QFont(self.font())
        code_font.setPointSize(max(code_font.pointSize(), 9) * 2)
        code_font.setBold(True)
        self.code_label.setFont(code_font)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.roster = RosterPaper(ctx.database, self)
        self.roster.done.connect(lambda text: _state(self.state_label, text))
        self.roster.failed.connect(lambda text: _state(self.state_label, text, error=True))
        self.print_roster_button = QPushButton(self.tr("Print duty roster…"))
        self.print_roster_button.clicked.connect(lambda: self.roster.ask_print(self))
        self.save_roster_button = QPushButton(self.tr("Save duty roster as PDF…"))
        self.save_roster_button.clicked.connect(lambda: self.roster.ask_save(self))
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_roster_button)
        buttons.addWidget(self.save_roster_button)
        buttons.addStretch(1)
        buttons.addWidget(self.book_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.state_label)
        layout.addWidget(self.code_label)
        layout.addStretch(1)
        self.bookable: Bookable | None = None
        self.load_slots()

    def _day(self) -> dt.date:
        chosen = self.day_edit.date()
        return dt.date(chosen.year(), chosen.month(), chosen.day())

    def load_slots(self) -> None:
        day = self._day()
        chosen = self.slot_combo.currentData()
        bookable = (
            Operation(
                self, self.ctx.database, lambda s: appointment_desk.bookable(s, day), read_only=True
            )
            .failure(lambda problem: _state(self.state_label, problem.message, error=True))
            .run()
        )
        if bookable is None:
            return
        self.bookable = bookable
        self.slot_combo.clear()
        for slot in bookable.slots:
            self.slot_combo.addItem(
                self.tr("{slot} ({left} of {capacity} left)").format(
                    slot=slot.label, left=slot.remaining, capacity=slot.capacity
                ),
                slot.id,
            )
        if chosen is not None and self.slot_combo.findData(chosen) >= 0:
            self.slot_combo.setCurrentIndex(self.slot_combo.findData(chosen))
        leader = bookable.leader
        self.leader_label.setText(
            self.tr("{name}, {post} ({portfolio})").format(
                name=leader.name, post=leader.post, portfolio=leader.portfolio or "—"
            )
            if leader is not None
            else self.tr("No leader receives visitors on this day.")
        )
        if not bookable.slots:
            self.messages["slot"].show_note(self.tr("No slot with a place left on this day."))
        else:
            self.messages["slot"].clear()

    def book(self) -> None:
        for message in self.messages.values():
            message.clear()
        slot_id = self.slot_combo.currentData()
        if slot_id is None:
            self.messages["slot"].show_error(self.tr("Choose a slot with a place left."))
            return
        day = self._day()
        name, number = self.name_edit.text(), self.id_edit.text()
        phone, summary, actor = self.phone_edit.text(), self.summary_edit.text(), self.ctx.user
        done = (
            Operation(
                self,
                self.ctx.database,
                lambda s: appointments.book(
                    s, slot_id, day, name, number, phone, summary, actor=actor
                ),
            )
            .once(self._request, key=lambda a: a.id, replay=appointment_desk.booked)
            .failure(self._failed)
            .run()
        )
        if done is None:
            return
        _state(
            self.state_label,
            self.tr("{name} is booked for {slot} on {day}. Their query code:").format(
                name=done.name, slot=done.slot, day=f"{done.day:%Y-%m-%d}"
            ),
        )
        self.code_label.setText(done.code)
        for field in (self.name_edit, self.id_edit, self.phone_edit, self.summary_edit):
            field.clear()
        self.load_slots()

    def _failed(self, problem: Problem) -> None:
        self.code_label.clear()
        message = self.messages.get(problem.field or "")
        if problem.failure is Failure.INVALID and message is not None:
            message.show_error(problem.message)
            message.field.setFocus()
            _state(self.state_label, "")
        else:
            _state(self.state_label, problem.message, error=True)
            self.load_slots()


class AppointmentDialog(QDialog):
    """预约签到 and 预约 in one dialog: check-in first, it is what the desk does most."""

    def __init__(self, ctx: AppContext, receipts: ReceiptOutput, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Appointments: check-in and booking"))
        self.tabs = QTabWidget()
        self.check_in_page = CheckInPage(ctx, receipts)
        self.booking_page = BookingPage(ctx)
        self.tabs.addTab(self.check_in_page, self.tr("Check in"))
        self.tabs.addTab(self.booking_page, self.tr("Book"))
        self.tabs.currentChanged.connect(self._shown)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        # Enter in a search or a form field is that field's (find, next field); no button of
        # the dialog takes it as well, so one key press never checks in or books by itself.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        ctx.events.received.connect(self._on_event)
        self.resize(820, 620)
        self.check_in_page.key_edit.setFocus()

    def _shown(self, index: int) -> None:
        if self.tabs.widget(index) is self.booking_page:
            self.booking_page.load_slots()
            self.booking_page.name_edit.setFocus()
        else:
            self.check_in_page.key_edit.setFocus()

    def _on_event(self, event: HallEvent) -> None:
        """Another desk's booking or check-in: the slots offered and today's list are read
        again (a search's result stays as found)."""
        if not event.kind.startswith("appointment."):
            return
        if self.tabs.currentWidget() is self.booking_page:
            self.booking_page.load_slots()
        elif self.check_in_page.showing_today:
            self.check_in_page.show_today()


class AppointmentButton(QPushButton):
    """The front desk's 预约 button (and F6), opening :class:`AppointmentDialog`."""

    def __init__(self, ctx: AppContext, receipts: ReceiptOutput, desk: QWidget) -> None:
        super().__init__(desk)
        self.ctx = ctx
        self.receipts = receipts
        self.desk = desk
        self.dialog: AppointmentDialog | None = None
        self.setText(self.tr("Appointments… (F6)"))
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.clicked.connect(self.open_dialog)
        QShortcut(QKeySequence("F6"), desk, self.open_dialog)

    def open_dialog(self) -> AppointmentDialog:
        if self.dialog is None:
            self.dialog = AppointmentDialog(self.ctx, self.receipts, self.desk)
            self.dialog.finished.connect(self._closed)
        self.dialog.open()
        return self.dialog

    def _closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
