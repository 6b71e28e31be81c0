"""Answering the questions asked before acts that cannot be undone (``kit.confirm``) in place of
a person: each question is kept for the test to read and answered with ``answer``."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QMessageBox

from kit import confirm


class Questions:
    def __init__(self) -> None:
        self.asked: list[str] = []
        # (title, act's button) of each question, beside its text.
        self.buttons: list[tuple[str, str]] = []
        self.answer = True

    def ask(self, box: QMessageBox, act: QAbstractButton) -> bool:
        self.asked.append(box.text())
        self.buttons.append((box.windowTitle(), act.text()))
        return self.answer


def answer_questions(monkeypatch: pytest.MonkeyPatch) -> Questions:
    """Questions answered by the returned :class:`Questions` for the rest of the test."""
    answering = Questions()
    monkeypatch.setattr(confirm, "ask_box", answering.ask)
    return answering
