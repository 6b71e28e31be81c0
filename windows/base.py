"""The workstation every window shares: its waiting list, the visitor at the counter with
their registration and history, the record of the service (the window's own panel, the
outcome and next step, the rating, the notes), and the actions on them (call, recall,
no-show, start, finish, transfer, hand to court, cancel), each on an F-key. Beside the
counter: the window's follow-ups due and its records. What it shows is built in
:mod:`windows.counter_view`; the actions are here.

Each action is one ``hall`` function run through :class:`kit.operations.Operation`; the rules
refuse what is illegal and the refusal is shown here in their words, at the field at fault.
What was typed is cleared only once it is saved.

A window puts its own record into the counter page through :meth:`make_panel`, and its own
pages (ledgers, the bulletin) beside it through :meth:`extra_pages`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.engine import Session
from db.window_models import COURT
from hall import clock, counter, court, outcomes, queue
from hall.errors import HallError
from kit.confirm import confirm
from kit.context import AppContext
from kit.fit import FlowLayout, scrolling
from kit.form_errors import FormErrors
from kit.operations import Failure, Operation, Problem, Request, database_lost
from windows import queue_reorder
from windows.counter_view import CounterView, desk_heading
from windows.evaluator import EvaluatorWindow
from windows.followups import FollowUpPage
from windows.handoff_dialog import HandoffDialog
from windows.outcome_form import OutcomeBox, WindowPanel
from windows.outcome_records import RecordsPage
from windows.panel_kit import quietly
from windows.transfer import TransferDialog

# Re-exported: the letters and court desks build their heading line with it.
__all__ = ["WindowWorkstation", "desk_heading"]

# Waiting minutes in the list age while the officer works; repaint them this often.
AGE_REPAINT_MS = 30_000


class WindowWorkstation(CounterView):
    """One window's workstation, for the officer at one of its seats."""

    service_finished = Signal(int)  # the ticket just finished, for the evaluator
    # Whether the follow-up starts ticked for each visitor.
    follow_up_by_default = False

    def __init__(self, ctx: AppContext, window_code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.seat = ctx.workstation.seat
        unread: list[Problem] = []
        heading = Operation(
            self, ctx.database, lambda s: counter.window_heading(s, window_code), read_only=True
        )
        # Without the database the workstation still opens, named by its code, and says why.
        self.window_code, self.window_name, self.window_location = heading.failure(
            unread.append
        ).run() or (window_code, window_code, "")
        self.current: counter.CounterTicket | None = None
        self.card: outcomes.VisitCard | None = None
        self._current_id: int | None = None
        # The request of each action that must not be applied twice, by kind and ticket,
        # kept from a press the database did not answer until a press again finds it done or
        # does it (kit.operations.Request): a call whose commit was not acknowledged must not
        # call a second visitor when F1 is pressed again.
        self._requests: dict[str, Request] = {}
        self._loaded_ticket: int | None = None
        self._reason_names: dict[str, str] = {}
        self.transfer_dialog: TransferDialog | None = None
        self.handoff_dialog: HandoffDialog | None = None
        self.out_of_turn_dialog: queue_reorder.OutOfTurnDialog | None = None
        self.evaluator: EvaluatorWindow | None = None
        # The forms as started for the visitor: F5 on forms still so is asked about (finish).
        self._as_started: outcomes.Outcome | None = None

        self.panel = self.make_panel()
        self.outcome_box = OutcomeBox(ctx.database, self.window_code)
        self.follow_ups = FollowUpPage(ctx, self.window_code)
        self.records = RecordsPage(ctx, self.window_code)

        layout = QVBoxLayout(self)
        layout.addWidget(self._build_header())
        self.tabs = QTabWidget()
        # The visitor's details and the record scroll; the action buttons below stay in view.
        self.tabs.addTab(scrolling(self._build_counter_page()), self.tr("Counter"))
        self.tabs.addTab(self.follow_ups, self.tr("Follow-ups"))
        self.tabs.addTab(self.records, self.tr("Records"))
        for title, page in self.extra_pages():
            self.tabs.addTab(page, title)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(self._build_actions())
        self.message_label = QLabel()
        layout.addWidget(self.message_label)
        # The record's mistakes, the window's panel and the outcome alike, counted in the line.
        self.form_errors = FormErrors(self.message_label, hide_when_empty=False)
        self.form_errors.adopt(self.outcome_box.messages)
        if self.panel is not None:
            self.form_errors.adopt(self.panel.messages)
        for problem in unread:
            self._show_message(problem.message, error=True)

        self.waiting_view.activated.connect(lambda _: queue_reorder.ask_out_of_turn(self))
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

    def _build_actions(self) -> FlowLayout:
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
        self.out_of_turn_button = button(
            self.tr("Call out of turn…"), "Ctrl+F1", lambda: queue_reorder.ask_out_of_turn(self)
        )
        self.requeue_button = button(
            self.tr("Requeue no-show"), None, lambda: queue_reorder.requeue_no_show(self)
        )
        self.court_button.setVisible(COURT in outcomes.outcomes_for(self.window_code))
        # Eleven buttons do not fit 1024 pixels on one line: they wrap onto a second.
        row = FlowLayout()
        for widget in (
            self.call_button,
            self.out_of_turn_button,
            self.recall_button,
            self.no_show_button,
            self.requeue_button,
            self.start_button,
            self.finish_button,
            self.transfer_button,
            self.court_button,
        ):
            row.addWidget(widget)
        row.addStretch()
        row.addWidget(self.evaluator_button)
        row.addWidget(self.cancel_button)
        return row

    # -- reading --------------------------------------------------------------------------

    def _queue_changed(self, window_code: str) -> None:
        if window_code == self.window_code:
            self.refresh()

    def refresh(self) -> None:
        """Re-read the waiting list and the ticket at this seat."""
        day = clock.now().date()
        reading = Operation(
            self,
            self.ctx.database,
            lambda s: counter.counter_state(s, self.window_code, self.seat, self._current_id, day),
            read_only=True,
        )
        state = reading.failure(quietly).run()
        if state is None:
            return
        self._reason_names = state.reason_names
        count, current = state.waiting, state.current
        self.waiting_box.setTitle(self.tr("Waiting: {count}").format(count=count))
        self.waiting_model.reload()
        if current is not None and current.ticket.id != self._loaded_ticket:
            self._load_visitor(current)
        self._show_current(current)

    def _load_visitor(self, current: counter.CounterTicket) -> None:
        """A new visitor at the counter: their registration and history (opening an
        accusation is logged, so this is a writing unit of work), and the forms started for
        them."""
        card = None
        visit_id = current.visit_id
        if visit_id is not None:
            opening = Operation(
                self,
                self.ctx.database,
                lambda s: outcomes.open_visit(s, visit_id, self.ctx.user),
            )
            # Told, not refreshed: a refresh would come straight back here.
            card = opening.failure(lambda p: self._show_message(p.message, error=True)).run()
        self.card = card
        self._loaded_ticket = current.ticket.id
        if current.ticket.status not in queue.TERMINAL:
            self._start_forms(card)

    def _start_forms(self, card: outcomes.VisitCard | None) -> None:
        """The forms started for ``card``'s visitor, or blank (None) once a visitor is done
        with: nothing of theirs is left for the next one."""
        if self.panel is not None:
            self.panel.load(card)
            self.panel.clear_messages()
        self.outcome_box.reset(self.follow_up_by_default, self._follow_up_subject(card))
        self._as_started = self.chosen_outcome()

    def _follow_up_subject(self, card: outcomes.VisitCard | None) -> str:
        if card is None or card.withheld or not card.summary:
            return ""
        return self.tr("How it went on: {summary}").format(summary=card.summary)

    # -- acting ---------------------------------------------------------------------------

    def _perform(
        self,
        action: Callable[[Session], queue.TicketView | None],
        describe: Callable[[queue.TicketView], str],
        saves_notes: bool = False,
        nothing: str = "",
        once: str = "",
    ) -> str | None:
        """Run one action and show its result (``nothing`` when the action found no ticket).
        ``once`` names an action that pressing again after a lost connection must not apply
        twice. Returns the message when the rules (or the database) turned it down, None when
        it was done."""
        refusals: list[str] = []

        def done(ticket: queue.TicketView | None) -> None:
            if saves_notes:
                self.notes_edit.clear()
            if ticket is None:
                self._show_message(nothing)
            else:
                self._current_id = ticket.id
                self._show_message(describe(ticket))
            self.refresh()

        def refused(problem: Problem) -> None:
            refusals.append(problem.message)
            self._refused(problem)

        operation = Operation(self, self.ctx.database, action).success(done).failure(refused)
        if once:
            request = self._requests.setdefault(f"{once}:{self._current_id}", Request(once))
            operation.once(request, key=lambda t: t.id if t else None, replay=counter.ticket_view)
        operation.run()
        return refusals[0] if refusals else None

    def _refused(self, problem: Problem) -> None:
        """Show a problem at its field and in the message line; read the counter again unless
        the database is away (the notes are kept either way)."""
        if problem.failure is Failure.INVALID:
            self.form_errors.show_problem(problem)
        else:
            self._show_message(problem.message, error=True)
        if problem.failure is not Failure.DATABASE_LOST:
            self.refresh()

    def _show_message(self, text: str, error: bool = False) -> None:
        self.form_errors.say(text, error)

    def _ticket_id(self) -> int:
        if self._current_id is None:
            raise HallError(self.tr("No visitor is at the counter."))
        return self._current_id

    def call_next(self) -> None:
        self._perform(
            lambda s: counter.view_of(
                queue.call_next(s, self.window_code, seat=self.seat, actor=self.ctx.user)
            ),
            lambda t: self.tr("Calling {number} {name}.").format(
                number=t.number, name=t.visitor_name
            ),
            nothing=self.tr("No one is waiting at this window."),
            once="ticket.call",
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
            lambda s: counter.view_of(outcomes.recall(s, self._ticket_id(), actor=self.ctx.user)),
            describe,
            once="ticket.recall",
        )

    def mark_no_show(self) -> None:
        self._perform(
            lambda s: counter.view_of(
                outcomes.mark_no_show(s, self._ticket_id(), actor=self.ctx.user)
            ),
            lambda t: self.tr("{number} marked no-show.").format(number=t.number),
        )

    def start(self) -> None:
        refusal = self._perform(
            lambda s: counter.view_of(queue.start(s, self._ticket_id(), actor=self.ctx.user)),
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

    def _problems(self, chosen: outcomes.Outcome) -> list[Problem] | None:
        """Every problem with the forms at once, each shown at its field (None: the database
        could not be asked)."""
        self.form_errors.clear()
        today = clock.now().date()
        checking = Operation(
            self,
            self.ctx.database,
            lambda s: counter.check_serving(s, self._ticket_id(), chosen, today),
            read_only=True,
        )
        found = checking.failure(self._not_checked).run()
        if found is None:
            return None
        # The court's brief is asked for afterwards, in its own dialog.
        brief_fields = ("brief", "party", "other_party", "claim")
        unmarked = [
            Problem(Failure.INVALID, p.message, p.field)
            for p in found
            if p.field not in brief_fields
        ]
        if unmarked:
            self.form_errors.show(p for p in found if p.field not in brief_fields)
            self.refresh()
        return unmarked

    def _not_checked(self, problem: Problem) -> None:
        # Checked in a reading unit of work, but the officer pressed Finish: nothing was saved.
        lost = problem.failure is Failure.DATABASE_LOST
        self._show_message(database_lost() if lost else problem.message, error=True)

    def finish(self) -> None:
        """Finish with the outcome chosen; handing to the court asks for the slip first. F5
        ends every service, so it asks only when nothing was recorded (a question at every
        visitor would go unread): that press is a slip (F5 "refreshes" in most programs)."""
        if self._current_id is None or self.current is None:
            return
        chosen = self.chosen_outcome()
        if chosen.outcome == COURT:
            self._ask_handoff(chosen)
            return
        problems = self._problems(chosen)
        if problems is None or problems:
            return
        if chosen == self._as_started and not confirm(
            self,
            self.tr("Finish"),
            self.tr(
                "Nothing has been recorded for {number} yet. Finishing ends the service and "
                "cannot be undone: finish anyway?"
            ).format(number=self.current.ticket.number),
            self.tr("Finish"),
        ):
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
        reading = Operation(
            self, self.ctx.database, lambda s: court.brief_for(s, visit_id), read_only=True
        )
        brief = reading.failure(self._refused).run()
        if brief is None:
            return
        dialog = HandoffDialog(self.current.ticket.number, brief, self, self.outcome_box.score())
        dialog.submitted.connect(lambda b: self._hand_off(dialog, chosen, b))
        dialog.finished.connect(dialog.deleteLater)
        self.handoff_dialog = dialog
        dialog.open()

    def _hand_off(
        self, dialog: HandoffDialog, chosen: outcomes.Outcome, brief: court.HandoffBrief
    ) -> None:
        if self.current is None or not confirm(
            dialog,
            self.tr("Hand to court"),
            self.tr(
                "Hand {number} to the court? The visit is finished here and the slip goes to "
                "the court's clerk; this cannot be undone."
            ).format(number=self.current.ticket.number),
            self.tr("Hand to court"),
        ):
            return
        chosen.brief = brief
        chosen.score = dialog.score()
        refusal = self._finish_with(chosen)
        if refusal is None:
            dialog.accept()
            # The visitor is the court's now: the counter holds nothing of theirs and is free
            # for the next one (the message line says where they went).
            self.card = None
            self._current_id = None
            self.refresh()
        elif self.message_label.text():
            dialog.refuse(refusal)

    def _finish_with(self, chosen: outcomes.Outcome) -> str | None:
        finished: list[counter.Finished] = []

        def act(s: Session) -> queue.TicketView:
            finished.append(counter.finish(s, self._ticket_id(), chosen, self.ctx.user))
            return finished[0].ticket

        refusal = self._perform(
            act,
            lambda t: (
                self.tr("{number} finished; the notes are saved.").format(number=t.number)
                + self._next_step(finished[0])
            ),
            saves_notes=True,
        )
        if refusal is None:
            done = self._current_id
            self._start_forms(None)
            self.records.refresh()
            self.follow_ups.refresh()
            if done is not None:
                self.service_finished.emit(done)
        return refusal

    def _next_step(self, finished: counter.Finished) -> str:
        """What the next step came to, after the finish message."""
        if finished.case_number:
            return self.tr(" Registered as case {number} for the letters window.").format(
                number=finished.case_number
            )
        if finished.handoff_number:
            return self.tr(" Handed to the court as {number}.").format(
                number=finished.handoff_number
            )
        if finished.unit_name:
            return self.tr(" Forwarded to {unit}.").format(unit=finished.unit_name)
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

        def act(s: Session) -> queue.TicketView:
            old, new = counter.transfer(s, self._ticket_id(), window_code, notes, self.ctx.user)
            moved.append(new)
            return old

        refusal = self._perform(
            act,
            lambda t: self.tr("{number} transferred to {window} as {new_number}.").format(
                number=t.number, window=moved[0].window_name, new_number=moved[0].number
            ),
            saves_notes=True,
        )
        if refusal is None:
            self._start_forms(None)
            self.records.refresh()
            dialog.accept()
        else:
            dialog.refuse(refusal)

    def cancel(self) -> None:
        if self.current is None:
            return
        if confirm(
            self,
            self.tr("Cancel ticket"),
            self.tr(
                "Cancel ticket {number}? What is typed in the notes is kept as the reason; a "
                "cancelled ticket cannot be called again."
            ).format(number=self.current.ticket.number),
            self.tr("Cancel the ticket"),
        ):
            self._cancel_confirmed()

    def _cancel_confirmed(self) -> None:
        reason = self.notes_edit.toPlainText()
        self._perform(
            lambda s: counter.view_of(
                queue.cancel(s, self._ticket_id(), reason, actor=self.ctx.user)
            ),
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
