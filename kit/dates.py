"""Dates on the windows' screens: a date field as every page and form shows it, and the day a
Python date is to Qt."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def date_edit(
    day: dt.date, latest: dt.date | None = None, earliest: dt.date | None = None
) -> QDateEdit:
    """A field showing ``day`` as yyyy-MM-dd with a calendar to pick from; with ``latest`` or
    ``earliest``, no day after or before it can be picked."""
    edit = QDateEdit(to_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    if latest is not None:
        edit.setMaximumDate(to_qdate(latest))
    if earliest is not None:
        edit.setMinimumDate(to_qdate(earliest))
    return edit
