"""Running a user's action: the one way a screen reaches the database.

In the manner of Anki's ``CollectionOp``/``QueryOp``: a screen names one ``hall`` call and
what to do with its result, and :class:`Operation` does the rest —

* opens the unit of work for the action (``db.write()``, or ``db.read()`` for a query), so a
  screen never holds a session;
* runs it inline (a single-row action: the user sees the result at once) or on a worker (reports,
  imports, exports, big searches: the GUI never waits), the result handed back on the GUI thread;
* carries the request id that makes pressing again after a lost connection safe
  (:class:`Request`, :func:`db.action_requests.apply_once`);
* turns what went wrong into one set of Chinese messages (:class:`Problem`): a refusal by the
  rules with its reason, a field to fix, a lost database (nothing saved, the form kept), a file
  that could not be written. Screens never catch database errors themselves.

    Operation(self, ctx.database, lambda s: hall.queue.call_next(s, ...)).success(show).run()
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from db import action_requests
from db.engine import Database, Session, is_database_failure
from hall.errors import HallError, InvalidFields, InvalidInput
from printing.output import PrinterError

T = TypeVar("T")
log = logging.getLogger(__name__)


class Failure(Enum):
    REFUSED = "refused"  # the rules said no, with their reason
    INVALID = "invalid"  # a field to fix (``Problem.field``)
    DATABASE_LOST = "database_lost"  # nothing was saved; what was typed is kept
    FILE = "file"  # a file or a printer could not be written


@dataclass(frozen=True)
class Problem:
    """What went wrong, said in Chinese for the user; ``field`` names the form field to fix."""

    failure: Failure
    message: str
    field: str | None = None
    # A refused form's mistakes, one per field, when there are several.
    parts: tuple[InvalidInput, ...] = ()


# Each translate() spells its context "Operation" out: lupdate takes a context only from a
# literal, and a message it does not extract stays in English.
def database_lost(writing: bool = True) -> str:
    if writing:
        return QCoreApplication.translate(
            "Operation",
            "The database cannot be reached: nothing was saved and what you typed is kept. "
            "Try again when the connection is back.",
        )
    return QCoreApplication.translate(
        "Operation",
        "The database cannot be reached: what is shown may be out of date. It is read again "
        "when the connection is back.",
    )


def file_not_written(reason: str) -> str:
    return QCoreApplication.translate(
        "Operation", "The file could not be written: {reason}."
    ).format(reason=reason)


def problem_of(error: BaseException, writing: bool = True) -> Problem | None:
    """The user's words for ``error``, or None for an error that is a bug (it propagates)."""
    if isinstance(error, InvalidFields):
        return Problem(Failure.INVALID, error.message, error.field, tuple(error.problems))
    if isinstance(error, InvalidInput):
        return Problem(Failure.INVALID, error.message, error.field)
    if isinstance(error, HallError):
        return Problem(Failure.REFUSED, error.message)
    if isinstance(error, PrinterError):
        return Problem(Failure.FILE, str(error))
    if is_database_failure(error):
        return Problem(Failure.DATABASE_LOST, database_lost(writing))
    if isinstance(error, OSError):
        return Problem(Failure.FILE, file_not_written(str(error.strerror or error)))
    return None


class Request:
    """The request id of one kind of action on a screen, kept from the user's press until the
    action is known to be done, so pressing again after a lost connection answers the first
    attempt instead of applying it twice (``ticket.call``, ``visit.register``, ...)."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._id: str | None = None

    @property
    def id(self) -> str:
        if self._id is None:
            self._id = action_requests.new_request_id()
        return self._id

    @property
    def pending(self) -> bool:
        """True while an attempt may have been applied without the screen hearing of it."""
        return self._id is not None

    def settle(self) -> None:
        """The action is known done or refused: the next press is a new action."""
        self._id = None


class _Relay(QObject):
    """Lives on the GUI thread; a signal emitted on the worker is queued to it."""

    finished = Signal(int, object, object)  # (job, result, Problem | None)


class Worker(QObject):
    """A screen's worker thread for slow operations, one at a time. Owned by the screen: a
    screen closed while its operation runs waits for it, so no result lands on a dead widget."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        # Made before the relay so that, destroyed first, it waits for a job under way.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._finished)
        self._waiting: dict[int, Callable[[object, object], None]] = {}
        self._jobs = itertools.count()

    def start(
        self, job: Callable[[], tuple[object, object]], delivered: Callable[[object, object], None]
    ) -> None:
        token = next(self._jobs)
        self._waiting[token] = delivered
        relay = self._relay

        def work() -> None:
            result, problem = job()
            relay.finished.emit(token, result, problem)

        self._pool.start(work)

    def _finished(self, token: int, result: object, problem: object) -> None:
        # The callback may hold the last reference to the screen that owns this worker: it is
        # let go after this event, never inside it, so the screen is not destroyed under it.
        spent = [self._waiting.pop(token)]
        QTimer.singleShot(0, spent.clear)
        spent[0](result, problem)

    def wait(self) -> None:
        self._pool.waitForDone()

    @property
    def busy(self) -> bool:
        return bool(self._waiting)


def worker_of(parent: QObject) -> Worker:
    """The worker of ``parent``'s screen, made on first use."""
    found = parent.findChild(Worker, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return found if isinstance(found, Worker) else Worker(parent)


class Tracker(QObject):
    """Progress and cancel between a long background operation and its screen (an import):
    the work, on the worker, calls :meth:`progress` and asks :meth:`cancelled`; ``progressed``
    reaches the GUI thread by a queued signal, since the tracker lives there, and
    :meth:`cancel`, pressed on the GUI thread, is seen by the worker at its next question.

        tracker = Tracker(self)
        tracker.progressed.connect(bar.setValue...)
        Operation(self, db, lambda s: work(s, tracker.progress, tracker.cancelled))
    """

    progressed = Signal(int, int)  # (done, total)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()

    def progress(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


class Operation(Generic[T]):
    """One user action: ``work`` is one ``hall`` call given the unit of work's session.

    ``success`` hears the result; ``failure`` hears a :class:`Problem` (by default a message
    box over ``parent``). ``read_only`` opens a read-only unit of work, and a lost database is
    then told as stale, not as unsaved. ``once`` makes the action safe to press again: ``key``
    names what it made or changed (an id) and ``replay`` rebuilds the result from that id when
    the press is answered from an earlier attempt."""

    def __init__(
        self,
        parent: QObject,
        database: Database,
        work: Callable[[Session], T],
        *,
        read_only: bool = False,
    ) -> None:
        self._parent = parent
        self._database = database
        self._work = work
        self._read_only = read_only
        self._success: Callable[[T], object] | None = None
        self._failure: Callable[[Problem], object] | None = None
        self._request: Request | None = None
        self._key: Callable[[T], int | None] | None = None
        self._replay: Callable[[Session, int | None], T] | None = None

    def success(self, callback: Callable[[T], object]) -> Operation[T]:
        self._success = callback
        return self

    def failure(self, callback: Callable[[Problem], object]) -> Operation[T]:
        self._failure = callback
        return self

    def once(
        self,
        request: Request,
        key: Callable[[T], int | None],
        replay: Callable[[Session, int | None], T],
    ) -> Operation[T]:
        self._request = request
        self._key = key
        self._replay = replay
        return self

    def _apply(self) -> T:
        database = self._database
        if self._read_only:
            with database.read() as session:
                return self._work(session)
        with database.write() as session:
            request, key, replay = self._request, self._key, self._replay
            if request is None or key is None or replay is None:
                return self._work(session)
            results: list[T] = []

            def act() -> int | None:
                results.append(self._work(session))
                return key(results[0])

            applied = action_requests.apply_once(session, request.id, request.kind, act)
            return replay(session, applied.entity_id) if applied.replayed else results[0]

    def _outcome(self, error: BaseException) -> Problem:
        problem = problem_of(error, writing=not self._read_only)
        if problem is None:
            raise error
        if problem.failure is Failure.DATABASE_LOST:
            log.warning(
                "the database failed an operation of %s",
                type(self._parent).__name__,
                exc_info=error,
            )
        return problem

    def _settle(self, problem: Problem | None) -> None:
        # A lost database leaves the request pending: the action may have been applied.
        if self._request is not None and (
            problem is None or problem.failure is not Failure.DATABASE_LOST
        ):
            self._request.settle()

    def _deliver(self, result: object, problem: Problem | None) -> None:
        self._settle(problem)
        if problem is None:
            if self._success is not None:
                self._success(result)  # type: ignore[arg-type]
        elif self._failure is not None:
            self._failure(problem)
        else:
            show_problem(self._parent, problem)

    def run(self) -> T | None:
        """Run inline; returns the result, or None when it failed (``failure`` was told)."""
        try:
            result = self._apply()
        except Exception as error:
            self._deliver(None, self._outcome(error))
            return None
        self._deliver(result, None)
        return result

    def run_in_background(self) -> None:
        """Run on the screen's worker; ``success`` or ``failure`` is called on the GUI thread."""
        writing = not self._read_only

        def job() -> tuple[object, object]:
            try:
                return self._apply(), None
            except Exception as error:
                return None, _background_problem(error, writing)

        def delivered(result: object, problem: object) -> None:
            self._deliver(result, problem if isinstance(problem, Problem) else None)

        worker_of(self._parent).start(job, delivered)


def _background_problem(error: BaseException, writing: bool) -> Problem:
    """A worker's failure in the user's words; a bug is logged and told as one, since there is
    no caller left to raise it to."""
    problem = problem_of(error, writing)
    if problem is None:
        log.error("a background operation failed", exc_info=error)
        return Problem(
            Failure.REFUSED,
            QCoreApplication.translate(
                "Operation",
                "The work could not be done because of an error in the program; the details "
                "are in the log.",
            ),
        )
    if problem.failure is Failure.DATABASE_LOST:
        log.warning("the database failed a background operation", exc_info=error)
    return problem


def show_problem(parent: QObject, problem: Problem) -> None:
    """The default way of telling a problem: a message box over the screen."""
    widget = parent if isinstance(parent, QWidget) else None
    title = QCoreApplication.translate("Operation", "Not done")
    QMessageBox.warning(widget, title, problem.message)
