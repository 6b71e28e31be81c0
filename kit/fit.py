"""Screens that fit the commonest office PC: 1366×768, or 1280×720 at 125 % scaling (1024×576
logical pixels).

A screen whose parts add up to more than that pushes its action buttons and the status bar off
the bottom of the screen; the parts that can grow (a form, a visitor's details) go into a scroll
area instead, and the buttons stay outside it, always in view.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget


def scrolling(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area: as large as the space it is given, and scrolled
    rather than squeezed when that space is smaller than it needs."""
    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setWidget(widget)
    # A focus request on the area (a tab shown, a page chosen) lands in the screen itself.
    area.setFocusProxy(widget)
    return area


def scrolled_content(widget: QWidget | None) -> QWidget | None:
    """The screen inside a :func:`scrolling` area (or ``widget`` itself if it is none)."""
    if isinstance(widget, QScrollArea) and widget.widget() is not None:
        return widget.widget()
    return widget


def forms_with_message(boxes: list[QWidget], message: QLabel) -> QVBoxLayout:
    """A screen's forms stacked in one scroll area, with ``message`` (what was refused or done)
    under it, always in view however small the screen."""
    forms = QWidget()
    column = QVBoxLayout(forms)
    column.setContentsMargins(0, 0, 0, 0)
    for box in boxes:
        column.addWidget(box)
    column.addStretch(1)
    layout = QVBoxLayout()
    layout.addWidget(scrolling(forms), 1)
    layout.addWidget(message)
    return layout
