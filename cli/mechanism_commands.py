"""``hall-admin dispute|workday|station``: the register's lists and figures, the papers, and a
station PC's outbox sent from a scheduled task."""

from __future__ import annotations

import argparse

from cli.common import CliError, as_of, print_json
from db.engine import Database
from hall import outputs
from hall.mechanisms import disputes, stations
from hall.mechanisms.outbox import Outbox, default_path
from printing.output import save_pdf


def cmd_dispute_list(db: Database, args: argparse.Namespace) -> None:
    on = as_of(args)
    with db.read() as s:
        if args.overdue:
            rows = disputes.overdue(s, on, leader=args.leader or "")
        else:
            rows = disputes.search(s, leader=args.leader or "", open_only=args.open, on=on)
    if args.json:
        print_json([r.__dict__ for r in rows])
        return
    if not rows:
        print("没有超期未化解的纠纷。" if args.overdue else "纠纷台账中没有符合条件的登记。")
        return
    for r in rows:
        due = f"期限 {r.due_on}" if r.due_on else "待交办"
        late = "  已超期" if r.overdue else ""
        place = f"{r.township}{r.village}"
        print(f"{r.number}  {place}  {r.risk}  {r.leader or '—'}  {due}{late}  {r.outcome}")


def cmd_dispute_rates(db: Database, args: argparse.Namespace) -> None:
    with db.read() as s:
        rows = disputes.resolution_rates(s, args.by, args.start, args.end)
    if args.json:
        print_json(
            [
                {
                    "name": r.name,
                    "assigned": r.assigned,
                    "closed": r.closed,
                    "resolved": r.resolved,
                    "rate": r.rate,
                }
                for r in rows
            ]
        )
        return
    for r in rows:
        rate = f"{r.rate:.0%}" if r.rate is not None else "—"
        counts = f"包案 {r.assigned} 件  已结 {r.closed} 件  化解 {r.resolved} 件"
        print(f"{r.name}  {counts}  化解率 {rate}")


# Each paper is saved inside the unit of work that audits it (hall.outputs): one that could
# not be saved leaves no entry claiming it was.


def cmd_dispute_slip(db: Database, args: argparse.Namespace) -> None:
    with db.write() as s:
        save_pdf(outputs.dispute_slip(s, None, args.number), args.out)
    print(f"交办单已保存到 {args.out}")


def cmd_workday_summary(db: Database, args: argparse.Namespace) -> None:
    with db.write() as s:
        save_pdf(outputs.workday_summary(s, None, args.day), args.out)
    print(f"群众工作日汇总已保存到 {args.out}")


def cmd_hearing_paper(db: Database, args: argparse.Namespace) -> None:
    notice = args.hearing_command == "notice"
    with db.write() as s:
        save_pdf(outputs.hearing_paper(s, None, args.number, notice), args.out)
    print(f"{'听证通知书' if notice else '听证笔录'}已保存到 {args.out}")


def cmd_station_ranking(db: Database, args: argparse.Namespace) -> None:
    with db.read() as s:
        rows = stations.ranking(s, args.by, args.start, args.end)
    if args.json:
        print_json([{"name": r.name, "requests": r.requests, "warnings": r.warnings} for r in rows])
        return
    for n, r in enumerate(rows, 1):
        print(f"{n}. {r.name}  诉求 {r.requests}  预警 {r.warnings}  合计 {r.total}")


def cmd_station_send(db: Database, args: argparse.Namespace) -> None:
    report = Outbox(args.outbox or default_path()).send(db)
    for reason in report.refused:
        print(f"大厅拒收：{reason}")
    print(f"已报送 {report.sent} 条，待报送 {report.waiting} 条。")
    if report.offline:
        raise CliError("连不上大厅的数据库，未报送的内容已保留在本机，网络恢复后再运行本命令。")
