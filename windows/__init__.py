"""The service windows and the court clerk's desk, on one shared workstation base."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.widgets.context import AppContext
from windows.base import WindowWorkstation


def open_workstation(ctx: AppContext, window_code: str, parent: QWidget | None = None) -> QWidget:
    """The workstation screen for one window (legal, talk, opinion, aid, publicity, supervision,
    letters and court all work on the shared base so far). An unknown code raises
    ``hall.errors.NotFound``, whose message lists the codes there are."""
    return WindowWorkstation(ctx, window_code, parent)
