"""Issue 17, the leader's part: the cases and entries a leader leads (包案) on his or her home
page, a formal case's 包案领导 named in the letters desk's case view, and the leader's
instruction (批示), on a register entry or at leader reception on the visit at the
heart-to-heart window, turned into its assignment (交办) with a deadline and a 交办单, each
driven as a user on both databases."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.case_models import PetitionCase
from db.engine import Database
from db.mechanism_models import Dispute, DisputeProgress
from db.models import User
from desktop.main_window import TodayFigures
from hall import users
from hall.deadlines import Alert
from hall.mechanisms import disputes, leading
from kit.alerts import ALERT_COLOURS
from kit.context import AppContext, HallEvents
from tests.desktop.conftest import AddUser, type_text
from tests.hall.mechanisms.helpers import entry, prepare
from tests.hall.test_cases import letter
from tests.windows.helpers import register
from tests.windows.window_gui import officer_ctx, open_window, serve_next
from windows.letters.case_dialog import CaseDialog
from windows.letters.case_view import CaseViewPage
from windows.mechanisms.led import LedEntries
from windows.mechanisms.overdue import DisputeDialog
from windows.mechanisms.register import DisputeRegister
from windows.talk import TalkPanel

EARLIER = dt.datetime(2026, 6, 1, 10)


def _button(screen: QWidget, text: str) -> QPushButton:
    for button in screen.findChildren(QPushButton):
        if button.text() == text:
            return button
    raise AssertionError(f"no button {text}")


def click(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _leader(database: Database, add_user: AddUser, events: HallEvents, name: str) -> AppContext:
    return AppContext(database, add_user("lingdao", [users.LEADER], name=name), events)


def _led(database: Database) -> int:
    """王建国 leads one entry overdue since 5 June and one due 20 June, and a formal case
    registered on 8 June (its 15 days end on 23 June); 李红 one entry due 12 June; one
    of 王建国's is settled (it leaves the list). The clock is pinned on 10 June. Returns the
    case's id."""
    admin, unit = prepare(database)
    case_id = letter(database, dt.date(2026, 6, 8), summary="小区供暖不达标")
    with database.write() as s:
        leading.set_case_leader(s, case_id, "王建国", s.get_one(User, admin))
        plan = [
            ("远期", "王建国", dt.date(2026, 6, 20)),
            ("别人的", "李红", dt.date(2026, 6, 12)),
            ("赵甲、钱乙", "王建国", dt.date(2026, 6, 5)),
            ("已化解", "王建国", dt.date(2026, 6, 8)),
        ]
        for parties, leader, due in plan:
            dispute = disputes.register(s, entry(parties=parties), "window", now=EARLIER)
            disputes.assign(
                s, dispute.id, disputes.Assignment(leader, unit, "刘稳", due), now=EARLIER
            )
            if parties == "赵甲、钱乙":
                disputes.add_progress(s, dispute.id, "已约双方当面协商", now=EARLIER)
            if parties == "已化解":
                disputes.record_outcome(s, dispute.id, "resolved")
    return case_id


def test_a_leaders_home_lists_his_cases_and_entries_nearest_deadline_first_and_opens_them(
    qtbot: QtBot, chinese: None, hall_db: Database, add_user: AddUser, hall_events: HallEvents
) -> None:
    case_id = _led(hall_db)
    figures = TodayFigures(_leader(hall_db, add_user, hall_events, "王建国"))
    qtbot.addWidget(figures)
    led = figures.findChild(LedEntries)
    assert isinstance(led, LedEntries)
    assert led.title.text() == "我包案的事项：3 件，超期 1 件（双击查看详情）"
    table = led.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["类别", "编号", "当事人", "状态/风险", "期限", "剩余天数"]
    rows = [[table.item(r, c).text() for c in (0, 2, 3, 4, 5)] for r in range(table.rowCount())]
    assert rows == [
        ["排查化解", "赵甲、钱乙", "一般", "2026-06-05", "超期 5 天"],
        ["排查化解", "远期", "一般", "2026-06-20", "10"],
        ["信访事项", "张三", "已登记待受理", "2026-06-23", "13"],
    ]
    red, white = ALERT_COLOURS[Alert.OVERDUE]
    overdue = table.item(0, 0)
    assert overdue.background().color().name() == red
    assert overdue.foreground().color().name() == white
    assert table.item(1, 0).background().style() == Qt.BrushStyle.NoBrush
    assert table.item(0, 2).toolTip() == "千秋镇北村　千秋镇政府"
    figures.show()
    qtbot.waitExposed(figures)
    cell = table.visualItemRect(table.item(0, 2)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    dialog = led.dialog
    assert isinstance(dialog, DisputeDialog) and dialog.isVisible()
    assert dialog.values["化解期限"].text() == "2026-06-05（已超期）"
    assert "2026-06-01  已约双方当面协商" in dialog.progress.toPlainText()
    dialog.close()
    # The case opens as the letters desk shows it, its leader named there.
    cell = table.visualItemRect(table.item(2, 2)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    opened = led.dialog
    assert isinstance(opened, CaseDialog) and opened.isVisible()
    page = opened.page
    assert page.case is not None and page.case.id == case_id
    assert opened.windowTitle() == f"信访事项 {page.case.number}"
    assert page.detail_labels["summary"].text() == "小区供暖不达标"
    assert page.leader_combo.isVisible() and page.leader_combo.currentText() == "王建国"
    opened.close()


def test_a_leader_not_on_the_list_is_told_and_an_administrator_has_no_such_list(
    qtbot: QtBot,
    chinese: None,
    hall_db: Database,
    add_user: AddUser,
    hall_events: HallEvents,
    admin_ctx: AppContext,
) -> None:
    _led(hall_db)
    figures = TodayFigures(_leader(hall_db, add_user, hall_events, "刘书记"))
    qtbot.addWidget(figures)
    led = figures.findChild(LedEntries)
    assert isinstance(led, LedEntries)
    assert "刘书记" in led.title.text() and "不在领导名单" in led.title.text()
    assert led.table.isHidden()
    admin_figures = TodayFigures(admin_ctx)
    qtbot.addWidget(admin_figures)
    assert admin_figures.findChild(LedEntries) is None


def test_a_leaders_instruction_assigns_the_entry_with_its_deadline_and_slip(
    qtbot: QtBot,
    chinese: None,
    hall_db: Database,
    add_user: AddUser,
    hall_events: HallEvents,
    tmp_path: Path,
) -> None:
    prepare(hall_db)
    with hall_db.write() as s:
        dispute_id = disputes.register(s, entry(parties="孙丙、周丁"), "window").id
    screen = DisputeRegister(_leader(hall_db, add_user, hall_events, "王建国"))
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    click(qtbot, _button(screen, "领导批示…"))
    assert screen.message.text() == "请先在左侧列表中选择一件纠纷。"
    screen.table.selectRow(0)
    click(qtbot, _button(screen, "领导批示…"))
    dialog = screen.instruction
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "对 纠〔2026〕0001号 的领导批示"
    assert dialog.leader.currentText() == "王建国"
    # Nothing typed: both missing fields are marked at once, nothing is saved.
    click(qtbot, dialog.save_button)
    assert dialog.errors.messages["instruction"].is_error
    assert dialog.errors.messages["keeper"].is_error
    assert dialog.message.text().startswith("有 2 处需要修改")
    type_text(qtbot, dialog.instruction, "请千秋镇十日内召集双方调解，结果报我")
    type_text(qtbot, dialog.keeper, "刘稳")
    dialog.unit.setCurrentIndex(dialog.unit.findText("千秋镇政府"))
    dialog.due.setDate(dt.date(2026, 6, 20))
    click(qtbot, dialog.save_button)
    assert dialog.message.text() == "批示已记录：交办编号 交〔2026〕0001号，化解期限 2026-06-20。"
    assert screen.message.text() == "交〔2026〕0001号已按领导批示交办。"
    assert not dialog.save_button.isEnabled() and dialog.slip_button.isEnabled()
    with hall_db.read() as s:
        stored = s.get(Dispute, dispute_id)
        assert stored is not None
        assert (stored.leader, stored.keeper, stored.due_on) == (
            "王建国",
            "刘稳",
            dt.date(2026, 6, 20),
        )
        assert stored.assignment_number == "交〔2026〕0001号"
        notes = list(
            s.scalars(select(DisputeProgress.text).where(DisputeProgress.dispute_id == dispute_id))
        )
    assert notes == ["王建国批示：请千秋镇十日内召集双方调解，结果报我"]
    assert screen.model.row(0).leader == "王建国"
    slip = tmp_path / "交办单.pdf"
    dialog.save_slip(slip)
    qtbot.waitUntil(lambda: dialog.message.text() == f"交办单已保存为 {slip}。")
    text = subprocess.run(
        ["pdftotext", str(slip), "-"], capture_output=True, check=True
    ).stdout.decode()
    text = "".join(text.split())
    for expected in (
        "交〔2026〕0001号",
        "纠〔2026〕0001号",
        "根据王建国同志批示",
        "领导批示请千秋镇十日内召集双方调解，结果报我",
        "2026年6月20日",
    ):
        assert expected in text, expected
    assert "千秋镇政府" in text
    dialog.close()


def test_leader_reception_at_the_talk_window_assigns_the_visit(
    qtbot: QtBot, chinese: None, hall_db: Database, tmp_path: Path
) -> None:
    prepare(hall_db)
    register(
        hall_db,
        "李秀梅",
        "talk",
        township="千秋镇",
        village="北村",
        summary="对拆迁补偿标准有意见，情绪激动",
    )
    ws = open_window(qtbot, officer_ctx(hall_db, "talk"), "talk")
    panel = ws.panel
    assert isinstance(panel, TalkPanel)
    assert not panel.instruct_button.isEnabled()
    serve_next(qtbot, ws)
    click(qtbot, panel.instruct_button)
    dialog = panel.instruction
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "对 李秀梅 来访的领导批示"
    # The officer records it in the name of the leader on duty today (李红 comes first).
    assert dialog.leader.currentText() == "王建国"
    type_text(qtbot, dialog.instruction, "请千秋镇两周内上门核实面积，依政策答复")
    type_text(qtbot, dialog.keeper, "刘稳")
    click(qtbot, dialog.save_button)
    assert dialog.message.text() == "批示已记录：交办编号 交〔2026〕0001号，化解期限 2026-06-25。"
    with hall_db.read() as s:
        stored = s.scalars(select(Dispute)).one()
        assert (stored.parties, stored.township, stored.village, stored.leader) == (
            "李秀梅",
            "千秋镇",
            "北村",
            "王建国",
        )
        assert (stored.summary, stored.due_on) == (
            "对拆迁补偿标准有意见，情绪激动",
            dt.date(2026, 6, 25),
        )
    slip = tmp_path / "交办单.pdf"
    dialog.save_slip(slip)
    qtbot.waitUntil(lambda: dialog.message.text() == f"交办单已保存为 {slip}。")
    text = "".join(
        subprocess.run(["pdftotext", str(slip), "-"], capture_output=True, check=True)
        .stdout.decode()
        .split()
    )
    assert "根据王建国同志批示" in text and "请千秋镇两周内上门核实面积，依政策答复" in text
    dialog.close()


def test_a_leader_names_a_case_s_leader_in_the_case_view_and_an_officer_cannot(
    qtbot: QtBot, chinese: None, hall_db: Database, add_user: AddUser, hall_events: HallEvents
) -> None:
    prepare(hall_db)
    case_id = letter(hall_db, dt.date(2026, 6, 8), summary="小区供暖不达标")
    officer = CaseViewPage(officer_ctx(hall_db, "letters"))
    qtbot.addWidget(officer)
    officer.show()
    officer.open_case(case_id)
    assert officer.case is not None and officer.case.id == case_id
    assert officer.detail_labels["leader"].text() == "未指定"
    assert officer.leader_combo.isHidden() and officer.leader_button.isHidden()

    page = CaseViewPage(_leader(hall_db, add_user, hall_events, "李红"))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.open_case(case_id)
    combo = page.leader_combo
    assert combo.isVisible() and page.leader_button.isVisible()
    assert [combo.itemText(i) for i in range(combo.count())] == ["（无）", "李红", "王建国"]
    assert combo.currentText() == "（无）"
    combo.setCurrentIndex(combo.findText("王建国"))
    with qtbot.waitSignal(page.changed) as changed:
        click(qtbot, page.leader_button)
    assert changed.args == [case_id]
    assert page.message.text() == "已指定包案领导：王建国。"
    assert combo.currentText() == "王建国"
    what = [page.timeline.item(r, 1).text() for r in range(page.timeline.rowCount())]
    assert what[-1] == "指定包案领导：王建国"
    assert page.timeline.item(page.timeline.rowCount() - 1, 2).text() == "李红"
    with hall_db.read() as s:
        assert s.get_one(PetitionCase, case_id).leader == "王建国"

    officer.reload()
    assert officer.detail_labels["leader"].text() == "王建国"
    assert officer.leader_combo.isHidden()
