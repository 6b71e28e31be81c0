"""The front desk (导访台): find a returning visitor, register the visit, send the visitor to a
window, hand them a number and an intake receipt, and look a receipt up again.

One user action, one unit of work, run through ``kit.operations``: "Issue ticket" registers
the visitor and the visit, links a repeat to its open case and queues the visitor in a single
transaction (``hall.desk.issue``). The form (``front_desk_form``, ``front_desk_returning``)
keeps what was typed until a ticket is issued. The receipt is printed after the ticket is
committed: a printer that fails leaves the ticket issued, and says so.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.front_desk_appointments import AppointmentButton
from desktop.front_desk_returning import ReturningVisitorForm
from desktop.front_desk_visitors import (
    LookupPanel,
    SearchBox,
    SearchResult,
    VisitorPanel,
    looks_like_receipt,
)
from desktop.receipt_print import ReceiptOutput
from hall import clock, desk, queue, reception
from hall.desk import Issued, LookedUp, Places, Returning
from hall.errors import InvalidInput
from hall.identity import check_resident_id
from hall.masking import mask_id_number
from hall.receipt_data import visit_receipt
from hall.visitors import VisitorMatch
from kit.confirm import confirm
from kit.context import AppContext
from kit.fields import ERROR_COLOUR
from kit.form_memory import UndoClear, Value, put_value, typed_in, value_of
from kit.operations import Failure, Operation, Problem, Request
from printing.receipt import ReceiptData


class FrontDeskScreen(ReturningVisitorForm):
    """Register a visitor and issue their ticket and receipt; find earlier visitors and
    receipts; see how long each window's queue is."""

    ticket_issued = Signal(object)  # hall.queue.TicketView
    looked_up = Signal(object)  # hall.desk.LookedUp, None when nothing was found

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        # The visit of the last ticket issued here: the ticket panel's receipt buttons use it.
        self._last_code: str | None = None
        self._pick_on_result = False
        # Kept from a press of Issue ticket until the issue is known done or refused: an
        # issue the database did not confirm is finished once, not issued twice, when the
        # receptionist presses again or the connection comes back.
        self._issue_request = Request("visit.register")
        self.receipts = ReceiptOutput(ctx, self)

        layout = QVBoxLayout(self)
        layout.addLayout(self._build_top_bar())
        body = QHBoxLayout()
        body.addWidget(self._form_area, 3)
        side = QVBoxLayout()
        side.addWidget(self._build_ticket_panel())
        side.addWidget(self._build_tabs(), 1)
        body.addLayout(side, 2)
        layout.addLayout(body, 1)

        self.issue_button.clicked.connect(self.issue)
        self.clear_button.clicked.connect(self.clear_asked)
        # What the last 清空表单 took away, for Ctrl+Z until the next registration.
        self._cleared: tuple[int, list[Value]] | None = None
        self.undo_clear = UndoClear(self.form_fields, self)
        self.undo_clear.watch([*self.form_fields(), self.issue_button, self.clear_button])
        self.undo_clear.wanted.connect(self.put_back_cleared)
        self.representatives.row_added.connect(self.undo_clear.watch)
        self.search.found.connect(self._on_found)
        self.search.failed.connect(self.visitor_panel.show_failure)
        self.visitor_picked.connect(self._show_returning)
        self.receipts.printed.connect(self._receipt_printed)
        self.receipts.failed.connect(self._receipt_failed)
        self._build_shortcuts()
        self._load_choices()
        self.refresh_queues()
        ctx.events.queue_changed.connect(self.refresh_queues)
        # Events missed while the database was away are not replayed; read everything again.
        ctx.events.connection_restored.connect(self._reload)
        ctx.events.connection_restored.connect(self._retry_unconfirmed)
        self.name_edit.setFocus()

    def hideEvent(self, event: QHideEvent) -> None:
        # A screen out of sight (another page, a closed window, a log-out) searches no more:
        # a search still to come or under way would use a database the program may be
        # letting go of.
        self.search.cancel()
        self.search.wait()
        super().hideEvent(event)

    def _build_top_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        label = QLabel(self.tr("Find a visitor or a receipt (F2)"))
        self.search_edit = SearchBox()
        self.search_edit.setPlaceholderText(
            self.tr("Name, pinyin initials, ID number or phone; or scan a receipt")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textEdited.connect(self._search_typed)
        self.search_edit.returnPressed.connect(self._search_entered)
        self.search_edit.down_pressed.connect(self._focus_matches)
        label.setBuddy(self.search_edit)
        self.leader_label = QLabel()
        self.leader_label.setObjectName("dutyLeader")
        bar.addWidget(label)
        bar.addWidget(self.search_edit, 2)
        bar.addSpacing(16)
        bar.addWidget(self.leader_label, 1, Qt.AlignmentFlag.AlignRight)
        self.appointments = AppointmentButton(self.ctx, self.receipts, self)  # 预约签到, F6
        bar.addWidget(self.appointments)
        return bar

    def _build_ticket_panel(self) -> QGroupBox:
        box = QGroupBox(self.tr("Ticket"))
        layout = QVBoxLayout(box)
        self.number_label = QLabel("—")
        big = QFont(self.font())
        big.setPointSize(max(big.pointSize(), 9) * 4)
        big.setBold(True)
        self.number_label.setFont(big)
        self.number_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.destination_label = QLabel(self.tr("No ticket issued yet."))
        self.ahead_label = QLabel()
        self.visitor_label = QLabel()
        for label in (self.destination_label, self.ahead_label, self.visitor_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
        emphasis = QFont(self.font())
        emphasis.setPointSize(max(emphasis.pointSize(), 9) + 3)
        self.destination_label.setFont(emphasis)
        self.ahead_label.setFont(emphasis)
        layout.addWidget(self.number_label)
        layout.addWidget(self.destination_label)
        layout.addWidget(self.ahead_label)
        layout.addWidget(self.visitor_label)

        self.reprint_button = QPushButton(self.tr("Reprint receipt (Ctrl+P)"))
        self.reprint_button.clicked.connect(self.reprint_last)
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.clicked.connect(lambda: self._with_last_receipt(self.receipts.preview))
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(
            lambda: self._with_last_receipt(self.receipts.print_with_dialog)
        )
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.clicked.connect(lambda: self._with_last_receipt(self.receipts.save_as))
        buttons = QHBoxLayout()
        for button in (self.reprint_button, self.preview_button, self.print_button):
            buttons.addWidget(button)
        buttons.addWidget(self.save_button)
        for button in self._receipt_buttons():
            button.setEnabled(False)
            button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        layout.addLayout(buttons)
        self.receipt_label = QLabel()
        self.receipt_label.setObjectName("receiptState")
        self.receipt_label.setWordWrap(True)
        layout.addWidget(self.receipt_label)
        return box

    def _receipt_buttons(self) -> tuple[QPushButton, ...]:
        return (self.reprint_button, self.preview_button, self.print_button, self.save_button)

    def _build_tabs(self) -> QTabWidget:
        self.tabs = QTabWidget()
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.visitor_panel = VisitorPanel(self.ctx.user)
        self.visitor_panel.picked.connect(self.pick)
        self.visitor_panel.reprint_requested.connect(self.reprint)
        self.lookup_panel = LookupPanel()
        self.lookup_panel.reprint_requested.connect(self.reprint)
        self.tabs.addTab(self.visitor_panel, self.tr("Earlier visits"))
        self.tabs.addTab(self.lookup_panel, self.tr("Receipt look-up"))
        self.tabs.addTab(self._build_queue_table(), self.tr("Waiting at each window"))
        return self.tabs

    def _build_queue_table(self) -> QTableWidget:
        self.queue_table = QTableWidget(0, 4)
        self.queue_table.setHorizontalHeaderLabels(
            [self.tr("Window"), self.tr("Waiting"), self.tr("Of them priority"), self.tr("Now")]
        )
        self.queue_table.verticalHeader().hide()
        self.queue_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.queue_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # The table is for reading; Tab stays within the form.
        self.queue_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.queue_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return self.queue_table

    def _build_shortcuts(self) -> None:
        keys: list[tuple[str, Callable[[], None]]] = [
            ("Ctrl+Return", self.issue),
            ("Ctrl+Enter", self.issue),
            ("F9", self.issue),
            ("F2", self._focus_search),
            ("F3", self._focus_matches),
            ("Ctrl+P", self.reprint_last),
        ]
        for key, action in keys:
            QShortcut(QKeySequence(key), self, action)

    def _load_choices(self) -> None:
        today = clock.now().date()
        choices = (
            Operation(self, self.ctx.database, lambda s: desk.choices(s, today), read_only=True)
            .failure(self._show_problem)
            .run()
        )
        if choices is not None:
            self.fill_choices(choices.priority_reasons, choices.places)
            self._show_leader(choices.places)

    def _show_leader(self, places: Places) -> None:
        if places.leader:
            self.leader_label.setText(
                self.tr("Leader receiving visitors today: {leader}").format(leader=places.leader)
            )
        else:
            self.leader_label.setText(self.tr("No leader receives visitors today."))

    def _reload(self) -> None:
        today = clock.now().date()
        places = (
            Operation(self, self.ctx.database, lambda s: desk.places(s, today), read_only=True)
            .failure(self._show_problem)
            .run()
        )
        if places is not None:
            self.show_places(places)
            self._show_leader(places)
        self.refresh_queues()

    def _retry_unconfirmed(self) -> None:
        """The database is back: an issue it did not confirm is finished now, once."""
        if self._issue_request.pending:
            self.issue()

    # -- the queues -----------------------------------------------------------------------

    def refresh_queues(self, changed_window: str = "") -> None:
        """Re-read every window's queue: a change at one window (a transfer, a call) can change
        the counts of others, so all are read whichever window changed."""
        today = clock.now().date()
        queues = (
            Operation(self, self.ctx.database, lambda s: queue.status(s, today), read_only=True)
            .failure(self._show_problem)
            .run()
        )
        if queues is None:
            return
        self.show_windows(queues)
        self.queue_table.setRowCount(len(queues))
        for row, q in enumerate(queues):
            now_serving = "、".join(t.number for t in q.calling)
            cells = [f"{q.letter}  {q.name}", str(q.waiting), str(q.priority_waiting), now_serving]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.queue_table.setItem(row, column, item)

    # -- issuing --------------------------------------------------------------------------

    def issue(self) -> None:
        """Register the visitor and issue the ticket; on any problem keep the form as typed."""
        registration = self.registration()
        self._clear_errors()
        problems = reception.validate(registration)
        if problems:
            self._show_problems(problems)
            return
        if self._returning is None and self._recognise(registration):
            return
        link = self._case_to_link()
        repeat_of = link.case_id if link is not None else None
        actor = self.ctx.user
        issued = (
            Operation(
                self,
                self.ctx.database,
                lambda s: desk.issue(s, registration, actor, repeat_of),
            )
            .once(self._issue_request, key=lambda done: done.ticket_id, replay=desk.issued)
            .failure(self._issue_failed)
            .run()
        )
        if issued is None:
            return
        self._show_issued(issued)
        status = self.tr("Ticket {number} issued to {name}.").format(
            number=issued.ticket.number, name=issued.ticket.visitor_name
        )
        if link is not None:
            status += self.tr(" The visit is linked to case {number} as a repeat.").format(
                number=link.number
            )
        self._show_status(status)
        self.refresh_queues()
        self._send_receipt(issued.receipt)
        self.ticket_issued.emit(issued.ticket)

    def _issue_failed(self, problem: Problem) -> None:
        if problem.failure is Failure.INVALID:
            self._show_problems([InvalidInput(problem.message, problem.field)])
        else:
            self._show_problem(problem)

    def _show_issued(self, issued: Issued) -> None:
        self._forget_cleared()
        self._show_ticket(issued.ticket, issued.ahead, issued.receipt.wait_minutes)
        self._last_code = issued.receipt.visit_code
        for button in self._receipt_buttons():
            button.setEnabled(True)
        self.clear_form()

    def _recognise(self, registration: reception.Registration) -> bool:
        """A resident ID number typed (or scanned) faster than the search could answer may
        belong to a returning visitor: pick them now. True when they have a matter of the same
        kind on record, which the receptionist must see before the ticket is issued."""
        if registration.id_type != "resident" or not registration.id_number.strip():
            return False
        number = check_resident_id(registration.id_number).number
        today = clock.now().date()
        # A failure is not told here: issuing goes on and meets the same database, which then
        # says what is wrong.
        returning = (
            Operation(
                self, self.ctx.database, lambda s: desk.recognise(s, number, today), read_only=True
            )
            .failure(lambda _problem: None)
            .run()
        )
        if returning is None:
            return False
        self._set_returning(returning, fill_name=False)
        purpose = registration.purpose
        if returning.open_matter(purpose) or returning.final_matter(purpose):
            self._show_status(
                self.tr(
                    "{name} has been here before with a matter of this kind (see the note "
                    "above the buttons). Check it, then press Issue ticket again."
                ).format(name=returning.match.name),
                error=True,
            )
            self.new_matter_check.setFocus()
            return True
        return False

    def clear_form(self) -> None:
        super().clear_form()
        self.search_edit.clear()
        self.visitor_panel.reset()

    def clear_asked(self) -> None:
        """清空表单: a filled form is cleared only when the receptionist says so, and is kept
        for Ctrl+Z until the next registration."""
        fields = self.form_fields()
        if typed_in(fields):
            if not confirm(
                self,
                self.tr("Clear form"),
                self.tr(
                    "Clear everything typed for this visitor? Nothing is saved; Ctrl+Z brings "
                    "the form back until the next registration."
                ),
                self.tr("Clear form"),
            ):
                return
            self._cleared = (self.representatives.row_count(), [value_of(f) for f in fields])
        self.clear_form()
        self.undo_clear.armed = self._cleared is not None
        if self._cleared is not None:
            self._show_status(self.tr("Form cleared. Press Ctrl+Z to bring it back."))

    def put_back_cleared(self) -> None:
        if self._cleared is None:
            return
        rows, values = self._cleared
        self.representatives.show_rows(rows)
        for field, value in zip(self.form_fields(), values, strict=True):
            put_value(field, value)
        self._forget_cleared()
        self._show_status(self.tr("The cleared form is back."))

    def _forget_cleared(self) -> None:
        self._cleared = None
        self.undo_clear.armed = False

    def _show_problem(self, problem: Problem) -> None:
        self._show_status(problem.message, error=True)

    def _show_ticket(self, ticket: queue.TicketView, ahead: int, minutes: int | None) -> None:
        self.number_label.setText(ticket.number)
        self.destination_label.setText(
            self.tr("Please go to {window} ({location})").format(
                window=ticket.window_name, location=ticket.window_location
            )
        )
        # The wait the receipt prints, so the visitor hears what the paper says.
        if ahead and minutes is not None:
            self.ahead_label.setText(
                self.tr("{count} waiting ahead, about {minutes} minutes' wait").format(
                    count=ahead, minutes=minutes
                )
            )
        elif ahead:
            self.ahead_label.setText(self.tr("{count} waiting ahead").format(count=ahead))
        else:
            self.ahead_label.setText(self.tr("No one ahead"))
        reason = self.priority_combo.itemText(
            max(0, self.priority_combo.findData(ticket.priority_reason or ""))
        )
        visitor = self.tr("Visitor: {name}").format(name=ticket.visitor_name)
        if ticket.priority_reason:
            visitor += "　" + self.tr("Priority: {reason}").format(reason=reason)
        self.visitor_label.setText(visitor)

    # -- returning visitors -----------------------------------------------------------------

    def _search_typed(self, text: str) -> None:
        if looks_like_receipt(text) and not text.strip().isalpha():
            # A receipt's code, typed or scanned: Enter looks it up; no visitor has such a name.
            self.search.cancel()
            return
        self.search.request(text, "box")

    def _on_found(self, result: SearchResult) -> None:
        self.visitor_panel.show_matches(result)
        if result.matches:
            self.tabs.setCurrentWidget(self.visitor_panel)
        pick_on_result, self._pick_on_result = self._pick_on_result, False
        if result.source == "id_number" and len(result.matches) == 1:
            number = result.text.strip().upper()
            if result.matches[0].masked_id == mask_id_number(number) and len(number) == 18:
                self.pick(result.matches[0], fill_name=not self.name_edit.text().strip())
        elif pick_on_result and result.source == "box":
            if len(result.matches) == 1:
                self.pick(result.matches[0])
            elif result.matches:
                self._focus_matches()

    def pick(self, match: VisitorMatch, fill_name: bool = True) -> None:
        """Take a visitor found by the search as the one registering now."""
        today = clock.now().date()
        returning = (
            Operation(
                self,
                self.ctx.database,
                lambda s: desk.load_returning(s, match, today),
                read_only=True,
            )
            .failure(self._pick_failed)
            .run()
        )
        if returning is None:
            return
        self._set_returning(returning, fill_name=fill_name)
        if fill_name:
            self.purpose_combo.setFocus()

    def _pick_failed(self, problem: Problem) -> None:
        if problem.failure is Failure.REFUSED:
            self._show_status(self.tr("That visitor is no longer on record."), error=True)
        else:
            self._show_problem(problem)

    def _show_returning(self, returning: Returning | None) -> None:
        self.visitor_panel.show_visitor(returning)
        if returning is not None:
            self.tabs.setCurrentWidget(self.visitor_panel)

    # -- the search box: visitors and receipts ----------------------------------------------

    def _focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def _focus_matches(self) -> None:
        if self.visitor_panel.matches.count():
            self.tabs.setCurrentWidget(self.visitor_panel)
            self.visitor_panel.matches.setFocus()

    def _search_entered(self) -> None:
        """Enter in the search box: a receipt's code opens its visit; anything else picks the
        visitor it finds (a scanned ID number finds one)."""
        text = self.search_edit.text().strip()
        if not text:
            return
        if looks_like_receipt(text):
            self.search.cancel()
            if self.look_up(text) or not text.isalpha():
                return
        self._pick_on_result = True
        self.search.run_now(text, "box")

    def look_up(self, code: str) -> bool:
        """Open the visit a receipt names; False (and the reason shown) if there is none."""
        user, today = self.ctx.user, clock.now().date()
        found = (
            Operation(
                self,
                self.ctx.database,
                lambda s: desk.look_up(s, code, user, today),
                read_only=True,
            )
            .failure(self._not_looked_up)
            .run()
        )
        if found is None:
            return False
        self._show_looked_up(found)
        return True

    def _show_looked_up(self, found: LookedUp) -> None:
        self.lookup_panel.show_visit(found)
        self.tabs.setCurrentWidget(self.lookup_panel)
        self.search_edit.selectAll()
        self.looked_up.emit(found)

    def _not_looked_up(self, problem: Problem) -> None:
        self.lookup_panel.show_not_found(problem.message)
        self.tabs.setCurrentWidget(self.lookup_panel)
        self.looked_up.emit(None)

    # -- receipts -------------------------------------------------------------------------

    def _send_receipt(self, receipt: ReceiptData) -> None:
        self._show_receipt_state(
            self.tr("Printing the receipt of {number}…").format(number=receipt.ticket_number)
        )
        self.receipts.send(receipt)

    def _receipt(self, code: str) -> ReceiptData | None:
        return (
            Operation(self, self.ctx.database, lambda s: visit_receipt(s, code), read_only=True)
            .failure(lambda problem: self._show_receipt_state(problem.message, error=True))
            .run()
        )

    def reprint(self, code: str) -> None:
        """Print a visit's receipt again (the ticket it has now, its place in the queue now)."""
        receipt = self._receipt(code)
        if receipt is not None:
            self._send_receipt(receipt)

    def reprint_last(self) -> None:
        if self._last_code is not None:
            self.reprint(self._last_code)

    def _with_last_receipt(self, action: Callable[[ReceiptData, QWidget], object]) -> None:
        if self._last_code is None:
            return
        receipt = self._receipt(self._last_code)
        if receipt is not None:
            action(receipt, self)

    def _receipt_printed(self, message: str) -> None:
        self._show_receipt_state(message)

    def _receipt_failed(self, reason: str) -> None:
        self._show_receipt_state(
            self.tr("Receipt not printed. {reason} Ctrl+P prints it again.").format(reason=reason),
            error=True,
        )

    def _show_receipt_state(self, text: str, error: bool = False) -> None:
        self.receipt_label.setStyleSheet(
            f"color: {ERROR_COLOUR}; font-weight: bold; border: 2px solid {ERROR_COLOUR};"
            " padding: 4px;"
            if error
            else ""
        )
        self.receipt_label.setText(text)
