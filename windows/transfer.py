"""Sending the visitor at the counter on to another window, with the reason why."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from db.engine import Database
from hall import clock, queue
from kit.fields import ERROR_COLOUR, FieldMessage, with_message
from windows.panel_kit import read_quietly


class TransferDialog(QDialog):
    """Choose the window and say why. The dialog stays open, with what was typed, until the
    transfer is saved: the workstation calls ``refuse()`` if the rules turn it down."""

    submitted = Signal(str, str)  # target window code, reason

    def __init__(
        self, database: Database, ticket_number: str, from_window: str, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Transfer {number}").format(number=ticket_number))
        self.window_combo = QComboBox()
        day = clock.now().date()
        for q in read_quietly(self, database, lambda s: queue.status(s, day)) or []:
            if q.code != from_window:
                self.window_combo.addItem(
                    self.tr("{letter} {name} ({waiting} waiting)").format(
                        letter=q.letter, name=q.name, waiting=q.waiting
                    ),
                    q.code,
                )
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("Why the visitor goes there"))
        self.reason_message = FieldMessage(self.reason_edit)
        self.refusal_label = QLabel()
        self.refusal_label.setWordWrap(True)
        self.refusal_label.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.refusal_label.hide()

        self.transfer_button = QPushButton(self.tr("Transfer"))
        self.transfer_button.setDefault(True)
        self.transfer_button.clicked.connect(self._submit)
        self.close_button = QPushButton(self.tr("Back"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.transfer_button)

        form = QFormLayout(self)
        form.addRow(self.tr("To &window"), self.window_combo)
        form.addRow(self.tr("&Reason"), with_message(self.reason_edit, self.reason_message))
        form.addRow(self.refusal_label)
        form.addRow(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        self.reason_edit.setFocus()

    def _submit(self) -> None:
        self.refusal_label.hide()
        if self.window_combo.currentIndex() < 0:
            self.refuse(self.tr("There is no other window to transfer to."))
            return
        reason = self.reason_edit.text().strip()
        if not reason:
            self.reason_message.show_error(
                self.tr("Please say why the visitor is transferred; the next window reads it.")
            )
            self.reason_edit.setFocus()
            return
        self.reason_message.clear()
        self.submitted.emit(self.window_combo.currentData(), reason)

    def refuse(self, message: str) -> None:
        """Show why the transfer was not saved, keeping the choice and the reason."""
        self.refusal_label.setText(message)
        self.refusal_label.show()
