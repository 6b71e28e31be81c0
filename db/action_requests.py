"""User actions applied once, however often a workstation has to retry them.

The problem: a workstation that loses the database in the middle of an action cannot know
whether the action was committed. The server may have committed and the acknowledgement been
lost with the connection (a cable pulled, the server's backend killed, a restart). Retrying
blindly would then issue a second ticket or call a second visitor; giving up would lose an
action that was never applied.

The design: every user action carries a request id made by the workstation (a UUID, made when
the user acts and kept, with what they typed, until the action is known to be done). The unit
of work that applies the action records the id in ``action_request`` *in the same
transaction*, so the record exists exactly when the action was committed. A retry with the same
id finds the record and returns what the first attempt did, without doing it again. Hence an
action is either committed by its first attempt or applied by one retry after the fault; a
retry after a success is answered, never applied.

The record is inserted before the action runs. A retry can overtake its first attempt while a
server that has not yet noticed the lost client still holds that attempt open; the retry's
insert then waits on the primary key, and when the first attempt ends it either finds the
record (the first attempt committed: :class:`AlreadyClaimed`, and the next try is answered from
the record) or applies the action itself (the first attempt was rolled back). SQLite needs no
such care: its writers take turns (``BEGIN IMMEDIATE``).

Screens call :func:`apply_once` inside the unit of work of the user's action and keep the
request id until it succeeds; programs without a screen (``hall-admin``, the test and bench
workers) call :func:`perform`, which also retries through a lost connection by itself.
"""

from __future__ import annotations

import datetime as dt
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.exc import (
    DBAPIError,
    IntegrityError,
    InterfaceError,
    OperationalError,
    SQLAlchemyError,
)
from sqlalchemy.orm import Session

from db.engine import Database
from db.models import ActionRequest

# How long perform() keeps retrying through a lost database before it gives up.
RETRY_FOR_SECONDS = 30.0
RETRY_PAUSE_SECONDS = 0.2


class AlreadyClaimed(SQLAlchemyError):
    """Another attempt of the same request committed while this one waited for it (a
    database error to screens, which keep the request and let the user press again)."""


class RequestReused(ValueError):
    """A request id already used for another kind of action: a caller's bug (or a clash of
    ids), never a retry of this action."""

    def __init__(self, request_id: str, earlier: str, kind: str) -> None:
        super().__init__(f"request {request_id} was a {earlier}, not a {kind}")
        self.request_id = request_id
        self.earlier = earlier
        self.kind = kind


@dataclass(frozen=True)
class Applied:
    """What an action did: the id of what it made or changed (None if it found nothing to
    do), and whether this was a retry answered from the record of an earlier attempt."""

    entity_id: int | None
    replayed: bool


def new_request_id() -> str:
    return uuid.uuid4().hex


def apply_once(
    session: Session,
    request_id: str,
    kind: str,
    action: Callable[[], int | None],
    at: dt.datetime | None = None,
) -> Applied:
    """Run ``action`` in the caller's unit of work unless ``request_id`` was applied before;
    ``kind`` names the action (``ticket.call``, ...), and a request id is only ever reused
    for the same kind of action."""
    earlier = session.get(ActionRequest, request_id)
    if earlier is not None:
        if earlier.kind != kind:
            raise RequestReused(request_id, earlier.kind, kind)
        return Applied(earlier.entity_id, replayed=True)
    record = ActionRequest(request_id=request_id, kind=kind, at=at or dt.datetime.now())
    session.add(record)
    try:
        session.flush()
    except IntegrityError as error:
        raise AlreadyClaimed(request_id) from error
    record.entity_id = action()
    return Applied(record.entity_id, replayed=False)


def is_transient(error: BaseException) -> bool:
    """True for a failure that a retry can get past: the connection lost or refused, the
    server shutting down, a lock not granted in time, a serialisation conflict."""
    if isinstance(error, AlreadyClaimed):
        return True
    if isinstance(error, DBAPIError) and error.connection_invalidated:
        return True
    return isinstance(error, OperationalError | InterfaceError)


def perform(
    database: Database,
    request_id: str,
    kind: str,
    action: Callable[[Session], int | None],
    retry_for: float = RETRY_FOR_SECONDS,
    pause: float = RETRY_PAUSE_SECONDS,
    on_retry: Callable[[BaseException], None] | None = None,
) -> Applied:
    """Apply ``action`` once, in its own unit of work, retrying through transient failures
    for up to ``retry_for`` seconds (``on_retry`` hears of each one). Refusals by the rules
    (``HallError``) are not retried: they roll back and propagate."""
    deadline = time.monotonic() + retry_for
    while True:
        try:
            with database.write() as session:
                return apply_once(session, request_id, kind, lambda: action(session))
        except Exception as error:
            if not is_transient(error) or time.monotonic() >= deadline:
                raise
            if on_retry is not None:
                on_retry(error)
        time.sleep(pause)
