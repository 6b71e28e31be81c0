"""The published 领导接访 duty roster on A4: which city leader receives visitors on which day,
their post and what they are in charge of (分管工作), as the hall posts it at the door and
hands to the press.

:func:`render` takes plain data only, so the roster can be drawn and tested without a database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer, Table, TableStyle

from printing.fonts import cjk_font
from printing.notices import cn_date
from printing.typesetting import a4_pdf, broken_paragraph

TITLE = "领导接访安排表"
MARGIN = 20 * mm
TEXT_WIDTH = A4[0] - 2 * MARGIN - 12
WEEKDAYS = "一二三四五六日"
HEADINGS = ("日期", "星期", "接访领导", "职务", "分管工作")
# Column shares of the text width: the portfolio takes what the others leave.
WIDTHS = (0.16, 0.09, 0.14, 0.27, 0.34)
PADDING = 4


@dataclass(frozen=True)
class RosterDay:
    day: dt.date
    name: str
    post: str
    portfolio: str


@dataclass(frozen=True)
class DutyRoster:
    """The roster as plain data: the hall, the period it covers, and its days in order."""

    hall_name: str
    first: dt.date
    last: dt.date
    days: tuple[RosterDay, ...]
    where: str = ""  # where the leader receives visitors, printed under the table
    issued_on: dt.date | None = None


def _styles(font: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=font, fontSize=11, leading=16)
    return {
        "title": ParagraphStyle("title", parent=base, fontSize=22, leading=30, alignment=TA_CENTER),
        "subtitle": ParagraphStyle(
            "subtitle", parent=base, fontSize=12, leading=18, alignment=TA_CENTER
        ),
        "head": ParagraphStyle("head", parent=base, fontSize=12, alignment=TA_CENTER),
        "cell": base,
        "centre": ParagraphStyle("centre", parent=base, alignment=TA_CENTER),
        "note": ParagraphStyle("note", parent=base, fontSize=10.5, leading=16),
    }


def render(roster: DutyRoster) -> bytes:
    font = cjk_font()
    styles = _styles(font)
    widths = [share * TEXT_WIDTH for share in WIDTHS]

    def cell(text: str, column: int, style: str = "cell") -> Flowable:
        return broken_paragraph(text or "—", styles[style], widths[column] - 2 * PADDING)

    rows: list[list[Flowable | str]] = [
        [cell(heading, column, "head") for column, heading in enumerate(HEADINGS)]
    ]
    for line in roster.days:
        rows.append(
            [
                cell(f"{line.day.month}月{line.day.day}日", 0, "centre"),
                cell(WEEKDAYS[line.day.weekday()], 1, "centre"),
                cell(line.name, 2, "centre"),
                cell(line.post, 3),
                cell(line.portfolio, 4),
            ]
        )
    if not roster.days:
        rows.append([cell("本期无领导接访安排", 0), "", "", "", ""])
    table = Table(rows, colWidths=widths, repeatRows=1)
    commands: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.6, "#000000"),
        ("BACKGROUND", (0, 0), (-1, 0), "#E8EEF7"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    if not roster.days:
        commands.append(("SPAN", (0, 1), (-1, 1)))
    table.setStyle(TableStyle(commands))
    period = f"（{cn_date(roster.first)}至{cn_date(roster.last)}）"
    notes = ["群众可到导访台预约领导接访，也可现场登记，按排队顺序接待。"]
    if roster.where:
        notes.insert(0, f"接访地点：{roster.where}。")
    story: list[Flowable] = [
        broken_paragraph(roster.hall_name, styles["subtitle"], TEXT_WIDTH),
        broken_paragraph(TITLE, styles["title"], TEXT_WIDTH),
        broken_paragraph(period, styles["subtitle"], TEXT_WIDTH),
        Spacer(1, 6 * mm),
        table,
        Spacer(1, 6 * mm),
        *(broken_paragraph(note, styles["note"], TEXT_WIDTH) for note in notes),
    ]
    if roster.issued_on is not None:
        story += [
            Spacer(1, 10 * mm),
            broken_paragraph(
                f"{roster.hall_name}\n{cn_date(roster.issued_on)}",
                ParagraphStyle("sign", parent=styles["note"], alignment=2),
                TEXT_WIDTH,
            ),
        ]

    def page(canvas: Canvas, document: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(font, 9)
        canvas.drawCentredString(A4[0] / 2, 12 * mm, f"第 {document.page} 页")
        canvas.restoreState()

    return a4_pdf(
        story,
        font=font,
        margin=MARGIN,
        top=MARGIN,
        bottom=MARGIN,
        title=f"{roster.hall_name} {TITLE}",
        author=roster.hall_name,
        on_page=page,
    )
