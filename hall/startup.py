"""Opening the hall's database for the program and for ``hall-admin``: pick the URL,
migrate the schema (backing up a SQLite file first), unlock its encrypted data with this
workstation's key, fill the demo hall when asked."""

from __future__ import annotations

from db import migrate
from db.engine import Database, resolve_url
from hall import at_rest, clock, keys


def open_database(
    url: str | None = None,
    demo_hall: bool = False,
    unlock: bool = True,
    encrypt: bool = True,
    upkeep: bool = True,
) -> Database:
    """The database, migrated and, with ``unlock``, its data readable: a workstation without
    the hall key gets ``keys.NoHallKey`` (in Chinese). With ``encrypt``, data not yet encrypted
    (a database from before encryption, a rotation stopped half-way) is encrypted now.
    ``upkeep=False`` (the queue's commands, pressed on a hardware caller many times an hour)
    leaves the calendar's yearly upkeep to the next start of anything else: the queue reads
    no deadline."""
    database = Database(resolve_url(url, demo=demo_hall))
    migrate.upgrade(database.engine)
    if unlock:
        try:
            with database.write() as session:
                keys.unlock(session)
            if encrypt:
                at_rest.encrypt_pending(database)
        except BaseException:
            database.dispose()
            raise
    if not upkeep:
        return database
    # The calendar's upkeep (with every deadline it may move), and the set-up's check with the
    # catalogue it brings, are loaded only for it: a queue command, a hardware caller's press,
    # does none.
    from hall import calendar, recalculation, setup

    with database.write() as session:
        if demo_hall and not setup.is_set_up(session):
            # Only here: the demo brings every window's rules, which a hardware caller's
            # command must not load at every press.
            from hall import demo

            demo.seed_demo(session)
        elif setup.is_set_up(session):
            # A newer chinese-calendar package brings the next year's holidays; a hall that was
            # set up before it learns them at its next start (years already there are kept).
            calendar.seed(session)
            # Deadlines stored before the holidays fixed by law counted for years without a
            # notice still count weekends only there; they are put right once (a second start
            # finds nothing to move, so no event is written again).
            recalculation.recompute_missing_years(session, clock.now().date())
    return database
