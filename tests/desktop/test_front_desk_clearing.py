"""清空表单 on the front desk: a filled form is cleared only when the receptionist confirms, and
Ctrl+Z brings it back, representatives and all, until the next registration."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from db.engine import Database
from tests.desktop.test_front_desk import ALICE_ID, chinese, fill, issue, open_desk  # noqa: F401
from tests.questions import Questions
from tests.windows.helpers import type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SUMMARY = "农民工工资被拖欠三个月，要求帮助追讨"


def test_a_filled_form_is_cleared_only_when_confirmed_and_comes_back_with_ctrl_z(
    hall_db: Database, qtbot: QtBot, questions: Questions
) -> None:
    desk = open_desk(qtbot, hall_db)
    fill(qtbot, desk)
    desk.group_spin.setValue(8)
    desk.representatives.add_row()
    second_name = desk.representatives.edits()[3]
    type_text(qtbot, desk.representatives.edits()[0], "王德明")
    type_text(qtbot, second_name, "李桂兰")
    desk.urgent_check.setChecked(True)

    questions.answer = False
    QTest.mouseClick(desk.clear_button, Qt.MouseButton.LeftButton)
    assert questions.asked == [
        "清空为这位来访人填写的全部内容？内容不会保存；在下一次登记之前，按 Ctrl+Z 可恢复表单。"
    ]
    assert questions.buttons == [("清空表单", "清空表单")]
    assert desk.name_edit.text() == "张秀英"

    questions.answer = True
    QTest.mouseClick(desk.clear_button, Qt.MouseButton.LeftButton)
    assert desk.name_edit.text() == "" and desk.summary_edit.toPlainText() == ""
    assert desk.representatives.row_count() == 1 and not desk.urgent_check.isChecked()
    assert desk.status_label.text() == "表单已清空。按 Ctrl+Z 可恢复。"

    QTest.keyClick(desk.name_edit, Qt.Key.Key_Z, CTRL)
    assert desk.name_edit.text() == "张秀英" and desk.id_edit.text() == ALICE_ID
    assert desk.summary_edit.toPlainText() == SUMMARY and desk.group_spin.value() == 8
    assert [r.name for r in desk.representatives.representatives()] == ["王德明", "李桂兰"]
    assert desk.urgent_check.isChecked()
    assert desk.status_label.text() == "已恢复清空前的表单。"

    # Registered: what was cleared before is gone for good.
    questions.answer = True
    QTest.mouseClick(desk.clear_button, Qt.MouseButton.LeftButton)
    QTest.keyClick(desk.name_edit, Qt.Key.Key_Z, CTRL)
    issue(qtbot, desk)
    QTest.keyClick(desk.name_edit, Qt.Key.Key_Z, CTRL)
    assert desk.name_edit.text() == "" and desk.summary_edit.toPlainText() == ""


def test_an_empty_form_is_cleared_without_a_question(
    hall_db: Database, qtbot: QtBot, questions: Questions
) -> None:
    desk = open_desk(qtbot, hall_db)
    QTest.mouseClick(desk.clear_button, Qt.MouseButton.LeftButton)
    assert questions.asked == [] and desk.status_label.text() == ""


@pytest.mark.usefixtures("questions")
def test_typing_after_a_clear_keeps_ctrl_z_for_the_field(hall_db: Database, qtbot: QtBot) -> None:
    desk = open_desk(qtbot, hall_db)
    fill(qtbot, desk)
    QTest.mouseClick(desk.clear_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, desk.name_edit, "李四")
    QTest.keyClick(desk.name_edit, Qt.Key.Key_Z, CTRL)
    assert desk.summary_edit.toPlainText() == ""
