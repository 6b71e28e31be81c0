"""The weekly meeting view: the entries no meeting has assigned yet, each given its leader
(包案), unit, 稳控责任人 and target date in one sitting; the 交办单 of each assignment saved as a
PDF; and the overdue entries the leaders and supervisors are to chase."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.engine import Session
from db.mechanism_models import RISK_NAMES
from hall import clock, outputs
from hall.mechanisms import disputes, meetings
from hall.mechanisms.disputes import DisputeRow
from kit.context import AppContext
from kit.dates import date_edit
from kit.form_errors import FormErrors
from kit.list_table import Picking, fill_cells, list_table
from kit.operations import Failure, Operation, Problem
from kit.save_file import ask_save_pdf
from printing.output import save_pdf

DEFAULT_DAYS = 30


class MeetingView(QWidget):
    """Agenda on the left, the decision form and the sitting on the right, overdue below."""

    held = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = clock.now().date()
        self.agenda: list[DisputeRow] = []
        self.decisions: dict[int, disputes.Assignment] = {}
        self.assigned: list[int] = []
        self.dialog: QFileDialog | None = None
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Weekly meeting: classify and assign"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout.addWidget(title)
        top = QHBoxLayout()
        self.agenda_table = list_table(
            [
                self.tr("Number"),
                self.tr("Found"),
                self.tr("Place"),
                self.tr("Parties"),
                self.tr("People"),
                self.tr("Risk"),
                self.tr("Decision"),
            ],
            6,
            Picking.ONE_ROW,
        )
        top.addWidget(self.agenda_table, 3)
        top.addWidget(self._build_decision_box(), 2)
        layout.addLayout(top, 3)
        self.overdue_title = QLabel()
        self.overdue_title.setStyleSheet("font-weight: bold; color: #C00000;")
        layout.addWidget(self.overdue_title)
        self.overdue_table = list_table(
            [
                self.tr("Number"),
                self.tr("Place"),
                self.tr("Parties"),
                self.tr("Leader"),
                self.tr("Unit"),
                self.tr("Due"),
            ],
            2,
        )
        layout.addWidget(self.overdue_table, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.refresh()

    def _build_decision_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Decision for the chosen entry"))
        form = QFormLayout(box)
        self.leader = QComboBox()
        self.unit = QComboBox()
        self.keeper = QLineEdit()
        self.due = date_edit(self.today + dt.timedelta(days=DEFAULT_DAYS), earliest=self.today)
        self.risk = QComboBox()
        self.risk.addItem(self.tr("As the rules give"), "")
        for code, name in RISK_NAMES.items():
            self.risk.addItem(name, code)
        self.category = QLineEdit()
        add = QPushButton(self.tr("Put in the sitting"))
        add.clicked.connect(self.decide)
        self.chair = QLineEdit()
        hold = QPushButton(self.tr("Save the sitting"))
        hold.clicked.connect(self.hold)
        self.slip_button = QPushButton(self.tr("Save the assignment slips…"))
        self.slip_button.clicked.connect(self.save_slip)
        # The one error display: each mistake at its field, counted on the line at the foot.
        self.problem_label = QLabel()
        self.errors = FormErrors(self.problem_label)
        field = self.errors.field
        form.addRow(self.tr("Leader in charge"), field("leader", self.leader))
        form.addRow(self.tr("Responsible unit"), field("unit", self.unit))
        form.addRow(self.tr("Person keeping it stable"), field("keeper", self.keeper))
        form.addRow(self.tr("Settle by"), field("due_on", self.due))
        form.addRow(self.tr("Risk level"), field("risk", self.risk))
        form.addRow(self.tr("Category"), field("category", self.category))
        form.addRow(add)
        form.addRow(self.tr("Chair of the meeting"), field("chair", self.chair))
        form.addRow(hold)
        form.addRow(self.slip_button)
        form.addRow(self.problem_label)
        return box

    # -- reading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        def read(s: Session) -> tuple[list[DisputeRow], list[DisputeRow], meetings.Choices]:
            return meetings.agenda(s), disputes.overdue(s), meetings.choices(s)

        Operation(self, self.ctx.database, read, read_only=True).success(self._show).run()

    def _show(self, found: tuple[list[DisputeRow], list[DisputeRow], meetings.Choices]) -> None:
        self.agenda, overdue, choices = found
        self.leader.clear()
        self.leader.addItems(choices.leaders)
        self.unit.clear()
        for unit_id, name in choices.units:
            self.unit.addItem(name, unit_id)
        self._fill_agenda()
        self.overdue_title.setText(
            self.tr("Overdue and not settled: {count}").format(count=len(overdue))
        )
        fill_cells(
            self.overdue_table,
            [
                [
                    r.number,
                    f"{r.township}{r.village}",
                    r.parties,
                    r.leader,
                    r.unit,
                    r.due_on.isoformat() if r.due_on else "",
                ]
                for r in overdue
            ],
        )

    def _fill_agenda(self) -> None:
        rows = []
        for r in self.agenda:
            decision = self.decisions.get(r.id)
            said = f"{decision.leader} / {decision.due_on.isoformat()}" if decision else ""
            rows.append(
                [
                    r.number,
                    r.found_on.isoformat(),
                    f"{r.township}{r.village}",
                    r.parties,
                    str(r.people),
                    r.risk,
                    said,
                ]
            )
        fill_cells(self.agenda_table, rows)

    # -- acting -------------------------------------------------------------------------------

    def decide(self) -> None:
        row = self.agenda_table.currentRow()
        if not 0 <= row < len(self.agenda):
            self.message.setText(self.tr("Choose an entry of the agenda first."))
            return
        unit = self.unit.currentData()
        decision = disputes.Assignment(
            leader=self.leader.currentText(),
            unit_id=int(unit) if unit is not None else None,
            keeper=self.keeper.text(),
            due_on=self.due.date().toPython(),  # type: ignore[arg-type]
            category=self.category.text(),
            risk=str(self.risk.currentData()),
        )
        # Checked as it is put in the sitting, while its entry is the one picked: a mistake
        # found only on saving the sitting would be about an entry no longer on the form.
        problems = disputes.check_assignment(decision, self.today)
        if problems:
            self.errors.show(problems)
            return
        self.errors.clear()
        self.decisions[self.agenda[row].id] = decision
        self._fill_agenda()
        self.message.setText(
            self.tr("{count} decisions in this sitting.").format(count=len(self.decisions))
        )

    def hold(self) -> None:
        decisions = list(self.decisions.items())
        chair, today, user = self.chair.text(), self.today, self.ctx.user

        def work(s: Session) -> int:
            return meetings.hold_meeting(s, today, chair, decisions, user).id

        def done(_meeting: int) -> None:
            self.assigned = [dispute_id for dispute_id, _ in decisions]
            self.decisions.clear()
            self.message.setText(
                self.tr("The sitting is saved: {count} entries assigned.").format(
                    count=len(decisions)
                )
            )
            self.refresh()
            self.held.emit()

        self.errors.clear()
        Operation(self, self.ctx.database, work).success(done).failure(self._not_held).run()

    def _not_held(self, problem: Problem) -> None:
        """The chair is this form's; any other mistake is about one entry's decision (it names
        the entry) or the sitting as a whole, so it is said on the form's line, not marked."""
        if problem.failure is Failure.INVALID and problem.field == "chair":
            self.errors.show_problem(problem)
        else:
            self.errors.say(problem.message, error=True)

    def _failed(self, problem: Problem) -> None:
        self.message.setText(problem.message)

    def save_slips(self, path: Path) -> None:
        """Draw and save the sitting's slips on the screen's worker: one file for a single
        assignment, else one per assignment named after the chosen file."""
        assigned = list(self.assigned)
        user = self.ctx.user

        # Saved inside the unit of work that audits them: slips not written are not recorded.
        def work(s: Session) -> int:
            slips = outputs.assignment_slips(s, user, assigned)
            for n, slip in enumerate(slips, 1):
                target = (
                    path if len(assigned) == 1 else path.with_name(f"{path.stem}-{n}{path.suffix}")
                )
                save_pdf(slip, target)
            return len(assigned)

        Operation(self, self.ctx.database, work).success(
            lambda count: self.message.setText(self.tr("{count} slips saved.").format(count=count))
        ).failure(self._failed).run_in_background()

    def save_slip(self) -> None:
        if not self.assigned:
            self.message.setText(self.tr("Save the sitting first; then its slips can be saved."))
            return
        self.dialog = ask_save_pdf(
            self,
            self.tr("Save the assignment slips"),
            "交办单.pdf",
            self.save_slips,
            self.tr("PDF files (*.pdf)"),
        )
