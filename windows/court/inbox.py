"""The court's inbox: the hand-offs the windows sent, waiting to be accepted or returned.

Picking one shows its hand-over slip and the visit behind it (an accusation's content is
withheld from the clerk by the rules, and the opening logged). Accepting opens a court file
at the 接访 stage; returning sends it back to its window with the reason, which is required
and which the window sees.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hall import clock, court
from hall.calendar import cn_date
from hall.court_desk import Paper
from kit.context import AppContext
from kit.form_errors import FormErrors
from kit.list_table import Picking, list_table
from kit.operations import Failure, Operation, Problem
from windows.court.forms import text_box


def stamp(moment: dt.datetime) -> str:
    """A time the clerk reads at a glance: 2026-11-21 09:30."""
    return moment.strftime("%Y-%m-%d %H:%M")


class InboxPage(QWidget):
    """The hand-offs waiting at the court, oldest first, and the one picked."""

    refreshed = Signal()
    # The file an accepted hand-off opened, for the desk to show.
    case_opened = Signal(int)
    said = Signal(str, bool)  # a message for the desk's status line; True for a refusal
    paper_wanted = Signal(object, str, str)  # Paper.SLIP, the slip's barcode, its number
    print_wanted = Signal(object, str, str)  # the same, for a printer rather than a file

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.handoffs: list[court.HandoffView] = []
        self.shown: court.HandoffView | None = None

        self.table = list_table(
            [
                self.tr("Hand-off"),
                self.tr("Handed at"),
                self.tr("From window"),
                self.tr("Party"),
                self.tr("Other party"),
            ],
            stretch=4,
            picking=Picking.ONE_ROW,
        )
        self.table.itemSelectionChanged.connect(self._picked)
        self.empty_label = QLabel(self.tr("No hand-off is waiting."))

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.empty_label)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self._build_detail())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([560, 840])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._show(None)

    def _build_detail(self) -> QWidget:
        self.slip_box = QGroupBox(self.tr("Hand-over slip"))
        slip = QFormLayout(self.slip_box)
        self.number_value = QLabel()
        self.barcode_value = QLabel()
        self.window_value = QLabel()
        self.handed_value = QLabel()
        self.party_value = QLabel()
        self.other_value = QLabel()
        self.claim_value = QLabel()
        self.laws_value = QLabel()
        self.laws_value.setWordWrap(True)
        slip.addRow(self.tr("Number"), self.number_value)
        slip.addRow(self.tr("Barcode"), self.barcode_value)
        slip.addRow(self.tr("From"), self.window_value)
        slip.addRow(self.tr("Handed at"), self.handed_value)
        slip.addRow(self.tr("Party"), self.party_value)
        slip.addRow(self.tr("Other party"), self.other_value)
        slip.addRow(self.tr("Claim in brief"), self.claim_value)
        slip.addRow(self.tr("Laws explained"), self.laws_value)

        self.visit_box = QGroupBox(self.tr("The visit"))
        visit = QFormLayout(self.visit_box)
        self.withheld_label = QLabel(
            self.tr(
                "This visit is a report or accusation: its content is not shown at the court. "
                "Work from the slip and ask the party in person."
            )
        )
        self.withheld_label.setObjectName("withheld")
        self.withheld_label.setStyleSheet("color: #8a4b00; font-weight: bold;")
        self.visit_value = QLabel()
        self.visitor_value = QLabel()
        self.contact_value = QLabel()
        self.summary_value = QLabel()
        self.request_value = QLabel()
        self.facts_value = QLabel()
        self.reasons_value = QLabel()
        visit.addRow(self.withheld_label)
        visit.addRow(self.tr("Visit"), self.visit_value)
        visit.addRow(self.tr("Visitor"), self.visitor_value)
        visit.addRow(self.tr("Contact"), self.contact_value)
        visit.addRow(self.tr("Summary"), self.summary_value)
        visit.addRow(self.tr("Request"), self.request_value)
        visit.addRow(self.tr("Facts"), self.facts_value)
        visit.addRow(self.tr("Reasons"), self.reasons_value)
        self.values = [
            self.number_value,
            self.barcode_value,
            self.window_value,
            self.handed_value,
            self.party_value,
            self.other_value,
            self.claim_value,
            self.laws_value,
            self.visit_value,
            self.visitor_value,
            self.contact_value,
            self.summary_value,
            self.request_value,
            self.facts_value,
            self.reasons_value,
        ]
        for label in self.values:
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.accept_button = QPushButton(self.tr("&Accept"))
        self.accept_button.setToolTip(
            self.tr("Take the matter over: a court file opens at reception")
        )
        self.accept_button.clicked.connect(self.accept_shown)
        self.slip_button = QPushButton(self.tr("Hand-over &slip (PDF)"))
        self.slip_button.clicked.connect(self._want_slip)
        self.print_button = QPushButton(self.tr("Print the slip…"))
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.setToolTip(QKeySequence(QKeySequence.StandardKey.Print).toString())
        self.print_button.clicked.connect(self._want_print)
        self.reason_edit = text_box(2)
        self.reason_edit.setPlaceholderText(
            self.tr("Why the court returns it; the window sees this reason")
        )
        # The one error display: the reason marked, its message under it, and a line under
        # the field counting what is left to fix.
        self.problem_label = QLabel()
        self.errors = FormErrors(self.problem_label)
        reason_cell = self.errors.field("reason", self.reason_edit)
        self.reason_message = self.errors.messages["reason"]
        self.return_button = QPushButton(self.tr("Re&turn to the window"))
        self.return_button.clicked.connect(self.return_shown)
        reason_label = QLabel(self.tr("&Reason for returning"))
        reason_label.setBuddy(reason_cell)

        actions = QHBoxLayout()
        actions.addWidget(self.accept_button)
        actions.addWidget(self.slip_button)
        actions.addWidget(self.print_button)
        actions.addStretch(1)
        returning = QHBoxLayout()
        returning.addWidget(reason_cell, 1)
        returning.addWidget(self.return_button, 0, Qt.AlignmentFlag.AlignTop)

        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self.slip_box)
        column.addWidget(self.visit_box)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(scroll, 1)
        detail_layout.addLayout(actions)
        detail_layout.addWidget(reason_label)
        detail_layout.addLayout(returning)
        detail_layout.addWidget(self.problem_label)
        return detail

    # -- reading --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the inbox again, keeping the hand-off picked if it is still waiting."""
        user = self.ctx.user
        handoffs = (
            Operation(self, self.ctx.database, lambda s: court.inbox(s, user), read_only=True)
            .failure(self._tell)
            .run()
        )
        if handoffs is None:
            return
        self.handoffs = handoffs
        keep = self.shown.id if self.shown is not None else None
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.handoffs))
        for row, handoff in enumerate(self.handoffs):
            cells = (
                handoff.number,
                stamp(handoff.handed_at),
                handoff.window_name,
                handoff.party,
                handoff.other_party,
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.blockSignals(False)
        self.empty_label.setVisible(not self.handoffs)
        ids = [h.id for h in self.handoffs]
        if keep in ids:
            # Still shown as it was: reading it again would log a confidential visit's opening
            # that the clerk did not make.
            self.table.blockSignals(True)
            self.table.selectRow(ids.index(keep))
            self.table.blockSignals(False)
        else:
            self.table.clearSelection()
            self._show(None)
        self.refreshed.emit()

    def count(self) -> int:
        return len(self.handoffs)

    def pick(self, handoff_id: int) -> bool:
        """Show the waiting hand-off (the scanner found it); False if it is not waiting."""
        ids = [h.id for h in self.handoffs]
        if handoff_id not in ids:
            return False
        row = ids.index(handoff_id)
        if self.shown is not None and self.shown.id == handoff_id:
            return True
        self.table.selectRow(row)
        return True

    def _picked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self._show(None)
            return
        handoff = self.handoffs[rows[0].row()]
        user = self.ctx.user
        # Opening an accusation is logged, so the visit is read in a writing unit of work.
        visit = (
            Operation(self, self.ctx.database, lambda s: court.handed_visit(s, handoff.id, user))
            .failure(self._tell)
            .run()
        )
        if visit is None:
            return
        self._show(handoff, visit)

    def _show(
        self, handoff: court.HandoffView | None, visit: court.HandedVisit | None = None
    ) -> None:
        self.shown = handoff
        # A mark was about returning the one shown before.
        self.errors.clear()
        present = handoff is not None
        for widget in (
            self.accept_button,
            self.slip_button,
            self.print_button,
            self.return_button,
            self.reason_edit,
        ):
            widget.setEnabled(present)
        if handoff is None or visit is None:
            for label in self.values:
                label.clear()
            self.withheld_label.hide()
            self.slip_box.setTitle(self.tr("Hand-over slip"))
            return
        self.slip_box.setTitle(self.tr("Hand-over slip {number}").format(number=handoff.number))
        self.number_value.setText(handoff.number)
        self.barcode_value.setText(handoff.barcode)
        self.window_value.setText(
            self.tr("{window}, handed by {officer}").format(
                window=handoff.window_name, officer=handoff.officer
            )
        )
        self.handed_value.setText(stamp(handoff.handed_at))
        self.party_value.setText(handoff.party)
        self.other_value.setText(handoff.other_party)
        self.claim_value.setText(handoff.claim)
        self.laws_value.setText(handoff.laws_explained or "—")
        self.withheld_label.setVisible(visit.withheld)
        self.visit_value.setText(
            "　".join((visit.visit_code, stamp(visit.registered_at), visit.channel, visit.purpose))
        )
        born = cn_date(visit.birth_date) if visit.birth_date else ""
        self.visitor_value.setText(
            "　".join(p for p in (visit.visitor_name, visit.gender, born) if p)
        )
        self.contact_value.setText("　".join(p for p in (visit.phone, visit.address) if p) or "—")
        self.summary_value.setText(visit.summary or "—")
        self.request_value.setText(visit.request or "—")
        self.facts_value.setText(visit.facts or "—")
        self.reasons_value.setText(visit.reasons or "—")

    # -- acting ---------------------------------------------------------------------------

    def _tell(self, problem: Problem) -> None:
        self.said.emit(problem.message, True)

    def _refused(self, problem: Problem) -> None:
        """An action refused: a bad reason at its field, anything else on the desk's line; the
        rules' refusal may come of a change made elsewhere, so the inbox is read again."""
        if problem.failure is Failure.INVALID and problem.field == "reason":
            self.errors.show_problem(problem)
            return
        self._tell(problem)
        if problem.failure is not Failure.DATABASE_LOST:
            self.refresh()

    def accept_shown(self) -> None:
        handoff = self.shown
        if handoff is None:
            return
        user = self.ctx.user

        def accepted(case_id: int) -> None:
            self.said.emit(
                self.tr(
                    "Accepted {number}: its court file is open at reception; register it next."
                ).format(number=handoff.number),
                False,
            )
            self.refresh()
            self.case_opened.emit(case_id)

        Operation(
            self,
            self.ctx.database,
            lambda s: court.accept_handoff(s, handoff.id, user, now=clock.now()).id,
        ).success(accepted).failure(self._refused).run()

    def return_shown(self) -> None:
        handoff = self.shown
        if handoff is None:
            return
        user, reason = self.ctx.user, self.reason_edit.toPlainText()

        def returned(_: object) -> None:
            self.reason_edit.clear()
            self.errors.clear()
            self.said.emit(
                self.tr("Returned {number} to {window} with the reason.").format(
                    number=handoff.number, window=handoff.window_name
                ),
                False,
            )
            self.refresh()

        Operation(
            self,
            self.ctx.database,
            lambda s: court.return_handoff(s, handoff.id, reason, user),
        ).success(returned).failure(self._refused).run()

    def _want_slip(self) -> None:
        if self.shown is not None:
            self.paper_wanted.emit(Paper.SLIP, self.shown.barcode, self.shown.number)

    def _want_print(self) -> None:
        if self.shown is not None:
            self.print_wanted.emit(Paper.SLIP, self.shown.barcode, self.shown.number)
