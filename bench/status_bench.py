"""Today's queue status (``hall.queue.status``) against the size of the ticket history.

The display, the front desk's queue tab and ``hall-admin queue status`` read it on every
refresh; it must cost what today's tickets cost, not what all days' tickets cost. Each size is
a fresh SQLite file with ``size`` tickets spread over past days (bulk-inserted, 2 000 a day)
and 400 today; the figure is the median and 95th percentile of ``--samples`` status reads.
Prints Markdown for BENCHMARKS.md.

    python bench/status_bench.py --sizes 1000 100000 1000000
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import insert, select

from db import migrate
from db.engine import Database
from db.models import ServiceWindow, Ticket
from hall import queue, setup

TODAY = dt.date(2026, 6, 10)
PER_DAY = 2_000
TODAY_TICKETS = 400
STATES = ("finished", "finished", "finished", "no_show", "cancelled")


def rows(
    window_ids: Sequence[int], day: dt.date, count: int, state: str | None
) -> list[dict[str, object]]:
    opening = dt.datetime.combine(day, dt.time(9))
    out: list[dict[str, object]] = []
    for n in range(count):
        at = opening + dt.timedelta(seconds=10 * n)
        out.append(
            {
                "window_id": window_ids[n % len(window_ids)],
                "service_date": day,
                "seq": n // len(window_ids) + 1,
                "number": f"X{n // len(window_ids) + 1:03d}"[:8],
                "status": state or STATES[n % len(STATES)],
                "priority": 0 if n % 10 == 0 else 1,
                "queued_at": at,
                "issued_at": at,
                "recall_count": 0,
                "notes": "",
            }
        )
    return out


def build(path: Path, size: int) -> Database:
    db = Database(f"sqlite:///{path}")
    migrate.upgrade(db.engine)
    with db.write() as s:
        setup.initialise(s, "测评大厅", "411281", "豫1281", "admin", "管理员", "secret123")
    with db.read() as s:
        window_ids = list(s.scalars(select(ServiceWindow.id)))
    with db.write() as s:
        left, day = size, TODAY - dt.timedelta(days=1)
        while left > 0:
            batch = min(PER_DAY, left)
            s.execute(insert(Ticket), rows(window_ids, day, batch, None))
            left -= batch
            day -= dt.timedelta(days=1)
        s.execute(insert(Ticket), rows(window_ids, TODAY, TODAY_TICKETS, "waiting"))
    return db


def measure(db: Database, samples: int) -> tuple[float, float]:
    times: list[float] = []
    for _ in range(samples):
        start = time.perf_counter()
        with db.read() as s:
            queue.status(s, TODAY)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 100_000, 1_000_000])
    parser.add_argument("--samples", type=int, default=200)
    args = parser.parse_args()
    load = os.getloadavg()[0]
    lines = [
        f"SQLite, {args.samples} reads per size, load average {load:.1f} before.",
        "",
        "| history tickets | today's tickets | queue.status p50 | p95 |",
        "|---:|---:|---:|---:|",
    ]
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            db = build(Path(folder) / f"status-{size}.sqlite3", size)
            p50, p95 = measure(db, args.samples)
            db.dispose()
            lines.append(f"| {size:,} | {TODAY_TICKETS} | {p50:.2f} ms | {p95:.2f} ms |")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
