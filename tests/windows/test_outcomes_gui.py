"""Every outcome chosen at a workstation lands as the rules record it, on both databases:
resolved, explained, formal case, forwarded, court, follow-up, transferred, no-show (the
explained, forwarded, court and case outcomes are walked through window by window in
test_windows.py; here the rest, and what a refused outcome leaves on screen)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.case_models import PetitionCase
from db.engine import Database
from db.window_models import (
    CASE,
    FOLLOW_UP,
    NO_SHOW,
    RESOLVED,
    TRANSFERRED,
    FollowUp,
    ServiceRecord,
)
from hall import clock, queue
from tests.questions import Questions
from tests.windows.helpers import desk_translation, ticket, type_text
from tests.windows.window_gui import choose, officer_ctx, open_window, press, register, serve_next
from windows.legal import LegalPanel


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    with desk_translation():
        yield


def records(database: Database) -> list[tuple[str, str]]:
    with database.read() as s:
        rows = s.scalars(select(ServiceRecord).order_by(ServiceRecord.id)).all()
        return [(r.ticket.number, r.outcome) for r in rows]


def test_resolved_on_the_spot(hall_db: Database, qtbot: QtBot) -> None:
    register(hall_db, "王建军", "legal", summary="邻居占道晾晒，如何协商")
    ws = open_window(qtbot, officer_ctx(hall_db, "legal"), "legal")
    serve_next(qtbot, ws)
    choose(ws.outcome_box.outcome_combo, "当场解决")
    press(qtbot, ws, Qt.Key.Key_F5)
    assert records(hall_db) == [("A001", RESOLVED)]


def test_follow_up_scheduled_asks_for_its_day(hall_db: Database, qtbot: QtBot) -> None:
    register(hall_db, "王建军", "legal", summary="离婚财产分割，约定调解后回访")
    ws = open_window(qtbot, officer_ctx(hall_db, "legal"), "legal")
    serve_next(qtbot, ws)
    box = ws.outcome_box
    choose(box.outcome_combo, "约定回访")
    # Choosing the outcome ticks the follow-up; the subject starts from the matter.
    assert box.follow_check.isChecked() and box.follow_date.isEnabled()
    box.follow_subject_edit.clear()
    press(qtbot, ws, Qt.Key.Key_F5)
    assert box.messages["follow_up_subject"].text() == "请填写回访要了解的事项。"
    assert ticket(hall_db, "legal", "A001").status == queue.SERVING
    type_text(qtbot, box.follow_subject_edit, "了解调解是否达成")
    press(qtbot, ws, Qt.Key.Key_F5)
    assert records(hall_db) == [("A001", FOLLOW_UP)]
    with hall_db.read() as s:
        follow = s.scalars(select(FollowUp)).one()
    assert follow.subject == "了解调解是否达成"
    assert follow.due_on == clock.now().date() + dt.timedelta(days=14)


def test_registered_as_a_formal_case_at_the_letters_window(
    hall_db: Database, qtbot: QtBot, questions: Questions
) -> None:
    register(hall_db, "冯建设", "letters", purpose="appeal", summary="对土地确权结果不服")
    ws = open_window(qtbot, officer_ctx(hall_db, "letters"), "letters")
    serve_next(qtbot, ws)
    assert ws.outcome_box.outcome() == CASE
    press(qtbot, ws, Qt.Key.Key_F5)
    assert records(hall_db) == [("G001", CASE)]
    with hall_db.read() as s:
        case = s.scalars(select(PetitionCase)).one()
    # It waits in the letters window's inbox: registered, to be decided within 15 days.
    assert case.state == "registered" and case.summary == "对土地确权结果不服"
    assert f"已登记为信访事项{case.number}" in ws.message_label.text()


def test_transferred_and_no_show_are_recorded(hall_db: Database, qtbot: QtBot) -> None:
    register(hall_db, "张秀英", "legal")
    register(hall_db, "陈志强", "legal")
    ws = open_window(qtbot, officer_ctx(hall_db, "legal"), "legal")
    press(qtbot, ws, Qt.Key.Key_F1)
    QTest.keyClick(ws, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: ws.transfer_dialog is not None and ws.transfer_dialog.isVisible())
    dialog = ws.transfer_dialog
    assert dialog is not None
    type_text(qtbot, dialog.reason_edit, "家庭困难，转帮扶济困")
    with qtbot.waitSignal(ws.current_changed):
        QTest.mouseClick(dialog.transfer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    ws.activateWindow()
    qtbot.waitUntil(ws.isActiveWindow)
    press(qtbot, ws, Qt.Key.Key_F1)
    press(qtbot, ws, Qt.Key.Key_F3)
    assert records(hall_db) == [("A001", TRANSFERRED), ("A002", NO_SHOW)]
    assert ticket(hall_db, "legal", "A002").status == queue.NO_SHOW


def test_a_refused_finish_keeps_everything_typed(hall_db: Database, qtbot: QtBot) -> None:
    register(hall_db, "王建军", "legal")
    ws = open_window(qtbot, officer_ctx(hall_db, "legal"), "legal")
    panel = ws.panel
    assert isinstance(panel, LegalPanel)
    serve_next(qtbot, ws)
    # The question starts as the front desk's summary; the officer deletes it.
    panel.question_edit.selectAll()
    QTest.keyClick(panel.question_edit, Qt.Key.Key_Delete)
    type_text(qtbot, panel.laws_edit, "讲解了诉讼时效")
    type_text(qtbot, ws.notes_edit, "来访人表示理解")
    choose(ws.outcome_box.outcome_combo, "转交责任单位办理")
    QTest.keyClick(ws, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: ws.outcome_box.score() == "basic")
    press(qtbot, ws, Qt.Key.Key_F5)
    # Every problem at its field at once, counted in the message line.
    assert panel.messages["question"].text() == "请填写咨询的法律问题。"
    assert ws.outcome_box.messages["unit"].text() == "请选择转交的责任单位。"
    assert ws.message_label.text() == "有 2 处需要修改（已标红），没有保存。"
    assert panel.laws_edit.toPlainText() == "讲解了诉讼时效"
    assert ws.notes_edit.toPlainText() == "来访人表示理解"
    assert ws.outcome_box.score() == "basic"
    assert records(hall_db) == [] and ticket(hall_db, "legal", "A001").status == queue.SERVING
