"""The supervisors' screen and the holiday calendar when the database goes away, on both
databases: the one wording of a lost database in the screen's message line, what was typed
kept, nothing changed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from db.engine import Database
from desktop.holiday_calendar_screen import HolidayCalendarScreen
from desktop.supervision_screen import SupervisionScreen
from hall import calendar, users
from kit.context import AppContext
from kit.operations import database_lost
from tests.desktop.test_supervision_screen import overdue_letter
from tests.windows.helpers import make_ctx, show, type_text


@pytest.fixture
def lost(tmp_path: Path) -> Iterator[Database]:
    """A SQLite file in a folder that does not exist: the database cannot be opened."""
    database = Database(f"sqlite:///{tmp_path / 'gone' / 'hall.sqlite3'}")
    yield database
    database.dispose()


def test_the_supervisors_screen_says_when_it_cannot_read(
    hall_db: Database, lost: Database, qtbot: QtBot
) -> None:
    overdue_letter(hall_db)
    ctx = make_ctx(hall_db, "leader", [users.LEADER])
    screen = SupervisionScreen(ctx)
    show(qtbot, screen)
    assert screen.cases_model.rowCount() == 1
    ctx.database = lost
    screen.refresh()
    assert screen.message.text() == database_lost(writing=False)

    # The units' records are read on the worker; its failure comes back the same way.
    screen.message.clear()
    screen.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: screen.message.text() == database_lost(writing=False))
    assert screen.units_table.rowCount() == 0


def test_a_holiday_entered_while_the_database_is_lost_is_kept_on_the_screen(
    admin_ctx: AppContext, lost: Database, qtbot: QtBot
) -> None:
    database = admin_ctx.database
    screen = HolidayCalendarScreen(admin_ctx)
    show(qtbot, screen)
    screen.day.setDate(QDate(2026, 6, 16))
    type_text(qtbot, screen.name, "地方纪念日")
    admin_ctx.database = lost
    with qtbot.assertNotEmitted(screen.changed):
        qtbot.mouseClick(screen.holiday_button, Qt.MouseButton.LeftButton)
    assert screen.message.text() == database_lost()
    assert screen.name.text() == "地方纪念日"
    with database.read() as s:
        assert dt.date(2026, 6, 16) not in {d.day for d in calendar.special_days(s, 2026)}
