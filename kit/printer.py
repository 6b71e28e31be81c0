"""Sending a rendered PDF to a system printer, for every desk that prints its papers: the
system print dialog, and the PDF's pages drawn on the printer the user chose (through QtPdf, so
what prints is what a saved file holds)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

# Beyond this the raster only grows (an A4 page at 1200 dpi is half a gigabyte) without
# printing any sharper: papers carry text of 7 points and up and bars of 0.375 mm.
MAX_DPI = 300
POINTS_PER_INCH = 72


def load_pdf(pdf: bytes) -> QPdfDocument:
    """The PDF as QtPdf reads it: see :func:`printable`, and its ``error()`` if not."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    buffer.close()
    return document


def printable(document: QPdfDocument) -> bool:
    return document.status() == QPdfDocument.Status.Ready and document.pageCount() >= 1


def page_image(document: QPdfDocument, page: int, printer: QPrinter) -> QImage:
    """One page drawn at the printer's resolution, up to :data:`MAX_DPI`."""
    dpi = min(printer.resolution(), MAX_DPI)
    size = document.pagePointSize(page)
    return document.render(
        page,
        QSize(
            round(size.width() / POINTS_PER_INCH * dpi),
            round(size.height() / POINTS_PER_INCH * dpi),
        ),
    )


def print_pdf(pdf: bytes, printer: QPrinter) -> bool:
    """Draw every page of the PDF on the printer; False if the printer would not take it."""
    document = load_pdf(pdf)
    if not printable(document):
        return False
    painter = QPainter()
    if not painter.begin(printer):
        return False
    for page in range(document.pageCount()):
        if page and not printer.newPage():
            painter.end()
            return False
        size = document.pagePointSize(page)
        area = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
        painter.drawImage(
            fitted(area, size.width() / size.height()), page_image(document, page, printer)
        )
    return painter.end()


def fitted(area: QRectF, aspect: float) -> QRectF:
    """The largest rectangle of width/height ``aspect`` centred in ``area``: an A4 paper on
    a printer loaded with another size is scaled, never stretched (a stretched barcode may not
    scan, and a stretched seal is not the seal)."""
    width = min(area.width(), area.height() * aspect)
    height = width / aspect
    return QRectF(
        area.x() + (area.width() - width) / 2,
        area.y() + (area.height() - height) / 2,
        width,
        height,
    )


def ask_print(parent: QWidget, printed: Callable[[QPrinter], None]) -> QPrintDialog:
    """The system print dialog, not blocking the screen; ``printed`` gets the chosen printer."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.accepted.connect(lambda: printed(printer))
    dialog.finished.connect(dialog.deleteLater)
    dialog.show()
    return dialog
