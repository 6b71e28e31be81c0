"""figwin: daily counts of the tickets, kept by triggers, for 窗口效能

窗口效能 for a year read every ticket of the year (a million at a busy hall): two of its
figures could not be added up from day rows, the calls within each window's admin-set target
time and the longest wait. Now:

* ``figure_ticket_day`` (service day, window → tickets, served, no-shows, calls, the sum and the
  longest of the waits and the sum of the service times, in whole microseconds so that adding
  and taking away is exact);
* ``figure_wait_day`` (service day, window, wait in minutes rounded up → calls): the target is
  in whole minutes, so "waited at most T minutes" is "at most T in this column" — exact, and
  the target can change afterwards without recounting anything;
* ``figure_officer_day`` (service day, window, officer who called → services finished, those
  timed and their sum in microseconds): each officer's line without reading every ticket.

Both kept by triggers on every insert, update and delete of a ticket, in its transaction, in the
style of 0160_figspeed (statement triggers over the transition tables on PostgreSQL, row
triggers on SQLite). Counts and sums are deltas, which concurrent writers add up safely. The
longest wait only grows by a delta; when a wait at least as long as a day's longest is taken
away, that day's longest is read again from its tickets (one window's day, from the index), after
the day's row is locked by the delta, so no writer's wait is missed.

Revision ID: 0170_figwin
Revises: 0160_figspeed
Create Date: 2026-12-05 04:15:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0170_figwin"
down_revision: str | Sequence[str] | None = "0160_figspeed"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DAY_KEY = "day, window_id"
WAIT_KEY = "day, window_id, minutes"
OFFICER_KEY = "day, window_id, officer_id"
COUNTS = ("tickets", "served", "no_show", "called", "wait_us", "services", "service_us")
MINUTE_US = 60_000_000
COUNTED_COLUMNS = (
    "service_date",
    "window_id",
    "status",
    "queued_at",
    "called_at",
    "started_at",
    "finished_at",
    "called_by",
)


def _minutes(wait: str) -> str:
    """The wait ``wait`` (µs) in whole minutes rounded up (integer division truncates)."""
    return (
        f"CASE WHEN {wait} > 0 THEN ({wait} + {MINUTE_US - 1}) / {MINUTE_US} "
        f"ELSE {wait} / {MINUTE_US} END"
    )


# ---------------------------------------------------------------------------------------------
# PostgreSQL: per statement, from the transition tables.

PG_WAIT = "CAST(round(date_part('epoch', {row}called_at - {row}queued_at) * 1000000) AS bigint)"
PG_SERVICE = (
    "CASE WHEN {row}status = 'finished' THEN CAST(round(date_part('epoch', "
    "{row}finished_at - {row}started_at) * 1000000) AS bigint) END"
)
PG_COLUMNS = (
    "id, service_date AS day, window_id, called_by, "
    "CASE WHEN status = 'finished' THEN 1 ELSE 0 END AS served, "
    "CASE WHEN status = 'no_show' THEN 1 ELSE 0 END AS no_show, "
    f"{PG_WAIT.format(row='')} AS wait, {PG_SERVICE.format(row='')} AS service"
)
PG_CHANGED = {
    "INSERT": f"SELECT {PG_COLUMNS}, 1 AS sign FROM new_rows",
    "DELETE": f"SELECT {PG_COLUMNS}, -1 AS sign FROM old_rows",
    "UPDATE": f"SELECT {PG_COLUMNS}, 1 AS sign FROM new_rows "
    f"UNION ALL SELECT {PG_COLUMNS}, -1 AS sign FROM old_rows",
}
TRANSITIONS = {
    "INSERT": "NEW TABLE AS new_rows",
    "DELETE": "OLD TABLE AS old_rows",
    "UPDATE": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
}


def _pg_longest_again(kept: str) -> str:
    """When a wait as long as a day's longest is taken away (the ticket deleted, redated, moved
    or its call undone), the day's longest is read again from its tickets (``kept``: unless the
    same ticket still waits as long on the same day and window)."""
    return f"""
    UPDATE figure_ticket_day AS f SET longest_us = (
        SELECT max({PG_WAIT.format(row="t.")}) FROM ticket t
        WHERE t.service_date = f.day AND t.window_id = f.window_id AND t.called_at IS NOT NULL)
    WHERE EXISTS (
        SELECT 1 FROM old_rows o
        WHERE o.service_date = f.day AND o.window_id = f.window_id
        AND {PG_WAIT.format(row="o.")} >= f.longest_us{kept});"""


PG_KEPT = (
    " AND NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.id = o.id "
    "AND n.service_date = o.service_date AND n.window_id = o.window_id "
    "AND n.queued_at = o.queued_at AND n.called_at = o.called_at)"
)


def _pg_ticket_days(operation: str) -> str:
    changed = PG_CHANGED[operation]
    sums = [
        "sum(sign)",
        "sum(sign * served)",
        "sum(sign * no_show)",
        "sum(CASE WHEN wait IS NULL THEN 0 ELSE sign END)",
        "COALESCE(sum(sign * wait), 0)",
        "sum(CASE WHEN service IS NULL THEN 0 ELSE sign END)",
        "COALESCE(sum(sign * service), 0)",
    ]
    longest = "max(wait) FILTER (WHERE sign > 0)"
    # A ticket updated in what is not counted (its notes, its seat) adds nothing.
    nonzero = " OR ".join([f"{s} <> 0" for s in sums] + [f"{longest} IS NOT NULL"])
    name = f"figure_queue_{operation.lower()}"
    again = {
        "INSERT": "",
        "DELETE": _pg_longest_again(""),
        "UPDATE": _pg_longest_again(PG_KEPT),
    }[operation]
    return f"""
CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO figure_ticket_day AS f ({DAY_KEY}, {", ".join(COUNTS)}, longest_us)
    SELECT {DAY_KEY}, {", ".join(sums)}, {longest}
    FROM ({changed}) AS c
    GROUP BY {DAY_KEY}
    HAVING {nonzero}
    ORDER BY {DAY_KEY}
    ON CONFLICT ({DAY_KEY}) DO UPDATE SET
        {", ".join(f"{c} = f.{c} + EXCLUDED.{c}" for c in COUNTS)},
        longest_us = GREATEST(f.longest_us, EXCLUDED.longest_us);{again}
    INSERT INTO figure_wait_day AS f ({WAIT_KEY}, called)
    SELECT day, window_id, {_minutes("wait")}, sum(sign)
    FROM ({changed}) AS c WHERE wait IS NOT NULL
    GROUP BY 1, 2, 3 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT ({WAIT_KEY}) DO UPDATE SET called = f.called + EXCLUDED.called;
    INSERT INTO figure_officer_day AS f ({OFFICER_KEY}, served, services, service_us)
    SELECT day, window_id, called_by, {", ".join(sums[:1] + sums[5:])}
    FROM ({changed}) AS c WHERE served = 1 AND called_by IS NOT NULL
    GROUP BY 1, 2, 3 HAVING {" OR ".join(f"{s} <> 0" for s in sums[:1] + sums[5:])}
    ORDER BY 1, 2, 3
    ON CONFLICT ({OFFICER_KEY}) DO UPDATE SET served = f.served + EXCLUDED.served,
        services = f.services + EXCLUDED.services,
        service_us = f.service_us + EXCLUDED.service_us;
    RETURN NULL;
END $$;
CREATE TRIGGER {name} AFTER {operation} ON ticket
    REFERENCING {TRANSITIONS[operation]}
    FOR EACH STATEMENT EXECUTE FUNCTION {name}();
"""


PG_TRIGGERS = "".join(_pg_ticket_days(operation) for operation in PG_CHANGED)
PG_DROP = "".join(
    f"DROP TRIGGER figure_queue_{o.lower()} ON ticket; DROP FUNCTION figure_queue_{o.lower()}(); "
    for o in PG_CHANGED
)

# ---------------------------------------------------------------------------------------------
# SQLite: per row. A timestamp is text ('YYYY-MM-DD HH:MM:SS.ffffff'): whole seconds from
# strftime, the microseconds from the text, so the waits are as exact as on PostgreSQL.


def _sqlite_us(end: str, start: str) -> str:
    def micro(value: str) -> str:
        return f"CAST(substr(substr({value}, 21) || '000000', 1, 6) AS INTEGER)"

    return (
        f"((CAST(strftime('%s', {end}) AS INTEGER) - CAST(strftime('%s', {start}) AS INTEGER)) "
        f"* 1000000 + {micro(end)} - {micro(start)})"
    )


def _sqlite_add(row: str, sign: int) -> str:
    """The upserts that add (``sign`` 1) or take away (-1) the ticket ``row`` (NEW or OLD)."""
    wait = _sqlite_us(f"{row}.called_at", f"{row}.queued_at")
    took = _sqlite_us(f"{row}.finished_at", f"{row}.started_at")
    service = f"CASE WHEN {row}.status = 'finished' THEN {took} END"
    longest = wait if sign > 0 else "NULL"
    values = ", ".join(
        [
            f"{row}.service_date",
            f"{row}.window_id",
            str(sign),
            f"CASE WHEN {row}.status = 'finished' THEN {sign} ELSE 0 END",
            f"CASE WHEN {row}.status = 'no_show' THEN {sign} ELSE 0 END",
            f"CASE WHEN {row}.called_at IS NULL THEN 0 ELSE {sign} END",
            f"COALESCE({sign} * {wait}, 0)",
            f"CASE WHEN {service} IS NULL THEN 0 ELSE {sign} END",
            f"COALESCE({sign} * {service}, 0)",
            longest,
        ]
    )
    day = (
        f"INSERT INTO figure_ticket_day ({DAY_KEY}, {', '.join(COUNTS)}, longest_us) "
        f"VALUES ({values}) ON CONFLICT ({DAY_KEY}) DO UPDATE SET "
        + ", ".join(f"{c} = {c} + excluded.{c}" for c in COUNTS)
        + ", longest_us = COALESCE(max(longest_us, excluded.longest_us), longest_us, "
        "excluded.longest_us);"
    )
    waits = (
        f"INSERT INTO figure_wait_day ({WAIT_KEY}, called) "
        f"SELECT {row}.service_date, {row}.window_id, {_minutes(wait)}, {sign} "
        f"WHERE {row}.called_at IS NOT NULL "
        f"ON CONFLICT ({WAIT_KEY}) DO UPDATE SET called = called + excluded.called;"
    )
    officers = (
        f"INSERT INTO figure_officer_day ({OFFICER_KEY}, served, services, service_us) "
        f"SELECT {row}.service_date, {row}.window_id, {row}.called_by, {sign}, "
        f"CASE WHEN {service} IS NULL THEN 0 ELSE {sign} END, COALESCE({sign} * {service}, 0) "
        f"WHERE {row}.status = 'finished' AND {row}.called_by IS NOT NULL "
        f"ON CONFLICT ({OFFICER_KEY}) DO UPDATE SET served = served + excluded.served, "
        "services = services + excluded.services, service_us = service_us + excluded.service_us;"
    )
    if sign > 0:
        return f"{day} {waits} {officers}"
    again = (
        "UPDATE figure_ticket_day SET longest_us = (SELECT max("
        f"{_sqlite_us('called_at', 'queued_at')}) FROM ticket "
        f"WHERE service_date = {row}.service_date "
        f"AND window_id = {row}.window_id AND called_at IS NOT NULL) "
        f"WHERE day = {row}.service_date AND window_id = {row}.window_id AND longest_us <= {wait};"
    )
    return f"{day} {waits} {officers} {again}"


SQLITE_CHANGED = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in COUNTED_COLUMNS)
SQLITE_TRIGGERS = {
    "figure_queue_count": f"AFTER INSERT ON ticket BEGIN {_sqlite_add('NEW', 1)} END",
    "figure_queue_uncount": f"AFTER DELETE ON ticket BEGIN {_sqlite_add('OLD', -1)} END",
    # The new row first: taking the old away then reads the longest wait with the new one in.
    "figure_queue_recount": f"AFTER UPDATE OF {', '.join(COUNTED_COLUMNS)} ON ticket "
    f"WHEN {SQLITE_CHANGED} BEGIN {_sqlite_add('NEW', 1)} {_sqlite_add('OLD', -1)} END",
}


def _backfill(wait: str, service: str) -> None:
    op.execute(
        f"INSERT INTO figure_ticket_day ({DAY_KEY}, {', '.join(COUNTS)}, longest_us) "
        "SELECT service_date, window_id, count(*), "
        "sum(CASE WHEN status = 'finished' THEN 1 ELSE 0 END), "
        "sum(CASE WHEN status = 'no_show' THEN 1 ELSE 0 END), "
        f"count(called_at), COALESCE(sum({wait}), 0), count({service}), "
        f"COALESCE(sum({service}), 0), max({wait}) "
        "FROM ticket GROUP BY service_date, window_id"
    )
    op.execute(
        f"INSERT INTO figure_wait_day ({WAIT_KEY}, called) "
        f"SELECT service_date, window_id, {_minutes(wait)}, count(*) FROM ticket "
        f"WHERE called_at IS NOT NULL GROUP BY service_date, window_id, {_minutes(wait)}"
    )


def _backfill_officers(service: str) -> None:
    op.execute(
        f"INSERT INTO figure_officer_day ({OFFICER_KEY}, served, services, service_us) "
        f"SELECT service_date, window_id, called_by, count(*), count({service}), "
        f"COALESCE(sum({service}), 0) FROM ticket "
        "WHERE status = 'finished' AND called_by IS NOT NULL "
        "GROUP BY service_date, window_id, called_by"
    )


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    op.create_table(
        "figure_ticket_day",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("window_id", sa.Integer(), nullable=False),
        *(
            sa.Column(c, sa.BigInteger() if c.endswith("_us") else sa.Integer(), nullable=False)
            for c in COUNTS
        ),
        sa.Column("longest_us", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("day", "window_id", name=op.f("pk_figure_ticket_day")),
    )
    op.create_table(
        "figure_wait_day",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("window_id", sa.Integer(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("called", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", "window_id", "minutes", name=op.f("pk_figure_wait_day")),
    )
    op.create_table(
        "figure_officer_day",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("window_id", sa.Integer(), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=False),
        sa.Column("served", sa.Integer(), nullable=False),
        sa.Column("services", sa.Integer(), nullable=False),
        sa.Column("service_us", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint(
            "day", "window_id", "officer_id", name=op.f("pk_figure_officer_day")
        ),
    )
    if postgresql:
        _backfill(PG_WAIT.format(row=""), PG_SERVICE.format(row=""))
        _backfill_officers(PG_SERVICE.format(row=""))
        op.execute(PG_TRIGGERS)
    else:
        _backfill(
            _sqlite_us("called_at", "queued_at"),
            f"CASE WHEN status = 'finished' THEN {_sqlite_us('finished_at', 'started_at')} END",
        )
        _backfill_officers(
            f"CASE WHEN status = 'finished' THEN {_sqlite_us('finished_at', 'started_at')} END"
        )
        for name, body in SQLITE_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_DROP)
    else:
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER {name}")
    op.drop_table("figure_officer_day")
    op.drop_table("figure_wait_day")
    op.drop_table("figure_ticket_day")
