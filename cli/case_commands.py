"""``hall-admin case`` and ``hall-admin court``: formal cases and the court's files."""

from __future__ import annotations

import argparse
import datetime as dt
from dataclasses import replace
from pathlib import Path

from sqlalchemy.orm import Session

from cli.common import (
    CliError,
    as_of,
    print_json,
)
from cli.proof import prove_user
from db import events
from db.engine import Database
from db.event_kinds import EventKind
from db.models import User
from hall import (
    cases,
    clock,
    court,
    court_cases,
    court_figures,
    supervision,
)
from hall.masking import mask_name, mask_phone
from printing import court_documents
from printing.output import PrinterError, save_pdf


def cmd_case_show(db: Database, args: argparse.Namespace) -> None:
    viewer_id = prove_user(db, args.user) if args.user else None
    # A writing unit of work: opening an accusation is logged.
    with db.write() as s:
        viewer = s.get(User, viewer_id) if viewer_id is not None else None
        case = cases.by_number(s, args.number)
        shown = cases.read_case(s, case.id, viewer, on=as_of(args))
        if viewer is None and not shown.withheld:
            # Unproven, the command sees of the person what the public display may show.
            shown = replace(
                shown,
                petitioner=mask_name(shown.petitioner),
                petitioner_phone=mask_phone(shown.petitioner_phone),
                petitioner_address="",
            )
        flow = court.case_court_status(s, case.id)
    if args.json:
        print_json({**shown.as_json(), "court": flow.as_json() if flow else None})
        return
    lines = [
        f"{shown.number}（{shown.barcode}）  {shown.state_name}",
        f"信访人：{shown.petitioner}    形式：{shown.source_name}    类别：{shown.purpose_name}",
        f"内容：{shown.summary}",
        f"收到：{shown.received_on}    受理期限：{shown.decide_due}",
    ]
    if shown.decision_name:
        lines.append(f"决定：{shown.decision_name}（{shown.decided_on}）")
    if shown.unit:
        lines.append(f"承办单位：{shown.unit}    交办期限：{shown.assigned_due or '—'}")
    if shown.leader:
        lines.append(f"包案领导：{shown.leader}")
    if shown.handle_due:
        extension = f"（已延期 {shown.extension_days} 日）" if shown.extension_days else ""
        lines.append(f"办理期限：{shown.handle_due}{extension}")
    if shown.outcome_name:
        lines.append(f"处理结果：{shown.outcome_name}（{shown.replied_on}）")
    if flow is not None:
        lines.append(f"法庭移交：{flow.line}")
    elif shown.court_handoff is not None:
        lines.append("法庭移交：待移交法庭")
    if shown.due_on:
        lines.append(f"当前期限：{shown.due_on}，剩余 {shown.days_left} 日  {shown.alert_name}")
    if shown.calendar_warning:
        lines.append(f"注意：{shown.calendar_warning}")
    print("\n".join(lines))


def cmd_case_list(db: Database, args: argparse.Namespace) -> None:
    on = as_of(args)
    with db.read() as s:
        if args.overdue:
            total = supervision.count_overdue(s, on)
            rows = supervision.overdue(s, on, limit=args.limit)
        else:
            total = cases.count_cases(s, args.state)
            rows = cases.list_cases(s, on, state=args.state, limit=args.limit)
    if args.json:
        print_json({"date": on.isoformat(), "total": total, "cases": [r.as_json() for r in rows]})
        return
    if not rows:
        print("没有超期的信访事项。" if args.overdue else "没有信访事项。")
        return
    for r in rows:
        due = f"期限 {r.due_on}" if r.due_on else "—"
        late = f"  超期 {r.days_overdue} 日" if r.days_overdue else ""
        print(f"{r.number}  {r.state_name}  {due}{late}  {r.unit or ''}".rstrip())
    if total > len(rows):
        print(f"（共 {total} 件，只列出前 {len(rows)} 件）")


def cmd_court_list(db: Database, args: argparse.Namespace) -> None:
    on = as_of(args)
    viewer_id = prove_user(db, args.user)
    with db.read() as s:
        viewer = _user(s, viewer_id)
        total = court_cases.count_cases(s, viewer, open_only=not args.all)
        rows = court_cases.list_cases(s, viewer, on, open_only=not args.all, limit=args.limit)
    if args.json:
        print_json({"date": on.isoformat(), "total": total, "cases": [r.as_json() for r in rows]})
        return
    if not rows:
        print("没有在办的法庭案件。" if not args.all else "没有法庭案件。")
        return
    for r in rows:
        due = f"审限 {r.due_on}（{_days_left(r.days_left)}）" if r.days_left is not None else ""
        parts = (r.label, f"{r.plaintiff} 诉 {r.defendant}", r.outcome_name or r.stage_name)
        print("  ".join(p for p in (*parts, due, r.alert_name) if p))
    if total > len(rows):
        print(f"（共 {total} 件，只列出前 {len(rows)} 件）")


def cmd_court_show(db: Database, args: argparse.Namespace) -> None:
    on = as_of(args)
    viewer_id = prove_user(db, args.user)
    # A writing unit of work: opening a court file is logged, as opening a case is.
    with db.write() as s:
        viewer = _user(s, viewer_id)
        case = court_cases.find_case(s, args.number, viewer)
        shown = court_cases.read_case(s, case.id, viewer, now=dt.datetime.combine(on, dt.time()))
        _audit(s, EventKind.COURT_VIEWED, case.id, viewer)
    if args.json:
        print_json(shown.as_json())
        return
    form = shown.registration
    lines = [
        f"{shown.label}  {shown.stage_name}阶段  "
        f"移交单 {shown.handoff_number}（{shown.window_name}）",
        f"原告：{form.plaintiff_name}    被告：{form.defendant_name}",
        f"诉讼请求：{form.claims}",
    ]
    if shown.registered_on:
        lines.append(
            f"立案：{shown.registered_on}  {shown.case_type_name}  {shown.track_name}  "
            f"审限至 {shown.due_on}"
        )
    if shown.days_left is not None:
        lines.append(f"{_days_left(shown.days_left)}  {shown.alert_name}".rstrip())
    lines += [
        f"调解：{m.held_on}（{m.stage_name}）{m.mediator} {m.result_name}" for m in shown.mediations
    ]
    lines += [f"排期：{h.starts_at:%Y-%m-%d %H:%M} {h.kind_name} {h.place}" for h in shown.hearings]
    if shown.outcome_name:
        how = f"（{shown.mediation_form_name}）" if shown.mediation_form_name else ""
        lines.append(f"结案：{shown.outcome_name}{how}  {shown.closed_on}")
    if shown.enforcement_applied_on:
        lines.append(f"执行：{shown.enforcement_applied_on} {shown.enforcement_applicant}申请")
    lines.append(f"诉讼费用：{shown.fees_name}")
    if shown.calendar_warning:
        lines.append(f"注意：{shown.calendar_warning}")
    print("\n".join(lines))


def _user(s: Session, user_id: int) -> User:
    user = s.get(User, user_id)
    assert user is not None
    return user


def _days_left(days: int) -> str:
    return f"剩 {days} 日" if days >= 0 else f"已超过 {-days} 日"


def _audit(
    s: Session, kind: EventKind, case_id: int | None, viewer: User, **detail: object
) -> None:
    """Who opened or printed a court file, and when: the court's files hold the parties'
    addresses and phones, and every reading of them is on record."""
    events.append(s, kind, "court_case", case_id, clock.now(), viewer.id, detail)


def cmd_court_figures(db: Database, args: argparse.Namespace) -> None:
    with db.read() as s:
        figures = court_figures.figures(s, args.first, args.last)
    if args.json:
        print_json(figures.as_json())
        return
    print(
        f"{figures.first} 至 {figures.last}：接待来访群众 {figures.received} 人次，"
        f"办理事项 {figures.handled} 件，立案 {figures.registered} 件，结案 {figures.closed} 件，"
        f"其中调解结案 {figures.mediated} 件，调解率 {figures.mediation_rate_text}"
    )
    print("按审理程序：" + "，".join(f"{k} {v}" for k, v in figures.by_track.items()))
    print("按结案方式：" + "，".join(f"{k} {v}" for k, v in figures.by_outcome.items()))
    print(f"程序转换 {figures.converted} 件，延长审限 {figures.extended} 件")


def cmd_court_print(db: Database, args: argparse.Namespace) -> None:
    viewer_id = prove_user(db, args.user)
    with db.write() as s:
        viewer = _user(s, viewer_id)
        head = court.letterhead(s)
        if args.paper == "slip":
            handoff = court.handoff_for_slip(s, args.number, viewer)
            _audit(s, EventKind.COURT_PRINTED, None, viewer, handoff=handoff.id, paper=args.paper)
            laws = court.laws_explained(s, [handoff.id]).get(handoff.id, "")
            pdf = court_documents.render_handoff_slip(
                court_documents.handoff_slip_for(handoff, head.hall_name, head.circuit_court, laws)
            )
        else:
            case = court_cases.find_case(s, args.number, viewer)
            _audit(s, EventKind.COURT_PRINTED, case.id, viewer, paper=args.paper)
            clerk = court_cases.clerk_of(s, case)
            try:
                if args.paper == "mediation":
                    pdf = court_documents.render_mediation(
                        court_documents.mediation_for(case, head.court_name, head.tribunal, clerk)
                    )
                else:
                    pdf = court_documents.render_cover_sheet(
                        court_documents.cover_for(case, head.court_name, head.tribunal, clerk)
                    )
            except ValueError as error:
                raise CliError(str(error)) from None
    try:
        save_pdf(pdf, Path(args.out))
    except PrinterError as error:
        raise CliError(str(error)) from None
    print(f"已保存：{args.out}")
