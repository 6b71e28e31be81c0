"""The court clerk's desk, driven as the clerk drives it, on both databases: a window's hand-off
reaches the inbox through the live feed, the slip's barcode opens it, the clerk accepts,
registers, mediates and closes, and the window sees the outcome; a returned hand-off goes back
with its reason; forms name every missing field at once and keep what was typed; the 30-day
limit of judicial confirmation; who may open the desk and what a clerk may not read."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.court_models import CourtCase
from db.engine import Database
from db.models import Event, Visit
from hall import clock, court, court_cases, letters, users
from hall.calendar import cn_date
from hall.cases import WITHHELD
from hall.errors import PermissionDenied
from kit.context import HallEvents
from kit.live import LiveFeed
from tests.desktop.conftest import chinese, compiled_translations  # noqa: F401
from tests.hall.court_helpers import (
    accept,
    accepted_case,
    add_people,
    hand_off,
    new_visit,
    register,
)
from tests.windows.court_desk_helpers import click, ctx_of, open_desk, pick, texts
from tests.windows.helpers import column_texts, make_ctx, show, type_text
from windows import open_workstation
from windows.court import ClerkDesk
from windows.court.forms import MediationDialog, OutcomeDialog, RegistrationDialog, to_qdate
from windows.letters import LettersDesk

pytestmark = pytest.mark.usefixtures("chinese")


@pytest.fixture
def court_hall(hall_db: Database) -> Database:
    add_people(hall_db)
    return hall_db


def year() -> int:
    return clock.now().year


def scan(qtbot: QtBot, desk: ClerkDesk, code: str) -> None:
    """What the barcode scanner does: type the code into the focused box, then Enter."""
    desk.scan_edit.setFocus()
    type_text(qtbot, desk.scan_edit, code)
    QTest.keyClick(desk.scan_edit, Qt.Key.Key_Return)


def test_a_hand_off_goes_through_the_court_and_its_outcome_back_to_the_window(
    court_hall: Database, qtbot: QtBot
) -> None:
    events = HallEvents()
    desk = open_desk(qtbot, ctx_of(court_hall, "shuji", events))
    assert desk.inbox is not None and desk.cases is not None
    assert desk.inbox.count() == 0 and desk.tabs.tabText(desk.inbox_tab) == "收件箱"
    assert desk.inbox.empty_label.isVisible()

    # The legal window's officer hands a visit over in their own program; the clerk's desk
    # hears of it through its live feed.
    inbox = desk.inbox
    feed = LiveFeed(court_hall, events, retry_ms=300)
    feed.start()
    try:
        qtbot.waitUntil(lambda: feed.online, timeout=5000)
        visit_id = new_visit(court_hall, name="王大海")
        handoff_id = hand_off(court_hall, visit_id, now=clock.now())
        qtbot.waitUntil(lambda: inbox.count() == 1, timeout=5000)
    finally:
        feed.stop()
    number = f"移交〔{year()}〕0001号"
    assert desk.tabs.tabText(desk.inbox_tab) == "收件箱（1）"
    assert column_texts(desk.inbox.table, 0) == [number]
    assert column_texts(desk.inbox.table, 2) == ["法律服务"]
    assert column_texts(desk.inbox.table, 3) == ["王大海"]
    assert not desk.inbox.empty_label.isVisible()

    # The clerk scans the slip that came with the visitor.
    scan(qtbot, desk, f"YJ{year()}-0001")
    assert desk.tabs.currentIndex() == desk.inbox_tab
    assert desk.inbox.shown is not None and desk.inbox.shown.id == handoff_id
    assert desk.message_label.text() == f"{number}待接收：请接收或退回。"
    assert desk.scan_edit.text() == ""
    assert desk.inbox.slip_box.title() == f"移交单 {number}"
    assert desk.inbox.party_value.text() == "王大海"
    assert desk.inbox.other_value.text() == "张小山"
    assert desk.inbox.claim_value.text() == "归还借款三万元及利息"
    assert desk.inbox.summary_value.text() == "邻居借款三万元到期不还，要求帮助追讨"
    assert desk.inbox.facts_value.text().startswith("2025 年 6 月借给邻居张某三万元")
    assert not desk.inbox.withheld_label.isVisible()

    # Alt+A accepts: the file opens at 接访 on the files page.
    with qtbot.waitSignal(desk.cases.file_shown):
        QTest.keyClick(desk, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert desk.tabs.currentIndex() == desk.cases_tab
    assert (
        desk.message_label.text() == f"已接收{number}，案卷已建立（接访阶段），下一步请立案登记。"
    )
    assert desk.inbox.count() == 0 and desk.tabs.tabText(desk.inbox_tab) == "收件箱"
    file = desk.cases.file
    assert file is not None and file.stage == "reception" and file.number is None
    assert desk.cases.file_view.title.text() == f"{number}　接访阶段"
    assert desk.cases.file_view.values["number"].text() == "尚未立案"
    assert desk.cases.file_view.values["fees"].text() == "免交诉讼费用"
    assert column_texts(desk.cases.view, 0) == [number]

    # Registration starts from what the hall knows and gives the number.
    click(desk.cases.register_button)
    dialog = desk.cases.dialog
    assert isinstance(dialog, RegistrationDialog)
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == f"{number} 立案登记"
    assert dialog.plaintiff_name.text() == "王大海"
    assert dialog.plaintiff_gender.currentText() == "男"
    assert dialog.plaintiff_address.text() == "千秋路街道红旗社区幸福路 8 号"
    assert dialog.plaintiff_contact.text() == "13800138000"
    assert dialog.defendant_name.text() == "张小山"
    assert dialog.claims.toPlainText() == "归还借款三万元及利息"
    assert dialog.case_type.currentText() == "民初　民事一审案件"
    pick(dialog.track, "简易程序（审限3个月）")
    QTest.keyClicks(dialog.plaintiff_age, "46")
    type_text(qtbot, dialog.plaintiff_ethnicity, "汉族")
    type_text(qtbot, dialog.plaintiff_occupation, "个体经营")
    type_text(qtbot, dialog.plaintiff_employer, "无")
    pick(dialog.defendant_gender, "男")
    type_text(qtbot, dialog.defendant_address, "义马市新区街道杨村 12 号")
    type_text(qtbot, dialog.evidence, "借条一份；微信转账记录")
    type_text(qtbot, dialog.evidence_source, "原告提供")
    click(dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    case_number = f"（{year()}）豫1281民初1号"
    with court_hall.read() as s:
        stored = s.scalars(select(CourtCase)).one()
        assert stored.number == case_number and stored.plaintiff_age == 46
        assert stored.due_on is not None
        due = stored.due_on
    assert desk.message_label.text() == f"已立案，案号{case_number}；审限至{cn_date(due)}。"
    values = desk.cases.file_view.values
    assert desk.cases.file_view.title.text() == f"{case_number}　立案阶段"
    assert values["number"].text() == case_number
    assert values["track"].text() == "简易程序"
    assert values["type"].text() == "民事一审案件（民初）"
    left = (due - clock.now().date()).days
    assert values["due"].text() == f"{cn_date(due)}　剩 {left} 天"
    assert values["plaintiff"].text().startswith("王大海，男，46岁，汉族，个体经营，工作单位：无")
    assert column_texts(desk.cases.view, 0) == [case_number]
    assert column_texts(desk.cases.view, 4) == ["简易程序"]
    assert column_texts(desk.cases.view, 6) == [str(left)]

    # Forward to 庭前, where the parties agree.
    pick(desk.cases.stage_choice, "庭前")
    click(desk.cases.advance_button)
    assert desk.message_label.text() == f"{case_number}已转入庭前阶段。"
    assert desk.cases.file_view.stages.current == "pretrial"
    assert [
        desk.cases.stage_choice.itemText(i) for i in range(desk.cases.stage_choice.count())
    ] == [
        "庭审",
        "庭后",
    ]
    click(desk.cases.mediate_button)
    mediation = desk.cases.dialog
    assert isinstance(mediation, MediationDialog)
    qtbot.waitExposed(mediation)
    # The mediator is one of the court's staff, chosen from the list; nobody is chosen first.
    staff = mediation.mediator
    assert [staff.itemText(i) for i in range(staff.count())] == ["陈洁"]
    assert staff.isEditable() and staff.currentText() == ""
    staff.setFocus()
    QTest.keyClick(staff, Qt.Key.Key_Down)
    assert staff.currentText() == "陈洁"
    pick(mediation.result_choice, "达成调解协议")
    type_text(qtbot, mediation.note, "双方同意分期还款")
    click(mediation.save_button)
    qtbot.waitUntil(lambda: not mediation.isVisible())
    today = clock.now().date()
    table = desk.cases.file_view.mediation_table
    assert [column_texts(table, c)[0] for c in range(5)] == [
        today.isoformat(),
        "庭前",
        "陈洁",
        "达成调解协议",
        "双方同意分期还款",
    ]

    # Closed by a 调解书 on the agreement's terms.
    click(desk.cases.close_button)
    outcome = desk.cases.dialog
    assert isinstance(outcome, OutcomeDialog)
    qtbot.waitExposed(outcome)
    assert outcome.outcome.currentText() == "调解结案"
    assert outcome.form.currentText() == "制作调解书"
    type_text(qtbot, outcome.terms, "被告于本月底前归还原告借款三万元")
    QTest.keyClick(outcome.terms, Qt.Key.Key_Return)
    type_text(qtbot, outcome.terms, "原告放弃利息请求")
    click(outcome.save_button)
    qtbot.waitUntil(lambda: not outcome.isVisible())
    assert desk.message_label.text() == f"{case_number}已结案。"
    assert values["outcome"].text() == "调解结案（制作调解书）"
    assert values["closed"].text() == cn_date(today)
    assert values["agreement"].text().startswith(f"{cn_date(today)}：被告于本月底前")
    assert desk.cases.file_view.title.text() == f"{case_number}　调解结案"
    assert desk.cases.mediation_paper_button.isEnabled()
    assert desk.cases.enforce_button.isEnabled()
    assert not desk.cases.close_button.isEnabled()
    # Closed files leave the list of open ones, and are there with everything.
    assert column_texts(desk.cases.view, 0) == []
    desk.cases.open_only.click()
    assert column_texts(desk.cases.view, 3) == ["调解结案"]

    # The window sees the number, the stage and the outcome, and cannot open the file.
    with court_hall.read() as s:
        seen = court.court_status(s, visit_id)
        officer = users.by_login(s, "falv")
        with pytest.raises(PermissionDenied):
            court_cases.read_case(s, stored.id, officer)
    assert seen is not None
    assert seen.line == f"{number}，已接收，案号{case_number}，庭前阶段，结果：调解结案"


def test_a_returned_hand_off_goes_back_to_the_window_with_its_reason(
    court_hall: Database, qtbot: QtBot
) -> None:
    visit_id = new_visit(court_hall, name="李秀英")
    hand_off(court_hall, visit_id, now=clock.now(), party="李秀英")
    desk = open_desk(qtbot, ctx_of(court_hall, "shuji"))
    assert desk.inbox is not None
    assert desk.inbox.count() == 1
    desk.inbox.table.selectRow(0)
    assert desk.inbox.party_value.text() == "李秀英"

    # No reason, no return: said under the field, nothing changed.
    click(desk.inbox.return_button)
    assert desk.inbox.reason_message.is_error
    assert desk.inbox.reason_message.text() == "请填写退回理由（窗口会看到这条理由）。"
    # Counted as on every form, and the count goes with the fix.
    assert desk.inbox.problem_label.isVisible()
    assert desk.inbox.problem_label.text() == "有 1 处需要修改（已标红），没有保存。"
    assert desk.inbox.count() == 1

    reason = "属于劳动争议，应先申请劳动仲裁"
    type_text(qtbot, desk.inbox.reason_edit, reason)
    assert not desk.inbox.reason_message.is_error
    assert not desk.inbox.problem_label.isVisible()
    click(desk.inbox.return_button)
    number = f"移交〔{year()}〕0001号"
    assert desk.message_label.text() == f"已将{number}退回法律服务窗口，并告知退回理由。"
    assert desk.inbox.count() == 0 and desk.inbox.shown is None
    assert desk.inbox.reason_edit.toPlainText() == ""

    with court_hall.read() as s:
        seen = court.court_status(s, visit_id)
        visit = s.get_one(Visit, visit_id)
        assert visit.status == "court_returned"
    assert seen is not None and seen.return_reason == reason
    assert seen.line == f"{number} 法庭已退回：{reason}"

    # Scanning the returned slip says where it went and why.
    scan(qtbot, desk, f"YJ{year()}-0001")
    assert desk.message_label.text() == f"{number}已退回法律服务窗口，理由：{reason}"


def test_registration_names_every_missing_field_at_once_and_keeps_what_was_typed(
    court_hall: Database, qtbot: QtBot
) -> None:
    case_id = accepted_case(court_hall, now=clock.now())
    desk = open_desk(qtbot, ctx_of(court_hall, "shuji"))
    assert desk.cases is not None
    desk.show_case(case_id)
    click(desk.cases.register_button)
    dialog = desk.cases.dialog
    assert isinstance(dialog, RegistrationDialog)
    qtbot.waitExposed(dialog)
    # The draft names the visitor's party; the clerk clears the name and types a witness.
    dialog.plaintiff_name.clear()
    type_text(qtbot, dialog.witnesses, "李某，住义马市千秋路街道")
    click(dialog.save_button)

    assert dialog.isVisible()
    # The visitor is not the party the slip names, so nothing of theirs was copied.
    assert dialog.problem_label.text() == "有 13 处需要修改（已标红），没有保存。"
    marked = {name for name, message in dialog.messages.items() if message.is_error}
    assert marked == {
        "track",
        "plaintiff_name",
        "plaintiff_gender",
        "plaintiff_age",
        "plaintiff_ethnicity",
        "plaintiff_occupation",
        "plaintiff_employer",
        "plaintiff_address",
        "plaintiff_contact",
        "defendant_gender",
        "defendant_address",
        "evidence",
        "evidence_source",
    }
    assert dialog.messages["plaintiff_ethnicity"].text() == "请填写原告民族。"
    assert dialog.witnesses.text() == "李某，住义马市千秋路街道"
    assert dialog.defendant_name.text() == "张小山"
    with court_hall.read() as s:
        assert s.get_one(CourtCase, case_id).number is None

    # Fixing one field withdraws its mark; a company as defendant needs no gender.
    # The line at the top counts what is left, and never names a field already filled.
    type_text(qtbot, dialog.plaintiff_name, "王大海")
    assert not dialog.messages["plaintiff_name"].is_error
    assert dialog.problem_label.text() == "有 12 处需要修改（已标红），没有保存。"
    pick(dialog.defendant_kind, "法人或其他组织")
    assert not dialog.defendant_gender.isEnabled()
    assert not dialog.messages["defendant_gender"].is_error
    assert dialog.problem_label.text() == "有 11 处需要修改（已标红），没有保存。"
    pick(dialog.track, "小额诉讼程序（审限2个月）")
    pick(dialog.plaintiff_gender, "男")
    QTest.keyClicks(dialog.plaintiff_age, "200")
    for edit, text in (
        (dialog.plaintiff_ethnicity, "回族"),
        (dialog.plaintiff_occupation, "务工"),
        (dialog.plaintiff_employer, "无"),
        (dialog.plaintiff_address, "义马市千秋路街道"),
        (dialog.plaintiff_contact, "13800138000"),
        (dialog.defendant_address, "义马市新区街道"),
        (dialog.evidence_source, "原告提供"),
    ):
        type_text(qtbot, edit, text)
    type_text(qtbot, dialog.evidence, "工资条")
    click(dialog.save_button)
    # What is filled but wrong is said too, at its field.
    assert dialog.isVisible()
    assert dialog.problem_label.text() == "有 1 处需要修改（已标红），没有保存。"
    marked = {name for name, message in dialog.messages.items() if message.is_error}
    assert marked == {"plaintiff_age"}
    assert dialog.messages["plaintiff_age"].text() == "原告年龄应在 0 到 150 岁之间，现在是 200。"
    dialog.plaintiff_age.clear()
    QTest.keyClicks(dialog.plaintiff_age, "46")
    assert not dialog.problem_label.isVisible()
    click(dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with court_hall.read() as s:
        case = s.get_one(CourtCase, case_id)
        assert case.number == f"（{year()}）豫1281民初1号"
        assert (case.plaintiff_name, case.plaintiff_age, case.track) == (
            "王大海",
            46,
            "small_claims",
        )
        assert case.defendant_kind == "organisation" and case.defendant_gender == ""
        assert case.witnesses == "李某，住义马市千秋路街道"


def test_judicial_confirmation_out_of_time_is_refused_with_the_reason(
    court_hall: Database, qtbot: QtBot
) -> None:
    now = clock.now()
    case_id = accepted_case(court_hall, now=now)
    register(court_hall, case_id, now=now)
    desk = open_desk(qtbot, ctx_of(court_hall, "shuji"))
    assert desk.cases is not None
    desk.show_case(case_id)
    click(desk.cases.close_button)
    dialog = desk.cases.dialog
    assert isinstance(dialog, OutcomeDialog)
    qtbot.waitExposed(dialog)
    pick(dialog.outcome, "司法确认")
    assert dialog.details.currentIndex() == 1 and dialog.terms.isVisible()
    # A people's mediation committee's agreement of 40 days ago.
    dialog.elsewhere.click()
    assert dialog.agreement_on.isEnabled()
    agreed = now.date() - dt.timedelta(days=40)
    dialog.agreement_on.setDate(to_qdate(agreed))
    type_text(qtbot, dialog.terms, "被告分三期归还借款")
    click(dialog.save_button)

    assert dialog.isVisible()
    refusal = dialog.messages["applied_on"]
    assert refusal.is_error and refusal.isVisible()
    assert refusal.text().startswith("申请司法确认应当自调解协议生效之日起三十日内提出。")
    assert f"本协议于{cn_date(agreed)}达成" in refusal.text() and "不予受理" in refusal.text()
    assert dialog.problem_label.text() == "有 1 处需要修改（已标红），没有保存。"
    assert dialog.terms.toPlainText() == "被告分三期归还借款"
    with court_hall.read() as s:
        assert s.get_one(CourtCase, case_id).outcome is None

    # Within the 30 days it is confirmed.
    dialog.agreement_on.setDate(to_qdate(now.date() - dt.timedelta(days=10)))
    click(dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    values = desk.cases.file_view.values
    assert values["outcome"].text() == "司法确认"
    assert values["confirmation"].text() == f"{cn_date(now.date())}申请"
    assert desk.cases.enforce_button.isEnabled()


def test_hearings_are_scheduled_listed_and_a_judgment_enforced(
    court_hall: Database, qtbot: QtBot
) -> None:
    now = clock.now()
    case_id = accepted_case(court_hall, now=now)
    number = register(court_hall, case_id, now=now).number
    desk = open_desk(qtbot, ctx_of(court_hall, "shuji"))
    assert desk.cases is not None and desk.hearings is not None
    desk.show_case(case_id)
    # A file at 接访 cannot be enforced; a registered open one can be scheduled.
    assert not desk.cases.enforce_button.isEnabled()
    click(desk.cases.hearing_button)
    dialog = desk.cases.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == f"{number} 排期"
    click(dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    tomorrow = f"{(now.date() + dt.timedelta(days=1)).isoformat()} 09:00"
    assert desk.message_label.text() == f"已排期：{tomorrow}。"
    assert column_texts(desk.cases.file_view.hearing_table, 0) == [tomorrow]
    assert column_texts(desk.cases.file_view.hearing_table, 2) == ["二楼 法庭接待室"]

    # The hearing list (Ctrl+3) has it; Enter on it opens the file.
    desk.show_case(accepted_case(court_hall, now=now))
    QTest.keyClick(desk, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert desk.tabs.currentIndex() == desk.hearings_tab
    assert column_texts(desk.hearings.table, 0) == [tomorrow]
    assert column_texts(desk.hearings.table, 1) == ["开庭审理"]
    assert column_texts(desk.hearings.table, 2) == [number]
    desk.hearings.table.setFocus()
    desk.hearings.table.selectRow(0)
    with qtbot.waitSignal(desk.cases.file_shown):
        QTest.keyClick(desk.hearings.table, Qt.Key.Key_Return)
    assert desk.tabs.currentIndex() == desk.cases_tab
    assert desk.cases.file is not None and desk.cases.file.id == case_id

    # Judgment, then the winner applies for enforcement: the file moves to 执行.
    click(desk.cases.close_button)
    outcome = desk.cases.dialog
    assert isinstance(outcome, OutcomeDialog)
    qtbot.waitExposed(outcome)
    pick(outcome.outcome, "判决")
    assert not outcome.terms.isVisible()
    click(outcome.save_button)
    qtbot.waitUntil(lambda: not outcome.isVisible())
    assert desk.cases.file_view.values["outcome"].text() == "判决"
    click(desk.cases.enforce_button)
    enforcement = desk.cases.dialog
    assert enforcement is not None
    qtbot.waitExposed(enforcement)
    click(enforcement.save_button)
    qtbot.waitUntil(lambda: not enforcement.isVisible())
    assert desk.message_label.text() == "已登记执行申请，案件转入执行阶段。"
    assert desk.cases.file_view.stages.current == "enforcement"
    assert desk.cases.file_view.values["enforcement"].text() == (
        f"王大海于{cn_date(now.date())}申请执行"
    )
    assert not desk.cases.enforce_button.isEnabled()


def test_a_mediation_without_a_mediator_or_result_is_refused_in_the_form(
    court_hall: Database, qtbot: QtBot
) -> None:
    case_id = accepted_case(court_hall, now=clock.now())
    desk = open_desk(qtbot, ctx_of(court_hall, "shuji"))
    assert desk.cases is not None
    desk.show_case(case_id)
    click(desk.cases.mediate_button)
    dialog = desk.cases.dialog
    assert isinstance(dialog, MediationDialog)
    qtbot.waitExposed(dialog)
    type_text(qtbot, dialog.note, "双方分歧较大")
    click(dialog.save_button)
    assert dialog.isVisible()
    assert dialog.problem_label.text() == "有 2 处需要修改（已标红），没有保存。"
    assert dialog.messages["mediator"].is_error and dialog.messages["result"].is_error
    assert dialog.note.toPlainText() == "双方分歧较大"
    # At 接访 a file can end only with an agreement performed at once.
    dialog.reject()
    click(desk.cases.close_button)
    outcome = desk.cases.dialog
    assert isinstance(outcome, OutcomeDialog)
    assert [outcome.outcome.itemText(i) for i in range(outcome.outcome.count())] == ["调解结案"]
    assert [outcome.form.itemText(i) for i in range(outcome.form.count())] == [
        "调解协议记入笔录，当即履行"
    ]
    outcome.reject()


def test_the_scanner_opens_a_file_by_its_slip_or_case_number(
    court_hall: Database, qtbot: QtBot
) -> None:
    now = clock.now()
    case_id = accepted_case(court_hall, now=now)
    number = register(court_hall, case_id, now=now).number
    assert number is not None
    desk = open_desk(qtbot, ctx_of(court_hall, "shuji"))
    assert desk.cases is not None
    # Ctrl+F puts the cursor in the box from anywhere on the desk.
    desk.tabs.setCurrentIndex(desk.figures_tab)
    QTest.keyClick(desk, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert desk.scan_edit.hasFocus()
    scan(qtbot, desk, f"YJ{year()}-0001")
    assert desk.tabs.currentIndex() == desk.cases_tab
    assert desk.cases.file is not None and desk.cases.file.number == number

    desk.cases.open_case(accepted_case(court_hall, now=now))
    scan(qtbot, desk, number)
    assert desk.cases.file is not None and desk.cases.file.id == case_id

    scan(qtbot, desk, "YJ1999-0042")
    assert (
        desk.message_label.text() == "没有查到“YJ1999-0042”对应的法庭案件，请核对案号或移交单编号。"
    )
    assert desk.scan_edit.selectedText() == "YJ1999-0042"


def test_only_clerks_and_the_administrator_work_at_the_desk(
    court_hall: Database, qtbot: QtBot
) -> None:
    hand_off(court_hall, new_visit(court_hall), now=clock.now())
    # An officer seated at the court's window gets its queue, nothing of the files.
    officer = make_ctx(court_hall, "zhangsan", [users.OFFICER], ["court"])
    desk = open_desk(qtbot, officer)
    assert desk.inbox is None and desk.cases is None
    assert [desk.tabs.tabText(i) for i in range(desk.tabs.count())] == ["窗口叫号"]
    assert desk.refusal_label.text().startswith("法庭卷宗只有法庭书记员和管理员可以查看和办理")
    assert "移交〔" not in texts(desk)
    leader = open_desk(qtbot, ctx_of(court_hall, "lingdao"))
    assert leader.inbox is None and leader.refusal_label.isVisible()

    admin = open_desk(qtbot, ctx_of(court_hall, "admin"))
    assert admin.inbox is not None and admin.inbox.count() == 1
    assert [admin.tabs.tabText(i) for i in range(admin.tabs.count())] == [
        "收件箱（1）",
        "案件",
        "开庭排期",
        "统计",
        "窗口叫号",
    ]


def test_the_clerk_reads_an_accusations_slip_but_not_its_content(
    court_hall: Database, qtbot: QtBot
) -> None:
    now = clock.now()
    earlier = hand_off(court_hall, new_visit(court_hall), now=now - dt.timedelta(minutes=5))
    visit_id = new_visit(
        court_hall, purpose="report", name="赵志刚", summary="举报某村干部侵占征地补偿款"
    )
    hand_off(court_hall, visit_id, now=now - dt.timedelta(minutes=2), party="赵志刚")
    hand_off(court_hall, new_visit(court_hall), now=now)
    desk = open_desk(qtbot, ctx_of(court_hall, "shuji"))
    assert desk.inbox is not None
    desk.inbox.table.selectRow(1)
    inbox = desk.inbox
    assert inbox.withheld_label.isVisible()
    assert inbox.party_value.text() == "赵志刚"  # the slip, as the officer confirmed it
    assert inbox.summary_value.text() == WITHHELD
    assert inbox.facts_value.text() == WITHHELD and inbox.request_value.text() == WITHHELD
    assert inbox.visitor_value.text() == "赵**"  # masked, as on the public display
    assert inbox.contact_value.text() == "—"
    assert "侵占征地补偿款" not in texts(desk)
    # Another clerk accepts the hand-off above it: read again, the inbox keeps it shown,
    # without an opening the clerk did not make.
    accept(court_hall, earlier)
    desk.refresh()
    assert inbox.count() == 2
    assert inbox.shown is not None and inbox.shown.party == "赵志刚"
    assert [r.row() for r in inbox.table.selectionModel().selectedRows()] == [0]
    assert inbox.summary_value.text() == WITHHELD
    with court_hall.read() as s:
        logged = s.scalars(select(Event).where(Event.kind == "visit.view_withheld")).all()
    assert [(e.entity_id, e.payload["via"]) for e in logged] == [(visit_id, "court")]


def test_the_court_window_queue_is_a_tab_of_the_desk(court_hall: Database, qtbot: QtBot) -> None:
    new_visit(court_hall, window="court", name="钱桂兰", now=clock.now())
    desk = open_desk(qtbot, ctx_of(court_hall, "shuji"))
    assert desk.counter is None
    QTest.keyClick(desk, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert desk.counter is not None and desk.counter.window_code == "court"
    assert column_texts(desk.counter.waiting_view, 1) == ["钱桂兰"]


# The desk logs the lost connection it turns into a message for the clerk.
def test_a_lost_database_keeps_the_form_and_the_desk_catches_up(
    court_hall: Database, qtbot: QtBot
) -> None:
    now = clock.now()
    case_id = accepted_case(court_hall, now=now)
    desk = open_desk(qtbot, ctx_of(court_hall, "shuji"))
    assert desk.cases is not None and desk.inbox is not None
    desk.show_case(case_id)
    click(desk.cases.mediate_button)
    dialog = desk.cases.dialog
    assert isinstance(dialog, MediationDialog)
    qtbot.waitExposed(dialog)
    type_text(qtbot, dialog.mediator, "张建华")
    pick(dialog.result_choice, "调解不成")

    desk.ctx.database = Database("postgresql://postgres@127.0.0.1:1/hall")
    click(dialog.save_button)
    assert dialog.isVisible()
    assert dialog.problem_label.text().startswith("无法连接数据库：未保存任何内容")
    # A mediator from outside the court's staff is typed.
    assert dialog.mediator.currentText() == "张建华"
    assert dialog.result_choice.currentText() == "调解不成"

    # Back again: what happened meanwhile is read, and the form saves as it was.
    desk.ctx.database = court_hall
    hand_off(court_hall, new_visit(court_hall), now=now)
    with qtbot.waitSignal(desk.inbox.refreshed):
        desk.ctx.events.connection_restored.emit()
    assert desk.inbox.count() == 1
    click(dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert column_texts(desk.cases.file_view.mediation_table, 3) == ["调解不成"]


def test_a_letter_separated_at_the_letters_desk_reaches_the_clerk_and_comes_back(
    court_hall: Database, qtbot: QtBot
) -> None:
    with court_hall.write() as s:
        officer = users.by_login(s, "banxin")
        case = letters.register_letter(
            s,
            letters.LetterRegistration(
                sender_name="赵来信",
                received_on=clock.now().date(),
                summary="要求撤销民事判决",
                request="要求重新审理借款纠纷",
                litigation=True,
            ),
            officer,
            new_matter=True,
        )
        case_id, case_number = case.id, case.number
    events = HallEvents()
    clerk_desk = open_desk(qtbot, ctx_of(court_hall, "shuji", events))
    letters_desk = open_workstation(ctx_of(court_hall, "banxin", events), "letters")
    assert isinstance(letters_desk, LettersDesk) and clerk_desk.inbox is not None
    show(qtbot, letters_desk)
    view = letters_desk.cases_page.view
    view.open_case(case_id)
    assert not view.action_buttons["hand_off"].isEnabled()

    feed = LiveFeed(court_hall, events, retry_ms=300)
    feed.start()
    try:
        qtbot.waitUntil(lambda: feed.online, timeout=5000)
        # 诉访分离: the decision and the slip in one dialog; without the other side, nothing.
        click(view.action_buttons["separate"])
        dialog = view.dialog
        assert dialog is not None and dialog.isVisible()
        party, other, claim = (dialog.fields[n] for n in ("party", "other_party", "claim"))
        assert isinstance(party, QLineEdit) and isinstance(other, QLineEdit)
        assert isinstance(claim, QPlainTextEdit)
        assert (party.text(), other.text()) == ("赵来信", "")
        assert claim.toPlainText() == "要求重新审理借款纠纷"
        click(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
        assert dialog.isVisible()
        assert dialog.error_label.text() == "有 1 处需要修改（已标红），没有保存。"
        assert dialog.errors.messages["other_party"].text() == "请填写对方当事人。"
        assert view.case is not None and view.case.state == "registered"

        type_text(qtbot, other, "钱借款")
        click(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
        assert not dialog.isVisible()
        number = f"移交〔{year()}〕0001号"
        assert view.case is not None and view.case.state_name == "诉访分离"
        assert view.detail_labels["court"].text() == f"{number}，待接收"
        assert f"已移交法庭：{number}" in column_texts(view.timeline, 1)
        assert not view.action_buttons["hand_off"].isEnabled()

        # The clerk's inbox hears of it; the slip names the letter's sender.
        qtbot.waitUntil(lambda: clerk_desk.inbox is not None and clerk_desk.inbox.count() == 1)
        inbox = clerk_desk.inbox
        assert column_texts(inbox.table, 0) == [number]
        assert column_texts(inbox.table, 2) == ["办信办案"]
        inbox.table.selectRow(0)
        assert (inbox.party_value.text(), inbox.other_value.text()) == ("赵来信", "钱借款")
        assert inbox.summary_value.text() == "要求撤销民事判决"

        # The clerk sends it back; the letters desk sees why and may hand it over again.
        type_text(qtbot, inbox.reason_edit, "请补充一审判决书")
        click(inbox.return_button)
        qtbot.waitUntil(lambda: "法庭已退回" in view.detail_labels["court"].text())
    finally:
        feed.stop()
    assert view.detail_labels["court"].text().startswith(f"{number} 法庭已退回：请补充一审判决书")
    assert view.action_buttons["hand_off"].isEnabled()
    click(view.action_buttons["hand_off"])
    again = view.dialog
    assert again is not None and again is not dialog and again.isVisible()
    other_again = again.fields["other_party"]
    assert isinstance(other_again, QLineEdit)
    type_text(qtbot, other_again, "钱借款")
    click(again.buttons.button(QDialogButtonBox.StandardButton.Ok))
    assert not again.isVisible()
    assert view.detail_labels["court"].text() == f"移交〔{year()}〕0002号，待接收"
    with court_hall.read() as s:
        visits = s.scalars(select(Visit)).all()
        assert [(v.channel, v.status) for v in visits] == [("letter", "handed_to_court")]
        assert court.inbox(s, users.by_login(s, "shuji"))[0].visit_code == visits[0].code
    assert case_number in view.title.text()
