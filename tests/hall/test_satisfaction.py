"""Satisfaction ratings on both databases: once per finished service, by the officer or the
visitor, what the evaluator asks about, and the figures with unrated services counted."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from db.engine import Database
from db.models import Event
from db.window_models import BY_OFFICER, BY_VISITOR, Satisfaction
from hall import queue, reception, satisfaction
from hall.errors import IllegalTransition, InvalidInput

NOW = dt.datetime(2026, 11, 23, 9, 0)


def served(database: Database, name: str, window: str = "legal", seat: int = 1) -> int:
    """A visitor registered, called to ``seat``, served and finished; returns the ticket id."""
    with database.write() as s:
        ticket = reception.register(
            s, reception.Registration(name=name, window=window, summary="来访咨询"), now=NOW
        )
        queue.call_ticket(s, ticket.id, seat=seat, now=NOW + dt.timedelta(minutes=1))
        queue.start(s, ticket.id, now=NOW + dt.timedelta(minutes=2))
        queue.finish(s, ticket.id, "已答复", now=NOW + dt.timedelta(minutes=8))
        return ticket.id


def test_a_finished_service_is_rated_once(hall_db: Database) -> None:
    ticket_id = served(hall_db, "王建军")
    with hall_db.write() as s:
        rating = satisfaction.rate(s, ticket_id, "满意", now=NOW + dt.timedelta(minutes=9))
        assert (rating.score, rating.source) == ("satisfied", BY_VISITOR)
    with hall_db.write() as s, pytest.raises(IllegalTransition) as refused:
        satisfaction.rate(s, ticket_id, "dissatisfied", source=BY_OFFICER)
    assert str(refused.value) == "A001 号已评价为“满意”（来访人自行评价），不能重复评价。"
    with hall_db.read() as s:
        assert s.get_one(Satisfaction, ticket_id).score == "satisfied"
        event = s.scalars(select(Event).where(Event.kind == "ticket.rated")).one()
        assert event.entity_id == ticket_id
        assert event.payload["window"] == "legal" and event.payload["score"] == "satisfied"


def test_only_finished_services_and_known_scores(hall_db: Database) -> None:
    with hall_db.write() as s:
        waiting = reception.register(
            s, reception.Registration(name="陈志强", window="legal", summary="来访咨询")
        )
        waiting_id = waiting.id
    with hall_db.write() as s, pytest.raises(IllegalTransition) as refused:
        satisfaction.rate(s, waiting_id, "满意")
    assert "当前状态为“等候中”，只有办结的服务才能评价" in str(refused.value)
    finished = served(hall_db, "王建军")
    with hall_db.write() as s, pytest.raises(InvalidInput) as bad:
        satisfaction.rate(s, finished, "很好")
    assert str(bad.value) == "评价“很好”无效，应为：满意、基本满意、不满意。"
    with hall_db.write() as s, pytest.raises(InvalidInput):
        satisfaction.rate(s, finished, "basic", source="robot")
    with hall_db.read() as s:
        assert s.scalar(select(func.count()).select_from(Satisfaction)) == 0
        assert s.scalar(select(func.count()).where(Event.kind == "ticket.rated")) == 0


def test_the_evaluator_asks_about_the_seats_last_finished_service(hall_db: Database) -> None:
    first = served(hall_db, "王建军", seat=1)
    served(hall_db, "刘桂英", seat=2)
    later = NOW + dt.timedelta(minutes=10)
    with hall_db.read() as s:
        asked = satisfaction.awaiting(s, "legal", 1, now=later)
        assert asked is not None and asked.id == first and asked.visitor_name == "王建军"
        # A visitor who walked away long ago is not asked about.
        assert satisfaction.awaiting(s, "legal", 1, now=later + dt.timedelta(minutes=10)) is None
    with hall_db.write() as s:
        satisfaction.rate(s, first, "basic", now=later)
    with hall_db.read() as s:
        assert satisfaction.awaiting(s, "legal", 1, now=later) is None
        seat_two = satisfaction.awaiting(s, "legal", 2, now=later)
        assert seat_two is not None and seat_two.visitor_name == "刘桂英"
    # Once the seat calls its next visitor, the evaluator stops asking about the last one.
    with hall_db.write() as s:
        nxt = reception.register(
            s, reception.Registration(name="孙浩", window="legal", summary="来访咨询"), now=NOW
        )
        queue.call_ticket(s, nxt.id, seat=2, now=later)
    with hall_db.read() as s:
        assert satisfaction.awaiting(s, "legal", 2, now=later) is None


def test_figures_count_the_unrated(hall_db: Database) -> None:
    tickets = [served(hall_db, f"来访人{i}") for i in range(5)]
    aid = served(hall_db, "赵淑兰", window="aid")
    with hall_db.write() as s:
        satisfaction.rate(s, tickets[0], "满意")
        satisfaction.rate(s, tickets[1], "基本满意", source=BY_OFFICER)
        satisfaction.rate(s, tickets[2], "不满意")
        satisfaction.rate(s, aid, "满意")
    with hall_db.read() as s:
        rows = {f.window: f for f in satisfaction.figures(s, NOW.date(), NOW.date())}
        outside = satisfaction.figures(
            s, NOW.date() + dt.timedelta(days=1), NOW.date().replace(month=12)
        )
    legal = rows["legal"]
    assert (legal.finished, legal.rated, legal.unrated) == (5, 3, 2)
    assert (legal.satisfied, legal.basic, legal.dissatisfied, legal.by_visitor) == (1, 1, 1, 2)
    assert legal.participation == pytest.approx(3 / 5)
    assert legal.satisfaction == pytest.approx(2 / 3)
    assert rows["aid"].satisfaction == 1.0 and rows["aid"].unrated == 0
    assert rows["talk"].finished == 0 and rows["talk"].participation is None
    total = rows[""]
    assert (total.window_name, total.finished, total.rated, total.unrated) == ("全大厅", 6, 4, 2)
    assert all(f.finished == 0 for f in outside)
