"""Supervisors' views over 100 000 open formal cases: the overdue list, the supervision list,
alert counts, an officer's alerts, the units' records, and opening one case.

Usage (from the repository root)::

    .venv/bin/python bench/cases_bench.py [--cases 100000] [--db sqlite|postgresql|both]
                                          [--samples 200]

For each database the benchmark makes a fresh one the way the program does (``Database`` +
``db.migrate`` + the seeded catalogue and holiday calendar) and bulk-loads the open cases
(untimed): received over the 150 days before TODAY, so that some are fresh, some at each alert
level and many overdue; registered, accepted or assigned to one of 40 units, in 复查 or 复核,
or replied with a supported decision not yet carried out; their deadlines computed by
``hall.deadlines`` on the seeded calendar and their alert and supervision days by
``hall.cases.refresh_limits``, as the transitions do. Then each view is timed as one real
unit of work (``with db.read() as s: supervision.overdue(s, ...)``), in alternation with the
floor: a bare one-row INSERT + COMMIT on a connection of the same engine.

Markdown for BENCHMARKS.md goes to stdout, progress to stderr.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import psycopg
import sqlalchemy
from sqlalchemy import Engine, insert, select
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from db import schema
from db.case_models import PetitionCase
from db.engine import Database
from db.states import CaseDecision, CaseOutcome, CaseState
from hall import calendar, cases, catalog, deadlines, supervision, users
from hall.deadlines import Alert

sys.path.insert(0, os.path.dirname(__file__))
from queue_bench import FLOOR_TABLE, floor_inserter, fresh_database

TODAY = dt.date(2026, 11, 23)
DEFAULT_PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
UNITS = 40
OFFICERS = 20
CHUNK = 10_000
WARMUP = 10
PAGE = 50
SUMMARIES = (
    "反映宅基地确权中界址划定错误",
    "农民工工资被拖欠三个月，要求帮助追讨",
    "对拆迁补偿标准有异议",
    "小区供暖不达标，多次反映未解决",
    "申请最低生活保障未获批准",
    "反映某单位办事推诿",
)
NAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# The open cases


def open_case(n: int, rng: random.Random, cal: calendar.WorkCalendar) -> PetitionCase:
    """Case ``n``, in one of the open states, its dates consistent with the rules."""
    received = TODAY - dt.timedelta(days=rng.randrange(0, 150))
    case = PetitionCase(
        id=n,
        number=f"义群信〔{received.year}〕{n:06d}号",
        year=received.year,
        seq=n,
        source="letter" if n % 3 else "visit",
        visitor_id=n,
        purpose=rng.choice(tuple(catalog.PURPOSES)),
        summary=rng.choice(SUMMARIES),
        received_on=received,
        decide_due=deadlines.decide_due(received, cal),
        officer_id=1 + n % OFFICERS,
        extension_days=0,
        repeat_count=0,
        created_at=dt.datetime.combine(received, dt.time(9)),
    )
    kind = rng.random()
    if kind < 0.15 or TODAY - received < dt.timedelta(days=3):
        case.state = CaseState.REGISTERED
    else:
        decided = received + dt.timedelta(days=rng.randrange(1, 17))
        decided = min(decided, TODAY)
        case.decided_on = decided
        case.handle_due = deadlines.handle_due(decided, 0, cal)
        case.state = CaseState.HANDLING
        if kind < 0.55:
            case.decision = CaseDecision.ASSIGNED
            case.unit_id = 1 + n % UNITS
            case.assigned_due = cal.on_or_after_workday(decided + dt.timedelta(days=30))
        else:
            case.decision = CaseDecision.ACCEPTED
        later = decided + dt.timedelta(days=rng.randrange(20, 60))
        if kind > 0.8 and later < TODAY:
            case.replied_on = later
            case.outcome = CaseOutcome.SUPPORT
            case.state = CaseState.REPLIED
            case.execution_due = deadlines.execution_due(later, cal)
            if kind > 0.88:
                case.review_requested_on = min(later + dt.timedelta(days=10), TODAY)
                case.review_due = deadlines.review_due(case.review_requested_on, cal)
                case.state = CaseState.REVIEW
            if kind > 0.95 and case.review_due is not None and case.review_due < TODAY:
                case.reviewed_on = case.review_due
                case.review_outcome = "reject"
                case.execution_due = None
                case.state = CaseState.REVIEWED
                case.rereview_requested_on = case.reviewed_on + dt.timedelta(days=1)
                case.rereview_due = deadlines.rereview_due(case.rereview_requested_on, cal)
                if case.rereview_requested_on <= TODAY:
                    case.state = CaseState.REREVIEW
    cases.refresh_limits(case)
    return case


def with_defaults(table: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows with the model's defaults for the columns they leave out (COPY knows none;
    the database fills its own server defaults)."""
    given = rows[0].keys()
    defaults: dict[str, Any] = {}
    for column in schema.metadata().tables[table].columns:
        if column.name in given:
            continue
        if isinstance(column.default, ScalarElementColumnDefault):
            defaults[column.name] = column.default.arg
        elif not column.nullable and column.server_default is None:
            raise RuntimeError(f"benchmark rows for {table} lack the required {column.name}")
    return [row | defaults for row in rows]


def case_row(case: PetitionCase) -> dict[str, Any]:
    """The columns the case sets; the model's defaults fill the rest (with_defaults)."""
    row = {}
    for column in PetitionCase.__table__.columns:
        value = getattr(case, column.key)
        if value is not None or column.nullable:
            row[column.name] = value
    return row


Sink = Callable[[str, list[dict[str, Any]]], None]


def sqlite_sink(engine: Engine) -> tuple[Sink, Callable[[], None]]:
    def sink(table: str, rows: list[dict[str, Any]]) -> None:
        with engine.begin() as connection:
            connection.execute(insert(schema.metadata().tables[table]), with_defaults(table, rows))

    def done() -> None:
        # Leave the file as a hall's would be: the rows in the database, not in the WAL.
        raw = engine.raw_connection()
        try:
            raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            raw.close()

    return sink, done


def postgres_sink(url: str) -> tuple[Sink, Callable[[], None]]:
    connection = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://", 1))

    def sink(table: str, rows: list[dict[str, Any]]) -> None:
        rows = with_defaults(table, rows)
        columns = list(rows[0])
        with (
            connection.cursor() as cursor,
            cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row([json.dumps(v) if isinstance(v, dict) else v for v in row.values()])

    def done() -> None:
        for table in ("visitor", "petition_case"):
            connection.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT max(id) FROM {table}))"
            )
        connection.commit()
        connection.autocommit = True
        # What autovacuum does to a hall's tables after a day of work.
        connection.execute("VACUUM ANALYZE")
        connection.close()

    return sink, done


@dataclass(frozen=True)
class Loaded:
    seconds: float
    by_state: dict[str, int]
    officer_id: int


def load(db: Database, count: int) -> Loaded:
    with db.write() as s:
        catalog.seed(s)
        for n in range(UNITS):
            cases.add_unit(s, f"责任单位{n + 1:02d}", "市直部门")
        officers = [
            users.add_user(s, f"officer{n:02d}", f"承办人{n:02d}", "secret1", [users.OFFICER])
            for n in range(OFFICERS)
        ]
        officer_id = officers[0].id
        cal = calendar.load(s, TODAY.year - 1, TODAY.year + 1)
    with db.engine.begin() as connection:
        connection.exec_driver_sql(f"CREATE TABLE {FLOOR_TABLE} (v integer)")
    started = time.perf_counter()
    sink, done = sqlite_sink(db.engine) if db.is_sqlite else postgres_sink(db.url)
    rng = random.Random(count)
    by_state: dict[str, int] = {}
    for first in range(1, count + 1, CHUNK):
        batch = [open_case(n, rng, cal) for n in range(first, min(first + CHUNK, count + 1))]
        sink(
            "visitor",
            [
                {
                    "id": c.visitor_id,
                    "name": rng.choice(NAMES) + rng.choice(NAMES),
                    "created_at": c.created_at,
                }
                for c in batch
            ],
        )
        sink("petition_case", [case_row(c) for c in batch])
        for c in batch:
            by_state[c.state] = by_state.get(c.state, 0) + 1
    done()
    return Loaded(time.perf_counter() - started, by_state, officer_id)


# ---------------------------------------------------------------------------------------------
# Timing


def views(db: Database, officer_id: int, case_id: int) -> dict[str, Callable[[], object]]:
    def read(work: Callable[[Any], object]) -> Callable[[], object]:
        def action() -> object:
            with db.read() as s:
                return work(s)

        return action

    return {
        "overdue list, first page": read(lambda s: supervision.overdue(s, TODAY, limit=PAGE)),
        "overdue list, page 100": read(
            lambda s: supervision.overdue(s, TODAY, limit=PAGE, offset=99 * PAGE)
        ),
        "overdue count": read(lambda s: supervision.count_overdue(s, TODAY)),
        "supervision list, first page": read(
            lambda s: supervision.needing_supervision(s, TODAY, limit=PAGE)
        ),
        "supervision count": read(lambda s: supervision.count_needing_supervision(s, TODAY)),
        "alert counts, all": read(lambda s: supervision.alert_counts(s, TODAY)),
        "alert counts, one officer": read(
            lambda s: supervision.alert_counts(s, TODAY, officer_id=officer_id)
        ),
        "alerts ≥ 85 %, first page": read(
            lambda s: supervision.alerts(s, TODAY, at_least=Alert.EIGHTY_FIVE, limit=PAGE)
        ),
        "one officer's alerts, first page": read(
            lambda s: supervision.alerts(s, TODAY, officer_id=officer_id, limit=PAGE)
        ),
        "units' records (40 units)": read(lambda s: supervision.unit_records(s, TODAY)),
        "open one case (view)": read(
            lambda s: cases.view(s, s.get_one(PetitionCase, case_id), TODAY)
        ),
    }


def timed(action: Callable[[], object]) -> int:
    start = time.perf_counter_ns()
    action()
    return time.perf_counter_ns() - start


@dataclass(frozen=True)
class Figures:
    p50_ms: float
    p95_ms: float

    @classmethod
    def of(cls, samples_ns: Sequence[int]) -> Figures:
        cuts = statistics.quantiles(samples_ns, n=100, method="inclusive")
        return cls(statistics.median(samples_ns) / 1e6, cuts[94] / 1e6)


@dataclass
class Result:
    database: str
    cases: int
    database_mb: float
    loaded: Loaded
    counts: dict[str, int]
    floor: Figures
    figures: dict[str, Figures]


def measure(url: str, loaded: Loaded, samples: int) -> tuple[Figures, dict[str, Figures]]:
    # A fresh engine, like a supervisor's workstation starting up after the load.
    db = Database(url)
    with db.read() as s:
        case_id = s.scalar(select(PetitionCase.id).where(PetitionCase.due_on < TODAY).limit(1))
    assert case_id is not None
    floor = floor_inserter(db)
    actions = views(db, loaded.officer_id, case_id)
    for action in actions.values():
        for _ in range(WARMUP):
            action()
    floor_ns: list[int] = []
    view_ns: dict[str, list[int]] = {name: [] for name in actions}
    for _ in range(samples):
        for name, action in actions.items():
            floor_ns.append(timed(floor))
            view_ns[name].append(timed(action))
    db.dispose()
    return Figures.of(floor_ns), {name: Figures.of(ns) for name, ns in view_ns.items()}


def counts(url: str) -> dict[str, int]:
    db = Database(url)
    with db.read() as s:
        result = {
            "overdue": supervision.count_overdue(s, TODAY),
            "needing supervision": supervision.count_needing_supervision(s, TODAY),
        }
        result.update({f"alert {int(k)}": v for k, v in supervision.alert_counts(s, TODAY).items()})
    db.dispose()
    return result


def run(kind: str, count: int, samples: int, pg_admin: str) -> Result:
    with fresh_database(kind, pg_admin) as (url, size_mb):
        db = Database(url)
        loaded = load(db, count)
        db.dispose()
        log(f"{kind}: {count:,} open cases loaded in {loaded.seconds:.0f} s: {loaded.by_state}")
        floor, figures = measure(url, loaded, samples)
        return Result(kind, count, size_mb(), loaded, counts(url), floor, figures)


def markdown(results: Sequence[Result], command: str, elapsed_s: float) -> str:
    lines = [
        f"Run on {dt.date.today()}, {os.cpu_count()} cores ({platform.machine()}), "
        f"Python {platform.python_version()}, SQLAlchemy {sqlalchemy.__version__}, "
        f"psycopg {psycopg.__version__}; whole run {elapsed_s / 60:.1f} min; "
        f"load average {os.getloadavg()[0]:.1f} at the end. Today is {TODAY}.",
        "",
        f"Reproduce: `{command}`",
    ]
    for r in results:
        title = "SQLite (WAL file)" if r.database == "sqlite" else "PostgreSQL (127.0.0.1)"
        states = ", ".join(f"{state} {n:,}" for state, n in sorted(r.loaded.by_state.items()))
        found = ", ".join(f"{name} {n:,}" for name, n in r.counts.items())
        lines += [
            "",
            f"### {title}: {r.cases:,} open cases",
            "",
            f"Database {r.database_mb:,.0f} MB, loaded in {r.loaded.seconds:.0f} s. "
            f"States: {states}. On {TODAY}: {found}.",
            "",
            "| view (one unit of work) | p50 | p95 | × floor p50 / p95 |",
            "|---|---:|---:|---:|",
            f"| floor: INSERT + COMMIT | {r.floor.p50_ms:.2f} ms | {r.floor.p95_ms:.2f} ms | 1 |",
        ]
        for name, f in r.figures.items():
            lines.append(
                f"| {name} | {f.p50_ms:.2f} ms | {f.p95_ms:.2f} ms "
                f"| {f.p50_ms / r.floor.p50_ms:.1f}× / {f.p95_ms / r.floor.p95_ms:.1f}× |"
            )
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--samples", type=int, default=200, help="timings of each view")
    parser.add_argument(
        "--pg-admin",
        default=os.environ.get("HALL_BENCH_PG", DEFAULT_PG_ADMIN),
        help="a PostgreSQL URL allowed to create and drop databases (%(default)s)",
    )
    args = parser.parse_args(argv)
    kinds = ["sqlite", "postgresql"] if args.db == "both" else [args.db]
    started = time.perf_counter()
    results = [run(kind, args.cases, args.samples, args.pg_admin) for kind in kinds]
    command = " ".join(["python bench/cases_bench.py", *(sys.argv[1:] if argv is None else argv)])
    print(markdown(results, command, time.perf_counter() - started))


if __name__ == "__main__":
    main()
