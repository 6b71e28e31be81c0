"""A living demo hall: the eight windows, a user for every role, a morning's visitors, and the
letters desk's and the court's past weeks.

Everything is made up; names, ID numbers (valid check digits, area 411281) and matters are
generated from a fixed seed so every demo looks the same.

The past weeks are planned back from the day of seeding, so that whatever that day is the
supervisors find formal cases at every alert level, overdue ones, a unit late with its closing
report and a supervision order awaiting a late reply, and the court a file near its trial
limit. The plan only picks the days; every act is done by the hall's own functions on its
day (``now=``), so the limits come from the holiday calendar as they do for a real case.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session
from stdnum.cn import ric

from db.case_models import SUPPORT, ResponsibleUnit
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
    calendar,
    cases,
    catalog,
    clock,
    court,
    court_cases,
    deadlines,
    letters,
    queue,
    reception,
    roster,
    settings,
    supervision,
    units,
    users,
)
from hall.calendar import WorkCalendar, cn_date
from hall.deadlines import Alert

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
    # 三员分立 (issue 15): the security and the audit administrators.
    DemoUser("anquan", "王安（安全管理员）", (users.SECURITY,)),
    DemoUser("shenji", "李审（审计管理员）", (users.AUDITOR,)),
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


# How far back the demo hall's setup lies: before the oldest act of its past weeks (a case
# accepted more than 60 days ago, a holiday on the way).
HISTORY_DAYS = 120
# How long the hall has been open this morning when the demo is seeded.
MORNING = dt.timedelta(hours=2)


def seed_demo(session: Session, now: dt.datetime | None = None, visitors: int = 24) -> None:
    """Fill an empty database with the demo hall: its setup, the letters desk's and the court's
    past weeks, and this morning's visitors."""
    now = now or clock.now()
    founded = now - dt.timedelta(days=HISTORY_DAYS)
    rng = random.Random(20261121)
    catalog.seed(session)
    # The units windows forward matters to and the formal cases are assigned to.
    units.seed_demo(session, now=founded)
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
            now=founded,
        )
    for township, villages in PLACES.items():
        for village in villages:
            roster.add_place(session, township, village)
    for offset in range(-3, 11):
        leader, title = DUTY_LEADERS[offset % len(DUTY_LEADERS)]
        roster.set_duty_leader(session, now.date() + dt.timedelta(days=offset), leader, title)
    seed_past_weeks(session, now)
    start = now - MORNING
    step = MORNING / max(1, visitors)
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
    seed_visit_case(session, now)


def morning_visits(session: Session, window: str, now: dt.datetime) -> list[Visit]:
    """This morning's visits to a window, in the order they came (not the letters the past
    weeks entered in the register of visits)."""
    return list(
        session.scalars(
            select(Visit)
            .join(ServiceWindow, Visit.window_id == ServiceWindow.id)
            .where(ServiceWindow.code == window, Visit.created_at >= now - MORNING)
            .order_by(Visit.created_at, Visit.id)
        )
    )


def seed_visit_case(session: Session, now: dt.datetime) -> None:
    """The letters desk registers its first visitor's matter as a formal case: a case of today,
    its 15 days just begun."""
    visits = morning_visits(session, cases.CASES_WINDOW, now)
    if visits:
        at = min(visits[0].created_at + dt.timedelta(minutes=20), now)
        cases.open_from_visit(session, visits[0].id, users.by_login(session, "banxin"), now=at)


# ---------------------------------------------------------------------------------------------
# The past weeks: planned back from today, done in time order


def working_days_before(cal: WorkCalendar, day: dt.date, count: int) -> dt.date:
    for _ in range(count):
        day -= dt.timedelta(days=1)
        while not cal.is_workday(day):
            day -= dt.timedelta(days=1)
    return day


def working_days_after(cal: WorkCalendar, day: dt.date, count: int) -> dt.date:
    for _ in range(count):
        day = cal.on_or_after_workday(day + dt.timedelta(days=1))
    return day


def latest_day(cal: WorkCalendar, before: dt.date, fits: Callable[[dt.date], bool]) -> dt.date:
    """The latest working day before ``before`` that fits; a day off that fits only when no
    working day does (a limit's band of days can fall inside a long holiday)."""
    day_off: dt.date | None = None
    for back in range(1, HISTORY_DAYS):
        day = before - dt.timedelta(days=back)
        if fits(day):
            if cal.is_workday(day):
                return day
            day_off = day_off or day
    if day_off is None:
        raise ValueError(f"no day in the {HISTORY_DAYS} days before {before} fits the demo")
    return day_off


# The hours of the day each kind of act is done at, so that one day's acts on a case come
# in their order.
RECEIVED = dt.time(9, 0)
DECIDED = dt.time(10, 0)
HANDED = dt.time(10, 30)
REPORTED = dt.time(11, 0)
REPLIED = dt.time(14, 0)
COURT_ACCEPTED = dt.time(14, 30)
CARRIED_OUT = dt.time(15, 0)
CLOSED = dt.time(16, 0)
ORDERED = dt.time(9, 30)
ORDER_REPLIED = dt.time(15, 30)
# The reply time the supervision window gives a unit in the demo.
ORDER_REPLY_DAYS = 5


@dataclass
class Filed:
    """A record the plan refers to before it exists: its id is known once its act is done."""

    id: int = 0


class PastWeeks:
    """The letters desk's, the supervisors' and the court's acts of the past weeks. The plan
    adds each act on its day; :meth:`run` does them in time order whatever order they were
    planned in, so that numbers and the event log run in time order too."""

    def __init__(self, session: Session, now: dt.datetime) -> None:
        self.session = session
        self.today = now.date()
        self.cal = calendar.load(session, self.today.year - 1, self.today.year + 1)
        self.officer = users.by_login(session, "banxin")
        self.supervisor = users.by_login(session, "jiancha")
        self.clerk = users.by_login(session, "shuji")
        self.rng = random.Random(20261122)
        self.units = {
            name: unit_id
            for name, unit_id in session.execute(select(ResponsibleUnit.name, ResponsibleUnit.id))
        }
        self._acts: list[tuple[dt.datetime, int, Callable[[dt.datetime], object]]] = []

    def before(self, day: dt.date, count: int) -> dt.date:
        return working_days_before(self.cal, day, count)

    def after(self, day: dt.date, count: int) -> dt.date:
        return working_days_after(self.cal, day, count)

    def at_level(self, level: Alert, due_of: Callable[[dt.date], dt.date]) -> dt.date:
        """The latest start from which a limit ending on ``due_of(start)`` stands at ``level``
        today."""
        return latest_day(
            self.cal,
            self.today,
            lambda start: deadlines.alert_level(start, due_of(start), self.today) == level,
        )

    def handle_due(self, accepted: dt.date) -> dt.date:
        return deadlines.handle_due(accepted, 0, self.cal)

    def act(self, day: dt.date, hour: dt.time, do: Callable[[dt.datetime], object]) -> None:
        self._acts.append((dt.datetime.combine(day, hour), len(self._acts), do))

    def run(self) -> None:
        for at, _order, do in sorted(self._acts, key=lambda planned: planned[:2]):
            do(at)

    # -- the letters desk -------------------------------------------------------------------

    def letter(self, received: dt.date, letter: DemoLetter) -> Filed:
        """A letter received (and registered) on ``received``, from a made-up sender."""
        filed = Filed()
        id_number, _gender = demo_id_number(self.rng)
        township = self.rng.choice(list(PLACES))
        registration = letters.LetterRegistration(
            sender_name=random_name(self.rng),
            sender_id_number=id_number,
            sender_phone=f"13{self.rng.randrange(0, 10**9):09d}",
            sender_address=f"义马市{township}{self.rng.choice(PLACES[township])}"
            f"{self.rng.randrange(1, 60)}号",
            received_on=received,
            postmarked_on=received - dt.timedelta(days=2),
            summary=letter.summary,
            request=letter.request,
            purpose=letter.purpose,
            litigation=letter.litigation,
        )

        def register(at: dt.datetime) -> None:
            case = letters.register_letter(self.session, registration, self.officer, now=at)
            filed.id = case.id

        self.act(received, RECEIVED, register)
        return filed

    def accept(self, filed: Filed, day: dt.date) -> None:
        self.act(
            day,
            DECIDED,
            lambda at: cases.accept(self.session, filed.id, actor=self.officer, now=at),
        )

    def assign(self, filed: Filed, day: dt.date, unit: str, due: dt.date) -> None:
        self.act(
            day,
            DECIDED,
            lambda at: cases.assign(
                self.session, filed.id, self.units[unit], due, actor=self.officer, now=at
            ),
        )

    def report(self, filed: Filed, day: dt.date, text: str) -> None:
        self.act(
            day,
            REPORTED,
            lambda at: cases.report_closing(self.session, filed.id, text, self.officer, now=at),
        )

    def reply(self, filed: Filed, day: dt.date, outcome: str, text: str) -> None:
        self.act(
            day,
            REPLIED,
            lambda at: cases.reply(self.session, filed.id, outcome, text, self.officer, now=at),
        )

    def carry_out(self, filed: Filed, day: dt.date, note: str) -> None:
        self.act(
            day,
            CARRIED_OUT,
            lambda at: cases.record_execution(self.session, filed.id, note, self.officer, now=at),
        )

    def close(self, filed: Filed, day: dt.date) -> None:
        self.act(day, CLOSED, lambda at: cases.close(self.session, filed.id, self.officer, now=at))

    # -- the supervisors --------------------------------------------------------------------

    def order(self, filed: Filed, day: dt.date, reason: str) -> Filed:
        order = Filed()

        def issue(at: dt.datetime) -> None:
            order.id = supervision.issue_order(
                self.session,
                filed.id,
                reason,
                reply_days=ORDER_REPLY_DAYS,
                actor=self.supervisor,
                now=at,
            ).id

        self.act(day, ORDERED, issue)
        return order

    def order_reply(self, order: Filed, day: dt.date, text: str) -> None:
        self.act(
            day,
            ORDER_REPLIED,
            lambda at: supervision.record_reply(
                self.session, order.id, text, self.supervisor, now=at
            ),
        )


@dataclass(frozen=True)
class DemoLetter:
    """What a letter of the past weeks raises and asks for."""

    summary: str
    request: str
    purpose: str = "request"
    litigation: bool = False


NEW_LETTER = DemoLetter("建议在东区街道增设老年人日间照料中心", "", purpose="opinion")
RUNNING_LETTERS: tuple[tuple[Alert, DemoLetter], ...] = (
    (Alert.HALF, DemoLetter("反映小区二次供水水压不足，高层住户经常停水", "协调解决高层供水")),
    (
        Alert.THREE_QUARTERS,
        DemoLetter("反映村集体土地征收补偿款分配不公开", "公开补偿款分配明细", purpose="appeal"),
    ),
    (Alert.EIGHTY_FIVE, DemoLetter("父亲的工伤认定申请提交三个月仍无结果", "尽快作出工伤认定")),
)
DUE_TODAY_LETTER = DemoLetter("反映学校周边有无证校外培训机构招生", "查处无证办学")
UNDECIDED_LETTER = DemoLetter("反映某砂石厂夜间生产，噪声和粉尘扰民", "责令整改")
UNHANDLED_LETTER = DemoLetter("反映老旧小区暖气管网改造停工，供暖季将至", "尽快复工")
UNIT_LATE_LETTER = DemoLetter("反映所在企业未依法为职工缴纳社会保险", "补缴社会保险费")
REPORT_LATE_LETTER = DemoLetter("反映安置房屋顶漏水，多次报修无人处理", "维修房屋")
ON_TIME_LETTER = DemoLetter("家中无劳动能力，生活困难，申请最低生活保障", "纳入低保")
NOT_CARRIED_OUT_LETTER = DemoLetter("残疾子女就读高中，家庭困难，申请助学资助", "给予助学资助")
CLOSED_LETTER = DemoLetter("对道路改造占用门前空地有意见", "恢复原状", purpose="appeal")
COURT_LETTER = DemoLetter(
    "在某建筑劳务公司务工三个月，工资一万二千六百元被拖欠", "支付拖欠的工资", litigation=True
)


def plan_letters(weeks: PastWeeks) -> None:
    """The letters desk's cases: running at each alert level, overdue, late at their units,
    supported but not carried out, closed."""
    today = weeks.today
    weeks.letter(weeks.before(today, 1), NEW_LETTER)
    # Accepted at the hall, their 60 days half, three quarters and 85 % used.
    for level, letter in RUNNING_LETTERS:
        accepted = weeks.at_level(level, weeks.handle_due)
        weeks.accept(weeks.letter(weeks.before(accepted, 2), letter), accepted)
    # A unit's deadline ending on the next working day — today, on a working day (on a day
    # off no limit ends, so none stands at 99 %; this one does on the next working day).
    last_day = weeks.cal.on_or_after_workday(today)
    assigned = weeks.before(last_day, 15)
    filed = weeks.letter(weeks.before(assigned, 2), DUE_TODAY_LETTER)
    weeks.assign(filed, assigned, "市教育局", last_day)

    # Overdue: not decided within its 15 days; accepted and not done within its 60.
    weeks.letter(
        latest_day(
            weeks.cal,
            today,
            lambda day: deadlines.decide_due(day, weeks.cal) < today - dt.timedelta(days=3),
        ),
        UNDECIDED_LETTER,
    )
    accepted = latest_day(
        weeks.cal, today, lambda day: weeks.handle_due(day) < today - dt.timedelta(days=6)
    )
    weeks.accept(weeks.letter(weeks.before(accepted, 3), UNHANDLED_LETTER), accepted)

    # A unit past its deadline without a closing report; the order sent to it is not answered
    # in its reply time either, so it waits to be escalated.
    due = latest_day(
        weeks.cal,
        today,
        lambda day: (
            deadlines.period_end(weeks.after(day, 1), ORDER_REPLY_DAYS, weeks.cal)
            < today - dt.timedelta(days=2)
        ),
    )
    assigned = weeks.before(due, 20)
    filed = weeks.letter(weeks.before(assigned, 3), UNIT_LATE_LETTER)
    weeks.assign(filed, assigned, "市人力资源和社会保障局", due)
    weeks.order(filed, weeks.after(due, 1), "交办事项逾期未办结，承办单位未报送办结报告")

    # The hall replied on the unit's word, but the unit's written closing report is late;
    # the unit answered the order, the report is still missing.
    due = latest_day(weeks.cal, today, lambda day: weeks.after(day, 3) < today)
    assigned = weeks.before(due, 20)
    filed = weeks.letter(weeks.before(assigned, 2), REPORT_LATE_LETTER)
    weeks.assign(filed, assigned, "市住房和城乡建设局", due)
    weeks.reply(
        filed,
        weeks.before(due, 3),
        "explain",
        "经市住房和城乡建设局现场查看，屋顶防水层老化，已列入维修计划，近期施工。",
    )
    order = weeks.order(filed, weeks.after(due, 1), "承办单位逾期未报送办结报告")
    weeks.order_reply(order, weeks.after(due, 3), "已安排维修队进场施工，书面办结报告近日报送。")

    # A unit that reported in time; the supported decision carried out; closed.
    assigned = weeks.before(today, 45)
    filed = weeks.letter(weeks.before(assigned, 2), ON_TIME_LETTER)
    weeks.assign(filed, assigned, "市民政局", weeks.after(assigned, 15))
    weeks.report(
        filed, weeks.after(assigned, 10), "经入户核查，申请人家庭符合条件，已纳入最低生活保障。"
    )
    weeks.reply(filed, weeks.after(assigned, 12), SUPPORT, "符合最低生活保障条件，予以支持。")
    weeks.carry_out(filed, weeks.after(assigned, 14), "低保金已发放到户。")
    weeks.close(filed, weeks.after(assigned, 15))

    # A supported decision not carried out within its 30 days.
    replied = latest_day(
        weeks.cal,
        today,
        lambda day: deadlines.execution_due(day, weeks.cal) < today - dt.timedelta(days=2),
    )
    accepted = weeks.before(replied, 12)
    filed = weeks.letter(weeks.before(accepted, 2), NOT_CARRIED_OUT_LETTER)
    weeks.accept(filed, accepted)
    weeks.reply(filed, replied, SUPPORT, "符合教育资助条件，予以支持，由市教育局发放助学金。")

    # Answered and closed.
    accepted = weeks.before(today, 55)
    filed = weeks.letter(weeks.before(accepted, 2), CLOSED_LETTER)
    weeks.accept(filed, accepted)
    weeks.reply(
        filed,
        weeks.after(accepted, 20),
        "explain",
        "门前空地属于规划道路用地，改造按规划实施；已协调施工单位设置临时通道。",
    )
    weeks.close(filed, weeks.after(accepted, 22))


def seed_past_weeks(session: Session, now: dt.datetime) -> None:
    weeks = PastWeeks(session, now)
    plan_letters(weeks)
    plan_court_letter(weeks)
    weeks.run()


# ---------------------------------------------------------------------------------------------
# The court


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


# This morning's hand-offs from the legal window, in the order of its visitors; None marks a
# visitor who was not handed over.
COURT_PARTIES: tuple[DemoParty | None, ...] = (
    DemoParty("罗振华", "确认宅基地界址，拆除越界修建的围墙", RETURNED, gender="男"),
    None,
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
# The letters desk's hand-off of weeks ago: a file at 庭前 near its trial limit.
LETTER_PARTY = DemoParty(
    "义马市某建筑劳务有限公司",
    "支付拖欠的三个月工资一万二千六百元",
    AT_PRETRIAL,
    organisation=True,
    address="义马市新区街道杨村工业园 3 号",
)
RETURN_REASON = (
    "宅基地使用权争议应先由人民政府处理（土地管理法第十四条），不属于人民法院直接受理的"
    "民事案件。请引导当事人向自然资源部门申请确权。"
)
MEDIATOR = "张建华"
COURTROOM = "二楼 法庭接待室"


def court_form(
    draft: court_cases.Registration, party: DemoParty, facts: str
) -> court_cases.Registration:
    """The 立案 form the clerk completes from the draft for a demo party."""
    return replace(
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
        facts_reasons=draft.facts_reasons or facts,
        evidence="工资条、考勤记录" if party.organisation else "交通事故认定书、医疗费票据",
        evidence_source="原告提供",
        witnesses="",
    )


def plan_court_letter(weeks: PastWeeks) -> None:
    """A worker's letter about unpaid wages, separated from petitions and handed to the court,
    registered as a small claim so long ago that its trial limit is 85 % used; mediation
    failed and the hearing is on the next working day."""
    session, cal, today = weeks.session, weeks.cal, weeks.today
    registered = weeks.at_level(
        Alert.EIGHTY_FIVE, lambda day: court_cases.trial_due(day, SMALL_CLAIMS, cal)
    )
    handed = weeks.before(registered, 4)
    filed = weeks.letter(weeks.before(registered, 5), COURT_LETTER)
    handoff = Filed()
    court_case = Filed()

    def hand_off(at: dt.datetime) -> None:
        cases.separate(
            session, filed.id, "劳动报酬纠纷，当事人同意向人民法院起诉", weeks.officer, now=at
        )
        brief = court.brief_for_case(session, filed.id)
        brief = court.HandoffBrief(brief.party, LETTER_PARTY.name, LETTER_PARTY.claim)
        handoff.id = court.hand_off_case(session, filed.id, brief, weeks.officer, now=at).id

    def accept(at: dt.datetime) -> None:
        court_case.id = court.accept_handoff(session, handoff.id, weeks.clerk, now=at).id

    def register(at: dt.datetime) -> None:
        draft = court_cases.registration_draft(session, court_case.id, weeks.clerk, now=at)
        form = court_form(draft, LETTER_PARTY, COURT_LETTER.summary)
        court_cases.register_case(session, court_case.id, form, weeks.clerk, now=at)

    def mediate(at: dt.datetime) -> None:
        court_cases.record_mediation(
            session, court_case.id, at.date(), MEDIATOR, FAILED, weeks.clerk, "被告未到场", now=at
        )
        hearing_day = weeks.after(today, 1)
        court_cases.schedule_hearing(
            session,
            court_case.id,
            dt.datetime.combine(hearing_day, dt.time(9, 30)),
            "trial",
            COURTROOM,
            weeks.clerk,
            now=at + dt.timedelta(minutes=30),
        )

    weeks.act(handed, HANDED, hand_off)
    weeks.act(weeks.before(registered, 3), COURT_ACCEPTED, accept)
    weeks.act(registered, DECIDED, register)
    weeks.act(
        weeks.after(registered, 5),
        DECIDED,
        lambda at: court_cases.advance_stage(session, court_case.id, PRETRIAL, weeks.clerk, now=at),
    )
    weeks.act(weeks.after(registered, 20), DECIDED, mediate)


def seed_court(session: Session, now: dt.datetime) -> None:
    """The court's morning: the legal window's visitors handed to the court, in every state —
    returned with its reason, one mediated and closed with a 调解书, one accepted at 接访 and
    waiting to be registered, and one still in the inbox."""
    officer = users.by_login(session, "falv")
    clerk = users.by_login(session, "shuji")
    visits = morning_visits(session, "legal", now)
    today = now.date()
    for visit, party in zip(visits, COURT_PARTIES, strict=False):
        if party is None:
            continue
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
        form = court_form(draft, party, visit.summary)
        court_cases.register_case(session, case.id, form, clerk, now=later(20))
        court_cases.record_mediation(
            session, case.id, today, MEDIATOR, AGREED, clerk, now=later(30)
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
