"""The audit, read: its entries for the audit administrator, its export, and checking its chain.

Entries are appended by ``db.audit_log`` in the transaction of each audited act; here they are
only read. Only the audit administrator (审计管理员) reads them (三员分立), and reading or
exporting them is itself audited.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from db import audit_log, counters, events
from db.account_models import AuditEntry
from db.event_kinds import EventKind
from db.models import User
from hall import clock, user_admin, users
from printing import spreadsheet

KIND_NAMES: dict[str, str] = {
    EventKind.USER_LOGIN: "登录",
    EventKind.USER_LOGIN_FAILED: "登录失败",
    EventKind.USER_LOCKED: "账户锁定",
    EventKind.USER_UNLOCKED: "账户解锁",
    EventKind.USER_LOGOUT: "退出登录",
    EventKind.USER_SCREEN_LOCKED: "无操作锁屏",
    EventKind.USER_RESUMED: "解除锁屏",
    EventKind.USER_ADDED: "新增用户",
    EventKind.USER_EDITED: "修改用户",
    EventKind.USER_DISABLED: "停用用户",
    EventKind.USER_ENABLED: "启用用户",
    EventKind.USER_ROLES_CHANGED: "权限变更",
    EventKind.USER_PASSWORD_CHANGED: "修改密码",
    EventKind.USER_PASSWORD_RESET: "重置密码",
    EventKind.SECURITY_RULES_CHANGED: "修改安全规则",
    EventKind.VISIT_VIEWED: "查看保密内容",
    EventKind.VISIT_VIEW_WITHHELD: "保密内容未显示",
    EventKind.CASE_VIEWED: "查看保密信访事项",
    EventKind.CASE_VIEW_WITHHELD: "保密信访事项未显示",
    EventKind.DOCUMENT_PRINTED: "打印",
    EventKind.AUDIT_EXPORTED: "导出审计记录",
    EventKind.BACKUP_MADE: "备份",
    EventKind.RESTORE_DONE: "恢复",
    EventKind.RETENTION_APPLIED: "归档与去标识",
}
OUTCOME_NAMES = {audit_log.DONE: "成功", audit_log.REFUSED: "拒绝"}
# The details' keys and code words as the audit administrator reads them; the entry itself keeps
# the codes, since its chain value was made over them.
DETAIL_KEYS = {
    "login": "登录名",
    "name": "姓名",
    "reason": "原因",
    "minutes": "锁定分钟",
    "roles": "角色",
    "windows": "窗口",
    "before": "原为",
    "after": "改为",
    "by": "操作人",
    "via": "途径",
    "code": "编号",
    "how": "方式",
    "rows": "行数",
    "period": "期间",
    "what": "内容",
    "paper": "文书",
    "years": "保存年限",
    "cutoff": "截止日期",
    "visits": "归档来访",
    "cases": "归档信访事项",
    "visitors": "去标识人员",
    "kept_open": "未办结保留",
    "file": "文件",
    "size": "字节数",
    "verified": "已校验",
}
REASONS = {
    "password": "密码错误",
    "locked": "账户已锁定",
    "disabled": "账户已停用",
    "forced": "管理员强制注销",
    "user": "本人退出",
}
ROLE_KEYS = frozenset({"roles", "before", "after"})
PAGE = 500


def kind_name(kind: str) -> str:
    if kind in KIND_NAMES:
        return KIND_NAMES[kind]
    for suffix, name in ((".exported", "导出"), (".imported", "导入"), (".printed", "打印")):
        if kind.endswith(suffix):
            return name
    return kind


@dataclass(frozen=True)
class Filter:
    """Which entries to show: by login (exact), kind, and period (both days included)."""

    login: str = ""
    kind: str = ""
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True)
class Row:
    seq: int
    at: dt.datetime
    login: str
    workstation: str
    kind: str
    target: str
    outcome: str
    detail: str


def _query(wanted: Filter) -> Select[tuple[AuditEntry]]:
    query = select(AuditEntry)
    if wanted.login.strip():
        query = query.where(AuditEntry.actor_login == wanted.login.strip())
    if wanted.kind:
        query = query.where(AuditEntry.kind == wanted.kind)
    if wanted.start is not None:
        query = query.where(AuditEntry.at >= dt.datetime.combine(wanted.start, dt.time()))
    if wanted.end is not None:
        after = dt.datetime.combine(wanted.end + dt.timedelta(days=1), dt.time())
        query = query.where(AuditEntry.at < after)
    return query


def _row(entry: AuditEntry) -> Row:
    return Row(
        seq=entry.seq,
        at=entry.at,
        # An act without a user is the command line's or the program's own.
        login=entry.actor_login or "（系统）",
        workstation=entry.workstation,
        kind=kind_name(entry.kind),
        target=entry.target,
        outcome=OUTCOME_NAMES.get(entry.outcome, entry.outcome),
        detail=readable_detail(entry.detail),
    )


def _words(key: str, value: object) -> str:
    if isinstance(value, dict):
        return "，".join(f"{DETAIL_KEYS.get(k, k)} {_words(k, v)}" for k, v in value.items())
    if isinstance(value, list):
        names = users.ROLE_NAMES if key in ROLE_KEYS else {}
        return "、".join(names.get(str(v), str(v)) for v in value) or "无"
    if key == "reason":
        return REASONS.get(str(value), str(value))
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def readable_detail(detail: str) -> str:
    """An entry's details in Chinese words: 登录名 falv；原因 密码错误."""
    try:
        data = json.loads(detail)
    except ValueError:
        return detail
    if not isinstance(data, dict):
        return detail
    return "；".join(f"{DETAIL_KEYS.get(k, k)} {_words(k, v)}" for k, v in data.items())


def entries(
    session: Session, actor: User, wanted: Filter, offset: int = 0, limit: int = PAGE
) -> list[Row]:
    """A page of the entries ``wanted`` selects, newest first."""
    user_admin.require_duty(actor, users.AUDITOR)
    query = _query(wanted).order_by(AuditEntry.seq.desc()).offset(offset).limit(limit)
    return [_row(e) for e in session.scalars(query)]


def count(session: Session, actor: User, wanted: Filter) -> int:
    user_admin.require_duty(actor, users.AUDITOR)
    total = session.scalar(select(func.count()).select_from(_query(wanted).subquery()))
    return int(total or 0)


def kinds_present(session: Session, actor: User) -> list[tuple[str, str]]:
    """The kinds the audit holds, as (code, Chinese name), for the screen's kind filter."""
    user_admin.require_duty(actor, users.AUDITOR)
    codes = session.scalars(select(AuditEntry.kind).distinct().order_by(AuditEntry.kind))
    return [(code, kind_name(code)) for code in codes]


COLUMNS = (
    spreadsheet.Column("序号", 8),
    spreadsheet.Column("时间", 18),
    spreadsheet.Column("用户", 12),
    spreadsheet.Column("工作站", 16),
    spreadsheet.Column("事件", 16),
    spreadsheet.Column("对象", 14),
    spreadsheet.Column("结果", 8),
    spreadsheet.Column("详情", 50),
)


def export(session: Session, actor: User, wanted: Filter) -> bytes:
    """The entries ``wanted`` selects as an Excel workbook; the export is itself audited."""
    user_admin.require_duty(actor, users.AUDITOR)
    rows: list[Sequence[spreadsheet.Cell]] = [
        (r.seq, r.at, r.login, r.workstation, r.kind, r.target, r.outcome, r.detail)
        for r in map(_row, session.scalars(_query(wanted).order_by(AuditEntry.seq)))
    ]
    period = f"{wanted.start or '最早'} 至 {wanted.end or '最近'}"
    caption = [
        f"审计记录　{period}",
        f"导出人：{actor.name}　导出时间：{clock.now():%Y-%m-%d %H:%M}",
    ]
    data = spreadsheet.write([spreadsheet.Sheet("审计记录", COLUMNS, rows, caption)])
    events.append(
        session,
        EventKind.AUDIT_EXPORTED,
        "audit_entry",
        None,
        clock.now(),
        actor.id,
        {"login": wanted.login, "kind": wanted.kind, "rows": len(rows), "period": period},
    )
    return data


@dataclass(frozen=True)
class Verdict:
    """The chain checked: ``broken_at`` is the first entry (its ``seq``) that does not follow
    from the one before, or None when the chain is whole; ``reason`` says what was found."""

    checked: int
    broken_at: int | None = None
    reason: str = ""


def verify(session: Session, secret: bytes | None = None) -> Verdict:
    """Recompute the chain from the first entry, in batches; stop at the first broken link."""
    secret = secret if secret is not None else audit_log.key()
    previous = audit_log.GENESIS
    expected_seq = 1
    after = 0
    while True:
        batch = session.scalars(
            select(AuditEntry).where(AuditEntry.seq > after).order_by(AuditEntry.seq).limit(PAGE)
        ).all()
        if not batch:
            break
        for entry in batch:
            if entry.seq != expected_seq:
                return Verdict(
                    expected_seq - 1, expected_seq, f"第 {expected_seq} 条记录缺失（被删除）"
                )
            if audit_log.chain_value(secret, previous, entry) != entry.chain:
                return Verdict(expected_seq - 1, entry.seq, f"第 {entry.seq} 条记录被修改或伪造")
            previous = entry.chain
            expected_seq += 1
        after = batch[-1].seq
    issued = counters.current_value(session, audit_log.COUNTER)
    if issued >= expected_seq:
        return Verdict(
            expected_seq - 1, expected_seq, f"第 {expected_seq} 条起的记录缺失（被删除）"
        )
    return Verdict(expected_seq - 1)
