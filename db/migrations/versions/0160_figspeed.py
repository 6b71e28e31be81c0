"""figspeed: the visitor's township on the visit, and daily counts of visits, kept by triggers

A year over a million visits took seconds to count: every visit joined with its visitor for
the township, then grouped. Now:

* the visit carries its visitor's township: filled by a trigger when a visit is written (or
  moved to another visitor) and rewritten when the visitor's township changes;
* ``figure_visit_day`` (day, window, channel, purpose → items, people, groups) and
  ``figure_township_day`` (day, window, township → items) are kept by triggers on every
  insert, update and delete of a visit, in its transaction.

Triggers rather than the program's write paths, so that every writer — the front desk, the
ledger import's COPY, the court's visits, a transfer, SQL typed at the database — keeps them
equal to the live counts. The figures for the hall and for a window add up the days' rows; a
township's or a unit's still count the visits (a township's through the visit's copy).

The figures' covering index on the visit takes the township in place of the visitor; the
court's figures get an index of one window's tickets by the time the service started.

Revision ID: 0160_figspeed
Revises: 0150_secops
Create Date: 2026-12-05 03:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0160_figspeed"
down_revision: str | Sequence[str] | None = "0150_secops"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_VISIT_INDEX = (
    "created_at",
    "window_id",
    "channel",
    "purpose",
    "group_size",
    "visitor_id",
    "id",
)
NEW_VISIT_INDEX = (
    "created_at",
    "window_id",
    "channel",
    "purpose",
    "group_size",
    "township",
    "id",
)

GROUP_SIZE = 5
VISIT_DAY_KEY = "day, window_id, channel, purpose"
TOWNSHIP_DAY_KEY = "day, window_id, township"
COUNTED = ("created_at", "window_id", "channel", "purpose", "group_size", "township")

FINISHED = "'finished'"
CONTENT = "('satisfied', 'basic')"
RATING_DAY_KEY = "day, window_id"

PG_TOWNSHIP_TRIGGERS = """
CREATE FUNCTION visit_township_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.township := COALESCE((SELECT township FROM visitor WHERE id = NEW.visitor_id), '');
    RETURN NEW;
END $$;
CREATE TRIGGER visit_township_fill BEFORE INSERT OR UPDATE OF visitor_id, township ON visit
    FOR EACH ROW EXECUTE FUNCTION visit_township_fill();
CREATE FUNCTION visitor_township_spread() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE visit SET township = NEW.township WHERE visitor_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER visitor_township_spread AFTER UPDATE OF township ON visitor
    FOR EACH ROW WHEN (OLD.township IS DISTINCT FROM NEW.township)
    EXECUTE FUNCTION visitor_township_spread();
"""

# On PostgreSQL the counts are kept per statement, from its transition tables: a COPY of a
# ledger's 20 000 visits is one grouped upsert, not 20 000. Each upsert takes its rows in key
# order, so two transactions moving visits between the same days and windows never deadlock.
PG_CHANGED = {
    "INSERT": "SELECT {columns}, 1 AS sign FROM new_rows{where}",
    "DELETE": "SELECT {columns}, -1 AS sign FROM old_rows{where}",
    "UPDATE": "SELECT {columns}, 1 AS sign FROM new_rows{where} "
    "UNION ALL SELECT {columns}, -1 AS sign FROM old_rows{where}",
}
TRANSITIONS = {
    "INSERT": "NEW TABLE AS new_rows",
    "DELETE": "OLD TABLE AS old_rows",
    "UPDATE": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
}


def _pg_visit_counts(operation: str) -> str:
    changed = PG_CHANGED[operation].format(
        columns="created_at::date AS day, window_id, channel, purpose, township, group_size",
        where="",
    )
    groups = f"CASE WHEN group_size >= {GROUP_SIZE} THEN sign ELSE 0 END"
    return f"""
CREATE FUNCTION figure_visits_{operation.lower()}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO figure_visit_day AS f ({VISIT_DAY_KEY}, items, people, group_visits)
    SELECT {VISIT_DAY_KEY}, sum(sign), sum(sign * group_size), sum({groups})
    FROM ({changed}) AS c
    GROUP BY {VISIT_DAY_KEY}
    HAVING sum(sign) <> 0 OR sum(sign * group_size) <> 0 OR sum({groups}) <> 0
    ORDER BY {VISIT_DAY_KEY}
    ON CONFLICT ({VISIT_DAY_KEY}) DO UPDATE SET
        items = f.items + EXCLUDED.items,
        people = f.people + EXCLUDED.people,
        group_visits = f.group_visits + EXCLUDED.group_visits;
    INSERT INTO figure_township_day AS f ({TOWNSHIP_DAY_KEY}, items)
    SELECT {TOWNSHIP_DAY_KEY}, sum(sign) FROM ({changed}) AS c
    GROUP BY {TOWNSHIP_DAY_KEY} HAVING sum(sign) <> 0 ORDER BY {TOWNSHIP_DAY_KEY}
    ON CONFLICT ({TOWNSHIP_DAY_KEY}) DO UPDATE SET items = f.items + EXCLUDED.items;
    RETURN NULL;
END $$;
CREATE TRIGGER figure_visits_{operation.lower()} AFTER {operation} ON visit
    REFERENCING {TRANSITIONS[operation]}
    FOR EACH STATEMENT EXECUTE FUNCTION figure_visits_{operation.lower()}();
"""


def _pg_rating_upsert(changed: str) -> str:
    """Add the signed finished services and ratings ``changed`` lists (day, window_id, sign,
    finished: 1 or 0, score: or NULL) to their days."""
    content = f"CASE WHEN score IN {CONTENT} THEN sign ELSE 0 END"
    rated = "CASE WHEN score IS NULL THEN 0 ELSE sign END"
    return f"""
    INSERT INTO figure_rating_day AS f ({RATING_DAY_KEY}, finished, rated, content)
    SELECT {RATING_DAY_KEY}, sum(sign * finished), sum({rated}), sum({content})
    FROM ({changed}) AS c
    GROUP BY {RATING_DAY_KEY}
    HAVING sum(sign * finished) <> 0 OR sum({rated}) <> 0 OR sum({content}) <> 0
    ORDER BY {RATING_DAY_KEY}
    ON CONFLICT ({RATING_DAY_KEY}) DO UPDATE SET
        finished = f.finished + EXCLUDED.finished,
        rated = f.rated + EXCLUDED.rated,
        content = f.content + EXCLUDED.content;"""


def _pg_ticket_counts(operation: str) -> str:
    changed = PG_CHANGED[operation].format(
        columns="id, service_date AS day, window_id", where=f" WHERE status = {FINISHED}"
    )
    with_ratings = (
        f"SELECT t.day, t.window_id, t.sign, 1 AS finished, s.score FROM ({changed}) AS t "
        "LEFT JOIN satisfaction s ON s.ticket_id = t.id"
    )
    return f"""
CREATE FUNCTION figure_tickets_{operation.lower()}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN{_pg_rating_upsert(with_ratings)}
    RETURN NULL;
END $$;
CREATE TRIGGER figure_tickets_{operation.lower()} AFTER {operation} ON ticket
    REFERENCING {TRANSITIONS[operation]}
    FOR EACH STATEMENT EXECUTE FUNCTION figure_tickets_{operation.lower()}();
"""


def _pg_satisfaction_counts(operation: str) -> str:
    changed = PG_CHANGED[operation].format(columns="ticket_id, score", where="")
    of_finished = (
        f"SELECT t.service_date AS day, t.window_id, r.sign, 0 AS finished, r.score "
        f"FROM ({changed}) AS r JOIN ticket t ON t.id = r.ticket_id AND t.status = {FINISHED}"
    )
    name = f"figure_ratings_{operation.lower()}"
    return f"""
CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN{_pg_rating_upsert(of_finished)}
    RETURN NULL;
END $$;
CREATE TRIGGER {name} AFTER {operation} ON satisfaction
    REFERENCING {TRANSITIONS[operation]}
    FOR EACH STATEMENT EXECUTE FUNCTION {name}();
"""


PG_COUNT_TRIGGERS = "".join(
    kind(operation)
    for kind in (_pg_visit_counts, _pg_ticket_counts, _pg_satisfaction_counts)
    for operation in PG_CHANGED
)
PG_COUNTED_TABLES = {"visits": "visit", "tickets": "ticket", "ratings": "satisfaction"}
PG_DROP = (
    "".join(
        f"DROP TRIGGER figure_{kind}_{operation.lower()} ON {table}; "
        f"DROP FUNCTION figure_{kind}_{operation.lower()}(); "
        for kind, table in PG_COUNTED_TABLES.items()
        for operation in PG_CHANGED
    )
    + "DROP TRIGGER visitor_township_spread ON visitor; "
    "DROP FUNCTION visitor_township_spread(); "
    "DROP TRIGGER visit_township_fill ON visit; "
    "DROP FUNCTION visit_township_fill();"
)


def _sqlite_add(row: str, sign: int) -> str:
    """The two upserts that add (``sign`` 1) or take away (-1) the visit ``row`` (NEW or OLD)
    from the days' counts. Deltas, so the order SQLite fires its triggers in does not matter."""
    day = f"date({row}.created_at)"
    return (
        f"INSERT INTO figure_visit_day ({VISIT_DAY_KEY}, items, people, group_visits) "
        f"VALUES ({day}, {row}.window_id, {row}.channel, {row}.purpose, {sign}, "
        f"{sign} * {row}.group_size, CASE WHEN {row}.group_size >= {GROUP_SIZE} "
        f"THEN {sign} ELSE 0 END) "
        f"ON CONFLICT ({VISIT_DAY_KEY}) DO UPDATE SET items = items + excluded.items, "
        "people = people + excluded.people, "
        "group_visits = group_visits + excluded.group_visits; "
        f"INSERT INTO figure_township_day ({TOWNSHIP_DAY_KEY}, items) "
        f"VALUES ({day}, {row}.window_id, {row}.township, {sign}) "
        f"ON CONFLICT ({TOWNSHIP_DAY_KEY}) DO UPDATE SET items = items + excluded.items;"
    )


# SQLite cannot change the row a BEFORE trigger inserts: AFTER triggers write the copy (and
# the update of the copy moves the visit's count from no township to its own).
SQLITE_FILL = (
    "UPDATE visit SET township = COALESCE("
    "(SELECT township FROM visitor WHERE id = NEW.visitor_id), '') WHERE id = NEW.id"
)
SQLITE_CHANGED = " OR ".join(
    ["date(OLD.created_at) IS NOT date(NEW.created_at)"]
    + [f"OLD.{column} IS NOT NEW.{column}" for column in COUNTED[1:]]
)
SQLITE_TRIGGERS = (
    f"CREATE TRIGGER visit_township_fill AFTER INSERT ON visit BEGIN {SQLITE_FILL}; END",
    "CREATE TRIGGER visit_township_refill AFTER UPDATE OF visitor_id, township ON visit "
    "WHEN NEW.township IS NOT COALESCE("
    "(SELECT township FROM visitor WHERE id = NEW.visitor_id), '') "
    f"BEGIN {SQLITE_FILL}; END",
    "CREATE TRIGGER visitor_township_spread AFTER UPDATE OF township ON visitor "
    "WHEN OLD.township IS NOT NEW.township "
    "BEGIN UPDATE visit SET township = NEW.township WHERE visitor_id = NEW.id; END",
    f"CREATE TRIGGER figure_visit_count AFTER INSERT ON visit BEGIN {_sqlite_add('NEW', 1)} END",
    f"CREATE TRIGGER figure_visit_uncount AFTER DELETE ON visit BEGIN {_sqlite_add('OLD', -1)} END",
    f"CREATE TRIGGER figure_visit_recount AFTER UPDATE OF {', '.join(COUNTED)} ON visit "
    f"WHEN {SQLITE_CHANGED} BEGIN {_sqlite_add('OLD', -1)} {_sqlite_add('NEW', 1)} END",
)


def _sqlite_rating(values: str, source: str) -> str:
    """The upsert adding ``values`` (finished, rated, content deltas) to the day and window of
    ``source`` (a SELECT's FROM and WHERE, which SQLite needs before ON CONFLICT)."""
    return (
        f"INSERT INTO figure_rating_day ({RATING_DAY_KEY}, finished, rated, content) "
        f"SELECT {values} {source} "
        f"ON CONFLICT ({RATING_DAY_KEY}) DO UPDATE SET finished = finished + excluded.finished, "
        "rated = rated + excluded.rated, content = content + excluded.content;"
    )


def _sqlite_ticket(row: str, sign: int) -> str:
    """The finished ticket ``row``'s service, with its rating if any, added or taken away."""
    rating = f"(SELECT score FROM satisfaction WHERE ticket_id = {row}.id)"
    return _sqlite_rating(
        f"{row}.service_date, {row}.window_id, {sign}, "
        f"CASE WHEN {rating} IS NULL THEN 0 ELSE {sign} END, "
        f"CASE WHEN {rating} IN {CONTENT} THEN {sign} ELSE 0 END",
        f"WHERE {row}.status = {FINISHED}",
    )


def _sqlite_rated(row: str, sign: int) -> str:
    """The rating ``row`` added or taken away, when its ticket is a finished service."""
    return _sqlite_rating(
        f"service_date, window_id, 0, {sign}, CASE WHEN {row}.score IN {CONTENT} "
        f"THEN {sign} ELSE 0 END",
        f"FROM ticket WHERE id = {row}.ticket_id AND status = {FINISHED}",
    )


SQLITE_RATING_TRIGGERS = (
    f"CREATE TRIGGER figure_ticket_count AFTER INSERT ON ticket "
    f"BEGIN {_sqlite_ticket('NEW', 1)} END",
    f"CREATE TRIGGER figure_ticket_uncount AFTER DELETE ON ticket "
    f"BEGIN {_sqlite_ticket('OLD', -1)} END",
    "CREATE TRIGGER figure_ticket_recount AFTER UPDATE OF status, service_date, window_id "
    f"ON ticket WHEN (OLD.status = {FINISHED}) IS NOT (NEW.status = {FINISHED}) "
    f"OR (NEW.status = {FINISHED} AND (OLD.service_date IS NOT NEW.service_date "
    "OR OLD.window_id IS NOT NEW.window_id)) "
    f"BEGIN {_sqlite_ticket('OLD', -1)} {_sqlite_ticket('NEW', 1)} END",
    f"CREATE TRIGGER figure_satisfaction_count AFTER INSERT ON satisfaction "
    f"BEGIN {_sqlite_rated('NEW', 1)} END",
    f"CREATE TRIGGER figure_satisfaction_uncount AFTER DELETE ON satisfaction "
    f"BEGIN {_sqlite_rated('OLD', -1)} END",
    "CREATE TRIGGER figure_satisfaction_recount AFTER UPDATE OF ticket_id, score "
    f"ON satisfaction BEGIN {_sqlite_rated('OLD', -1)} {_sqlite_rated('NEW', 1)} END",
)
SQLITE_TRIGGER_NAMES = (
    "figure_satisfaction_recount",
    "figure_satisfaction_uncount",
    "figure_satisfaction_count",
    "figure_ticket_recount",
    "figure_ticket_uncount",
    "figure_ticket_count",
    "figure_visit_recount",
    "figure_visit_uncount",
    "figure_visit_count",
    "visitor_township_spread",
    "visit_township_refill",
    "visit_township_fill",
)


def _backfill(day: str) -> None:
    """The days' counts of the visits already there (``day``: the dialect's day of a visit)."""
    op.execute(
        f"INSERT INTO figure_visit_day ({VISIT_DAY_KEY}, items, people, group_visits) "
        f"SELECT {day}, window_id, channel, purpose, count(*), sum(group_size), "
        f"sum(CASE WHEN group_size >= {GROUP_SIZE} THEN 1 ELSE 0 END) "
        f"FROM visit GROUP BY {day}, window_id, channel, purpose"
    )
    op.execute(
        f"INSERT INTO figure_township_day ({TOWNSHIP_DAY_KEY}, items) "
        f"SELECT {day}, window_id, township, count(*) "
        f"FROM visit GROUP BY {day}, window_id, township"
    )


def _backfill_ratings() -> None:
    op.execute(
        f"INSERT INTO figure_rating_day ({RATING_DAY_KEY}, finished, rated, content) "
        "SELECT t.service_date, t.window_id, count(*), count(s.ticket_id), "
        f"sum(CASE WHEN s.score IN {CONTENT} THEN 1 ELSE 0 END) "
        "FROM ticket t LEFT JOIN satisfaction s ON s.ticket_id = t.id "
        f"WHERE t.status = {FINISHED} GROUP BY t.service_date, t.window_id"
    )


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    op.add_column("visit", sa.Column("township", sa.String(64), server_default="", nullable=False))
    op.create_table(
        "figure_visit_day",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("window_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("purpose", sa.String(16), nullable=False),
        sa.Column("items", sa.Integer(), nullable=False),
        sa.Column("people", sa.Integer(), nullable=False),
        sa.Column("group_visits", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "day", "window_id", "channel", "purpose", name=op.f("pk_figure_visit_day")
        ),
    )
    op.create_table(
        "figure_township_day",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("window_id", sa.Integer(), nullable=False),
        sa.Column("township", sa.String(64), nullable=False),
        sa.Column("items", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "day", "window_id", "township", name=op.f("pk_figure_township_day")
        ),
    )
    op.create_table(
        "figure_rating_day",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("window_id", sa.Integer(), nullable=False),
        sa.Column("finished", sa.Integer(), nullable=False),
        sa.Column("rated", sa.Integer(), nullable=False),
        sa.Column("content", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", "window_id", name=op.f("pk_figure_rating_day")),
    )
    _backfill_ratings()
    if postgresql:
        op.execute(
            "UPDATE visit SET township = visitor.township FROM visitor "
            "WHERE visitor.id = visit.visitor_id AND visitor.township <> ''"
        )
        _backfill("CAST(created_at AS DATE)")
        op.execute(PG_TOWNSHIP_TRIGGERS)
        op.execute(PG_COUNT_TRIGGERS)
    else:
        op.execute(
            "UPDATE visit SET township = (SELECT township FROM visitor "
            "WHERE visitor.id = visit.visitor_id) "
            "WHERE (SELECT township FROM visitor WHERE visitor.id = visit.visitor_id) <> ''"
        )
        _backfill("date(created_at)")
        for statement in SQLITE_TRIGGERS + SQLITE_RATING_TRIGGERS:
            op.execute(statement)
    op.drop_index("ix_visit_figures", table_name="visit")
    op.create_index("ix_visit_figures", "visit", list(NEW_VISIT_INDEX))
    op.create_index("ix_ticket_window_started", "ticket", ["window_id", "started_at", "visit_id"])
    op.create_index("ix_ticket_finished_at", "ticket", ["finished_at"])


def downgrade() -> None:
    op.drop_index("ix_ticket_finished_at", table_name="ticket")
    op.drop_index("ix_ticket_window_started", table_name="ticket")
    op.drop_index("ix_visit_figures", table_name="visit")
    op.create_index("ix_visit_figures", "visit", list(OLD_VISIT_INDEX))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_DROP)
    else:
        for name in SQLITE_TRIGGER_NAMES:
            op.execute(f"DROP TRIGGER {name}")
    op.drop_table("figure_rating_day")
    op.drop_table("figure_township_day")
    op.drop_table("figure_visit_day")
    op.drop_column("visit", "township")
