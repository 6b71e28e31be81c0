"""The 社情民意台账: opinions imported into the ledger the monthly bulletin is made from, each
with its topic, place and the department it went to, and the same columns exported."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.case_models import ResponsibleUnit
from db.ledger_models import LedgerRow
from db.models import Visitor
from db.window_models import OPINION_TOPICS, ListItem, Opinion
from hall.ledgers import people
from hall.ledgers.cells import Problem
from hall.ledgers.columns import OPINIONS
from hall.ledgers.common import CheckedRow, Value, insert_returning_ids, insert_rows


@dataclass(frozen=True)
class Lookups:
    topics: dict[str, int]
    units: dict[str, int]


def lookups(session: Session) -> Lookups:
    topics = session.execute(
        select(ListItem.name, ListItem.id).where(ListItem.list == OPINION_TOPICS)
    )
    units = session.execute(select(ResponsibleUnit.name, ResponsibleUnit.id))
    return Lookups({n: i for n, i in topics}, {n: i for n, i in units})


def topic_names(session: Session) -> list[str]:
    return list(
        session.scalars(
            select(ListItem.name)
            .where(ListItem.list == OPINION_TOPICS, ListItem.active)
            .order_by(ListItem.sort_order)
        )
    )


def check_row(
    session: Session,
    number: int,
    values: dict[str, Value],
    today: dt.date,
    known: Lookups,
    problems: list[Problem],
) -> None:
    day, topic, unit = values["登记日期"], values["议题"], values["转交部门"]
    if isinstance(day, dt.date) and day > today:
        problems.append(Problem(number, "登记日期", f"{day.isoformat()}晚于今天", "请核对登记日期"))
    if isinstance(topic, str) and topic not in known.topics:
        problems.append(
            Problem(
                number,
                "议题",
                f"议题列表中没有“{topic}”",
                f"请改为：{'、'.join(topic_names(session))}；或请管理员先在议题列表中添加",
            )
        )
    if isinstance(unit, str) and unit not in known.units:
        problems.append(
            Problem(
                number,
                "转交部门",
                f"责任单位列表中没有“{unit}”",
                "请填写责任单位列表中的名称，或请管理员先添加这个单位",
            )
        )
    if (values["证件号码"] or values["联系电话"]) and not values["反映人"]:
        problems.append(
            Problem(number, "反映人", "填写了证件号码或电话，却没有反映人姓名", "请填写反映人姓名")
        )


def _person(values: dict[str, Value]) -> people.Person | None:
    if not values["反映人"]:
        return None
    return people.Person(
        name=str(values["反映人"]),
        id_number=str(values["证件号码"] or ""),
        phone=str(values["联系电话"] or ""),
    )


def _day(row: CheckedRow) -> dt.date:
    day = row.values["登记日期"]
    assert isinstance(day, dt.date)
    return day


def preview(session: Session, rows: Sequence[CheckedRow]) -> dict[str, int]:
    named = [p for p in (_person(r.values) for r in rows) if p is not None]
    return {"新建来访人": people.count_new(session, named), "社情民意": len(rows)}


def prepare(session: Session, rows: Sequence[CheckedRow]) -> dict[str, Any]:
    return {"lookups": lookups(session), "visitors": {}}


def write(
    session: Session,
    rows: Sequence[CheckedRow],
    state: dict[str, Any],
    actor_id: int | None,
    now: dt.datetime,
    created: dict[str, int],
) -> None:
    known: Lookups = state["lookups"]
    named = [(i, p) for i, p in ((i, _person(r.values)) for i, r in enumerate(rows)) if p]
    ids, added = people.visitor_ids(
        session, [p for _, p in named], [_day(rows[i]) for i, _ in named], state["visitors"]
    )
    created["新建来访人"] = created.get("新建来访人", 0) + added
    visitor_of = {index: visitor_id for (index, _), visitor_id in zip(named, ids, strict=True)}
    opinions = []
    for index, r in enumerate(rows):
        v = r.values
        opinions.append(
            {
                "record_id": None,
                "visit_id": None,
                "visitor_id": visitor_of.get(index),
                "received_on": _day(r),
                "content": v["意见建议"] or "",
                "topic_id": known.topics[str(v["议题"])],
                "township": v["乡镇街道"] or "",
                "village": v["村社区"] or "",
                "place": v["涉及地点"] or "",
                "unit_id": known.units[str(v["转交部门"])] if v["转交部门"] else None,
                "created_at": people.day_start(_day(r)),
                "created_by": actor_id,
            }
        )
    opinion_ids = insert_returning_ids(session, Opinion, opinions)
    created["社情民意"] = created.get("社情民意", 0) + len(opinion_ids)
    insert_rows(
        session,
        LedgerRow,
        [
            {
                "kind": OPINIONS,
                "key": r.key,
                "visit_id": None,
                "case_id": None,
                "court_case_id": None,
                "opinion_id": opinion_id,
                "extra": {"备注": str(r.values["备注"])} if r.values["备注"] else {},
                "imported_at": now,
                "imported_by": actor_id,
            }
            for r, opinion_id in zip(rows, opinion_ids, strict=True)
        ],
    )


def export_rows(session: Session, start: dt.date, end: dt.date) -> list[list[Any]]:
    rows = []
    for opinion, visitor, topic, unit, extra in session.execute(
        select(Opinion, Visitor, ListItem.name, ResponsibleUnit.name, LedgerRow.extra)
        .outerjoin(Visitor, Visitor.id == Opinion.visitor_id)
        .outerjoin(ListItem, ListItem.id == Opinion.topic_id)
        .outerjoin(ResponsibleUnit, ResponsibleUnit.id == Opinion.unit_id)
        .outerjoin(LedgerRow, (LedgerRow.opinion_id == Opinion.id) & (LedgerRow.kind == OPINIONS))
        .where(Opinion.received_on >= start, Opinion.received_on <= end)
        .order_by(Opinion.received_on, Opinion.id)
    ):
        rows.append(
            [
                opinion.received_on,
                visitor.name if visitor else "",
                visitor.id_number if visitor and visitor.id_type == "resident" else "",
                visitor.phone if visitor else "",
                topic or "",
                opinion.content,
                opinion.township,
                opinion.village,
                opinion.place,
                unit or "",
                (extra or {}).get("备注", ""),
            ]
        )
    return rows
