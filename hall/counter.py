"""A window's counter, as its workstation sees it: what the seat shows (the waiting count, the
ticket at the seat) and the actions that end a service there, each one unit of work returning
plain data, so the screen never reaches back into the database to paint.

The rules themselves are in :mod:`hall.queue` and :mod:`hall.outcomes`; this module only
gathers, for one press of a key, what they do and what the officer is told about it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from db.case_models import PetitionCase
from db.court_models import CourtHandoff
from db.models import Ticket, User
from db.window_models import CASE, COURT, FORWARDED
from hall import catalog, outcomes, queue, units
from hall.errors import InvalidInput


@dataclass(frozen=True)
class CounterTicket:
    """The ticket at a seat with what the waiting list knows of its visit."""

    ticket: queue.TicketView
    visit_id: int | None
    priority: str  # the priority reason's name, "" for none


@dataclass(frozen=True)
class CounterState:
    """What a seat's counter shows after a refresh."""

    waiting: int
    reason_names: dict[str, str]
    current: CounterTicket | None


@dataclass(frozen=True)
class Finished:
    """A service finished at the counter, and where its next step went (each "" where it did
    not go there)."""

    ticket: queue.TicketView
    case_number: str
    handoff_number: str
    unit_name: str


def window_heading(session: Session, window_code: str) -> tuple[str, str, str]:
    """The window's code, name and location, for the line above its workstation."""
    window = queue.window_by_code(session, window_code)
    return window.code, window.name, window.location


def counter_state(
    session: Session, window_code: str, seat: int | None, ticket_id: int | None, day: dt.date
) -> CounterState:
    """The waiting count and the ticket at ``seat``: ``ticket_id`` while it is still being
    dealt with, else a visitor called to this seat elsewhere (another session of the same
    officer, a hardware caller)."""
    reason_names = {r.code: r.name for r in catalog.priority_reasons(session)}
    count = queue.waiting_count(session, window_code, day)
    ticket = session.get(Ticket, ticket_id) if ticket_id is not None else None
    if ticket is None or ticket.status in queue.TERMINAL:
        at_seat = [t for t in queue.active(session, window_code, day) if t.seat == seat]
        if at_seat:
            ticket = at_seat[0]
    current = None
    if ticket is not None:
        reason = ticket.priority_reason or ""
        current = CounterTicket(
            queue.view(ticket), ticket.visit_id, reason_names.get(reason, reason)
        )
    return CounterState(count, reason_names, current)


def waiting_views(
    session: Session, window_code: str, day: dt.date, offset: int, limit: int
) -> list[queue.TicketView]:
    """One page of the window's waiting list (:func:`hall.queue.waiting`)."""
    return [queue.view(t) for t in queue.waiting(session, window_code, day, offset, limit)]


def view_of(ticket: Ticket | None) -> queue.TicketView | None:
    """An action's ticket as the screen shows it (None: the action found no ticket)."""
    return queue.view(ticket) if ticket is not None else None


def ticket_view(session: Session, ticket_id: int | None) -> queue.TicketView | None:
    """The ticket an earlier attempt of a repeated press acted on."""
    return view_of(session.get(Ticket, ticket_id) if ticket_id is not None else None)


def check_serving(
    session: Session, ticket_id: int, chosen: outcomes.Outcome, today: dt.date
) -> list[InvalidInput]:
    """Every problem with the forms at once; a ticket no longer being served has none here,
    since the finish itself refuses it for that."""
    ticket = session.get(Ticket, ticket_id)
    if ticket is None or ticket.status != queue.SERVING:
        return []
    return outcomes.check(session, ticket, chosen, today)


def finish(
    session: Session, ticket_id: int, chosen: outcomes.Outcome, actor: User | None
) -> Finished:
    """Finish the service (:func:`hall.outcomes.finish`) and say where its next step went."""
    record = outcomes.finish(session, ticket_id, chosen, actor=actor)
    case_number = handoff_number = unit_name = ""
    if record.outcome == CASE and record.case_id is not None:
        case_number = session.get_one(PetitionCase, record.case_id).number
    elif record.outcome == COURT and record.handoff_id is not None:
        handoff_number = session.get_one(CourtHandoff, record.handoff_id).number
    elif record.outcome == FORWARDED and record.unit_id is not None:
        unit_name = units.unit(session, record.unit_id).name
    return Finished(queue.view(record.ticket), case_number, handoff_number, unit_name)


def transfer(
    session: Session, ticket_id: int, window_code: str, notes: str, actor: User | None
) -> tuple[queue.TicketView, queue.TicketView]:
    """Send the visitor on (:func:`hall.outcomes.transfer`): the old ticket and the new one."""
    _record, new_ticket = outcomes.transfer(session, ticket_id, window_code, notes, actor)
    return queue.view(session.get_one(Ticket, ticket_id)), queue.view(new_ticket)
