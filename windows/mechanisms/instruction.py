"""A leader's instruction (批示), as leader reception (领导接访) gives it, on a register entry
or on the visit at the heart-to-heart window: the leader's words, the responsible unit, the
稳控责任人 and a deadline. Saved, the entry (for a visit, registered first) is assigned (交办)
to that unit with the instructing leader leading it, and its A4 交办单 can be saved at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.engine import Session
from db.mechanism_models import Dispute
from db.models import User
from hall import clock, outputs
from hall.mechanisms import disputes, meetings, reception
from hall.mechanisms.disputes import DisputeRow
from hall.outcomes import VisitCard
from kit.context import AppContext
from kit.dates import date_edit
from kit.form_errors import FormErrors
from kit.operations import Operation
from kit.save_file import ask_save_pdf
from printing.output import save_pdf

# A leader's instruction is usually to be settled within a fortnight.
DEFAULT_DAYS = 15


Act = Callable[[Session, str, disputes.Assignment, User], Dispute]


@dataclass(frozen=True)
class Subject:
    """What the leader instructs on: the dialog's title, a line saying what it is, and the
    ``hall`` call that records the instruction."""

    title: str
    about: str
    act: Act


def entry_subject(entry: DisputeRow) -> Subject:
    def act(s: Session, words: str, assignment: disputes.Assignment, user: User) -> Dispute:
        return disputes.instruct(s, entry.id, words, assignment, user)

    return Subject(
        QCoreApplication.translate("InstructionDialog", "Leader's instruction on {number}").format(
            number=entry.number
        ),
        QCoreApplication.translate(
            "InstructionDialog", "{place}, {parties}: {category}, {people} people, risk {risk}"
        ).format(
            place=f"{entry.township}{entry.village}",
            parties=entry.parties,
            category=entry.category,
            people=entry.people,
            risk=entry.risk,
        ),
        act,
    )


def visit_subject(card: VisitCard) -> Subject:
    def act(s: Session, words: str, assignment: disputes.Assignment, user: User) -> Dispute:
        return reception.instruct_on_visit(s, card.visit_id, words, assignment, user)

    return Subject(
        QCoreApplication.translate(
            "InstructionDialog", "Leader's instruction on the visit of {name}"
        ).format(name=card.name),
        QCoreApplication.translate(
            "InstructionDialog",
            "{place}, {name}: {summary} (entered in the dispute register when saved)",
        ).format(place=f"{card.township}{card.village}", name=card.name, summary=card.summary),
        act,
    )


class InstructionDialog(QDialog):
    """``instructed`` carries the assignment number once the instruction is saved."""

    instructed = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        subject: Subject,
        choices: meetings.Choices,
        parent: QWidget | None = None,
        leader: str = "",
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.subject = subject
        self.dispute_id: int | None = None
        self.file_dialog: QFileDialog | None = None
        today = clock.now().date()
        self.setWindowTitle(subject.title)
        layout = QVBoxLayout(self)
        about = QLabel(subject.about)
        about.setWordWrap(True)
        layout.addWidget(about)
        self.message = QLabel()
        self.errors = FormErrors(self.message)
        self.leader = QComboBox()
        self.leader.addItems(choices.leaders)
        # The leader logged in instructs in his or her own name; staff recording it get the
        # leader receiving (``leader``: the one on duty), or pick one.
        mine = self.leader.findText(leader or ctx.user.name.strip())
        if mine >= 0:
            self.leader.setCurrentIndex(mine)
        self.instruction = QPlainTextEdit()
        self.instruction.setPlaceholderText(self.tr("The leader's words, as given"))
        self.instruction.setFixedHeight(90)
        self.unit = QComboBox()
        for unit_id, name in choices.units:
            self.unit.addItem(name, unit_id)
        self.keeper = QLineEdit()
        self.due = date_edit(today + dt.timedelta(days=DEFAULT_DAYS), earliest=today)
        form = QFormLayout()
        form.addRow(self.tr("Leader"), self.errors.field("leader", self.leader))
        form.addRow(self.tr("Instruction"), self.errors.field("instruction", self.instruction))
        form.addRow(self.tr("Responsible unit"), self.errors.field("unit", self.unit))
        form.addRow(self.tr("Person keeping it stable"), self.errors.field("keeper", self.keeper))
        form.addRow(self.tr("Settle by"), self.errors.field("due_on", self.due))
        layout.addLayout(form)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Record the instruction and assign"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.slip_button = QPushButton(self.tr("Save the assignment slip…"))
        self.slip_button.setEnabled(False)
        self.slip_button.clicked.connect(self.ask_slip)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.slip_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.resize(560, 0)

    def save(self) -> None:
        unit = self.unit.currentData()
        assignment = disputes.Assignment(
            leader=self.leader.currentText(),
            unit_id=int(unit) if unit is not None else None,
            keeper=self.keeper.text(),
            due_on=self.due.date().toPython(),  # type: ignore[arg-type]
        )
        words, act, user = self.instruction.toPlainText(), self.subject.act, self.ctx.user

        def work(s: Session) -> tuple[int, str]:
            dispute = act(s, words, assignment, user)
            return dispute.id, dispute.assignment_number or ""

        def done(saved: tuple[int, str]) -> None:
            self.dispute_id, number = saved
            for field in (self.leader, self.instruction, self.unit, self.keeper, self.due):
                field.setEnabled(False)
            self.save_button.setEnabled(False)
            self.slip_button.setEnabled(True)
            self.errors.clear()
            self.errors.say(
                self.tr("Instruction recorded: assigned as {number}, to settle by {due}.").format(
                    number=number, due=assignment.due_on.isoformat()
                )
            )
            self.instructed.emit(number)

        Operation(self, self.ctx.database, work).success(done).failure(
            self.errors.show_problem
        ).run()

    def ask_slip(self) -> QFileDialog:
        self.file_dialog = ask_save_pdf(
            self,
            self.tr("Save the assignment slip"),
            "交办单.pdf",
            self.save_slip,
            self.tr("PDF files (*.pdf)"),
        )
        return self.file_dialog

    def save_slip(self, path: Path) -> None:
        """Drawn and saved on the worker, in the unit of work that records the print."""
        dispute_id, user = self.dispute_id, self.ctx.user
        if dispute_id is None:
            return

        def work(s: Session) -> str:
            save_pdf(outputs.assignment_slips(s, user, [dispute_id])[0], path)
            return str(path)

        Operation(self, self.ctx.database, work).success(
            lambda saved: self.errors.say(
                self.tr("The assignment slip is saved as {path}.").format(path=saved)
            )
        ).failure(self.errors.show_problem).run_in_background()
