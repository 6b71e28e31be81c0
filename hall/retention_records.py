"""Retention of the hall's other records by :mod:`hall.retention`'s rule: court files (诉调对接:
the file and its hand-off), opinions (社情民意) and aid records (帮扶济困).

- **Old and closed**, as for visits and cases: every date the record carries is before the
  cut-off, and nothing about it is still running:
  - a court file is closed (结案: it has its closing day), and its opening, registration,
    agreement, confirmation and enforcement dates, its mediations and its hearings are all
    before the cut-off. Its archive here is the hall's copy: the court keeps its own litigation
    archive (诉讼档案) by its own rules, on paper, which this does not touch;
  - an opinion is done once recorded: its received day;
  - an aid record has no referral waiting (已转介 / 对方已受理), and was last changed before the
    cut-off.
- **Archived (归档)**: read-only, by the triggers of migration 0180_sec2 and :mod:`hall.archive`.
- **De-identified** with the person (:func:`deidentify`), when all of that person's items are
  archived: the household description of their aid records; in the court files of their visits
  the parties' names to the surname, their addresses, contacts and employers (an organisation
  sued keeps its name: it is not a person), and the names on the hand-off. What the file says
  of the dispute is kept, as a visit's summary is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, and_, case, exists, func, literal, or_, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from db.court_models import PERSON, CourtCase, CourtHandoff, CourtHearing, CourtMediation
from db.models import Visit
from db.window_models import AidRecord, Opinion

# A referral still waiting for the other side: the record is not closed.
WAITING_REFERRALS = ("referred", "accepted")
# The dates a court file's events fell on (its limit, due_on, runs no more once it is closed).
COURT_DAYS = (
    CourtCase.registered_on,
    CourtCase.closed_on,
    CourtCase.agreement_on,
    CourtCase.confirmation_applied_on,
    CourtCase.enforcement_applied_on,
)


@dataclass(frozen=True)
class Archived:
    """How many records of each kind one run archived."""

    court_files: int
    opinions: int
    aid_records: int


def _start(cutoff: dt.date) -> dt.datetime:
    return dt.datetime.combine(cutoff, dt.time())


def _old_court(cutoff: dt.date) -> ColumnElement[bool]:
    return and_(
        CourtCase.archived_on.is_(None),
        CourtCase.closed_on.is_not(None),
        CourtCase.opened_at < _start(cutoff),
        *(or_(day.is_(None), day < cutoff) for day in COURT_DAYS),
        ~exists().where(CourtMediation.case_id == CourtCase.id, CourtMediation.held_on >= cutoff),
        ~exists().where(
            CourtHearing.case_id == CourtCase.id, CourtHearing.starts_at >= _start(cutoff)
        ),
    )


def _old_opinion(cutoff: dt.date) -> ColumnElement[bool]:
    return and_(
        Opinion.archived_on.is_(None),
        Opinion.received_on < cutoff,
        Opinion.created_at < _start(cutoff),
    )


def _old_aid(cutoff: dt.date) -> ColumnElement[bool]:
    return and_(
        AidRecord.archived_on.is_(None),
        AidRecord.referral.not_in(WAITING_REFERRALS),
        AidRecord.created_at < _start(cutoff),
        AidRecord.updated_at < _start(cutoff),
    )


def court_archived(visit_id: InstrumentedAttribute[int]) -> ColumnElement[bool]:
    """The court file of the visit ``visit_id`` is archived: a visit handed to the court is
    closed for retention only then."""
    return exists().where(CourtCase.visit_id == visit_id, CourtCase.archived_on.is_not(None))


def records_of_visit_archived(visit_id: InstrumentedAttribute[int]) -> list[ColumnElement[bool]]:
    """A visit stays while an opinion or aid record made at it is not archived (they are
    archived first, so one archived with the visit already is)."""
    return [
        ~exists().where(Opinion.visit_id == visit_id, Opinion.archived_on.is_(None)),
        ~exists().where(AidRecord.visit_id == visit_id, AidRecord.archived_on.is_(None)),
    ]


def _count(session: Session, query: Select[tuple[int]]) -> int:
    return int(session.scalar(select(func.count()).select_from(query.subquery())) or 0)


def kept_open(session: Session, cutoff: dt.date) -> int:
    """Court files opened and aid records made before the cut-off that stay, for they are
    not closed yet (an opinion is never open)."""
    start = _start(cutoff)
    begun_files = select(CourtCase.id).where(
        CourtCase.archived_on.is_(None), CourtCase.opened_at < start
    )
    begun_aid = select(AidRecord.id).where(
        AidRecord.archived_on.is_(None), AidRecord.created_at < start
    )
    return (
        _count(session, begun_files)
        - _count(session, select(CourtCase.id).where(_old_court(cutoff)))
        + _count(session, begun_aid)
        - _count(session, select(AidRecord.id).where(_old_aid(cutoff)))
    )


def archive(session: Session, cutoff: dt.date, today: dt.date) -> Archived:
    """Archive the old closed court files, opinions and aid records as of ``today``."""
    counts = []
    for model, old in (
        (CourtCase, _old_court(cutoff)),
        (Opinion, _old_opinion(cutoff)),
        (AidRecord, _old_aid(cutoff)),
    ):
        done = session.execute(
            update(model).where(old).values(archived_on=today),
            execution_options={"synchronize_session": False},
        )
        counts.append(int(getattr(done, "rowcount", 0) or 0))
    return Archived(*counts)


def not_archived_of(visitor_id: InstrumentedAttribute[int]) -> list[ColumnElement[bool]]:
    """A person keeps their identity while an opinion or aid record of theirs is not archived."""
    return [
        ~exists().where(Opinion.visitor_id == visitor_id, Opinion.archived_on.is_(None)),
        ~exists().where(AidRecord.visitor_id == visitor_id, AidRecord.archived_on.is_(None)),
    ]


def any_of(visitor_id: InstrumentedAttribute[int]) -> list[ColumnElement[bool]]:
    """A person known by an opinion or an aid record alone is a person retention concerns."""
    return [
        exists().where(Opinion.visitor_id == visitor_id),
        exists().where(AidRecord.visitor_id == visitor_id),
    ]


def _surname(column: InstrumentedAttribute[str]) -> ColumnElement[str]:
    return case((column == "", column), else_=func.substr(column, 1, 1) + literal("*"))


def deidentify(session: Session, people: list[int]) -> None:
    """Remove the identifying data of ``people`` (all of whose items are archived) from their
    aid records and from the court files of their visits."""
    session.execute(update(AidRecord).where(AidRecord.visitor_id.in_(people)).values(household=""))
    their_visits = select(Visit.id).where(Visit.visitor_id.in_(people))
    person_sued = CourtCase.defendant_kind == PERSON
    session.execute(
        update(CourtCase)
        .where(CourtCase.visit_id.in_(their_visits))
        .values(
            plaintiff_name=_surname(CourtCase.plaintiff_name),
            plaintiff_employer="",
            plaintiff_address="",
            plaintiff_contact="",
            defendant_name=case(
                (person_sued, _surname(CourtCase.defendant_name)),
                else_=CourtCase.defendant_name,
            ),
            defendant_employer=case((person_sued, ""), else_=CourtCase.defendant_employer),
            defendant_address=case((person_sued, ""), else_=CourtCase.defendant_address),
            enforcement_applicant=_surname(CourtCase.enforcement_applicant),
        )
    )
    session.execute(
        update(CourtHandoff)
        .where(CourtHandoff.visit_id.in_(their_visits))
        .values(party=_surname(CourtHandoff.party), other_party=_surname(CourtHandoff.other_party))
    )
