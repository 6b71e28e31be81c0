"""The printed reports: the figures of a period gathered into the plain data that
:mod:`printing.statistics_report` lays out — the monthly 《群众工作统计月报》 and the yearly
《年度信访工作情况报告》 (信访工作条例 Art. 41)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.case_models import DECISION_NAMES, PetitionCase, ResponsibleUnit
from db.models import ServiceWindow
from hall import settings
from hall.figures import definitions as d
from hall.figures import periods
from hall.figures.base import ALL_HALL, HALL, SCOPE_NAMES, WINDOW, Scope, resolve
from hall.figures.mechanism_figures import mechanism_tables
from hall.figures.overview import overview
from hall.figures.report import RATE_KEYS
from hall.figures.trend import BUCKET_NAMES, trend
from hall.figures.work import court, supervision_figures
from printing import statistics_report as paper
from printing.statistics_report import ANNUAL, MONTHLY, Count, RateLine, StatisticsReport

# Beyond two months a day-by-day chart has too many bars to read: the trend goes by month.
DAILY_UP_TO = 62


def _decisions(session: Session, period: periods.Period) -> dict[str, int]:
    """Cases decided in the period, by decision (受理, 交办, 转送, 不予受理, 诉访分离)."""
    counts = dict.fromkeys(DECISION_NAMES, 0)
    for decision, count in session.execute(
        select(PetitionCase.decision, func.count())
        .where(PetitionCase.decided_on >= period.first, PetitionCase.decided_on <= period.last)
        .group_by(PetitionCase.decision)
    ):
        counts[decision] = int(count)
    return counts


def _scope_name(session: Session, scope: Scope) -> str:
    """The scope as the report's reader knows it: a window or unit by its name."""
    if scope.kind == HALL:
        return SCOPE_NAMES[HALL]
    ids = resolve(session, scope)
    if ids.window_id is not None:
        name = session.scalar(select(ServiceWindow.name).where(ServiceWindow.id == ids.window_id))
    elif ids.unit_id is not None:
        name = session.scalar(select(ResponsibleUnit.name).where(ResponsibleUnit.id == ids.unit_id))
    else:
        name = scope.value
    return f"{SCOPE_NAMES[scope.kind]}：{name}"


def report_data(
    session: Session, period: periods.Period, kind: str = MONTHLY, scope: Scope = ALL_HALL
) -> StatisticsReport:
    """Everything the report prints for ``period``; the annual report wants a calendar year
    in practice but any period is drawn."""
    figures = overview(session, period, scope)
    size = periods.DAY if period.days <= DAILY_UP_TO else periods.MONTH
    points = trend(session, period, size, scope)
    decisions = _decisions(session, period)
    orders = supervision_figures(session, period)
    court_tab = court(session, period)
    scope_name = _scope_name(session, scope)
    totals = (
        Count(d.NAMES[d.ITEMS], figures.total, d.ITEMS),
        Count(d.NAMES[d.PEOPLE], figures.people, d.PEOPLE),
        Count(d.NAMES[d.GROUPS], figures.groups, d.GROUPS),
        Count(d.NAMES[d.CASES_OPENED], figures.cases.opened, d.CASES_OPENED),
        Count(d.NAMES[d.CASES_CLOSED], figures.cases.closed, d.CASES_CLOSED),
        Count(
            d.NAMES[d.CASES_CLOSED_ON_TIME], figures.cases.closed_on_time, d.CASES_CLOSED_ON_TIME
        ),
        Count(d.NAMES[d.OVERDUE_OPEN], figures.cases.overdue_open, d.OVERDUE_OPEN),
    )
    rates = tuple(
        RateLine(d.NAMES[key], figures.rates[key].numerator, figures.rates[key].denominator, key)
        for key in RATE_KEYS
    )
    return StatisticsReport(
        kind=kind,
        hall_name=settings.get(session, settings.HALL_NAME),
        first=period.first,
        last=period.last,
        as_of=figures.as_of,
        scope=scope_name,
        totals=totals,
        rates=rates,
        by_channel=tuple(figures.by_channel.items()),
        by_class=tuple(figures.by_class.items()),
        by_purpose=tuple(figures.by_purpose.items()),
        by_township=tuple(sorted(figures.by_township.items(), key=lambda p: -p[1])),
        trend=tuple((p.label, p.count, p.previous, p.year_ago) for p in points),
        trend_unit=BUCKET_NAMES[size],
        referrals=tuple(
            Count(f"作出{name}决定（件）", decisions[code]) for code, name in DECISION_NAMES.items()
        ),
        supervision=(
            Count("发出督办单（件）", orders.issued, d.ORDERS),
            Count("按期回复督办（件）", orders.replied_on_time.numerator, d.ORDERS),
            Count("升级督办（件）", orders.escalated, d.ORDERS),
        ),
        court=(
            Count("接待来访群众（人次）", court_tab.figures.received, d.COURT),
            Count("办理事项（件）", court_tab.figures.handled),
            Count("立案（件）", court_tab.figures.registered),
            Count("结案（件）", court_tab.figures.closed),
            Count("调解结案（件）", court_tab.figures.mediated),
            Count("司法确认（件）", court_tab.figures.by_outcome.get("司法确认", 0)),
            Count("平均调解天数", court_tab.average_mediation_days),
        ),
        units_complained=tuple((u.unit, u.count) for u in orders.units_by_complaints),
        units_overdue=tuple((u.unit, u.count) for u in orders.units_by_overdue),
        notes=tuple((key, d.NAMES[key], d.TEXTS[key]) for key in d.TEXTS),
        mechanisms=mechanism_tables(session, period),
    )


def report_pdf(
    session: Session,
    start: dt.date,
    end: dt.date,
    window: str | None = None,
    kind: str | None = None,
    *,
    scope: Scope | None = None,
) -> bytes:
    """The PDF of ``hall-admin report --pdf``: the annual report for a whole calendar year,
    else the monthly report (for any period), unless ``kind`` says which. ``scope`` replaces
    ``window`` for the screen's other scopes."""
    period = periods.custom(start, end)
    whole_year = start == dt.date(start.year, 1, 1) and end == dt.date(start.year, 12, 31)
    chosen = kind or (ANNUAL if whole_year else MONTHLY)
    scope = scope or (Scope(WINDOW, window) if window else ALL_HALL)
    return paper.render(report_data(session, period, chosen, scope))
