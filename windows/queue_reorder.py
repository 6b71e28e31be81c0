"""The counter's two ways out of the queue's order: 指定叫号 (an officer calls a waiting visitor
before their turn, and says why: the reason is kept in the log, the others keep their places)
and 过号重排 (a visitor marked no-show who comes back is put behind the next few waiting
instead of taking a new number)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hall import counter, queue
from kit.operations import Operation

if TYPE_CHECKING:
    from windows.base import WindowWorkstation


class OutOfTurnDialog(QDialog):
    """Asks why the chosen visitor is called before their turn; 叫号 stays off until a reason
    is typed, as the rules refuse a call without one."""

    def __init__(self, ticket: queue.TicketView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ticket = ticket
        self.setWindowTitle(self.tr("Call out of turn"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Call {number} {name} before the visitors waiting ahead; they keep "
                    "their places."
                ).format(number=ticket.number, name=ticket.visitor_name or "")
            )
        )
        form = QFormLayout()
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(
            self.tr("e.g. elderly, unwell, called back by the leader")
        )
        form.addRow(self.tr("&Reason"), self.reason_edit)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Call"))
        ok.setEnabled(False)
        self.reason_edit.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    @property
    def reason(self) -> str:
        return self.reason_edit.text().strip()


def ask_out_of_turn(station: WindowWorkstation) -> None:
    """Open the reason dialog for the visitor picked in the waiting list."""
    if station.current is not None and station.current.ticket.status not in queue.TERMINAL:
        station._show_message(
            QCoreApplication.translate(
                "WindowWorkstation", "{number} is still at the counter: finish with them first."
            ).format(number=station.current.ticket.number),
            error=True,
        )
        return
    rows = station.waiting_view.selectionModel().selectedRows()
    if not rows:
        station._show_message(
            QCoreApplication.translate(
                "WindowWorkstation",
                "Pick a waiting visitor in the list first, then call them out of turn.",
            ),
            error=True,
        )
        return
    chosen = station.waiting_model.row(rows[0].row())
    dialog = OutOfTurnDialog(chosen, station)
    dialog.accepted.connect(lambda: call_out_of_turn(station, chosen, dialog.reason))
    station.out_of_turn_dialog = dialog
    dialog.open()


def call_out_of_turn(station: WindowWorkstation, chosen: queue.TicketView, reason: str) -> None:
    station._perform(
        lambda s: counter.view_of(
            queue.call_out_of_turn(
                s,
                station.window_code,
                chosen.number,
                reason,
                seat=station.seat,
                actor=station.ctx.user,
            )
        ),
        lambda t: QCoreApplication.translate(
            "WindowWorkstation", "Calling {number} {name} out of turn."
        ).format(number=t.number, name=t.visitor_name),
    )


def requeue_no_show(station: WindowWorkstation) -> None:
    """The no-show at the counter came back: back into the queue, keeping their number."""
    ticket_id = station._ticket_id()

    def done(number: str) -> None:
        # The visitor waits again: the counter is free for the next call.
        station._current_id = None
        station._show_message(
            QCoreApplication.translate(
                "WindowWorkstation", "{number} is back in the queue, behind the next visitors."
            ).format(number=number)
        )
        station.refresh()

    # Pressing again is harmless (the ticket is no longer a no-show and the rules refuse).
    Operation(
        station,
        station.ctx.database,
        lambda s: queue.requeue_no_show(s, ticket_id, actor=station.ctx.user).number,
    ).success(done).failure(station._refused).run()
