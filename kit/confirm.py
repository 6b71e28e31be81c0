"""Asking before an act that cannot be undone (受理, 不予受理, 办结, 移交法庭, 取消此号, clearing a
filled form): a question that names what will happen, answered with a button that names the act
or with 返回, which is the default so that a stray Enter changes nothing."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget


def ask_box(box: QMessageBox, act: QAbstractButton) -> bool:
    """Show the question and wait for the answer: True when ``act`` was pressed. (Tests
    answer here in place of a person.)"""
    box.exec()
    return box.clickedButton() is act


def confirm(parent: QWidget, title: str, text: str, action_label: str) -> bool:
    """Ask ``text`` (what will happen, and that it cannot be undone); True when the user
    chose ``action_label``."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton)
    box.setParent(parent, box.windowFlags())
    act = box.addButton(action_label, QMessageBox.ButtonRole.AcceptRole)
    back = box.addButton(
        QCoreApplication.translate("Confirm", "Go back"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(back)
    box.setEscapeButton(back)
    try:
        return ask_box(box, act)
    finally:
        box.deleteLater()
