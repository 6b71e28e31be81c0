"""The live feed: events committed by other processes reach this one's GUI thread."""

from __future__ import annotations

import gc
import json
import subprocess
from collections.abc import Iterator

import psycopg
import pytest
import shiboken6
from pytestqt.qtbot import QtBot

from db import listen
from db.engine import Database
from hall import catalog, queue
from kit.context import HallEvent, HallEvents
from kit.live import LiveFeed
from tests.desktop.conftest import HALL_ADMIN


def issue_elsewhere(database: Database, window: str = "legal") -> dict[str, object]:
    """Issue a ticket from another OS process, as a second workstation would."""
    done = subprocess.run(
        [HALL_ADMIN, "--db", database.url, "queue", "issue", "--window", window, "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    ticket: dict[str, object] = json.loads(done.stdout)
    return ticket


@pytest.fixture
def feed(hall_db: Database, hall_events: HallEvents, qtbot: QtBot) -> Iterator[LiveFeed]:
    feed = LiveFeed(hall_db, hall_events, retry_ms=300)
    feed.start()
    qtbot.waitUntil(lambda: feed.online, timeout=5000)
    yield feed
    feed.stop()


def test_delivers_an_event_committed_by_another_process_within_a_second(
    hall_db: Database, hall_events: HallEvents, qtbot: QtBot
) -> None:
    with hall_db.write() as session:
        before = queue.issue_ticket(session, "aid").number
    received: list[HallEvent] = []
    changed: list[str] = []
    hall_events.received.connect(received.append)
    hall_events.queue_changed.connect(changed.append)
    feed = LiveFeed(hall_db, hall_events)
    feed.start()
    qtbot.waitUntil(lambda: feed.online, timeout=5000)
    try:
        # The timeout runs from when the other process has committed and exited.
        with qtbot.waitSignal(
            hall_events.received,
            timeout=1000,
            check_params_cb=lambda event: event.kind == "ticket.issued",
        ) as blocker:
            ticket = issue_elsewhere(hall_db)
    finally:
        feed.stop()
    event = blocker.args[0]
    assert event.payload["number"] == ticket["number"] == "A001"
    assert event.payload["window"] == "legal"
    assert event.entity == "ticket"
    # What happened before the feed started is not news.
    assert before not in [e.payload.get("number") for e in received]
    assert changed == ["legal"]


def test_a_call_elsewhere_is_a_ticket_called_signal(
    hall_db: Database, hall_events: HallEvents, feed: LiveFeed, qtbot: QtBot
) -> None:
    issue_elsewhere(hall_db)
    with qtbot.waitSignal(hall_events.ticket_called, timeout=5000) as blocker:
        subprocess.run(
            [HALL_ADMIN, "--db", hall_db.url, "queue", "call", "--window", "legal", "--seat", "2"],
            capture_output=True,
            check=True,
            timeout=60,
        )
    event = blocker.args[0]
    assert event.kind == "ticket.called"
    assert event.payload == {"number": "A001", "window": "legal", "status": "called", "seat": 2}


def test_each_event_is_delivered_once_and_in_order(
    hall_db: Database, hall_events: HallEvents, feed: LiveFeed, qtbot: QtBot
) -> None:
    received: list[HallEvent] = []
    hall_events.received.connect(received.append)
    for _ in range(5):
        with hall_db.write() as session:
            queue.issue_ticket(session, "talk")
    qtbot.waitUntil(lambda: len(received) >= 5, timeout=3000)
    # Duplicates, if the feed made any, would follow at once.
    with qtbot.assertNotEmitted(hall_events.received, wait=500):
        pass
    assert [e.payload["number"] for e in received] == ["B001", "B002", "B003", "B004", "B005"]
    assert [e.id for e in received] == sorted({e.id for e in received})


def _terminate_listener(url: str) -> int:
    conninfo = url.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(conninfo, autocommit=True) as admin:
        rows = admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE application_name = %s AND datname = current_database()",
            (listen.APPLICATION_NAME,),
        ).fetchall()
    return len(rows)


@pytest.mark.usefixtures("chinese")
def test_lost_listener_is_reported_then_restored_and_nothing_is_missed(
    pg_db: Database, hall_events: HallEvents, qtbot: QtBot
) -> None:
    with pg_db.write() as session:
        catalog.seed(session)
    received: list[HallEvent] = []
    hall_events.received.connect(received.append)
    feed = LiveFeed(pg_db, hall_events, retry_ms=300)
    feed.start()
    try:
        qtbot.waitUntil(lambda: feed.online, timeout=5000)
        with qtbot.waitSignal(hall_events.connection_lost, timeout=5000) as lost:
            assert _terminate_listener(pg_db.url) == 1
            # Committed while nobody listens: it must arrive by the catch-up.
            with pg_db.write() as session:
                during = queue.issue_ticket(session, "legal").number
        assert "数据库" in lost.args[0] and "连接" in lost.args[0]
        assert not feed.online
        with qtbot.waitSignal(hall_events.connection_restored, timeout=10_000):
            pass
        qtbot.waitUntil(lambda: during in [e.payload.get("number") for e in received], timeout=3000)
        with qtbot.waitSignal(
            hall_events.received,
            timeout=1000,
            check_params_cb=lambda event: event.kind == "ticket.issued",
        ) as after:
            ticket = issue_elsewhere(pg_db)
        assert after.args[0].payload["number"] == ticket["number"]
        assert [e.payload["number"] for e in received] == [during, ticket["number"]]
    finally:
        feed.stop()


@pytest.mark.usefixtures("chinese")
def test_an_unreachable_server_is_reported_and_retried(
    hall_events: HallEvents, qtbot: QtBot
) -> None:
    database = Database("postgresql+psycopg://postgres@127.0.0.1:1/nothing")
    lost: list[str] = []
    hall_events.connection_lost.connect(lost.append)
    feed = LiveFeed(database, hall_events, retry_ms=200)
    feed.start()
    try:
        qtbot.waitUntil(lambda: len(lost) == 1, timeout=5000)
        # Retries go on (every 200 ms), but the loss is told once, not at every attempt.
        with qtbot.assertNotEmitted(hall_events.connection_lost, wait=1000):
            pass
        assert not feed.online
        assert "与数据库的连接已中断" in lost[0]
    finally:
        feed.stop()
        database.dispose()


def _listeners(url: str) -> int:
    conninfo = url.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(conninfo, autocommit=True) as admin:
        row = admin.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE application_name = %s AND datname = current_database()",
            (listen.APPLICATION_NAME,),
        ).fetchone()
    assert row is not None
    return int(row[0])


def test_a_feed_stopped_while_connecting_leaves_no_connection_behind(
    pg_db: Database, hall_events: HallEvents, qtbot: QtBot
) -> None:
    feed = LiveFeed(pg_db, hall_events)
    # Stopped and thrown away before the connection made on the worker thread has been
    # handed over: a connection left open would show in pg_stat_activity, and psycopg would
    # warn when it is collected (which fails the test).
    feed.start()
    feed.stop()
    assert not feed.online
    shiboken6.delete(feed)
    del feed
    gc.collect()
    qtbot.waitUntil(lambda: _listeners(pg_db.url) == 0, timeout=3000)


def test_a_stopped_feed_closes_its_listener(
    pg_db: Database, hall_events: HallEvents, qtbot: QtBot
) -> None:
    feed = LiveFeed(pg_db, hall_events)
    feed.start()
    qtbot.waitUntil(lambda: feed.online, timeout=5000)
    assert _listeners(pg_db.url) == 1
    feed.stop()
    assert not feed.online
    qtbot.waitUntil(lambda: _listeners(pg_db.url) == 0, timeout=3000)


def test_an_event_that_took_its_id_early_and_committed_while_the_feed_was_away_arrives(
    pg_db: Database, hall_events: HallEvents, qtbot: QtBot
) -> None:
    with pg_db.write() as session:
        catalog.seed(session)
    received: list[HallEvent] = []
    hall_events.received.connect(received.append)
    feed = LiveFeed(pg_db, hall_events, retry_ms=300)
    feed.start()
    try:
        qtbot.waitUntil(lambda: feed.online, timeout=5000)
        # A slow transaction takes the lower id; a quick one after it commits first.
        slow = pg_db.session()
        slow.begin()
        early = queue.issue_ticket(slow, "legal")
        with pg_db.write() as session:
            late = queue.issue_ticket(session, "talk")
        qtbot.waitUntil(lambda: [e.payload["number"] for e in received] == [late.number])
        with qtbot.waitSignal(hall_events.connection_lost, timeout=5000):
            assert _terminate_listener(pg_db.url) == 1
        # Committed while nobody listens, with an id below the last one the feed has seen.
        slow.commit()
        slow.close()
        with qtbot.waitSignal(hall_events.connection_restored, timeout=10_000):
            pass
        qtbot.waitUntil(lambda: len(received) == 2, timeout=3000)
        assert [e.payload["number"] for e in received] == [late.number, early.number]
        # What was in the log before the feed started is still not news.
        with qtbot.assertNotEmitted(hall_events.received, wait=300):
            pass
    finally:
        feed.stop()


def test_a_reconnection_does_not_replay_what_came_before_the_feed_started(
    pg_db: Database, hall_events: HallEvents, qtbot: QtBot
) -> None:
    with pg_db.write() as session:
        catalog.seed(session)
        for _ in range(3):
            queue.issue_ticket(session, "legal")
    received: list[HallEvent] = []
    hall_events.received.connect(received.append)
    feed = LiveFeed(pg_db, hall_events, retry_ms=300)
    feed.start()
    try:
        qtbot.waitUntil(lambda: feed.online, timeout=5000)
        with qtbot.waitSignal(hall_events.connection_lost, timeout=5000):
            assert _terminate_listener(pg_db.url) == 1
        with qtbot.waitSignal(hall_events.connection_restored, timeout=10_000):
            pass
        with qtbot.assertNotEmitted(hall_events.received, wait=300):
            pass
        assert received == []
    finally:
        feed.stop()
