"""Retention (PIPL Art. 19): closed matters older than the hall's retention period are archived,
and the people whose every matter is archived are de-identified.

- **The period** is a hall setting (:data:`RETENTION_YEARS`, default 5 years). An item is older
  than the period when every date it carries is before the cut-off (today less the years).
- **Archived (归档)**: a visit whose service ended (no ticket waiting or at a window, no
  follow-up open, not with the court unless its court file is archived, and every case opened
  from it archived with it), and a
  petition case in a final state (no time limit running, no supported decision still to be
  carried out). An archived record is read-only: database triggers refuse any change to what
  it says (``db/migrations/versions/0150_secops.py``), and :mod:`hall.archive` refuses it
  first in words. Its content is kept, encrypted as before:
  it is the hall's record of the matter.
- **De-identified (去标识)**: a visitor whose visits and cases are all archived keeps their
  surname (张*), gender, township and village, which the figures count by; the ID number,
  phone, address, birth date, pinyin initials and the look-up hashes are removed, and so are a
  proxy's name on their visits, their representatives' names (to the surname), ID numbers and
  phones, and the sender's address and phone on their cases' letters. The person cannot be
  found or recognised any more.
- Court files, opinions and aid records go by the same rule: :mod:`hall.retention_records`.

:func:`plan` counts what :func:`apply` would do and writes nothing; :func:`apply` does it in
one transaction with one audited event carrying the same counts, so an interruption leaves
nothing half done and a second run finds nothing left. Both run the same code: the plan in a
savepoint it rolls back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from sqlalchemy import ColumnElement, Select, and_, exists, func, literal, or_, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from db import events
from db.case_models import CaseLetter, PetitionCase
from db.event_kinds import EventKind
from db.models import Ticket, User, Visit, Visitor, VisitRepresentative
from db.states import CaseState, TicketStatus, VisitStatus
from db.window_models import FollowUp
from hall import (
    archive,  # noqa: F401  (registers the read-only check)
    clock,
    retention_records,
    settings,
)
from hall.errors import InvalidInput
from hall.settings import Setting

RETENTION_YEARS: Setting[int] = Setting(
    "retention_years", 5, "已办结事项保存年限（年，期满归档并去标识）"
)
MIN_YEARS = 1
MAX_YEARS = 100
# A case in one of these states has nothing left to run: no time limit, no review pending.
ENDED = (
    CaseState.CLOSED,
    CaseState.FINAL,
    CaseState.NOT_ACCEPTED,
    CaseState.FORWARDED,
    CaseState.SEPARATED,
    CaseState.REPLIED,
    CaseState.REVIEWED,
)
OPEN_TICKETS = (TicketStatus.WAITING, TicketStatus.CALLED, TicketStatus.SERVING)
CASE_DATES = (
    PetitionCase.received_on,
    PetitionCase.decided_on,
    PetitionCase.closing_report_on,
    PetitionCase.replied_on,
    PetitionCase.closed_on,
    PetitionCase.reviewed_on,
    PetitionCase.rereviewed_on,
    PetitionCase.executed_on,
)


@dataclass(frozen=True)
class Plan:
    """What retention does at ``cutoff``: the items it archives and the people it
    de-identifies, and the older items it keeps because they are still open."""

    years: int
    cutoff: dt.date
    visits: int
    cases: int
    visitors: int
    kept_open: int
    court_files: int
    opinions: int
    aid_records: int


def set_years(session: Session, actor: User | None, years: int) -> None:
    """Set the retention period (the command line: ``actor`` None)."""
    if not MIN_YEARS <= years <= MAX_YEARS:
        raise InvalidInput(f"保存年限须在 {MIN_YEARS} 到 {MAX_YEARS} 年之间。", "years")
    settings.put(session, RETENTION_YEARS, years)
    events.append(
        session,
        EventKind.SECURITY_RULES_CHANGED,
        "hall_setting",
        None,
        clock.now(),
        actor.id if actor else None,
        {"after": {RETENTION_YEARS.key: years}},
    )


def cutoff_for(today: dt.date, years: int) -> dt.date:
    """``years`` before ``today`` (29 February falls back to the 28th)."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


def _old_case(cutoff: dt.date) -> ColumnElement[bool]:
    return and_(
        PetitionCase.archived_on.is_(None),
        PetitionCase.state.in_(ENDED),
        # A supported decision is followed until carried out.
        or_(PetitionCase.execution_due.is_(None), PetitionCase.executed_on.is_not(None)),
        *(or_(day.is_(None), day < cutoff) for day in CASE_DATES),
    )


def _old_visit(cutoff: dt.date) -> ColumnElement[bool]:
    start = dt.datetime.combine(cutoff, dt.time())
    return and_(
        Visit.archived_on.is_(None),
        Visit.created_at < start,
        # A visit handed to the court stays while the court's file does.
        or_(
            Visit.status != VisitStatus.HANDED_TO_COURT,
            retention_records.court_archived(Visit.id),
        ),
        *retention_records.records_of_visit_archived(Visit.id),
        ~exists().where(Ticket.visit_id == Visit.id, Ticket.status.in_(OPEN_TICKETS)),
        ~exists().where(FollowUp.visit_id == Visit.id, FollowUp.state == "open"),
        # Every case opened from it is archived already, or is archived with it.
        ~exists().where(
            PetitionCase.visit_id == Visit.id,
            PetitionCase.archived_on.is_(None),
            ~_old_case(cutoff),
        ),
    )


def _cases(cutoff: dt.date) -> Select[tuple[int]]:
    """Old ended cases whose visit (if any) is archived already or archived with them."""
    return select(PetitionCase.id).where(
        _old_case(cutoff),
        or_(
            PetitionCase.visit_id.is_(None),
            PetitionCase.visit_id.in_(
                select(Visit.id).where(or_(Visit.archived_on.is_not(None), _old_visit(cutoff)))
            ),
        ),
    )


def _visits(cutoff: dt.date) -> Select[tuple[int]]:
    return select(Visit.id).where(_old_visit(cutoff))


def _visitors() -> Select[tuple[int]]:
    """People every visit and case of whom is archived (a visit with a ticket still open is
    not archived)."""
    return select(Visitor.id).where(
        Visitor.deidentified_on.is_(None),
        or_(
            exists().where(Visit.visitor_id == Visitor.id),
            exists().where(PetitionCase.visitor_id == Visitor.id),
            *retention_records.any_of(Visitor.id),
        ),
        ~exists().where(Visit.visitor_id == Visitor.id, Visit.archived_on.is_(None)),
        ~exists().where(PetitionCase.visitor_id == Visitor.id, PetitionCase.archived_on.is_(None)),
        *retention_records.not_archived_of(Visitor.id),
    )


def _count(session: Session, query: Select[tuple[int]]) -> int:
    return int(session.scalar(select(func.count()).select_from(query.subquery())) or 0)


def _kept_open(session: Session, cutoff: dt.date) -> int:
    """Items begun before the cut-off that stay, for they are not closed yet."""
    start = dt.datetime.combine(cutoff, dt.time())
    old_visits = select(Visit.id).where(Visit.archived_on.is_(None), Visit.created_at < start)
    old_cases = select(PetitionCase.id).where(
        PetitionCase.archived_on.is_(None), PetitionCase.received_on < cutoff
    )
    return (
        _count(session, old_visits)
        - _count(session, _visits(cutoff))
        + _count(session, old_cases)
        - _count(session, _cases(cutoff))
    )


def _do(session: Session, today: dt.date) -> Plan:
    years = settings.get(session, RETENTION_YEARS)
    cutoff = cutoff_for(today, years)
    # Court files, opinions and aid records first: the visits they were made at follow them.
    others = retention_records.archive(session, cutoff, today)
    visits, cases = _archive(session, cutoff, today)
    visitors = _deidentify(session, today)
    # Counted once this run has archived what it can: what is begun and still not archived.
    kept = _kept_open(session, cutoff) + retention_records.kept_open(session, cutoff)
    return Plan(
        years,
        cutoff,
        visits,
        cases,
        visitors,
        kept,
        others.court_files,
        others.opinions,
        others.aid_records,
    )


def plan(session: Session, today: dt.date | None = None) -> Plan:
    """What :func:`apply` would do today, counted, with nothing written: the same work done
    in a savepoint that is rolled back at once, so the counts are the ones apply reaches (the
    people to de-identify are those whose items this very run archives)."""
    pictured = session.begin_nested()
    try:
        return _do(session, today or clock.now().date())
    finally:
        pictured.rollback()


def _archive(session: Session, cutoff: dt.date, today: dt.date) -> tuple[int, int]:
    cases = list(session.scalars(_cases(cutoff)))
    visits = list(session.scalars(_visits(cutoff)))
    for chunk in _chunks(cases):
        session.execute(
            update(PetitionCase).where(PetitionCase.id.in_(chunk)).values(archived_on=today)
        )
    for chunk in _chunks(visits):
        session.execute(update(Visit).where(Visit.id.in_(chunk)).values(archived_on=today))
    return len(visits), len(cases)


def _chunks(ids: list[int], size: int = 500) -> list[list[int]]:
    # SQLite caps the parameters of one statement; 500 stays far below every build's cap.
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def _surname(column: InstrumentedAttribute[str]) -> ColumnElement[str]:
    return func.substr(column, 1, 1) + literal("*")


def _deidentify(session: Session, today: dt.date) -> int:
    people = list(session.scalars(_visitors()))
    for chunk in _chunks(people):
        session.execute(
            update(Visitor)
            .where(Visitor.id.in_(chunk))
            .values(
                name=_surname(Visitor.name),
                name_initials="",
                id_number=None,
                id_hash=None,
                phone="",
                phone_hash=None,
                phone_last4="",
                address="",
                birth_date=None,
                deidentified_on=today,
            )
        )
        their_visits = select(Visit.id).where(Visit.visitor_id.in_(chunk))
        session.execute(update(Visit).where(Visit.id.in_(their_visits)).values(proxy_name=""))
        session.execute(
            update(VisitRepresentative)
            .where(VisitRepresentative.visit_id.in_(their_visits))
            .values(name=_surname(VisitRepresentative.name), id_number="", phone="")
        )
        their_cases = select(PetitionCase.id).where(PetitionCase.visitor_id.in_(chunk))
        session.execute(
            update(CaseLetter)
            .where(CaseLetter.case_id.in_(their_cases))
            .values(
                sender_name=_surname(CaseLetter.sender_name), sender_address="", sender_phone=""
            )
        )
        retention_records.deidentify(session, chunk)
    return len(people)


def apply(session: Session, actor: User | None = None, today: dt.date | None = None) -> Plan:
    """Archive and de-identify as :func:`plan` counts, in the caller's one transaction, and
    audit it (``retention.applied``) with the counts."""
    done = _do(session, today or clock.now().date())
    events.append(
        session,
        EventKind.RETENTION_APPLIED,
        "retention",
        None,
        clock.now(),
        actor.id if actor else None,
        {k: str(v) if isinstance(v, dt.date) else v for k, v in asdict(done).items()},
    )
    return done
