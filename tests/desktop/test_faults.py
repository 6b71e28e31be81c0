"""Faults: the database going away under every workstation and coming back, a workstation
killed in the middle of an action, and one killed after calling a visitor."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.synchronize import Event as EventFlag
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

import windows
from db.engine import Database
from db.models import Counter, Event, Ticket, Visit, Visitor
from desktop import settings as workstation_settings
from desktop import voice
from desktop.display import CallingDisplay
from desktop.front_desk import FrontDeskScreen
from desktop.main_window import FIGURES_PAGE, MainWindow, TodayFigures
from hall import catalog, clock, queue, reception, users
from hall import settings as hall_settings
from kit.context import PDF_ONLY, AppContext, HallEvents, ReceiptSetup, Workstation
from kit.live import CallTimeout, LiveFeed
from tests.daytime import pin_clock
from tests.desktop.conftest import AddUser, type_text
from tests.hall.test_court_concurrency import workstation
from tests.pg_proxy import PgProxy

pytestmark = pytest.mark.usefixtures("chinese")

TIMEOUT = 120


# The database goes away under every workstation -----------------------------------------------


@pytest.fixture
def proxy(pg_db: Database) -> Iterator[PgProxy]:
    with pg_db.write() as s:
        catalog.seed(s)
    proxy = PgProxy(pg_db.url)
    yield proxy
    proxy.close()


@dataclass(frozen=True)
class Cable:
    """A workstation's own connection to the server through the proxy, and its live events."""

    database: Database
    events: HallEvents


@pytest.fixture
def cable(proxy: PgProxy, qtbot: QtBot) -> Iterator[Cable]:
    """A connection through the proxy whose live feed is online, stopped after the test."""
    through = Database(proxy.url)
    events = HallEvents()
    feed = LiveFeed(through, events, retry_ms=300)
    feed.start()
    try:
        qtbot.waitUntil(lambda: feed.online, timeout=5000)
        yield Cable(through, events)
    finally:
        feed.stop()
        through.dispose()


@pytest.fixture
def no_windows_left(qapp: QApplication) -> Iterator[None]:
    yield
    for widget in qapp.topLevelWidgets():
        if isinstance(widget, CallingDisplay | MainWindow):
            widget.close()


@pytest.mark.usefixtures("no_windows_left")
def test_every_workstation_shows_the_outage_and_resumes_by_itself(
    pg_db: Database, proxy: PgProxy, cable: Cable, add_user: AddUser, qtbot: QtBot
) -> None:
    """A workstation and a display reach the server through a cable that is then pulled;
    another workstation, on its own cable, goes on calling meanwhile."""
    through, events = cable.database, cable.events
    with pg_db.write() as s:
        queue.issue_ticket(s, "legal")
        queue.issue_ticket(s, "aid")
    admin = add_user("boss", [users.ADMIN], name="管理员")
    window = MainWindow(
        AppContext(through, admin, events),
        workstation_settings.WorkstationSettings(voice_engine=voice.SILENT),
    )
    qtbot.addWidget(window)
    window.show()
    window.show_page(FIGURES_PAGE)
    screen = window.open_display()
    qtbot.waitUntil(lambda: screen.tiles["legal"].waiting.text() == "等候 1 人")

    with qtbot.waitSignal(events.connection_lost, timeout=5000):
        proxy.cut()
    assert window.banner.isVisible()
    assert window.banner.text().startswith("与数据库的连接已中断（")
    assert "每 0.3 秒自动重试；已输入的内容不会丢失。" in window.banner.text()
    assert screen.offline.isVisible()
    assert screen.offline.text() == "连接中断，正在重新连接…"

    # Meanwhile another window's workstation calls; this display cannot know yet.
    with pg_db.write() as s:
        called = queue.call_next(s, "legal", seat=2)
        assert called is not None
    with qtbot.assertNotEmitted(screen.refreshed, wait=500):
        pass
    assert screen.tiles["legal"].number.text() == "—"

    with qtbot.waitSignal(events.connection_restored, timeout=10_000):
        proxy.restore()
    assert not window.banner.isVisible() and not screen.offline.isVisible()
    # What happened during the outage is shown without anyone touching anything.
    qtbot.waitUntil(lambda: screen.tiles["legal"].number.text() == "A001", timeout=3000)
    figures = window.current_page()
    assert isinstance(figures, TodayFigures)
    qtbot.waitUntil(lambda: figures.table.item(0, 4).text() == "A001", timeout=3000)
    # And what happens next arrives live again.
    with pg_db.write() as s:
        queue.call_next(s, "aid")
    qtbot.waitUntil(lambda: screen.tiles["aid"].number.text() == "D001", timeout=3000)


# A workstation killed in the middle of an action -------------------------------------------------


def register_and_hang(url: str, written: EventFlag, errors: Any) -> None:
    """Register a visitor and their ticket, flush every row, then hang before committing until
    killed: a workstation whose power is cut mid-action."""
    try:
        # With the hall key, as a workstation opens it: the summary is stored encrypted.
        database = workstation(url)
        with database.write() as s:
            reception.register(
                s,
                reception.Registration(name="张三丰", window="legal", summary="要求追讨拖欠的工资"),
            )
            written.set()
            multiprocessing.Event().wait(TIMEOUT)
    except BaseException:
        errors.put(traceback.format_exc())


def test_a_workstation_killed_mid_action_leaves_nothing_half_written(hall_db: Database) -> None:
    ctx = multiprocessing.get_context("spawn")
    written = ctx.Event()
    errors = ctx.Queue()
    process = ctx.Process(target=register_and_hang, args=(hall_db.url, written, errors))
    process.start()
    try:
        assert written.wait(TIMEOUT), errors.get(timeout=1) if not errors.empty() else "no start"
    finally:
        process.kill()
        process.join(TIMEOUT)
    assert process.exitcode is not None and process.exitcode < 0

    with hall_db.read() as s:
        for model in (Visitor, Visit, Ticket, Event):
            assert s.scalar(select(func.count()).select_from(model)) == 0, model.__name__
        assert s.scalar(select(func.count()).select_from(Counter)) == 0
    # The next registration goes on at once (no lock left behind) and takes the first numbers.
    with hall_db.write() as s:
        ticket = reception.register(
            s, reception.Registration(name="李四", window="legal", summary="来访咨询")
        )
        assert ticket.number == "A001"
        assert ticket.visit is not None and ticket.visit.code.endswith("0001")


# A workstation killed after calling ------------------------------------------------------------


@pytest.fixture
def daytime(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests back-date a call by up to 90 minutes; the hall's clock stands in the
    afternoon so that call falls on the same service day as the tickets, whenever they run."""
    pin_clock(monkeypatch)


def call_and_die(url: str, called_at: dt.datetime, done: EventFlag) -> None:
    """Call the next visitor at the legal window (at ``called_at``), then hang until killed."""
    database = Database(url)
    with database.write() as s:
        queue.call_next(s, "legal", seat=1, now=called_at)
    done.set()
    multiprocessing.Event().wait(TIMEOUT)


def _call_then_kill(database: Database, minutes_ago: int) -> None:
    """Call the next legal ticket ``minutes_ago`` (by the hall's clock) from another process."""
    ctx = multiprocessing.get_context("spawn")
    done = ctx.Event()
    called_at = clock.now() - dt.timedelta(minutes=minutes_ago)
    process = ctx.Process(target=call_and_die, args=(database.url, called_at, done))
    process.start()
    try:
        assert done.wait(TIMEOUT)
    finally:
        process.kill()
        process.join(TIMEOUT)


def status_of(database: Database, number: str) -> str:
    with database.read() as s:
        return queue.ticket_by_number(s, "legal", number, clock.now().date()).status


@pytest.mark.usefixtures("daytime")
def test_a_call_left_by_a_killed_workstation_goes_back_after_the_halls_timeout(
    hall_db: Database, hall_events: HallEvents, qtbot: QtBot
) -> None:
    with hall_db.write() as s:
        for _ in range(3):
            queue.issue_ticket(s, "legal")
        hall_settings.put(s, hall_settings.CALL_TIMEOUT_MINUTES, 15)
    _call_then_kill(hall_db, minutes_ago=16)
    with hall_db.write() as s:
        queue.call_next(s, "legal", seat=2)
    assert [status_of(hall_db, n) for n in ("A001", "A002")] == [queue.CALLED] * 2

    # Every workstation runs the check; a recent call (A002) is left alone.
    timeout = CallTimeout(hall_db, interval_ms=100)
    timeout.start()
    try:
        qtbot.waitUntil(lambda: status_of(hall_db, "A001") == queue.WAITING, timeout=3000)
    finally:
        timeout.stop()
    assert status_of(hall_db, "A002") == queue.CALLED
    # Back at its place: the next call takes it before A003.
    with hall_db.write() as s:
        again = queue.call_next(s, "legal", seat=1)
        assert again is not None and again.number == "A001"
    # Nothing left for another workstation to release.
    assert CallTimeout(hall_db).release_stale() == []


@pytest.mark.usefixtures("daytime")
def test_with_no_timeout_set_calls_wait_for_the_administrator(hall_db: Database) -> None:
    with hall_db.write() as s:
        queue.issue_ticket(s, "legal")
        hall_settings.put(s, hall_settings.CALL_TIMEOUT_MINUTES, 0)
    _call_then_kill(hall_db, minutes_ago=90)
    assert CallTimeout(hall_db).release_stale() == []
    assert status_of(hall_db, "A001") == queue.CALLED


@pytest.mark.usefixtures("daytime")
def test_the_administrator_puts_a_stuck_call_back_in_the_queue(
    hall_db: Database, admin_ctx: AppContext, qtbot: QtBot
) -> None:
    with hall_db.write() as s:
        queue.issue_ticket(s, "legal")
        queue.issue_ticket(s, "legal")
    _call_then_kill(hall_db, minutes_ago=3)
    figures = TodayFigures(admin_ctx)
    qtbot.addWidget(figures)
    figures.show()
    assert figures.calls_box.isVisible()
    assert figures.calls_table.rowCount() == 1
    assert figures.calls_table.item(0, 0).text() == "A001"
    assert figures.calls_table.item(0, 2).text() == "1"
    figures.calls_table.selectRow(0)
    qtbot.mouseClick(figures.release_button, Qt.MouseButton.LeftButton)
    assert figures.calls_message.text() == "A001 号已退回队列原位等候。"
    assert figures.calls_table.rowCount() == 0
    assert status_of(hall_db, "A001") == queue.WAITING
    with hall_db.read() as s:
        (released,) = s.scalars(select(Event).where(Event.kind == "ticket.released"))
        assert released.actor_id == admin_ctx.user.id


def test_only_the_administrator_sees_the_calls_to_put_back(
    hall_db: Database, add_user: AddUser, hall_events: HallEvents, qtbot: QtBot
) -> None:
    leader = add_user("lingdao", [users.LEADER])
    figures = TodayFigures(AppContext(hall_db, leader, hall_events))
    qtbot.addWidget(figures)
    figures.show()
    assert not figures.calls_box.isVisible()


# A call whose commit was never acknowledged ---------------------------------------------------


# The screen logs the lost connection it turns into a message for the user.
@pytest.mark.usefixtures("no_windows_left")
def test_pressing_call_again_after_a_lost_acknowledgement_calls_nobody_else(
    pg_db: Database, proxy: PgProxy, qtbot: QtBot
) -> None:
    through = Database(proxy.url)
    try:
        with pg_db.write() as s:
            queue.issue_ticket(s, "legal")
            queue.issue_ticket(s, "legal")
            officer = users.add_user(s, "falv", "李明", "secret1", [users.OFFICER], ["legal"])
        ctx = AppContext(through, officer, HallEvents(), Workstation(window="legal", seat=1))
        workstation = windows.open_workstation(ctx, "legal")
        qtbot.addWidget(workstation)
        workstation.resize(1200, 760)
        workstation.show()
        qtbot.waitExposed(workstation)
        workstation.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is workstation)

        def press_f1() -> None:
            """F1, as the officer presses it (a button's shortcut clicks it a moment later)."""
            before = workstation.message_label.text()
            QTest.keyClick(workstation, Qt.Key.Key_F1)
            qtbot.waitUntil(lambda: workstation.message_label.text() != before)

        # F1: the server calls A001 and commits, but its answer is lost with the connection.
        proxy.lose_next_commit_ack()
        press_f1()
        assert proxy.acks_lost == 1
        assert "无法连接数据库" in workstation.message_label.text()
        assert status_of(pg_db, "A001") == queue.CALLED

        # F1 again: the call made is found and shown; A002 is not called.
        press_f1()
        assert workstation.number_label.text() == "A001"
        assert status_of(pg_db, "A002") == queue.WAITING
        with pg_db.read() as s:
            assert s.scalar(select(func.count()).where(Event.kind == "ticket.called")) == 1

        # The next press, once A001 is dealt with, is a new call.
        with pg_db.write() as s:
            queue.mark_no_show(s, queue.ticket_by_number(s, "legal", "A001", clock.now().date()).id)
        workstation.refresh()
        press_f1()
        assert workstation.number_label.text() == "A002"
    finally:
        through.dispose()


# A registration whose commit was never acknowledged, then the database away and back ----------


@pytest.fixture
def desk(pg_db: Database, cable: Cable, qtbot: QtBot) -> FrontDeskScreen:
    """The front desk of a receptionist whose workstation is on the cable, printing to PDF."""
    with pg_db.write() as s:
        receptionist = users.add_user(s, "daofang", "王丽", "secret1", [users.RECEPTION])
    ctx = AppContext(cable.database, receptionist, cable.events, Workstation())
    ctx.workstation.receipt = ReceiptSetup(output=PDF_ONLY)
    desk = FrontDeskScreen(ctx)
    qtbot.addWidget(desk)
    desk.resize(1400, 900)
    desk.show()
    qtbot.waitExposed(desk)
    return desk


# The screen logs the lost connection it turns into a message for the user.
@pytest.mark.usefixtures("no_windows_left")
def test_the_front_desk_finishes_an_unconfirmed_issue_once_when_the_database_is_back(
    pg_db: Database, proxy: PgProxy, cable: Cable, desk: FrontDeskScreen, qtbot: QtBot
) -> None:
    type_text(qtbot, desk.name_edit, "张秀英")
    type_text(qtbot, desk.summary_edit, "农民工工资被拖欠三个月")
    desk.window_combo.setCurrentIndex(desk.window_combo.findData("legal"))

    # Issue: the server registers the visit and commits; the answer is lost.
    proxy.lose_next_commit_ack()
    qtbot.mouseClick(desk.issue_button, Qt.MouseButton.LeftButton)
    assert proxy.acks_lost == 1
    assert "无法连接数据库" in desk.status_label.text()
    # What was typed is still there.
    assert desk.name_edit.text() == "张秀英"
    assert desk.summary_edit.toPlainText() == "农民工工资被拖欠三个月"

    # The cable is pulled and put back: the desk finishes the issue by itself, once.
    with qtbot.waitSignal(cable.events.connection_lost, timeout=5000):
        proxy.cut()
    with qtbot.waitSignal(desk.ticket_issued, timeout=10_000) as issued:
        proxy.restore()
    assert issued.args[0].number == "A001"
    assert desk.number_label.text() == "A001"
    assert desk.name_edit.text() == ""
    with pg_db.read() as s:
        assert s.scalar(select(func.count()).select_from(Visit)) == 1
        assert s.scalar(select(func.count()).select_from(Ticket)) == 1

    # The next visitor is a new registration.
    type_text(qtbot, desk.name_edit, "李四")
    type_text(qtbot, desk.summary_edit, "咨询劳动合同")
    desk.window_combo.setCurrentIndex(desk.window_combo.findData("legal"))
    with qtbot.waitSignal(desk.ticket_issued, timeout=5000) as issued:
        qtbot.mouseClick(desk.issue_button, Qt.MouseButton.LeftButton)
    assert issued.args[0].number == "A002"


# The screen logs the lost connection it turns into a message for the user.
@pytest.mark.usefixtures("no_windows_left")
def test_an_issue_pressed_while_the_database_is_away_is_done_once_it_is_back(
    pg_db: Database, proxy: PgProxy, cable: Cable, desk: FrontDeskScreen, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(cable.events.connection_lost, timeout=5000):
        proxy.cut()
    type_text(qtbot, desk.name_edit, "张秀英")
    type_text(qtbot, desk.summary_edit, "农民工工资被拖欠三个月")
    desk.window_combo.setCurrentIndex(desk.window_combo.findData("legal"))
    qtbot.mouseClick(desk.issue_button, Qt.MouseButton.LeftButton)
    assert "无法连接数据库" in desk.status_label.text()
    with pg_db.read() as s:
        assert s.scalar(select(func.count()).select_from(Ticket)) == 0
    with qtbot.waitSignal(desk.ticket_issued, timeout=10_000) as issued:
        proxy.restore()
    assert issued.args[0].number == "A001"
    with pg_db.read() as s:
        assert s.scalar(select(func.count()).select_from(Ticket)) == 1
