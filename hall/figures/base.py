"""What every figure shares: the scope it is taken over, a rate kept as its two counts, and
the few SQL expressions SQLite and PostgreSQL spell differently."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BigInteger, Date, Float, Integer, cast, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.sql.elements import ColumnElement

from db.case_models import ResponsibleUnit
from db.models import ServiceWindow
from hall.errors import InvalidInput, NotFound

HALL = "hall"
WINDOW = "window"
UNIT = "unit"
TOWNSHIP = "township"
SCOPE_NAMES = {HALL: "全大厅", WINDOW: "窗口", UNIT: "责任单位", TOWNSHIP: "乡镇（街道）"}


@dataclass(frozen=True)
class Scope:
    """Whose figures: the whole hall, one window (by code), one responsible unit (by id, as
    text), or one township (by name)."""

    kind: str = HALL
    value: str = ""

    def __post_init__(self) -> None:
        if self.kind not in SCOPE_NAMES:
            raise InvalidInput(
                f"统计范围“{self.kind}”无效，应为全大厅、窗口、责任单位或乡镇。", "scope"
            )
        if self.kind != HALL and not self.value.strip():
            raise InvalidInput(f"请选择要统计的{SCOPE_NAMES[self.kind]}。", "scope")


ALL_HALL = Scope()


@dataclass(frozen=True)
class ScopeIds:
    """A scope resolved against the database: the window's or unit's id."""

    scope: Scope
    window_id: int | None = None
    unit_id: int | None = None

    @property
    def township(self) -> str | None:
        return self.scope.value if self.scope.kind == TOWNSHIP else None


def resolve(session: Session, scope: Scope) -> ScopeIds:
    if scope.kind == WINDOW:
        window_id = session.scalar(
            select(ServiceWindow.id).where(ServiceWindow.code == scope.value)
        )
        if window_id is None:
            raise NotFound(f"找不到代码为“{scope.value}”的窗口，请在窗口列表中选择。")
        return ScopeIds(scope, window_id=window_id)
    if scope.kind == UNIT:
        unit = session.get(ResponsibleUnit, int(scope.value)) if scope.value.isdigit() else None
        if unit is None:
            raise NotFound(f"找不到编号为“{scope.value}”的责任单位，请在单位列表中选择。")
        return ScopeIds(scope, unit_id=unit.id)
    return ScopeIds(scope)


@dataclass(frozen=True)
class Rate:
    """A rate as its numerator and denominator; its value is None when nothing was counted,
    so no figure ever shows a percentage of nothing."""

    numerator: int
    denominator: int

    @property
    def value(self) -> float | None:
        return self.numerator / self.denominator if self.denominator else None

    @property
    def text(self) -> str:
        value = self.value
        shown = "—" if value is None else f"{value:.1%}"
        return f"{shown}（{self.numerator}/{self.denominator}）"

    def as_json(self) -> dict[str, object]:
        return {"numerator": self.numerator, "denominator": self.denominator, "value": self.value}


def day_of(
    session: Session, moment: ColumnElement[Any] | InstrumentedAttribute[Any]
) -> ColumnElement[Any]:
    """The calendar day of a timestamp column: a date on PostgreSQL, 'YYYY-MM-DD' text on
    SQLite (whose CAST AS DATE would keep only the year). :func:`as_date` reads either."""
    if session.get_bind().dialect.name == "sqlite":
        return func.date(moment)
    return cast(moment, Date)


def as_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def microseconds_between(
    session: Session,
    start: ColumnElement[Any] | InstrumentedAttribute[Any],
    end: ColumnElement[Any] | InstrumentedAttribute[Any],
) -> ColumnElement[int]:
    """``end - start`` in whole microseconds, computed by the database: exact, as the tickets'
    daily counts keep them (migration 0170_figwin), so that a wait of the target to the second
    is within it whichever way it is counted. On SQLite a timestamp is text: its whole seconds
    from ``strftime``, its microseconds from the text (``julianday`` is a double, off by a
    few). On PostgreSQL ``date_part``, a double exact to the microsecond over any wait:
    ``EXTRACT`` gives a numeric, several times slower to sum over a year of tickets."""
    if session.get_bind().dialect.name == "sqlite":

        def whole(value: Any) -> ColumnElement[int]:
            return cast(func.strftime("%s", value), Integer)

        def micro(value: Any) -> ColumnElement[int]:
            return cast(func.substr(func.substr(value, 21).concat("000000"), 1, 6), Integer)

        return (whole(end) - whole(start)) * 1_000_000 + micro(end) - micro(start)
    return cast(func.round(func.date_part("epoch", end - start) * 1_000_000), BigInteger)


def days_between(
    session: Session,
    start: ColumnElement[Any] | InstrumentedAttribute[Any],
    end: ColumnElement[Any] | InstrumentedAttribute[Any],
) -> ColumnElement[float]:
    """Whole days from the date ``start`` to the date ``end``, computed by the database."""
    if session.get_bind().dialect.name == "sqlite":
        return cast(func.julianday(end) - func.julianday(start), Float)
    return cast(cast(end, Date) - cast(start, Date), Float)


def count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    """The rows where ``condition`` holds: ``count(*) FILTER (WHERE …)``, which both
    databases evaluate without building a value per row, and which is 0, never NULL."""
    return func.count().filter(condition)
