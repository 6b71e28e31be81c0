"""The live feed: every event any workstation commits, delivered as Qt signals on the GUI thread.

The event log is the source. What tells the feed to read it differs by database:

- PostgreSQL: a dedicated connection, in autocommit, ``LISTEN``s on :data:`db.events.CHANNEL`
  and a :class:`QSocketNotifier` watches its socket, so a commit anywhere wakes the feed at once.
  Each notification names the event's id; the feed reads exactly those rows. (Reading "every
  id above the last one seen" would lose events there: ids come from a sequence, and of two
  transactions the one with the lower id may commit second.)
- SQLite: a timer reads the rows after the last id seen. Writers there hold the database's
  one write lock from BEGIN to COMMIT, so ids become visible in order.

Catching up after (re)connecting to PostgreSQL reads from a little below the last id seen
(:data:`CATCH_UP_LOOKBACK`), skipping what was delivered: a transaction that took its id
before the last one seen but committed while the feed was away was notified to nobody.

The reading and the listening connection are ``db.listen``'s; this module keeps the timers,
the socket notifier and what is delivered. When the database cannot be reached the feed says
so (``connection_lost``), retries on a timer and, once it is back, says so
(``connection_restored``) and delivers what it missed.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSocketNotifier, QTimer

from db import listen
from db.engine import Database
from db.listen import FeedLost, Listener, LoggedEvent
from hall import shell
from kit.context import HallEvent, HallEvents
from kit.operations import Operation, Worker

SQLITE_POLL_MS = 250
RETRY_MS = 2_000
# Reading the log in pages keeps a catch-up after a long outage from holding the GUI thread.
PAGE = 200
# Ids already delivered, remembered so that an event both notified and caught up with is
# delivered once.
REMEMBERED = 2_000
# How far below the last id seen a PostgreSQL catch-up reads: ids handed out to transactions
# still open when the feed went away (a few per workstation at most).
CATCH_UP_LOOKBACK = 500
# How often a workstation looks for calls left unanswered past the hall's timeout.
STALE_CHECK_MS = 60_000


def once_per_burst(parent: QObject, delay_ms: int, slot: Callable[[], object]) -> QTimer:
    """A timer whose ``start`` runs ``slot`` once, ``delay_ms`` after the last start: a view
    that events come to in bursts (a transfer is two) reads the database once per burst."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(delay_ms)
    timer.timeout.connect(slot)
    return timer


class LiveFeed(QObject):
    """Feeds ``events`` (a :class:`HallEvents`) from ``database``'s event log."""

    def __init__(
        self,
        database: Database,
        events: HallEvents,
        parent: QObject | None = None,
        retry_ms: int = RETRY_MS,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.events = events
        # None until the feed has read where the log stood when it started.
        self.last_id: int | None = None
        # Where the log stood then: what came before is not news, however late it committed.
        self._start_id = 0
        self._delivered: deque[int] = deque(maxlen=REMEMBERED)
        self._running = False
        self._online = False
        # True from connection_lost until connection_restored.
        self._lost = False
        self._listener: Listener | None = None
        self._notifier: QSocketNotifier | None = None
        # Connecting can take seconds when the server is unreachable, so it runs on a worker;
        # one thread, so at most one attempt is under way.
        self._worker = Worker(self)
        self._connecting = False
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(retry_ms)
        self._retry.timeout.connect(self._connect)
        self._poll = QTimer(self)
        self._poll.setInterval(SQLITE_POLL_MS)
        self._poll.timeout.connect(self._poll_sqlite)

    @property
    def online(self) -> bool:
        """True while the feed is receiving events."""
        return self._online

    def start(self) -> None:
        """Start from the newest event in the log: what happened before is not news."""
        self._running = True
        self._connect()

    def stop(self) -> None:
        self._running = False
        self._retry.stop()
        self._poll.stop()
        # An attempt under way hands back its connection, which must then be closed: let it
        # finish and deliver its result now rather than to a feed that may be gone by then.
        self._worker.wait()
        QCoreApplication.sendPostedEvents(self._worker, QEvent.Type.MetaCall)
        self._close_listener()
        self._online = False

    def _connect(self) -> None:
        if not self._running:
            return
        if self.database.is_postgres:
            self._start_listening()
        else:
            self._poll_sqlite()
            if self._online:
                self._poll.start()

    # PostgreSQL ---------------------------------------------------------------------------

    def _start_listening(self) -> None:
        if self._connecting:
            return
        self._connecting = True
        url = self.database.url

        def connect() -> tuple[object, object]:
            try:
                return Listener(url), None
            except FeedLost as lost:
                return None, lost.reason

        self._worker.start(connect, self._on_attempted)

    def _on_attempted(self, listener: object, reason: object) -> None:
        if isinstance(listener, Listener):
            self._on_listening(listener)
        else:
            self._on_listen_failed(str(reason))

    def _on_listening(self, listener: Listener) -> None:
        self._connecting = False
        if not self._running:
            listener.close()
            return
        self._listener = listener
        self._notifier = QSocketNotifier(listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_notified)
        # Whatever was committed before LISTEN took effect is in the log already.
        if self._catch_up(CATCH_UP_LOOKBACK):
            self._set_online()

    def _on_listen_failed(self, reason: str) -> None:
        self._connecting = False
        self._lose(reason)

    def _on_notified(self) -> None:
        if self._listener is None:
            return
        try:
            ids = self._listener.notified_ids()
        except FeedLost as lost:
            self._lose(lost.reason)
            return
        if ids:
            database = self.database
            self._read(lambda: listen.events_with_ids(database, ids))

    def _close_listener(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._listener is not None:
            self._listener.close()
            self._listener = None

    # SQLite -------------------------------------------------------------------------------

    def _poll_sqlite(self) -> None:
        if self._catch_up():
            self._set_online()

    # Both ---------------------------------------------------------------------------------

    def _catch_up(self, lookback: int = 0) -> bool:
        """Deliver every event after ``last_id`` (and any not yet delivered within
        ``lookback`` below it); False if the log could not be read."""
        if self.last_id is None:
            try:
                self.last_id = self._start_id = listen.last_id(self.database)
            except FeedLost as lost:
                self._lose(lost.reason)
                return False
            return True
        cursor = max(self._start_id, self.last_id - lookback)
        while True:
            page = self._read(partial(listen.events_after, self.database, cursor, PAGE))
            if page is None:
                return False
            if len(page) < PAGE:
                return True
            cursor = page[-1]

    def _read(self, read: Callable[[], list[LoggedEvent]]) -> list[int] | None:
        """Deliver the events ``read`` reads from the log (those not delivered before); the ids
        read, None if the log could not be read."""
        try:
            rows = [HallEvent(e.id, e.kind, e.entity, e.entity_id, e.payload) for e in read()]
        except FeedLost as lost:
            self._lose(lost.reason)
            return None
        self._deliver(rows)
        return [row.id for row in rows]

    def _deliver(self, rows: Sequence[HallEvent]) -> None:
        for event in rows:
            if event.id in self._delivered:
                continue
            self._delivered.append(event.id)
            self.last_id = max(self.last_id or 0, event.id)
            self.events.dispatch(event)

    def _set_online(self) -> None:
        self._online = True
        if self._lost:
            self._lost = False
            self.events.connection_restored.emit()

    def _lose(self, reason: str) -> None:
        self._close_listener()
        self._poll.stop()
        self._online = False
        if not self._lost:
            self._lost = True
            self.events.connection_lost.emit(
                self.tr(
                    "Lost the connection to the database ({reason}). Retrying every {seconds} "
                    "seconds; what you have typed is kept."
                ).format(reason=reason, seconds=f"{self._retry.interval() / 1000:g}")
            )
        if self._running:
            self._retry.start()


class CallTimeout(QObject):
    """Puts calls left unanswered longer than the hall's timeout back in the queue, so that a
    workstation killed after calling does not leave its visitor "called" all day. Every
    workstation runs one; ``hall.queue.release_stale_calls`` keeps them from releasing a call
    twice."""

    def __init__(
        self, database: Database, parent: QObject | None = None, interval_ms: int = STALE_CHECK_MS
    ) -> None:
        super().__init__(parent)
        self.database = database
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.release_stale)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def release_stale(self) -> list[str]:
        """Release what is overdue now; the numbers released (none while the database is
        away: the live feed tells of that, and the next round tries again)."""
        released = (
            Operation(self, self.database, shell.release_unanswered_calls)
            .failure(lambda _problem: None)
            .run()
        )
        return released or []
