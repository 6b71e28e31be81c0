"""The monthly bulletin 《群众工作动态》: a month's opinions and suggestions, grouped by topic,
as the editor picked and worded them, laid out on A4 in the manner of an internal bulletin —
the red masthead with the issue number, the editor and the date over a red rule, a summary
paragraph, the topics as numbered headings, and the distribution line at the end.

:func:`render` takes plain data only, so the bulletin can be drawn and tested without a
database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    HRFlowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from printing.fonts import cjk_font
from printing.notices import RED, cn_date
from printing.typesetting import a4_pdf, broken_paragraph

TITLE = "群众工作动态"
MARGIN = 25 * mm
TEXT_WIDTH = A4[0] - 2 * MARGIN - 12
DIGITS = "零一二三四五六七八九"


def chinese_number(number: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (for the headings, up to 99)."""
    if not 0 < number < 100:
        raise ValueError(f"no heading numeral for {number}")
    tens, ones = divmod(number, 10)
    if tens == 0:
        return DIGITS[ones]
    head = "十" if tens == 1 else f"{DIGITS[tens]}十"
    return head + (DIGITS[ones] if ones else "")


@dataclass(frozen=True)
class Bulletin:
    """An issue as plain data, already worded."""

    hall_name: str
    year: int
    month: int
    number: int
    issued_on: dt.date
    # The month's figures: opinions received, and how many went on to a department.
    total: int
    forwarded: int
    # (topic, entries) in the order they are printed.
    sections: tuple[tuple[str, tuple[str, ...]], ...]
    distribution: str = (
        "报：市委、市人大、市政府、市政协领导　　送：市直各有关部门　　发：各乡镇（街道）"
    )

    @property
    def headline(self) -> str:
        return f"{self.year}年{self.month}月社情民意综述"

    @property
    def summary(self) -> str:
        printed = sum(len(entries) for _topic, entries in self.sections)
        return (
            f"{self.month}月，{self.hall_name}社情民意窗口共收集群众意见建议{self.total}条，"
            f"已转交有关部门研究办理{self.forwarded}条。现将其中{printed}条按所涉及的"
            f"{len(self.sections)}个方面摘编如下，供领导参阅。"
        )


@dataclass(frozen=True)
class _Styles:
    notice: ParagraphStyle
    masthead: ParagraphStyle
    issue: ParagraphStyle
    headline: ParagraphStyle
    body: ParagraphStyle
    heading: ParagraphStyle
    entry: ParagraphStyle
    distribution: ParagraphStyle


def _styles(font: str) -> _Styles:
    body = ParagraphStyle(
        "body", fontName=font, fontSize=13, leading=23, firstLineIndent=26, wordWrap="CJK"
    )
    return _Styles(
        notice=ParagraphStyle("notice", fontName=font, fontSize=10.5, leading=14),
        masthead=ParagraphStyle(
            "masthead", fontName=font, fontSize=40, leading=50, alignment=TA_CENTER, textColor=RED
        ),
        issue=ParagraphStyle("issue", fontName=font, fontSize=14, leading=22, alignment=TA_CENTER),
        headline=ParagraphStyle(
            "headline",
            fontName=font,
            fontSize=18,
            leading=28,
            alignment=TA_CENTER,
            spaceBefore=10,
            spaceAfter=8,
        ),
        body=body,
        heading=ParagraphStyle(
            "heading", parent=body, fontSize=14, firstLineIndent=0, spaceBefore=8, spaceAfter=2
        ),
        entry=ParagraphStyle("entry", parent=body),
        distribution=ParagraphStyle(
            "distribution", parent=body, fontSize=11, leading=18, firstLineIndent=0
        ),
    )


def _editor_line(bulletin: Bulletin, font: str) -> Table:
    """The editor on the left, the date on the right, as a bulletin's masthead has them."""
    table = Table(
        [[f"{bulletin.hall_name}编", cn_date(bulletin.issued_on)]],
        colWidths=[TEXT_WIDTH * 0.7, TEXT_WIDTH * 0.3],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, 12),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _page_number(font: str) -> Callable[[Canvas, SimpleDocTemplate], None]:
    def draw(canvas: Canvas, document: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(font, 11)
        canvas.drawCentredString(A4[0] / 2, 13 * mm, f"— {document.page} —")
        canvas.restoreState()

    return draw


def render(bulletin: Bulletin) -> bytes:
    """The issue as an A4 PDF with the CJK font embedded; the same bytes for the same issue."""
    font = cjk_font()
    styles = _styles(font)
    story: list[object] = [
        Paragraph("内部资料　注意保存", styles.notice),
        Paragraph(TITLE, styles.masthead),
        Spacer(1, 4),
        Paragraph(escape(f"{bulletin.year}年第{bulletin.number}期"), styles.issue),
        Spacer(1, 10),
        _editor_line(bulletin, font),
        HRFlowable(width="100%", thickness=2.2, color=RED, spaceBefore=2, spaceAfter=1),
        HRFlowable(width="100%", thickness=0.6, color=RED, spaceBefore=0, spaceAfter=8),
        Paragraph(escape(bulletin.headline), styles.headline),
        broken_paragraph(bulletin.summary, styles.body, TEXT_WIDTH),
    ]
    for position, (topic, entries) in enumerate(bulletin.sections, start=1):
        heading = broken_paragraph(
            f"{chinese_number(position)}、{topic}（{len(entries)}条）", styles.heading, TEXT_WIDTH
        )
        first, *rest = [
            broken_paragraph(f"{number}. {text}", styles.entry, TEXT_WIDTH)
            for number, text in enumerate(entries, start=1)
        ]
        # A heading never ends a page alone.
        story += [KeepTogether([heading, first]), *rest]
    story += [
        Spacer(1, 24),
        HRFlowable(width="100%", thickness=0.8, color=colors.black, spaceAfter=4),
        broken_paragraph(bulletin.distribution, styles.distribution, TEXT_WIDTH),
        HRFlowable(width="100%", thickness=0.8, color=colors.black, spaceBefore=4),
    ]
    return a4_pdf(
        story,
        font=font,
        margin=MARGIN,
        top=20 * mm,
        bottom=24 * mm,
        title=f"{TITLE} {bulletin.year}年第{bulletin.number}期",
        author=bulletin.hall_name,
        on_page=_page_number(font),
    )
