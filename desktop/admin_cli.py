"""``hall-admin``: what an administrator, a kiosk or a hardware caller does without a screen.

Every command takes ``--db URL`` (or ``HALL_DB_URL``); without it, the embedded SQLite file.
Errors print one line in Chinese and exit non-zero, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from alembic.util import CommandError
from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import Session

from db import action_requests
from db.engine import Database, resolve_url
from db.models import ServiceWindow, Ticket
from db.window_models import SCORE_NAMES
from desktop.database import open_database
from desktop.receipt_data import receipt_for
from hall import (
    cases,
    clock,
    court,
    court_cases,
    court_figures,
    demo,
    queue,
    reception,
    satisfaction,
    setup,
    supervision,
    users,
)
from hall import settings as hall_settings
from hall.catalog import PURPOSES
from hall.errors import HallError
from printing import court_documents
from printing.output import PrinterError, save_pdf
from printing.receipt import LAYOUTS, render_receipt

EXIT_REFUSED = 2
EXIT_DATABASE = 3
# argparse's own code for a command line it cannot read.
EXIT_USAGE = 2


class CliError(Exception):
    pass


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, default=str))


def cmd_init(db: Database, args: argparse.Namespace) -> None:
    with db.write() as s:
        if setup.is_set_up(s):
            print(f"数据库已是最新结构，无需初始化：{db.describe()}")
            return
        if args.admin_login:
            password = args.admin_password or getpass.getpass("管理员密码：")
            setup.initialise(
                s,
                args.hall_name,
                args.city_code,
                args.court_code,
                args.admin_login,
                args.admin_name,
                password,
            )
            print(f"已初始化：{db.describe()}，管理员 {args.admin_login}")
            return
    print(f"数据库结构已创建：{db.describe()}。首次启动程序时将打开初始设置。")


def cmd_user_add(db: Database, args: argparse.Namespace) -> None:
    password = args.password or getpass.getpass("密码：")
    with db.write() as s:
        user = users.add_user(
            s,
            args.login,
            args.name,
            password,
            args.roles.split(","),
            [w for w in (args.windows or "").split(",") if w],
        )
        print(f"已添加用户 {user.login}（{user.name}）")


def cmd_seed_demo(db: Database, args: argparse.Namespace) -> None:
    with db.write() as s:
        if setup.is_set_up(s):
            raise CliError("这个数据库已经有大厅数据，演示数据只能填入空数据库。")
        demo.seed_demo(s, visitors=args.visitors)
    print(f"已填入演示数据：{db.describe()}；演示账号密码均为 {demo.DEMO_PASSWORD}")


def _ticket_out(ticket: queue.TicketView, as_json: bool) -> None:
    if as_json:
        _print_json(ticket.as_json())
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
        _print_json({**ticket.as_json(), "receipt": args.receipt})
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
            _print_json({"number": None, "window": args.window, "status": "empty"})
        else:
            print("没有等候的来访人。")
        return
    _ticket_out(ticket, args.json)


def cmd_queue_status(db: Database, args: argparse.Namespace) -> None:
    with db.read() as s:
        windows = queue.status(s, clock.now().date())
    if args.json:
        _print_json(
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


def _request_id(args: argparse.Namespace) -> str:
    """The caller's id for this action (a hardware caller repeating a press it got no answer
    to gives the same one, and it is applied once), else a new one."""
    return args.request_id or action_requests.new_request_id()


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
    applied = action_requests.perform(db, _request_id(args), kind, lambda s: act(s).id)
    with db.read() as s:
        ticket = s.get(Ticket, applied.entity_id)
        assert ticket is not None
        return queue.view(ticket)


def cmd_queue_recall(db: Database, args: argparse.Namespace) -> None:
    ticket = _ticket_action(
        db,
        args,
        "ticket.recall",
        lambda s: queue.recall(s, _chosen_ticket(s, args, {queue.CALLED}).id),
    )
    _ticket_out(ticket, args.json)


def cmd_queue_finish(db: Database, args: argparse.Namespace) -> None:
    def finish(s: Session) -> Ticket:
        ticket = _chosen_ticket(s, args, {queue.CALLED, queue.SERVING})
        if ticket.status == queue.CALLED:
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
            _print_json({"minutes": minutes, "released": [t.as_json() for t in released]})
        elif released:
            print(f"已退回队列：{'、'.join(t.number for t in released)}")
        else:
            print(f"没有超过 {minutes} 分钟未办理的叫号。")
        return
    ticket = _ticket_action(
        db,
        args,
        "ticket.release",
        lambda s: queue.release(s, _chosen_ticket(s, args, {queue.CALLED}).id),
    )
    _ticket_out(ticket, args.json)


def cmd_queue_rate(db: Database, args: argparse.Namespace) -> None:
    def rate(s: Session) -> int:
        if args.ticket:
            ticket_id = _chosen_ticket(s, args, {queue.FINISHED}).id
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

    applied = action_requests.perform(db, _request_id(args), "ticket.rate", rate)
    with db.read() as s:
        rating = satisfaction.rating_of(s, applied.entity_id or 0)
        ticket = s.get(Ticket, applied.entity_id)
        assert rating is not None and ticket is not None
        number = ticket.number
    if args.json:
        _print_json(
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


def _as_of(args: argparse.Namespace) -> dt.date:
    return args.date or clock.now().date()


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期应写成 年-月-日（如 2026-03-02）：{text}") from None


def cmd_case_show(db: Database, args: argparse.Namespace) -> None:
    # A writing unit of work: opening an accusation is logged.
    with db.write() as s:
        viewer = users.by_login(s, args.user) if args.user else None
        case = cases.by_number(s, args.number)
        shown = cases.read_case(s, case.id, viewer, on=_as_of(args))
        flow = court.case_court_status(s, case.id)
    if args.json:
        _print_json({**shown.as_json(), "court": flow.as_json() if flow else None})
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
    on = _as_of(args)
    with db.read() as s:
        if args.overdue:
            total = supervision.count_overdue(s, on)
            rows = supervision.overdue(s, on, limit=args.limit)
        else:
            total = cases.count_cases(s, args.state)
            rows = cases.list_cases(s, on, state=args.state, limit=args.limit)
    if args.json:
        _print_json({"date": on.isoformat(), "total": total, "cases": [r.as_json() for r in rows]})
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
    on = _as_of(args)
    with db.read() as s:
        viewer = users.by_login(s, args.user)
        total = court_cases.count_cases(s, viewer, open_only=not args.all)
        rows = court_cases.list_cases(s, viewer, on, open_only=not args.all, limit=args.limit)
    if args.json:
        _print_json({"date": on.isoformat(), "total": total, "cases": [r.as_json() for r in rows]})
        return
    if not rows:
        print("没有在办的法庭案件。" if not args.all else "没有法庭案件。")
        return
    for r in rows:
        due = f"审限 {r.due_on}（剩 {r.days_left} 日）" if r.days_left is not None else ""
        parts = (r.label, f"{r.plaintiff} 诉 {r.defendant}", r.outcome_name or r.stage_name)
        print("  ".join(p for p in (*parts, due, r.alert_name) if p))
    if total > len(rows):
        print(f"（共 {total} 件，只列出前 {len(rows)} 件）")


def cmd_court_show(db: Database, args: argparse.Namespace) -> None:
    on = _as_of(args)
    with db.read() as s:
        viewer = users.by_login(s, args.user)
        case = court_cases.find_case(s, args.number, viewer)
        shown = court_cases.read_case(s, case.id, viewer, now=dt.datetime.combine(on, dt.time()))
    if args.json:
        _print_json(shown.as_json())
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
        lines.append(f"剩余 {shown.days_left} 日  {shown.alert_name}".rstrip())
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


def cmd_court_figures(db: Database, args: argparse.Namespace) -> None:
    with db.read() as s:
        figures = court_figures.figures(s, args.first, args.last)
    if args.json:
        _print_json(figures.as_json())
        return
    print(
        f"{figures.first} 至 {figures.last}：接待来访群众 {figures.received} 人次，"
        f"办理事项 {figures.handled} 件，立案 {figures.registered} 件，结案 {figures.closed} 件，"
        f"其中调解结案 {figures.mediated} 件，调解率 {figures.mediation_rate_text}"
    )
    print("按审理程序：" + "，".join(f"{k} {v}" for k, v in figures.by_track.items()))
    print("按结案方式：" + "，".join(f"{k} {v}" for k, v in figures.by_outcome.items()))


def cmd_court_print(db: Database, args: argparse.Namespace) -> None:
    with db.read() as s:
        viewer = users.by_login(s, args.user)
        head = court.letterhead(s)
        if args.paper == "slip":
            handoff = court.handoff_for_slip(s, args.number, viewer)
            pdf = court_documents.render_handoff_slip(
                court_documents.handoff_slip_for(handoff, head.hall_name, head.circuit_court)
            )
        else:
            case = court_cases.find_case(s, args.number, viewer)
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


class ArgumentParser(argparse.ArgumentParser):
    """argparse, but its complaints come like every other error here: one line, in Chinese.
    (Sub-command parsers are made of the same class.)"""

    def error(self, message: str) -> NoReturn:
        print(f"错误：{self._in_chinese(message)}（用 {self.prog} -h 查看用法）", file=sys.stderr)
        self.exit(EXIT_USAGE)

    def _in_chinese(self, message: str) -> str:
        if found := re.fullmatch(r"the following arguments are required: (.+)", message):
            return "缺少" + "、".join(self._missing(n) for n in found[1].split(", "))
        if found := re.fullmatch(r"unrecognized arguments: (.+)", message):
            return f"无法识别的参数：{found[1]}"
        if found := re.fullmatch(r"one of the arguments (.+) is required", message):
            return f"参数 {found[1]} 必须给出一个"
        if found := re.fullmatch(r"argument (.+?): (.+)", message):
            name = "子命令" if self._commands(found[1]) else f"参数 {found[1]}"
            return f"{name}：{self._detail(found[2])}"
        return message

    def _commands(self, dest: str) -> list[str]:
        """The sub-commands, when ``dest`` names this parser's choice of sub-command."""
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction) and dest == action.dest:
                return list(action.choices)
        return []

    def _missing(self, name: str) -> str:
        commands = self._commands(name)
        return f"子命令（{'、'.join(commands)}）" if commands else f"参数 {name}"

    @staticmethod
    def _detail(detail: str) -> str:
        if found := re.fullmatch(r"invalid choice: '?(.*?)'? \(choose from (.+)\)", detail):
            choices = found[2].replace("'", "").replace(", ", "、")
            return f"没有“{found[1]}”这一项，可选：{choices}"
        if found := re.fullmatch(r"invalid (\w+) value: '?(.*?)'?", detail):
            kind = {"int": "整数", "float": "数字"}.get(found[1], found[1])
            return f"应为{kind}，现在是“{found[2]}”"
        if re.fullmatch(r"expected (at least )?one argument", detail):
            return "后面应跟一个值"
        if found := re.fullmatch(r"not allowed with argument (.+)", detail):
            return f"不能与 {found[1]} 同时使用"
        return detail


def build_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(prog="hall-admin", description="群众工作部大厅管理命令")
    parser.add_argument(
        "--db", help="数据库地址（SQLAlchemy URL）；默认读 HALL_DB_URL 或本机内置库"
    )
    sub = parser.add_subparsers(dest="command", required=True)

    init = sub.add_parser("init", help="创建或升级数据库结构")
    init.add_argument("--hall-name", default="群众工作部接待大厅")
    init.add_argument("--city-code", default="411281")
    init.add_argument("--court-code", default="豫1281")
    init.add_argument("--admin-login")
    init.add_argument("--admin-name", default="管理员")
    init.add_argument("--admin-password")
    init.set_defaults(handler=cmd_init)

    user = sub.add_parser("user", help="用户管理").add_subparsers(
        dest="user_command", required=True
    )
    add = user.add_parser("add", help="添加用户")
    add.add_argument("login")
    add.add_argument("--name", required=True)
    add.add_argument(
        "--roles", required=True, help="reception,officer,clerk,leader,admin 中的一个或多个"
    )
    add.add_argument("--windows", help="可服务的窗口代码，逗号分隔")
    add.add_argument("--password", help="不给出则提示输入")
    add.set_defaults(handler=cmd_user_add)

    seed = sub.add_parser("seed-demo", help="填入演示数据")
    seed.add_argument("--visitors", type=int, default=24)
    seed.set_defaults(handler=cmd_seed_demo)

    q = sub.add_parser("queue", help="排队叫号").add_subparsers(dest="queue_command", required=True)
    issue = q.add_parser("issue", help="取号")
    issue.add_argument("--window", required=True)
    issue.add_argument("--priority")
    issue.add_argument("--json", action="store_true")
    issue.add_argument("--name", help="来访人姓名：登记来访（与导访台相同）后取号")
    issue.add_argument("--purpose", choices=tuple(PURPOSES), default="request", help="诉求类别")
    issue.add_argument("--summary", default="", help="事由摘要")
    issue.add_argument("--receipt", metavar="FILE.pdf", help="把导访凭条保存为 PDF（需 --name）")
    issue.add_argument("--layout", choices=LAYOUTS, default=LAYOUTS[0], help="凭条版式")
    issue.set_defaults(handler=cmd_queue_issue)
    call = q.add_parser("call", help="叫下一位")
    call.add_argument("--window", required=True)
    call.add_argument("--seat", type=int)
    call.add_argument("--json", action="store_true")
    call.set_defaults(handler=cmd_queue_call)
    status = q.add_parser("status", help="各窗口排队情况")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=cmd_queue_status)
    ticket_help = "今天的票号（如 A017）或排队票编号"
    once_help = "调用方给这次操作的唯一编号；重发同一编号只办理一次（叫号器超时重试时用）"
    recall = q.add_parser("recall", help="重呼（超过重呼次数记为过号）")
    finish = q.add_parser("finish", help="办结（已叫号未开始办理的，一并记开始办理）")
    release = q.add_parser("release", help="把已叫号无人应答的来访人退回队列原位")
    rate = q.add_parser("rate", help="记录来访人对一次办结服务的评价")
    for command in (recall, finish, release, rate):
        command.add_argument("--ticket", help=ticket_help)
        command.add_argument("--window", help="不给票号时：窗口代码")
        command.add_argument("--seat", type=int, help="不给票号时：座位号")
        command.add_argument("--request-id", help=once_help)
        command.add_argument("--json", action="store_true")
    recall.set_defaults(handler=cmd_queue_recall)
    finish.add_argument("--notes", help="办理情况")
    finish.set_defaults(handler=cmd_queue_finish)
    release.add_argument(
        "--stale", action="store_true", help="退回所有超时未办理的叫号（时限取大厅设置）"
    )
    release.add_argument("--minutes", type=int, help="与 --stale 一起：超过多少分钟算超时")
    release.set_defaults(handler=cmd_queue_release)
    rate.add_argument(
        "--score", required=True, help="满意、基本满意、不满意（或 satisfied 等代码）"
    )
    rate.set_defaults(handler=cmd_queue_rate)
    c = sub.add_parser("case", help="信访事项").add_subparsers(dest="case_command", required=True)
    show = c.add_parser("show", help="查看一件信访事项")
    show.add_argument("number", help="编号（如 义群信〔2026〕0123号）或条码（如 XF2026-0123）")
    show.add_argument("--json", action="store_true")
    show.add_argument("--user", help="查看人的登录名；检举控告件只对有权限的人显示内容")
    show.add_argument("--date", type=_date, help="按哪一天计算期限和提醒（默认今天）")
    show.set_defaults(handler=cmd_case_show)
    listing = c.add_parser("list", help="列出信访事项")
    listing.add_argument("--overdue", action="store_true", help="只列超期的，超期最久的在前")
    listing.add_argument("--state", help="只列某一状态（如 handling）")
    listing.add_argument("--limit", type=int, default=100)
    listing.add_argument("--json", action="store_true")
    listing.add_argument("--date", type=_date, help="按哪一天计算（默认今天）")
    listing.set_defaults(handler=cmd_case_list)
    court_cmd = sub.add_parser("court", help="巡回法庭").add_subparsers(
        dest="court_command", required=True
    )
    user_help = "查看人的登录名；法庭卷宗只对书记员和管理员开放"
    court_list = court_cmd.add_parser("list", help="列出法庭案件（审限最近的在前）")
    court_list.add_argument("--user", required=True, help=user_help)
    court_list.add_argument("--all", action="store_true", help="连同已结案的")
    court_list.add_argument("--limit", type=int, default=100)
    court_list.add_argument("--json", action="store_true")
    court_list.add_argument("--date", type=_date, help="按哪一天计算审限（默认今天）")
    court_list.set_defaults(handler=cmd_court_list)
    court_show = court_cmd.add_parser("show", help="查看一件法庭案件")
    court_show.add_argument(
        "number", help="案号（如 （2026）豫1281民初1号）、移交单编号或条码（如 YJ2026-0001）"
    )
    court_show.add_argument("--user", required=True, help=user_help)
    court_show.add_argument("--json", action="store_true")
    court_show.add_argument("--date", type=_date, help="按哪一天计算审限（默认今天）")
    court_show.set_defaults(handler=cmd_court_show)
    court_fig = court_cmd.add_parser("figures", help="巡回法庭统计")
    court_fig.add_argument("--from", dest="first", type=_date, required=True)
    court_fig.add_argument("--to", dest="last", type=_date, required=True)
    court_fig.add_argument("--json", action="store_true")
    court_fig.set_defaults(handler=cmd_court_figures)
    court_print = court_cmd.add_parser("print", help="把移交单、调解书或案件封面保存为 PDF")
    court_print.add_argument("paper", choices=("slip", "mediation", "cover"))
    court_print.add_argument("number", help="移交单编号、条码或案号")
    court_print.add_argument("--user", required=True, help="打印人的登录名")
    court_print.add_argument("--out", required=True, help="PDF 文件保存到哪里")
    court_print.set_defaults(handler=cmd_court_print)
    return parser


def run(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Callable[[Database, argparse.Namespace], Any] = args.handler
    try:
        db = open_database(args.db)
    except NoSuchModuleError:
        kind = make_url(resolve_url(args.db)).drivername
        print(
            f"错误：不支持“{kind}”这种数据库，请使用 PostgreSQL（postgresql://…）"
            "或 SQLite（sqlite:///…）。",
            file=sys.stderr,
        )
        return EXIT_DATABASE
    except ArgumentError:
        print(
            "错误：数据库地址格式不对，应写成 postgresql://用户@主机:端口/库名 或 sqlite:///文件路径。",
            file=sys.stderr,
        )
        return EXIT_DATABASE
    except CommandError as error:
        # Alembic does not know the schema's revision: a newer program has migrated it.
        print(
            f"错误：数据库结构无法升级（{_reason(error)}）。"
            "如果这个数据库已被更新版本的程序使用过，请改用新版本的程序。",
            file=sys.stderr,
        )
        return EXIT_DATABASE
    except (SQLAlchemyError, OSError, ValueError) as error:
        url = make_url(resolve_url(args.db))
        hint = (
            "请检查文件路径，以及它是否为本程序的数据库文件。"
            if url.get_backend_name() == "sqlite"
            else "请检查数据库服务器是否在运行，地址、端口和库名是否正确。"
        )
        where = url.render_as_string(hide_password=True)
        print(f"错误：无法打开数据库 {where}（{_reason(error)}）。{hint}", file=sys.stderr)
        return EXIT_DATABASE
    try:
        handler(db, args)
    except (HallError, CliError) as error:
        print(f"错误：{error}", file=sys.stderr)
        return EXIT_REFUSED
    except SQLAlchemyError as error:
        print(f"错误：数据库操作失败：{_reason(error)}", file=sys.stderr)
        return EXIT_DATABASE
    finally:
        db.dispose()
    return 0


def _reason(error: BaseException) -> str:
    text = str(getattr(error, "orig", None) or error)
    return text.strip().splitlines()[0] if text.strip() else type(error).__name__


def main() -> None:
    sys.exit(run())
