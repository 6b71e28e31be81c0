"""The main window shows each user what their roles allow, on both engines."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QTableWidget
from pytestqt.qtbot import QtBot

from db.engine import Database
from db.event_kinds import EventKind
from desktop import settings as workstation_settings
from desktop import voice
from desktop.display import CallingDisplay
from desktop.front_desk import FrontDeskScreen
from desktop.main_window import (
    COURT_FIGURES_PAGE,
    FIGURES_PAGE,
    FRONT_DESK_PAGE,
    STATISTICS_PAGE,
    MainWindow,
    window_page,
)
from desktop.security_pages import BACKUP_PAGE, USERS_PAGE
from desktop.statistics import StatisticsPage
from hall import catalog, queue, settings, users
from kit.context import AppContext, HallEvent, HallEvents
from kit.live import LiveFeed
from tests.desktop.conftest import AddUser
from windows.mechanisms.pages import (
    HEARINGS_PAGE,
    MEETING_PAGE,
    REGISTER_PAGE,
    RISK_RULES_PAGE,
    WORKDAY_PAGE,
)

pytestmark = pytest.mark.usefixtures("chinese")

ALL_WINDOWS = [window_page(spec.code) for spec in catalog.WINDOWS]


def open_main(
    qtbot: QtBot,
    ctx: AppContext,
    workstation: workstation_settings.WorkstationSettings | None = None,
) -> MainWindow:
    window = MainWindow(ctx, workstation)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def navigation_titles(window: MainWindow) -> list[str]:
    return [window.navigation.item(i).text() for i in range(window.navigation.count())]


def menu_action(window: MainWindow, menu_title: str, action_title: str) -> QAction:
    for menu_action in window.menuBar().actions():
        if menu_action.text() == menu_title:
            menu = menu_action.menu()
            assert menu is not None
            for action in menu.actions():
                if action.text().startswith(action_title):
                    return action
    raise AssertionError(f"no {menu_title} → {action_title}")


def said_once(window: MainWindow, name: str) -> bool:
    """The name appears in one visible text of the whole window, its title included."""
    shown = [w.text() for w in window.findChildren(QLabel) if w.isVisible()]
    return sum(name in text for text in [*shown, window.windowTitle()]) == 1


def test_reception_sees_the_front_desk_and_no_window(
    hall_db: Database, add_user: AddUser, hall_events: HallEvents, qtbot: QtBot
) -> None:
    user = add_user("daofang", [users.RECEPTION], name="王丽")
    window = open_main(qtbot, AppContext(hall_db, user, hall_events))
    assert window.page_keys() == [FRONT_DESK_PAGE]
    assert isinstance(window.current_page(), FrontDeskScreen)
    # One page needs no navigation.
    assert not window.navigation.isVisible()
    assert window.user_label.text() == "王丽（导访台）"
    assert said_once(window, "王丽")


def test_an_officer_sees_their_window_only(
    hall_db: Database, add_user: AddUser, hall_events: HallEvents, qtbot: QtBot
) -> None:
    user = add_user("falv", [users.OFFICER], ["legal"], name="李明")
    window = open_main(qtbot, AppContext(hall_db, user, hall_events))
    assert window.page_keys() == [window_page("legal")]
    assert navigation_titles(window) == ["A 法律服务"]
    assert window.current_page() is not None
    # The window's heading says where, the status bar who: not the officer's name twice.
    assert window.user_label.text() == "李明（窗口工作人员）"
    assert said_once(window, "李明")


def test_the_letters_and_supervision_windows_see_the_statistics(
    hall_db: Database, add_user: AddUser, hall_events: HallEvents, qtbot: QtBot
) -> None:
    user = add_user("xinfang", [users.OFFICER], ["letters"])
    window = open_main(qtbot, AppContext(hall_db, user, hall_events))
    assert window.page_keys() == [window_page("letters"), STATISTICS_PAGE]
    assert window.show_page(STATISTICS_PAGE)
    assert isinstance(window.current_page(), StatisticsPage)


def test_an_officer_of_two_windows_and_a_clerk(
    hall_db: Database, add_user: AddUser, hall_events: HallEvents, qtbot: QtBot
) -> None:
    both = add_user("two", [users.OFFICER], ["aid", "talk"])
    window = open_main(qtbot, AppContext(hall_db, both, hall_events))
    assert window.page_keys() == [window_page("talk"), window_page("aid")]
    assert window.navigation.isVisible()
    clerk = add_user("shuji", [users.CLERK], ["court"])
    window = open_main(qtbot, AppContext(hall_db, clerk, hall_events))
    assert navigation_titles(window) == ["H 便民巡回法庭"]


def test_admin_sees_the_front_desk_every_window_and_the_figures(
    admin_ctx: AppContext, qtbot: QtBot
) -> None:
    window = open_main(qtbot, admin_ctx)
    assert window.page_keys() == [
        FRONT_DESK_PAGE,
        *ALL_WINDOWS,
        FIGURES_PAGE,
        STATISTICS_PAGE,
        REGISTER_PAGE,
        MEETING_PAGE,
        WORKDAY_PAGE,
        HEARINGS_PAGE,
        RISK_RULES_PAGE,
        USERS_PAGE,
        BACKUP_PAGE,
    ]
    assert navigation_titles(window)[0] == "导访台"
    assert navigation_titles(window)[-9:-7] == ["今日概况", "统计分析"]
    assert navigation_titles(window)[-2:] == ["用户与安全", "备份"]
    assert window.show_page(window_page("court"))
    assert window.navigation.currentItem().text() == "H 便民巡回法庭"
    assert not window.show_page("window:nowhere")


def test_a_leader_sees_todays_figures_which_follow_the_queue(
    hall_db: Database, add_user: AddUser, hall_events: HallEvents, qtbot: QtBot
) -> None:
    user = add_user("lingdao", [users.LEADER])
    with hall_db.write() as session:
        for _ in range(3):
            queue.issue_ticket(session, "legal")
    feed = LiveFeed(hall_db, hall_events)
    feed.start()
    try:
        window = open_main(qtbot, AppContext(hall_db, user, hall_events))
        assert window.page_keys() == [
            FIGURES_PAGE,
            STATISTICS_PAGE,
            COURT_FIGURES_PAGE,
            REGISTER_PAGE,
            MEETING_PAGE,
            WORKDAY_PAGE,
            HEARINGS_PAGE,
        ]
        table = window.current_page().findChild(QTableWidget)  # type: ignore[union-attr]
        assert table is not None
        assert [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())] == [
            "窗口",
            "等候",
            "其中优先",
            "已办结",
            "正在办理",
        ]
        assert [table.item(0, c).text() for c in range(5)] == ["A 法律服务", "3", "0", "0", "—"]
        qtbot.waitUntil(lambda: feed.online, timeout=5000)
        with hall_db.write() as session:
            queue.call_next(session, "legal", seat=1)
        qtbot.waitUntil(lambda: table.item(0, 4).text() == "A001", timeout=3000)
        assert table.item(0, 1).text() == "2"
        summary = window.current_page().findChild(QLabel, "summary")  # type: ignore[union-attr]
        assert summary.text() == "今日：等候 2 人，已办结 0 人。"
        # Beside today's queue, this month's rates, read on the screen's worker.
        rates = window.current_page().month_rates  # type: ignore[union-attr]
        assert rates.title() == "本月各项比率"
        qtbot.waitUntil(
            lambda: rates.labels["repeat"].text() == "重复信访率：—（0/0）", timeout=30_000
        )
        assert rates.labels["satisfaction"].text() == "满意率：—（0/0）"
    finally:
        feed.stop()


def test_a_user_without_a_served_role_is_told_so(
    hall_db: Database, add_user: AddUser, hall_events: HallEvents, qtbot: QtBot
) -> None:
    # An officer no window has been assigned to yet.
    user = add_user("new", [users.OFFICER])
    window = open_main(qtbot, AppContext(hall_db, user, hall_events))
    assert window.page_keys() == []
    texts = [label.text() for label in window.findChildren(QLabel)]
    assert "您的账号还没有可用的角色，请联系管理员分配。" in texts


def test_title_and_status_bar(admin_ctx: AppContext, qtbot: QtBot) -> None:
    with admin_ctx.database.write() as session:
        settings.put(session, settings.HALL_NAME, "义马市群众工作部接待大厅")
    window = open_main(qtbot, admin_ctx)
    assert window.windowTitle() == "义马市群众工作部接待大厅"
    assert window.user_label.text() == "系统管理员（管理员）"
    # Said once: the status bar names the user in one place only.
    shown = [w.text() for w in window.statusBar().findChildren(QLabel) if w.isVisible()]
    assert sum("系统管理员" in text for text in [*shown, window.windowTitle()]) == 1
    url = admin_ctx.database.url
    # Where the data is as a person names it: never the SQLite file's path.
    expected = "本机数据库" if url.startswith("sqlite") else "数据库：127.0.0.1"
    assert window.database_label.text() == expected
    assert window.database_label.toolTip() == admin_ctx.database.describe()


def test_banner_shows_while_the_connection_is_lost(admin_ctx: AppContext, qtbot: QtBot) -> None:
    window = open_main(qtbot, admin_ctx)
    assert not window.banner.isVisible()
    admin_ctx.events.connection_lost.emit("与数据库的连接已中断（connection refused）。")
    assert window.banner.isVisible()
    assert window.banner.text() == "与数据库的连接已中断（connection refused）。"
    admin_ctx.events.connection_restored.emit()
    assert not window.banner.isVisible()


def test_log_out_is_asked_for_from_the_menu(admin_ctx: AppContext, qtbot: QtBot) -> None:
    window = open_main(qtbot, admin_ctx)
    with qtbot.waitSignal(window.logout_requested, timeout=1000):
        menu_action(window, "系统(&S)", "注销").trigger()


@pytest.fixture
def no_displays_left(qapp: QApplication) -> Iterator[None]:
    yield
    for widget in qapp.topLevelWidgets():
        if isinstance(widget, CallingDisplay):
            widget.close()


@pytest.mark.usefixtures("no_displays_left")
def test_the_calling_display_opens_full_screen_and_closes_with_the_window(
    admin_ctx: AppContext, qtbot: QtBot
) -> None:
    # This PC's display is silent (which engine speaks is the voice tests' business).
    window = open_main(
        qtbot, admin_ctx, workstation_settings.WorkstationSettings(voice_engine=voice.SILENT)
    )
    menu_action(window, "叫号屏(&D)", "在屏幕 1 上打开").trigger()
    assert len(window.displays) == 1
    display = window.displays[0]
    qtbot.waitUntil(display.isFullScreen, timeout=2000)
    assert display.isWindow()
    assert display.screen() is QApplication.screens()[0]
    window.close()
    assert not display.isVisible()
    # Closed displays are deleted (and forgotten) once the event loop gets to them.
    qtbot.waitUntil(lambda: window.displays == [], timeout=2000)


def test_a_deadline_moved_by_the_calendar_is_told_in_the_status_bar_to_whom_it_concerns(
    hall_db: Database, add_user: AddUser, hall_events: HallEvents, qtbot: QtBot
) -> None:
    supervisor = add_user("duban", [users.OFFICER], ["supervision"])
    other = add_user("falv", [users.OFFICER], ["legal"])
    window = open_main(qtbot, AppContext(hall_db, supervisor, hall_events))
    moved = HallEvent(
        id=1,
        kind=EventKind.DEADLINE_ADJUSTED,
        entity="supervision_order",
        entity_id=7,
        payload={
            "number": "督〔2026〕3号",
            "deadline_name": "回复期限",
            "text": "期限因节假日调整：由2027年1月1日调整为2027年1月4日",
            "notify": [other.id],
        },
    )
    hall_events.dispatch(moved)
    assert "期限因节假日调整" not in window.statusBar().currentMessage()
    hall_events.dispatch(
        HallEvent(2, moved.kind, moved.entity, 7, {**moved.payload, "notify": [supervisor.id]})
    )
    assert (
        "期限因节假日调整：由2027年1月1日调整为2027年1月4日" in window.statusBar().currentMessage()
    )
    assert "督〔2026〕3号" in window.statusBar().currentMessage()
