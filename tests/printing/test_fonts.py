"""The documents' font draws Chinese, Latin letters and digits, read back from a real PDF."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate

from printing import fonts

HALL = "群众工作部接待大厅"


def poppler(tool: str, *args: str) -> str:
    """Run a poppler-utils tool; CI installs them, so a missing tool is a failure."""
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} (poppler-utils) is needed to read the PDF back")
    return subprocess.run([tool, *args], capture_output=True, text=True, check=True).stdout


def test_receipt_text_in_chinese_latin_and_digits_reads_back(tmp_path: Path) -> None:
    pdf = tmp_path / "receipt.pdf"
    page = canvas.Canvas(str(pdf), pagesize=(80 * mm, 50 * mm))
    page.setFont(fonts.cjk_font(), 14)
    page.drawString(4 * mm, 38 * mm, HALL)
    page.setFont(fonts.cjk_font(), 28)
    page.drawString(4 * mm, 22 * mm, "A017")
    page.setFont(fonts.cjk_font(), 10)
    page.drawString(4 * mm, 12 * mm, "法律服务 Window 1 · 2026-11-23 09:05")
    page.save()

    lines = [line.strip() for line in poppler("pdftotext", "-layout", str(pdf), "-").splitlines()]
    assert HALL in lines
    assert "A017" in lines
    assert "法律服务 Window 1 · 2026-11-23 09:05" in lines

    # Embedded as a subset, so the PDF prints the same on a machine without the font.
    font_rows = [
        row for row in poppler("pdffonts", str(pdf)).splitlines() if fonts.FONT_NAME in row
    ]
    assert font_rows, "the CJK font is not in the PDF"
    assert all(" yes yes " in row for row in font_rows), font_rows


def test_paragraph_markup_with_bold_renders_in_the_cjk_font(tmp_path: Path) -> None:
    pdf = tmp_path / "notice.pdf"
    style = ParagraphStyle("body", fontName=fonts.cjk_font(), fontSize=12, leading=18)
    SimpleDocTemplate(str(pdf), pagesize=A4).build(
        [Paragraph(f"<b>{HALL}</b> 受理告知书 第 B012 号", style)]
    )
    text = poppler("pdftotext", str(pdf), "-")
    assert f"{HALL} 受理告知书 第 B012 号" in text


def test_registration_is_idempotent_under_one_name() -> None:
    name = fonts.cjk_font()
    registered = pdfmetrics.getFont(name)
    assert fonts.cjk_font() == name == fonts.FONT_NAME
    assert pdfmetrics.getFont(name) is registered
    assert Path(registered.face.filename) == fonts.font_path()


def test_frozen_build_finds_the_font_under_meipass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert fonts.font_path() == tmp_path / "resources" / "fonts" / "wqy-microhei.ttc"


def test_source_tree_font_is_the_shipped_file() -> None:
    repository = Path(__file__).resolve().parents[2]
    assert fonts.font_path() == repository / "resources" / "fonts" / "wqy-microhei.ttc"
    assert fonts.font_path().is_file()
