"""The administrator's risk rules, the stations' requests answered from the letters desk and the
answer seen at the station, and the overdue register entries on the leaders' home page and the
supervisors' screen, each driven as a user on both databases."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from db.engine import Database
from desktop.main_window import TodayFigures
from desktop.supervision_screen import SupervisionScreen
from hall import users
from hall.mechanisms import disputes, risk, stations
from hall.mechanisms.outbox import Outbox
from kit.context import AppContext, HallEvents
from kit.live import LiveFeed
from tests.desktop.conftest import AddUser, type_text
from tests.hall.mechanisms.helpers import entry, prepare
from windows.letters.desk import LettersDesk
from windows.letters.station_requests import StationRequestsPage
from windows.mechanisms.overdue import OverdueDisputes
from windows.mechanisms.pages import mechanism_pages
from windows.mechanisms.risk_rules import CATEGORY, LEVEL, PEOPLE, RiskRulesScreen
from windows.mechanisms.station import StationScreen


def _button(screen: QWidget, text: str) -> QPushButton:
    for button in screen.findChildren(QPushButton):
        if button.text() == text:
            return button
    raise AssertionError(f"no button {text}")


def click(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# -- risk rules -----------------------------------------------------------------------------


def _type_rule(
    qtbot: QtBot, screen: RiskRulesScreen, category: str, people: int, level: str
) -> None:
    click(qtbot, _button(screen, "添加规则"))
    row = screen.table.rowCount() - 1
    field, count, levels = (screen.field(row, c) for c in (CATEGORY, PEOPLE, LEVEL))
    assert isinstance(field, QLineEdit) and isinstance(count, QSpinBox)
    assert isinstance(levels, QComboBox)
    type_text(qtbot, field, category)
    count.setValue(people)
    levels.setCurrentIndex(levels.findText(level))


def test_a_changed_rule_applies_to_new_entries(
    qtbot: QtBot, chinese: None, admin_ctx: AppContext
) -> None:
    prepare(admin_ctx.database)
    with admin_ctx.database.write() as s:
        before = disputes.register(s, entry(people=3, category="征地"), "window").id
    screen = RiskRulesScreen(admin_ctx)
    qtbot.addWidget(screen)
    assert screen.table.rowCount() == 0
    _type_rule(qtbot, screen, "征地", 3, "重大")
    _type_rule(qtbot, screen, "征地", 3, "较大")
    click(qtbot, _button(screen, "保存规则"))
    assert screen.message.text() == (
        "第 2 条规则与第 1 条的纠纷类别和涉及人数相同，请删除或合并其中一条。"
    )
    with admin_ctx.database.read() as s:
        assert risk.risk_rules(s) == []
    # The user goes back into the second rule and removes it.
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    screen.table.setCurrentCell(0, CATEGORY)
    second = screen.field(1, PEOPLE)
    second.setFocus()
    qtbot.waitUntil(second.hasFocus)
    click(qtbot, _button(screen, "删除所选规则"))
    assert screen.table.rowCount() == 1
    click(qtbot, _button(screen, "保存规则"))
    assert screen.message.text() == "已保存 1 条规则，适用于此后登记的纠纷。"
    with admin_ctx.database.write() as s:
        assert risk.risk_rules(s) == [risk.Rule("征地", 3, "major")]
        after = disputes.register(s, entry(people=3, category="征地"), "window")
        assert after.risk == "major"
        assert disputes.find(s, before).risk == "general"
    reopened = RiskRulesScreen(admin_ctx)
    qtbot.addWidget(reopened)
    assert reopened.rules() == [risk.Rule("征地", 3, "major")]


def test_the_risk_rules_are_the_administrators_page(
    chinese: None, admin_ctx: AppContext, add_user: AddUser
) -> None:
    titles = [title for _key, title, _make in mechanism_pages(admin_ctx)]
    assert titles == [
        "矛盾纠纷排查化解台账",
        "周例会交办",
        "群众工作日",
        "听证",
        "纠纷风险等级规则",
    ]
    leader = AppContext(admin_ctx.database, add_user("lingdao", [users.LEADER]), admin_ctx.events)
    assert [title for _key, title, _make in mechanism_pages(leader)] == titles[:4]


# -- stations' requests at the letters desk -------------------------------------------------


def test_a_stations_request_is_answered_at_the_letters_desk_and_seen_at_the_station(
    qtbot: QtBot,
    chinese: None,
    hall_db: Database,
    add_user: AddUser,
    hall_events: HallEvents,
    tmp_path: Path,
) -> None:
    station_user = add_user("zhan", [users.STATION], name="千秋站")
    with hall_db.write() as s:
        stations.set_member(s, station_user.id, "千秋镇群众工作站", "千秋镇")
    officer = add_user("banxin", [users.OFFICER], ["letters"], name="冯芳")
    station = StationScreen(
        AppContext(hall_db, station_user, hall_events), Outbox(tmp_path / "outbox.sqlite3")
    )
    qtbot.addWidget(station)
    desk = LettersDesk(AppContext(hall_db, officer, hall_events), "letters")
    qtbot.addWidget(desk)
    inbox = desk.findChild(StationRequestsPage)
    assert isinstance(inbox, StationRequestsPage)
    assert "工作站报送诉求" in [desk.tabs.tabText(i) for i in range(desk.tabs.count())]
    assert inbox.table.rowCount() == 0
    feed = LiveFeed(hall_db, hall_events, retry_ms=300)
    feed.start()
    try:
        qtbot.waitUntil(lambda: feed.online, timeout=5000)
        type_text(qtbot, station.person, "孙七")
        type_text(qtbot, station.content, "村道损坏，请求维修")
        click(qtbot, _button(station, "报送大厅"))
        # The request reaches the letters desk's inbox through the live feed.
        qtbot.waitUntil(lambda: inbox.table.rowCount() == 1, timeout=5000)
        assert inbox.count.text() == "工作站报送待答复的群众诉求：1 条"
        assert inbox.table.item(0, 1).text() == "千秋镇群众工作站"
        click(qtbot, _button(inbox, "答复工作站"))
        assert inbox.message.text() == "请先在列表中选择一条诉求。"
        inbox.table.selectRow(0)
        type_text(qtbot, inbox.reply_text, "已转交通运输局，下周维修")
        click(qtbot, _button(inbox, "答复工作站"))
        assert inbox.message.text() == "已答复千秋镇群众工作站。"
        assert inbox.table.rowCount() == 0
        # ... and the answer reaches the station's screen the same way.
        qtbot.waitUntil(
            lambda: station.entries.item(0, 4).text() == "已转交通运输局，下周维修", timeout=5000
        )
    finally:
        feed.stop()


# -- overdue register entries ---------------------------------------------------------------


def _overdue(database: Database) -> int:
    """An entry assigned on 1 June to be settled by 5 June: overdue on the pinned 10 June."""
    _, unit = prepare(database)
    with database.write() as s:
        dispute = disputes.register(s, entry(parties="赵甲、钱乙"), "window")
        earlier = dt.datetime(2026, 6, 1, 10)
        disputes.assign(
            s,
            dispute.id,
            disputes.Assignment("王建国", unit, "刘稳", dt.date(2026, 6, 5)),
            now=earlier,
        )
        disputes.add_progress(s, dispute.id, "已约双方当面协商", now=earlier)
        disputes.register(s, entry(parties="不超期"), "window")
        return dispute.id


def test_the_leaders_home_shows_the_overdue_entries_and_opens_one(
    qtbot: QtBot, chinese: None, admin_ctx: AppContext
) -> None:
    _overdue(admin_ctx.database)
    figures = TodayFigures(admin_ctx)
    qtbot.addWidget(figures)
    overdue = figures.findChild(OverdueDisputes)
    assert isinstance(overdue, OverdueDisputes)
    assert overdue.title.text() == "超期未化解的矛盾纠纷：1 件（双击查看详情）"
    assert overdue.table.item(0, 2).text() == "赵甲、钱乙"
    assert overdue.table.item(0, 6).text() == "2026-06-05"
    figures.show()
    qtbot.waitExposed(figures)
    figures.activateWindow()
    overdue.table.setFocus()
    qtbot.waitUntil(overdue.table.hasFocus)
    overdue.table.selectRow(0)
    QTest.keyClick(overdue.table, Qt.Key.Key_Return)
    dialog = overdue.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.values["稳控责任人"].text() == "刘稳"
    assert dialog.values["化解期限"].text() == "2026-06-05（已超期）"
    assert "2026-06-01  已约双方当面协商" in dialog.progress.toPlainText()
    dialog.close()


def test_the_supervisors_screen_has_the_overdue_entries(
    qtbot: QtBot, chinese: None, admin_ctx: AppContext
) -> None:
    dispute_id = _overdue(admin_ctx.database)
    screen = SupervisionScreen(admin_ctx)
    qtbot.addWidget(screen)
    tabs = [screen.tabs.tabText(i) for i in range(screen.tabs.count())]
    assert tabs[-1] == "超期矛盾纠纷"
    overdue = screen.tabs.widget(screen.tabs.count() - 1)
    assert isinstance(overdue, OverdueDisputes)
    assert overdue.table.rowCount() == 1
    opened = overdue.open_entry(0)
    assert opened is not None and opened.windowTitle() == "矛盾纠纷 纠〔2026〕0001号"
    opened.close()
    # Settled, it leaves the list.
    with admin_ctx.database.write() as s:
        disputes.record_outcome(s, dispute_id, "resolved")
    overdue.refresh()
    assert overdue.title.text() == "没有超期未化解的矛盾纠纷。"
