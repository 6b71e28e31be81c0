"""A township station's screen (and the informant's lighter one): register a request or an
early warning for the station's own township, see the station's own entries and what became
of them.

Every entry is kept first in the station PC's outbox, then sent; when the county network or the
hall's database is gone the entry waits there, the screen says so, and it is sent — once — by
the next "Send waiting entries" (or the next entry), because the hall knows each entry's key.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.engine import Session
from db.event_kinds import EventKind
from db.mechanism_models import STATION_KIND_NAMES
from hall import users
from hall.mechanisms import stations
from hall.mechanisms.outbox import Outbox
from kit.context import AppContext
from kit.form_errors import FormErrors
from kit.list_table import fill_cells, list_table
from kit.operations import Failure, Operation, Problem

ANSWER_KINDS = frozenset({EventKind.STATION_REPLY, EventKind.DISPUTE_CLOSED})


class StationScreen(QWidget):
    def __init__(self, ctx: AppContext, outbox: Outbox, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.outbox = outbox
        # An informant's screen is the lighter one: early warnings only.
        self.light = users.has_role(ctx.user, users.INFORMANT) and not users.has_role(
            ctx.user, users.STATION
        )
        layout = QHBoxLayout(self)
        form_box = QGroupBox(self.tr("Early warning") if self.light else self.tr("New entry"))
        form = QFormLayout(form_box)
        self.station_label = QLabel()
        self.station_label.setStyleSheet("font-size: 14pt; font-weight: bold;")
        form.addRow(self.station_label)
        self.kind = QComboBox()
        for code, name in STATION_KIND_NAMES.items():
            if not (self.light and code == "request"):
                self.kind.addItem(name, code)
        self.person = QLineEdit()
        self.phone = QLineEdit()
        self.village = QLineEdit()
        self.people = QSpinBox()
        self.people.setRange(1, 100000)
        self.content = QPlainTextEdit()
        send = QPushButton(self.tr("Send to the hall"))
        send.clicked.connect(self.submit)
        self.resend = QPushButton(self.tr("Send waiting entries"))
        self.resend.clicked.connect(self.send_waiting)
        self.status = QLabel()
        # Mistakes at their fields, counted in the status line (with what was sent).
        self.errors = FormErrors(self.status, hide_when_empty=False)
        form.addRow(self.tr("Kind"), self.errors.field("kind", self.kind))
        form.addRow(self.tr("Who raised it"), self.errors.field("person", self.person))
        form.addRow(self.tr("Phone"), self.errors.field("phone", self.phone))
        form.addRow(self.tr("Village"), self.errors.field("village", self.village))
        form.addRow(self.tr("People involved"), self.errors.field("people", self.people))
        form.addRow(self.tr("What it is"), self.errors.field("content", self.content))
        form.addRow(send)
        form.addRow(self.resend)
        form.addRow(self.status)
        layout.addWidget(form_box, 2)

        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Our entries and what became of them")))
        self.entries = list_table(
            [self.tr("Sent"), self.tr("Kind"), self.tr("Who"), self.tr("What"), self.tr("Answer")],
            3,
        )
        right.addWidget(self.entries, 1)
        layout.addLayout(right, 3)
        # The letters window's reply, and a warning's outcome, show as soon as they are given.
        ctx.events.received.connect(
            lambda event: self.refresh() if event.kind in ANSWER_KINDS else None
        )
        self.refresh()

    def refresh(self) -> None:
        user = self.ctx.user

        def read(s: Session) -> tuple[str, list[stations.EntryRow]]:
            member = stations.member_of(s, user)
            return f"{member.station}（{member.township}）", stations.own_entries(s, user)

        Operation(self, self.ctx.database, read, read_only=True).success(self._show).failure(
            self._problem
        ).run()
        self._show_waiting()

    def _show(self, found: tuple[str, list[stations.EntryRow]]) -> None:
        station, rows = found
        self.station_label.setText(station)
        fill_cells(
            self.entries,
            [
                [r.arrived_at.strftime("%Y-%m-%d %H:%M"), r.kind, r.person, r.content, r.answer]
                for r in rows
            ],
        )

    def _show_waiting(self) -> None:
        waiting = len(self.outbox.waiting())
        self.resend.setText(self.tr("Send waiting entries ({count})").format(count=waiting))
        self.resend.setEnabled(waiting > 0)

    def _problem(self, problem: Problem) -> None:
        self.errors.say(problem.message, error=True)

    def submit(self) -> None:
        draft = stations.draft_of(
            str(self.kind.currentData()),
            self.content.toPlainText(),
            person=self.person.text(),
            phone=self.phone.text(),
            village=self.village.text(),
            people=self.people.value(),
        )
        # Checked here, with no database, so a station offline is told what to fix at once.
        problems = stations.check(draft)
        if problems:
            self.errors.show(problems)
            return
        self.errors.clear()
        self.outbox.keep(draft, self.ctx.user.id)
        self.content.clear()
        self.person.clear()
        self.phone.clear()
        self.send_waiting()

    def send_waiting(self) -> None:
        """Send what waits in the outbox, one unit of work each; stop at a lost connection."""
        sent = 0
        lost: list[Problem] = []
        for draft, user_id in self.outbox.waiting():

            def refused(problem: Problem, key: str = draft.key) -> None:
                if problem.failure is Failure.DATABASE_LOST:
                    lost.append(problem)
                else:
                    self.outbox.set_aside(key, problem.message)
                    self.errors.say(problem.message, error=True)

            def work(s: Session, draft: stations.Draft = draft, user_id: int = user_id) -> int:
                return stations.receive(s, draft, user_id).id

            if Operation(self, self.ctx.database, work).failure(refused).run() is not None:
                self.outbox.mark_sent(draft.key)
                sent += 1
            if lost:
                break
        # The list is read first: when the hall is gone that reading fails too, and what the
        # user must hear is that the entry is kept, not that the list may be stale.
        self.refresh()
        if lost:
            self.errors.say(
                self.tr(
                    "The hall cannot be reached: the entry is kept on this PC and will be sent "
                    "once the connection is back."
                ),
                error=True,
            )
        elif sent:
            self.errors.say(self.tr("{count} entries sent to the hall.").format(count=sent))
