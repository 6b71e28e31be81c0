"""The mechanisms' part of the demo hall: a township station and an informant who can log in,
entries in the dispute register (some assigned at last week's meeting, one overdue), an open
formal case its leader leads too (包案), a 群众工作日 and a hearing, so every mechanism screen
has something to show.

``hall.demo.seed_demo`` calls :func:`seed_demo` after the roster and the units are seeded.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.case_models import PetitionCase, ResponsibleUnit
from hall import clock, users
from hall.mechanisms import disputes, hearings, leading, meetings, risk, stations

STATION_LOGIN = "zhan"
INFORMANT_LOGIN = "xinxi"

ENTRIES = (
    ("window", "赵大山、钱二柱", "千秋镇", "北村", "土地", "宅基地边界争议，双方多次争吵", 2),
    ("station", "北村村民", "千秋镇", "北村", "涉农", "灌溉用水分配不均，可能引发聚集", 25),
    ("informant", "某建筑公司农民工", "东区街道", "", "劳资", "工程款拖欠，工人扬言上访", 40),
    ("letter", "孙秀英、孙秀兰", "新区街道", "", "婚姻家庭", "赡养老人纠纷", 2),
    ("workday", "李家、王家", "常村镇", "", "邻里", "排水沟堵塞引发邻里矛盾", 2),
)


def seed_demo(session: Session, password: str, now: dt.datetime | None = None) -> None:
    now = now or clock.now()
    station = users.add_user(
        session, STATION_LOGIN, "千秋镇工作站", password, [users.STATION], now=now
    )
    informant = users.add_user(
        session, INFORMANT_LOGIN, "东区信息员", password, [users.INFORMANT], now=now
    )
    stations.set_member(session, station.id, "千秋镇群众工作站", "千秋镇", now=now)
    stations.set_member(session, informant.id, "东区街道群众工作室", "东区街道", now=now)
    risk.set_risk_rules(
        session,
        [
            risk.Rule("", 5, "serious"),
            risk.Rule("", 30, "major"),
            risk.Rule("征地", 1, "serious"),
        ],
        now=now,
    )
    week_ago = now - dt.timedelta(days=7)
    ids = [
        disputes.register(
            session,
            disputes.DisputeEntry(
                parties, township, village, category, summary, people, week_ago.date()
            ),
            source,
            now=week_ago,
        ).id
        for source, parties, township, village, category, summary, people in ENTRIES
    ]
    leaders = disputes.leaders(session)
    unit = session.scalar(select(ResponsibleUnit).order_by(ResponsibleUnit.id).limit(1))
    if leaders:
        decisions = [
            (
                ids[0],
                disputes.Assignment(
                    leaders[0], unit.id if unit else None, "刘稳控", week_ago.date()
                ),
            ),
            (
                ids[1],
                disputes.Assignment(
                    leaders[-1],
                    unit.id if unit else None,
                    "陈守",
                    now.date() + dt.timedelta(days=20),
                ),
            ),
        ]
        meetings.hold_meeting(session, week_ago.date(), leaders[0], decisions, now=week_ago)
        disputes.add_progress(session, ids[1], "已召集两村村委会协商用水时段", now=now)
        _lead_a_case(session, leaders[0], now)
    for user, kind, content, person in (
        (station, "request", "村道损坏多年，雨天无法通行", "孙七"),
        (station, "warning", "两村因灌溉用水争执，有聚集苗头", ""),
        (informant, "request", "小区供暖不热", "周八"),
    ):
        stations.receive(
            session, stations.new_draft(kind, content, person=person), user.id, now=now
        )
    hearings.schedule(
        session,
        hearings.HearingInput(
            "老城区棚户区改造补偿方案",
            now.date() + dt.timedelta(days=3),
            "三楼听证室",
            "王建国",
            "人大代表、政协委员、律师、群众代表",
            "改造片区居民代表",
        ),
        now=now,
    )


def _lead_a_case(session: Session, leader: str, now: dt.datetime) -> None:
    """``leader`` leads the open case whose deadline is nearest, named by the administrator."""
    case_id = session.scalar(
        select(PetitionCase.id)
        .where(PetitionCase.state.in_(leading.OPEN_STATES), PetitionCase.watch_due.is_not(None))
        .order_by(PetitionCase.watch_due, PetitionCase.id)
        .limit(1)
    )
    if case_id is not None:
        admin = users.by_login(session, "admin")
        leading.set_case_leader(session, case_id, leader, admin, now=now)
