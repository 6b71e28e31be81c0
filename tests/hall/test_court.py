"""The hand-off to the court on both databases: numbers, the inbox, accept and return, what
flows back to the window, and who may see what."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import func, select

from db import counters, events
from db.case_models import COURT_HANDOFF_PENDING, PetitionCase
from db.court_models import (
    ACCEPTED,
    HANDED,
    PETITION_HANDED,
    RECEPTION,
    RETURNED,
    VISIT_HANDED,
    VISIT_RETURNED,
    CourtCase,
    CourtHandoff,
)
from db.engine import Database
from db.models import Visit
from hall import cases, court, court_cases, queue, users
from hall.errors import IllegalTransition, InvalidInput, NotFound, PermissionDenied
from tests.hall.court_helpers import (
    T0,
    accept,
    accepted_case,
    add_people,
    brief,
    hand_off,
    new_visit,
    registration,
)


@pytest.fixture
def hall(hall_db: Database) -> Database:
    add_people(hall_db)
    return hall_db


def test_hand_off_changes_the_visit_numbers_the_slip_and_tells_the_court(hall: Database) -> None:
    visit_id = new_visit(hall)
    with hall.read() as s:
        before = events.last_id(s)
    handoff_id = hand_off(hall, visit_id)
    second = hand_off(hall, new_visit(hall))

    with hall.read() as s:
        visit = s.get_one(Visit, visit_id)
        handoff = s.get_one(CourtHandoff, handoff_id)
        assert visit.status == VISIT_HANDED and visit.litigation
        assert handoff.number == "移交〔2026〕0001号"
        assert handoff.barcode == "YJ2026-0001"
        assert s.get_one(CourtHandoff, second).number == "移交〔2026〕0002号"
        assert (handoff.party, handoff.other_party, handoff.claim) == (
            "王大海",
            "张小山",
            "归还借款三万元及利息",
        )
        assert handoff.officer.name == "李明" and handoff.window.code == "legal"
        new = [e for e in events.since(s, before) if e.kind == "court.handoff"]
        inbox = court.inbox(s, users.by_login(s, "shuji"))
    assert [(e.entity, e.entity_id) for e in new] == [
        ("court_handoff", handoff_id),
        ("court_handoff", second),
    ]
    assert new[0].payload == {
        "number": "移交〔2026〕0001号",
        "state": HANDED,
        "visit_id": visit_id,
        "window": "legal",
    }
    assert [h.number for h in inbox] == ["移交〔2026〕0001号", "移交〔2026〕0002号"]
    assert inbox[0].officer == "李明" and inbox[0].window_name == "法律服务"


def test_an_incomplete_brief_names_every_missing_part_and_writes_nothing(hall: Database) -> None:
    visit_id = new_visit(hall)
    with pytest.raises(court.InvalidForm) as error, hall.write() as s:
        court.hand_off_to_court(
            s,
            visit_id,
            court.HandoffBrief(party="王大海", other_party=" ", claim=""),
            users.by_login(s, "falv"),
            now=T0,
        )
    assert str(error.value) == "移交信息不完整：请填写对方当事人、诉求简要。"
    assert [p.field for p in error.value.problems] == ["other_party", "claim"]
    with hall.read() as s:
        assert s.get_one(Visit, visit_id).status == "open"
        assert s.scalar(select(func.count()).select_from(CourtHandoff)) == 0
        assert counters.current_value(s, "court_handoff:2026") == 0


def test_brief_starts_from_the_visit_but_never_copies_an_accusation(hall: Database) -> None:
    ordinary = new_visit(hall, name="王大海")
    report = new_visit(hall, window="legal", purpose="report", summary="举报某干部收受贿赂")
    with hall.read() as s:
        assert court.brief_for(s, ordinary) == court.HandoffBrief(
            party="王大海", other_party="", claim="要求对方归还借款三万元"
        )
        assert court.brief_for(s, report).claim == ""


def test_only_the_visits_window_or_an_admin_may_hand_it_off(hall: Database) -> None:
    visit_id = new_visit(hall, window="legal")
    with pytest.raises(PermissionDenied) as error, hall.write() as s:
        court.hand_off_to_court(s, visit_id, brief(), users.by_login(s, "bangfu"), now=T0)
    assert "周静不在这次来访所在的窗口" in str(error.value)
    with pytest.raises(PermissionDenied), hall.write() as s:
        court.hand_off_to_court(s, visit_id, brief(), users.by_login(s, "lingdao"), now=T0)
    hand_off(hall, visit_id, login="admin")
    # A visitor who came straight to the court's window is handed over by the clerk there.
    walk_in = new_visit(hall, window="court")
    hand_off(hall, walk_in, login="shuji")
    with hall.read() as s:
        assert s.get_one(Visit, walk_in).status == VISIT_HANDED


def test_a_visit_is_handed_once_until_the_court_returns_it(hall: Database) -> None:
    visit_id = new_visit(hall)
    first = hand_off(hall, visit_id)
    with pytest.raises(IllegalTransition) as error, hall.write() as s:
        court.hand_off_to_court(s, visit_id, brief(), users.by_login(s, "falv"), now=T0)
    assert "移交〔2026〕0001号，待接收" in str(error.value)
    with hall.write() as s:
        court.return_handoff(s, first, "请补充借条复印件", users.by_login(s, "shuji"), now=T0)
    again = hand_off(hall, visit_id, now=T0 + dt.timedelta(days=1))
    with hall.read() as s:
        assert s.get_one(CourtHandoff, again).number == "移交〔2026〕0002号"
        assert [h.id for h in court.handoffs_of_visit(s, visit_id)] == [first, again]
        status = court.court_status(s, visit_id)
    assert status is not None and status.handoff_state == HANDED


def test_scanning_the_slip_opens_its_hand_off(hall: Database) -> None:
    handoff_id = hand_off(hall, new_visit(hall))
    with hall.read() as s:
        clerk = users.by_login(s, "shuji")
        assert court.open_handoff(s, "YJ2026-0001", clerk).id == handoff_id
        assert court.open_handoff(s, " yj2026-0001 ", clerk).id == handoff_id
        assert court.open_handoff(s, "移交〔2026〕0001号", clerk).id == handoff_id
        for wrong in ("YJ2026-0002", "YJ2025-0001", "V202603020001", ""):
            with pytest.raises(NotFound):
                court.open_handoff(s, wrong, clerk)
        with pytest.raises(PermissionDenied):
            court.open_handoff(s, "YJ2026-0001", users.by_login(s, "falv"))


def test_accepting_opens_a_court_file_at_reception(hall: Database) -> None:
    visit_id = new_visit(hall)
    handoff_id = hand_off(hall, visit_id)
    later = T0 + dt.timedelta(hours=1)
    case_id = accept(hall, handoff_id, now=later)
    with hall.read() as s:
        case = s.get_one(CourtCase, case_id)
        handoff = s.get_one(CourtHandoff, handoff_id)
        assert (case.stage, case.number, case.visit_id) == (RECEPTION, None, visit_id)
        assert handoff.state == ACCEPTED and handoff.decided_at == later
        assert court.inbox(s, users.by_login(s, "shuji")) == []
        kinds = [e.kind for e in events.for_entity(s, "court_handoff", handoff_id)]
        status = court.court_status(s, visit_id)
    assert kinds == ["court.handoff", "court.accepted"]
    assert status is not None
    assert (status.handoff_state_name, status.case_number, status.stage_name) == (
        "已接收",
        None,
        "接访",
    )
    with pytest.raises(IllegalTransition) as error, hall.write() as s:
        court.accept_handoff(s, handoff_id, users.by_login(s, "shuji"), now=later)
    assert "当前为“已接收”，不能接收" in str(error.value)
    with pytest.raises(IllegalTransition), hall.write() as s:
        court.return_handoff(s, handoff_id, "不属于法院受理范围", users.by_login(s, "shuji"))


def test_a_returned_hand_off_goes_back_to_the_window_with_its_reason(hall: Database) -> None:
    visit_id = new_visit(hall)
    handoff_id = hand_off(hall, visit_id)
    with pytest.raises(InvalidInput) as error, hall.write() as s:
        court.return_handoff(s, handoff_id, "  ", users.by_login(s, "shuji"), now=T0)
    assert error.value.field == "reason"
    reason = "双方系劳动争议，应先申请劳动仲裁"
    with hall.write() as s:
        court.return_handoff(s, handoff_id, reason, users.by_login(s, "shuji"), now=T0)
    with hall.read() as s:
        assert s.get_one(Visit, visit_id).status == VISIT_RETURNED
        status = court.court_status(s, visit_id)
        returned = events.for_entity(s, "court_handoff", handoff_id)[-1]
    assert status is not None
    assert (status.handoff_state, status.return_reason) == (RETURNED, reason)
    assert status.line == f"移交〔2026〕0001号 法庭已退回：{reason}"
    # The live feed says which window to tell, not what the reason is.
    assert returned.kind == "court.returned"
    assert returned.payload["window"] == "legal"
    assert reason not in str(returned.payload)


def test_a_never_handed_visit_has_no_court_status(hall: Database) -> None:
    visit_id = new_visit(hall)
    with hall.read() as s:
        assert court.court_status(s, visit_id) is None


def test_the_window_sees_only_number_stage_and_outcome_of_the_court_file(hall: Database) -> None:
    case_id = accepted_case(hall)
    with hall.write() as s:
        clerk = users.by_login(s, "shuji")
        case = s.get_one(CourtCase, case_id)
        court_cases.register_case(s, case_id, registration(), clerk, now=T0 + dt.timedelta(days=1))
        court_cases.record_mediation(
            s,
            case_id,
            T0.date() + dt.timedelta(days=2),
            "赵法官",
            "agreed",
            clerk,
            now=T0 + dt.timedelta(days=2),
        )
        court_cases.close_by_mediation(
            s,
            case_id,
            "document",
            "被告于 2026 年 4 月 30 日前归还借款三万元",
            clerk,
            now=T0 + dt.timedelta(days=2),
        )
        visit_id = case.visit_id
    with hall.read() as s:
        status = court.court_status(s, visit_id)
    assert status is not None
    assert {f.name for f in dataclasses.fields(status)} == {
        "visit_id",
        "handoff_number",
        "handoff_state",
        "handoff_state_name",
        "return_reason",
        "case_number",
        "stage_name",
        "outcome_name",
    }
    assert (status.case_number, status.stage_name, status.outcome_name) == (
        "（2026）豫1281民初1号",
        "立案",
        "调解结案",
    )
    assert (
        status.line
        == "移交〔2026〕0001号，已接收，案号（2026）豫1281民初1号，立案阶段，结果：调解结案"
    )
    serialised = str(status.as_json())
    for secret in ("三万元", "张小山", "赵法官", "汉族"):
        assert secret not in serialised


def test_officers_and_leaders_cannot_open_court_files(hall: Database) -> None:
    case_id = accepted_case(hall)
    with hall.read() as s:
        for login in ("falv", "lingdao"):
            viewer = users.by_login(s, login)
            with pytest.raises(PermissionDenied) as error:
                court_cases.read_case(s, case_id, viewer, now=T0)
            assert "法庭卷宗只有法庭书记员和管理员可以查看" in str(error.value)
            with pytest.raises(PermissionDenied):
                court.inbox(s, viewer)
            with pytest.raises(PermissionDenied):
                court_cases.list_cases(s, viewer, T0.date())
        assert court_cases.read_case(s, case_id, users.by_login(s, "shuji"), now=T0).id == case_id
        assert court_cases.read_case(s, case_id, users.by_login(s, "admin"), now=T0).id == case_id
    with pytest.raises(PermissionDenied), hall.write() as s:
        court.accept_handoff(s, hand_off(hall, new_visit(hall)), users.by_login(s, "falv"))


def test_an_inactive_clerk_is_refused(hall: Database) -> None:
    case_id = accepted_case(hall)
    with hall.write() as s:
        users.by_login(s, "shuji").active = False
    with hall.read() as s, pytest.raises(PermissionDenied):
        court_cases.read_case(s, case_id, users.by_login(s, "shuji"), now=T0)


def test_the_clerk_cannot_open_an_accusations_content(hall: Database) -> None:
    report = new_visit(hall, purpose="report", summary="举报某村干部侵占土地补偿款")
    ordinary = new_visit(hall)
    report_handoff = hand_off(hall, report)
    ordinary_handoff = hand_off(hall, ordinary)
    with hall.write() as s:
        clerk = users.by_login(s, "shuji")
        withheld = court.handed_visit(s, report_handoff, clerk, now=T0)
        seen = court.handed_visit(s, ordinary_handoff, clerk, now=T0)
        # Nor can the administrator by that role alone (三员分立, issue 15).
        admin_view = court.handed_visit(s, report_handoff, users.by_login(s, "admin"), now=T0)
        with pytest.raises(PermissionDenied):
            court.handed_visit(s, ordinary_handoff, users.by_login(s, "falv"), now=T0)
    assert withheld.withheld
    assert (withheld.summary, withheld.facts) == ("（检举控告件，内容保密）",) * 2
    assert (withheld.phone, withheld.address, withheld.birth_date) == ("", "", None)
    assert withheld.visitor_name.endswith("*")
    assert "举报" not in str(withheld)
    assert not seen.withheld
    assert seen.summary == "邻居借款三万元到期不还，要求帮助追讨"
    assert seen.address == "千秋路街道红旗社区幸福路 8 号"
    assert admin_view.withheld and admin_view.summary == "（检举控告件，内容保密）"
    # Every opening of the accusation is logged, shown or not; the ordinary visit's is not.
    with hall.read() as s:
        report_log = [(e.kind, e.actor_id) for e in events.for_entity(s, "visit", report)]
        ordinary_log = [e.kind for e in events.for_entity(s, "visit", ordinary)]
        ids = {login: users.by_login(s, login).id for login in ("shuji", "admin")}
    assert report_log[-2:] == [
        ("visit.view_withheld", ids["shuji"]),
        ("visit.view_withheld", ids["admin"]),
    ]
    assert "visit.viewed" not in ordinary_log and "visit.view_withheld" not in ordinary_log
    case_id = accept(hall, report_handoff)
    with hall.read() as s:
        draft = court_cases.registration_draft(s, case_id, users.by_login(s, "shuji"), now=T0)
    # Only what the hand-off says, none of the visitor's details or the visit's content.
    assert (draft.plaintiff_name, draft.defendant_name) == ("王大海", "张小山")
    assert draft.plaintiff_contact == "" and draft.plaintiff_address == ""
    assert draft.facts_reasons == ""


def test_the_draft_of_an_ordinary_visit_carries_the_visitors_details(hall: Database) -> None:
    visit_id = new_visit(hall, name="王大海")
    case_id = accept(hall, hand_off(hall, visit_id, party="王大海"))
    with hall.read() as s:
        draft = court_cases.registration_draft(s, case_id, users.by_login(s, "shuji"), now=T0)
    assert draft.plaintiff_contact == "13800138000"
    assert draft.plaintiff_address == "千秋路街道红旗社区幸福路 8 号"
    assert draft.plaintiff_gender == "男"
    assert draft.claims == "归还借款三万元及利息"
    assert draft.facts_reasons.startswith("2025 年 6 月借给邻居张某三万元")


def test_a_separated_petition_case_follows_its_hand_off(hall: Database) -> None:
    visit_id = new_visit(hall, window="letters")
    with hall.write() as s:
        case = cases.open_from_visit(s, visit_id, users.by_login(s, "banxin"), now=T0)
        # What hall.cases.separate leaves on the case (诉访分离, waiting for the court).
        case.court_handoff = COURT_HANDOFF_PENDING
        case_id = case.id
    handoff_id = hand_off(hall, visit_id, login="banxin")
    with hall.read() as s:
        assert s.get_one(PetitionCase, case_id).court_handoff == PETITION_HANDED
    with hall.write() as s:
        court.return_handoff(s, handoff_id, "请先补充证据", users.by_login(s, "shuji"), now=T0)
    with hall.read() as s:
        assert s.get_one(PetitionCase, case_id).court_handoff == COURT_HANDOFF_PENDING


def test_a_ticket_served_at_another_window_is_untouched_by_the_hand_off(hall: Database) -> None:
    visit_id = new_visit(hall)
    with hall.write() as s:
        ticket = queue.call_next(s, "legal", seat=1, now=T0)
        assert ticket is not None and ticket.visit_id == visit_id
        queue.start(s, ticket.id, now=T0)
        ticket_id = ticket.id
    hand_off(hall, visit_id)
    with hall.write() as s:
        queue.finish(s, ticket_id, "已移交巡回法庭", users.by_login(s, "falv"), now=T0)
        assert s.get_one(Visit, visit_id).status == VISIT_HANDED
