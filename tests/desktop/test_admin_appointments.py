"""Issue 16's administration, on both databases: the administrator adds appointment slots for a
window and for the leader's reception, changes a capacity and removes a slot (asked first),
sets the service-level targets and the 领导接访 roster, and saves the roster as an A4 PDF that
reads back with pdftotext."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QTime
from pytestqt.qtbot import QtBot

from desktop.admin_appointments import QueueAdminScreen
from hall import appointment_admin, appointments, clock
from kit.context import AppContext
from kit.dates import to_qdate
from tests.desktop.test_front_desk_receipts import text_of
from tests.questions import Questions

pytestmark = pytest.mark.usefixtures("chinese")


def open_screen(qtbot: QtBot, ctx: AppContext) -> QueueAdminScreen:
    screen = QueueAdminScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1000, 640)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def test_slots_and_their_capacity(
    admin_ctx: AppContext, qtbot: QtBot, questions: Questions
) -> None:
    screen = open_screen(qtbot, admin_ctx)
    page = screen.slots
    page.window_combo.setCurrentIndex(page.window_combo.findData("legal"))
    page.starts_edit.setTime(QTime(15, 0))
    page.ends_edit.setTime(QTime(16, 0))
    page.capacity_spin.setValue(4)
    page.add_button.click()
    assert page.status_label.text() == "已新增：法律服务窗口 15:00–16:00。"
    page.window_combo.setCurrentIndex(page.window_combo.findData("talk"))
    page.leader_check.setChecked(True)
    page.add_button.click()
    cells = [[page.table.item(r, c).text() for c in range(4)] for r in range(2)]  # type: ignore[union-attr]
    assert cells == [
        ["法律服务窗口 15:00–16:00", "法律服务", "4", "0"],
        ["领导接访 15:00–16:00", "交流谈心", "4", "0"],
    ]

    page.table.selectRow(0)
    page.capacity_spin.setValue(9)
    page.change_button.click()
    assert page.status_label.text() == "法律服务窗口 15:00–16:00：今后每天可约 9 人。"
    with admin_ctx.database.read() as s:
        assert [x.capacity for x in appointments.slots(s, clock.now().date())] == [9, 4]

    # A slot that ends before it starts is refused in Chinese, nothing added.
    page.starts_edit.setTime(QTime(17, 0))
    page.add_button.click()
    assert page.status_label.text() == "预约时段的结束时间应晚于开始时间。"

    page.table.selectRow(1)
    page.remove_button.click()
    assert questions.asked == ["不再开放“领导接访 15:00–16:00”？已有的预约仍然有效，照常签到。"]
    assert page.table.rowCount() == 1


def test_service_level_targets(admin_ctx: AppContext, qtbot: QtBot) -> None:
    screen = open_screen(qtbot, admin_ctx)
    page = screen.targets
    assert page.hall_spin.value() == 15
    assert page.spins["legal"].text() == "按全大厅"
    page.hall_spin.setValue(20)
    page.spins["legal"].setValue(8)
    page.save_button.click()
    assert page.status_label.text() == "服务时限已保存，领导概况页即按新时限统计。"
    with admin_ctx.database.read() as s:
        targets = {line.window: line.effective for line in appointment_admin.targets(s).windows}
    assert (targets["legal"], targets["aid"]) == (8, 20)


def test_the_duty_roster_set_and_saved_as_pdf(
    admin_ctx: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    screen = open_screen(qtbot, admin_ctx)
    page = screen.roster
    tomorrow = clock.now().date() + dt.timedelta(days=1)
    page.day_edit.setDate(to_qdate(tomorrow))
    page.name_edit.setText("张秀兰")
    page.post_edit.setText("副市长")
    page.portfolio_edit.setText("民政、社保")
    page.save_button.click()
    assert page.status_label.text() == "2026-06-11：由张秀兰接访。"
    row = [page.table.item(0, c).text() for c in range(4)]  # type: ignore[union-attr]
    assert row == ["2026-06-11", "张秀兰", "副市长", "民政、社保"]

    page.post_edit.clear()
    page.save_button.click()
    assert page.status_label.text() == "请填写接访领导的职务。"

    path = tmp_path / "roster.pdf"
    with qtbot.waitSignal(page.paper.done, timeout=10000) as done:
        page.paper.save(path)
    assert done.args == [f"排班表已保存为 {path}。"]
    text = text_of(path)
    for printed in ("领导接访安排表", "6月11日", "四", "张秀兰", "副市长", "民政、社保"):
        assert printed in text
