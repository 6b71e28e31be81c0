"""The calling display: the wall screen that tells waiting visitors whose turn it is and where
to go. Public, so it shows ticket numbers, masked names (张*) and windows, nothing else: never
an ID number, a phone or a matter.

Each call flashes its window and is read out (``desktop.voice``) from the hall's template; a
recall is read out again. Each window's tile says how long a number taken there now would wait.
The hall's notice scrolls along the foot of the screen, above it the published 领导接访 roster
of the coming days, and the leader receiving visitors today is named under the hall's name.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QFontMetricsF,
    QKeyEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLayout,
    QVBoxLayout,
    QWidget,
)

from db.engine import Database
from desktop.display_parts import (
    RECENT_CALLS,
    SCROLL_STEP,
    SPACING,
    TILE_MARGIN,
    NoticeLine,
    RecentCalls,
    RosterBand,
    WindowTile,
    named_label,
    scaled,
)
from desktop.voice import Voice, announcement
from hall import clock, shell
from hall.settings import CALL_ANNOUNCEMENT, SETTINGS_CHANGED
from kit.context import HallEvent, HallEvents
from kit.live import once_per_burst
from kit.operations import Operation, Problem

# The layout is drawn for a 1080-pixel-high screen and scaled to the real one.
DESIGN_HEIGHT = 1080
COLUMNS = 4
FLASH_MS = 400
FLASH_TIMES = 8
# Several events arrive together (a transfer is two); one refresh answers them all.
REFRESH_DELAY_MS = 50
# The duty roster and the notice change without an event; read them again this often.
REREAD_MS = 60_000
# How long a note about the display itself (no voice) stays up.
NOTE_MS = 30_000
# The recent calls' column, at 1080p.
RECENT_WIDTH = 480
# How much larger the numbers are when the tiles fit in one row.
ONE_ROW_NUMBER = 1.6
# Pixels (at 1080p) around the screen's edge; it shrinks with the text, as the gaps do.
MARGIN = 32
# A line of text is at least this many times its font's pixel size (more in a font with tall
# ascenders and descenders, as the shipped CJK font has: _line measures it).
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

        self.hall_name = named_label("hallName")
        self.duty_leader = named_label("dutyLeader")
        self.clock = named_label("clock")
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.offline = named_label("offline")
        self.offline.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.offline.hide()
        self.note = named_label("note")
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
        self.recent = RecentCalls()
        self.body = QHBoxLayout()
        self.body.addLayout(self.grid, 1)
        self.body.addWidget(self.recent)

        self.roster = RosterBand()
        self.roster.hide()
        self.notice = NoticeLine()
        self.notice.hide()

        self.column = layout = QVBoxLayout(self)
        # The display takes the size of its screen, however small, and scales its text to it
        # (_apply_scale); a minimum from the text's present size would keep it from shrinking.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addLayout(header)
        layout.addLayout(self.body, 1)
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
        self._scale = 0.0
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
        if scale != self._scale:
            self._scale = scale
            self._fit(scale)
        recent_width = round(RECENT_WIDTH * scale)
        margin, spacing = scaled(MARGIN, scale), scaled(SPACING, scale)
        sizes = {key: size * scale for key, size in SIZES.items()}
        # One row of tiles (a display of a few windows) has room for larger numbers, as far
        # as a number (four characters) fits the width of its tile.
        if 0 < len(self.tiles) <= COLUMNS:
            sizes["number"] *= ONE_ROW_NUMBER
        columns = min(COLUMNS, max(1, len(self.tiles)))
        grid_width = self.width() - 2 * margin - recent_width - spacing
        tile_width = (grid_width - spacing * (columns - 1)) / columns
        tile_width -= 2 * scaled(TILE_MARGIN, scale)
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

    def _fit(self, scale: float) -> None:
        """Margins and gaps in step with the text, so that they take no more of a small screen
        than of a large one."""
        margin, spacing = scaled(MARGIN, scale), scaled(SPACING, scale)
        self.column.setContentsMargins(margin, scaled(20, scale), margin, scaled(28, scale))
        for gaps in (self.column, self.grid, self.body):
            gaps.setSpacing(spacing)
        for tile in self.tiles.values():
            tile.fit(scale)
        self.recent.fit(scale)
        self.roster.fit(scale)

    def _number_room(self, sizes: dict[str, float]) -> float:
        """The largest number (in pixels) the tiles' height leaves room for."""
        rows = max(1, -(-len(self.tiles) // COLUMNS))
        scale = self._scale
        spacing = scaled(SPACING, scale)
        line = self._line()
        taken = (sizes["hall"] + sizes["leader"]) * line + scaled(48, scale) + 2 * spacing
        if self.roster.isVisibleTo(self):
            taken += sizes["small"] * 2 * line + scaled(20, scale) + spacing
        if self.notice.isVisibleTo(self):
            taken += sizes["notice"] * 1.6 + spacing
        tile = (self.height() - taken - spacing * (rows - 1)) / rows - scaled(28, scale)
        # The tile's other lines: its name, location, caller, waiting count and wait, and
        # the gaps between its six lines.
        others = (sizes["window"] + sizes["caller"] + sizes["small"] * 3) * line
        others += 5 * scaled(6, scale)
        return (tile - others) / line

    def _line(self) -> float:
        """How many times its pixel size a line of the display's font is tall."""
        font = self.font()
        font.setPixelSize(100)
        return max(LINE, QFontMetricsF(font).height() / 100)

    def _build_tiles(self, codes: Sequence[str]) -> None:
        for tile in self.tiles.values():
            self.grid.removeWidget(tile)
            tile.deleteLater()
        self.tiles = {}
        columns = min(COLUMNS, max(1, len(codes)))
        for index, code in enumerate(codes):
            tile = WindowTile()
            tile.fit(self._scale)
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
