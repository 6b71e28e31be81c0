"""The A4 documents of a formal case: the notices to the petitioner (受理告知书, 不予受理告知书,
延期告知书), the three levels of opinion (信访处理意见书, 复查意见书, 复核意见书), and the slips
to a responsible unit (交办单, 督办单).

Two steps. :func:`notice_for` words a document from the case as stored (it is the one place
that knows what each document says); :func:`render` lays any :class:`Notice` out on A4 — the
hall's red header, the number and its Code128 barcode, the text, the seal line and date — and
returns the PDF. ``render`` takes plain data only, so a document can be drawn and tested
without a database.

Whistleblower rule: the slips go to the unit a case was assigned to, which the rules
(``hall.cases``) never let be the unit an accusation accuses; an accusation's slip carries the
confidentiality warning.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from db.case_models import (
    ACCEPTANCE,
    ASSIGNMENT,
    DOCUMENT_NAMES,
    EXTENSION,
    ORDER_LEVEL_NAMES,
    OUTCOME_NAMES,
    REJECTION,
    REPLY,
    REREVIEW_OPINION,
    REVIEW_OPINION,
    SOURCE_NAMES,
    SUPERVISION,
    PetitionCase,
    SupervisionOrder,
)
from db.states import CaseDecision, CaseState
from printing.barcodes import fit_code128
from printing.fonts import cjk_font
from printing.typesetting import a4_pdf, broken_paragraph

RED = colors.HexColor("#C00000")
MARGIN = 25 * mm
HEADER_HEIGHT = 52 * mm
BAR_MODULE = 0.33 * mm
BAR_HEIGHT = 11 * mm
BAR_WIDTH = 62 * mm
# SimpleDocTemplate's frame keeps 6 points clear on each side of the text.
FRAME_PADDING = 6
TEXT_WIDTH = A4[0] - 2 * MARGIN - 2 * FRAME_PADDING
CELL_PADDING = 6
LABEL_WIDTH = 26 * mm
VALUE_WIDTH = TEXT_WIDTH - LABEL_WIDTH - 4 * CELL_PADDING
SUMMARY_SHORT = 60
CONFIDENTIAL_WARNING = (
    "本件为检举控告件，请严格保密：不得将检举控告材料及有关情况透露或者转送给被检举控告的"
    "人员和单位，不得泄露检举控告人的姓名、住址等个人信息。"
)
TITLES = {
    ACCEPTANCE: "信访事项受理告知书",
    REJECTION: "信访事项不予受理告知书",
    EXTENSION: "信访事项延期办理告知书",
    REPLY: "信访事项处理意见书",
    REVIEW_OPINION: "信访事项复查意见书",
    REREVIEW_OPINION: "信访事项复核意见书",
    ASSIGNMENT: "信访事项交办单",
    SUPERVISION: "信访事项督办单",
}


def cn_date(day: dt.date) -> str:
    """Dates as Chinese official documents write them: 2026年3月2日."""
    return f"{day.year}年{day.month}月{day.day}日"


@dataclass(frozen=True)
class Notice:
    """A document as plain data: everything :func:`render` prints, already worded."""

    kind: str
    hall_name: str
    number: str
    barcode: str
    addressee: str
    paragraphs: Sequence[str]
    issued_on: dt.date
    facts: Sequence[tuple[str, str]] = field(default_factory=tuple)
    warning: str = ""
    footer: str = ""

    @property
    def title(self) -> str:
        return TITLES[self.kind]


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SUMMARY_SHORT else text[: SUMMARY_SHORT - 1] + "…"


def _you(case: PetitionCase) -> str:
    return "你们" if case.visit is not None and case.visit.group_size > 1 else "你"


def _opening(case: PetitionCase) -> str:
    how = SOURCE_NAMES[case.source]
    return (
        f"{_you(case)}于{cn_date(case.received_on)}以{how}形式反映的“{_short(case.summary)}”"
        f"信访事项（编号{case.number}）"
    )


def _address(case: PetitionCase) -> str:
    visitor = case.visitor
    return "".join(p for p in (visitor.township, visitor.village, visitor.address) if p) or "—"


def _petitioner_facts(case: PetitionCase) -> list[tuple[str, str]]:
    return [
        ("信访事项编号", case.number),
        ("信访人", case.visitor.name),
        ("收到日期", cn_date(case.received_on)),
    ]


def _acceptance(case: PetitionCase) -> tuple[list[str], list[tuple[str, str]]]:
    assert case.decided_on is not None and case.handle_due is not None
    text = [
        f"{_opening(case)}，本机关已收悉。经审查，该事项符合《信访工作条例》规定的受理条件，"
        f"本机关于{cn_date(case.decided_on)}决定予以受理。"
    ]
    facts = [*_petitioner_facts(case), ("受理日期", cn_date(case.decided_on))]
    if case.decision == CaseDecision.ASSIGNED:
        assert case.unit is not None and case.assigned_due is not None
        text.append(
            f"该事项已交由{case.unit.name}办理，办理期限至{cn_date(case.assigned_due)}，"
            f"办理结果将以书面形式答复{_you(case)}。"
        )
        facts += [("承办单位", case.unit.name), ("办理期限", cn_date(case.assigned_due))]
    else:
        text.append(
            f"本机关将自受理之日起 60 日内办结（至{cn_date(case.handle_due)}），"
            f"并向{_you(case)}出具书面处理意见。"
        )
        facts.append(("办理期限", cn_date(case.handle_due)))
    text.append("请依法、有序、理性反映诉求。如有新的情况或材料，可与本机关联系。")
    return text, facts


def _rejection(case: PetitionCase) -> tuple[list[str], list[tuple[str, str]]]:
    assert case.decided_on is not None
    if case.decision == CaseState.SEPARATED:
        why = "该事项属于涉法涉诉事项，应当通过诉讼途径依法解决，不属于信访事项受理范围"
    else:
        why = case.decision_note.rstrip("。")
    text = [
        f"{_opening(case)}，本机关已收悉。经审查，{why}。",
        f"根据《信访工作条例》的规定，本机关于{cn_date(case.decided_on)}决定不予受理。"
        f"{_you(case)}可以依法{case.legal_channel}。",
        "特此告知。",
    ]
    facts = [
        *_petitioner_facts(case),
        ("决定日期", cn_date(case.decided_on)),
        ("法定途径", case.legal_channel),
    ]
    return text, facts


def _extension(case: PetitionCase) -> tuple[list[str], list[tuple[str, str]]]:
    assert case.decided_on is not None and case.handle_due is not None
    reason = case.extension_reason.rstrip("。")
    text = [
        f"{_opening(case)}，本机关已于{cn_date(case.decided_on)}受理。",
        f"因{reason}，该事项不能在 60 日内办结。经批准，办理期限延长 {case.extension_days} 日，"
        f"延长后的办理期限至{cn_date(case.handle_due)}。办理结果将以书面形式答复{_you(case)}。",
        "特此告知。",
    ]
    facts = [
        *_petitioner_facts(case),
        ("受理日期", cn_date(case.decided_on)),
        ("延长日数", f"{case.extension_days} 日"),
        ("延长后期限", cn_date(case.handle_due)),
    ]
    return text, facts


def _opinion(
    case: PetitionCase,
    level: str,
    outcome: str | None,
    body: str,
    decided_on: dt.date | None,
) -> tuple[list[str], list[tuple[str, str]]]:
    assert outcome is not None and decided_on is not None
    you = _you(case)
    if level == REPLY:
        assert case.decided_on is not None
        lead = (
            f"{_opening(case)}，本机关已于{cn_date(case.decided_on)}受理。"
            "经调查核实，现提出处理意见如下："
        )
        after = (
            f"{you}如对本处理意见不服，可以自收到本意见书之日起 30 日内，"
            "向本机关的上一级机关请求复查。"
        )
    elif level == REVIEW_OPINION:
        assert case.replied_on is not None and case.review_requested_on is not None
        lead = (
            f"{you}对{cn_date(case.replied_on)}出具的信访事项处理意见（编号{case.number}）不服，"
            f"于{cn_date(case.review_requested_on)}请求复查。经复查，现提出复查意见如下："
        )
        after = (
            f"{you}如对本复查意见不服，可以自收到本意见书之日起 30 日内，"
            "向复查机关的上一级机关请求复核。"
        )
    else:
        assert case.reviewed_on is not None and case.rereview_requested_on is not None
        lead = (
            f"{you}对{cn_date(case.reviewed_on)}作出的复查意见（编号{case.number}）不服，"
            f"于{cn_date(case.rereview_requested_on)}请求复核。经复核，现提出复核意见如下："
        )
        after = (
            "本复核意见为该信访事项的最终意见。依照《信访工作条例》，信访人对复核意见不服，"
            "仍然以同一事实和理由提出投诉请求的，各级机关不再受理。"
        )
    text = [lead, *body.splitlines(), f"处理结果：{OUTCOME_NAMES[outcome]}。", after]
    facts = [
        *_petitioner_facts(case),
        ("处理结果", OUTCOME_NAMES[outcome]),
        ("出具日期", cn_date(decided_on)),
    ]
    return text, facts


def _assignment(case: PetitionCase, hall_name: str) -> tuple[list[str], list[tuple[str, str]]]:
    assert case.decided_on is not None and case.assigned_due is not None
    visitor = case.visitor
    text = [
        f"现将{visitor.name}反映的信访事项交你单位办理。请依照《信访工作条例》的规定，"
        f"认真调查核实，依法处理，于{cn_date(case.assigned_due)}前办结，"
        f"并将办结报告（含处理意见及答复信访人的情况）报送{hall_name}。",
        "逾期未办结或未报送办结报告的，将予以督办。",
    ]
    facts = [
        ("信访事项编号", case.number),
        ("信访人", visitor.name),
        ("联系电话", visitor.phone or "—"),
        ("住址", _address(case)),
        ("信访形式", SOURCE_NAMES[case.source]),
        ("收到日期", cn_date(case.received_on)),
        ("反映内容", case.summary),
    ]
    if case.request:
        facts.append(("诉求", case.request))
    facts += [("交办日期", cn_date(case.decided_on)), ("办结期限", cn_date(case.assigned_due))]
    if case.decision_note:
        facts.append(("交办意见", case.decision_note))
    return text, facts


def _supervision(
    case: PetitionCase, order: SupervisionOrder, hall_name: str
) -> tuple[list[str], list[tuple[str, str]]]:
    reason = order.reason.rstrip("。")
    text = [
        f"信访事项{case.number}（{_short(case.summary)}）{reason}。",
        f"请你单位高度重视，抓紧办理，于{cn_date(order.reply_due)}前将办理情况书面回复"
        f"{hall_name}。逾期未回复的，将升级督办。",
    ]
    facts = [
        ("督办单编号", order.number),
        ("督办级别", ORDER_LEVEL_NAMES[order.level]),
        ("信访事项编号", case.number),
        ("收到日期", cn_date(case.received_on)),
        ("督办日期", cn_date(order.issued_on)),
        ("回复期限", cn_date(order.reply_due)),
    ]
    if case.assigned_due is not None:
        facts.insert(4, ("原办结期限", cn_date(case.assigned_due)))
    return text, facts


def notice_for(
    kind: str,
    case: PetitionCase,
    hall_name: str,
    issued_on: dt.date,
    order: SupervisionOrder | None = None,
) -> Notice:
    """Word document ``kind`` from the case as stored (the caller checks it may be issued:
    ``hall.cases.document_refusal``)."""
    if kind not in DOCUMENT_NAMES:
        raise ValueError(f"没有“{kind}”这种文书。")
    barcode = case.barcode
    number = case.number
    addressee = case.visitor.name
    warning = ""
    footer = f"本{DOCUMENT_NAMES[kind][-3:]}一式两份，一份送达信访人，一份存档。"
    if kind == ACCEPTANCE:
        text, facts = _acceptance(case)
    elif kind == REJECTION:
        text, facts = _rejection(case)
    elif kind == EXTENSION:
        text, facts = _extension(case)
    elif kind == REPLY:
        text, facts = _opinion(case, REPLY, case.outcome, case.reply_text, case.replied_on)
    elif kind == REVIEW_OPINION:
        text, facts = _opinion(
            case, REVIEW_OPINION, case.review_outcome, case.review_text, case.reviewed_on
        )
    elif kind == REREVIEW_OPINION:
        text, facts = _opinion(
            case, REREVIEW_OPINION, case.rereview_outcome, case.rereview_text, case.rereviewed_on
        )
    elif kind == ASSIGNMENT:
        assert case.unit is not None
        addressee = case.unit.name
        text, facts = _assignment(case, hall_name)
        footer = "本交办单一式两份，一份送承办单位，一份存档。"
    else:
        if order is None:
            raise ValueError("督办单要有对应的督办记录。")
        addressee = order.unit.name
        number = order.number
        barcode = order.barcode
        text, facts = _supervision(case, order, hall_name)
        footer = "本督办单一式两份，一份送承办单位，一份存档。"
    if kind in (ASSIGNMENT, SUPERVISION) and case.purpose == "report":
        warning = CONFIDENTIAL_WARNING
    return Notice(
        kind=kind,
        hall_name=hall_name,
        number=number,
        barcode=barcode,
        addressee=addressee,
        paragraphs=tuple(p for p in text if p.strip()),
        issued_on=issued_on,
        facts=tuple(facts),
        warning=warning,
        footer=footer,
    )


# ---------------------------------------------------------------------------------------------
# Layout


@dataclass(frozen=True)
class _Styles:
    title: ParagraphStyle
    addressee: ParagraphStyle
    body: ParagraphStyle
    label: ParagraphStyle
    value: ParagraphStyle
    warning: ParagraphStyle
    sign: ParagraphStyle
    footer: ParagraphStyle


def _styles(font: str) -> _Styles:
    # Lines are broken by broken_paragraph; CJK wrapping only keeps reportlab from treating a
    # Chinese line as one unbreakable word.
    body = ParagraphStyle(
        "body", fontName=font, fontSize=14, leading=25, firstLineIndent=28, wordWrap="CJK"
    )
    return _Styles(
        title=ParagraphStyle(
            "title", fontName=font, fontSize=21, leading=30, alignment=TA_CENTER, spaceAfter=14
        ),
        addressee=ParagraphStyle("addressee", parent=body, firstLineIndent=0),
        body=body,
        label=ParagraphStyle("label", parent=body, fontSize=11, leading=15, firstLineIndent=0),
        value=ParagraphStyle("value", parent=body, fontSize=11, leading=15, firstLineIndent=0),
        warning=ParagraphStyle(
            "warning",
            parent=body,
            fontSize=11,
            leading=16,
            firstLineIndent=0,
            textColor=RED,
            spaceBefore=8,
        ),
        sign=ParagraphStyle("sign", fontName=font, fontSize=14, leading=25, alignment=TA_RIGHT),
        footer=ParagraphStyle(
            "footer",
            parent=body,
            fontSize=9.5,
            leading=13,
            firstLineIndent=0,
            textColor=colors.grey,
        ),
    )


def _header(notice: Notice, font: str) -> Callable[[Canvas, SimpleDocTemplate], None]:
    """Draws the hall's red header, the number and the barcode on every page."""

    def draw(canvas: Canvas, document: SimpleDocTemplate) -> None:
        width, height = A4
        top = height - 15 * mm
        canvas.saveState()
        canvas.setFillColor(RED)
        canvas.setFont(font, 24)
        canvas.drawCentredString(width / 2, top - 9 * mm, notice.hall_name)
        canvas.setStrokeColor(RED)
        canvas.setLineWidth(1.6)
        rule = top - 14 * mm
        canvas.line(MARGIN, rule, width - MARGIN, rule)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, rule - 1.2 * mm, width - MARGIN, rule - 1.2 * mm)
        canvas.setFillColor(colors.black)
        canvas.setFont(font, 11)
        canvas.drawString(MARGIN, rule - 9 * mm, f"编号：{notice.number}")
        bars = fit_code128(notice.barcode, BAR_MODULE, BAR_WIDTH)
        bars_left = width - MARGIN - bars.width
        bars_bottom = rule - 4 * mm - BAR_HEIGHT
        bars.draw(canvas, bars_left, bars_bottom, BAR_HEIGHT)
        canvas.setFont(font, 8)
        canvas.drawCentredString(bars_left + bars.width / 2, bars_bottom - 3.5 * mm, notice.barcode)
        canvas.setFont(font, 9)
        canvas.setFillColor(colors.grey)
        canvas.drawCentredString(width / 2, 12 * mm, f"第 {document.page} 页")
        canvas.restoreState()

    return draw


def render(notice: Notice) -> bytes:
    """The document as an A4 PDF with the CJK font embedded; byte-for-byte the same each time
    for the same notice, so a reprint is the same paper."""
    font = cjk_font()
    styles = _styles(font)
    story: list[object] = [
        Paragraph(escape(notice.title), styles.title),
        broken_paragraph(f"{notice.addressee}：", styles.addressee, TEXT_WIDTH),
    ]
    story += [broken_paragraph(p, styles.body, TEXT_WIDTH) for p in notice.paragraphs]
    if notice.facts:
        rows = [
            [
                Paragraph(escape(label), styles.label),
                broken_paragraph(value, styles.value, VALUE_WIDTH),
            ]
            for label, value in notice.facts
        ]
        table = Table(
            rows, colWidths=[LABEL_WIDTH + 2 * CELL_PADDING, VALUE_WIDTH + 2 * CELL_PADDING]
        )
        table.setStyle(
            TableStyle(
                [
                    # The cells are paragraphs in the CJK font, but a table still names its
                    # own cell font on the page unless told.
                    ("FONT", (0, 0), (-1, -1), font, 11),
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                    ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#F2F2F2")),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                    ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        story += [Spacer(1, 8), table]
    if notice.warning:
        story.append(broken_paragraph(notice.warning, styles.warning, TEXT_WIDTH))
    story += [
        Spacer(1, 18),
        Paragraph(escape(f"{notice.hall_name}（印章）"), styles.sign),
        Paragraph(escape(cn_date(notice.issued_on)), styles.sign),
    ]
    if notice.footer:
        story += [Spacer(1, 14), broken_paragraph(notice.footer, styles.footer, TEXT_WIDTH)]
    return a4_pdf(
        story,
        font=font,
        margin=MARGIN,
        top=HEADER_HEIGHT,
        bottom=22 * mm,
        title=f"{notice.title} {notice.number}",
        author=notice.hall_name,
        on_page=_header(notice, font),
    )
