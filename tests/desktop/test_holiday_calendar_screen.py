"""The administrator's holiday calendar on both databases: a holiday entered on the screen
moves a deadline that ends on it, and the missing-year warning goes once the year is entered
and confirmed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from db.engine import Database
from desktop.holiday_calendar_screen import HolidayCalendarScreen
from hall import calendar, clock, deadlines, letters
from kit.context import AppContext
from tests.windows.helpers import show, type_text

# A Monday in 2026, whose calendar is seeded; its 15 days end on Tuesday 16 June, a workday.
RECEIVED = dt.date(2026, 6, 1)


def decide_due_of_a_letter(database: Database) -> dt.date:
    with database.write() as s:
        case = letters.register_letter(
            s,
            letters.LetterRegistration(
                sender_name="孙丽", received_on=RECEIVED, summary="噪声扰民"
            ),
        )
        return case.decide_due


def set_day(screen: HolidayCalendarScreen, day: dt.date) -> None:
    screen.day.setDate(QDate(day.year, day.month, day.day))


def test_a_holiday_entered_moves_a_deadline_ending_on_it(
    admin_ctx: AppContext, qtbot: QtBot
) -> None:
    database = admin_ctx.database
    assert decide_due_of_a_letter(database) == dt.date(2026, 6, 16)
    screen = HolidayCalendarScreen(admin_ctx)
    show(qtbot, screen)
    screen.year.setValue(2026)
    rows_before = screen.table.rowCount()
    set_day(screen, dt.date(2026, 6, 16))
    type_text(qtbot, screen.name, "地方纪念日")
    qtbot.mouseClick(screen.holiday_button, Qt.MouseButton.LeftButton)
    assert screen.message.text() == "Saved."
    assert screen.table.rowCount() == rows_before + 1
    shown = [
        [screen.table.item(r, c).text() for c in range(4)] for r in range(screen.table.rowCount())
    ]
    assert ["2026-06-16", "星期二", "放假", "地方纪念日"] in shown
    assert decide_due_of_a_letter(database) == dt.date(2026, 6, 17)

    # Removing it puts the deadline back.
    row = [r[0] for r in shown].index("2026-06-16")
    screen.table.setCurrentCell(row, 0)
    qtbot.mouseClick(screen.remove_button, Qt.MouseButton.LeftButton)
    assert decide_due_of_a_letter(database) == dt.date(2026, 6, 16)


def test_a_make_up_workday_on_a_weekday_is_refused_with_the_reason(
    admin_ctx: AppContext, qtbot: QtBot
) -> None:
    screen = HolidayCalendarScreen(admin_ctx)
    show(qtbot, screen)
    set_day(screen, dt.date(2026, 6, 16))
    type_text(qtbot, screen.name, "调休")
    qtbot.mouseClick(screen.workday_button, Qt.MouseButton.LeftButton)
    assert "本来就是工作日" in screen.message.text()
    assert screen.name.text() == "调休"


def test_the_warning_names_missing_years_until_they_are_entered(
    admin_ctx: AppContext, qtbot: QtBot
) -> None:
    database = admin_ctx.database
    today = clock.now().date()
    with database.read() as s:
        missing = calendar.missing_years(s, today, today + dt.timedelta(days=deadlines.HANDLE_DAYS))
    screen = HolidayCalendarScreen(admin_ctx)
    show(qtbot, screen)
    assert screen.warning.isVisible() == bool(missing)
    for year in missing:
        assert f"{year} 年" in screen.warning.text()
        screen.year.setValue(year)
        assert "not confirmed" in screen.year_state.text()
        qtbot.mouseClick(screen.confirm_button, Qt.MouseButton.LeftButton)
        assert "还没有录入任何法定节假日" in screen.message.text()
        set_day(screen, dt.date(year, 1, 1))
        screen.name.clear()
        type_text(qtbot, screen.name, "元旦")
        qtbot.mouseClick(screen.holiday_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(screen.confirm_button, Qt.MouseButton.LeftButton)
        assert screen.year_state.text() == f"{year}: confirmed"
    assert not screen.warning.isVisible()
