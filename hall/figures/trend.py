"""趋势: items counted by day, week or month across a period, each bucket beside the one before
it (环比) and the same bucket a year earlier (同比); and the same comparison per township and
per content category. A change of more than 10 % is marked 异常, more than 20 % 告警.

The database counts items per day (one GROUP BY per range); the days are then gathered into
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
from hall.figures.items import items
from hall.figures.overview import NO_TOWNSHIP, UNFILED, category_names
from hall.figures.periods import CUSTOM, DAY, MONTH, WEEK, Period

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
    grouped = items(session, period, ids, with_day=True)
    rows = session.execute(select(grouped.c.day, func.count()).group_by(grouped.c.day))
    return Counter({as_date(day): int(count) for day, count in rows})


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


def _by(session: Session, period: Period, ids: ScopeIds, dimension: str) -> Counter[str]:
    if dimension == TOWNSHIP:
        grouped = items(session, period, ids, with_township=True)
        rows = session.execute(
            select(grouped.c.township, func.count()).group_by(grouped.c.township)
        )
        return Counter({(name or NO_TOWNSHIP): int(n) for name, n in rows})
    grouped = items(session, period, ids, with_category=True)
    names = category_names(session)
    counts: Counter[str] = Counter()
    for category_id, n in session.execute(
        select(grouped.c.category_id, func.count()).group_by(grouped.c.category_id)
    ):
        counts[names.get(category_id, UNFILED) if category_id else UNFILED] += int(n)
    return counts


def changes(
    session: Session, period: Period, dimension: str, scope: Scope = ALL_HALL
) -> list[Change]:
    """趋势 per township or per category, the most items first."""
    if dimension not in (TOWNSHIP, CATEGORY):
        raise InvalidInput(f"分组“{dimension}”无效，应为乡镇或内容分类。", "dimension")
    ids = resolve(session, scope)
    now = _by(session, period, ids, dimension)
    before = _by(session, period.previous(), ids, dimension)
    ago = _by(session, period.year_ago(), ids, dimension)
    names = sorted(set(now) | set(before) | set(ago), key=lambda n: (-now[n], n))
    return [Change(n, now[n], before[n], ago[n]) for n in names]
