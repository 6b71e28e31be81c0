"""The service windows and the court clerk's desk, on one shared workstation base."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from desktop.widgets.context import AppContext


def open_workstation(ctx: AppContext, window_code: str, parent: QWidget | None = None) -> QWidget:
    """The workstation screen for one window. Placeholder with the agreed interface."""
    return QLabel(window_code, parent)
