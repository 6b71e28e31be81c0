"""The leaders' figures over a large hall: each tab (总览, 趋势, 窗口效能, 法庭, 督办) and
``hall-admin report --json`` for a month and for a year.

Usage (from the repository root)::

    .venv/bin/python bench/report_bench.py [--visits 1000000] [--cases 100000]
                                           [--db sqlite|postgresql|both] [--samples 10]

For each database the benchmark makes a fresh one the way the program does and bulk-loads
(untimed) visitors, visits spread over the year before TODAY, one finished ticket per visit
called by one of 24 officers (a third of them rated), and formal cases with their decision and
reply dates. Each figure is then timed as one unit of work
(``with db.read() as s: figures.overview(s, ...)``), in alternation with the floor: one
``SELECT count(*) FROM visit`` on the same engine.

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
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

# The hall is built around TODAY, and the program's clock must read it too (hall.clock reads
# this once, when first imported): ``report --json`` asks the clock for now, and on the real
# date it would judge the services after it still open to rating.
os.environ.setdefault("HALL_CLOCK_START", "2026-12-31T17:00:00")

import psycopg
import sqlalchemy
from sqlalchemy import func, select, text

from db.engine import Database
from db.models import ServiceWindow, User
from hall import catalog
from hall.figures import (
    court,
    overview,
    periods,
    queue_figures,
    report_json,
    supervision_figures,
    trend_tab,
)

sys.path.insert(0, os.path.dirname(__file__))
from cases_bench import Figures, postgres_sink, sqlite_sink, timed
from queue_bench import fresh_database

TODAY = dt.date(2026, 12, 31)
NOW = dt.datetime.combine(TODAY, dt.time(17))
DEFAULT_PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
CHUNK = 20_000
CHANNELS = ("visit", "visit", "visit", "letter", "phone", "online", "proxy")
PURPOSES = ("report", "appeal", "request", "request", "opinion", "inquiry")
TOWNSHIPS = tuple(f"乡镇{n:02d}" for n in range(12))
OFFICERS = 24


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def load(url: str, visits: int, cases: int, rng: random.Random) -> float:
    started = time.perf_counter()
    db = Database(url)
    with db.write() as s:
        catalog.seed(s)
        windows = list(s.scalars(select(ServiceWindow.id)))
        # Each service is called by one of the hall's officers: 窗口效能 lists them.
        s.add_all(
            User(
                login=f"officer{n:02d}",
                name=f"工作人员{n:02d}",
                password_hash="-",
                roles="officer",
                active=True,
                created_at=NOW,
            )
            for n in range(OFFICERS)
        )
        s.flush()
        officers = list(s.scalars(select(User.id).order_by(User.id)))
    if db.engine.dialect.name == "sqlite":
        sink, done = sqlite_sink(db.engine)
    else:
        sink, done = postgres_sink(url)
    people = max(1, visits // 5)
    year_start = dt.datetime(TODAY.year, 1, 1, 8)
    for first in range(0, people, CHUNK):
        sink(
            "visitor",
            [
                {
                    "id": n + 1,
                    "name": "王建军",
                    "township": TOWNSHIPS[n % len(TOWNSHIPS)],
                    "created_at": year_start,
                }
                for n in range(first, min(people, first + CHUNK))
            ],
        )
    for first in range(0, visits, CHUNK):
        visit_rows, ticket_rows, ratings = [], [], []
        for n in range(first, min(visits, first + CHUNK)):
            at = year_start + dt.timedelta(days=rng.randrange(365), minutes=rng.randrange(480))
            window = windows[n % len(windows)]
            visit_rows.append(
                {
                    "id": n + 1,
                    "code": f"V{n + 1:08d}",
                    "query_code": f"Q{n + 1:08d}",
                    "visitor_id": rng.randrange(people) + 1,
                    "channel": CHANNELS[n % len(CHANNELS)],
                    "purpose": PURPOSES[n % len(PURPOSES)],
                    "group_size": 6 if n % 97 == 0 else 1,
                    "window_id": window,
                    "created_at": at,
                }
            )
            called = at + dt.timedelta(minutes=rng.randrange(40))
            ticket_rows.append(
                {
                    "id": n + 1,
                    "visit_id": n + 1,
                    "window_id": window,
                    "service_date": at.date(),
                    "seq": n + 1,
                    "number": "A001",
                    "status": "finished",
                    "queued_at": at,
                    "issued_at": at,
                    "called_at": called,
                    "started_at": called,
                    "finished_at": called + dt.timedelta(minutes=rng.randrange(5, 30)),
                    "called_by": officers[n % len(officers)],
                }
            )
            if n % 3 == 0:
                ratings.append(
                    {
                        "ticket_id": n + 1,
                        "window_id": window,
                        "score": "satisfied",
                        "source": "visitor",
                        "rated_at": called,
                    }
                )
        sink("visit", visit_rows)
        sink("ticket", ticket_rows)
        sink("satisfaction", ratings)
        log(f"  {first + len(visit_rows):,} visits")
    for first in range(0, cases, CHUNK):
        rows = []
        for n in range(first, min(cases, first + CHUNK)):
            received = TODAY - dt.timedelta(days=rng.randrange(400))
            decided = received + dt.timedelta(days=rng.randrange(20))
            handle_due = decided + dt.timedelta(days=60)
            replied = decided + dt.timedelta(days=rng.randrange(70))
            open_ = replied > TODAY
            rows.append(
                {
                    "id": n + 1,
                    "number": f"C{n + 1:08d}",
                    "year": received.year,
                    "seq": n + 1,
                    "source": "letter",
                    "visitor_id": rng.randrange(people) + 1,
                    "purpose": PURPOSES[n % len(PURPOSES)],
                    "state": "handling" if open_ else "replied",
                    "received_on": received,
                    "decide_due": received + dt.timedelta(days=15),
                    "decision": "accepted",
                    "decided_on": decided,
                    "handle_due": handle_due,
                    "replied_on": None if open_ else replied,
                    "due_on": handle_due if open_ else None,
                    "created_at": dt.datetime.combine(received, dt.time(9)),
                }
            )
        sink("petition_case", rows)
    done()
    db.dispose()
    return time.perf_counter() - started


def actions(db: Database) -> dict[str, Callable[[], object]]:
    month = periods.month(TODAY)
    year = periods.year(TODAY)

    def read(work: Callable[[Any], object]) -> Callable[[], object]:
        def run() -> object:
            with db.read() as s:
                return work(s)

        return run

    def tabs(period: periods.Period, size: str) -> dict[str, Callable[[Any], object]]:
        return {
            "总览": lambda s: overview(s, period, now=NOW),
            # What the tab reads: the trend with the changes per township and per category.
            "趋势": lambda s: trend_tab(s, period, size),
            "窗口效能": lambda s: queue_figures(s, period),
            "法庭": lambda s: court(s, period),
            "督办": lambda s: supervision_figures(s, period, TODAY),
            "report --json": lambda s: report_json(s, period.first, period.last),
        }

    result: dict[str, Callable[[], object]] = {}
    for label, period in (("month", month), ("year", year)):
        size = periods.DAY if period is month else periods.MONTH
        result |= {f"{name} {label}": read(work) for name, work in tabs(period, size).items()}
    return result


@contextmanager
def kept_database(url: str) -> Iterator[tuple[str, Callable[[], float]]]:
    """A database loaded by an earlier run, kept (``--url``): measured as it is."""
    db = Database(url)
    try:
        if db.engine.dialect.name == "sqlite":
            path = db.engine.url.database or ""
            yield url, lambda: os.path.getsize(path) / 2**20
            return
        with db.read() as s:
            size = int(s.scalar(text("SELECT pg_database_size(current_database())")) or 0)
        yield url, lambda: size / 2**20
    finally:
        db.dispose()


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.1f} / {five:.1f} / {fifteen:.1f}"


def run(
    kind: str, visits: int, cases: int, samples: int, pg_admin: str, url: str | None = None
) -> list[str]:
    kept = url is not None
    database = kept_database(url) if url else fresh_database(kind, pg_admin)
    with database as (url, size_mb):
        seconds = 0.0 if kept else load(url, visits, cases, random.Random(13))
        log(f"{kind}: loaded in {seconds:.0f} s")
        load_before = load_average()
        db = Database(url)
        floor_sql = text("SELECT count(*) FROM visit")

        def floor() -> object:
            with db.read() as s:
                return s.scalar(floor_sql)

        work = actions(db)
        for action in work.values():
            action()
        floor_ns: list[int] = []
        work_ns: dict[str, list[int]] = {name: [] for name in work}
        for _ in range(samples):
            for name, action in work.items():
                floor_ns.append(timed(floor))
                work_ns[name].append(timed(action))
        with db.read() as s:
            total = s.scalar(select(func.count()).select_from(text("visit")))
            cases = s.scalar(select(func.count()).select_from(text("petition_case"))) or 0
        db.dispose()
        floor_f = Figures.of(floor_ns)
        title = "SQLite (WAL file)" if kind == "sqlite" else "PostgreSQL (127.0.0.1)"
        lines = [
            "",
            f"### {title}: {total:,} visits, {cases:,} cases",
            "",
            f"Database {size_mb():,.0f} MB, "
            + ("loaded by an earlier run." if kept else f"loaded in {seconds:.0f} s.")
            + f" Load average (1 / 5 / 15 min) {load_before} before the timings, "
            f"{load_average()} after.",
            "",
            "| figure (one unit of work) | p50 | p95 | × floor p50 / p95 |",
            "|---|---:|---:|---:|",
            f"| floor: SELECT count(*) FROM visit | {floor_f.p50_ms:.1f} ms "
            f"| {floor_f.p95_ms:.1f} ms | 1 |",
        ]
        for name, ns in work_ns.items():
            f = Figures.of(ns)
            lines.append(
                f"| {name} | {f.p50_ms:.1f} ms | {f.p95_ms:.1f} ms "
                f"| {f.p50_ms / floor_f.p50_ms:.1f}× / {f.p95_ms / floor_f.p95_ms:.1f}× |"
            )
        return lines


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--visits", type=int, default=1_000_000)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--samples", type=int, default=10, help="timings of each figure")
    parser.add_argument("--pg-admin", default=os.environ.get("HALL_BENCH_PG", DEFAULT_PG_ADMIN))
    parser.add_argument(
        "--url", help="measure this database, loaded by an earlier run, instead of a new one"
    )
    args = parser.parse_args(argv)
    kinds = ["sqlite", "postgresql"] if args.db == "both" else [args.db]
    if args.url:
        kinds = ["sqlite" if args.url.startswith("sqlite") else "postgresql"]
    given = sys.argv[1:] if argv is None else list(argv)
    started = time.perf_counter()
    lines = [
        f"Run on {dt.date.today()}, {os.cpu_count()} cores ({platform.machine()}), "
        f"Python {platform.python_version()}, SQLAlchemy {sqlalchemy.__version__}, "
        f"psycopg {psycopg.__version__}. Today is {TODAY}.",
        "",
        f"Reproduce: `python bench/report_bench.py {' '.join(given)}`",
    ]
    for kind in kinds:
        lines += run(kind, args.visits, args.cases, args.samples, args.pg_admin, args.url)
    lines.append(f"\nWhole run {(time.perf_counter() - started) / 60:.1f} min.")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
