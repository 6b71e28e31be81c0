"""A living demo hall: the eight windows, a user for every role, and a morning's visitors.

Everything is made up; names, ID numbers (valid check digits, area 411281) and matters are
generated from a fixed seed so every demo looks the same.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session
from stdnum.cn import ric

from db.court_models import (
    AGREED,
    BY_DOCUMENT,
    FAILED,
    ORGANISATION,
    PRETRIAL,
    SIMPLE,
    SMALL_CLAIMS,
)
from db.models import ServiceWindow, Ticket, Visit
from hall import (
    catalog,
    clock,
    court,
    court_cases,
    queue,
    reception,
    roster,
    settings,
    units,
    users,
)
from hall.calendar import cn_date

DEMO_PASSWORD = "demo123"


@dataclass(frozen=True)
class DemoUser:
    login: str
    name: str
    roles: tuple[str, ...]
    windows: tuple[str, ...] = ()


DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("admin", "系统管理员", (users.ADMIN,)),
    DemoUser("daofang", "王丽（导访台）", (users.RECEPTION,)),
    DemoUser("falv", "李明（法律服务）", (users.OFFICER,), ("legal",)),
    DemoUser("tanxin", "赵红（交流谈心）", (users.OFFICER,), ("talk",)),
    DemoUser("minyi", "孙伟（社情民意）", (users.OFFICER,), ("opinion",)),
    DemoUser("bangfu", "周静（帮扶济困）", (users.OFFICER,), ("aid",)),
    DemoUser("xuanjiao", "吴强（宣传教育）", (users.OFFICER,), ("publicity",)),
    DemoUser("jiancha", "郑军（效能监察）", (users.OFFICER,), ("supervision",)),
    DemoUser("banxin", "冯芳（办信办案）", (users.OFFICER,), ("letters",)),
    DemoUser("shuji", "陈洁（巡回法庭书记员）", (users.CLERK,), ("court",)),
    DemoUser("lingdao", "刘书记（带班领导）", (users.LEADER,)),
)

PLACES: dict[str, tuple[str, ...]] = {
    "千秋路街道": ("千秋社区", "红旗社区", "北露天社区"),
    "新区街道": ("新区社区", "杨村", "苗沟村"),
    "东区街道": ("东区社区", "二十里铺村", "霍村"),
    "常村路街道": ("常村社区", "石门村"),
    "泰山路街道": ("泰山社区", "岭沟村"),
    "朝阳路街道": ("朝阳社区", "南河村"),
}
DUTY_LEADERS: tuple[tuple[str, str], ...] = (
    ("刘建国", "市委副书记"),
    ("张秀兰", "副市长"),
    ("王志刚", "市人大常委会副主任"),
    ("李红梅", "市政协副主席"),
    ("赵永军", "市委常委、政法委书记"),
)

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰"
MATTERS: tuple[tuple[str, str, str, bool], ...] = (
    ("legal", "inquiry", "邻里宅基地界址纠纷，咨询如何维权", False),
    ("legal", "request", "农民工工资被拖欠三个月，要求帮助追讨", True),
    ("talk", "appeal", "对拆迁补偿标准有意见，情绪激动，希望与领导面谈", False),
    ("opinion", "opinion", "建议在新区增设公交站点", False),
    ("aid", "request", "家中老人重病，申请临时救助", False),
    ("aid", "request", "申请最低生活保障", False),
    ("publicity", "inquiry", "咨询城乡居民医保缴费政策", False),
    ("supervision", "report", "反映某单位办事推诿、多次往返未办结", False),
    ("letters", "appeal", "对土地确权结果不服，要求复查", False),
    ("legal", "request", "交通事故赔偿未履行，要求处理", True),
    ("opinion", "opinion", "小区周边夜间施工噪声扰民", False),
    ("talk", "inquiry", "子女就学问题咨询", False),
)


def demo_id_number(rng: random.Random) -> tuple[str, str]:
    """A made-up resident ID number with a correct check digit, and the gender it encodes."""
    birth = dt.date(1940, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 60))
    seq = rng.randrange(100, 999)
    body = f"411281{birth:%Y%m%d}{seq:03d}"
    number = body + ric.calc_check_digit(body + "0")
    return number, "男" if seq % 2 else "女"


def random_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def seed_demo(session: Session, now: dt.datetime | None = None, visitors: int = 24) -> None:
    """Fill an empty database with the demo hall."""
    now = now or clock.now()
    rng = random.Random(20261121)
    catalog.seed(session)
    # The units windows forward matters to and the formal cases are assigned to.
    units.seed_demo(session, now=now)
    settings.put(session, settings.HALL_NAME, "义马市群众工作部接待大厅（演示）")
    settings.put(session, settings.CITY_CODE, "411281")
    settings.put(session, settings.COURT_CODE, "豫1281")
    settings.put(session, settings.SETUP_DONE, True)
    for demo_user in DEMO_USERS:
        users.add_user(
            session,
            demo_user.login,
            demo_user.name,
            DEMO_PASSWORD,
            demo_user.roles,
            demo_user.windows,
            now=now,
        )
    for township, villages in PLACES.items():
        for village in villages:
            roster.add_place(session, township, village)
    for offset in range(-3, 11):
        leader, title = DUTY_LEADERS[offset % len(DUTY_LEADERS)]
        roster.set_duty_leader(session, now.date() + dt.timedelta(days=offset), leader, title)
    start = now - dt.timedelta(hours=2)
    step = dt.timedelta(hours=2) / max(1, visitors)
    reasons = [code for code, _ in catalog.PRIORITY_REASONS]
    # The first part of the morning has been served; a few are at the windows now.
    served_until = now - dt.timedelta(minutes=40)

    def serve(window: str, at: dt.datetime) -> None:
        called = queue.call_next(session, window, seat=1, now=at)
        if called is not None:
            queue.start(session, called.id, now=at + dt.timedelta(minutes=1))
            queue.finish(
                session, called.id, "当场答复，来访人表示满意。", now=at + dt.timedelta(minutes=9)
            )

    previous: Ticket | None = None
    for i in range(visitors):
        window, purpose, summary, litigation = MATTERS[i % len(MATTERS)]
        id_number, _gender = demo_id_number(rng)
        name = random_name(rng)
        township = rng.choice(list(PLACES))
        group = 1 if i % 7 else 6
        at = start + step * i
        # Each served visitor is called one step after arriving, and in time order, so that
        # nobody is called before a visitor who arrives later has even registered.
        if previous is not None and previous.issued_at <= served_until:
            serve(previous.window.code, at)
        previous = reception.register(
            session,
            reception.Registration(
                name=name,
                window=window,
                id_number=id_number,
                phone=f"13{rng.randrange(0, 10**9):09d}",
                township=township,
                village=rng.choice(PLACES[township]),
                purpose=purpose,
                summary=summary,
                group_size=group,
                representatives=[
                    reception.Representative(random_name(rng)) for _ in range(2 if group > 1 else 0)
                ],
                priority_reason=rng.choice(reasons) if i % 5 == 0 else None,
                litigation=litigation,
            ),
            now=at,
        )
    if previous is not None and previous.issued_at <= served_until:
        serve(previous.window.code, previous.issued_at + step)
    for code in ("legal", "aid"):
        queue.call_next(session, code, seat=1, now=now - dt.timedelta(minutes=2))
    seed_court(session, now)


# How far the court has taken each demo hand-off.
RETURNED = "returned"
AT_PRETRIAL = "pretrial"
MEDIATED = "mediated"
AT_RECEPTION = "reception"
IN_INBOX = "inbox"


@dataclass(frozen=True)
class DemoParty:
    """The other side of a demo hand-off, what the visitor asks the court for, and how far
    the court has taken it."""

    name: str
    claim: str
    fate: str
    organisation: bool = False
    gender: str = ""
    employer: str = ""
    address: str = ""


COURT_PARTIES: tuple[DemoParty, ...] = (
    DemoParty("罗振华", "确认宅基地界址，拆除越界修建的围墙", RETURNED, gender="男"),
    DemoParty(
        "义马市某建筑劳务有限公司",
        "支付拖欠的三个月工资一万二千六百元",
        AT_PRETRIAL,
        organisation=True,
        address="义马市新区街道杨村工业园 3 号",
    ),
    DemoParty(
        "马建设",
        "赔偿交通事故造成的医疗费、误工费等共计三万二千元",
        MEDIATED,
        gender="男",
        employer="义马市某物流有限公司",
        address="义马市东区街道霍村 27 号",
    ),
    DemoParty(
        "郭长海", "确认宅基地界址", AT_RECEPTION, gender="男", address="义马市常村路街道石门村"
    ),
    DemoParty("义马市某商贸有限公司", "支付拖欠的工资八千四百元", IN_INBOX, organisation=True),
)
RETURN_REASON = (
    "宅基地使用权争议应先由人民政府处理（土地管理法第十四条），不属于人民法院直接受理的"
    "民事案件。请引导当事人向自然资源部门申请确权。"
)


def seed_court(session: Session, now: dt.datetime) -> None:
    """The court's morning: the legal window's first five visitors handed to the court, in
    every state — returned with its reason, a file at 庭前 after a failed mediation with a
    hearing tomorrow, one mediated and closed with a 调解书, one accepted at 接访 and waiting
    to be registered, and one still in the inbox."""
    officer = users.by_login(session, "falv")
    clerk = users.by_login(session, "shuji")
    visits = session.scalars(
        select(Visit)
        .join(ServiceWindow, Visit.window_id == ServiceWindow.id)
        .where(ServiceWindow.code == "legal")
        .order_by(Visit.created_at, Visit.id)
        .limit(len(COURT_PARTIES))
    ).all()
    today = now.date()
    for visit, party in zip(visits, COURT_PARTIES, strict=True):
        # Each visitor was served within a quarter of an hour of registering, then handed on.
        at = visit.created_at + dt.timedelta(minutes=15)

        def later(minutes: int, start: dt.datetime = at) -> dt.datetime:
            return min(start + dt.timedelta(minutes=minutes), now)

        brief = court.HandoffBrief(visit.visitor.name, party.name, party.claim)
        handoff = court.hand_off_to_court(session, visit.id, brief, officer, now=at)
        if party.fate == RETURNED:
            court.return_handoff(session, handoff.id, RETURN_REASON, clerk, now=later(10))
        if party.fate in (RETURNED, IN_INBOX):
            continue
        case = court.accept_handoff(session, handoff.id, clerk, now=later(10))
        if party.fate == AT_RECEPTION:
            continue
        draft = court_cases.registration_draft(session, case.id, clerk, now=later(15))
        form = replace(
            draft,
            track=SMALL_CLAIMS if party.organisation else SIMPLE,
            plaintiff_ethnicity="汉族",
            plaintiff_occupation="务工人员" if party.organisation else "农民",
            plaintiff_employer=party.name if party.organisation else "无",
            defendant_kind=ORGANISATION if party.organisation else draft.defendant_kind,
            defendant_gender=party.gender,
            defendant_employer=party.employer,
            defendant_address=party.address,
            claims=f"判令被告{party.claim}",
            facts_reasons=draft.facts_reasons or visit.summary,
            evidence="工资条、考勤记录" if party.organisation else "交通事故认定书、医疗费票据",
            evidence_source="原告提供",
            witnesses="",
        )
        court_cases.register_case(session, case.id, form, clerk, now=later(20))
        if party.fate == AT_PRETRIAL:
            court_cases.advance_stage(session, case.id, PRETRIAL, clerk, now=later(25))
            court_cases.record_mediation(
                session, case.id, today, "张建华", FAILED, clerk, "被告未到场", now=later(30)
            )
            tomorrow = dt.datetime.combine(today + dt.timedelta(days=1), dt.time(9, 30))
            court_cases.schedule_hearing(
                session, case.id, tomorrow, "trial", "二楼 法庭接待室", clerk, now=later(35)
            )
        else:
            court_cases.record_mediation(
                session, case.id, today, "张建华", AGREED, clerk, now=later(30)
            )
            paid_by = cn_date(today + dt.timedelta(days=40))
            court_cases.close_by_mediation(
                session,
                case.id,
                BY_DOCUMENT,
                f"被告{party.name}于{paid_by}前一次性赔偿原告医疗费、误工费、交通费共计"
                "人民币二万八千元\n原告自愿放弃其他诉讼请求\n双方就本次交通事故再无其他争议",
                clerk,
                now=later(40),
            )
