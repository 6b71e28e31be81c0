"""The records search by the words of a visit's summary: LIKE over the plain text (before) against
the keyed character-pair tokens and the check on the decrypted candidates (after, 0150_secops).

Usage (from the repository root)::

    .venv/bin/python bench/summary_bench.py [--visits 100000] [--db sqlite|postgresql|both]
                                            [--samples 100]

A fresh database built as the program builds it gets ``--visits`` visits (one visitor each)
whose summaries join two of forty everyday phrases, stored encrypted with their tokens, untimed;
beside them a plain table holds the same summaries as the program stored them before. Timed,
one read-only unit of work per query, newest 50 first as the records list asks:

* before: ``SELECT id FROM plain WHERE summary LIKE '%words%' ORDER BY id DESC LIMIT 50``;
* after: as the records search since 0180_sec2: the candidates (``db.summary_index``) newest
  first, each decrypted and checked as the page reaches it, stopping when the page is full
  (``page_holding``); a search of two characters needs no check (its one token is the words).

A phrase is in about one summary in twenty, so a search by one finds 5 % of the visits: the
common case, which decrypted every candidate before 0180_sec2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from collections.abc import Sequence

from sqlalchemy import literal, select, text

from db import crypto, summary_index
from db.engine import Database
from db.models import Visit
from hall import catalog

sys.path.insert(0, os.path.dirname(__file__))
from queue_bench import (
    CHUNK,
    DEFAULT_PG_ADMIN,
    fresh_database,
    postgres_sink,
    query_code,
    sqlite_sink,
    with_defaults,
)

PHRASES = (
    "拖欠工资",
    "宅基地纠纷",
    "低保申请",
    "医疗救助",
    "征地补偿",
    "房屋漏水",
    "物业收费",
    "噪音扰民",
    "子女入学",
    "养老保险",
    "工伤认定",
    "土地确权",
    "道路维修",
    "违章建筑",
    "邻里矛盾",
    "婚姻家庭",
    "遗产继承",
    "劳动合同",
    "拆迁安置",
    "环境污染",
    "供暖不足",
    "停水停电",
    "集体收益",
    "退役安置",
    "残疾补贴",
    "危房改造",
    "林权争议",
    "交通事故",
    "借贷纠纷",
    "医疗纠纷",
    "食品安全",
    "干部作风",
    "村务公开",
    "扶贫资金",
    "农资质量",
    "排水不畅",
    "违规收费",
    "户籍迁移",
    "社保转移",
    "学校收费",
)
PLAIN = "bench_plain_summary"
PAGE = 50


def load(db: Database, count: int, rng: random.Random) -> float:
    with db.write() as session:
        catalog.seed(session)
        window_id = session.scalar(text("SELECT min(id) FROM service_window"))
    with db.engine.begin() as connection:
        connection.exec_driver_sql(f"CREATE TABLE {PLAIN} (id integer PRIMARY KEY, summary text)")
    sink, done = sqlite_sink(db.engine) if db.is_sqlite else postgres_sink(db.url)
    key = crypto.current_keyring().current
    started = time.perf_counter()
    at = dt.datetime(2024, 1, 1, 9, 0)
    for first in range(1, count + 1, CHUNK):
        ids = range(first, min(first + CHUNK, count + 1))
        summaries = {i: f"反映{rng.choice(PHRASES)}和{rng.choice(PHRASES)}问题" for i in ids}
        sink(
            "visitor",
            with_defaults("visitor", [{"id": i, "name": "某", "created_at": at} for i in ids]),
        )
        sink(
            "visit",
            with_defaults(
                "visit",
                [
                    {
                        "id": i,
                        "code": f"V{i:09d}",
                        "visitor_id": i,
                        "query_code": query_code(i),
                        "channel": "visit",
                        "purpose": "request",
                        "summary": crypto.encrypt_with(key, summaries[i]),
                        "window_id": window_id,
                        "status": "open",
                        "township": "",
                        "created_at": at,
                    }
                    for i in ids
                ],
            ),
        )
        sink(
            "visit_summary_token",
            [
                {"token": token, "visit_id": i}
                for i in ids
                for token in summary_index.tokens(summaries[i], key)
            ],
        )
        with db.engine.begin() as connection:
            connection.execute(
                text(f"INSERT INTO {PLAIN} (id, summary) VALUES (:id, :summary)"),
                [{"id": i, "summary": s} for i, s in summaries.items()],
            )
        print(f"  loaded {ids[-1]:,} visits", file=sys.stderr, flush=True)
    done()
    return time.perf_counter() - started


def timed(
    db: Database, words: Sequence[str], before: bool
) -> tuple[list[float], float, list[list[int]]]:
    times, found, pages = [], [], []
    for word in words:
        start = time.perf_counter()
        with db.read() as s:
            if before:
                rows = [
                    (int(row[0]),)
                    for row in s.execute(
                        text(
                            f"SELECT id FROM {PLAIN} WHERE summary LIKE :p "
                            f"ORDER BY id DESC LIMIT {PAGE}"
                        ),
                        {"p": f"%{word}%"},
                    )
                ]
            else:
                # The records search's way (hall.outcomes.records): candidates in the page's
                # order, checked as reached until the page is full.
                ordered = (
                    select(Visit.id, literal(0), summary_index.raw_summary())
                    .where(Visit.id.in_(summary_index.candidates(word)))
                    .order_by(Visit.id.desc())
                )
                if summary_index.needs_check(word):
                    ids = summary_index.page_holding(s, ordered, word, 0, PAGE)
                else:
                    ids = list(s.scalars(ordered.with_only_columns(Visit.id).limit(PAGE)))
                rows = [(i,) for i in ids]
        times.append((time.perf_counter() - start) * 1000)
        found.append(len(rows))
        pages.append([row[0] for row in rows])
    return times, statistics.mean(found), pages


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run(kind: str, count: int, samples: int, pg_admin: str) -> list[str]:
    rng = random.Random(20261205)
    with fresh_database(kind, pg_admin) as (url, size_mb):
        db = Database(url)
        print(f"{kind}: loading {count:,} visits", file=sys.stderr, flush=True)
        seconds = load(db, count, rng)
        words = [rng.choice(PHRASES) for _ in range(samples)]
        rare = [f"{rng.choice(PHRASES)}和{rng.choice(PHRASES)}" for _ in range(samples)]
        lines = [
            f"#### {kind}, {count:,} visits ({size_mb():.0f} MB, loaded in {seconds:.0f} s)",
            "",
            "| search | before p50 / p95 ms | after p50 / p95 ms | rows |",
            "|---|---:|---:|---:|",
        ]
        pairs = [word[:2] for word in words]
        for label, sample in (
            ("two characters (exact token)", pairs),
            ("one phrase of four (5 % of visits)", words),
            ("two phrases", rare),
        ):
            plain, rows, expected = timed(db, sample, before=True)
            tokens, _, got = timed(db, sample, before=False)
            if got != expected:
                raise SystemExit(f"{label}: the token search found other visits than LIKE")
            lines.append(
                f"| {label} | {statistics.median(plain):.1f} / {percentile(plain, 0.95):.1f} | "
                f"{statistics.median(tokens):.1f} / {percentile(tokens, 0.95):.1f} | {rows:.1f} |"
            )
        db.dispose()
    return lines


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--visits", type=int, default=100_000)
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="postgresql")
    parser.add_argument("--samples", type=int, default=100)
    parser.add_argument("--pg-admin", default=DEFAULT_PG_ADMIN)
    args = parser.parse_args(argv)
    crypto.use_keyring(crypto.Keyring(crypto.HallKey.generate()))
    kinds = ("sqlite", "postgresql") if args.db == "both" else (args.db,)
    print(f"Summary search, {dt.date.today()}, {os.cpu_count()} cores: `{' '.join(sys.argv)}`\n")
    for kind in kinds:
        print("\n".join(run(kind, args.visits, args.samples, args.pg_admin)), flush=True)


if __name__ == "__main__":
    main()
