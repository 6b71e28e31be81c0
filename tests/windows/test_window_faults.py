"""A window's pages and dialogs when the database goes away under them, on both databases: the
operation helper's words are shown where the screen shows its messages, what was typed is
kept, and nothing is half done."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from db.engine import Database
from db.window_models import RESOLVED
from hall import clock
from hall import outcomes as hall_outcomes
from tests.questions import Questions
from tests.windows.helpers import desk_translation, type_text
from tests.windows.window_gui import (
    choose,
    officer_ctx,
    open_window,
    press,
    register,
    serve_next,
    served_earlier,
)

LOST = "无法连接数据库"


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    with desk_translation():
        yield


@pytest.fixture
def lost(tmp_path: Path) -> Iterator[Database]:
    # A SQLite file in a folder that does not exist: the database cannot be opened.
    database = Database(f"sqlite:///{tmp_path / 'gone' / 'hall.sqlite3'}")
    yield database
    database.dispose()


def test_a_follow_up_result_is_kept_when_the_database_is_lost(
    hall_db: Database, lost: Database, qtbot: QtBot
) -> None:
    ctx = officer_ctx(hall_db, "talk")
    week_ago = clock.now() - dt.timedelta(days=7)
    served_earlier(
        hall_db,
        "talk",
        "赵永红",
        week_ago,
        hall_outcomes.Outcome(
            RESOLVED,
            hall_outcomes.TalkEntry("刘建国", "agitated", "eased", "街道办上门核实"),
            follow_up_on=week_ago.date() + dt.timedelta(days=7),
            follow_up_subject="了解补偿核实进展",
        ),
        ctx,
    )
    ws = open_window(qtbot, ctx, "talk")
    page = ws.follow_ups
    ws.tabs.setCurrentWidget(page)
    page.view.setFocus()
    QTest.keyClick(page.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    dialog = page.dialog
    assert dialog is not None
    choose(dialog.method_combo, "上门回访")
    type_text(qtbot, dialog.result_edit, "来访人表示满意")

    ctx.database = lost
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.summary.text().startswith(LOST) and dialog.isVisible()
    assert dialog.result_edit.toPlainText() == "来访人表示满意"

    ctx.database = hall_db
    with qtbot.waitSignal(page.count_changed):
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert page.count == 0


def test_a_record_that_cannot_be_opened_says_why(
    hall_db: Database, lost: Database, qtbot: QtBot, questions: Questions
) -> None:
    register(hall_db, "王建军", "legal", summary="咨询劳动合同")
    ws = open_window(qtbot, officer_ctx(hall_db, "legal"), "legal")
    serve_next(qtbot, ws)
    press(qtbot, ws, Qt.Key.Key_F5)
    records = ws.records
    ws.tabs.setCurrentWidget(records)
    assert records.model.rowCount() == 1

    ws.ctx.database = lost
    records.open_record(records.model.index(0, 0))
    assert records.status_label.text().startswith(LOST)
    assert records.dialog is None
    # The list keeps what it showed rather than going blank.
    assert not records.refresh() and records.model.rowCount() == 1


def test_a_rating_the_database_cannot_take_is_apologised_for(
    hall_db: Database, lost: Database, qtbot: QtBot, questions: Questions
) -> None:
    register(hall_db, "王建军", "legal", summary="咨询劳动合同")
    ws = open_window(qtbot, officer_ctx(hall_db, "legal"), "legal")
    serve_next(qtbot, ws)
    press(qtbot, ws, Qt.Key.Key_F5)
    # Opened after the finish, it asks about the service just finished.
    evaluator = ws.open_evaluator()
    assert all(b.isEnabled() for b in evaluator.buttons.values())

    ws.ctx.database = lost
    evaluator.press("satisfied")
    assert evaluator.prompt_label.text() == "抱歉，评价未能保存。"
    # Still to be rated: the visitor may press again once the database is back.
    assert evaluator.ticket_id is not None
