"""Screens that fit the commonest office PC: 1366×768, or 1280×720 at 125 % scaling (1024×576
logical pixels).

A screen whose parts add up to more than that pushes its action buttons and the status bar off
the bottom of the screen; the parts that can grow (a form, a visitor's details) go into a scroll
area instead, and the buttons stay outside it, always in view.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QSizePolicy,
    QSpacerItem,
    QStyle,
    QVBoxLayout,
    QWidget,
)


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


class FlowLayout(QLayout):
    """A row of buttons (or small groups, or fields) that wraps onto more lines when the space
    it is given is narrower than the row: on 1024 logical pixels the page stays put rather than
    scrolling sideways to reach the last button. A stretch (:meth:`addStretch`) takes the room
    left on its line, as in a :class:`QHBoxLayout`: what follows it sits at the line's right
    end; on a line without one, the parts that grow (a line edit) share that room.

    Its height is that of the lines it took at the width it was last given, not a height for
    width: Qt's scroll areas would then ask every part of the page for its preferred height,
    and a page that fits by shrinking its lists would scroll instead."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        # The height of the lines at the width last given (None: not laid out yet).
        self._tall: int | None = None
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self.invalidate()

    def addStretch(self) -> None:
        """Room that takes what its line leaves (shared alike by the stretches on a line)."""
        self.addItem(QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        item = self._items.pop(index)
        self.invalidate()
        return item

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        tall = self._place(rect)
        if tall != self._tall:
            # One line more or less: the page around makes room for it (or takes it back).
            self._tall = tall
            self.invalidate()

    def sizeHint(self) -> QSize:
        """All on one line, as a :class:`QHBoxLayout` would be (as tall as the lines now)."""
        shown = self._shown()
        width = sum(item.sizeHint().width() for item in shown)
        width += self._gap() * max(len(shown) - 1, 0)
        return self._with_margins(QSize(width, self._height(shown)))

    def minimumSize(self) -> QSize:
        """As narrow as its widest part, one part a line; as tall as the lines now."""
        shown = self._shown()
        width = max((item.minimumSize().width() for item in shown), default=0)
        return self._with_margins(QSize(width, self._height(shown)))

    def _height(self, shown: list[QLayoutItem]) -> int:
        line = max((item.sizeHint().height() for item in shown), default=0)
        if self._tall is None:
            return line
        margins = self.contentsMargins()
        return max(line, self._tall - margins.top() - margins.bottom())

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty() or _is_stretch(item)]

    def _style(self) -> QStyle:
        parent = self.parentWidget()
        return parent.style() if parent is not None else QApplication.style()

    def _gap(self) -> int:
        if self.spacing() >= 0:
            return self.spacing()
        return self._style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing)

    def _with_margins(self, size: QSize) -> QSize:
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _lines(self, width: int) -> list[list[QLayoutItem]]:
        gap = self._gap()
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._shown():
            if _is_stretch(item):
                lines[-1].append(item)
                continue
            wanted = min(item.sizeHint().width(), width)
            if used and used + gap + wanted > width:
                # A stretch just before the break pushes what follows it: it goes along, and
                # the parts after it sit at the right end of the next line.
                carried: list[QLayoutItem] = []
                while _is_stretch(lines[-1][-1]):
                    carried.insert(0, lines[-1].pop())
                lines.append(carried)
                used = 0
            used += (gap if used else 0) + wanted
            lines[-1].append(item)
        # A stretch at the end of the row pushes nothing.
        return [line for line in lines if any(not _is_stretch(i) for i in line)]

    def _place(self, rect: QRect) -> int:
        """Lay the parts out in ``rect``; the height they take."""
        margins = self.contentsMargins()
        inner = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        gap = self._gap()
        y = inner.y()
        for number, line in enumerate(self._lines(max(inner.width(), 1))):
            parts = [item for item in line if not _is_stretch(item)]
            widths = [min(item.sizeHint().width(), inner.width()) for item in parts]
            height = max(item.sizeHint().height() for item in parts)
            if number:
                y += self._gap_below()
            stretches = len(line) - len(parts)
            spare = max(inner.width() - sum(widths) - gap * (len(parts) - 1), 0)
            if not stretches:
                # No stretch on the line: the parts that grow (a line edit) take its room.
                growing = [i for i, item in enumerate(parts) if _grows(item)]
                for number_grown, index in enumerate(growing):
                    share = spare // len(growing)
                    if number_grown == len(growing) - 1:
                        share = spare - share * (len(growing) - 1)
                    widths[index] += share
            x = inner.x()
            placed = 0
            for item in line:
                if _is_stretch(item):
                    x += spare // stretches
                    continue
                width = widths[placed]
                placed += 1
                tall = min(item.sizeHint().height(), height)
                item.setGeometry(QRect(x, y + (height - tall) // 2, width, tall))
                x += width + gap
            y += height
        return y - inner.y() + margins.top() + margins.bottom()

    def _gap_below(self) -> int:
        return self._style().pixelMetric(QStyle.PixelMetric.PM_LayoutVerticalSpacing)


def _grows(item: QLayoutItem) -> bool:
    return bool(item.expandingDirections() & Qt.Orientation.Horizontal)


def _is_stretch(item: QLayoutItem) -> bool:
    spacer = item.spacerItem()
    return spacer is not None and bool(spacer.expandingDirections() & Qt.Orientation.Horizontal)


def flow(*parts: QWidget | None) -> FlowLayout:
    """``parts`` in a :class:`FlowLayout`; ``None`` stands for a stretch."""
    layout = FlowLayout()
    for part in parts:
        if part is None:
            layout.addStretch()
        else:
            layout.addWidget(part)
    return layout


def group(*parts: QWidget) -> QWidget:
    """``parts`` side by side as one, so a :class:`FlowLayout` wraps them together (a label and
    its field, a date range)."""
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    for part in parts:
        row.addWidget(part)
    return holder


class ElidedLabel(QLabel):
    """A one-line label that, narrower than its text, ends the text with "…" where a plain
    label would cut it mid-character: the reader sees that something is left out. ``text()``
    stays the whole text; it takes no width of its own, so it never widens its row."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def shown_text(self) -> str:
        """The text as it fits the label's width now."""
        return self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width()
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            self.contentsRect(),
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            self.shown_text(),
            self.foregroundRole(),
        )
