"""The court as the hall knows it: its window, its letterhead, how a form's problems are
raised, and who may work and read its files."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import ServiceWindow, User, Visit
from db.states import HandoffState
from hall import fields, settings, users
from hall.errors import InvalidFields, InvalidInput, PermissionDenied

# The window the court receives walk-in visitors at (the seeded code of 便民巡回法庭).
COURT_WINDOW = "court"
DEFAULT_TRIBUNAL = "便民巡回法庭"
MAX_PARTY = fields.PARTY.max_length
MAX_OTHER_PARTY = fields.OTHER_PARTY.max_length
ACTIVE = frozenset({HandoffState.HANDED, HandoffState.ACCEPTED})
# What CourtHandoff.barcode prints: YJ, the year, a hyphen and the sequence number.
BARCODE = re.compile(r"^YJ(\d{4})-(\d{4,})$")


class InvalidForm(InvalidFields):
    """Several fields at fault at once. ``problems`` holds one :class:`InvalidInput` per field,
    for a form to mark each; the message names them all, missing ones first, in one go."""

    def __init__(self, what: str, problems: Sequence[InvalidInput]) -> None:
        missing = [p for p in problems if isinstance(p, MissingField)]
        other = [p.message for p in problems if not isinstance(p, MissingField)]
        parts = []
        for verb in dict.fromkeys(p.verb for p in missing):
            labels = "、".join(p.missing for p in missing if p.verb == verb)
            parts.append(f"请{verb}{labels}。")
        parts.extend(other)
        super().__init__(problems, f"{what}不完整：{''.join(parts)}")


# A required field left empty, as the hall's field rules say it.
MissingField = fields.Missing


def raise_problems(what: str, problems: Sequence[InvalidInput]) -> None:
    if problems:
        raise InvalidForm(what, problems)


@dataclass(frozen=True)
class Letterhead:
    """The names the court's papers are headed with."""

    hall_name: str
    # The people's court (义马市人民法院) and its tribunal in the hall (the court window's name).
    court_name: str
    tribunal: str

    @property
    def circuit_court(self) -> str:
        return f"{self.court_name}{self.tribunal}"


def letterhead(session: Session) -> Letterhead:
    window = session.scalar(select(ServiceWindow).where(ServiceWindow.code == COURT_WINDOW))
    return Letterhead(
        hall_name=settings.get(session, settings.HALL_NAME),
        court_name=settings.get(session, settings.COURT_NAME),
        tribunal=window.name if window is not None else DEFAULT_TRIBUNAL,
    )


def may_read_court_file(user: User | None) -> bool:
    """The court's clerks and administrators; nobody else opens a court file."""
    return user is not None and user.active and users.has_role(user, users.CLERK, users.ADMIN)


def require_clerk(user: User) -> None:
    """Refuse anyone but a clerk or an administrator, for reading a court file or working it."""
    if not may_read_court_file(user):
        raise PermissionDenied(
            f"法庭卷宗只有法庭书记员和管理员可以查看和办理，{user.name}没有这个权限。"
            "窗口可在来访记录中查看移交情况、案号、所处阶段和结果。"
        )


def _require_window(user: User, visit: Visit) -> None:
    if users.has_role(user, users.ADMIN):
        return
    serves = visit.window_id in {w.id for w in user.windows}
    if not (serves and users.has_role(user, users.OFFICER, users.CLERK)):
        raise PermissionDenied(
            f"{user.name}不在这次来访所在的窗口，不能把它移交法庭。请由该窗口的工作人员办理。"
        )
