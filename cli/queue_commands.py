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
from cli.proof import Proof, device_of, prove, user_of
from db import action_requests
from db.engine import Database
from db.models import ServiceWindow, Ticket, User
from db.states import TicketStatus
from hall import (
    clock,
    devices,
    fields,
    queue,
    users,
)
from hall import settings as hall_settings
from hall.errors import InvalidInput


def _ticket_out(ticket: queue.TicketView, as_json: bool, proof: Proof, **extra: object) -> None:
    """A ticket as the caller may see it: a visitor's full name only to a proven person, the
    masked one (as on the public display) to a device or to anyone unproven."""
    if as_json:
        data = ticket.as_json()
        if proof.user_id is None:
            data["visitor_name"] = ticket.masked_name
        print_json({**data, **extra})
    else:
        print(f"{ticket.number}  {ticket.window_name}  {ticket.status_name}")


def _guard(s: Session, proof: Proof, action: str, window_code: str | None) -> User | None:
    """The proven person acting (None for a device or anyone), after refusing a device an
    action or a window it was not given, or a person without a role at the queue."""
    device = device_of(s, proof)
    if device is not None:
        devices.allow(device, action, window_code)
    user = user_of(s, proof)
    if user is not None:
        users.require_role(user, users.RECEPTION, users.OFFICER, users.ADMIN)
    return user


def cmd_queue_issue(db: Database, args: argparse.Namespace) -> None:
    if args.receipt and not args.name:
        raise CliError(
            "凭条印有来访登记的查询码和条码：要打印凭条，请用 --name 登记来访人"
            "（可加 --purpose、--summary）。"
        )
    # Registration (name search needs pypinyin) and the receipt (reportlab) are loaded here
    # only: a hardware caller's press must not pay for them.
    from hall import outputs, reception
    from hall.receipt_data import receipt_for
    from printing.output import PrinterError, save_pdf
    from printing.receipt import render_receipt

    proof = prove(db, args)

    def issue(s: Session) -> int:
        actor = _guard(s, proof, "issue", args.window)
        if args.name:
            registration = reception.Registration(
                name=args.name,
                window=args.window,
                purpose=args.purpose,
                summary=args.summary,
                priority_reason=args.priority,
            )
            try:
                return reception.register(s, registration, actor=actor).id
            except InvalidInput as error:
                if error.field == "summary" and not args.summary.strip():
                    # The rule's words name the form's field; here the field is an option.
                    raise CliError("登记来访须写明事由摘要：请加 --summary。") from None
                raise
        return queue.issue_ticket(s, args.window, priority_reason=args.priority, actor=actor).id

    applied = action_requests.perform(db, request_id(args), "ticket.issue", issue)
    receipt = None
    with db.read() as s:
        issued = s.get(Ticket, applied.entity_id)
        assert issued is not None
        ticket = queue.view(issued)
        if args.receipt:
            receipt = receipt_for(s, issued)
    if receipt is None:
        _ticket_out(ticket, args.json, proof)
        return
    # The ticket is issued whatever becomes of its receipt: say so first.
    if args.json:
        _ticket_out(ticket, True, proof, receipt=args.receipt)
    else:
        _ticket_out(ticket, False, proof)
    try:
        # Saved inside the unit of work that audits it: a receipt that could not be saved
        # leaves no entry claiming it was.
        with db.write() as s:
            outputs.receipt_printed(s, user_of(s, proof), receipt, outputs.FILE)
            save_pdf(render_receipt(receipt, args.layout), Path(args.receipt))
    except PrinterError as error:
        raise CliError(f"号票 {ticket.number} 已发出，但{error}") from None
    if not args.json:
        print(f"凭条已保存：{args.receipt}")


def cmd_queue_call(db: Database, args: argparse.Namespace) -> None:
    proof = prove(db, args)
    call_id = request_id(args)

    if not args.ticket and not args.window:
        raise CliError("请用 --window 指明叫哪个窗口的下一位，或用 --ticket 指定票号叫号。")

    def call(s: Session) -> int | None:
        if args.ticket:
            chosen = _chosen_ticket(s, args, {queue.WAITING})
            actor = _guard(s, proof, "call", chosen.window.code)
            called: Ticket | None = queue.call_out_of_turn(
                s, chosen.window.code, chosen.number, args.reason, args.seat, actor
            )
        else:
            actor = _guard(s, proof, "call", args.window)
            called = queue.call_next(s, args.window, seat=args.seat, actor=actor)
        if called is None:
            return None
        devices.note_call(s, call_id, called.id)
        return called.id

    applied = action_requests.perform(db, call_id, "ticket.call", call)
    if applied.entity_id is None:
        if args.json:
            print_json({"number": None, "window": args.window, "status": "empty"})
        else:
            print("没有等候的来访人。")
        return
    with db.read() as s:
        ticket = queue.view(queue.find_ticket(s, applied.entity_id))
    # The call id is what the caller confirms with (queue ack) once it has shown the number.
    _ticket_out(ticket, args.json, proof, call_id=call_id)


def cmd_queue_ack(db: Database, args: argparse.Namespace) -> None:
    with db.write() as s:
        waiting = devices.acknowledge(s, args.call_id)
    if args.json:
        print_json({"call_id": args.call_id, "acknowledged": waiting})
    else:
        print("已确认收到叫号。" if waiting else "这个叫号已确认过，或已不在等待确认。")


def cmd_queue_status(db: Database, args: argparse.Namespace) -> None:
    with db.read() as s:
        windows = queue.status(s, clock.now().date())
        unconfirmed = [
            queue.view(t) for t in devices.unreceived(s, dt.timedelta(seconds=args.seconds))
        ]
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
                ],
                "unconfirmed_calls": [t.number for t in unconfirmed],
            }
        )
        return
    for w in windows:
        calling = "、".join(t.number for t in w.calling) or "—"
        print(
            f"{w.letter} {w.name}：等候 {w.waiting}（优先 {w.priority_waiting}），"
            f"已办 {w.served}，正在呼叫 {calling}"
        )
    if unconfirmed:
        numbers = "、".join(t.number for t in unconfirmed)
        print(f"叫号器未确认收到的叫号：{numbers}（可用 queue release --unreceived 退回队列）")


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
    db: Database,
    args: argparse.Namespace,
    kind: str,
    act: Callable[[Session, User | None], Ticket],
) -> None:
    """Apply one action on a ticket once (``--request-id``), through a lost connection too,
    as the proven person or device, and print the ticket."""
    proof = prove(db, args)
    action = kind.removeprefix("ticket.")

    def apply(s: Session) -> int:
        actor = _guard(s, proof, action, args.window)
        ticket = act(s, actor)
        _guard(s, proof, action, ticket.window.code)
        return ticket.id

    applied = action_requests.perform(db, request_id(args), kind, apply)
    with db.read() as s:
        ticket = s.get(Ticket, applied.entity_id)
        assert ticket is not None
        _ticket_out(queue.view(ticket), args.json, proof)


def cmd_queue_recall(db: Database, args: argparse.Namespace) -> None:
    _ticket_action(
        db,
        args,
        "ticket.recall",
        lambda s, actor: queue.recall(s, _chosen_ticket(s, args, {TicketStatus.CALLED}).id, actor),
    )


def cmd_queue_finish(db: Database, args: argparse.Namespace) -> None:
    notes = fields.clean(fields.NOTES, args.notes)

    def finish(s: Session, actor: User | None) -> Ticket:
        ticket = _chosen_ticket(s, args, {TicketStatus.CALLED, TicketStatus.SERVING})
        if ticket.status == TicketStatus.CALLED:
            # A hardware caller has no "start" key: the visitor came, and is now done.
            queue.start(s, ticket.id, actor)
        return queue.finish(s, ticket.id, notes, actor)

    _ticket_action(db, args, "ticket.finish", finish)


def cmd_queue_requeue(db: Database, args: argparse.Namespace) -> None:
    """过号重排: an absent visitor who came back goes behind the next few waiting visitors."""
    _ticket_action(
        db,
        args,
        "ticket.requeue",
        lambda s, actor: queue.requeue_no_show(
            s, _chosen_ticket(s, args, {queue.NO_SHOW}).id, actor
        ),
    )


def cmd_queue_release(db: Database, args: argparse.Namespace) -> None:
    if args.stale or args.unreceived:
        _release_many(db, args)
        return
    _ticket_action(
        db,
        args,
        "ticket.release",
        lambda s, actor: queue.release(s, _chosen_ticket(s, args, {TicketStatus.CALLED}).id, actor),
    )


def _release_many(db: Database, args: argparse.Namespace) -> None:
    """``--stale``: calls unanswered past the timeout; ``--unreceived``: calls their caller
    never confirmed (after ``--seconds``). Both are safe to repeat: a released ticket is no
    longer called."""
    proof = prove(db, args)
    with db.write() as s:
        _guard(s, proof, "release", args.window)
        if args.unreceived:
            older = dt.timedelta(seconds=args.seconds)
            released = [queue.view(t) for t in devices.release_unreceived(s, older, args.window)]
            quiet = f"没有超过 {args.seconds} 秒未确认的叫号。"
            summary: dict[str, object] = {"seconds": args.seconds}
        else:
            minutes = (
                args.minutes
                if args.minutes is not None
                else hall_settings.get(s, hall_settings.CALL_TIMEOUT_MINUTES)
            )
            if minutes <= 0:
                raise CliError(
                    "大厅未设置叫号超时，请用 --minutes 指明多少分钟未办理的叫号退回队列。"
                )
            released = [
                queue.view(t) for t in queue.release_stale_calls(s, dt.timedelta(minutes=minutes))
            ]
            quiet = f"没有超过 {minutes} 分钟未办理的叫号。"
            summary = {"minutes": minutes}
    if args.json:
        print_json({**summary, "released": [t.as_json() for t in released]})
    elif released:
        print(f"已退回队列：{'、'.join(t.number for t in released)}")
    else:
        print(quiet)


def cmd_queue_rate(db: Database, args: argparse.Namespace) -> None:
    # A rating is a window's record (db.window_models, with the cases' units it names): loaded
    # for a rating, not for every press of a caller.
    from db.window_models import SCORE_NAMES
    from hall import satisfaction

    proof = prove(db, args)

    def rate(s: Session) -> int:
        _guard(s, proof, "rate", args.window)
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
        rated = satisfaction.rate(s, ticket_id, args.score)
        ticket = s.get(Ticket, rated.ticket_id)
        assert ticket is not None
        _guard(s, proof, "rate", ticket.window.code)
        return rated.ticket_id

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
