"""The risk rules of the dispute register: an admin's table that gives an entry its level
(一般/较大/重大) from its category and the number of people; an entry keeps the level it got.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import events
from db.event_kinds import EventKind
from db.mechanism_models import RISK_NAMES, RISK_ORDER, RiskRule
from db.models import User
from hall import clock
from hall.errors import InvalidInput


@dataclass(frozen=True)
class Rule:
    category: str  # "" for any category
    min_people: int
    level: str


def risk_rules(session: Session) -> list[Rule]:
    rows = session.scalars(select(RiskRule).order_by(RiskRule.id))
    return [Rule(r.category, r.min_people, r.level) for r in rows]


def set_risk_rules(
    session: Session,
    rules: Sequence[Rule],
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> None:
    """Replace the rules (an admin's whole table at once, as the settings page saves it).
    They give the level of entries registered from then on; an entry keeps the level it got."""
    now = now or clock.now()
    problems = check_rules(rules)
    if problems:
        raise problems[0]
    for row in session.scalars(select(RiskRule)):
        session.delete(row)
    session.flush()
    session.add_all(
        RiskRule(category=r.category.strip(), min_people=r.min_people, level=r.level) for r in rules
    )
    events.append(
        session,
        EventKind.DISPUTE_RULES,
        "dispute_risk_rule",
        None,
        now,
        actor.id if actor else None,
    )


MAX_RULE_CATEGORY = 32
MAX_RULE_PEOPLE = 100000


def check_rules(rules: Sequence[Rule]) -> list[InvalidInput]:
    """What is wrong with a table of rules, each message naming the rule by its row."""
    problems: list[InvalidInput] = []
    seen: dict[tuple[str, int], int] = {}
    for n, rule in enumerate(rules, 1):
        category = rule.category.strip()
        if rule.level not in RISK_NAMES:
            problems.append(
                InvalidInput(
                    f"第 {n} 条规则的风险等级“{rule.level}”无效，应为一般、较大或重大。", "level"
                )
            )
        if not 1 <= rule.min_people <= MAX_RULE_PEOPLE:
            problems.append(
                InvalidInput(
                    f"第 {n} 条规则的涉及人数应在 1 至 {MAX_RULE_PEOPLE} 人之间。", "min_people"
                )
            )
        if len(category) > MAX_RULE_CATEGORY:
            problems.append(
                InvalidInput(
                    f"第 {n} 条规则的纠纷类别太长（最多 {MAX_RULE_CATEGORY} 字）。", "category"
                )
            )
        first = seen.setdefault((category, rule.min_people), n)
        if first != n:
            problems.append(
                InvalidInput(
                    f"第 {n} 条规则与第 {first} 条的纠纷类别和涉及人数相同，请删除或合并其中一条。",
                    "category",
                )
            )
    return problems


def assess_risk(session: Session, category: str, people: int) -> str:
    """The highest level any rule gives the entry; 一般 when none applies."""
    level = 0
    for rule in risk_rules(session):
        if rule.category in ("", category) and people >= rule.min_people:
            level = max(level, RISK_ORDER.index(rule.level))
    return RISK_ORDER[level]
