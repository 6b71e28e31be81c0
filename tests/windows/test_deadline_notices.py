"""Officers told on their screens, on both databases: a holiday entered at another workstation
moves a letter's limit and a court file's trial limit; the live feed brings each move to the
letters officer's and the clerk's desk, which show it to them (and to no one else) and refresh."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from db.court_models import CourtCase
from db.engine import Database
from hall import calendar, clock, letters, users
from hall.calendar import cn_date
from kit.context import HallEvents
from kit.live import LiveFeed
from tests.desktop.conftest import chinese, compiled_translations  # noqa: F401
from tests.hall.court_helpers import accepted_case, add_people, register
from tests.windows.court_desk_helpers import ctx_of, open_desk
from tests.windows.helpers import show
from windows import open_workstation
from windows.letters import LettersDesk

pytestmark = pytest.mark.usefixtures("chinese")


def next_workday(db: Database, day: dt.date) -> dt.date:
    with db.read() as s:
        cal = calendar.load(s, day.year, day.year + 1)
    return cal.on_or_after_workday(day + dt.timedelta(days=1))


def test_a_holiday_that_moves_a_limit_is_told_to_its_officer(
    hall_db: Database, qtbot: QtBot
) -> None:
    add_people(hall_db)
    with hall_db.write() as s:
        case = letters.register_letter(
            s,
            letters.LetterRegistration(
                sender_name="张三", received_on=clock.now().date(), summary="噪声扰民"
            ),
            actor=users.by_login(s, "banxin"),
        )
        number, decide_due = case.number, case.decide_due
    file_id = accepted_case(hall_db, now=clock.now())
    court_file = register(hall_db, file_id, now=clock.now())
    file_number, trial_due = court_file.number, court_file.due_on
    assert trial_due is not None

    events = HallEvents()
    letters_desk = open_workstation(ctx_of(hall_db, "banxin", events), "letters")
    assert isinstance(letters_desk, LettersDesk)
    show(qtbot, letters_desk)
    page = letters_desk.cases_page
    letters_desk.tabs.setCurrentWidget(page)
    page.open_case(case.id)
    clerk_desk = open_desk(qtbot, ctx_of(hall_db, "shuji", events))
    assert clerk_desk.cases is not None
    clerk_desk.show_case(file_id)
    # Someone not named on either move sees nothing.
    bystander = open_workstation(ctx_of(hall_db, "falv", events), "legal")
    show(qtbot, bystander)
    assert not page.notice.isVisible() and not clerk_desk.notice.isVisible()

    feed = LiveFeed(hall_db, events, retry_ms=300)
    feed.start()
    try:
        qtbot.waitUntil(lambda: feed.online, timeout=5000)
        # The administrator, at another workstation, enters two local holidays.
        with hall_db.write() as s:
            calendar.add_holiday(s, decide_due, "地方纪念日")
            calendar.add_holiday(s, trial_due, "地方纪念日")
        qtbot.waitUntil(page.notice.isVisible, timeout=5000)
        qtbot.waitUntil(clerk_desk.notice.isVisible, timeout=5000)
    finally:
        feed.stop()

    new_decide = next_workday(hall_db, decide_due)
    assert page.notice.label.text() == (
        f"{number}，受理期限：期限因节假日调整：由{cn_date(decide_due)}调整为{cn_date(new_decide)}"
    )
    new_trial = next_workday(hall_db, trial_due)
    with hall_db.read() as s:
        assert s.get_one(CourtCase, file_id).due_on == new_trial
    assert clerk_desk.notice.label.text() == (
        f"{file_number}，审理期限：期限因节假日调整：由{cn_date(trial_due)}调整为{cn_date(new_trial)}"
    )
    # The lists and the open items were read again.
    assert page.model.row(0).due_on == new_decide
    view = page.view
    timeline = [view.timeline.item(r, 1).text() for r in range(view.timeline.rowCount())]
    assert timeline[-1].startswith("期限因节假日调整")
    qtbot.waitUntil(
        lambda: (
            clerk_desk.cases is not None
            and clerk_desk.cases.file is not None
            and clerk_desk.cases.file.due_on == new_trial
        ),
        timeout=5000,
    )
    page.notice.dismiss_button.click()
    assert not page.notice.isVisible()
