"""What the program's shell reads and does: opening the hall's database, the main window's
facts, the calling display's board, trying a database address, and putting unanswered calls
back in the queue. One function per thing the shell does, each taking the session first."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from db.engine import Database
from db.listen import error_reason
from hall import backup, catalog, clock, keys, queue, roster, settings, startup
from hall.appointments import RosterLine
from hall.errors import HallError

if TYPE_CHECKING:
    from db.probe import Probe

log = logging.getLogger(__name__)


class CannotOpen(Exception):
    """The database could not be opened or migrated; ``reason`` is what went wrong."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def open_hall(url: str | None, demo: bool) -> Database:
    """The hall's database, migrated (the demo hall filled on its first start)."""
    try:
        database = startup.open_database(url, demo_hall=demo)
    except keys.NoHallKey as error:
        raise CannotOpen(error.message) from error
    except (SQLAlchemyError, OSError, ValueError) as error:
        raise CannotOpen(error_reason(error)) from error
    except Exception as error:
        # Alembic is imported only when a schema is behind (the log-in window must not wait
        # for it), so its refusal is recognised here, after the fact.
        from alembic.util.exc import CommandError

        if not isinstance(error, CommandError):
            raise
        raise CannotOpen(error_reason(error)) from error
    if not demo:
        try:
            backup.daily_backup(database, clock.now())
        except (HallError, OSError, SQLAlchemyError):
            # The hall works without today's copy; the next start tries again.
            log.warning("daily backup failed", exc_info=True)
    return database


def window_titles(session: Session) -> list[tuple[str, str]]:
    """The hall's windows as (code, "letter name"), in the hall's order."""
    return [(w.code, f"{w.letter} {w.name}") for w in catalog.windows(session)]


@dataclass(frozen=True)
class HallFacts:
    """What the main window shows of the hall: its name and its windows (code, title)."""

    name: str
    windows: list[tuple[str, str]]


def hall_facts(session: Session) -> HallFacts:
    return HallFacts(settings.get(session, settings.HALL_NAME), window_titles(session))


def check_database(url: str, timeout: int) -> Probe:
    """The verdict on a database address, with the hall's windows when it is ready."""
    from db import probe

    return probe.probe(url, timeout, window_titles)


@dataclass(frozen=True)
class DisplayBoard:
    """Everything a calling display shows at once: the hall, the leader receiving visitors
    today, the notice and announcement, each shown window's queue and the latest calls."""

    hall_name: str
    notice: str
    announcement: str
    leader_name: str | None
    leader_title: str
    windows: list[queue.WindowQueue]
    recent: list[queue.TicketView]
    # Per shown window: how long a visitor taking a number there now would wait.
    waits: dict[str, queue.WaitEstimate]
    # The published 领导接访 roster from today, :data:`ROSTER_DAYS` days of it.
    roster: list[RosterLine]


# The roster days the display publishes: the working week ahead.
ROSTER_DAYS = 7


def display_board(
    session: Session, day: dt.date, window_codes: Collection[str] | None, recent: int
) -> DisplayBoard:
    """The board for the windows ``window_codes`` (None: every window), with at most
    ``recent`` of their latest calls, each window's estimated wait and the duty roster."""
    leader = roster.duty_leader(session, day)
    windows = [
        w for w in queue.status(session, day) if window_codes is None or w.code in window_codes
    ]
    shown = {w.code for w in windows}
    # With a subset of windows, older calls of the others must not crowd out the calls of the
    # shown ones.
    limit = recent if window_codes is None else recent * 8
    calls = [
        queue.view(t)
        for t in queue.recent_calls(session, day, limit=limit)
        if t.window.code in shown
    ]
    return DisplayBoard(
        hall_name=settings.get(session, settings.HALL_NAME),
        notice=settings.get(session, settings.DISPLAY_NOTICE),
        announcement=settings.get(session, settings.CALL_ANNOUNCEMENT),
        leader_name=leader.name if leader is not None else None,
        leader_title=leader.title if leader is not None else "",
        windows=windows,
        recent=calls[:recent],
        waits=queue.newcomer_waits(session, windows),
        roster=[
            RosterLine(row.day, row.name, row.title, row.note)
            for row in roster.roster(session, day, ROSTER_DAYS)
        ],
    )


def release_unanswered_calls(session: Session, now: dt.datetime | None = None) -> list[str]:
    """Put back in the queue every call left unanswered past the hall's timeout (none when the
    timeout is off); the numbers released."""
    minutes = settings.get(session, settings.CALL_TIMEOUT_MINUTES)
    if minutes <= 0:
        return []
    released = queue.release_stale_calls(session, dt.timedelta(minutes=minutes), now)
    return [ticket.number for ticket in released]
