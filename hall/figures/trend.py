"""趋势: items counted by day, week or month across a period, each bucket beside the one before
it (环比) and the same bucket a year earlier (同比); and the same comparison per township and
per content category. A change of more than 10 % is marked 异常, more than 20 % 告警.

The database counts items per day (for the hall and a window, the visits from their daily
counts: :mod:`hall.figures.days`); the days are then gathered into
weeks or months here, a few hundred rows at most.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hall.errors import InvalidInput
from hall.figures.base import ALL_HALL, Scope, ScopeIds, as_date, resolve
from hall.figures.days import counted_by_day, visit_days, visit_townships
from hall.figures.items import filed_items, item_parts
from hall.figures.overview import NO_TOWNSHIP, UNFILED, category_names
from hall.figures.periods import CUSTOM, DAY, MONTH, WEEK, Period
from hall.figures.tally import filed_counts

UNUSUAL = 0.10
ALARM = 0.20
UNUSUAL_NAME = "异常"
ALARM_NAME = "告警"
BUCKET_NAMES = {DAY: "按日", WEEK: "按周", MONTH: "按月"}
TOWNSHIP = "township"
CATEGORY = "category"


def change(current: int, base: int) -> float | None:
    """The relative change from ``base``; None when there is nothing to compare with."""
    return (current - base) / base if base else None


def mark(*changes: float | None) -> str:
    """告警 when any change exceeds 20 %, 异常 when any exceeds 10 %, else nothing."""
    largest = max((abs(c) for c in changes if c is not None), default=0.0)
    if largest > ALARM:
        return ALARM_NAME
    if largest > UNUSUAL:
        return UNUSUAL_NAME
    return ""


@dataclass(frozen=True)
class TrendPoint:
    first: dt.date
    label: str
    count: int
    previous: int
    year_ago: int

    @property
    def month_on_month(self) -> float | None:
        """环比."""
        return change(self.count, self.previous)

    @property
    def year_on_year(self) -> float | None:
        """同比."""
        return change(self.count, self.year_ago)

    @property
    def mark(self) -> str:
        return mark(self.month_on_month, self.year_on_year)


def _bucket(day: dt.date, size: str) -> dt.date:
    if size == WEEK:
        return day - dt.timedelta(days=day.weekday())
    if size == MONTH:
        return day.replace(day=1)
    return day


def _before(bucket: dt.date, size: str) -> dt.date:
    if size == WEEK:
        return bucket - dt.timedelta(days=7)
    if size == MONTH:
        return (bucket - dt.timedelta(days=1)).replace(day=1)
    return bucket - dt.timedelta(days=1)


def _year_later(day: dt.date) -> dt.date:
    return day.replace(year=day.year + 1)


def _label(bucket: dt.date, size: str) -> str:
    if size == MONTH:
        return f"{bucket.year}年{bucket.month}月"
    if size == WEEK:
        return f"{bucket.month}月{bucket.day}日起一周"
    return f"{bucket.month}月{bucket.day}日"


def _daily(session: Session, period: Period, ids: ScopeIds) -> Counter[dt.date]:
    visits, letters = item_parts(session, period, ids, with_day=True)
    by_day = counted_by_day(ids)
    counts = visit_days(session, period, ids) if by_day else Counter()
    for part in [letters] if by_day else [visits, letters]:
        grouped = part.subquery()
        for day, count in session.execute(
            select(grouped.c.day, func.count()).group_by(grouped.c.day)
        ):
            counts[as_date(day)] += int(count)
    return counts


def trend(
    session: Session, period: Period, size: str = DAY, scope: Scope = ALL_HALL
) -> list[TrendPoint]:
    """The 趋势 chart: one point per day, week or month of ``period``."""
    if size not in BUCKET_NAMES:
        raise InvalidInput(f"趋势分组“{size}”无效，应为按日、按周或按月。", "size")
    ids = resolve(session, scope)
    first_bucket = _bucket(period.first, size)
    earliest = _before(first_bucket, size)
    span = Period(CUSTOM, min(earliest, period.first), period.last)
    now_counts: Counter[dt.date] = Counter()
    for day, count in _daily(session, span, ids).items():
        now_counts[_bucket(day, size)] += count
    year_ago = period.year_ago()
    ago_span = Period(CUSTOM, _bucket(year_ago.first, size), year_ago.last)
    ago_counts: Counter[dt.date] = Counter()
    for day, count in _daily(session, ago_span, ids).items():
        if day.month == 2 and day.day == 29:
            continue
        ago_counts[_bucket(_year_later(day), size)] += count
    points = []
    bucket = first_bucket
    while bucket <= period.last:
        points.append(
            TrendPoint(
                first=bucket,
                label=_label(bucket, size),
                count=now_counts[bucket],
                previous=now_counts[_before(bucket, size)],
                year_ago=ago_counts[bucket],
            )
        )
        bucket = _next(bucket, size)
    return points


def _next(bucket: dt.date, size: str) -> dt.date:
    if size == WEEK:
        return bucket + dt.timedelta(days=7)
    if size == MONTH:
        return (bucket + dt.timedelta(days=32)).replace(day=1)
    return bucket + dt.timedelta(days=1)


@dataclass(frozen=True)
class Change:
    """One township's or category's count over the period beside the period before it and
    the same period a year earlier."""

    name: str
    count: int
    previous: int
    year_ago: int

    @property
    def month_on_month(self) -> float | None:
        return change(self.count, self.previous)

    @property
    def year_on_year(self) -> float | None:
        return change(self.count, self.year_ago)

    @property
    def mark(self) -> str:
        return mark(self.month_on_month, self.year_on_year)


def _by_township_and_category(
    session: Session, period: Period, ids: ScopeIds
) -> tuple[Counter[str], Counter[str]]:
    """The period's items per township and per content category. Few items are filed under a
    category, so only the filed ones are counted by category (driven by the small table) and
    the rest of the total, known from the townships' counts, goes under 未分类."""
    visits, letters = item_parts(session, period, ids, with_township=True)
    by_day = counted_by_day(ids)
    townships: Counter[str] = Counter()
    if by_day:
        for name, n in visit_townships(session, period, ids).items():
            townships[name or NO_TOWNSHIP] += n
    for part in [letters] if by_day else [visits, letters]:
        grouped = part.subquery()
        for name, n in session.execute(
            select(grouped.c.township, func.count()).group_by(grouped.c.township)
        ):
            townships[name or NO_TOWNSHIP] += int(n)
    names = category_names(session)
    filed = filed_items(session, period, ids, by_unit=False)
    categories: Counter[str] = Counter()
    for category_id, n in filed_counts(session, filed.c.category_id, townships.total()).items():
        categories[names.get(category_id, UNFILED) if category_id else UNFILED] += n
    return townships, categories


def _change_lists(now: Counter[str], before: Counter[str], ago: Counter[str]) -> list[Change]:
    names = sorted(set(now) | set(before) | set(ago), key=lambda n: (-now[n], n))
    return [Change(n, now[n], before[n], ago[n]) for n in names]


def township_and_category_changes(
    session: Session, period: Period, scope: Scope = ALL_HALL
) -> tuple[list[Change], list[Change]]:
    """趋势 per township and per category (each the most items first), read together: the
    townships' counts give the total the categories' 未分类 is taken from."""
    ids = resolve(session, scope)
    now, before, ago = (
        _by_township_and_category(session, span, ids)
        for span in (period, period.previous(), period.year_ago())
    )
    return (
        _change_lists(now[0], before[0], ago[0]),
        _change_lists(now[1], before[1], ago[1]),
    )


def changes(
    session: Session, period: Period, dimension: str, scope: Scope = ALL_HALL
) -> list[Change]:
    """趋势 per township or per category, the most items first."""
    if dimension not in (TOWNSHIP, CATEGORY):
        raise InvalidInput(f"分组“{dimension}”无效，应为乡镇或内容分类。", "dimension")
    townships, categories = township_and_category_changes(session, period, scope)
    return townships if dimension == TOWNSHIP else categories
