"""The queue engine: tickets per window per day, calling, recalls, transfers.

A ticket moves through these states; anything else is refused with a reason::

    waiting ──call──▶ called ──start──▶ serving ──finish──▶ finished
       │                │  ▲ recall       │
       │                │  └──────┘       └──transfer──▶ transferred (a new ticket waits
       │                ├──no-show──▶ no_show             at the other window, keeping
       ├──cancel────────┴──cancel───▶ cancelled           the visitor's place in time)
       └──transfer──▶ transferred

A called ticket can also be released back to waiting, at its original place in the queue, when
the call was a mistake or the workstation that made it went away; an absent (no_show) visitor
who comes back the same day goes back to waiting behind the next few visitors (过号重排).

Numbers come from a counter row per window per day (``db.counters``) and are backed by a
unique constraint; calling locks the chosen row (``FOR UPDATE SKIP LOCKED`` on PostgreSQL, the
write lock on SQLite), so two desks or two officers acting at once never collide.

The package's modules: :mod:`.tickets` (states, views, checks), :mod:`.actions` (what is done
to a ticket), :mod:`.lists` (what the queue looks like), :mod:`.reorder` (out-of-turn calls,
returning absentees), :mod:`.estimates` (waits and service level). Callers use the names
re-exported here: ``from hall import queue; queue.call_next(...)``.
"""

from db.models import Ticket
from hall.queue.actions import (
    call_next,
    call_ticket,
    cancel,
    finish,
    issue_ticket,
    mark_no_show,
    recall,
    release,
    release_stale_calls,
    start,
    transfer,
)
from hall.queue.estimates import (
    ServiceLevel,
    WaitEstimate,
    newcomer_wait,
    newcomer_waits,
    service_level,
    service_levels,
    ticket_wait,
)
from hall.queue.lists import (
    active,
    people_ahead,
    recent_calls,
    status,
    visit_tickets,
    waiting,
    waiting_count,
)
from hall.queue.reorder import call_out_of_turn, requeue_no_show
from hall.queue.tickets import (
    CALLED,
    CANCELLED,
    FINISHED,
    NO_SHOW,
    ORDINARY,
    PRIORITY,
    SERVING,
    STATUS_NAMES,
    TERMINAL,
    TRANSFERRED,
    WAITING,
    TicketView,
    WindowQueue,
    check_priority_reason,
    find_ticket,
    ticket_by_number,
    view,
    window_by_code,
)

__all__ = [
    "CALLED",
    "CANCELLED",
    "FINISHED",
    "NO_SHOW",
    "ORDINARY",
    "PRIORITY",
    "SERVING",
    "STATUS_NAMES",
    "TERMINAL",
    "TRANSFERRED",
    "WAITING",
    "ServiceLevel",
    "Ticket",
    "TicketView",
    "WaitEstimate",
    "WindowQueue",
    "active",
    "call_next",
    "call_out_of_turn",
    "call_ticket",
    "cancel",
    "check_priority_reason",
    "find_ticket",
    "finish",
    "issue_ticket",
    "mark_no_show",
    "newcomer_wait",
    "newcomer_waits",
    "people_ahead",
    "recall",
    "recent_calls",
    "release",
    "release_stale_calls",
    "requeue_no_show",
    "service_level",
    "service_levels",
    "start",
    "status",
    "ticket_by_number",
    "ticket_wait",
    "transfer",
    "view",
    "visit_tickets",
    "waiting",
    "waiting_count",
    "window_by_code",
]
