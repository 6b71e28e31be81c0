"""The persistent model behind the leaders' figures: the administrator's two-level list of
content categories (内容分类) and the category a visit's matter was filed under.

A visit's category lives in its own table rather than a column of ``visit`` so that filing a
matter, or re-filing it when the list changes, never rewrites the visit row.
"""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models import Base, Ticket, Visit
from db.window_models import Satisfaction


class ContentCategory(Base):
    """A category (一级分类, ``parent_id`` empty) or one of its subcategories (二级分类).
    Retired rather than deleted once used, so old figures keep their names."""

    __tablename__ = "content_category"
    __table_args__ = (
        UniqueConstraint("parent_id", "name", name="uq_content_category_parent_name"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("content_category.id"))
    name: Mapped[str] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class VisitCategory(Base):
    """The category a visit's matter is filed under (at most one)."""

    __tablename__ = "visit_category"
    # Counting a period's items by category joins on the visit and groups by the category.
    __table_args__ = (Index("ix_visit_category_category", "category_id", "visit_id"),)

    visit_id: Mapped[int] = mapped_column(
        ForeignKey("visit.id", ondelete="CASCADE"), primary_key=True
    )
    category_id: Mapped[int] = mapped_column(ForeignKey("content_category.id"))


# Covering indexes for the figures: a year of visits or tickets is read from the index alone
# (an index-only scan on PostgreSQL, a covering index on SQLite) instead of the wide rows with
# their summaries and notes. Declared here, beside the figures' own tables, to keep the
# figures' schema in one module.
Index(
    "ix_visit_figures",
    Visit.created_at,
    Visit.window_id,
    Visit.channel,
    Visit.purpose,
    Visit.group_size,
    Visit.visitor_id,
    Visit.id,
)
Index(
    "ix_ticket_figures",
    Ticket.service_date,
    Ticket.window_id,
    Ticket.status,
    Ticket.queued_at,
    Ticket.called_at,
    Ticket.started_at,
    Ticket.finished_at,
    Ticket.called_by,
    Ticket.visit_id,
    Ticket.id,
)
Index("ix_satisfaction_figures", Satisfaction.rated_at, Satisfaction.ticket_id, Satisfaction.score)
