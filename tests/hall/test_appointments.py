"""Appointments (预约) on both databases: slots and capacity, the leader's roster, check-in at
the slot's place or as a walk-in, and the bookings that never came."""

from __future__ import annotations

import datetime as dt

import pytest

from db.engine import Database
from hall import appointments, queue, roster
from hall.errors import IllegalTransition, InvalidInput

DAY = dt.date(2026, 11, 23)
MORNING = dt.datetime.combine(DAY, dt.time(8, 0))
ID_NUMBER = "11010519491231002X"


def slot(db: Database, window: str, hour: int, capacity: int = 2, leader: bool = False) -> int:
    with db.write() as s:
        return appointments.add_slot(
            s, window, dt.time(hour), dt.time(hour + 1), capacity, for_leader=leader
        ).id


def book(
    db: Database, slot_id: int, name: str = "张三", **details: str
) -> appointments.AppointmentView:
    with db.write() as s:
        return appointments.book(
            s,
            slot_id,
            DAY,
            name,
            phone=details.get("phone", "13800000001"),
            id_number=details.get("id_number", ""),
            now=MORNING - dt.timedelta(days=1),
        )


def test_capacity_is_kept_and_cancelling_frees_a_place(hall_db: Database) -> None:
    ten = slot(hall_db, "legal", 10, capacity=2)
    first = book(hall_db, ten)
    book(hall_db, ten, "李四", phone="13800000002")
    with pytest.raises(IllegalTransition) as full, hall_db.write() as s:
        appointments.book(s, ten, DAY, "王五", phone="13800000003", now=MORNING)
    assert "已约满" in str(full.value)
    with hall_db.write() as s:
        appointments.cancel(s, first.id, now=MORNING)
        appointments.book(s, ten, DAY, "王五", phone="13800000003", now=MORNING)
    with hall_db.read() as s:
        (shown,) = appointments.slots(s, DAY)
    assert (shown.booked, shown.capacity) == (2, 2)
    assert shown.label == "法律服务窗口 10:00–11:00"


def test_a_booking_needs_a_name_a_way_to_find_it_and_a_future_slot(hall_db: Database) -> None:
    ten = slot(hall_db, "legal", 10)
    with pytest.raises(InvalidInput) as nothing, hall_db.write() as s:
        appointments.book(s, ten, DAY, "张三", now=MORNING)
    assert "身份证号码或手机号码" in str(nothing.value)
    with pytest.raises(InvalidInput) as past, hall_db.write() as s:
        appointments.book(s, ten, DAY, "张三", phone="13800000001", now=MORNING.replace(hour=12))
    assert "已过" in str(past.value)


def test_leader_slots_follow_the_duty_roster(hall_db: Database) -> None:
    leader = slot(hall_db, "talk", 9, leader=True)
    with pytest.raises(IllegalTransition) as nobody, hall_db.write() as s:
        appointments.book(s, leader, DAY, "张三", phone="13800000001", now=MORNING)
    assert "没有安排领导接访" in str(nobody.value)
    with hall_db.write() as s:
        roster.set_duty_leader(s, DAY, "刘洋", "副市长", "信访、城建")
    booked = book(hall_db, leader)
    assert booked.slot.startswith("领导接访") and booked.window == "talk"
    with hall_db.read() as s:
        (line,) = appointments.duty_roster(s, DAY, 7)
    assert (line.name, line.post, line.portfolio) == ("刘洋", "副市长", "信访、城建")


def test_check_in_queues_at_the_slot_ahead_of_later_walk_ins(hall_db: Database) -> None:
    ten = slot(hall_db, "legal", 10)
    booked = book(hall_db, ten, id_number=ID_NUMBER)
    with hall_db.write() as s:
        queue.issue_ticket(s, "legal", now=MORNING.replace(hour=9, minute=50))  # A001
        queue.issue_ticket(s, "legal", now=MORNING.replace(hour=10, minute=5))  # A002
    with hall_db.write() as s:
        (found,) = appointments.find(s, ID_NUMBER.lower(), DAY)
        assert found.code == booked.code
        assert [a.id for a in appointments.find(s, booked.code, DAY)] == [booked.id]
        checked, ticket = appointments.check_in(
            s, found.id, now=MORNING.replace(hour=10, minute=10)
        )
        assert checked.status == appointments.CHECKED_IN and ticket.number == "A003"
    order = []
    with hall_db.write() as s:
        while (called := queue.call_next(s, "legal", now=MORNING.replace(hour=11))) is not None:
            order.append(called.number)
    assert order == ["A001", "A003", "A002"]
    with pytest.raises(IllegalTransition), hall_db.write() as s:
        appointments.check_in(s, booked.id, now=MORNING.replace(hour=11))


def test_late_check_in_queues_as_a_walk_in_and_no_shows_are_counted(hall_db: Database) -> None:
    ten = slot(hall_db, "legal", 10)
    late = book(hall_db, ten)
    book(hall_db, ten, "李四", phone="13800000002")
    with hall_db.write() as s:
        queue.issue_ticket(s, "legal", now=MORNING.replace(hour=10, minute=20))  # A001
        checked, _ticket = appointments.check_in(
            s, late.id, now=MORNING.replace(hour=10, minute=30)
        )
    assert checked.status == appointments.LATE and checked.ticket_number == "A002"
    with hall_db.read() as s:
        assert queue.waiting(s, "legal", DAY)[0].number == "A001"
        before = appointments.figures(s, DAY, DAY, now=MORNING.replace(hour=10, minute=14))
        after = appointments.figures(s, DAY, DAY, now=MORNING.replace(hour=10, minute=16))
    assert (before.booked, before.late, before.not_come) == (2, 1, 0)
    assert after.not_come == 1
