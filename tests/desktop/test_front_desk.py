"""The front desk on both databases: registering, issuing, every bad input, the whole way from
the desk to a window's counter, and the whole registration from the keyboard.

The helpers here (opening the desk, filling it, issuing) serve the other front-desk tests too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

import windows
from db.engine import Database
from db.models import Ticket, Visit
from desktop.front_desk import FrontDeskScreen
from hall import clock, queue, roster, users
from hall.receipt_data import receipt_for
from kit.context import PDF_ONLY, HallEvents, ReceiptSetup
from tests.windows.helpers import (
    ALICE_ID,
    announce,
    desk_translation,
    make_ctx,
    register,
    show,
    ticket,
    type_text,
)
from windows.base import WindowWorkstation
from windows.legal import LegalPanel

CTRL = Qt.KeyboardModifier.ControlModifier
# Nothing listens on port 1: connecting fails at once, as with a server that went away.
UNREACHABLE = "postgresql://postgres@127.0.0.1:1/hall"


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    with desk_translation():
        yield


def open_desk(
    qtbot: QtBot,
    database: Database,
    events: HallEvents | None = None,
    receipt: ReceiptSetup | None = None,
    login: str = "daofang",
) -> FrontDeskScreen:
    """The front desk of a receptionist; its receipts go to PDF files in the test's data
    directory unless the test sets up another printer."""
    ctx = make_ctx(database, login, [users.RECEPTION], seat=None, events=events)
    ctx.workstation.receipt = receipt or ReceiptSetup(output=PDF_ONLY)
    desk = FrontDeskScreen(ctx)
    show(qtbot, desk)
    return desk


def waiting_shown(desk: FrontDeskScreen, letter: str) -> int:
    """The waiting count the table shows for the window with this letter."""
    table = desk.queue_table
    for row in range(table.rowCount()):
        window = table.item(row, 0)
        count = table.item(row, 1)
        if window is not None and count is not None and window.text().startswith(letter):
            return int(count.text())
    raise AssertionError(f"no window {letter} in the table")


def choose(combo_owner: FrontDeskScreen, letter: str) -> None:
    """Pick a window the way the receptionist does: focus the list and type its letter."""
    combo_owner.window_combo.setFocus()
    QTest.keyClicks(combo_owner.window_combo, letter)


def fill(qtbot: QtBot, desk: FrontDeskScreen) -> None:
    """A complete, valid registration, typed into the form."""
    type_text(qtbot, desk.name_edit, "张秀英")
    QTest.keyClicks(desk.id_edit, ALICE_ID)
    QTest.keyClicks(desk.phone_edit, "13803981234")
    type_text(qtbot, desk.address_edit, "千秋路街道幸福里社区3号楼")
    type_text(qtbot, desk.summary_edit, "农民工工资被拖欠三个月，要求帮助追讨")
    choose(desk, "A")


def issue(qtbot: QtBot, desk: FrontDeskScreen) -> None:
    with qtbot.waitSignal(desk.ticket_issued):
        QTest.keyClick(desk, Qt.Key.Key_Return, CTRL)


def press_f9_refused(qtbot: QtBot, desk: FrontDeskScreen) -> None:
    """Press F9 and wait for the refusal to be shown."""
    QTest.keyClick(desk, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: desk.status_label.text() != "")


def tickets_today(database: Database) -> int:
    with database.read() as s:
        return sum(q.waiting for q in queue.status(s, clock.now().date()))


def test_from_the_desk_to_the_counter(hall_db: Database, qtbot: QtBot) -> None:
    events = HallEvents()
    desk = open_desk(qtbot, hall_db, events)
    officer = make_ctx(hall_db, "falv", [users.OFFICER], ["legal"], seat=1, events=events)
    counter = windows.open_workstation(officer, "legal")
    assert isinstance(counter, WindowWorkstation)
    show(qtbot, counter)
    desk.activateWindow()
    qtbot.waitUntil(desk.isActiveWindow)
    assert waiting_shown(desk, "A") == 0

    fill(qtbot, desk)
    assert desk.window_combo.currentText() == "A 法律服务（等候 0 人）"
    issue(qtbot, desk)
    assert desk.number_label.text() == "A001"
    assert desk.destination_label.text() == "请到法律服务窗口（一楼 1 号窗口）"
    assert desk.ahead_label.text() == "前面无人等候，请直接前往"
    assert desk.status_label.text() == "已为张秀英发号：A001。"
    assert waiting_shown(desk, "A") == 1
    assert desk.window_combo.currentIndex() == -1
    assert [desk.name_edit.text(), desk.id_edit.text(), desk.summary_edit.toPlainText()] == [
        "",
        "",
        "",
    ]
    assert QApplication.focusWidget() is desk.name_edit

    # The live feed brings the new ticket to the legal window's counter.
    announce(events, "legal")
    assert counter.waiting_model.index(0, 0).data() == "A001"
    assert counter.waiting_model.index(0, 1).data() == "张秀英"

    counter.activateWindow()
    qtbot.waitUntil(counter.isActiveWindow)
    with qtbot.waitSignal(counter.current_changed):
        QTest.keyClick(counter, Qt.Key.Key_F1)
    assert counter.number_label.text() == "A001"
    announce(events, "legal", "ticket.called")
    assert waiting_shown(desk, "A") == 0
    assert desk.queue_table.item(0, 3).text() == "A001"  # type: ignore[union-attr]

    with qtbot.waitSignal(counter.current_changed):
        QTest.keyClick(counter, Qt.Key.Key_F4)
    # The legal window's panel starts from what the front desk wrote.
    panel = counter.panel
    assert isinstance(panel, LegalPanel)
    assert panel.question_edit.toPlainText() == "农民工工资被拖欠三个月，要求帮助追讨"
    type_text(qtbot, panel.laws_edit, "《劳动合同法》；可申请劳动仲裁")
    type_text(qtbot, counter.notes_edit, "已讲解相关规定，建议申请劳动仲裁")
    with qtbot.waitSignal(counter.current_changed):
        QTest.keyClick(counter, Qt.Key.Key_F5)
    assert counter.message_label.text() == "A001 已办结，办理记录已保存。"
    done = ticket(hall_db, "legal", "A001")
    assert done.status == queue.FINISHED
    assert done.notes == "已讲解相关规定，建议申请劳动仲裁"
    assert done.visitor_name == "张秀英"


def test_the_whole_registration_from_the_keyboard(hall_db: Database, qtbot: QtBot) -> None:
    with hall_db.write() as s:
        roster.add_place(s, "千秋路街道", "千秋社区")
        roster.add_place(s, "新区街道", "杨村")
        roster.set_duty_leader(s, clock.now().date(), "刘建国", "市委副书记")
    desk = open_desk(qtbot, hall_db)
    assert QApplication.focusWidget() is desk.name_edit
    assert desk.leader_label.text() == "今日接访领导：刘建国 市委副书记"

    def tab_to(widget: object) -> None:
        focused = QApplication.focusWidget()
        assert focused is not None
        QTest.keyClick(focused, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is widget

    type_text(qtbot, desk.name_edit, "李建国")
    tab_to(desk.id_edit)
    QTest.keyClicks(desk.id_edit, "411281197003152113")
    tab_to(desk.id_type_combo)
    assert desk.id_edit.message.text() == "1970年3月15日出生，男"
    # The ID number decides the gender, so the gender is filled in and skipped.
    tab_to(desk.phone_edit)
    assert desk.gender_combo.currentText() == "男" and not desk.gender_combo.isEnabled()
    QTest.keyClicks(desk.phone_edit, "0398-5812345")
    tab_to(desk.township_combo)
    QTest.keyClick(desk.township_combo, Qt.Key.Key_Down)
    QTest.keyClick(desk.township_combo, Qt.Key.Key_Down)
    assert desk.township_combo.currentText() == "新区街道"
    tab_to(desk.village_combo)
    QTest.keyClick(desk.village_combo, Qt.Key.Key_Down)
    tab_to(desk.address_edit)
    type_text(qtbot, desk.address_edit, "5组")
    tab_to(desk.channel_combo)
    tab_to(desk.priority_combo)
    tab_to(desk.purpose_combo)
    tab_to(desk.summary_edit)
    type_text(qtbot, desk.summary_edit, "家中老人重病，申请临时救助")
    tab_to(desk.request_edit)
    type_text(qtbot, desk.request_edit, "申请临时救助金")
    tab_to(desk.facts_edit)
    tab_to(desk.reasons_edit)
    tab_to(desk.litigation_check)
    tab_to(desk.urgent_check)
    QTest.keyClick(desk.urgent_check, Qt.Key.Key_Space)
    tab_to(desk.sensitive_check)
    tab_to(desk.leader_check)
    tab_to(desk.group_spin)
    tab_to(desk.window_combo)
    # The summary made the desk suggest the aid window; the receptionist keeps it.
    assert desk.window_combo.currentData() == "aid"
    assert "生活困难求助" in desk._messages["window"].text()
    with qtbot.waitSignal(desk.ticket_issued):
        QTest.keyClick(desk.window_combo, Qt.Key.Key_F9)
    assert desk.number_label.text() == "D001"
    assert QApplication.focusWidget() is desk.name_edit

    issued = ticket(hall_db, "aid", "D001")
    with hall_db.read() as s:
        visit = s.get_one(Visit, issued.visit_id)
        assert visit.urgent and not visit.litigation and not visit.leader_reception
        assert visit.summary == "家中老人重病，申请临时救助"
        assert visit.request == "申请临时救助金"
        assert visit.visitor.phone == "0398-5812345" and visit.visitor.gender == "男"
        assert (visit.visitor.township, visit.visitor.village) == ("新区街道", "杨村")
        assert visit.visitor.address == "5组"


def test_a_visit_for_the_duty_leader_goes_to_the_talk_window(
    hall_db: Database, qtbot: QtBot
) -> None:
    with hall_db.write() as s:
        roster.set_duty_leader(s, clock.now().date(), "张秀兰", "副市长")
    desk = open_desk(qtbot, hall_db)
    fill(qtbot, desk)
    desk.window_combo.setCurrentIndex(-1)
    desk._window_chosen_by_hand = False
    QTest.mouseClick(desk.leader_check, Qt.MouseButton.LeftButton)
    assert desk.window_combo.currentData() == "talk"
    assert desk._messages["window"].text() == "建议：领导接访，由交流谈心窗口安排"
    issue(qtbot, desk)
    with hall_db.read() as s:
        visit = s.get_one(Visit, ticket(hall_db, "talk", "B001").visit_id)
        assert visit.leader_reception


def test_without_a_duty_leader_no_visit_is_routed_to_one(hall_db: Database, qtbot: QtBot) -> None:
    desk = open_desk(qtbot, hall_db)
    assert desk.leader_label.text() == "今日没有安排领导接访。"
    assert not desk.leader_check.isEnabled()


def test_priority_flags_and_people_ahead(hall_db: Database, qtbot: QtBot) -> None:
    register(hall_db, "王建军")
    register(hall_db, "刘桂英", priority_reason="elderly")
    desk = open_desk(qtbot, hall_db)
    fill(qtbot, desk)
    desk.priority_combo.setFocus()
    QTest.keyClick(desk.priority_combo, Qt.Key.Key_Down)
    QTest.keyClick(desk.priority_combo, Qt.Key.Key_Down)
    assert desk.priority_combo.currentData() == "elderly"
    QTest.mouseClick(desk.litigation_check, Qt.MouseButton.LeftButton)
    desk.group_spin.lineEdit().selectAll()
    QTest.keyClicks(desk.group_spin, "3")
    assert desk.representatives_cell.isVisible()
    issue(qtbot, desk)
    # An elderly visitor goes before ordinary ones, after the elderly already waiting.
    assert desk.number_label.text() == "A003"
    # The panel tells the wait the receipt prints: one ahead at one seat, the hall's default
    # five minutes a visitor.
    assert desk.ahead_label.text() == "前面还有 1 人，预计等候约 5 分钟"
    assert desk.visitor_label.text() == "来访人：张秀英　优先：老年人"
    issued = ticket(hall_db, "legal", "A003")
    with hall_db.read() as s:
        printed = receipt_for(s, s.get_one(Ticket, issued.id)).waiting_line
    assert desk.ahead_label.text() == printed
    assert issued.priority_reason == "elderly"
    with hall_db.read() as s:
        visit = s.get_one(Visit, issued.visit_id)
        assert visit.litigation and visit.group_size == 3


def snapshot(desk: FrontDeskScreen) -> object:
    return desk.registration()


BadInput = Callable[[QtBot, FrontDeskScreen], None]


def empty_name(qtbot: QtBot, desk: FrontDeskScreen) -> None:
    desk.name_edit.setFocus()
    desk.name_edit.selectAll()
    QTest.keyClick(desk.name_edit, Qt.Key.Key_Delete)


def wrong_check_digit(qtbot: QtBot, desk: FrontDeskScreen) -> None:
    desk.id_edit.selectAll()
    QTest.keyClicks(desk.id_edit, "11010519491231003X")


def short_id(qtbot: QtBot, desk: FrontDeskScreen) -> None:
    desk.id_edit.selectAll()
    QTest.keyClicks(desk.id_edit, "1101051949123")


def bad_phone(qtbot: QtBot, desk: FrontDeskScreen) -> None:
    desk.phone_edit.selectAll()
    QTest.keyClicks(desk.phone_edit, "1380398")


def zero_group(qtbot: QtBot, desk: FrontDeskScreen) -> None:
    desk.group_spin.lineEdit().selectAll()
    QTest.keyClicks(desk.group_spin, "0")


def no_summary(qtbot: QtBot, desk: FrontDeskScreen) -> None:
    desk.summary_edit.selectAll()
    QTest.keyClick(desk.summary_edit, Qt.Key.Key_Delete)


def blank_summary(qtbot: QtBot, desk: FrontDeskScreen) -> None:
    desk.summary_edit.selectAll()
    type_text(qtbot, desk.summary_edit, "\u3000  ")


@pytest.mark.parametrize(
    ("spoil", "field", "message"),
    [
        (empty_name, "name", "请填写来访人姓名。"),
        (wrong_check_digit, "id_number", "校验位错误：最后一位应为 8，输入的是 X"),
        (short_id, "id_number", "身份证号码应为 18 位，现在是 13 位"),
        (bad_phone, "phone", "手机号码应为 11 位数字，以 13–19 开头，现在是 7 位"),
        (zero_group, "group_size", "来访人数至少为 1。"),
        (no_summary, "summary", "请填写事由摘要。"),
        (blank_summary, "summary", "请填写事由摘要。"),
    ],
    ids=[
        "empty-name",
        "wrong-check-digit",
        "short-id",
        "bad-phone",
        "zero-group",
        "no-summary",
        "blank-summary",
    ],
)
def test_bad_input_is_shown_at_its_field_and_the_form_kept(
    hall_db: Database, qtbot: QtBot, spoil: BadInput, field: str, message: str
) -> None:
    desk = open_desk(qtbot, hall_db)
    fill(qtbot, desk)
    spoil(qtbot, desk)
    typed = snapshot(desk)
    press_f9_refused(qtbot, desk)

    shown = desk._messages[field]
    assert shown.isVisible() and shown.is_error
    assert message in shown.text()
    assert desk.status_label.text() == "有 1 处需要修改（已标红），本次登记没有保存。"
    others = [m for name, m in desk._messages.items() if name != field]
    assert not any(m.is_error for m in others)
    assert snapshot(desk) == typed
    assert desk.number_label.text() == "—"
    assert tickets_today(hall_db) == 0


def test_every_problem_is_shown_at_once(hall_db: Database, qtbot: QtBot) -> None:
    desk = open_desk(qtbot, hall_db)
    QTest.keyClicks(desk.phone_edit, "12345")
    zero_group(qtbot, desk)
    type_text(qtbot, desk.address_edit, "东区街道")
    typed = snapshot(desk)
    press_f9_refused(qtbot, desk)
    wrong = {name for name, m in desk._messages.items() if m.is_error}
    assert wrong == {"name", "phone", "summary", "group_size", "window"}
    assert desk._messages["window"].text() == "请选择要去的窗口。"
    assert desk.status_label.text() == "有 5 处需要修改（已标红），本次登记没有保存。"
    assert snapshot(desk) == typed
    assert QApplication.focusWidget() is desk.name_edit
    assert tickets_today(hall_db) == 0


def test_a_large_group_must_name_its_representatives(hall_db: Database, qtbot: QtBot) -> None:
    desk = open_desk(qtbot, hall_db)
    fill(qtbot, desk)
    assert not desk.representatives_cell.isVisible()
    desk.group_spin.lineEdit().selectAll()
    QTest.keyClicks(desk.group_spin, "12")
    assert desk.representatives_cell.isVisible()
    assert "12 人集体来访，应推选代表" in desk._messages["group_size"].text()
    press_f9_refused(qtbot, desk)
    assert "请登记推选的代表" in desk._messages["representatives"].text()
    assert tickets_today(hall_db) == 0

    first_name, first_id, _phone = desk.representatives.edits()[:3]
    type_text(qtbot, first_name, "王德明")
    QTest.keyClicks(first_id, ALICE_ID)
    issue(qtbot, desk)
    assert not desk.representatives_cell.isVisible()
    with hall_db.read() as s:
        visit = s.get_one(Visit, ticket(hall_db, "legal", "A001").visit_id)
        assert [r.name for r in visit.representatives] == ["王德明"]
        assert visit.group_size == 12


def test_a_group_of_eight_gets_no_ticket_without_a_summary(hall_db: Database, qtbot: QtBot) -> None:
    desk = open_desk(qtbot, hall_db)
    fill(qtbot, desk)
    desk.group_spin.lineEdit().selectAll()
    QTest.keyClicks(desk.group_spin, "8")
    first_name = desk.representatives.edits()[0]
    type_text(qtbot, first_name, "王德明")
    blank_summary(qtbot, desk)
    press_f9_refused(qtbot, desk)
    shown = desk._messages["summary"]
    assert shown.isVisible() and shown.is_error and shown.text() == "请填写事由摘要。"
    assert [name for name, m in desk._messages.items() if m.is_error] == ["summary"]
    assert QApplication.focusWidget() is desk.summary_edit
    assert desk.status_label.text() == "有 1 处需要修改（已标红），本次登记没有保存。"
    assert tickets_today(hall_db) == 0
    with hall_db.read() as s:
        assert s.scalars(select(Visit)).first() is None

    type_text(qtbot, desk.summary_edit, "八名农民工工资被拖欠三个月")
    assert not shown.is_error
    issue(qtbot, desk)
    with hall_db.read() as s:
        visit = s.get_one(Visit, ticket(hall_db, "legal", "A001").visit_id)
        assert (visit.group_size, visit.summary) == (8, "八名农民工工资被拖欠三个月")


def test_a_visitor_with_a_passport_gives_the_gender_by_hand(
    hall_db: Database, qtbot: QtBot
) -> None:
    desk = open_desk(qtbot, hall_db)
    type_text(qtbot, desk.name_edit, "李安娜")
    desk.id_edit.setFocus()
    QTest.keyClick(desk.id_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is desk.id_type_combo
    QTest.keyClick(desk.id_type_combo, Qt.Key.Key_Down)
    assert desk.id_type_combo.currentText() == "护照"
    QTest.keyClicks(desk.id_edit, "E1234567/8")
    # A passport number is letters and digits: the slash is refused as typed.
    assert desk.id_edit.text() == "E12345678" and not desk.id_edit.message.is_error
    desk.gender_combo.setFocus()
    QTest.keyClick(desk.gender_combo, Qt.Key.Key_End)
    type_text(qtbot, desk.summary_edit, "咨询居留证件办理")
    choose(desk, "E")
    issue(qtbot, desk)
    with hall_db.read() as s:
        visitor = s.get_one(Visit, ticket(hall_db, "publicity", "E001").visit_id).visitor
        assert (visitor.id_type, visitor.id_number, visitor.gender) == (
            "passport",
            "E12345678",
            "女",
        )
        assert visitor.birth_date is None


def test_a_group_elects_at_most_five_representatives(hall_db: Database, qtbot: QtBot) -> None:
    desk = open_desk(qtbot, hall_db)
    fill(qtbot, desk)
    desk.group_spin.setFocus()
    desk.group_spin.lineEdit().selectAll()
    QTest.keyClicks(desk.group_spin, "30")
    editor = desk.representatives
    names = ["王德明", "李桂芝", "张建华", "刘玉兰", "陈国强"]

    def press(key: Qt.Key) -> None:
        focused = QApplication.focusWidget()
        assert focused is not None
        QTest.keyClick(focused, key)

    press(Qt.Key.Key_Tab)
    for number, name in enumerate(names):
        # Each row's name takes the cursor: the first by Tab, the others when added.
        assert QApplication.focusWidget() is editor.edits()[3 * number]
        type_text(qtbot, editor.edits()[3 * number], name)
        for _id_number_phone_and_button in range(3):
            press(Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is editor.add_button
        if number < len(names) - 1:
            press(Qt.Key.Key_Space)
            assert editor.row_count() == number + 2
    # The sixth is refused with the rule's reason; the five stay as typed.
    press(Qt.Key.Key_Space)
    assert editor.row_count() == 5
    refusal = desk._messages["representatives"]
    assert refusal.is_error and refusal.text() == (
        "多人反映共同诉求，应推选代表，代表人数不超过 5 人（《信访工作条例》第十八条），"
        "不能再添加代表。"
    )
    assert [r.name for r in editor.representatives()] == names

    issue(qtbot, desk)
    with hall_db.read() as s:
        visit = s.get_one(Visit, ticket(hall_db, "legal", "A001").visit_id)
        assert [r.name for r in visit.representatives] == names
        assert visit.group_size == 30
    # The next group starts again from one row.
    assert editor.row_count() == 1 and not refusal.isVisible()


def test_a_proxy_visit_needs_the_proxys_name(hall_db: Database, qtbot: QtBot) -> None:
    desk = open_desk(qtbot, hall_db)
    fill(qtbot, desk)
    assert not desk.proxy_cell.isVisible()
    desk.channel_combo.setFocus()
    QTest.keyClick(desk.channel_combo, Qt.Key.Key_End)
    assert desk.channel_combo.currentData() == "proxy" and desk.proxy_cell.isVisible()
    press_f9_refused(qtbot, desk)
    assert desk._messages["proxy_name"].text() == "代理来访，请填写代理人姓名。"
    type_text(qtbot, desk.proxy_edit, "张律师")
    assert not desk._messages["proxy_name"].is_error
    issue(qtbot, desk)
    with hall_db.read() as s:
        visit = s.get_one(Visit, ticket(hall_db, "legal", "A001").visit_id)
        assert visit.channel == "proxy" and visit.proxy_name == "张律师"


def test_the_suggested_window_gives_way_to_the_receptionists_choice(
    hall_db: Database, qtbot: QtBot
) -> None:
    desk = open_desk(qtbot, hall_db)
    assert desk.window_combo.currentIndex() == -1
    QTest.mouseClick(desk.litigation_check, Qt.MouseButton.LeftButton)
    assert desk.window_combo.currentData() == "legal"
    assert desk._messages["window"].text().startswith("建议：涉法涉诉")
    choose(desk, "H")
    assert desk.window_combo.currentData() == "court"
    assert not desk._messages["window"].isVisible()
    type_text(qtbot, desk.summary_edit, "申请最低生活保障")
    assert desk.window_combo.currentData() == "court"


def test_the_queue_table_follows_the_live_feed(hall_db: Database, qtbot: QtBot) -> None:
    desk = open_desk(qtbot, hall_db)
    register(hall_db, "赵淑兰", window="aid", priority_reason="disabled")
    register(hall_db, "孙浩", window="aid")
    assert waiting_shown(desk, "D") == 0
    announce(desk.ctx.events, "aid")
    assert waiting_shown(desk, "D") == 2
    aid_row = desk.window_combo.findData("aid")
    assert desk.window_combo.itemText(aid_row) == "D 帮扶济困（等候 2 人）"
    assert desk.queue_table.item(aid_row, 2).text() == "1"  # type: ignore[union-attr]


def test_a_refusal_from_the_rules_keeps_the_form(hall_db: Database, qtbot: QtBot) -> None:
    desk = open_desk(qtbot, hall_db)
    fill(qtbot, desk)
    # The admin closes the legal window while the receptionist is typing.
    with hall_db.write() as s:
        queue.window_by_code(s, "legal").enabled = False
    typed = snapshot(desk)
    press_f9_refused(qtbot, desk)
    assert desk.status_label.text() == "法律服务窗口已停用，请选择其他窗口。"
    assert snapshot(desk) == typed and tickets_today(hall_db) == 0


# The screen logs the lost connection it turns into a message for the user.
def test_a_lost_database_keeps_the_form_and_the_desk_catches_up(
    hall_db: Database, qtbot: QtBot
) -> None:
    desk = open_desk(qtbot, hall_db)
    fill(qtbot, desk)
    typed = snapshot(desk)
    desk.ctx.database = Database(UNREACHABLE)
    press_f9_refused(qtbot, desk)
    assert desk.status_label.text().startswith("无法连接数据库：未保存任何内容，已填写的内容")
    assert snapshot(desk) == typed

    desk.ctx.database = hall_db
    register(hall_db, "孙浩")
    # Back again: the desk reads the queues anew and finishes the registration it kept.
    with qtbot.waitSignal(desk.ticket_issued):
        desk.ctx.events.connection_restored.emit()
    assert desk.number_label.text() == "A002"
    assert waiting_shown(desk, "A") == 2
    assert desk.registration().name == ""
