"""Every screen and dialog speaks Chinese: with the program's translations installed, no text a
user reads (labels, buttons, titles, tabs, column headers, list items, placeholders, menus) holds
an English word. Numbers, codes (A001, PDF, Excel, an ID's X) and the hall's own names may be
Latin; everything else is a translation that is missing."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtTextToSpeech import QTextToSpeech
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from db.engine import Database
from kit.context import HallEvents
from kit.save_file import ask_save_pdf
from tests.desktop.screen_walk import demo_admin, walk

pytestmark = pytest.mark.usefixtures("chinese")

# Latin words a Chinese user reads as they are: file formats, codes, units and the names the hall
# gives its own things (a device's model, the database server's name).
ALLOWED = {
    "pdf",
    "excel",
    "xlsx",
    "csv",
    "json",
    "id",
    "ok",
    "url",
    "ip",
    "usb",
    "sqlite",
    "postgresql",
    "esc",
    "pos",
    "tts",
    "ctrl",
    "shift",
    "alt",
    "enter",
    "tab",
    "del",
    "backspace",
    "png",
    "mm",
    "px",
    "dpi",
    "demo",
}
# A run of Latin text between Chinese words or spaces is a code when it holds a digit (A001,
# YJ2026-0001, UTF-8), an address or a path (db.example.org:5432, a@b.org, C:\\hall), a file
# suffix (.xlsx) or a placeholder the user types ({number}).
RUN = re.compile(r"[!-~]+")
CODE = re.compile(r".*\d.*|.*[@/\\:].*|\..*|.*\{\w+\}.*")
WORD = re.compile(r"[A-Za-z]{2,}")


def english_words(text: str, names: frozenset[str] = frozenset()) -> list[str]:
    """The English words of ``text``, leaving out codes, addresses, allowed words and
    ``names`` (lower case)."""
    return [
        word
        for run in RUN.findall(text)
        if not CODE.fullmatch(run)
        for word in WORD.findall(run)
        if word.lower() not in ALLOWED | names
    ]


def shown_texts(top: QWidget) -> Iterator[tuple[str, str]]:
    """What a user reads in ``top`` as shown: (where, text)."""
    yield "window title", top.windowTitle()
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top):
            continue
        kind = type(widget).__name__
        if widget.toolTip():
            yield f"{kind} tooltip", widget.toolTip()
        if isinstance(widget, QLabel | QAbstractButton):
            yield kind, widget.text()
        elif isinstance(widget, QGroupBox):
            yield kind, widget.title()
        elif isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                yield "tab", widget.tabText(index)
        elif isinstance(widget, QLineEdit | QPlainTextEdit):
            yield f"{kind} placeholder", widget.placeholderText()
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                yield "list item", widget.itemText(index)
        elif isinstance(widget, QTableView | QTreeView) and widget.model() is not None:
            header = (
                widget.horizontalHeader() if isinstance(widget, QTableView) else widget.header()
            )
            for column in range(header.count()):
                heading = widget.model().headerData(column, Qt.Orientation.Horizontal)
                if isinstance(heading, str):
                    yield "column heading", heading
        elif isinstance(widget, QMenu):
            for action in widget.actions():
                yield "menu", action.text()


def test_english_words_are_found_and_codes_are_not() -> None:
    assert english_words("Cancel 取消") == ["Cancel"]
    assert english_words("A001 号 · 导出 Excel / PDF · 身份证 11010519491231002X") == []
    assert english_words("数据库 db.example.org:5432 · hall@example.org") == []
    assert english_words("（条码 YJ2026-0001），{number}：票号；.xlsx 或 UTF-8、GB18030 编码") == []
    assert english_words("语音引擎无法启动（Text to speech engine not initialized）") == [
        "Text",
        "to",
        "speech",
        "engine",
        "not",
        "initialized",
    ]
    assert english_words("speechd", frozenset({"speechd"})) == []


def test_qts_own_file_dialog_speaks_chinese(qtbot: QtBot) -> None:
    """Qt's own dialogs (here the save dialog every export uses) come with Qt's translation,
    qtbase_zh_CN.qm from PySide6's translations directory."""
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = ask_save_pdf(parent, "导出", "台账.pdf", lambda _path: None)
    qtbot.waitExposed(dialog)
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
    assert "查看(&L)：" in labels and "文件类型(&T)：" in labels, labels
    found = [text for _where, text in shown_texts(dialog) if english_words(text)]
    dialog.reject()
    assert not found


@pytest.mark.parametrize("screen", [QSize(1366, 768)], ids=["1366x768"])
def test_no_english_on_any_screen(
    hall_db: Database, hall_events: HallEvents, qtbot: QtBot, screen: QSize
) -> None:
    ctx = demo_admin(hall_db, hall_events)
    # The computer's speech engines are offered by their own names, as the system calls them.
    engines = frozenset(engine.lower() for engine in QTextToSpeech.availableEngines())
    found: set[str] = set()

    def check(name: str, top: QWidget) -> None:
        menu_bar = getattr(top, "menuBar", None)
        texts = list(shown_texts(top))
        if callable(menu_bar):
            for menu_action in menu_bar().actions():
                texts.append(("menu", menu_action.text()))
                menu = menu_action.menu()
                if isinstance(menu, QMenu):
                    texts.extend(("menu", action.text()) for action in menu.actions())
        for where, text in texts:
            # Visitors' and officers' own words in the demo hall are Chinese; anything
            # English here came from the program.
            if english_words(text, engines):
                found.add(f"{name}: {where}: {text!r}")

    walk(qtbot, ctx, screen, check)
    assert not found, "\n".join(sorted(found))
