"""The one way a form shows its mistakes (kit/form_errors.py), on a form of its own: marks at
the fields, a summary that counts down as they are fixed and goes when none is left, mistakes
with no field of the form said in the summary until the next save, and a field checked as the
user leaves it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from hall import fields
from hall.errors import IllegalTransition, InvalidFields, InvalidInput
from kit.form_errors import FormErrors
from kit.operations import problem_of
from tests.desktop.conftest import chinese, compiled_translations, type_text  # noqa: F401

pytestmark = pytest.mark.usefixtures("chinese")

NAME = fields.Text("name", "姓名", 8, required=True, person_name=True)
NOTE = fields.Text("note", "说明", 20, lines=True)


class Form(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.summary = QLabel()
        self.errors = FormErrors(self.summary)
        self.name = QLineEdit()
        self.note = QPlainTextEdit()
        self.kind = QComboBox()
        self.kind.addItems(["", "甲", "乙"])
        self.count = QSpinBox()
        form = QFormLayout(self)
        form.addRow("姓名", self.errors.field("name", self.name))
        form.addRow("说明", self.errors.field("note", self.note))
        form.addRow("类别", self.errors.field("kind", self.kind))
        form.addRow("数量", self.errors.field("count", self.count))
        form.addRow(self.summary)

    def check(self) -> list[InvalidInput]:
        return fields.check_all(((NAME, self.name.text()), (NOTE, self.note.toPlainText())))


@pytest.fixture
def form(qtbot: QtBot) -> Form:
    shown = Form()
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shown)
    return shown


def marked(form: Form) -> set[str]:
    return {name for name, message in form.errors.messages.items() if message.is_error}


def test_each_kind_of_field_loses_its_mark_when_changed(form: Form, qtbot: QtBot) -> None:
    form.errors.show(
        [
            InvalidInput("请填写姓名。", "name"),
            InvalidInput("说明太长。", "note"),
            InvalidInput("请选择类别。", "kind"),
            InvalidInput("数量至少为 1。", "count"),
        ]
    )
    assert marked(form) == {"name", "note", "kind", "count"}
    assert form.summary.text() == "有 4 处需要修改（已标红），没有保存。"
    assert QApplication.focusWidget() is form.name

    type_text(qtbot, form.name, "张")
    form.note.setPlainText("短")
    form.kind.setCurrentIndex(1)
    assert marked(form) == {"count"}
    assert form.summary.text() == "有 1 处需要修改（已标红），没有保存。"
    form.count.setValue(2)
    assert marked(form) == set()
    assert not form.summary.isVisible()


def test_a_mistake_without_a_field_here_stays_in_the_summary_until_the_next_save(
    form: Form,
) -> None:
    several = InvalidFields([InvalidInput("请填写姓名。", "name"), InvalidInput("已过期。", "due")])
    problem = problem_of(several)
    assert problem is not None
    form.errors.show_problem(problem)
    assert marked(form) == {"name"}
    assert form.summary.text() == "有 2 处需要修改（已标红），没有保存。 已过期。"
    form.name.setText("张三")
    form.errors.messages["name"].clear_error()
    assert form.summary.text() == "有 1 处需要修改（已标红），没有保存。 已过期。"

    form.errors.clear()
    assert not form.summary.isVisible() and marked(form) == set()


def test_a_refusal_about_no_field_is_said_in_the_summary(form: Form) -> None:
    problem = problem_of(IllegalTransition("这张号已办结，不能再登记。"))
    assert problem is not None
    form.errors.show_problem(problem)
    assert marked(form) == set()
    assert form.summary.isVisible() and form.summary.text() == "这张号已办结，不能再登记。"


def test_a_typed_field_is_checked_as_the_user_leaves_it(form: Form, qtbot: QtBot) -> None:
    form.errors.check_on_leave(form.check)
    # Passing through an empty field says nothing: it is checked on saving.
    form.name.setFocus()
    form.note.setFocus()
    assert marked(form) == set()

    form.name.setFocus()
    type_text(qtbot, form.name, "张<三>")
    form.note.setFocus()
    assert form.errors.messages["name"].text() == (
        "姓名中不能有“<”：姓名只能用汉字、字母和数字，少数民族姓名可用间隔号“·”。"
    )
    # Nothing was saved, so nothing is counted.
    assert not form.summary.isVisible()

    form.name.setFocus()
    form.name.selectAll()
    type_text(qtbot, form.name, "张三")
    form.note.setFocus()
    assert marked(form) == set()
