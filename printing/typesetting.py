"""Chinese line breaking, the same on every paper the hall prints, and the A4 document the
papers are built into.

reportlab's own CJK wrapping knows only part of the Chinese typesetting rules, so the A4 papers
(notices, the bulletin, the court's papers) break their lines here and hand reportlab lines it
only has to stack; the thermal receipt keeps its own simpler breaking but the same rules of
which punctuation may not start a line.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate

# Chinese typesetting never starts a line with closing punctuation nor ends one with opening
# punctuation.
NO_LINE_START = frozenset("，。、；：？！）》」』”’…,.;:?!)]%")
NO_LINE_END = frozenset("（《「『“‘([")

# How far back a line break may move to keep a date, a number or a code whole.
LATIN_RUN = 16
# A hair of slack so reportlab's own measure never breaks a line again.
SLACK = 0.5


def _latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _may_break(text: str, at: int) -> bool:
    before, after = text[at - 1], text[at]
    if after in NO_LINE_START or before in NO_LINE_END:
        return False
    return not (_latin(before) and _latin(after))


def break_lines(text: str, font: str, size: float, first: float, width: float) -> list[str]:
    """Break ``text`` into lines no wider than ``first`` (the first line) and ``width`` (the
    others): between any two Chinese characters, but not before closing or after opening
    punctuation, and not inside a run of Latin letters or digits (a date, a case code)."""
    lines: list[str] = []
    line = ""
    for char in text:
        room = width if lines else first
        if not line or pdfmetrics.stringWidth(line + char, font, size) <= room:
            line += char
            continue
        candidate = line + char
        cut = len(line)
        while cut > max(1, len(line) - LATIN_RUN) and not _may_break(candidate, cut):
            cut -= 1
        if not _may_break(candidate, cut):
            cut = len(line)
        lines.append(candidate[:cut])
        line = candidate[cut:]
    if line or not lines:
        lines.append(line)
    return lines


def broken_paragraph(text: str, style: ParagraphStyle, width: float) -> Paragraph:
    """``text`` as a paragraph ``width`` wide, its lines broken by :func:`break_lines`, the
    first indented as ``style`` says; a newline in ``text`` starts a new line."""
    room = width - SLACK
    lines: list[str] = []
    for part in text.split("\n"):
        first = room - (0 if lines else style.firstLineIndent)
        lines += break_lines(part, style.fontName, style.fontSize, first, room)
    return Paragraph("<br/>".join(escape(line) for line in lines), style)


def a4_pdf(
    story: Sequence[Flowable],
    *,
    font: str,
    margin: float,
    top: float,
    bottom: float,
    title: str,
    author: str,
    on_page: Callable[[Canvas, SimpleDocTemplate], None],
) -> bytes:
    """``story`` laid out on A4 pages, ``on_page`` drawing each page's furniture; the same
    bytes for the same story (no dates or ids in the file), so a reprint is the same paper."""
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=top,
        bottomMargin=bottom,
        title=title,
        author=author,
        invariant=True,
        # Otherwise every page names Helvetica, unembedded, as its starting font.
        initialFontName=font,
    )
    document.build(list(story), onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()
