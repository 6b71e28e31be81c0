"""``hall-admin queue``: issue, call, show and act on tickets without a screen."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from cli.common import (
    CliError,
    print_json,
    request_id,
)
from db import action_requests
from db.engine import Database
from db.models import ServiceWindow, Ticket
from db.states import TicketStatus
from db.window_models import SCORE_NAMES
from hall import (
    clock,
    queue,
    reception,
    satisfaction,
)
from hall import settings as hall_settings
from hall.receipt_data import receipt_for
from printing.output import PrinterError, save_pdf
from printing.receipt import render_receipt


def _ticket_out(ticket: queue.TicketView, as_json: bool) -> None:
    if as_json:
        print_json(ticket.as_json())
    else:
        print(f"{ticket.number}  {ticket.window_name}  {ticket.status_name}")


def cmd_queue_issue(db: Database, args: argparse.Namespace) -> None:
    if args.receipt and not args.name:
        raise CliError(
            "凭条印有来访登记的查询码和条码：要打印凭条，请用 --name 登记来访人"
            "（可加 --purpose、--summary）。"
        )
    receipt = None
    with db.write() as s:
        if args.name:
            issued = reception.register(
                s,
                reception.Registration(
                    name=args.name,
                    window=args.window,
                    purpose=args.purpose,
                    summary=args.summary,
                    priority_reason=args.priority,
                ),
            )
        else:
            issued = queue.issue_ticket(s, args.window, priority_reason=args.priority)
        ticket = queue.view(issued)
        if args.receipt:
            receipt = receipt_for(s, issued)
    if receipt is None:
        _ticket_out(ticket, args.json)
        return
    # The ticket is issued whatever becomes of its receipt: say so first.
    if args.json:
        print_json({**ticket.as_json(), "receipt": args.receipt})
    else:
        _ticket_out(ticket, as_json=False)
    try:
        save_pdf(render_receipt(receipt, args.layout), Path(args.receipt))
    except PrinterError as error:
        raise CliError(f"号票 {ticket.number} 已发出，但{error}") from None
    if not args.json:
        print(f"凭条已保存：{args.receipt}")


def cmd_queue_call(db: Database, args: argparse.Namespace) -> None:
    with db.write() as s:
        called = queue.call_next(s, args.window, seat=args.seat)
        ticket = queue.view(called) if called else None
    if ticket is None:
        if args.json:
            print_json({"number": None, "window": args.window, "status": "empty"})
        else:
            print("没有等候的来访人。")
        return
    _ticket_out(ticket, args.json)


def cmd_queue_status(db: Database, args: argparse.Namespace) -> None:
    with db.read() as s:
        windows = queue.status(s, clock.now().date())
    if args.json:
        print_json(
            {
                "windows": [
                    {
                        "window": w.code,
                        "letter": w.letter,
                        "name": w.name,
                        "waiting": w.waiting,
                        "priority_waiting": w.priority_waiting,
                        "served": w.served,
                        "calling": [t.number for t in w.calling],
                    }
                    for w in windows
                ]
            }
        )
        return
    for w in windows:
        calling = "、".join(t.number for t in w.calling) or "—"
        print(
            f"{w.letter} {w.name}：等候 {w.waiting}（优先 {w.priority_waiting}），"
            f"已办 {w.served}，正在呼叫 {calling}"
        )


def _chosen_ticket(s: Session, args: argparse.Namespace, states: set[str]) -> Ticket:
    """The ticket named by ``--ticket`` (today's number such as A017, or its id), or the one
    at ``--window`` (and ``--seat``) in one of ``states``."""
    today = clock.now().date()
    if args.ticket:
        text = args.ticket.strip().upper()
        if text.isdigit():
            ticket = s.get(Ticket, int(text))
            if ticket is None:
                raise CliError(f"找不到编号为 {text} 的排队票。")
            return ticket
        window = s.scalar(select(ServiceWindow).where(ServiceWindow.letter == text[:1]))
        if window is None:
            raise CliError(f"“{args.ticket}”不是今天的票号（如 A017），也不是排队票编号。")
        return queue.ticket_by_number(s, window.code, text, today)
    if not args.window:
        raise CliError("请用 --ticket 指明票号，或用 --window（及 --seat）指明窗口。")
    found = [
        t
        for t in queue.active(s, args.window, today)
        if t.status in states and (args.seat is None or t.seat == args.seat)
    ]
    window_name = queue.window_by_code(s, args.window).name
    where = f"{window_name}窗口" + (f" {args.seat} 号座" if args.seat is not None else "")
    if not found:
        raise CliError(f"{where}现在没有可办理此操作的来访人。")
    if len(found) > 1:
        numbers = "、".join(t.number for t in found)
        raise CliError(
            f"{where}有 {len(found)} 位来访人（{numbers}），请用 --seat 或 --ticket 指明。"
        )
    return found[0]


def _ticket_action(
    db: Database, args: argparse.Namespace, kind: str, act: Callable[[Session], Ticket]
) -> queue.TicketView:
    """Apply one action on a ticket once (``--request-id``), through a lost connection too."""
    applied = action_requests.perform(db, request_id(args), kind, lambda s: act(s).id)
    with db.read() as s:
        ticket = s.get(Ticket, applied.entity_id)
        assert ticket is not None
        return queue.view(ticket)


def cmd_queue_recall(db: Database, args: argparse.Namespace) -> None:
    ticket = _ticket_action(
        db,
        args,
        "ticket.recall",
        lambda s: queue.recall(s, _chosen_ticket(s, args, {TicketStatus.CALLED}).id),
    )
    _ticket_out(ticket, args.json)


def cmd_queue_finish(db: Database, args: argparse.Namespace) -> None:
    def finish(s: Session) -> Ticket:
        ticket = _chosen_ticket(s, args, {TicketStatus.CALLED, TicketStatus.SERVING})
        if ticket.status == TicketStatus.CALLED:
            # A hardware caller has no "start" key: the visitor came, and is now done.
            queue.start(s, ticket.id)
        return queue.finish(s, ticket.id, args.notes or "")

    _ticket_out(_ticket_action(db, args, "ticket.finish", finish), args.json)


def cmd_queue_release(db: Database, args: argparse.Namespace) -> None:
    if args.stale:
        with db.write() as s:
            minutes = (
                args.minutes
                if args.minutes is not None
                else hall_settings.get(s, hall_settings.CALL_TIMEOUT_MINUTES)
            )
            if minutes <= 0:
                raise CliError(
                    "--minutes 应大于 0。"
                    if args.minutes is not None
                    else "大厅未设置叫号超时，请用 --minutes 指明多少分钟未办理的叫号退回队列。"
                )
            released = [
                queue.view(t) for t in queue.release_stale_calls(s, dt.timedelta(minutes=minutes))
            ]
        if args.json:
            print_json({"minutes": minutes, "released": [t.as_json() for t in released]})
        elif released:
            print(f"已退回队列：{'、'.join(t.number for t in released)}")
        else:
            print(f"没有超过 {minutes} 分钟未办理的叫号。")
        return
    ticket = _ticket_action(
        db,
        args,
        "ticket.release",
        lambda s: queue.release(s, _chosen_ticket(s, args, {TicketStatus.CALLED}).id),
    )
    _ticket_out(ticket, args.json)


def cmd_queue_rate(db: Database, args: argparse.Namespace) -> None:
    def rate(s: Session) -> int:
        if args.ticket:
            ticket_id = _chosen_ticket(s, args, {TicketStatus.FINISHED}).id
        else:
            if not args.window:
                raise CliError(
                    "请用 --ticket 指明票号，或用 --window（及 --seat）指明评价器所在窗口。"
                )
            waiting_for = satisfaction.awaiting(s, args.window, args.seat)
            if waiting_for is None:
                raise CliError("这个窗口现在没有等待评价的服务。")
            ticket_id = waiting_for.id
        return satisfaction.rate(s, ticket_id, args.score).ticket_id

    applied = action_requests.perform(db, request_id(args), "ticket.rate", rate)
    with db.read() as s:
        rating = satisfaction.rating_of(s, applied.entity_id or 0)
        ticket = s.get(Ticket, applied.entity_id)
        assert rating is not None and ticket is not None
        number = ticket.number
    if args.json:
        print_json(
            {
                "ticket": number,
                "window": ticket.window.code,
                "score": rating.score,
                "score_name": SCORE_NAMES[rating.score],
                "source": rating.source,
                "rated_at": rating.rated_at.isoformat(),
            }
        )
    else:
        print(f"{number}  {SCORE_NAMES[rating.score]}")
