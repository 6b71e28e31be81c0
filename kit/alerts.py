"""The one palette of deadline alerts, from calm to alarming: the letters desk, the court's
files, the supervisors' screen and the figures use the same colours, so an officer learns
them once."""

from __future__ import annotations

from PySide6.QtGui import QColor

from hall.deadlines import Alert

# Background and text colour of each alert level.
ALERT_COLOURS: dict[Alert, tuple[str, str]] = {
    Alert.HALF: ("#fff8c4", "#5d4a00"),
    Alert.THREE_QUARTERS: ("#ffe0a3", "#6b3d00"),
    Alert.EIGHTY_FIVE: ("#ffc080", "#6b2500"),
    Alert.NINETY_NINE: ("#ff9a80", "#5c0d00"),
    Alert.OVERDUE: ("#c62828", "#ffffff"),
}


def alert_colours(level: int) -> tuple[QColor, QColor] | None:
    """The (background, text) colours of ``level``; None below the first alert."""
    colours = ALERT_COLOURS.get(Alert(level))
    if colours is None:
        return None
    return QColor(colours[0]), QColor(colours[1])


def alert_style(level: int) -> str:
    """A style sheet for a label showing an alert of ``level`` ("" below the first alert)."""
    colours = ALERT_COLOURS.get(Alert(level))
    if colours is None:
        return ""
    background, text = colours
    return f"background: {background}; color: {text}; padding: 2px 6px; border-radius: 3px;"
