"""A case's hearing time is not counted in its handling limit (信访工作条例: 听证所需时间不计算
在期限内), on both databases, on the package's calendar of 2026: accepted on Monday 1 June, the
60 days end on Friday 31 July; a hearing of 5 days moves that to Wednesday 5 August, and no
day off lies near either end, so the limit moves by exactly the hearing's days."""

from __future__ import annotations

import datetime as dt

from db.engine import Database
from db.models import User
from hall import calendar, cases, users
from hall.mechanisms import hearings
from tests.hall.test_cases import act, at, get, letter
from tests.hall.test_recalculation import adjustments

D = dt.date
ACCEPTED = D(2026, 6, 1)
STATUTORY = D(2026, 7, 31)
HEARD = D(2026, 6, 20)


def _accepted(db: Database) -> int:
    case_id = letter(db, D(2026, 5, 28))
    act(db, cases.accept, case_id, ACCEPTED)
    assert get(db, case_id).handle_due == STATUTORY
    return case_id


def _hear(db: Database, case_id: int, days: int, held: dt.date = HEARD) -> None:
    with db.write() as s:
        hearings.schedule(
            s,
            hearings.HearingInput(
                held_on=held, place="听证室", chair="王建国", case_id=case_id, days=days
            ),
            now=at(held),
        )


def test_a_hearing_moves_the_handling_limit_by_its_days(hall_db: Database) -> None:
    case_id = _accepted(hall_db)
    _hear(hall_db, case_id, 5)
    case = get(hall_db, case_id)
    assert case.handle_due == STATUTORY + dt.timedelta(days=5) == D(2026, 8, 5)
    with hall_db.read() as s:
        assert hearings.excluded_days(s, case_id) == 5
    [moved] = adjustments(hall_db, "case", case_id)
    assert moved["deadline"] == "handle_due"
    assert moved["text"] == "听证所需时间不计入期限：由2026年7月31日调整为2026年8月5日"
    # A second hearing adds its days to the first's.
    _hear(hall_db, case_id, 2, D(2026, 7, 1))
    assert get(hall_db, case_id).handle_due == D(2026, 8, 7)


def test_an_extension_and_a_recomputation_keep_the_hearing_days(hall_db: Database) -> None:
    case_id = _accepted(hall_db)
    _hear(hall_db, case_id, 5)
    act(hall_db, cases.extend, case_id, D(2026, 7, 1), 10, "需补充调查")
    # 60 + 10 + 5 days from 1 June: Saturday 15 August, so Monday 17 August.
    assert get(hall_db, case_id).handle_due == D(2026, 8, 17)
    # A holiday entered on that day moves it on, still counting the hearing's days.
    with hall_db.write() as s:
        calendar.add_holiday(s, D(2026, 8, 17), "临时假日", now=at(D(2026, 7, 2)))
    assert get(hall_db, case_id).handle_due == D(2026, 8, 18)


def test_an_assigned_units_date_moves_too_within_the_limit(hall_db: Database) -> None:
    case_id = letter(hall_db, D(2026, 5, 28))
    with hall_db.write() as s:
        unit = cases.add_unit(s, "千秋镇政府", "乡镇街道")
        s.flush()
        unit_id = unit.id
    act(hall_db, cases.assign, case_id, ACCEPTED, unit_id, D(2026, 7, 15))
    _hear(hall_db, case_id, 5)
    case = get(hall_db, case_id)
    assert (case.handle_due, case.assigned_due) == (D(2026, 8, 5), D(2026, 7, 20))
    assert {a["deadline"] for a in adjustments(hall_db, "case", case_id)} == {
        "handle_due",
        "assigned_due",
    }


def test_a_hearing_before_the_decision_counts_from_acceptance(hall_db: Database) -> None:
    case_id = letter(hall_db, D(2026, 5, 28))
    _hear(hall_db, case_id, 3, D(2026, 5, 29))
    assert adjustments(hall_db, "case", case_id) == []
    act(hall_db, cases.accept, case_id, ACCEPTED)
    assert get(hall_db, case_id).handle_due == D(2026, 8, 3)


def test_a_decisions_hearing_touches_no_case(hall_db: Database) -> None:
    case_id = _accepted(hall_db)
    with hall_db.write() as s:
        officer = users.add_user(s, "banxin", "冯芳", "secret1", [users.OFFICER], ["letters"])
        hearings.schedule(
            s,
            hearings.HearingInput("老城区改造方案", HEARD, "三楼会议室", "李红", days=4),
            actor=s.get_one(User, officer.id),
            now=at(HEARD),
        )
    assert get(hall_db, case_id).handle_due == STATUTORY
    assert adjustments(hall_db, "case", case_id) == []


def test_a_review_or_rereview_hearing_moves_that_decision_limit(hall_db: Database) -> None:
    case_id = _accepted(hall_db)
    _hear(hall_db, case_id, 5)
    act(hall_db, cases.reply, case_id, D(2026, 7, 1), "reject", "经核查，诉求不符合政策规定")
    # Monday 6 July + 30 days: Wednesday 5 August; the handling stage's hearing is not counted.
    act(hall_db, cases.request_review, case_id, D(2026, 7, 6))
    assert get(hall_db, case_id).review_due == D(2026, 8, 5)
    _hear(hall_db, case_id, 2, D(2026, 7, 10))
    case = get(hall_db, case_id)
    assert (case.review_due, case.due_on) == (D(2026, 8, 7), D(2026, 8, 7))
    assert adjustments(hall_db, "case", case_id)[-1]["deadline"] == "review_due"
    act(hall_db, cases.decide_review, case_id, D(2026, 7, 15), "reject", "维持原处理意见")
    # Monday 20 July + 30 days: Wednesday 19 August; neither earlier hearing counts.
    act(hall_db, cases.request_rereview, case_id, D(2026, 7, 20))
    assert get(hall_db, case_id).rereview_due == D(2026, 8, 19)
    _hear(hall_db, case_id, 2, D(2026, 7, 27))
    assert get(hall_db, case_id).rereview_due == D(2026, 8, 21)
    # A holiday entered on that day moves it on, still counting the hearing's days.
    with hall_db.write() as s:
        calendar.add_holiday(s, D(2026, 8, 21), "临时假日", now=at(D(2026, 7, 28)))
    assert get(hall_db, case_id).rereview_due == D(2026, 8, 24)


def test_an_accusations_hearing_does_not_name_its_matter(hall_db: Database) -> None:
    case_id = letter(hall_db, D(2026, 5, 28), purpose="report", summary="举报某局长受贿")
    _hear(hall_db, case_id, 1)
    with hall_db.read() as s:
        [row] = hearings.listing(s)
    assert "受贿" not in row.subject and cases.WITHHELD in row.subject
