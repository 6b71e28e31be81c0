"""The 群众工作日 entry screen and the hearings screen, driven as a user on both databases: the
day's entries flow into the ledger and the register, the summary is saved and printed, the
screen refuses outside the entry week; a hearing is scheduled on a case (its limit moves) or a
decision, its record kept, its notice and record saved and printed."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QComboBox, QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from hall import cases, opinions
from hall.mechanisms import disputes, hearings
from kit.context import AppContext
from tests.daytime import pin_clock
from tests.desktop.conftest import type_text
from tests.hall.test_cases import act, get, letter
from tests.windows.test_court_papers_print import print_to_file
from windows.mechanisms.hearings import HearingsScreen
from windows.mechanisms.workday import WorkdayScreen

WORKDAY = dt.date(2026, 6, 30)


def click(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, check=True
    ).stdout.decode()


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True).stdout
    return int(next(line for line in info.decode().splitlines() if line.startswith("Pages:"))[6:])


def save_through(dialog: QFileDialog, path: Path) -> None:
    """The user names the file in the save dialog and presses Save."""
    dialog.selectFile(str(path))
    dialog.accept()


def pick(combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, f"{text} is not offered"
    combo.setCurrentIndex(index)


# -- 群众工作日 -----------------------------------------------------------------------------


def test_the_days_entries_flow_and_the_summary_is_saved_and_printed(
    qtbot: QtBot,
    chinese: None,
    admin_ctx: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    pin_clock(monkeypatch, day=WORKDAY + dt.timedelta(days=1))
    screen = WorkdayScreen(admin_ctx)
    qtbot.addWidget(screen)
    assert screen.period_label.text() == (
        "正在登记 2026-06-30 群众工作日收集的情况，登记截止 2026-07-07。"
    )
    assert screen.form_box.isEnabled()
    # An opinion: its topic asked for, the parties not.
    assert screen.topic.isVisibleTo(screen) and not screen.parties.isVisibleTo(screen)
    screen.township.setEditText("千秋镇")
    type_text(qtbot, screen.village, "北村")
    topic = screen.topic.currentText()
    type_text(qtbot, screen.content, "村里路灯坏了多处")
    click(qtbot, screen.enter_button)
    assert screen.message.text() == f"已登记：意见建议，{topic}。"
    # A dispute: the parties and their number.
    pick(screen.kind, "矛盾纠纷")
    screen.township.setEditText("千秋镇")
    type_text(qtbot, screen.parties, "赵甲、钱乙")
    screen.people.setValue(2)
    type_text(qtbot, screen.content, "两户宅基地边界争议")
    click(qtbot, screen.enter_button)
    pick(screen.kind, "为民办实事")
    screen.township.setEditText("东区街道")
    type_text(qtbot, screen.content, "帮孤寡老人修缮房屋")
    click(qtbot, screen.enter_button)
    assert screen.entries_title.text() == "2026-06-30 群众工作日已登记：3 条"
    assert [screen.entries.item(r, 0).text() for r in range(3)] == [
        "为民办实事",
        "矛盾纠纷",
        "意见建议",
    ]
    assert screen.entries.item(1, 6).text() == "纠〔2026〕0001号"
    with admin_ctx.database.read() as s:
        assert [o.content for o in opinions.search(s, opinions.OpinionFilter())] == [
            "村里路灯坏了多处"
        ]
        assert [r.parties for r in disputes.search(s)] == ["赵甲、钱乙"]

    # The next day's summary for the leaders' meeting, saved and printed: one page.
    saved = tmp_path / "汇总.pdf"
    click(qtbot, screen.save_button)
    assert isinstance(screen.papers.dialog, QFileDialog)
    save_through(screen.papers.dialog, saved)
    qtbot.waitUntil(lambda: "群众工作日汇总已保存为" in screen.message.text(), timeout=20_000)
    assert pdf_pages(saved) == 1
    text = pdf_text(saved)
    assert "千秋镇" in text and "东区街道" in text and "意见建议" in text
    printed = tmp_path / "printed.pdf"
    click(qtbot, screen.print_button)
    assert isinstance(screen.papers.dialog, QPrintDialog)
    print_to_file(screen.papers.dialog, printed)
    qtbot.waitUntil(lambda: screen.message.text() == "群众工作日汇总已送打印机。", timeout=20_000)
    assert pdf_pages(printed) == 1


def test_outside_the_entry_week_the_screen_says_so_and_refuses(
    qtbot: QtBot, chinese: None, admin_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    closed = "今天不在群众工作日的登记期内（本月群众工作日为7月30日，可在当天及其后 7 天内登记）。"
    pin_clock(monkeypatch, day=dt.date(2026, 7, 8))
    screen = WorkdayScreen(admin_ctx)
    qtbot.addWidget(screen)
    assert screen.period_label.text() == closed
    assert not screen.form_box.isEnabled()
    # Last month's summary can still be drawn.
    assert screen.summary_day() == WORKDAY

    # A screen opened on the last day of the week and used the day after is refused too.
    pin_clock(monkeypatch, day=dt.date(2026, 7, 7))
    open_late = WorkdayScreen(admin_ctx)
    qtbot.addWidget(open_late)
    assert open_late.form_box.isEnabled()
    pin_clock(monkeypatch, day=dt.date(2026, 7, 8))
    open_late.township.setEditText("千秋镇")
    type_text(qtbot, open_late.content, "晚了一天的登记")
    click(qtbot, open_late.enter_button)
    assert open_late.message.text() == closed
    assert open_late.content.toPlainText() == "晚了一天的登记"
    assert open_late.entries.rowCount() == 0


# -- 听证 -----------------------------------------------------------------------------------


def test_a_cases_hearing_moves_its_limit_and_its_papers_come_out(
    qtbot: QtBot, chinese: None, admin_ctx: AppContext, tmp_path: Path
) -> None:
    database = admin_ctx.database
    case_id = letter(database, dt.date(2026, 5, 28))
    act(database, cases.accept, case_id, dt.date(2026, 6, 1))
    number = get(database, case_id).number
    assert get(database, case_id).handle_due == dt.date(2026, 7, 31)
    screen = HearingsScreen(admin_ctx)
    qtbot.addWidget(screen)
    assert screen.case_number.isVisibleTo(screen) and not screen.subject.isVisibleTo(screen)
    type_text(qtbot, screen.case_number, number)
    screen.days.setValue(5)
    type_text(qtbot, screen.place, "三楼听证室")
    type_text(qtbot, screen.chair, "王建国")
    type_text(qtbot, screen.members, "张律师、李代表")
    type_text(qtbot, screen.parties, "张三")
    click(qtbot, _button(screen, "安排听证"))
    assert screen.message.text() == "已安排听证 听〔2026〕001号。"
    assert screen.table.rowCount() == 1 and screen.table.item(0, 3).text() == number
    # Not counted in the case's limit: 31 July moves by the hearing's 5 days.
    assert get(database, case_id).handle_due == dt.date(2026, 8, 5)

    assert screen.chosen() is not None
    type_text(qtbot, screen.record_text, "各方陈述意见，听证员评议。")
    click(qtbot, _button(screen, "保存听证笔录"))
    assert screen.message.text() == "听〔2026〕001号 的听证笔录已保存。"
    notice, record = tmp_path / "notice.pdf", tmp_path / "record.pdf"
    click(qtbot, _button(screen, "保存通知书…"))
    assert isinstance(screen.papers.dialog, QFileDialog)
    save_through(screen.papers.dialog, notice)
    qtbot.waitUntil(lambda: "听证通知书已保存为" in screen.message.text(), timeout=20_000)
    click(qtbot, _button(screen, "保存笔录…"))
    assert isinstance(screen.papers.dialog, QFileDialog)
    save_through(screen.papers.dialog, record)
    qtbot.waitUntil(lambda: "听证笔录已保存为" in screen.message.text(), timeout=20_000)
    assert "听证通知书" in pdf_text(notice) and "三楼听证室" in pdf_text(notice)
    assert "听证笔录" in pdf_text(record) and "听证员评议" in pdf_text(record)


def test_a_decisions_hearing_must_conclude_and_its_record_prints(
    qtbot: QtBot, chinese: None, admin_ctx: AppContext, tmp_path: Path
) -> None:
    screen = HearingsScreen(admin_ctx)
    qtbot.addWidget(screen)
    pick(screen.kind, "重大决策听证评估")
    assert screen.subject.isVisibleTo(screen) and not screen.case_number.isVisibleTo(screen)
    click(qtbot, _button(screen, "安排听证"))
    # Every mistake at its field at once, counted in the summary (one display on every form).
    marked = {n: m.text() for n, m in screen.errors.messages.items() if m.is_error}
    assert marked == {
        "subject": "请填写听证的重大决策事项。",
        "place": "请填写听证地点。",
        "chair": "请填写听证主持人。",
    }
    assert screen.message.text() == "有 3 处需要修改（已标红），没有保存。"
    type_text(qtbot, screen.subject, "老城区改造方案")
    type_text(qtbot, screen.place, "三楼会议室")
    type_text(qtbot, screen.chair, "李红")
    click(qtbot, _button(screen, "安排听证"))
    type_text(qtbot, screen.record_text, "多数听证员认为补偿标准偏低。")
    click(qtbot, _button(screen, "保存听证笔录"))
    outcome = screen.errors.messages["outcome"]
    assert outcome.is_error and outcome.text() == "重大决策听证须作出结论：支持、暂缓或否决。"
    assert screen.message.text() == "有 1 处需要修改（已标红），没有保存。"
    pick(screen.outcome, "否决")
    assert not outcome.is_error
    click(qtbot, _button(screen, "保存听证笔录"))
    assert screen.table.item(0, 5).text() == "否决"
    with admin_ctx.database.read() as s:
        assert hearings.outcome_counts(s, 2026) == {"否决": 1}
    printed = tmp_path / "printed.pdf"
    click(qtbot, _button(screen, "打印笔录…"))
    assert isinstance(screen.papers.dialog, QPrintDialog)
    print_to_file(screen.papers.dialog, printed)
    qtbot.waitUntil(lambda: screen.message.text() == "听证笔录已送打印机。", timeout=20_000)
    assert pdf_pages(printed) >= 1


def _button(screen: HearingsScreen, text: str) -> QPushButton:
    for button in screen.findChildren(QPushButton):
        if button.text() == text:
            return button
    raise AssertionError(f"no button {text}")
