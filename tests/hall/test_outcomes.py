"""Every outcome of a service, with the window's own record, on both databases; refused
outcomes write nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from db.case_models import REGISTERED, PetitionCase
from db.court_models import HANDED, VISIT_HANDED, CourtHandoff
from db.engine import Database
from db.models import Event, Ticket, Visit
from db.window_models import (
    AID_KINDS,
    CASE,
    COURT,
    EXPLAINED,
    FOLLOW_UP,
    FORWARDED,
    NO_SHOW,
    OPINION_TOPICS,
    POLICY_TOPICS,
    RESOLVED,
    TRANSFERRED,
    AidRecord,
    Complaint,
    FollowUp,
    LegalAdvice,
    Opinion,
    PublicityRecord,
    Satisfaction,
    ServiceRecord,
    TalkRecord,
)
from hall import aid, court, opinions, outcomes, queue, reception
from hall.errors import IllegalTransition, InvalidInput, PermissionDenied
from tests.hall.window_helpers import T0, item_id, person, serving, setup_hall, unit_id

LATER = T0 + dt.timedelta(minutes=10)
ALICE = "11010519491231002X"
MATTER = "对土地确权结果不服，要求复查"


@pytest.fixture
def hall(db: Database) -> Database:
    return setup_hall(db)


def finish(db: Database, ticket_id: int, chosen: outcomes.Outcome, login: str) -> ServiceRecord:
    with db.write() as s:
        return outcomes.finish(s, ticket_id, chosen, actor=person(db, login), now=LATER)


def counts(db: Database) -> dict[str, int]:
    tables = (ServiceRecord, LegalAdvice, FollowUp, Satisfaction, PetitionCase, CourtHandoff)
    with db.read() as s:
        found = {
            table.__tablename__: int(s.scalar(select(func.count()).select_from(table)) or 0)
            for table in tables
        }
        found["finished"] = int(
            s.scalar(select(func.count()).where(Ticket.status == queue.FINISHED)) or 0
        )
    return found


def test_legal_advice_explained_and_rated_by_the_officer(hall: Database) -> None:
    ticket_id = serving(hall, "legal", "王建军", summary="邻里宅基地界址纠纷")
    record = finish(
        hall,
        ticket_id,
        outcomes.Outcome(
            EXPLAINED,
            outcomes.LegalEntry(
                question="宅基地界址不清，邻居占用如何维权",
                laws="《民法典》第二百八十八条相邻关系；可申请村委会、司法所调解",
                aid_office="市法律援助中心",
            ),
            notes="已讲解相邻关系规定",
            score="满意",
        ),
        "falv",
    )
    with hall.read() as s:
        row = s.get_one(ServiceRecord, record.id)
        assert (row.outcome, row.window.code, row.confidential) == (EXPLAINED, "legal", False)
        advice = s.get_one(LegalAdvice, record.id)
        assert advice.aid_office == "市法律援助中心" and not advice.litigation_advised
        assert "相邻关系" in advice.laws
        ticket = s.get_one(Ticket, ticket_id)
        assert ticket.status == queue.FINISHED and ticket.notes == "已讲解相邻关系规定"
        rating = s.get_one(Satisfaction, ticket_id)
        assert (rating.score, rating.source) == ("satisfied", "officer")
        kinds = [e.kind for e in s.scalars(select(Event).order_by(Event.id))]
    assert kinds[-3:] == ["ticket.finished", "service.recorded", "ticket.rated"]


def test_resolved_on_the_spot_at_the_talk_window_with_a_follow_up(hall: Database) -> None:
    ticket_id = serving(hall, "talk", "刘桂英", summary="对拆迁补偿有意见，情绪激动")
    due = dt.date(2026, 3, 16)
    record = finish(
        hall,
        ticket_id,
        outcomes.Outcome(
            RESOLVED,
            outcomes.TalkEntry(
                received_by="刘建国（市委副书记）",
                mood_start="agitated",
                mood_end="eased",
                agreed="由街道办两周内上门核实补偿面积",
            ),
            follow_up_on=due,
            follow_up_subject="了解街道办是否已上门核实",
        ),
        "tanxin",
    )
    with hall.read() as s:
        talk = s.get_one(TalkRecord, record.id)
        assert (talk.mood_start, talk.mood_end) == ("agitated", "eased")
        follow = s.scalars(select(FollowUp)).one()
        assert (follow.due_on, follow.record_id, follow.window.code) == (due, record.id, "talk")
        assert follow.subject == "了解街道办是否已上门核实"


def test_forwarded_opinion_goes_to_the_ledger_with_its_department(hall: Database) -> None:
    ticket_id = serving(hall, "opinion", "陈志强", township="新区街道")
    transport = unit_id(hall, "市交通运输局")
    record = finish(
        hall,
        ticket_id,
        outcomes.Outcome(
            FORWARDED,
            opinions.OpinionEntry(
                content="建议在新区增设公交站点",
                topic_id=item_id(hall, OPINION_TOPICS, "交通出行"),
                township="新区街道",
                village="杨村",
                place="新区客运站以西",
            ),
            unit_id=transport,
            unit_request="研究增设站点的可行性并答复",
        ),
        "minyi",
    )
    with hall.read() as s:
        opinion = s.scalars(select(Opinion)).one()
        assert (opinion.record_id, opinion.unit_id) == (record.id, transport)
        assert opinion.topic is not None and opinion.topic.name == "交通出行"
        assert s.get_one(ServiceRecord, record.id).unit_request == "研究增设站点的可行性并答复"


def test_aid_referred_to_civil_affairs(hall: Database) -> None:
    ticket_id = serving(hall, "aid", "赵淑兰", id_number="11010519491231002X")
    civil = unit_id(hall, "市民政局")
    finish(
        hall,
        ticket_id,
        outcomes.Outcome(
            FORWARDED,
            aid.AidEntry(
                kind_id=item_id(hall, AID_KINDS, "医疗救助"),
                household="老伴重病住院，自付医疗费 3 万余元，家庭无固定收入",
                household_size=2,
                requested="5,000",
            ),
            unit_id=civil,
        ),
        "bangfu",
    )
    with hall.read() as s:
        row = s.scalars(select(AidRecord)).one()
        assert (row.requested_fen, row.granted_fen, row.unit_id) == (500000, None, civil)
        assert row.referral == "referred" and row.kind.name == "医疗救助"


def test_publicity_counts_each_person_of_a_group(hall: Database) -> None:
    ticket_id = serving(
        hall,
        "publicity",
        "孙浩",
        group_size=6,
        representatives=[reception.Representative("孙浩"), reception.Representative("孙丽")],
    )
    topics = [
        item_id(hall, POLICY_TOPICS, "城乡居民医疗保险"),
        item_id(hall, POLICY_TOPICS, "城乡居民养老保险"),
    ]
    entry = outcomes.PublicityEntry(topic_ids=topics, material="医保缴费明白纸", people_reached=1)
    with pytest.raises(InvalidInput) as refused:
        finish(hall, ticket_id, outcomes.Outcome(EXPLAINED, entry), "xuanjiao")
    assert refused.value.field == "people_reached"
    assert "本次是 6 人来访" in str(refused.value)
    entry.people_reached = 6
    record = finish(hall, ticket_id, outcomes.Outcome(EXPLAINED, entry), "xuanjiao")
    with hall.read() as s:
        publicity = s.get_one(PublicityRecord, record.id)
        assert publicity.people_reached == 6
        assert [t.name for t in publicity.topics] == ["城乡居民医疗保险", "城乡居民养老保险"]


def test_a_complaint_registered_as_a_formal_case_names_the_accused(hall: Database) -> None:
    ticket_id = serving(hall, "supervision", "郭玉兰", purpose="report", summary="反映某局办事推诿")
    housing = unit_id(hall, "市住房和城乡建设局")
    record = finish(
        hall,
        ticket_id,
        outcomes.Outcome(
            CASE,
            outcomes.ComplaintEntry(
                kind="shirking",
                unit_id=housing,
                person="某科室负责人",
                content="办理房产证往返五次仍以各种理由推诿",
            ),
        ),
        "jiancha",
    )
    with hall.read() as s:
        case = s.get_one(PetitionCase, record.case_id)
        assert case.state == REGISTERED and case.purpose == "report"
        assert (case.accused_unit_id, case.accused) == (housing, "某科室负责人")
        complaint = s.get_one(Complaint, record.id)
        assert complaint.kind == "shirking" and s.get_one(ServiceRecord, record.id).confidential
        assert s.scalar(select(func.count()).where(Event.kind == "case.registered")) == 1


def test_a_complaint_is_never_forwarded_to_the_unit_it_accuses(hall: Database) -> None:
    ticket_id = serving(hall, "supervision", "郭玉兰", purpose="report")
    housing = unit_id(hall, "市住房和城乡建设局")
    before = counts(hall)
    with pytest.raises(InvalidInput) as refused:
        finish(
            hall,
            ticket_id,
            outcomes.Outcome(
                FORWARDED,
                outcomes.ComplaintEntry(kind="delay", unit_id=housing, content="拖延办证"),
                unit_id=housing,
            ),
            "jiancha",
        )
    assert "不能把检举控告转交给被反映的单位" in str(refused.value)
    assert counts(hall) == before


def test_handed_to_the_court_in_one_action(hall: Database) -> None:
    ticket_id = serving(hall, "legal", "王建军", summary="农民工工资被拖欠", litigation=True)
    brief = court.HandoffBrief(
        party="王建军", other_party="某建筑劳务公司", claim="支付欠薪 2.6 万元"
    )
    record = finish(
        hall,
        ticket_id,
        outcomes.Outcome(
            COURT,
            outcomes.LegalEntry(question="欠薪如何追讨", litigation_advised=True),
            brief=brief,
        ),
        "falv",
    )
    with hall.read() as s:
        handoff = s.get_one(CourtHandoff, record.handoff_id)
        assert handoff.state == HANDED and handoff.other_party == "某建筑劳务公司"
        visit = s.get_one(Visit, handoff.visit_id)
        assert visit.status == VISIT_HANDED
        assert s.scalar(select(func.count()).where(Event.kind == "court.handoff")) == 1


def test_follow_up_scheduled_needs_its_day_and_subject(hall: Database) -> None:
    ticket_id = serving(hall, "legal", "王建军")
    entry = outcomes.LegalEntry(question="离婚财产分割")
    before = counts(hall)
    for day, subject, field in (
        (None, "了解调解结果", "follow_up_on"),
        (LATER.date(), "了解调解结果", "follow_up_on"),
        (dt.date(2026, 3, 9), " ", "follow_up_subject"),
    ):
        with pytest.raises(InvalidInput) as refused:
            finish(
                hall,
                ticket_id,
                outcomes.Outcome(FOLLOW_UP, entry, follow_up_on=day, follow_up_subject=subject),
                "falv",
            )
        assert refused.value.field == field
    assert counts(hall) == before
    finish(
        hall,
        ticket_id,
        outcomes.Outcome(
            FOLLOW_UP, entry, follow_up_on=dt.date(2026, 3, 9), follow_up_subject="了解调解结果"
        ),
        "falv",
    )
    with hall.read() as s:
        assert s.scalars(select(FollowUp.due_on)).one() == dt.date(2026, 3, 9)


def test_transferred_and_no_show_are_recorded(hall: Database) -> None:
    moved = serving(hall, "legal", "张秀英")
    absent = serving(hall, "legal", "陈志强", start=False)
    officer = person(hall, "falv")
    with hall.write() as s:
        record, new_ticket = outcomes.transfer(s, moved, "aid", "家庭困难，转帮扶", officer, LATER)
        assert record.outcome == TRANSFERRED and record.next_ticket_id == new_ticket.id
        assert new_ticket.number == "D001"
    with hall.write() as s:
        outcomes.mark_no_show(s, absent, actor=officer, now=LATER)
    with hall.read() as s:
        rows = s.scalars(select(ServiceRecord).order_by(ServiceRecord.id)).all()
        assert [(r.ticket_id, r.outcome) for r in rows] == [
            (moved, TRANSFERRED),
            (absent, NO_SHOW),
        ]


def test_no_show_after_the_last_recall_is_recorded_once(hall: Database) -> None:
    ticket_id = serving(hall, "legal", "陈志强", start=False)
    officer = person(hall, "falv")
    outcomes_seen = []
    for _ in range(3):
        with hall.write() as s:
            outcomes_seen.append(outcomes.recall(s, ticket_id, actor=officer, now=LATER).status)
    assert outcomes_seen == [queue.CALLED, queue.CALLED, queue.NO_SHOW]
    with hall.read() as s:
        assert s.scalars(select(ServiceRecord.outcome)).all() == [NO_SHOW]


def test_every_problem_refused_and_nothing_written(hall: Database) -> None:
    ticket_id = serving(hall, "legal", "王建军")
    before = counts(hall)
    refusals = [
        (outcomes.Outcome(EXPLAINED), "entry"),
        (outcomes.Outcome(EXPLAINED, outcomes.LegalEntry(question=" ")), "question"),
        (outcomes.Outcome(EXPLAINED, outcomes.TalkEntry(received_by="某")), "entry"),
        (outcomes.Outcome("vanished", outcomes.LegalEntry(question="问")), "outcome"),
        (outcomes.Outcome(FORWARDED, outcomes.LegalEntry(question="问")), "unit"),
        (outcomes.Outcome(COURT, outcomes.LegalEntry(question="问")), "brief"),
        (
            outcomes.Outcome(
                COURT,
                outcomes.LegalEntry(question="问"),
                brief=court.HandoffBrief("王建军", "", ""),
            ),
            "other_party",
        ),
        (outcomes.Outcome(RESOLVED, outcomes.LegalEntry(question="问"), score="很好"), "score"),
    ]
    for chosen, field in refusals:
        with pytest.raises(InvalidInput) as refused:
            finish(hall, ticket_id, chosen, "falv")
        assert refused.value.field == field, chosen
    with pytest.raises(PermissionDenied):
        finish(hall, ticket_id, outcomes.Outcome(RESOLVED, outcomes.LegalEntry("问")), "tanxin")
    assert counts(hall) == before
    finish(hall, ticket_id, outcomes.Outcome(RESOLVED, outcomes.LegalEntry("问")), "falv")
    with pytest.raises(IllegalTransition):
        finish(hall, ticket_id, outcomes.Outcome(RESOLVED, outcomes.LegalEntry("问")), "falv")


def test_a_repeat_case_is_refused_as_a_whole(hall: Database) -> None:
    first = serving(hall, "letters", "冯建设", id_number=ALICE, purpose="appeal", summary=MATTER)
    finish(hall, first, outcomes.Outcome(CASE), "banxin")
    again = serving(hall, "letters", "冯建设", id_number=ALICE, purpose="appeal", summary=MATTER)
    before = counts(hall)
    with pytest.raises(IllegalTransition) as refused:
        finish(hall, again, outcomes.Outcome(CASE), "banxin")
    assert "已有同类信访事项正在办理" in str(refused.value)
    after = counts(hall)
    assert after == before and after["finished"] == 1
    finish(hall, again, outcomes.Outcome(CASE, new_matter=True), "banxin")
    with hall.read() as s:
        assert s.scalar(select(func.count()).select_from(PetitionCase)) == 2
