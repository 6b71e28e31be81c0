"""The mechanisms' screens: the dispute register, the weekly meeting view, the station screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.engine import Database
from hall import catalog, users
from hall.mechanisms import disputes, stations
from hall.mechanisms.outbox import Outbox
from kit.context import AppContext, HallEvents
from tests.desktop.conftest import AddUser, type_text
from tests.hall.mechanisms.helpers import entry, prepare
from tests.pg_proxy import PgProxy
from windows.mechanisms.meeting import MeetingView
from windows.mechanisms.pages import mechanism_pages
from windows.mechanisms.register import DisputeRegister
from windows.mechanisms.station import StationScreen


def test_the_register_takes_an_entry_and_its_outcome(
    qtbot: QtBot, chinese: None, admin_ctx: AppContext
) -> None:
    prepare(admin_ctx.database)
    screen = DisputeRegister(admin_ctx)
    qtbot.addWidget(screen)
    type_text(qtbot, screen.parties, "张三、李四")
    screen.township.setEditText("千秋镇")
    type_text(qtbot, screen.summary, "宅基地边界争议")
    screen.people.setValue(3)
    screen.register()
    assert screen.message.text() == "已登记，编号 纠〔2026〕0001号。"
    assert screen.model.rowCount() == 1
    screen.table.selectRow(0)
    screen.outcome.setCurrentIndex(screen.outcome.findText("化解"))
    screen.record_outcome()
    assert screen.model.row(0).outcome == "化解"


def test_a_missing_field_is_told_and_the_form_kept(
    qtbot: QtBot, chinese: None, admin_ctx: AppContext
) -> None:
    screen = DisputeRegister(admin_ctx)
    qtbot.addWidget(screen)
    type_text(qtbot, screen.summary, "只写了情况")
    screen.register()
    assert screen.errors.messages["parties"].text() == "请填写纠纷当事人（至少一方）。"
    assert screen.message.text() == "有 2 处需要修改（已标红），没有保存。"
    assert screen.summary.toPlainText() == "只写了情况"


def test_the_meeting_assigns_in_one_sitting_and_saves_the_slips(
    qtbot: QtBot, chinese: None, admin_ctx: AppContext, tmp_path: Path
) -> None:
    prepare(admin_ctx.database)
    with admin_ctx.database.write() as s:
        for parties in ("张三", "王五"):
            disputes.register(s, entry(parties=parties), "window")
    view = MeetingView(admin_ctx)
    qtbot.addWidget(view)
    assert view.agenda_table.rowCount() == 2
    for row in (0, 1):
        view.agenda_table.selectRow(row)
        view.leader.setCurrentIndex(view.leader.findText("李红"))
        view.keeper.setText("刘稳")
        view.decide()
    assert view.message.text() == "本次例会已列入 2 件交办。"
    view.hold()
    assert view.agenda_table.rowCount() == 0
    assert view.message.text() == "例会交办已保存：共交办 2 件。"
    papers = tmp_path / "papers"
    papers.mkdir()
    view.save_slips(papers / "交办单.pdf")
    qtbot.waitUntil(lambda: view.message.text() == "已保存 2 份交办单。")
    assert sorted(p.name for p in papers.iterdir()) == ["交办单-1.pdf", "交办单-2.pdf"]


def _station_ctx(database: Database, add_user: AddUser, events: HallEvents) -> AppContext:
    user = add_user("zhan", [users.STATION], name="千秋站")
    with database.write() as s:
        stations.set_member(s, user.id, "千秋镇群众工作站", "千秋镇")
    return AppContext(database, user, events)


def test_a_station_sends_and_sees_only_its_own(
    qtbot: QtBot,
    chinese: None,
    hall_db: Database,
    add_user: AddUser,
    hall_events: HallEvents,
    tmp_path: Path,
) -> None:
    ctx = _station_ctx(hall_db, add_user, hall_events)
    other = add_user("dong", [users.INFORMANT])
    with hall_db.write() as s:
        stations.set_member(s, other.id, "东区街道群众工作室", "东区街道")
        stations.receive(s, stations.new_draft("warning", "别站的预警"), other.id)
    screen = StationScreen(ctx, Outbox(tmp_path / "outbox.sqlite3"))
    qtbot.addWidget(screen)
    assert screen.station_label.text() == "千秋镇群众工作站（千秋镇）"
    screen.submit()
    assert screen.errors.messages["content"].text() == "请填写报送内容。"
    assert screen.errors.messages["person"].text() == "请填写反映人姓名（群众诉求须写明）。"
    assert screen.status.text() == "有 2 处需要修改（已标红），没有保存。"
    type_text(qtbot, screen.person, "孙七")
    type_text(qtbot, screen.content, "村道损坏")
    screen.submit()
    assert screen.status.text() == "已向大厅报送 1 条。"
    assert screen.entries.rowCount() == 1 and screen.entries.item(0, 3).text() == "村道损坏"


@pytest.fixture
def cut_off(pg_db: Database) -> Iterator[tuple[PgProxy, Database]]:
    proxy = PgProxy(pg_db.url)
    database = Database(proxy.url)
    yield proxy, database
    database.dispose()
    proxy.close()


def test_a_station_offline_keeps_its_entries_and_sends_them_once(
    qtbot: QtBot,
    chinese: None,
    pg_db: Database,
    cut_off: tuple[PgProxy, Database],
    hall_events: HallEvents,
    tmp_path: Path,
) -> None:
    proxy, through = cut_off
    with pg_db.write() as s:
        catalog.seed(s)
        user = users.add_user(s, "zhan", "千秋站", "secret123", [users.STATION])
        stations.set_member(s, user.id, "千秋镇群众工作站", "千秋镇")
    screen = StationScreen(
        AppContext(through, user, hall_events), Outbox(tmp_path / "outbox.sqlite3")
    )
    qtbot.addWidget(screen)
    proxy.cut()
    for n in range(3):
        type_text(qtbot, screen.person, "孙七")
        type_text(qtbot, screen.content, f"离线登记{n}")
        screen.submit()
        assert "内容已保存在本机" in screen.status.text()
    assert screen.resend.text() == "补发待报送内容（3 条）"
    proxy.restore()
    screen.send_waiting()
    assert screen.status.text() == "已向大厅报送 3 条。"
    assert not screen.resend.isEnabled()
    screen.send_waiting()
    with pg_db.read() as s:
        assert len(stations.letters_inbox(s)) == 3
    QApplication.processEvents()


def test_pages_follow_the_role(chinese: None, admin_ctx: AppContext, add_user: AddUser) -> None:
    titles = [title for _key, title, _make in mechanism_pages(admin_ctx)]
    assert titles == [
        "矛盾纠纷排查化解台账",
        "周例会交办",
        "群众工作日",
        "听证",
        "纠纷风险等级规则",
    ]
    informant = AppContext(
        admin_ctx.database, add_user("xinxi", [users.INFORMANT]), admin_ctx.events
    )
    assert [title for _key, title, _make in mechanism_pages(informant)] == ["群众工作站"]
    officer = AppContext(
        admin_ctx.database, add_user("falv", [users.OFFICER], ["legal"]), admin_ctx.events
    )
    assert mechanism_pages(officer) == []
