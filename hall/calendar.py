"""The working-day calendar the deadlines follow.

A day is a working day when it is Monday to Friday, unless the table says otherwise: public
holidays (法定节假日) are rows with ``is_workday`` false, make-up workdays on a weekend
(调休上班) rows with ``is_workday`` true. The table is seeded from the chinese-calendar package
for the years it knows; later years (the State Council announces each year's holidays only
late in the year before) are entered by the administrator, who then confirms the year.
A deadline needing a year that is not confirmed is computed from weekends and the holidays the
law fixes every year (:mod:`hall.statutory_holidays`, provisional until the notice is entered),
and :func:`missing_years` says which years those are so the program can warn.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

# The package ships no type information.
from chinese_calendar import constants as library  # type: ignore[import-untyped]
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from db import events
from db.case_models import CalendarDay, CalendarYear
from db.event_kinds import EventKind
from db.models import User
from hall import clock
from hall.errors import InvalidInput, NotFound
from hall.statutory_holidays import statutory_holidays

if TYPE_CHECKING:
    from hall.recalculation import Adjustment

LIBRARY = "chinese-calendar"
ADMIN = "admin"
# The source of a provisional holiday: fixed by law, the year's notice not yet entered.
STATUTORY = "statutory"
MAX_NAME = 64

# chinese-calendar names its holidays in English.
HOLIDAY_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}
WEEKDAYS = "一二三四五六日"


def cn_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


@dataclass(frozen=True)
class WorkCalendar:
    """The calendar for a span of years, loaded once for the deadlines of one action."""

    overrides: Mapping[dt.date, bool] = field(default_factory=dict)
    confirmed: frozenset[int] = frozenset()

    def is_workday(self, day: dt.date) -> bool:
        override = self.overrides.get(day)
        if override is not None:
            return override
        return day.weekday() < 5

    def on_or_after_workday(self, day: dt.date) -> dt.date:
        """``day`` itself if it is a working day, else the next working day."""
        while not self.is_workday(day):
            day += dt.timedelta(days=1)
        return day

    def missing_years(self, first: dt.date, last: dt.date) -> list[int]:
        return [y for y in range(first.year, last.year + 1) if y not in self.confirmed]


@dataclass(frozen=True)
class SpecialDay:
    day: dt.date
    is_workday: bool
    name: str
    source: str

    @property
    def kind_name(self) -> str:
        return "调休上班" if self.is_workday else "放假"


def load(session: Session, first_year: int, last_year: int) -> WorkCalendar:
    """The calendar for ``first_year`` to ``last_year`` inclusive."""
    first = dt.date(first_year, 1, 1)
    last = dt.date(last_year, 12, 31)
    rows = session.execute(
        select(CalendarDay.day, CalendarDay.is_workday).where(
            CalendarDay.day >= first, CalendarDay.day <= last
        )
    )
    years = session.scalars(
        select(CalendarYear.year).where(
            CalendarYear.year >= first_year, CalendarYear.year <= last_year
        )
    )
    overrides = {day: bool(workday) for day, workday in rows}
    confirmed = frozenset(years)
    for year in range(first_year, last_year + 1):
        if year not in confirmed:
            # A day the administrator already entered for the year wins over the rule.
            for day in statutory_holidays(year):
                overrides.setdefault(day, False)
    return WorkCalendar(overrides=overrides, confirmed=confirmed)


def provisional_days(session: Session, year: int) -> Sequence[SpecialDay]:
    """The holidays fixed by law that stand for ``year`` while its notice is not confirmed
    (none once it is), leaving out the days the administrator has entered."""
    if session.get(CalendarYear, year) is not None:
        return []
    entered = {d.day for d in special_days(session, year)}
    return [
        SpecialDay(day, False, name, STATUTORY)
        for day, name in sorted(statutory_holidays(year).items())
        if day not in entered
    ]


def library_years() -> list[int]:
    """The years the installed chinese-calendar package knows."""
    return sorted({day.year for day in library.holidays} | {day.year for day in library.workdays})


def seed(session: Session, now: dt.datetime | None = None) -> list[int]:
    """Copy the package's years that the table does not have yet; returns the years added.
    Reference data, like the windows: seeded without an event.

    A year already confirmed is left alone, so the administrator's corrections survive a
    newer package; a year the administrator entered by hand is not overwritten either.
    """
    now = now or clock.now()
    have = set(session.scalars(select(CalendarYear.year)))
    added = [year for year in library_years() if year not in have]
    if not added:
        return []
    wanted = set(added)
    hand_entered = set(
        session.scalars(
            select(CalendarDay.day).where(
                CalendarDay.day >= dt.date(min(added), 1, 1),
                CalendarDay.day <= dt.date(max(added), 12, 31),
            )
        )
    )
    rows: list[dict[str, object]] = []
    for table, is_workday in ((library.holidays, False), (library.workdays, True)):
        for day, name in table.items():
            if day.year in wanted and day not in hand_entered:
                rows.append(
                    {
                        "day": day,
                        "is_workday": is_workday,
                        "name": HOLIDAY_NAMES.get(str(name), str(name)),
                        "source": LIBRARY,
                    }
                )
    if rows:
        session.execute(insert(CalendarDay), rows)
    session.add_all(
        CalendarYear(year=year, source=LIBRARY, confirmed_at=now, confirmed_by=None)
        for year in added
    )
    session.flush()
    _recompute(session, dt.date(min(added), 1, 1), dt.date(max(added), 12, 31), None, now)
    return added


def _recompute(
    session: Session, first: dt.date, last: dt.date, actor: User | None, now: dt.datetime
) -> list[Adjustment]:
    # Imported here: the deadlines it recomputes are the rules of modules that read this one.
    from hall import recalculation

    return recalculation.recompute(session, first, last, actor, now)


def _check_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise InvalidInput("请填写节日或调休的名称（如“国庆节”）。", "name")
    if len(name) > MAX_NAME:
        raise InvalidInput(f"名称太长（最多 {MAX_NAME} 个字）。", "name")
    return name


def _write_day(
    session: Session,
    day: dt.date,
    is_workday: bool,
    name: str,
    actor: User | None,
    now: dt.datetime,
) -> CalendarDay:
    name = _check_name(name)
    row = session.get(CalendarDay, day)
    if row is None:
        row = CalendarDay(day=day, is_workday=is_workday, name=name, source=ADMIN)
        session.add(row)
    else:
        row.is_workday = is_workday
        row.name = name
        row.source = ADMIN
    session.flush()
    events.append(
        session,
        EventKind.CALENDAR_DAY_SET,
        "calendar",
        None,
        now,
        actor.id if actor else None,
        {"day": day.isoformat(), "is_workday": is_workday, "name": name},
    )
    return row


def _set_day(
    session: Session,
    day: dt.date,
    is_workday: bool,
    name: str,
    actor: User | None,
    now: dt.datetime | None,
) -> CalendarDay:
    now = now or clock.now()
    row = _write_day(session, day, is_workday, name, actor, now)
    _recompute(session, day, day, actor, now)
    return row


def add_holiday(
    session: Session,
    day: dt.date,
    name: str,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> CalendarDay:
    """Mark ``day`` a public holiday (it may fall on a weekend inside a holiday run)."""
    return _set_day(session, day, False, name, actor, now)


def add_workday(
    session: Session,
    day: dt.date,
    name: str,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> CalendarDay:
    """Mark a Saturday or Sunday a make-up workday (调休上班)."""
    _check_weekend(day)
    return _set_day(session, day, True, name, actor, now)


def _check_weekend(day: dt.date) -> None:
    if day.weekday() < 5:
        raise InvalidInput(
            f"{cn_date(day)}是星期{WEEKDAYS[day.weekday()]}，本来就是工作日；"
            "调休上班只能设在星期六或星期日。",
            "day",
        )


def enter_notice(
    session: Session,
    year: int,
    holidays: Mapping[dt.date, str],
    workdays: Mapping[dt.date, str],
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> list[Adjustment]:
    """Enter a year's notice at once — its days off and make-up workdays — and confirm the year.
    The deadlines it moves are recomputed once, so each moves once on its timeline rather than
    a day at a time as the days are entered; returns those moves."""
    now = now or clock.now()
    for day in workdays:
        _check_weekend(day)
    both = set(holidays) & set(workdays)
    if both:
        raise InvalidInput(f"{cn_date(min(both))}既列为放假又列为调休上班，请核对放假安排。", "day")
    for day, name in sorted(holidays.items()):
        _write_day(session, day, False, name, actor, now)
    for day, name in sorted(workdays.items()):
        _write_day(session, day, True, name, actor, now)
    days = [*holidays, *workdays, dt.date(year, 1, 1), dt.date(year, 12, 31)]
    _confirm(session, year, actor, now)
    return _recompute(session, min(days), max(days), actor, now)


def remove_day(
    session: Session, day: dt.date, actor: User | None = None, now: dt.datetime | None = None
) -> None:
    """Return ``day`` to the Monday-to-Friday rule."""
    now = now or clock.now()
    row = session.get(CalendarDay, day)
    if row is None:
        raise NotFound(f"{cn_date(day)}不是节假日或调休日，无需删除。")
    session.delete(row)
    session.flush()
    events.append(
        session,
        EventKind.CALENDAR_DAY_REMOVED,
        "calendar",
        None,
        now,
        actor.id if actor else None,
        {"day": day.isoformat()},
    )
    _recompute(session, day, day, actor, now)


def confirm_year(
    session: Session, year: int, actor: User | None = None, now: dt.datetime | None = None
) -> None:
    """Declare that all of ``year``'s holidays and make-up workdays have been entered."""
    now = now or clock.now()
    _confirm(session, year, actor, now)
    # The year's provisional holidays (fixed by law) give way to the days entered.
    _recompute(session, dt.date(year, 1, 1), dt.date(year, 12, 31), actor, now)


def _confirm(session: Session, year: int, actor: User | None, now: dt.datetime) -> None:
    holidays = session.scalar(
        select(CalendarDay.day)
        .where(
            CalendarDay.day >= dt.date(year, 1, 1),
            CalendarDay.day <= dt.date(year, 12, 31),
            CalendarDay.is_workday.is_(False),
        )
        .limit(1)
    )
    if holidays is None:
        raise InvalidInput(
            f"{year} 年还没有录入任何法定节假日（至少有元旦、春节、国庆节），请先按国务院"
            "办公厅公布的放假安排录入，再确认该年日历。",
            "year",
        )
    row = session.get(CalendarYear, year)
    if row is None:
        session.add(
            CalendarYear(
                year=year, source=ADMIN, confirmed_at=now, confirmed_by=actor.id if actor else None
            )
        )
    else:
        row.confirmed_at = now
        row.confirmed_by = actor.id if actor else None
    session.flush()
    events.append(
        session,
        EventKind.CALENDAR_YEAR_CONFIRMED,
        "calendar",
        None,
        now,
        actor.id if actor else None,
        {"year": year},
    )


def special_days(session: Session, year: int) -> Sequence[SpecialDay]:
    rows = session.scalars(
        select(CalendarDay)
        .where(CalendarDay.day >= dt.date(year, 1, 1), CalendarDay.day <= dt.date(year, 12, 31))
        .order_by(CalendarDay.day)
    )
    return [SpecialDay(r.day, r.is_workday, r.name, r.source) for r in rows]


def confirmed_years(session: Session) -> list[int]:
    return list(session.scalars(select(CalendarYear.year).order_by(CalendarYear.year)))


def missing_years(session: Session, first: dt.date, last: dt.date) -> list[int]:
    """The years from ``first`` to ``last`` whose holidays the calendar lacks."""
    have = set(
        session.scalars(
            select(CalendarYear.year).where(
                CalendarYear.year >= first.year, CalendarYear.year <= last.year
            )
        )
    )
    return [year for year in range(first.year, last.year + 1) if year not in have]


def missing_years_warning(years: Sequence[int]) -> str:
    """The warning to show when deadlines need years the calendar lacks ('' when none)."""
    if not years:
        return ""
    listed = "、".join(f"{y} 年" for y in years)
    return (
        f"节假日日历缺少{listed}的放假安排，这些年份的期限暂按周六、周日和法定节日"
        "（元旦、春节、清明、劳动节、端午、中秋、国庆的法定放假日）计算，调休安排未计入，"
        "顺延后的日期可能不准。请管理员按国务院办公厅公布的放假安排录入并确认，"
        "录入后期限会自动重新计算。"
    )
