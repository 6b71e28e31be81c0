"""The working-day calendar and the statutory deadlines it moves, on both databases.

Dates come from the State Council's 2026 holiday arrangement as chinese-calendar ships it:
National Day 1–7 October with make-up workdays Sunday 20 September and Saturday 10 October;
Labour Day 1–5 May; Mid-Autumn 25–27 September.
"""

from __future__ import annotations

import datetime as dt

import chinese_calendar  # type: ignore[import-untyped]
import pytest

from db import events
from db.engine import Database
from hall import calendar, deadlines
from hall.calendar import WorkCalendar
from hall.deadlines import Alert
from hall.errors import InvalidInput, NotFound

D = dt.date
FIRST_UNKNOWN = max(calendar.library_years()) + 1


def load(db: Database, year: int = 2026) -> WorkCalendar:
    with db.read() as s:
        return calendar.load(s, year, year + 1)


def test_seeding_copies_the_package_years_and_marks_them_confirmed(hall_db: Database) -> None:
    with hall_db.read() as s:
        years = calendar.confirmed_years(s)
        days = {d.day: d for d in calendar.special_days(s, 2026)}
    assert years == calendar.library_years()
    assert 2026 in years and FIRST_UNKNOWN not in years
    assert days[D(2026, 10, 1)].name == "国庆节" and not days[D(2026, 10, 1)].is_workday
    assert days[D(2026, 9, 20)].is_workday and days[D(2026, 9, 20)].kind_name == "调休上班"
    assert days[D(2026, 5, 1)].name == "劳动节"
    assert all(d.source == calendar.LIBRARY for d in days.values())


def test_seeding_twice_adds_nothing_and_keeps_the_admins_corrections(hall_db: Database) -> None:
    with hall_db.write() as s:
        calendar.add_holiday(s, D(2026, 12, 31), "地方假日")
        calendar.remove_day(s, D(2026, 10, 7))
        assert calendar.seed(s) == []
    cal = load(hall_db)
    assert not cal.is_workday(D(2026, 12, 31))
    assert cal.is_workday(D(2026, 10, 7))


def test_every_2026_day_agrees_with_chinese_calendar(hall_db: Database) -> None:
    cal = load(hall_db)
    day = D(2026, 1, 1)
    while day.year == 2026:
        assert cal.is_workday(day) == chinese_calendar.is_workday(day), day
        day += dt.timedelta(days=1)


def test_a_year_the_package_lacks_is_reported_missing(hall_db: Database) -> None:
    with hall_db.read() as s:
        missing = calendar.missing_years(s, D(2026, 12, 1), D(FIRST_UNKNOWN, 1, 20))
    assert missing == [FIRST_UNKNOWN]
    warning = calendar.missing_years_warning(missing)
    assert f"{FIRST_UNKNOWN} 年" in warning and "管理员" in warning
    assert calendar.missing_years_warning([]) == ""


def test_admin_enters_a_new_year_then_confirms_it(hall_db: Database) -> None:
    new_year = D(FIRST_UNKNOWN, 1, 1)
    with hall_db.write() as s:
        with pytest.raises(InvalidInput) as empty:
            calendar.confirm_year(s, FIRST_UNKNOWN)
        assert "还没有录入任何法定节假日" in str(empty.value)
        calendar.add_holiday(s, new_year, "元旦")
        calendar.confirm_year(s, FIRST_UNKNOWN)
        assert calendar.missing_years(s, new_year, new_year) == []
        logged = [e.kind for e in events.since(s, 0)]
    assert logged[-2:] == ["calendar.day_set", "calendar.year_confirmed"]


def test_a_make_up_workday_must_be_a_weekend_day(hall_db: Database) -> None:
    with hall_db.write() as s, pytest.raises(InvalidInput) as error:
        calendar.add_workday(s, D(2026, 3, 4), "调休")
    assert "星期三" in str(error.value) and error.value.field == "day"
    with hall_db.write() as s:
        calendar.add_workday(s, D(2026, 3, 7), "调休")
    assert load(hall_db).is_workday(D(2026, 3, 7))


def test_removing_an_ordinary_day_is_refused(hall_db: Database) -> None:
    with hall_db.write() as s, pytest.raises(NotFound):
        calendar.remove_day(s, D(2026, 3, 4))


def test_holiday_names_are_required(hall_db: Database) -> None:
    with hall_db.write() as s, pytest.raises(InvalidInput) as error:
        calendar.add_holiday(s, D(2026, 3, 4), "  ")
    assert error.value.field == "name"


# ---------------------------------------------------------------------------------------------
# Deadlines on the seeded calendar


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # An ordinary Tuesday: 15 calendar days, the day of receipt not counted.
        (D(2026, 3, 2), D(2026, 3, 17)),
        # Ends on a Sunday: moved to Monday.
        (D(2026, 3, 7), D(2026, 3, 23)),
        # Ends on Saturday 3 October, inside National Day: moved past the holiday to the 8th.
        (D(2026, 9, 18), D(2026, 10, 8)),
        # Ends on Sunday 20 September, a make-up workday: stays.
        (D(2026, 9, 5), D(2026, 9, 20)),
        # Ends on 1 May: moved past Labour Day to Wednesday the 6th.
        (D(2026, 4, 16), D(2026, 5, 6)),
    ],
)
def test_decision_limit(hall_db: Database, received: dt.date, due: dt.date) -> None:
    assert deadlines.decide_due(received, load(hall_db)) == due


def test_handling_limit_ends_after_labour_day_and_an_extension_adds_its_days(
    hall_db: Database,
) -> None:
    cal = load(hall_db)
    # 2 March + 60 days = 1 May, a holiday: the limit ends on Wednesday 6 May.
    assert deadlines.handle_due(D(2026, 3, 2), 0, cal) == D(2026, 5, 6)
    # Extended by 30: 2 March + 90 = Sunday 31 May, so Monday 1 June.
    assert deadlines.handle_due(D(2026, 3, 2), 30, cal) == D(2026, 6, 1)


def test_review_limits(hall_db: Database) -> None:
    cal = load(hall_db)
    assert deadlines.review_request_until(D(2026, 6, 10), cal) == D(2026, 7, 10)
    # 10 July + 30 = Sunday 9 August.
    assert deadlines.review_due(D(2026, 7, 10), cal) == D(2026, 8, 10)
    # 3 September + 30 = 3 October, National Day.
    assert deadlines.rereview_request_until(D(2026, 9, 3), cal) == D(2026, 10, 8)
    assert deadlines.rereview_due(D(2026, 9, 9), cal) == D(2026, 10, 9)


def test_days_inside_a_period_are_never_skipped(hall_db: Database) -> None:
    # A period running through National Day still counts those days: 25 September + 15 is
    # 10 October, a make-up Saturday, and that is the last day.
    assert deadlines.decide_due(D(2026, 9, 25), load(hall_db)) == D(2026, 10, 10)


def test_an_admin_holiday_moves_a_deadline_in_a_year_the_package_lacks(hall_db: Database) -> None:
    received = D(FIRST_UNKNOWN - 1, 12, 20)
    nominal = received + dt.timedelta(days=15)
    before = deadlines.decide_due(received, load(hall_db, received.year))
    assert before == WorkCalendar().on_or_after_workday(nominal)
    with hall_db.write() as s:
        calendar.add_holiday(s, before, "地方假日")
    after = deadlines.decide_due(received, load(hall_db, received.year))
    assert after > before and after == WorkCalendar().on_or_after_workday(
        before + dt.timedelta(days=1)
    )


# ---------------------------------------------------------------------------------------------
# Alerts


@pytest.mark.parametrize(
    ("on", "level"),
    [
        (D(2026, 3, 2), Alert.NONE),
        (D(2026, 3, 9), Alert.NONE),
        (D(2026, 3, 10), Alert.HALF),  # day 8 of 15: 53 %
        (D(2026, 3, 13), Alert.HALF),  # day 11: 73 %
        (D(2026, 3, 14), Alert.THREE_QUARTERS),  # day 12: 80 %
        (D(2026, 3, 15), Alert.EIGHTY_FIVE),  # day 13: 86.7 %
        (D(2026, 3, 16), Alert.EIGHTY_FIVE),  # day 14: 93 %
        (D(2026, 3, 17), Alert.NINETY_NINE),  # the last day
        (D(2026, 3, 18), Alert.OVERDUE),
    ],
)
def test_alert_levels_of_a_fifteen_day_limit(on: dt.date, level: Alert) -> None:
    assert deadlines.alert_level(D(2026, 3, 2), D(2026, 3, 17), on) is level


def test_alert_days_are_the_first_days_of_each_level() -> None:
    start, due = D(2026, 3, 2), D(2026, 5, 6)  # 65 days after the holiday move
    for level in deadlines.ALERT_LEVELS:
        first = deadlines.alert_day(start, due, level)
        assert deadlines.alert_level(start, due, first) >= level
        assert deadlines.alert_level(start, due, first - dt.timedelta(days=1)) < level
    assert deadlines.alert_day(start, due, Alert.OVERDUE) == D(2026, 5, 7)
