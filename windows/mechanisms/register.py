"""The dispute register (矛盾纠纷排查化解台账): enter a dispute found at a window, by a station
or an informant, on a 群众工作日 or in a letter; follow its progress and record its outcome."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.engine import Session
from db.mechanism_models import OUTCOME_NAMES, SOURCE_NAMES
from hall.mechanisms import disputes, meetings
from hall.mechanisms.disputes import DisputeRow
from kit.context import AppContext
from kit.fit import forms_with_message
from kit.form_errors import FormErrors
from kit.lazy_table import CENTRE, Column, LazyTableModel
from kit.list_table import Picking, list_view
from kit.operations import Operation, Problem
from windows.mechanisms.instruction import InstructionDialog, entry_subject


class DisputeRegister(QWidget):
    """The register's list on the left, the new entry and the chosen entry's work on the right."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.instruction: InstructionDialog | None = None
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        title = QLabel(self.tr("Dispute register"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        left.addWidget(title)
        self.open_only = QCheckBox(self.tr("Only entries not yet settled"))
        self.open_only.toggled.connect(self.refresh)
        left.addWidget(self.open_only)
        columns: list[Column[DisputeRow]] = [
            Column(self.tr("Number"), lambda r: r.number),
            Column(self.tr("Place"), lambda r: f"{r.township}{r.village}"),
            Column(self.tr("Parties"), lambda r: r.parties),
            Column(self.tr("Risk"), lambda r: r.risk, CENTRE),
            Column(self.tr("People"), lambda r: str(r.people), CENTRE),
            Column(self.tr("Leader"), lambda r: r.leader),
            Column(
                self.tr("Due"),
                lambda r: (
                    (r.due_on.isoformat() if r.due_on else "")
                    + (self.tr(" overdue") if r.overdue else "")
                ),
                CENTRE,
            ),
            Column(self.tr("Outcome"), lambda r: r.outcome),
        ]
        self.model: LazyTableModel[DisputeRow] = LazyTableModel(columns, self._fetch, parent=self)
        self.table: QTableView = list_view(self.model, 2, Picking.ONE_ROW)
        left.addWidget(self.table, 1)
        layout.addLayout(left, 3)

        # The two forms scroll on a small screen; the message below them stays in view, and
        # counts the mistakes marked at their fields.
        self.message = QLabel()
        self.errors = FormErrors(self.message, hide_when_empty=False)
        layout.addLayout(
            forms_with_message([self._build_entry_form(), self._build_work_box()], self.message), 2
        )
        ctx.events.received.connect(
            lambda event: self.refresh() if event.kind.startswith("dispute.") else None
        )
        self._load_choices()
        self.refresh()

    def _build_entry_form(self) -> QGroupBox:
        box = QGroupBox(self.tr("New entry"))
        form = QFormLayout(box)
        self.source = QComboBox()
        for code, name in SOURCE_NAMES.items():
            self.source.addItem(name, code)
        self.parties = QLineEdit()
        self.parties.setPlaceholderText(self.tr("Names of the parties, separated by 、"))
        self.township = QComboBox()
        self.township.setEditable(True)
        self.village = QLineEdit()
        self.category = QLineEdit()
        self.people = QSpinBox()
        self.people.setRange(1, 100000)
        self.summary = QPlainTextEdit()
        self.summary.setFixedHeight(70)
        register = QPushButton(self.tr("Register"))
        register.clicked.connect(self.register)
        form.addRow(self.tr("Source"), self.errors.field("source", self.source))
        form.addRow(self.tr("Parties"), self.errors.field("parties", self.parties))
        form.addRow(self.tr("Township"), self.errors.field("township", self.township))
        form.addRow(self.tr("Village"), self.errors.field("village", self.village))
        form.addRow(self.tr("Category"), self.errors.field("category", self.category))
        form.addRow(self.tr("People involved"), self.errors.field("people", self.people))
        form.addRow(self.tr("What happened"), self.errors.field("summary", self.summary))
        form.addRow(register)
        return box

    def _build_work_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("The chosen entry"))
        form = QFormLayout(box)
        self.progress = QLineEdit()
        add = QPushButton(self.tr("Add progress"))
        add.clicked.connect(self.add_progress)
        row = QHBoxLayout()
        row.addWidget(self.errors.field("progress", self.progress), 1)
        row.addWidget(add)
        form.addRow(self.tr("Progress"), row)
        self.outcome = QComboBox()
        for code, name in OUTCOME_NAMES.items():
            self.outcome.addItem(name, code)
        self.note = QLineEdit()
        self.other_party = QLineEdit()
        self.other_party.setPlaceholderText(self.tr("Needed when handed to the court"))
        record = QPushButton(self.tr("Record the outcome"))
        record.clicked.connect(self.record_outcome)
        form.addRow(self.tr("Outcome"), self.errors.field("outcome", self.outcome))
        form.addRow(self.tr("Note"), self.errors.field("note", self.note))
        form.addRow(self.tr("Other party"), self.errors.field("other_party", self.other_party))
        form.addRow(record)
        # Leader reception (领导接访): the leader's 批示 assigns the entry with a deadline.
        instruct = QPushButton(self.tr("Leader's instruction…"))
        instruct.clicked.connect(self.instruct)
        form.addRow(instruct)
        return box

    # -- reading ------------------------------------------------------------------------------

    def _fetch(self, offset: int, limit: int) -> list[DisputeRow]:
        open_only = self.open_only.isChecked()
        rows = Operation(
            self,
            self.ctx.database,
            lambda s: disputes.search(s, open_only=open_only, offset=offset, limit=limit),
            read_only=True,
        ).run()
        return rows or []

    def refresh(self) -> None:
        self.model.reload()

    def _load_choices(self) -> None:
        def show(found: meetings.Choices) -> None:
            self.township.clear()
            self.township.addItems(found.townships)

        Operation(self, self.ctx.database, meetings.choices, read_only=True).success(show).run()

    def chosen(self) -> DisputeRow | None:
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    # -- acting -------------------------------------------------------------------------------

    def _done(self, text: str) -> None:
        self.errors.say(text)
        self.refresh()
        self.changed.emit()

    def _failed(self, problem: Problem) -> None:
        self.errors.show_problem(problem)

    def register(self) -> None:
        entry = disputes.DisputeEntry(
            parties=self.parties.text(),
            township=self.township.currentText(),
            village=self.village.text(),
            category=self.category.text(),
            summary=self.summary.toPlainText(),
            people=self.people.value(),
        )
        source = str(self.source.currentData())
        user = self.ctx.user

        def work(s: Session) -> str:
            return disputes.register(s, entry, source, user).number

        def done(number: str) -> None:
            self.parties.clear()
            self.summary.clear()
            self._done(self.tr("Registered as {number}.").format(number=number))

        Operation(self, self.ctx.database, work).success(done).failure(self._failed).run()

    def add_progress(self) -> None:
        row = self.chosen()
        if row is None:
            self.errors.say(self.tr("Choose an entry in the list first."), error=True)
            return
        text = self.progress.text()

        def noted(_progress_id: int) -> None:
            self.progress.clear()
            self._done(self.tr("Progress noted."))

        Operation(
            self, self.ctx.database, lambda s: disputes.add_progress(s, row.id, text).id
        ).success(noted).failure(self._failed).run()

    def record_outcome(self) -> None:
        row = self.chosen()
        if row is None:
            self.errors.say(self.tr("Choose an entry in the list first."), error=True)
            return
        outcome, note, other = (
            str(self.outcome.currentData()),
            self.note.text(),
            self.other_party.text(),
        )
        user = self.ctx.user

        def work(s: Session) -> str:
            actor = s.get(type(user), user.id)
            return disputes.record_outcome(
                s, row.id, outcome, note, actor, other_party=other
            ).number

        Operation(self, self.ctx.database, work).success(
            lambda number: self._done(
                self.tr("Outcome of {number} recorded.").format(number=number)
            )
        ).failure(self._failed).run()

    def instruct(self) -> InstructionDialog | None:
        """The 批示 dialog for the chosen entry, its choices read first."""
        row = self.chosen()
        if row is None:
            self.errors.say(self.tr("Choose an entry in the list first."), error=True)
            return None
        self.instruction = None

        def show(found: meetings.Choices) -> None:
            self.instruction = InstructionDialog(self.ctx, entry_subject(row), found, self)
            self.instruction.instructed.connect(
                lambda number: self._done(
                    self.tr("{number} assigned on the leader's instruction.").format(number=number)
                )
            )
            self.instruction.open()

        Operation(self, self.ctx.database, meetings.choices, read_only=True).success(show).failure(
            self._failed
        ).run()
        return self.instruction
