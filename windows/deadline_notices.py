"""Telling officers on their screens that the calendar moved one of their deadlines.

When the administrator enters holidays, the rules recompute the open deadlines and write each
move as a ``deadline.adjusted`` event naming the users to tell (payload ``notify``: the case
officer, the clerk who registered the file, the supervisor who issued the order). A desk that
hears such an event through the live feed shows its text to those users in a
:class:`DeadlineNotice` above its lists, until they have read it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from db.event_kinds import EventKind
from kit.context import HallEvent

ADJUSTED = EventKind.DEADLINE_ADJUSTED
# The moves kept on the banner, the latest first: a notice moves at most a few of one officer's
# deadlines, and the lists show them all.
KEPT = 5


def notice_for(event: HallEvent, user_id: int) -> str | None:
    """What to tell ``user_id`` of ``event``, or None when it is not a move of theirs."""
    notify = event.payload.get("notify") or ()
    if event.kind != ADJUSTED or user_id not in notify:
        return None
    return QCoreApplication.translate("DeadlineNotice", "{number}, {deadline}: {text}").format(
        number=event.payload.get("number", ""),
        deadline=event.payload.get("deadline_name", ""),
        text=event.payload.get("text", ""),
    )


class DeadlineNotice(QWidget):
    """A banner of the moves told, hidden until the first and after 知道了."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deadlineNotice")
        self.setStyleSheet("#deadlineNotice { background: #fff3cd; border-radius: 3px; }")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: #6b4700; font-weight: bold; padding: 4px;")
        self.dismiss_button = QPushButton(self.tr("Got it"))
        self.dismiss_button.clicked.connect(self.dismiss)
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 2, 4, 2)
        row.addWidget(self.label, 1)
        row.addWidget(self.dismiss_button)
        self.lines: list[str] = []
        self.hide()

    def tell(self, text: str) -> None:
        self.lines = [text, *self.lines][:KEPT]
        self.label.setText("\n".join(self.lines))
        self.show()

    def dismiss(self) -> None:
        self.lines = []
        self.hide()
