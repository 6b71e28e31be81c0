"""The persistent model behind the leaders' figures: the administrator's two-level list of
content categories (内容分类), the category a visit's matter was filed under, and the daily
counts of visits and of rated services that database triggers keep (migration 0160_figspeed).

A visit's category lives in its own table rather than a column of ``visit`` so that filing a
matter, or re-filing it when the list changes, never rewrites the visit row.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
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


class VisitDay(Base):
    """A day's visits of one window, channel and purpose: how many, how many people, how many
    groups (集体访, 5 or more). Kept by database triggers on every write of a visit, in its
    transaction (migration 0160_figspeed): a year's counts add up a few thousand of these
    rows instead of a million visits. A row may fall to zero; it is kept."""

    __tablename__ = "figure_visit_day"

    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    window_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(16), primary_key=True)
    purpose: Mapped[str] = mapped_column(String(16), primary_key=True)
    items: Mapped[int] = mapped_column(Integer)
    people: Mapped[int] = mapped_column(Integer)
    group_visits: Mapped[int] = mapped_column(Integer)


class TownshipDay(Base):
    """A day's visits of one window from one township (the visit's copy of its visitor's),
    kept by the same triggers as :class:`VisitDay`. Apart from it because a county's score of
    townships times every channel and purpose would make as many rows as visits."""

    __tablename__ = "figure_township_day"

    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    window_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    township: Mapped[str] = mapped_column(String(64), primary_key=True)
    items: Mapped[int] = mapped_column(Integer)


class RatingDay(Base):
    """A day's finished services at one window (by the ticket's day and window): how many, how
    many rated, how many rated 满意 or 基本满意. Kept by database triggers on every write of a
    ticket or a rating, in its transaction (migration 0160_figspeed)."""

    __tablename__ = "figure_rating_day"

    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    window_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    finished: Mapped[int] = mapped_column(Integer)
    rated: Mapped[int] = mapped_column(Integer)
    content: Mapped[int] = mapped_column(Integer)


class TicketDay(Base):
    """A day's tickets at one window (by the ticket's day and window), for 窗口效能: how many,
    served, no-shows, called; the waits' (queued → called) sum and longest and the finished
    services' (start → finish) count and sum, in whole microseconds so that the triggers'
    additions and subtractions are exact. Kept by database triggers on every write of a ticket,
    in its transaction (migration 0170_figwin)."""

    __tablename__ = "figure_ticket_day"

    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    window_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tickets: Mapped[int] = mapped_column(Integer)
    served: Mapped[int] = mapped_column(Integer)
    no_show: Mapped[int] = mapped_column(Integer)
    called: Mapped[int] = mapped_column(Integer)
    wait_us: Mapped[int] = mapped_column(BigInteger)
    services: Mapped[int] = mapped_column(Integer)
    service_us: Mapped[int] = mapped_column(BigInteger)
    longest_us: Mapped[int | None] = mapped_column(BigInteger)


class WaitDay(Base):
    """A day's calls at one window by the wait in whole minutes, rounded up: a window's target
    is whole minutes, so the calls within it are the rows with ``minutes`` up to it — exact,
    whatever the target is set to later. Kept with :class:`TicketDay`."""

    __tablename__ = "figure_wait_day"

    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    window_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    minutes: Mapped[int] = mapped_column(Integer, primary_key=True)
    called: Mapped[int] = mapped_column(Integer)


class OfficerDay(Base):
    """A day's finished services at one window by the officer who called them: how many, how
    many timed (started and finished), and their time in whole microseconds. Kept with
    :class:`TicketDay`."""

    __tablename__ = "figure_officer_day"

    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    window_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    officer_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    served: Mapped[int] = mapped_column(Integer)
    services: Mapped[int] = mapped_column(Integer)
    service_us: Mapped[int] = mapped_column(BigInteger)


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
    Visit.township,
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
# The court's visitors served at its window in a period: one window's tickets by the time the
# service started, read from the index alone rather than every court ticket's row.
Index("ix_ticket_window_started", Ticket.window_id, Ticket.started_at, Ticket.visit_id)
# Services finished in the last minutes, whose rating window is still open: the few a period's
# finished and rated counts (RatingDay) must not yet call unrated.
Index("ix_ticket_finished_at", Ticket.finished_at)
