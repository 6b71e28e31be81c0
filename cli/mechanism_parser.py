"""The command line of ``hall-admin dispute|workday|hearing|station``: its sub-commands only, so
that building the parser for any command does not load the mechanisms' rules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cli.common import COMMAND_HELP, parse_date


def add_mechanism_parsers(sub: Any) -> None:
    dispute = sub.add_parser("dispute", help=COMMAND_HELP["dispute"]).add_subparsers(
        dest="dispute_command", required=True
    )
    listing = dispute.add_parser("list", help="列出台账")
    listing.add_argument("--open", action="store_true", help="只列未化解的")
    listing.add_argument("--overdue", action="store_true", help="只列超期未化解的")
    listing.add_argument("--leader", help="只列该领导包案的")
    listing.add_argument("--date", type=parse_date, help="按哪一天判断超期（默认今天）")
    listing.set_defaults(handler="cli.mechanism_commands:cmd_dispute_list")
    rates = dispute.add_parser("rates", help="化解率（按包案领导或责任单位）")
    rates.add_argument("--by", choices=("leader", "unit"), default="leader")
    slip = dispute.add_parser("slip", help="保存一件纠纷的交办单（PDF）")
    slip.add_argument("number", help="纠纷编号，如 纠〔2026〕0001号")
    slip.add_argument("--out", type=Path, required=True, help="PDF 文件路径")
    slip.set_defaults(handler="cli.mechanism_commands:cmd_dispute_slip")
    workday = sub.add_parser("workday", help=COMMAND_HELP["workday"]).add_subparsers(
        dest="workday_command", required=True
    )
    summary = workday.add_parser("summary", help="保存某个群众工作日的汇总（PDF）")
    summary.add_argument("day", type=parse_date, help="群众工作日的日期，如 2026-06-30")
    summary.add_argument("--out", type=Path, required=True, help="PDF 文件路径")
    summary.set_defaults(handler="cli.mechanism_commands:cmd_workday_summary")
    hearing = sub.add_parser("hearing", help=COMMAND_HELP["hearing"]).add_subparsers(
        dest="hearing_command", required=True
    )
    for name, text in (("notice", "保存听证通知书（PDF）"), ("record", "保存听证笔录（PDF）")):
        paper = hearing.add_parser(name, help=text)
        paper.add_argument("number", help="听证编号，如 听〔2026〕001号")
        paper.add_argument("--out", type=Path, required=True, help="PDF 文件路径")
        paper.set_defaults(handler="cli.mechanism_commands:cmd_hearing_paper")
    station = sub.add_parser("station", help=COMMAND_HELP["station"]).add_subparsers(
        dest="station_command", required=True
    )
    ranking = station.add_parser("ranking", help="按工作站或乡镇排名的报送数")
    ranking.add_argument("--by", choices=("station", "township"), default="station")
    send = station.add_parser("send", help="把本机离线保存的报送发往大厅（每条只发一次）")
    send.add_argument(
        "--outbox", type=Path, default=None, help="本机报送箱文件（默认在数据目录中）"
    )
    send.set_defaults(handler="cli.mechanism_commands:cmd_station_send")
    for command in (rates, ranking):
        command.add_argument("--start", type=parse_date, help="起始日期")
        command.add_argument("--end", type=parse_date, help="截止日期")
    rates.set_defaults(handler="cli.mechanism_commands:cmd_dispute_rates")
    ranking.set_defaults(handler="cli.mechanism_commands:cmd_station_ranking")
    for command in (listing, rates, ranking):
        command.add_argument("--json", action="store_true")
