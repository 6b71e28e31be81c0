"""The holidays fixed by law, standing in for a year whose notice is not entered; both databases.

The package's calendar ends with 2026, so 2027 and 2028 are years without a notice.
"""

from __future__ import annotations

import datetime as dt

import chinese_calendar  # type: ignore[import-untyped]
import pytest

from db.engine import Database
from hall import calendar
from hall.statutory_holidays import statutory_holidays

D = dt.date


def test_the_2027_days_off_fixed_by_law() -> None:
    assert statutory_holidays(2027) == {
        D(2027, 1, 1): "元旦",
        # 正月初一 is Saturday 6 February; 除夕 the day before.
        D(2027, 2, 5): "春节",
        D(2027, 2, 6): "春节",
        D(2027, 2, 7): "春节",
        D(2027, 2, 8): "春节",
        D(2027, 4, 5): "清明节",
        D(2027, 5, 1): "劳动节",
        D(2027, 5, 2): "劳动节",
        D(2027, 6, 9): "端午节",
        D(2027, 9, 15): "中秋节",
        D(2027, 10, 1): "国庆节",
        D(2027, 10, 2): "国庆节",
        D(2027, 10, 3): "国庆节",
    }


def test_the_2028_days_off_fixed_by_law_where_mid_autumn_falls_on_national_day() -> None:
    assert statutory_holidays(2028) == {
        D(2028, 1, 1): "元旦",
        D(2028, 1, 25): "春节",
        D(2028, 1, 26): "春节",
        D(2028, 1, 27): "春节",
        D(2028, 1, 28): "春节",
        D(2028, 4, 4): "清明节",
        D(2028, 5, 1): "劳动节",
        D(2028, 5, 2): "劳动节",
        D(2028, 5, 28): "端午节",
        # 中秋 is 3 October, already a 国庆 day off: no extra day.
        D(2028, 10, 1): "国庆节",
        D(2028, 10, 2): "国庆节",
        D(2028, 10, 3): "国庆节",
    }


# 2025 and 2026: the 2024 amendment (除夕 off) applies from 2025.
@pytest.mark.parametrize("year", [2025, 2026])
def test_every_day_fixed_by_law_is_off_in_the_notices_the_package_knows(year: int) -> None:
    # The State Council's notices always give at least the days the law fixes.
    for day in statutory_holidays(year):
        assert chinese_calendar.is_holiday(day), day


def test_a_year_without_a_notice_gets_the_provisional_days_and_is_still_reported(
    hall_db: Database,
) -> None:
    with hall_db.read() as s:
        cal = calendar.load(s, 2027, 2027)
        provisional = calendar.provisional_days(s, 2027)
        missing = calendar.missing_years(s, D(2027, 1, 1), D(2027, 12, 31))
    assert not cal.is_workday(D(2027, 1, 1))
    assert not cal.is_workday(D(2027, 2, 8))  # 正月初三, a Monday
    assert cal.is_workday(D(2027, 2, 9))
    assert missing == [2027]
    assert [(d.day, d.name, d.source) for d in provisional][:2] == [
        (D(2027, 1, 1), "元旦", calendar.STATUTORY),
        (D(2027, 2, 5), "春节", calendar.STATUTORY),
    ]


def test_a_confirmed_year_follows_its_notice_alone(hall_db: Database) -> None:
    # A notice that (say) moves the 端午 day off to the Friday before: once confirmed, only the
    # days entered count.
    with hall_db.write() as s:
        calendar.add_holiday(s, D(2027, 6, 11), "端午节")
        with_rule = calendar.load(s, 2027, 2027)
        calendar.confirm_year(s, 2027)
        confirmed = calendar.load(s, 2027, 2027)
        provisional = calendar.provisional_days(s, 2027)
    assert not with_rule.is_workday(D(2027, 6, 9)) and not with_rule.is_workday(D(2027, 6, 11))
    assert confirmed.is_workday(D(2027, 6, 9)) and not confirmed.is_workday(D(2027, 6, 11))
    assert provisional == []


def test_a_day_entered_by_the_administrator_wins_over_the_rule(hall_db: Database) -> None:
    with hall_db.write() as s:
        calendar.add_workday(s, D(2027, 2, 7), "春节调休上班")
        cal = calendar.load(s, 2027, 2027)
        provisional = {d.day for d in calendar.provisional_days(s, 2027)}
    assert cal.is_workday(D(2027, 2, 7))
    assert D(2027, 2, 7) not in provisional and D(2027, 2, 8) in provisional
