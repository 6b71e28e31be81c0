"""Formal cases on both databases: every transition with the dates on both sides of its limit,
refusals with their reasons, repeats and three-level closure, litigation, the accusation rule,
access logging, and documents issued.

Dates are in 2026, whose holidays the seeded calendar has (see test_calendar.py).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest

from db import events
from db.case_models import (
    ACCEPTANCE,
    ASSIGNMENT,
    CLOSED,
    COURT_HANDOFF_PENDING,
    EXTENSION,
    FINAL,
    FORWARDED,
    HANDLING,
    NOT_ACCEPTED,
    REJECTION,
    REPLIED,
    REPLY,
    REREVIEW,
    REVIEW,
    REVIEWED,
    SEPARATED,
    PetitionCase,
)
from db.engine import Database
from db.models import User
from hall import calendar, cases, letters, reception, settings, supervision, users
from hall.deadlines import Alert
from hall.errors import HallError, IllegalTransition, InvalidInput, NotFound

D = dt.date
PDF = b"%PDF-1.4 test document"
MARCH_2 = D(2026, 3, 2)
# Valid resident ID numbers (check characters computed by GB 11643).
ZHANG_ID = "411281198001010036"
LI_ID = "41128119900202002X"


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour))


def letter(
    db: Database,
    received: dt.date = MARCH_2,
    *,
    registered: dt.date | None = None,
    purpose: str = "request",
    summary: str = "要求解决宅基地确权纠纷",
    litigation: bool = False,
    accused_unit_id: int | None = None,
    name: str = "张三",
    id_number: str = "",
    new_matter: bool = True,
) -> int:
    """Register a letter as a new case; returns its id."""
    with db.write() as s:
        case = letters.register_letter(
            s,
            letters.LetterRegistration(
                sender_name=name,
                sender_id_number=id_number,
                received_on=received,
                summary=summary,
                purpose=purpose,
                litigation=litigation,
                accused_unit_id=accused_unit_id,
            ),
            now=at(registered or received),
            new_matter=new_matter,
        )
        return case.id


def act(
    db: Database, action: Callable[..., Any], case_id: int, on: dt.date, *args: Any, **kw: Any
) -> PetitionCase:
    with db.write() as s:
        result: PetitionCase = action(s, case_id, *args, now=at(on), **kw)
        return result


def refused(
    db: Database, action: Callable[..., Any], case_id: int, on: dt.date, *args: Any, **kw: Any
) -> HallError:
    """The action is refused, and nothing of it is kept."""
    with db.read() as s:
        before = _snapshot(s, case_id)
    with pytest.raises(HallError) as error, db.write() as s:
        action(s, case_id, *args, now=at(on), **kw)
    with db.read() as s:
        assert _snapshot(s, case_id) == before
    return error.value


def _snapshot(s: Any, case_id: int) -> tuple[object, ...]:
    case = s.get_one(PetitionCase, case_id)
    return (
        case.state,
        case.due_on,
        case.handle_due,
        case.extension_days,
        len(events.for_entity(s, "case", case_id)),
    )


def get(db: Database, case_id: int) -> PetitionCase:
    with db.read() as s:
        return s.get_one(PetitionCase, case_id)


def last_event(db: Database, case_id: int) -> tuple[str, dict[str, object]]:
    with db.read() as s:
        event = events.for_entity(s, "case", case_id)[-1]
        return event.kind, event.payload


@pytest.fixture
def unit_ids(hall_db: Database) -> dict[str, int]:
    with hall_db.write() as s:
        return {
            "land": cases.add_unit(s, "义马市自然资源局", "市直部门", "0398-5812345").id,
            "street": cases.add_unit(s, "千秋路街道办事处", "乡镇街道").id,
        }


# ---------------------------------------------------------------------------------------------
# Numbers


def test_numbers_run_per_year_with_the_admins_prefix(hall_db: Database) -> None:
    first = letter(hall_db, D(2026, 3, 2))
    second = letter(hall_db, D(2026, 3, 2))
    with hall_db.write() as s:
        settings.put(s, settings.CASE_PREFIX, "义信")
    next_year = letter(hall_db, D(2026, 12, 30), registered=D(2027, 1, 4))
    assert get(hall_db, first).number == "义群信〔2026〕0001号"
    assert get(hall_db, second).number == "义群信〔2026〕0002号"
    assert get(hall_db, next_year).number == "义信〔2027〕0001号"
    with hall_db.read() as s:
        assert cases.by_number(s, "XF2026-0002").id == second
        assert cases.by_number(s, " 义群信〔2026〕0001号 ").id == first
        with pytest.raises(NotFound) as error:
            cases.by_number(s, "义群信〔2026〕0999号")
    assert "0999" in str(error.value)


# ---------------------------------------------------------------------------------------------
# Deciding within 15 days


def test_a_decision_on_the_fifteenth_day_is_timely_and_the_next_day_late(
    hall_db: Database,
) -> None:
    timely, late = letter(hall_db), letter(hall_db)
    assert get(hall_db, timely).decide_due == D(2026, 3, 17)
    with hall_db.read() as s:
        assert supervision.overdue(s, D(2026, 3, 17)) == []
        assert {r.id for r in supervision.overdue(s, D(2026, 3, 18))} == {timely, late}
    act(hall_db, cases.accept, timely, D(2026, 3, 17))
    assert last_event(hall_db, timely) == (
        "case.accepted",
        {"number": "义群信〔2026〕0001号", "state": HANDLING, "late": False},
    )
    act(hall_db, cases.accept, late, D(2026, 3, 18))
    assert last_event(hall_db, late)[1]["late"] is True
    # Handling runs 60 days from acceptance: 17 March + 60 = Saturday 16 May, so Monday.
    assert get(hall_db, timely).handle_due == D(2026, 5, 18)
    assert get(hall_db, timely).due_on == D(2026, 5, 18)


def test_the_fifteen_days_run_from_the_letters_receipt_not_its_registration(
    hall_db: Database,
) -> None:
    case_id = letter(hall_db, D(2026, 3, 2), registered=D(2026, 3, 6))
    case = get(hall_db, case_id)
    assert case.received_on == D(2026, 3, 2) and case.decide_due == D(2026, 3, 17)
    assert case.created_at == at(D(2026, 3, 6))


def test_deciding_twice_is_refused_with_the_current_state(hall_db: Database) -> None:
    case_id = letter(hall_db)
    act(hall_db, cases.accept, case_id, D(2026, 3, 3))
    error = refused(hall_db, cases.accept, case_id, D(2026, 3, 4))
    assert isinstance(error, IllegalTransition)
    assert "当前状态为“办理中”" in str(error)


def test_a_decision_dated_before_receipt_is_refused(hall_db: Database) -> None:
    case_id = letter(hall_db, D(2026, 3, 2), registered=D(2026, 3, 5))
    error = refused(hall_db, cases.accept, case_id, D(2026, 3, 1))
    assert "早于收到信访事项的日期" in str(error)


def test_not_accepted_names_the_legal_channel(hall_db: Database) -> None:
    case_id = letter(hall_db)
    error = refused(hall_db, cases.reject, case_id, D(2026, 3, 5), "  ", "属于司法程序")
    assert isinstance(error, InvalidInput) and error.field == "legal_channel"
    act(hall_db, cases.reject, case_id, D(2026, 3, 5), "申请行政复议", "属于行政复议范围")
    case = get(hall_db, case_id)
    assert (case.state, case.legal_channel, case.due_on) == (NOT_ACCEPTED, "申请行政复议", None)
    assert "当前状态为“不予受理”" in str(refused(hall_db, cases.accept, case_id, D(2026, 3, 6)))


def test_forwarded_to_the_competent_organ(hall_db: Database, unit_ids: dict[str, int]) -> None:
    case_id = letter(hall_db)
    act(hall_db, cases.forward, case_id, D(2026, 3, 4), unit_ids["land"], "属自然资源部门职责")
    case = get(hall_db, case_id)
    assert case.state == FORWARDED and case.unit_id == unit_ids["land"]
    assert case.due_on is None and case.watch_due is None
    assert last_event(hall_db, case_id)[1]["unit"] == "义马市自然资源局"


def test_assignment_deadline_within_the_statutory_limit(
    hall_db: Database, unit_ids: dict[str, int]
) -> None:
    case_id = letter(hall_db)
    land = unit_ids["land"]
    # Assigned on 3 March: the statutory 60 days end on 2 May, a holiday, so 6 May.
    beyond = refused(hall_db, cases.assign, case_id, D(2026, 3, 3), land, D(2026, 5, 7))
    assert isinstance(beyond, InvalidInput) and "2026年5月6日" in str(beyond)
    past = refused(hall_db, cases.assign, case_id, D(2026, 3, 3), land, D(2026, 3, 3))
    assert isinstance(past, InvalidInput) and past.field == "due"
    # A deadline on Sunday 12 April moves to Monday the 13th.
    act(hall_db, cases.assign, case_id, D(2026, 3, 3), land, D(2026, 4, 12), "请核查")
    case = get(hall_db, case_id)
    assert (case.state, case.decision, case.assigned_due) == (HANDLING, "assigned", D(2026, 4, 13))
    assert case.handle_due == D(2026, 5, 6)
    assert case.due_on == D(2026, 4, 13) and case.period_start == D(2026, 3, 3)


def test_an_inactive_unit_cannot_receive_a_case(
    hall_db: Database, unit_ids: dict[str, int]
) -> None:
    case_id = letter(hall_db)
    with hall_db.write() as s:
        cases.set_unit_active(s, unit_ids["land"], False)
    error = refused(hall_db, cases.forward, case_id, D(2026, 3, 4), unit_ids["land"])
    assert "已停用" in str(error)


# ---------------------------------------------------------------------------------------------
# Litigation: separated, not accepted


def test_litigation_is_separated_and_marked_for_the_court(hall_db: Database) -> None:
    case_id = letter(hall_db, litigation=True, summary="要求撤销民事判决")
    accept = refused(hall_db, cases.accept, case_id, D(2026, 3, 3))
    assert "涉法涉诉" in str(accept) and "诉访分离" in str(accept)
    assert "涉法涉诉" in str(
        refused(hall_db, cases.assign, case_id, D(2026, 3, 3), 1, D(2026, 4, 1))
    )
    act(hall_db, cases.separate, case_id, D(2026, 3, 3))
    case = get(hall_db, case_id)
    assert (case.state, case.court_handoff) == (SEPARATED, COURT_HANDOFF_PENDING)
    assert "人民法院" in case.legal_channel and case.due_on is None
    assert last_event(hall_db, case_id) == (
        "case.separated",
        {"number": case.number, "state": SEPARATED, "handoff": "court", "late": False},
    )
    assert cases.document_refusal(case, REJECTION) == ""


# ---------------------------------------------------------------------------------------------
# Handling within 60 days, one extension


def accepted_on(db: Database, day: dt.date, received: dt.date | None = None) -> int:
    case_id = letter(db, received or day)
    act(db, cases.accept, case_id, day)
    return case_id


def test_reply_on_the_last_handling_day_is_on_time_the_next_day_late(hall_db: Database) -> None:
    on_time, late = accepted_on(hall_db, D(2026, 3, 2)), accepted_on(hall_db, D(2026, 3, 2))
    # 2 March + 60 days is 1 May, Labour Day: the limit ends on Wednesday 6 May.
    assert get(hall_db, on_time).handle_due == D(2026, 5, 6)
    with hall_db.read() as s:
        assert supervision.count_overdue(s, D(2026, 5, 6)) == 0
        assert supervision.count_overdue(s, D(2026, 5, 7)) == 2
    act(hall_db, cases.reply, on_time, D(2026, 5, 6), "explain", "已向信访人解释政策")
    act(hall_db, cases.reply, late, D(2026, 5, 7), "reject", "诉求缺乏依据")
    assert last_event(hall_db, on_time)[1]["late"] is False
    assert last_event(hall_db, late)[1]["late"] is True
    case = get(hall_db, on_time)
    assert (case.state, case.outcome, case.due_on) == (REPLIED, "explain", None)


def test_reply_needs_a_known_outcome_and_text(hall_db: Database) -> None:
    case_id = accepted_on(hall_db, D(2026, 3, 2))
    bad = refused(hall_db, cases.reply, case_id, D(2026, 3, 9), "agree", "同意")
    assert isinstance(bad, InvalidInput) and "予以支持" in str(bad) and bad.field == "outcome"
    empty = refused(hall_db, cases.reply, case_id, D(2026, 3, 9), "support", " ")
    assert isinstance(empty, InvalidInput) and empty.field == "text"
    registered = letter(hall_db)
    assert "当前状态为“已登记待受理”" in str(
        refused(hall_db, cases.reply, registered, D(2026, 3, 9), "support", "同意")
    )


def test_one_extension_of_at_most_thirty_days_with_a_reason(hall_db: Database) -> None:
    case_id = accepted_on(hall_db, D(2026, 3, 2))
    for days in (0, 31):
        error = refused(hall_db, cases.extend, case_id, D(2026, 5, 6), days, "案情复杂")
        assert isinstance(error, InvalidInput) and error.field == "days"
    no_reason = refused(hall_db, cases.extend, case_id, D(2026, 5, 6), 30, "")
    assert isinstance(no_reason, InvalidInput) and no_reason.field == "reason"
    # On the last day of the limit an extension is still possible: 2 March + 90 days is
    # Sunday 31 May, so the extended limit ends on Monday 1 June.
    act(hall_db, cases.extend, case_id, D(2026, 5, 6), 30, "需调取历史档案")
    case = get(hall_db, case_id)
    assert (case.handle_due, case.due_on, case.extension_days) == (D(2026, 6, 1), D(2026, 6, 1), 30)
    again = refused(hall_db, cases.extend, case_id, D(2026, 5, 7), 5, "仍需核查")
    assert "只能延长一次" in str(again) and "2026年5月6日" in str(again)
    assert cases.document_refusal(case, EXTENSION) == ""


def test_no_extension_after_the_limit_has_ended(hall_db: Database) -> None:
    case_id = accepted_on(hall_db, D(2026, 3, 2))
    error = refused(hall_db, cases.extend, case_id, D(2026, 5, 7), 10, "案情复杂")
    assert "已于2026年5月6日届满" in str(error)
    registered = letter(hall_db)
    assert "只有办理中的事项" in str(
        refused(hall_db, cases.extend, registered, D(2026, 3, 5), 10, "案情复杂")
    )


def test_extending_an_assigned_case_moves_the_units_deadline_within_the_new_limit(
    hall_db: Database, unit_ids: dict[str, int]
) -> None:
    case_id = letter(hall_db)
    act(hall_db, cases.assign, case_id, D(2026, 3, 2), unit_ids["land"], D(2026, 4, 30))
    act(hall_db, cases.extend, case_id, D(2026, 4, 20), 30, "需组织现场勘测")
    case = get(hall_db, case_id)
    # 30 April + 30 = 30 May, a Saturday: 1 June, which is also the extended statutory limit.
    assert case.assigned_due == D(2026, 6, 1) == case.handle_due == case.due_on


# ---------------------------------------------------------------------------------------------
# Closing, 复查, 复核, three-level closure


def test_an_assigned_case_closes_only_with_its_units_closing_report(
    hall_db: Database, unit_ids: dict[str, int]
) -> None:
    case_id = letter(hall_db)
    act(hall_db, cases.assign, case_id, D(2026, 3, 3), unit_ids["land"], D(2026, 4, 10))
    act(hall_db, cases.reply, case_id, D(2026, 4, 1), "support", "已重新确权")
    error = refused(hall_db, cases.close, case_id, D(2026, 4, 2))
    assert "义马市自然资源局尚未报送" in str(error)
    act(hall_db, cases.report_closing, case_id, D(2026, 4, 8), "已办结，已答复信访人")
    assert last_event(hall_db, case_id)[1]["late"] is False
    twice = refused(hall_db, cases.report_closing, case_id, D(2026, 4, 9), "补充报告")
    assert "已于2026年4月8日报送" in str(twice)
    act(hall_db, cases.close, case_id, D(2026, 4, 9))
    case = get(hall_db, case_id)
    assert (case.state, case.closed_on) == (CLOSED, D(2026, 4, 9))


def test_a_closing_report_belongs_to_assigned_cases_only(hall_db: Database) -> None:
    case_id = accepted_on(hall_db, D(2026, 3, 2))
    assert "不是交办件" in str(refused(hall_db, cases.report_closing, case_id, D(2026, 3, 9), "x"))


def replied_on(db: Database, day: dt.date, outcome: str = "reject") -> int:
    case_id = accepted_on(db, D(2026, 5, 20))
    act(db, cases.reply, case_id, day, outcome, "经核查，诉求不符合政策规定")
    return case_id


def test_review_must_be_asked_for_within_thirty_days_of_the_reply(hall_db: Database) -> None:
    late, in_time = replied_on(hall_db, D(2026, 6, 10)), replied_on(hall_db, D(2026, 6, 10))
    error = refused(hall_db, cases.request_review, late, D(2026, 7, 11))
    assert "至2026年7月10日止" in str(error) and "不予受理" in str(error)
    act(hall_db, cases.request_review, in_time, D(2026, 7, 10))
    case = get(hall_db, in_time)
    # 10 July + 30 days is Sunday 9 August.
    assert (case.state, case.review_due, case.due_on) == (REVIEW, D(2026, 8, 10), D(2026, 8, 10))


def test_review_can_be_asked_for_after_the_case_was_closed(hall_db: Database) -> None:
    case_id = replied_on(hall_db, D(2026, 6, 10))
    act(hall_db, cases.close, case_id, D(2026, 6, 11))
    act(hall_db, cases.request_review, case_id, D(2026, 6, 20))
    assert get(hall_db, case_id).state == REVIEW


def test_review_decided_late_is_recorded_as_late(hall_db: Database) -> None:
    case_id = replied_on(hall_db, D(2026, 6, 10))
    act(hall_db, cases.request_review, case_id, D(2026, 7, 10))
    with hall_db.read() as s:
        assert [r.id for r in supervision.overdue(s, D(2026, 8, 11))] == [case_id]
        assert supervision.overdue(s, D(2026, 8, 10)) == []
    act(hall_db, cases.decide_review, case_id, D(2026, 8, 11), "reject", "维持原处理意见")
    kind, payload = last_event(hall_db, case_id)
    assert kind == "case.reviewed" and payload["late"] is True


def reviewed_on(db: Database, day: dt.date) -> int:
    case_id = replied_on(db, D(2026, 6, 10))
    act(db, cases.request_review, case_id, D(2026, 7, 1))
    act(db, cases.decide_review, case_id, day, "reject", "维持原处理意见")
    return case_id


def test_rereview_must_be_asked_for_within_thirty_days_of_the_review(hall_db: Database) -> None:
    late, in_time = reviewed_on(hall_db, D(2026, 8, 10)), reviewed_on(hall_db, D(2026, 8, 10))
    assert get(hall_db, late).state == REVIEWED
    error = refused(hall_db, cases.request_rereview, late, D(2026, 9, 10))
    assert "至2026年9月9日止" in str(error)
    act(hall_db, cases.request_rereview, in_time, D(2026, 9, 9))
    case = get(hall_db, in_time)
    assert (case.state, case.rereview_due) == (REREVIEW, D(2026, 10, 9))


def test_rereview_limit_ending_in_national_day_moves_to_the_eighth(hall_db: Database) -> None:
    case_id = reviewed_on(hall_db, D(2026, 9, 3))
    # 3 September + 30 days is 3 October: the petitioner may still ask on 8 October.
    act(hall_db, cases.request_rereview, case_id, D(2026, 10, 8))
    assert get(hall_db, case_id).state == REREVIEW


def test_rereview_closes_the_matter_for_good(hall_db: Database, unit_ids: dict[str, int]) -> None:
    case_id = reviewed_on(hall_db, D(2026, 8, 10))
    act(hall_db, cases.request_rereview, case_id, D(2026, 8, 20))
    act(hall_db, cases.decide_rereview, case_id, D(2026, 9, 15), "reject", "维持复查意见")
    case = get(hall_db, case_id)
    assert (case.state, case.due_on, case.watch_due) == (FINAL, None, None)
    assert last_event(hall_db, case_id)[0] == "case.finally_closed"
    for action, args in (
        (cases.request_review, ()),
        (cases.request_rereview, ()),
        (cases.accept, ()),
        (cases.forward, (unit_ids["land"],)),
    ):
        error = refused(hall_db, action, case_id, D(2026, 9, 16), *args)
        assert "三级终结" in str(error) and "2026年9月15日" in str(error)


def test_review_and_rereview_are_asked_for_in_order(hall_db: Database) -> None:
    case_id = accepted_on(hall_db, D(2026, 5, 20))
    assert "复查针对已出具的信访处理意见" in str(
        refused(hall_db, cases.request_review, case_id, D(2026, 5, 21))
    )
    assert "复核针对已作出的复查意见" in str(
        refused(hall_db, cases.request_rereview, case_id, D(2026, 5, 21))
    )


def test_a_supported_decision_is_followed_until_carried_out(hall_db: Database) -> None:
    case_id = replied_on(hall_db, D(2026, 6, 10), outcome="support")
    case = get(hall_db, case_id)
    assert case.execution_due == D(2026, 7, 10) and case.watch_due == D(2026, 7, 10)
    with hall_db.read() as s:
        rows = supervision.needing_supervision(s, D(2026, 7, 11))
    assert [r.id for r in rows] == [case_id]
    assert rows[0].reasons == ["“予以支持”的处理意见逾期未落实（期限2026年7月10日）"]
    act(hall_db, cases.record_execution, case_id, D(2026, 7, 12), "补助资金已发放")
    case = get(hall_db, case_id)
    assert (case.executed_on, case.execution_due, case.watch_due) == (D(2026, 7, 12), None, None)
    again = refused(hall_db, cases.record_execution, case_id, D(2026, 7, 13), "再次登记")
    assert "已于2026年7月12日登记落实" in str(again)
    other = replied_on(hall_db, D(2026, 6, 10), outcome="explain")
    assert "没有“予以支持”" in str(
        refused(hall_db, cases.record_execution, other, D(2026, 6, 11), "x")
    )


# ---------------------------------------------------------------------------------------------
# Repeat matters


def visit(db: Database, on: dt.date, id_number: str = ZHANG_ID, purpose: str = "request") -> int:
    with db.write() as s:
        ticket = reception.register(
            s,
            reception.Registration(
                name="张三",
                window="letters",
                id_number=id_number,
                purpose=purpose,
                summary="要求解决宅基地确权纠纷",
            ),
            now=at(on, 9),
        )
        assert ticket.visit_id is not None
        return ticket.visit_id


def open_visit(db: Database, visit_id: int, on: dt.date, **kw: Any) -> int:
    with db.write() as s:
        return cases.open_from_visit(s, visit_id, now=at(on), **kw).id


def test_the_same_matter_again_is_linked_not_opened_twice(hall_db: Database) -> None:
    first_visit = visit(hall_db, D(2026, 3, 2))
    case_id = open_visit(hall_db, first_visit, D(2026, 3, 2))
    assert get(hall_db, case_id).received_on == D(2026, 3, 2)
    with hall_db.write() as s, pytest.raises(IllegalTransition) as twice:
        cases.open_from_visit(s, first_visit, now=at(D(2026, 3, 2)))
    assert "已登记为信访事项义群信〔2026〕0001号" in str(twice.value)

    again = visit(hall_db, D(2026, 3, 20))
    with hall_db.write() as s, pytest.raises(IllegalTransition) as repeat:
        cases.open_from_visit(s, again, now=at(D(2026, 3, 20)))
    assert "义群信〔2026〕0001号（已登记待受理）" in str(repeat.value)
    with hall_db.read() as s:
        visitor_id = s.get_one(PetitionCase, case_id).visitor_id
        matters = cases.open_matters(s, visitor_id, D(2026, 3, 20), "request")
    assert [(m.number, m.overdue) for m in matters] == [("义群信〔2026〕0001号", True)]

    with hall_db.write() as s:
        cases.link_visit(s, case_id, again, "再次来访催办", now=at(D(2026, 3, 20)))
    assert get(hall_db, case_id).repeat_count == 1
    assert last_event(hall_db, case_id)[1]["via"] == "visit"
    with hall_db.write() as s, pytest.raises(IllegalTransition):
        cases.link_visit(s, case_id, again, now=at(D(2026, 3, 21)))

    # Another kind of matter, or one the officer confirms is new, opens its own case.
    inquiry = visit(hall_db, D(2026, 3, 21), purpose="inquiry")
    assert open_visit(hall_db, inquiry, D(2026, 3, 21)) != case_id
    confirmed = visit(hall_db, D(2026, 3, 22))
    assert open_visit(hall_db, confirmed, D(2026, 3, 22), new_matter=True) != case_id


def test_another_persons_visit_is_not_linked(hall_db: Database) -> None:
    case_id = open_visit(hall_db, visit(hall_db, D(2026, 3, 2)), D(2026, 3, 2))
    stranger = visit(hall_db, D(2026, 3, 3), id_number=LI_ID)
    with hall_db.write() as s, pytest.raises(InvalidInput) as error:
        cases.link_visit(s, case_id, stranger, now=at(D(2026, 3, 3)))
    assert "不是同一人" in str(error.value)


def test_a_closed_matter_is_open_while_review_may_be_asked_for(hall_db: Database) -> None:
    case_id = open_visit(hall_db, visit(hall_db, D(2026, 5, 20)), D(2026, 5, 20))
    act(hall_db, cases.accept, case_id, D(2026, 5, 20))
    act(hall_db, cases.reply, case_id, D(2026, 6, 10), "explain", "已解释")
    act(hall_db, cases.close, case_id, D(2026, 6, 11))
    inside = visit(hall_db, D(2026, 7, 10))
    with hall_db.write() as s:
        cases.link_visit(s, case_id, inside, now=at(D(2026, 7, 10)))
    outside = visit(hall_db, D(2026, 7, 11))
    with hall_db.write() as s, pytest.raises(IllegalTransition) as error:
        cases.link_visit(s, case_id, outside, now=at(D(2026, 7, 11)))
    assert "已于2026年7月10日届满" in str(error.value)
    # Past the review time, the same person's new visit may open a case.
    assert open_visit(hall_db, outside, D(2026, 7, 11)) != case_id


def test_a_finally_closed_matter_is_refused_again_with_the_reason(hall_db: Database) -> None:
    case_id = open_visit(hall_db, visit(hall_db, D(2026, 5, 20)), D(2026, 5, 20))
    act(hall_db, cases.accept, case_id, D(2026, 5, 20))
    act(hall_db, cases.reply, case_id, D(2026, 6, 10), "reject", "不符合政策")
    act(hall_db, cases.request_review, case_id, D(2026, 6, 20))
    act(hall_db, cases.decide_review, case_id, D(2026, 7, 10), "reject", "维持")
    act(hall_db, cases.request_rereview, case_id, D(2026, 7, 20))
    act(hall_db, cases.decide_rereview, case_id, D(2026, 8, 10), "reject", "维持")
    later = visit(hall_db, D(2026, 12, 1))
    with hall_db.write() as s, pytest.raises(IllegalTransition) as opened:
        cases.open_from_visit(s, later, now=at(D(2026, 12, 1)))
    assert "三级终结" in str(opened.value) and "2026年8月10日" in str(opened.value)
    with hall_db.write() as s, pytest.raises(IllegalTransition) as linked:
        cases.link_visit(s, case_id, later, now=at(D(2026, 12, 1)))
    assert "不再受理" in str(linked.value)
    with hall_db.read() as s:
        visitor_id = s.get_one(PetitionCase, case_id).visitor_id
        assert [c.id for c in cases.finally_closed(s, visitor_id)] == [case_id]
        assert cases.open_matters(s, visitor_id, D(2026, 12, 1)) == []


# ---------------------------------------------------------------------------------------------
# Accusations: never to the accused unit; readable by few; every view logged


def accusation(db: Database, accused: int) -> int:
    return letter(
        db,
        purpose="report",
        summary="举报街道办工作人员在确权中收受好处",
        accused_unit_id=accused,
        name="王举报",
    )


def test_an_accusation_never_goes_to_the_unit_it_accuses(
    hall_db: Database, unit_ids: dict[str, int]
) -> None:
    street, land = unit_ids["street"], unit_ids["land"]
    case_id = accusation(hall_db, street)
    for action, args in (
        (cases.assign, (street, D(2026, 4, 1))),
        (cases.forward, (street,)),
    ):
        error = refused(hall_db, action, case_id, D(2026, 3, 3), *args)
        assert "是对“千秋路街道办事处”的检举控告" in str(error)
    act(hall_db, cases.assign, case_id, D(2026, 3, 3), land, D(2026, 4, 1))
    with hall_db.write() as s, pytest.raises(IllegalTransition) as order:
        supervision.issue_order(s, case_id, "逾期未办结", unit_id=street, now=at(D(2026, 4, 2)))
    assert "被检举控告的单位" in str(order.value)
    with hall_db.write() as s:
        issued = supervision.issue_order(s, case_id, "逾期未办结", now=at(D(2026, 4, 2)))
        assert issued.unit_id == land


def test_only_accusations_name_an_accused_unit(hall_db: Database, unit_ids: dict[str, int]) -> None:
    with pytest.raises(InvalidInput) as error:
        letter(hall_db, purpose="request", accused_unit_id=unit_ids["street"])
    assert error.value.field == "accused"


@pytest.fixture
def staff(hall_db: Database) -> dict[str, User]:
    people = {
        "admin": ([users.ADMIN], []),
        "leader": ([users.LEADER], []),
        "letters": ([users.OFFICER], ["letters"]),
        "supervision": ([users.OFFICER], ["supervision"]),
        "legal": ([users.OFFICER], ["legal"]),
        "desk": ([users.RECEPTION], []),
        "clerk": ([users.CLERK], ["court"]),
    }
    with hall_db.write() as s:
        return {
            login: users.add_user(s, login, f"{login}员", "secret1", roles, windows)
            for login, (roles, windows) in people.items()
        }


def test_accusations_are_shown_only_to_allowed_roles_and_every_view_is_logged(
    hall_db: Database, unit_ids: dict[str, int], staff: dict[str, User]
) -> None:
    case_id = accusation(hall_db, unit_ids["street"])
    seen: dict[str, cases.CaseView] = {}
    for login, user in staff.items():
        with hall_db.write() as s:
            seen[login] = cases.read_case(s, case_id, user, now=at(D(2026, 3, 5), 11))
    # Not the administrator (三员分立, issue 15).
    allowed = {"leader", "letters", "supervision"}
    for login, shown in seen.items():
        if login in allowed:
            assert not shown.withheld and shown.summary == "举报街道办工作人员在确权中收受好处"
            assert shown.petitioner == "王举报" and shown.accused_unit == "千秋路街道办事处"
        else:
            assert shown.withheld and shown.summary == cases.WITHHELD
            assert shown.petitioner == "王**" and shown.accused_unit == cases.WITHHELD
    with hall_db.read() as s:
        log = [
            (e.kind, e.actor_id, e.at)
            for e in events.for_entity(s, "case", case_id)
            if e.kind.startswith("case.view")
        ]
    assert log == [
        (
            "case.viewed" if login in allowed else "case.view_withheld",
            user.id,
            at(D(2026, 3, 5), 11),
        )
        for login, user in staff.items()
    ]


def test_ordinary_cases_are_read_without_an_access_log(
    hall_db: Database, staff: dict[str, User]
) -> None:
    case_id = letter(hall_db)
    with hall_db.write() as s:
        shown = cases.read_case(s, case_id, staff["desk"], now=at(D(2026, 3, 5)))
        kinds = [e.kind for e in events.for_entity(s, "case", case_id)]
    assert not shown.withheld and shown.summary == "要求解决宅基地确权纠纷"
    assert kinds == ["case.registered"]


def test_lists_and_the_event_log_never_carry_an_accusations_content(
    hall_db: Database, unit_ids: dict[str, int]
) -> None:
    case_id = accusation(hall_db, unit_ids["street"])
    act(hall_db, cases.assign, case_id, D(2026, 3, 3), unit_ids["land"], D(2026, 4, 1))
    with hall_db.read() as s:
        [row] = supervision.overdue(s, D(2026, 4, 2))
        logged = json.dumps(
            [e.payload for e in events.for_entity(s, "case", case_id)], ensure_ascii=False
        )
    assert (row.summary, row.petitioner, row.confidential) == (cases.WITHHELD, "王**", True)
    assert "举报" not in logged and "王举报" not in logged and "千秋路" not in logged


# ---------------------------------------------------------------------------------------------
# Documents issued and reprinted


def test_documents_are_issued_only_when_the_case_has_reached_them(
    hall_db: Database, unit_ids: dict[str, int]
) -> None:
    case_id = letter(hall_db)
    with hall_db.write() as s, pytest.raises(IllegalTransition) as early:
        cases.issue_document(s, case_id, ACCEPTANCE, PDF, D(2026, 3, 3), now=at(D(2026, 3, 3)))
    assert "尚未受理或交办，不能出具受理告知书" in str(early.value)
    act(hall_db, cases.assign, case_id, D(2026, 3, 3), unit_ids["land"], D(2026, 4, 1))
    case = get(hall_db, case_id)
    assert cases.document_refusal(case, ASSIGNMENT) == ""
    assert "尚未出具处理意见" in cases.document_refusal(case, REPLY)
    assert "没有“notice”这种文书" in cases.document_refusal(case, "notice")
    with hall_db.write() as s, pytest.raises(InvalidInput):
        cases.issue_document(s, case_id, ACCEPTANCE, b"GIF89a", D(2026, 3, 3))


def test_each_issue_and_reprint_of_a_document_is_recorded_with_its_date(
    hall_db: Database,
) -> None:
    case_id = accepted_on(hall_db, D(2026, 3, 2))
    with hall_db.write() as s:
        document_id = cases.issue_document(
            s, case_id, ACCEPTANCE, PDF, D(2026, 3, 2), now=at(D(2026, 3, 2), 10)
        ).id
    with hall_db.write() as s:
        assert cases.reissue_document(s, document_id, "printed", now=at(D(2026, 3, 2), 11)) == PDF
        assert cases.reissue_document(s, document_id, "reprinted", now=at(D(2026, 3, 9))) == PDF
        with pytest.raises(InvalidInput):
            cases.reissue_document(s, document_id, "faxed")
    with hall_db.read() as s:
        history = [(h.what, h.at) for h in cases.document_history(s, document_id)]
        kept = [(d.kind, d.issued_on, d.pdf) for d in cases.documents(s, case_id)]
        shown = cases.view(s, s.get_one(PetitionCase, case_id), D(2026, 3, 9))
    assert history == [
        ("出具", at(D(2026, 3, 2), 10)),
        ("打印", at(D(2026, 3, 2), 11)),
        ("重新打印", at(D(2026, 3, 9))),
    ]
    assert shown.documents == ["受理告知书"]
    assert kept == [(ACCEPTANCE, D(2026, 3, 2), PDF)]


# ---------------------------------------------------------------------------------------------
# The view


def test_the_view_tells_alerts_days_left_and_review_time(hall_db: Database) -> None:
    case_id = letter(hall_db)
    with hall_db.read() as s:
        case = s.get_one(PetitionCase, case_id)
        fresh = cases.view(s, case, D(2026, 3, 2))
        urgent = cases.view(s, case, D(2026, 3, 15))
    assert (fresh.alert, fresh.days_left, fresh.state_name) == (0, 15, "已登记待受理")
    assert (urgent.alert, urgent.alert_name, urgent.days_left) == (
        Alert.EIGHTY_FIVE,
        "已用时 85%",
        2,
    )
    replied = replied_on(hall_db, D(2026, 6, 10))
    with hall_db.read() as s:
        shown = cases.view(s, s.get_one(PetitionCase, replied), D(2026, 6, 11))
    assert shown.review_request_until == D(2026, 7, 10) and shown.due_on is None
    data = shown.as_json()
    assert data["review_request_until"] == "2026-07-10" and data["state"] == REPLIED
    json.dumps(data, ensure_ascii=False)


def test_a_case_needing_a_year_the_calendar_lacks_warns(hall_db: Database) -> None:
    unknown = max(calendar.library_years()) + 1
    case_id = letter(hall_db, D(unknown - 1, 12, 21))
    with hall_db.read() as s:
        case = s.get_one(PetitionCase, case_id)
        shown = cases.view(s, case, D(unknown - 1, 12, 21))
        general = cases.calendar_warning(s, D(unknown - 1, 12, 21))
    assert case.decide_due.year == unknown
    assert f"{unknown} 年" in shown.calendar_warning and f"{unknown} 年" in general
    early = letter(hall_db, D(2026, 3, 2))
    with hall_db.read() as s:
        assert cases.view(s, s.get_one(PetitionCase, early), D(2026, 3, 2)).calendar_warning == ""
