"""The lists behind the figures of 分类, 趋势, 窗口效能, 法庭 and 督办: each figure a tab shows
opens the rows it counted, selected exactly as the tab's query counts them, so the list is as
long as the figure is large.

A figure is named by its key here and by the line it stands on (``key``): a channel, purpose,
class, window, township, category or unit by its name as the tab shows it; a trend bucket as
``YYYY-MM-DD:size``; a window by its code ("" for the hall's line); an officer, a court track
or outcome, a unit by its name.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import CompoundSelect, Select, case, func, literal, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from db.case_models import PetitionCase, ResponsibleUnit, SupervisionOrder
from db.court_models import OUTCOME_NAMES, TRACK_NAMES, CourtCase, CourtHandoff
from db.figure_models import ContentCategory
from db.models import ServiceWindow, Ticket, User, Visit
from db.states import CaseDecision, OrderState, TicketStatus
from db.window_models import Complaint, ServiceRecord
from hall import clock, court_figures
from hall.cases import CaseRow
from hall.catalog import PURPOSES
from hall.court import COURT_WINDOW
from hall.court_cases.file_views import CaseRow as CourtFileRow
from hall.errors import InvalidInput
from hall.figures import definitions as d
from hall.figures.base import Scope, ScopeIds, day_of, resolve
from hall.figures.items import CHANNEL_GROUPS, CLASSES, items
from hall.figures.overview import NO_TOWNSHIP, NO_UNIT, UNFILED, category_names, scoped_tickets
from hall.figures.periods import CUSTOM, DAY, MONTH, WEEK, Period
from hall.figures.rows import (
    TICKET,
    VISIT,
    DrillList,
    ItemRow,
    OrderRow,
    TicketRow,
    case_list,
    court_file_list,
    item_list,
    listed,
    order_list,
    ticket_list,
)

# 分类 (and 趋势's tables per township and per category)
BY_CHANNEL = "by_channel"
BY_PURPOSE = "by_purpose"
BY_CLASS = "by_class"
BY_WINDOW = "by_window"
BY_TOWNSHIP = "by_township"
BY_CATEGORY = "by_category"
BY_UNIT = "by_unit"
# 趋势
TREND_BUCKET = "trend_bucket"
# 窗口效能
QUEUE_TICKETS = "queue_tickets"
QUEUE_SERVED = "queue_served"
QUEUE_CALLED = "queue_called"
OFFICER_SERVED = "officer_served"
# 法庭
COURT_RECEIVED = "court_received"
COURT_HANDLED = "court_handled"
COURT_REGISTERED = "court_registered"
COURT_CLOSED = "court_closed"
COURT_MEDIATED = "court_mediated"
# 督办
ORDERS_ISSUED = "orders_issued"
ORDERS_ON_TIME = "orders_on_time"
ORDERS_ESCALATED = "orders_escalated"
UNIT_OVERDUE = "unit_overdue"
UNIT_COMPLAINED = "unit_complained"

# Each figure's name in the list's title, and the definition shown with it.
FIGURES: dict[str, tuple[str, str]] = {
    BY_CHANNEL: ("按来源", d.ITEMS),
    BY_PURPOSE: ("按目的", d.ITEMS),
    BY_CLASS: ("按类别", d.ITEMS),
    BY_WINDOW: ("按窗口", d.ITEMS),
    BY_TOWNSHIP: ("按乡镇", d.ITEMS),
    BY_CATEGORY: ("按内容分类", d.ITEMS),
    BY_UNIT: ("按责任单位", d.ITEMS),
    TREND_BUCKET: ("趋势", d.TREND),
    QUEUE_TICKETS: ("取号", d.TICKETS),
    QUEUE_SERVED: ("办结服务", d.SERVED),
    QUEUE_CALLED: ("已叫号", d.WITHIN_TARGET),
    OFFICER_SERVED: ("工作人员办结", d.THROUGHPUT),
    COURT_RECEIVED: ("法庭接待来访群众", d.COURT),
    COURT_HANDLED: ("法庭办理事项", d.COURT),
    COURT_REGISTERED: ("法庭立案", d.COURT),
    COURT_CLOSED: ("法庭结案", d.COURT),
    COURT_MEDIATED: ("法庭调解结案", d.COURT),
    ORDERS_ISSUED: ("发出督办单", d.ORDERS),
    ORDERS_ON_TIME: ("按期回复督办", d.ORDERS),
    ORDERS_ESCALATED: ("升级督办", d.ORDERS),
    UNIT_OVERDUE: ("超期未报办结", d.UNITS_OVERDUE),
    UNIT_COMPLAINED: ("被投诉", d.UNITS_COMPLAINED),
}
ITEM_LISTS = (BY_CHANNEL, BY_PURPOSE, BY_CLASS, BY_WINDOW, BY_TOWNSHIP, BY_CATEGORY, BY_UNIT)
BUCKET_SIZES = (DAY, WEEK, MONTH)


def drill(
    session: Session,
    figure: str,
    key: str,
    period: Period,
    scope: Scope,
    viewer: User | None,
    offset: int,
    limit: int,
) -> DrillList:
    name, definition = FIGURES[figure]
    ids = resolve(session, scope)
    rows: list[Any]
    kind: type = ItemRow
    if figure in ITEM_LISTS:
        rows, total = item_list(
            session, _classified(session, figure, key, period, ids), viewer, offset, limit
        )
    elif figure == TREND_BUCKET:
        bucket = _bucket(key, period)
        rows, total = item_list(session, _keys(session, bucket, ids), viewer, offset, limit)
        key = bucket.label
    elif figure in (QUEUE_TICKETS, QUEUE_SERVED, QUEUE_CALLED, OFFICER_SERVED):
        stmt = _tickets(session, figure, key, period, ids)
        rows, total = ticket_list(session, stmt, offset, limit)
        kind = TicketRow
        if figure != OFFICER_SERVED:
            key = _window_name(session, key)
    elif figure == COURT_RECEIVED:
        rows, total = item_list(session, _court_visitors(period), viewer, offset, limit)
    elif figure in (COURT_HANDLED, COURT_REGISTERED, COURT_CLOSED, COURT_MEDIATED):
        stmt = select(CourtCase).where(_court_condition(figure, key, period))
        rows, total = court_file_list(session, stmt, viewer, offset, limit)
        kind = CourtFileRow
    elif figure in (ORDERS_ISSUED, ORDERS_ON_TIME, ORDERS_ESCALATED):
        rows, total = order_list(session, _orders(figure, period), offset, limit)
        kind = OrderRow
    elif figure == UNIT_OVERDUE:
        rows, total = case_list(session, _overdue_of(key), offset, limit)
        kind = CaseRow
    else:
        complaints = _complaints_of(session, key, period)
        rows, total = item_list(session, complaints, viewer, offset, limit)
    title = f"{name}：{key}" if key else name
    return listed(figure, title, d.TEXTS[definition], rows, total, kind)


# ---------------------------------------------------------------------------------------------
# 分类 and 趋势: items, as overview and trend count them


def _keys(session: Session, period: Period, ids: ScopeIds) -> Select[Any]:
    grouped = items(session, period, ids, with_day=True)
    return select(grouped.c.kind, grouped.c.id, grouped.c.day)


def _classified(
    session: Session, figure: str, key: str, period: Period, ids: ScopeIds
) -> Select[Any]:
    if figure == BY_TOWNSHIP:
        grouped = items(session, period, ids, with_day=True, with_township=True)
        township = grouped.c.township
        condition: ColumnElement[bool] = (
            or_(township.is_(None), township == "") if key == NO_TOWNSHIP else township == key
        )
    elif figure == BY_CATEGORY:
        grouped = items(session, period, ids, with_day=True, with_category=True)
        chosen = [i for i, name in category_names(session).items() if name == key]
        filed = grouped.c.category_id
        if key == UNFILED:
            known = select(ContentCategory.id)
            condition = or_(filed.is_(None), filed.not_in(known))
        else:
            condition = filed.in_(chosen)
    elif figure == BY_UNIT:
        grouped = items(session, period, ids, with_day=True, with_unit=True)
        unit = grouped.c.unit_id
        if key == NO_UNIT:
            condition = or_(unit.is_(None), unit.not_in(select(ResponsibleUnit.id)))
        else:
            condition = unit.in_(select(ResponsibleUnit.id).where(ResponsibleUnit.name == key))
    else:
        grouped = items(session, period, ids, with_day=True)
        condition = _plain_condition(grouped.c, figure, key)
    return select(grouped.c.kind, grouped.c.id, grouped.c.day).where(condition)


def _plain_condition(columns: Any, figure: str, key: str) -> Any:
    if figure == BY_CHANNEL:
        if key not in set(CHANNEL_GROUPS.values()):
            raise InvalidInput(f"来源“{key}”无效。", "key")
        others = [code for code, group in CHANNEL_GROUPS.items() if group != key]
        # Overview counts a channel it does not know as a visit in person (来访).
        if key == "来访":
            return columns.channel.not_in(others)
        return columns.channel.in_([c for c, group in CHANNEL_GROUPS.items() if group == key])
    if figure == BY_PURPOSE:
        codes = [code for code, name in PURPOSES.items() if name == key] or [key]
        return columns.purpose.in_(codes)
    if figure == BY_CLASS:
        if key not in CLASSES:
            raise InvalidInput(f"类别“{key}”无效。", "key")
        return columns.purpose.in_(CLASSES[key])
    window = select(ServiceWindow.id).where(ServiceWindow.name == key)
    return columns.window_id.in_(window)


def _bucket(key: str, period: Period) -> Period:
    """A trend point's days: its bucket from its first day, up to the period's end (the first
    bucket starts where the chart's does, before the period when a week or month does)."""
    first_text, _, size = key.partition(":")
    try:
        first = dt.date.fromisoformat(first_text)
    except ValueError as error:
        raise InvalidInput(f"趋势时段“{key}”无效。", "key") from error
    if size not in BUCKET_SIZES:
        raise InvalidInput(f"趋势分组“{size}”无效，应为按日、按周或按月。", "key")
    if size == WEEK:
        last = first + dt.timedelta(days=6)
    elif size == MONTH:
        last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    else:
        last = first
    return Period(CUSTOM, first, min(last, period.last))


# ---------------------------------------------------------------------------------------------
# 窗口效能: tickets, as queue_figures counts them


def _window_name(session: Session, code: str) -> str:
    if not code:
        return "全大厅"
    return session.scalar(select(ServiceWindow.name).where(ServiceWindow.code == code)) or code


def _tickets(session: Session, figure: str, key: str, period: Period, ids: ScopeIds) -> Select[Any]:
    stmt = select(Ticket).where(
        Ticket.service_date >= period.first, Ticket.service_date <= period.last
    )
    stmt = scoped_tickets(session, stmt, ids)
    if figure == OFFICER_SERVED:
        officers = select(User.id).where(User.name == key)
        return stmt.where(Ticket.status == TicketStatus.FINISHED, Ticket.called_by.in_(officers))
    if key:
        stmt = stmt.where(
            Ticket.window_id.in_(select(ServiceWindow.id).where(ServiceWindow.code == key))
        )
    if figure == QUEUE_SERVED:
        return stmt.where(Ticket.status == TicketStatus.FINISHED)
    if figure == QUEUE_CALLED:
        return stmt.where(Ticket.called_at.is_not(None))
    return stmt


# ---------------------------------------------------------------------------------------------
# 法庭: as hall.court_figures counts


def _court_visitors(period: Period) -> CompoundSelect[Any]:
    """The people the court received: each visit once, whether handed over or served at the
    court's window, and each ticket served there without a registered visit."""
    court_window = select(ServiceWindow.id).where(ServiceWindow.code == COURT_WINDOW)
    served = (
        Ticket.window_id.in_(court_window)
        & (Ticket.started_at >= period.since)
        & (Ticket.started_at < period.until)
    )
    handed = select(CourtHandoff.visit_id).where(
        CourtHandoff.handed_at >= period.since, CourtHandoff.handed_at < period.until
    )
    at_window = select(Ticket.visit_id).where(served, Ticket.visit_id.is_not(None))
    visits = select(
        literal(VISIT).label("kind"), Visit.id.label("id"), Visit.created_at.label("day")
    ).where(or_(Visit.id.in_(handed), Visit.id.in_(at_window)))
    tickets = select(
        literal(TICKET).label("kind"), Ticket.id.label("id"), Ticket.started_at.label("day")
    ).where(served, Ticket.visit_id.is_(None))
    return visits.union_all(tickets)


def _court_condition(figure: str, key: str, period: Period) -> ColumnElement[bool]:
    if figure == COURT_HANDLED:
        return (CourtCase.opened_at >= period.since) & (CourtCase.opened_at < period.until)
    if figure == COURT_REGISTERED:
        on = (CourtCase.registered_on >= period.first) & (CourtCase.registered_on <= period.last)
        if key:
            on &= CourtCase.track.in_([t for t, name in TRACK_NAMES.items() if name == key])
        return on
    closed = (CourtCase.closed_on >= period.first) & (CourtCase.closed_on <= period.last)
    if figure == COURT_MEDIATED:
        return closed & CourtCase.outcome.in_(court_figures.BY_MEDIATION)
    if key:
        closed &= CourtCase.outcome.in_([o for o, name in OUTCOME_NAMES.items() if name == key])
    return closed


# ---------------------------------------------------------------------------------------------
# 督办: as supervision_figures counts


def _orders(figure: str, period: Period) -> Select[Any]:
    stmt = select(SupervisionOrder).where(
        SupervisionOrder.issued_on >= period.first, SupervisionOrder.issued_on <= period.last
    )
    if figure == ORDERS_ON_TIME:
        return stmt.where(SupervisionOrder.replied_on <= SupervisionOrder.reply_due)
    if figure == ORDERS_ESCALATED:
        return stmt.where(SupervisionOrder.state == OrderState.ESCALATED)
    return stmt


def _overdue_of(unit: str) -> Select[Any]:
    """The unit's assigned cases overdue for their closing report today."""
    today = clock.now().date()
    return select(PetitionCase).where(
        PetitionCase.unit_id.in_(select(ResponsibleUnit.id).where(ResponsibleUnit.name == unit)),
        PetitionCase.decision == CaseDecision.ASSIGNED,
        PetitionCase.closing_report_on.is_(None),
        PetitionCase.assigned_due < today,
    )


def _complaints_of(session: Session, unit: str, period: Period) -> Select[Any]:
    """The visits (or, without one, the tickets) on which a complaint about the unit was
    recorded in the period: one row per complaint, confidential like any accusation."""
    unregistered = ServiceRecord.visit_id.is_(None)
    return (
        select(
            case((unregistered, literal(TICKET)), else_=literal(VISIT)).label("kind"),
            func.coalesce(ServiceRecord.visit_id, ServiceRecord.ticket_id).label("id"),
            day_of(session, ServiceRecord.recorded_at).label("day"),
        )
        .select_from(Complaint)
        .join(ServiceRecord, ServiceRecord.id == Complaint.record_id)
        .where(
            Complaint.unit_id.in_(select(ResponsibleUnit.id).where(ResponsibleUnit.name == unit)),
            ServiceRecord.recorded_at >= period.since,
            ServiceRecord.recorded_at < period.until,
        )
    )
