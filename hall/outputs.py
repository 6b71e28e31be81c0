"""What leaves the hall in a file or on paper, on the record (等保 2.0: every export and print is
audited). Each function here is the one ``hall`` call of a user's export or print: it makes the
workbook or the document and appends its event (a ``*.exported`` or ``*.printed`` kind, which
``db.events`` chains into the audit: who, workstation, what, outcome) in the caller's unit of
work, so a document made is a document recorded, and a refused one records nothing.

A paper printed on this workstation's printer is recorded when it is sent: the printer's own
fate (jammed, out of paper) is outside the database, and the clerk prints again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Protocol

from sqlalchemy.orm import Session

from db import events
from db.event_kinds import EventKind
from db.models import User
from db.window_models import BulletinIssue
from hall import clock, court_desk, ledgers, opinions
from hall.court_desk import Paper
from hall.figures import periods
from hall.figures.base import Scope
from hall.figures.printed import report_pdf as figures_pdf
from hall.figures.report import workbook as figures_workbook
from hall.figures.tabs import tab_workbook as figures_tab
from hall.mechanisms import disputes, hearings, meetings, workdays
from printing.spreadsheet import Sheet, write

# How a paper left: sent to a printer, or saved as a PDF file.
PRINTER = "print"
FILE = "file"
HOW_NAMES = {PRINTER: "打印", FILE: "保存为 PDF"}


def _log(
    session: Session,
    kind: EventKind,
    actor: User | None,
    entity: str,
    entity_id: int | None,
    detail: dict[str, object],
) -> None:
    events.append(
        session, kind, entity, entity_id, clock.now(), actor.id if actor else None, detail
    )


def workbook(session: Session, actor: User | None, what: str, sheets: Sequence[Sheet]) -> bytes:
    """A list exported as it is shown (导出 Excel): the workbook of ``sheets``, recorded with
    the list's name and how many rows went out."""
    content = write(sheets)
    rows = sum(len(sheet.rows) for sheet in sheets)
    _log(session, EventKind.LIST_EXPORTED, actor, "list", None, {"what": what, "rows": rows})
    return content


def ledger_problems(session: Session, actor: User | None, report: ledgers.ImportReport) -> bytes:
    """The problems of a refused import saved for whoever keeps the ledger: they quote the
    file's cells, so the export is recorded as a list's is."""
    content = ledgers.problems_workbook(report)
    detail = {"what": "台账问题清单", "rows": len(report.problems)}
    _log(session, EventKind.LIST_EXPORTED, actor, "list", None, detail)
    return content


def _figures_exported(
    session: Session, actor: User | None, kind: EventKind, what: str, first: dt.date, last: dt.date
) -> None:
    period = f"{first.isoformat()} 至 {last.isoformat()}"
    _log(session, kind, actor, "report", None, {"what": what, "period": period})


def report_workbook(
    session: Session,
    actor: User | None,
    start: dt.date,
    end: dt.date,
    window: str | None = None,
) -> bytes:
    """``hall-admin report --xlsx``: the figures' workbook."""
    content = figures_workbook(session, start, end, window)
    _figures_exported(session, actor, EventKind.REPORT_EXPORTED, "统计表", start, end)
    return content


def tab_workbook(
    session: Session, actor: User | None, tab: str, period: periods.Period, scope: Scope
) -> bytes:
    """One tab of 统计分析 exported."""
    content = figures_tab(session, tab, period, scope)
    _figures_exported(
        session, actor, EventKind.REPORT_EXPORTED, f"统计分析-{tab}", period.first, period.last
    )
    return content


def drill_workbook(session: Session, actor: User | None, what: str, sheet: Sheet) -> bytes:
    """The list behind a figure, exported from its dialog."""
    return workbook(session, actor, what, [sheet])


def report_pdf(
    session: Session,
    actor: User | None,
    start: dt.date,
    end: dt.date,
    how: str,
    window: str | None = None,
    *,
    scope: Scope | None = None,
) -> bytes:
    """The printed 统计月报 (or 年度报告) saved as a PDF (``how`` FILE) or drawn for a printer
    that then took it."""
    pdf = figures_pdf(session, start, end, window, scope=scope)
    report_printed(session, actor, start, end, how)
    return pdf


def report_printed(
    session: Session, actor: User | None, start: dt.date, end: dt.date, how: str = PRINTER
) -> None:
    """The figures' report of ``start`` to ``end`` put on paper (or into a PDF)."""
    period = f"{start.isoformat()} 至 {end.isoformat()}"
    _log(
        session,
        EventKind.REPORT_PRINTED,
        actor,
        "report",
        None,
        {"what": "统计报告", "period": period, "how": how},
    )


class ReceiptLike(Protocol):
    """What the audit needs of a receipt (printing.receipt.ReceiptData): its numbers."""

    @property
    def ticket_number(self) -> str: ...

    @property
    def visit_code(self) -> str: ...


def receipt_printed(session: Session, actor: User | None, receipt: ReceiptLike, how: str) -> None:
    """An intake receipt printed (on the desk's printer, the thermal printer, or into a PDF):
    the receipt itself carries no more than a masked name, so only its numbers are recorded."""
    _log(
        session,
        EventKind.RECEIPT_PRINTED,
        actor,
        "receipt",
        None,
        {"code": f"{receipt.ticket_number} {receipt.visit_code}".strip(), "how": how},
    )


def court_paper(session: Session, viewer: User, paper: Paper, code: str) -> bytes:
    """A court paper (移交单, 调解书, 卷宗封面) saved as a PDF, as the rules let ``viewer``
    have it (the caller writes the file in the same unit of work)."""
    pdf = court_desk.render_paper(session, viewer, paper, code)
    court_paper_printed(session, viewer, paper, code, FILE)
    return pdf


def court_paper_printed(
    session: Session, viewer: User, paper: Paper, code: str, how: str = PRINTER
) -> None:
    """A court paper the printer took (drawn by :func:`hall.court_desk.render_paper`): recorded
    once it is printed, so a printer that refused it leaves no entry."""
    _log(
        session,
        EventKind.COURT_PRINTED,
        viewer,
        "court_paper",
        None,
        {"code": code, "paper": paper.value, "how": how},
    )


def produce_bulletin(
    session: Session,
    draft: opinions.BulletinDraft,
    render: Callable[[int, str], bytes],
    actor: User | None,
) -> BulletinIssue:
    """《群众工作动态》 produced and saved as its PDF (:func:`hall.opinions.produce_for_hall`)."""
    issue = opinions.produce_for_hall(session, draft, render, actor)
    _bulletin_printed(session, actor, issue.id, issue.number, FILE)
    return issue


def bulletin_pdf(session: Session, actor: User | None, issue_id: int, how: str) -> bytes:
    """A copy of an issue of the bulletin, saved or printed again."""
    pdf = opinions.issue_pdf(session, issue_id)
    issue = session.get_one(BulletinIssue, issue_id)
    _bulletin_printed(session, actor, issue_id, issue.number, how)
    return pdf


def _bulletin_printed(
    session: Session, actor: User | None, issue_id: int, number: int, how: str
) -> None:
    _log(
        session,
        EventKind.BULLETIN_PRINTED,
        actor,
        "bulletin",
        issue_id,
        {"code": number, "how": how},
    )


def assignment_slips(
    session: Session, actor: User | None, dispute_ids: Sequence[int], how: str = FILE
) -> list[bytes]:
    """The 交办单 of each dispute assigned at a sitting, one recorded print each."""
    slips = []
    for dispute_id in dispute_ids:
        slips.append(meetings.assignment_slip(session, dispute_id))
        _paper(session, actor, "交办单", "dispute", dispute_id, how)
    return slips


def dispute_slip(session: Session, actor: User | None, number: str, how: str = FILE) -> bytes:
    """``hall-admin dispute slip``: one dispute's 交办单 by its number."""
    return assignment_slips(session, actor, [disputes.by_number(session, number).id], how)[0]


def hearing_paper(
    session: Session, actor: User | None, number: str, notice: bool, how: str = FILE
) -> bytes:
    """A hearing's 听证通知书 (``notice``) or 听证笔录."""
    hearing = hearings.by_number(session, number)
    render = hearings.notice_pdf if notice else hearings.record_pdf
    pdf = render(session, hearing.id)
    _paper(session, actor, "听证通知书" if notice else "听证笔录", "hearing", hearing.id, how)
    return pdf


def workday_summary(session: Session, actor: User | None, day: dt.date, how: str = FILE) -> bytes:
    """The 群众工作日 summary of ``day``."""
    pdf = workdays.summary_pdf(session, day)
    _paper(session, actor, f"群众工作日汇总 {day.isoformat()}", "workday", None, how)
    return pdf


def _paper(
    session: Session,
    actor: User | None,
    what: str,
    entity: str,
    entity_id: int | None,
    how: str,
) -> None:
    _log(session, EventKind.PAPER_PRINTED, actor, entity, entity_id, {"what": what, "how": how})
