"""The letters desk on both databases: a letter registered through the form and worked to its
close, refusals shown with their reasons, repeats linked, alert colours, confidentiality."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.case_models import PetitionCase
from db.engine import Database
from db.models import Event
from hall import calendar, cases, clock, deadlines, letters, users
from hall.deadlines import Alert
from kit.alerts import ALERT_COLOURS
from kit.context import AppContext
from kit.printer import print_pdf
from tests.questions import Questions
from tests.windows.helpers import ALICE_ID, make_ctx, show, type_text
from windows import open_workstation
from windows.letters import LettersDesk
from windows.letters.case_view import CaseViewPage
from windows.letters.cases import LetterCasesPage
from windows.letters.common import ActionDialog
from windows.letters.form import LetterForm

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def letters_officer(database: Database, login: str = "xin") -> AppContext:
    return make_ctx(database, login, [users.OFFICER], ["letters"])


def open_desk(qtbot: QtBot, ctx: AppContext) -> LettersDesk:
    desk = open_workstation(ctx, "letters")
    assert isinstance(desk, LettersDesk)
    show(qtbot, desk)
    return desk


def add_unit(database: Database, name: str = "市住建局") -> int:
    with database.write() as s:
        return cases.add_unit(s, name, "职能部门").id


def letter_case(
    database: Database,
    received: dt.date,
    summary: str = "小区供暖不达标",
    purpose: str = "request",
    id_number: str = "",
    accused: str = "",
) -> int:
    with database.write() as s:
        return letters.register_letter(
            s,
            letters.LetterRegistration(
                sender_name="王秀英",
                sender_id_number=id_number,
                received_on=received,
                summary=summary,
                purpose=purpose,
                accused=accused,
            ),
        ).id


def fill_letter(qtbot: QtBot, form: LetterForm, scan: Path) -> None:
    type_text(qtbot, form.sender_name, "王秀英")
    type_text(qtbot, form.sender_id, ALICE_ID)
    type_text(qtbot, form.sender_address, "城关镇东街12号")
    form.pages.setValue(3)
    form.add_scans([str(scan)])
    type_text(qtbot, form.summary, "小区冬季供暖温度长期不达标")
    type_text(qtbot, form.request, "要求供热公司整改")


def run_dialog(
    qtbot: QtBot, view: CaseViewPage, values: dict[str, str | int | dt.date]
) -> ActionDialog:
    """Fill the action's dialog as the officer does and press OK."""
    dialog = view.dialog
    assert dialog is not None and dialog.isVisible()
    for name, value in values.items():
        widget = dialog.fields[name]
        if isinstance(widget, QComboBox):
            index = widget.findText(str(value))
            assert index >= 0, f"{value} not offered in {name}"
            widget.setCurrentIndex(index)
        elif isinstance(widget, QDateEdit):
            assert isinstance(value, dt.date)
            widget.setDate(widget.date().fromString(value.isoformat(), "yyyy-MM-dd"))
        elif isinstance(widget, (QLineEdit, QPlainTextEdit)):
            widget.setFocus()
            type_text(qtbot, widget, str(value))
        else:
            widget.setProperty("value", value)
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    return dialog


def state_of(database: Database, case_id: int) -> str:
    with database.read() as s:
        case = s.get(PetitionCase, case_id)
        assert case is not None
        return case.state


def test_a_letter_registered_accepted_replied_and_closed(
    hall_db: Database, qtbot: QtBot, tmp_path: Path, questions: Questions
) -> None:
    scan = tmp_path / "来信扫描.png"
    scan.write_bytes(PNG)
    desk = open_desk(qtbot, letters_officer(hall_db))
    form = desk.letter_form
    desk.tabs.setCurrentWidget(form)
    fill_letter(qtbot, form, scan)
    qtbot.mouseClick(form.register_button, Qt.MouseButton.LeftButton)

    page = desk.cases_page
    view = page.view
    assert desk.tabs.currentWidget() is page
    assert view.case is not None and view.case.state_name == "已登记待受理"
    assert view.case.petitioner == "王秀英"
    assert view.detail_labels["summary"].text() == "小区冬季供暖温度长期不达标"
    case_id = view.case.id
    with hall_db.read() as s:
        kept = cases.attachments(s, case_id)
        assert [(a.filename, a.content) for a in kept] == [("来信扫描.png", PNG)]
        assert cases.letters(s, case_id)[0].pages == 3
    assert page.model.rowCount() == 1 and page.model.row(0).number == view.case.number

    # Accepting asks first, naming the case; going back changes nothing.
    number = view.case.number
    questions.answer = False
    qtbot.mouseClick(view.action_buttons["accept"], Qt.MouseButton.LeftButton)
    assert questions.asked == [
        f"Accept case {number}? Its time limit starts to run, and the acceptance cannot be undone."
    ]
    assert questions.buttons == [("Accept", "Accept")]
    assert state_of(hall_db, case_id) == "registered"
    questions.answer = True
    qtbot.mouseClick(view.action_buttons["accept"], Qt.MouseButton.LeftButton)
    assert state_of(hall_db, case_id) == "handling"
    assert view.title.text().startswith(view.case.number + "　办理中")

    qtbot.mouseClick(view.action_buttons["reply"], Qt.MouseButton.LeftButton)
    run_dialog(qtbot, view, {"outcome": "解释说明", "text": "已督促供热公司整改，温度已达标"})
    assert state_of(hall_db, case_id) == "replied"

    view.document_kind.setCurrentIndex(view.document_kind.findText("信访处理意见书"))
    qtbot.mouseClick(view.issue_button, Qt.MouseButton.LeftButton)
    assert view.documents.count() == 1
    assert view.documents.item(0).text().startswith("信访处理意见书")

    questions.answer = False
    qtbot.mouseClick(view.action_buttons["close"], Qt.MouseButton.LeftButton)
    assert questions.asked[-1] == (
        f"Close case {number}? It is then finished with, and closing cannot be undone."
    )
    assert state_of(hall_db, case_id) == "replied"
    questions.answer = True
    qtbot.mouseClick(view.action_buttons["close"], Qt.MouseButton.LeftButton)
    assert state_of(hall_db, case_id) == "closed"
    timeline = [view.timeline.item(r, 1).text() for r in range(view.timeline.rowCount())]
    assert timeline == ["Registered", "Accepted", "Reply issued", "Closed"]


@pytest.mark.usefixtures("questions")
def test_an_assigned_case_is_refused_closing_without_the_units_report(
    hall_db: Database, qtbot: QtBot
) -> None:
    add_unit(hall_db)
    case_id = letter_case(hall_db, clock.now().date())
    page = LetterCasesPage(letters_officer(hall_db))
    show(qtbot, page)
    view = page.view
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert view.case is not None and view.case.id == case_id

    qtbot.mouseClick(view.action_buttons["assign"], Qt.MouseButton.LeftButton)
    too_late = clock.now().date() + dt.timedelta(days=120)
    dialog = run_dialog(qtbot, view, {"unit": "市住建局", "due": too_late, "note": "请核查"})
    # Refused at the field at fault; the dialog stays open with what was typed.
    assert dialog.isVisible()
    assert "交办期限不能晚于法定办理期限" in dialog.errors.messages["due"].text()
    assert dialog.errors.messages["due"].is_error and dialog.error_label.isVisible()
    note = dialog.fields["note"]
    assert isinstance(note, QPlainTextEdit) and note.toPlainText() == "请核查"
    due_edit = dialog.fields["due"]
    assert isinstance(due_edit, QDateEdit)
    due_edit.setDate(due_edit.date().addDays(-100))
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert state_of(hall_db, case_id) == "handling"
    assert "市住建局" in view.detail_labels["unit"].text()

    qtbot.mouseClick(view.action_buttons["reply"], Qt.MouseButton.LeftButton)
    run_dialog(qtbot, view, {"outcome": "予以支持", "text": "责成住建局限期整改"})
    qtbot.mouseClick(view.action_buttons["close"], Qt.MouseButton.LeftButton)
    assert state_of(hall_db, case_id) == "replied"
    assert "尚未报送" in view.message.text() and "办结报告" in view.message.text()

    qtbot.mouseClick(view.action_buttons["report"], Qt.MouseButton.LeftButton)
    run_dialog(qtbot, view, {"report": "已整改到位"})
    qtbot.mouseClick(view.action_buttons["close"], Qt.MouseButton.LeftButton)
    assert state_of(hall_db, case_id) == "closed"


def test_a_second_letter_on_an_open_matter_is_linked_not_opened_twice(
    hall_db: Database, qtbot: QtBot
) -> None:
    first = letter_case(hall_db, clock.now().date(), id_number=ALICE_ID)
    with hall_db.read() as s:
        number = s.get(PetitionCase, first).number  # type: ignore[union-attr]
    form = LetterForm(letters_officer(hall_db))
    show(qtbot, form)
    type_text(qtbot, form.sender_name, "王秀英")
    type_text(qtbot, form.sender_id, ALICE_ID)
    type_text(qtbot, form.summary, "再次反映供暖问题")
    with qtbot.assertNotEmitted(form.registered):
        qtbot.mouseClick(form.register_button, Qt.MouseButton.LeftButton)
    assert form.repeat_box.isVisible()
    assert number in form.message.text() and "不要重复登记" in form.message.text()
    assert form.open_cases.count() == 1 and form.open_cases.item(0).text().startswith(number)
    assert form.summary.toPlainText() == "再次反映供暖问题"

    with qtbot.waitSignal(form.registered) as linked:
        qtbot.mouseClick(form.link_button, Qt.MouseButton.LeftButton)
    assert linked.args == [first]
    with hall_db.read() as s:
        assert s.scalar(select(PetitionCase.id).where(PetitionCase.id != first)) is None
        case = s.get(PetitionCase, first)
        assert case is not None and case.repeat_count == 1
        assert [row.repeat for row in cases.letters(s, first)] == [False, True]


def test_a_new_matter_is_registered_when_the_officer_says_so(
    hall_db: Database, qtbot: QtBot
) -> None:
    first = letter_case(hall_db, clock.now().date(), id_number=ALICE_ID)
    form = LetterForm(letters_officer(hall_db))
    show(qtbot, form)
    type_text(qtbot, form.sender_name, "王秀英")
    type_text(qtbot, form.sender_id, ALICE_ID)
    type_text(qtbot, form.summary, "另一件事：宅基地纠纷")
    qtbot.mouseClick(form.register_button, Qt.MouseButton.LeftButton)
    assert form.repeat_box.isVisible()
    with qtbot.waitSignal(form.registered) as opened:
        qtbot.mouseClick(form.new_matter_button, Qt.MouseButton.LeftButton)
    assert opened.args[0] != first
    assert not form.repeat_box.isVisible() and form.summary.toPlainText() == ""


def near_limit(db: Database, today: dt.date) -> dt.date:
    """The latest receipt date whose 15-day limit stands at 85 % or more, not overdue, today:
    14 days back on most days, further when the limit's last day moves past a weekend or a
    holiday."""
    with db.read() as s:
        work = calendar.load(s, today.year - 1, today.year + 1)
    received = today
    while True:
        received -= dt.timedelta(days=1)
        due = deadlines.decide_due(received, work)
        if Alert.EIGHTY_FIVE <= deadlines.alert_level(received, due, today) < Alert.OVERDUE:
            return received


@pytest.mark.dated
def test_a_case_near_its_limit_is_coloured_and_counted(hall_db: Database, qtbot: QtBot) -> None:
    today = clock.now().date()
    received = near_limit(hall_db, today)
    near = letter_case(hall_db, received)
    fresh = letter_case(hall_db, today, summary="新来信")
    with hall_db.read() as s:
        case = s.get(PetitionCase, near)
        assert case is not None
        due = case.decide_due
    expected = deadlines.alert_level(received, due, today)
    assert expected >= Alert.EIGHTY_FIVE
    page = LetterCasesPage(letters_officer(hall_db))
    show(qtbot, page)
    rows = {page.model.row(r).id: r for r in range(page.model.rowCount())}
    background = page.model.index(rows[near], 0).data(Qt.ItemDataRole.BackgroundRole)
    assert background.name() == ALERT_COLOURS[expected][0]
    assert page.model.index(rows[near], 7).data() == deadlines.ALERT_NAMES[expected]
    assert page.model.index(rows[fresh], 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert page.strip_labels[expected].text() == f"{deadlines.ALERT_NAMES[expected]}: 1"
    page.open_case(near)
    assert deadlines.ALERT_NAMES[expected] in page.view.deadline_label.text()


def test_an_accusation_is_withheld_from_an_officer_of_another_window(
    hall_db: Database, qtbot: QtBot
) -> None:
    secret = letter_case(
        hall_db, clock.now().date(), summary="举报某局长收受贿赂", purpose="report", accused="李某"
    )
    legal = make_ctx(hall_db, "falv", [users.OFFICER], ["legal"])
    page = LetterCasesPage(legal)
    show(qtbot, page)
    assert page.model.row(0).id == secret
    shown = [str(page.model.index(0, c).data()) for c in range(page.model.columnCount())]
    assert not any("贿赂" in text or "王秀英" in text for text in shown)
    assert cases.WITHHELD in shown
    page.open_case(secret)
    view = page.view
    assert view.detail_labels["summary"].text() == cases.WITHHELD
    assert view.detail_labels["accused"].text() == cases.WITHHELD
    assert view.detail_labels["petitioner"].text() == "王**"
    assert not view.action_buttons["accept"].isEnabled()

    allowed = LetterCasesPage(letters_officer(hall_db))
    show(qtbot, allowed)
    allowed.open_case(secret)
    assert allowed.view.detail_labels["summary"].text() == "举报某局长收受贿赂"
    with hall_db.read() as s:
        logged = s.execute(
            select(Event.kind, Event.actor_id).where(Event.entity == "case").order_by(Event.id)
        ).all()
    assert [kind for kind, _ in logged] == ["case.registered", "case.view_withheld", "case.viewed"]
    assert logged[1][1] == legal.user.id and logged[2][1] == allowed.ctx.user.id


@pytest.mark.usefixtures("questions")
def test_a_document_is_issued_saved_and_printed_as_first_issued(
    hall_db: Database, qtbot: QtBot, tmp_path: Path
) -> None:
    case_id = letter_case(hall_db, clock.now().date())
    page = LetterCasesPage(letters_officer(hall_db))
    show(qtbot, page)
    page.open_case(case_id)
    view = page.view
    view.document_kind.setCurrentIndex(view.document_kind.findText("受理告知书"))
    qtbot.mouseClick(view.issue_button, Qt.MouseButton.LeftButton)
    assert "尚未受理或交办" in view.message.text() and view.documents.count() == 0

    qtbot.mouseClick(view.action_buttons["accept"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.issue_button, Qt.MouseButton.LeftButton)
    assert view.documents.count() == 1
    with hall_db.read() as s:
        issued = cases.documents(s, case_id)[0]
        stored, document_id = issued.pdf, issued.id

    target = tmp_path / "受理告知书.pdf"
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    dialog = view.file_dialog
    assert dialog is not None
    dialog.selectFile(str(target))
    dialog.accept()
    assert target.read_bytes() == stored
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "受理告知书" in text.replace(" ", "")

    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    assert print_pdf(stored, printer)
    assert printed.read_bytes().startswith(b"%PDF-")
    with hall_db.read() as s:
        history = [issue.what for issue in cases.document_history(s, document_id)]
    assert history == ["出具", "保存为文件"]


def test_a_marked_field_loses_its_red_border_once_it_is_fixed(
    hall_db: Database, qtbot: QtBot
) -> None:
    desk = open_desk(qtbot, letters_officer(hall_db))
    form = desk.letter_form
    desk.tabs.setCurrentWidget(form)
    qtbot.mouseClick(form.register_button, Qt.MouseButton.LeftButton)
    marked = [name for name, widget in form.fields.items() if "border" in widget.styleSheet()]
    assert "sender_name" in marked and "summary" in marked, marked

    form.sender_name.setFocus()
    type_text(qtbot, form.sender_name, "王秀英")
    summary = form.fields["summary"]
    assert isinstance(summary, QPlainTextEdit)
    summary.setFocus()
    type_text(qtbot, summary, "小区供暖不达标")
    still = [name for name, widget in form.fields.items() if "border" in widget.styleSheet()]
    assert still == [name for name in marked if name not in ("sender_name", "summary")]
