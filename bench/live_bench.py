"""Live latency: from a call committed by one process to the calling display in another
process showing it, on PostgreSQL (LISTEN/NOTIFY) and on SQLite (polling).

Usage (from the repository root)::

    .venv/bin/python bench/live_bench.py [--db sqlite|postgresql|both] [--calls 200]

For each database the benchmark makes a fresh one the way the program does (a SQLite file in
a temporary directory, or a new PostgreSQL database that it drops at the end), queues the
visitors, and starts the calling display in a process of its own: an offscreen
``QApplication`` with the real :class:`desktop.display.CallingDisplay` fed by the real
:class:`kit.live.LiveFeed`. The benchmark process then calls the visitors one at a time,
each call one unit of work as a window's workstation makes it, alternating between two
windows, and notes the time the commit returned. The display notes the time its window's tile
first shows the new number (at the end of the refresh that set it, before the screen is
painted). Both times are ``time.monotonic()``, one clock for every process on the machine.
Calls are spaced at random 100-600 ms apart: each is measured on its own rather than as part
of a burst, and, the spread being two of SQLite's poll periods, a call lands anywhere in the
display's poll cycle rather than in step with it.

The result is printed as a Markdown table for BENCHMARKS.md; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.context import SpawnContext
from multiprocessing.synchronize import Event as EventFlag
from pathlib import Path
from typing import Any

import psycopg

from db import migrate
from db.engine import Database
from hall import catalog, queue

DEFAULT_PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
WINDOWS = ("legal", "aid")
# The first calls pay for connecting and compiling statements; they are not timed.
WARMUP = 10
TIMEOUT = 30.0


@dataclass(frozen=True)
class Result:
    database: str
    calls: int
    p50_ms: float
    p95_ms: float
    max_ms: float


def display_process(url: str, ready: EventFlag, shown: Any) -> None:
    """The calling display: report (number, time shown) for every number a tile takes."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.display import CallingDisplay
    from kit.context import HallEvents
    from kit.live import LiveFeed

    app = QApplication([])
    database = Database(url)
    events = HallEvents()
    screen = CallingDisplay(database, events, WINDOWS)
    screen.resize(1920, 1080)
    screen.show()
    showing = {code: tile.number.text() for code, tile in screen.tiles.items()}

    def refreshed() -> None:
        at = time.monotonic()
        for code, tile in screen.tiles.items():
            number = tile.number.text()
            if number != showing[code]:
                showing[code] = number
                shown.put((number, at))

    screen.refreshed.connect(refreshed)
    feed = LiveFeed(database, events)
    feed.start()

    def check() -> None:
        if feed.online:
            ready.set()

    timer = QTimer()
    timer.timeout.connect(check)
    timer.start(20)
    # The benchmark ends the process when it is done.
    app.exec()


@contextmanager
def fresh_database(kind: str, pg_admin: str) -> Iterator[Database]:
    if kind == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            database = Database(f"sqlite:///{Path(folder) / 'live.sqlite3'}")
            try:
                yield database
            finally:
                database.dispose()
        return
    name = f"hall_live_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(pg_admin, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    base = pg_admin.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1)
    database = Database(f"{base}/{name}")
    try:
        yield database
    finally:
        database.dispose()
        with psycopg.connect(pg_admin, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def measure(kind: str, calls: int, pg_admin: str) -> Result:
    ctx: SpawnContext = multiprocessing.get_context("spawn")
    with fresh_database(kind, pg_admin) as database:
        migrate.upgrade(database.engine)
        with database.write() as s:
            catalog.seed(s)
            for i in range(WARMUP + calls):
                queue.issue_ticket(s, WINDOWS[i % len(WINDOWS)])
        ready = ctx.Event()
        shown = ctx.Queue()
        display = ctx.Process(target=display_process, args=(database.url, ready, shown))
        display.start()
        try:
            if not ready.wait(120):
                raise RuntimeError("the display process never got online")
            latencies = []
            for i in range(WARMUP + calls):
                time.sleep(random.uniform(0.1, 0.6))
                with database.write() as s:
                    ticket = queue.call_next(s, WINDOWS[i % len(WINDOWS)], seat=1)
                    assert ticket is not None
                    number = ticket.number
                committed = time.monotonic()
                while True:
                    seen, at = shown.get(timeout=TIMEOUT)
                    if seen == number:
                        break
                if i >= WARMUP:
                    latencies.append((at - committed) * 1000)
                print(f"{kind}: {i + 1}/{WARMUP + calls}", end="\r", file=sys.stderr)
            print(file=sys.stderr)
        finally:
            display.kill()
            display.join()
    quantiles = statistics.quantiles(latencies, n=100, method="inclusive")
    return Result(kind, calls, quantiles[49], quantiles[94], max(latencies))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--pg-admin", default=os.environ.get("HALL_BENCH_PG", DEFAULT_PG_ADMIN))
    args = parser.parse_args()
    kinds = ("postgresql", "sqlite") if args.db == "both" else (args.db,)
    results = [measure(kind, args.calls, args.pg_admin) for kind in kinds]
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}, {platform.system()} {platform.release()}\n"
    )
    print("| database | calls | p50 | p95 | max |")
    print("|---|---:|---:|---:|---:|")
    for r in results:
        print(
            f"| {r.database} | {r.calls} | {r.p50_ms:.1f} ms | {r.p95_ms:.1f} ms "
            f"| {r.max_ms:.1f} ms |"
        )


if __name__ == "__main__":
    main()
