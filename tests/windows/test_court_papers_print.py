"""The clerk's papers sent to a printer, on both databases: through the system print dialog
(not blocking the desk) to Qt's own PDF printer, the printed page scanned back for its barcode;
a printer that refuses, and a viewer the rules refuse, told in Chinese with nothing recorded."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.court_models import CourtHandoff
from db.engine import Database
from db.models import Event, User
from hall import users
from tests.desktop.conftest import chinese, compiled_translations  # noqa: F401
from tests.hall.court_helpers import add_people, hand_off, new_visit
from tests.windows.court_desk_helpers import click, ctx_of, open_desk
from tests.windows.helpers import show
from windows.court.papers import Paper, PaperPrinter

pytestmark = pytest.mark.usefixtures("chinese")


def tool(name: str, *args: str) -> str:
    """Run a poppler or zbar tool; CI installs them, so a missing one is a failure."""
    if shutil.which(name) is None:
        pytest.fail(f"{name} is needed to read the printed page back (poppler-utils, zbar-tools)")
    return subprocess.run([name, *args], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def slip(hall_db: Database) -> tuple[str, str]:
    """A hand-off waiting for the court: its slip's barcode and number."""
    add_people(hall_db)
    handoff_id = hand_off(hall_db, new_visit(hall_db))
    with hall_db.read() as s:
        handoff = s.get_one(CourtHandoff, handoff_id)
        return handoff.barcode, handoff.number


def person(db: Database, login: str) -> User:
    with db.read() as s:
        return users.by_login(s, login)


def events(db: Database) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Event)) or 0


def owner(qtbot: QtBot) -> QWidget:
    """A screen for the printer to belong to, closed by qtbot as the desk is: a worker's
    owner deleted outright after its operation crashes PySide (reported to the lead)."""
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def print_to_file(dialog: QPrintDialog, path: Path) -> None:
    """The clerk picks Qt's "print to file" printer, as a workstation without a printer has,
    names the file and presses Print."""
    printers = dialog.findChild(QComboBox, "printers")
    assert isinstance(printers, QComboBox)
    to_file = printers.findText("PDF", Qt.MatchFlag.MatchContains)
    assert to_file >= 0
    printers.setCurrentIndex(to_file)
    name = dialog.findChild(QLineEdit, "filename")
    assert isinstance(name, QLineEdit) and name.isEnabled()
    name.setText(str(path))
    dialog.accept()


def test_the_slip_goes_through_the_print_dialog_to_the_printer(
    hall_db: Database, slip: tuple[str, str], qtbot: QtBot, tmp_path: Path
) -> None:
    barcode, number = slip
    desk = QWidget()
    show(qtbot, desk)
    papers = PaperPrinter(hall_db, person(hall_db, "shuji"), desk)
    before = events(hall_db)

    dialog = papers.ask(desk, Paper.SLIP, barcode, number)
    # Shown and returned at once: the desk goes on working while the dialog is open.
    assert dialog.isVisible() and not dialog.isModal()
    assert dialog.windowTitle() == f"打印{number}的移交单"
    printed = tmp_path / "printed.pdf"
    with qtbot.waitSignal(papers.printed, timeout=30_000) as sent:
        print_to_file(dialog, printed)
    assert sent.args == [f"{number}的移交单已送往打印机。"]

    # What came out of the printer: one A4 page whose barcode scans as the hand-off's.
    info = tool("pdfinfo", str(printed))
    assert re.search(r"Pages:\s+1\n", info)
    tool("pdftoppm", "-r", "300", "-png", "-singlefile", str(printed), str(tmp_path / "page"))
    assert tool("zbarimg", "--quiet", "--raw", str(tmp_path / "page.png")).split() == [barcode]
    # The print is on the record (the audit), once: the parties' addresses are on the paper.
    assert events(hall_db) == before + 1
    with hall_db.read() as s:
        last = s.scalars(select(Event).order_by(Event.id.desc())).first()
    assert last is not None and last.kind == "court.printed"
    assert last.payload == {"code": barcode, "paper": "slip", "how": "print"}


# Qt warns of the refusal too; the clerk is told by the desk.
@pytest.mark.qt_log_ignore(r"QPainter::begin\(\): Returned false")
def test_a_printer_that_refuses_is_told_in_chinese_and_nothing_changes(
    hall_db: Database, slip: tuple[str, str], qtbot: QtBot, tmp_path: Path
) -> None:
    barcode, number = slip
    screen = owner(qtbot)
    papers = PaperPrinter(hall_db, person(hall_db, "shuji"), screen)
    before = events(hall_db)
    # A printer that cannot take the job: its output goes nowhere that exists.
    refusing = pdf_printer(tmp_path / "missing" / "printed.pdf")
    with qtbot.waitSignal(papers.failed, timeout=30_000) as refused:
        papers.print(Paper.SLIP, barcode, number, refusing)
    assert refused.args == [
        f"打印机未能打印{number}的移交单。请检查打印机是否已开机、有纸，然后重新打印，"
        "或将其保存为 PDF；已登记的记录不受影响。"
    ]
    # Nothing printed, nothing recorded.
    assert events(hall_db) == before

    # The same paper prints once the printer takes it.
    with qtbot.waitSignal(papers.printed, timeout=30_000):
        papers.print(Paper.SLIP, barcode, number, pdf_printer(tmp_path / "printed.pdf"))
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF-")


def test_the_rules_refuse_a_slip_to_an_officer_of_another_window(
    hall_db: Database, slip: tuple[str, str], qtbot: QtBot, tmp_path: Path
) -> None:
    barcode, number = slip
    # 周静 serves the aid window; the slip came from the legal window.
    screen = owner(qtbot)
    papers = PaperPrinter(hall_db, person(hall_db, "bangfu"), screen)
    target = tmp_path / "printed.pdf"
    with qtbot.waitSignal(papers.failed, timeout=30_000) as refused:
        papers.print(Paper.SLIP, barcode, number, pdf_printer(target))
    assert refused.args == [f"移交单{number}只能由移交窗口或巡回法庭打印，周静没有这个权限。"]
    assert not target.exists()


def test_the_clerks_desk_prints_the_slip_with_ctrl_p_and_a_files_papers_by_button(
    hall_db: Database, slip: tuple[str, str], qtbot: QtBot, tmp_path: Path
) -> None:
    barcode, number = slip
    desk = open_desk(qtbot, ctx_of(hall_db, "shuji"))
    assert desk.inbox is not None and desk.cases is not None
    assert not desk.inbox.print_button.isEnabled()
    desk.inbox.table.selectRow(0)
    assert desk.inbox.print_button.isEnabled()

    QTest.keyClick(desk, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    # A shortcut presses its button as a click the eye can see, a moment later.
    qtbot.waitUntil(lambda: desk.printer.dialog is not None)
    dialog = desk.printer.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == f"打印{number}的移交单"
    printed = tmp_path / "slip.pdf"
    with qtbot.waitSignal(desk.printer.printed, timeout=30_000):
        print_to_file(dialog, printed)
    assert desk.message_label.text() == f"{number}的移交单已送往打印机。"
    tool("pdftoppm", "-r", "300", "-png", "-singlefile", str(printed), str(tmp_path / "page"))
    assert tool("zbarimg", "--quiet", "--raw", str(tmp_path / "page.png")).split() == [barcode]

    # Accepted, the matter has a file; its slip and cover print from the file's page, its
    # mediation paper only once it ends in mediation.
    click(desk.inbox.accept_button)
    view = desk.cases
    assert view.file is not None
    assert view.print_slip_button.isEnabled() and view.print_cover_button.isEnabled()
    assert not view.print_mediation_button.isEnabled()
    click(view.print_cover_button)
    cover = desk.printer.dialog
    assert cover is not None and cover is not dialog and cover.isVisible()
    assert cover.windowTitle() == f"打印{view.file.label}的案件封面"
    with qtbot.waitSignal(desk.printer.printed, timeout=30_000):
        print_to_file(cover, tmp_path / "cover.pdf")
    assert "封面已送往打印机" in desk.message_label.text()
