"""The rules' views as ``hall-admin`` prints them: plain data, dates and times in ISO form."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from _typeshed import DataclassInstance


def as_json(view: DataclassInstance, timespec: str = "auto") -> dict[str, object]:
    """The fields of ``view`` and of the views it holds, dates as ``YYYY-MM-DD`` and times as
    :meth:`datetime.datetime.isoformat` gives them to ``timespec``."""
    return _iso_fields(asdict(view), timespec)


def _iso_fields(data: dict[str, object], timespec: str) -> dict[str, object]:
    return {key: _iso(value, timespec) for key, value in data.items()}


def _iso(value: object, timespec: str) -> object:
    # A datetime is also a date: it is asked first.
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec=timespec)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return _iso_fields(value, timespec)
    if isinstance(value, list):
        return [_iso(item, timespec) for item in value]
    return value
