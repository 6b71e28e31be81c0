"""The workstation every window shares: its waiting list, the visitor at the counter with
their registration and history, the record of the service (the window's own panel, the
outcome and next step, the rating, the notes), and the actions on them (call, recall,
no-show, start, finish, transfer, hand to court, cancel), each on an F-key. Beside the
counter: the window's follow-ups due and its records.

Each action is one unit of work calling one ``hall`` function; the rules refuse what is
illegal and the refusal is shown here in their words, at the field at fault. What was typed
is cleared only once it is saved.

A window puts its own record into the counter page through :meth:`make_panel`, and its own
pages (ledgers, the bulletin) beside it through :meth:`extra_pages`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from db.action_requests import apply_once, new_request_id
from db.case_models import PetitionCase
from db.court_models import CourtHandoff
from db.models import Ticket
from db.window_models import CASE, COURT, FORWARDED, ServiceRecord
from hall import catalog, clock, court, outcomes, queue, units
from hall.errors import HallError, InvalidInput
from kit.context import AppContext
from kit.fields import ERROR_COLOUR
from kit.lazy_table import CENTRE, Column, LazyTableModel
from kit.list_table import Picking, list_table, list_view
from windows.evaluator import EvaluatorWindow
from windows.followups import FollowUpPage
from windows.handoff_dialog import HandoffDialog
from windows.record import OutcomeBox, WindowPanel
from windows.records import RecordsPage
from windows.transfer import TransferDialog

log = logging.getLogger(__name__)

# Waiting minutes in the list age while the officer works; repaint them this often.
AGE_REPAINT_MS = 30_000
HISTORY_ROWS = 4


@dataclass(frozen=True)
class CounterTicket:
    """The ticket at this seat with what the waiting list knows of its visit (read in a
    session, so the screen never reaches back into the database to paint)."""

    ticket: queue.TicketView
    visit_id: int | None
    priority: str


def counter_ticket(ticket: Ticket, reason_names: dict[str, str]) -> CounterTicket:
    return CounterTicket(
        ticket=queue.view(ticket),
        visit_id=ticket.visit_id,
        priority=reason_names.get(ticket.priority_reason or "", ticket.priority_reason or ""),
    )


def desk_heading(parts: Sequence[str], font: QFont) -> QLabel:
    """The line above a desk: where it is and who works there (the empty parts left out), in
    a larger bold ``font``."""
    heading = QLabel("　·　".join(p for p in parts if p))
    large = QFont(font)
    large.setPointSize(max(large.pointSize(), 9) + 5)
    large.setBold(True)
    heading.setFont(large)
    return heading


def _ticket_id_of(ticket: Ticket | None) -> int | None:
    return ticket.id if ticket is not None else None


def _minutes_waited(ticket: queue.TicketView) -> int:
    """From taking a place in the queue (kept across transfers) to being called, or to now."""
    until = ticket.called_at or clock.now()
    return max(0, int((until - ticket.queued_at).total_seconds() // 60))


class WindowWorkstation(QWidget):
    """One window's workstation, for the officer at one of its seats."""

    current_changed = Signal(object)  # CounterTicket, or None when the counter is free
    service_finished = Signal(int)  # the ticket just finished, for the evaluator
    # Whether the follow-up starts ticked for each visitor.
    follow_up_by_default = False

    def __init__(self, ctx: AppContext, window_code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.seat = ctx.workstation.seat
        with ctx.database.read() as s:
            window = queue.window_by_code(s, window_code)
            self.window_code = window.code
            self.window_name = window.name
            self.window_location = window.location
        self.current: CounterTicket | None = None
        self.card: outcomes.VisitCard | None = None
        self._current_id: int | None = None
        # Request ids of actions that failed for want of the database, kept until a press
        # again finds them done or does them (db.action_requests): a call whose commit was
        # not acknowledged must not call a second visitor when F1 is pressed again.
        self._unconfirmed: dict[str, str] = {}
        self._loaded_ticket: int | None = None
        self._reason_names: dict[str, str] = {}
        self.transfer_dialog: TransferDialog | None = None
        self.handoff_dialog: HandoffDialog | None = None
        self.cancel_box: QMessageBox | None = None
        self.evaluator: EvaluatorWindow | None = None

        self.panel = self.make_panel()
        self.outcome_box = OutcomeBox(ctx.database, self.window_code)
        self.follow_ups = FollowUpPage(ctx, self.window_code)
        self.records = RecordsPage(ctx, self.window_code)

        layout = QVBoxLayout(self)
        layout.addWidget(self._build_header())
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_counter_page(), self.tr("Counter"))
        self.tabs.addTab(self.follow_ups, self.tr("Follow-ups"))
        self.tabs.addTab(self.records, self.tr("Records"))
        for title, page in self.extra_pages():
            self.tabs.addTab(page, title)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(self._build_actions())
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        layout.addWidget(self.message_label)

        self.follow_ups.count_changed.connect(self._follow_ups_counted)
        self.tabs.currentChanged.connect(self._tab_shown)
        self._age_timer = QTimer(self)
        self._age_timer.setInterval(AGE_REPAINT_MS)
        self._age_timer.timeout.connect(lambda: self.waiting_model.refresh_column(3))
        self._age_timer.start()
        ctx.events.queue_changed.connect(self._queue_changed)
        # Events missed while the database was away are not replayed; read everything again.
        ctx.events.connection_restored.connect(self.refresh)
        self.follow_ups.refresh()
        self.refresh()

    # -- what a window adds ---------------------------------------------------------------

    def make_panel(self) -> WindowPanel | None:
        """The window's own part of the record (None: the outcome alone)."""
        return None

    def extra_pages(self) -> list[tuple[str, QWidget]]:
        """The window's own pages beside the counter (title, page)."""
        return []

    # -- building -------------------------------------------------------------------------

    def _build_header(self) -> QLabel:
        parts = [self.window_name, self.window_location]
        if self.seat is not None:
            parts.append(self.tr("Seat {seat}").format(seat=self.seat))
        parts.append(self.ctx.user.name)
        return desk_heading(parts, self.font())

    def _build_counter_page(self) -> QWidget:
        page = QWidget()
        columns = QHBoxLayout(page)
        columns.setContentsMargins(0, 4, 0, 0)
        columns.addWidget(self._build_waiting_list(), 2)
        columns.addWidget(self._build_counter(), 4)
        columns.addWidget(self._build_record(), 5)
        return page

    def _build_waiting_list(self) -> QGroupBox:
        self.waiting_box = QGroupBox()
        columns: list[Column[queue.TicketView]] = [
            Column(self.tr("Number"), lambda t: t.number, CENTRE),
            Column(self.tr("Name"), lambda t: t.visitor_name),
            Column(
                self.tr("Priority"), lambda t: self._reason_names.get(t.priority_reason or "", "")
            ),
            Column(
                self.tr("Waiting"),
                lambda t: self.tr("{minutes} min").format(minutes=_minutes_waited(t)),
                CENTRE,
            ),
        ]
        self.waiting_model = LazyTableModel(columns, self._fetch_waiting, parent=self)
        self.waiting_view = list_view(self.waiting_model, stretch=1, picking=Picking.ROWS)
        self.waiting_view.setToolTip(
            self.tr("Double-click or press Enter on a visitor to call them out of turn")
        )
        self.waiting_view.activated.connect(self._call_chosen)
        layout = QVBoxLayout(self.waiting_box)
        layout.addWidget(self.waiting_view)
        return self.waiting_box

    def _build_counter(self) -> QGroupBox:
        box = QGroupBox(self.tr("At the counter"))
        layout = QVBoxLayout(box)
        self.number_label = QLabel("—")
        big = QFont(self.font())
        big.setPointSize(max(big.pointSize(), 9) * 3)
        big.setBold(True)
        self.number_label.setFont(big)
        self.state_label = QLabel(self.tr("Free: press F1 to call the next visitor."))
        emphasis = QFont(self.font())
        emphasis.setPointSize(max(emphasis.pointSize(), 9) + 3)
        self.state_label.setFont(emphasis)
        self.state_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.number_label)
        top.addWidget(self.state_label, 1)
        layout.addLayout(top)

        details = QFormLayout()
        self.name_value = QLabel()
        self.id_value = QLabel()
        self.contact_value = QLabel()
        self.contact_value.setWordWrap(True)
        self.matter_value = QLabel()
        self.matter_value.setWordWrap(True)
        self.priority_value = QLabel()
        self.queued_value = QLabel()
        self.summary_value = QLabel()
        self.summary_value.setWordWrap(True)
        self.request_value = QLabel()
        self.request_value.setWordWrap(True)
        self.cases_value = QLabel()
        self.cases_value.setWordWrap(True)
        details.addRow(self.tr("Visitor"), self.name_value)
        details.addRow(self.tr("ID number"), self.id_value)
        details.addRow(self.tr("Contact"), self.contact_value)
        details.addRow(self.tr("Matter"), self.matter_value)
        details.addRow(self.tr("Priority"), self.priority_value)
        details.addRow(self.tr("Queued"), self.queued_value)
        details.addRow(self.tr("Summary"), self.summary_value)
        details.addRow(self.tr("Request"), self.request_value)
        details.addRow(self.tr("Open cases"), self.cases_value)
        layout.addLayout(details)

        self.history_label = QLabel(self.tr("Earlier visits"))
        self.history_table = list_table(
            [
                self.tr("Date"),
                self.tr("Window"),
                self.tr("Matter"),
                self.tr("What it came to"),
                self.tr("Rating"),
            ],
            stretch=2,
            picking=Picking.ROWS,
        )
        self.history_table.setWordWrap(False)
        layout.addWidget(self.history_label)
        layout.addWidget(self.history_table, 1)
        return box

    def _build_record(self) -> QWidget:
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        if self.panel is not None:
            layout.addWidget(self.panel)
        layout.addWidget(self.outcome_box)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setPlaceholderText(
            self.tr("What was done; saved with the outcome when you finish (F5)")
        )
        notes_label = QLabel(self.tr("&Notes"))
        notes_label.setBuddy(self.notes_edit)
        layout.addWidget(notes_label)
        layout.addWidget(self.notes_edit, 1)
        return column

    def _build_actions(self) -> QHBoxLayout:
        def button(text: str, key: str | None, slot: Callable[[], None]) -> QPushButton:
            widget = QPushButton(f"{text}  [{key}]" if key else text)
            if key:
                widget.setShortcut(QKeySequence(key))
            widget.clicked.connect(slot)
            return widget

        self.call_button = button(self.tr("Call next"), "F1", self.call_next)
        self.recall_button = button(self.tr("Recall"), "F2", self.recall)
        self.no_show_button = button(self.tr("No-show"), "F3", self.mark_no_show)
        self.start_button = button(self.tr("Start"), "F4", self.start)
        self.finish_button = button(self.tr("Finish"), "F5", self.finish)
        self.transfer_button = button(self.tr("Transfer"), "F6", self.transfer)
        self.court_button = button(self.tr("Hand to court"), "F7", self.hand_to_court)
        self.evaluator_button = button(self.tr("Evaluator screen"), "F9", self._show_evaluator)
        self.cancel_button = button(self.tr("Cancel ticket"), None, self.cancel)
        self.court_button.setVisible(COURT in outcomes.outcomes_for(self.window_code))
        row = QHBoxLayout()
        for widget in (
            self.call_button,
            self.recall_button,
            self.no_show_button,
            self.start_button,
            self.finish_button,
            self.transfer_button,
            self.court_button,
        ):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.evaluator_button)
        row.addWidget(self.cancel_button)
        return row

    # -- reading --------------------------------------------------------------------------

    def _fetch_waiting(self, offset: int, limit: int) -> Sequence[queue.TicketView]:
        with self.ctx.database.read() as s:
            page = queue.waiting(s, self.window_code, clock.now().date(), offset, limit)
            return [queue.view(t) for t in page]

    def _queue_changed(self, window_code: str) -> None:
        if window_code == self.window_code:
            self.refresh()

    def refresh(self) -> None:
        """Re-read the waiting list and the ticket at this seat."""
        day = clock.now().date()
        with self.ctx.database.read() as s:
            self._reason_names = {r.code: r.name for r in catalog.priority_reasons(s)}
            count = queue.waiting_count(s, self.window_code, day)
            ticket = s.get(Ticket, self._current_id) if self._current_id is not None else None
            if ticket is None or ticket.status in queue.TERMINAL:
                # A visitor called to this seat elsewhere (another session of the same
                # officer, a hardware caller) is the one at the counter now.
                at_seat = [t for t in queue.active(s, self.window_code, day) if t.seat == self.seat]
                if at_seat:
                    ticket = at_seat[0]
            current = counter_ticket(ticket, self._reason_names) if ticket else None
        self.waiting_box.setTitle(self.tr("Waiting: {count}").format(count=count))
        self.waiting_model.reload()
        if current is not None and current.ticket.id != self._loaded_ticket:
            self._load_visitor(current)
        self._show_current(current)

    def _load_visitor(self, current: CounterTicket) -> None:
        """A new visitor at the counter: their registration and history (opening an
        accusation is logged, so this is a writing unit of work), and the forms started for
        them."""
        card = None
        if current.visit_id is not None:
            with self.ctx.database.write() as s:
                card = outcomes.open_visit(s, current.visit_id, self.ctx.user)
        self.card = card
        self._loaded_ticket = current.ticket.id
        if current.ticket.status not in queue.TERMINAL:
            self._start_forms()

    def _start_forms(self) -> None:
        if self.panel is not None:
            self.panel.load(self.card)
            self.panel.clear_messages()
        self.outcome_box.reset(self.follow_up_by_default, self._follow_up_subject())

    def _follow_up_subject(self) -> str:
        card = self.card
        if card is None or card.withheld or not card.summary:
            return ""
        return self.tr("How it went on: {summary}").format(summary=card.summary)

    def _show_current(self, current: CounterTicket | None) -> None:
        self.current = current
        self._current_id = current.ticket.id if current else None
        status = current.ticket.status if current else None
        card = self.card if current is not None else None
        if current is None:
            self.number_label.setText("—")
            self.state_label.setText(self.tr("Free: press F1 to call the next visitor."))
        else:
            t = current.ticket
            self.number_label.setText(t.number)
            state = t.status_name
            if t.recall_count:
                state += "　" + self.tr("recalled {count}×").format(count=t.recall_count)
            self.state_label.setText(state)
            self.priority_value.setText(current.priority or self.tr("none"))
            self.queued_value.setText(
                self.tr("{time}, waited {minutes} min").format(
                    time=t.queued_at.strftime("%H:%M"), minutes=_minutes_waited(t)
                )
            )
        self._show_card(card, current)
        free = status is None or status in queue.TERMINAL
        self.call_button.setEnabled(free)
        self.recall_button.setEnabled(status == queue.CALLED)
        self.no_show_button.setEnabled(status == queue.CALLED)
        self.start_button.setEnabled(status == queue.CALLED)
        self.finish_button.setEnabled(status == queue.SERVING)
        self.court_button.setEnabled(status == queue.SERVING and card is not None)
        self.transfer_button.setEnabled(status in (queue.CALLED, queue.SERVING))
        self.cancel_button.setEnabled(status == queue.CALLED)
        self.current_changed.emit(current)

    def _show_card(self, card: outcomes.VisitCard | None, current: CounterTicket | None) -> None:
        if current is None:
            for label in (self.priority_value, self.queued_value):
                label.clear()
        if card is None:
            for label in (
                self.name_value,
                self.id_value,
                self.contact_value,
                self.matter_value,
                self.summary_value,
                self.request_value,
                self.cases_value,
            ):
                label.clear()
            if current is not None:
                self.name_value.setText(current.ticket.visitor_name or self.tr("(not registered)"))
            self.history_table.setRowCount(0)
            self.history_label.setText(self.tr("Earlier visits"))
            return
        name = card.name
        if card.gender:
            name += f"（{card.gender}）"
        if card.proxy_name:
            name += "　" + self.tr("by proxy {proxy}").format(proxy=card.proxy_name)
        self.name_value.setText(name)
        self.id_value.setText(card.id_number or "—")
        self.contact_value.setText("　".join(p for p in (card.phone, card.address) if p) or "—")
        matter = f"{card.purpose}　{card.channel}"
        if card.group_size > 1:
            matter += "　" + self.tr("{count} people").format(count=card.group_size)
            if card.representatives:
                matter += (
                    "（"
                    + self.tr("representatives: {names}").format(
                        names="、".join(card.representatives)
                    )
                    + "）"
                )
        flags = [
            self.tr("litigation-related") if card.litigation else "",
            self.tr("urgent") if card.urgent else "",
            self.tr("confidential") if card.confidential else "",
        ]
        self.matter_value.setText("　".join(p for p in (matter, *flags) if p))
        self.summary_value.setText(card.summary or "—")
        self.summary_value.setStyleSheet(f"color: {ERROR_COLOUR};" if card.withheld else "")
        self.request_value.setText(card.request or "—")
        self.cases_value.setText("；".join(card.open_cases) or self.tr("none"))
        self.history_label.setText(
            self.tr("Earlier visits: {count}").format(count=len(card.history))
        )
        self.history_table.setRowCount(len(card.history))
        for row, entry in enumerate(card.history):
            cells = (
                entry.created_at.strftime("%Y-%m-%d"),
                entry.window_name,
                f"{entry.purpose}　{entry.summary}",
                entry.outcomes or "—",
                entry.rating or self.tr("unrated"),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.history_table.setItem(row, column, item)

    def _follow_ups_counted(self, count: int) -> None:
        index = self.tabs.indexOf(self.follow_ups)
        title = (
            self.tr("Follow-ups ({count} due)").format(count=count)
            if count
            else self.tr("Follow-ups")
        )
        self.tabs.setTabText(index, title)

    def _tab_shown(self, index: int) -> None:
        page = self.tabs.widget(index)
        reload = getattr(page, "refresh", None)
        if page is not None and page is not self.tabs.widget(0) and callable(reload):
            reload()

    # -- acting ---------------------------------------------------------------------------

    def _perform(
        self,
        action: Callable[[Session], Ticket | None],
        describe: Callable[[queue.TicketView], str],
        saves_notes: bool = False,
        nothing: str = "",
        once: str = "",
    ) -> str | None:
        """Run one action in its own transaction and show its result (``nothing`` when the
        action found no ticket). ``once`` names an action that pressing again after a lost
        connection must not apply twice. Returns the refusal message when the rules (or the
        database) turned it down, None when it was done."""
        key = f"{once}:{self._current_id}"
        try:
            with self.ctx.database.write() as s:
                if once:
                    request = self._unconfirmed.setdefault(key, new_request_id())
                    applied = apply_once(s, request, once, lambda: _ticket_id_of(action(s)))
                    ticket = s.get(Ticket, applied.entity_id) if applied.entity_id else None
                else:
                    ticket = action(s)
                done = queue.view(ticket) if ticket is not None else None
            self._unconfirmed.pop(key, None)
        except HallError as error:
            self._unconfirmed.pop(key, None)
            if isinstance(error, InvalidInput):
                self._mark(error)
            self._show_message(error.message, error=True)
            self.refresh()
            return error.message
        except SQLAlchemyError:
            log.exception("workstation action not saved")
            message = self._unreachable()
            self._show_message(message, error=True)
            return message
        if saves_notes:
            self.notes_edit.clear()
        if done is None:
            self._show_message(nothing)
        else:
            self._current_id = done.id
            self._show_message(describe(done))
        self.refresh()
        return None

    def _unreachable(self) -> str:
        return self.tr(
            "The database cannot be reached: nothing was saved and your notes are kept. "
            "Try again when the connection is back."
        )

    def _show_message(self, text: str, error: bool = False) -> None:
        self.message_label.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")
        self.message_label.setText(text)

    def _mark(self, problem: InvalidInput) -> bool:
        """Show a problem at its field; False when no field of this screen is its own."""
        if self.panel is not None:
            message = self.panel.messages.get(problem.field or "")
            if message is not None:
                message.show_error(problem.message)
                return True
        return self.outcome_box.show_problem(problem)

    def _ticket_id(self) -> int:
        if self._current_id is None:
            raise HallError(self.tr("No visitor is at the counter."))
        return self._current_id

    def call_next(self) -> None:
        self._perform(
            lambda s: queue.call_next(s, self.window_code, seat=self.seat, actor=self.ctx.user),
            lambda t: self.tr("Calling {number} {name}.").format(
                number=t.number, name=t.visitor_name
            ),
            nothing=self.tr("No one is waiting at this window."),
            once="ticket.call",
        )

    def _call_chosen(self, index: QModelIndex) -> None:
        """Call the visitor the officer picked from the list, out of turn."""
        if self.current is not None and self.current.ticket.status not in queue.TERMINAL:
            self._show_message(
                self.tr("{number} is still at the counter: finish with them first.").format(
                    number=self.current.ticket.number
                ),
                error=True,
            )
            return
        chosen = self.waiting_model.row(index.row())
        self._perform(
            lambda s: queue.call_ticket(s, chosen.id, seat=self.seat, actor=self.ctx.user),
            lambda t: self.tr("Calling {number} {name} out of turn.").format(
                number=t.number, name=t.visitor_name
            ),
        )

    def recall(self) -> None:
        def describe(t: queue.TicketView) -> str:
            if t.status == queue.NO_SHOW:
                return self.tr(
                    "{number} did not come after the last recall: marked no-show."
                ).format(number=t.number)
            return self.tr("Called {number} again ({count}×).").format(
                number=t.number, count=t.recall_count
            )

        self._perform(
            lambda s: outcomes.recall(s, self._ticket_id(), actor=self.ctx.user),
            describe,
            once="ticket.recall",
        )

    def mark_no_show(self) -> None:
        self._perform(
            lambda s: outcomes.mark_no_show(s, self._ticket_id(), actor=self.ctx.user),
            lambda t: self.tr("{number} marked no-show.").format(number=t.number),
        )

    def start(self) -> None:
        refusal = self._perform(
            lambda s: queue.start(s, self._ticket_id(), actor=self.ctx.user),
            lambda t: self.tr("Serving {number}.").format(number=t.number),
        )
        if refusal is None:
            (self.panel.first_field() if self.panel is not None else self.notes_edit).setFocus()

    # -- finishing ------------------------------------------------------------------------

    def chosen_outcome(self) -> outcomes.Outcome:
        """What the forms say now, as the rules take it."""
        chosen = outcomes.Outcome(
            outcome=self.outcome_box.outcome(),
            entry=self.panel.entry() if self.panel is not None else None,
            notes=self.notes_edit.toPlainText(),
        )
        self.outcome_box.fill(chosen)
        return chosen

    def _problems(self, chosen: outcomes.Outcome) -> list[InvalidInput] | None:
        """Every problem with the forms at once, each shown at its field (None: the database
        could not be asked)."""
        if self.panel is not None:
            self.panel.clear_messages()
        self.outcome_box.clear_messages()
        try:
            with self.ctx.database.read() as s:
                ticket = s.get(Ticket, self._ticket_id())
                # A ticket no longer being served is refused for that, by the action itself.
                problems = (
                    outcomes.check(s, ticket, chosen, clock.now().date())
                    if ticket is not None and ticket.status == queue.SERVING
                    else []
                )
        except HallError as error:
            self._show_message(error.message, error=True)
            return None
        except SQLAlchemyError:
            log.exception("workstation could not check the record")
            self._show_message(self._unreachable(), error=True)
            return None
        # The court's brief is asked for afterwards, in its own dialog.
        brief_fields = ("brief", "party", "other_party", "claim")
        unmarked = [p for p in problems if p.field not in brief_fields]
        for problem in unmarked:
            self._mark(problem)
        if unmarked:
            self._show_message(
                self.tr("Not saved: {problem}").format(problem=unmarked[0].message), error=True
            )
            self.refresh()
        return unmarked

    def finish(self) -> None:
        """Finish with the outcome chosen; handing to the court asks for the slip first."""
        if self._current_id is None:
            return
        chosen = self.chosen_outcome()
        if chosen.outcome == COURT:
            self._ask_handoff(chosen)
            return
        problems = self._problems(chosen)
        if problems is None or problems:
            return
        self._finish_with(chosen)

    def hand_to_court(self) -> None:
        """The legal window's one action: finish by handing the visitor to the court."""
        if self._current_id is None or self.current is None:
            return
        self.outcome_box.set_outcome(COURT)
        self._ask_handoff(self.chosen_outcome())

    def _ask_handoff(self, chosen: outcomes.Outcome) -> None:
        problems = self._problems(chosen)
        if problems is None or problems or self.current is None:
            return
        visit_id = self.current.visit_id
        if visit_id is None:
            self._show_message(
                self.tr("This ticket has no registered visit: register it at the front desk."),
                error=True,
            )
            return
        with self.ctx.database.read() as s:
            brief = court.brief_for(s, visit_id)
        dialog = HandoffDialog(self.current.ticket.number, brief, self)
        dialog.submitted.connect(lambda b: self._hand_off(dialog, chosen, b))
        dialog.finished.connect(dialog.deleteLater)
        self.handoff_dialog = dialog
        dialog.open()

    def _hand_off(
        self, dialog: HandoffDialog, chosen: outcomes.Outcome, brief: court.HandoffBrief
    ) -> None:
        chosen.brief = brief
        refusal = self._finish_with(chosen)
        if refusal is None:
            dialog.accept()
        elif self.message_label.text():
            dialog.refuse(refusal)

    def _finish_with(self, chosen: outcomes.Outcome) -> str | None:
        saved: list[str] = []

        def act(s: Session) -> Ticket | None:
            record = outcomes.finish(s, self._ticket_id(), chosen, actor=self.ctx.user)
            saved.append(self._outcome_words(s, record.outcome, record))
            return record.ticket

        refusal = self._perform(
            act,
            lambda t: (
                self.tr("{number} finished; the notes are saved.").format(number=t.number)
                + saved[0]
            ),
            saves_notes=True,
        )
        if refusal is None:
            finished = self._current_id
            self._start_forms()
            self.records.refresh()
            self.follow_ups.refresh()
            if finished is not None:
                self.service_finished.emit(finished)
        return refusal

    def _outcome_words(self, s: Session, outcome: str, record: ServiceRecord) -> str:
        """What the next step came to, after the finish message."""
        if outcome == CASE and record.case_id is not None:
            number = s.get_one(PetitionCase, record.case_id).number
            return self.tr(" Registered as case {number} for the letters window.").format(
                number=number
            )
        if outcome == COURT and record.handoff_id is not None:
            number = s.get_one(CourtHandoff, record.handoff_id).number
            return self.tr(" Handed to the court as {number}.").format(number=number)
        if outcome == FORWARDED and record.unit_id is not None:
            return self.tr(" Forwarded to {unit}.").format(unit=units.unit(s, record.unit_id).name)
        return ""

    # -- transfer, cancel, evaluator ------------------------------------------------------

    def transfer(self) -> None:
        if self.current is None:
            return
        dialog = TransferDialog(
            self.ctx.database, self.current.ticket.number, self.window_code, self
        )
        dialog.submitted.connect(lambda code, reason: self._transfer_to(dialog, code, reason))
        dialog.finished.connect(dialog.deleteLater)
        self.transfer_dialog = dialog
        dialog.open()

    def _transfer_to(self, dialog: TransferDialog, window_code: str, reason: str) -> None:
        notes = "\n".join(p for p in (reason, self.notes_edit.toPlainText().strip()) if p)
        moved: list[queue.TicketView] = []

        def act(s: Session) -> Ticket | None:
            old_id = self._ticket_id()
            _record, new_ticket = outcomes.transfer(s, old_id, window_code, notes, self.ctx.user)
            moved.append(queue.view(new_ticket))
            return s.get(Ticket, old_id)

        refusal = self._perform(
            act,
            lambda t: self.tr("{number} transferred to {window} as {new_number}.").format(
                number=t.number, window=moved[0].window_name, new_number=moved[0].number
            ),
            saves_notes=True,
        )
        if refusal is None:
            self._start_forms()
            self.records.refresh()
            dialog.accept()
        else:
            dialog.refuse(refusal)

    def cancel(self) -> None:
        if self.current is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Cancel ticket"),
            self.tr(
                "Cancel ticket {number}? What is typed in the notes is kept as the reason."
            ).format(number=self.current.ticket.number),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Cancel the ticket"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Keep it"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).clicked.connect(self._cancel_confirmed)
        box.finished.connect(box.deleteLater)
        self.cancel_box = box
        box.open()

    def _cancel_confirmed(self) -> None:
        reason = self.notes_edit.toPlainText()
        self._perform(
            lambda s: queue.cancel(s, self._ticket_id(), reason, actor=self.ctx.user),
            lambda t: self.tr("{number} cancelled.").format(number=t.number),
            saves_notes=True,
        )

    def _show_evaluator(self) -> None:
        self.open_evaluator()

    def open_evaluator(self) -> EvaluatorWindow:
        """The visitor-facing evaluator of this seat, in its own window (for a second screen
        turned to the visitor); one per workstation."""
        if self.evaluator is None:
            # A window of its own, but owned by the workstation: it goes when the workstation
            # does.
            evaluator = EvaluatorWindow(self.ctx, self.window_code, self.seat, self)
            evaluator.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            # It faces the visitor; the officer's keys stay with the workstation.
            evaluator.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
            self.service_finished.connect(evaluator.refresh)
            evaluator.destroyed.connect(self._evaluator_closed)
            self.evaluator = evaluator
        self.evaluator.show()
        return self.evaluator

    def _evaluator_closed(self) -> None:
        self.evaluator = None
