"""Ledgers (台账): a hall's past imported from Excel or CSV, and ledgers exported to Excel.

One function per user action, each taking the caller's session (one import is one
transaction: the caller's ``with db.write()``):

* :func:`template` — the .xlsx template of a ledger (下载模板, ``hall-admin ledger template``);
* :func:`import_ledger` — check every row, then import (or, ``dry_run``, tell what would be
  created: 预检, ``--dry-run``); with any problem nothing is written;
* :func:`problems_workbook` — the list of problems as .xlsx (the screen's 导出问题清单);
* :func:`export` — a period's records in the template's columns (``hall-admin ledger export``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy.orm import Session

from db import events
from db.event_kinds import EventKind
from db.models import User
from hall import clock, users
from hall.court import require_clerk
from hall.errors import InvalidInput, PermissionDenied
from hall.ledgers import court, opinions, visits
from hall.ledgers.cells import Problem
from hall.ledgers.columns import COLUMNS, COURT, KIND_NAMES, OPINIONS, VISITS, LedgerColumn
from hall.ledgers.common import (
    Cancelled,
    CheckedRow,
    ImportCancelled,
    ImportReport,
    LedgerRules,
    Progress,
    check_cells,
    chunks,
    imported_keys,
    row_keys,
    tick,
)
from hall.ledgers.reading import read
from printing.spreadsheet import Cell, Column, Sheet, write

__all__ = [
    "ImportCancelled",
    "ImportReport",
    "Problem",
    "export",
    "import_ledger",
    "importable_kinds",
    "problems_workbook",
    "template",
]


KINDS: dict[str, LedgerRules] = {VISITS: visits, COURT: court, OPINIONS: opinions}


def importable_kinds(user: User | None) -> dict[str, str]:
    """The ledgers ``user`` may import, by kind with their names (the screen's choice): the
    administrator all; the letters window the register of visits and the opinions; the
    opinion window the opinions; the court's clerk the court's. ``None`` is the command line,
    run by whoever administers the machine."""
    if user is None or users.has_role(user, users.ADMIN):
        return dict(KIND_NAMES)
    allowed: set[str] = set()
    windows = set(users.window_codes(user)) if users.has_role(user, users.OFFICER) else set()
    if "letters" in windows:
        allowed |= {VISITS, OPINIONS}
    if "opinion" in windows:
        allowed.add(OPINIONS)
    if users.has_role(user, users.CLERK):
        allowed.add(COURT)
    return {kind: name for kind, name in KIND_NAMES.items() if kind in allowed}


def _columns(kind: str) -> Sequence[LedgerColumn]:
    if kind not in COLUMNS:
        names = "、".join(f"{k}（{n}）" for k, n in KIND_NAMES.items())
        raise InvalidInput(f"没有“{kind}”这种台账，可选：{names}。", "kind")
    return COLUMNS[kind]


def _sheet_columns(columns: Sequence[LedgerColumn]) -> list[Column]:
    return [Column(c.heading, c.width) for c in columns]


EXAMPLES: dict[str, list[Cell]] = {
    VISITS: [
        dt.date(2026, 3, 2), "来访", "张三", "410381199001010019", "13800000000", "城关镇",
        "东街村", "东街 12 号", 1, "求决", "土地征收", "反映承包地征收补偿款未到位", "办信办案",
        "是", dt.date(2026, 3, 4), dt.date(2026, 4, 20), "登记为信访事项",
        "补偿款已于 4 月 18 日发放到位",
        "满意", "",
    ],
    COURT: [
        dt.date(2026, 3, 2), "窗口移交", "张三", "李四", "民间借贷纠纷，请求返还借款 2 万元",
        dt.date(2026, 3, 3), "（2026）豫1281民初1号", "简易程序", dt.date(2026, 3, 20), "调解", "",
    ],
    OPINIONS: [
        dt.date(2026, 3, 2), "王丽", "", "13800000000", "交通出行", "建议在新区增设公交站点",
        "新区街道", "杨村", "新区公交首末站附近", "", "",
    ],
}  # fmt: skip


def template(session: Session, kind: str) -> bytes:
    """The ledger's template: its headings with an example row, and a sheet saying what each
    column holds and which values it allows."""
    columns = _columns(kind)
    explained = []
    for column in columns:
        allowed = "、".join(column.choices)
        if column.heading == "去往窗口":
            allowed = "、".join(visits.window_names(session))
        elif column.heading == "议题":
            allowed = "、".join(opinions.topic_names(session))
        explained.append(
            [column.heading, "必填" if column.required else "可不填", column.explanation, allowed]
        )
    return write(
        [
            Sheet(KIND_NAMES[kind], _sheet_columns(columns), [EXAMPLES[kind]]),
            Sheet(
                "填写说明",
                [
                    Column("列名", 12),
                    Column("是否必填", 10),
                    Column("填写要求", 50),
                    Column("可填的值", 40),
                ],
                explained,
                caption=(
                    f"{KIND_NAMES[kind]}：第一行为列名，从第二行起每行一条记录（示例行导入前请删除）。",
                    "日期可写成 2013-05-06、2013/5/6、2013.5.6 或 2013年5月6日，"
                    "也可设为 Excel 日期格式。",
                    "可另加一列“台账编号”：有这一列时按编号识别已导入的行，否则按整行内容识别。",
                ),
            ),
        ]
    )


def import_ledger(
    session: Session,
    kind: str,
    content: bytes,
    file_name: str = "",
    *,
    actor: User | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    now: dt.datetime | None = None,
) -> ImportReport:
    """Check every row of the file, then write its records in the caller's transaction.

    With any problem nothing is written and the report lists them all (row, column, what is
    wrong, how to fix it). Rows imported before are skipped and counted. ``progress(done,
    total)`` is called as rows are written; ``cancelled()`` returning true stops the import
    with :class:`ImportCancelled`, and the caller's transaction then writes nothing."""
    now = now or clock.now()
    columns = _columns(kind)
    if kind == COURT:
        # A court file names its clerk (who accepted, registered and closed it).
        if actor is None:
            raise PermissionDenied("导入法庭收案台账须以法庭书记员或管理员的身份进行。")
        require_clerk(actor)
    elif actor is not None and kind not in importable_kinds(actor):
        raise PermissionDenied(
            f"{actor.name}没有导入{KIND_NAMES[kind]}的权限：请由管理员或办信办案窗口导入。"
        )
    ledger = read(content, columns, file_name)
    problems: list[Problem] = []
    checked_cells = [(raw, check_cells(raw, columns, problems)) for raw in ledger.rows]
    keys = row_keys(checked_cells, columns)
    done_before = imported_keys(session, kind, keys)
    rows = [
        CheckedRow(raw.number, key, values)
        for (raw, values), key in zip(checked_cells, keys, strict=True)
        if key not in done_before
    ]
    # Rows imported before are not judged against the hall again: the hall now holds them.
    rules = KINDS[kind]
    known = rules.lookups(session)
    for row in rows:
        rules.check_row(session, row.number, row.values, now.date(), known, problems)
    report = ImportReport(kind=kind, rows=len(ledger.rows), dry_run=dry_run)
    if problems:
        report.problems = sorted(problems, key=lambda p: (p.row, _order(columns, p.column)))
        return report
    report.already_imported = len(ledger.rows) - len(rows)
    if dry_run:
        report.created = rules.preview(session, rows)
        return report
    if not rows:
        return report
    actor_id = actor.id if actor else None
    state = rules.prepare(session, rows)
    done = 0
    tick(0, len(rows), progress, cancelled)
    for chunk in chunks(rows):
        rules.write(session, chunk, state, actor_id, now, report.created)
        done += len(chunk)
        tick(done, len(rows), progress, cancelled)
    events.append(
        session,
        EventKind.LEDGER_IMPORTED,
        "ledger",
        None,
        now,
        actor_id,
        {"kind": kind, **report.created},
    )
    return report


def _order(columns: Sequence[LedgerColumn], heading: str) -> int:
    return next((i for i, c in enumerate(columns) if c.heading == heading), -1)


def problems_workbook(report: ImportReport) -> bytes:
    """The problems of a refused import as a workbook to hand to whoever keeps the ledger."""
    return write(
        [
            Sheet(
                "问题清单",
                [Column("行号", 8), Column("列", 12), Column("问题", 40), Column("修改方法", 50)],
                [[p.row or None, p.column, p.what, p.fix] for p in report.problems],
                caption=(
                    f"{KIND_NAMES.get(report.kind, report.kind)}导入检查：{report.message()}",
                ),
            )
        ]
    )


def export(
    session: Session, kind: str, start: dt.date, end: dt.date, actor: User | None = None
) -> bytes:
    """The records of ``start`` to ``end`` (inclusive) in the template's columns, so the file
    imports back into another hall as the same records. The export is audited (who, what
    period, how many rows) in the caller's unit of work; ``actor`` None is the command line."""
    columns = _columns(kind)
    if end < start:
        raise InvalidInput("结束日期早于开始日期，请重新选择导出的期间。", "end")
    rows = KINDS[kind].export_rows(session, start, end)
    period = f"{start.isoformat()} 至 {end.isoformat()}"
    content = write(
        [
            Sheet(
                KIND_NAMES[kind],
                _sheet_columns(columns),
                rows,
                (f"{KIND_NAMES[kind]}（{period}）",),
            )
        ]
    )
    events.append(
        session,
        EventKind.LEDGER_EXPORTED,
        "ledger",
        None,
        clock.now(),
        actor.id if actor else None,
        {"what": KIND_NAMES[kind], "period": period, "rows": len(rows)},
    )
    return content
