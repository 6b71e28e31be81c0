"""One court file as the clerk reads it: where it stands among the stages (接访 → 立案 → 庭前 →
庭审 → 庭后 → 执行), its parties and claims, its mediations and hearings, its outcome and
enforcement, and its trial deadline with the alert in the hall's one palette."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.court_models import PERSON, STAGE_NAMES, STAGES
from db.event_kinds import EventKind
from hall.calendar import cn_date
from hall.case_views import TimelineEntry
from hall.court_cases import CaseView, Registration
from hall.court_history import LimitChangeView
from kit.alerts import alert_style
from kit.fields import ERROR_COLOUR
from kit.list_table import list_table
from windows.court.inbox import stamp


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
        self.limit_box = QGroupBox(self.tr("Changes of the trial limit"))
        self.limit_table = self._table(
            [
                self.tr("Decided"),
                self.tr("Change"),
                self.tr("Limit before → after"),
                self.tr("Approved by"),
                self.tr("Reason"),
            ]
        )
        QVBoxLayout(self.limit_box).addWidget(self.limit_table)
        self.timeline_box = QGroupBox(self.tr("Timeline"))
        self.timeline_table = self._table([self.tr("When"), self.tr("By"), self.tr("What")])
        QVBoxLayout(self.timeline_box).addWidget(self.timeline_table)
        for box in (
            self.general,
            self.parties,
            self.mediation_box,
            self.hearing_box,
            self.outcome_box,
            self.limit_box,
            self.timeline_box,
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
            self.timeline_box,
        ):
            box.setVisible(file is not None)
        self.limit_box.hide()
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

    def show_history(
        self, changes: Sequence[LimitChangeView], timeline: Sequence[TimelineEntry]
    ) -> None:
        """The file's conversions and extensions, and its timeline (shown after
        :meth:`show_file`)."""
        self.limit_box.setVisible(bool(changes))
        self._fill(
            self.limit_table,
            [
                (
                    cn_date(c.decided_on),
                    f"{c.kind_name}：{c.what}",
                    f"{cn_date(c.due_before)} → {cn_date(c.due_after)}",
                    c.approver,
                    c.reason,
                )
                for c in changes
            ],
        )
        self._fill(
            self.timeline_table,
            [(stamp(e.at), e.actor, self.timeline_text(e)) for e in timeline],
        )

    def timeline_text(self, entry: TimelineEntry) -> str:
        """What one event of the file says, in the user's language."""
        payload = entry.payload
        if entry.kind == EventKind.DEADLINE_ADJUSTED:
            # The rules word it with the dates: 期限因节假日调整：由 X 调整为 Y.
            return str(payload.get("text", ""))
        texts: dict[str, str] = {
            EventKind.COURT_ACCEPTED: self.tr("Hand-over accepted"),
            EventKind.COURT_REGISTERED: self.tr("Case registered"),
            EventKind.COURT_STAGE: self.tr("Moved to the next stage"),
            EventKind.COURT_MEDIATION: self.tr("Mediation recorded"),
            EventKind.COURT_HEARING: self.tr("Hearing scheduled"),
            EventKind.COURT_CLOSED: self.tr("Closed"),
            EventKind.COURT_ENFORCEMENT: self.tr("Enforcement applied for"),
            EventKind.COURT_CONVERTED: self.tr("Procedure converted"),
            EventKind.COURT_LIMIT_EXTENDED: self.tr("Trial limit extended"),
        }
        what = texts.get(entry.kind, entry.kind)
        stage = payload.get("stage")
        if entry.kind == EventKind.COURT_STAGE and isinstance(stage, str) and stage in STAGE_NAMES:
            what += "：" + STAGE_NAMES[stage]
        old, new = payload.get("old"), payload.get("new")
        if isinstance(old, str) and isinstance(new, str):
            what += "：" + self.tr("limit {old} → {new}, approved by {approver}").format(
                old=cn_date(dt.date.fromisoformat(old)),
                new=cn_date(dt.date.fromisoformat(new)),
                approver=payload.get("approver", ""),
            )
        return what
