"""Log-in against the users in the database, on both engines."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db import events
from db.engine import Database
from desktop.login import LoginDialog
from hall import users
from tests.desktop.conftest import PASSWORD, AddUser

pytestmark = pytest.mark.usefixtures("chinese")


def open_dialog(qtbot: QtBot, database: Database, login: str = "") -> LoginDialog:
    dialog = LoginDialog(database, "义马市群众工作部接待大厅", login)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_enter_logs_in_and_returns_the_user(
    hall_db: Database, add_user: AddUser, qtbot: QtBot
) -> None:
    add_user("falv", [users.OFFICER], ["legal"], name="李明")
    dialog = open_dialog(qtbot, hall_db)
    assert dialog.windowTitle() == "登录"
    assert dialog.ok_button.text() == "登录"
    qtbot.keyClicks(dialog.login_edit, "falv")
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.user is not None
    assert dialog.user.name == "李明"
    assert users.window_codes(dialog.user) == ["legal"]
    with hall_db.read() as session:
        logged = [e.kind for e in events.since(session, 0)]
    assert logged[-1] == "user.login"


def test_wrong_password_is_told_in_the_dialog_and_the_login_is_kept(
    hall_db: Database, add_user: AddUser, qtbot: QtBot
) -> None:
    add_user("falv", [users.OFFICER], ["legal"])
    dialog = open_dialog(qtbot, hall_db)
    qtbot.keyClicks(dialog.login_edit, "falv")
    qtbot.keyClicks(dialog.password_edit, "not-the-password")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.user is None
    assert dialog.error_label.isVisible()
    # Issue 15: one message for every refusal, naming the lock too.
    assert dialog.error_label.text().startswith("登录名或密码不正确，")
    assert dialog.login_edit.text() == "falv"
    assert dialog.password_edit.text() == ""
    assert dialog.focusWidget() is dialog.password_edit
    # The second try, with the right password, goes through.
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Enter)
    assert dialog.user is not None and dialog.user.login == "falv"


def test_unknown_login_gets_the_same_message(
    hall_db: Database, add_user: AddUser, qtbot: QtBot
) -> None:
    add_user("falv", [users.OFFICER], ["legal"])
    dialog = open_dialog(qtbot, hall_db)
    qtbot.keyClicks(dialog.login_edit, "nobody")
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.user is None
    # Issue 15: one message for every refusal, naming the lock too.
    assert dialog.error_label.text().startswith("登录名或密码不正确，")
    assert dialog.login_edit.text() == "nobody"


def test_empty_login_is_asked_for(hall_db: Database, qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot, hall_db)
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.error_label.text() == "请输入登录名。"
    assert dialog.focusWidget() is dialog.login_edit


def test_a_given_login_is_filled_in_and_the_password_has_the_focus(
    hall_db: Database, add_user: AddUser, qtbot: QtBot
) -> None:
    add_user("admin", [users.ADMIN])
    dialog = open_dialog(qtbot, hall_db, login="admin")
    assert dialog.login_edit.text() == "admin"
    assert dialog.focusWidget() is dialog.password_edit
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)


def test_unreachable_database_is_told_in_the_dialog(qtbot: QtBot) -> None:
    database = Database("postgresql+psycopg://postgres@127.0.0.1:1/nothing")
    try:
        dialog = open_dialog(qtbot, database, login="admin")
        qtbot.keyClicks(dialog.password_edit, PASSWORD)
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
        assert dialog.isVisible() and dialog.user is None
        assert dialog.error_label.text().startswith("无法连接数据库：")
    finally:
        database.dispose()
