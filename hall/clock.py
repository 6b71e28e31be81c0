"""The hall's notion of now: local wall-clock time, at one-second-or-finer precision."""

from __future__ import annotations

import datetime as dt


def now() -> dt.datetime:
    return dt.datetime.now().replace(tzinfo=None)
