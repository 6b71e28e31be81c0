"""The court's files: the list (nearest trial deadline first) and the file picked, worked
through its stages — registration (立案), mediation at any stage, hearings, the outcome,
enforcement — and its papers.

Every action is one ``hall`` call run by the operation helper; the rules refuse what is
illegal and the refusal is shown in their words, in the form that was filled in, which stays
open with what was typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from db.court_models import BY_TRANSCRIPT, MEDIATION_FORM_NAMES, STAGE_NAMES, STAGES
from db.engine import Session
from db.states import CourtOutcome, CourtStage
from hall import clock, court_cases, court_desk, court_history, court_limits
from hall.calendar import cn_date
from hall.court_cases import ENFORCEABLE, CaseRow, CaseView, Registration
from hall.court_desk import Closing, Paper
from hall.court_history import OpenedFile
from kit.alerts import alert_colours
from kit.context import AppContext
from kit.export import Export, ExportButton, ExportColumn, every_row, sheet
from kit.fit import flow, group
from kit.lazy_table import CENTRE, Column, LazyTableModel
from kit.list_table import Picking, list_view
from kit.operations import Failure, Operation, Problem
from printing.spreadsheet import Sheet
from windows.court.file_view import CaseFileView
from windows.court.forms import (
    CourtForm,
    EnforcementDialog,
    EnforcementEntry,
    FieldFaults,
    HearingDialog,
    HearingEntry,
    MediationDialog,
    MediationEntry,
    OutcomeDialog,
    RegistrationDialog,
)
from windows.court.inbox import stamp
from windows.court.limits import LimitDialog, LimitEntry

Index = QModelIndex | QPersistentModelIndex

ALERT_COLUMN = 7


# The file's columns: what the list shows, with the dates it has no room for.
FILE_COLUMNS: list[ExportColumn[CaseRow]] = [
    ExportColumn("案号", lambda r: r.number or "", 24),
    ExportColumn("移交单号", lambda r: r.handoff_number, 18),
    ExportColumn("原告", lambda r: r.plaintiff, 12),
    ExportColumn("被告", lambda r: r.defendant, 12),
    ExportColumn("阶段", lambda r: r.stage_name, 8),
    ExportColumn("程序", lambda r: r.track_name, 10),
    ExportColumn("立案日期", lambda r: r.registered_on, 11),
    ExportColumn("审限届满", lambda r: r.due_on, 11),
    ExportColumn("剩余天数", lambda r: r.days_left, 8),
    ExportColumn("预警", lambda r: r.alert_name, 8),
    ExportColumn("结案方式", lambda r: r.outcome_name, 10),
    ExportColumn("结案日期", lambda r: r.closed_on, 11),
]


class CourtFileTableModel(LazyTableModel[CaseRow]):
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


class CourtFilesPage(QWidget):
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
        self._listed: list[CaseRow] | None = None

        self.open_only = QCheckBox(self.tr("&Open files only"))
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(self.refresh)
        self.count_label = QLabel()
        self.model = CourtFileTableModel(self._columns(), self._fetch, parent=self)
        # The defendant's name gives way first: the number and the deadline must read whole.
        self.view = list_view(self.model, stretch=2, picking=Picking.ONE_ROW)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)

        top = QHBoxLayout()
        top.addWidget(self.open_only)
        top.addStretch(1)
        top.addWidget(self.count_label)
        self.export_button = ExportButton(ctx, self._export, self)
        self.export_button.told.connect(lambda text: self.said.emit(text, False))
        top.addWidget(self.export_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.view, 1)

        self.file_view = CaseFileView()
        right = QWidget()
        # On 1024 pixels the list gives way to the file, down to its number and plaintiff: the
        # file keeps the width of its actions on three lines.
        right.setMinimumWidth(self.fontMetrics().height() * 38)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.file_view, 1)
        right_layout.addLayout(self._build_actions())

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 5)
        # The file's actions on a line each at 1366 pixels, the list keeping the rest.
        splitter.setSizes([440, 760])
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
        self.convert_button = button(self.tr("C&onvert procedure…"), self.convert)
        self.extend_button = button(self.tr("E&xtend trial limit…"), self.extend)
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
        # Beside the list on 1024 pixels the rows wrap; each label stays with its buttons.
        # Only what the file allows now is offered (_enable): a group with nothing to offer
        # goes with its label, and the file keeps the room.
        self.action_groups: list[tuple[QWidget, tuple[QWidget, ...]]] = []

        def offered(label: QLabel, *buttons: QWidget) -> QWidget:
            holder = group(label, *buttons)
            self.action_groups.append((holder, buttons))
            return holder

        work = flow(
            self.register_button,
            offered(stage_label, self.stage_choice, self.advance_button),
            self.mediate_button,
            self.hearing_button,
            self.close_button,
            self.enforce_button,
        )
        papers = flow(
            offered(QLabel(self.tr("Trial limit:")), self.convert_button, self.extend_button),
            offered(
                QLabel(self.tr("Papers (PDF):")),
                self.slip_button,
                self.mediation_paper_button,
                self.cover_button,
            ),
            offered(
                QLabel(self.tr("Print:")),
                self.print_slip_button,
                self.print_mediation_button,
                self.print_cover_button,
            ),
        )
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

    def _export(self) -> Export:
        """The files the list shows (open ones only, if so filtered), read by the list's own
        function, which refuses anyone but a clerk or an administrator."""
        open_only, user, today = self.open_only.isChecked(), self.ctx.user, clock.now().date()
        which = "未结案件" if open_only else "全部案件"
        caption = f"法庭案件（{which}；导出于 {clock.now():%Y-%m-%d %H:%M}）"

        def sheets(s: Session) -> list[Sheet]:
            rows = every_row(
                lambda offset, limit: court_cases.list_cases(
                    s, user, today, open_only=open_only, offset=offset, limit=limit
                )
            )
            return [sheet("法庭案件", FILE_COLUMNS, rows, [caption])]

        return Export(f"法庭案件_{clock.now():%Y%m%d}", sheets)

    # -- reading --------------------------------------------------------------------------

    def _read(self, work: Callable[[Session], Any]) -> Any:
        """A query of the page, run inline; None, and the problem said, when it fails."""
        return Operation(self, self.ctx.database, work, read_only=True).failure(self._tell).run()

    def _tell(self, problem: Problem) -> None:
        self.said.emit(problem.message, True)

    def _fetch(self, offset: int, limit: int) -> Sequence[CaseRow]:
        if offset == 0 and self._listed is not None:
            # The rows :meth:`refresh` read with their count, handed to the model's reload.
            listed, self._listed = self._listed, None
            return listed
        open_only, user, today = self.open_only.isChecked(), self.ctx.user, clock.now().date()
        rows: list[CaseRow] | None = self._read(
            lambda s: court_cases.list_cases(
                s, user, today, open_only=open_only, offset=offset, limit=limit
            )
        )
        return rows or []

    def refresh(self) -> None:
        """Read the list and the open file again; a list that cannot be read stays as it was."""
        open_only, user, today = self.open_only.isChecked(), self.ctx.user, clock.now().date()
        # As many rows as the model holds (at least a page), as its reload asks for.
        wanted = max(self.model.page_size, self.model.rowCount())
        listed: court_desk.FileList | None = self._read(
            lambda s: court_desk.file_list(s, user, today, open_only=open_only, limit=wanted)
        )
        if listed is None:
            return
        self._listed = listed.rows
        self.model.reload()
        self.count_label.setText(self.tr("{count} files").format(count=listed.total))
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
        user = self.ctx.user
        opened: OpenedFile | None = self._read(lambda s: court_history.open_file(s, case_id, user))
        if opened is None:
            return False
        self.file = file = opened.view
        self.file_view.show_file(file)
        self.file_view.show_history(opened.changes, opened.timeline)
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
                if s not in (CourtStage.REGISTRATION, CourtStage.ENFORCEMENT)
                and (open_ or s == CourtStage.POSTTRIAL)
            ]
        self.stage_choice.clear()
        for stage in later:
            self.stage_choice.addItem(STAGE_NAMES[stage], stage)
        self.stage_choice.setEnabled(bool(later))
        self.advance_button.setEnabled(bool(later))
        self.mediate_button.setEnabled(present and open_)
        self.hearing_button.setEnabled(registered and open_)
        self.close_button.setEnabled(present and open_)
        # A limit runs for a registered open file; ordinary procedure converts to nothing.
        track = file.track if file is not None and registered and open_ else None
        self.convert_button.setEnabled(track is not None and bool(court_limits.CONVERSIONS[track]))
        self.extend_button.setEnabled(track is not None)
        self.enforce_button.setEnabled(
            file is not None
            and file.outcome in ENFORCEABLE
            and file.enforcement_applied_on is None
            and file.mediation_form_name != MEDIATION_FORM_NAMES[BY_TRANSCRIPT]
        )
        mediated = file is not None and file.outcome in (
            CourtOutcome.MEDIATED,
            CourtOutcome.CONFIRMED,
        )
        for save, send in (
            (self.slip_button, self.print_slip_button),
            (self.cover_button, self.print_cover_button),
        ):
            save.setEnabled(present)
            send.setEnabled(present)
        self.mediation_paper_button.setEnabled(mediated)
        self.print_mediation_button.setEnabled(mediated)
        for button in self.action_buttons():
            button.setVisible(button.isEnabled())
        for holder, buttons in self.action_groups:
            holder.setVisible(any(b.isEnabled() for b in buttons))

    def action_buttons(self) -> list[QPushButton]:
        """What the clerk can do to a file, each shown while the file allows it."""
        return [
            self.register_button,
            self.advance_button,
            self.mediate_button,
            self.hearing_button,
            self.close_button,
            self.enforce_button,
            self.convert_button,
            self.extend_button,
            self.slip_button,
            self.mediation_paper_button,
            self.cover_button,
            self.print_slip_button,
            self.print_mediation_button,
            self.print_cover_button,
        ]

    # -- acting ---------------------------------------------------------------------------

    def _ask(
        self,
        dialog: CourtForm,
        action: Callable[[Session, Any], str],
    ) -> CourtForm:
        """Open the form; each time it is submitted, run ``action`` (which returns what to
        say), keeping the form open with what was typed if it is refused."""
        self.dialog = dialog

        def submitted(entry: object) -> None:
            faults = FieldFaults()

            def done(said: str) -> None:
                dialog.accept()
                self.said.emit(said, False)
                self.refresh()
                self.changed.emit()

            work = faults.watch(lambda s: action(s, entry))
            Operation(self, self.ctx.database, work).success(done).failure(
                lambda problem: dialog.show_problem(problem, faults.parts)
            ).run()

        dialog.submitted.connect(submitted)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def register(self) -> CourtForm | None:
        if self.file is None:
            return None
        case_id, user = self.file.id, self.ctx.user
        opened: court_desk.RegistrationForm | None = self._read(
            lambda s: court_desk.registration_form(s, case_id, user)
        )
        if opened is None:
            return None

        def act(s: Session, form: Registration) -> str:
            case = court_cases.register_case(s, case_id, form, user)
            assert case.due_on is not None
            return self.tr("Registered as {number}; the trial limit ends on {due}.").format(
                number=case.number, due=cn_date(case.due_on)
            )

        dialog = RegistrationDialog(self.file.label, opened.draft, opened.types, self)
        return self._ask(dialog, act)

    def advance(self) -> None:
        stage = str(self.stage_choice.currentData() or "")
        if self.file is None or not stage:
            return
        case_id, user = self.file.id, self.ctx.user

        def refused(problem: Problem) -> None:
            self._tell(problem)
            # The rules' refusal may come of a change made elsewhere: show the file as it is.
            if problem.failure is not Failure.DATABASE_LOST:
                self.refresh()

        def advanced(label: str) -> None:
            self.said.emit(
                self.tr("{label} moved to {stage}.").format(label=label, stage=STAGE_NAMES[stage]),
                False,
            )
            self.refresh()
            self.changed.emit()

        Operation(
            self,
            self.ctx.database,
            lambda s: court_cases.advance_stage(s, case_id, stage, user).number or "",
        ).success(advanced).failure(refused).run()

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
        # Without the list the mediator is typed, as for one from outside the court.
        staff = (
            Operation(self, self.ctx.database, court_desk.mediators, read_only=True)
            .failure(lambda problem: None)
            .run()
            or []
        )
        dialog = MediationDialog(self.file.label, self.file.stage_name, today, self, staff)
        return self._ask(dialog, act)

    def schedule(self) -> CourtForm | None:
        if self.file is None:
            return None
        case_id = self.file.id
        # Where hearings are usually held; the clerk types it if it cannot be read.
        place = (
            Operation(self, self.ctx.database, court_desk.hearing_place, read_only=True)
            .failure(lambda problem: None)
            .run()
            or ""
        )

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

        def act(s: Session, closing: Closing) -> str:
            label = court_desk.close_file(s, case_id, closing, self.ctx.user)
            return self.tr("{label} closed.").format(label=label)

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

    def _change_limit(self, converting: bool) -> CourtForm | None:
        file = self.file
        if file is None or file.track is None:
            return None
        case_id, user = file.id, self.ctx.user

        def act(s: Session, entry: LimitEntry) -> str:
            if converting:
                case = court_limits.convert_procedure(
                    s, case_id, entry.track, entry.reason, entry.approver, user
                )
            else:
                case = court_limits.extend_limit(
                    s, case_id, entry.reason, entry.approver, user, months=entry.months
                )
            assert case.due_on is not None
            return self.tr("{label}: the trial limit now ends on {due}.").format(
                label=case.number, due=cn_date(case.due_on)
            )

        return self._ask(LimitDialog(file.label, file.track, converting, self), act)

    def convert(self) -> CourtForm | None:
        """转换程序: ask the new procedure, the reason and the approver."""
        return self._change_limit(converting=True)

    def extend(self) -> CourtForm | None:
        """延长审限: ask the months, the reason and the approver."""
        return self._change_limit(converting=False)

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
