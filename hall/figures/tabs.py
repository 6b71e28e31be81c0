"""What the 统计分析 screen asks for beyond the single figures: the choices of scope, the 趋势
tab (the trend with the changes per township and per category), and one tab's workbook —
each one call, so one user action is one unit of work."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.case_models import ResponsibleUnit
from db.models import Place, ServiceWindow
from hall.figures.base import ALL_HALL, TOWNSHIP, UNIT, WINDOW, Scope
from hall.figures.periods import Period
from hall.figures.report import workbook
from hall.figures.trend import Change, TrendPoint, township_and_category_changes, trend


@dataclass(frozen=True)
class ScopeChoices:
    """(value, name) pairs for each kind of scope, in the order the lists show them."""

    windows: list[tuple[str, str]]
    units: list[tuple[str, str]]
    townships: list[tuple[str, str]]

    def of(self, kind: str) -> list[tuple[str, str]]:
        return {WINDOW: self.windows, UNIT: self.units, TOWNSHIP: self.townships}.get(kind, [])


def scope_choices(session: Session) -> ScopeChoices:
    windows = session.execute(
        select(ServiceWindow.code, ServiceWindow.name).order_by(ServiceWindow.sort_order)
    ).tuples()
    units = session.execute(
        select(ResponsibleUnit.id, ResponsibleUnit.name).order_by(ResponsibleUnit.name)
    ).tuples()
    townships = session.scalars(select(Place.township).order_by(Place.township).distinct())
    return ScopeChoices(
        windows=[(code, name) for code, name in windows],
        units=[(str(unit_id), name) for unit_id, name in units],
        townships=[(name, name) for name in townships],
    )


@dataclass(frozen=True)
class TrendTab:
    points: list[TrendPoint]
    townships: list[Change]
    categories: list[Change]


def trend_tab(session: Session, period: Period, size: str, scope: Scope = ALL_HALL) -> TrendTab:
    """The 趋势 tab: the period by ``size`` with 环比 and 同比, and the same per township
    and per content category."""
    townships, categories = township_and_category_changes(session, period, scope)
    return TrendTab(trend(session, period, size, scope), townships, categories)


def tab_workbook(session: Session, tab: str, period: Period, scope: Scope = ALL_HALL) -> bytes:
    """The .xlsx of one tab (its sheet and the definitions)."""
    return workbook(session, period.first, period.last, scope=scope, only=tab)


def suggested_name(title: str, period: Period, suffix: str) -> str:
    """A file name for an export: what it is and its period, as a user would name it."""
    return f"{title}-{period.first:%Y%m%d}-{period.last:%Y%m%d}.{suffix}"
