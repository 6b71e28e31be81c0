"""The periods figures are asked for: today, this week, month, quarter or year, or any days
chosen; and the two periods each is compared with — the one just before it (环比) and the same
days a year earlier (同比)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from hall.calendar import cn_date
from hall.errors import InvalidInput

DAY = "day"
WEEK = "week"
MONTH = "month"
QUARTER = "quarter"
YEAR = "year"
CUSTOM = "custom"
KIND_NAMES = {
    DAY: "当日",
    WEEK: "本周",
    MONTH: "本月",
    QUARTER: "本季度",
    YEAR: "本年",
    CUSTOM: "自定义",
}
# A custom period longer than this is a mistake in the dates, not a question anyone asks.
MAX_DAYS = 3 * 366


@dataclass(frozen=True)
class Period:
    """The days from ``first`` to ``last``, both included."""

    kind: str
    first: dt.date
    last: dt.date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def since(self) -> dt.datetime:
        """The period's first moment, for comparing times of day."""
        return dt.datetime.combine(self.first, dt.time())

    @property
    def until(self) -> dt.datetime:
        """The moment just after the period."""
        return dt.datetime.combine(self.last + dt.timedelta(days=1), dt.time())

    @property
    def label(self) -> str:
        if self.first == self.last:
            return cn_date(self.first)
        return f"{cn_date(self.first)}至{cn_date(self.last)}"

    def previous(self) -> Period:
        """The period just before (环比): the month before a month, the quarter before a
        quarter; a custom period, the same number of days before it."""
        if self.kind == MONTH:
            return month(self.first - dt.timedelta(days=1))
        if self.kind == QUARTER:
            return quarter(self.first - dt.timedelta(days=1))
        if self.kind == YEAR:
            return year(self.first - dt.timedelta(days=1))
        length = dt.timedelta(days=self.days)
        return replace(self, first=self.first - length, last=self.last - length)

    def year_ago(self) -> Period:
        """The same days a year earlier (同比); 29 February falls back to the 28th."""
        if self.kind in (MONTH, QUARTER, YEAR):
            return {MONTH: month, QUARTER: quarter, YEAR: year}[self.kind](
                _year_earlier(self.first)
            )
        return replace(self, first=_year_earlier(self.first), last=_year_earlier(self.last))


def _year_earlier(day: dt.date) -> dt.date:
    if day.month == 2 and day.day == 29:
        return dt.date(day.year - 1, 2, 28)
    return day.replace(year=day.year - 1)


def today(on: dt.date) -> Period:
    return Period(DAY, on, on)


def week(on: dt.date) -> Period:
    """The week (Monday to Sunday) holding ``on``."""
    first = on - dt.timedelta(days=on.weekday())
    return Period(WEEK, first, first + dt.timedelta(days=6))


def month(on: dt.date) -> Period:
    first = on.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return Period(MONTH, first, following - dt.timedelta(days=1))


def quarter(on: dt.date) -> Period:
    first = dt.date(on.year, 3 * ((on.month - 1) // 3) + 1, 1)
    last = month(dt.date(first.year, first.month + 2, 1)).last
    return Period(QUARTER, first, last)


def year(on: dt.date) -> Period:
    return Period(YEAR, dt.date(on.year, 1, 1), dt.date(on.year, 12, 31))


def custom(first: dt.date, last: dt.date) -> Period:
    if last < first:
        raise InvalidInput(
            f"统计的结束日期（{cn_date(last)}）不能早于开始日期（{cn_date(first)}），请重新选择。",
            "last",
        )
    if (last - first).days + 1 > MAX_DAYS:
        raise InvalidInput("自定义统计期间最长三年，请缩短日期范围或按年分别统计。", "first")
    return Period(CUSTOM, first, last)


def of_kind(kind: str, on: dt.date) -> Period:
    """The period of ``kind`` (day, week, month, quarter, year) holding ``on``."""
    makers = {DAY: today, WEEK: week, MONTH: month, QUARTER: quarter, YEAR: year}
    if kind not in makers:
        raise InvalidInput(f"统计期间“{kind}”无效，应为当日、本周、本月、本季度或本年。", "kind")
    return makers[kind](on)
