"""Slow work (the court's figures, a paper saved) off the GUI thread, its result handed back to
the GUI thread by signal. Only the court's desk (``windows/court_work.py``) still uses it, until
it moves onto :mod:`kit.operations` like the windows; then this module goes."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, Signal

from db.engine import is_database_failure
from hall.errors import HallError
from printing.output import PrinterError

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; a signal emitted on the worker is queued to it."""

    done = Signal(object)
    failed = Signal(str)


class Background(QObject):
    """Runs one job at a time on a worker; ``done`` carries its result, ``failed`` the Chinese
    reason it was refused or could not run."""

    done = Signal(object)
    failed = Signal(str)
    # Whose job it was, for the log.
    kind = "background"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Made before the relay so that, destroyed first, it waits for a job under way.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self.done)
        self._relay.failed.connect(self.failed)
        self.busy = False
        self.done.connect(self._finished)
        self.failed.connect(self._finished)

    def unreachable(self) -> str:
        """What the user is told when the database failed the job."""
        return self.tr(
            "The database cannot be reached: nothing was saved. Try again when the connection "
            "is back."
        )

    def not_written(self) -> str:
        """What the user is told when the job's file could not be written ({reason}: why)."""
        return self.tr("The file could not be written: {reason}.")

    def run(self, job: Callable[[], object]) -> None:
        relay = self._relay
        kind = self.kind
        # Translated here: the worker thread has no business with the translator.
        unreachable = self.unreachable()
        not_written = self.not_written()

        def work() -> None:
            try:
                result = job()
            except (HallError, PrinterError) as error:
                relay.failed.emit(str(error))
                return
            except OSError as error:
                relay.failed.emit(not_written.format(reason=error.strerror or error))
                return
            except Exception as error:
                if not is_database_failure(error):
                    raise
                log.exception("%s job failed", kind)
                relay.failed.emit(unreachable)
                return
            relay.done.emit(result)

        self.busy = True
        self._pool.start(work)

    def _finished(self) -> None:
        self.busy = False

    def wait(self) -> None:
        self._pool.waitForDone()
