"""The court's files: the list (nearest trial deadline first) and the file picked, worked
through its stages — registration (立案), mediation at any stage, hearings, the outcome,
enforcement — and its papers.

Every action is one unit of work calling one ``hall.court_cases`` function; the rules refuse
what is illegal and the refusal is shown in their words, in the form that was filled in,
which stays open with what was typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from db.court_models import (
    BY_TRANSCRIPT,
    CONFIRMED,
    ENFORCEMENT,
    MEDIATED,
    MEDIATION_FORM_NAMES,
    PERSON,
    POSTTRIAL,
    REGISTRATION,
    STAGE_NAMES,
    STAGES,
)
from hall import clock, court_cases, court_types, queue
from hall.calendar import cn_date
from hall.court import COURT_WINDOW
from hall.court_cases import ENFORCEABLE, CaseRow, CaseView, Registration
from hall.errors import HallError
from kit.alerts import alert_colours, alert_style
from kit.context import AppContext
from kit.fields import ERROR_COLOUR
from kit.lazy_table import CENTRE, Column, LazyTableModel
from kit.list_table import Picking, list_table, list_view
from windows.court_forms import (
    CourtForm,
    EnforcementDialog,
    EnforcementEntry,
    HearingDialog,
    HearingEntry,
    MediationDialog,
    MediationEntry,
    OutcomeDialog,
    OutcomeEntry,
    RegistrationDialog,
)
from windows.court_inbox import stamp
from windows.court_papers import Paper
from windows.court_work import Attempt

Index = QModelIndex | QPersistentModelIndex

ALERT_COLUMN = 7


class CaseTableModel(LazyTableModel[CaseRow]):
    """The files, with each deadline's alert in its colour."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if (
            role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole)
            and index.isValid()
            and index.column() == ALERT_COLUMN
            and index.row() < self.rowCount()
        ):
            colours = alert_colours(self.row(index.row()).alert)
            if colours is None:
                return None
            background, text = colours
            return background if role == Qt.ItemDataRole.BackgroundRole else text
        return super().data(index, role)


class StageStrip(QWidget):
    """接访 → 立案 → 庭前 → 庭审 → 庭后 → 执行, the stages passed greyed and the present one
    marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.labels: dict[str, QLabel] = {}
        for index, stage in enumerate(STAGES):
            if index:
                layout.addWidget(QLabel("→"))
            label = QLabel(STAGE_NAMES[stage])
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.labels[stage] = label
            layout.addWidget(label)
        layout.addStretch(1)
        self.current = ""

    def show_stage(self, stage: str) -> None:
        self.current = stage
        reached = STAGES.index(stage)
        for index, (name, label) in enumerate(self.labels.items()):
            if name == stage:
                style = "background: #1e4b8a; color: white; font-weight: bold;"
            elif index < reached:
                style = "background: #dfe6ee; color: #455a64;"
            else:
                style = "color: #90a4ae; border: 1px dashed #b0bec5;"
            label.setStyleSheet(f"{style} padding: 3px 10px; border-radius: 3px;")


class CaseFileView(QScrollArea):
    """One court file as the clerk reads it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        body = QWidget()
        column = QVBoxLayout(body)
        self.title = QLabel(self.tr("Pick a file from the list, or scan its slip."))
        font = QFont(self.title.font())
        font.setPointSize(max(font.pointSize(), 9) + 5)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.stages = StageStrip()
        column.addWidget(self.title)
        column.addWidget(self.stages)
        self.values: dict[str, QLabel] = {}
        # The deadline's alert, a coloured badge beside the date.
        self.alert_label = QLabel()
        self.alert_label.setObjectName("alert")

        def section(title: str, rows: Sequence[tuple[str, str]]) -> QGroupBox:
            box = QGroupBox(title)
            form = QFormLayout(box)
            for key, text in rows:
                value = QLabel()
                value.setWordWrap(True)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.values[key] = value
                if key == "due":
                    value.setWordWrap(False)
                    cell = QWidget()
                    line = QHBoxLayout(cell)
                    line.setContentsMargins(0, 0, 0, 0)
                    line.addWidget(value)
                    line.addWidget(self.alert_label)
                    line.addStretch(1)
                    form.addRow(text, cell)
                else:
                    form.addRow(text, value)
            return box

        self.general = section(
            self.tr("The file"),
            [
                ("number", self.tr("Case number")),
                ("handoff", self.tr("Hand-over slip")),
                ("opened", self.tr("Received")),
                ("type", self.tr("Case type")),
                ("track", self.tr("Track")),
                ("registered", self.tr("Registered")),
                ("due", self.tr("Trial limit")),
                ("fees", self.tr("Fees")),
            ],
        )
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(f"color: {ERROR_COLOUR};")
        general_form = self.general.layout()
        assert isinstance(general_form, QFormLayout)
        general_form.addRow(self.warning_label)
        self.parties = section(
            self.tr("Parties and claims"),
            [
                ("plaintiff", self.tr("Plaintiff")),
                ("defendant", self.tr("Defendant")),
                ("claims", self.tr("Claims")),
                ("facts", self.tr("Facts and reasons")),
                ("evidence", self.tr("Evidence")),
                ("witnesses", self.tr("Witnesses")),
            ],
        )
        self.mediation_box = QGroupBox(self.tr("Mediation"))
        self.mediation_table = self._table(
            [
                self.tr("Date"),
                self.tr("Stage"),
                self.tr("Mediator"),
                self.tr("Result"),
                self.tr("Note"),
            ]
        )
        QVBoxLayout(self.mediation_box).addWidget(self.mediation_table)
        self.hearing_box = QGroupBox(self.tr("Hearings"))
        self.hearing_table = self._table(
            [self.tr("When"), self.tr("Kind"), self.tr("Place"), self.tr("Note")]
        )
        QVBoxLayout(self.hearing_box).addWidget(self.hearing_table)
        self.outcome_box = section(
            self.tr("Outcome"),
            [
                ("outcome", self.tr("Outcome")),
                ("closed", self.tr("Closed on")),
                ("agreement", self.tr("Agreement")),
                ("confirmation", self.tr("Judicial confirmation")),
                ("enforcement", self.tr("Enforcement")),
            ],
        )
        for box in (
            self.general,
            self.parties,
            self.mediation_box,
            self.hearing_box,
            self.outcome_box,
        ):
            column.addWidget(box)
        column.addStretch(1)
        self.setWidget(body)
        self.show_file(None)

    @staticmethod
    def _table(headers: list[str]) -> QTableWidget:
        table = list_table(headers, stretch=len(headers) - 1)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return table

    @staticmethod
    def _fill(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
        table.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))
        height = table.horizontalHeader().height() + 4
        height += sum(table.rowHeight(r) for r in range(len(rows))) or table.rowHeight(0)
        table.setFixedHeight(max(height, table.horizontalHeader().height() * 2 + 4))

    def _plaintiff(self, form: Registration) -> str:
        parts = [
            form.plaintiff_name,
            form.plaintiff_gender,
            self.tr("{age} years").format(age=form.plaintiff_age)
            if form.plaintiff_age is not None
            else "",
            form.plaintiff_ethnicity,
            form.plaintiff_occupation,
            self.tr("employer: {employer}").format(employer=form.plaintiff_employer)
            if form.plaintiff_employer
            else "",
            form.plaintiff_address,
            form.plaintiff_contact,
        ]
        return "，".join(p for p in parts if p)

    def _defendant(self, form: Registration, kind_name: str) -> str:
        person = form.defendant_kind == PERSON
        parts = [
            form.defendant_name,
            kind_name if not person else form.defendant_gender,
            self.tr("employer: {employer}").format(employer=form.defendant_employer)
            if form.defendant_employer
            else "",
            form.defendant_address,
        ]
        return "，".join(p for p in parts if p)

    def show_file(self, file: CaseView | None) -> None:
        for box in (
            self.stages,
            self.general,
            self.parties,
            self.mediation_box,
            self.hearing_box,
            self.outcome_box,
        ):
            box.setVisible(file is not None)
        if file is None:
            self.title.setText(self.tr("Pick a file from the list, or scan its slip."))
            return
        v = self.values
        state = file.outcome_name or self.tr("at {stage}").format(stage=file.stage_name)
        self.title.setText(f"{file.label}　{state}")
        self.stages.show_stage(file.stage)
        v["number"].setText(file.number or self.tr("not yet registered"))
        v["handoff"].setText(
            self.tr("{number} ({barcode}), from {window}, handed by {officer} at {time}").format(
                number=file.handoff_number,
                barcode=file.handoff_barcode,
                window=file.window_name,
                officer=file.officer,
                time=stamp(file.handed_at),
            )
        )
        v["opened"].setText(
            self.tr("{time}, visit {visit}").format(
                time=stamp(file.opened_at), visit=file.visit_code
            )
        )
        type_text = ""
        if file.case_type:
            type_text = f"{file.case_type_name}（{file.case_type}）"
        v["type"].setText(type_text or "—")
        v["track"].setText(file.track_name or "—")
        v["registered"].setText(cn_date(file.registered_on) if file.registered_on else "—")
        due = "—"
        if file.due_on is not None:
            due = cn_date(file.due_on)
            if file.days_left is not None:
                due += "　" + (
                    self.tr("{days} days left").format(days=file.days_left)
                    if file.days_left >= 0
                    else self.tr("{days} days overdue").format(days=-file.days_left)
                )
        v["due"].setText(due)
        self.alert_label.setText(file.alert_name)
        self.alert_label.setStyleSheet(alert_style(file.alert))
        self.alert_label.setVisible(bool(file.alert_name))
        self.warning_label.setText(file.calendar_warning)
        self.warning_label.setVisible(bool(file.calendar_warning))
        v["fees"].setText(file.fees_name)

        form = file.registration
        v["plaintiff"].setText(self._plaintiff(form) or "—")
        v["defendant"].setText(self._defendant(form, file.party_kind_name) or "—")
        v["claims"].setText(form.claims or "—")
        v["facts"].setText(form.facts_reasons or "—")
        evidence = form.evidence
        if form.evidence_source:
            evidence += "　" + self.tr("(source: {source})").format(source=form.evidence_source)
        v["evidence"].setText(evidence or "—")
        v["witnesses"].setText(form.witnesses or "—")

        self._fill(
            self.mediation_table,
            [
                (m.held_on.isoformat(), m.stage_name, m.mediator, m.result_name, m.note)
                for m in file.mediations
            ],
        )
        self._fill(
            self.hearing_table,
            [(stamp(h.starts_at), h.kind_name, h.place, h.note) for h in file.hearings],
        )
        outcome = file.outcome_name or self.tr("open")
        if file.mediation_form_name:
            outcome += f"（{file.mediation_form_name}）"
        if file.outcome_note:
            outcome += "　" + file.outcome_note
        v["outcome"].setText(outcome)
        v["closed"].setText(cn_date(file.closed_on) if file.closed_on else "—")
        agreement = "—"
        if file.agreement_on is not None:
            agreement = f"{cn_date(file.agreement_on)}：{file.agreement_terms}"
        v["agreement"].setText(agreement)
        v["confirmation"].setText(
            self.tr("applied for on {day}").format(day=cn_date(file.confirmation_applied_on))
            if file.confirmation_applied_on
            else "—"
        )
        enforcement = "—"
        if file.enforcement_applied_on is not None:
            enforcement = self.tr("applied for on {day} by {applicant}").format(
                day=cn_date(file.enforcement_applied_on), applicant=file.enforcement_applicant
            )
            if file.enforcement_note:
                enforcement += "　" + file.enforcement_note
        v["enforcement"].setText(enforcement)


class CasesPage(QWidget):
    """The files and the one open, with what the clerk does to it."""

    refreshed = Signal()
    # The file shown now (its CaseView), or None; after every action and refresh.
    file_shown = Signal(object)
    said = Signal(str, bool)
    changed = Signal()  # the clerk changed a file here
    paper_wanted = Signal(object, str, str)  # the Paper, the code to find it by, its label
    print_wanted = Signal(object, str, str)  # the same, for a printer rather than a file

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.file: CaseView | None = None
        self.dialog: CourtForm | None = None

        self.open_only = QCheckBox(self.tr("&Open files only"))
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(self.refresh)
        self.count_label = QLabel()
        self.model = CaseTableModel(self._columns(), self._fetch, parent=self)
        # The defendant's name gives way first: the number and the deadline must read whole.
        self.view = list_view(self.model, stretch=2, picking=Picking.ONE_ROW)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)

        top = QHBoxLayout()
        top.addWidget(self.open_only)
        top.addStretch(1)
        top.addWidget(self.count_label)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.view, 1)

        self.file_view = CaseFileView()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.file_view, 1)
        right_layout.addLayout(self._build_actions())

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([620, 780])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._enable()

    def _build_actions(self) -> QVBoxLayout:
        def button(text: str, slot: Callable[[], object]) -> QPushButton:
            widget = QPushButton(text)
            widget.clicked.connect(slot)
            return widget

        self.register_button = button(self.tr("&Register"), self.register)
        self.stage_choice = QComboBox()
        self.advance_button = button(self.tr("Move to stage"), self.advance)
        self.stage_choice.setToolTip(self.tr("The stage to move the file forward to"))
        self.mediate_button = button(self.tr("&Mediation"), self.mediate)
        self.hearing_button = button(self.tr("Schedule &hearing"), self.schedule)
        self.close_button = button(self.tr("&Close the file"), self.close_file)
        self.enforce_button = button(self.tr("&Enforcement"), self.enforce)
        self.slip_button = button(self.tr("Hand-over sli&p"), self._want_slip)
        self.mediation_paper_button = button(self.tr("Me&diation paper"), self._want_mediation)
        self.cover_button = button(self.tr("Co&ver sheet"), self._want_cover)
        self.print_slip_button = button(
            self.tr("Hand-over slip"), lambda: self._want(Paper.SLIP, printed=True)
        )
        self.print_mediation_button = button(
            self.tr("Mediation paper"), lambda: self._want(Paper.MEDIATION, printed=True)
        )
        self.print_cover_button = button(
            self.tr("Cover sheet"), lambda: self._want(Paper.COVER, printed=True)
        )
        stage_label = QLabel(self.tr("&Next stage"))
        stage_label.setBuddy(self.stage_choice)
        work = QHBoxLayout()
        work.addWidget(self.register_button)
        work.addWidget(stage_label)
        work.addWidget(self.stage_choice)
        work.addWidget(self.advance_button)
        work.addWidget(self.mediate_button)
        work.addWidget(self.hearing_button)
        work.addWidget(self.close_button)
        work.addWidget(self.enforce_button)
        work.addStretch(1)
        papers = QHBoxLayout()
        papers.addWidget(QLabel(self.tr("Papers (PDF):")))
        papers.addWidget(self.slip_button)
        papers.addWidget(self.mediation_paper_button)
        papers.addWidget(self.cover_button)
        papers.addSpacing(24)
        papers.addWidget(QLabel(self.tr("Print:")))
        papers.addWidget(self.print_slip_button)
        papers.addWidget(self.print_mediation_button)
        papers.addWidget(self.print_cover_button)
        papers.addStretch(1)
        column = QVBoxLayout()
        column.addLayout(work)
        column.addLayout(papers)
        return column

    def _columns(self) -> list[Column[CaseRow]]:
        return [
            Column(self.tr("Case"), lambda r: r.label),
            Column(self.tr("Plaintiff"), lambda r: r.plaintiff),
            Column(self.tr("Defendant"), lambda r: r.defendant),
            Column(self.tr("Stage"), lambda r: r.outcome_name or r.stage_name, CENTRE),
            Column(self.tr("Track"), lambda r: r.track_name),
            Column(
                self.tr("Trial limit"), lambda r: r.due_on.isoformat() if r.due_on else "", CENTRE
            ),
            Column(
                self.tr("Days left"),
                lambda r: "" if r.days_left is None else str(r.days_left),
                CENTRE,
            ),
            Column(self.tr("Alert"), lambda r: r.alert_name, CENTRE),
        ]

    # -- reading --------------------------------------------------------------------------

    def _fetch(self, offset: int, limit: int) -> Sequence[CaseRow]:
        with self.ctx.database.read() as s:
            return court_cases.list_cases(
                s,
                self.ctx.user,
                clock.now().date(),
                open_only=self.open_only.isChecked(),
                offset=offset,
                limit=limit,
            )

    def refresh(self) -> None:
        """Read the list and the open file again."""
        with self._attempt(lost=None) as attempt:
            with self.ctx.database.read() as s:
                total = court_cases.count_cases(
                    s, self.ctx.user, open_only=self.open_only.isChecked()
                )
            self.model.reload()
        if attempt.refused:
            return
        self.count_label.setText(self.tr("{count} files").format(count=total))
        if self.file is not None:
            self.open_case(self.file.id)
        self.refreshed.emit()

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            row = self.model.row(current.row())
            if self.file is None or self.file.id != row.id:
                self.open_case(row.id)

    def _select(self, case_id: int) -> None:
        for number in range(self.model.rowCount()):
            if self.model.row(number).id == case_id:
                # The file is shown already, so the row's selection does not open it again.
                self.view.selectRow(number)
                return
        self.view.clearSelection()

    def open_case(self, case_id: int) -> bool:
        """Show the file; False (and the reason said) if it cannot be read."""
        with self._attempt("court file not read") as attempt, self.ctx.database.read() as s:
            file = court_cases.read_case(s, case_id, self.ctx.user)
        if attempt.refused:
            return False
        self.file = file
        self.file_view.show_file(file)
        self._select(case_id)
        self._enable()
        self.file_shown.emit(file)
        return True

    def _enable(self) -> None:
        file = self.file
        present = file is not None
        registered = file is not None and file.number is not None
        open_ = file is not None and file.outcome is None
        self.register_button.setEnabled(present and not registered and open_)
        later: list[str] = []
        if file is not None and registered:
            at = STAGES.index(file.stage)
            later = [
                s
                for s in STAGES[at + 1 :]
                if s not in (REGISTRATION, ENFORCEMENT) and (open_ or s == POSTTRIAL)
            ]
        self.stage_choice.clear()
        for stage in later:
            self.stage_choice.addItem(STAGE_NAMES[stage], stage)
        self.stage_choice.setEnabled(bool(later))
        self.advance_button.setEnabled(bool(later))
        self.mediate_button.setEnabled(present and open_)
        self.hearing_button.setEnabled(registered and open_)
        self.close_button.setEnabled(present and open_)
        self.enforce_button.setEnabled(
            file is not None
            and file.outcome in ENFORCEABLE
            and file.enforcement_applied_on is None
            and file.mediation_form_name != MEDIATION_FORM_NAMES[BY_TRANSCRIPT]
        )
        mediated = file is not None and file.outcome in (MEDIATED, CONFIRMED)
        for save, send in (
            (self.slip_button, self.print_slip_button),
            (self.cover_button, self.print_cover_button),
        ):
            save.setEnabled(present)
            send.setEnabled(present)
        self.mediation_paper_button.setEnabled(mediated)
        self.print_mediation_button.setEnabled(mediated)

    # -- acting ---------------------------------------------------------------------------

    def _attempt(self, lost: str | None, *, reread: bool = False) -> Attempt:
        """A unit of work whose refusal goes to the desk's status line; ``reread``: the list
        and the file are read again after the rules refuse."""
        return Attempt(
            lambda text: self.said.emit(text, True),
            lost,
            reread=self.refresh if reread else None,
        )

    def _ask(
        self,
        dialog: CourtForm,
        action: Callable[[Session, Any], str],
    ) -> CourtForm:
        """Open the form; each time it is submitted, run ``action`` (which returns what to
        say) in one unit of work, keeping the form open with what was typed if refused."""
        self.dialog = dialog

        def submitted(entry: object) -> None:
            attempt = Attempt(dialog.refuse, "court action not saved", problem=dialog.show_problem)
            with attempt, self.ctx.database.write() as s:
                done = action(s, entry)
            if attempt.refused:
                return
            dialog.accept()
            self.said.emit(done, False)
            self.refresh()
            self.changed.emit()

        dialog.submitted.connect(submitted)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def register(self) -> CourtForm | None:
        if self.file is None:
            return None
        case_id = self.file.id
        with self._attempt("registration not read") as attempt, self.ctx.database.read() as s:
            draft = court_cases.registration_draft(s, case_id, self.ctx.user)
            types = [(t.code, f"{t.code}　{t.name}") for t in court_types.case_types(s)]
        if attempt.refused:
            return None

        def act(s: Session, form: Registration) -> str:
            case = court_cases.register_case(s, case_id, form, self.ctx.user)
            assert case.due_on is not None
            return self.tr("Registered as {number}; the trial limit ends on {due}.").format(
                number=case.number, due=cn_date(case.due_on)
            )

        return self._ask(RegistrationDialog(self.file.label, draft, types, self), act)

    def advance(self) -> None:
        stage = str(self.stage_choice.currentData() or "")
        if self.file is None or not stage:
            return
        with (
            self._attempt("stage not changed", reread=True) as attempt,
            self.ctx.database.write() as s,
        ):
            case = court_cases.advance_stage(s, self.file.id, stage, self.ctx.user)
            label = case.number or ""
        if attempt.refused:
            return
        self.said.emit(
            self.tr("{label} moved to {stage}.").format(label=label, stage=STAGE_NAMES[stage]),
            False,
        )
        self.refresh()
        self.changed.emit()

    def mediate(self) -> CourtForm | None:
        if self.file is None:
            return None
        case_id = self.file.id

        def act(s: Session, entry: MediationEntry) -> str:
            done = court_cases.record_mediation(
                s, case_id, entry.held_on, entry.mediator, entry.result, self.ctx.user, entry.note
            )
            return self.tr("Mediation of {day} recorded.").format(day=cn_date(done.held_on))

        today = clock.now().date()
        dialog = MediationDialog(self.file.label, self.file.stage_name, today, self)
        return self._ask(dialog, act)

    def schedule(self) -> CourtForm | None:
        if self.file is None:
            return None
        case_id = self.file.id
        try:
            with self.ctx.database.read() as s:
                place = queue.window_by_code(s, COURT_WINDOW).location
        except (HallError, SQLAlchemyError):
            place = ""

        def act(s: Session, entry: HearingEntry) -> str:
            court_cases.schedule_hearing(
                s, case_id, entry.starts_at, entry.kind, entry.place, self.ctx.user, entry.note
            )
            return self.tr("Scheduled for {time}.").format(time=stamp(entry.starts_at))

        tomorrow = clock.now().date() + dt.timedelta(days=1)
        starts = dt.datetime.combine(tomorrow, dt.time(9, 0))
        return self._ask(HearingDialog(self.file.label, place, starts, self), act)

    def close_file(self) -> CourtForm | None:
        if self.file is None:
            return None
        case_id = self.file.id

        def act(s: Session, entry: OutcomeEntry) -> str:
            user = self.ctx.user
            if entry.outcome == MEDIATED:
                case = court_cases.close_by_mediation(
                    s, case_id, entry.form, entry.terms, user, entry.note, on=entry.closed_on
                )
            elif entry.outcome == CONFIRMED:
                assert entry.applied_on is not None
                case = court_cases.confirm_agreement(
                    s,
                    case_id,
                    entry.applied_on,
                    entry.terms,
                    user,
                    agreement_on=entry.agreement_on,
                    note=entry.note,
                    on=entry.closed_on,
                )
            else:
                case = court_cases.close_case(
                    s, case_id, entry.outcome, user, entry.note, on=entry.closed_on
                )
            return self.tr("{label} closed.").format(label=case.number or case.handoff.number)

        today = clock.now().date()
        registered = self.file.number is not None
        return self._ask(OutcomeDialog(self.file.label, registered, today, self), act)

    def enforce(self) -> CourtForm | None:
        if self.file is None:
            return None
        case_id = self.file.id

        def act(s: Session, entry: EnforcementEntry) -> str:
            court_cases.apply_enforcement(
                s, case_id, entry.applied_on, entry.applicant, self.ctx.user, entry.note
            )
            return self.tr("Application for enforcement recorded; the file is at enforcement.")

        applicant = self.file.registration.plaintiff_name
        today = clock.now().date()
        return self._ask(EnforcementDialog(self.file.label, applicant, today, self), act)

    def _want(self, paper: Paper, printed: bool = False) -> None:
        """Ask the desk for one of the file's papers: saved as PDF, or sent to a printer."""
        if self.file is None:
            return
        label = self.file.handoff_number if paper is Paper.SLIP else self.file.label
        wanted = self.print_wanted if printed else self.paper_wanted
        wanted.emit(paper, self.file.handoff_barcode, label)

    def _want_slip(self) -> None:
        self._want(Paper.SLIP)

    def _want_mediation(self) -> None:
        self._want(Paper.MEDIATION)

    def _want_cover(self) -> None:
        self._want(Paper.COVER)
