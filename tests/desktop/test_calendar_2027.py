"""Issue 11's 2027 example end to end, on both databases: a letter registered 2026-12-17 and a
small-claims file registered 2026-12-08, their limits stored as the program before stored them
(weekends only: 元旦 and 正月初三), put right by ``hall-admin calendar recompute``, then moved
again when the administrator enters the 2027 notice on the holiday calendar screen; each move
is on the item's timeline, as the letters desk and the clerk's desk show it.

The 2027 notice entered here is made up for the test (the real one may differ): 元旦 1 January,
春节 5–11 February, make-up workdays on Saturdays 30 January and 20 February.
"""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from cli.admin import run
from db.case_models import PetitionCase
from db.court_models import SMALL_CLAIMS, CourtCase
from db.engine import Database
from desktop.holiday_calendar_screen import HolidayCalendarScreen
from hall import cases, letters, users
from kit.context import AppContext, HallEvents
from tests.desktop.conftest import chinese, compiled_translations  # noqa: F401
from tests.hall import court_helpers
from tests.windows.court_desk_helpers import ctx_of, open_desk
from tests.windows.helpers import show
from windows.court.file_view import CaseFileView
from windows.letters.case_view import CaseViewPage

D = dt.date
pytestmark = [
    pytest.mark.usefixtures("chinese"),
    pytest.mark.parametrize("hall_day", [D(2026, 12, 17)], indirect=True),
]
NOTICE = [
    (D(2027, 1, 1), False, "元旦"),
    *((D(2027, 2, day), False, "春节") for day in range(5, 12)),
    (D(2027, 1, 30), True, "春节调休上班"),
    (D(2027, 2, 20), True, "春节调休上班"),
]


def limits(db: Database, case_id: int, file_id: int) -> tuple[dt.date, dt.date | None]:
    with db.read() as s:
        return s.get_one(PetitionCase, case_id).decide_due, s.get_one(CourtCase, file_id).due_on


def test_the_2027_limits_before_and_after_the_notice(
    hall_db: Database, qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    court_helpers.add_people(hall_db)
    with hall_db.write() as s:
        officer = users.by_login(s, "banxin")
        case = letters.register_letter(
            s,
            letters.LetterRegistration(
                sender_name="张三", received_on=D(2026, 12, 17), summary="宅基地确权纠纷"
            ),
            actor=officer,
        )
        case_id = case.id
    registered = dt.datetime(2026, 12, 8, 10, 0)
    file_id = court_helpers.accepted_case(hall_db, now=registered)
    court_helpers.register(hall_db, file_id, now=registered, track=SMALL_CLAIMS)
    # As the program before stored them, counting weekends only.
    with hall_db.write() as s:
        row = s.get_one(PetitionCase, case_id)
        row.decide_due = D(2027, 1, 1)
        cases.refresh_limits(row)
        s.get_one(CourtCase, file_id).due_on = D(2027, 2, 8)
    assert limits(hall_db, case_id, file_id) == (D(2027, 1, 1), D(2027, 2, 8))

    # Once after the upgrade: the holidays fixed by law stand for 2027 (元旦; 除夕 to 初三).
    assert run(["--db", hall_db.url, "calendar", "recompute"]) == 0
    assert "调整 2 项" in capsys.readouterr().out
    assert limits(hall_db, case_id, file_id) == (D(2027, 1, 4), D(2027, 2, 9))

    # The administrator sees 2027's provisional holidays, then enters its notice at once.
    screen = HolidayCalendarScreen(ctx_of(hall_db, "admin"))
    show(qtbot, screen)
    screen.year.setValue(2027)
    assert "未确认" in screen.year_state.text()
    rows = [
        [screen.table.item(r, c).text() for c in range(5)] for r in range(screen.table.rowCount())
    ]
    assert ["2027-02-08", "星期一", "放假", "春节", "临时（按法定假日推算）"] in rows
    dialog = screen.enter_notice()
    qtbot.waitExposed(dialog)
    # Started from the provisional holidays; the notice replaces them.
    assert dialog.table.rowCount() == len(rows)
    dialog.table.setRowCount(0)
    for day, workday, name in NOTICE:
        dialog.add_day(day, workday, name)
    dialog.confirm_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert screen.message.text() == "已录入 2027 年放假安排并确认该年日历；1 项期限随之调整。"
    assert screen.year_state.text() == "2027 年：已确认"
    assert all(screen.table.item(r, 4).text() == "" for r in range(screen.table.rowCount()))
    # 元旦 as the law has it; 春节 runs to 11 February under the notice.
    assert limits(hall_db, case_id, file_id) == (D(2027, 1, 4), D(2027, 2, 12))

    # Each move is on its item's timeline.
    letters_view = CaseViewPage(AppContext(hall_db, officer, HallEvents()))
    show(qtbot, letters_view)
    letters_view.open_case(case_id)
    timeline = [
        letters_view.timeline.item(r, 1).text() for r in range(letters_view.timeline.rowCount())
    ]
    assert "期限因节假日调整：由2027年1月1日调整为2027年1月4日（受理期限）" in timeline
    desk = open_desk(qtbot, ctx_of(hall_db, "shuji"))
    assert desk.cases is not None
    desk.show_case(file_id)
    view: CaseFileView = desk.cases.file_view
    moves = [
        view.timeline_table.item(r, 2).text()
        for r in range(view.timeline_table.rowCount())
        if view.timeline_table.item(r, 2).text().startswith("期限因节假日调整")
    ]
    assert moves == [
        "期限因节假日调整：由2027年2月8日调整为2027年2月9日",
        "期限因节假日调整：由2027年2月9日调整为2027年2月12日",
    ]
