"""Finishing a service: its outcome, the window's record, the rating and the ticket, in the
caller's one transaction; transfers, no-shows and recalls the same way."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from db import events
from db.event_kinds import EventKind
from db.models import Ticket, User, Visit
from db.window_models import (
    BY_OFFICER,
    CASE,
    COURT,
    FOLLOW_UP,
    FORWARDED,
    NO_SHOW,
    TRANSFERRED,
    Complaint,
    LegalAdvice,
    ListItem,
    PublicityRecord,
    ServiceRecord,
    TalkRecord,
)
from hall import (
    aid,
    cases,
    clock,
    court,
    fields,
    followup,
    opinions,
    queue,
    satisfaction,
    units,
)
from hall import confidentiality as secrecy
from hall.errors import IllegalTransition, InvalidInput, NotFound
from hall.outcomes.entries import (
    ENTRY_WINDOWS,
    ComplaintEntry,
    LegalEntry,
    PublicityEntry,
    TalkEntry,
    WindowEntry,
    _check_entry,
    cleaned_entry,
    outcomes_for,
)

# ---------------------------------------------------------------------------------------------
# Finishing a service


@dataclass
class Outcome:
    """What the officer chose at the end of a service (plain data: a refused save keeps it)."""

    outcome: str
    entry: WindowEntry | None = None
    notes: str = ""
    # Forwarded (转交): the unit and what it is asked to do.
    unit_id: int | None = None
    unit_request: str = ""
    # Any outcome may be followed up; "follow-up scheduled" must be.
    follow_up_on: dt.date | None = None
    follow_up_subject: str = ""
    # The rating the visitor gave, as the officer chose it (None: the evaluator asks).
    score: str | None = None
    # Handed to the court: the parties and the claim the officer confirmed.
    brief: court.HandoffBrief | None = None
    # A formal case although the visitor has an open one of the same kind (checked: another
    # matter).
    new_matter: bool = False


def check(session: Session, ticket: Ticket, chosen: Outcome, today: dt.date) -> list[InvalidInput]:
    """Every problem with what the officer chose, each naming its field."""
    problems = fields.check_all(
        (
            (fields.NOTES, chosen.notes),
            (fields.UNIT_REQUEST, chosen.unit_request),
            (fields.FOLLOW_UP_SUBJECT, chosen.follow_up_subject),
        )
    )
    visit = ticket.visit
    window = ticket.window.code
    if chosen.outcome not in outcomes_for(window):
        problems.append(InvalidInput(f"办理结果“{chosen.outcome}”无效。", "outcome"))
    expected = next((t for t, code in ENTRY_WINDOWS.items() if code == window), None)
    if chosen.entry is None:
        if expected is not None:
            problems.append(InvalidInput("请填写本窗口的办理情况。", "entry"))
    elif type(chosen.entry) is not expected:
        problems.append(InvalidInput(f"{ticket.window.name}窗口不登记这类内容。", "entry"))
    else:
        unit_id = chosen.unit_id if chosen.outcome == FORWARDED else None
        problems.extend(_check_entry(session, chosen.entry, visit, unit_id))
    if chosen.outcome in (CASE, COURT, FOLLOW_UP) and visit is None:
        problems.append(
            InvalidInput("这张号没有来访登记（如自助取号），请先在导访台补登记。", "outcome")
        )
    if chosen.outcome == FORWARDED:
        if chosen.unit_id is None:
            problems.append(InvalidInput("请选择转交的责任单位。", "unit"))
        else:
            unit = units.unit(session, chosen.unit_id)
            if not unit.active:
                problems.append(InvalidInput(f"“{unit.name}”已停用，请选择其他单位。", "unit"))
    if chosen.outcome == FOLLOW_UP or chosen.follow_up_on is not None:
        try:
            followup.check_date(chosen.follow_up_on, today)
        except InvalidInput as error:
            problems.append(error)
        if not chosen.follow_up_subject.strip():
            problems.append(fields.Missing(fields.FOLLOW_UP_SUBJECT.label, "follow_up_subject"))
    if chosen.outcome == COURT:
        if chosen.brief is None:
            problems.append(InvalidInput("请填写移交法庭的当事人和诉求。", "brief"))
        else:
            problems.extend(court.check_brief(chosen.brief))
    if chosen.score is not None:
        try:
            satisfaction.parse_score(chosen.score)
        except InvalidInput as error:
            problems.append(error)
    return problems


def _cleaned(chosen: Outcome) -> Outcome:
    """What the officer chose, its texts as they are stored (checked before)."""
    return dataclasses.replace(
        chosen,
        notes=fields.clean(fields.NOTES, chosen.notes),
        unit_request=fields.clean(fields.UNIT_REQUEST, chosen.unit_request),
        follow_up_subject=fields.clean(fields.FOLLOW_UP_SUBJECT, chosen.follow_up_subject),
        entry=None if chosen.entry is None else cleaned_entry(chosen.entry),
    )


def _confidential(session: Session, visit: Visit | None, entry: WindowEntry | None) -> bool:
    return isinstance(entry, ComplaintEntry) or (
        visit is not None and secrecy.is_confidential(session, visit)
    )


def _save_entry(
    session: Session,
    record: ServiceRecord,
    entry: WindowEntry,
    visit: Visit | None,
    actor: User | None,
    now: dt.datetime,
) -> None:
    if isinstance(entry, LegalEntry):
        session.add(
            LegalAdvice(
                record_id=record.id,
                question=entry.question.strip(),
                laws=entry.laws.strip(),
                aid_office=entry.aid_office.strip(),
                litigation_advised=entry.litigation_advised,
            )
        )
    elif isinstance(entry, TalkEntry):
        session.add(
            TalkRecord(
                record_id=record.id,
                received_by=entry.received_by.strip(),
                mood_start=entry.mood_start,
                mood_end=entry.mood_end,
                agreed=entry.agreed.strip(),
            )
        )
    elif isinstance(entry, opinions.OpinionEntry):
        opinions.add(session, entry, visit, record.id, record.unit_id, actor, now)
    elif isinstance(entry, aid.AidEntry):
        assert visit is not None
        aid.add(session, entry, visit, record.id, record.unit_id, actor, now)
    elif isinstance(entry, PublicityEntry):
        publicity = PublicityRecord(
            record_id=record.id,
            material=entry.material.strip(),
            people_reached=entry.people_reached,
        )
        publicity.topics = [session.get_one(ListItem, i) for i in dict.fromkeys(entry.topic_ids)]
        session.add(publicity)
    else:
        session.add(
            Complaint(
                record_id=record.id,
                kind=entry.kind,
                unit_id=entry.unit_id,
                person=entry.person.strip(),
                content=entry.content.strip(),
            )
        )
    session.flush()


def _record(
    session: Session,
    ticket: Ticket,
    outcome: str,
    entry: WindowEntry | None,
    actor: User | None,
    now: dt.datetime,
    **links: object,
) -> ServiceRecord:
    record = ServiceRecord(
        ticket_id=ticket.id,
        visit_id=ticket.visit_id,
        window_id=ticket.window_id,
        officer_id=actor.id if actor else None,
        outcome=outcome,
        confidential=_confidential(session, ticket.visit, entry),
        recorded_at=now,
        **links,
    )
    session.add(record)
    session.flush()
    if entry is not None:
        _save_entry(session, record, entry, ticket.visit, actor, now)
    if record.confidential and ticket.visit_id is not None:
        # A complaint makes the whole visit confidential, its earlier records included.
        session.execute(
            update(ServiceRecord)
            .where(ServiceRecord.visit_id == ticket.visit_id)
            .values(confidential=True)
        )
    events.append(
        session,
        EventKind.SERVICE_RECORDED,
        "service_record",
        record.id,
        now,
        actor.id if actor else None,
        {"ticket": ticket.number, "window": ticket.window.code, "outcome": outcome},
    )
    return record


def _existing_record(session: Session, ticket_id: int) -> None:
    if session.scalar(select(ServiceRecord.id).where(ServiceRecord.ticket_id == ticket_id)):
        raise IllegalTransition("这次服务的办理结果已经登记过。")


def finish(
    session: Session,
    ticket_id: int,
    chosen: Outcome,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> ServiceRecord:
    """Finish the service at the counter with its outcome, its next step and the window's
    record; see the module's docstring. Refused as a whole if any part is."""
    now = now or clock.now()
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        raise NotFound(f"找不到编号为 {ticket_id} 的排队票。")
    # The ticket first: its state and the officer's window are checked before the form (the
    # caller's transaction undoes it if anything below is refused).
    queue.finish(session, ticket.id, chosen.notes, actor=actor, now=now)
    fields.refuse(check(session, ticket, chosen, now.date()))
    chosen = _cleaned(chosen)
    _existing_record(session, ticket.id)
    visit = ticket.visit
    links: dict[str, object] = {}
    if chosen.outcome == FORWARDED:
        links.update(unit_id=chosen.unit_id, unit_request=chosen.unit_request.strip())
    elif chosen.outcome == CASE:
        assert visit is not None
        accused_unit, accused = None, ""
        complaint = chosen.entry
        if isinstance(complaint, ComplaintEntry) and visit.purpose in cases.CONFIDENTIAL_PURPOSES:
            accused_unit, accused = complaint.unit_id, complaint.person
        case = cases.open_from_visit(
            session,
            visit.id,
            actor=actor,
            now=now,
            accused_unit_id=accused_unit,
            accused=accused,
            new_matter=chosen.new_matter,
        )
        links["case_id"] = case.id
    elif chosen.outcome == COURT:
        assert visit is not None and chosen.brief is not None
        if actor is None:
            raise IllegalTransition("移交法庭须由登录的窗口工作人员办理。")
        # The hand-off keeps the officer as a relationship: this session's copy of them.
        officer = session.get_one(User, actor.id)
        handoff = court.hand_off_to_court(session, visit.id, chosen.brief, officer, now)
        links["handoff_id"] = handoff.id
    record = _record(session, ticket, chosen.outcome, chosen.entry, actor, now, **links)
    if chosen.follow_up_on is not None:
        assert visit is not None
        followup.schedule(
            session,
            visit,
            ticket.window,
            chosen.follow_up_on,
            chosen.follow_up_subject,
            record_id=record.id,
            actor=actor,
            now=now,
        )
    if chosen.score is not None:
        satisfaction.rate(session, ticket.id, chosen.score, BY_OFFICER, actor=actor, now=now)
    return record


def transfer(
    session: Session,
    ticket_id: int,
    to_window: str,
    notes: str = "",
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> tuple[ServiceRecord, Ticket]:
    """Send the visitor on to another window (see :func:`hall.queue.transfer`) and record it;
    returns the record and the new ticket."""
    now = now or clock.now()
    _existing_record(session, ticket_id)
    new_ticket = queue.transfer(session, ticket_id, to_window, notes, actor=actor, now=now)
    old = session.get_one(Ticket, ticket_id)
    record = _record(session, old, TRANSFERRED, None, actor, now, next_ticket_id=new_ticket.id)
    return record, new_ticket


def mark_no_show(
    session: Session, ticket_id: int, actor: User | None = None, now: dt.datetime | None = None
) -> Ticket:
    now = now or clock.now()
    ticket = queue.mark_no_show(session, ticket_id, actor=actor, now=now)
    _record(session, ticket, NO_SHOW, None, actor, now)
    return ticket


def recall(
    session: Session, ticket_id: int, actor: User | None = None, now: dt.datetime | None = None
) -> Ticket:
    """Call again; past the recall limit the visitor is absent, which is recorded."""
    now = now or clock.now()
    ticket = queue.recall(session, ticket_id, actor=actor, now=now)
    if ticket.status == queue.NO_SHOW:
        _record(session, ticket, NO_SHOW, None, actor, now)
    return ticket
