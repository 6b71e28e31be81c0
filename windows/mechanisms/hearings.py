"""The hearings screen (听证): put a formal case or a major decision (重大决策听证评估) to a
hearing — date, place, chair, hearing members, parties, and the days it takes, which a case's
handling limit does not count — then keep its record and, for a decision, its outcome
(支持/暂缓/否决); the notice and the record are saved as PDF or printed."""

from __future__ import annotations

from PySide6.QtCore import Signal
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
from db.mechanism_models import HEARING_OUTCOME_NAMES
from hall import clock
from hall.errors import InvalidInput
from hall.mechanisms import hearings
from hall.mechanisms.hearings import HearingRow
from kit.context import AppContext, HallEvent
from kit.dates import date_edit
from kit.fit import forms_with_message
from kit.form_errors import FormErrors
from kit.list_table import Picking, fill_cells, list_table
from kit.operations import Operation, Problem
from windows.mechanisms.papers import Draw, MechanismPapers

CASE = "case"
DECISION = "decision"
NOTICE = "notice"
RECORD = "record"


class HearingsScreen(QWidget):
    """The hearings on the left; a new hearing and the chosen one's record on the right."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[HearingRow] = []
        self.papers = MechanismPapers(self, ctx.database)
        self.papers.done.connect(self._tell)
        self.papers.failed.connect(self._tell)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        title = QLabel(self.tr("Hearings"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        left.addWidget(title)
        self.table = list_table(
            [
                self.tr("Number"),
                self.tr("Held on"),
                self.tr("Subject"),
                self.tr("Case"),
                self.tr("Chair"),
                self.tr("Outcome"),
            ],
            2,
            Picking.ONE_ROW,
        )
        self.table.itemSelectionChanged.connect(self._chosen_changed)
        left.addWidget(self.table, 1)
        layout.addLayout(left, 3)

        self.message = QLabel()
        # The new hearing's mistakes at their fields, counted here (one display on every form).
        self.errors = FormErrors(self.message, hide_when_empty=False)
        layout.addLayout(
            forms_with_message([self._build_new_box(), self._build_record_box()], self.message), 2
        )
        ctx.events.received.connect(self._event)
        self.refresh()

    def _build_new_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("New hearing"))
        self.new_form = QFormLayout(box)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("A formal case"), CASE)
        self.kind.addItem(self.tr("A major decision"), DECISION)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.case_number = QLineEdit()
        self.case_number.setPlaceholderText(self.tr("Case number or barcode"))
        self.subject = QLineEdit()
        self.held_on = date_edit(clock.now().date())
        self.days = QSpinBox()
        self.days.setRange(1, hearings.MAX_DAYS)
        self.days.setSuffix(self.tr(" days"))
        self.place = QLineEdit()
        self.chair = QLineEdit()
        self.members = QLineEdit()
        self.members.setPlaceholderText(self.tr("Hearing members, separated by 、"))
        self.parties = QLineEdit()
        schedule = QPushButton(self.tr("Schedule the hearing"))
        schedule.clicked.connect(self.schedule)
        field = self.errors.field
        self.new_form.addRow(self.tr("On"), self.kind)
        self.case_row = field("case_number", self.case_number)
        self.subject_row = field("subject", self.subject)
        self.new_form.addRow(self.tr("Case"), self.case_row)
        self.new_form.addRow(self.tr("Subject"), self.subject_row)
        self.new_form.addRow(self.tr("Date"), field("held_on", self.held_on))
        self.new_form.addRow(self.tr("Days it takes"), field("days", self.days))
        self.new_form.addRow(self.tr("Place"), field("place", self.place))
        self.new_form.addRow(self.tr("Chair"), field("chair", self.chair))
        self.new_form.addRow(self.tr("Hearing members"), field("members", self.members))
        self.new_form.addRow(self.tr("Parties"), field("parties", self.parties))
        self.new_form.addRow(schedule)
        return box

    def _build_record_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("The chosen hearing"))
        self.record_box = box
        form = QFormLayout(box)
        self.record_text = QPlainTextEdit()
        self.record_text.setFixedHeight(80)
        self.outcome = QComboBox()
        self.outcome.addItem(self.tr("None (a case's hearing)"), None)
        for code, name in HEARING_OUTCOME_NAMES.items():
            self.outcome.addItem(name, code)
        record = QPushButton(self.tr("Keep the record"))
        record.clicked.connect(self.keep_record)
        form.addRow(self.tr("Record"), self.errors.field("record", self.record_text))
        form.addRow(self.tr("Outcome"), self.errors.field("outcome", self.outcome))
        form.addRow(record)
        notice = QHBoxLayout()
        self.save_notice_button = QPushButton(self.tr("Save the notice…"))
        self.save_notice_button.clicked.connect(lambda: self.save_paper(NOTICE))
        self.print_notice_button = QPushButton(self.tr("Print the notice…"))
        self.print_notice_button.clicked.connect(lambda: self.print_paper(NOTICE))
        notice.addWidget(self.save_notice_button)
        notice.addWidget(self.print_notice_button)
        form.addRow(notice)
        papers = QHBoxLayout()
        self.save_record_button = QPushButton(self.tr("Save the record…"))
        self.save_record_button.clicked.connect(lambda: self.save_paper(RECORD))
        self.print_record_button = QPushButton(self.tr("Print the record…"))
        self.print_record_button.clicked.connect(lambda: self.print_paper(RECORD))
        papers.addWidget(self.save_record_button)
        papers.addWidget(self.print_record_button)
        form.addRow(papers)
        self._kind_changed()
        return box

    def _kind_changed(self) -> None:
        """A case's hearing is named by the case; a decision's by what is decided."""
        on_case = self.kind.currentData() == CASE
        self.new_form.setRowVisible(self.case_row, on_case)
        self.new_form.setRowVisible(self.subject_row, not on_case)

    # -- reading ------------------------------------------------------------------------------

    def _event(self, event: HallEvent) -> None:
        if event.kind.startswith("hearing."):
            self.refresh()

    def refresh(self) -> None:
        Operation(self, self.ctx.database, hearings.listing, read_only=True).success(
            self._show
        ).failure(self._failed).run()

    def _show(self, rows: list[HearingRow]) -> None:
        chosen = self.chosen()
        self.rows = rows
        fill_cells(
            self.table,
            [
                [
                    r.number,
                    r.held_on.isoformat(),
                    r.subject,
                    r.case_number,
                    r.chair,
                    r.outcome or (self.tr("recorded") if r.record else ""),
                ]
                for r in rows
            ],
        )
        if chosen is not None:
            self.choose(chosen.id)

    def chosen(self) -> HearingRow | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) and self.table.selectedItems() else None

    def choose(self, hearing_id: int) -> None:
        for n, row in enumerate(self.rows):
            if row.id == hearing_id:
                self.table.selectRow(n)
                return

    def _chosen_changed(self) -> None:
        row = self.chosen()
        self.record_box.setTitle(
            self.tr("The chosen hearing: {number}").format(number=row.number)
            if row
            else self.tr("The chosen hearing")
        )
        self.record_text.setPlainText(row.record if row else "")
        names = list(HEARING_OUTCOME_NAMES.values())
        index = names.index(row.outcome) + 1 if row and row.outcome else 0
        self.outcome.setCurrentIndex(index)

    # -- acting -------------------------------------------------------------------------------

    def _tell(self, text: str) -> None:
        self.errors.say(text)

    def _failed(self, problem: Problem) -> None:
        self.errors.show_problem(problem)

    def schedule(self) -> None:
        on_case = self.kind.currentData() == CASE
        entry = hearings.HearingInput(
            subject="" if on_case else self.subject.text(),
            held_on=self.held_on.date().toPython(),  # type: ignore[arg-type]
            place=self.place.text(),
            chair=self.chair.text(),
            members=self.members.text(),
            parties=self.parties.text(),
            days=self.days.value(),
            case_number=self.case_number.text() if on_case else "",
        )
        if on_case and not entry.case_number.strip():
            self.errors.show(
                [InvalidInput(self.tr("Type the number of the case to be heard."), "case_number")]
            )
            return
        user = self.ctx.user

        def work(s: Session) -> tuple[int, str]:
            hearing = hearings.schedule(s, entry, user)
            return hearing.id, hearing.number

        def done(made: tuple[int, str]) -> None:
            hearing_id, number = made
            for field in (self.case_number, self.subject, self.members, self.parties):
                field.clear()
            self.errors.say(self.tr("Hearing {number} scheduled.").format(number=number))
            self.refresh()
            self.choose(hearing_id)
            self.changed.emit()

        Operation(self, self.ctx.database, work).success(done).failure(self._failed).run()

    def _need_chosen(self) -> HearingRow | None:
        row = self.chosen()
        if row is None:
            self.errors.say(self.tr("Choose a hearing in the list first."), error=True)
        return row

    def keep_record(self) -> None:
        row = self._need_chosen()
        if row is None:
            return
        text, outcome, user = (
            self.record_text.toPlainText(),
            self.outcome.currentData(),
            self.ctx.user,
        )

        def work(s: Session) -> str:
            return hearings.record(s, row.id, text, outcome, user).number

        def done(number: str) -> None:
            self.errors.say(self.tr("The record of {number} is kept.").format(number=number))
            self.refresh()
            self.changed.emit()

        Operation(self, self.ctx.database, work).success(done).failure(self._failed).run()

    def _paper(self, paper: str) -> tuple[Draw, str, str] | None:
        row = self._need_chosen()
        if row is None:
            return None
        hearing_id = row.id
        if paper == NOTICE:
            name = self.tr("hearing notice")
            return (
                lambda s: hearings.notice_pdf(s, hearing_id),
                name,
                f"听证通知书-{row.number}.pdf",
            )
        name = self.tr("hearing record")
        return lambda s: hearings.record_pdf(s, hearing_id), name, f"听证笔录-{row.number}.pdf"

    def save_paper(self, paper: str) -> None:
        found = self._paper(paper)
        if found is not None:
            draw, name, suggested = found
            self.papers.ask_save(draw, name, suggested)

    def print_paper(self, paper: str) -> None:
        found = self._paper(paper)
        if found is not None:
            draw, name, _suggested = found
            self.papers.ask_print(draw, name)
