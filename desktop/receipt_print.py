"""Getting an intake receipt out of this workstation: the system printer through Qt (with the
print dialog and a preview), an ESC/POS thermal printer, or a PDF file.

The system printer is given the very PDF that ``printing.receipt`` renders: QtPdf draws each
page onto the QPrinter, so what prints, what the preview shows and what a saved file holds are
one document. QtPdf comes with PySide6-Addons, already a dependency and bundled by the
installer; rendering through pdftoppm instead would need poppler installed on every Windows
workstation and a temporary file per receipt.

Whatever fails, the ticket stays issued: every failure is a ``PrinterError`` whose Chinese
message says what went wrong, and the receipt can be printed again from the visit.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QMarginsF,
    QObject,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import (
    QPrintDialog,
    QPrinter,
    QPrinterInfo,
    QPrintPreviewDialog,
)
from PySide6.QtWidgets import QFileDialog, QWidget

from hall import outputs
from hall.outputs import FILE, PRINTER
from hall.receipt_data import default_receipt_folder, receipt_file_name
from kit.context import PDF_ONLY, THERMAL_PRINTER, AppContext, ReceiptSetup
from kit.operations import Operation, Problem
from kit.printer import load_pdf, page_image, printable
from printing.escpos import ThermalPrinter, print_receipt
from printing.layouts import Layout
from printing.output import PrinterError, save_pdf
from printing.receipt import ReceiptData, render_receipt


def failure(text: object, **values: object) -> PrinterError:
    """A printing failure in the user's language (``text`` marked by QT_TRANSLATE_NOOP in the
    "ReceiptPrinting" context), saying that the ticket stands."""
    reason = QCoreApplication.translate("ReceiptPrinting", str(text)).format(**values)
    return PrinterError(reason + ticket_stands())


def ticket_stands() -> str:
    return QCoreApplication.translate(
        "ReceiptPrinting", " The ticket is issued all the same; its receipt can be printed again."
    )


def render(data: ReceiptData, setup: ReceiptSetup) -> bytes:
    layout: Layout = "a4" if setup.layout == "a4" else "80mm"
    return render_receipt(data, layout)


def prepare(printer: QPrinter, pdf: bytes) -> QPdfDocument:
    """Load the PDF and size the printer's page to it, edge to edge (the layout has its own
    margins; a thermal roll has none to spare)."""
    document = load_pdf(pdf)
    if not printable(document):
        raise failure(
            QT_TRANSLATE_NOOP("ReceiptPrinting", "The receipt could not be laid out ({error})."),
            error=document.error().name,
        )
    size = document.pagePointSize(0)
    printer.setPageSize(
        QPageSize(size, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    )
    printer.setPageMargins(QMarginsF(0, 0, 0, 0))
    printer.setFullPage(True)
    return document


def draw(document: QPdfDocument, printer: QPrinter) -> None:
    """Draw every page of the document on the printer (or a preview's page)."""
    painter = QPainter()
    if not painter.begin(printer):
        raise failure(
            QT_TRANSLATE_NOOP("ReceiptPrinting", "{printer} could not start printing."),
            printer=_printer_name(printer),
        )
    try:
        for page in range(document.pageCount()):
            if page and not printer.newPage():
                raise failure(
                    QT_TRANSLATE_NOOP(
                        "ReceiptPrinting", "{printer} could not go on to the next page."
                    ),
                    printer=_printer_name(printer),
                )
            image = page_image(document, page, printer)
            target = printer.pageLayout().fullRectPixels(printer.resolution())
            painter.drawImage(QRectF(target), image)
    finally:
        finished = painter.end()
    if not finished:
        raise failure(
            QT_TRANSLATE_NOOP("ReceiptPrinting", "{printer} did not finish printing."),
            printer=_printer_name(printer),
        )


def _printer_name(printer: QPrinter) -> str:
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        return QCoreApplication.translate("ReceiptPrinting", "The PDF file “{path}”").format(
            path=printer.outputFileName()
        )
    return QCoreApplication.translate("ReceiptPrinting", "The printer “{name}”").format(
        name=printer.printerName()
    )


def print_pdf(pdf: bytes, printer: QPrinter) -> None:
    draw(prepare(printer, pdf), printer)


def system_printer(name: str) -> QPrinter:
    """The named system printer, or the default one when ``name`` is empty."""
    info = QPrinterInfo.printerInfo(name) if name else QPrinterInfo.defaultPrinter()
    if info.isNull():
        if name:
            raise failure(
                QT_TRANSLATE_NOOP(
                    "ReceiptPrinting",
                    "There is no printer “{name}”: check that it is installed and that its name "
                    "is the one in this workstation's settings.",
                ),
                name=name,
            )
        raise failure(
            QT_TRANSLATE_NOOP(
                "ReceiptPrinting",
                "This computer has no printer: install one, or ask the administrator to send this "
                "workstation's receipts to a thermal printer or to PDF files.",
            )
        )
    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


class ReceiptOutput(QObject):
    """Sends receipts where this workstation's setup says; every attempt ends in ``printed``
    (a line for the status bar) or ``failed`` (the Chinese reason)."""

    printed = Signal(str)
    failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx

    @property
    def setup(self) -> ReceiptSetup:
        """This workstation's receipt settings as they are now: settings saved while the
        program runs apply from the next receipt."""
        return self._ctx.workstation.receipt

    def send(self, data: ReceiptData) -> None:
        """Print (or save) the receipt as this workstation is set up to."""
        try:
            if self.setup.output == THERMAL_PRINTER:
                self._print_thermal(data)
            elif self.setup.output == PDF_ONLY:
                path = self.save_in_folder(data)
                self._done(data, FILE, self.tr("Receipt saved as {path}.").format(path=path))
            else:
                printer = system_printer(self.setup.printer)
                print_pdf(render(data, self.setup), printer)
                self._done(
                    data,
                    PRINTER,
                    self.tr("Receipt printed on {printer}.").format(printer=printer.printerName()),
                )
        except PrinterError as error:
            self.failed.emit(str(error))

    def save_in_folder(self, data: ReceiptData) -> Path:
        folder = Path(self.setup.folder or default_receipt_folder())
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise failure(
                QT_TRANSLATE_NOOP(
                    "ReceiptPrinting", "The receipts folder “{folder}” cannot be made: {reason}."
                ),
                folder=folder,
                reason=error.strerror or error,
            ) from error
        path = folder / receipt_file_name(data)
        save_pdf(render(data, self.setup), path)
        return path

    def _print_thermal(self, data: ReceiptData) -> None:
        if not self.setup.thermal_target.strip():
            raise failure(
                QT_TRANSLATE_NOOP(
                    "ReceiptPrinting",
                    "This workstation prints receipts on a thermal printer but has no address for "
                    "it: ask the administrator to enter it in this workstation's settings.",
                )
            )
        try:
            target = ThermalPrinter.parse(self.setup.thermal_target)
        except ValueError as error:
            raise PrinterError(f"{error}{ticket_stands()}") from None

        def printed(_nothing: None) -> None:
            self._done(
                data,
                PRINTER,
                self.tr("Receipt printed on the thermal printer at {target}.").format(
                    target=target
                ),
            )

        def failed(problem: Problem) -> None:
            self.failed.emit(problem.message)

        # A network printer may take seconds to answer or time out: it is driven from the
        # worker, one receipt at a time, in the order they were asked for. The unit of work
        # the operation opens is never used, so it never touches the database: a receipt
        # prints while the database is away.
        Operation(
            self, self._ctx.database, lambda _session: print_receipt(data, target), read_only=True
        ).success(printed).failure(failed).run_in_background()

    def _done(self, data: ReceiptData, how: str, told: str) -> None:
        """The receipt went out: on the record (the audit: who printed which receipt, how),
        then told. A lost database does not unprint it: the desk is told both."""
        user = self._ctx.user
        audited = Operation(
            self, self._ctx.database, lambda s: outputs.receipt_printed(s, user, data, how)
        )
        audited.failure(lambda problem: self.failed.emit(problem.message)).run()
        self.printed.emit(told)

    # -- what the receptionist asks for by hand ---------------------------------------------

    def preview(self, data: ReceiptData, parent: QWidget) -> QPrintPreviewDialog:
        """Open the print preview of the receipt; printing from it goes to the printer the
        receptionist picks there."""
        dialog = ReceiptPreview(render(data, self.setup), parent)
        dialog.setWindowTitle(
            self.tr("Receipt {number}: print preview").format(number=data.ticket_number)
        )
        dialog.failed.connect(self.failed)
        told = self.tr("Receipt {number} printed.").format(number=data.ticket_number)
        dialog.printed.connect(lambda: self._done(data, PRINTER, told))
        dialog.open()
        return dialog

    def print_with_dialog(self, data: ReceiptData, parent: QWidget) -> QPrintDialog:
        """Open the system print dialog; the receipt prints on the printer chosen there."""
        pdf = render(data, self.setup)
        dialog = ReceiptPrintDialog(parent)
        dialog.setWindowTitle(self.tr("Print receipt {number}").format(number=data.ticket_number))

        def accepted() -> None:
            try:
                print_pdf(pdf, dialog.printer())
            except PrinterError as error:
                self.failed.emit(str(error))
                return
            told = self.tr("Receipt {number} printed.").format(number=data.ticket_number)
            self._done(data, PRINTER, told)

        dialog.accepted.connect(accepted)
        # QPrintDialog's own open() wants a slot to call; this is QDialog.open() without one.
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()
        return dialog

    def save_as(self, data: ReceiptData, parent: QWidget) -> QFileDialog:
        """Ask where to save the receipt as a PDF file, and save it there."""
        pdf = render(data, self.setup)
        dialog = QFileDialog(
            parent,
            self.tr("Save receipt {number} as PDF").format(number=data.ticket_number),
            # Not the name PDF-only desks file it under: a copy for someone is not the archive.
            str(
                Path(self.setup.folder or Path.home())
                / self.tr("receipt-{number}-{code}.pdf").format(
                    number=data.ticket_number, code=data.visit_code
                )
            ),
            self.tr("PDF files (*.pdf)"),
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)

        def chosen(path: str) -> None:
            try:
                save_pdf(pdf, Path(path))
            except PrinterError as error:
                self.failed.emit(str(error))
                return
            self._done(data, FILE, self.tr("Receipt saved as {path}.").format(path=path))

        dialog.fileSelected.connect(chosen)
        dialog.open()
        return dialog


class ReceiptPreview(QPrintPreviewDialog):
    """The print preview of one receipt; it owns the printer and the loaded PDF it draws."""

    failed = Signal(str)
    printed = Signal()

    def __init__(self, pdf: bytes, parent: QWidget) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        document = prepare(printer, pdf)
        super().__init__(printer, parent)
        # Qt holds only pointers to these: Python must keep them while the dialog lives.
        self._printer = printer
        self._document = document
        self._broken = False
        self.paintRequested.connect(self._paint)
        self.accepted.connect(self._accepted)

    def _paint(self, target: QPrinter) -> None:
        self._broken = False
        try:
            draw(self._document, target)
        except PrinterError as error:
            self._broken = True
            self.failed.emit(str(error))

    def _accepted(self) -> None:
        # Qt's preview accepts itself only after its print button has printed the pages
        # (closing it rejects): a receipt printed from the preview goes on the record too.
        if not self._broken:
            self.printed.emit()


class ReceiptPrintDialog(QPrintDialog):
    """The system print dialog, with a printer of its own that outlives the dialog's use."""

    def __init__(self, parent: QWidget) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        super().__init__(printer, parent)
        self._printer = printer
