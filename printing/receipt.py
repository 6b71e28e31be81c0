"""The intake receipt (导访凭条) the front desk hands every visitor.

Two layouts from one set of plain data: an 80 mm thermal roll (72 mm printable, as long as the
content) and an A4 page. The receipt is public: it leaves the hall in the visitor's pocket, so
what it may carry is decided here and not left to the caller. It has no field for an ID number,
takes the visitor's name only masked (张*), never prints accusation content (揭发控告), and masks
any number in the short summary that could be an ID or phone number.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from printing.barcodes import Code128Drawing, code128_modules, fit_code128
from printing.fonts import cjk_font
from printing.layouts import LAYOUTS, Layout
from printing.typesetting import NO_LINE_START

TITLE = "导访凭条"
NUMBER_LABEL = "您的排队号"
QUERY_CODE_LABEL = "查询码"
REPORT_PURPOSE = "揭发控告"
CONFIDENTIAL_SUMMARY = "内容保密"
SUMMARY_LENGTH = 20
PRIVACY_LINE = "本凭条不载身份证号及反映的具体内容。请凭查询码查询办理进度，妥善保管，勿交他人。"

# Seven or more digits, spaced or hyphenated as people write phone numbers, with an ID number's
# check character: long enough for a phone or ID number, too long for a count or an amount
# anyone needs to read off a receipt.
_LONG_NUMBER = re.compile(r"\d(?:[ -]?\d){6,}(?:[ -]?[Xx])?")
_MASK = "****"
_MASKED_NUMBER = re.compile(r"\*{4}[\dXx]{4}")


def _mask_long_number(match: re.Match[str]) -> str:
    digits = re.sub(r"[ -]", "", match.group())
    return _MASK + digits[-4:]


def receipt_summary(purpose: str, summary: str) -> str:
    """The summary as a receipt may show it: nothing of a report's content, long numbers
    masked (before shortening, so no cut can expose part of one), about twenty characters."""
    if purpose == REPORT_PURPOSE:
        return CONFIDENTIAL_SUMMARY
    text = _LONG_NUMBER.sub(_mask_long_number, " ".join(summary.split()))
    if len(text) <= SUMMARY_LENGTH:
        return text
    cut = SUMMARY_LENGTH - 1
    for masked in _MASKED_NUMBER.finditer(text):
        # Half a masked number ("****8…") reads like a different number: drop it whole.
        if masked.start() < cut < masked.end():
            cut = masked.start()
    return text[:cut].rstrip() + "…"


@dataclass(frozen=True)
class ReceiptData:
    """What an intake receipt shows. ``purpose`` is the Chinese label (求决, 揭发控告, ...);
    ``summary`` is made safe on construction, so whatever reads it afterwards gets the safe text.
    """

    hall_name: str
    ticket_number: str
    window_name: str
    window_location: str
    issued_at: dt.datetime
    people_ahead: int
    masked_name: str
    purpose: str
    summary: str
    visit_code: str
    query_code: str
    privacy_line: str = PRIVACY_LINE
    # A group visit: how many came and how many representatives speak for them (their names
    # stay off the paper, as the visitor's own does).
    group_size: int = 1
    representatives: int = 0
    # The estimated wait (hall.queue.ticket_wait) while the ticket waits; None: not estimated.
    wait_minutes: int | None = None
    # A paper other than the intake receipt (a booked visitor's check-in slip) says so, and
    # adds its own lines (the booked slot) under the details.
    title: str = TITLE
    extra_lines: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        name = self.masked_name.strip()
        if len(name) > 1 and "*" not in name:
            # The name itself stays out of the message: it may end up in a log.
            raise ValueError("凭条只收遮蔽后的姓名（如“张*”），请先用 mask_name 遮蔽。")
        if self.people_ahead < 0:
            raise ValueError(f"前面等候的人数不能为负数：{self.people_ahead}")
        code128_modules(self.visit_code)
        object.__setattr__(self, "masked_name", name)
        object.__setattr__(self, "summary", receipt_summary(self.purpose, self.summary))

    @property
    def waiting_line(self) -> str:
        if self.people_ahead and self.wait_minutes is not None:
            return f"前面还有 {self.people_ahead} 人，预计等候约 {self.wait_minutes} 分钟"
        if self.people_ahead:
            return f"前面还有 {self.people_ahead} 人等候"
        return "前面无人等候"

    @property
    def details(self) -> list[tuple[str, str]]:
        """The labelled lines under the window, the same on paper and on a thermal roll."""
        return [
            ("来访人", self.masked_name or "—"),
            ("诉求类别", self.purpose),
            ("事项摘要", self.summary or "—"),
            *self.group_lines,
            *self.extra_lines,
            ("登记时间", f"{self.issued_at:%Y-%m-%d %H:%M}"),
        ]

    @property
    def group_lines(self) -> list[tuple[str, str]]:
        """A group visit's size and representatives; nothing for one visitor."""
        if self.group_size <= 1:
            return []
        return [("来访人数", f"{self.group_size} 人"), ("推选代表", f"{self.representatives} 人")]


@dataclass(frozen=True)
class _Style:
    page_width: float
    page_height: float | None  # None: the roll is cut where the content ends
    column_width: float
    top: float
    bottom: float
    title: float
    number: float
    window: float
    body: float
    small: float
    module: float
    bar_height: float
    frame: bool


_STYLES: dict[Layout, _Style] = {
    # 0.375 mm is three dots of a 203 dpi thermal head: bars land on whole dots.
    "80mm": _Style(
        page_width=80 * mm,
        page_height=None,
        column_width=72 * mm,
        top=5 * mm,
        bottom=8 * mm,
        title=13,
        number=54,
        window=16,
        body=10,
        small=7.5,
        module=0.375 * mm,
        bar_height=12 * mm,
        frame=False,
    ),
    "a4": _Style(
        page_width=A4[0],
        page_height=A4[1],
        column_width=140 * mm,
        top=25 * mm,
        bottom=20 * mm,
        title=20,
        number=96,
        window=24,
        body=14,
        small=9.5,
        module=0.5 * mm,
        bar_height=16 * mm,
        frame=True,
    ),
}


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy line breaking: anywhere in Chinese, at a space between Latin words; closing
    punctuation never starts a line (it takes the character before it along). Not
    :func:`printing.typesetting.break_lines`: a receipt's lines are mostly centred, so the space
    a line breaks at is dropped rather than left at the end of a line."""
    lines: list[str] = []
    line = ""
    for char in text:
        if not line or pdfmetrics.stringWidth(line + char, font, size) <= width:
            line += char
        elif char == " ":
            lines.append(line)
            line = ""
        elif char in NO_LINE_START and len(line) > 1:
            lines.append(line[:-1])
            line = line[-1] + char
        else:
            head, space, tail = line.rpartition(" ")
            if space and head and tail.isascii():
                lines.append(head)
                line = tail + char
            else:
                lines.append(line)
                line = char
    if line or not lines:
        lines.append(line)
    return lines


class _Row(Protocol):
    """One band of the receipt: its height is known before anything is drawn, so the roll
    can be cut to the content."""

    height: float

    def draw(self, canvas: Canvas, x: float, top: float, width: float) -> None: ...


class _Text:
    def __init__(
        self, text: str, font: str, size: float, width: float, center: bool = True
    ) -> None:
        self.lines = _wrap(text, font, size, width)
        self.font = font
        self.size = size
        self.center = center
        self.leading = size * 1.3
        self.height = self.leading * len(self.lines)

    def draw(self, canvas: Canvas, x: float, top: float, width: float) -> None:
        ascent, _ = pdfmetrics.getAscentDescent(self.font, self.size)
        gap = (self.leading - self.size) / 2
        canvas.setFont(self.font, self.size)
        for index, line in enumerate(self.lines):
            baseline = top - index * self.leading - gap - ascent
            if self.center:
                canvas.drawCentredString(x + width / 2, baseline, line)
            else:
                canvas.drawString(x, baseline, line)


class _Field:
    """``label：value`` with the value wrapped under itself, not under the label."""

    def __init__(self, label: str, value: str, font: str, size: float, width: float) -> None:
        self.label = f"{label}："
        self.indent = pdfmetrics.stringWidth(self.label, font, size)
        self.value = _Text(value, font, size, width - self.indent, center=False)
        self.font = font
        self.size = size
        self.height = self.value.height

    def draw(self, canvas: Canvas, x: float, top: float, width: float) -> None:
        _Text(self.label, self.font, self.size, self.indent, center=False).draw(
            canvas, x, top, self.indent
        )
        self.value.draw(canvas, x + self.indent, top, width - self.indent)


class _Gap:
    def __init__(self, height: float) -> None:
        self.height = height

    def draw(self, canvas: Canvas, x: float, top: float, width: float) -> None:
        return


class _Rule:
    """A dashed line across the column, the usual divider of a paper slip."""

    def __init__(self, space: float) -> None:
        self.height = space

    def draw(self, canvas: Canvas, x: float, top: float, width: float) -> None:
        canvas.saveState()
        canvas.setLineWidth(0.6)
        canvas.setDash(2, 2)
        y = top - self.height / 2
        canvas.line(x, y, x + width, y)
        canvas.restoreState()


class _Barcode:
    def __init__(self, drawing: Code128Drawing, bar_height: float, font: str, size: float):
        self.drawing = drawing
        self.bar_height = bar_height
        self.caption = _Text(drawing.code, font, size, drawing.width)
        self.height = bar_height + self.caption.height

    def draw(self, canvas: Canvas, x: float, top: float, width: float) -> None:
        left = x + (width - self.drawing.width) / 2
        self.drawing.draw(canvas, left, top - self.bar_height, self.bar_height)
        self.caption.draw(canvas, x, top - self.bar_height, width)


def _rows(data: ReceiptData, style: _Style, font: str) -> Sequence[_Row]:
    width = style.column_width
    body = style.body
    where: list[_Row] = [_Text(data.window_name, font, style.window, width)]
    if data.window_location:
        where.append(_Text(data.window_location, font, body, width))
    return [
        _Text(data.hall_name, font, style.title, width),
        _Text(data.title, font, body, width),
        _Rule(body),
        _Text(NUMBER_LABEL, font, body, width),
        _Text(data.ticket_number, font, style.number, width),
        *where,
        _Text(data.waiting_line, font, body, width),
        _Rule(body),
        *(_Field(label, value, font, body, width) for label, value in data.details),
        _Gap(body * 0.4),
        _Field(QUERY_CODE_LABEL, data.query_code, font, body * 1.4, width),
        _Gap(body * 0.6),
        _Barcode(fit_code128(data.visit_code, style.module, width), style.bar_height, font, body),
        _Rule(body),
        _Text(data.privacy_line, font, style.small, width),
    ]


def render_receipt(data: ReceiptData, layout: Layout) -> bytes:
    """The receipt as a PDF, the CJK font embedded so it prints the same anywhere."""
    if layout not in _STYLES:
        known = "、".join(LAYOUTS)
        raise ValueError(f"没有“{layout}”这种凭条版式。可用的版式：{known}")
    style = _STYLES[layout]
    font = cjk_font()
    rows = _rows(data, style, font)
    content = sum(row.height for row in rows)
    page_height = style.page_height or style.top + content + style.bottom
    buffer = io.BytesIO()
    # invariant: no creation time or random document id, so a reprint is byte-for-byte the same.
    canvas = Canvas(buffer, pagesize=(style.page_width, page_height), invariant=True)
    canvas.setTitle(f"{data.hall_name} {data.title} {data.ticket_number}")
    x = (style.page_width - style.column_width) / 2
    top = page_height - style.top
    if style.frame:
        pad = 8 * mm
        canvas.roundRect(
            x - pad,
            top - content - pad,
            style.column_width + 2 * pad,
            content + 2 * pad,
            radius=3 * mm,
        )
    for row in rows:
        row.draw(canvas, x, top, style.column_width)
        top -= row.height
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
