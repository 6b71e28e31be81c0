"""法律服务 legal services: the legal question, the law explained, the legal-aid office the
visitor was referred to, whether a lawsuit is the right channel — and the hand-off to the
court in one action (F7)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QPlainTextEdit, QWidget

from db.engine import Database
from hall import outcomes, units
from windows.base import WindowWorkstation
from windows.outcome_form import WindowPanel
from windows.panel_kit import read_quietly


def text_box(placeholder: str, lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(placeholder)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 12)
    return edit


class LegalPanel(WindowPanel):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setTitle(self.tr("Legal service"))
        self.question_edit = text_box(self.tr("What the visitor asks, in legal terms"))
        self.laws_edit = text_box(self.tr("The laws and rules explained, the way to go"))
        self.aid_combo = QComboBox()
        self.aid_combo.setEditable(True)
        self.aid_combo.addItem("")
        self.aid_combo.addItems(
            read_quietly(self, database, lambda s: list(units.legal_aid_offices(s))) or []
        )
        self.aid_combo.setToolTip(self.tr("None, or the legal-aid office referred to"))
        self.litigation_check = QCheckBox(self.tr("A lawsuit is the right &channel"))
        form = QFormLayout(self)
        form.addRow(self.tr("&Question"), self.field("question", self.question_edit))
        form.addRow(self.tr("&Law explained"), self.field("laws", self.laws_edit))
        form.addRow(self.tr("Legal &aid"), self.field("aid_office", self.aid_combo))
        form.addRow("", self.litigation_check)

    def entry(self) -> outcomes.LegalEntry:
        return outcomes.LegalEntry(
            question=self.question_edit.toPlainText(),
            laws=self.laws_edit.toPlainText(),
            aid_office=self.aid_combo.currentText(),
            litigation_advised=self.litigation_check.isChecked(),
        )

    def load(self, card: outcomes.VisitCard | None) -> None:
        # The question usually is what the front desk wrote down; the officer refines it.
        usable = card is not None and not card.withheld
        self.question_edit.setPlainText(card.summary if usable and card else "")
        self.laws_edit.clear()
        self.aid_combo.setCurrentIndex(0)
        self.litigation_check.setChecked(bool(card and card.litigation))

    def first_field(self) -> QWidget:
        return self.question_edit


class LegalWorkstation(WindowWorkstation):
    def make_panel(self) -> WindowPanel:
        return LegalPanel(self.ctx.database)
