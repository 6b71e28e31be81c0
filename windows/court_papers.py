"""The court's papers from the clerk's desk: the hand-over slip (移交单, reprinted at will), the
调解书 / 调解协议书 and the case cover sheet, each drawn from the records as they stand and saved
as a PDF where the clerk chooses."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from db.engine import Database
from db.models import User
from hall import court, court_cases
from hall.errors import IllegalTransition
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
        dialog = QFileDialog(
            parent,
            titles[paper].format(label=label),
            str(Path.home() / file_name(paper, label)),
            self.tr("PDF files (*.pdf)"),
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        # Qt's own dialog: the same on every workstation, and one a test can fill in.
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.fileSelected.connect(lambda path: self.save(paper, code, Path(path)))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def save(self, paper: Paper, code: str, path: Path) -> None:
        database, viewer = self.database, self.viewer

        def job() -> str:
            save_pdf(render_paper(database, viewer, paper, code), path)
            return str(path)

        self._job.run(job)
