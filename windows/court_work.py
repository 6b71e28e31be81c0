"""The clerk's work: each action's refusal said rather than raised, and the slow work (the
court's figures for a year, a paper drawn and saved) off the GUI thread, its result handed back
to the GUI thread by signal."""

from __future__ import annotations

import logging
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from sqlalchemy.exc import SQLAlchemyError

from hall.errors import HallError, InvalidInput
from kit.background import Background

log = logging.getLogger(__name__)


def database_lost() -> str:
    return QCoreApplication.translate(
        "CourtDesk",
        "The database cannot be reached: nothing was saved and what you typed is kept. "
        "Try again when the connection is back.",
    )


class CourtJob(Background):
    """The clerk's worker: its failures are told in the desk's words."""

    kind = "court"

    def unreachable(self) -> str:
        return database_lost()

    def not_written(self) -> str:
        return QCoreApplication.translate("CourtDesk", "The file could not be written: {reason}.")


class Attempt:
    """Around one unit of work of the clerk's: a refusal by the rules, or a lost database, is
    handled here instead of raised, and ``refused`` tells the caller to stop.

    ``say`` tells the refusal. ``lost`` names the action in the log when the database fails
    it, and the clerk is told; None when the banner alone tells of it (a list read again stays
    as it was). ``reread`` runs after a refusal by the rules, which may come of a change made
    elsewhere. ``problem`` shows a field's problem at its field, if the form has fields."""

    def __init__(
        self,
        say: Callable[[str], object],
        lost: str | None,
        *,
        reread: Callable[[], object] | None = None,
        problem: Callable[[InvalidInput], object] | None = None,
    ) -> None:
        self.say = say
        self.lost = lost
        self.reread = reread
        self.problem = problem
        self.refused = False

    def __enter__(self) -> Attempt:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> bool:
        if isinstance(error, InvalidInput) and self.problem is not None:
            self.problem(error)
        elif isinstance(error, HallError):
            self.say(error.message)
            if self.reread is not None:
                self.reread()
        elif isinstance(error, SQLAlchemyError):
            if self.lost is not None:
                log.error("%s", self.lost, exc_info=error)
                self.say(database_lost())
        else:
            return False
        self.refused = True
        return True
