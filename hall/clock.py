"""The hall's notion of now: local wall-clock time, at one-second-or-finer precision.

``HALL_CLOCK_START`` (an ISO date and time) runs the program as if it had been started at that
moment, the clock going on from there in real time: for training on a demo hall set in a given
week, and for tests, which pin every date they depend on and hand it to the command-line
processes they start. ``START@SECONDS`` says that the clock read START at the Unix time SECONDS
rather than at this process's start, so processes started one after another share one clock.
"""

from __future__ import annotations

import datetime as dt
import os

CLOCK_START = "HALL_CLOCK_START"


def _offset() -> dt.timedelta:
    setting = os.environ.get(CLOCK_START)
    if not setting:
        return dt.timedelta(0)
    start, _, at = setting.partition("@")
    real = dt.datetime.fromtimestamp(float(at)) if at else dt.datetime.now()
    return dt.datetime.fromisoformat(start) - real


_OFFSET = _offset()


def now() -> dt.datetime:
    return dt.datetime.now().replace(tzinfo=None) + _OFFSET
