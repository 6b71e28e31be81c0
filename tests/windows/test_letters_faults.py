"""The letters desk when the database goes away, on both databases: nothing typed is lost, the
one wording of a lost database is shown where the officer looks, and a letter pressed again
after a lost answer is registered once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.case_models import PetitionCase
from db.engine import Database
from db.models import ActionRequest
from hall import clock
from kit.operations import database_lost
from tests.questions import Questions
from tests.windows.helpers import show, type_text
from tests.windows.test_letters import letter_case, letters_officer, state_of
from windows.letters.cases import LetterCasesPage
from windows.letters.form import LetterForm


@pytest.fixture
def lost(tmp_path: Path) -> Iterator[Database]:
    """A SQLite file in a folder that does not exist: the database cannot be opened."""
    database = Database(f"sqlite:///{tmp_path / 'gone' / 'hall.sqlite3'}")
    yield database
    database.dispose()


def case_count(database: Database) -> int:
    with database.read() as s:
        return s.scalar(select(func.count()).select_from(PetitionCase)) or 0


def fill(qtbot: QtBot, form: LetterForm) -> None:
    type_text(qtbot, form.sender_name, "王秀英")
    type_text(qtbot, form.summary, "小区供暖不达标")


def test_a_letter_typed_while_the_database_is_lost_is_kept_and_then_registered(
    hall_db: Database, lost: Database, qtbot: QtBot
) -> None:
    ctx = letters_officer(hall_db)
    form = LetterForm(ctx)
    show(qtbot, form)
    fill(qtbot, form)
    ctx.database = lost
    with qtbot.assertNotEmitted(form.registered):
        qtbot.mouseClick(form.register_button, Qt.MouseButton.LeftButton)
    assert form.message.text() == database_lost()
    assert form.summary.toPlainText() == "小区供暖不达标"
    assert form.register_request.pending

    ctx.database = hall_db
    with qtbot.waitSignal(form.registered):
        qtbot.mouseClick(form.register_button, Qt.MouseButton.LeftButton)
    assert case_count(hall_db) == 1 and not form.register_request.pending


def test_a_letter_pressed_again_after_a_lost_answer_is_registered_once(
    hall_db: Database, qtbot: QtBot
) -> None:
    form = LetterForm(letters_officer(hall_db))
    show(qtbot, form)
    fill(qtbot, form)
    with qtbot.waitSignal(form.registered) as first:
        qtbot.mouseClick(form.register_button, Qt.MouseButton.LeftButton)
    # The letter was registered but, as after a dropped answer, the form still holds the
    # request and the officer, seeing nothing, types the letter again and presses.
    with hall_db.read() as s:
        form.register_request._id = s.scalar(select(ActionRequest.request_id))
    fill(qtbot, form)
    with qtbot.waitSignal(form.registered) as again:
        qtbot.mouseClick(form.register_button, Qt.MouseButton.LeftButton)
    assert again.args == first.args
    assert case_count(hall_db) == 1


def test_an_act_on_a_lost_database_is_told_and_nothing_changes(
    hall_db: Database, lost: Database, qtbot: QtBot, questions: Questions
) -> None:
    case_id = letter_case(hall_db, clock.now().date())
    ctx = letters_officer(hall_db)
    page = LetterCasesPage(ctx)
    show(qtbot, page)
    page.open_case(case_id)
    view = page.view
    ctx.database = lost
    qtbot.mouseClick(view.action_buttons["accept"], Qt.MouseButton.LeftButton)
    assert view.message.text() == database_lost()
    assert state_of(hall_db, case_id) == "registered"

    # A dialog keeps what was typed and stays open.
    qtbot.mouseClick(view.action_buttons["reject"], Qt.MouseButton.LeftButton)
    assert questions.asked[-1].startswith("Not accept case")
    dialog = view.dialog
    assert dialog is not None
    reason = dialog.fields["reason"]
    assert isinstance(reason, QPlainTextEdit)
    reason.setFocus()
    type_text(qtbot, reason, "不属于信访事项")
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error_label.text() == database_lost()
    assert reason.toPlainText() == "不属于信访事项"
    assert state_of(hall_db, case_id) == "registered"


def test_a_list_read_from_a_lost_database_says_so(
    hall_db: Database, lost: Database, qtbot: QtBot
) -> None:
    letter_case(hall_db, clock.now().date())
    ctx = letters_officer(hall_db)
    page = LetterCasesPage(ctx)
    show(qtbot, page)
    assert page.model.rowCount() == 1
    ctx.database = lost
    page.find_edit.setText("XF2026-0001")
    page.find_case()
    assert page.message.isVisible()
    assert page.message.text() == database_lost(writing=False)


def test_an_unknown_case_number_is_refused_in_the_rules_words(
    hall_db: Database, qtbot: QtBot
) -> None:
    page = LetterCasesPage(letters_officer(hall_db))
    show(qtbot, page)
    page.find_edit.setText("XF1999-0042")
    page.find_case()
    assert page.message.isVisible() and "XF1999-0042" in page.message.text()
    assert page.view.case is None
