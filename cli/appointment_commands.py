"""``hall-admin appointment``: 预约 slots, bookings and check-in without a screen (a booking
line, a kiosk that checks visitors in, an administrator setting the slots)."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from cli.common import COMMAND_HELP, CliError, as_of, parse_date, print_json
from db.engine import Database
from hall import appointments, clock, queue
from hall.json_form import as_json


def _time(text: str) -> dt.time:
    try:
        return dt.time.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"时间应写成 时:分（如 09:30），现在是“{text}”") from None


def add_appointment_parser(sub: Any) -> None:
    """The ``appointment`` sub-commands, added to hall-admin's parser (``sub`` is its
    sub-command action, typed by its own parser class)."""
    a = sub.add_parser("appointment", help=COMMAND_HELP["appointment"]).add_subparsers(
        dest="appointment_command", required=True
    )
    slot = a.add_parser("slot", help="新增预约时段（每天开放）")
    slot.add_argument("--window", required=True, help="预约人到哪个窗口排队（领导接访为 talk）")
    slot.add_argument("--from", dest="starts", type=_time, required=True, help="开始时间 09:00")
    slot.add_argument("--to", dest="ends", type=_time, required=True, help="结束时间 10:00")
    slot.add_argument("--capacity", type=int, required=True, help="每个时段可约人数")
    slot.add_argument("--leader", action="store_true", help="领导接访时段（接访领导按排班表）")
    slot.add_argument("--json", action="store_true")
    slot.set_defaults(handler="cli.appointment_commands:cmd_appointment_slot")
    add = a.add_parser("add", help="预约一个时段")
    add.add_argument("--slot", type=int, required=True, help="时段编号（见 appointment list）")
    add.add_argument("--date", type=parse_date, required=True, help="预约日期")
    add.add_argument("--name", required=True, help="预约人姓名")
    add.add_argument("--id-number", default="", help="身份证号码（签到时可凭此查找）")
    add.add_argument("--phone", default="", help="手机号码（签到时可凭此查找）")
    add.add_argument("--summary", default="", help="事由摘要")
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler="cli.appointment_commands:cmd_appointment_add")
    listing = a.add_parser("list", help="列出某天的预约时段和预约")
    listing.add_argument("--date", type=parse_date, help="哪一天（默认今天）")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler="cli.appointment_commands:cmd_appointment_list")
    checkin = a.add_parser("checkin", help="预约人到场签到并取号")
    checkin.add_argument("key", help="预约查询码、身份证号码或手机号码")
    checkin.add_argument("--json", action="store_true")
    checkin.set_defaults(handler="cli.appointment_commands:cmd_appointment_checkin")


def cmd_appointment_slot(db: Database, args: argparse.Namespace) -> None:
    with db.write() as s:
        slot = appointments.add_slot(
            s, args.window, args.starts, args.ends, args.capacity, for_leader=args.leader
        )
    if args.json:
        print_json(as_json(slot))
    else:
        print(f"已新增预约时段 {slot.id}：{slot.label}，每次可约 {slot.capacity} 人")


def cmd_appointment_add(db: Database, args: argparse.Namespace) -> None:
    with db.write() as s:
        booked = appointments.book(
            s, args.slot, args.date, args.name, args.id_number, args.phone, args.summary
        )
    if args.json:
        print_json(as_json(booked))
    else:
        print(f"已预约：{booked.day:%Y-%m-%d} {booked.slot}，查询码 {booked.code}")


def cmd_appointment_list(db: Database, args: argparse.Namespace) -> None:
    day = as_of(args)
    with db.read() as s:
        slots = appointments.slots(s, day)
        booked = appointments.list_day(s, day)
    if args.json:
        print_json(
            {
                "date": day.isoformat(),
                "slots": [as_json(slot) for slot in slots],
                "appointments": [as_json(a) for a in booked],
            }
        )
        return
    if not slots:
        print("尚未设置预约时段（用 appointment slot 新增）。")
    for slot in slots:
        print(f"时段 {slot.id}  {slot.label}  已约 {slot.booked}/{slot.capacity}")
    for a in booked:
        ticket = f"  {a.ticket_number}" if a.ticket_number else ""
        print(f"{a.code}  {a.name}  {a.slot}  {a.status_name}{ticket}")


def cmd_appointment_checkin(db: Database, args: argparse.Namespace) -> None:
    today = clock.now().date()
    with db.write() as s:
        waiting = [
            a for a in appointments.find(s, args.key, today) if a.status == appointments.BOOKED
        ]
        if not waiting:
            raise CliError(
                f"今天没有“{args.key}”的待签到预约，请核对查询码、身份证号码或手机号码。"
            )
        if len(waiting) > 1:
            codes = "、".join(a.code for a in waiting)
            raise CliError(f"“{args.key}”今天有 {len(waiting)} 个预约（{codes}），请用查询码签到。")
        checked, ticket = appointments.check_in(s, waiting[0].id)
        wait = queue.ticket_wait(s, ticket)
        number = ticket.number
    if args.json:
        print_json({**as_json(checked), "wait_minutes": wait.minutes, "ahead": wait.ahead})
    else:
        print(f"已签到：{checked.name}  {number} 号（{checked.status_name}），{wait.text}")
