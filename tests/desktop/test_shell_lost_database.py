"""The shell's screens when the database goes away under them: each says so in its own message
line (the operation helper's words), keeps what was typed, and saves nothing; and the refusals
of the rules reach the user the same way."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.engine import Database
from desktop import setup_dialog as f
from desktop.admin_windows import WindowsAdminScreen
from desktop.display_settings_page import HallDisplaySettingsDialog
from desktop.main_window import TodayFigures
from desktop.setup_dialog import SetupDialog
from hall import queue, units, users
from hall import settings as hall_settings
from kit.context import AppContext
from kit.live import CallTimeout
from tests.desktop.conftest import AddUser, type_text

pytestmark = pytest.mark.usefixtures("chinese")

LOST = "无法连接数据库"


@pytest.fixture
def lost(tmp_path: Path) -> Iterator[Database]:
    """A SQLite file in a folder that does not exist: the database cannot be opened."""
    database = Database(f"sqlite:///{tmp_path / 'gone' / 'hall.sqlite3'}")
    yield database
    database.dispose()


def test_the_admin_pages_say_the_database_is_lost_and_keep_what_was_typed(
    admin_ctx: AppContext, lost: Database, qtbot: QtBot
) -> None:
    good = admin_ctx.database
    screen = WindowsAdminScreen(admin_ctx)
    qtbot.addWidget(screen)
    admin_ctx.database = lost

    type_text(qtbot, screen.units.name_edit, "县民政局")
    qtbot.mouseClick(screen.units.add_button, Qt.MouseButton.LeftButton)
    assert LOST in screen.units.status_label.text()
    assert screen.units.name_edit.text() == "县民政局"

    type_text(qtbot, screen.lists.name_edit, "就业")
    qtbot.mouseClick(screen.lists.add_button, Qt.MouseButton.LeftButton)
    assert LOST in screen.lists.status_label.text()
    assert screen.lists.name_edit.text() == "就业"

    with good.read() as s:
        assert not units.units(s, False)


def test_a_tick_the_database_does_not_take_is_told(
    admin_ctx: AppContext, add_user: AddUser, lost: Database, qtbot: QtBot
) -> None:
    add_user("falv", [users.OFFICER], ["legal"])
    screen = WindowsAdminScreen(admin_ctx)
    qtbot.addWidget(screen)
    admin_ctx.database = lost
    screen.staff.tick("falv", "talk").setCheckState(Qt.CheckState.Checked)
    assert LOST in screen.staff.status_label.text()


def test_retiring_a_unit_says_which_and_bringing_it_back_too(
    admin_ctx: AppContext, qtbot: QtBot
) -> None:
    with admin_ctx.database.write() as s:
        units.add_unit(s, "县民政局", "county")
    screen = WindowsAdminScreen(admin_ctx)
    qtbot.addWidget(screen)
    screen.units.table.selectRow(0)
    qtbot.mouseClick(screen.units.active_button, Qt.MouseButton.LeftButton)
    assert screen.units.status_label.text() == "“县民政局”已停用，不再供选择。"
    qtbot.mouseClick(screen.units.active_button, Qt.MouseButton.LeftButton)
    assert screen.units.status_label.text() == "“县民政局”已恢复使用。"


def test_the_display_settings_stay_open_when_they_cannot_be_saved(
    admin_ctx: AppContext, lost: Database, qtbot: QtBot
) -> None:
    dialog = HallDisplaySettingsDialog(admin_ctx.database, admin_ctx.user)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.database = lost
    dialog.notice_edit.setPlainText("今天下午停电")
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert dialog.isVisible()
    assert LOST in dialog.message_label.text()
    assert dialog.notice_edit.toPlainText() == "今天下午停电"
    with admin_ctx.database.read() as s:
        assert hall_settings.get(s, hall_settings.DISPLAY_NOTICE) == ""


def test_only_the_administrator_may_change_the_display_settings(
    hall_db: Database, add_user: AddUser, qtbot: QtBot
) -> None:
    leader = add_user("lingdao", [users.LEADER])
    dialog = HallDisplaySettingsDialog(hall_db, leader)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert dialog.isVisible()
    assert dialog.message_label.text() != ""
    assert LOST not in dialog.message_label.text()


def test_the_set_up_is_kept_when_the_database_is_lost(lost: Database, qtbot: QtBot) -> None:
    dialog = SetupDialog(lost)
    qtbot.addWidget(dialog)
    dialog.show()
    typed = {
        f.HALL_NAME: "义马市群众工作部",
        f.CITY_CODE: "411281",
        f.COURT_CODE: "豫1281",
        f.LOGIN: "admin",
        f.NAME: "管理员",
        f.PASSWORD: "admin-pass-1",
        f.CONFIRM: "admin-pass-1",
    }
    for field, value in typed.items():
        dialog.edits[field].clear()
        type_text(qtbot, dialog.edits[field], value)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.admin is None
    assert LOST in dialog.general_error.text()
    assert {field: dialog.text(field) for field in typed} == typed


def test_a_call_put_back_while_the_database_is_lost_is_told(
    hall_db: Database, admin_ctx: AppContext, lost: Database, qtbot: QtBot
) -> None:
    with hall_db.write() as s:
        queue.issue_ticket(s, "legal")
        queue.call_next(s, "legal", seat=1)
    figures = TodayFigures(admin_ctx)
    qtbot.addWidget(figures)
    assert figures.calls_table.rowCount() == 1
    admin_ctx.database = lost
    figures.calls_table.selectRow(0)
    qtbot.mouseClick(figures.release_button, Qt.MouseButton.LeftButton)
    assert LOST in figures.calls_message.text()
    # The last figures stay readable.
    assert figures.calls_table.rowCount() == 1


def test_unanswered_calls_wait_for_the_database_to_come_back(lost: Database, qapp: object) -> None:
    assert CallTimeout(lost).release_stale() == []
