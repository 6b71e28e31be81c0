"""One way of showing a form's mistakes (issue 16), on the letters form and a window's outcome
form, on both databases: each mistake at its field, a summary that counts what is left, a mark
that goes as soon as its field is changed, a summary that goes once everything is fixed, and a
refused save that keeps everything typed and writes nothing. (The 立案 dialog's count is walked
in test_court_desk.py, the front desk's in tests/desktop/test_front_desk_errors.py.)"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.case_models import PetitionCase
from db.engine import Database
from db.window_models import ServiceRecord
from tests.windows.helpers import desk_translation, show, type_text
from tests.windows.test_letters import add_unit, letters_officer
from tests.windows.window_gui import choose, officer_ctx, open_window, press, register, serve_next
from windows.legal import LegalPanel
from windows.letters.form import LetterForm

TWO_LEFT = "有 2 处需要修改（已标红），没有保存。"
ONE_LEFT = "有 1 处需要修改（已标红），没有保存。"


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    with desk_translation():
        yield


def count(database: Database, model: type[PetitionCase] | type[ServiceRecord]) -> int:
    with database.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def marked(form: LetterForm) -> set[str]:
    return {name for name, message in form.errors.messages.items() if message.is_error}


def open_form(qtbot: QtBot, database: Database) -> LetterForm:
    form = LetterForm(letters_officer(database))
    show(qtbot, form)
    return form


def retype(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    type_text(qtbot, edit, text)


def test_the_letters_summary_follows_the_fields_as_they_are_fixed(
    hall_db: Database, qtbot: QtBot
) -> None:
    form = open_form(qtbot, hall_db)
    type_text(qtbot, form.sender_phone, "12345")
    type_text(qtbot, form.sender_address, "义马市千秋路街道")
    form.summary.setFocus()
    type_text(qtbot, form.summary, "小区供暖不达标")
    qtbot.mouseClick(form.register_button, Qt.MouseButton.LeftButton)

    # Two mistakes: each at its field, counted under the form; nothing saved, nothing lost.
    assert marked(form) == {"sender_name", "sender_phone"}
    assert form.errors.messages["sender_name"].text() == "请填写来信人姓名。"
    assert form.message.isVisible() and form.message.text() == TWO_LEFT
    assert form.sender_phone.text() == "12345"
    assert form.sender_address.text() == "义马市千秋路街道"
    assert form.summary.toPlainText() == "小区供暖不达标"
    assert count(hall_db, PetitionCase) == 0

    # One fixed: its mark goes at once, and the summary says one remains.
    retype(qtbot, form.sender_name, "王秀英")
    assert marked(form) == {"sender_phone"}
    assert "border" not in form.sender_name.styleSheet()
    assert form.message.text() == ONE_LEFT

    # Both fixed: the summary goes.
    retype(qtbot, form.sender_phone, "13803980000")
    assert marked(form) == set()
    assert not form.message.isVisible() and form.message.text() == ""

    qtbot.mouseClick(form.register_button, Qt.MouseButton.LeftButton)
    assert count(hall_db, PetitionCase) == 1
    assert form.message.isVisible() and "〔" in form.message.text()


def test_a_letter_field_is_checked_as_the_officer_leaves_it(
    hall_db: Database, qtbot: QtBot
) -> None:
    form = open_form(qtbot, hall_db)
    form.sender_name.setFocus()
    type_text(qtbot, form.sender_name, "王\u202e秀英")
    form.sender_phone.setFocus()
    # Marked at once, by the rules that will refuse it on saving; nothing is counted yet.
    message = form.errors.messages["sender_name"]
    assert message.is_error and "U+202E" in message.text()
    assert not form.message.isVisible()
    retype(qtbot, form.sender_name, "王秀英")
    form.sender_phone.setFocus()
    assert not message.is_error


def test_the_outcome_forms_summary_follows_the_fields_as_they_are_fixed(
    hall_db: Database, qtbot: QtBot
) -> None:
    add_unit(hall_db, "市人力资源和社会保障局")
    register(hall_db, "王建军", "legal")
    ws = open_window(qtbot, officer_ctx(hall_db, "legal"), "legal")
    panel = ws.panel
    assert isinstance(panel, LegalPanel)
    serve_next(qtbot, ws)
    # The question starts as the visit's summary; the officer deletes it.
    panel.question_edit.setFocus()
    panel.question_edit.selectAll()
    qtbot.keyClick(panel.question_edit, Qt.Key.Key_Delete)
    type_text(qtbot, panel.laws_edit, "讲解了诉讼时效")
    type_text(qtbot, ws.notes_edit, "来访人表示理解")
    choose(ws.outcome_box.outcome_combo, "转交责任单位办理")
    press(qtbot, ws, Qt.Key.Key_F5)

    question, unit = panel.messages["question"], ws.outcome_box.messages["unit"]
    assert question.is_error and unit.is_error
    assert ws.message_label.text() == TWO_LEFT
    assert count(hall_db, ServiceRecord) == 0
    assert panel.laws_edit.toPlainText() == "讲解了诉讼时效"

    panel.question_edit.setFocus()
    type_text(qtbot, panel.question_edit, "工伤认定的时限")
    assert not question.is_error and unit.is_error
    assert ws.message_label.text() == ONE_LEFT

    choose(ws.outcome_box.unit_combo, "市人力资源和社会保障局")
    assert not unit.is_error
    assert ws.message_label.text() == ""

    press(qtbot, ws, Qt.Key.Key_F5)
    assert count(hall_db, ServiceRecord) == 1
