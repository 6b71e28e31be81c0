"""The court's part of the demo: this morning's hand-offs taken as far as each is, and the
letters desk's hand-off of weeks ago at 庭前 near its trial limit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from db.court_models import AGREED, BY_DOCUMENT, FAILED, ORGANISATION, SIMPLE, SMALL_CLAIMS
from db.states import CourtStage
from hall import (
    cases,
    court,
    court_cases,
    users,
)
from hall.calendar import cn_date
from hall.deadlines import Alert
from hall.demo.demo_data import morning_visits
from hall.demo.weeks_plan import COURT_ACCEPTED, DECIDED, HANDED, DemoLetter, Filed, PastWeeks

COURT_LETTER = DemoLetter(
    "在某建筑劳务公司务工三个月，工资一万二千六百元被拖欠", "支付拖欠的工资", litigation=True
)


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
        lambda at: court_cases.advance_stage(
            session, court_case.id, CourtStage.PRETRIAL, weeks.clerk, now=at
        ),
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
