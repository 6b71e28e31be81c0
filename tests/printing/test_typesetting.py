"""The one Chinese line breaking of the A4 papers: a paragraph's lines as the helper breaks
them, and a notice read back with poppler where the officer typed a line break."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics

from db.case_models import REJECTION
from printing import fonts, notices
from printing.typesetting import SLACK, broken_paragraph

INDENT = 28
SIZE = 14


def style() -> ParagraphStyle:
    return ParagraphStyle(
        "body", fontName=fonts.cjk_font(), fontSize=SIZE, leading=25, firstLineIndent=INDENT
    )


def test_a_newline_starts_a_line_and_only_the_first_line_is_indented() -> None:
    body = style()
    # Room for ten characters of the font, the indent taking two of them on the first line.
    width = pdfmetrics.stringWidth("字" * 10, body.fontName, SIZE) + SLACK
    paragraph = broken_paragraph("甲" * 12 + "\n" + "乙" * 3, body, width)
    assert paragraph.text.split("<br/>") == ["甲" * 8, "甲" * 4, "乙" * 3]


def test_markup_characters_are_printed_not_obeyed() -> None:
    paragraph = broken_paragraph("甲<b>乙</b>&丙", style(), 400)
    assert paragraph.text == "甲&lt;b&gt;乙&lt;/b&gt;&amp;丙"


def test_a_notice_keeps_the_line_break_the_officer_typed(tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is needed to read the notice back (poppler-utils)")
    notice = notices.Notice(
        kind=REJECTION,
        hall_name="义马市群众工作部接待大厅",
        number="义群信〔2026〕0001号",
        barcode="XF20260001",
        addressee="张建国",
        paragraphs=("经审查，该事项不属于信访事项受理范围。\n可以依法向人民法院提起诉讼。",),
        issued_on=dt.date(2026, 7, 1),
    )
    path = tmp_path / "notice.pdf"
    path.write_bytes(notices.render(notice))
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    lines = [line.strip() for line in text.splitlines()]
    assert "经审查，该事项不属于信访事项受理范围。" in lines
    assert "可以依法向人民法院提起诉讼。" in lines
