"""The administrator's page for what every calling display in the hall says and shows: the
announcement, the scrolling notice, and how long an unanswered call waits. Hall-wide settings,
kept in the database; ``load()`` reads them and Save writes them."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from db.engine import Database
from db.models import User
from desktop import voice
from hall import catalog
from hall import settings as hall_settings
from kit.operations import Operation


class HallDisplaySettingsDialog(QDialog):
    """What every calling display in the hall says and shows, and how long an unanswered call
    waits before going back to the queue: hall-wide settings, for the administrator. Saving
    tells every display at once (an event in the log)."""

    def __init__(self, database: Database, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.user = user
        self.setWindowTitle(self.tr("Calling display settings for the whole hall"))
        self.voice: voice.Voice | None = None
        form = QFormLayout(self)
        self.template_edit = QLineEdit()
        self.template_edit.setToolTip(
            self.tr(
                "{number}: the ticket number; {window}: the window's name; {location}: where it is"
            )
        )
        self.listen_button = QPushButton(self.tr("&Listen"))
        self.listen_button.clicked.connect(self.listen)
        row = QHBoxLayout()
        row.addWidget(self.template_edit, 1)
        row.addWidget(self.listen_button)
        form.addRow(self.tr("&Announcement"), row)
        self.sample_label = QLabel()
        self.sample_label.setObjectName("sample")
        self.template_edit.textChanged.connect(self._show_sample)
        form.addRow(self.tr("Sounds like"), self.sample_label)
        self.notice_edit = QPlainTextEdit()
        self.notice_edit.setTabChangesFocus(True)
        self.notice_edit.setPlaceholderText(self.tr("Scrolls along the foot of every display"))
        self.notice_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        form.addRow(self.tr("&Notice"), self.notice_edit)
        self.timeout_spin = QSpinBox()
        self.timeout_spin.setRange(0, 240)
        self.timeout_spin.setSuffix(self.tr(" min"))
        self.timeout_spin.setSpecialValueText(self.tr("never (release by hand)"))
        form.addRow(self.tr("Unanswered call goes back to the queue after"), self.timeout_spin)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        form.addRow(self.message_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.resize(720, self.sizeHint().height())
        self.load()

    def load(self) -> None:
        Operation(self, self.database, hall_settings.display_settings, read_only=True).success(
            self._show_settings
        ).failure(lambda problem: self._show_message(problem.message, error=True)).run()

    def _show_settings(self, loaded: hall_settings.DisplaySettings) -> None:
        self.template_edit.setText(loaded.announcement)
        self.notice_edit.setPlainText(loaded.notice)
        self.timeout_spin.setValue(loaded.call_timeout_minutes)

    def sample(self) -> str:
        first = catalog.WINDOWS[0]
        return voice.announcement(
            self.template_edit.text(), f"{first.letter}017", first.name, first.location
        )

    def listen(self) -> None:
        """Read the sample out on this computer, as the displays will."""
        if self.voice is None:
            self.voice = voice.Voice(parent=self)
        if not self.voice.speaking:
            self._show_message(self.voice.problem, error=True)
            return
        self.voice.announce(self.sample())

    def save(self) -> None:
        template = " ".join(self.template_edit.text().split())
        unknown = voice.unknown_placeholders(template)
        if not template or unknown:
            self._show_message(
                self.tr(
                    "The announcement can use {{number}}, {{window}} and {{location}} only; "
                    "not: {unknown}"
                ).format(unknown="、".join(unknown))
                if unknown
                else self.tr("The announcement cannot be empty."),
                error=True,
            )
            self.template_edit.setFocus()
            return
        chosen = hall_settings.DisplaySettings(
            template, self.notice_edit.toPlainText().strip(), self.timeout_spin.value()
        )
        user = self.user
        Operation(
            self, self.database, lambda s: hall_settings.save_display_settings(s, chosen, user)
        ).success(lambda _saved: self.accept()).failure(
            lambda problem: self._show_message(problem.message, error=True)
        ).run()

    def _show_sample(self) -> None:
        self.sample_label.setText(self.sample())

    def _show_message(self, text: str, error: bool = False) -> None:
        self.message_label.setStyleSheet("color: #b00020;" if error else "")
        self.message_label.setText(text)
