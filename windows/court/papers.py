"""The court's papers from the clerk's desk: the hand-over slip (移交单, reprinted at will), the
调解书 / 调解协议书 and the case cover sheet, each drawn from the records as they stand and saved
as a PDF where the clerk chooses or sent to a printer. A paper is drawn again from the records
each time, so a reprint is the same paper; each save or print is audited (hall.outputs), the
parties' addresses and phones being on it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QWidget

from db.engine import Database, Session
from db.models import User
from hall import outputs
from hall.court_desk import Paper, render_paper
from kit.operations import Operation, Problem
from kit.printer import ask_print, print_pdf
from kit.save_file import ask_save_pdf
from printing.output import save_pdf


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
        """Draw and save the paper on the desk's worker, the desk working on meanwhile."""
        viewer = self.viewer

        # Saved inside the unit of work that audits it: a file not written is not recorded.
        def work(session: Session) -> str:
            save_pdf(outputs.court_paper(session, viewer, paper, code), path)
            return str(path)

        Operation(self, self.database, work).success(self.saved.emit).failure(
            self._failed
        ).run_in_background()

    def _failed(self, problem: Problem) -> None:
        self.failed.emit(problem.message)


@dataclass(frozen=True)
class _Drawn:
    """A paper drawn on the worker, on its way back to the GUI thread and the printer."""

    pdf: bytes
    printer: QPrinter
    paper: Paper
    label: str
    code: str


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
        viewer = self.viewer
        # The name the printer's queue shows for the job.
        printer.setDocName(Path(file_name(paper, label)).stem)

        def work(session: Session) -> _Drawn:
            return _Drawn(render_paper(session, viewer, paper, code), printer, paper, label, code)

        Operation(self, self.database, work, read_only=True).success(self._send).failure(
            lambda problem: self.failed.emit(problem.message)
        ).run_in_background()

    def _send(self, drawn: _Drawn) -> None:
        name = self._name(drawn.paper)
        if print_pdf(drawn.pdf, drawn.printer):
            # On the record once the printer took it (a refused paper leaves no entry).
            viewer = self.viewer
            Operation(
                self,
                self.database,
                lambda s: outputs.court_paper_printed(s, viewer, drawn.paper, drawn.code),
            ).failure(lambda problem: self.failed.emit(problem.message)).run()
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
