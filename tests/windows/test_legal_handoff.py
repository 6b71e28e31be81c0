"""After the legal window hands a visitor to the court (issue 16), on both databases: the
counter starts afresh, the law explained reaches the clerk with the slip, and the visitor's
rating is asked as at any finish."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from db.engine import Database
from db.window_models import LegalAdvice, Satisfaction
from hall import clock, court, court_desk, queue, users
from hall.court_desk import Paper
from tests.questions import Questions
from tests.windows.court_desk_helpers import open_desk
from tests.windows.helpers import desk_translation, make_ctx, ticket, type_text
from tests.windows.window_gui import (
    choose,
    officer_ctx,
    open_window,
    register,
    serve_next,
    with_units,
)
from windows.base import WindowWorkstation
from windows.evaluator import EvaluatorWindow
from windows.handoff_dialog import HandoffDialog
from windows.legal import LegalPanel

LAWS = "《劳动合同法》第三十条、第八十五条"


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    with desk_translation():
        yield


@pytest.fixture
def hall(hall_db: Database) -> Database:
    return with_units(hall_db)


def legal_counter(qtbot: QtBot, database: Database) -> tuple[WindowWorkstation, LegalPanel]:
    """王建军, litigation-related, at the legal window, being served; the law explained."""
    register(database, "王建军", "legal", summary="农民工工资被拖欠三个月", litigation=True)
    ws = open_window(qtbot, officer_ctx(database, "legal"), "legal")
    panel = ws.panel
    assert isinstance(panel, LegalPanel)
    serve_next(qtbot, ws)
    type_text(qtbot, panel.laws_edit, LAWS)
    choose(panel.aid_combo, "市公共法律服务中心")
    assert panel.litigation_check.isChecked()
    return ws, panel


def open_handoff(qtbot: QtBot, ws: WindowWorkstation) -> HandoffDialog:
    QTest.keyClick(ws, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: ws.handoff_dialog is not None and ws.handoff_dialog.isVisible())
    dialog = ws.handoff_dialog
    assert dialog is not None
    type_text(qtbot, dialog.other_party_edit, "某建筑劳务有限公司")
    return dialog


def hand(qtbot: QtBot, ws: WindowWorkstation, dialog: HandoffDialog) -> None:
    with qtbot.waitSignal(ws.service_finished):
        QTest.mouseClick(dialog.hand_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def rating(database: Database, number: str) -> tuple[str, str] | None:
    done = ticket(database, "legal", number)
    with database.read() as s:
        row = s.get(Satisfaction, done.id)
        return (row.score, row.source) if row else None


def test_the_counter_starts_afresh_after_a_hand_off(
    hall: Database, qtbot: QtBot, questions: Questions
) -> None:
    ws, panel = legal_counter(qtbot, hall)
    assert ws.name_value.text() and ws.summary_value.text() == "农民工工资被拖欠三个月"
    # Rated at the counter before F7 (Ctrl+1): the slip's dialog shows it, and the visitor
    # changes their mind there (Ctrl+2) as they would before any finish.
    QTest.keyClick(ws, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: ws.outcome_box.score() == "satisfied")
    dialog = open_handoff(qtbot, ws)
    assert dialog.score() == "satisfied"
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    QTest.keyClick(dialog, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.score() == "basic")
    hand(qtbot, ws, dialog)

    year = clock.now().year
    assert ws.message_label.text() == (
        f"A001 已办结，办理记录已保存。已移交巡回法庭（移交〔{year}〕0001号）。"
    )
    # Every field, every box and the visitor shown: nothing of 王建军 is left at the counter.
    assert panel.question_edit.toPlainText() == "" and panel.laws_edit.toPlainText() == ""
    assert panel.aid_combo.currentText() == "" and not panel.litigation_check.isChecked()
    assert ws.outcome_box.score() is None and ws.notes_edit.toPlainText() == ""
    assert ws.number_label.text() == "—" and ws.state_label.text() == "空闲：按 F1 呼叫下一位。"
    shown = (ws.name_value, ws.id_value, ws.contact_value, ws.matter_value, ws.summary_value)
    assert [label.text() for label in shown] == [""] * len(shown)
    assert ws.history_table.rowCount() == 0 and ws.call_button.isEnabled()
    assert ticket(hall, "legal", "A001").status == queue.FINISHED
    assert rating(hall, "A001") == ("basic", "officer")


def test_a_hand_off_left_unrated_is_rated_on_the_evaluator(
    hall: Database, qtbot: QtBot, questions: Questions
) -> None:
    register(hall, "王建军", "legal", summary="农民工工资被拖欠三个月", litigation=True)
    ws = open_window(qtbot, officer_ctx(hall, "legal"), "legal")
    QTest.keyClick(ws, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: ws.evaluator is not None and ws.evaluator.isVisible())
    evaluator = ws.evaluator
    assert isinstance(evaluator, EvaluatorWindow)
    ws.activateWindow()
    qtbot.waitUntil(ws.isActiveWindow)
    serve_next(qtbot, ws)
    dialog = open_handoff(qtbot, ws)
    assert dialog.score() is None
    hand(qtbot, ws, dialog)
    # Nobody chose for the visitor: the evaluator asks them, as after F5.
    assert evaluator.prompt_label.text() == "A001 号，请您对本次服务作出评价"
    with qtbot.waitSignal(evaluator.rated):
        QTest.mouseClick(evaluator.buttons["satisfied"], Qt.MouseButton.LeftButton)
    assert rating(hall, "A001") == ("satisfied", "visitor")


def test_the_law_explained_reaches_the_clerk_with_the_slip(
    hall: Database, qtbot: QtBot, questions: Questions, tmp_path: Path
) -> None:
    ws, _panel = legal_counter(qtbot, hall)
    hand(qtbot, ws, open_handoff(qtbot, ws))
    with hall.read() as s:
        assert [a.laws for a in s.query(LegalAdvice)] == [LAWS]

    clerk_ctx = make_ctx(hall, "shuji", [users.CLERK], ["court"])
    with hall.read() as s:
        [waiting] = court.inbox(s, clerk_ctx.user)
        assert waiting.laws_explained == LAWS
    # In the clerk's view of the hand-off, as the scanned slip opens it.
    desk = open_desk(qtbot, clerk_ctx)
    assert desk.inbox is not None
    desk.scan_edit.setFocus()
    QTest.keyClicks(desk.scan_edit, waiting.barcode)
    QTest.keyClick(desk.scan_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.inbox is not None and desk.inbox.shown is not None)
    assert desk.inbox.laws_value.text() == LAWS
    # And on the slip itself.
    with hall.read() as s:
        pdf = court_desk.render_paper(s, clerk_ctx.user, Paper.SLIP, waiting.number)
    path = tmp_path / "slip.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "释法说明" in text and LAWS in text
