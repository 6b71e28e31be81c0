"""The parts of the calling display (``desktop.display``): a window's tile, the last calls,
the scrolling notice and the duty roster's band. Each is drawn for a 1080-pixel-high screen;
:meth:`fit` sets its margins and gaps for the text's scale on the screen it is shown on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, QEvent, QLocale, QRectF, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hall import queue
from hall.appointments import RosterLine
from kit.fit import ElidedLabel

# The last calls listed beside the tiles (as many as fit, on a small screen).
RECENT_CALLS = 8
# The roster days the band at the foot shows (the board reads a week: weekends have none).
ROSTER_SHOWN = 5
# The notice moves this many pixels (at 1080p) every step.
SCROLL_STEP = 3
SCROLL_MS = 30
# Pixels (at 1080p) between the parts and inside a tile; on a smaller screen they shrink with
# the text (:func:`scaled`), so that a 1024×576 screen (1280×720 at 125 %) holds it all.
SPACING = 20
TILE_MARGIN = 18


def named_label(name: str, text: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    return label


def scaled(pixels: int, scale: float) -> int:
    """``pixels`` at 1080p, on a screen where the text is ``scale`` times as large."""
    return max(2, round(pixels * scale))


def repolish(widget: QWidget) -> None:
    """Apply style sheet rules that depend on a property just changed."""
    for w in (widget, *widget.findChildren(QWidget)):
        w.style().unpolish(w)
        w.style().polish(w)


class WindowTile(QFrame):
    """One window: who is called there now, where it is, how many are waiting."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.setProperty("flash", False)
        self.window_name = named_label("windowName")
        self.location = named_label("location")
        self.number = named_label("number")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caller = named_label("caller")
        self.caller.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.waiting = named_label("waiting")
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.wait = named_label("wait")
        self.wait.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.column = layout = QVBoxLayout(self)
        layout.addWidget(self.window_name)
        layout.addWidget(self.location)
        layout.addStretch(1)
        layout.addWidget(self.number)
        layout.addWidget(self.caller)
        layout.addStretch(1)
        layout.addWidget(self.waiting)
        layout.addWidget(self.wait)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.fit(1.0)

    def fit(self, scale: float) -> None:
        """Margins and gaps for text of ``scale`` (1 at 1080p)."""
        side, top = scaled(TILE_MARGIN, scale), scaled(14, scale)
        self.column.setContentsMargins(side, top, side, top)
        self.column.setSpacing(scaled(6, scale))

    def show_queue(self, window: queue.WindowQueue, wait: queue.WaitEstimate | None) -> None:
        self.window_name.setText(f"{window.letter}  {window.name}")
        self.location.setText(window.location)
        self.waiting.setText(self.tr("Waiting: {count}").format(count=window.waiting))
        if wait is None or not wait.ahead:
            self.wait.setText(self.tr("New number: no wait"))
        else:
            self.wait.setText(
                self.tr("New number: about {minutes} min").format(minutes=wait.minutes)
            )
        called = window.calling[0] if window.calling else None
        self.number.setProperty("idle", called is None)
        repolish(self.number)
        if called is None:
            self.number.setText("—")
            self.caller.setText("")
            return
        self.number.setText(called.number)
        parts = [called.masked_name] if called.masked_name else []
        if called.seat is not None:
            parts.append(self.tr("Seat {seat}").format(seat=called.seat))
        self.caller.setText("  ".join(parts))

    def set_flash(self, on: bool) -> None:
        self.setProperty("flash", on)
        repolish(self)


class RecentCalls(QFrame):
    """The last calls across the hall, newest first, for those who looked away."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recent")
        self.column = layout = QVBoxLayout(self)
        self.title = named_label("recentTitle", self.tr("Recent calls"))
        layout.addWidget(self.title)
        self.rows: list[tuple[QLabel, QLabel]] = []
        for _ in range(RECENT_CALLS):
            call = named_label("recentCall")
            place = named_label("recentPlace")
            layout.addWidget(call)
            layout.addWidget(place)
            self.rows.append((call, place))
        layout.addStretch(1)
        self.fit(1.0)

    def fit(self, scale: float) -> None:
        """Margins and gaps for text of ``scale`` (1 at 1080p)."""
        side, top = scaled(24, scale), scaled(16, scale)
        self.column.setContentsMargins(side, top, side, top)
        self.column.setSpacing(scaled(6, scale))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show_what_fits()

    def _show_what_fits(self) -> None:
        """As many of the last calls as the column has room for (all eight at 1080p, fewer on
        a small screen), the newest first: a call cut in half reads as a wrong number."""
        margins = self.column.contentsMargins()
        gap = self.column.spacing()
        room = self.height() - margins.top() - margins.bottom() - self.title.sizeHint().height()
        call, place = self.rows[0]
        row = call.sizeHint().height() + place.sizeHint().height() + 2 * gap
        fits = max(1, room // max(row, 1))
        for index, (call, place) in enumerate(self.rows):
            call.setVisible(index < fits)
            place.setVisible(index < fits)

    def show_calls(self, calls: Sequence[queue.TicketView]) -> None:
        for (call, place), ticket in zip(self.rows, [*calls, *[None] * RECENT_CALLS], strict=False):
            if ticket is None:
                call.clear()
                place.clear()
                continue
            call.setText(f"{ticket.number}  {ticket.masked_name}".rstrip())
            place.setText(f"{ticket.window_name} · {ticket.window_location}")


class NoticeLine(QFrame):
    """The hall's notice, scrolling from right to left along the foot of the screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._offset = 0.0
        self.step = float(SCROLL_STEP)
        self._timer = QTimer(self)
        self._timer.setInterval(SCROLL_MS)
        self._timer.timeout.connect(self._scroll)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        text = " ".join(text.split())
        if text == self._text:
            return
        self._text = text
        self._offset = float(self.width())
        self.setVisible(bool(text))
        if text:
            self._timer.start()
        else:
            self._timer.stop()
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # The style sheet sets the font: the line is as tall as its text.
        self.setFixedHeight(round(self.fontMetrics().height() * 1.6))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._text:
            return
        painter = QPainter(self)
        painter.setFont(self.font())
        painter.setPen(self.palette().windowText().color())
        margin = self.height() / 2
        painter.setClipRect(QRectF(margin, 0, self.width() - 2 * margin, self.height()))
        painter.drawText(
            QRectF(self._offset, 0, self._text_width() + 1, self.height()),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            self._text,
        )

    def _text_width(self) -> int:
        return self.fontMetrics().horizontalAdvance(self._text)

    def _scroll(self) -> None:
        self._offset -= self.step
        if self._offset < -self._text_width():
            self._offset = float(self.width())
        self.update()


class RosterBand(QFrame):
    """The published 领导接访 duty roster: for each of the next days on it, the date, the
    leader's name and post, and what they are in charge of (分管工作)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roster")
        self.title = named_label("rosterTitle", self.tr("Leaders receiving visitors"))
        self.days = QHBoxLayout()
        self.line = layout = QHBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.days, 1)
        self.cells: list[tuple[ElidedLabel, ElidedLabel]] = []
        for _ in range(ROSTER_SHOWN):
            cell = QVBoxLayout()
            cell.setSpacing(2)
            # A long post ends in "…" at the cell's edge rather than widening the band.
            labels = (ElidedLabel(), ElidedLabel())
            for label, name in zip(labels, ("rosterLeader", "rosterDay"), strict=True):
                label.setObjectName(name)
                cell.addWidget(label)
            self.days.addLayout(cell, 1)
            self.cells.append(labels)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.fit(1.0)

    def fit(self, scale: float) -> None:
        """Margins and gaps for text of ``scale`` (1 at 1080p)."""
        self.line.setContentsMargins(
            scaled(24, scale), scaled(10, scale), scaled(24, scale), scaled(10, scale)
        )
        self.line.setSpacing(scaled(SPACING, scale))
        self.days.setSpacing(scaled(SPACING, scale))

    def show_roster(self, lines: Sequence[RosterLine], today: dt.date) -> None:
        """Two lines a day, to leave the tiles' numbers their height: the day and the leader,
        then the post and what they are in charge of."""
        self.setVisible(bool(lines))
        shown = list(lines)[:ROSTER_SHOWN]
        for index, (who, what) in enumerate(self.cells):
            # A day off the roster hides its cell and gives up its share of the band's width,
            # so the days on it have room for long posts.
            on_roster = index < len(shown)
            who.setVisible(on_roster)
            what.setVisible(on_roster)
            self.days.setStretch(index, 1 if on_roster else 0)
            if not on_roster:
                who.clear()
                what.clear()
                continue
            line = shown[index]
            when = (
                self.tr("Today")
                if line.day == today
                else QLocale().toString(
                    QDate(line.day.year, line.day.month, line.day.day), self.tr("M/d dddd")
                )
            )
            who.setText(f"{when}  {line.name}")
            what.setText(
                self.tr("{post}, in charge of {portfolio}").format(
                    post=line.post, portfolio=line.portfolio
                )
                if line.portfolio
                else line.post
            )
