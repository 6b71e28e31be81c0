"""The court's papers from the clerk's desk: the hand-over slip (移交单, reprinted at will), the
调解书 / 调解协议书 and the case cover sheet, each drawn from the records as they stand and saved
as a PDF where the clerk chooses or sent to a printer. Neither records anything: a paper is
drawn again from the records each time, so a reprint is the same paper."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QWidget

from db.engine import Database
from db.models import User
from hall import court, court_cases
from hall.errors import IllegalTransition
from kit.printer import ask_print, print_pdf
from kit.save_file import ask_save_pdf
from printing import court_documents
from printing.output import save_pdf
from windows.court_work import CourtJob


class Paper(Enum):
    SLIP = "slip"
    MEDIATION = "mediation"
    COVER = "cover"


def render_paper(database: Database, viewer: User, paper: Paper, code: str) -> bytes:
    """The paper of the hand-off or file ``code`` names (a slip's number or barcode, a court
    case number), as the rules let ``viewer`` have it."""
    with database.read() as s:
        head = court.letterhead(s)
        if paper is Paper.SLIP:
            handoff = court.handoff_for_slip(s, code, viewer)
            return court_documents.render_handoff_slip(
                court_documents.handoff_slip_for(handoff, head.hall_name, head.circuit_court)
            )
        case = court_cases.find_case(s, code, viewer)
        clerk = court_cases.clerk_of(s, case)
        if paper is Paper.COVER:
            return court_documents.render_cover_sheet(
                court_documents.cover_for(case, head.court_name, head.tribunal, clerk)
            )
        try:
            mediation = court_documents.mediation_for(case, head.court_name, head.tribunal, clerk)
        except ValueError as error:
            raise IllegalTransition(str(error)) from None
        return court_documents.render_mediation(mediation)


def file_name(paper: Paper, label: str) -> str:
    """A name the clerk recognises in a folder: the paper and the number it is for."""
    title = {Paper.SLIP: "移交单", Paper.MEDIATION: "调解文书", Paper.COVER: "案件封面"}[paper]
    return f"{title}-{label}.pdf".replace("/", "-")


class PaperSaver(QObject):
    """Asks where to save a paper, then draws and saves it on a worker; ``saved`` carries the
    path, ``failed`` the reason (the records are untouched either way: it can be done again)."""

    saved = Signal(str)
    failed = Signal(str)

    def __init__(self, database: Database, viewer: User, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.viewer = viewer
        self.dialog: QFileDialog | None = None
        self._job = CourtJob(self)
        self._job.done.connect(lambda path: self.saved.emit(str(path)))
        self._job.failed.connect(self.failed)

    def ask(self, parent: QWidget, paper: Paper, code: str, label: str) -> QFileDialog:
        titles = {
            Paper.SLIP: self.tr("Save hand-over slip {label} as PDF"),
            Paper.MEDIATION: self.tr("Save the mediation paper of {label} as PDF"),
            Paper.COVER: self.tr("Save the cover sheet of {label} as PDF"),
        }
        self.dialog = ask_save_pdf(
            parent,
            titles[paper].format(label=label),
            file_name(paper, label),
            lambda path: self.save(paper, code, path),
            self.tr("PDF files (*.pdf)"),
        )
        return self.dialog

    def save(self, paper: Paper, code: str, path: Path) -> None:
        database, viewer = self.database, self.viewer

        def job() -> str:
            save_pdf(render_paper(database, viewer, paper, code), path)
            return str(path)

        self._job.run(job)


@dataclass(frozen=True)
class _Drawn:
    """A paper drawn on the worker, on its way back to the GUI thread and the printer."""

    pdf: bytes
    printer: QPrinter
    paper: Paper
    label: str


class PaperPrinter(QObject):
    """Asks which printer (the system print dialog, not blocking the desk), draws the paper on
    a worker, then sends it to the printer on the GUI thread, where Qt paints on printers.
    ``printed`` and ``failed`` carry what the clerk is told; the records are untouched either
    way, so a paper the printer refused can be printed again."""

    printed = Signal(str)
    failed = Signal(str)

    def __init__(self, database: Database, viewer: User, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.viewer = viewer
        self.dialog: QPrintDialog | None = None
        self._job = CourtJob(self)
        self._job.done.connect(self._send)
        self._job.failed.connect(self.failed)

    def _name(self, paper: Paper) -> str:
        return {
            Paper.SLIP: self.tr("hand-over slip"),
            Paper.MEDIATION: self.tr("mediation paper"),
            Paper.COVER: self.tr("cover sheet"),
        }[paper]

    def ask(self, parent: QWidget, paper: Paper, code: str, label: str) -> QPrintDialog:
        dialog = ask_print(parent, lambda printer: self.print(paper, code, label, printer))
        dialog.setWindowTitle(
            self.tr("Print the {paper} of {label}").format(paper=self._name(paper), label=label)
        )
        self.dialog = dialog
        return dialog

    def print(self, paper: Paper, code: str, label: str, printer: QPrinter) -> None:
        database, viewer = self.database, self.viewer
        # The name the printer's queue shows for the job.
        printer.setDocName(Path(file_name(paper, label)).stem)

        def job() -> _Drawn:
            return _Drawn(render_paper(database, viewer, paper, code), printer, paper, label)

        self._job.run(job)

    def _send(self, drawn: _Drawn) -> None:
        name = self._name(drawn.paper)
        if print_pdf(drawn.pdf, drawn.printer):
            self.printed.emit(
                self.tr("The {paper} of {label} was sent to the printer.").format(
                    paper=name, label=drawn.label
                )
            )
            return
        self.failed.emit(
            self.tr(
                "The printer did not take the {paper} of {label}. Check that it is switched on "
                "and has paper, then print again, or save the paper as PDF; the records are "
                "unchanged."
            ).format(paper=name, label=drawn.label)
        )
