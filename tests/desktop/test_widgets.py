"""The widget kit: the ID-number field, field messages, and the lazy table model."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QTableView, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from hall.identity import ResidentId
from kit.fields import FieldMessage, IdNumberField, with_message
from kit.lazy_table import Column, LazyTableModel


def form_with(qtbot: QtBot, field: QWidget, message: FieldMessage) -> QWidget:
    form = QWidget()
    layout = QVBoxLayout(form)
    layout.addWidget(with_message(field, message))
    layout.addWidget(QLineEdit())  # somewhere for the focus to go when the user tabs away
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def test_valid_id_number_shows_birth_date_and_gender(qtbot: QtBot) -> None:
    field = IdNumberField()
    _form = form_with(qtbot, field, field.message)
    with qtbot.waitSignal(field.checked) as checked:
        QTest.keyClicks(field, "11010519491231002x")
    resident = checked.args[0]
    assert isinstance(resident, ResidentId) and resident.gender == "女"
    assert field.text() == "11010519491231002X"
    assert field.message.isVisible() and not field.message.is_error
    assert "1949" in field.message.text() and "12" in field.message.text()
    assert "31" in field.message.text() and "女" in field.message.text()
    assert field.styleSheet() == ""


def test_wrong_check_digit_says_which_digit_it_should_be(qtbot: QtBot) -> None:
    field = IdNumberField()
    _form = form_with(qtbot, field, field.message)
    with qtbot.waitSignal(field.checked) as checked:
        QTest.keyClicks(field, "11010519491231003X")
    assert checked.args == [None]
    assert field.message.is_error and field.message.isVisible()
    assert "校验位" in field.message.text() and "应为 8" in field.message.text()
    assert "border" in field.styleSheet()
    assert field.text() == "11010519491231003X"


def test_short_number_is_checked_when_the_user_finishes_typing(qtbot: QtBot) -> None:
    field = IdNumberField()
    _form = form_with(qtbot, field, field.message)
    QTest.keyClicks(field, "11010519491231")
    assert not field.message.isVisible()
    with qtbot.waitSignal(field.checked):
        QTest.keyClick(field, Qt.Key.Key_Return)
    assert field.message.is_error
    assert "18 位" in field.message.text() and "14 位" in field.message.text()


def test_correcting_the_number_withdraws_the_error(qtbot: QtBot) -> None:
    field = IdNumberField()
    _form = form_with(qtbot, field, field.message)
    QTest.keyClicks(field, "11010519491231003X")
    assert field.message.is_error
    QTest.keyClick(field, Qt.Key.Key_Backspace)
    QTest.keyClick(field, Qt.Key.Key_Backspace)
    assert not field.message.isVisible() and field.styleSheet() == ""
    QTest.keyClicks(field, "2X")
    assert not field.message.is_error and field.message.isVisible()


def test_the_field_accepts_only_digits_and_a_final_x(qtbot: QtBot) -> None:
    field = IdNumberField()
    _form = form_with(qtbot, field, field.message)
    QTest.keyClicks(field, "1101a05-x1")
    # Letters and dashes are refused as typed; after an X nothing more can follow.
    assert field.text() == "110105x"
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert field.message.is_error and "现在是 7 位" in field.message.text()


def test_field_message_marks_the_field_and_clears(qtbot: QtBot) -> None:
    edit = QLineEdit("typed")
    message = FieldMessage(edit)
    _form = form_with(qtbot, edit, message)
    message.show_error("请填写来访人姓名。")
    assert message.isVisible() and message.text() == "请填写来访人姓名。"
    assert "border" in edit.styleSheet() and edit.accessibleDescription() == "请填写来访人姓名。"
    message.clear_error()
    assert not message.isVisible() and edit.styleSheet() == ""
    assert edit.text() == "typed"
    message.show_note("一条提示")
    message.clear_error()
    assert message.isVisible() and message.text() == "一条提示"


class Source:
    """A list of rows that counts how many it has been asked for."""

    def __init__(self, size: int) -> None:
        self.rows = [f"row {i}" for i in range(size)]
        self.read = 0

    def fetch(self, offset: int, limit: int) -> Sequence[str]:
        page = self.rows[offset : offset + limit]
        self.read += len(page)
        return page


def model_for(source: Source) -> LazyTableModel[str]:
    columns = [
        Column[str]("Text", lambda row: row),
        Column[str]("Length", lambda row: str(len(row))),
    ]
    return LazyTableModel(columns, source.fetch, page_size=20)


def test_lazy_model_reads_pages_as_the_view_scrolls(qtbot: QtBot) -> None:
    source = Source(100_000)
    model = model_for(source)
    model.reload()
    view = QTableView()
    view.setModel(model)
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    assert model.rowCount() < 100 and source.read < 100
    assert model.index(0, 0).data() == "row 0" and model.index(3, 1).data() == "5"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Length"
    before = model.rowCount()
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > before)
    assert model.rowCount() < 200 and source.read < 200


def test_lazy_model_reload_keeps_what_was_loaded_and_stops_at_the_end(qtbot: QtBot) -> None:
    source = Source(45)
    model = model_for(source)
    model.reload()
    assert model.rowCount() == 20 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 40
    source.rows[0] = "changed"
    with qtbot.waitSignal(model.modelReset):
        model.reload()
    assert model.rowCount() == 40 and model.index(0, 0).data() == "changed"
    model.fetchMore()
    assert model.rowCount() == 45 and not model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 45
