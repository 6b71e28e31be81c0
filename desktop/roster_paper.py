"""The 领导接访 duty roster on paper, from the front desk or the administrator's screen: saved as
a PDF where the user chooses, or sent to a printer through the system print dialog. The paper
is drawn from the roster as it stands (``hall.appointment_admin.roster_paper``) on the
screen's worker; drawing it records nothing, so it can be printed again at will."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QWidget

from db.engine import Database, Session
from hall import appointment_admin, clock
from kit.operations import Operation, Problem
from kit.printer import ask_print, print_pdf
from kit.save_file import ask_save_pdf
from printing.output import save_pdf


def file_name() -> str:
    return f"领导接访安排表-{clock.now().date():%Y%m%d}.pdf"


@dataclass(frozen=True)
class _Drawn:
    pdf: bytes
    printer: QPrinter


class RosterPaper(QObject):
    """Save or print the roster of the coming two weeks; ``done`` and ``failed`` carry what
    the user is told."""

    done = Signal(str)
    failed = Signal(str)

    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.dialog: QFileDialog | QPrintDialog | None = None

    def ask_save(self, parent: QWidget) -> QFileDialog:
        dialog = ask_save_pdf(
            parent,
            self.tr("Save the duty roster as PDF"),
            file_name(),
            self.save,
            self.tr("PDF files (*.pdf)"),
        )
        self.dialog = dialog
        return dialog

    def save(self, path: Path) -> None:
        def work(session: Session) -> str:
            save_pdf(appointment_admin.roster_paper(session), path)
            return str(path)

        Operation(self, self.database, work, read_only=True).success(
            lambda saved: self.done.emit(
                self.tr("The duty roster was saved as {path}.").format(path=saved)
            )
        ).failure(self._failed).run_in_background()

    def ask_print(self, parent: QWidget) -> QPrintDialog:
        dialog = ask_print(parent, self.print)
        dialog.setWindowTitle(self.tr("Print the duty roster"))
        self.dialog = dialog
        return dialog

    def print(self, printer: QPrinter) -> None:
        printer.setDocName(Path(file_name()).stem)

        def work(session: Session) -> _Drawn:
            return _Drawn(appointment_admin.roster_paper(session), printer)

        Operation(self, self.database, work, read_only=True).success(self._send).failure(
            self._failed
        ).run_in_background()

    def _send(self, drawn: _Drawn) -> None:
        if print_pdf(drawn.pdf, drawn.printer):
            self.done.emit(self.tr("The duty roster was sent to the printer."))
        else:
            self.failed.emit(
                self.tr(
                    "The printer did not take the duty roster. Check that it is switched on and "
                    "has paper, then print again, or save the roster as PDF."
                )
            )

    def _failed(self, problem: Problem) -> None:
        self.failed.emit(problem.message)
