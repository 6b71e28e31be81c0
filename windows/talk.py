"""交流谈心 heart-to-heart: who received the visitor (often the leader on duty), their state of
mind at the start and at the end, what was agreed; a follow-up is offered by default. At leader
reception (领导接访) the leader's instruction (批示) on the visit assigns it (交办) at once."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from db.window_models import MOOD_NAMES
from hall import clock, outcomes, roster
from hall.mechanisms import meetings
from kit.context import AppContext
from kit.operations import Operation
from windows.base import WindowWorkstation
from windows.legal import text_box
from windows.mechanisms.instruction import InstructionDialog, visit_subject
from windows.outcome_form import WindowPanel
from windows.panel_kit import read_quietly


class TalkPanel(WindowPanel):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setTitle(self.tr("Heart-to-heart talk"))
        self.ctx = ctx
        self.database = ctx.database
        self.officer = ctx.user.name
        self.card: outcomes.VisitCard | None = None
        self.duty_leader = ""
        self.instruction: InstructionDialog | None = None
        self.received_combo = QComboBox()
        self.received_combo.setEditable(True)
        self.mood_start_combo = QComboBox()
        self.mood_end_combo = QComboBox()
        for combo in (self.mood_start_combo, self.mood_end_combo):
            combo.addItem(self.tr("(not noted)"), "")
            for code, name in MOOD_NAMES.items():
                combo.addItem(name, code)
        self.agreed_edit = text_box(self.tr("What was agreed with the visitor, and by whom"))
        moods = QHBoxLayout()
        moods.setContentsMargins(0, 0, 0, 0)
        moods.addWidget(self.field("mood_start", self.mood_start_combo))
        moods.addWidget(QLabel("→"))
        moods.addWidget(self.field("mood_end", self.mood_end_combo))
        moods.addStretch(1)
        mood_cell = QWidget()
        mood_cell.setLayout(moods)
        form = QFormLayout(self)
        form.addRow(self.tr("&Received by"), self.field("received_by", self.received_combo))
        form.addRow(self.tr("&Mood: start → end"), mood_cell)
        form.addRow(self.tr("&Agreed"), self.field("agreed", self.agreed_edit))
        self.instruct_button = QPushButton(self.tr("Leader's &instruction (批示)…"))
        self.instruct_button.setToolTip(
            self.tr("The leader assigns the matter to a unit with a deadline (交办)")
        )
        self.instruct_button.setEnabled(False)
        self.instruct_button.clicked.connect(self.instruct)
        form.addRow("", self.instruct_button)

    def entry(self) -> outcomes.TalkEntry:
        return outcomes.TalkEntry(
            received_by=self.received_combo.currentText(),
            mood_start=str(self.mood_start_combo.currentData()),
            mood_end=str(self.mood_end_combo.currentData()),
            agreed=self.agreed_edit.toPlainText(),
        )

    def load(self, card: outcomes.VisitCard | None) -> None:
        """The leader on duty today first (领导接访), then the officer."""
        self.card = card
        self.instruct_button.setEnabled(card is not None)
        self.received_combo.clear()
        day = clock.now().date()
        leader = read_quietly(self, self.database, lambda s: roster.duty_leader(s, day))
        self.duty_leader = leader.name if leader is not None else ""
        if leader is not None:
            title = f"（{leader.title}）" if leader.title else ""
            self.received_combo.addItem(f"{leader.name}{title}")
        self.received_combo.addItem(self.officer)
        self.received_combo.setCurrentIndex(0)
        self.mood_start_combo.setCurrentIndex(0)
        self.mood_end_combo.setCurrentIndex(0)
        self.agreed_edit.clear()

    def first_field(self) -> QWidget:
        return self.received_combo

    def instruct(self) -> InstructionDialog | None:
        """The 批示 dialog for the visit in hand, the leaders and units read first."""
        card = self.card
        if card is None:
            return None
        self.instruction = None

        def show(found: meetings.Choices) -> None:
            self.instruction = InstructionDialog(
                self.ctx, visit_subject(card), found, self, self.duty_leader
            )
            self.instruction.open()

        Operation(self, self.database, meetings.choices, read_only=True).success(show).run()
        return self.instruction


class TalkWorkstation(WindowWorkstation):
    # A talk is followed up unless the officer says otherwise.
    follow_up_by_default = True

    def make_panel(self) -> WindowPanel:
        return TalkPanel(self.ctx)
