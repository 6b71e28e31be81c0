"""The holidays fixed by law every year, for the years whose notice is not out yet.

The 全国年节及纪念日放假办法 (as amended in 2024) fixes the days off of every year: 元旦
(1 January), 春节 (除夕 and 正月初一 to 初三), 清明 (the day of the 清明 solar term), 劳动节
(1 and 2 May), 端午 (五月初五), 中秋 (八月十五) and 国庆 (1 to 3 October). The State Council's
yearly notice then adds the bridging days and the make-up workdays (调休), which no rule
foretells. Until that notice is entered, these days stand as provisional holidays, so that a
deadline does not end on 元旦 or 正月初三 just because the notice is late; the year is still
reported missing so the program keeps warning.

The rule is the one in force from 2025 (除夕 became a day off then); every earlier year is in
the calendar package, so it never stands in for one.

Lunar dates come from lunardate and the solar term from chinese-calendar, not from a table kept
here: both compute any year the hall will meet.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

# Neither package ships type information.
from chinese_calendar import get_solar_terms  # type: ignore[import-untyped]
from lunardate import LunarDate  # type: ignore[import-untyped]

QINGMING = "清明"


def _lunar(year: int, month: int, day: int) -> dt.date:
    solar: dt.date = LunarDate(year, month, day).to_solar_date()
    return solar


def _qingming(year: int) -> dt.date:
    # 清明 falls on 4, 5 or 6 April.
    for day, name in get_solar_terms(dt.date(year, 4, 3), dt.date(year, 4, 7)):
        if name == QINGMING:
            found: dt.date = day
            return found
    raise LookupError(f"no 清明 solar term in early April {year}")


@cache
def statutory_holidays(year: int) -> dict[dt.date, str]:
    """The days off the law fixes in ``year`` (Gregorian), each with its holiday's name."""
    days: dict[dt.date, str] = {dt.date(year, 1, 1): "元旦"}
    new_year = _lunar(year, 1, 1)
    # 除夕 is the last day of the twelfth lunar month, whether it has 29 or 30 days.
    for offset in range(-1, 3):
        days[new_year + dt.timedelta(days=offset)] = "春节"
    days[_qingming(year)] = "清明节"
    days[dt.date(year, 5, 1)] = days[dt.date(year, 5, 2)] = "劳动节"
    days[_lunar(year, 5, 5)] = "端午节"
    for day in (1, 2, 3):
        days[dt.date(year, 10, day)] = "国庆节"
    # 中秋 can fall inside the 国庆 days (as in 2028): then it adds no day off.
    days.setdefault(_lunar(year, 8, 15), "中秋节")
    return days
