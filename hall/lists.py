"""The lists the administrator keeps for the windows: opinion topics (社情民意议题), policy topics
(宣传政策主题) and aid kinds (帮扶救助类别).

An entry that records refer to is retired rather than deleted, so old records keep their
names; a retired entry is no longer offered for new records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db import events
from db.event_kinds import EventKind
from db.models import User
from db.window_models import AID_KINDS, LIST_NAMES, OPINION_TOPICS, POLICY_TOPICS, ListItem
from hall import clock, fields
from hall.errors import InvalidInput, NotFound

OTHER = "其他"

DEFAULTS: dict[str, tuple[str, ...]] = {
    OPINION_TOPICS: (
        "城乡建设",
        "交通出行",
        "环境保护",
        "教育医疗",
        "社会保障",
        "土地房产",
        "劳动就业",
        "社会治安",
        "干部作风",
        OTHER,
    ),
    POLICY_TOPICS: (
        "信访工作条例",
        "城乡居民医疗保险",
        "城乡居民养老保险",
        "最低生活保障",
        "临时救助",
        "退役军人优待",
        "农村宅基地管理",
        "劳动合同与工资支付",
        "法律援助",
        "征地拆迁补偿",
    ),
    AID_KINDS: ("最低生活保障", "医疗救助", "临时救助", "住房", "就业", "教育", OTHER),
}


def _check_list(list_code: str) -> None:
    if list_code not in LIST_NAMES:
        raise InvalidInput(f"没有“{list_code}”这个列表。", "list")


def items(session: Session, list_code: str, active_only: bool = True) -> Sequence[ListItem]:
    _check_list(list_code)
    stmt = select(ListItem).where(ListItem.list == list_code)
    if active_only:
        stmt = stmt.where(ListItem.active)
    return session.scalars(stmt.order_by(ListItem.sort_order, ListItem.id)).all()


def item(session: Session, item_id: int, list_code: str | None = None) -> ListItem:
    """The entry; with ``list_code``, it must belong to that list."""
    row = session.get(ListItem, item_id)
    if row is None or (list_code is not None and row.list != list_code):
        raise NotFound(f"找不到编号为 {item_id} 的{LIST_NAMES.get(list_code or '', '列表项')}。")
    return row


def _name(session: Session, list_code: str, name: str, item_id: int | None = None) -> str:
    what = LIST_NAMES[list_code]
    name = fields.clean(fields.LIST_ITEM_NAME.but(label=f"{what}名称"), name)
    clash = session.scalar(
        select(ListItem.id).where(ListItem.list == list_code, ListItem.name == name)
    )
    if clash is not None and clash != item_id:
        raise InvalidInput(f"{what}中已有“{name}”：{what}名称不能重复，请换一个名称。", "name")
    return name


def _log(
    session: Session, kind: EventKind, row: ListItem, now: dt.datetime, actor: User | None
) -> None:
    events.append(
        session,
        kind,
        "list_item",
        row.id,
        now,
        actor.id if actor else None,
        {"list": row.list, "name": row.name, "active": row.active},
    )


def add_item(
    session: Session,
    list_code: str,
    name: str,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> ListItem:
    now = now or clock.now()
    _check_list(list_code)
    last = session.scalar(select(func.max(ListItem.sort_order)).where(ListItem.list == list_code))
    row = ListItem(
        list=list_code,
        name=_name(session, list_code, name),
        active=True,
        sort_order=(last if last is not None else -1) + 1,
    )
    session.add(row)
    session.flush()
    _log(session, EventKind.LIST_ITEM_ADDED, row, now, actor)
    return row


def rename_item(
    session: Session,
    item_id: int,
    name: str,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> ListItem:
    now = now or clock.now()
    row = item(session, item_id)
    row.name = _name(session, row.list, name, row.id)
    _log(session, EventKind.LIST_ITEM_CHANGED, row, now, actor)
    return row


def set_item_active(
    session: Session,
    item_id: int,
    active: bool,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> ListItem:
    now = now or clock.now()
    row = item(session, item_id)
    row.active = active
    _log(session, EventKind.LIST_ITEM_CHANGED, row, now, actor)
    return row


def move_item(
    session: Session,
    item_id: int,
    step: int,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> ListItem:
    """Move the entry ``step`` places up (negative) or down the list the forms show."""
    now = now or clock.now()
    row = item(session, item_id)
    ordered = list(items(session, row.list, active_only=False))
    where = ordered.index(row)
    target = max(0, min(len(ordered) - 1, where + step))
    ordered.insert(target, ordered.pop(where))
    for position, entry in enumerate(ordered):
        entry.sort_order = position
    _log(session, EventKind.LIST_ITEM_CHANGED, row, now, actor)
    return row


def seed(session: Session) -> None:
    """The usual entries of every list that is still empty."""
    for list_code, names in DEFAULTS.items():
        if items(session, list_code, active_only=False):
            continue
        for position, name in enumerate(names):
            session.add(ListItem(list=list_code, name=name, active=True, sort_order=position))
    session.flush()
