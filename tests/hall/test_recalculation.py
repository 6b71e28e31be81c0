"""Open deadlines recomputed when the holiday calendar changes (issue 11), on both databases.

2027 is a year the package's calendar lacks: until its notice is entered, the days off fixed by
law stand (元旦; 春节 5–8 February, 除夕 to 正月初三). The notice entered here is made up for the
test (the real one may differ): 元旦 1 January, 春节 5–11 February with make-up workdays on
Saturdays 30 January and 20 February.
"""

from __future__ import annotations

import datetime as dt

import chinese_calendar  # type: ignore[import-untyped]
import pytest
from sqlalchemy import func, select

from db import events
from db.case_models import PetitionCase, SupervisionOrder
from db.court_models import SMALL_CLAIMS, CourtCase
from db.engine import Database
from db.event_kinds import EventKind
from db.models import Event, User
from hall import calendar, cases, clock, court_cases, letters, recalculation, supervision, users
from hall.statutory_holidays import statutory_holidays
from tests.daytime import pin_clock
from tests.hall import court_helpers
from tests.hall.test_cases import act, at, get, letter

D = dt.date
NOTICE_2027_HOLIDAYS = {
    D(2027, 1, 1): "元旦",
    **{D(2027, 2, day): "春节" for day in range(5, 12)},
}
NOTICE_2027_WORKDAYS = {D(2027, 1, 30): "春节调休上班", D(2027, 2, 20): "春节调休上班"}


@pytest.fixture
def officer(hall_db: Database) -> User:
    with hall_db.write() as s:
        return users.add_user(s, "banxin", "冯芳", "secret1", [users.OFFICER], ["letters"])


def enter_2027_notice(db: Database) -> None:
    with db.write() as s:
        calendar.enter_notice(s, 2027, NOTICE_2027_HOLIDAYS, NOTICE_2027_WORKDAYS)


def adjustments(db: Database, entity: str, entity_id: int) -> list[dict[str, object]]:
    with db.read() as s:
        return [
            e.payload
            for e in events.for_entity(s, entity, entity_id)
            if e.kind == EventKind.DEADLINE_ADJUSTED
        ]


def registered_letter(db: Database, officer: User, day: dt.date) -> int:
    with db.write() as s:
        return letters.register_letter(
            s,
            letters.LetterRegistration(
                sender_name="张三", received_on=day, summary="要求解决宅基地确权纠纷"
            ),
            actor=s.get_one(User, officer.id),
            now=at(day),
        ).id


def test_a_letter_limit_on_new_years_day_moves_when_the_year_is_entered(
    hall_db: Database, officer: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    pin_clock(monkeypatch, day=D(2026, 12, 17))
    fresh = registered_letter(hall_db, officer, D(2026, 12, 17))
    stale = registered_letter(hall_db, officer, D(2026, 12, 17))
    # 17 December + 15 days is 1 January 2027, 元旦, fixed by law: the limit ends on Monday
    # 4 January even before 2027's notice is entered, and the case still warns of it.
    with hall_db.read() as s:
        assert (
            "2027 年"
            in cases.view(s, s.get_one(PetitionCase, fresh), D(2026, 12, 17)).calendar_warning
        )
    assert get(hall_db, fresh).decide_due == D(2027, 1, 4)
    # A row the program stored before it knew the days fixed by law: weekends only.
    with hall_db.write() as s:
        row = s.get_one(PetitionCase, stale)
        row.decide_due = D(2027, 1, 1)
        cases.refresh_limits(row)
    enter_2027_notice(hall_db)
    case = get(hall_db, stale)
    assert (case.decide_due, case.due_on) == (D(2027, 1, 4), D(2027, 1, 4))
    assert case.alert_99_on == D(2027, 1, 4)
    [moved] = adjustments(hall_db, "case", stale)
    assert moved["text"] == "期限因节假日调整：由2027年1月1日调整为2027年1月4日"
    assert (moved["deadline"], moved["old"], moved["new"]) == (
        "decide_due",
        "2027-01-01",
        "2027-01-04",
    )
    assert moved["notify"] == [officer.id]
    # The fresh case was already right: nothing moved, nothing logged.
    assert get(hall_db, fresh).decide_due == D(2027, 1, 4)
    assert adjustments(hall_db, "case", fresh) == []
    with hall_db.read() as s:
        assert calendar.missing_years(s, D(2027, 1, 1), D(2027, 12, 31)) == []


def test_a_holiday_added_and_removed_moves_a_limit_and_moves_it_back(
    hall_db: Database, officer: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    pin_clock(monkeypatch, day=D(2026, 12, 17))
    case_id = registered_letter(hall_db, officer, D(2026, 12, 17))
    with hall_db.write() as s:
        calendar.add_holiday(s, D(2027, 1, 4), "地方假日")
    assert get(hall_db, case_id).due_on == D(2027, 1, 5)
    with hall_db.write() as s:
        calendar.remove_day(s, D(2027, 1, 4))
    assert get(hall_db, case_id).due_on == D(2027, 1, 4)
    assert [m["text"] for m in adjustments(hall_db, "case", case_id)] == [
        "期限因节假日调整：由2027年1月4日调整为2027年1月5日",
        "期限因节假日调整：由2027年1月5日调整为2027年1月4日",
    ]


def test_an_extended_handling_limit_moves_with_the_spring_festival(
    hall_db: Database, officer: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    pin_clock(monkeypatch, day=D(2026, 12, 1))
    case_id = letter(hall_db, D(2026, 11, 10))
    act(hall_db, cases.accept, case_id, D(2026, 11, 10))
    act(hall_db, cases.extend, case_id, D(2026, 12, 1), 30, "需要实地调查")
    # 10 November + 90 days is Monday 8 February 2027, 正月初三 under the law.
    assert get(hall_db, case_id).handle_due == D(2027, 2, 9)
    enter_2027_notice(hall_db)
    case = get(hall_db, case_id)
    assert (case.handle_due, case.due_on, case.watch_due) == (D(2027, 2, 12),) * 3
    [moved] = adjustments(hall_db, "case", case_id)
    assert moved["deadline"] == "handle_due"
    assert moved["text"] == "期限因节假日调整：由2027年2月9日调整为2027年2月12日"


def test_a_small_claims_limit_on_the_third_day_of_the_new_year_moves(
    hall_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    registered = D(2026, 12, 8)
    pin_clock(monkeypatch, day=registered)
    court_helpers.add_people(hall_db)
    now = at(registered)
    fresh = court_helpers.register(
        hall_db, court_helpers.accepted_case(hall_db, now=now), now=now, track=SMALL_CLAIMS
    ).id
    stale = court_helpers.register(
        hall_db, court_helpers.accepted_case(hall_db, now=now), now=now, track=SMALL_CLAIMS
    ).id
    closed = court_helpers.register(
        hall_db, court_helpers.accepted_case(hall_db, now=now), now=now, track=SMALL_CLAIMS
    ).id
    with hall_db.write() as s:
        clerk = users.by_login(s, "shuji")
        # 8 December + 2 months is 8 February 2027, 正月初三.
        assert s.get_one(CourtCase, fresh).due_on == D(2027, 2, 9)
        s.get_one(CourtCase, stale).due_on = D(2027, 2, 8)  # as stored before, weekends only
        file = s.get_one(CourtCase, closed)
        file.outcome, file.closed_on, file.due_on = "withdrawn", registered, D(2027, 2, 8)
    enter_2027_notice(hall_db)
    with hall_db.read() as s:
        due = {i: s.get_one(CourtCase, i).due_on for i in (fresh, stale, closed)}
    assert due == {fresh: D(2027, 2, 12), stale: D(2027, 2, 12), closed: D(2027, 2, 8)}
    [moved] = adjustments(hall_db, "court_case", stale)
    assert moved["text"] == "期限因节假日调整：由2027年2月8日调整为2027年2月12日"
    assert (moved["deadline"], moved["notify"]) == ("trial_due", [clerk.id])
    assert adjustments(hall_db, "court_case", closed) == []


def test_a_supervision_reply_date_moves_off_a_new_holiday_and_never_back(
    hall_db: Database, officer: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    pin_clock(monkeypatch, day=D(2026, 12, 16))
    with hall_db.write() as s:
        unit = cases.add_unit(s, "义马市自然资源局", "市直部门").id
        supervisor = users.add_user(
            s, "jiancha", "郑军", "secret1", [users.OFFICER], ["supervision"]
        )
    case_id = letter(hall_db, D(2026, 12, 1))
    with hall_db.write() as s:
        cases.assign(
            s,
            case_id,
            unit,
            D(2026, 12, 15),
            actor=s.get_one(User, officer.id),
            now=at(D(2026, 12, 1)),
        )
        # 16 December + 10 days is Saturday 26 December: due Monday 28 December.
        order = supervision.issue_order(
            s,
            case_id,
            "逾期未报送办结报告",
            actor=s.get_one(User, supervisor.id),
            now=at(D(2026, 12, 16)),
        )
        order_id = order.id
        assert order.reply_due == D(2026, 12, 28)
        calendar.add_holiday(s, D(2026, 12, 28), "地方假日")
    with hall_db.read() as s:
        assert s.get_one(SupervisionOrder, order_id).reply_due == D(2026, 12, 29)
    with hall_db.write() as s:
        calendar.remove_day(s, D(2026, 12, 28))
    with hall_db.read() as s:
        # The unit was told 29 December in writing: a date given is not brought forward.
        assert s.get_one(SupervisionOrder, order_id).reply_due == D(2026, 12, 29)
        timeline = [
            e for e in supervision.case_history(s, case_id) if e.kind == EventKind.DEADLINE_ADJUSTED
        ]
    assert [(e.entity, e.payload["text"], e.payload["notify"]) for e in timeline] == [
        (
            "supervision_order",
            "期限因节假日调整：由2026年12月28日调整为2026年12月29日",
            sorted([supervisor.id, officer.id]),
        )
    ]


def test_the_calendar_change_and_the_moves_are_one_transaction(
    hall_db: Database, officer: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    pin_clock(monkeypatch, day=D(2026, 12, 17))
    case_id = registered_letter(hall_db, officer, D(2026, 12, 17))
    with pytest.raises(RuntimeError), hall_db.write() as s:
        calendar.add_holiday(s, D(2027, 1, 4), "地方假日")
        raise RuntimeError("the administrator's action fails after the change")
    assert get(hall_db, case_id).due_on == D(2027, 1, 4)
    with hall_db.read() as s:
        assert s.scalar(select(func.count()).where(Event.kind == EventKind.DEADLINE_ADJUSTED)) == 0
    with hall_db.write() as s:
        calendar.add_holiday(s, D(2027, 1, 4), "地方假日")
    assert get(hall_db, case_id).due_on == D(2027, 1, 5)
    # Recomputing again finds nothing more to move.
    with hall_db.write() as s:
        assert recalculation.recompute(s, D(2027, 1, 4), D(2027, 1, 4)) == []


def next_workday_oracle(day: dt.date) -> dt.date:
    """The working day on or after ``day``: the package's calendar for the years it knows,
    else weekends and the days fixed by law (hall.statutory_holidays, checked against literal
    dates in test_statutory_holidays.py)."""
    known = max(calendar.library_years())
    while True:
        if day.year <= known:
            if chinese_calendar.is_workday(day):
                return day
        elif day.weekday() < 5 and day not in statutory_holidays(day.year):
            return day
        day += dt.timedelta(days=1)


@pytest.mark.dated
def test_deadlines_set_today_are_right_and_follow_the_next_years_notice(
    hall_db: Database, hall_day: dt.date
) -> None:
    """Whatever today is — a Friday, the eve of a holiday, 31 December, 29 February, the last
    working day before 春节 — a case and a small-claims file registered today get their limits
    from the calendar, and entering the next unknown year's notice moves exactly those that
    end on a day it changes, each once."""
    court_helpers.add_people(hall_db)
    now = clock.now()
    with hall_db.read() as s:
        officer = users.by_login(s, "banxin")
    case_id = registered_letter(hall_db, officer, hall_day)
    file_id = court_helpers.register(
        hall_db, court_helpers.accepted_case(hall_db, now=now), now=now, track=SMALL_CLAIMS
    ).id
    decide = next_workday_oracle(hall_day + dt.timedelta(days=15))
    trial = next_workday_oracle(court_cases.add_months(hall_day, 2))
    assert get(hall_db, case_id).decide_due == decide
    with hall_db.read() as s:
        assert s.get_one(CourtCase, file_id).due_on == trial
    # A notice for the first year the package lacks that makes each limit ending in that year
    # a day off (besides 元旦): each such limit moves to the next working day under the
    # notice, once; a limit outside that year does not move.
    unknown = max(calendar.library_years()) + 1
    targets = {d for d in (decide, trial) if d.year == unknown}
    notice = {dt.date(unknown, 1, 1): "元旦"} | {d: "地方假日" for d in targets}
    with hall_db.write() as s:
        calendar.enter_notice(s, unknown, notice, {})
    for target, entity, entity_id in ((decide, "case", case_id), (trial, "court_case", file_id)):
        moved = adjustments(hall_db, entity, entity_id)
        if target in targets:
            after = target + dt.timedelta(days=1)
            while after.weekday() >= 5 or after in notice:
                after += dt.timedelta(days=1)
            assert [(m["old"], m["new"]) for m in moved] == [
                (target.isoformat(), after.isoformat())
            ]
        else:
            assert moved == []


def test_after_an_upgrade_the_years_without_a_notice_are_recomputed_once(
    hall_db: Database, officer: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    pin_clock(monkeypatch, day=D(2026, 12, 17))
    case_id = registered_letter(hall_db, officer, D(2026, 12, 17))
    with hall_db.write() as s:
        row = s.get_one(PetitionCase, case_id)
        row.decide_due = D(2027, 1, 1)  # as the program before stored it, weekends only
        cases.refresh_limits(row)
    with hall_db.write() as s:
        [moved] = recalculation.recompute_missing_years(s, D(2026, 12, 17))
        assert recalculation.recompute_missing_years(s, D(2026, 12, 17)) == []
    assert (moved.entity_id, moved.old, moved.new) == (case_id, D(2027, 1, 1), D(2027, 1, 4))
    assert get(hall_db, case_id).due_on == D(2027, 1, 4)
