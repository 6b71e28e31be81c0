"""The calling display: the wall screen that tells waiting visitors whose turn it is and where
to go. Public, so it shows ticket numbers, masked names (张*) and windows, nothing else: never
an ID number, a phone or a matter.

Each call flashes its window and is read out (``desktop.voice``) from the hall's template; a
recall is read out again. Each window's tile says how long a number taken there now would wait.
The hall's notice scrolls along the foot of the screen, above it the published 领导接访 roster
of the coming days, and the leader receiving visitors today is named under the hall's name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, QEvent, QLocale, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from db.engine import Database
from desktop.voice import Voice, announcement
from hall import clock, queue, shell
from hall.appointments import RosterLine
from hall.settings import CALL_ANNOUNCEMENT, SETTINGS_CHANGED
from kit.context import HallEvent, HallEvents
from kit.live import once_per_burst
from kit.operations import Operation, Problem

# The layout is drawn for a 1080-pixel-high screen and scaled to the real one.
DESIGN_HEIGHT = 1080
RECENT_CALLS = 8
# The roster days the band at the foot shows (the board reads a week: weekends have none).
ROSTER_SHOWN = 5
COLUMNS = 4
FLASH_MS = 400
FLASH_TIMES = 8
# Several events arrive together (a transfer is two); one refresh answers them all.
REFRESH_DELAY_MS = 50
# The duty roster and the notice change without an event; read them again this often.
REREAD_MS = 60_000
# How long a note about the display itself (no voice) stays up.
NOTE_MS = 30_000
# The notice moves this many pixels (at 1080p) every step.
SCROLL_STEP = 3
SCROLL_MS = 30
# The recent calls' column, at 1080p.
RECENT_WIDTH = 480
# How much larger the numbers are when the tiles fit in one row.
ONE_ROW_NUMBER = 1.6
# Pixels around the screen's edge, between tiles, and inside a tile.
MARGIN = 32
SPACING = 20
TILE_MARGIN = 18
# A line of text is this many times its font's pixel size.
LINE = 1.35

# Pixel sizes at 1080p: large enough to read across the hall.
STYLE = """
CallingDisplay {{ background: #041328; }}
QLabel {{ color: #ffffff; }}
QLabel#hallName {{ font-size: {hall}px; font-weight: bold; }}
QLabel#dutyLeader {{ font-size: {leader}px; color: #ffd400; }}
QLabel#clock {{ font-size: {clock}px; }}
QLabel#offline {{ font-size: {small}px; color: #ff8a80; }}
QLabel#note {{ font-size: {small}px; color: #ffcc80; }}
NoticeLine {{ background: #0b2a55; border-radius: {radius}px; color: #ffffff;
    font-size: {notice}px; }}
QFrame#tile {{ background: #0b2a55; border: {border}px solid #2a5aa0; border-radius: {radius}px; }}
QFrame#tile[flash="true"] {{ background: #ffd400; border-color: #ffffff; }}
QFrame#tile[flash="true"] QLabel {{ color: #041328; }}
QLabel#windowName {{ font-size: {window}px; font-weight: bold; }}
QLabel#location {{ font-size: {small}px; color: #b8cbe6; }}
QLabel#number {{ font-size: {number}px; font-weight: bold; color: #ffd400; }}
QLabel#number[idle="true"] {{ color: #4d6a91; }}
QLabel#caller {{ font-size: {caller}px; }}
QLabel#waiting {{ font-size: {small}px; color: #b8cbe6; }}
QLabel#wait {{ font-size: {small}px; color: #ffffff; }}
QFrame#roster {{ background: #0b2a55; border-radius: {radius}px; }}
QLabel#rosterTitle {{ font-size: {small}px; font-weight: bold; color: #ffd400; }}
QLabel#rosterDay {{ font-size: {small}px; color: #b8cbe6; }}
QLabel#rosterLeader {{ font-size: {small}px; }}
QFrame#recent {{ background: #0b2a55; border-radius: {radius}px; }}
QLabel#recentTitle {{ font-size: {window}px; font-weight: bold; color: #ffd400; }}
QLabel#recentCall {{ font-size: {recent}px; }}
QLabel#recentPlace {{ font-size: {small}px; color: #b8cbe6; }}
"""
SIZES = {
    "hall": 48,
    "clock": 42,
    "window": 34,
    "number": 120,
    "caller": 40,
    "recent": 38,
    "small": 28,
    "leader": 32,
    "notice": 36,
    "border": 3,
    "radius": 16,
}


def _label(name: str, text: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    return label


def _repolish(widget: QWidget) -> None:
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
        self.window_name = _label("windowName")
        self.location = _label("location")
        self.number = _label("number")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caller = _label("caller")
        self.caller.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.waiting = _label("waiting")
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.wait = _label("wait")
        self.wait.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(TILE_MARGIN, 14, TILE_MARGIN, 14)
        layout.addWidget(self.window_name)
        layout.addWidget(self.location)
        layout.addStretch(1)
        layout.addWidget(self.number)
        layout.addWidget(self.caller)
        layout.addStretch(1)
        layout.addWidget(self.waiting)
        layout.addWidget(self.wait)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

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
        _repolish(self.number)
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
        _repolish(self)


class RecentCalls(QFrame):
    """The last calls across the hall, newest first, for those who looked away."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recent")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(_label("recentTitle", self.tr("Recent calls")))
        self.rows: list[tuple[QLabel, QLabel]] = []
        for _ in range(RECENT_CALLS):
            call = _label("recentCall")
            place = _label("recentPlace")
            layout.addWidget(call)
            layout.addWidget(place)
            self.rows.append((call, place))
        layout.addStretch(1)

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
        self.title = _label("rosterTitle", self.tr("Leaders receiving visitors"))
        self.days = QHBoxLayout()
        self.days.setSpacing(SPACING)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 10, 24, 10)
        layout.setSpacing(SPACING)
        layout.addWidget(self.title)
        layout.addLayout(self.days, 1)
        self.cells: list[tuple[QLabel, QLabel]] = []
        for _ in range(ROSTER_SHOWN):
            cell = QVBoxLayout()
            cell.setSpacing(2)
            labels = (_label("rosterLeader"), _label("rosterDay"))
            for label in labels:
                # A long post is cut at the cell's edge rather than widening the band.
                label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
                cell.addWidget(label)
            self.days.addLayout(cell, 1)
            self.cells.append(labels)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def show_roster(self, lines: Sequence[RosterLine], today: dt.date) -> None:
        """Two lines a day, to leave the tiles' numbers their height: the day and the leader,
        then the post and what they are in charge of."""
        self.setVisible(bool(lines))
        shown = list(lines)[:ROSTER_SHOWN]
        for index, (who, what) in enumerate(self.cells):
            if index >= len(shown):
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


class CallingDisplay(QWidget):
    """For each window (all, or ``window_codes``), the number called now and where to go;
    the last calls; waiting counts; the leader on duty; the hall's notice; date, time and the
    hall's name. Refreshes on the live feed's events, flashes the window that has just called
    and has ``voice`` (if given) read the call out."""

    # After every refresh: what the display shows is what the database said just now.
    refreshed = Signal()

    def __init__(
        self,
        database: Database,
        events: HallEvents,
        window_codes: Sequence[str] | None = None,
        voice: Voice | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.window_codes = list(window_codes) if window_codes else None
        self.voice = voice
        self._template = CALL_ANNOUNCEMENT.default
        # Names and places of the windows shown, for what the voice says.
        self._places: dict[str, tuple[str, str]] = {}
        self.setWindowTitle(self.tr("Calling display"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setCursor(Qt.CursorShape.BlankCursor)

        self.hall_name = _label("hallName")
        self.duty_leader = _label("dutyLeader")
        self.clock = _label("clock")
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.offline = _label("offline")
        self.offline.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.offline.hide()
        self.note = _label("note")
        self.note.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.note.hide()
        header = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.hall_name)
        left.addWidget(self.duty_leader)
        header.addLayout(left, 1)
        right = QVBoxLayout()
        right.addWidget(self.clock)
        right.addWidget(self.offline)
        right.addWidget(self.note)
        header.addLayout(right)

        self.tiles: dict[str, WindowTile] = {}
        self.grid = QGridLayout()
        self.grid.setSpacing(SPACING)
        self.recent = RecentCalls()
        body = QHBoxLayout()
        body.setSpacing(SPACING)
        body.addLayout(self.grid, 1)
        body.addWidget(self.recent)

        self.roster = RosterBand()
        self.roster.hide()
        self.notice = NoticeLine()
        self.notice.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, 20, MARGIN, 28)
        layout.setSpacing(SPACING)
        # The display takes the size of its screen, however small, and scales its text to it
        # (_apply_scale); a minimum from the text's present size would keep it from shrinking.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addLayout(header)
        layout.addLayout(body, 1)
        layout.addWidget(self.roster)
        layout.addWidget(self.notice)

        self._flash_window: str | None = None
        self._flash_count = 0
        self._flash_timer = QTimer(self)
        self._flash_timer.setInterval(FLASH_MS)
        self._flash_timer.timeout.connect(self._flash_step)
        self._refresh_timer = once_per_burst(self, REFRESH_DELAY_MS, self.refresh)
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(1000)
        self._clock_timer.timeout.connect(self._tick)
        self._reread_timer = QTimer(self)
        self._reread_timer.setInterval(REREAD_MS)
        self._reread_timer.timeout.connect(self.refresh)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_MS)
        self._note_timer.timeout.connect(self.note.hide)

        events.queue_changed.connect(self._on_queue_changed)
        events.ticket_called.connect(self._on_called)
        events.received.connect(self._on_event)
        events.connection_lost.connect(self._on_lost)
        events.connection_restored.connect(self._on_restored)
        if voice is not None:
            voice.unavailable.connect(self._show_note)

        self._sizes: dict[str, int] = {}
        self._apply_scale()
        self._day = clock.now().date()
        self._tick()
        self._clock_timer.start()
        self._reread_timer.start()
        self.refresh()
        if voice is not None:
            voice.report()

    def refresh(self) -> None:
        """Read the queues now and show them."""
        day, codes = clock.now().date(), self.window_codes
        Operation(
            self,
            self.database,
            lambda s: shell.display_board(s, day, codes, RECENT_CALLS),
            read_only=True,
        ).success(self._show_board).failure(self._keep_last_board).run()

    def _keep_last_board(self, _problem: Problem) -> None:
        """The live feed reports the lost connection; the last good view stays up."""

    def _show_board(self, board: shell.DisplayBoard) -> None:
        leader_text = (
            self.tr("Leader receiving visitors today: {name} {title}")
            .format(name=board.leader_name, title=board.leader_title)
            .strip()
            if board.leader_name is not None
            else ""
        )
        windows, recent = board.windows, board.recent
        self.hall_name.setText(board.hall_name)
        self.duty_leader.setText(leader_text)
        self.duty_leader.setVisible(bool(leader_text))
        self.notice.setText(board.notice)
        self._template = board.announcement
        self._places = {w.code: (w.name, w.location) for w in windows}
        if list(self.tiles) != [w.code for w in windows]:
            self._build_tiles([w.code for w in windows])
        for window in windows:
            self.tiles[window.code].show_queue(window, board.waits.get(window.code))
        self.roster.show_roster(board.roster, self._day)
        # The band shown or gone changes the tiles' height.
        self._apply_scale()
        self.recent.show_calls(recent)
        if self._flash_window in self.tiles and not self._flash_timer.isActive():
            self._flash_count = 0
            self._flash_timer.start()
        self.refreshed.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.voice is not None:
            self.voice.stop()
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_scale()

    def _apply_scale(self) -> None:
        scale = max(0.4, self.height() / DESIGN_HEIGHT)
        recent_width = round(RECENT_WIDTH * scale)
        sizes = {key: size * scale for key, size in SIZES.items()}
        # One row of tiles (a display of a few windows) has room for larger numbers, as far
        # as a number (four characters) fits the width of its tile.
        if 0 < len(self.tiles) <= COLUMNS:
            sizes["number"] *= ONE_ROW_NUMBER
        columns = min(COLUMNS, max(1, len(self.tiles)))
        grid_width = self.width() - 2 * MARGIN - recent_width - SPACING
        tile_width = (grid_width - SPACING * (columns - 1)) / columns - 2 * TILE_MARGIN
        sizes["number"] = max(SIZES["number"] * scale, min(sizes["number"], tile_width / 2.4))
        # And as far as it fits the height of its tile, now that the roster band and the
        # notice share the screen's height with the tiles.
        sizes["number"] = max(sizes["caller"], min(sizes["number"], self._number_room(sizes)))
        rounded = {key: max(1, round(v)) for key, v in sizes.items()}
        if rounded == self._sizes:
            return
        self._sizes = rounded
        self.recent.setFixedWidth(recent_width)
        self.notice.step = SCROLL_STEP * scale
        self.setStyleSheet(STYLE.format(**rounded))

    def _number_room(self, sizes: dict[str, float]) -> float:
        """The largest number (in pixels) the tiles' height leaves room for."""
        rows = max(1, -(-len(self.tiles) // COLUMNS))
        taken = (sizes["hall"] + sizes["leader"]) * LINE + 48 + 2 * SPACING
        if self.roster.isVisibleTo(self):
            taken += sizes["small"] * 2 * LINE + 20 + SPACING
        if self.notice.isVisibleTo(self):
            taken += sizes["notice"] * 1.6 + SPACING
        tile = (self.height() - taken - SPACING * (rows - 1)) / rows - 28
        # The tile's other lines: its name, location, caller, waiting count and wait.
        others = (sizes["window"] + sizes["caller"] + sizes["small"] * 3) * LINE
        return (tile - others) / LINE

    def _build_tiles(self, codes: Sequence[str]) -> None:
        for tile in self.tiles.values():
            self.grid.removeWidget(tile)
            tile.deleteLater()
        self.tiles = {}
        columns = min(COLUMNS, max(1, len(codes)))
        for index, code in enumerate(codes):
            tile = WindowTile()
            self.grid.addWidget(tile, index // columns, index % columns)
            self.tiles[code] = tile
        self._apply_scale()

    def _on_queue_changed(self, _window: str) -> None:
        self._refresh_timer.start()

    def _on_called(self, event: HallEvent) -> None:
        window = event.payload.get("window")
        number = event.payload.get("number")
        if not isinstance(window, str) or (
            self.window_codes is not None and window not in self.window_codes
        ):
            return
        if self._flash_window is not None and self._flash_window in self.tiles:
            self.tiles[self._flash_window].set_flash(False)
        self._flash_timer.stop()
        self._flash_window = window
        # A call is what the hall is watching for: shown at once, not with the next burst.
        self._refresh_timer.stop()
        self.refresh()
        if self.voice is not None and isinstance(number, str) and window in self._places:
            name, location = self._places[window]
            self.voice.announce(announcement(self._template, number, name, location))

    def _on_event(self, event: HallEvent) -> None:
        if event.kind == SETTINGS_CHANGED:
            self._refresh_timer.start()

    def _show_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.show()
        self._note_timer.start()

    def _flash_step(self) -> None:
        tile = self.tiles.get(self._flash_window or "")
        self._flash_count += 1
        if tile is None or self._flash_count > FLASH_TIMES:
            self._flash_timer.stop()
            if tile is not None:
                tile.set_flash(False)
            self._flash_window = None
            return
        tile.set_flash(self._flash_count % 2 == 1)

    def _tick(self) -> None:
        # The hall's clock, as every date the program shows, so that a pinned clock holds here too.
        now = clock.now()
        locale = QLocale()
        self.clock.setText(
            f"{locale.toString(QDate(now.year, now.month, now.day), QLocale.FormatType.LongFormat)}"
            f"  {now:%H:%M}"
        )
        today = now.date()
        if today != self._day:
            # A new day: yesterday's calls and counts leave the screen.
            self._day = today
            self.refresh()

    def _on_lost(self, _message: str) -> None:
        self.offline.setText(self.tr("Connection lost, reconnecting…"))
        self.offline.show()

    def _on_restored(self) -> None:
        self.offline.hide()
        self.refresh()
