"""A mechanism screen's papers (the 群众工作日 summary, a hearing's notice and record): drawn by
one ``hall`` function on the screen's worker, then saved as a PDF where the user chooses or sent
to a system printer. Nothing is recorded either way, so a paper can be drawn again at will."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QWidget

from db.engine import Database, Session
from kit.operations import Operation, Problem
from kit.printer import ask_print, print_pdf
from kit.save_file import ask_save_pdf
from printing.output import save_pdf

Draw = Callable[[Session], bytes]


@dataclass(frozen=True)
class _Drawn:
    pdf: bytes
    printer: QPrinter
    name: str


class MechanismPapers(QObject):
    """``done`` carries what to tell the user when a paper is saved or printed, ``failed`` why
    it was not (in Chinese); the screen shows either in its message line."""

    done = Signal(str)
    failed = Signal(str)

    def __init__(self, screen: QWidget, database: Database) -> None:
        super().__init__(screen)
        self.screen = screen
        self.database = database
        self.dialog: QFileDialog | QPrintDialog | None = None

    def ask_save(self, draw: Draw, name: str, suggested: str) -> QFileDialog:
        dialog = ask_save_pdf(
            self.screen,
            self.tr("Save the {name}").format(name=name),
            suggested,
            lambda path: self.save(draw, name, path),
            self.tr("PDF files (*.pdf)"),
        )
        self.dialog = dialog
        return dialog

    def save(self, draw: Draw, name: str, path: Path) -> None:
        def work(session: Session) -> str:
            save_pdf(draw(session), path)
            return str(path)

        Operation(self.screen, self.database, work, read_only=True).success(
            lambda saved: self.done.emit(
                self.tr("The {name} is saved as {path}.").format(name=name, path=saved)
            )
        ).failure(self._failed).run_in_background()

    def ask_print(self, draw: Draw, name: str) -> QPrintDialog:
        dialog = ask_print(self.screen, lambda printer: self.print(draw, name, printer))
        dialog.setWindowTitle(self.tr("Print the {name}").format(name=name))
        self.dialog = dialog
        return dialog

    def print(self, draw: Draw, name: str, printer: QPrinter) -> None:
        printer.setDocName(name)
        Operation(
            self.screen,
            self.database,
            lambda session: _Drawn(draw(session), printer, name),
            read_only=True,
        ).success(self._send).failure(self._failed).run_in_background()

    def _send(self, drawn: _Drawn) -> None:
        if print_pdf(drawn.pdf, drawn.printer):
            self.done.emit(self.tr("The {name} was sent to the printer.").format(name=drawn.name))
            return
        self.failed.emit(
            self.tr(
                "The printer did not take the {name}. Check that it is switched on and has "
                "paper, then print again, or save it as PDF."
            ).format(name=drawn.name)
        )

    def _failed(self, problem: Problem) -> None:
        self.failed.emit(problem.message)
