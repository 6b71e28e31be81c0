"""The front desk's units of work, one per thing the receptionist does: what the desk's lists
offer, a returning visitor's history, a receipt's look-up, and issuing a ticket (registering
the visit, linking a repeat to its open case and queueing the visitor in one transaction).

Each returns plain data for the screen to show, so the screen holds no session and runs no
query of its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from db.models import Ticket, User, Visitor
from db.states import TicketStatus
from hall import cases, catalog, queue, reception, roster, visitors
from hall.catalog import CHANNELS, PURPOSES
from hall.errors import NotFound
from hall.masking import mask_id_number
from hall.receipt_data import receipt_for
from hall.visitors import VisitorMatch
from printing.receipt import ReceiptData

# -- what the desk's lists offer --------------------------------------------------------------


@dataclass(frozen=True)
class Places:
    """The townships and their villages the address lists offer, and today's duty leader."""

    townships: list[str]
    villages: dict[str, list[str]]
    leader: str  # "name title", or "" when no leader receives visitors today


@dataclass(frozen=True)
class Choices:
    priority_reasons: list[tuple[str, str]]  # (code, name)
    places: Places


def places(session: Session, today: dt.date) -> Places:
    townships = roster.townships(session)
    leader = roster.duty_leader(session, today)
    return Places(
        townships=townships,
        villages={t: roster.villages(session, t) for t in townships},
        leader=f"{leader.name} {leader.title}".strip() if leader else "",
    )


def choices(session: Session, today: dt.date) -> Choices:
    return Choices(
        priority_reasons=[(r.code, r.name) for r in catalog.priority_reasons(session)],
        places=places(session, today),
    )


# -- a returning visitor ------------------------------------------------------------------


@dataclass(frozen=True)
class FinalMatter:
    """A matter closed at the third level (三级终结): not taken up again."""

    number: str
    purpose: str
    reason: str


@dataclass(frozen=True)
class Returning:
    """A visitor picked from the search, with what the front desk needs to see of them."""

    match: VisitorMatch
    gender: str
    id_type: str
    township: str
    village: str
    address: str
    visits: list[visitors.VisitSummary]
    open_matters: list[cases.OpenMatter]
    final_matters: list[FinalMatter]

    def open_matter(self, purpose: str) -> cases.OpenMatter | None:
        """The open case the same kind of matter, raised again, belongs to."""
        return next((m for m in self.open_matters if m.purpose == purpose), None)

    def final_matter(self, purpose: str) -> FinalMatter | None:
        return next((m for m in self.final_matters if m.purpose == purpose), None)


def load_returning(session: Session, match: VisitorMatch, today: dt.date) -> Returning:
    """The picked visitor's details, earlier visits and matters; NotFound if they are gone."""
    visitor = session.get(Visitor, match.id)
    if visitor is None:
        raise NotFound("该来访人已不在登记记录中，请重新查找。")
    return Returning(
        match=match,
        gender=visitor.gender,
        id_type=visitor.id_type,
        township=visitor.township,
        village=visitor.village,
        address=visitor.address,
        visits=visitors.history(session, match.id),
        open_matters=cases.open_matters(session, match.id, today),
        final_matters=[
            FinalMatter(case.number, case.purpose, cases.final_closure_reason(case))
            for case in cases.finally_closed(session, match.id)
        ],
    )


def recognise(session: Session, id_number: str, today: dt.date) -> Returning | None:
    """The returning visitor with exactly this resident ID number, if registered before."""
    masked = mask_id_number(id_number)
    found = [m for m in visitors.search(session, id_number) if m.masked_id == masked]
    return load_returning(session, found[0], today) if len(found) == 1 else None


def shown_summary(purpose_code: str, summary: str, user: User) -> str | None:
    """The summary as this user may see it; None when it is an accusation they may not read."""
    if purpose_code in cases.CONFIDENTIAL_PURPOSES and not cases.may_read_confidential(user):
        return None
    return summary


# -- a receipt's look-up ------------------------------------------------------------------


@dataclass(frozen=True)
class LookedUp:
    """A visit as its receipt's look-up shows it: the ticket, where it stands, its case."""

    code: str
    query_code: str
    created_at: dt.datetime
    visitor_name: str
    channel: str
    purpose: str
    summary: str | None  # None: an accusation this user may not read
    ticket: queue.TicketView | None
    ticket_of_today: bool
    ahead: int | None  # while the ticket waits in today's queue
    case: visitors.VisitCase | None
    group_size: int = 1
    representatives: tuple[str, ...] = ()  # the names a group elected to speak for it
    wait_minutes: int | None = None  # the estimated wait, while ``ahead`` is counted


def look_up(session: Session, code: str, user: User, today: dt.date) -> LookedUp:
    """The visit a receipt names (its barcode or query code); NotFound if none. The people
    ahead are counted only for a ticket of today's queue."""
    visit = visitors.visit_by_code(session, code)
    tickets = queue.visit_tickets(session, visit)
    latest = tickets[-1] if tickets else None
    of_today = latest is not None and latest.service_date == today
    waiting_today = of_today and latest is not None and latest.status == TicketStatus.WAITING
    wait = queue.ticket_wait(session, latest) if latest is not None and waiting_today else None
    return LookedUp(
        code=visit.code,
        query_code=visit.query_code,
        created_at=visit.created_at,
        visitor_name=visit.visitor.name,
        channel=CHANNELS.get(visit.channel, visit.channel),
        purpose=PURPOSES.get(visit.purpose, visit.purpose),
        summary=shown_summary(visit.purpose, visit.summary, user),
        ticket=queue.view(latest) if latest else None,
        ticket_of_today=of_today,
        ahead=wait.ahead if wait is not None else None,
        case=visitors.case_of_visit(session, visit.id),
        group_size=visit.group_size,
        representatives=tuple(r.name for r in visit.representatives),
        wait_minutes=wait.minutes if wait is not None else None,
    )


# -- issuing a ticket -----------------------------------------------------------------------


@dataclass(frozen=True)
class Issued:
    """A ticket just issued: what the ticket panel shows and the receipt to print."""

    ticket_id: int
    ticket: queue.TicketView
    ahead: int
    receipt: ReceiptData


def issued(session: Session, ticket_id: int | None) -> Issued:
    """A ticket issued here, read again (the answer to an issue pressed twice)."""
    ticket = session.get(Ticket, ticket_id) if ticket_id is not None else None
    if ticket is None:
        raise NotFound("找不到刚发出的号票，请在来访记录中查找。")
    return Issued(
        ticket_id=ticket.id,
        ticket=queue.view(ticket),
        ahead=queue.people_ahead(session, ticket),
        receipt=receipt_for(session, ticket),
    )


def issue(
    session: Session,
    registration: reception.Registration,
    actor: User | None,
    repeat_of: int | None = None,
) -> Issued:
    """Register the visitor and the visit and queue them (``reception.register``); a repeat of
    an open matter is linked to its case (``repeat_of``, the case's id) in the same transaction,
    so a visit is never left queued but unlinked."""
    ticket = reception.register(session, registration, actor=actor)
    if repeat_of is not None:
        assert ticket.visit_id is not None
        cases.link_visit(session, repeat_of, ticket.visit_id, actor=actor)
    return issued(session, ticket.id)
