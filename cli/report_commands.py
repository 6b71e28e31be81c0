"""``hall-admin report``: the hall's figures for a period, as text, JSON, a workbook or a PDF."""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.common import CliError, print_json
from db.engine import Database
from hall import outputs
from hall.figures import periods, report_json

RATE_NAMES = {
    "timely_acceptance": "及时受理率",
    "on_time_closure": "按期办结率",
    "participation": "参评率",
    "satisfaction": "满意率",
    "repeat": "重复信访率",
}


def _write(path: Path, content: bytes) -> None:
    try:
        path.write_bytes(content)
    except OSError as error:
        reason = error.strerror or str(error)
        raise CliError(f"无法保存文件“{path}”：{reason}。请换一个可写的位置再试。") from error


def _rate_text(rate: dict[str, object]) -> str:
    value = rate["value"]
    shown = "—" if not isinstance(value, float) else f"{value:.1%}"
    return f"{shown}（{rate['numerator']}/{rate['denominator']}）"


def cmd_report(db: Database, args: argparse.Namespace) -> None:
    # Refused here, before the database is read: reversed or over-long periods.
    periods.custom(args.first, args.last)
    # A file is written inside the unit of work that audits it: one that could not be saved
    # leaves no entry claiming it was.
    if args.xlsx:
        with db.write() as s:
            _write(
                Path(args.xlsx),
                outputs.report_workbook(s, None, args.first, args.last, args.window),
            )
        print(f"已保存统计表：{args.xlsx}")
        return
    if args.pdf:
        with db.write() as s:
            pdf = outputs.report_pdf(s, None, args.first, args.last, outputs.FILE, args.window)
            _write(Path(args.pdf), pdf)
        print(f"已保存统计报告：{args.pdf}")
        return
    with db.read() as s:
        data = report_json(s, args.first, args.last, args.window)
    if args.json:
        print_json(data)
        return
    cases = data["cases"]
    rates = data["rates"]
    assert isinstance(cases, dict) and isinstance(rates, dict)
    scope = f"（窗口 {args.window}）" if args.window else ""
    print(
        f"{args.first} 至 {args.last}{scope}：受理 {data['total']} 件、{data['people']} 人次，"
        f"集体访 {data['groups']} 批"
    )
    print(
        f"信访事项：登记 {cases['opened']} 件，办结 {cases['closed']} 件，"
        f"其中按期 {cases['closed_on_time']} 件，超期未办结 {cases['overdue_open']} 件"
    )
    print("，".join(f"{name} {_rate_text(rates[key])}" for key, name in RATE_NAMES.items()))
