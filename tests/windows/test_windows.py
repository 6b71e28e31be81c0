"""A realistic visit served and recorded at each service window, on both databases, driven by
the keys and fields as an officer uses them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.case_models import PetitionCase
from db.court_models import CourtHandoff
from db.engine import Database
from db.window_models import (
    AID_KINDS,
    EXPLAINED,
    AidRecord,
    Complaint,
    FollowUp,
    LegalAdvice,
    Opinion,
    PublicityRecord,
    Satisfaction,
    ServiceRecord,
    TalkRecord,
)
from hall import aid, clock, queue, reception, roster
from hall import outcomes as hall_outcomes
from tests.questions import Questions
from tests.windows.helpers import ALICE_ID, desk_translation, ticket, type_text
from tests.windows.window_gui import (
    choose,
    focused,
    list_item,
    officer_ctx,
    open_window,
    press,
    register,
    serve_next,
    served_earlier,
    unit_id,
    with_units,
)
from windows.aid import AidPanel, AidWorkstation
from windows.legal import LegalPanel
from windows.opinion import OpinionPanel
from windows.publicity import PublicityPanel
from windows.supervision import ComplaintPanel
from windows.talk import TalkPanel


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    with desk_translation():
        yield


@pytest.fixture
def hall(hall_db: Database) -> Database:
    return with_units(hall_db)


def record_of(database: Database, window: str, number: str) -> ServiceRecord:
    done = ticket(database, window, number)
    with database.read() as s:
        return s.scalars(select(ServiceRecord).where(ServiceRecord.ticket_id == done.id)).one()


def test_legal_advice_recorded_with_the_keyboard_alone(hall: Database, qtbot: QtBot) -> None:
    register(hall, "张秀英", "legal", id_number=ALICE_ID, summary="宅基地界址被邻居占用，如何维权")
    ws = open_window(qtbot, officer_ctx(hall, "legal"), "legal")
    panel = ws.panel
    assert isinstance(panel, LegalPanel)
    serve_next(qtbot, ws)
    # Starting puts the cursor in the question, which starts as what the front desk wrote.
    assert focused() is panel.question_edit
    assert panel.question_edit.toPlainText() == "宅基地界址被邻居占用，如何维权"
    QTest.keyClick(panel.question_edit, Qt.Key.Key_Tab)
    assert focused() is panel.laws_edit
    type_text(qtbot, panel.laws_edit, "《民法典》相邻关系；先申请村委会、司法所调解")
    QTest.keyClick(panel.laws_edit, Qt.Key.Key_Tab)
    assert focused() is panel.aid_combo or panel.aid_combo.isAncestorOf(focused())
    QTest.keyClick(focused(), Qt.Key.Key_Down)
    QTest.keyClick(ws, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: ws.outcome_box.score() == "satisfied")
    press(qtbot, ws, Qt.Key.Key_F5)

    assert ws.message_label.text() == "A001 已办结，办理记录已保存。"
    record = record_of(hall, "legal", "A001")
    assert record.outcome == EXPLAINED
    with hall.read() as s:
        advice = s.get_one(LegalAdvice, record.id)
        rating = s.get_one(Satisfaction, record.ticket_id)
    assert advice.question == "宅基地界址被邻居占用，如何维权"
    assert advice.laws == "《民法典》相邻关系；先申请村委会、司法所调解"
    assert advice.aid_office == "市公共法律服务中心"
    assert (rating.score, rating.source) == ("satisfied", "officer")
    # The forms are ready for the next visitor.
    assert panel.laws_edit.toPlainText() == "" and ws.outcome_box.score() is None


def test_legal_hands_the_visitor_to_the_court_in_one_action(
    hall: Database, qtbot: QtBot, questions: Questions
) -> None:
    register(hall, "王建军", "legal", summary="农民工工资被拖欠三个月", litigation=True)
    ws = open_window(qtbot, officer_ctx(hall, "legal"), "legal")
    serve_next(qtbot, ws)
    assert isinstance(ws.panel, LegalPanel) and ws.panel.litigation_check.isChecked()
    QTest.keyClick(ws, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: ws.handoff_dialog is not None and ws.handoff_dialog.isVisible())
    dialog = ws.handoff_dialog
    assert dialog is not None
    assert dialog.party_edit.text() == "王建军"
    assert dialog.claim_edit.toPlainText() == "农民工工资被拖欠三个月"
    QTest.mouseClick(dialog.hand_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.messages["other_party"].is_error
    type_text(qtbot, dialog.other_party_edit, "某建筑劳务有限公司")
    # Asked first; going back leaves the slip open and the visitor at the counter.
    questions.answer = False
    QTest.mouseClick(dialog.hand_button, Qt.MouseButton.LeftButton)
    assert questions.asked == [
        "将 A001 号移交法庭？本次接待就此办结，移交单送交法庭书记员，不能撤销。"
    ]
    assert dialog.isVisible() and ticket(hall, "legal", "A001").status != queue.FINISHED
    questions.answer = True
    with qtbot.waitSignal(ws.current_changed):
        QTest.mouseClick(dialog.hand_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    year = clock.now().year
    assert ws.message_label.text() == (
        f"A001 已办结，办理记录已保存。已移交巡回法庭（移交〔{year}〕0001号）。"
    )
    record = record_of(hall, "legal", "A001")
    with hall.read() as s:
        handoff = s.get_one(CourtHandoff, record.handoff_id)
    assert (record.outcome, handoff.other_party) == ("court", "某建筑劳务有限公司")


def test_talk_with_the_leader_on_duty_and_a_follow_up(hall: Database, qtbot: QtBot) -> None:
    today = clock.now().date()
    with hall.write() as s:
        roster.set_duty_leader(s, today, "刘建国", "市委副书记")
    register(hall, "李秀梅", "talk", summary="对拆迁补偿标准有意见，情绪激动")
    ws = open_window(qtbot, officer_ctx(hall, "talk"), "talk")
    panel = ws.panel
    assert isinstance(panel, TalkPanel)
    serve_next(qtbot, ws)
    assert panel.received_combo.currentText() == "刘建国（市委副书记）"
    choose(panel.mood_start_combo, "情绪激动")
    choose(panel.mood_end_combo, "情绪缓和")
    type_text(qtbot, panel.agreed_edit, "街道办两周内上门核实面积")
    # A talk is followed up by default, two weeks on, about what the visitor raised.
    box = ws.outcome_box
    assert box.follow_check.isChecked()
    assert box.follow_date.date().toPython() == today + dt.timedelta(days=14)
    assert box.follow_subject_edit.text() == "了解办理进展：对拆迁补偿标准有意见，情绪激动"
    press(qtbot, ws, Qt.Key.Key_F5)

    record = record_of(hall, "talk", "B001")
    with hall.read() as s:
        talk = s.get_one(TalkRecord, record.id)
        follow = s.scalars(select(FollowUp)).one()
    assert (talk.received_by, talk.mood_start, talk.mood_end) == (
        "刘建国（市委副书记）",
        "agitated",
        "eased",
    )
    assert (follow.due_on, follow.record_id) == (today + dt.timedelta(days=14), record.id)


def test_opinion_forwarded_to_a_department(hall: Database, qtbot: QtBot) -> None:
    register(
        hall,
        "陈志强",
        "opinion",
        purpose="opinion",
        township="新区街道",
        village="杨村",
        summary="建议在新区中学门口增设减速带",
    )
    ws = open_window(qtbot, officer_ctx(hall, "opinion"), "opinion")
    panel = ws.panel
    assert isinstance(panel, OpinionPanel)
    serve_next(qtbot, ws)
    # Where the visitor lives is offered as where the opinion is about.
    assert (panel.township_combo.currentText(), panel.village_combo.currentText()) == (
        "新区街道",
        "杨村",
    )
    type_text(qtbot, panel.place_edit, "新区中学南门")
    press(qtbot, ws, Qt.Key.Key_F5)
    assert panel.messages["topic"].is_error
    assert panel.messages["topic"].text() == "请选择意见涉及的议题。"
    assert ws.outcome_box.messages["unit"].text() == "请选择转交的责任单位。"
    assert ticket(hall, "opinion", "C001").status == queue.SERVING
    assert panel.place_edit.text() == "新区中学南门"

    choose(panel.topic_combo, "交通出行")
    choose(ws.outcome_box.unit_combo, "市交通运输局")
    type_text(qtbot, ws.outcome_box.unit_request_edit, "研究设置减速带，十五日内答复")
    press(qtbot, ws, Qt.Key.Key_F5)
    assert ws.message_label.text() == "C001 已办结，办理记录已保存。已转交市交通运输局办理。"
    with hall.read() as s:
        opinion = s.scalars(select(Opinion)).one()
        assert opinion.topic is not None and opinion.topic.name == "交通出行"
        assert (opinion.place, opinion.unit_id) == ("新区中学南门", unit_id(hall, "市交通运输局"))
    ws.tabs.setCurrentWidget(ws.ledger)
    assert ws.ledger.model.rowCount() == 1
    assert ws.ledger.model.row(0).content == "建议在新区中学门口增设减速带"


def test_aid_shows_repeated_aid_then_refers_and_follows_the_referral(
    hall: Database, qtbot: QtBot
) -> None:
    ctx = officer_ctx(hall, "aid")
    temporary = list_item(hall, AID_KINDS, "临时救助")
    earlier = clock.now() - dt.timedelta(days=40)
    served_earlier(
        hall,
        "aid",
        "赵淑兰",
        earlier,
        hall_outcomes.Outcome(
            "resolved", aid.AidEntry(temporary, "老伴住院，无固定收入", 2, "", "800")
        ),
        ctx,
        id_number=ALICE_ID,
    )
    register(hall, "赵淑兰", "aid", id_number=ALICE_ID, summary="老伴病重，申请医疗救助")
    ws = open_window(qtbot, ctx, "aid")
    assert isinstance(ws, AidWorkstation)
    panel = ws.panel
    assert isinstance(panel, AidPanel)
    serve_next(qtbot, ws)
    assert panel.ledger_label.text() == "近一年已救助 1 次，共 800.00 元；历次救助见下表。"
    assert panel.ledger_table.item(0, 1).text() == "临时救助"  # type: ignore[union-attr]
    assert ws.history_table.rowCount() == 1
    choose(panel.kind_combo, "医疗救助")
    type_text(qtbot, panel.household_edit, "老伴脑梗住院，自付医疗费两万余元")
    panel.size_spin.setFocus()
    QTest.keyClick(panel.size_spin, Qt.Key.Key_Up)
    type_text(qtbot, panel.requested_edit, "5000")
    choose(ws.outcome_box.unit_combo, "市民政局")
    press(qtbot, ws, Qt.Key.Key_F5)
    with hall.read() as s:
        rows = s.scalars(select(AidRecord).order_by(AidRecord.id)).all()
        assert [(r.kind.name, r.requested_fen, r.referral, r.household_size) for r in rows] == [
            ("临时救助", None, "none", 2),
            ("医疗救助", 500000, "referred", 2),
        ]

    ledger = ws.ledger
    ws.tabs.setCurrentWidget(ledger)
    assert ledger.model.rowCount() == 2
    ledger.view.setCurrentIndex(ledger.model.index(0, 0))
    QTest.mouseClick(ledger.referral_button, Qt.MouseButton.LeftButton)
    dialog = ledger.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    choose(dialog.state_combo, "已批准发放")
    dialog.granted_edit.clear()
    type_text(qtbot, dialog.granted_edit, "3000")
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert ledger.model.row(0).referral_name == "已批准发放"
    assert ledger.model.row(0).granted == "3,000.00 元"


def test_publicity_counts_each_person_of_a_group(hall: Database, qtbot: QtBot) -> None:
    register(
        hall,
        "王德胜",
        "publicity",
        group_size=6,
        representatives=[reception.Representative("王德胜"), reception.Representative("王建设")],
        summary="咨询医保、养老保险缴费政策",
    )
    ws = open_window(qtbot, officer_ctx(hall, "publicity"), "publicity")
    panel = ws.panel
    assert isinstance(panel, PublicityPanel)
    serve_next(qtbot, ws)
    assert panel.people_spin.value() == 6
    # Space ticks the topic under the cursor; the arrow keys move it.
    assert focused() is panel.topics_list
    QTest.keyClick(panel.topics_list, Qt.Key.Key_Right)
    QTest.keyClick(panel.topics_list, Qt.Key.Key_Space)
    QTest.keyClick(panel.topics_list, Qt.Key.Key_Right)
    QTest.keyClick(panel.topics_list, Qt.Key.Key_Space)
    type_text(qtbot, panel.material_edit, "缴费明白纸 6 份")
    panel.people_spin.setFocus()
    panel.people_spin.selectAll()
    QTest.keyClicks(panel.people_spin, "1")
    press(qtbot, ws, Qt.Key.Key_F5)
    assert panel.messages["people_reached"].text() == (
        "本次是 6 人来访，宣传覆盖人数按每人计算，不能少于 6 人。"
    )
    panel.people_spin.selectAll()
    QTest.keyClicks(panel.people_spin, "6")
    press(qtbot, ws, Qt.Key.Key_F5)
    record = record_of(hall, "publicity", "E001")
    with hall.read() as s:
        publicity = s.get_one(PublicityRecord, record.id)
        assert [t.name for t in publicity.topics] == ["城乡居民医疗保险", "城乡居民养老保险"]
        assert (publicity.people_reached, publicity.material) == (6, "缴费明白纸 6 份")


def test_a_complaint_about_an_official_becomes_a_formal_case(hall: Database, qtbot: QtBot) -> None:
    register(
        hall,
        "郑丽",
        "supervision",
        purpose="report",
        summary="不动产登记窗口多次推诿，要求“找关系”",
    )
    ws = open_window(qtbot, officer_ctx(hall, "supervision"), "supervision")
    panel = ws.panel
    assert isinstance(panel, ComplaintPanel)
    serve_next(qtbot, ws)
    # The supervision officer may read accusations: the matter is shown.
    assert ws.summary_value.text() == "不动产登记窗口多次推诿，要求“找关系”"
    assert "保密" in ws.matter_value.text()
    choose(panel.kind_combo, "推诿扯皮")
    choose(panel.unit_combo, "市住房和城乡建设局")
    type_text(qtbot, panel.person_edit, "不动产登记窗口某工作人员")
    assert ws.outcome_box.outcome() == "case"
    press(qtbot, ws, Qt.Key.Key_F5)
    year = clock.now().year
    assert ws.message_label.text() == (
        f"F001 已办结，办理记录已保存。已登记为信访事项义群信〔{year}〕0001号，转办信办案窗口。"
    )
    record = record_of(hall, "supervision", "F001")
    with hall.read() as s:
        case = s.get_one(PetitionCase, record.case_id)
        complaint = s.get_one(Complaint, record.id)
    assert case.state == "registered" and case.accused == "不动产登记窗口某工作人员"
    assert case.accused_unit_id == unit_id(hall, "市住房和城乡建设局")
    assert complaint.kind == "shirking" and record.confidential
