"""Responsible units (责任单位) as the administrator keeps them: departments, townships,
enterprises, legal-aid offices, with whom to contact there.

The units are the formal cases' units (:mod:`hall.cases` adds them and retires them); here
is what the administration screen and the windows need besides: editing a unit, the kinds
units are grouped by, and the demo hall's units.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import events
from db.case_models import ResponsibleUnit
from db.event_kinds import EventKind
from db.models import User
from hall import cases, clock, fields
from hall.errors import InvalidInput

DEPARTMENT = "市直部门"
TOWNSHIP = "乡镇街道"
ENTERPRISE = "企事业单位"
LEGAL_AID = "法律援助机构"
HIGHER = "上级机关"
JUDICIAL = "司法机关"
KINDS = (DEPARTMENT, TOWNSHIP, ENTERPRISE, LEGAL_AID, HIGHER, JUDICIAL)

DEMO_UNITS: tuple[tuple[str, str, str], ...] = (
    ("市民政局", DEPARTMENT, "社会救助科 王科长 0398-5812301"),
    ("市人力资源和社会保障局", DEPARTMENT, "劳动保障监察大队 李队长 0398-5812302"),
    ("市住房和城乡建设局", DEPARTMENT, "办公室 张主任 0398-5812303"),
    ("市自然资源局", DEPARTMENT, "信访办 赵主任 0398-5812304"),
    ("市医疗保障局", DEPARTMENT, "待遇保障科 孙科长 0398-5812305"),
    ("市教育局", DEPARTMENT, "学生资助中心 周主任 0398-5812306"),
    ("市交通运输局", DEPARTMENT, "运输管理科 吴科长 0398-5812307"),
    ("市生态环境局", DEPARTMENT, "环境监察大队 郑队长 0398-5812308"),
    ("市城市管理局", DEPARTMENT, "综合执法大队 冯队长 0398-5812309"),
    ("市公安局", DEPARTMENT, "信访科 陈科长 0398-5812310"),
    ("千秋路街道办事处", TOWNSHIP, "综治中心 刘主任 0398-5813101"),
    ("新区街道办事处", TOWNSHIP, "综治中心 杨主任 0398-5813102"),
    ("东区街道办事处", TOWNSHIP, "综治中心 黄主任 0398-5813103"),
    ("常村路街道办事处", TOWNSHIP, "综治中心 何主任 0398-5813104"),
    ("泰山路街道办事处", TOWNSHIP, "综治中心 郭主任 0398-5813105"),
    ("朝阳路街道办事处", TOWNSHIP, "综治中心 马主任 0398-5813106"),
    ("义马市供电公司", ENTERPRISE, "客户服务中心 95598"),
    ("义马市自来水公司", ENTERPRISE, "客服部 0398-5814001"),
    ("市法律援助中心", LEGAL_AID, "值班律师 0398-5815148"),
    ("市公共法律服务中心", LEGAL_AID, "接待窗口 12348"),
)


def units(session: Session, active_only: bool = True) -> Sequence[ResponsibleUnit]:
    return cases.units(session, active_only)


def unit(session: Session, unit_id: int) -> ResponsibleUnit:
    return cases.find_unit(session, unit_id)


def legal_aid_offices(session: Session) -> list[str]:
    """The names of the active legal-aid offices, offered to the legal window's referral."""
    return [u.name for u in units(session) if u.kind == LEGAL_AID]


def add_unit(
    session: Session,
    name: str,
    kind: str = "",
    contact: str = "",
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> ResponsibleUnit:
    return cases.add_unit(session, name, kind, contact, actor=actor, now=now)


def update_unit(
    session: Session,
    unit_id: int,
    name: str,
    kind: str,
    contact: str,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> ResponsibleUnit:
    """Change a unit's name, kind or contact; its cases and records follow it."""
    now = now or clock.now()
    row = unit(session, unit_id)
    problems: list[InvalidInput] = []
    name = fields.check(fields.UNIT_NAME, name, problems)
    kind = fields.check(fields.UNIT_KIND, kind, problems)
    contact = fields.check(fields.UNIT_CONTACT, contact, problems)
    fields.refuse(problems)
    clash = session.scalar(select(ResponsibleUnit.id).where(ResponsibleUnit.name == name))
    if clash is not None and clash != row.id:
        raise InvalidInput(f"已有名为“{name}”的单位：{cases.DUPLICATE_UNIT}", "name")
    row.name, row.kind, row.contact = name, kind, contact
    events.append(
        session,
        EventKind.UNIT_CHANGED,
        "unit",
        row.id,
        now,
        actor.id if actor else None,
        {"name": row.name, "active": row.active},
    )
    return row


def set_unit_active(
    session: Session,
    unit_id: int,
    active: bool,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> ResponsibleUnit:
    return cases.set_unit_active(session, unit_id, active, actor=actor, now=now)


def toggle_unit_active(
    session: Session, unit_id: int, actor: User | None = None
) -> ResponsibleUnit:
    """Retire a unit in use, or bring a retired one back into use; the unit as it now is."""
    return set_unit_active(session, unit_id, not unit(session, unit_id).active, actor=actor)


def seed_demo(session: Session, now: dt.datetime | None = None) -> None:
    """The demo hall's units (those not there yet)."""
    have = set(session.scalars(select(ResponsibleUnit.name)))
    for name, kind, contact in DEMO_UNITS:
        if name not in have:
            cases.add_unit(session, name, kind, contact, now=now)
