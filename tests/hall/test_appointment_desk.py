"""The front desk's side of appointments and the administrator's (issue 16), on both databases:
what can be booked, the check-in slip with its wait, a late check-in queued as a walk-in, the
service-level targets, the slots' capacity and the duty roster on A4 (read back with pdftotext).
"""

from __future__ import annotations

import datetime as dt
import math
import shutil
import subprocess
from pathlib import Path

import pytest

from db.engine import Database
from db.models import User
from hall import appointment_admin, appointment_desk, appointments, clock, queue, users
from hall.errors import InvalidInput, PermissionDenied
from printing.receipt import render_receipt

PHONE = "13800000001"


def admin(db: Database) -> User:
    with db.write() as s:
        return users.add_user(s, "admin", "管理员", "secret123", [users.ADMIN])


def slot_at(
    db: Database, window: str, starts: dt.time, capacity: int = 2, leader: bool = False
) -> int:
    ends = (dt.datetime.combine(dt.date(2000, 1, 1), starts) + dt.timedelta(hours=1)).time()
    with db.write() as s:
        return appointments.add_slot(s, window, starts, ends, capacity, for_leader=leader).id


def book_today(db: Database, slot_id: int, name: str = "张秀英", phone: str = PHONE) -> int:
    with db.write() as s:
        return appointments.book(
            s, slot_id, clock.now().date(), name, phone=phone, now=clock.now().replace(hour=8)
        ).id


def pdf_text(pdf: bytes, tmp_path: Path, name: str) -> str:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is needed to read documents back")
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_bookable_offers_open_slots_with_places_and_leader_slots_on_roster_days(
    hall_db: Database,
) -> None:
    today = clock.now().date()
    morning = slot_at(hall_db, "legal", dt.time(9))  # over by two in the afternoon
    afternoon = slot_at(hall_db, "legal", dt.time(15), capacity=1)
    leader = slot_at(hall_db, "talk", dt.time(16), leader=True)
    with hall_db.read() as s:
        offered = appointment_desk.bookable(s, today)
    assert [x.id for x in offered.slots] == [afternoon]
    assert offered.leader is None
    book_today(hall_db, afternoon)
    admin_user = admin(hall_db)
    with hall_db.write() as s:
        appointment_admin.set_roster_line(s, admin_user, today, "刘建国", "市委副书记", "信访")
    with hall_db.read() as s:
        offered = appointment_desk.bookable(s, today)
        tomorrow = appointment_desk.bookable(s, today + dt.timedelta(days=1))
    assert [x.id for x in offered.slots] == [leader]  # the afternoon slot is full
    assert offered.leader is not None and offered.leader.portfolio == "信访"
    assert {x.id for x in tomorrow.slots} == {morning, afternoon}  # no leader tomorrow
    assert tomorrow.slots[0].remaining == 2


# 14:00 it stays: on the running clock a slow machine would make 13:50's booking late at 14:05
# (its 15 minutes' grace over).
@pytest.mark.usefixtures("held_clock")
def test_a_check_in_gives_a_slip_with_the_wait_and_a_late_one_says_walk_in(
    hall_db: Database, tmp_path: Path
) -> None:
    with hall_db.write() as s:
        for _ in range(2):
            queue.issue_ticket(s, "legal", now=clock.now() - dt.timedelta(hours=3))
    on_time = book_today(hall_db, slot_at(hall_db, "legal", dt.time(13, 50)))
    late = book_today(hall_db, slot_at(hall_db, "aid", dt.time(13, 0)), "李四", "13800000002")
    with hall_db.write() as s:
        done = appointment_desk.check_in(s, on_time)
    assert not done.late and done.appointment.status == appointments.CHECKED_IN
    # Two ahead at the window's seats, the hall's 10 minutes each until a service is timed.
    wait = done.wait
    assert (wait.ahead, wait.minutes) == (2, math.ceil(2 / wait.seats * 10)) and wait.minutes
    slip = pdf_text(render_receipt(done.slip, "80mm"), tmp_path, "slip")
    line = f"前面还有 2 人，预计等候约 {wait.minutes} 分钟"
    for shown in ("预约签到凭条", done.ticket.number, line, "张**"):
        assert shown in slip
    assert done.appointment.code in slip and "按预约时段排队" in slip
    assert "张秀英" not in slip and PHONE not in slip

    with hall_db.write() as s:
        walked = appointment_desk.check_in(s, late)
    assert walked.late and walked.appointment.status_name == "迟到（现场排队）"
    a4 = pdf_text(render_receipt(walked.slip, "a4"), tmp_path, "late")
    assert "超过预约时段宽限，按现场取号排队" in a4
    with hall_db.read() as s:
        again = appointment_desk.checked_in(s, walked.appointment.id)
    assert again.ticket.number == walked.ticket.number


def test_finding_a_booking_that_is_not_there_says_so(hall_db: Database) -> None:
    with pytest.raises(Exception) as missing, hall_db.read() as s:
        appointment_desk.find(s, "13900000000", clock.now().date())
    assert "没有查询码、身份证号码或手机号码为“13900000000”的预约" in str(missing.value)


def test_the_administrator_sets_targets_capacity_and_the_roster(
    hall_db: Database, tmp_path: Path
) -> None:
    actor = admin(hall_db)
    ten = slot_at(hall_db, "legal", dt.time(15))
    with hall_db.write() as s:
        targets = appointment_admin.set_targets(s, actor, 20, {"legal": 5, "talk": 0})
        appointment_admin.change_capacity(s, actor, ten, 7)
    by_window = {line.window: line for line in targets.windows}
    assert targets.hall == 20
    assert (by_window["legal"].own, by_window["legal"].effective) == (5, 5)
    assert (by_window["talk"].own, by_window["talk"].effective) == (0, 20)
    with hall_db.read() as s:
        assert queue.service_level(s, "legal", clock.now().date()).target_minutes == 5
        (shown,) = appointment_admin.slots(s)
    assert shown.capacity == 7
    with pytest.raises(InvalidInput), hall_db.write() as s:
        appointment_admin.set_targets(s, actor, 0, {})
    with hall_db.write() as s:
        appointment_admin.remove_slot(s, actor, ten)
    with hall_db.read() as s:
        assert appointment_admin.slots(s) == []

    today = clock.now().date()
    with hall_db.write() as s:
        appointment_admin.set_roster_line(s, actor, today, "刘建国", "市委副书记", "信访、城建")
        appointment_admin.set_roster_line(
            s, actor, today + dt.timedelta(days=1), "张秀兰", "副市长", "民政、社保"
        )
        appointment_admin.remove_roster_line(s, actor, today + dt.timedelta(days=1))
        appointment_admin.set_roster_line(
            s, actor, today + dt.timedelta(days=2), "王志刚", "市人大常委会副主任", ""
        )
    with hall_db.read() as s:
        lines = appointment_admin.duty_roster(s)
        paper = appointment_admin.roster_paper(s)
    assert [x.name for x in lines] == ["刘建国", "王志刚"]
    text = pdf_text(paper, tmp_path, "roster")
    assert "领导接访安排表" in text
    for printed in ("6月10日", "刘建国", "市委副书记", "信访、城建", "6月12日", "王志刚"):
        assert printed in text
    assert "张秀兰" not in text


def test_only_the_administrator_changes_them(hall_db: Database) -> None:
    with hall_db.write() as s:
        clerk = users.add_user(s, "daofang", "王丽", "secret123", [users.RECEPTION])
    with pytest.raises(PermissionDenied), hall_db.write() as s:
        appointment_admin.set_targets(s, clerk, 10, {})
    with pytest.raises(PermissionDenied), hall_db.write() as s:
        appointment_admin.set_roster_line(s, clerk, clock.now().date(), "刘", "副市长", "")


def test_the_displays_waits_are_each_windows_newcomer_wait(hall_db: Database) -> None:
    now = clock.now()
    with hall_db.write() as s:
        for minutes in (50, 40, 30):
            queue.issue_ticket(s, "legal", now=now - dt.timedelta(minutes=minutes))
        queue.issue_ticket(s, "aid", now=now - dt.timedelta(minutes=20))
        called = queue.call_next(s, "legal", seat=2, now=now - dt.timedelta(minutes=25))
        assert called is not None
        queue.start(s, called.id, now=now - dt.timedelta(minutes=25))
        queue.finish(s, called.id, "当场答复", now=now - dt.timedelta(minutes=1))
    with hall_db.read() as s:
        windows = queue.status(s, now.date())
        waits = queue.newcomer_waits(s, windows, now)
        one_by_one = {w.code: queue.newcomer_wait(s, w.code, now) for w in windows}
    assert waits == one_by_one
    assert (waits["legal"].ahead, waits["legal"].seats, waits["legal"].minutes) == (2, 1, 48)
