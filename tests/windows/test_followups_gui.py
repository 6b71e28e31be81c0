"""The follow-up list at a workstation, on both databases: a visit's follow-up appears on its
day, its result is recorded in the dialog, and the next one may be set there."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.engine import Database
from db.window_models import RESOLVED, FollowUp
from hall import clock
from hall import outcomes as hall_outcomes
from tests.windows.helpers import desk_translation, type_text
from tests.windows.window_gui import choose, officer_ctx, open_window, served_earlier


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    with desk_translation():
        yield


def test_a_follow_up_due_is_listed_and_its_result_recorded(hall_db: Database, qtbot: QtBot) -> None:
    ctx = officer_ctx(hall_db, "talk")
    week_ago = clock.now() - dt.timedelta(days=7)
    today = clock.now().date()
    for name, days in (("赵永红", 7), ("钱玉兰", 9)):
        served_earlier(
            hall_db,
            "talk",
            name,
            week_ago,
            hall_outcomes.Outcome(
                RESOLVED,
                hall_outcomes.TalkEntry("刘建国", "agitated", "eased", "街道办上门核实"),
                follow_up_on=week_ago.date() + dt.timedelta(days=days),
                follow_up_subject=f"了解{name}的补偿核实进展",
            ),
            ctx,
            phone="13903981234",
        )
    ws = open_window(qtbot, ctx, "talk")
    # Only the one whose day has come; the tab says so.
    assert ws.tabs.tabText(1) == "回访（1 件到期）"
    page = ws.follow_ups
    ws.tabs.setCurrentWidget(page)
    assert page.model.rowCount() == 1
    row = page.model.row(0)
    assert (row.visitor_name, row.phone, row.subject) == (
        "赵永红",
        "13903981234",
        "了解赵永红的补偿核实进展",
    )
    assert page.summary_label.text() == "今天到期及逾期的回访共 1 件。"

    page.view.setFocus()
    QTest.keyClick(page.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    dialog = page.dialog
    assert dialog is not None
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.messages["result"].text() == "请填写回访结果。" and dialog.isVisible()
    choose(dialog.method_combo, "上门回访")
    type_text(qtbot, dialog.result_edit, "街道办已上门核实面积，来访人表示满意")
    dialog.next_check.setChecked(True)
    with qtbot.waitSignal(page.count_changed):
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    assert page.model.rowCount() == 0 and page.summary_label.text() == "没有到期的回访。"
    assert ws.tabs.tabText(1) == "回访"
    with hall_db.read() as s:
        rows = s.scalars(select(FollowUp).order_by(FollowUp.id)).all()
        done = next(r for r in rows if r.visit.visitor.name == "赵永红" and r.state == "done")
        again = [r for r in rows if r.visit.visitor.name == "赵永红" and r.state == "open"]
    assert (done.method, done.result, done.done_on) == (
        "home",
        "街道办已上门核实面积，来访人表示满意",
        today,
    )
    assert [r.due_on for r in again] == [today + dt.timedelta(days=30)]
