"""The persistent record of changes to a court file's trial limit (审理期限): a change of
procedure (程序转换) and an approved extension (延长审理期限), each with its reason and approver.

A separate table rather than columns on ``court_case``: a file may see several changes (a
conversion, then an extension under the new procedure), and each is kept as the clerk
entered it, which is what the file's timeline and the court's figures read.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db import court_models  # noqa: F401  (court_case, named by a change)
from db.models import Base, BigId

CONVERSION = "conversion"
EXTENSION = "extension"
CHANGE_NAMES = {CONVERSION: "程序转换", EXTENSION: "延长审理期限"}


class CourtLimitChange(Base):
    __tablename__ = "court_limit_change"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("court_case.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    # The procedure the file is on after the change (an extension keeps it).
    track: Mapped[str] = mapped_column(String(16))
    from_track: Mapped[str] = mapped_column(String(16))
    # An extension's months; 0 for a conversion.
    months: Mapped[int] = mapped_column(Integer, default=0)
    decided_on: Mapped[dt.date] = mapped_column(Date, index=True)
    reason: Mapped[str] = mapped_column(Text)
    # Who approved it (院长, 上级法院 …), as written on the approval.
    approver: Mapped[str] = mapped_column(String(64))
    due_before: Mapped[dt.date] = mapped_column(Date)
    due_after: Mapped[dt.date] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
