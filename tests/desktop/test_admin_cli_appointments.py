"""``hall-admin queue call --ticket``, ``queue requeue`` and ``appointment``, run as the real
executable on both databases."""

from __future__ import annotations

import datetime as dt

from db import events
from db.engine import Database
from hall import clock, queue
from tests.desktop.test_admin_cli import as_json, hall_admin, ok, refused


def test_call_a_ticket_out_of_turn_and_requeue_an_absentee(hall_db: Database) -> None:
    for _ in range(4):
        ok(hall_db.url, "queue", "issue", "--window", "legal")
    called = as_json(
        hall_db.url, "queue", "call", "--ticket", "a003", "--reason", "预约到号", "--seat", "1"
    )
    assert (called["number"], called["status"]) == ("A003", "called")
    with hall_db.read() as s:
        logged = [
            e for e in events.for_entity(s, "ticket", called["id"]) if e.kind == "ticket.called"
        ]
    assert logged[-1].payload["reason"] == "预约到号" and logged[-1].payload["skipped"] == 2
    assert "错误" in refused(hall_admin(hall_db.url, "queue", "call", "--ticket", "A003"), 2)
    assert "--window" in refused(hall_admin(hall_db.url, "queue", "call"), 2)
    with hall_db.write() as s:
        queue.mark_no_show(s, called["id"])
    back = as_json(hall_db.url, "queue", "requeue", "--ticket", "A003")
    assert back["status"] == "waiting"
    with hall_db.read() as s:
        order = [t.number for t in queue.waiting(s, "legal", clock.now().date())]
    assert order == ["A001", "A002", "A004", "A003"]


def test_appointment_slot_add_list_and_checkin(hall_db: Database) -> None:
    today = clock.now().date()
    later = (clock.now() + dt.timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
    start, end = f"{later:%H:%M}", f"{later + dt.timedelta(hours=1):%H:%M}"
    slot = as_json(
        hall_db.url,
        "appointment",
        "slot",
        "--window",
        "aid",
        "--from",
        start,
        "--to",
        end,
        "--capacity",
        "1",
    )
    booked = as_json(
        hall_db.url,
        "appointment",
        "add",
        "--slot",
        str(slot["id"]),
        "--date",
        today.isoformat(),
        "--name",
        "张三",
        "--phone",
        "13800000001",
    )
    assert len(booked["code"]) == 8 and booked["status"] == "booked"
    full = hall_admin(
        hall_db.url,
        "appointment",
        "add",
        "--slot",
        str(slot["id"]),
        "--date",
        today.isoformat(),
        "--name",
        "李四",
        "--phone",
        "13800000002",
    )
    assert "已约满" in refused(full, 2)
    listing = as_json(hall_db.url, "appointment", "list")
    assert [(x["booked"], x["capacity"]) for x in listing["slots"]] == [(1, 1)]
    assert [a["name"] for a in listing["appointments"]] == ["张三"]
    checked = as_json(hall_db.url, "appointment", "checkin", "13800000001")
    assert (checked["status"], checked["ticket_number"]) == ("checked_in", "D001")
    assert checked["ahead"] == 0
    again = hall_admin(hall_db.url, "appointment", "checkin", booked["code"])
    assert "待签到" in refused(again, 2)
    assert "张三" in ok(hall_db.url, "appointment", "list")
