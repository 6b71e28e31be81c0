"""A case's documents on the letters desk: each worded from the case and kept as issued, then
saved as a PDF, printed and reprinted as first issued, every issue recorded.

Mixed into :class:`windows.letters.case_view.CaseViewPage`, which says which case is open. Its
words are under its own translation context.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.case_models import (
    ACCEPTANCE,
    ASSIGNMENT,
    DOCUMENT_NAMES,
    EXTENSION,
    REJECTION,
    REPLY,
    REREVIEW_OPINION,
    REVIEW_OPINION,
)
from db.engine import Session
from hall import case_views, cases
from hall.cases import CaseView
from kit.context import AppContext
from kit.operations import Operation
from kit.printer import ask_print, print_pdf
from kit.save_file import ask_save_pdf

translate = QCoreApplication.translate

# The documents a case can have, in the order they come.
CASE_DOCUMENTS = (
    ACCEPTANCE,
    REJECTION,
    ASSIGNMENT,
    EXTENSION,
    REPLY,
    REVIEW_OPINION,
    REREVIEW_OPINION,
)


class CaseDocuments:
    """The open case's documents, for the page they are mixed into."""

    ctx: AppContext
    case: CaseView | None
    file_dialog: QFileDialog | None
    print_dialog: QPrintDialog | None

    def _done(self, case_id: int, message: str) -> None:
        raise NotImplementedError

    def show_message(self, text: str, error: bool = False) -> None:
        raise NotImplementedError

    def _screen(self) -> QWidget:
        raise NotImplementedError

    def _build_documents(self) -> QGroupBox:
        box = QGroupBox(translate("CaseDocuments", "Documents"))
        layout = QVBoxLayout(box)
        issue_row = QHBoxLayout()
        self.document_kind = QComboBox()
        for kind in CASE_DOCUMENTS:
            self.document_kind.addItem(DOCUMENT_NAMES[kind], kind)
        issue_row.addWidget(self.document_kind, 1)
        self.issue_button = QPushButton(translate("CaseDocuments", "&Issue"))
        self.issue_button.clicked.connect(self.issue_document)
        issue_row.addWidget(self.issue_button)
        layout.addLayout(issue_row)
        self.documents = QListWidget()
        self.documents.setObjectName("caseDocuments")
        layout.addWidget(self.documents, 1)
        row = QHBoxLayout()
        self.save_button = QPushButton(translate("CaseDocuments", "&Save as PDF…"))
        self.save_button.clicked.connect(self.save_document)
        self.print_button = QPushButton(translate("CaseDocuments", "Print…"))
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.clicked.connect(lambda: self.print_document("printed"))
        self.reprint_button = QPushButton(translate("CaseDocuments", "Reprint…"))
        self.reprint_button.clicked.connect(lambda: self.print_document("reprinted"))
        for button in (self.save_button, self.print_button, self.reprint_button):
            row.addWidget(button)
        layout.addLayout(row)
        return box

    def _failed(self, problem_message: str) -> None:
        self.show_message(problem_message, error=True)

    def issue_document(self) -> None:
        """Word the chosen document from the case, lay it out, and keep it as issued."""
        if self.case is None:
            return
        kind = str(self.document_kind.currentData())
        case_id = self.case.id
        user = self.ctx.user
        issued = translate("CaseDocuments", "{document} issued.").format(
            document=DOCUMENT_NAMES[kind]
        )
        Operation(
            self._screen(),
            self.ctx.database,
            lambda s: case_views.issue_notice(s, case_id, kind, user),
        ).success(lambda _id: self._done(case_id, issued)).failure(
            lambda problem: self._failed(problem.message)
        ).run()

    def selected_document(self) -> tuple[int, str] | None:
        item = self.documents.currentItem()
        if item is None:
            return None
        return int(item.data(256)), str(item.data(257))

    def save_document(self) -> None:
        chosen = self.selected_document()
        if chosen is None or self.case is None:
            return
        document_id, kind = chosen
        name = f"{self.case.barcode}-{DOCUMENT_NAMES[kind]}.pdf"
        user = self.ctx.user

        def save(path: Path) -> None:
            # The file is written inside the unit of work that records the save, so a save
            # is recorded only when the file was written.
            def write(s: Session) -> None:
                path.write_bytes(cases.reissue_document(s, document_id, "saved", actor=user))

            Operation(self._screen(), self.ctx.database, write).success(
                lambda _none: self.show_message(
                    translate("CaseDocuments", "Saved {path}.").format(path=path)
                )
            ).failure(lambda problem: self._failed(problem.message)).run()

        self.file_dialog = ask_save_pdf(
            self._screen(), translate("CaseDocuments", "Save document as PDF"), name, save
        )

    def print_document(self, how: str) -> None:
        chosen = self.selected_document()
        if chosen is None:
            return
        document_id, kind = chosen
        user = self.ctx.user

        def printed(printer: QPrinter) -> None:
            pdf = (
                Operation(
                    self._screen(),
                    self.ctx.database,
                    lambda s: cases.reissue_document(s, document_id, how, actor=user),
                )
                .failure(lambda problem: self._failed(problem.message))
                .run()
            )
            if pdf is None:
                return
            if print_pdf(pdf, printer):
                self.show_message(
                    translate("CaseDocuments", "{document} sent to the printer.").format(
                        document=DOCUMENT_NAMES[kind]
                    )
                )
            else:
                self._failed(
                    translate(
                        "CaseDocuments",
                        "The printer did not take the document; it is kept and can be reprinted.",
                    )
                )

        self.print_dialog = ask_print(self._screen(), printed)
