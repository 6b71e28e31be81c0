"""Issue 16 at the front desk, on both databases: a booked visitor checks in (F6, found by phone,
query code or ID number, F9) and gets a ticket and a slip read back with pdftotext; a late
check-in is said in Chinese and queued as a walk-in; a booking from the desk; the estimated wait
on the intake receipt (80 mm and A4) and in the receipt look-up."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from db.engine import Database
from desktop.front_desk import FrontDeskScreen
from desktop.front_desk_appointments import AppointmentDialog
from hall import appointments, clock, queue, roster
from kit.context import PDF_ONLY, HallEvent, HallEvents, ReceiptSetup
from tests.desktop.test_front_desk import fill, issue, open_desk
from tests.desktop.test_front_desk_receipts import text_of
from tests.windows.helpers import ALICE_ID, desk_translation, register, type_text

PHONE = "13800000001"


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    with desk_translation():
        yield


def add_slot(
    db: Database, window: str, starts: dt.time, capacity: int = 3, leader: bool = False
) -> appointments.SlotView:
    ends = (dt.datetime.combine(clock.now().date(), starts) + dt.timedelta(hours=1)).time()
    with db.write() as s:
        return appointments.add_slot(s, window, starts, ends, capacity, for_leader=leader)


def booked(db: Database, slot_id: int, name: str, phone: str = "", id_number: str = "") -> str:
    with db.write() as s:
        return appointments.book(
            s,
            slot_id,
            clock.now().date(),
            name,
            id_number=id_number,
            phone=phone,
            now=clock.now().replace(hour=8),
        ).code


def open_dialog(qtbot: QtBot, desk: FrontDeskScreen) -> AppointmentDialog:
    QTest.keyClick(desk, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: desk.appointments.dialog is not None)
    dialog = desk.appointments.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def check_in_by(qtbot: QtBot, dialog: AppointmentDialog, key: str) -> None:
    page = dialog.check_in_page
    page.key_edit.clear()
    QTest.keyClicks(page.key_edit, key)
    QTest.keyClick(page.key_edit, Qt.Key.Key_Return)
    assert page.check_in_button.isEnabled(), page.search_state.text()
    QTest.keyClick(page, Qt.Key.Key_F9)


def slip_file(folder: Path, number: str, code: str) -> Path:
    return folder / f"{clock.now():%Y%m%d}-{number}-{code}.pdf"


# 14:00 it stays: on the running clock a slow machine would make 13:50's booking late at 14:05
# (its 15 minutes' grace over).
@pytest.mark.usefixtures("held_clock")
def test_a_booked_visitor_checks_in_and_gets_a_ticket_and_a_slip(
    hall_db: Database, qtbot: QtBot, tmp_path: Path
) -> None:
    with hall_db.write() as s:  # one walk-in has waited at the legal window since 11:00
        queue.issue_ticket(s, "legal", now=clock.now() - dt.timedelta(hours=3))
    code = booked(hall_db, add_slot(hall_db, "legal", dt.time(13, 50)).id, "张秀英", PHONE)
    desk = open_desk(
        qtbot, hall_db, receipt=ReceiptSetup(output=PDF_ONLY, folder=str(tmp_path), layout="a4")
    )
    dialog = open_dialog(qtbot, desk)
    page = dialog.check_in_page
    assert page.search_state.text() == "今日预约共 1 条。"

    check_in_by(qtbot, dialog, PHONE)
    qtbot.waitUntil(lambda: page.number_label.text() != "—")
    with hall_db.read() as s:
        waiting = queue.waiting(s, "legal", clock.now().date())
        ticket = next(t for t in waiting if t.number == page.number_label.text())
        wait = queue.ticket_wait(s, ticket)
    assert page.number_label.text() == "A002"
    assert page.place_label.text() == "请到 法律服务（一楼 1 号窗口）"
    # The booking's place is 13:50: behind the walk-in of 11:00.
    assert wait.ahead == 1
    assert page.wait_label.text() == f"前面还有 1 人，预计等候约 {wait.minutes} 分钟"
    assert not page.late_label.isVisible()
    pdf = slip_file(tmp_path, "A002", code)
    qtbot.waitUntil(pdf.exists)
    assert page.receipt_label.text() == f"凭条已保存为 {pdf}。"
    text = text_of(pdf)
    for shown in ("预约签到凭条", "A002", "法律服务", "张**", code, "按预约时段排队"):
        assert shown in text
    assert f"前面还有 1 人，预计等候约 {wait.minutes} 分钟" in text
    assert "张秀英" not in text and PHONE not in text
    item = page.table.item(0, 3)
    assert item is not None and item.text() == "已签到"

    # Pressing again finds nothing left to check in.
    page.key_edit.clear()
    QTest.keyClicks(page.key_edit, code)
    QTest.keyClick(page.key_edit, Qt.Key.Key_Return)
    assert not page.check_in_button.isEnabled()


def test_a_late_check_in_is_queued_as_a_walk_in_and_said_so(
    hall_db: Database, qtbot: QtBot, tmp_path: Path
) -> None:
    code = booked(hall_db, add_slot(hall_db, "aid", dt.time(13)).id, "李四", id_number=ALICE_ID)
    desk = open_desk(qtbot, hall_db, receipt=ReceiptSetup(output=PDF_ONLY, folder=str(tmp_path)))
    dialog = open_dialog(qtbot, desk)
    page = dialog.check_in_page
    check_in_by(qtbot, dialog, ALICE_ID.lower())
    qtbot.waitUntil(lambda: page.number_label.text() == "D001")
    assert page.late_label.isVisible()
    assert page.late_label.text() == (
        "已超过预约时段（帮扶济困窗口 13:00–14:00）的迟到宽限，按现场取号排队。"
    )
    item = page.table.item(0, 3)
    assert item is not None and item.text() == "迟到（现场排队）"
    pdf = slip_file(tmp_path, "D001", code)
    qtbot.waitUntil(pdf.exists)
    assert "超过预约时段宽限，按现场取号排队" in text_of(pdf)


def test_todays_list_follows_other_desks(hall_db: Database, qtbot: QtBot) -> None:
    events = HallEvents()
    desk = open_desk(qtbot, hall_db, events)
    dialog = open_dialog(qtbot, desk)
    page = dialog.check_in_page
    assert page.table.rowCount() == 0
    booked(hall_db, add_slot(hall_db, "legal", dt.time(15)).id, "张秀英", PHONE)
    events.dispatch(HallEvent(1, "appointment.booked", "appointment", 1, {}))
    assert page.table.rowCount() == 1
    assert page.search_state.text() == "今日预约共 1 条。"


def test_an_unknown_visitor_is_told_in_chinese(hall_db: Database, qtbot: QtBot) -> None:
    desk = open_desk(qtbot, hall_db)
    dialog = open_dialog(qtbot, desk)
    page = dialog.check_in_page
    QTest.keyClicks(page.key_edit, "13900000000")
    QTest.keyClick(page.key_edit, Qt.Key.Key_Return)
    assert "没有查询码、身份证号码或手机号码为“13900000000”的预约" in page.search_state.text()
    assert page.table.rowCount() == 0 and not page.check_in_button.isEnabled()


def test_the_desk_books_a_window_or_the_leader_with_the_places_left(
    hall_db: Database, qtbot: QtBot
) -> None:
    today = clock.now().date()
    legal = add_slot(hall_db, "legal", dt.time(15), capacity=2)
    leader = add_slot(hall_db, "talk", dt.time(16), capacity=1, leader=True)
    with hall_db.write() as s:
        roster.set_duty_leader(s, today, "刘建国", "市委副书记", "信访、城建")
    desk = open_desk(qtbot, hall_db)
    dialog = open_dialog(qtbot, desk)
    dialog.tabs.setCurrentWidget(dialog.booking_page)
    page = dialog.booking_page
    combo = page.slot_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "法律服务窗口 15:00–16:00（余 2/2）",
        "领导接访 16:00–17:00（余 1/1）",
    ]
    assert page.leader_label.text() == "刘建国，市委副书记（分管：信访、城建）"

    combo.setCurrentIndex(combo.findData(leader.id))
    type_text(qtbot, page.name_edit, "赵六")
    QTest.keyClicks(page.phone_edit, "13800000006")
    page.book_button.click()
    code = page.code_label.text()
    assert len(code) == appointments.CODE_DIGITS and code.isdigit()
    assert page.state_label.text().startswith(f"已为赵六预约 {today:%Y-%m-%d} 领导接访")
    # The leader's only place is taken: it is offered no more.
    assert [combo.itemData(i) for i in range(combo.count())] == [legal.id]
    with hall_db.read() as s:
        (made,) = appointments.find(s, "13800000006", today)
    assert made.code == code and made.window == "talk"

    # A booking without a way to find it again is refused beside the field.
    type_text(qtbot, page.name_edit, "孙七")
    page.book_button.click()
    assert page.messages["phone"].isVisible()
    assert "身份证号码或手机号码" in page.messages["phone"].text()
    assert page.code_label.text() == ""


@pytest.mark.parametrize("layout", ["80mm", "a4"])
def test_the_receipt_tells_the_estimated_wait(
    hall_db: Database, qtbot: QtBot, tmp_path: Path, layout: str
) -> None:
    register(hall_db, "王建军")
    register(hall_db, "李红梅")
    desk = open_desk(
        qtbot, hall_db, receipt=ReceiptSetup(layout=layout, output=PDF_ONLY, folder=str(tmp_path))
    )
    fill(qtbot, desk)
    issue(qtbot, desk)
    qtbot.waitUntil(lambda: desk.receipt_label.text().startswith("凭条已保存为"))
    (pdf,) = tmp_path.glob("*-A003-*.pdf")
    with hall_db.read() as s:
        seats = queue.window_by_code(s, "legal").seat_count
    minutes = math.ceil(2 / seats * 10)  # two ahead, the hall's default 10 minutes each
    assert f"前面还有 2 人，预计等候约 {minutes} 分钟" in text_of(pdf)

    # The look-up tells the same wait.
    QTest.keyClicks(desk.search_edit, pdf.stem.rsplit("-", 1)[1])
    with qtbot.waitSignal(desk.looked_up):
        QTest.keyClick(desk.search_edit, Qt.Key.Key_Return)
    assert desk.lookup_panel.standing_label.text() == (
        f"等候中，前面还有 2 人，预计等候约 {minutes} 分钟"
    )
