"""The items behind a figure: the list a leader opens from any count or rate of any tab, one
page at a time, with the rules the officers' own lists keep — an accusation's petitioner is
masked and its matter withheld from whoever may not read it, and the case lists never show
either (:mod:`hall.figures.rows`).

总览's figures are listed here; the other tabs' lists (分类, 趋势, 窗口效能, 法庭, 督办) are in
:mod:`hall.figures.tab_drill` and the mechanisms' (化解率, the stations' ranking) in
:mod:`hall.figures.mechanism_figures`. A figure of a tab's table names its line by ``key``
(a window's code, a unit's name, a leader's name)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.orm import Session

from db.case_models import CaseLetter, CaseLink, PetitionCase
from db.models import User
from hall import cases, clock
from hall.errors import InvalidInput
from hall.figures import definitions as d
from hall.figures import mechanism_figures, tab_drill
from hall.figures.base import ALL_HALL, Scope, ScopeIds, resolve
from hall.figures.items import GROUP_SIZE, items
from hall.figures.overview import on_time_closure_terms, scoped_cases, timely_acceptance_terms
from hall.figures.periods import Period
from hall.figures.rows import PAGE, DrillList, ItemRow, case_list, item_list, listed

__all__ = ["PAGE", "DrillList", "ItemRow", "drill_down"]

ITEM_FIGURES = (d.ITEMS, d.PEOPLE, d.GROUPS, d.REPEAT)
CASE_FIGURES = (
    d.CASES_OPENED,
    d.CASES_CLOSED,
    d.CASES_CLOSED_ON_TIME,
    d.OVERDUE_OPEN,
    d.TIMELY_ACCEPTANCE,
    d.ON_TIME_CLOSURE,
)


def drill_down(
    session: Session,
    figure: str,
    period: Period,
    scope: Scope = ALL_HALL,
    viewer: User | None = None,
    offset: int = 0,
    limit: int = PAGE,
    key: str = "",
) -> DrillList:
    """The items, cases, tickets, files, orders or register entries counted by ``figure``
    (a key of :mod:`hall.figures.definitions`, :mod:`hall.figures.tab_drill` or
    :mod:`hall.figures.mechanism_figures`) for ``period`` and ``scope``: a rate's
    denominator, whose rows say which count in the numerator by their state. An accusation
    listed is logged as opened, as in the officers' lists: call it in a writing unit of work."""
    if figure in tab_drill.FIGURES:
        return tab_drill.drill(session, figure, key, period, scope, viewer, offset, limit)
    if figure in mechanism_figures.FIGURES:
        return mechanism_figures.drill(session, figure, key, period, viewer, offset, limit)
    ids = resolve(session, scope)
    title = d.NAMES.get(figure, figure)
    if figure in ITEM_FIGURES:
        keys = _item_keys(session, figure, period, ids)
        rows, total = item_list(session, keys, viewer, offset, limit)
        return listed(figure, title, d.TEXTS[figure], rows, total, ItemRow)
    if figure in CASE_FIGURES:
        today = clock.now().date()
        stmt = scoped_cases(session, select(PetitionCase), ids)
        stmt = stmt.where(_case_condition(figure, period, today))
        found, total = case_list(session, stmt, offset, limit)
        return listed(figure, title, d.TEXTS[figure], found, total, cases.CaseRow)
    raise InvalidInput(f"“{title}”没有可以打开的明细清单，请选择件数、信访事项或比率。", "figure")


def _case_condition(figure: str, period: Period, today: dt.date) -> Any:
    def between(column: Any) -> Any:
        return and_(column >= period.first, column <= period.last)

    replied = PetitionCase.replied_on
    if figure == d.CASES_OPENED:
        return between(PetitionCase.received_on)
    if figure == d.CASES_CLOSED:
        return between(replied)
    if figure == d.CASES_CLOSED_ON_TIME:
        return and_(between(replied), replied <= PetitionCase.handle_due)
    if figure == d.TIMELY_ACCEPTANCE:
        return and_(between(PetitionCase.decide_due), timely_acceptance_terms(today)[1])
    on_time, late, overdue = on_time_closure_terms(today)
    if figure == d.OVERDUE_OPEN:
        return and_(between(PetitionCase.handle_due), overdue)
    return and_(between(PetitionCase.handle_due), or_(on_time, late, overdue))


def _item_keys(session: Session, figure: str, period: Period, ids: ScopeIds) -> Select[Any]:
    grouped = items(session, period, ids, with_day=True)
    stmt: Select[Any] = select(grouped.c.kind, grouped.c.id, grouped.c.day)
    if figure == d.GROUPS:
        stmt = stmt.where(grouped.c.people >= GROUP_SIZE)
    if figure == d.REPEAT:
        linked = select(CaseLink.visit_id).where(CaseLink.visit_id.is_not(None))
        repeated = select(CaseLetter.id).where(CaseLetter.repeat)
        stmt = stmt.where(
            or_(
                and_(grouped.c.kind == "visit", grouped.c.id.in_(linked)),
                and_(grouped.c.kind == "letter", grouped.c.id.in_(repeated)),
            )
        )
    return stmt
