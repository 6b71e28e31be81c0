"""The hall's clock pinned to a day and a time of day.

Every test runs on a pinned clock (tests/conftest.py): a service day is a calendar day and a
deadline counts working days, so a test on the real clock would pass or fail with the day it
runs on. The middle of the afternoon keeps a timeline that reaches back from "now" (a call
"16 minutes ago") within one service day. Processes a test starts get the same clock through
``HALL_CLOCK_START``. A test whose outcome would change if a loaded machine let a second or a
minute pass between its steps holds the clock still (``held_clock``, tests/conftest.py).
"""

from __future__ import annotations

import datetime as dt
import time

import pytest

from hall import clock
from hall.clock import CLOCK_START

# Hours from midnight both ways: no back-dating a test does reaches another service day.
DAYTIME = dt.time(14, 0)


def pin_clock(
    monkeypatch: pytest.MonkeyPatch, at: dt.time = DAYTIME, day: dt.date | None = None
) -> dt.datetime:
    """Set ``hall.clock.now`` to ``at`` on ``day`` (by default the day the test is pinned to)
    and let it run on from there in real time, as the code under test expects of a clock;
    returns the moment it was set to."""
    start = dt.datetime.combine(day or clock.now().date(), at)
    began = time.time()
    monkeypatch.setattr(clock, "now", lambda: start + dt.timedelta(seconds=time.time() - began))
    monkeypatch.setenv(CLOCK_START, f"{start.isoformat()}@{began}")
    return start
