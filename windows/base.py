"""The workstation every window shares: its waiting list, the visitor at the counter, and the
actions on them (call, recall, no-show, start, finish, transfer, cancel), each on an F-key.

Each action is one unit of work calling one ``hall.queue`` function; the rules refuse what is
illegal and the refusal is shown here in their words. Notes typed at the counter are cleared
only once they are saved.

Windows with work of their own (the court's hand-over, the letters window's cases) put their
panel into ``window_panel_area`` of a subclass and follow the visitor at the counter through
``current_changed``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from db.models import Ticket
from desktop.widgets.context import AppContext
from desktop.widgets.fields import ERROR_COLOUR
from desktop.widgets.lazy_table import CENTRE, Column, LazyTableModel
from hall import catalog, clock, queue
from hall.errors import HallError
from hall.masking import mask_id_number
from windows.transfer import TransferDialog

log = logging.getLogger(__name__)

# Waiting minutes in the list age while the officer works; repaint them this often.
AGE_REPAINT_MS = 30_000


@dataclass(frozen=True)
class CounterTicket:
    """The ticket at this seat with what the officer needs of its visit (read in a session,
    so the screen never reaches back into the database to paint)."""

    ticket: queue.TicketView
    visitor_name: str
    id_number: str  # masked: first 6 and last 4
    channel: str
    purpose: str
    summary: str
    group_size: int
    priority: str
    litigation: bool
    urgent: bool


def counter_ticket(ticket: Ticket, reason_names: dict[str, str]) -> CounterTicket:
    visit = ticket.visit
    return CounterTicket(
        ticket=queue.view(ticket),
        visitor_name=visit.visitor.name if visit else "",
        id_number=mask_id_number(visit.visitor.id_number) if visit else "",
        channel=catalog.CHANNELS.get(visit.channel, visit.channel) if visit else "",
        purpose=catalog.PURPOSES.get(visit.purpose, visit.purpose) if visit else "",
        summary=visit.summary if visit else "",
        group_size=visit.group_size if visit else 1,
        priority=reason_names.get(ticket.priority_reason or "", ticket.priority_reason or ""),
        litigation=visit.litigation if visit else False,
        urgent=visit.urgent if visit else False,
    )


def _minutes_waited(ticket: queue.TicketView) -> int:
    """From taking a place in the queue (kept across transfers) to being called, or to now."""
    until = ticket.called_at or clock.now()
    return max(0, int((until - ticket.queued_at).total_seconds() // 60))


class WindowWorkstation(QWidget):
    """One window's workstation, for the officer at one of its seats."""

    current_changed = Signal(object)  # CounterTicket, or None when the counter is free

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
        self._current_id: int | None = None
        self._reason_names: dict[str, str] = {}
        self.transfer_dialog: TransferDialog | None = None
        self.cancel_box: QMessageBox | None = None

        layout = QVBoxLayout(self)
        layout.addWidget(self._build_header())
        columns = QHBoxLayout()
        columns.addWidget(self._build_waiting_list(), 2)
        columns.addWidget(self._build_counter(), 3)
        layout.addLayout(columns, 1)
        layout.addLayout(self._build_actions())
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        layout.addWidget(self.message_label)

        self._age_timer = QTimer(self)
        self._age_timer.setInterval(AGE_REPAINT_MS)
        self._age_timer.timeout.connect(lambda: self.waiting_model.refresh_column(3))
        self._age_timer.start()
        ctx.events.queue_changed.connect(self._queue_changed)
        # Events missed while the database was away are not replayed; read everything again.
        ctx.events.connection_restored.connect(self.refresh)
        self.refresh()

    # -- building -------------------------------------------------------------------------

    def _build_header(self) -> QLabel:
        parts = [self.window_name, self.window_location]
        if self.seat is not None:
            parts.append(self.tr("Seat {seat}").format(seat=self.seat))
        parts.append(self.ctx.user.name)
        header = QLabel("　·　".join(p for p in parts if p))
        font = QFont(self.font())
        font.setPointSize(max(font.pointSize(), 9) + 5)
        font.setBold(True)
        header.setFont(font)
        return header

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
        self.waiting_view = QTableView()
        self.waiting_view.setModel(self.waiting_model)
        self.waiting_view.verticalHeader().hide()
        self.waiting_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.waiting_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.waiting_view.setToolTip(
            self.tr("Double-click or press Enter on a visitor to call them out of turn")
        )
        self.waiting_view.activated.connect(self._call_chosen)
        header = self.waiting_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self.waiting_box)
        layout.addWidget(self.waiting_view)
        return self.waiting_box

    def _build_counter(self) -> QGroupBox:
        box = QGroupBox(self.tr("At the counter"))
        layout = QVBoxLayout(box)
        self.number_label = QLabel("—")
        big = QFont(self.font())
        big.setPointSize(max(big.pointSize(), 9) * 4)
        big.setBold(True)
        self.number_label.setFont(big)
        self.state_label = QLabel(self.tr("Free: press F1 to call the next visitor."))
        emphasis = QFont(self.font())
        emphasis.setPointSize(max(emphasis.pointSize(), 9) + 4)
        self.state_label.setFont(emphasis)
        self.state_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.number_label)
        top.addWidget(self.state_label, 1)
        layout.addLayout(top)

        details = QFormLayout()
        self.name_value = QLabel()
        self.id_value = QLabel()
        self.matter_value = QLabel()
        self.priority_value = QLabel()
        self.queued_value = QLabel()
        self.summary_value = QLabel()
        self.summary_value.setWordWrap(True)
        details.addRow(self.tr("Visitor"), self.name_value)
        details.addRow(self.tr("ID number"), self.id_value)
        details.addRow(self.tr("Matter"), self.matter_value)
        details.addRow(self.tr("Priority"), self.priority_value)
        details.addRow(self.tr("Queued"), self.queued_value)
        details.addRow(self.tr("Summary"), self.summary_value)
        layout.addLayout(details)

        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setPlaceholderText(
            self.tr("What was done; saved with the outcome when you finish (F5)")
        )
        notes_label = QLabel(self.tr("&Notes"))
        notes_label.setBuddy(self.notes_edit)
        layout.addWidget(notes_label)
        layout.addWidget(self.notes_edit, 1)

        # Where a window's own panel goes (see the module's docstring).
        self.window_panel_area = QVBoxLayout()
        layout.addLayout(self.window_panel_area)
        return box

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
        self.cancel_button = button(self.tr("Cancel ticket"), None, self.cancel)
        row = QHBoxLayout()
        for widget in (
            self.call_button,
            self.recall_button,
            self.no_show_button,
            self.start_button,
            self.finish_button,
            self.transfer_button,
        ):
            row.addWidget(widget)
        row.addStretch(1)
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
        self._show_current(current)

    def _show_current(self, current: CounterTicket | None) -> None:
        self.current = current
        self._current_id = current.ticket.id if current else None
        status = current.ticket.status if current else None
        if current is None:
            self.number_label.setText("—")
            self.state_label.setText(self.tr("Free: press F1 to call the next visitor."))
            for label in (
                self.name_value,
                self.id_value,
                self.matter_value,
                self.priority_value,
                self.queued_value,
                self.summary_value,
            ):
                label.clear()
        else:
            t = current.ticket
            self.number_label.setText(t.number)
            state = t.status_name
            if t.recall_count:
                state += "　" + self.tr("recalled {count}×").format(count=t.recall_count)
            self.state_label.setText(state)
            self.name_value.setText(current.visitor_name or self.tr("(not registered)"))
            self.id_value.setText(current.id_number or "—")
            matter = f"{current.purpose}　{current.channel}"
            if current.group_size > 1:
                matter += "　" + self.tr("{count} people").format(count=current.group_size)
            flags = [
                self.tr("litigation-related") if current.litigation else "",
                self.tr("urgent") if current.urgent else "",
            ]
            self.matter_value.setText("　".join(p for p in (matter, *flags) if p))
            self.priority_value.setText(current.priority or self.tr("none"))
            self.queued_value.setText(
                self.tr("{time}, waited {minutes} min").format(
                    time=t.queued_at.strftime("%H:%M"), minutes=_minutes_waited(t)
                )
            )
            self.summary_value.setText(current.summary or "—")
        free = status is None or status in queue.TERMINAL
        self.call_button.setEnabled(free)
        self.recall_button.setEnabled(status == queue.CALLED)
        self.no_show_button.setEnabled(status == queue.CALLED)
        self.start_button.setEnabled(status == queue.CALLED)
        self.finish_button.setEnabled(status == queue.SERVING)
        self.transfer_button.setEnabled(status in (queue.CALLED, queue.SERVING))
        self.cancel_button.setEnabled(status == queue.CALLED)
        self.current_changed.emit(current)

    # -- acting ---------------------------------------------------------------------------

    def _perform(
        self,
        action: Callable[[Session], Ticket | None],
        describe: Callable[[queue.TicketView], str],
        saves_notes: bool = False,
        nothing: str = "",
    ) -> str | None:
        """Run one action in its own transaction and show its result (``nothing`` when the
        action found no ticket). Returns the refusal message when the rules (or the database)
        turned it down, None when it was done."""
        try:
            with self.ctx.database.write() as s:
                ticket = action(s)
                done = queue.view(ticket) if ticket is not None else None
        except HallError as error:
            self._show_message(error.message, error=True)
            self.refresh()
            return error.message
        except SQLAlchemyError:
            log.exception("workstation action not saved")
            message = self.tr(
                "The database cannot be reached: nothing was saved and your notes are kept. "
                "Try again when the connection is back."
            )
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

    def _show_message(self, text: str, error: bool = False) -> None:
        self.message_label.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")
        self.message_label.setText(text)

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

        self._perform(lambda s: queue.recall(s, self._ticket_id(), actor=self.ctx.user), describe)

    def mark_no_show(self) -> None:
        self._perform(
            lambda s: queue.mark_no_show(s, self._ticket_id(), actor=self.ctx.user),
            lambda t: self.tr("{number} marked no-show.").format(number=t.number),
        )

    def start(self) -> None:
        self._perform(
            lambda s: queue.start(s, self._ticket_id(), actor=self.ctx.user),
            lambda t: self.tr("Serving {number}.").format(number=t.number),
        )

    def finish(self) -> None:
        notes = self.notes_edit.toPlainText()
        self._perform(
            lambda s: queue.finish(s, self._ticket_id(), notes, actor=self.ctx.user),
            lambda t: self.tr("{number} finished; the notes are saved.").format(number=t.number),
            saves_notes=True,
        )

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
            moved.append(queue.view(queue.transfer(s, old_id, window_code, notes, self.ctx.user)))
            return s.get(Ticket, old_id)

        refusal = self._perform(
            act,
            lambda t: self.tr("{number} transferred to {window} as {new_number}.").format(
                number=t.number, window=moved[0].window_name, new_number=moved[0].number
            ),
            saves_notes=True,
        )
        if refusal is None:
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
