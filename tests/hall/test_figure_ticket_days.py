"""The tickets' daily counts for 窗口效能 (figure_ticket_day, figure_wait_day), kept by database
triggers (migration 0170_figwin), on both databases: after every kind of ticket write they equal
the same counts taken ticket by ticket, and 窗口效能 read from them equals the figures computed
ticket by ticket — the calls within each window's target and the longest wait included.

The clock is pinned at 2026-06-10 14:00 (tests/conftest.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import select, text

from db.engine import Database
from db.figure_models import OfficerDay, TicketDay, WaitDay
from db.models import ServiceWindow, Ticket, User
from db.states import TicketStatus
from hall import ledgers, queue, settings
from hall.figures import Scope, periods, queue_figures
from hall.figures import work as work_figures
from hall.figures.base import as_date
from hall.figures.work import (
    SERVICE_TARGET_MINUTES,
    OfficerLine,
    QueueFigures,
    window_target,
)
from tests.hall.ledger_helpers import LI, visit_row, xlsx
from tests.hall.test_figure_days import register

D = dt.date
TODAY = D(2026, 6, 10)
JUNE = periods.custom(D(2026, 6, 1), D(2026, 6, 30))
US = dt.timedelta(microseconds=1)
MINUTE_US = 60_000_000


def at(day: dt.date, hour: int, minute: int = 0, second: int = 0, micro: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute, second, micro))


def _us(end: dt.datetime | None, start: dt.datetime | None) -> int | None:
    return None if end is None or start is None else (end - start) // US


Key = tuple[dt.date, int]


def live_days(
    db: Database,
) -> tuple[dict[Key, tuple[int | None, ...]], dict[object, int], dict[object, tuple[int, ...]]]:
    """The days' counts taken ticket by ticket, in Python, to the microsecond."""
    days: dict[Key, list[int | None]] = {}
    waits: dict[object, int] = {}
    officers: dict[object, tuple[int, ...]] = {}
    with db.read() as s:
        for t in s.scalars(select(Ticket)):
            row = days.setdefault((t.service_date, t.window_id), [0, 0, 0, 0, 0, 0, 0, None])
            wait = _us(t.called_at, t.queued_at)
            finished = t.status == TicketStatus.FINISHED
            service = _us(t.finished_at, t.started_at) if finished else None
            row[0] = int(row[0] or 0) + 1
            row[1] = int(row[1] or 0) + finished
            row[2] = int(row[2] or 0) + (t.status == TicketStatus.NO_SHOW)
            if wait is not None:
                row[3] = int(row[3] or 0) + 1
                row[4] = int(row[4] or 0) + wait
                row[7] = wait if row[7] is None else max(int(row[7]), wait)
                minutes = -(-wait // MINUTE_US)  # rounded up
                key = (t.service_date, t.window_id, minutes)
                waits[key] = waits.get(key, 0) + 1
            if service is not None:
                row[5] = int(row[5] or 0) + 1
                row[6] = int(row[6] or 0) + service
            if finished and t.called_by is not None:
                key = (t.service_date, t.window_id, t.called_by)
                n, timed, took = officers.get(key, (0, 0, 0))
                officers[key] = (n + 1, timed + (service is not None), took + (service or 0))
    return {key: tuple(values) for key, values in days.items()}, waits, officers


def assert_days_match(db: Database) -> None:
    live, live_waits, live_officers = live_days(db)
    with db.read() as s:
        kept = {
            (as_date(r.day), r.window_id): (
                r.tickets,
                r.served,
                r.no_show,
                r.called,
                r.wait_us,
                r.services,
                r.service_us,
                r.longest_us,
            )
            for r in s.scalars(select(TicketDay))
        }
        kept_waits = {
            (as_date(r.day), r.window_id, r.minutes): r.called for r in s.scalars(select(WaitDay))
        }
        kept_officers = {
            (as_date(r.day), r.window_id, r.officer_id): (r.served, r.services, r.service_us)
            for r in s.scalars(select(OfficerDay))
        }
    for values in kept.values():
        assert min(v for v in values if v is not None) >= 0, f"a count fell below zero: {values}"
    # A row may fall to zero when its tickets go elsewhere; it counts nothing.
    assert {k: v for k, v in kept.items() if v[0]} == live
    assert all(v == (0,) * 7 + (None,) for k, v in kept.items() if not v[0])
    assert {k: n for k, n in kept_waits.items() if n} == live_waits
    assert min(kept_waits.values(), default=0) >= 0
    assert {k: v for k, v in kept_officers.items() if any(v)} == live_officers
    assert all(min(v) >= 0 for v in kept_officers.values())


@contextmanager
def ticket_by_ticket(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Within: 窗口效能 counts the tickets themselves, as for a unit or a township."""
    with monkeypatch.context() as patch:
        patch.setattr(work_figures, "counted_by_day", lambda ids: False)
        yield


def by_python(db: Database, period: periods.Period, window: str = "") -> list[object]:
    """窗口效能's window lines computed here, ticket by ticket, to the microsecond."""
    with db.read() as s:
        windows = list(s.scalars(select(ServiceWindow).order_by(ServiceWindow.sort_order)))
        targets = {w.id: work_figures.service_target(s, w.code) for w in windows}
        tickets = [
            t
            for t in s.scalars(select(Ticket))
            if period.first <= t.service_date <= period.last
            and (not window or t.window_id == next(w.id for w in windows if w.code == window))
        ]
    sums = {}
    for w in windows:
        mine = [t for t in tickets if t.window_id == w.id]
        if not mine:
            continue
        waits = [_us(t.called_at, t.queued_at) for t in mine if t.called_at is not None]
        services = [
            _us(t.finished_at, t.started_at)
            for t in mine
            if t.status == TicketStatus.FINISHED and t.started_at is not None
        ]
        open_days = {t.service_date for t in mine if t.status == TicketStatus.FINISHED}
        sums[w.id] = work_figures._Sums(
            tickets=len(mine),
            served=sum(t.status == TicketStatus.FINISHED for t in mine),
            no_show=sum(t.status == TicketStatus.NO_SHOW for t in mine),
            called=len(waits),
            on_time=sum(int(wait or 0) <= targets[w.id] * MINUTE_US for wait in waits),
            wait_us=sum(int(x or 0) for x in waits),
            waits=len(waits),
            max_wait_us=max(int(x or 0) for x in waits) if waits else None,
            service_us=sum(int(x or 0) for x in services),
            services=len(services),
            days=len(open_days),
        )
    lines: list[object] = [
        work_figures._line(w.code, w.name, sums[w.id]) for w in windows if w.id in sums
    ]
    lines.append(work_figures._line("", "全大厅", work_figures._Sums.total(sums.values())))
    return lines


def add_officer(db: Database, name: str) -> int:
    with db.write() as s:
        user = User(
            login=name,
            name=name,
            password_hash="x",
            roles="officer",
            active=True,
            created_at=at(D(2026, 3, 2), 9),
        )
        s.add(user)
        s.flush()
        return user.id


def officers_by_python(db: Database, period: periods.Period, window: str) -> list[OfficerLine]:
    with db.read() as s:
        names = {u.id: u.name for u in s.scalars(select(User))}
        codes = {w.id: w.code for w in s.scalars(select(ServiceWindow))}
        tickets = [
            t
            for t in s.scalars(select(Ticket))
            if period.first <= t.service_date <= period.last
            and t.status == TicketStatus.FINISHED
            and t.called_by is not None
            and (not window or codes[t.window_id] == window)
        ]
    served: dict[str, list[int | None]] = {}
    for t in tickets:
        served.setdefault(names[int(t.called_by or 0)], []).append(_us(t.finished_at, t.started_at))
    lines = []
    for name, took in served.items():
        timed = [int(x) for x in took if x is not None]
        average = sum(timed) / len(timed) / 1e6 if timed else None
        lines.append(OfficerLine(name, len(took), work_figures._minutes(average)))
    return sorted(lines, key=lambda line: (-line.served, line.officer))


def window_id(db: Database, code: str) -> int:
    with db.read() as s:
        return int(s.scalar(select(ServiceWindow.id).where(ServiceWindow.code == code)) or 0)


def write(db: Database, step: str, **values: object) -> None:
    with db.write() as s:
        s.execute(text(step), values)


def test_every_kind_of_ticket_write_keeps_the_days(hall_db: Database) -> None:
    early = at(TODAY, 9)
    tickets = [register(hall_db, at(TODAY, 9, i), window="legal")[1] for i in range(5)]
    _, other_day = register(hall_db, at(D(2026, 6, 3), 9), window="talk")
    assert_days_match(hall_db)  # issued
    with hall_db.write() as s:  # called after exactly 15 minutes, served
        queue.call_ticket(s, tickets[0], seat=1, now=at(TODAY, 9, 15))
    assert_days_match(hall_db)
    with hall_db.write() as s:
        queue.start(s, tickets[0], now=at(TODAY, 9, 16))
        queue.finish(s, tickets[0], "已答复", now=at(TODAY, 9, 31, 0, 250_000))
    assert_days_match(hall_db)
    with hall_db.write() as s:  # called, recalled later (the wait grows), absent, requeued
        queue.call_ticket(s, tickets[1], seat=1, now=at(TODAY, 9, 20, 0, 500_000))
    assert_days_match(hall_db)
    with hall_db.write() as s:
        queue.recall(s, tickets[1], now=at(TODAY, 10, 2, 30))
    assert_days_match(hall_db)
    with hall_db.write() as s:
        queue.mark_no_show(s, tickets[1], now=at(TODAY, 10, 5))
    assert_days_match(hall_db)
    with hall_db.write() as s:
        queue.requeue_no_show(s, tickets[1], now=at(TODAY, 10, 6))
    assert_days_match(hall_db)
    with hall_db.write() as s:  # called, then sent on to another window
        queue.call_ticket(s, tickets[2], seat=1, now=at(TODAY, 9, 40))
        queue.transfer(s, tickets[2], "aid", now=at(TODAY, 9, 45))
    assert_days_match(hall_db)
    with hall_db.write() as s:
        queue.cancel(s, tickets[3], "群众离开", now=at(TODAY, 9, 50))
        queue.call_ticket(s, tickets[4], seat=1, now=at(TODAY, 11))
        queue.call_ticket(s, other_day, seat=1, now=at(D(2026, 6, 3), 9, 7))
    assert_days_match(hall_db)
    with hall_db.read() as s:
        longest = s.scalar(
            select(TicketDay.longest_us).where(
                TicketDay.day == TODAY, TicketDay.window_id == window_id(hall_db, "legal")
            )
        )
    # Typed at the database: the longest wait drops (and is read again), a ticket is redated
    # and moved, several change in one statement, the longest is deleted.
    first, second = add_officer(hall_db, "张科员"), add_officer(hall_db, "李科员")
    steps: list[tuple[str, dict[str, object]]] = [
        ("UPDATE ticket SET called_by = :u WHERE id = :id", {"u": first, "id": tickets[0]}),
        ("UPDATE ticket SET called_by = :u WHERE called_at IS NOT NULL", {"u": second}),
        ("UPDATE ticket SET started_at = NULL WHERE id = :id", {"id": tickets[0]}),
        ("UPDATE ticket SET started_at = called_at WHERE id = :id", {"id": tickets[0]}),
        ("UPDATE ticket SET called_at = :early WHERE id = :id", {"early": early, "id": tickets[4]}),
        ("UPDATE ticket SET notes = 'x' WHERE id = :id", {"id": tickets[0]}),
        (
            "UPDATE ticket SET service_date = :day WHERE id = :id",
            {"day": D(2026, 6, 3), "id": tickets[0]},
        ),
        (
            "UPDATE ticket SET window_id = :w, seq = 900 WHERE id = :id",
            {"w": window_id(hall_db, "talk"), "id": tickets[0]},
        ),
        ("UPDATE ticket SET called_at = queued_at WHERE service_date = :day", {"day": TODAY}),
        (
            "UPDATE ticket SET called_at = NULL, status = 'waiting' WHERE id = :id",
            {"id": other_day},
        ),
        ("DELETE FROM ticket WHERE id = :id", {"id": tickets[4]}),
        ("DELETE FROM ticket WHERE service_date = :day", {"day": D(2026, 6, 3)}),
    ]
    for step, values in steps:
        write(hall_db, step, **values)
        assert_days_match(hall_db)
    assert longest is not None and longest == (at(TODAY, 11) - at(TODAY, 9, 4)) // US


def test_the_days_give_the_figures_the_tickets_give(
    hall_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """窗口效能 from the days' rows equals it ticket by ticket, with each window's own target and
    the hall's; waits just within and just past a target; the longest wait after it dropped."""
    with hall_db.write() as s:
        settings.put(s, SERVICE_TARGET_MINUTES, 10)
        settings.put(s, window_target("legal"), 15)
    served = [  # (day, window, minutes waited, microseconds over)
        (D(2026, 6, 1), "legal", 15, 0),
        (D(2026, 6, 1), "legal", 15, 1),
        (D(2026, 6, 2), "legal", 3, 0),
        (D(2026, 6, 2), "talk", 10, 0),
        (D(2026, 6, 2), "talk", 10, 400_000),
        (D(2026, 6, 8), "aid", 42, 0),
        (TODAY, "talk", 1, 0),
    ]
    for day, window, minutes, over in served:
        _, ticket = register(hall_db, at(day, 9), window=window)
        with hall_db.write() as s:
            called = at(day, 9, minutes, 0, over)
            queue.call_ticket(s, ticket, seat=1, now=called)
            queue.start(s, ticket, now=called)
            queue.finish(s, ticket, now=called + dt.timedelta(minutes=12, seconds=7))
    _, absent = register(hall_db, at(TODAY, 10), window="legal")
    with hall_db.write() as s:
        queue.call_ticket(s, absent, seat=1, now=at(TODAY, 10, 2))
        queue.mark_no_show(s, absent, now=at(TODAY, 10, 4))
    register(hall_db, at(TODAY, 11), window="legal")
    first, second = add_officer(hall_db, "张科员"), add_officer(hall_db, "李科员")
    write(
        hall_db,
        "UPDATE ticket SET called_by = :u WHERE window_id <> :w",
        u=first,
        w=window_id(hall_db, "talk"),
    )
    write(
        hall_db,
        "UPDATE ticket SET called_by = :u WHERE window_id = :w",
        u=second,
        w=window_id(hall_db, "talk"),
    )
    # The aid window's 42 minutes drop to 20: its longest is read again.
    write(
        hall_db,
        "UPDATE ticket SET called_at = :c WHERE window_id = :w",
        c=at(D(2026, 6, 8), 9, 20),
        w=window_id(hall_db, "aid"),
    )
    assert_days_match(hall_db)
    spans = (JUNE, periods.today(TODAY), periods.custom(D(2026, 6, 2), D(2026, 6, 8)))
    scopes = (Scope(), Scope("window", "legal"), Scope("window", "talk"))

    def read() -> list[QueueFigures]:
        with hall_db.read() as s:
            return [queue_figures(s, span, scope) for span in spans for scope in scopes]

    by_days = read()
    for figures in by_days:
        window = figures.scope.value if figures.scope.kind == "window" else ""
        assert figures.windows == by_python(hall_db, figures.period, window)
        assert figures.officers == officers_by_python(hall_db, figures.period, window)
    with ticket_by_ticket(monkeypatch):
        assert read() == by_days
    june = {line.window: line for line in by_days[0].windows}
    # legal (15 minutes): 15:00 and 3 and the absent visitor's 2 within, 15:00.000001 not.
    assert (june["legal"].within_target.numerator, june["legal"].within_target.denominator) == (
        3,
        4,
    )
    assert (june["talk"].within_target.numerator, june["talk"].within_target.denominator) == (2, 3)
    assert june["aid"].max_wait == 20.0 and june[""].max_wait == 20.0
    assert june["legal"].no_show.numerator == 1 and june["legal"].tickets == 5
    assert [(o.officer, o.served) for o in by_days[0].officers] == [("张科员", 4), ("李科员", 3)]
    # The days' rows were read: without them 窗口效能 counts nothing.
    with hall_db.write() as s:
        s.execute(text("DELETE FROM figure_ticket_day"))
        s.execute(text("DELETE FROM figure_wait_day"))
        s.execute(text("DELETE FROM figure_officer_day"))
    assert read() != by_days
    with ticket_by_ticket(monkeypatch):
        assert read() == by_days


def test_a_ledger_import_counts_its_tickets(hall_db: Database) -> None:
    """The ledger's rows come in as finished tickets, by COPY on PostgreSQL: counted too."""
    content = xlsx(
        [visit_row(), visit_row(**{"登记日期": "2026-03-03", "姓名": "李四", "证件号码": LI})]
    )
    with hall_db.write() as s:
        report = ledgers.import_ledger(s, "visits", content, now=at(TODAY, 14))
    assert not report.problems
    assert_days_match(hall_db)
    with hall_db.read() as s:
        figures = queue_figures(s, periods.custom(D(2026, 3, 1), D(2026, 3, 31)))
    hall = figures.windows[-1]
    assert (hall.tickets, hall.served, hall.within_target.numerator) == (2, 2, 2)
