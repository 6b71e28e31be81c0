"""This workstation's settings page: what it shows and saves, and the connection test, which
says in Chinese what is wrong with an address or a server (never a traceback)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from db.engine import Database
from desktop import settings, voice
from desktop.app import Shell, build_parser
from desktop.settings_page import WorkstationSettingsDialog
from hall import catalog
from hall import settings as hall_settings
from tests.desktop.conftest import PASSWORD, AddUser

pytestmark = pytest.mark.usefixtures("chinese")


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "workstation.ini"


def open_page(
    qtbot: QtBot, store_path: Path, windows: list[tuple[str, str]] | None = None
) -> WorkstationSettingsDialog:
    dialog = WorkstationSettingsDialog(settings.open_store(store_path), windows)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def check(qtbot: QtBot, dialog: WorkstationSettingsDialog, url: str, timeout: int = 2) -> str:
    """Type the address, press "Test connection", and read the verdict."""
    dialog.timeout = timeout
    dialog.url_edit.clear()
    qtbot.keyClicks(dialog.url_edit, url)
    with qtbot.waitSignal(dialog.checked, timeout=(timeout + 10) * 1000):
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.test_button.isEnabled()
    text = dialog.check_label.text()
    assert "Traceback" not in text and "psycopg" not in text
    return text


def test_the_page_shows_and_saves_this_pcs_settings(qtbot: QtBot, store_path: Path) -> None:
    settings.save(
        settings.open_store(store_path),
        settings.WorkstationSettings(
            database_url="postgresql://hall@db-server/hall",
            pc_role=settings.DISPLAY,
            display_windows=("legal", "court"),
            voice_engine=voice.SILENT,
        ),
    )
    dialog = open_page(qtbot, store_path)
    assert dialog.windowTitle() == "本机设置"
    assert dialog.url_edit.text() == "postgresql://hall@db-server/hall"
    assert dialog.role_combo.currentText() == "叫号屏"
    # The window and seat matter to a window's workstation only.
    assert not dialog.window_combo.isVisible()
    ticked = [
        dialog.windows_list.item(row).text()
        for row in range(dialog.windows_list.count())
        if dialog.windows_list.item(row).checkState() == Qt.CheckState.Checked
    ]
    assert ticked == ["A 法律服务", "H 便民巡回法庭"]
    assert dialog.voice_combo.currentText() == "静音（由另一块屏播报）"

    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(settings.WINDOW))
    assert dialog.window_combo.isVisible() and dialog.seat_spin.isVisible()
    dialog.window_combo.setCurrentIndex(dialog.window_combo.findText("D 帮扶济困"))
    dialog.seat_spin.setValue(2)
    dialog.windows_list.item(0).setCheckState(Qt.CheckState.Unchecked)
    dialog.output_combo.setCurrentIndex(dialog.output_combo.findText("ESC/POS 热敏打印机"))
    assert dialog.thermal_edit.isVisible() and not dialog.printer_combo.isVisible()
    qtbot.keyClicks(dialog.thermal_edit, "192.168.1.50:9100")
    dialog.url_edit.clear()
    qtbot.keyClicks(dialog.url_edit, "postgresql://hall@10.0.0.5/hall")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )

    assert dialog.result() == dialog.DialogCode.Accepted
    saved = settings.load(settings.open_store(store_path))
    assert saved == settings.WorkstationSettings(
        database_url="postgresql://hall@10.0.0.5/hall",
        pc_role=settings.WINDOW,
        window_code="aid",
        seat=2,
        receipt_output="thermal",
        thermal_target="192.168.1.50:9100",
        display_windows=("court",),
        voice_engine=voice.SILENT,
    )


def test_cancel_keeps_what_was_saved(qtbot: QtBot, store_path: Path) -> None:
    dialog = open_page(qtbot, store_path)
    qtbot.keyClicks(dialog.url_edit, "postgresql://elsewhere/hall")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    assert settings.load(settings.open_store(store_path)).database_url == ""


def test_not_a_database_address(qtbot: QtBot, store_path: Path) -> None:
    dialog = open_page(qtbot, store_path)
    assert check(qtbot, dialog, "db-server/hall").startswith("这不是有效的数据库地址。")
    assert check(qtbot, dialog, "mysql://hall@db-server/hall") == (
        "本程序只支持 PostgreSQL（“postgresql://…”）或本机数据库文件（“sqlite:///…”），"
        "不支持“mysql”。"
    )


def test_a_server_that_refuses(qtbot: QtBot, store_path: Path) -> None:
    dialog = open_page(qtbot, store_path)
    assert check(qtbot, dialog, "postgresql://hall:secret@127.0.0.1:1/hall") == (
        "服务器 127.0.0.1:1 拒绝连接：那里没有运行数据库服务，或者端口不对。"
        "请检查服务器名称和端口，并确认数据库服务已启动。"
    )
    assert dialog.check_label.styleSheet().startswith("color: #b00020")


def test_a_server_that_does_not_answer(qtbot: QtBot, store_path: Path) -> None:
    # A port that takes the connection and never says a word: a server behind a firewall
    # that drops packets looks the same to the program.
    silent = socket.create_server(("127.0.0.1", 0))
    port = silent.getsockname()[1]
    try:
        dialog = open_page(qtbot, store_path)
        verdict = check(qtbot, dialog, f"postgresql://hall@127.0.0.1:{port}/hall", timeout=1)
    finally:
        silent.close()
    assert verdict == (
        f"服务器 127.0.0.1:{port} 在 1 秒内没有应答：服务器可能已关机、网络不通，"
        f"或防火墙挡住了 {port} 端口。"
    )


def test_a_server_name_that_does_not_exist(qtbot: QtBot, store_path: Path) -> None:
    dialog = open_page(qtbot, store_path)
    assert check(qtbot, dialog, "postgresql://hall@no-such-host.invalid/hall") == (
        "网络上找不到名为“no-such-host.invalid”的计算机：请检查服务器名称，或改用 IP 地址。"
    )


def test_a_database_or_user_that_does_not_exist(
    qtbot: QtBot, store_path: Path, pg_url: str
) -> None:
    dialog = open_page(qtbot, store_path)
    server = pg_url.rsplit("/", 1)[0]
    assert check(qtbot, dialog, f"{server}/no_such_hall") == (
        "服务器 127.0.0.1:5432 上没有名为“no_such_hall”的数据库：请核对名称，或请管理员创建。"
    )
    nobody = server.replace("postgres@", "nobody_here@")
    assert check(qtbot, dialog, f"{nobody}/no_such_hall") == (
        "服务器 127.0.0.1:5432 上没有用户“nobody_here”。"
    )


def test_a_folder_that_does_not_exist(qtbot: QtBot, store_path: Path, tmp_path: Path) -> None:
    dialog = open_page(qtbot, store_path)
    missing = tmp_path / "no" / "such"
    assert check(qtbot, dialog, f"sqlite:///{missing}/hall.sqlite3") == (
        f"本机没有文件夹 {missing}。"
    )
    new_file = tmp_path / "hall.sqlite3"
    assert check(qtbot, dialog, f"sqlite:///{new_file}") == (
        f"{new_file} 还没有数据库文件：程序首次启动时会创建。"
    )
    # A check never makes the file it looked for.
    assert not new_file.exists()


def test_a_good_address_gives_the_halls_own_windows(
    qtbot: QtBot, store_path: Path, hall_db: Database
) -> None:
    with hall_db.write() as s:
        catalog.windows(s)[0].name = "法律援助"
        hall_settings.put(s, hall_settings.SETUP_DONE, True)
    dialog = open_page(qtbot, store_path)
    assert dialog.window_combo.findText("A 法律援助") == -1
    verdict = check(qtbot, dialog, hall_db.url)
    assert verdict == "连接成功。大厅数据库可以使用（8 个窗口）。"
    assert dialog.check_label.styleSheet().startswith("color: #1b7f3b")
    assert dialog.window_combo.findText("A 法律援助") >= 0
    assert dialog.windows_list.item(0).text() == "A 法律援助"
    # Typing again makes the verdict stale: it is cleared.
    qtbot.keyClicks(dialog.url_edit, "x")
    assert dialog.check_label.text() == ""


# The way out of a bad address at start-up ---------------------------------------------------


@pytest.fixture
def shells() -> Iterator[list[Shell]]:
    made: list[Shell] = []
    yield made
    for shell in made:
        for widget in (shell.error_box, shell.settings_dialog, shell.login_dialog):
            if widget is not None:
                widget.close()
        if shell.main_window is not None:
            shell.main_window.closed.disconnect()
            shell.main_window.close()
        shell.shutdown()


def test_a_bad_address_at_start_is_fixed_in_the_settings_and_the_program_goes_on(
    qtbot: QtBot, store_path: Path, hall_db: Database, add_user: AddUser, shells: list[Shell]
) -> None:
    with hall_db.write() as s:
        hall_settings.put(s, hall_settings.SETUP_DONE, True)
    add_user("falv", ["officer"], ["legal"])
    store = settings.open_store(store_path)
    settings.save(
        store, settings.WorkstationSettings(database_url="postgresql://hall@127.0.0.1:1/x")
    )
    shell = Shell(settings.load(store), store=store)
    shells.append(shell)
    shell.start()
    box = shell.error_box
    assert box is not None and shell.settings_button is not None
    qtbot.waitExposed(box)
    assert "拒绝" in box.text() or "refused" in box.text()
    assert shell.settings_button.text() == "本机设置…"
    qtbot.mouseClick(shell.settings_button, Qt.MouseButton.LeftButton)

    dialog = shell.settings_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.url_edit.text() == "postgresql://hall@127.0.0.1:1/x"
    dialog.url_edit.clear()
    qtbot.keyClicks(dialog.url_edit, hall_db.url)
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )

    assert settings.load(settings.open_store(store_path)).database_url == hall_db.url
    assert shell.login_dialog is not None
    qtbot.keyClicks(shell.login_dialog.login_edit, "falv")
    qtbot.keyClicks(shell.login_dialog.password_edit, PASSWORD)
    qtbot.keyClick(shell.login_dialog.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.main_window is not None, timeout=5000)


def test_leaving_the_settings_unsaved_at_start_quits(
    qtbot: QtBot, store_path: Path, shells: list[Shell]
) -> None:
    store = settings.open_store(store_path)
    shell = Shell(settings.WorkstationSettings(database_url="nonsense"), store=store)
    shells.append(shell)
    shell.start()
    assert shell.error_box is not None and shell.settings_button is not None
    qtbot.mouseClick(shell.settings_button, Qt.MouseButton.LeftButton)
    assert shell.settings_dialog is not None
    with qtbot.waitSignal(shell.finished, timeout=2000) as finished:
        shell.settings_dialog.reject()
    assert finished.args == [1]
    assert isinstance(shell.error_box, QMessageBox)


def test_the_password_is_kept_apart_and_hidden(qtbot: QtBot, store_path: Path) -> None:
    store = settings.open_store(store_path)
    settings.save(
        store, settings.WorkstationSettings(database_url="postgresql://hall:s3cret@db/hall")
    )
    dialog = open_page(qtbot, store_path)
    assert dialog.url_edit.text() == "postgresql://hall@db/hall"
    assert dialog.password_edit.text() == "s3cret"
    assert dialog.password_edit.echoMode() == dialog.password_edit.EchoMode.Password
    dialog.password_edit.clear()
    qtbot.keyClicks(dialog.password_edit, "n3w")
    verdict = check(qtbot, dialog, "postgresql://hall@127.0.0.1:1/hall")
    assert "n3w" not in verdict
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    saved = settings.load(settings.open_store(store_path)).database_url
    assert saved == "postgresql://hall:n3w@127.0.0.1:1/hall"


def test_hall_settings_opens_them_before_the_start_and_cancel_starts_as_before(
    qtbot: QtBot, store_path: Path, hall_db: Database, shells: list[Shell]
) -> None:
    assert build_parser().parse_args(["--settings"]).settings
    with hall_db.write() as s:
        hall_settings.put(s, hall_settings.SETUP_DONE, True)
    store = settings.open_store(store_path)
    settings.save(store, settings.WorkstationSettings(database_url=hall_db.url))
    shell = Shell(settings.load(store), store=store)
    shells.append(shell)
    shell.show_settings(before_start=True)
    assert shell.settings_dialog is not None and shell.login_dialog is None
    shell.settings_dialog.reject()
    assert shell.settings_dialog is None
    assert shell.login_dialog is not None and shell.login_dialog.isVisible()
