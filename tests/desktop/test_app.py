"""Start-up: which database, the first start of a real hall, the demo hall, log-in and log-out,
a database that cannot be opened; the font, the translations and the workstation settings."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt
from PySide6.QtGui import QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from db.engine import Database
from desktop import settings
from desktop.app import Shell, build_parser, install_font
from desktop.display import CallingDisplay
from desktop.main_window import FIGURES_PAGE, FRONT_DESK_PAGE, window_page
from desktop.setup_dialog import CONFIRM, COURT_CODE, HALL_NAME, LOGIN, NAME, PASSWORD
from hall import demo, setup, users
from hall import settings as hall_settings
from kit.context import HallEvents
from tests.desktop.conftest import PASSWORD as USER_PASSWORD
from tests.desktop.conftest import AddUser, type_text

pytestmark = pytest.mark.usefixtures("chinese")


@pytest.fixture
def shells(qapp: QApplication) -> Iterator[list[Shell]]:
    """Shells made by a test, shut down and their windows closed afterwards."""
    made: list[Shell] = []
    yield made
    for shell in made:
        for widget in (shell.error_box, shell.setup_dialog, shell.login_dialog):
            if widget is not None:
                widget.close()
        if shell.main_window is not None:
            shell.main_window.closed.disconnect()
            shell.main_window.close()
        shell.shutdown()
    for widget in qapp.topLevelWidgets():
        if isinstance(widget, CallingDisplay):
            widget.close()


def start(
    shells: list[Shell],
    url: str | None,
    demo_hall: bool = False,
    workstation: settings.WorkstationSettings | None = None,
) -> Shell:
    shell = Shell(workstation or settings.WorkstationSettings(), url=url, demo=demo_hall)
    shells.append(shell)
    shell.start()
    return shell


@pytest.fixture
def set_up_db(hall_db: Database) -> Database:
    """A hall that has been through its first start."""
    with hall_db.write() as session:
        hall_settings.put(session, hall_settings.SETUP_DONE, True)
    return hall_db


def log_in(qtbot: QtBot, shell: Shell, login: str, password: str) -> None:
    dialog = shell.login_dialog
    assert dialog is not None and dialog.isVisible()
    if dialog.login_edit.text() != login:
        dialog.login_edit.clear()
        qtbot.keyClicks(dialog.login_edit, login)
    qtbot.keyClicks(dialog.password_edit, password)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.main_window is not None, timeout=5000)


# Which database --------------------------------------------------------------------------


def test_db_option_comes_before_the_workstation_setting_which_comes_before_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stored = settings.WorkstationSettings(database_url="postgresql://hall@db-server/hall")
    monkeypatch.setenv("HALL_DB_URL", "sqlite:////srv/env.sqlite3")
    args = build_parser().parse_args(["--db", "sqlite:////srv/option.sqlite3"])
    assert Shell(stored, url=args.db).url == "sqlite:////srv/option.sqlite3"
    assert Shell(stored).url == "postgresql://hall@db-server/hall"
    # Without either, open_database falls back to HALL_DB_URL, then the embedded file.
    assert Shell(settings.WorkstationSettings()).url is None
    # The demo hall never opens the real hall's database by accident.
    assert Shell(stored, demo=True).url is None


# A database that cannot be opened ----------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "where"),
    [
        (
            "postgresql://hall:secret@127.0.0.1:1/hall",
            "postgresql+psycopg://hall:***@127.0.0.1:1/hall",
        ),
        ("no-such-scheme://x", "（不是有效的数据库地址）"),
        ("sqlite:////proc/no/such/dir/hall.sqlite3", "sqlite:////proc/no/such/dir/hall.sqlite3"),
    ],
)
def test_a_database_that_cannot_be_opened_is_explained_in_chinese(
    shells: list[Shell], qtbot: QtBot, url: str, where: str
) -> None:
    shell = start(shells, url)
    box = shell.error_box
    assert box is not None
    qtbot.waitExposed(box)
    assert box.windowTitle() == "无法启动"
    assert box.text().startswith(f"无法打开数据库 {where}。\n\n原因：")
    assert "工作站设置中更改" in box.text()
    assert "Traceback" not in box.text() and "secret" not in box.text()
    assert shell.login_dialog is None and shell.setup_dialog is None
    with qtbot.waitSignal(shell.finished, timeout=2000) as finished:
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert finished.args == [1]


# First start of a real hall, log-in, log-out ----------------------------------------------


def test_first_start_sets_the_hall_up_then_logs_in_and_out(
    shells: list[Shell], qtbot: QtBot, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'new-hall.sqlite3'}"
    shell = start(shells, url)
    dialog = shell.setup_dialog
    assert dialog is not None and shell.login_dialog is None
    qtbot.waitExposed(dialog)
    for field, value in {
        HALL_NAME: "义马市群众工作部接待大厅",
        COURT_CODE: "豫1281",
        LOGIN: "chief",
        NAME: "张管理",
        PASSWORD: "chief-pass",
        CONFIRM: "chief-pass",
    }.items():
        type_text(qtbot, dialog.edits[field], value)
    qtbot.keyClicks(dialog.edits["city_code"], "411281")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    # The new administrator's login is filled in; only the password is asked for.
    assert shell.setup_dialog is None and shell.login_dialog is not None
    assert shell.login_dialog.login_edit.text() == "chief"
    log_in(qtbot, shell, "chief", "chief-pass")
    window = shell.main_window
    assert window is not None and window.isVisible()
    assert window.windowTitle() == "义马市群众工作部接待大厅"
    assert window.page_keys()[0] == FRONT_DESK_PAGE
    assert shell.feed is not None
    qtbot.waitUntil(lambda: shell.feed is not None and shell.feed.online, timeout=3000)

    window.logout_requested.emit()
    assert shell.main_window is None and not window.isVisible()
    assert shell.login_dialog is not None and shell.login_dialog.login_edit.text() == ""
    with qtbot.waitSignal(shell.finished, timeout=2000) as finished:
        shell.login_dialog.reject()
    assert finished.args == [0]


def test_the_next_start_goes_straight_to_the_log_in(
    shells: list[Shell], hall_db: Database, add_user: AddUser, qtbot: QtBot
) -> None:
    with hall_db.write() as session:
        setup.initialise(session, "大厅", "411281", "豫1281", "chief", "张管理", "chief-pass")
    add_user("falv", [users.OFFICER], ["legal"])
    shell = start(shells, hall_db.url)
    assert shell.setup_dialog is None and shell.login_dialog is not None
    assert shell.login_dialog.windowTitle() == "登录"
    log_in(qtbot, shell, "falv", USER_PASSWORD)
    assert shell.main_window is not None
    assert shell.main_window.page_keys() == [window_page("legal")]
    with qtbot.waitSignal(shell.finished, timeout=2000) as finished:
        shell.main_window.close()
    assert finished.args == [0]


def test_cancelling_the_setup_quits(shells: list[Shell], qtbot: QtBot, tmp_path: Path) -> None:
    shell = start(shells, f"sqlite:///{tmp_path / 'new-hall.sqlite3'}")
    assert shell.setup_dialog is not None
    with qtbot.waitSignal(shell.finished, timeout=2000) as finished:
        shell.setup_dialog.reject()
    assert finished.args == [0]


# The demo hall and this workstation's place ----------------------------------------------


def test_demo_hall_is_seeded_and_opens_at_the_log_in(
    shells: list[Shell], qtbot: QtBot, tmp_path: Path
) -> None:
    shell = start(shells, f"sqlite:///{tmp_path / 'demo.sqlite3'}", demo_hall=True)
    assert shell.setup_dialog is None and shell.login_dialog is not None
    log_in(qtbot, shell, "admin", demo.DEMO_PASSWORD)
    window = shell.main_window
    assert window is not None
    assert window.windowTitle() == "义马市群众工作部接待大厅（演示）"
    # The front desk, eight windows, today's figures, 统计分析, the register and the weekly
    # meeting, 群众工作日, 听证 and the risk rules (issue 17), 用户与安全 and 备份 (issue 15).
    assert len(window.page_keys()) == 18


@pytest.mark.parametrize(
    ("pc_role", "page"),
    [
        (settings.WINDOW, window_page("aid")),
        (settings.DASHBOARD, FIGURES_PAGE),
        (settings.FRONT_DESK, FRONT_DESK_PAGE),
    ],
)
def test_the_main_window_opens_where_this_pc_works(
    shells: list[Shell],
    set_up_db: Database,
    add_user: AddUser,
    qtbot: QtBot,
    pc_role: str,
    page: str,
) -> None:
    add_user("boss", [users.ADMIN])
    workstation = settings.WorkstationSettings(pc_role=pc_role, window_code="aid", seat=2)
    shell = start(shells, set_up_db.url, workstation=workstation)
    assert shell.login_dialog is not None
    log_in(qtbot, shell, "boss", USER_PASSWORD)
    window = shell.main_window
    assert window is not None
    assert window.page_keys()[window.navigation.currentRow()] == page
    assert window.ctx.workstation.window == "aid" and window.ctx.workstation.seat == 2


def test_a_display_pc_opens_the_calling_display_after_log_in(
    shells: list[Shell], set_up_db: Database, add_user: AddUser, qtbot: QtBot
) -> None:
    add_user("wall", [users.LEADER])
    workstation = settings.WorkstationSettings(
        pc_role=settings.DISPLAY,
        display_screen=5,
        display_windows=("legal", "court"),
        voice_engine="mock",
    )
    shell = start(shells, set_up_db.url, workstation=workstation)
    log_in(qtbot, shell, "wall", USER_PASSWORD)
    assert shell.main_window is not None
    (display,) = shell.main_window.displays
    # There is no sixth screen here: the first one it is.
    assert display.screen() is QApplication.screens()[0]
    qtbot.waitUntil(display.isFullScreen, timeout=2000)
    # This PC's display shows its own windows and speaks with its own engine.
    assert list(display.tiles) == ["legal", "court"]
    assert display.voice is not None and display.voice.speech is not None
    assert display.voice.speech.engine() == "mock"


# Font, translations, settings ------------------------------------------------------------


def test_the_shipped_font_is_the_application_font_and_draws_chinese(qapp: QApplication) -> None:
    family = install_font(qapp)
    assert family == "WenQuanYi Micro Hei"
    assert qapp.font().family() == family
    assert family in QFontDatabase.families()
    metrics = QFontMetrics(qapp.font())
    assert all(metrics.inFont(ch) for ch in "张法律服务A001")


def test_chinese_is_the_default_language() -> None:
    # The `chinese` fixture installs the translations as the program does at start.
    assert QCoreApplication.translate("LoginDialog", "Log in") == "登录"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert QLocale().language() == QLocale.Language.Chinese


def test_workstation_settings_are_saved_and_loaded(tmp_path: Path) -> None:
    path = tmp_path / "hall.ini"
    assert settings.load(settings.open_store(path)) == settings.WorkstationSettings()
    chosen = settings.WorkstationSettings(
        database_url="postgresql://hall@db-server/hall",
        pc_role=settings.WINDOW,
        window_code="legal",
        seat=2,
        printer="XP-80C",
        display_screen=1,
    )
    settings.save(settings.open_store(path), chosen)
    assert settings.load(settings.open_store(path)) == chosen
    assert "window=legal" in path.read_text(encoding="utf-8")


def test_unreadable_settings_fall_back_to_their_defaults(tmp_path: Path) -> None:
    path = tmp_path / "hall.ini"
    store = settings.open_store(path)
    store.setValue(settings.SEAT.key, "two")
    store.setValue(settings.PC_ROLE.key, "kiosk")
    store.sync()
    loaded = settings.load(QSettings(str(path), QSettings.Format.IniFormat))
    assert loaded.seat == settings.SEAT.default
    assert loaded.pc_role == settings.FRONT_DESK


def test_the_qt_binding_keeps_count_of_references_to_true() -> None:
    # PySide6 6.12.0's Signal.emit() returned True without a reference of its own: every
    # event the live feed delivered took one away, until the program aborted ("deallocating
    # True"). The pin in pyproject.toml keeps that release out; this keeps it out for good.
    events = HallEvents()
    before = sys.getrefcount(True)
    for _ in range(1000):
        events.connection_restored.emit()
    assert sys.getrefcount(True) >= before
