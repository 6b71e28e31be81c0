"""A leader's instruction (批示) on a register entry, as leader reception (领导接访) gives it:
the leader's words, the responsible unit, the 稳控责任人 and a deadline. Saved, the entry is
assigned (交办) to that unit with the instructing leader leading it, and its A4 交办单 can be
saved at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Signal
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
from hall import clock, outputs
from hall.mechanisms import disputes, meetings
from hall.mechanisms.disputes import DisputeRow
from kit.context import AppContext
from kit.dates import date_edit
from kit.form_errors import FormErrors
from kit.operations import Operation
from kit.save_file import ask_save_pdf
from printing.output import save_pdf

# A leader's instruction is usually to be settled within a fortnight.
DEFAULT_DAYS = 15


class InstructionDialog(QDialog):
    """``instructed`` carries the assignment number once the instruction is saved."""

    instructed = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        entry: DisputeRow,
        choices: meetings.Choices,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entry = entry
        self.saved = False
        self.file_dialog: QFileDialog | None = None
        today = clock.now().date()
        self.setWindowTitle(self.tr("Leader's instruction on {number}").format(number=entry.number))
        layout = QVBoxLayout(self)
        about = QLabel(
            self.tr("{place}, {parties}: {category}, {people} people, risk {risk}").format(
                place=f"{entry.township}{entry.village}",
                parties=entry.parties,
                category=entry.category,
                people=entry.people,
                risk=entry.risk,
            )
        )
        about.setWordWrap(True)
        layout.addWidget(about)
        self.message = QLabel()
        self.errors = FormErrors(self.message)
        self.leader = QComboBox()
        self.leader.addItems(choices.leaders)
        # The leader logged in instructs in his or her own name; staff pick the leader.
        mine = self.leader.findText(ctx.user.name.strip())
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
        words, dispute_id, user = self.instruction.toPlainText(), self.entry.id, self.ctx.user

        def work(s: Session) -> str:
            dispute = disputes.instruct(s, dispute_id, words, assignment, user)
            return dispute.assignment_number or ""

        def done(number: str) -> None:
            self.saved = True
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
            f"交办单-{self.entry.number}.pdf",
            self.save_slip,
            self.tr("PDF files (*.pdf)"),
        )
        return self.file_dialog

    def save_slip(self, path: Path) -> None:
        """Drawn and saved on the worker, in the unit of work that records the print."""
        dispute_id, user = self.entry.id, self.ctx.user

        def work(s: Session) -> str:
            save_pdf(outputs.assignment_slips(s, user, [dispute_id])[0], path)
            return str(path)

        Operation(self, self.ctx.database, work).success(
            lambda saved: self.errors.say(
                self.tr("The assignment slip is saved as {path}.").format(path=saved)
            )
        ).failure(self.errors.show_problem).run_in_background()
