"""One formal case as the letters officer works it: its details and deadlines, its timeline
(the event log), every legal transition as a button, and its documents issued, saved,
printed and reprinted.

Opening a case goes through ``hall.cases.read_case``, which blanks an accusation for a viewer
not allowed to read it and logs every opening of one. A refused transition is shown in the
rules' own words in the dialog that asked for it, which stays open with what was typed.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.case_models import DOCUMENT_NAMES
from db.event_kinds import EventKind
from db.states import CaseCourtHandoff, CaseDecision, CaseState
from hall import case_views, court
from hall.calendar import cn_date
from hall.case_views import DocumentEntry, OpenedCase, TimelineEntry
from hall.cases import CaseView
from hall.mechanisms import leading
from kit.alerts import alert_colours
from kit.context import AppContext
from kit.fields import ERROR_COLOUR
from kit.fit import scrolling
from kit.operations import Operation
from windows.letters.case_actions import CaseActions
from windows.letters.case_documents import CaseDocuments
from windows.letters.common import ActionDialog


def _date(day: dt.date | None) -> str:
    return cn_date(day) if day is not None else ""


class CaseViewPage(QWidget, CaseActions, CaseDocuments):
    """The case on the right of the letters desk's list."""

    changed = Signal(int)  # a case's state or documents changed (its id)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case: CaseView | None = None
        self.dialog: ActionDialog | None = None
        self.file_dialog: QFileDialog | None = None
        self.print_dialog: QPrintDialog | None = None
        # Whom the user may name the open case's 包案领导 (empty: the user may not, or not now).
        self.leaders: list[str] = []

        layout = QVBoxLayout(self)
        # Beside the list, in the page's own margins: every pixel of a small screen for the case.
        layout.setContentsMargins(4, 0, 0, 0)
        self.title = QLabel(self.tr("Choose a case in the list (Enter opens it)."))
        self.title.setObjectName("caseTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSize(max(font.pointSize(), 9) + 3)
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.deadline_label = QLabel()
        self.deadline_label.setObjectName("caseDeadline")
        self.deadline_label.setWordWrap(True)
        layout.addWidget(self.deadline_label)
        self.calendar_label = QLabel()
        self.calendar_label.setWordWrap(True)
        self.calendar_label.setStyleSheet("color: #8a4b00;")
        self.calendar_label.hide()
        layout.addWidget(self.calendar_label)

        details = QGroupBox(self.tr("The matter"))
        self.details = QFormLayout(details)
        self.detail_labels: dict[str, QLabel] = {}
        for key, label in (
            ("petitioner", self.tr("Petitioner")),
            ("contact", self.tr("Phone and address")),
            ("purpose", self.tr("Purpose")),
            ("summary", self.tr("Summary")),
            ("request", self.tr("Request")),
            ("accused", self.tr("Accused")),
            ("decision", self.tr("Decision")),
            ("unit", self.tr("Responsible unit")),
            ("leader", self.tr("Leader in charge")),
            ("reply", self.tr("Reply")),
            ("review", self.tr("Review / re-review")),
            ("court", self.tr("Court")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            self.detail_labels[key] = value
            self.details.addRow(label, self._leader_row(value) if key == "leader" else value)

        lower = QHBoxLayout()
        timeline_box = QGroupBox(self.tr("Timeline"))
        timeline_layout = QVBoxLayout(timeline_box)
        self.timeline = QTableWidget(0, 3)
        self.timeline.setHorizontalHeaderLabels([self.tr("When"), self.tr("What"), self.tr("By")])
        self.timeline.verticalHeader().hide()
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.timeline.horizontalHeader()
        # The date fits its text; the officer gets the width of a name (a long one wraps);
        # what happened takes the rest, wrapped.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.timeline.setColumnWidth(2, self.fontMetrics().horizontalAdvance("冯芳") * 3)
        self.timeline.setWordWrap(True)
        timeline_layout.addWidget(self.timeline)
        lower.addWidget(timeline_box, 2)
        lower.addWidget(self._build_documents(), 1)
        # The matter and its timeline scroll on a small screen; the actions stay in view.
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(details)
        body_layout.addLayout(lower, 1)
        layout.addWidget(scrolling(body), 1)
        self.actions_box = self._build_actions()
        layout.addWidget(self.actions_box)

        self.message = QLabel()
        self.message.setObjectName("caseMessage")
        self.message.setWordWrap(True)
        # Shown once there is something to say: no empty line under the actions.
        self.message.hide()
        layout.addWidget(self.message)
        self._update_buttons()

    def _leader_row(self, value: QLabel) -> QWidget:
        """The 包案领导 as everyone reads it; for those who may name one, the leaders' list to
        choose from instead, and the button that names the one chosen."""
        self.leader_combo = QComboBox()
        self.leader_combo.setObjectName("caseLeader")
        self.leader_button = QPushButton(self.tr("Set"))
        self.leader_button.setToolTip(self.tr("Name the chosen leader to lead this case (包案)"))
        self.leader_button.clicked.connect(self.set_leader)
        # As wide as the longest name: the rest of the line stays empty, not a long field.
        self.leader_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.leader_combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(value, 1)
        layout.addWidget(self.leader_combo)
        layout.addWidget(self.leader_button)
        layout.addStretch(0)
        return row

    def set_leader(self) -> None:
        """Name the leader chosen in the list (or none) as the open case's 包案领导."""
        if self.case is None:
            return
        case_id, user = self.case.id, self.ctx.user
        name = str(self.leader_combo.currentData() or "")
        done = (
            self.tr("Leader in charge: {name}.").format(name=name)
            if name
            else self.tr("The case has no leader in charge now.")
        )
        Operation(
            self, self.ctx.database, lambda s: leading.set_case_leader(s, case_id, name, user)
        ).success(lambda _case: self._done(case_id, done)).failure(
            lambda problem: self.show_message(problem.message, error=True)
        ).run()

    # -- showing ----------------------------------------------------------------------------

    def open_case(self, case_id: int) -> None:
        """Read the case for the logged-in user (logged when it is an accusation)."""
        user = self.ctx.user
        Operation(
            self, self.ctx.database, lambda s: case_views.open_case(s, case_id, user)
        ).success(self._opened).failure(
            lambda problem: self.show_message(problem.message, error=True)
        ).run()

    def _opened(self, opened: OpenedCase) -> None:
        self.case = opened.view
        self.leaders = opened.leaders
        self.leader_combo.clear()
        self.leader_combo.addItem(self.tr("(none)"), "")
        for name in opened.leaders:
            self.leader_combo.addItem(name, name)
        self.leader_combo.setCurrentIndex(max(0, self.leader_combo.findData(opened.view.leader)))
        self._show(opened.view, [self._timeline_row(e) for e in opened.timeline], opened.documents)
        self._show_court(opened.view, opened.court)

    def reload(self) -> None:
        if self.case is not None:
            self.open_case(self.case.id)

    def _timeline_row(self, event: TimelineEntry) -> tuple[str, str, str]:
        what = self.event_text(event.kind)
        if event.kind == EventKind.DEADLINE_ADJUSTED:
            # The rules word the move with its dates: 期限因节假日调整：由 X 调整为 Y.
            what = "{text}（{deadline}）".format(
                text=event.payload.get("text", ""), deadline=event.payload.get("deadline_name", "")
            )
        if event.kind == EventKind.CASE_LEADER_SET:
            leader = event.payload.get("leader")
            what = (
                self.tr("Leader in charge named: {name}").format(name=leader)
                if leader
                else self.tr("Leader in charge removed")
            )
        if event.payload.get("late"):
            what += self.tr(" (late)")
        for key in ("number", "unit") if event.entity != "case" else ("unit", "handoff_number"):
            detail = event.payload.get(key)
            if isinstance(detail, str):
                what += f"：{detail}"
        return event.at.strftime("%Y-%m-%d %H:%M"), what, event.actor

    def event_text(self, kind: str) -> str:
        texts: dict[str, str] = {
            EventKind.CASE_REGISTERED: self.tr("Registered"),
            EventKind.CASE_ACCEPTED: self.tr("Accepted"),
            EventKind.CASE_ASSIGNED: self.tr("Assigned"),
            EventKind.CASE_NOT_ACCEPTED: self.tr("Not accepted"),
            EventKind.CASE_FORWARDED: self.tr("Forwarded"),
            EventKind.CASE_SEPARATED: self.tr("Separated to the court"),
            EventKind.CASE_HANDED_TO_COURT: self.tr("Handed to the court"),
            EventKind.CASE_COURT_RETURNED: self.tr("Returned by the court"),
            EventKind.CASE_EXTENDED: self.tr("Extended"),
            EventKind.CASE_CLOSING_REPORTED: self.tr("Closing report received"),
            EventKind.CASE_REPLIED: self.tr("Reply issued"),
            EventKind.CASE_CLOSED: self.tr("Closed"),
            EventKind.CASE_REVIEW_REQUESTED: self.tr("Review requested"),
            EventKind.CASE_REVIEWED: self.tr("Review decided"),
            EventKind.CASE_REREVIEW_REQUESTED: self.tr("Re-review requested"),
            EventKind.CASE_FINALLY_CLOSED: self.tr("Re-review decided: finally closed"),
            EventKind.CASE_EXECUTED: self.tr("Decision carried out"),
            EventKind.CASE_REPEAT_LINKED: self.tr("Raised again (repeat linked)"),
            EventKind.CASE_ATTACHMENT_ADDED: self.tr("Scan added"),
            EventKind.CASE_VIEWED: self.tr("Opened (confidential)"),
            EventKind.SUPERVISION_ISSUED: self.tr("Supervision order issued"),
            EventKind.SUPERVISION_REPLIED: self.tr("The unit replied to the supervision order"),
            EventKind.SUPERVISION_ESCALATED: self.tr("Supervision escalated"),
            EventKind.CASE_VIEW_WITHHELD: self.tr("Opening refused (confidential)"),
            EventKind.COURT_CONVERTED: self.tr("The court converted the procedure"),
            EventKind.COURT_LIMIT_EXTENDED: self.tr("The court extended the trial limit"),
        }
        return texts.get(kind, kind)

    def _show(
        self,
        view: CaseView,
        timeline: list[tuple[str, str, str]],
        documents: list[DocumentEntry],
    ) -> None:
        title = f"{view.number}　{view.state_name}　{view.source_name}"
        if view.confidential:
            title += self.tr("　[confidential]")
        self.title.setText(title)
        deadline = ""
        if view.due_on is not None and view.days_left is not None:
            if view.days_left >= 0:
                deadline = self.tr("Due {date}, {days} days left").format(
                    date=cn_date(view.due_on), days=view.days_left
                )
            else:
                deadline = self.tr("Due {date}, {days} days overdue").format(
                    date=cn_date(view.due_on), days=-view.days_left
                )
            if view.alert_name:
                deadline += f"　{view.alert_name}"
        self.deadline_label.setText(deadline)
        colours = alert_colours(view.alert)
        if colours is not None:
            background, text = colours
            self.deadline_label.setStyleSheet(
                f"background: {background.name()}; color: {text.name()}; padding: 4px;"
            )
        else:
            self.deadline_label.setStyleSheet("")
        self.calendar_label.setText(view.calendar_warning)
        self.calendar_label.setVisible(bool(view.calendar_warning))

        labels = self.detail_labels
        labels["petitioner"].setText(view.petitioner)
        labels["contact"].setText(
            "　".join(p for p in (view.petitioner_phone, view.petitioner_address) if p)
        )
        purpose = view.purpose_name
        if view.litigation:
            purpose += self.tr("; litigation-related")
        if view.urgent:
            purpose += self.tr("; urgent")
        if view.repeat_count:
            purpose += self.tr("; raised again {count} times").format(count=view.repeat_count)
        labels["purpose"].setText(purpose)
        labels["summary"].setText(view.summary)
        labels["request"].setText(view.request)
        labels["accused"].setText(
            "　".join(p for p in (view.accused_unit or "", view.accused) if p)
        )
        decision = ""
        if view.decision_name:
            decision = f"{view.decision_name}（{_date(view.decided_on)}）"
            if view.legal_channel:
                decision += f"　{view.legal_channel}"
            if view.decision_note:
                decision += f"　{view.decision_note}"
        labels["decision"].setText(decision)
        unit = view.unit or ""
        if view.assigned_due is not None:
            unit += self.tr("; closing report due {date}").format(date=cn_date(view.assigned_due))
            if view.closing_report_on is not None:
                unit += self.tr(", received {date}").format(date=cn_date(view.closing_report_on))
        if view.extension_days:
            unit += self.tr("; extended {days} days: {reason}").format(
                days=view.extension_days, reason=view.extension_reason
            )
        labels["unit"].setText(unit)
        labels["leader"].setText(view.leader or self.tr("none named"))
        reply = ""
        if view.outcome_name:
            reply = f"{view.outcome_name}（{_date(view.replied_on)}）　{view.reply_text}"
        labels["reply"].setText(reply)
        review = []
        if view.review_requested_on:
            review.append(
                self.tr("Review requested {date}").format(date=cn_date(view.review_requested_on))
            )
        if view.reviewed_on:
            review.append(self.tr("decided {date}").format(date=cn_date(view.reviewed_on)))
        if view.rereview_requested_on:
            review.append(
                self.tr("re-review requested {date}").format(
                    date=cn_date(view.rereview_requested_on)
                )
            )
        if view.rereviewed_on:
            review.append(self.tr("decided {date}").format(date=cn_date(view.rereviewed_on)))
        labels["review"].setText("；".join(review))

        self.timeline.setRowCount(len(timeline))
        for number, values in enumerate(timeline):
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                self.timeline.setItem(number, column, cell)
        self.timeline.resizeRowsToContents()

        self.documents.clear()
        for document in documents:
            item = QListWidgetItem(
                f"{DOCUMENT_NAMES[document.kind]}　{cn_date(document.issued_on)}"
            )
            item.setData(256, document.id)
            item.setData(257, document.kind)
            self.documents.addItem(item)
        if documents:
            self.documents.setCurrentRow(len(documents) - 1)
        self._update_buttons()

    def _show_court(self, view: CaseView, flow: court.CourtFlowBack | None) -> None:
        """Where the matter stands with the court, once it was separated from petitions."""
        text = ""
        if view.court_handoff is not None:
            text = flow.line if flow is not None else self.tr("Waiting to be handed to the court")
            if view.court_handoff == CaseCourtHandoff.PENDING and flow is not None:
                text += self.tr("; hand it to the court again once the matter is put right")
        self.detail_labels["court"].setText(text)

    def _update_buttons(self) -> None:
        """Offer what the case's state allows; the rules still have the last word."""
        view = self.case
        state = view.state if view is not None else None
        allowed = {
            "accept": state == CaseState.REGISTERED,
            "reject": state == CaseState.REGISTERED,
            "forward": state == CaseState.REGISTERED,
            "assign": state == CaseState.REGISTERED,
            "separate": state == CaseState.REGISTERED,
            "hand_off": state == CaseState.SEPARATED
            and view is not None
            and view.court_handoff == CaseCourtHandoff.PENDING,
            "extend": state == CaseState.HANDLING,
            "report": view is not None
            and view.decision == CaseDecision.ASSIGNED
            and state in (CaseState.HANDLING, CaseState.REPLIED),
            "reply": state == CaseState.HANDLING,
            "close": state == CaseState.REPLIED,
            "review": state in (CaseState.REPLIED, CaseState.CLOSED),
            "decide_review": state == CaseState.REVIEW,
            "rereview": state == CaseState.REVIEWED,
            "decide_rereview": state == CaseState.REREVIEW,
            "execute": view is not None and view.execution_due is not None,
        }
        withheld = view is not None and view.withheld
        # Only the acts the case's state allows are offered: two lines of buttons at most on
        # a small screen, and the case's details keep the room the others would take.
        for name, button in self.action_buttons.items():
            button.setEnabled(allowed[name] and not withheld)
            button.setVisible(button.isEnabled())
        self.actions_box.setVisible(any(b.isEnabled() for b in self.action_buttons.values()))
        # The leaders' list is there only for those who may name one, on an open case.
        naming = view is not None and bool(self.leaders)
        self.leader_combo.setVisible(naming)
        self.leader_button.setVisible(naming)
        self.detail_labels["leader"].setVisible(not naming)
        self.issue_button.setEnabled(view is not None and not withheld)
        has_document = self.documents.count() > 0
        for button in (self.save_button, self.print_button, self.reprint_button):
            button.setEnabled(has_document and not withheld)

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "color: #1b5e20;")
        self.message.setVisible(bool(text))

    def _done(self, case_id: int, message: str) -> None:
        self.open_case(case_id)
        self.show_message(message)
        self.changed.emit(case_id)

    def _screen(self) -> QWidget:
        return self
