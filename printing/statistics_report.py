"""The hall's printed figures: the monthly 《群众工作统计月报》 and the yearly
《年度信访工作情况报告》 that Art. 41 of the 信访工作条例 requires — the counts, every rate as
its numerator and denominator, the charts drawn as vectors, the most-complained units, the
转送/交办/督办 figures, and what each figure counts as numbered footnotes.

:func:`render` takes plain data only (gathered by :mod:`hall.figures.printed`), so a report can
be drawn and tested without a database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from printing.bulletin import chinese_number
from printing.fonts import cjk_font
from printing.notices import cn_date
from printing.typesetting import a4_pdf, broken_paragraph

MONTHLY = "monthly"
ANNUAL = "annual"
TITLES = {MONTHLY: "群众工作统计月报", ANNUAL: "年度信访工作情况报告"}
MARGIN = 22 * mm
# The page's frame keeps 6 points of padding each side.
TEXT_WIDTH = A4[0] - 2 * MARGIN - 12
BAR = colors.HexColor("#3b6ea5")
GRID = colors.HexColor("#999999")
HEAD = colors.HexColor("#e8eef5")
# More bars than this and their labels no longer fit under a chart the width of the text.
MAX_LABELLED_BARS = 16


@dataclass(frozen=True)
class RateLine:
    """A rate as printed: its name, numerator and denominator, and its footnote's key."""

    name: str
    numerator: int
    denominator: int
    note: str

    @property
    def shown(self) -> str:
        if not self.denominator:
            return "—"
        return f"{self.numerator / self.denominator:.1%}"


@dataclass(frozen=True)
class Count:
    name: str
    value: int | float | None
    note: str = ""


@dataclass(frozen=True)
class PlainTable:
    """A small table printed as it is given: its headings and its rows of text; ``note`` is
    the key of the footnote its title cites; ``widths`` each column's share of the text's
    width (by default the first takes half, the others share the rest)."""

    title: str
    headings: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str = ""
    widths: tuple[float, ...] = ()


@dataclass(frozen=True)
class StatisticsReport:
    """One report as plain data. Lists of (name, count) pairs keep their order."""

    kind: str
    hall_name: str
    first: dt.date
    last: dt.date
    as_of: dt.date
    scope: str
    totals: tuple[Count, ...]
    rates: tuple[RateLine, ...]
    by_channel: tuple[tuple[str, int], ...]
    by_class: tuple[tuple[str, int], ...]
    by_purpose: tuple[tuple[str, int], ...]
    by_township: tuple[tuple[str, int], ...]
    # The trend over the period: (label, count, 环比 previous, 同比 a year ago).
    trend: tuple[tuple[str, int, int, int], ...]
    trend_unit: str
    # 转送, 交办, 督办 and the court, each a small table of counts.
    referrals: tuple[Count, ...]
    supervision: tuple[Count, ...]
    court: tuple[Count, ...]
    units_complained: tuple[tuple[str, int], ...]
    units_overdue: tuple[tuple[str, int], ...]
    # Footnotes: key → (figure name, what it counts), in the order first cited.
    notes: tuple[tuple[str, str, str], ...]
    # The mechanisms beyond the counter (化解率 per leader and unit, the stations' ranking).
    mechanisms: tuple[PlainTable, ...] = ()

    @property
    def title(self) -> str:
        if self.kind == ANNUAL:
            return f"{self.hall_name}{self.first.year}年度信访工作情况报告"
        return TITLES[MONTHLY]

    @property
    def period_text(self) -> str:
        return f"{cn_date(self.first)}至{cn_date(self.last)}"


@dataclass(frozen=True)
class _Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    note: ParagraphStyle
    caption: ParagraphStyle


def _styles(font: str) -> _Styles:
    body = ParagraphStyle(
        "body", fontName=font, fontSize=12, leading=20, firstLineIndent=24, wordWrap="CJK"
    )
    return _Styles(
        title=ParagraphStyle(
            "title", fontName=font, fontSize=20, leading=30, alignment=TA_CENTER, spaceAfter=4
        ),
        subtitle=ParagraphStyle(
            "subtitle", fontName=font, fontSize=11.5, leading=18, alignment=TA_CENTER
        ),
        heading=ParagraphStyle(
            "heading", parent=body, fontSize=14, leading=22, firstLineIndent=0, spaceBefore=10
        ),
        body=body,
        note=ParagraphStyle(
            "note", fontName=font, fontSize=9, leading=13, firstLineIndent=0, wordWrap="CJK"
        ),
        caption=ParagraphStyle(
            "caption", fontName=font, fontSize=10, leading=14, alignment=TA_CENTER
        ),
    )


class _Notes:
    """Numbers footnotes in the order figures cite them: ① beside a figure, the text at the end."""

    MARKS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

    def __init__(self, texts: Sequence[tuple[str, str, str]]) -> None:
        self._texts = {key: (name, text) for key, name, text in texts}
        self.cited: list[str] = []

    def mark(self, key: str) -> str:
        if key not in self._texts:
            return ""
        if key not in self.cited:
            self.cited.append(key)
        return self.MARKS[self.cited.index(key) % len(self.MARKS)]

    def lines(self) -> list[str]:
        return [
            f"{self.MARKS[i % len(self.MARKS)]} {self._texts[key][0]}：{self._texts[key][1]}"
            for i, key in enumerate(self.cited)
        ]


def _table(rows: list[list[str]], widths: list[float], font: str) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, 10.5),
                ("GRID", (0, 0), (-1, -1), 0.5, GRID),
                ("BACKGROUND", (0, 0), (-1, 0), HEAD),
                ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def _plain_tables(
    tables: Sequence[PlainTable], notes: _Notes, font: str, style: ParagraphStyle
) -> list[Flowable]:
    """Each table under its title."""
    story: list[Flowable] = []
    for table in tables:
        others = max(1, len(table.headings) - 1)
        shares = table.widths or (0.5, *[0.5 / others] * others)
        story.append(
            KeepTogether(
                [
                    Paragraph(escape(f"{table.title}{notes.mark(table.note)}"), style),
                    Spacer(1, 2),
                    _table(
                        [list(table.headings)] + [list(row) for row in table.rows],
                        [TEXT_WIDTH * share for share in shares],
                        font,
                    ),
                    Spacer(1, 6),
                ]
            )
        )
    return story


def _number(value: int | float | None) -> str:
    if value is None:
        return "—"
    return f"{value:g}" if isinstance(value, float) else str(value)


def _counts_table(counts: Sequence[Count], notes: _Notes, font: str) -> Table:
    rows = [["项目", "数值"]] + [
        [f"{c.name}{notes.mark(c.note)}", _number(c.value)] for c in counts
    ]
    return _table(rows, [TEXT_WIDTH * 0.7, TEXT_WIDTH * 0.3], font)


def _rates_table(rates: Sequence[RateLine], notes: _Notes, font: str) -> Table:
    rows = [["指标", "分子", "分母", "比率"]] + [
        [f"{r.name}{notes.mark(r.note)}", str(r.numerator), str(r.denominator), r.shown]
        for r in rates
    ]
    return _table(rows, [TEXT_WIDTH * 0.4] + [TEXT_WIDTH * 0.2] * 3, font)


def _bar_chart(pairs: Sequence[tuple[str, int]], font: str, *, height: float = 62 * mm) -> Drawing:
    """Counts as vertical bars, the value over each bar; labels thinned out when many."""
    slanted = len(pairs) > 8
    # Slanted labels need more room under the axis.
    bottom = 48 if slanted else 22
    drawing = Drawing(TEXT_WIDTH, height + bottom - 22)
    chart = VerticalBarChart()
    chart.x, chart.y = 30, bottom
    chart.width, chart.height = TEXT_WIDTH - 45, height - 40
    values = [count for _name, count in pairs] or [0]
    chart.data = [values]
    step = max(1, -(-len(pairs) // MAX_LABELLED_BARS))
    chart.categoryAxis.categoryNames = [
        name if i % step == 0 else "" for i, (name, _count) in enumerate(pairs)
    ]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.angle = 30 if slanted else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if slanted else "n"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(max(values) * 1.15, 4)
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#dddddd")
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    if len(pairs) <= MAX_LABELLED_BARS:
        chart.barLabelFormat = "%d"
        chart.barLabels.fontName = font
        chart.barLabels.fontSize = 8
        chart.barLabels.nudge = 6
    drawing.add(chart)
    return drawing


def _ranking_chart(pairs: Sequence[tuple[str, int]], font: str) -> Drawing:
    """Units ranked as horizontal bars, the most first (at the top)."""
    shown = list(pairs)[:10]
    height = 34 + 18 * max(len(shown), 1)
    drawing = Drawing(TEXT_WIDTH, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 150, 22
    chart.width, chart.height = TEXT_WIDTH - 190, height - 28
    chart.data = [[count for _name, count in reversed(shown)] or [0]]
    chart.categoryAxis.categoryNames = [name[:14] for name, _count in reversed(shown)]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 9
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max([c for _n, c in shown] + [4]) * 1.15
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 8
    chart.bars[0].fillColor = colors.HexColor("#b5473a")
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 8
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 4
    drawing.add(chart)
    return drawing


def _empty(text: str, font: str) -> Drawing:
    drawing = Drawing(TEXT_WIDTH, 20)
    drawing.add(String(TEXT_WIDTH / 2, 6, text, fontName=font, fontSize=10, textAnchor="middle"))
    return drawing


def _joined(pairs: Sequence[tuple[str, int]], unit: str = "件") -> str:
    return "，".join(f"{name}{count}{unit}" for name, count in pairs) or "无"


def _summary(report: StatisticsReport) -> str:
    counts = {c.name: c.value for c in report.totals}
    rates = {r.name: r for r in report.rates}
    closure = rates.get("按期办结率")
    closure_text = (
        f"，按期办结率{closure.shown}（{closure.numerator}/{closure.denominator}）"
        if closure
        else ""
    )
    return (
        f"{report.period_text}，{report.scope}共受理群众来信来访来电网信"
        f"{_number(counts.get('受理件数（件）'))}件、{_number(counts.get('人次'))}人次，其中集体访"
        f"{_number(counts.get('集体访（批）'))}批。按来源分：{_joined(report.by_channel)}；"
        f"按类别分：{_joined(report.by_class)}{closure_text}。"
    )


def _page_furniture(
    font: str, report: StatisticsReport
) -> Callable[[Canvas, SimpleDocTemplate], None]:
    def draw(canvas: Canvas, document: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(font, 9)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(MARGIN, 12 * mm, f"{report.hall_name}　{TITLES[report.kind]}")
        canvas.drawRightString(A4[0] - MARGIN, 12 * mm, f"第 {document.page} 页")
        canvas.restoreState()

    return draw


def render(report: StatisticsReport) -> bytes:
    """The report as an A4 PDF, CJK font embedded, charts as vector drawings."""
    font = cjk_font()
    styles = _styles(font)
    notes = _Notes(report.notes)
    section = iter(range(1, 20))

    def heading(text: str) -> Paragraph:
        return Paragraph(escape(f"{chinese_number(next(section))}、{text}"), styles.heading)

    def caption(text: str) -> Paragraph:
        return Paragraph(escape(text), styles.caption)

    subtitle = (
        f"统计期间：{report.period_text}　　统计范围：{report.scope}　　"
        f"统计截至：{cn_date(report.as_of)}"
    )
    story: list[Flowable] = [
        Paragraph(escape(report.title), styles.title),
        Paragraph(escape(subtitle), styles.subtitle),
        Spacer(1, 8),
        heading("总体情况"),
        broken_paragraph(_summary(report), styles.body, TEXT_WIDTH),
        Spacer(1, 4),
        _counts_table(report.totals, notes, font),
        KeepTogether(
            [
                Spacer(1, 6),
                _bar_chart(report.by_channel + report.by_class, font, height=55 * mm),
                caption("图1　按来源、按类别的件数"),
            ]
        ),
        KeepTogether(
            [
                heading("主要指标"),
                _rates_table(report.rates, notes, font),
            ]
        ),
        KeepTogether(
            [
                heading(f"走势（{report.trend_unit}）"),
                _bar_chart([(label, count) for label, count, _p, _y in report.trend], font)
                if report.trend
                else _empty("本期无数据", font),
                caption(f"图2　{report.trend_unit}统计的件数{notes.mark('trend')}"),
                Spacer(1, 4),
                _table(
                    [["期间", "件数", "上期", "上年同期"]]
                    + [[label, str(c), str(p), str(y)] for label, c, p, y in report.trend[-12:]],
                    [TEXT_WIDTH * 0.4] + [TEXT_WIDTH * 0.2] * 3,
                    font,
                ),
            ]
        ),
        KeepTogether(
            [
                heading("转送、交办与督办"),
                _counts_table(report.referrals + report.supervision, notes, font),
            ]
        ),
        KeepTogether(
            [
                heading(f"被投诉较多的单位{notes.mark('units_complained')}"),
                _ranking_chart(report.units_complained, font)
                if report.units_complained
                else _empty("本期无针对单位的投诉", font),
                caption("图3　被投诉单位（件）"),
            ]
        ),
        KeepTogether(
            [
                heading(f"超期未报办结的单位{notes.mark('units_overdue')}"),
                _table(
                    [["责任单位", "超期件数"]]
                    + [[name, str(count)] for name, count in report.units_overdue[:10]],
                    [TEXT_WIDTH * 0.7, TEXT_WIDTH * 0.3],
                    font,
                )
                if report.units_overdue
                else _empty("无超期单位", font),
            ]
        ),
        KeepTogether([heading("便民巡回法庭"), _counts_table(report.court, notes, font)]),
        KeepTogether(
            [
                heading("来访较多的乡镇（街道）"),
                broken_paragraph(_joined(report.by_township[:10]) + "。", styles.body, TEXT_WIDTH),
            ]
        ),
    ]
    if report.mechanisms:
        story += [heading("矛盾纠纷排查化解与群众工作站")]
        story += _plain_tables(report.mechanisms, notes, font, styles.caption)
    story += [Spacer(1, 10), Paragraph("注：", styles.note)]
    story += [broken_paragraph(line, styles.note, TEXT_WIDTH) for line in notes.lines()]
    return a4_pdf(
        story,
        font=font,
        margin=MARGIN,
        top=18 * mm,
        bottom=20 * mm,
        title=f"{report.title} {report.period_text}",
        author=report.hall_name,
        on_page=_page_furniture(font, report),
    )
