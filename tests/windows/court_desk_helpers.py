"""What the tests of the clerk's desk share: the hall's people, a logged-in context, the desk
opened and shown, and a user's ways with its forms (drop-downs, the save dialog)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from db.engine import Database
from hall import users
from kit.context import AppContext, HallEvents, Workstation
from tests.windows.helpers import show
from windows import open_workstation
from windows.court import ClerkDesk
from windows.court.papers import PaperSaver


def ctx_of(db: Database, login: str, events: HallEvents | None = None) -> AppContext:
    """``login`` (one of tests.hall.court_helpers.PEOPLE) logged in at a workstation."""
    with db.read() as s:
        user = users.by_login(s, login)
    codes = list(users.window_codes(user))
    return AppContext(
        db, user, events or HallEvents(), Workstation(window=codes[0] if codes else None, seat=1)
    )


def open_desk(qtbot: QtBot, ctx: AppContext) -> ClerkDesk:
    desk = open_workstation(ctx, "court")
    assert isinstance(desk, ClerkDesk)
    show(qtbot, desk)
    desk.resize(1400, 860)
    return desk


def click(widget: QPushButton) -> None:
    assert widget.isEnabled(), f"{widget.text()} is disabled"
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def pick(combo: QComboBox, text: str) -> None:
    """Choose ``text`` from a drop-down with the arrow keys, as a user does."""
    target = combo.findText(text)
    assert target >= 0, f"{text!r} is not among {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setFocus()
    while combo.currentIndex() < target:
        QTest.keyClick(combo, Qt.Key.Key_Down)
    while combo.currentIndex() > target:
        QTest.keyClick(combo, Qt.Key.Key_Up)
    assert combo.currentText() == text


def save_as(qtbot: QtBot, saver: PaperSaver, path: Path) -> str:
    """Choose ``path`` in the save dialog the desk opened; the path the paper was saved to.
    (Typing into the dialog's name field pops up its completer, which the offscreen platform
    cannot raise.)"""
    qtbot.waitUntil(lambda: saver.dialog is not None and saver.dialog.isVisible())
    dialog = saver.dialog
    assert dialog is not None
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    assert isinstance(name, QLineEdit) and name.text().endswith(".pdf")
    with qtbot.waitSignal(saver.saved, timeout=30_000) as saved:
        dialog.selectFile(str(path))
        dialog.accept()
    return str(saved.args[0])


def pdf_text(path: Path) -> str:
    """The PDF's text as pdftotext reads it, without white space."""
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return re.sub(r"\s+", "", done.stdout)


def texts(widget: QWidget) -> str:
    """Everything a label under ``widget`` says, for asserting what the user sees."""
    return "\n".join(label.text() for label in widget.findChildren(QLabel) if label.isVisible())
