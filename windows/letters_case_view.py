"""One formal case as the letters officer works it: its details and deadlines, its timeline
(the event log), every legal transition as a button, and its documents issued, saved,
printed and reprinted.

Opening a case goes through ``hall.cases.read_case``, which blanks an accusation for a viewer
not allowed to read it and logs every opening of one. A refused transition is shown in the
rules' own words in the dialog that asked for it, which stays open with what was typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from db.case_models import (
    ACCEPTANCE,
    ASSIGNMENT,
    CLOSED,
    COURT_HANDOFF_PENDING,
    DOCUMENT_NAMES,
    EXTENSION,
    HANDLING,
    REGISTERED,
    REJECTION,
    REPLIED,
    REPLY,
    REREVIEW,
    REREVIEW_OPINION,
    REVIEW,
    REVIEW_OPINION,
    REVIEWED,
    SEPARATED,
    PetitionCase,
)
from db.models import User
from hall import cases, clock, court, settings, supervision
from hall.calendar import cn_date
from hall.cases import CaseView
from hall.deadlines import MAX_EXTENSION_DAYS
from hall.errors import HallError, InvalidInput
from kit.alerts import alert_colours
from kit.context import AppContext
from kit.fields import ERROR_COLOUR
from kit.printer import ask_print, print_pdf
from kit.save_file import ask_save_pdf
from printing import notices
from windows.letters_common import (
    DATE,
    DAYS,
    LINE,
    OUTCOME,
    TEXT,
    UNIT,
    ActionDialog,
    Ask,
    Values,
)

# The documents a case can have, in the order they come.
CASE_DOCUMENTS = (
    ACCEPTANCE,
    REJECTION,
    ASSIGNMENT,
    EXTENSION,
    REPLY,
    REVIEW_OPINION,
    REREVIEW_OPINION,
)


def _date(day: dt.date | None) -> str:
    return cn_date(day) if day is not None else ""


class CaseViewPage(QWidget):
    """The case on the right of the letters desk's list."""

    changed = Signal(int)  # a case's state or documents changed (its id)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case: CaseView | None = None
        self.dialog: ActionDialog | None = None
        self.file_dialog: QFileDialog | None = None
        self.print_dialog: QPrintDialog | None = None
        with ctx.database.read() as s:
            self.hall_name = settings.get(s, settings.HALL_NAME)

        layout = QVBoxLayout(self)
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
            ("reply", self.tr("Reply")),
            ("review", self.tr("Review / re-review")),
            ("court", self.tr("Court")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            self.detail_labels[key] = value
            self.details.addRow(label, value)
        layout.addWidget(details)

        layout.addWidget(self._build_actions())

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
        layout.addLayout(lower, 1)

        self.message = QLabel()
        self.message.setObjectName("caseMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self._update_buttons()

    # -- building ---------------------------------------------------------------------------

    def _build_actions(self) -> QGroupBox:
        box = QGroupBox(self.tr("Actions"))
        grid = QGridLayout(box)
        self.action_buttons: dict[str, QPushButton] = {}
        specs: list[tuple[str, str, str, Callable[[], None]]] = [
            ("accept", self.tr("&Accept"), "Ctrl+Shift+A", self.accept_case),
            ("reject", self.tr("&Not accept…"), "Ctrl+Shift+N", self.reject_case),
            ("forward", self.tr("&Forward…"), "Ctrl+Shift+F", self.forward_case),
            ("assign", self.tr("Assi&gn to a unit…"), "Ctrl+Shift+G", self.assign_case),
            ("separate", self.tr("To the &court…"), "Ctrl+Shift+C", self.separate_case),
            ("hand_off", self.tr("&Hand to the court again…"), "Ctrl+Shift+H", self.hand_off),
            ("extend", self.tr("E&xtend once…"), "Ctrl+Shift+X", self.extend_case),
            ("report", self.tr("Closing re&port…"), "Ctrl+Shift+P", self.report_closing),
            ("reply", self.tr("&Reply…"), "Ctrl+Shift+R", self.reply_case),
            ("close", self.tr("C&lose"), "Ctrl+Shift+L", self.close_case),
            ("review", self.tr("Re&view requested"), "Ctrl+Shift+V", self.request_review),
            ("decide_review", self.tr("Review &decision…"), "Ctrl+Shift+D", self.decide_review),
            ("rereview", self.tr("Re-rev&iew requested"), "Ctrl+Shift+I", self.request_rereview),
            (
                "decide_rereview",
                self.tr("Re-review decision (&final)…"),
                "Ctrl+Shift+E",
                self.decide_rereview,
            ),
            ("execute", self.tr("Carried &out…"), "Ctrl+Shift+O", self.record_execution),
        ]
        for number, (name, text, keys, slot) in enumerate(specs):
            button = QPushButton(text)
            button.setShortcut(QKeySequence(keys))
            button.setToolTip(keys)
            button.clicked.connect(slot)
            self.action_buttons[name] = button
            grid.addWidget(button, number // 5, number % 5)
        return box

    def _build_documents(self) -> QGroupBox:
        box = QGroupBox(self.tr("Documents"))
        layout = QVBoxLayout(box)
        issue_row = QHBoxLayout()
        self.document_kind = QComboBox()
        for kind in CASE_DOCUMENTS:
            self.document_kind.addItem(DOCUMENT_NAMES[kind], kind)
        issue_row.addWidget(self.document_kind, 1)
        self.issue_button = QPushButton(self.tr("&Issue"))
        self.issue_button.clicked.connect(self.issue_document)
        issue_row.addWidget(self.issue_button)
        layout.addLayout(issue_row)
        self.documents = QListWidget()
        self.documents.setObjectName("caseDocuments")
        layout.addWidget(self.documents, 1)
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        self.save_button.clicked.connect(self.save_document)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.clicked.connect(lambda: self.print_document("printed"))
        self.reprint_button = QPushButton(self.tr("Reprint…"))
        self.reprint_button.clicked.connect(lambda: self.print_document("reprinted"))
        for button in (self.save_button, self.print_button, self.reprint_button):
            row.addWidget(button)
        layout.addLayout(row)
        return box

    # -- showing ----------------------------------------------------------------------------

    def open_case(self, case_id: int) -> None:
        """Read the case for the logged-in user (logged when it is an accusation)."""
        try:
            with self.ctx.database.write() as s:
                view = cases.read_case(s, case_id, self.ctx.user)
                timeline = self._timeline(s, case_id)
                documents = [(d.id, d.kind, d.issued_on) for d in cases.documents(s, case_id)]
                flow = court.case_court_status(s, case_id)
        except HallError as error:
            self.show_message(str(error), error=True)
            return
        self.case = view
        self._show(view, timeline, documents)
        self._show_court(view, flow)

    def reload(self) -> None:
        if self.case is not None:
            self.open_case(self.case.id)

    def _timeline(self, s: Session, case_id: int) -> list[tuple[str, str, str]]:
        names: dict[int, str] = {}
        rows = []
        for event in supervision.case_history(s, case_id):
            actor = ""
            if event.actor_id is not None:
                if event.actor_id not in names:
                    user = s.get(User, event.actor_id)
                    names[event.actor_id] = user.name if user else ""
                actor = names[event.actor_id]
            what = self.event_text(event.kind)
            if event.payload.get("late"):
                what += self.tr(" (late)")
            for key in ("number", "unit") if event.entity != "case" else ("unit", "handoff_number"):
                detail = event.payload.get(key)
                if isinstance(detail, str):
                    what += f"：{detail}"
            rows.append((event.at.strftime("%Y-%m-%d %H:%M"), what, actor))
        return rows

    def event_text(self, kind: str) -> str:
        texts = {
            "case.registered": self.tr("Registered"),
            "case.accepted": self.tr("Accepted"),
            "case.assigned": self.tr("Assigned"),
            "case.not_accepted": self.tr("Not accepted"),
            "case.forwarded": self.tr("Forwarded"),
            "case.separated": self.tr("Separated to the court"),
            "case.handed_to_court": self.tr("Handed to the court"),
            "case.court_returned": self.tr("Returned by the court"),
            "case.extended": self.tr("Extended"),
            "case.closing_reported": self.tr("Closing report received"),
            "case.replied": self.tr("Reply issued"),
            "case.closed": self.tr("Closed"),
            "case.review_requested": self.tr("Review requested"),
            "case.reviewed": self.tr("Review decided"),
            "case.rereview_requested": self.tr("Re-review requested"),
            "case.finally_closed": self.tr("Re-review decided: finally closed"),
            "case.executed": self.tr("Decision carried out"),
            "case.repeat_linked": self.tr("Raised again (repeat linked)"),
            "case.attachment_added": self.tr("Scan added"),
            "case.viewed": self.tr("Opened (confidential)"),
            "supervision.issued": self.tr("Supervision order issued"),
            "supervision.replied": self.tr("The unit replied to the supervision order"),
            "supervision.escalated": self.tr("Supervision escalated"),
            "case.view_withheld": self.tr("Opening refused (confidential)"),
        }
        return texts.get(kind, kind)

    def _show(
        self,
        view: CaseView,
        timeline: list[tuple[str, str, str]],
        documents: list[tuple[int, str, dt.date]],
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
        for document_id, kind, issued_on in documents:
            item = QListWidgetItem(f"{DOCUMENT_NAMES[kind]}　{cn_date(issued_on)}")
            item.setData(256, document_id)
            item.setData(257, kind)
            self.documents.addItem(item)
        if documents:
            self.documents.setCurrentRow(len(documents) - 1)
        self._update_buttons()

    def _show_court(self, view: CaseView, flow: court.CourtFlowBack | None) -> None:
        """Where the matter stands with the court, once it was separated from petitions."""
        text = ""
        if view.court_handoff is not None:
            text = flow.line if flow is not None else self.tr("Waiting to be handed to the court")
            if view.court_handoff == COURT_HANDOFF_PENDING and flow is not None:
                text += self.tr("; hand it to the court again once the matter is put right")
        self.detail_labels["court"].setText(text)

    def _update_buttons(self) -> None:
        """Offer what the case's state allows; the rules still have the last word."""
        view = self.case
        state = view.state if view is not None else None
        allowed = {
            "accept": state == REGISTERED,
            "reject": state == REGISTERED,
            "forward": state == REGISTERED,
            "assign": state == REGISTERED,
            "separate": state == REGISTERED,
            "hand_off": state == SEPARATED
            and view is not None
            and view.court_handoff == COURT_HANDOFF_PENDING,
            "extend": state == HANDLING,
            "report": view is not None
            and view.decision == "assigned"
            and state in (HANDLING, REPLIED),
            "reply": state == HANDLING,
            "close": state == REPLIED,
            "review": state in (REPLIED, CLOSED),
            "decide_review": state == REVIEW,
            "rereview": state == REVIEWED,
            "decide_rereview": state == REREVIEW,
            "execute": view is not None and view.execution_due is not None,
        }
        withheld = view is not None and view.withheld
        for name, button in self.action_buttons.items():
            button.setEnabled(allowed[name] and not withheld)
        self.issue_button.setEnabled(view is not None and not withheld)
        has_document = self.documents.count() > 0
        for button in (self.save_button, self.print_button, self.reprint_button):
            button.setEnabled(has_document and not withheld)

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "color: #1b5e20;")

    # -- actions ----------------------------------------------------------------------------

    def _act(
        self,
        title: str,
        asks: list[Ask],
        perform: Callable[[Session, int, Values], object],
        intro: str = "",
    ) -> ActionDialog | None:
        """Ask what the action needs (or nothing), run it, and show the case as it now is."""
        if self.case is None:
            return None
        case_id = self.case.id
        done = self.tr("{action}: done.").format(action=title.rstrip("…"))
        if not asks:
            try:
                with self.ctx.database.write() as s:
                    perform(s, case_id, {})
            except HallError as error:
                self.show_message(str(error), error=True)
                return None
            self._done(case_id, done)
            return None
        dialog = ActionDialog(
            title,
            intro or f"{self.case.number}　{self.case.state_name}",
            asks,
            self.ctx.database,
            lambda s, values: _ignore(perform(s, case_id, values)),
            self,
        )
        dialog.accepted.connect(lambda: self._done(case_id, done))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _done(self, case_id: int, message: str) -> None:
        self.open_case(case_id)
        self.show_message(message)
        self.changed.emit(case_id)

    def _now(self) -> dt.datetime:
        return clock.now()

    def accept_case(self) -> None:
        user = self.ctx.user
        self._act(
            self.tr("Accept"),
            [],
            lambda s, i, v: cases.accept(s, i, actor=user, now=self._now()),
        )

    def reject_case(self) -> None:
        user = self.ctx.user
        self._act(
            self.tr("Not accept…"),
            [
                Ask("legal_channel", self.tr("Legal channel to use"), LINE),
                Ask("reason", self.tr("Reason")),
            ],
            lambda s, i, v: cases.reject(
                s, i, str(v["legal_channel"]), str(v["reason"]), actor=user, now=self._now()
            ),
        )

    def forward_case(self) -> None:
        user = self.ctx.user
        self._act(
            self.tr("Forward…"),
            [Ask("unit", self.tr("Competent organ"), UNIT), Ask("note", self.tr("Note"))],
            lambda s, i, v: cases.forward(
                s, i, _unit_id(v), str(v["note"]), actor=user, now=self._now()
            ),
        )

    def assign_case(self) -> None:
        user = self.ctx.user
        today = clock.now().date()
        self._act(
            self.tr("Assign to a unit…"),
            [
                Ask("unit", self.tr("Responsible unit"), UNIT),
                Ask("due", self.tr("Closing report due"), DATE, today + dt.timedelta(days=30)),
                Ask("note", self.tr("Instructions")),
            ],
            lambda s, i, v: cases.assign(
                s,
                i,
                _unit_id(v),
                _as_date(v["due"]),
                str(v["note"]),
                actor=user,
                now=self._now(),
            ),
        )

    def _brief_asks(self) -> list[Ask]:
        """The hand-over slip's fields (移交单), filled from the case as far as it may be."""
        assert self.case is not None
        try:
            with self.ctx.database.read() as s:
                brief = court.brief_for_case(s, self.case.id)
        except HallError as error:
            self.show_message(str(error), error=True)
            brief = court.HandoffBrief("", "", "")
        return [
            Ask("party", self.tr("Party"), LINE, brief.party),
            Ask("other_party", self.tr("Other party (a person or a company)"), LINE),
            Ask("claim", self.tr("Claim, briefly"), TEXT, brief.claim),
        ]

    def separate_case(self) -> None:
        """Separate the matter from petitions (诉访分离) and hand it to the court at once: the
        decision and the hand-over slip are one unit of work, so neither stands without the
        other."""
        if self.case is None:
            return
        user = self.ctx.user

        def perform(s: Session, case_id: int, values: Values) -> None:
            now = self._now()
            cases.separate(s, case_id, str(values["note"]), actor=user, now=now)
            court.hand_off_case(s, case_id, _brief(values), user, now)

        self._act(
            self.tr("To the court…"),
            [Ask("note", self.tr("Why it belongs in litigation")), *self._brief_asks()],
            perform,
            self.tr(
                "Litigation-related matters are not accepted as petitions: the case is closed "
                "as separated and handed to the circuit court's inbox with this slip."
            ),
        )

    def hand_off(self) -> None:
        """Hand a separated case to the court again, after the court returned it."""
        if self.case is None:
            return
        user = self.ctx.user
        self._act(
            self.tr("Hand to the court again…"),
            self._brief_asks(),
            lambda s, i, v: court.hand_off_case(s, i, _brief(v), user, self._now()),
        )

    def extend_case(self) -> None:
        user = self.ctx.user
        self._act(
            self.tr("Extend once…"),
            [
                Ask("days", self.tr("Days (at most 30)"), DAYS, MAX_EXTENSION_DAYS),
                Ask("reason", self.tr("Reason")),
            ],
            lambda s, i, v: cases.extend(
                s, i, int(str(v["days"])), str(v["reason"]), actor=user, now=self._now()
            ),
        )

    def report_closing(self) -> None:
        user = self.ctx.user
        self._act(
            self.tr("Closing report…"),
            [Ask("report", self.tr("The unit's closing report"))],
            lambda s, i, v: cases.report_closing(
                s, i, str(v["report"]), actor=user, now=self._now()
            ),
        )

    def reply_case(self) -> None:
        user = self.ctx.user
        self._act(
            self.tr("Reply…"),
            [Ask("outcome", self.tr("Outcome"), OUTCOME), Ask("text", self.tr("Opinion"))],
            lambda s, i, v: cases.reply(
                s, i, str(v["outcome"]), str(v["text"]), actor=user, now=self._now()
            ),
        )

    def close_case(self) -> None:
        user = self.ctx.user
        self._act(
            self.tr("Close"), [], lambda s, i, v: cases.close(s, i, actor=user, now=self._now())
        )

    def request_review(self) -> None:
        user = self.ctx.user
        self._act(
            self.tr("Review requested"),
            [],
            lambda s, i, v: cases.request_review(s, i, actor=user, now=self._now()),
        )

    def decide_review(self) -> None:
        user = self.ctx.user
        self._act(
            self.tr("Review decision…"),
            [Ask("outcome", self.tr("Outcome"), OUTCOME), Ask("text", self.tr("Opinion"))],
            lambda s, i, v: cases.decide_review(
                s, i, str(v["outcome"]), str(v["text"]), actor=user, now=self._now()
            ),
        )

    def request_rereview(self) -> None:
        user = self.ctx.user
        self._act(
            self.tr("Re-review requested"),
            [],
            lambda s, i, v: cases.request_rereview(s, i, actor=user, now=self._now()),
        )

    def decide_rereview(self) -> None:
        user = self.ctx.user
        self._act(
            self.tr("Re-review decision (final)…"),
            [Ask("outcome", self.tr("Outcome"), OUTCOME), Ask("text", self.tr("Opinion"))],
            lambda s, i, v: cases.decide_rereview(
                s, i, str(v["outcome"]), str(v["text"]), actor=user, now=self._now()
            ),
            self.tr(
                "After the re-review the same matter is not taken up again (three-level closure)."
            ),
        )

    def record_execution(self) -> None:
        user = self.ctx.user
        self._act(
            self.tr("Carried out…"),
            [Ask("note", self.tr("How the decision was carried out"))],
            lambda s, i, v: cases.record_execution(
                s, i, str(v["note"]), actor=user, now=self._now()
            ),
        )

    # -- documents --------------------------------------------------------------------------

    def issue_document(self) -> None:
        """Word the chosen document from the case, lay it out, and keep it as issued."""
        if self.case is None:
            return
        kind = str(self.document_kind.currentData())
        case_id = self.case.id
        today = clock.now().date()
        try:
            with self.ctx.database.write() as s:
                case = s.get(PetitionCase, case_id)
                assert case is not None
                refusal = cases.document_refusal(case, kind)
                if refusal:
                    self.show_message(refusal, error=True)
                    return
                pdf = notices.render(notices.notice_for(kind, case, self.hall_name, today))
                cases.issue_document(s, case_id, kind, pdf, today, actor=self.ctx.user)
        except HallError as error:
            self.show_message(str(error), error=True)
            return
        self._done(case_id, self.tr("{document} issued.").format(document=DOCUMENT_NAMES[kind]))

    def selected_document(self) -> tuple[int, str] | None:
        item = self.documents.currentItem()
        if item is None:
            return None
        return int(item.data(256)), str(item.data(257))

    def _reissue(self, document_id: int, how: str) -> bytes | None:
        try:
            with self.ctx.database.write() as s:
                return cases.reissue_document(s, document_id, how, actor=self.ctx.user)
        except HallError as error:
            self.show_message(str(error), error=True)
            return None

    def save_document(self) -> None:
        chosen = self.selected_document()
        if chosen is None or self.case is None:
            return
        document_id, kind = chosen
        name = f"{self.case.barcode}-{DOCUMENT_NAMES[kind]}.pdf"

        def save(path: Path) -> None:
            pdf = self._reissue(document_id, "saved")
            if pdf is None:
                return
            try:
                path.write_bytes(pdf)
            except OSError as error:
                self.show_message(
                    self.tr("Could not save {path}: {error}").format(
                        path=path, error=error.strerror
                    ),
                    error=True,
                )
                return
            self.show_message(self.tr("Saved {path}.").format(path=path))

        self.file_dialog = ask_save_pdf(self, self.tr("Save document as PDF"), name, save)

    def print_document(self, how: str) -> None:
        chosen = self.selected_document()
        if chosen is None:
            return
        document_id, kind = chosen

        def printed(printer: QPrinter) -> None:
            pdf = self._reissue(document_id, how)
            if pdf is None:
                return
            if print_pdf(pdf, printer):
                self.show_message(
                    self.tr("{document} sent to the printer.").format(document=DOCUMENT_NAMES[kind])
                )
            else:
                self.show_message(
                    self.tr(
                        "The printer did not take the document; it is kept and can be reprinted."
                    ),
                    error=True,
                )

        self.print_dialog = ask_print(self, printed)


def _unit_id(values: Values) -> int:
    unit = values["unit"]
    if unit is None:
        raise InvalidInput(
            QCoreApplication.translate(
                "CaseViewPage", "Choose a unit first (the administrator adds responsible units)."
            ),
            "unit",
        )
    return int(str(unit))


def _as_date(value: object) -> dt.date:
    assert isinstance(value, dt.date)
    return value


def _brief(values: Values) -> court.HandoffBrief:
    return court.HandoffBrief(
        party=str(values["party"]),
        other_party=str(values["other_party"]),
        claim=str(values["claim"]),
    )


def _ignore(_result: object) -> None:
    """The dialog wants no result: the case is read again once the action succeeded."""
