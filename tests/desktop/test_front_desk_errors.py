"""The front desk's count of problems follows the fields as the receptionist fixes them, and
a text box's red border goes once its text is changed."""

from __future__ import annotations

from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from db.engine import Database
from tests.desktop.test_front_desk import (  # noqa: F401
    ALICE_ID,
    chinese,
    choose,
    open_desk,
    press_f9_refused,
)
from tests.windows.helpers import type_text


def test_the_count_of_problems_goes_down_as_each_is_fixed(hall_db: Database, qtbot: QtBot) -> None:
    desk = open_desk(qtbot, hall_db)
    QTest.keyClicks(desk.id_edit, ALICE_ID)
    QTest.keyClicks(desk.phone_edit, "1380398")
    type_text(qtbot, desk.summary_edit, "农民工工资被拖欠三个月")
    choose(desk, "A")
    press_f9_refused(qtbot, desk)
    assert desk._messages["name"].is_error and desk._messages["phone"].is_error
    assert desk.status_label.text() == "有 2 处需要修改（已标红），本次登记没有保存。"

    type_text(qtbot, desk.name_edit, "张秀英")
    assert not desk._messages["name"].is_error
    assert desk.status_label.text() == "有 1 处需要修改（已标红），本次登记没有保存。"

    QTest.keyClicks(desk.phone_edit, "1234")
    assert not desk._messages["phone"].is_error
    assert desk.status_label.text() == "已标红的各处都已改好：请再按“发号”。"
