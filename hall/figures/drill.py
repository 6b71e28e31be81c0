"""The items behind a figure: the list a leader opens from any count or rate, one page at a
time, with the rules the officers' own lists keep — an accusation's petitioner is masked and
its matter withheld from whoever may not read it, and the case lists never show either."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.orm import Session, joinedload

from db.case_models import CaseLetter, CaseLink, PetitionCase
from db.models import User, Visit
from hall import cases, clock, confidentiality
from hall.catalog import CHANNELS, PURPOSES
from hall.errors import InvalidInput
from hall.figures import definitions as d
from hall.figures.base import ALL_HALL, Scope, ScopeIds, resolve
from hall.figures.items import GROUP_SIZE, items
from hall.figures.overview import on_time_closure_terms, scoped_cases, timely_acceptance_terms
from hall.figures.periods import Period
from hall.masking import mask_name

PAGE = 100


@dataclass(frozen=True)
class ItemRow:
    """A visit or a letter behind an item count."""

    kind: str
    id: int
    day: dt.date
    channel: str
    purpose: str
    people: int
    petitioner: str
    summary: str
    confidential: bool


@dataclass(frozen=True)
class DrillList:
    figure: str
    title: str
    definition: str
    item_rows: list[ItemRow]
    case_rows: list[cases.CaseRow]


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
) -> DrillList:
    """The items or cases counted by ``figure`` (a key of :mod:`hall.figures.definitions`)
    for ``period`` and ``scope``: a rate's denominator, whose rows say which count in the
    numerator by their state."""
    ids = resolve(session, scope)
    title = d.NAMES.get(figure, figure)
    if figure in ITEM_FIGURES:
        rows = _item_rows(session, figure, period, ids, viewer, offset, limit)
        return DrillList(figure, title, d.TEXTS[figure], rows, [])
    if figure in CASE_FIGURES:
        today = clock.now().date()
        stmt = scoped_cases(session, select(PetitionCase), ids)
        stmt = stmt.where(_case_condition(figure, period, today))
        stmt = stmt.options(joinedload(PetitionCase.officer))
        stmt = stmt.order_by(PetitionCase.id).offset(offset).limit(limit)
        found = [cases.row(c, today) for c in session.scalars(stmt).unique()]
        return DrillList(figure, title, d.TEXTS[figure], [], found)
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


def _item_rows(
    session: Session,
    figure: str,
    period: Period,
    ids: ScopeIds,
    viewer: User | None,
    offset: int,
    limit: int,
) -> list[ItemRow]:
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
    keys = session.execute(
        stmt.order_by(grouped.c.day, grouped.c.kind, grouped.c.id).offset(offset).limit(limit)
    ).all()
    visit_ids = [key for kind, key, _ in keys if kind == "visit"]
    letter_ids = [key for kind, key, _ in keys if kind == "letter"]
    visits = {v.id: v for v in session.scalars(select(Visit).where(Visit.id.in_(visit_ids)))}
    letters = {
        letter.id: (letter, case)
        for letter, case in session.execute(
            select(CaseLetter, PetitionCase)
            .join(PetitionCase, PetitionCase.id == CaseLetter.case_id)
            .where(CaseLetter.id.in_(letter_ids))
        ).tuples()
    }
    secret = confidentiality.confidential_ids(session, list(visits.values()))
    readable = confidentiality.may_read(viewer)
    rows = []
    for kind, key, _ in keys:
        if kind == "visit":
            visit = visits[key]
            hidden = visit.id in secret
            rows.append(
                ItemRow(
                    kind="来访登记",
                    id=visit.id,
                    day=visit.created_at.date(),
                    channel=CHANNELS.get(visit.channel, visit.channel),
                    purpose=PURPOSES.get(visit.purpose, visit.purpose),
                    people=visit.group_size,
                    petitioner=mask_name(visit.visitor.name) if hidden else visit.visitor.name,
                    summary=cases.WITHHELD if hidden and not readable else visit.summary,
                    confidential=hidden,
                )
            )
        else:
            letter, case = letters[key]
            hidden = cases.is_confidential(case)
            rows.append(
                ItemRow(
                    kind="来信",
                    id=letter.id,
                    day=letter.received_on,
                    channel="来信",
                    purpose=PURPOSES.get(case.purpose, case.purpose),
                    people=1,
                    petitioner=mask_name(letter.sender_name) if hidden else letter.sender_name,
                    summary=cases.WITHHELD if hidden and not readable else case.summary,
                    confidential=hidden,
                )
            )
    return rows
