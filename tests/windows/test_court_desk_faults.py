"""The clerk's desk when the database is gone or the rules refuse, on the one operation helper:
each problem is told in the helper's Chinese words on the desk's message line (or the figures
page's), the desk keeps what it showed, and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from db.engine import Database
from hall import clock
from tests.desktop.conftest import chinese, compiled_translations  # noqa: F401
from tests.hall.court_helpers import accepted_case, add_people, hand_off, new_visit
from tests.windows.court_desk_helpers import click, ctx_of, open_desk
from tests.windows.helpers import show, type_text
from windows.court.figures import CourtFiguresPage

pytestmark = pytest.mark.usefixtures("chinese")

LOST_WRITING = "无法连接数据库：未保存任何内容"
LOST_READING = "无法连接数据库：显示的内容可能不是最新的"


def lost(tmp_path: Path) -> Database:
    # A SQLite file in a folder that does not exist: the database cannot be opened.
    return Database(f"sqlite:///{tmp_path / 'gone' / 'hall.sqlite3'}")


@pytest.fixture
def court_hall(hall_db: Database) -> Database:
    add_people(hall_db)
    return hall_db


def test_a_lost_database_is_told_on_the_desks_line_and_the_desk_keeps_what_it_showed(
    court_hall: Database, qtbot: QtBot, tmp_path: Path
) -> None:
    handoff_id = hand_off(court_hall, new_visit(court_hall), now=clock.now())
    desk = open_desk(qtbot, ctx_of(court_hall, "shuji"))
    assert desk.inbox is not None and desk.cases is not None
    inbox = desk.inbox
    assert inbox.count() == 1
    inbox.table.selectRow(0)
    assert inbox.shown is not None and inbox.shown.id == handoff_id

    gone = lost(tmp_path)
    desk.ctx.database = gone
    try:
        # Accepting: nothing saved, said so; the hand-off still waits and is still shown.
        click(inbox.accept_button)
        assert desk.message_label.text().startswith(LOST_WRITING)
        # Reading the lists again: they stay as they were, and the clerk is told why.
        desk.refresh()
        assert desk.message_label.text().startswith(LOST_READING)
        assert inbox.count() == 1 and inbox.shown is not None
        # The scanner's code cannot be looked up either; it stays in the box to try again.
        desk.scan_edit.setFocus()
        type_text(qtbot, desk.scan_edit, "YJ2026-0001")
        QTest.keyClick(desk.scan_edit, Qt.Key.Key_Return)
        assert desk.message_label.text().startswith(LOST_READING)
        assert desk.scan_edit.text() == "YJ2026-0001"
    finally:
        gone.dispose()
    desk.ctx.database = court_hall
    click(inbox.accept_button)
    assert desk.cases.file is not None
    assert inbox.count() == 0


def test_a_refusal_is_told_in_the_rules_words_and_the_list_read_again(
    court_hall: Database, qtbot: QtBot
) -> None:
    case_id = accepted_case(court_hall, now=clock.now())
    desk = open_desk(qtbot, ctx_of(court_hall, "shuji"))
    assert desk.cases is not None
    desk.show_case(case_id)
    # A code that names neither a slip nor a file.
    desk.scan_edit.setFocus()
    type_text(qtbot, desk.scan_edit, "不存在的案号")
    QTest.keyClick(desk.scan_edit, Qt.Key.Key_Return)
    assert "不存在的案号" in desk.message_label.text()
    assert desk.cases.file is not None and desk.cases.file.id == case_id


def test_the_figures_page_tells_a_lost_database_and_can_count_again(
    court_hall: Database, qtbot: QtBot, tmp_path: Path
) -> None:
    gone = lost(tmp_path)
    page = CourtFiguresPage(gone)
    show(qtbot, page)
    try:
        qtbot.waitUntil(lambda: page.message.text() != "", timeout=30_000)
        assert page.message.text().startswith(LOST_READING)
        assert page.figures is None and page.count_button.isEnabled()
    finally:
        gone.dispose()
    page.database = court_hall
    with qtbot.waitSignal(page.counted, timeout=30_000):
        click(page.count_button)
    assert page.tiles["handled"].text() == "0"
