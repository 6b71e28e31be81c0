"""Importing a 来信来访登记台账 of 100 000 rows, on SQLite and PostgreSQL.

Usage (from the repository root)::

    .venv/bin/python bench/ledger_bench.py [--rows 100000] [--db sqlite|postgresql|both]
                                           [--format xlsx|csv]

For each database the benchmark makes a fresh one the way the program does (``Database`` +
``db.migrate`` + the seeded catalogue and holiday calendar) and writes, untimed, a ledger file
of ``--rows`` rows over the three years before TODAY: a third of the visitors with an ID number
come more than once, three rows in ten are accepted as cases (most closed, some late), seven
in ten rated. Timed, as the 导入台账 screen runs it: ``with db.write() as s:
hall.ledgers.import_ledger(s, "visits", content)`` — reading the file, checking every row,
writing visitors, visits, tickets, ratings, cases, events and row keys, and the commit. Then
the same file again (every row already imported, nothing written). The **floor**, in the same
run on the same engine: one bulk ``INSERT`` of as many visit rows (no checks, no other table)
in one transaction (on PostgreSQL one COPY), the least any import of
that many visits could cost.

Markdown for BENCHMARKS.md goes to stdout, progress to stderr.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import sys
import time
from typing import Any

from sqlalchemy import delete, insert, select

from db import crypto
from db.engine import Database
from db.models import Visit, Visitor
from hall import catalog, ledgers
from hall.ledgers.columns import VISIT_COLUMNS
from hall.ledgers.common import insert_rows
from printing.spreadsheet import Column, Sheet, write

sys.path.insert(0, os.path.dirname(__file__))
from queue_bench import fresh_database

TODAY = dt.datetime(2026, 6, 10, 14, 0)
PG_ADMIN = os.environ.get("HALL_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/test")
WINDOWS = ("法律服务", "交流谈心", "社情民意", "帮扶济困", "办信办案", "效能监察")
PURPOSES = ("揭发控告", "申诉", "求决", "意见建议", "咨询")
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗"
GIVEN = "建国秀英志强丽娜伟军红霞明华玉兰桂芳海涛"
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def id_number(rng: random.Random) -> str:
    birth = dt.date(1940, 1, 1) + dt.timedelta(days=rng.randrange(25000))
    body = f"410381{birth:%Y%m%d}{rng.randrange(1000):03d}"
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, WEIGHTS, strict=True)) % 11]


def ledger_rows(count: int, seed: int = 7) -> list[list[Any]]:
    rng = random.Random(seed)
    people = [id_number(rng) for _ in range(max(1, count // 3))]
    first_day = TODAY.date() - dt.timedelta(days=3 * 365)
    rows = []
    for n in range(count):
        day = first_day + dt.timedelta(days=rng.randrange(3 * 365 - 90))
        accepted = rng.random() < 0.3
        accepted_on = day + dt.timedelta(days=rng.randrange(1, 20)) if accepted else None
        closed_on = (
            accepted_on + dt.timedelta(days=rng.randrange(10, 80))
            if accepted_on and rng.random() < 0.85
            else None
        )
        if closed_on is not None and closed_on > TODAY.date():
            closed_on = None
        rows.append(
            [
                day,
                rng.choice(("来访", "来访", "来信", "来电", "网信")),
                rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
                rng.choice(people) if rng.random() < 0.6 else "",
                f"139{rng.randrange(10**8):08d}",
                "城关镇",
                f"第{rng.randrange(1, 40)}村",
                f"{rng.randrange(1, 200)} 号",
                1 if rng.random() < 0.9 else rng.randrange(2, 6),
                rng.choice(PURPOSES),
                rng.choice(("土地征收", "劳动社保", "婚姻家庭", "")),
                f"第 {n} 条：反映的主要问题",
                rng.choice(WINDOWS),
                "是" if accepted else "否",
                accepted_on,
                closed_on,
                "",
                "已答复" if closed_on else "",
                rng.choice(("满意", "满意", "基本满意", "不满意", "未评价")),
                "",
            ]
        )
    return rows


def ledger_file(rows: list[list[Any]], form: str) -> bytes:
    headings = [c.heading for c in VISIT_COLUMNS]
    if form == "xlsx":
        return write([Sheet("台账", [Column(h) for h in headings], rows)])
    lines = [",".join(headings)]
    for row in rows:
        cells = [
            "" if v is None else v.isoformat() if isinstance(v, dt.date) else str(v) for v in row
        ]
        lines.append(",".join(cells))
    return ("\n".join(lines) + "\n").encode("gb18030")


def floor_seconds(db: Database, count: int) -> float:
    """One bulk INSERT of ``count`` visit rows in one transaction, then undone."""
    with db.write() as s:
        visitor_id = s.execute(
            insert(Visitor).returning(Visitor.id),
            [{"name": "基准", "created_at": TODAY}],
        ).scalar_one()
        window_id = catalog.windows(s)[0].id
    rows = [
        {
            "code": f"B{n:012d}",
            "query_code": f"Q{n:011d}",
            "visitor_id": visitor_id,
            "channel": "visit",
            "purpose": "request",
            "summary": f"第 {n} 条：反映的主要问题",
            "window_id": window_id,
            "created_at": TODAY,
        }
        for n in range(count)
    ]
    start = time.perf_counter()
    with db.write() as s:
        if db.engine.dialect.name == "postgresql":
            # A psycopg executemany sends a statement per row, and each statement fires the
            # daily counts' statement triggers (migration 0160): 141 s for 100 000 rows. The
            # least PostgreSQL can do is one COPY (summaries encrypted as by the INSERT).
            insert_rows(s, Visit, rows)
        else:
            s.execute(insert(Visit), rows)
    seconds = time.perf_counter() - start
    with db.write() as s:
        s.execute(delete(Visit).where(Visit.visitor_id == visitor_id))
        s.execute(delete(Visitor).where(Visitor.id == visitor_id))
    return seconds


def measure(kind: str, count: int, form: str) -> dict[str, Any]:
    with fresh_database(kind, PG_ADMIN) as (url, size_mb):
        if kind == "postgresql":
            url = url.replace("postgresql://", "postgresql+psycopg://", 1)
        db = Database(url)
        try:
            with db.write() as s:
                catalog.seed(s)
            content = ledger_file(ledger_rows(count), form)
            log(f"{kind}: {count:,} rows, {len(content) / 2**20:.1f} MB of {form}")
            floor = floor_seconds(db, count)
            log(f"{kind}: floor {floor:.1f} s")
            start = time.perf_counter()
            with db.write() as s:
                report = ledgers.import_ledger(s, "visits", content, f"ledger.{form}", now=TODAY)
            first = time.perf_counter() - start
            assert report.ok, report.problems[:5]
            log(f"{kind}: import {first:.1f} s, {report.created}")
            start = time.perf_counter()
            with db.write() as s:
                again = ledgers.import_ledger(s, "visits", content, f"ledger.{form}", now=TODAY)
            second = time.perf_counter() - start
            assert again.already_imported == count and not any(again.created.values())
            with db.read() as s:
                visits = len(s.scalars(select(Visit.id)).all())
            return {
                "kind": kind,
                "rows": count,
                "form": form,
                "file_mb": len(content) / 2**20,
                "floor": floor,
                "import": first,
                "again": second,
                "created": report.created,
                "visits": visits,
                "database_mb": size_mb(),
            }
        finally:
            db.dispose()


def markdown(results: list[dict[str, Any]]) -> str:
    lines = [
        f"Ledger import, `bench/ledger_bench.py` on {platform.machine()} "
        f"({os.cpu_count()} CPUs shared), Python {platform.python_version()}:",
        "",
        "| database | rows | file | import (s) | rows/s | again, all known (s) "
        "| floor: bare bulk INSERT of the visits (s) | import ÷ floor | created |",
        "|---|---:|---|---:|---:|---:|---:|---:|---|",
    ]
    for r in results:
        created = ", ".join(f"{k} {v:,}" for k, v in r["created"].items())
        lines.append(
            f"| {r['kind']} | {r['rows']:,} | {r['form']} {r['file_mb']:.1f} MB "
            f"| {r['import']:.1f} | {r['rows'] / r['import']:,.0f} | {r['again']:.1f} "
            f"| {r['floor']:.1f} | {r['import'] / r['floor']:.0f}× | {created} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--format", choices=("xlsx", "csv"), default="xlsx")
    args = parser.parse_args()
    kinds = ("sqlite", "postgresql") if args.db == "both" else (args.db,)
    # ID numbers and phones are stored encrypted under the hall key (issue 15): a key of the
    # run's own.
    crypto.use_keyring(crypto.Keyring(crypto.HallKey.generate()))
    print(markdown([measure(kind, args.rows, args.format) for kind in kinds]))


if __name__ == "__main__":
    main()
