"""The papers of the hall's mechanisms: the meeting's 交办单 for an entry of the dispute
register, a hearing's notice and record, and the 群众工作日 summary for the next day's
leaders' meeting.

Each is a :class:`printing.notices.Notice` with its own heading, so it carries the hall's red
header, its number and Code128 barcode, and the seal line exactly as the case papers do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from printing import notices


@dataclass(frozen=True)
class Paper(notices.Notice):
    heading: str = ""

    @property
    def title(self) -> str:
        return self.heading


@dataclass(frozen=True)
class DisputeSlip:
    """What a 交办单 says, as plain data."""

    hall_name: str
    assignment_number: str
    dispute_number: str
    unit: str
    leader: str
    keeper: str
    parties: str
    place: str
    category: str
    risk: str
    people: int
    summary: str
    due_on: dt.date
    issued_on: dt.date
    # The leader's 批示 when leader reception assigned it; "" when the weekly meeting did.
    instruction: str = ""


def dispute_slip(slip: DisputeSlip) -> bytes:
    decided = f"根据{slip.leader}同志批示" if slip.instruction else "经群众工作领导小组周例会研究"
    instructed = [("领导批示", slip.instruction)] if slip.instruction else []
    paper = Paper(
        kind="dispute_assignment",
        heading="矛盾纠纷化解交办单",
        hall_name=slip.hall_name,
        number=slip.assignment_number,
        barcode=slip.dispute_number.replace("纠〔", "J").replace("〕", "-").rstrip("号"),
        addressee=slip.unit or slip.leader,
        paragraphs=[
            f"{decided}，现将下列矛盾纠纷交由你单位牵头化解，"
            f"由{slip.leader}同志包案。请落实稳控责任，于{notices.cn_date(slip.due_on)}前化解"
            "并书面报告化解结果；不能按期化解的，请说明原因和下一步措施。",
        ],
        issued_on=slip.issued_on,
        facts=[
            ("纠纷编号", slip.dispute_number),
            ("当事人", slip.parties),
            ("发生地", slip.place),
            ("类别", slip.category or "—"),
            ("风险等级", slip.risk),
            ("涉及人数", f"{slip.people} 人"),
            ("基本情况", slip.summary),
            ("包案领导", slip.leader),
            *instructed,
            ("稳控责任人", slip.keeper),
            ("化解期限", notices.cn_date(slip.due_on)),
        ],
        footer="本交办单一式两份，一份交责任单位，一份存群众工作部备查。",
    )
    return notices.render(paper)


@dataclass(frozen=True)
class HearingPaper:
    hall_name: str
    number: str
    barcode: str
    subject: str
    case_number: str
    held_on: dt.date
    place: str
    chair: str
    members: str
    parties: str
    record: str
    outcome: str
    issued_on: dt.date


def hearing_notice(hearing: HearingPaper) -> bytes:
    paper = Paper(
        kind="hearing_notice",
        heading="听证通知书",
        hall_name=hearing.hall_name,
        number=hearing.number,
        barcode=hearing.barcode,
        addressee=hearing.parties or "各参加人",
        paragraphs=[
            f"定于{notices.cn_date(hearing.held_on)}在{hearing.place}就“{hearing.subject}”举行听证，"
            f"由{hearing.chair}主持。请准时参加，并携带身份证件及有关证据材料。"
            "无正当理由不参加的，不影响听证进行。",
            "听证所需时间不计算在信访事项办理期限内。",
        ],
        issued_on=hearing.issued_on,
        facts=[
            ("听证事项", hearing.subject),
            ("信访事项", hearing.case_number or "—"),
            ("听证员", hearing.members or "—"),
        ],
    )
    return notices.render(paper)


def hearing_record(hearing: HearingPaper) -> bytes:
    paper = Paper(
        kind="hearing_record",
        heading="听证笔录",
        hall_name=hearing.hall_name,
        number=hearing.number,
        barcode=hearing.barcode,
        addressee=f"听证事项：{hearing.subject}",
        paragraphs=[hearing.record or "（未记录）"],
        issued_on=hearing.issued_on,
        facts=[
            ("时间", notices.cn_date(hearing.held_on)),
            ("地点", hearing.place),
            ("主持人", hearing.chair),
            ("听证员", hearing.members or "—"),
            ("当事人", hearing.parties or "—"),
            ("信访事项", hearing.case_number or "—"),
            ("听证结论", hearing.outcome or "待定"),
        ],
    )
    return notices.render(paper)


@dataclass(frozen=True)
class WorkdaySummary:
    hall_name: str
    workday: dt.date
    issued_on: dt.date
    # (township, [(category, count)]) in the order to print
    townships: Sequence[tuple[str, Sequence[tuple[str, int]]]]
    totals: Sequence[tuple[str, int]]


def workday_summary(summary: WorkdaySummary) -> bytes:
    def counts(items: Sequence[tuple[str, int]]) -> str:
        return "；".join(f"{name} {count} 件" for name, count in items) or "无"

    stamp = summary.workday.strftime("%Y%m%d")
    paper = Paper(
        kind="workday_summary",
        heading="群众工作日情况汇总",
        hall_name=summary.hall_name,
        number=f"群众工作日 {notices.cn_date(summary.workday)}",
        barcode=f"GZR{stamp}",
        addressee="领导小组各位领导",
        paragraphs=[
            f"{notices.cn_date(summary.workday)}群众工作日，各乡镇（街道）共收集：{counts(summary.totals)}。"
            "分乡镇情况如下，请在例会上研究交办。"
        ],
        issued_on=summary.issued_on,
        facts=[(township, counts(items)) for township, items in summary.townships],
    )
    return notices.render(paper)
