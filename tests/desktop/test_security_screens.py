"""The screens of issue 15 on both databases: the idle lock keeps a half-typed registration,
the users screen follows the separation of duties, the audit screen filters and exports."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtWidgets import QDialog, QLineEdit, QMainWindow, QPushButton
from pytestqt.qtbot import QtBot

from db.engine import Database
from desktop.audit_screen import AuditScreen
from desktop.front_desk import FrontDeskScreen
from desktop.idle_lock import IdleLock
from desktop.login import LoginDialog
from desktop.password_dialog import ChangePasswordDialog
from desktop.users_screen import UsersScreen
from hall import accounts, user_admin, users
from kit.context import PDF_ONLY, AppContext, HallEvents, ReceiptSetup
from tests.windows.helpers import make_ctx, show, type_text

GOOD = "Hall-2026a"
# make_ctx's password for every user it makes.
CTX_PASSWORD = "secret1"


def front_desk_window(qtbot: QtBot, database: Database) -> tuple[QMainWindow, FrontDeskScreen]:
    ctx = make_ctx(database, "daofang", [users.RECEPTION], seat=None)
    ctx.workstation.receipt = ReceiptSetup(output=PDF_ONLY)
    window = QMainWindow()
    desk = FrontDeskScreen(ctx)
    window.setCentralWidget(desk)
    window.menuBar().addMenu("系统")
    show(qtbot, window)
    return window, desk


def test_the_idle_lock_keeps_a_half_typed_registration(hall_db: Database, qtbot: QtBot) -> None:
    window, desk = front_desk_window(qtbot, hall_db)
    lock = IdleLock(desk.ctx, window, minutes=10)
    type_text(qtbot, desk.name_edit, "张秀英")
    type_text(qtbot, desk.summary_edit, "反映宅基地")
    assert lock.timer.isActive() and lock.timer.interval() == 10 * 60_000
    with qtbot.waitSignal(lock.locked):
        lock.timer.timeout.emit()  # ten minutes without input
    cover = lock.cover
    assert cover is not None and cover.isVisible()
    assert cover.geometry() == window.rect()
    assert not desk.isEnabled(), "nothing can be typed under the cover"
    qtbot.keyClicks(desk.name_edit, "X")
    type_text(qtbot, cover.password_edit, "wrong-password")
    cover.unlock_button.click()
    assert lock.is_locked and cover.error_label.text().startswith("The password is not right")
    type_text(qtbot, cover.password_edit, CTX_PASSWORD)
    with qtbot.waitSignal(lock.unlocked):
        cover.unlock_button.click()
    assert desk.isEnabled() and not lock.is_locked
    assert desk.name_edit.text() == "张秀英"
    assert desk.summary_edit.toPlainText() == "反映宅基地"
    assert lock.timer.isActive(), "watching for the next idle spell"


def test_an_administrator_forces_the_log_out(hall_db: Database, qtbot: QtBot) -> None:
    window, desk = front_desk_window(qtbot, hall_db)
    with hall_db.write() as s:
        users.add_user(s, "xitong", "系统管理员", GOOD, [users.ADMIN])
        users.add_user(s, "falv", "李明", GOOD, [users.OFFICER], ["legal"])
    lock = IdleLock(desk.ctx, window, minutes=10)
    lock.lock()
    assert lock.cover is not None
    lock.force_log_out("falv", GOOD)
    assert lock.is_locked and "系统管理员" in lock.cover.error_label.text()
    with qtbot.waitSignal(lock.logged_out):
        lock.force_log_out("xitong", GOOD)
    assert not lock.is_locked


def ctx_of(database: Database, login: str, roles: list[str]) -> AppContext:
    return make_ctx(database, login, roles, seat=None, events=HallEvents())


def test_the_users_screen_follows_the_separation_of_duties(hall_db: Database, qtbot: QtBot) -> None:
    system = UsersScreen(ctx_of(hall_db, "xitong", [users.ADMIN]))
    show(qtbot, system)
    assert system.add_button.isEnabled() and not system.roles_button.isEnabled()
    dialog = system.add_user()
    dialog.login_edit.setText("xinren")
    dialog.name_edit.setText("新同事")
    dialog.password_edit.setText("short")
    dialog.windows.boxes["legal"].setChecked(True)
    dialog.accept()
    assert dialog.isVisible() and "至少 8 位" in dialog.error_label.text()
    dialog.password_edit.setText("First-1234")
    dialog.accept()
    assert not dialog.isVisible()
    assert [r.login for r in system.rows] == ["xinren", "xitong"]
    security = UsersScreen(ctx_of(hall_db, "anquan", [users.SECURITY]))
    show(qtbot, security)
    assert security.roles_button.isEnabled() and not security.add_button.isEnabled()
    security.select("xinren")
    security.edit_roles([users.OFFICER])
    security.select("xinren")
    assert security.rows[security.table.currentRow()].roles == (users.OFFICER,)
    security.max_failures.setValue(3)
    security.save_rules()
    with hall_db.read() as s:
        assert accounts.settings.get(s, accounts.MAX_FAILURES) == 3
    buttons = [b for b in security.findChildren(QPushButton) if b.isEnabled()]
    assert security.add_button not in buttons


def test_the_audit_screen_filters_and_exports(
    hall_db: Database, qtbot: QtBot, tmp_path: Path
) -> None:
    with hall_db.write() as s:
        users.add_user(s, "falv", "李明", GOOD, [users.OFFICER], ["legal"])
    for password in ("wrong", GOOD):
        with hall_db.write() as s:
            accounts.log_in(s, "falv", password)
    screen = AuditScreen(ctx_of(hall_db, "shenji", [users.AUDITOR]))
    show(qtbot, screen)
    assert screen.table.rowCount() == len(screen.rows) == 4  # 2 users added, 2 log-ins
    screen.login_edit.setText("falv")
    screen.search()
    assert [r.kind for r in screen.rows] == ["登录", "登录失败"]
    screen.kind_combo.setCurrentIndex(screen.kind_combo.findData("user.login_failed"))
    screen.search()
    assert [r.outcome for r in screen.rows] == ["拒绝"]
    target = tmp_path / "audit.xlsx"
    screen.export(target)
    qtbot.waitUntil(lambda: target.exists() and "audit.xlsx" in screen.status_label.text())
    sheet = load_workbook(target).active
    assert sheet is not None
    assert "登录失败" in [str(c.value) for row in sheet.iter_rows() for c in row]


def test_a_password_to_change_at_log_in(hall_db: Database, qtbot: QtBot) -> None:
    with hall_db.write() as s:
        user = users.add_user(s, "falv", "李明", GOOD, [users.OFFICER], ["legal"])
    dialog = ChangePasswordDialog(hall_db, user.id, required=True)
    show(qtbot, dialog)
    dialog.old_edit.setText(GOOD)
    dialog.new_edit.setText("Next-20260")
    dialog.again_edit.setText("Next-20261")
    dialog.accept()
    assert dialog.isVisible() and dialog.error_label.text()
    dialog.again_edit.setText("Next-20260")
    dialog.accept()
    assert not dialog.isVisible()
    with hall_db.write() as s:
        assert accounts.log_in(s, "falv", "Next-20260").user is not None


def test_a_reset_password_is_changed_before_the_log_in_ends(
    hall_db: Database, qtbot: QtBot
) -> None:
    with hall_db.write() as s:
        admin = users.add_user(s, "xitong", "系统管理员", GOOD, [users.ADMIN])
        officer = users.add_user(s, "falv", "李明", GOOD, [users.OFFICER], ["legal"])
        user_admin.reset_password(s, admin, officer.id, "Temp-12345")
    login = LoginDialog(hall_db, "大厅")
    show(qtbot, login)
    login.login_edit.setText("falv")
    login.password_edit.setText("Temp-12345")
    login.accept()
    change = login.findChild(ChangePasswordDialog)
    assert change is not None and change.isVisible() and login.result() == 0
    change.old_edit.setText("Temp-12345")
    change.new_edit.setText("Mine-123456")
    change.again_edit.setText("Mine-123456")
    with qtbot.waitSignal(login.accepted):
        change.accept()
    assert login.user is not None and login.user.login == "falv"


def test_an_open_dialog_is_hidden_under_the_lock_and_kept(hall_db: Database, qtbot: QtBot) -> None:
    window, desk = front_desk_window(qtbot, hall_db)
    lock = IdleLock(desk.ctx, window, minutes=10)
    dialog = QDialog(window)
    field = QLineEdit(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(field, "half typed")
    lock.lock()
    assert not dialog.isVisible(), "nothing is readable above the cover"
    assert lock.cover is not None
    type_text(qtbot, lock.cover.password_edit, CTX_PASSWORD)
    lock.unlock()
    assert dialog.isVisible() and field.text() == "half typed"
