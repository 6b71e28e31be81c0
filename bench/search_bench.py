"""Front-desk visitor search against a large register: by ID number, phone, name, pinyin initials.

Usage (from the repository root)::

    .venv/bin/python bench/search_bench.py [--visitors 1000000] [--db sqlite|postgresql|both]
                                           [--samples 300]

The benchmark builds a fresh database the way the program does (``db.engine.Database`` and
``db.migrate``), bulk-loads ``--visitors`` visitors with realistic names (a hundred common
surnames, one- or two-character given names), valid ID numbers and mobile numbers, untimed,
then times ``hall.visitors.search`` as the front desk runs it: one read-only unit of work per
query, ``with db.read() as s: visitors.search(s, text)``. Each kind of query is sampled with
fresh texts drawn from the loaded data, so the database's caches hold what a day at the desk
would touch rather than one repeated row.

Two floors are measured in the same run on the same database: a bare one-row INSERT + COMMIT
(the floor every benchmark of this project reports against) and a bare ``SELECT 1`` round trip
on the program's read session (the least any search can cost). Figures are printed as
Markdown for BENCHMARKS.md; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

from db import crypto
from db.engine import Database
from db.lookup import lookup_columns
from hall import demo, visitors

sys.path.insert(0, os.path.dirname(__file__))
from queue_bench import (
    CHUNK,
    DEFAULT_PG_ADMIN,
    FLOOR_TABLE,
    floor_inserter,
    fresh_database,
    peak_rss_mb,
    postgres_sink,
    sqlite_sink,
    with_defaults,
)

SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏"
    "薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武"
    "乔贺赖龚文"
)
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红建国志文辉力永健世广海鹏宏春雪梅琳"
    "晨浩宇轩博涵子欣怡嘉佳雨泽思俊凯峰亮斌波宁鑫阳鸿飞瑞成德福生荣贵贞淑惠珍秋菊凤云莲翠"
)
# ID numbers and phones are stored encrypted: found whole (by look-up hash), a phone by its
# last four digits, an ID number's holder by the birth date in it; no prefixes of them.
KINDS = ("ID number", "phone", "phone last 4", "birth date", "name", "surname", "initials")
WARMUP = 30


@dataclass
class Loaded:
    names: list[str]
    ids: list[str]
    phones: list[str]
    seconds: float


def initials_table() -> dict[str, str]:
    """Pinyin initials per character, surnames read as surnames, so loading a million names
    costs a dictionary look-up per character rather than a pinyin conversion per name."""
    table = {c: visitors.name_initials("一" + c)[1:] for c in GIVEN}
    table.update({c: visitors.name_initials(c) for c in SURNAMES})
    return table


def load(db: Database, count: int, rng: random.Random) -> Loaded:
    initials = initials_table()
    sink, done = sqlite_sink(db.engine) if db.is_sqlite else postgres_sink(db.url)
    names: list[str] = []
    ids: list[str] = []
    phones: list[str] = []
    created = dt.datetime(2020, 1, 1, 9, 0)
    started = time.perf_counter()
    rows: list[dict[str, Any]] = []
    for visitor_id in range(1, count + 1):
        surname = rng.choice(SURNAMES)
        given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
        name = surname + given
        number, gender = demo.demo_id_number(rng)
        phone = f"1{rng.choice('3456789')}{rng.randrange(0, 10**9):09d}"
        rows.append(
            {
                "id": visitor_id,
                "name": name,
                "name_initials": "".join(initials[c] for c in name),
                "gender": gender,
                "id_type": "resident",
                "id_number": crypto.encrypt(number),
                "birth_date": dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14])),
                "phone": crypto.encrypt(phone),
                **lookup_columns(number, phone),
                "created_at": created + dt.timedelta(minutes=visitor_id),
            }
        )
        if visitor_id % 97 == 0:
            names.append(name)
            ids.append(number)
            phones.append(phone)
        if len(rows) >= CHUNK:
            sink("visitor", with_defaults("visitor", rows))
            rows = []
            if visitor_id % 200_000 == 0:
                print(f"  loaded {visitor_id:,} visitors", file=sys.stderr, flush=True)
    if rows:
        sink("visitor", with_defaults("visitor", rows))
    done()
    return Loaded(names, ids, phones, time.perf_counter() - started)


def query_texts(kind: str, loaded: Loaded, rng: random.Random, n: int) -> list[str]:
    if kind == "ID number":
        return rng.choices(loaded.ids, k=n)
    if kind == "phone":
        return rng.choices(loaded.phones, k=n)
    if kind == "phone last 4":
        return [p[-4:] for p in rng.choices(loaded.phones, k=n)]
    if kind == "birth date":
        return [i[6:14] for i in rng.choices(loaded.ids, k=n)]
    if kind == "name":
        return [name[:2] for name in rng.choices(loaded.names, k=n)]
    if kind == "surname":
        return [rng.choice(SURNAMES) for _ in range(n)]
    return [visitors.name_initials(name) for name in rng.choices(loaded.names, k=n)]


def percentile(samples: Sequence[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


@dataclass
class Figure:
    p50_ms: float
    p95_ms: float
    mean_results: float


def time_calls(action: Callable[[], int], n: int) -> Figure:
    times: list[float] = []
    counts: list[int] = []
    for i in range(WARMUP + n):
        start = time.perf_counter_ns()
        found = action()
        elapsed = (time.perf_counter_ns() - start) / 1e6
        if i >= WARMUP:
            times.append(elapsed)
            counts.append(found)
    return Figure(percentile(times, 0.5), percentile(times, 0.95), statistics.mean(counts))


def searcher(db: Database, texts: Iterator[str]) -> Callable[[], int]:
    """One front-desk search per call, each with the next text."""

    def search() -> int:
        with db.read() as s:
            return len(visitors.search(s, next(texts)))

    return search


def measure(db: Database, loaded: Loaded, samples: int, seed: int) -> dict[str, Figure]:
    rng = random.Random(seed)
    insert_one = floor_inserter(db)
    figures = {
        "floor: INSERT+COMMIT": time_calls(lambda: (insert_one(), 0)[1], samples),
    }

    def select_one() -> int:
        with db.read() as s:
            s.execute(text("SELECT 1"))
        return 0

    figures["floor: SELECT 1"] = time_calls(select_one, samples)
    for kind in KINDS:
        texts = iter(query_texts(kind, loaded, rng, WARMUP + samples))
        figures[kind] = time_calls(searcher(db, texts), samples)
    return figures


def run(kind: str, count: int, samples: int, pg_admin: str) -> tuple[dict[str, Figure], str]:
    rng = random.Random(20261121)
    with fresh_database(kind, pg_admin) as (url, size_mb):
        db = Database(url)
        with db.engine.begin() as connection:
            connection.exec_driver_sql(f"CREATE TABLE {FLOOR_TABLE} (v integer)")
        print(f"{kind}: loading {count:,} visitors", file=sys.stderr, flush=True)
        loaded = load(db, count, rng)
        print(f"{kind}: loaded in {loaded.seconds:.0f} s; measuring", file=sys.stderr, flush=True)
        figures = measure(db, loaded, samples, seed=7)
        note = f"{size_mb():.0f} MB database, loaded in {loaded.seconds:.0f} s"
        db.dispose()
    return figures, note


def markdown(kind: str, count: int, figures: dict[str, Figure], note: str) -> str:
    floor = figures["floor: INSERT+COMMIT"].p50_ms
    lines = [
        f"#### {kind}, {count:,} visitors ({note}; peak RSS {peak_rss_mb():.0f} MB)",
        "",
        "| query | p50 ms | p95 ms | p50 / INSERT+COMMIT | mean results |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, figure in figures.items():
        lines.append(
            f"| {name} | {figure.p50_ms:.2f} | {figure.p95_ms:.2f} | "
            f"{figure.p50_ms / floor:.2f} | {figure.mean_results:.1f} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visitors", type=int, default=1_000_000)
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--pg-admin", default=DEFAULT_PG_ADMIN)
    args = parser.parse_args(argv)
    kinds = ("sqlite", "postgresql") if args.db == "both" else (args.db,)
    # A hall key of the run's own, as hall.keys gives the program one at start-up.
    crypto.use_keyring(crypto.Keyring(crypto.HallKey.generate()))
    print(f"Visitor search, {dt.date.today()}, {os.cpu_count()} cores: `{' '.join(sys.argv)}`\n")
    for kind in kinds:
        figures, note = run(kind, args.visitors, args.samples, args.pg_admin)
        print(markdown(kind, args.visitors, figures, note), flush=True)


if __name__ == "__main__":
    main()
