"""The service windows and the court clerk's desk, on one shared workstation base."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from hall import counter
from hall.errors import NotFound
from kit.context import AppContext
from kit.operations import Failure, Operation, Problem
from windows.aid import AidWorkstation
from windows.base import WindowWorkstation
from windows.court import ClerkDesk
from windows.legal import LegalWorkstation
from windows.letters import LettersDesk
from windows.opinion import OpinionWorkstation
from windows.publicity import PublicityWorkstation
from windows.supervision import SupervisionWorkstation
from windows.talk import TalkWorkstation

# By the seeded window codes; the court's clerk has a desk of its own (ClerkDesk).
WORKSTATIONS: dict[str, type[WindowWorkstation]] = {
    "legal": LegalWorkstation,
    "talk": TalkWorkstation,
    "opinion": OpinionWorkstation,
    "aid": AidWorkstation,
    "publicity": PublicityWorkstation,
    "supervision": SupervisionWorkstation,
    "letters": LettersDesk,
}


def open_workstation(ctx: AppContext, window_code: str, parent: QWidget | None = None) -> QWidget:
    """The workstation screen for one window. An unknown code raises ``hall.errors.NotFound``,
    whose message lists the codes there are; without the database the workstation opens and
    says so, and reads itself again when the connection is back."""
    problems: list[Problem] = []
    checking = Operation(
        QObject(), ctx.database, lambda s: counter.window_heading(s, window_code), read_only=True
    )
    checking.failure(problems.append).run()
    if problems and problems[0].failure is Failure.REFUSED:
        raise NotFound(problems[0].message)
    if window_code == "court":
        return ClerkDesk(ctx, window_code, parent)
    workstation = WORKSTATIONS.get(window_code, WindowWorkstation)
    return workstation(ctx, window_code, parent)
