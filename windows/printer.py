"""Sending a rendered PDF to a system printer, for every desk that prints its papers: the
system print dialog, and the PDF's pages drawn on the printer the user chose (through QtPdf, so
what prints is what a saved file holds)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

PRINT_DPI = 300
POINTS_PER_INCH = 72


def print_pdf(pdf: bytes, printer: QPrinter) -> bool:
    """Draw every page of the PDF on the printer; False if the printer would not take it."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        return False
    painter = QPainter()
    if not painter.begin(printer):
        return False
    dpi = min(printer.resolution(), PRINT_DPI)
    for page in range(document.pageCount()):
        if page and not printer.newPage():
            painter.end()
            return False
        size = document.pagePointSize(page)
        image = document.render(
            page,
            QSize(
                round(size.width() / POINTS_PER_INCH * dpi),
                round(size.height() / POINTS_PER_INCH * dpi),
            ),
        )
        target = printer.pageLayout().paintRectPixels(printer.resolution())
        painter.drawImage(QRectF(target), image)
    return painter.end()


def ask_print(parent: QWidget, printed: Callable[[QPrinter], None]) -> QPrintDialog:
    """The system print dialog, not blocking the screen; ``printed`` gets the chosen printer."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.accepted.connect(lambda: printed(printer))
    dialog.finished.connect(dialog.deleteLater)
    dialog.show()
    return dialog
