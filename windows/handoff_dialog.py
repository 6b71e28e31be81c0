"""Handing the visitor at the counter to the circuit court: the officer confirms the parties
and the claim the hand-over slip (移交单) carries; the court's inbox gets it on saving. The
hand-off finishes the service, so the visitor's rating is asked here as at any finish."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from hall import court
from kit.form_errors import FormErrors
from windows.outcome_form import RatingRow


class HandoffDialog(QDialog):
    """Stays open, with what was typed, until the hand-off is saved: the workstation calls
    :meth:`refuse` if the rules turn it down. Mistakes show as on every form: each field
    marked with its message under it, and a line above the buttons counting what is left."""

    submitted = Signal(object)  # hall.court.HandoffBrief

    def __init__(
        self,
        ticket_number: str,
        brief: court.HandoffBrief,
        parent: QWidget,
        score: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hand {number} to the court").format(number=ticket_number))
        self.party_edit = QLineEdit(brief.party)
        self.other_party_edit = QLineEdit(brief.other_party)
        self.other_party_edit.setPlaceholderText(self.tr("The other side: a person or a company"))
        self.claim_edit = QPlainTextEdit(brief.claim)
        self.claim_edit.setTabChangesFocus(True)
        self.claim_edit.setPlaceholderText(self.tr("What the visitor asks the court for, briefly"))
        # What is still to fix, counted as the fields are fixed, or a refusal about no field.
        self.problem_label = QLabel()
        self.errors = FormErrors(self.problem_label)
        self.messages = self.errors.messages
        note = QLabel(
            self.tr(
                "The visit is finished as handed to the court; the court's inbox receives it "
                "with its hand-over slip."
            )
        )
        note.setWordWrap(True)
        # What the officer pressed at the counter comes along; the visitor may say it here.
        self.rating_row = RatingRow()
        self.rating_row.set_score(score)
        rating_note = QLabel(
            self.tr("Leave the rating up to let the visitor rate it on the evaluator.")
        )
        rating_note.setWordWrap(True)

        self.hand_button = QPushButton(self.tr("Hand to the court"))
        self.hand_button.setDefault(True)
        self.hand_button.clicked.connect(self._submit)
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.hand_button)

        form = QFormLayout(self)
        form.addRow(note)
        form.addRow(self.tr("&Party"), self.errors.field("party", self.party_edit))
        form.addRow(
            self.tr("&Other party"), self.errors.field("other_party", self.other_party_edit)
        )
        form.addRow(self.tr("&Claim"), self.errors.field("claim", self.claim_edit))
        form.addRow(self.tr("Visitor's rating"), self.rating_row)
        form.addRow("", rating_note)
        form.addRow(self.problem_label)
        form.addRow(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        (self.other_party_edit if brief.party else self.party_edit).setFocus()

    def score(self) -> str | None:
        return self.rating_row.score()

    def brief(self) -> court.HandoffBrief:
        return court.HandoffBrief(
            party=self.party_edit.text(),
            other_party=self.other_party_edit.text(),
            claim=self.claim_edit.toPlainText(),
        )

    def _submit(self) -> None:
        problems = court.check_brief(self.brief())
        if problems:
            self.errors.show(problems)
            # Messages that appeared need room: the dialog grows to show them whole.
            self.adjustSize()
            return
        self.errors.clear()
        self.submitted.emit(self.brief())

    def refuse(self, text: str) -> None:
        """The hand-off was turned down: said above the buttons, everything typed kept."""
        self.errors.say(text, error=True)
        self.adjustSize()
