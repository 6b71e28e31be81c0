"""The weekly meeting's decision form on the one error display (issue 16), on both databases:
a decision's mistakes marked at their fields and counted as it is put in the sitting, the count
following the fixes; the chair's mistake marked when the sitting is saved; nothing typed lost."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from hall.mechanisms import disputes
from kit.context import AppContext
from tests.desktop.conftest import type_text
from tests.hall.mechanisms.helpers import entry, prepare
from windows.mechanisms.meeting import MeetingView


def marked(view: MeetingView) -> set[str]:
    return {name for name, message in view.errors.messages.items() if message.is_error}


def test_a_decision_s_mistakes_are_marked_and_counted_as_they_are_fixed(
    qtbot: QtBot, chinese: None, admin_ctx: AppContext
) -> None:
    prepare(admin_ctx.database)
    with admin_ctx.database.write() as s:
        disputes.register(s, entry(parties="张三"), "window")
    view = MeetingView(admin_ctx)
    qtbot.addWidget(view)
    view.show()
    view.agenda_table.selectRow(0)
    view.leader.setCurrentIndex(view.leader.findText("李红"))
    # No one keeping it stable, and a category longer than its 32 characters.
    type_text(qtbot, view.category, "宅基地" * 11)
    view.decide()
    assert marked(view) == {"keeper", "category"}
    assert view.problem_label.isVisible()
    assert view.problem_label.text() == "有 2 处需要修改（已标红），没有保存。"
    assert view.errors.messages["keeper"].text() == "请填写稳控责任人。"
    assert view.agenda_table.item(0, 6).text() == ""  # type: ignore[union-attr]

    type_text(qtbot, view.keeper, "刘稳")
    assert marked(view) == {"category"}
    assert view.problem_label.text() == "有 1 处需要修改（已标红），没有保存。"
    view.category.selectAll()
    QTest.keyClick(view.category, Qt.Key.Key_Delete)
    assert marked(view) == set() and not view.problem_label.isVisible()
    view.decide()
    assert view.message.text() == "本次例会已列入 1 件交办。"
    assert view.agenda_table.item(0, 6).text().startswith("李红")  # type: ignore[union-attr]

    # The chair's name is the sitting's: too long, it is marked when the sitting is saved.
    type_text(qtbot, view.chair, "主持" * 17)
    view.hold()
    assert marked(view) == {"chair"}
    assert view.problem_label.text() == "有 1 处需要修改（已标红），没有保存。"
    assert view.agenda_table.rowCount() == 1 and view.chair.text() == "主持" * 17
