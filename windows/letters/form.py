"""Registering a letter: the sender, the envelope (date received, postmark, pages), the scans
chosen from disk, and the same matter fields as a visit.

The form is read into ``hall.letters.LetterRegistration`` and saved in one unit of work; a
refusal is shown at its field and nothing typed is cleared. When the sender already has an
open (or finally closed) matter of the same kind, the rules refuse to open it twice: the form
then shows those cases and offers to link the letter to one, or — after the officer has
checked — to register it as a new matter.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.engine import Session
from hall import case_views, catalog, clock, letters
from hall.case_views import LetterOutcome
from hall.errors import InvalidInput
from kit.context import AppContext
from kit.dates import date_edit, to_qdate
from kit.form_errors import FormErrors
from kit.operations import Operation, Request
from windows.letters.common import fill_units, to_date

CONFIDENTIAL_PURPOSE = "report"
OLDEST_LETTER = dt.date(2000, 1, 1)
W = TypeVar("W", bound=QWidget)


class LetterForm(QWidget):
    """The form for one letter; ``registered`` carries the case it opened or was linked to."""

    registered = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.attachments: list[letters.Attachment] = []
        self.file_dialog: QFileDialog | None = None
        # Kept until the registration is known done, so pressing again after a lost
        # connection does not register the letter twice.
        self.register_request = Request("letter.register")
        self.link_request = Request("letter.link")

        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        columns = QHBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        # The summary of the form's mistakes, and what was saved: under the form, always in view.
        self.message = QLabel()
        self.message.setObjectName("letterMessage")
        self.errors = FormErrors(self.message)
        self.fields: dict[str, QWidget] = {}
        sender = QGroupBox(self.tr("Sender and envelope"))
        sender_form = QFormLayout(sender)
        self.sender_name = self._field(
            sender_form, "sender_name", self.tr("Sender's &name"), QLineEdit()
        )
        self.sender_id = self._field(
            sender_form, "sender_id_number", self.tr("ID number"), QLineEdit()
        )
        self.sender_phone = self._field(sender_form, "sender_phone", self.tr("Phone"), QLineEdit())
        self.sender_address = self._field(
            sender_form, "sender_address", self.tr("Address"), QLineEdit()
        )
        today = clock.now().date()
        self.received_on = self._field(
            sender_form,
            "received_on",
            self.tr("Date received"),
            date_edit(today, latest=today, earliest=OLDEST_LETTER),
        )
        postmark_row = QWidget()
        postmark_layout = QHBoxLayout(postmark_row)
        postmark_layout.setContentsMargins(0, 0, 0, 0)
        self.has_postmark = QCheckBox(self.tr("legible"))
        self.has_postmark.setChecked(True)
        self.postmarked_on = date_edit(today, latest=today, earliest=OLDEST_LETTER)
        self.has_postmark.toggled.connect(self.postmarked_on.setEnabled)
        postmark_layout.addWidget(self.errors.field("postmarked_on", self.postmarked_on), 1)
        postmark_layout.addWidget(self.has_postmark, 0, Qt.AlignmentFlag.AlignTop)
        self.fields["postmarked_on"] = self.postmarked_on
        sender_form.addRow(self.tr("Postmark date"), postmark_row)
        self.pages = QSpinBox()
        self.pages.setRange(1, letters.MAX_PAGES)
        self._field(sender_form, "pages", self.tr("Pages"), self.pages)

        scans = QWidget()
        scans_layout = QVBoxLayout(scans)
        scans_layout.setContentsMargins(0, 0, 0, 0)
        self.attachment_list = QListWidget()
        self.attachment_list.setObjectName("attachments")
        self.attachment_list.setMaximumHeight(90)
        scans_layout.addWidget(self.errors.field("attachments", self.attachment_list))
        scan_buttons = QHBoxLayout()
        self.add_scan_button = QPushButton(self.tr("Add &scans…"))
        self.add_scan_button.clicked.connect(self.choose_scans)
        self.remove_scan_button = QPushButton(self.tr("Remove"))
        self.remove_scan_button.clicked.connect(self.remove_scan)
        scan_buttons.addWidget(self.add_scan_button)
        scan_buttons.addWidget(self.remove_scan_button)
        scans_layout.addLayout(scan_buttons)
        self.fields["attachments"] = self.attachment_list
        sender_form.addRow(self.tr("Scans (PDF or images)"), scans)
        columns.addWidget(sender, 1, Qt.AlignmentFlag.AlignTop)

        matter = QGroupBox(self.tr("The matter"))
        matter_form = QFormLayout(matter)
        self.purpose = QComboBox()
        for code, name in catalog.PURPOSES.items():
            self.purpose.addItem(name, code)
        self.purpose.setCurrentIndex(self.purpose.findData("request"))
        self.purpose.currentIndexChanged.connect(self._purpose_changed)
        self._field(matter_form, "purpose", self.tr("Purpose"), self.purpose)
        self.summary = self._text(matter_form, "summary", self.tr("S&ummary"))
        self.request = self._text(matter_form, "request", self.tr("Request"))
        self.facts = self._text(matter_form, "facts", self.tr("Facts"))
        self.reasons = self._text(matter_form, "reasons", self.tr("Reasons"))
        flags = QHBoxLayout()
        self.litigation = QCheckBox(self.tr("Litigation-related"))
        self.urgent = QCheckBox(self.tr("Urgent"))
        flags.addWidget(self.litigation)
        flags.addWidget(self.urgent)
        flags.addStretch(1)
        matter_form.addRow("", flags)
        self.accused_unit = QComboBox()
        self._field(matter_form, "accused_unit", self.tr("Accused unit"), self.accused_unit)
        self.accused = self._field(matter_form, "accused", self.tr("Accused persons"), QLineEdit())
        columns.addWidget(matter, 1, Qt.AlignmentFlag.AlignTop)

        outer.addWidget(self.message)

        self.repeat_box = QGroupBox(self.tr("The sender already has this kind of matter"))
        repeat_layout = QVBoxLayout(self.repeat_box)
        self.open_cases = QListWidget()
        self.open_cases.setObjectName("openCases")
        self.open_cases.setMaximumHeight(80)
        repeat_layout.addWidget(self.open_cases)
        repeat_buttons = QHBoxLayout()
        self.link_button = QPushButton(self.tr("&Link the letter to this case"))
        self.link_button.clicked.connect(self.link_to_case)
        self.new_matter_button = QPushButton(self.tr("I checked: this is a ne&w matter"))
        self.new_matter_button.clicked.connect(lambda: self.register(new_matter=True))
        repeat_buttons.addWidget(self.link_button)
        repeat_buttons.addWidget(self.new_matter_button)
        repeat_buttons.addStretch(1)
        repeat_layout.addLayout(repeat_buttons)
        self.repeat_box.hide()
        outer.addWidget(self.repeat_box)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.clicked.connect(self.clear)
        self.register_button = QPushButton(self.tr("&Register letter (Ctrl+S)"))
        self.register_button.setShortcut(QKeySequence("Ctrl+S"))
        self.register_button.clicked.connect(lambda: self.register())
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.register_button)
        outer.addLayout(buttons)

        self.reload_units()
        self._purpose_changed()
        # A text field is checked as the officer leaves it, by the same rules as on saving.
        self.errors.check_on_leave(lambda: letters.validate(self.letter(), clock.now().date()))

    # -- building ---------------------------------------------------------------------------

    def _field(self, form: QFormLayout, name: str, label: str, widget: W) -> W:
        self.fields[name] = widget
        form.addRow(label, self.errors.field(name, widget))
        return widget

    def _text(self, form: QFormLayout, name: str, label: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(64)
        return self._field(form, name, label, edit)

    def reload_units(self) -> None:
        fill_units(self.accused_unit, self.ctx.database)
        self.accused_unit.insertItem(0, self.tr("(none)"), None)
        self.accused_unit.setCurrentIndex(0)

    def _purpose_changed(self) -> None:
        confidential = self.purpose.currentData() == CONFIDENTIAL_PURPOSE
        self.accused_unit.setEnabled(confidential)
        self.accused.setEnabled(confidential)

    # -- scans ------------------------------------------------------------------------------

    def choose_scans(self) -> QFileDialog:
        dialog = QFileDialog(
            self,
            self.tr("Choose the letter's scans"),
            str(Path.home()),
            self.tr("Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)"),
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.filesSelected.connect(self.add_scans)
        dialog.finished.connect(dialog.deleteLater)
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def add_scans(self, paths: list[str]) -> None:
        for path in paths:
            try:
                content = Path(path).read_bytes()
            except OSError as error:
                self.errors.show(
                    [
                        InvalidInput(
                            self.tr("Could not read {path}: {error}").format(
                                path=path, error=error.strerror
                            ),
                            "attachments",
                        )
                    ]
                )
                continue
            self.attachments.append(letters.Attachment(letters.file_name(path), content))
            size = len(content) / 1024
            self.attachment_list.addItem(
                QListWidgetItem(f"{letters.file_name(path)}　{size:.0f} KB")
            )

    def remove_scan(self) -> None:
        row = self.attachment_list.currentRow()
        if row >= 0:
            self.attachment_list.takeItem(row)
            del self.attachments[row]

    # -- saving -----------------------------------------------------------------------------

    def letter(self) -> letters.LetterRegistration:
        accused_unit = self.accused_unit.currentData()
        return letters.LetterRegistration(
            sender_name=self.sender_name.text(),
            sender_id_number=self.sender_id.text(),
            sender_phone=self.sender_phone.text(),
            sender_address=self.sender_address.text(),
            received_on=to_date(self.received_on.date()),
            postmarked_on=to_date(self.postmarked_on.date())
            if self.has_postmark.isChecked()
            else None,
            pages=self.pages.value(),
            purpose=str(self.purpose.currentData()),
            summary=self.summary.toPlainText(),
            request=self.request.toPlainText(),
            facts=self.facts.toPlainText(),
            reasons=self.reasons.toPlainText(),
            litigation=self.litigation.isChecked(),
            urgent=self.urgent.isChecked(),
            accused_unit_id=int(accused_unit) if accused_unit is not None else None,
            accused=self.accused.text(),
            attachments=list(self.attachments),
        )

    def register(self, new_matter: bool = False) -> None:
        letter = self.letter()
        problems = letters.validate(letter, clock.now().date())
        if problems:
            self.errors.show(problems)
            return
        self.errors.clear()
        user = self.ctx.user

        def register(s: Session) -> LetterOutcome:
            return case_views.register_letter(s, letter, user, new_matter=new_matter)

        def replay(s: Session, case_id: int | None) -> LetterOutcome:
            # A refused attempt wrote nothing: asking again gives the same answer.
            return register(s) if case_id is None else case_views.letter_outcome(s, case_id)

        Operation(self, self.ctx.database, register).once(
            self.register_request, key=lambda outcome: outcome.case_id, replay=replay
        ).success(self._registered).failure(self.errors.show_problem).run()

    def _registered(self, outcome: LetterOutcome) -> None:
        if outcome.case_id is None:
            self._show_repeat(outcome)
            return
        self._saved(
            outcome.case_id,
            self.tr("Letter registered as case {number}.").format(number=outcome.number),
        )

    def _show_repeat(self, outcome: LetterOutcome) -> None:
        """Show the refusal and the sender's open cases the letter may belong to."""
        self.errors.say(outcome.refusal, error=True)
        self.open_cases.clear()
        matters = outcome.matters
        for matter in matters:
            text = self.tr("{number}　{state}　open until {date}").format(
                number=matter.number, state=matter.state_name, date=matter.open_until.isoformat()
            )
            if matter.overdue:
                text += self.tr("　(overdue)")
            item = QListWidgetItem(text)
            item.setData(256, matter.case_id)
            self.open_cases.addItem(item)
        if matters:
            self.open_cases.setCurrentRow(0)
        self.link_button.setEnabled(bool(matters))
        self.repeat_box.show()
        (self.link_button if matters else self.new_matter_button).setFocus()

    def link_to_case(self) -> None:
        item = self.open_cases.currentItem()
        if item is None:
            return
        case_id = int(item.data(256))
        letter, user = self.letter(), self.ctx.user
        Operation(
            self, self.ctx.database, lambda s: case_views.link_letter(s, case_id, letter, user)
        ).once(self.link_request, key=lambda outcome: outcome.case_id, replay=_linked).success(
            lambda outcome: self._saved(
                case_id,
                self.tr("Letter linked to case {number} as a repeat.").format(
                    number=outcome.number
                ),
            )
        ).failure(self.errors.show_problem).run()

    def _saved(self, case_id: int, message: str) -> None:
        self.clear()
        self.errors.say(message)
        self.message.setStyleSheet("color: #1b5e20;")
        self.registered.emit(case_id)

    def clear(self) -> None:
        """Empty the form for the next letter (only after it was saved, or on request)."""
        for edit in (
            self.sender_name,
            self.sender_id,
            self.sender_phone,
            self.sender_address,
            self.accused,
        ):
            edit.clear()
        for text in (self.summary, self.request, self.facts, self.reasons):
            text.clear()
        today = to_qdate(clock.now().date())
        self.received_on.setDate(today)
        self.postmarked_on.setDate(today)
        self.has_postmark.setChecked(True)
        self.pages.setValue(1)
        self.purpose.setCurrentIndex(self.purpose.findData("request"))
        self.litigation.setChecked(False)
        self.urgent.setChecked(False)
        self.accused_unit.setCurrentIndex(0)
        self.attachments.clear()
        self.attachment_list.clear()
        self.open_cases.clear()
        self.repeat_box.hide()
        self.errors.clear()
        self.sender_name.setFocus()


def _linked(s: Session, case_id: int | None) -> LetterOutcome:
    assert case_id is not None, "a link is recorded with its case"
    return case_views.letter_outcome(s, case_id)
