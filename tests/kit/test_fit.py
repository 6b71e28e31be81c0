"""A row of buttons that wraps (kit.fit.FlowLayout): one line where there is room, more lines
where there is not, the page around it making room for the lines it takes."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kit.fit import flow, group, scrolling


def settled() -> None:
    # A change in the number of lines is told to the page around by posted events.
    for _ in range(5):
        QApplication.processEvents()


def buttons(count: int) -> list[QPushButton]:
    return [QPushButton(f"Button number {n}") for n in range(count)]


def place(widget: QWidget, top: QWidget) -> QRect:
    return QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())


def test_one_line_where_there_is_room_more_where_there_is_not(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    row = buttons(6)
    layout = flow(*row)
    holder.setLayout(layout)
    wide = layout.sizeHint().width()
    holder.show()
    holder.resize(wide, 100)
    settled()
    assert len({b.y() for b in row}) == 1
    assert all(holder.rect().contains(place(b, holder)) for b in row)

    holder.resize(wide // 2, 100)
    settled()
    assert len({b.y() for b in row}) > 1
    # Wrapped, never cut: every button whole inside the narrower row.
    assert all(holder.rect().contains(place(b, holder)) for b in row)
    assert all(b.width() == b.sizeHint().width() for b in row)
    # As narrow as its widest button may go, no narrower.
    assert layout.minimumSize().width() == max(b.sizeHint().width() for b in row)


def test_what_follows_a_stretch_sits_at_the_line_end(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    left, right = QPushButton("Call"), QPushButton("Cancel")
    holder.setLayout(flow(left, None, right))
    holder.show()
    holder.resize(600, 60)
    settled()
    assert left.x() == 0
    assert right.geometry().right() == holder.width() - 1


def test_a_line_edit_takes_the_room_its_line_leaves(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    button, edit = QPushButton("Unit"), QLineEdit()
    holder.setLayout(flow(button, edit))
    holder.show()
    holder.resize(600, 60)
    settled()
    assert edit.geometry().right() == holder.width() - 1
    assert edit.width() > edit.sizeHint().width()


def test_a_group_wraps_whole(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    first, second = QPushButton("Period"), QPushButton("From and to")
    together = group(first, second)
    holder.setLayout(flow(*buttons(2), together))
    holder.show()
    holder.resize(together.sizeHint().width() + 10, 200)
    settled()
    assert first.mapTo(holder, QPoint(0, 0)).y() == second.mapTo(holder, QPoint(0, 0)).y()


def test_the_page_makes_room_for_the_lines_and_does_not_scroll(qtbot: QtBot) -> None:
    """In a page that fits by shrinking its text box, the wrapped row takes its room from the
    text box: the page itself neither scrolls down nor sideways."""
    page = QWidget()
    column = QVBoxLayout(page)
    text = QPlainTextEdit()
    column.addWidget(text, 1)
    row = buttons(8)
    column.addLayout(flow(*row))
    area = scrolling(page)
    qtbot.addWidget(area)
    area.show()
    area.resize(400, 300)
    settled()
    assert area.horizontalScrollBar().maximum() == 0
    assert area.verticalScrollBar().maximum() == 0
    assert len({b.y() for b in row}) > 2
    assert all(page.rect().contains(place(b, page)) for b in row)
    # Widened, the row takes fewer lines and gives the room back to the text box.
    tall = text.height()
    area.resize(1400, 300)
    settled()
    assert len({b.y() for b in row}) == 1
    assert text.height() > tall


def test_a_stretch_before_the_break_goes_along(qtbot: QtBot) -> None:
    """Wrapped after a stretch, the parts that stood at the right end stay at the right end."""
    holder = QWidget()
    qtbot.addWidget(holder)
    first, second, last = buttons(3)
    holder.setLayout(flow(first, second, None, last))
    holder.show()
    holder.resize(first.sizeHint().width() + second.sizeHint().width() + 30, 100)
    settled()
    assert first.y() == second.y() < last.y()
    assert last.geometry().right() == holder.width() - 1
