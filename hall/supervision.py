"""Supervision (督办): what is overdue or stalled, orders to the responsible units, their
replies and escalation, and each unit's record.

A case needs supervision once the earliest of its unmet deadlines has passed (the row's
``watch_due``): its running limit (decision, handling, 复查 or 复核), the unit's closing report
on an assigned case, or the carrying out of a supported decision. The lists read that column
and the alert days kept on the row, through indexes, one page at a time, so they stay quick
with a hundred thousand open cases.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select
from sqlalchemy.orm import Session, joinedload

from db import counters, events
from db.case_models import (
    ORDER_LEVEL_NAMES,
    ORDER_STATE_NAMES,
    PetitionCase,
    ResponsibleUnit,
    SupervisionOrder,
)
from db.event_kinds import EventKind
from db.models import Event, User
from db.states import CaseDecision, OrderState
from hall import calendar, cases, clock, deadlines, fields, json_form, settings
from hall.calendar import cn_date
from hall.cases import CaseRow
from hall.deadlines import Alert
from hall.errors import IllegalTransition, InvalidInput, NotFound

DEFAULT_REPLY_DAYS = 10
MAX_REPLY_DAYS = 30
TOP_LEVEL = max(ORDER_LEVEL_NAMES)
PAGE = 100


def _rows(session: Session, stmt: Select[tuple[PetitionCase]], on: dt.date) -> list[CaseRow]:
    result = session.scalars(stmt.options(joinedload(PetitionCase.officer)))
    return [cases.row(c, on) for c in result.unique()]


def overdue(
    session: Session, on: dt.date, limit: int = PAGE, offset: int = 0, officer_id: int | None = None
) -> list[CaseRow]:
    """Cases whose running limit ended before ``on``, longest overdue first."""
    stmt = select(PetitionCase).where(PetitionCase.due_on < on)
    if officer_id is not None:
        stmt = stmt.where(PetitionCase.officer_id == officer_id)
    stmt = stmt.order_by(PetitionCase.due_on, PetitionCase.id).limit(limit).offset(offset)
    return _rows(session, stmt, on)


def count_overdue(session: Session, on: dt.date) -> int:
    stmt = select(func.count()).select_from(PetitionCase).where(PetitionCase.due_on < on)
    return int(session.scalar(stmt) or 0)


def needing_supervision(
    session: Session, on: dt.date, limit: int = PAGE, offset: int = 0
) -> list[CaseRow]:
    """Overdue or stalled cases (limit passed, no closing report, decision not carried out),
    the longest waiting first; each row says why."""
    stmt = (
        select(PetitionCase)
        .where(PetitionCase.watch_due < on)
        .order_by(PetitionCase.watch_due, PetitionCase.id)
        .limit(limit)
        .offset(offset)
    )
    return _rows(session, stmt, on)


def count_needing_supervision(session: Session, on: dt.date) -> int:
    stmt = select(func.count()).select_from(PetitionCase).where(PetitionCase.watch_due < on)
    return int(session.scalar(stmt) or 0)


def _level_expression(on: dt.date) -> ColumnElement[int]:
    return case(
        (PetitionCase.due_on < on, int(Alert.OVERDUE)),
        (PetitionCase.alert_99_on <= on, int(Alert.NINETY_NINE)),
        (PetitionCase.alert_85_on <= on, int(Alert.EIGHTY_FIVE)),
        (PetitionCase.alert_75_on <= on, int(Alert.THREE_QUARTERS)),
        (PetitionCase.alert_50_on <= on, int(Alert.HALF)),
        else_=int(Alert.NONE),
    )


def _reached(on: dt.date) -> dict[Alert, ColumnElement[bool]]:
    """For each level, the condition of having reached it (or a higher one) on ``on``."""
    return {
        Alert.HALF: PetitionCase.alert_50_on <= on,
        Alert.THREE_QUARTERS: PetitionCase.alert_75_on <= on,
        Alert.EIGHTY_FIVE: PetitionCase.alert_85_on <= on,
        Alert.NINETY_NINE: PetitionCase.alert_99_on <= on,
        Alert.OVERDUE: PetitionCase.due_on < on,
    }


def alert_counts(session: Session, on: dt.date, officer_id: int | None = None) -> dict[Alert, int]:
    """How many running cases stand at each alert level on ``on`` (for the dashboards)."""
    counts: dict[Alert, int] = {}
    if officer_id is None:
        # Over all open cases, one index range count per level is several times quicker
        # than classifying each row: "at 75 %" is "reached 75 %" less "reached 85 %".
        reached = {
            level: int(
                session.scalar(select(func.count()).select_from(PetitionCase).where(condition)) or 0
            )
            for level, condition in _reached(on).items()
        }
        levels = list(reached)
        for level, higher in zip(levels, [*levels[1:], None], strict=True):
            counts[level] = reached[level] - (reached[higher] if higher else 0)
        return counts
    # One officer's cases are a short index range: classify them in one pass.
    counts = {level: 0 for level in _reached(on)}
    classified = _level_expression(on)
    stmt = (
        select(classified, func.count())
        .select_from(PetitionCase)
        .where(PetitionCase.officer_id == officer_id, PetitionCase.alert_50_on <= on)
        .group_by(classified)
    )
    for value, count in session.execute(stmt):
        counts[Alert(value)] = int(count)
    return counts


def alerts(
    session: Session,
    on: dt.date,
    at_least: Alert = Alert.HALF,
    officer_id: int | None = None,
    limit: int = PAGE,
    offset: int = 0,
) -> list[CaseRow]:
    """Running cases at ``at_least`` or a higher alert on ``on``, nearest deadline first: the
    officer's own (``officer_id``) or everyone's for the supervisors."""
    reached = _reached(on)
    if at_least not in reached:
        raise InvalidInput("提醒级别应为 50、75、85、99 或超期。", "at_least")
    stmt = select(PetitionCase).where(reached[at_least])
    if officer_id is not None:
        stmt = stmt.where(PetitionCase.officer_id == officer_id)
    stmt = stmt.order_by(PetitionCase.due_on, PetitionCase.id).limit(limit).offset(offset)
    return _rows(session, stmt, on)


# ---------------------------------------------------------------------------------------------
# Supervision orders


@dataclass(frozen=True)
class OrderView:
    id: int
    number: str
    case_id: int
    case_number: str
    unit: str
    level: int
    level_name: str
    reason: str
    issued_on: dt.date
    reply_due: dt.date
    state: str
    state_name: str
    replied_on: dt.date | None
    reply_text: str
    reply_late: bool
    overdue: bool
    escalated_from_id: int | None

    def as_json(self) -> dict[str, object]:
        return json_form.as_json(self)


def order_view(order: SupervisionOrder, on: dt.date) -> OrderView:
    return OrderView(
        id=order.id,
        number=order.number,
        case_id=order.case_id,
        case_number=order.case.number,
        unit=order.unit.name,
        level=order.level,
        level_name=ORDER_LEVEL_NAMES[order.level],
        reason=order.reason,
        issued_on=order.issued_on,
        reply_due=order.reply_due,
        state=order.state,
        state_name=ORDER_STATE_NAMES[order.state],
        replied_on=order.replied_on,
        reply_text=order.reply_text,
        reply_late=order.replied_on is not None and order.replied_on > order.reply_due,
        overdue=order.state == OrderState.OPEN and on > order.reply_due,
        escalated_from_id=order.escalated_from_id,
    )


def get_order(session: Session, order_id: int, lock: bool = False) -> SupervisionOrder:
    stmt = select(SupervisionOrder).where(SupervisionOrder.id == order_id)
    if lock:
        stmt = stmt.with_for_update(of=SupervisionOrder)
    order = session.scalar(stmt)
    if order is None:
        raise NotFound(f"找不到编号为 {order_id} 的督办单。")
    return order


def _log(
    session: Session, kind: EventKind, order: SupervisionOrder, now: dt.datetime, actor: User | None
) -> None:
    events.append(
        session,
        kind,
        "supervision_order",
        order.id,
        now,
        actor.id if actor else None,
        {
            "number": order.number,
            "case_id": order.case_id,
            "unit": order.unit.name,
            "level": order.level,
            "state": order.state,
        },
    )


def _new_order(
    session: Session,
    petition: PetitionCase,
    unit: ResponsibleUnit,
    level: int,
    reason: str,
    reply_days: int,
    escalated_from: SupervisionOrder | None,
    actor: User | None,
    now: dt.datetime,
) -> SupervisionOrder:
    reason = fields.clean(fields.SUPERVISION_REASON, reason)
    if not 1 <= reply_days <= MAX_REPLY_DAYS:
        raise InvalidInput(f"回复期限应为 1 至 {MAX_REPLY_DAYS} 日。", "reply_days")
    on = now.date()
    cal = calendar.load(session, on.year, on.year + 1)
    year = now.year
    seq = counters.next_value(session, f"supervision:{year}")
    prefix = settings.get(session, settings.SUPERVISION_PREFIX)
    order = SupervisionOrder(
        number=f"{prefix}〔{year}〕{seq:03d}号",
        year=year,
        seq=seq,
        case_id=petition.id,
        unit_id=unit.id,
        level=level,
        reason=reason,
        issued_on=on,
        reply_due=deadlines.period_end(on, reply_days, cal),
        state=OrderState.OPEN,
        reply_text="",
        escalated_from_id=escalated_from.id if escalated_from else None,
        created_at=now,
        created_by=actor.id if actor else None,
    )
    order.unit = unit
    order.case = petition
    session.add(order)
    session.flush()
    _log(session, EventKind.SUPERVISION_ISSUED, order, now, actor)
    return order


def unit_of_case(session: Session, case_id: int) -> int | None:
    """The unit a case is with: the one an order on it goes to unless the supervisor says."""
    petition = session.get(PetitionCase, case_id)
    return petition.unit_id if petition is not None else None


def issue_order(
    session: Session,
    case_id: int,
    reason: str,
    unit_id: int | None = None,
    reply_days: int = DEFAULT_REPLY_DAYS,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> SupervisionOrder:
    """Issue a supervision order (督办单) on a case to a unit, its reply due in ``reply_days``
    (the case's own unit unless another is named; never the unit an accusation accuses)."""
    now = now or clock.now()
    petition = session.get(PetitionCase, case_id)
    if petition is None:
        raise NotFound(f"找不到编号为 {case_id} 的信访事项。")
    target = unit_id if unit_id is not None else petition.unit_id
    if target is None:
        raise InvalidInput(f"信访事项{petition.number}没有承办单位，请选择要督办的单位。", "unit")
    unit = cases.receiving_unit(session, petition, target, "督办")
    pending = session.scalar(
        select(SupervisionOrder).where(
            SupervisionOrder.case_id == petition.id,
            SupervisionOrder.unit_id == unit.id,
            SupervisionOrder.state == OrderState.OPEN,
        )
    )
    if pending is not None:
        raise IllegalTransition(
            f"已就信访事项{petition.number}向{unit.name}发出督办单{pending.number}，"
            f"回复期限{cn_date(pending.reply_due)}，尚未回复；如逾期未回复，请升级督办。"
        )
    return _new_order(session, petition, unit, 1, reason, reply_days, None, actor, now)


def record_reply(
    session: Session,
    order_id: int,
    text: str,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> SupervisionOrder:
    """Record the unit's reply to an order (a late reply is kept and shown as late)."""
    now = now or clock.now()
    order = get_order(session, order_id, lock=True)
    if order.state != OrderState.OPEN:
        raise IllegalTransition(
            f"督办单{order.number}{ORDER_STATE_NAMES[order.state]}，不能再登记回复。"
        )
    text = fields.clean(fields.SUPERVISION_REPLY, text)
    on = now.date()
    if on < order.issued_on:
        raise IllegalTransition(f"回复日期早于督办单的发出日期（{cn_date(order.issued_on)}）。")
    order.state = OrderState.REPLIED
    order.replied_on = on
    order.reply_text = text
    _log(session, EventKind.SUPERVISION_REPLIED, order, now, actor)
    return order


def escalate(
    session: Session,
    order_id: int,
    reason: str,
    reply_days: int = DEFAULT_REPLY_DAYS,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> SupervisionOrder:
    """Escalate an order one level (督办 → 重点督办 → 挂牌督办) when its reply is overdue, or
    when the reply came but the case still needs supervision; returns the new order."""
    now = now or clock.now()
    order = get_order(session, order_id, lock=True)
    on = now.date()
    if order.state == OrderState.ESCALATED:
        raise IllegalTransition(f"督办单{order.number}已经升级过，请在升级后的督办单上操作。")
    if order.level >= TOP_LEVEL:
        raise IllegalTransition(
            f"督办单{order.number}已是{ORDER_LEVEL_NAMES[TOP_LEVEL]}（最高一级），"
            "不能再升级，请报请领导协调。"
        )
    if order.state == OrderState.OPEN and on <= order.reply_due:
        raise IllegalTransition(
            f"督办单{order.number}的回复期限到{cn_date(order.reply_due)}，尚未届满，暂不能升级。"
        )
    if order.state == OrderState.REPLIED and not cases.supervision_reasons(order.case, on):
        raise IllegalTransition(
            f"{order.unit.name}已于{cn_date(order.replied_on or on)}回复督办单{order.number}，"
            f"信访事项{order.case.number}目前没有逾期或未落实的情况，无需升级督办。"
        )
    unit = cases.receiving_unit(session, order.case, order.unit_id, "督办")
    order.state = OrderState.ESCALATED
    _log(session, EventKind.SUPERVISION_ESCALATED, order, now, actor)
    return _new_order(
        session, order.case, unit, order.level + 1, reason, reply_days, order, actor, now
    )


def case_history(session: Session, case_id: int) -> Sequence[Event]:
    """The case's event log with that of the supervision orders issued on it, in order: its
    timeline, read in one query."""
    orders = select(SupervisionOrder.id).where(SupervisionOrder.case_id == case_id)
    return session.scalars(
        select(Event)
        .where(
            or_(
                and_(Event.entity == "case", Event.entity_id == case_id),
                and_(Event.entity == "supervision_order", Event.entity_id.in_(orders)),
            )
        )
        .order_by(Event.id)
    ).all()


def orders_of_case(session: Session, case_id: int, on: dt.date) -> list[OrderView]:
    rows = session.scalars(
        select(SupervisionOrder)
        .where(SupervisionOrder.case_id == case_id)
        .options(joinedload(SupervisionOrder.case))
        .order_by(SupervisionOrder.id)
    )
    return [order_view(o, on) for o in rows]


def overdue_orders(
    session: Session, on: dt.date, limit: int = PAGE, offset: int = 0
) -> list[OrderView]:
    """Open orders whose reply is overdue: the ones to escalate."""
    rows = session.scalars(
        select(SupervisionOrder)
        .where(SupervisionOrder.state == OrderState.OPEN, SupervisionOrder.reply_due < on)
        .options(joinedload(SupervisionOrder.case))
        .order_by(SupervisionOrder.reply_due, SupervisionOrder.id)
        .limit(limit)
        .offset(offset)
    )
    return [order_view(o, on) for o in rows]


# ---------------------------------------------------------------------------------------------
# Units' records


@dataclass(frozen=True)
class UnitRecord:
    """A responsible unit's record with the hall, as the supervisors read it."""

    unit_id: int
    name: str
    kind: str
    assigned: int
    forwarded: int
    reported: int
    reported_on_time: int
    overdue: int
    orders: int
    orders_open: int

    @property
    def on_time_rate(self) -> float | None:
        """Share of assigned cases reported on time, of those reported or already overdue."""
        judged = self.reported + self.overdue
        return self.reported_on_time / judged if judged else None

    def as_json(self) -> dict[str, object]:
        data: dict[str, object] = asdict(self)
        data["on_time_rate"] = self.on_time_rate
        return data


def unit_records(session: Session, on: dt.date) -> list[UnitRecord]:
    """Every unit's record on ``on``: cases assigned and forwarded to it, closing reports (on
    time or not), assigned cases now overdue, supervision orders received and still open."""
    assigned = PetitionCase.decision == CaseDecision.ASSIGNED
    reported = PetitionCase.closing_report_on.is_not(None)

    def tally(condition: ColumnElement[bool]) -> ColumnElement[int]:
        return func.sum(case((condition, 1), else_=0))

    case_counts = {
        unit_id: row
        for unit_id, *row in session.execute(
            select(
                PetitionCase.unit_id,
                tally(assigned),
                tally(PetitionCase.decision == CaseDecision.FORWARDED),
                tally(assigned & reported),
                tally(
                    assigned
                    & reported
                    & (PetitionCase.closing_report_on <= PetitionCase.assigned_due)
                ),
                tally(assigned & ~reported & (PetitionCase.assigned_due < on)),
            )
            .where(PetitionCase.unit_id.is_not(None))
            .group_by(PetitionCase.unit_id)
        )
    }
    order_counts = {
        unit_id: (int(total), int(open_ or 0))
        for unit_id, total, open_ in session.execute(
            select(
                SupervisionOrder.unit_id,
                func.count(),
                tally(SupervisionOrder.state == OrderState.OPEN),
            ).group_by(SupervisionOrder.unit_id)
        )
    }
    records = []
    for unit in session.scalars(select(ResponsibleUnit).order_by(ResponsibleUnit.name)):
        counts = [int(v or 0) for v in case_counts.get(unit.id, (0, 0, 0, 0, 0))]
        total, open_orders = order_counts.get(unit.id, (0, 0))
        records.append(
            UnitRecord(
                unit_id=unit.id,
                name=unit.name,
                kind=unit.kind,
                assigned=counts[0],
                forwarded=counts[1],
                reported=counts[2],
                reported_on_time=counts[3],
                overdue=counts[4],
                orders=total,
                orders_open=open_orders,
            )
        )
    return records
