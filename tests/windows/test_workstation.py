"""The window workstation, driven by its F-keys and buttons on both databases."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from db.engine import Database
from db.models import Ticket, Visit
from hall import catalog, clock, queue, users
from hall.errors import NotFound
from kit.context import AppContext, HallEvents
from tests.questions import Questions
from tests.windows.helpers import (
    ALICE_ID,
    announce,
    column_texts,
    desk_translation,
    make_ctx,
    register,
    show,
    ticket,
    type_text,
)
from windows import open_workstation
from windows.base import WindowWorkstation


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    with desk_translation():
        yield


def officer(
    database: Database,
    window: str = "legal",
    login: str = "falv",
    seat: int | None = 1,
    events: HallEvents | None = None,
) -> AppContext:
    return make_ctx(database, login, [users.OFFICER], [window], seat=seat, events=events)


def open_ws(qtbot: QtBot, ctx: AppContext, window: str = "legal") -> WindowWorkstation:
    workstation = open_workstation(ctx, window)
    assert isinstance(workstation, WindowWorkstation)
    show(qtbot, workstation)
    return workstation


def press(qtbot: QtBot, ws: WindowWorkstation, key: Qt.Key, target: QWidget | None = None) -> None:
    """Press an action's F-key; the action has run once the counter is shown again."""
    with qtbot.waitSignal(ws.current_changed):
        QTest.keyClick(target or ws, key)


def enabled(ws: WindowWorkstation) -> set[str]:
    buttons = {
        "call": ws.call_button,
        "recall": ws.recall_button,
        "no_show": ws.no_show_button,
        "start": ws.start_button,
        "finish": ws.finish_button,
        "transfer": ws.transfer_button,
        "cancel": ws.cancel_button,
    }
    return {name for name, button in buttons.items() if button.isEnabled()}


# "0 分钟" waited holds however slow the machine: the clock stands still.
@pytest.mark.usefixtures("held_clock")
def test_waiting_list_is_priority_first_then_queue_time(hall_db: Database, qtbot: QtBot) -> None:
    register(hall_db, "王建军")
    register(hall_db, "刘桂英", priority_reason="elderly")
    register(hall_db, "陈志强")
    register(hall_db, "赵淑兰", window="aid")
    ws = open_ws(qtbot, officer(hall_db))
    assert column_texts(ws.waiting_view, 0) == ["A002", "A001", "A003"]
    assert column_texts(ws.waiting_view, 1) == ["刘桂英", "王建军", "陈志强"]
    assert column_texts(ws.waiting_view, 2) == ["老年人", "", ""]
    assert column_texts(ws.waiting_view, 3) == ["0 分钟"] * 3
    assert ws.waiting_box.title() == "等候 3 人"
    assert ws.number_label.text() == "—" and enabled(ws) == {"call"}


def test_call_start_and_finish_save_the_notes(hall_db: Database, qtbot: QtBot) -> None:
    register(hall_db, "张秀英", id_number=ALICE_ID, summary="工资被拖欠三个月", group_size=2)
    register(hall_db, "王建军")
    ctx = officer(hall_db)
    ws = open_ws(qtbot, ctx)

    press(qtbot, ws, Qt.Key.Key_F1)
    assert ws.number_label.text() == "A001" and ws.state_label.text() == "已呼叫"
    assert ws.name_value.text() == "张秀英（女）"
    assert ws.id_value.text() == "110105********002X"
    assert "求决" in ws.matter_value.text() and "2 人" in ws.matter_value.text()
    assert ws.summary_value.text() == "工资被拖欠三个月"
    assert ws.message_label.text() == "正在呼叫 A001 张秀英。"
    assert column_texts(ws.waiting_view, 0) == ["A002"] and ws.waiting_box.title() == "等候 1 人"
    assert enabled(ws) == {"recall", "no_show", "start", "transfer", "cancel"}

    press(qtbot, ws, Qt.Key.Key_F4)
    assert ws.state_label.text() == "办理中" and enabled(ws) == {"finish", "transfer"}

    ws.notes_edit.setFocus()
    type_text(qtbot, ws.notes_edit, "已讲解相关法律规定，建议申请劳动仲裁")
    press(qtbot, ws, Qt.Key.Key_F5, ws.notes_edit)
    assert ws.state_label.text() == "已办结"
    assert ws.message_label.text() == "A001 已办结，办理记录已保存。"
    assert ws.notes_edit.toPlainText() == "" and enabled(ws) == {"call"}

    done = ticket(hall_db, "legal", "A001")
    assert done.status == queue.FINISHED and done.seat == 1
    assert done.notes == "已讲解相关法律规定，建议申请劳动仲裁"
    with hall_db.read() as s:
        row = s.get_one(Ticket, done.id)
        assert row.called_by == ctx.user.id
        visit = s.get_one(Visit, done.visit_id)
        assert visit.outcome_notes == "已讲解相关法律规定，建议申请劳动仲裁"


def test_recall_counts_then_marks_no_show_past_the_limit(hall_db: Database, qtbot: QtBot) -> None:
    register(hall_db, "王建军")
    ws = open_ws(qtbot, officer(hall_db))
    press(qtbot, ws, Qt.Key.Key_F1)
    press(qtbot, ws, Qt.Key.Key_F2)
    assert ws.message_label.text() == "已再次呼叫 A001（第 1 次重呼）。"
    assert ws.state_label.text() == "已呼叫　已重呼 1 次"
    assert ticket(hall_db, "legal", "A001").recall_count == 1
    press(qtbot, ws, Qt.Key.Key_F2)
    assert ticket(hall_db, "legal", "A001").recall_count == 2
    # The hall's limit is two recalls: the third call goes unanswered for good.
    press(qtbot, ws, Qt.Key.Key_F2)
    assert ws.message_label.text() == "A001 重呼后仍未到，已标记为过号。"
    assert ws.state_label.text().startswith("过号")
    assert ticket(hall_db, "legal", "A001").status == queue.NO_SHOW
    assert enabled(ws) == {"call"}


def test_no_show_by_hand(hall_db: Database, qtbot: QtBot) -> None:
    register(hall_db, "王建军")
    ws = open_ws(qtbot, officer(hall_db))
    press(qtbot, ws, Qt.Key.Key_F1)
    press(qtbot, ws, Qt.Key.Key_F3)
    assert ws.message_label.text() == "A001 已标记为过号。" and ws.state_label.text() == "过号"
    assert ticket(hall_db, "legal", "A001").status == queue.NO_SHOW


def test_transfer_sends_the_visitor_to_the_other_windows_list(
    hall_db: Database, qtbot: QtBot
) -> None:
    events = HallEvents()
    register(hall_db, "张秀英", id_number=ALICE_ID)
    legal = open_ws(qtbot, officer(hall_db, events=events))
    aid = open_ws(qtbot, officer(hall_db, "aid", login="bangfu", events=events), "aid")
    assert column_texts(aid.waiting_view, 0) == []

    legal.activateWindow()
    qtbot.waitUntil(legal.isActiveWindow)
    press(qtbot, legal, Qt.Key.Key_F1)
    type_text(qtbot, legal.notes_edit, "需申请临时救助")
    QTest.keyClick(legal, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: legal.transfer_dialog is not None)
    dialog = legal.transfer_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    codes = [dialog.window_combo.itemData(i) for i in range(dialog.window_combo.count())]
    assert "legal" not in codes and "aid" in codes
    dialog.window_combo.setCurrentIndex(codes.index("aid"))

    QTest.mouseClick(dialog.transfer_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.reason_message.is_error
    assert "请填写转窗口的原因" in dialog.reason_message.text()
    assert ticket(hall_db, "legal", "A001").status == queue.CALLED

    type_text(qtbot, dialog.reason_edit, "家庭困难，转帮扶济困")
    QTest.mouseClick(dialog.transfer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert legal.message_label.text() == "A001 已转到帮扶济困窗口，新号码 D001。"
    assert legal.state_label.text() == "已转窗口" and enabled(legal) == {"call"}

    old = ticket(hall_db, "legal", "A001")
    new = ticket(hall_db, "aid", "D001")
    assert old.status == queue.TRANSFERRED
    assert old.notes == "家庭困难，转帮扶济困\n需申请临时救助"
    assert new.status == queue.WAITING and new.transferred_from_id == old.id
    assert new.queued_at == old.queued_at

    # The live feed tells the aid window's workstation; the visitor is in its list.
    announce(events, "aid")
    assert column_texts(aid.waiting_view, 0) == ["D001"]
    assert column_texts(aid.waiting_view, 1) == ["张秀英"]


def test_cancel_asks_first_and_keeps_the_notes_as_reason(
    hall_db: Database, qtbot: QtBot, questions: Questions
) -> None:
    register(hall_db, "王建军")
    ws = open_ws(qtbot, officer(hall_db))
    press(qtbot, ws, Qt.Key.Key_F1)
    type_text(qtbot, ws.notes_edit, "来访人表示不再办理")

    questions.answer = False
    QTest.mouseClick(ws.cancel_button, Qt.MouseButton.LeftButton)
    assert questions.asked == [
        "取消 A001 号？备注中填写的内容将作为取消原因保存；取消后此号不能再叫。"
    ]
    assert questions.buttons == [("取消此号", "取消此号")]
    assert ticket(hall_db, "legal", "A001").status == queue.CALLED

    questions.answer = True
    QTest.mouseClick(ws.cancel_button, Qt.MouseButton.LeftButton)
    cancelled = ticket(hall_db, "legal", "A001")
    assert cancelled.status == queue.CANCELLED and cancelled.notes == "来访人表示不再办理"
    assert ws.state_label.text() == "已取消" and ws.message_label.text() == "A001 已取消。"


def test_f5_asks_first_only_when_nothing_was_recorded(
    hall_db: Database, qtbot: QtBot, questions: Questions
) -> None:
    """F5 ends every service: it is not asked about, except when the forms are still as they
    were started, a press that would end the service with nothing recorded."""
    register(hall_db, "王建军")
    register(hall_db, "陈志强")
    ws = open_ws(qtbot, officer(hall_db))
    press(qtbot, ws, Qt.Key.Key_F1)
    # Not being served yet: F5's button is off, so the key neither finishes nor asks.
    assert not ws.finish_button.isEnabled()
    press(qtbot, ws, Qt.Key.Key_F4)

    questions.answer = False
    # The key clicks its button, which acts a moment later (as on screen).
    QTest.keyClick(ws, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: len(questions.asked) == 1)
    assert questions.asked == [
        "A001 还没有记录任何办理情况。办结后本次接待即结束，不能撤销：仍要办结吗？"
    ]
    assert questions.buttons == [("办结", "办结")]
    assert ticket(hall_db, "legal", "A001").status == queue.SERVING
    assert ws.state_label.text() == "办理中"
    questions.answer = True
    press(qtbot, ws, Qt.Key.Key_F5)
    assert len(questions.asked) == 2
    assert ticket(hall_db, "legal", "A001").status == queue.FINISHED

    # Something recorded: F5 finishes at once, as at every ordinary finish.
    press(qtbot, ws, Qt.Key.Key_F1)
    press(qtbot, ws, Qt.Key.Key_F4)
    type_text(qtbot, ws.notes_edit, "已讲解相关规定")
    press(qtbot, ws, Qt.Key.Key_F5)
    assert len(questions.asked) == 2
    assert ticket(hall_db, "legal", "A002").status == queue.FINISHED


def test_action_on_a_ticket_changed_elsewhere_is_refused_and_notes_kept(
    hall_db: Database, qtbot: QtBot
) -> None:
    register(hall_db, "王建军")
    ws = open_ws(qtbot, officer(hall_db))
    press(qtbot, ws, Qt.Key.Key_F1)
    type_text(qtbot, ws.notes_edit, "已初步了解情况")
    # Meanwhile the front desk cancels the ticket; no live event reaches this workstation.
    with hall_db.write() as s:
        queue.cancel(s, ticket(hall_db, "legal", "A001").id, "来访人离开")

    press(qtbot, ws, Qt.Key.Key_F4)
    assert "A001 号当前状态为“已取消”，不能开始办理" in ws.message_label.text()
    assert ws.notes_edit.toPlainText() == "已初步了解情况"
    assert ws.state_label.text() == "已取消" and enabled(ws) == {"call"}


def test_finish_refused_after_a_transfer_elsewhere_keeps_the_notes(
    hall_db: Database, qtbot: QtBot
) -> None:
    register(hall_db, "王建军")
    ws = open_ws(qtbot, officer(hall_db))
    press(qtbot, ws, Qt.Key.Key_F1)
    press(qtbot, ws, Qt.Key.Key_F4)
    type_text(qtbot, ws.notes_edit, "讲解了政策")
    with hall_db.write() as s:
        queue.transfer(s, ticket(hall_db, "legal", "A001").id, "aid", "领导要求转帮扶")

    press(qtbot, ws, Qt.Key.Key_F5)
    assert "A001 号当前状态为“已转窗口”，不能办结" in ws.message_label.text()
    assert ws.notes_edit.toPlainText() == "讲解了政策"
    assert ticket(hall_db, "legal", "A001").notes == "领导要求转帮扶"
    assert enabled(ws) == {"call"}


def test_an_officer_of_another_window_is_refused(hall_db: Database, qtbot: QtBot) -> None:
    register(hall_db, "王建军")
    ws = open_ws(qtbot, officer(hall_db, "talk", login="tanxin"), "legal")
    press(qtbot, ws, Qt.Key.Key_F1)
    assert "没有被分配到法律服务窗口" in ws.message_label.text()
    assert ws.number_label.text() == "—"
    assert ticket(hall_db, "legal", "A001").status == queue.WAITING


def test_calling_an_empty_queue_says_so(hall_db: Database, qtbot: QtBot) -> None:
    ws = open_ws(qtbot, officer(hall_db))
    press(qtbot, ws, Qt.Key.Key_F1)
    assert ws.message_label.text() == "本窗口没有等候的来访人。"
    assert ws.number_label.text() == "—" and enabled(ws) == {"call"}


def test_live_update_of_its_own_window_refreshes_the_list(hall_db: Database, qtbot: QtBot) -> None:
    ctx = officer(hall_db)
    ws = open_ws(qtbot, ctx)
    register(hall_db, "王建军")
    assert column_texts(ws.waiting_view, 0) == []
    announce(ctx.events, "aid")
    assert column_texts(ws.waiting_view, 0) == []
    announce(ctx.events, "legal")
    assert column_texts(ws.waiting_view, 0) == ["A001"]
    assert ws.waiting_box.title() == "等候 1 人"


def test_reopening_shows_the_visitor_called_to_this_seat(hall_db: Database, qtbot: QtBot) -> None:
    register(hall_db, "王建军")
    register(hall_db, "陈志强")
    with hall_db.write() as s:
        queue.call_next(s, "legal", seat=2)
        queue.call_next(s, "legal", seat=1)
    ws = open_ws(qtbot, officer(hall_db, seat=1))
    assert ws.number_label.text() == "A002" and ws.name_value.text() == "陈志强"
    assert "start" in enabled(ws) and "call" not in enabled(ws)


def test_a_long_queue_is_read_a_page_at_a_time(hall_db: Database, qtbot: QtBot) -> None:
    now = clock.now()
    with hall_db.write() as s:
        for _ in range(120):
            queue.issue_ticket(s, "legal", now=now)
    ws = open_ws(qtbot, officer(hall_db))
    assert ws.waiting_box.title() == "等候 120 人"
    assert ws.waiting_model.rowCount() == ws.waiting_model.page_size < 120
    pages = 1
    while ws.waiting_model.rowCount() < 120:
        loaded = ws.waiting_model.rowCount()
        ws.waiting_view.scrollToBottom()

        def next_page_read(loaded: int = loaded) -> bool:
            return ws.waiting_model.rowCount() > loaded

        qtbot.waitUntil(next_page_read)
        pages += 1
    assert pages == 3
    assert column_texts(ws.waiting_view, 0)[-1] == "A120"
    # The unregistered tickets (issued by a kiosk) still show, without a name.
    assert column_texts(ws.waiting_view, 1)[0] == ""


# The court's clerk has a desk of their own (windows/court.py), tested with the court.
SERVICE_WINDOWS = [spec for spec in catalog.WINDOWS if spec.code != "court"]


@pytest.mark.parametrize("spec", SERVICE_WINDOWS, ids=lambda spec: spec.code)
def test_every_window_opens_on_the_shared_base(
    hall_db: Database, qtbot: QtBot, spec: catalog.WindowSpec
) -> None:
    register(hall_db, "王建军", window=spec.code)
    ws = open_ws(qtbot, officer(hall_db, spec.code, login=f"o{spec.code}"), spec.code)
    press(qtbot, ws, Qt.Key.Key_F1)
    assert ws.number_label.text() == f"{spec.letter}001"
    assert ws.window_name == spec.name


def test_an_unknown_window_names_the_known_ones(hall_db: Database) -> None:
    ctx = officer(hall_db)
    with pytest.raises(NotFound) as error:
        open_workstation(ctx, "nowhere")
    assert "court" in str(error.value)


# The screen logs the lost connection it turns into a message for the user.
def test_a_lost_database_keeps_the_notes_and_the_counter_catches_up(
    hall_db: Database, qtbot: QtBot
) -> None:
    # The summary is what the legal question starts as: finishing needs nothing more typed.
    register(hall_db, "王建军", summary="咨询拆迁补偿政策")
    ws = open_ws(qtbot, officer(hall_db))
    press(qtbot, ws, Qt.Key.Key_F1)
    press(qtbot, ws, Qt.Key.Key_F4)
    type_text(qtbot, ws.notes_edit, "讲解了政策")
    ws.ctx.database = Database("postgresql://postgres@127.0.0.1:1/hall")
    QTest.keyClick(ws, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: ws.message_label.text().startswith("无法连接数据库"))
    assert ws.notes_edit.toPlainText() == "讲解了政策"
    assert ws.state_label.text() == "办理中" and "finish" in enabled(ws)

    ws.ctx.database = hall_db
    register(hall_db, "陈志强")
    with qtbot.waitSignal(ws.current_changed):
        ws.ctx.events.connection_restored.emit()
    assert column_texts(ws.waiting_view, 0) == ["A002"]
    press(qtbot, ws, Qt.Key.Key_F5)
    assert ticket(hall_db, "legal", "A001").notes == "讲解了政策"


def test_a_visitor_picked_from_the_list_is_called_out_of_turn(
    hall_db: Database, qtbot: QtBot
) -> None:
    register(hall_db, "王建军")
    register(hall_db, "陈志强")
    register(hall_db, "孙浩")
    ws = open_ws(qtbot, officer(hall_db))
    ws.waiting_view.setFocus()
    ws.waiting_view.setCurrentIndex(ws.waiting_model.index(2, 0))
    QTest.keyClick(ws.waiting_view, Qt.Key.Key_Return)
    # Out of turn needs a reason, kept in the log (issue 16).
    dialog = ws.out_of_turn_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.reason_edit.insert("行动不便")
    with qtbot.waitSignal(ws.current_changed):
        QTest.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    assert ws.number_label.text() == "A003" and ws.name_value.text() == "孙浩"
    assert ws.message_label.text() == "正在呼叫 A003 孙浩（不按顺序）。"
    assert column_texts(ws.waiting_view, 0) == ["A001", "A002"]

    # One visitor at a time: picking another while one is at the counter is refused.
    ws.waiting_view.setCurrentIndex(ws.waiting_model.index(0, 0))
    QTest.keyClick(ws.waiting_view, Qt.Key.Key_Return)
    assert ws.message_label.text() == "A003 还在办理中：请先办完再叫下一位。"
    assert ticket(hall_db, "legal", "A001").status == queue.WAITING
