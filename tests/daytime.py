"""The hall's clock pinned to a time of day, for tests whose timeline reaches back from "now".

A service day is a calendar day: run just after midnight, a call "16 minutes ago" falls on
yesterday, in another day's queue than the tickets issued now. Such a test pins the clock to
the middle of the afternoon, so its timeline stays within one day whenever the suite runs.
"""

from __future__ import annotations

import datetime as dt
import time

import pytest

from hall import clock

# Hours from midnight both ways: no back-dating a test does reaches another service day.
DAYTIME = dt.time(14, 0)


def pin_clock(monkeypatch: pytest.MonkeyPatch, at: dt.time = DAYTIME) -> dt.datetime:
    """Set ``hall.clock.now`` to ``at`` today and let it run on from there in real time, as
    the code under test expects of a clock; returns the moment it was set to."""
    start = dt.datetime.combine(dt.date.today(), at)
    began = time.monotonic()
    monkeypatch.setattr(
        clock, "now", lambda: start + dt.timedelta(seconds=time.monotonic() - began)
    )
    return start
