"""The evaluator: a small window turned to the visitor (a second screen, a tablet) where they
rate the service they just had by pressing 满意, 基本满意 or 不满意 themselves.

It follows one window's seat: when the seat finishes a service nobody has rated yet, the three
big buttons ask about it; once pressed (or once the seat calls its next visitor, or after a
while) it goes back to its greeting. The keys 1, 2 and 3 press the buttons too, for a rating
pad that types digits.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from db.window_models import BY_VISITOR, SCORE_NAMES
from hall import counter, satisfaction
from kit.context import AppContext
from kit.operations import Failure, Operation, Problem
from windows.panel_kit import quietly

# How long the thanks stay up before the greeting comes back.
THANKS_MS = 4000
# The buttons' colours: green, amber, red, as rating pads have them.
COLOURS = {
    "satisfied": "#2e7d32",
    "basic": "#f9a825",
    "dissatisfied": "#c62828",
}
KEYS = {Qt.Key.Key_1: "satisfied", Qt.Key.Key_2: "basic", Qt.Key.Key_3: "dissatisfied"}


class EvaluatorWindow(QWidget):
    rated = Signal(str)  # the score pressed

    def __init__(
        self,
        ctx: AppContext,
        window_code: str,
        seat: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.window_code = window_code
        self.seat = seat
        self.ticket_id: int | None = None
        self.setWindowTitle(self.tr("Please rate our service"))
        self.setStyleSheet("EvaluatorWindow { background: #f5f7fa; }")

        heading = Operation(
            self, ctx.database, lambda s: counter.window_heading(s, window_code), read_only=True
        )
        _code, name, location = heading.failure(quietly).run() or (window_code, "", "")
        self.window_label = QLabel(f"{name}　{location}")
        self.window_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.window_label.setStyleSheet("color: #546e7a;")
        self.prompt_label = QLabel()
        self.prompt_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt_label.setWordWrap(True)
        font = QFont(self.font())
        font.setPointSize(max(font.pointSize(), 9) + 11)
        font.setBold(True)
        self.prompt_label.setFont(font)

        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        big = QFont(self.font())
        big.setPointSize(max(big.pointSize(), 9) + 15)
        big.setBold(True)
        for number, code in enumerate(satisfaction.SCORES, start=1):
            button = QPushButton(f"{SCORE_NAMES[code]}\n{number}")
            button.setFont(big)
            button.setMinimumSize(180, 140)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setStyleSheet(
                f"QPushButton {{ background: {COLOURS[code]}; color: white;"
                " border-radius: 14px; padding: 12px; }"
                "QPushButton:disabled { background: #cfd8dc; color: #90a4ae; }"
            )
            button.clicked.connect(lambda _checked=False, c=code: self.press(c))
            self.buttons[code] = button
            row.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(24)
        layout.addWidget(self.window_label)
        layout.addWidget(self.prompt_label, 1)
        layout.addLayout(row, 2)

        self._thanks_timer = QTimer(self)
        self._thanks_timer.setSingleShot(True)
        self._thanks_timer.setInterval(THANKS_MS)
        self._thanks_timer.timeout.connect(self.refresh)
        ctx.events.queue_changed.connect(self._queue_changed)
        self.resize(760, 420)
        self.refresh()

    def _queue_changed(self, window_code: str) -> None:
        if window_code == self.window_code and not self._thanks_timer.isActive():
            self.refresh()

    def refresh(self) -> None:
        """Ask about the seat's last finished service if it is unrated, else greet."""
        # Without the database it greets: the visitor is not asked what cannot be saved.
        awaiting = Operation(
            self,
            self.ctx.database,
            lambda s: satisfaction.awaiting(s, self.window_code, self.seat),
            read_only=True,
        )
        asked = awaiting.failure(quietly).run()
        self.ticket_id = asked.id if asked is not None else None
        if asked is None:
            self.prompt_label.setText(self.tr("Welcome. We are glad to serve you."))
        else:
            self.prompt_label.setText(
                self.tr("Number {number}: how satisfied are you with our service?").format(
                    number=asked.number
                )
            )
        for button in self.buttons.values():
            button.setEnabled(asked is not None)

    def press(self, score: str) -> None:
        ticket_id = self.ticket_id
        if ticket_id is None:
            return
        rating = Operation(
            self,
            self.ctx.database,
            lambda s: satisfaction.rate(s, ticket_id, score, BY_VISITOR, actor=self.ctx.user),
        )
        rating.success(lambda _rated: self._thank(score)).failure(self._not_rated).run()

    def _not_rated(self, problem: Problem) -> None:
        if problem.failure is Failure.DATABASE_LOST:
            self.prompt_label.setText(self.tr("Sorry, the rating could not be saved."))
        else:
            # Rated meanwhile (the officer chose it, another press came first): nothing to ask.
            self.refresh()

    def _thank(self, score: str) -> None:
        self.ticket_id = None
        for button in self.buttons.values():
            button.setEnabled(False)
        self.prompt_label.setText(
            self.tr("Thank you for your rating: {score}.").format(score=SCORE_NAMES[score])
        )
        self._thanks_timer.start()
        self.rated.emit(score)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        score = KEYS.get(Qt.Key(event.key()))
        if score is not None:
            self.press(score)
            return
        super().keyPressEvent(event)
