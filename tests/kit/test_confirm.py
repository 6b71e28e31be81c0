"""The question asked before an act that cannot be undone, answered by pressing its buttons."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from kit.confirm import confirm
from tests.desktop.conftest import chinese, compiled_translations  # noqa: F401

pytestmark = pytest.mark.usefixtures("chinese")


def press_when_asked(label: str | None) -> list[str]:
    """Press the button ``label`` (None: Enter) on the question once it shows; the question
    and its buttons are returned for the test to read."""
    seen: list[str] = []

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, press)
            return
        seen.append(box.text())
        seen.extend(button.text() for button in box.buttons())
        if label is None:
            assert box.defaultButton() is not None
            box.defaultButton().click()
            return
        next(button for button in box.buttons() if button.text() == label).click()

    QTimer.singleShot(0, press)
    return seen


@pytest.mark.parametrize(("pressed", "done"), [("受理", True), ("返回", False), (None, False)])
def test_the_act_happens_only_when_its_button_is_pressed(
    qtbot: QtBot, pressed: str | None, done: bool
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen = press_when_asked(pressed)
    answer = confirm(parent, "受理", "受理信访事项 X0001？受理后不能撤销。", "受理")
    assert answer is done
    assert seen == ["受理信访事项 X0001？受理后不能撤销。", "受理", "返回"]
