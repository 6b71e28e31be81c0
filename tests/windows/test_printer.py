"""An A4 paper sent to a printer loaded with another size is scaled to fit, never stretched."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from kit.printer import fitted, print_pdf

SIDE = 300  # points: a square a third of the page wide


def a4_with_a_square() -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    width, height = A4
    page.rect((width - SIDE) / 2, (height - SIDE) / 2, SIDE, SIDE, stroke=0, fill=1)
    page.save()
    return out.getvalue()


def ink_box(path: Path) -> tuple[int, int]:
    """Width and height, in pixels, of what is printed on the page."""
    if shutil.which("pdftoppm") is None:
        pytest.fail("pdftoppm is needed to read the printed page back (poppler-utils)")
    root = path.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-r", "100", "-png", "-singlefile", str(path), str(root)], check=True
    )
    image = Image.open(root.with_suffix(".png")).convert("L").point(lambda v: 255 if v < 128 else 0)
    box = image.getbbox()
    assert box is not None, "nothing printed"
    return box[2] - box[0], box[3] - box[1]


@pytest.mark.parametrize("paper", [QPageSize.PageSizeId.Letter, QPageSize.PageSizeId.A5])
def test_an_a4_paper_keeps_its_shape_on_other_paper(
    qtbot: QtBot, tmp_path: Path, paper: QPageSize.PageSizeId
) -> None:
    target = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    printer.setPageSize(QPageSize(paper))
    assert print_pdf(a4_with_a_square(), printer)
    width, height = ink_box(target)
    assert width > 50
    # The square prints square (to a pixel or two of rounding), whatever the paper.
    assert abs(width - height) <= 2


def test_fitted_centres_the_largest_rectangle_of_the_shape() -> None:
    wide = fitted(QRectF(0, 0, 200, 100), 1.0)
    assert (wide.x(), wide.y(), wide.width(), wide.height()) == (50, 0, 100, 100)
    tall = fitted(QRectF(10, 10, 100, 400), 0.5)
    assert (tall.x(), tall.y(), tall.width(), tall.height()) == (10, 110, 100, 200)
