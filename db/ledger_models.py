"""The persistent model of ledger imports (台账导入): which rows of which ledger have been
imported, so that importing the same file again writes nothing.

Each imported row keeps its stable key (the file's ledger number when it has one, else a hash
of the row's content), the records it became, and the cells of the ledger that no other table
holds (内容分类, 备注, a court file's 结案方式 when the court has no outcome code for it), so an
export gives back what was imported.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, DateTime, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

# The tables a ledger row names: petition_case, court_case, opinion.
from db import case_models, court_models, window_models  # noqa: F401
from db.models import Base, BigId


class LedgerRow(Base):
    __tablename__ = "ledger_row"
    __table_args__ = (
        UniqueConstraint("kind", "key", name="uq_ledger_row_kind_key"),
        Index("ix_ledger_row_visit_id", "visit_id"),
        Index("ix_ledger_row_court_case_id", "court_case_id"),
        Index("ix_ledger_row_opinion_id", "opinion_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    # visits, court or opinions.
    kind: Mapped[str] = mapped_column(String(16))
    key: Mapped[str] = mapped_column(String(80))
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("petition_case.id"))
    court_case_id: Mapped[int | None] = mapped_column(ForeignKey("court_case.id"))
    opinion_id: Mapped[int | None] = mapped_column(ForeignKey("opinion.id"))
    extra: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime)
    imported_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
