"""The circuit court's papers: the hand-over slip (移交单) a window sends with a litigation-related
visit, the 调解书 / 调解协议 of a mediated case, and the case cover sheet (案件封面).

Two steps, as for the case notices (:mod:`printing.notices`): ``*_for`` functions word a paper
from the records as stored (a :class:`~db.court_models.CourtHandoff` or
:class:`~db.court_models.CourtCase`) into plain data; ``render_*`` functions lay that data out
on A4 and return the PDF, the CJK font embedded, byte-for-byte the same for the same data, so a
reprint is the same paper. The hall's and the court's names come from the caller, which reads
them from the hall's settings.

The slip and the cover carry a Code128 barcode of the hand-off (YJ2026-0007): the clerk's
scanner opens the hand-off or the file from either.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from db.court_models import (
    AGREED,
    BY_DOCUMENT,
    FEE_NAMES,
    HANDOFF_STATE_NAMES,
    MEDIATION_FORM_NAMES,
    MEDIATION_RESULT_NAMES,
    OUTCOME_NAMES,
    PERSON,
    STAGE_NAMES,
    TRACK_NAMES,
    CourtCase,
    CourtHandoff,
)
from db.states import CourtOutcome
from printing.barcodes import fit_code128
from printing.fonts import cjk_font
from printing.notices import cn_date
from printing.typesetting import a4_pdf, broken_paragraph

RED = colors.HexColor("#C00000")
MARGIN = 22 * mm
# reportlab's page frame pads its content by 6 points on either side.
FRAME_PADDING = 6
TEXT_WIDTH = A4[0] - 2 * MARGIN - 2 * FRAME_PADDING
BAR_MODULE = 0.33 * mm
BAR_HEIGHT = 10 * mm
BAR_WIDTH = 60 * mm
CELL_PADDING = 5
LABEL_WIDTH = 30 * mm
VALUE_WIDTH = TEXT_WIDTH - LABEL_WIDTH - 4 * CELL_PADDING
BLANK = "________________"
DATE_BLANK = "______年____月____日"

SLIP_TITLE = "涉法涉诉事项移交单"
SLIP_COPIES = (
    ("第一联", "巡回法庭留存"),
    ("第二联", "移交窗口存根（书记员签收后退回窗口）"),
)
AGREEMENT_FREE = "本次调解不收取任何费用。"
SLIP_NOTE = "巡回法庭接收或者退回后，结果回告移交窗口；退回的，写明理由。"
COVER_TITLE = "案 件 卷 宗 封 面"

MediationKind = Literal["document", "agreement"]
MEDIATION_TITLES: dict[MediationKind, str] = {"document": "民事调解书", "agreement": "调解协议书"}


# ---------------------------------------------------------------------------------------------
# The papers as plain data


@dataclass(frozen=True)
class HandoffSlip:
    """The hand-over slip: what the window sends, and the line the clerk signs on receipt."""

    hall_name: str
    court_name: str
    number: str
    barcode: str
    handed_at: dt.datetime
    window_name: str
    visit_code: str
    party: str
    other_party: str
    claim: str
    officer: str
    # 释法说明: what the legal window explained (a slip from another window has none).
    laws: str = ""

    @property
    def rows(self) -> list[tuple[str, str]]:
        explained = [("释法说明", self.laws)] if self.laws else []
        return [
            ("移交单位", f"{self.hall_name}　{self.window_name}窗口"),
            ("接收单位", self.court_name),
            ("移交时间", f"{cn_date(self.handed_at.date())} {self.handed_at:%H:%M}"),
            ("来访登记号", self.visit_code),
            ("来访人（当事人）", self.party),
            ("对方当事人", self.other_party),
            ("事项简要", self.claim),
            *explained,
            ("移交人", self.officer),
        ]


@dataclass(frozen=True)
class MediationPaper:
    """A 民事调解书 (the court's, in a registered case) or a 调解协议书 (the parties' agreement,
    for an agreement performed at once or put to judicial confirmation)."""

    kind: MediationKind
    court_name: str
    tribunal: str
    case_number: str | None
    parties: Sequence[tuple[str, str]]
    opening: str
    claims: str
    facts: str
    terms: Sequence[str]
    fees: str
    mediator: str
    clerk: str
    agreed_on: dt.date

    @property
    def title(self) -> str:
        return MEDIATION_TITLES[self.kind]


@dataclass(frozen=True)
class CoverSheet:
    """The case file's cover: who, what, when, how it ended."""

    court_name: str
    tribunal: str
    label: str
    barcode: str
    rows: Sequence[tuple[str, str]]


# ---------------------------------------------------------------------------------------------
# Wording from the records


def numeral_date(day: dt.date) -> str:
    """A date as a court's judgment writes it under the judge's name: 二〇二六年三月二日."""
    digits = "〇一二三四五六七八九"

    def small(number: int) -> str:
        tens, ones = divmod(number, 10)
        if not tens:
            return digits[ones]
        return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")

    year = "".join(digits[int(d)] for d in str(day.year))
    return f"{year}年{small(day.month)}月{small(day.day)}日"


def handoff_slip_for(
    handoff: CourtHandoff, hall_name: str, court_name: str, laws: str = ""
) -> HandoffSlip:
    return HandoffSlip(
        hall_name=hall_name,
        court_name=court_name,
        number=handoff.number,
        barcode=handoff.barcode,
        handed_at=handoff.handed_at,
        window_name=handoff.window.name,
        visit_code=handoff.visit.code,
        party=handoff.party,
        other_party=handoff.other_party,
        claim=handoff.claim,
        officer=handoff.officer.name,
        laws=laws,
    )


def _plaintiff_line(case: CourtCase) -> str:
    parts = [
        case.plaintiff_name,
        case.plaintiff_gender,
        f"{case.plaintiff_age}岁" if case.plaintiff_age is not None else "",
        case.plaintiff_ethnicity,
        case.plaintiff_occupation,
        f"工作单位：{case.plaintiff_employer}" if case.plaintiff_employer not in ("", "无") else "",
        f"住{case.plaintiff_address}" if case.plaintiff_address else "",
        f"联系方式：{case.plaintiff_contact}" if case.plaintiff_contact else "",
    ]
    return "，".join(p for p in parts if p) + "。"


def _defendant_line(case: CourtCase) -> str:
    if case.defendant_kind != PERSON:
        where = f"住所地{case.defendant_address}" if case.defendant_address else ""
        return "，".join(p for p in (case.defendant_name, where) if p) + "。"
    parts = [
        case.defendant_name,
        case.defendant_gender,
        f"工作单位：{case.defendant_employer}" if case.defendant_employer else "",
        f"住{case.defendant_address}" if case.defendant_address else "",
    ]
    return "，".join(p for p in parts if p) + "。"


def _agreed_mediator(case: CourtCase) -> str:
    agreed = [m for m in case.mediations if m.result == AGREED]
    return agreed[-1].mediator if agreed else ""


def mediation_for(case: CourtCase, court_name: str, tribunal: str, clerk: str) -> MediationPaper:
    """The mediation paper of a case closed by mediation or judicial confirmation."""
    if (
        case.outcome not in (CourtOutcome.MEDIATED, CourtOutcome.CONFIRMED)
        or not case.agreement_terms
    ):
        raise ValueError("本案没有调解协议，不能出具调解书或调解协议书。")
    assert case.agreement_on is not None
    kind: MediationKind = "document" if case.mediation_form == BY_DOCUMENT else "agreement"
    registered = case.number is not None
    plaintiff = case.plaintiff_name if registered else case.handoff.party
    defendant = case.defendant_name if registered else case.handoff.other_party
    if kind == "document":
        parties = [("原告", _plaintiff_line(case)), ("被告", _defendant_line(case))]
        track = TRACK_NAMES[case.track] if case.track else ""
        assert case.registered_on is not None
        opening = (
            f"原告{plaintiff}与被告{defendant}纠纷一案，本院于{cn_date(case.registered_on)}"
            f"立案后，依法适用{track}进行审理。"
        )
    else:
        parties = [
            ("甲方", _plaintiff_line(case) if registered else plaintiff),
            ("乙方", _defendant_line(case) if registered else defendant),
        ]
        opening = f"甲方{plaintiff}与乙方{defendant}因纠纷一事，经{tribunal}主持调解，"
        opening += "双方在自愿、合法的基础上达成协议。"
    return MediationPaper(
        kind=kind,
        court_name=court_name,
        tribunal=tribunal,
        case_number=case.number,
        parties=parties,
        opening=opening,
        claims=case.claims or case.handoff.claim,
        facts=case.facts_reasons,
        terms=[line.strip() for line in case.agreement_terms.splitlines() if line.strip()],
        fees=FEE_NAMES[case.fees],
        mediator=_agreed_mediator(case),
        clerk=clerk,
        agreed_on=case.agreement_on,
    )


def cover_for(case: CourtCase, court_name: str, tribunal: str, clerk: str) -> CoverSheet:
    handoff = case.handoff
    registered = case.number is not None
    case_type = case.case_type.name if case.case_type else "—"
    if case.type_code:
        case_type = f"{case_type}（{case.type_code}）"
    mediations = "\n".join(
        f"{cn_date(m.held_on)}（{STAGE_NAMES[m.stage]}）{m.mediator}：{MEDIATION_RESULT_NAMES[m.result]}"
        for m in case.mediations
    )
    outcome = "—"
    if case.outcome:
        outcome = OUTCOME_NAMES[case.outcome]
        if case.mediation_form:
            outcome += f"（{MEDIATION_FORM_NAMES[case.mediation_form]}）"
    enforcement = "—"
    if case.enforcement_applied_on is not None:
        enforcement = f"{cn_date(case.enforcement_applied_on)} {case.enforcement_applicant}申请执行"
    rows = [
        ("案件类型", case_type),
        ("原告", case.plaintiff_name if registered else handoff.party),
        ("被告", case.defendant_name if registered else handoff.other_party),
        ("诉讼请求", case.claims or handoff.claim),
        ("审理程序", TRACK_NAMES[case.track] if case.track else "—"),
        (
            "移交单",
            f"{handoff.number}（{handoff.window.name}窗口 {HANDOFF_STATE_NAMES[handoff.state]}）",
        ),
        ("收案日期", cn_date(case.opened_at.date())),
        ("立案日期", cn_date(case.registered_on) if case.registered_on else "—"),
        ("审限届满", cn_date(case.due_on) if case.due_on else "—"),
        ("所处阶段", STAGE_NAMES[case.stage]),
        ("调解情况", mediations or "—"),
        ("结案方式", outcome),
        ("结案日期", cn_date(case.closed_on) if case.closed_on else "—"),
        ("诉讼费用", FEE_NAMES[case.fees]),
        ("执行情况", enforcement),
        ("书记员", clerk or "—"),
    ]
    return CoverSheet(
        court_name=court_name,
        tribunal=tribunal,
        label=case.number or handoff.number,
        barcode=handoff.barcode,
        rows=rows,
    )


# ---------------------------------------------------------------------------------------------
# Layout


def _style(font: str, size: float, leading: float, **extra: object) -> ParagraphStyle:
    return ParagraphStyle(
        "court",
        fontName=font,
        fontSize=size,
        leading=leading,
        wordWrap="CJK",
        **extra,
    )


def _table(rows: Sequence[tuple[str, str]], font: str, size: float) -> Table:
    label = _style(font, size, size * 1.4)
    value = _style(font, size, size * 1.4)
    cells = [
        [Paragraph(escape(name), label), broken_paragraph(text or "—", value, VALUE_WIDTH)]
        for name, text in rows
    ]
    table = Table(cells, colWidths=[LABEL_WIDTH + 2 * CELL_PADDING, VALUE_WIDTH + 2 * CELL_PADDING])
    table.setStyle(
        TableStyle(
            [
                # The cells are paragraphs in the CJK font, but a table still names its own
                # cell font on the page unless told.
                ("FONT", (0, 0), (-1, -1), font, size),
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#F2F2F2")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def _pair(left: str, right: str, style: ParagraphStyle) -> Table:
    """Two items side by side on one line (reportlab would collapse the spaces between them)."""
    table = Table(
        [[Paragraph(escape(left), style), Paragraph(escape(right), style)]],
        colWidths=[TEXT_WIDTH * 0.55, TEXT_WIDTH * 0.45],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), style.fontName, style.fontSize),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


class _Barcode(Flowable):  # type: ignore[misc]  # reportlab ships no types
    """A Code128 symbol with its text underneath at the right of the line, and the paper's
    number at the left."""

    def __init__(self, code: str, number: str, font: str, size: float) -> None:
        super().__init__()
        self.drawing = fit_code128(code, BAR_MODULE, BAR_WIDTH)
        self.number = number
        self.font = font
        self.size = size
        self.width = TEXT_WIDTH
        self.height = BAR_HEIGHT + 4 * mm

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas: Canvas = self.canv
        left = self.width - self.drawing.width
        self.drawing.draw(canvas, left, 4 * mm, BAR_HEIGHT)
        canvas.setFont(self.font, 8)
        canvas.drawCentredString(left + self.drawing.width / 2, 0.8 * mm, self.drawing.code)
        canvas.setFont(self.font, self.size)
        canvas.drawString(0, 4 * mm, self.number)


class _CutLine(Flowable):  # type: ignore[misc]
    """The dashed line the two copies of a slip are torn along."""

    def __init__(self, font: str) -> None:
        super().__init__()
        self.font = font
        self.width = TEXT_WIDTH
        self.height = 10 * mm

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas: Canvas = self.canv
        canvas.saveState()
        canvas.setDash(3, 3)
        canvas.setLineWidth(0.6)
        canvas.line(0, self.height / 2, self.width, self.height / 2)
        canvas.setFont(self.font, 8)
        canvas.setFillColor(colors.grey)
        canvas.drawCentredString(self.width / 2, self.height / 2 + 1.5 * mm, "（沿此线裁开）")
        canvas.restoreState()


def _build(
    title: str, author: str, story: list[Flowable], font: str, top: float = 16 * mm
) -> bytes:
    def page_number(canvas: Canvas, document: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(font, 9)
        canvas.setFillColor(colors.grey)
        canvas.drawCentredString(A4[0] / 2, 10 * mm, f"第 {document.page} 页")
        canvas.restoreState()

    return a4_pdf(
        story,
        font=font,
        margin=MARGIN,
        top=top,
        bottom=18 * mm,
        title=title,
        author=author,
        on_page=page_number,
    )


def render_handoff_slip(slip: HandoffSlip) -> bytes:
    """The slip in two copies on one A4 page, cut apart along a dashed line: the court keeps the
    first; the clerk signs the second and it goes back to the window."""
    font = cjk_font()
    hall = _style(font, 14, 18, alignment=TA_CENTER, textColor=RED)
    title = _style(font, 17, 22, alignment=TA_CENTER)
    copy_line = _style(font, 9, 12, alignment=TA_CENTER)
    sign = _style(font, 10.5, 17)
    small = _style(font, 9, 12, textColor=colors.grey)
    story: list[Flowable] = []
    for index, (copy, keeper) in enumerate(SLIP_COPIES):
        if index:
            story.append(_CutLine(font))
        story += [
            Paragraph(escape(slip.hall_name), hall),
            Paragraph(escape(SLIP_TITLE), title),
            Paragraph(escape(f"{copy}　{keeper}"), copy_line),
            _Barcode(slip.barcode, f"编号：{slip.number}", font, 11),
            Spacer(1, 1.5 * mm),
            _table(slip.rows, font, 10),
            Spacer(1, 2 * mm),
            _pair(f"移交人（签字）：{BLANK}", f"移交时间：{DATE_BLANK}", sign),
            _pair(f"接收书记员（签字）：{BLANK}", f"接收时间：{DATE_BLANK}", sign),
        ]
    story.append(Paragraph(escape(SLIP_NOTE), small))
    return _build(f"{SLIP_TITLE} {slip.number}", slip.hall_name, story, font, top=10 * mm)


def render_mediation(paper: MediationPaper) -> bytes:
    font = cjk_font()
    court = _style(font, 16, 22, alignment=TA_CENTER)
    title = _style(font, 22, 32, alignment=TA_CENTER, spaceAfter=4)
    number = _style(font, 12, 18, alignment=TA_RIGHT, spaceAfter=10)
    body = _style(font, 13, 23, firstLineIndent=26)
    flush = _style(font, 13, 23)
    sign = _style(font, 13, 23, alignment=TA_RIGHT)
    issuer = paper.court_name if paper.kind == "document" else paper.court_name + paper.tribunal
    story: list[Flowable] = [
        Paragraph(escape(issuer), court),
        Paragraph(escape(paper.title), title),
    ]
    if paper.case_number:
        story.append(Paragraph(escape(paper.case_number), number))
    else:
        story.append(Spacer(1, 8))
    story += [
        broken_paragraph(f"{role}：{line}", flush, TEXT_WIDTH) for role, line in paper.parties
    ]
    claims = "诉讼请求" if paper.kind == "document" else "纠纷事项"
    story += [
        Spacer(1, 4),
        broken_paragraph(paper.opening, body, TEXT_WIDTH),
        broken_paragraph(f"{claims}：{paper.claims}", body, TEXT_WIDTH),
    ]
    if paper.facts:
        story.append(broken_paragraph(f"事实与理由：{paper.facts}", body, TEXT_WIDTH))
    if paper.kind == "document":
        story.append(
            broken_paragraph(
                "本案审理过程中，经本院主持调解，双方当事人自愿达成如下协议：", body, TEXT_WIDTH
            )
        )
    else:
        story.append(broken_paragraph("双方自愿达成如下协议：", body, TEXT_WIDTH))
    story += [
        broken_paragraph(f"{n}．{term}", body, TEXT_WIDTH)
        for n, term in enumerate(paper.terms, start=1)
    ]
    if paper.kind == "document":
        story.append(broken_paragraph(f"本案{paper.fees}。", body, TEXT_WIDTH))
    else:
        story.append(broken_paragraph(AGREEMENT_FREE, body, TEXT_WIDTH))
    if paper.kind == "document":
        story += [
            broken_paragraph("上述协议，不违反法律规定，本院予以确认。", body, TEXT_WIDTH),
            broken_paragraph("本调解书经双方当事人签收后，即具有法律效力。", body, TEXT_WIDTH),
            Spacer(1, 16),
            Paragraph(escape(f"审判员　{paper.mediator}"), sign),
            Paragraph(escape(numeral_date(paper.agreed_on)), sign),
            Paragraph(escape(f"（{paper.court_name}印）"), sign),
            Paragraph(escape(f"书记员　{paper.clerk}"), sign),
        ]
    else:
        story += [
            broken_paragraph(
                "本协议自双方当事人签字之日起生效。双方当事人可以自本协议生效之日起三十日内，"
                "共同向人民法院申请司法确认。",
                body,
                TEXT_WIDTH,
            ),
            Spacer(1, 16),
            _pair(f"甲方（签字）：{BLANK}", f"乙方（签字）：{BLANK}", flush),
            Spacer(1, 6),
            _pair(f"调解人：{paper.mediator}", f"记录人：{paper.clerk}", flush),
            Spacer(1, 6),
            Paragraph(escape(f"{paper.tribunal}"), sign),
            Paragraph(escape(cn_date(paper.agreed_on)), sign),
        ]
    label = paper.case_number or paper.title
    return _build(f"{paper.title} {label}", paper.court_name, story, font)


def render_cover_sheet(cover: CoverSheet) -> bytes:
    font = cjk_font()
    story: list[Flowable] = [
        Spacer(1, 10 * mm),
        Paragraph(escape(cover.court_name), _style(font, 20, 28, alignment=TA_CENTER)),
        Paragraph(escape(cover.tribunal), _style(font, 14, 22, alignment=TA_CENTER)),
        Spacer(1, 6 * mm),
        Paragraph(escape(COVER_TITLE), _style(font, 26, 38, alignment=TA_CENTER)),
        Spacer(1, 6 * mm),
        _Barcode(cover.barcode, f"案号：{cover.label}", font, 14),
        Spacer(1, 3 * mm),
        _table(cover.rows, font, 11.5),
        Spacer(1, 8 * mm),
        Paragraph(
            escape("本卷宗仅供巡回法庭书记员、承办法官和管理员查阅。"),
            _style(font, 9.5, 13, textColor=colors.grey),
        ),
    ]
    return _build(f"{COVER_TITLE} {cover.label}", cover.court_name, story, font)
