"""Queue latency against history: issue_ticket and call_next with 1 000 … 1 000 000 past tickets.

Usage (from the repository root)::

    .venv/bin/python bench/queue_bench.py [--sizes 1000,100000,1000000]
                                          [--db sqlite|postgresql|both] [--samples 500]

For each (database, size) the benchmark makes a fresh database the way the program does
(``db.engine.Database`` + ``db.migrate``): a SQLite file in a temporary directory, or a new
PostgreSQL database that it drops at the end. One child process loads the history with bulk
inserts (SQLite) or COPY (PostgreSQL), untimed; a second, fresh one then times each operation
as one real unit of work, ``with db.write() as s: queue.issue_ticket(s, ...)``, and reports
its own peak RSS, which is thus a workstation's, not the loader's. The floor is a bare one-row
INSERT + COMMIT into a one-column table of the same database, on a connection of the same
engine, sampled in alternation with the operations so that load from other processes on a
shared machine weighs on both alike.

The result is printed as Markdown tables for BENCHMARKS.md; progress goes to stderr.
Peak RSS is read from Linux's ``/proc/self/status``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import psycopg
import sqlalchemy
from sqlalchemy import Engine, Table, event, insert, select
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from db import crypto, migrate, schema
from db.engine import Database
from db.event_kinds import EventKind
from db.models import ServiceWindow
from db.states import TicketStatus
from hall import catalog, queue

DEFAULT_SIZES = (1_000, 100_000, 1_000_000)
# Carries --synchronous to the measuring child processes.
SYNC_ENV = "HALL_BENCH_SQLITE_SYNCHRONOUS"
# A fixed key: the benchmark's data is made up, and its phases run in separate processes.
BENCH_KEY = crypto.HallKey("bench", bytes(crypto.SM4_KEY_BYTES), bytes(crypto.MAC_KEY_BYTES))
DEFAULT_PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
# The first operations pay for connecting and compiling statements; they are not timed.
WARMUP = 20
# Rows handed to one executemany / COPY: big enough to amortise the round trip, small enough
# that the loader's own memory does not show in the peak.
CHUNK = 20_000
# A busy day: 50 visitors per window, so a million tickets is about seven years of history.
TICKETS_PER_DAY = 400
TODAY = dt.date(2026, 11, 23)
OPENING = dt.time(8, 30)
FLOOR_TABLE = "bench_floor"


# ---------------------------------------------------------------------------------------------
# History: deterministic rows of past days, in foreign-key order per chunk


@dataclass(frozen=True)
class WindowRow:
    id: int
    code: str
    letter: str
    seats: int


Sink = Callable[[str, list[dict[str, Any]]], None]


class HistoryWriter:
    """Buffers rows per table and hands them to a sink in parent-before-child order."""

    ORDER = ("visitor", "visit", "ticket", "event_log", "counter")

    def __init__(self, sink: Sink) -> None:
        self.sink = sink
        self.buffers: dict[str, list[dict[str, Any]]] = {name: [] for name in self.ORDER}
        self.pending = 0

    def add(self, table: str, row: dict[str, Any]) -> None:
        self.buffers[table].append(row)
        self.pending += 1
        if self.pending >= CHUNK:
            self.flush()

    def flush(self) -> None:
        for name in self.ORDER:
            if self.buffers[name]:
                self.sink(name, with_defaults(name, self.buffers[name]))
                self.buffers[name] = []
        self.pending = 0


def with_defaults(name: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows with the model's defaults for the columns they leave out (COPY knows none of
    them); a required column without a default stops the run rather than be guessed."""
    given = rows[0].keys()
    defaults: dict[str, Any] = {}
    for column in table(name).columns:
        if column.name in given:
            continue
        default = column.default
        if isinstance(default, ScalarElementColumnDefault):
            defaults[column.name] = default.arg
        elif not column.nullable:
            raise RuntimeError(f"benchmark rows for {name} lack the required {column.name}")
    return [row | defaults for row in rows]


def query_code(visit_id: int) -> str:
    """A receipt query code in the program's alphabet, unique because it spells the visit id
    (the program draws them at random and retries on a clash)."""
    from hall import visitors  # see new_visit

    alphabet = visitors.QUERY_ALPHABET
    digits = []
    for _ in range(visitors.QUERY_CODE_LENGTH):
        visit_id, digit = divmod(visit_id, len(alphabet))
        digits.append(alphabet[digit])
    return "".join(reversed(digits))


def ticket_event(
    event_id: int, kind: str, ticket: dict[str, Any], window: WindowRow, at: dt.datetime, state: str
) -> dict[str, Any]:
    return {
        "id": event_id,
        "at": at,
        "actor_id": None,
        "kind": kind,
        "entity": "ticket",
        "entity_id": ticket["id"],
        "payload": {
            "number": ticket["number"],
            "window": window.code,
            "status": state,
            "seat": ticket["seat"],
        },
    }


@dataclass
class Ids:
    visitor: int = 0
    visit: int = 0
    ticket: int = 0
    event: int = 0


def new_visit(
    out: HistoryWriter,
    rng: random.Random,
    ids: Ids,
    window: WindowRow,
    at: dt.datetime,
    day_seq: int,
) -> int:
    """A visit, by a new visitor two times in three and by an earlier one otherwise."""
    # Imported here, by the loading process only: they pull in pypinyin's dictionaries
    # (some 50 MB), which would swell the peak RSS of the process that times queue work.
    from hall import demo

    if ids.visitor == 0 or rng.random() < 2 / 3:
        ids.visitor += 1
        number, gender = demo.demo_id_number(rng)
        out.add(
            "visitor",
            {
                "id": ids.visitor,
                "name": demo.random_name(rng),
                "gender": gender,
                "id_type": "resident",
                "id_number": number,
                "birth_date": dt.datetime.strptime(number[6:14], "%Y%m%d").date(),
                "phone": f"13{rng.randrange(0, 10**9):09d}",
                "address": rng.choice(("千秋路街道", "新区街道", "东区街道", "常村路街道")),
                "created_at": at,
            },
        )
        visitor_id = ids.visitor
    else:
        visitor_id = rng.randrange(1, ids.visitor + 1)
    ids.visit += 1
    code = f"V{at:%Y%m%d}{day_seq:04d}"
    _window, purpose, summary, litigation = rng.choice(demo.MATTERS)
    out.add(
        "visit",
        {
            "id": ids.visit,
            "code": code,
            "query_code": query_code(ids.visit),
            "visitor_id": visitor_id,
            "channel": "visit",
            "purpose": purpose,
            "summary": summary,
            "group_size": 1,
            "litigation": litigation,
            "urgent": False,
            "priority_reason": None,
            "window_id": window.id,
            "status": "open",
            "outcome_notes": "",
            "created_at": at,
            "created_by": None,
        },
    )
    ids.event += 1
    out.add(
        "event_log",
        {
            "id": ids.event,
            "at": at,
            "actor_id": None,
            "kind": EventKind.VISIT_REGISTERED,
            "entity": "visit",
            "entity_id": ids.visit,
            "payload": {"code": code, "window": window.code},
        },
    )
    return ids.visit


def write_history(
    out: HistoryWriter, size: int, windows: Sequence[WindowRow], reasons: Sequence[str]
) -> Ids:
    """``size`` served tickets over the days before TODAY, with the visits, visitors, events
    and counters they imply. Returns the last ids used."""
    rng = random.Random(size)
    ids = Ids()
    days = -(-size // TICKETS_PER_DAY)
    remaining = size
    for back in range(days, 0, -1):
        day = TODAY - dt.timedelta(days=back)
        opening = dt.datetime.combine(day, OPENING)
        count = min(TICKETS_PER_DAY, remaining)
        remaining -= count
        seqs = dict.fromkeys((w.id for w in windows), 0)
        for n in range(count):
            window = windows[n % len(windows)]
            seqs[window.id] += 1
            issued = opening + dt.timedelta(seconds=8 * 3600 * n // count)
            visit_id = new_visit(out, rng, ids, window, issued, n + 1)
            called = issued + dt.timedelta(seconds=rng.randrange(60, 2400))
            started = called + dt.timedelta(seconds=rng.randrange(20, 120))
            finished = started + dt.timedelta(seconds=rng.randrange(180, 1500))
            absent = rng.random() < 0.04
            gave_up = called + dt.timedelta(minutes=5)
            reason = rng.choice(reasons) if rng.random() < 0.1 else None
            ids.ticket += 1
            ticket = {
                "id": ids.ticket,
                "visit_id": visit_id,
                "window_id": window.id,
                "service_date": day,
                "seq": seqs[window.id],
                "number": f"{window.letter}{seqs[window.id]:03d}",
                "status": TicketStatus.NO_SHOW if absent else TicketStatus.FINISHED,
                "priority": queue.PRIORITY if reason else queue.ORDINARY,
                "priority_reason": reason,
                "queued_at": issued,
                "issued_at": issued,
                "called_at": called,
                "started_at": None if absent else started,
                "finished_at": gave_up if absent else finished,
                "seat": rng.randrange(1, window.seats + 1),
                "called_by": None,
                "recall_count": 2 if absent else 0,
                "transferred_from_id": None,
                "notes": "" if absent else "当场答复，来访人表示满意。",
            }
            out.add("ticket", ticket)
            steps = [
                (EventKind.TICKET_ISSUED, issued, TicketStatus.WAITING),
                (EventKind.TICKET_CALLED, called, TicketStatus.CALLED),
            ]
            if absent:
                steps.append((EventKind.TICKET_NO_SHOW, gave_up, TicketStatus.NO_SHOW))
            else:
                steps.append((EventKind.TICKET_STARTED, started, TicketStatus.SERVING))
                steps.append((EventKind.TICKET_FINISHED, finished, TicketStatus.FINISHED))
            for kind, at, state in steps:
                ids.event += 1
                out.add("event_log", ticket_event(ids.event, kind, ticket, window, at, state))
        for window in windows:
            if seqs[window.id]:
                out.add(
                    "counter", {"name": f"ticket:{window.code}:{day}", "value": seqs[window.id]}
                )
        out.add("counter", {"name": f"visit:{day:%Y%m%d}", "value": count})
    return ids


def todays_visits(
    out: HistoryWriter, ids: Ids, windows: Sequence[WindowRow], count: int
) -> list[int]:
    """Visits registered this morning that the timed operations will queue and call."""
    rng = random.Random(-count)
    opening = dt.datetime.combine(TODAY, OPENING)
    visit_ids = []
    for n in range(count):
        window = windows[n % len(windows)]
        visit_ids.append(new_visit(out, rng, ids, window, opening, n + 1))
    out.add("counter", {"name": f"visit:{TODAY:%Y%m%d}", "value": count})
    return visit_ids


# ---------------------------------------------------------------------------------------------
# Loading: executemany on SQLite, COPY on PostgreSQL


def table(name: str) -> Table:
    return schema.metadata().tables[name]


def sqlite_sink(engine: Engine) -> tuple[Sink, Callable[[], None]]:
    # A transaction per chunk lets SQLite checkpoint as it goes, so the WAL stays small.
    def sink(name: str, rows: list[dict[str, Any]]) -> None:
        with engine.begin() as connection:
            connection.execute(insert(table(name)), rows)

    def done() -> None:
        # Leave the file as a long-running hall would: history in the database, not the WAL.
        # On a bare connection: a checkpoint cannot run inside the BEGIN IMMEDIATE that the
        # engine starts for every SQLAlchemy transaction.
        raw = engine.raw_connection()
        try:
            raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            raw.close()

    return sink, done


def postgres_sink(url: str) -> tuple[Sink, Callable[[], None]]:
    connection = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://", 1))

    def sink(name: str, rows: list[dict[str, Any]]) -> None:
        columns = list(rows[0])
        with (
            connection.cursor() as cursor,
            cursor.copy(f"COPY {name} ({', '.join(columns)}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(
                    [
                        json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else v
                        for v in row.values()
                    ]
                )

    def done() -> None:
        # COPY wrote explicit ids; the program's own inserts draw from the sequences next.
        for name in ("visitor", "visit", "ticket", "event_log"):
            connection.execute(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                f"(SELECT coalesce(max(id), 1) FROM {name}))"
            )
        connection.commit()
        connection.autocommit = True
        # What autovacuum would long since have done to a hall's years of history.
        connection.execute("VACUUM ANALYZE")
        connection.close()

    return sink, done


# ---------------------------------------------------------------------------------------------
# Phase 1, in its own process: fill a migrated database with history


@dataclass(frozen=True)
class Loaded:
    seconds: float
    events: int
    first_visit_today: int


def load(url: str, size: int, visits_today: int) -> Loaded:
    db = Database(url)
    with db.write() as s:
        catalog.seed(s)
        windows = [
            WindowRow(w.id, w.code, w.letter, w.seat_count)
            for w in s.scalars(select(ServiceWindow).order_by(ServiceWindow.sort_order))
        ]
        reasons = [r.code for r in catalog.priority_reasons(s)]
    with db.engine.begin() as connection:
        connection.exec_driver_sql(f"CREATE TABLE {FLOOR_TABLE} (v integer)")
    started = time.perf_counter()
    sink, done = sqlite_sink(db.engine) if db.is_sqlite else postgres_sink(db.url)
    out = HistoryWriter(sink)
    ids = write_history(out, size, windows, reasons)
    visit_ids = todays_visits(out, ids, windows, visits_today)
    out.flush()
    done()
    db.dispose()
    return Loaded(time.perf_counter() - started, ids.event, visit_ids[0])


# ---------------------------------------------------------------------------------------------
# Phase 2, in a fresh process that, like a workstation, has only ever done queue work


@dataclass
class Samples:
    floor_ns: list[int]
    issue_ns: list[int]
    call_ns: list[int]
    # This process's CPU time per operation: unlike the wall clock it does not count the
    # time spent waiting for a core that other processes hold, so on a busy machine it shows
    # whether our own work grows. (On PostgreSQL the server's share is not in it.)
    issue_cpu_ns: list[int]
    call_cpu_ns: list[int]
    peak_rss_mb: float


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("VmHWM missing from /proc/self/status")


def floor_inserter(db: Database) -> Callable[[], None]:
    """One row INSERT + COMMIT on a raw connection of the program's engine (same pragmas)."""
    raw = db.engine.raw_connection()
    cursor = raw.cursor()
    if db.is_sqlite:
        # The engine's connect hook leaves transactions to the caller (isolation_level=None);
        # a writer in the program takes the lock with BEGIN IMMEDIATE, so the floor does too.
        def insert_one() -> None:
            cursor.execute("BEGIN IMMEDIATE")
            cursor.execute(f"INSERT INTO {FLOOR_TABLE} (v) VALUES (1)")
            cursor.execute("COMMIT")

    else:

        def insert_one() -> None:
            cursor.execute(f"INSERT INTO {FLOOR_TABLE} (v) VALUES (1)")
            raw.commit()

    return insert_one


def timed(action: Callable[[], None]) -> tuple[int, int]:
    """Wall-clock and CPU nanoseconds of one action."""
    start, start_cpu = time.perf_counter_ns(), time.process_time_ns()
    action()
    return time.perf_counter_ns() - start, time.process_time_ns() - start_cpu


def measure(url: str, first: int, count: int, first_visit: int) -> Samples:
    """Issue and then call tickets ``first`` … ``first + WARMUP + count`` of today, timing all
    but the warm-up."""
    db = Database(url)
    synchronous = os.environ.get(SYNC_ENV)
    if synchronous and db.is_sqlite:
        # The setting to compare with the program's own (FULL), applied after the engine's.
        event.listen(
            db.engine,
            "connect",
            lambda connection, _record: connection.execute(f"PRAGMA synchronous={synchronous}"),
        )
    with db.read() as s:
        windows = [(w.code, w.seat_count) for w in catalog.windows(s)]
        reasons = [r.code for r in catalog.priority_reasons(s)]
    moments = itertools.count(2 * first)
    opening = dt.datetime.combine(TODAY, dt.time(9, 0))

    def now() -> dt.datetime:
        return opening + dt.timedelta(seconds=next(moments))

    # Ticket n is issued at window n mod 8 and that window's n-th call takes one of them,
    # so every call finds somebody waiting; every tenth visitor has a priority reason.
    def issue(n: int) -> Callable[[], None]:
        code = windows[n % len(windows)][0]
        reason = reasons[n % len(reasons)] if n % 10 == 0 else None

        def action() -> None:
            with db.write() as s:
                queue.issue_ticket(
                    s, code, visit_id=first_visit + n, priority_reason=reason, now=now()
                )

        return action

    def call(n: int) -> Callable[[], None]:
        code, seats = windows[n % len(windows)]

        def action() -> None:
            with db.write() as s:
                if queue.call_next(s, code, seat=1 + n % seats, now=now()) is None:
                    raise RuntimeError(f"{code}: nobody waiting to call")

        return action

    floor = floor_inserter(db)
    warmup = range(first, first + WARMUP)
    batch = range(first + WARMUP, first + WARMUP + count)
    for n in warmup:
        floor()
        issue(n)()
    for n in warmup:
        call(n)()
    samples = Samples([], [], [], [], [], 0.0)
    for n in batch:
        samples.floor_ns.append(timed(floor)[0])
        wall, cpu = timed(issue(n))
        samples.issue_ns.append(wall)
        samples.issue_cpu_ns.append(cpu)
    for n in batch:
        samples.floor_ns.append(timed(floor)[0])
        wall, cpu = timed(call(n))
        samples.call_ns.append(wall)
        samples.call_cpu_ns.append(cpu)
    db.dispose()
    samples.peak_rss_mb = peak_rss_mb()
    return samples


def explain_call_next(url: str, first: int, visit_id: int) -> list[str]:
    """The plans the database chooses for the statements on ``ticket`` that one call_next
    runs, after one more ticket is issued: the reason its cost does or does not follow the
    history."""
    db = Database(url)
    with db.read() as s:
        windows = catalog.windows(s)
    code = windows[first % len(windows)].code
    at = dt.datetime.combine(TODAY, dt.time(9, 0)) + dt.timedelta(seconds=2 * first)
    with db.write() as s:
        queue.issue_ticket(s, code, visit_id=visit_id, now=at)
    statements: list[tuple[str, Any]] = []

    def capture(*args: Any) -> None:
        _connection, _cursor, statement, parameters, _context, _many = args
        if statement.lstrip().startswith("SELECT") and "FROM ticket" in statement:
            statements.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", capture)
    with db.write() as s:
        queue.call_next(s, code, now=at + dt.timedelta(seconds=1))
    event.remove(db.engine, "before_cursor_execute", capture)
    lines = []
    with db.engine.connect() as connection:
        for statement, parameters in statements:
            flat = " ".join(statement.split())
            lines.append(flat if len(flat) <= 160 else f"{flat[:160]} …")
            if db.is_sqlite:
                plan = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
                lines += [f"    {row[-1]}" for row in plan]
            else:
                plan = connection.exec_driver_sql(f"EXPLAIN {statement}", parameters)
                lines += [f"    {row[0]}" for row in plan]
    db.dispose()
    return lines


# ---------------------------------------------------------------------------------------------
# Orchestration and report


@dataclass(frozen=True)
class Figures:
    p50_ms: float
    p95_ms: float

    @classmethod
    def of(cls, samples_ns: Sequence[int]) -> Figures:
        cuts = statistics.quantiles(samples_ns, n=100, method="inclusive")
        return cls(p50_ms=statistics.median(samples_ns) / 1e6, p95_ms=cuts[94] / 1e6)


@dataclass
class Result:
    database: str
    size: int
    database_mb: float
    loaded: Loaded
    floor_ns: list[int] = field(default_factory=list)
    issue_ns: list[int] = field(default_factory=list)
    call_ns: list[int] = field(default_factory=list)
    issue_cpu_ns: list[int] = field(default_factory=list)
    call_cpu_ns: list[int] = field(default_factory=list)
    peak_rss_mb: float = 0.0
    call_next_plan: list[str] = field(default_factory=list)

    def add(self, samples: Samples) -> None:
        self.floor_ns += samples.floor_ns
        self.issue_ns += samples.issue_ns
        self.call_ns += samples.call_ns
        self.issue_cpu_ns += samples.issue_cpu_ns
        self.call_cpu_ns += samples.call_cpu_ns
        self.peak_rss_mb = max(self.peak_rss_mb, samples.peak_rss_mb)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@contextmanager
def fresh_database(kind: str, pg_admin: str) -> Iterator[tuple[str, Callable[[], float]]]:
    """The URL of a new database migrated as the program does it, and its size in MB."""
    if kind == "sqlite":
        with tempfile.TemporaryDirectory(prefix="hall-bench-") as directory:
            path = Path(directory) / "hall.sqlite3"
            url = f"sqlite:///{path}"
            migrated(url)
            yield url, lambda: path.stat().st_size / 2**20
        return
    name = f"hall_bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_admin, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        url = f"{pg_admin.rpartition('/')[0]}/{name}"
        migrated(url)

        def size_mb() -> float:
            with psycopg.connect(url) as connection:
                row = connection.execute("SELECT pg_database_size(current_database())").fetchone()
            return int(row[0] if row else 0) / 2**20

        yield url, size_mb
    finally:
        with psycopg.connect(pg_admin, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def migrated(url: str) -> None:
    db = Database(url)
    try:
        migrate.upgrade(db.engine)
    finally:
        db.dispose()


def phase(*args: object) -> dict[str, Any]:
    """Run one phase in a fresh interpreter and read back its JSON answer."""
    command = [sys.executable, __file__, "--phase", *map(str, args)]
    output = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True).stdout
    answer: dict[str, Any] = json.loads(output)
    return answer


def run(kind: str, sizes: Sequence[int], samples: int, rounds: int, pg_admin: str) -> list[Result]:
    """Load one database per size, then measure them in turn, round after round, so that a
    burst of load from elsewhere on the machine lands on every size rather than on one."""
    per_round = -(-samples // rounds)
    with ExitStack() as stack:
        results: list[tuple[str, Result]] = []
        for size in sizes:
            url, size_mb = stack.enter_context(fresh_database(kind, pg_admin))
            # One visit more than the rounds use, for the query plan at the end.
            loaded = Loaded(**phase("load", url, size, rounds * (WARMUP + per_round) + 1))
            log(f"{kind}: {size:,} tickets, {loaded.events:,} events in {loaded.seconds:.0f} s")
            results.append((url, Result(kind, size, size_mb(), loaded)))
        for turn in range(rounds):
            log(f"{kind}: measuring, round {turn + 1} of {rounds}")
            for url, result in results:
                answer = phase(
                    "measure",
                    url,
                    turn * (WARMUP + per_round),
                    per_round,
                    result.loaded.first_visit_today,
                )
                result.add(Samples(**answer))
        url, largest = results[-1]
        used = rounds * (WARMUP + per_round)
        plan = phase("explain", url, used, largest.loaded.first_visit_today + used)
        largest.call_next_plan = plan["lines"]
        return [result for _, result in results]


def ratio(figure: Figures, floor: Figures) -> str:
    return f"{figure.p50_ms / floor.p50_ms:.1f}× / {figure.p95_ms / floor.p95_ms:.1f}×"


def markdown(results: Sequence[Result], command: str, elapsed_s: float, load_before: float) -> str:
    lines = [
        f"Run on {dt.date.today()}, {os.cpu_count()} cores ({platform.machine()}), "
        f"Python {platform.python_version()}, SQLAlchemy {sqlalchemy.__version__}, "
        f"psycopg {psycopg.__version__}; {len(results[0].issue_ns)} timed operations of each "
        f"kind per row; whole run {elapsed_s / 60:.1f} min; load average "
        f"{load_before:.1f} before, {os.getloadavg()[0]:.1f} after.",
        "",
        f"Reproduce: `{command}`",
    ]
    for kind in dict.fromkeys(r.database for r in results):
        rows = [r for r in results if r.database == kind]
        title = "SQLite (WAL file)" if kind == "sqlite" else "PostgreSQL (127.0.0.1)"
        lines += [
            "",
            f"### {title}",
            "",
            "| history tickets | events | DB size | load | floor p50 / p95 "
            "| issue_ticket p50 / p95 | × floor | call_next p50 / p95 | × floor "
            "| CPU p50 issue / call | peak RSS |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for r in rows:
            floor, issue, call = (
                Figures.of(r.floor_ns),
                Figures.of(r.issue_ns),
                Figures.of(r.call_ns),
            )
            lines.append(
                f"| {r.size:,} | {r.loaded.events:,} | {r.database_mb:,.0f} MB "
                f"| {r.loaded.seconds:.0f} s "
                f"| {floor.p50_ms:.2f} / {floor.p95_ms:.2f} ms "
                f"| {issue.p50_ms:.2f} / {issue.p95_ms:.2f} ms | {ratio(issue, floor)} "
                f"| {call.p50_ms:.2f} / {call.p95_ms:.2f} ms | {ratio(call, floor)} "
                f"| {Figures.of(r.issue_cpu_ns).p50_ms:.2f} / "
                f"{Figures.of(r.call_cpu_ns).p50_ms:.2f} ms "
                f"| {r.peak_rss_mb:.0f} MB |"
            )
        small, large = rows[0], rows[-1]
        if large.size > small.size:
            growth = {
                name: Figures.of(getattr(large, name)).p50_ms
                / Figures.of(getattr(small, name)).p50_ms
                for name in ("call_ns", "issue_ns", "call_cpu_ns", "issue_cpu_ns")
            }
            lines += [
                "",
                f"p50 with {large.size:,} instead of {small.size:,} history tickets: "
                f"call_next {growth['call_ns']:.2f}× (CPU {growth['call_cpu_ns']:.2f}×), "
                f"issue_ticket {growth['issue_ns']:.2f}× (CPU {growth['issue_cpu_ns']:.2f}×).",
            ]
        lines += [
            "",
            f"Plans of call_next's statements on `ticket` with {large.size:,} history tickets:",
            "",
            "```",
            *large.call_next_plan,
            "```",
        ]
    return "\n".join(lines) + "\n"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--sizes",
        default=",".join(str(s) for s in DEFAULT_SIZES),
        help="history sizes in tickets, comma-separated (default: %(default)s)",
    )
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument(
        "--samples", type=int, default=500, help="timed operations of each kind (%(default)s)"
    )
    parser.add_argument(
        "--rounds", type=int, default=5, help="measuring rounds over the sizes (%(default)s)"
    )
    parser.add_argument(
        "--pg-admin",
        default=os.environ.get("HALL_BENCH_PG", DEFAULT_PG_ADMIN),
        help="a PostgreSQL URL allowed to create and drop databases (%(default)s)",
    )
    parser.add_argument(
        "--synchronous",
        choices=("FULL", "NORMAL"),
        help="SQLite's synchronous setting to measure instead of the program's (FULL)",
    )
    parser.add_argument("--phase", nargs="+", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    # The hall key, as hall.keys gives the program one at start-up: the same in every phase,
    # since the measuring one reads the visitors the loading one wrote.
    crypto.use_keyring(crypto.Keyring(BENCH_KEY))
    if args.phase:
        name, url, *numbers = args.phase
        if name == "load":
            print(json.dumps(asdict(load(url, int(numbers[0]), int(numbers[1])))))
        elif name == "explain":
            print(json.dumps({"lines": explain_call_next(url, int(numbers[0]), int(numbers[1]))}))
        else:
            first, count, first_visit = map(int, numbers)
            print(json.dumps(asdict(measure(url, first, count, first_visit))))
        return
    if args.synchronous:
        os.environ[SYNC_ENV] = args.synchronous  # read by the measuring child processes
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s]
    kinds = ["sqlite", "postgresql"] if args.db == "both" else [args.db]
    started = time.perf_counter()
    load_before = os.getloadavg()[0]
    results = []
    for kind in kinds:
        results += run(kind, sizes, args.samples, args.rounds, args.pg_admin)
    command = " ".join(["python bench/queue_bench.py", *(sys.argv[1:] if argv is None else argv)])
    print(markdown(results, command, time.perf_counter() - started, load_before))


if __name__ == "__main__":
    main()
