"""The visits' and ratings' daily counts (figure_visit_day, figure_township_day,
figure_rating_day) and the visit's copy of its visitor's township, kept by database triggers
(migration 0160_figspeed), on both databases: after each kind of write they equal the counts
taken from the visits, tickets and ratings themselves, and the figures read from them equal the
figures counted visit by visit.

The clock is pinned at 2026-06-10 14:00 (tests/conftest.py).
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import func, select, text

from db.engine import Database
from db.figure_models import RatingDay, TownshipDay, VisitDay
from db.models import Ticket, Visit, Visitor
from db.states import TicketStatus
from db.window_models import BASIC, SATISFIED, Satisfaction
from hall import cases, ledgers, queue, reception, satisfaction
from hall.figures import Scope, overview, periods, queue_figures, trend_tab
from hall.figures.base import as_date, count_if, day_of
from hall.figures.categories import add_category, file_visit
from tests.hall.ledger_helpers import LI, ZHANG, visit_row, xlsx

D = dt.date
NOW = dt.datetime(2026, 6, 10, 14, 0)
JUNE = periods.custom(D(2026, 6, 1), D(2026, 6, 30))


def at(day: dt.date, hour: int = 10, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def register(
    db: Database,
    when: dt.datetime,
    *,
    township: str = "",
    id_number: str = "",
    window: str = "legal",
    group: int = 1,
    channel: str = "visit",
) -> tuple[int, int]:
    """Register a visit at the front desk; returns (visit id, ticket id)."""
    reps = [reception.Representative(name=f"代表{i}") for i in range(1, 3)] if group > 1 else []
    with db.write() as s:
        ticket = reception.register(
            s,
            reception.Registration(
                name="王建军",
                id_number=id_number,
                window=window,
                purpose="request",
                channel=channel,
                township=township,
                summary="反映宅基地确权问题",
                group_size=group,
                representatives=reps,
            ),
            now=when,
        )
        assert ticket.visit_id is not None
        return ticket.visit_id, ticket.id


def _kept(rows: Any, key: Any, values: Any) -> dict[Any, tuple[int, ...]]:
    """The kept rows that count anything, keyed like the live counts."""
    kept = {}
    for row in rows:
        counts = tuple(values(row))
        assert min(counts) >= 0, f"a daily count fell below zero: {row.__dict__}"
        if any(counts):
            kept[key(row)] = counts
    return kept


def assert_days_match(db: Database) -> None:
    """Every daily count equals the same count taken from the rows themselves."""
    with db.read() as s:
        strays = s.scalar(
            select(func.count())
            .select_from(Visit)
            .join(Visitor, Visitor.id == Visit.visitor_id)
            .where(Visit.township != Visitor.township)
        )
        assert strays == 0, "a visit's township differs from its visitor's"
        day = day_of(s, Visit.created_at)
        live_kinds = {
            (as_date(d), w, c, p): (int(n), int(people), int(groups))
            for d, w, c, p, n, people, groups in s.execute(
                select(
                    day,
                    Visit.window_id,
                    Visit.channel,
                    Visit.purpose,
                    func.count(),
                    func.sum(Visit.group_size),
                    count_if(Visit.group_size >= 5),
                ).group_by(day, Visit.window_id, Visit.channel, Visit.purpose)
            )
        }
        kept_kinds = _kept(
            s.scalars(select(VisitDay)),
            lambda r: (as_date(r.day), r.window_id, r.channel, r.purpose),
            lambda r: (r.items, r.people, r.group_visits),
        )
        assert kept_kinds == live_kinds
        live_townships = {
            (as_date(d), w, t): (int(n),)
            for d, w, t, n in s.execute(
                select(day, Visit.window_id, Visit.township, func.count()).group_by(
                    day, Visit.window_id, Visit.township
                )
            )
        }
        kept_townships = _kept(
            s.scalars(select(TownshipDay)),
            lambda r: (as_date(r.day), r.window_id, r.township),
            lambda r: (r.items,),
        )
        assert kept_townships == live_townships
        live_ratings = {
            (as_date(d), w): (int(n), int(rated), int(content))
            for d, w, n, rated, content in s.execute(
                select(
                    Ticket.service_date,
                    Ticket.window_id,
                    func.count(),
                    func.count(Satisfaction.ticket_id),
                    count_if(Satisfaction.score.in_((SATISFIED, BASIC))),
                )
                .outerjoin(Satisfaction, Satisfaction.ticket_id == Ticket.id)
                .where(Ticket.status == TicketStatus.FINISHED)
                .group_by(Ticket.service_date, Ticket.window_id)
            )
        }
        kept_ratings = _kept(
            s.scalars(select(RatingDay)),
            lambda r: (as_date(r.day), r.window_id),
            lambda r: (r.finished, r.rated, r.content),
        )
        assert kept_ratings == live_ratings


@contextmanager
def visit_by_visit(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Within: every figure counts the visits and tickets themselves, as for a township."""
    with monkeypatch.context() as patch:
        for module in ("tally", "trend", "overview"):
            # By the module itself: the package exports functions of the same names.
            patch.setattr(
                importlib.import_module(f"hall.figures.{module}"),
                "counted_by_day",
                lambda ids: False,
            )
        yield


def serve(db: Database, ticket_id: int, when: dt.datetime, wait: int, took: int) -> None:
    with db.write() as s:
        queue.call_ticket(s, ticket_id, seat=1, now=when + dt.timedelta(minutes=wait))
        queue.start(s, ticket_id, now=when + dt.timedelta(minutes=wait))
        queue.finish(s, ticket_id, "已答复", now=when + dt.timedelta(minutes=wait + took))


def test_registrations_and_a_returning_visitor_who_moved(hall_db: Database) -> None:
    first, _ = register(hall_db, at(D(2026, 6, 1)), township="城关镇", id_number=ZHANG)
    assert_days_match(hall_db)
    register(hall_db, at(D(2026, 6, 2)), township="东区街道", group=6, window="talk")
    register(hall_db, at(D(2026, 6, 2)), channel="phone")
    assert_days_match(hall_db)
    # The same person comes back having moved: their first visit now counts under the new
    # township, as the join with the visitor counted it.
    register(hall_db, at(D(2026, 6, 3)), township="千秋路街道", id_number=ZHANG)
    assert_days_match(hall_db)
    with hall_db.read() as s:
        assert s.get(Visit, first).township == "千秋路街道"  # type: ignore[union-attr]
        figures = overview(s, JUNE, now=NOW)
    assert figures.by_township == {"千秋路街道": 2, "东区街道": 1, "（未填乡镇）": 1}
    assert (figures.total, figures.people, figures.groups) == (4, 9, 1)


def test_a_transfer_moves_the_visit_to_the_other_window(hall_db: Database) -> None:
    _, ticket = register(hall_db, at(D(2026, 6, 4)), township="城关镇")
    with hall_db.write() as s:
        queue.call_ticket(s, ticket, seat=1, now=at(D(2026, 6, 4), 10, 5))
        queue.transfer(s, ticket, "aid", now=at(D(2026, 6, 4), 10, 10))
    assert_days_match(hall_db)
    with hall_db.read() as s:
        figures = overview(s, JUNE, now=NOW)
        aid = overview(s, JUNE, Scope("window", "aid"), now=NOW)
        legal = overview(s, JUNE, Scope("window", "legal"), now=NOW)
    assert figures.by_window["帮扶济困"] == 1 and figures.by_window["法律服务"] == 0
    assert (aid.total, legal.total) == (1, 0)


def test_serving_rating_no_show_and_requeue(hall_db: Database) -> None:
    today = NOW.date()
    tickets = [register(hall_db, at(today, 9, i), township="城关镇")[1] for i in range(3)]
    serve(hall_db, tickets[0], at(today, 9), wait=5, took=10)
    serve(hall_db, tickets[1], at(today, 9), wait=5, took=10)
    assert_days_match(hall_db)
    with hall_db.write() as s:
        satisfaction.rate(s, tickets[0], "满意", now=at(today, 9, 16))
        satisfaction.rate(s, tickets[1], "不满意", now=at(today, 9, 16))
    assert_days_match(hall_db)
    with hall_db.write() as s:
        queue.call_ticket(s, tickets[2], seat=1, now=at(today, 13, 0))
        queue.mark_no_show(s, tickets[2], now=at(today, 13, 5))
    assert_days_match(hall_db)
    with hall_db.write() as s:
        queue.requeue_no_show(s, tickets[2], now=at(today, 13, 10))
    assert_days_match(hall_db)
    # The third served at 13:51: its rating window is still open at 14:00.
    serve(hall_db, tickets[2], at(today, 13, 40), wait=1, took=10)
    assert_days_match(hall_db)
    with hall_db.read() as s:
        rates = overview(s, periods.today(today), now=NOW).rates
    assert (rates["participation"].numerator, rates["participation"].denominator) == (2, 2)
    assert (rates["satisfaction"].numerator, rates["satisfaction"].denominator) == (1, 2)


def test_a_ledger_import_counts_its_visits_and_ratings(hall_db: Database) -> None:
    content = xlsx(
        [
            visit_row(),
            visit_row(
                **{
                    "登记日期": "2026-03-03",
                    "姓名": "李四",
                    "证件号码": LI,
                    "乡镇街道": "东区街道",
                    "人数": 6,
                    "满意度": "基本满意",
                }
            ),
        ]
    )
    with hall_db.write() as s:
        report = ledgers.import_ledger(s, "visits", content, now=NOW)
    assert not report.problems
    assert_days_match(hall_db)
    with hall_db.read() as s:
        figures = overview(s, periods.custom(D(2026, 3, 1), D(2026, 3, 31)), now=NOW)
    assert figures.by_township == {"城关镇": 1, "东区街道": 1}
    assert figures.rates["satisfaction"].numerator == 2


def test_sql_typed_at_the_database_is_counted_too(hall_db: Database) -> None:
    """Writes no screen makes today — a visitor's address edited, a visit redated or deleted,
    a rating withdrawn — keep the counts as well, whoever makes them."""
    visit_id, ticket = register(hall_db, at(D(2026, 6, 5)), township="城关镇")
    other, _ = register(hall_db, at(D(2026, 6, 5)), township="东区街道", group=7)
    serve(hall_db, ticket, at(D(2026, 6, 5)), wait=3, took=10)
    with hall_db.write() as s:
        satisfaction.rate(s, ticket, "满意", now=at(D(2026, 6, 5), 10, 20))
    steps = [
        "UPDATE visitor SET township = '金山乡' WHERE id = "
        "(SELECT visitor_id FROM visit WHERE id = :visit)",
        "UPDATE visit SET created_at = :moved, channel = 'letter', group_size = 3 "
        "WHERE id = :other",
        "UPDATE visit SET township = 'typed by hand' WHERE id = :visit",
        "UPDATE satisfaction SET score = 'dissatisfied' WHERE ticket_id = :ticket",
        "DELETE FROM satisfaction WHERE ticket_id = :ticket",
        "UPDATE ticket SET service_date = :day WHERE id = :ticket",
        "DELETE FROM ticket WHERE visit_id = :other",
        "DELETE FROM visit_representative WHERE visit_id = :other",
        "DELETE FROM visit WHERE id = :other",
    ]
    values = {
        "visit": visit_id,
        "other": other,
        "ticket": ticket,
        "moved": at(D(2026, 6, 8)),
        "day": D(2026, 6, 6),
    }
    for step in steps:
        with hall_db.write() as s:
            s.execute(text(step), {k: v for k, v in values.items() if f":{k}" in step})
        assert_days_match(hall_db)
    with hall_db.read() as s:
        assert s.get(Visit, visit_id).township == "金山乡"  # type: ignore[union-attr]


def test_the_days_give_the_figures_the_visits_give(
    hall_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    today = NOW.date()
    register(hall_db, at(D(2026, 5, 30)), township="城关镇")
    for n, window in enumerate(("legal", "legal", "talk", "aid")):
        _, ticket = register(
            hall_db, at(D(2026, 6, 1 + n)), township=("城关镇", "东区街道")[n % 2], window=window
        )
        serve(hall_db, ticket, at(D(2026, 6, 1 + n)), wait=4 * n, took=10)
        if n % 2:
            with hall_db.write() as s:
                satisfaction.rate(s, ticket, "基本满意", now=at(D(2026, 6, 1 + n), 11))
    _, late = register(hall_db, at(today, 13, 40), group=5, window="talk")
    serve(hall_db, late, at(today, 13, 40), wait=2, took=10)
    assert_days_match(hall_db)
    scopes = (Scope(), Scope("window", "legal"), Scope("window", "talk"))
    spans = (JUNE, periods.today(today), periods.custom(D(2026, 5, 1), D(2026, 6, 30)))

    def read() -> list[object]:
        with hall_db.read() as s:
            return [
                (overview(s, span, scope, now=NOW), trend_tab(s, span, periods.DAY, scope))
                for span in spans
                for scope in scopes
            ] + [queue_figures(s, JUNE)]

    by_days = read()
    with visit_by_visit(monkeypatch):
        live = read()
    assert by_days == live
    hall_june = by_days[0]
    assert hall_june[0].total == 5 and hall_june[0].by_township["城关镇"] == 2  # type: ignore[index]
    # Both ways were taken: without the days' rows only the count visit by visit stands.
    with hall_db.write() as s:
        for table in ("figure_visit_day", "figure_township_day", "figure_rating_day"):
            s.execute(text(f"DELETE FROM {table}"))
    assert read() != by_days
    with visit_by_visit(monkeypatch):
        assert read() == live


def test_items_filed_under_a_category_or_handed_to_a_unit(hall_db: Database) -> None:
    """分类's counts by category and by unit come from the few filed items; the rest of the
    total is 未分类 and 未交办转送, and a unit's scope counts its own."""
    handed, _ = register(hall_db, at(D(2026, 6, 1)), township="城关镇")
    filed, _ = register(hall_db, at(D(2026, 6, 2)))
    register(hall_db, at(D(2026, 6, 3)))
    register(hall_db, at(D(2026, 5, 31)))
    with hall_db.write() as s:
        unit = cases.add_unit(s, "城关镇人民政府")
        case = cases.open_from_visit(s, handed, now=at(D(2026, 6, 1), 11))
        cases.forward(s, case.id, unit.id, "属地处理", now=at(D(2026, 6, 2)))
        file_visit(s, filed, add_category(s, "土地").id)
        unit_id = unit.id
    with hall_db.read() as s:
        figures = overview(s, JUNE, now=NOW)
        its_own = overview(s, JUNE, Scope("unit", str(unit_id)), now=NOW)
    assert figures.by_unit == {"（未交办转送）": 2, "城关镇人民政府": 1}
    assert figures.by_category == {"（未分类）": 2, "土地": 1}
    assert (its_own.total, its_own.by_unit, its_own.by_township) == (
        1,
        {"城关镇人民政府": 1},
        {"城关镇": 1},
    )
