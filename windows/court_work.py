"""The clerk's slow work (the court's figures for a year, a paper drawn and saved) off the GUI
thread, its result handed back to the GUI thread by signal."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal
from sqlalchemy.exc import SQLAlchemyError

from hall.errors import HallError
from printing.output import PrinterError

log = logging.getLogger(__name__)


def database_lost() -> str:
    return QCoreApplication.translate(
        "CourtDesk",
        "The database cannot be reached: nothing was saved and what you typed is kept. "
        "Try again when the connection is back.",
    )


class _Relay(QObject):
    """Lives on the GUI thread; a signal emitted on the worker is queued to it."""

    done = Signal(object)
    failed = Signal(str)


class CourtJob(QObject):
    """Runs one job at a time on a worker thread: ``done`` carries its result, ``failed`` the
    Chinese reason it was refused or could not run."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Made before the relay so that, destroyed first, it waits for a job under way.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self.done)
        self._relay.failed.connect(self.failed)

    def run(self, job: Callable[[], object]) -> None:
        relay = self._relay
        unreachable = database_lost()
        not_written = QCoreApplication.translate(
            "CourtDesk", "The file could not be written: {reason}."
        )

        def work() -> None:
            try:
                result = job()
            except (HallError, PrinterError) as error:
                relay.failed.emit(str(error))
                return
            except SQLAlchemyError:
                log.exception("court job failed")
                relay.failed.emit(unreachable)
                return
            except OSError as error:
                relay.failed.emit(not_written.format(reason=error.strerror or error))
                return
            relay.done.emit(result)

        self._pool.start(work)
