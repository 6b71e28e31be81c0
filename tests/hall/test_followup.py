"""Follow-ups (回访) on both databases: due from their day, the result recorded once by the
window's officer, the next one scheduled from it."""

from __future__ import annotations

import datetime as dt

import pytest

from db.engine import Database
from db.window_models import FOLLOW_UP, FOLLOW_UP_DONE, FollowUp
from hall import followup, outcomes
from hall.errors import IllegalTransition, InvalidInput, PermissionDenied
from tests.hall.window_helpers import T0, event_kinds, person, serving, setup_hall

LATER = T0 + dt.timedelta(minutes=10)
DUE = dt.date(2026, 3, 9)


@pytest.fixture
def hall(db: Database) -> Database:
    setup_hall(db)
    for name, day in (("王建军", DUE), ("刘桂英", DUE + dt.timedelta(days=3))):
        ticket_id = serving(db, "talk", name, phone="13903981234", summary="拆迁补偿")
        with db.write() as s:
            outcomes.finish(
                s,
                ticket_id,
                outcomes.Outcome(
                    FOLLOW_UP,
                    outcomes.TalkEntry(received_by="赵红"),
                    follow_up_on=day,
                    follow_up_subject=f"了解{name}的补偿是否落实",
                ),
                actor=person(db, "tanxin"),
                now=LATER,
            )
    return db


def test_due_from_its_day_the_longest_waiting_first(hall: Database) -> None:
    talk = person(hall, "tanxin")
    with hall.read() as s:
        assert followup.due(s, "talk", DUE - dt.timedelta(days=1), talk) == []
        [first] = followup.due(s, "talk", DUE, talk)
        assert (first.visitor_name, first.phone, first.days_late) == ("王建军", "13903981234", 0)
        later = followup.due(s, "talk", DUE + dt.timedelta(days=5), talk)
        assert [(r.visitor_name, r.days_late) for r in later] == [("王建军", 5), ("刘桂英", 2)]
        assert followup.count_due(s, "talk", DUE + dt.timedelta(days=5)) == 2
        assert followup.due(s, "legal", DUE + dt.timedelta(days=5), talk) == []


def test_the_result_is_recorded_once_and_may_set_the_next(hall: Database) -> None:
    talk = person(hall, "tanxin")
    on = dt.datetime.combine(DUE, dt.time(10))
    with hall.read() as s:
        [row] = followup.due(s, "talk", DUE, talk)
    for method, result, field in (("fax", "已落实", "method"), ("phone", " ", "result")):
        with hall.write() as s, pytest.raises(InvalidInput) as refused:
            followup.record_result(s, row.id, method, result, talk, now=on)
        assert refused.value.field == field
    with hall.write() as s, pytest.raises(PermissionDenied):
        followup.record_result(s, row.id, "phone", "已落实", person(hall, "falv"), now=on)
    with hall.write() as s:
        followup.record_result(
            s,
            row.id,
            "phone",
            "街道办已上门核实面积，补偿款下月发放",
            talk,
            next_on=DUE + dt.timedelta(days=30),
            next_subject="了解补偿款是否到账",
            now=on,
        )
    with hall.write() as s, pytest.raises(IllegalTransition):
        followup.record_result(s, row.id, "phone", "再次登记", talk, now=on)
    with hall.read() as s:
        done = s.get_one(FollowUp, row.id)
        assert (done.state, done.method, done.done_on) == (FOLLOW_UP_DONE, "phone", DUE)
        assert followup.due(s, "talk", DUE, talk) == []
        history = followup.of_visit(s, row.visit_id, talk, DUE)
        assert [(h.state_name, h.method_name, h.subject) for h in history] == [
            ("已回访", "电话回访", "了解王建军的补偿是否落实"),
            ("待回访", "", "了解补偿款是否到账"),
        ]
    assert event_kinds(hall, "follow_up") == [
        "follow_up.scheduled",
        "follow_up.scheduled",
        "follow_up.done",
        "follow_up.scheduled",
    ]
