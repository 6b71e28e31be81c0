"""The administrator's screen for the service windows, on both databases: responsible units,
the lists the forms offer, who may serve which window; reached from the main window's
Administration menu, which other users do not have."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.engine import Database
from db.window_models import AID_KINDS
from desktop.admin_windows import WindowsAdminScreen
from desktop.main_window import MainWindow
from hall import lists, staffing, units, users
from kit.context import AppContext, HallEvents
from tests.desktop.conftest import AddUser, type_text

pytestmark = pytest.mark.usefixtures("chinese")


def open_screens() -> list[WindowsAdminScreen]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, WindowsAdminScreen)]


def open_screen(qtbot: QtBot, ctx: AppContext) -> WindowsAdminScreen:
    screen = WindowsAdminScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1000, 640)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def test_units_added_edited_and_retired(admin_ctx: AppContext, qtbot: QtBot) -> None:
    with admin_ctx.database.write() as s:
        units.seed_demo(s)
    screen = open_screen(qtbot, admin_ctx)
    page = screen.units
    count = page.table.rowCount()
    page.name_edit.clear()
    type_text(qtbot, page.name_edit, "义马市第一中学")
    page.kind_combo.setCurrentText("企事业单位")
    page.contact_edit.clear()
    type_text(qtbot, page.contact_edit, "校办 李老师 0398-5816000")
    QTest.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.status_label.text() == "已添加“义马市第一中学”。"
    assert page.table.rowCount() == count + 1
    row = page.table.currentRow()
    assert page.table.item(row, 0).text() == "义马市第一中学"  # type: ignore[union-attr]

    # Adding the same name again is refused at the name.
    QTest.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert (
        page.messages["name"].text()
        == "已有名为“义马市第一中学”的单位：单位名称不能重复，请换一个名称。"
    )

    page.contact_edit.clear()
    type_text(qtbot, page.contact_edit, "校办 王主任 13903980000")
    QTest.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    assert page.status_label.text() == "“义马市第一中学”已停用，不再供选择。"
    assert page.active_button.text() == "恢复使用"
    with admin_ctx.database.read() as s:
        school = next(u for u in units.units(s, False) if u.name == "义马市第一中学")
        assert (school.contact, school.active, school.kind) == (
            "校办 王主任 13903980000",
            False,
            "企事业单位",
        )
        assert "义马市第一中学" not in {u.name for u in units.units(s)}


def test_aid_kinds_added_renamed_moved_and_retired(admin_ctx: AppContext, qtbot: QtBot) -> None:
    screen = open_screen(qtbot, admin_ctx)
    page = screen.lists
    page.list_combo.setCurrentIndex(page.list_combo.findData(AID_KINDS))
    assert page.items.count() == len(lists.DEFAULTS[AID_KINDS])
    page.name_edit.clear()
    type_text(qtbot, page.name_edit, "残疾人补贴")
    QTest.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.items.currentItem().text() == "残疾人补贴"  # type: ignore[union-attr]
    page.name_edit.clear()
    type_text(qtbot, page.name_edit, "残疾人两项补贴")
    QTest.mouseClick(page.rename_button, Qt.MouseButton.LeftButton)
    for _ in range(3):
        QTest.mouseClick(page.up_button, Qt.MouseButton.LeftButton)
    assert page.items.currentRow() == page.items.count() - 4
    page.name_edit.clear()
    type_text(qtbot, page.name_edit, "医疗救助")
    QTest.mouseClick(page.rename_button, Qt.MouseButton.LeftButton)
    assert (
        page.name_message.text()
        == "帮扶救助类别中已有“医疗救助”：帮扶救助类别名称不能重复，请换一个名称。"
    )
    QTest.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    assert page.items.currentItem().text() == "残疾人两项补贴（已停用）"  # type: ignore[union-attr]
    with admin_ctx.database.read() as s:
        offered = [i.name for i in lists.items(s, AID_KINDS)]
        kept = [i.name for i in lists.items(s, AID_KINDS, active_only=False)]
    assert "残疾人两项补贴" not in offered
    assert kept.index("残疾人两项补贴") == len(kept) - 4


def test_who_serves_which_window(
    admin_ctx: AppContext, add_user: AddUser, hall_db: Database, qtbot: QtBot
) -> None:
    officer = add_user("falv", [users.OFFICER], ["legal"], name="李明")
    add_user("lingdao", [users.LEADER], name="刘书记")
    screen = open_screen(qtbot, admin_ctx)
    page = screen.staff
    # Only officers and clerks are listed: a leader serves no window.
    assert [m.login for m in page.members] == ["falv"]
    tick = page.tick("falv", "aid")
    assert page.tick("falv", "legal").checkState() == Qt.CheckState.Checked
    tick.setCheckState(Qt.CheckState.Checked)
    assert page.status_label.text() == "李明可办理：法律服务、帮扶济困。"
    page.tick("falv", "legal").setCheckState(Qt.CheckState.Unchecked)
    with hall_db.read() as s:
        member = next(m for m in staffing.staff(s) if m.id == officer.id)
    assert member.windows == ("aid",)


def test_the_administration_menu_is_the_administrators(
    admin_ctx: AppContext, add_user: AddUser, hall_db: Database, qtbot: QtBot
) -> None:
    officer = add_user("falv", [users.OFFICER], ["legal"])
    titles = {}
    for name, ctx in (
        ("admin", admin_ctx),
        ("officer", AppContext(hall_db, officer, HallEvents())),
    ):
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        titles[name] = [a.text() for a in window.menuBar().actions()]
        if name == "admin":
            menu = next(a for a in window.menuBar().actions() if a.text() == "管理(&A)").menu()
            assert menu is not None
            action, queue_action = menu.actions()
            assert action.text() == "服务窗口设置(&W)：责任单位、列表、人员…"
            assert queue_action.text() == "预约时段、服务时限与接访排班(&A)…"
            action.trigger()
            qtbot.waitUntil(
                lambda: any(
                    isinstance(w, WindowsAdminScreen) for w in QApplication.topLevelWidgets()
                )
            )
            screen = next(
                w for w in QApplication.topLevelWidgets() if isinstance(w, WindowsAdminScreen)
            )
            assert screen.windowTitle() == "服务窗口：责任单位、列表、人员"
            screen.close()
    assert "管理(&A)" in titles["admin"] and "管理(&A)" not in titles["officer"]
