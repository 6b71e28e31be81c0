"""The court hand-off dialog on the one error display (issue 16), on both databases: every
mistake marked at its field and counted, the count following the fixes, and a refused hand-off
keeping what was typed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from db.engine import Database
from hall import queue
from tests.questions import Questions
from tests.windows.helpers import desk_translation, ticket, type_text
from tests.windows.window_gui import officer_ctx, open_window, register, serve_next, with_units
from windows.base import WindowWorkstation
from windows.handoff_dialog import HandoffDialog


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    with desk_translation():
        yield


def handoff_dialog(qtbot: QtBot, database: Database) -> tuple[WindowWorkstation, HandoffDialog]:
    """王建军 at the legal window, F7 pressed: the slip's dialog with his name and claim."""
    register(with_units(database), "王建军", "legal", summary="农民工工资被拖欠三个月")
    ws = open_window(qtbot, officer_ctx(database, "legal"), "legal")
    serve_next(qtbot, ws)
    QTest.keyClick(ws, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: ws.handoff_dialog is not None and ws.handoff_dialog.isVisible())
    dialog = ws.handoff_dialog
    assert dialog is not None
    return ws, dialog


def marked(dialog: HandoffDialog) -> set[str]:
    return {name for name, message in dialog.messages.items() if message.is_error}


def test_two_mistakes_are_counted_and_the_count_follows_the_fix(
    hall_db: Database, qtbot: QtBot, questions: Questions
) -> None:
    _ws, dialog = handoff_dialog(qtbot, hall_db)
    # The party rubbed out, the other side not yet given.
    dialog.party_edit.setFocus()
    dialog.party_edit.selectAll()
    QTest.keyClick(dialog.party_edit, Qt.Key.Key_Delete)
    QTest.mouseClick(dialog.hand_button, Qt.MouseButton.LeftButton)
    assert questions.asked == [] and dialog.isVisible()
    assert marked(dialog) == {"party", "other_party"}
    assert dialog.problem_label.isVisible()
    assert dialog.problem_label.text() == "有 2 处需要修改（已标红），没有保存。"
    assert dialog.messages["party"].text() and dialog.messages["other_party"].text()
    # Typing the other side withdraws its mark and the count goes down at once.
    type_text(qtbot, dialog.other_party_edit, "某建筑劳务有限公司")
    assert marked(dialog) == {"party"}
    assert dialog.problem_label.text() == "有 1 处需要修改（已标红），没有保存。"
    type_text(qtbot, dialog.party_edit, "王建军")
    assert marked(dialog) == set() and not dialog.problem_label.isVisible()


def test_a_refused_hand_off_keeps_what_was_typed(
    hall_db: Database, qtbot: QtBot, questions: Questions
) -> None:
    ws, dialog = handoff_dialog(qtbot, hall_db)
    type_text(qtbot, dialog.other_party_edit, "某建筑劳务有限公司")
    dialog.claim_edit.setFocus()
    QTest.keyClick(dialog.claim_edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, dialog.claim_edit, "，要求支付工资两万元")
    # Meanwhile the service was finished on another workstation: the hand-off is refused.
    serving = ticket(hall_db, "legal", "A001")
    with hall_db.write() as s:
        queue.finish(s, serving.id)
    QTest.mouseClick(dialog.hand_button, Qt.MouseButton.LeftButton)
    assert len(questions.asked) == 1
    qtbot.waitUntil(dialog.problem_label.isVisible)
    assert dialog.isVisible() and marked(dialog) == set()
    assert dialog.problem_label.text() == ws.message_label.text()
    assert dialog.party_edit.text() == "王建军"
    assert dialog.other_party_edit.text() == "某建筑劳务有限公司"
    assert dialog.claim_edit.toPlainText() == "农民工工资被拖欠三个月，要求支付工资两万元"
