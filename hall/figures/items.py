"""The items (件) a period's figures count: every registered visit (来访, 来电, 网信, a proxy's
visit, a letter typed in at the front desk) and every letter the letters desk registered, as
one selectable the figures group by. Each part is filtered on its own indexed date before the
two are put together, so a month reads a month of rows, not the history."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, false, literal, null, select, union_all
from sqlalchemy.orm import Session
from sqlalchemy.sql.selectable import Subquery

from db.case_models import CaseLetter, PetitionCase
from db.figure_models import VisitCategory
from db.models import ServiceWindow, Visit, Visitor
from hall.cases import CASES_WINDOW
from hall.figures.base import ScopeIds, day_of
from hall.figures.periods import Period

VISIT = "visit"
LETTER = "letter"
# A visit made for someone by a proxy is still a visit in person (来访).
CHANNEL_GROUPS = {
    "visit": "来访",
    "proxy": "来访",
    "letter": "来信",
    "phone": "来电",
    "online": "网信",
}
CHANNELS = ("来信", "来访", "来电", "网信")
CLASSES = {
    "检举控告类": ("report",),
    "申诉求决类": ("appeal", "request"),
    "建议意见类": ("opinion", "inquiry"),
}
GROUP_SIZE = 5


def letters_window_id(session: Session) -> int | None:
    return session.scalar(select(ServiceWindow.id).where(ServiceWindow.code == CASES_WINDOW))


def items(
    session: Session,
    period: Period,
    scope: ScopeIds,
    *,
    with_day: bool = False,
    with_unit: bool = False,
    with_township: bool = False,
    with_category: bool = False,
) -> Subquery:
    """One row per item of ``period`` in ``scope``: kind, id, channel, purpose, people,
    window_id, and (asked for) day, unit_id, township, category_id."""
    return union_all(
        *item_parts(
            session,
            period,
            scope,
            with_day=with_day,
            with_unit=with_unit,
            with_township=with_township,
            with_category=with_category,
        )
    ).subquery("items")


def filed_items(session: Session, period: Period, scope: ScopeIds, *, by_unit: bool) -> Subquery:
    """:func:`items` filed under a content category (``by_unit`` false: with category_id) or
    handed to a responsible unit (with unit_id), and only those. The visits are picked from
    the few filed ones first: SQLite would otherwise look up the category or case of every
    visit of the period, a million for a year."""
    visits, letters = item_parts(
        session, period, scope, with_unit=by_unit, with_category=not by_unit
    )
    if by_unit:
        handed = select(PetitionCase.visit_id).where(PetitionCase.unit_id.is_not(None))
        visits = visits.where(Visit.id.in_(handed))
        letters = letters.where(PetitionCase.unit_id.is_not(None))
    else:
        visits = visits.where(Visit.id.in_(select(VisitCategory.visit_id)))
        letters = letters.where(false())
    return union_all(visits, letters).subquery("filed")


def item_parts(
    session: Session,
    period: Period,
    scope: ScopeIds,
    *,
    with_day: bool = False,
    with_unit: bool = False,
    with_township: bool = False,
    with_category: bool = False,
) -> tuple[Select[Any], Select[Any]]:
    """:func:`items` as its two parts, the visits and the letters, for counts grouped over a
    year of visits: PostgreSQL knows nothing of a union's columns, guesses a group per row
    and sorts them all, where over the visits alone it hashes a few thousand groups."""
    need_case = with_unit or scope.unit_id is not None
    need_visitor = with_township or scope.township is not None
    visits = _visits(session, period, scope, with_day, need_case, need_visitor, with_category)
    letters = _letters(session, period, scope, with_day, need_case, need_visitor, with_category)
    return visits, letters


def _visits(
    session: Session,
    period: Period,
    scope: ScopeIds,
    with_day: bool,
    need_case: bool,
    need_visitor: bool,
    with_category: bool,
) -> Select[Any]:
    columns: list[Any] = [
        literal(VISIT).label("kind"),
        Visit.id.label("id"),
        Visit.channel.label("channel"),
        Visit.purpose.label("purpose"),
        Visit.group_size.label("people"),
        Visit.window_id.label("window_id"),
    ]
    if with_day:
        columns.append(day_of(session, Visit.created_at).label("day"))
    stmt = select(*columns).where(Visit.created_at >= period.since, Visit.created_at < period.until)
    if need_case:
        stmt = stmt.outerjoin(PetitionCase, PetitionCase.visit_id == Visit.id)
        stmt = stmt.add_columns(PetitionCase.unit_id.label("unit_id"))
    if need_visitor:
        # The visitor's township as the visit carries it (kept equal by triggers): no join of
        # a year of visits with their visitors.
        stmt = stmt.add_columns(Visit.township.label("township"))
    if with_category:
        stmt = stmt.outerjoin(VisitCategory, VisitCategory.visit_id == Visit.id)
        stmt = stmt.add_columns(VisitCategory.category_id.label("category_id"))
    if scope.window_id is not None:
        stmt = stmt.where(Visit.window_id == scope.window_id)
    if scope.unit_id is not None:
        stmt = stmt.where(PetitionCase.unit_id == scope.unit_id)
    if scope.township is not None:
        stmt = stmt.where(Visit.township == scope.township)
    return stmt


def _letters(
    session: Session,
    period: Period,
    scope: ScopeIds,
    with_day: bool,
    need_case: bool,
    need_visitor: bool,
    with_category: bool,
) -> Select[Any]:
    """The letters desk's letters, in the columns of :func:`_visits` and the same order (a
    union pairs columns by position). A letter is filed under the letters window and has no
    content category of its own."""
    window_id = letters_window_id(session)
    columns: list[Any] = [
        literal(LETTER).label("kind"),
        CaseLetter.id.label("id"),
        literal("letter").label("channel"),
        PetitionCase.purpose.label("purpose"),
        literal(1).label("people"),
        literal(window_id).label("window_id"),
    ]
    if with_day:
        columns.append(CaseLetter.received_on.label("day"))
    if need_case:
        columns.append(PetitionCase.unit_id.label("unit_id"))
    if need_visitor:
        columns.append(Visitor.township.label("township"))
    if with_category:
        columns.append(null().label("category_id"))
    stmt = (
        select(*columns)
        .join(PetitionCase, PetitionCase.id == CaseLetter.case_id)
        .where(CaseLetter.received_on >= period.first, CaseLetter.received_on <= period.last)
    )
    if need_visitor:
        stmt = stmt.join(Visitor, Visitor.id == PetitionCase.visitor_id)
    if scope.window_id is not None and scope.window_id != window_id:
        stmt = stmt.where(false())
    if scope.unit_id is not None:
        stmt = stmt.where(PetitionCase.unit_id == scope.unit_id)
    if scope.township is not None:
        stmt = stmt.where(Visitor.township == scope.township)
    return stmt
