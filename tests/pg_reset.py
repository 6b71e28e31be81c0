"""Bring the session's PostgreSQL test database back to the migrated, empty state.

``TRUNCATE`` of every table gives each table new files, synced at commit, whatever they hold:
about 80 ms a test on a quiet machine and over a second on a busy one. A clone of a template
database costs about 50 ms plus a new engine. A test writes a few rows to a few tables, and a
``DELETE`` of an empty table costs next to nothing, so deleting from every table, children
before parents, in one round trip costs a few milliseconds (and a fifth of TRUNCATE's time
under load). Sequences are restarted only where something drew from them, rolled-back inserts
included, so ids start at 1 in every test as they do in a fresh database.
"""

from __future__ import annotations

from sqlalchemy import text

from db import schema
from db.engine import Database

APPEND_ONLY = frozenset({"audit_entry"})
# Kept by triggers on the visits, tickets and ratings (migrations 0160_figspeed, 0170_figwin):
# emptied after them, since deleting those rows writes to these.
KEPT_BY_TRIGGERS = frozenset(
    {
        "figure_visit_day",
        "figure_township_day",
        "figure_rating_day",
        "figure_ticket_day",
        "figure_wait_day",
        "figure_officer_day",
    }
)
_EMPTY = text(
    "; ".join(
        [
            *(
                # The audit refuses DELETE by a trigger (its rows are never removed by the
                # program); a test database empties it as its administrator would, by TRUNCATE.
                f'TRUNCATE "{table.name}"'
                if table.name in APPEND_ONLY
                else f'DELETE FROM "{table.name}"'
                for table in sorted(
                    reversed(schema.metadata().sorted_tables),
                    key=lambda table: table.name in KEPT_BY_TRIGGERS,
                )
            ),
            # pg_sequences shows no last value for a sequence nobody drew from since it was set.
            "SELECT setval(format('%I.%I', schemaname, sequencename)::regclass, start_value,"
            " false) FROM pg_sequences WHERE last_value IS NOT NULL",
        ]
    )
)


def empty(database: Database) -> None:
    """Delete every row the earlier tests left and restart the sequences they drew from."""
    with database.engine.begin() as connection:
        connection.execute(_EMPTY)
