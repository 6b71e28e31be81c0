"""The first-start dialog: every field's bad input is told next to it, nothing typed is lost,
and good input sets the hall up. On both engines."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.engine import Database
from desktop import setup_dialog as f
from desktop.setup_dialog import SetupDialog
from hall import catalog, settings, setup, users
from tests.desktop.conftest import type_text

pytestmark = pytest.mark.usefixtures("chinese")

GOOD = {
    f.HALL_NAME: "义马市群众工作部接待大厅",
    f.CITY_CODE: "411281",
    f.COURT_CODE: "豫1281",
    f.LOGIN: "admin",
    f.NAME: "张管理",
    f.PASSWORD: "admin-pass",
    f.CONFIRM: "admin-pass",
}

# One bad value per field, and the message the user must then see next to that field.
BAD = [
    (f.HALL_NAME, "  ", f.HALL_NAME, "请填写大厅名称。"),
    (f.CITY_CODE, "4112", f.CITY_CODE, "行政区划代码应为 6 位数字（如 411281）。"),
    (f.CITY_CODE, "41128a", f.CITY_CODE, "行政区划代码应为 6 位数字（如 411281）。"),
    (f.COURT_CODE, "", f.COURT_CODE, "请填写法院代字（如 豫1281），案号中要用到。"),
    (f.LOGIN, "", f.LOGIN, "请填写登录名。"),
    (f.NAME, " ", f.NAME, "请填写姓名。"),
    (f.CONFIRM, "admin-pasS", f.CONFIRM, "两次输入的密码不一致，请重新输入。"),
]


def open_dialog(qtbot: QtBot, database: Database) -> SetupDialog:
    dialog = SetupDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def fill(qtbot: QtBot, dialog: SetupDialog, values: dict[str, str]) -> None:
    for field, value in values.items():
        dialog.edits[field].clear()
        type_text(qtbot, dialog.edits[field], value)


def submit(qtbot: QtBot, dialog: SetupDialog) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def shown_errors(dialog: SetupDialog) -> dict[str, str]:
    return {field: label.text() for field, label in dialog.errors.items() if label.isVisible()}


@pytest.mark.parametrize(("field", "value", "at", "message"), BAD)
def test_bad_input_is_told_next_to_its_field_and_nothing_is_lost(
    db: Database, qtbot: QtBot, field: str, value: str, at: str, message: str
) -> None:
    dialog = open_dialog(qtbot, db)
    values = {**GOOD, field: value}
    fill(qtbot, dialog, values)
    submit(qtbot, dialog)
    assert dialog.isVisible() and dialog.admin is None
    assert shown_errors(dialog) == {at: message}
    assert dialog.focusWidget() is dialog.edits[at]
    assert {name: edit.text() for name, edit in dialog.edits.items()} == values
    with db.read() as session:
        assert not setup.is_set_up(session)
        assert not users.any_users(session)
        assert catalog.windows(session) == []


def test_short_password_is_told_at_the_password(db: Database, qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot, db)
    fill(qtbot, dialog, {**GOOD, f.PASSWORD: "abc", f.CONFIRM: "abc"})
    submit(qtbot, dialog)
    assert shown_errors(dialog) == {f.PASSWORD: "密码至少 6 位。"}


def test_errors_are_fixed_one_after_another_then_the_hall_is_set_up(
    db: Database, qtbot: QtBot
) -> None:
    dialog = open_dialog(qtbot, db)
    assert dialog.windowTitle() == "首次启动：设置大厅"
    fill(qtbot, dialog, {**GOOD, f.HALL_NAME: "", f.CITY_CODE: "12"})
    submit(qtbot, dialog)
    assert list(shown_errors(dialog)) == [f.HALL_NAME]
    fill(qtbot, dialog, {f.HALL_NAME: GOOD[f.HALL_NAME]})
    submit(qtbot, dialog)
    # The fixed field's message goes; the next problem is told.
    assert list(shown_errors(dialog)) == [f.CITY_CODE]
    fill(qtbot, dialog, {f.CITY_CODE: GOOD[f.CITY_CODE]})
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        submit(qtbot, dialog)
    assert shown_errors(dialog) == {}
    assert dialog.admin is not None and dialog.admin.login == "admin"
    with db.write() as session:
        assert setup.is_set_up(session)
        assert settings.get(session, settings.HALL_NAME) == "义马市群众工作部接待大厅"
        assert settings.get(session, settings.COURT_CODE) == "豫1281"
        assert len(catalog.windows(session)) == 8
        admin = users.authenticate(session, "admin", "admin-pass")
        assert users.roles_of(admin) == {users.ADMIN}
        assert admin.name == "张管理"
