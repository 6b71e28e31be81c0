"""The one operation helper: a hall call in its own unit of work, inline or on a worker, its
result or its problem in the user's words, and a press repeated after a lost connection
answered from the first attempt."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.case_models import ResponsibleUnit as Unit
from db.engine import Database
from db.models import ActionRequest
from hall import units
from hall.errors import HallError, InvalidInput
from kit.operations import Failure, Operation, Problem, Request


def unit_count(db: Database) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Unit)) or 0


def screen(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_an_action_commits_and_its_result_reaches_success(db: Database, qtbot: QtBot) -> None:
    got: list[int] = []
    result = Operation(screen(qtbot), db, lambda s: units.add_unit(s, "县民政局", "county").id)
    value = result.success(got.append).run()
    assert got == [value] and value is not None
    assert unit_count(db) == 1


def test_a_refusal_rolls_back_and_is_told_in_the_rules_words(db: Database, qtbot: QtBot) -> None:
    problems: list[Problem] = []

    def refused(s: object) -> None:
        units.add_unit(s, "县民政局", "county")  # type: ignore[arg-type]
        raise HallError("此号已被叫过")

    assert Operation(screen(qtbot), db, refused).failure(problems.append).run() is None
    assert problems == [Problem(Failure.REFUSED, "此号已被叫过")]
    assert unit_count(db) == 0


def test_a_field_to_fix_names_the_field(db: Database, qtbot: QtBot) -> None:
    problems: list[Problem] = []

    def invalid(s: object) -> None:
        raise InvalidInput("请填写姓名", field="name")

    Operation(screen(qtbot), db, invalid).failure(problems.append).run()
    assert problems == [Problem(Failure.INVALID, "请填写姓名", "name")]


def test_a_lost_database_keeps_the_request_for_the_next_press(tmp_path: Path, qtbot: QtBot) -> None:
    # A SQLite file in a folder that does not exist: the database cannot be opened.
    lost = Database(f"sqlite:///{tmp_path / 'gone' / 'hall.sqlite3'}")
    request = Request("unit.add")
    problems: list[Problem] = []
    Operation(screen(qtbot), lost, lambda s: 1).once(
        request, key=lambda v: v, replay=lambda s, i: i
    ).failure(problems.append).run()
    lost.dispose()
    assert [p.failure for p in problems] == [Failure.DATABASE_LOST]
    assert "没有保存" in problems[0].message or "nothing was saved" in problems[0].message
    assert request.pending


def test_a_press_repeated_after_a_lost_answer_is_answered_not_applied(
    db: Database, qtbot: QtBot
) -> None:
    request = Request("unit.add")
    widget = screen(qtbot)
    first = Operation(widget, db, lambda s: units.add_unit(s, "县民政局", "county").id)
    first_id = first.once(request, key=lambda v: v, replay=lambda s, i: i).run()
    # The first press committed but, as after a dropped acknowledgement, the screen still
    # holds its request id and the user presses again.
    request._id = _applied_request_id(db)
    replays: list[int | None] = []

    def replay(s: object, entity_id: int | None) -> int:
        replays.append(entity_id)
        assert entity_id is not None
        return entity_id

    again = Operation(widget, db, lambda s: units.add_unit(s, "县民政局", "county").id)
    assert again.once(request, key=lambda v: v, replay=replay).run() == first_id
    assert replays == [first_id]
    assert unit_count(db) == 1
    assert not request.pending


def _applied_request_id(db: Database) -> str:
    with db.read() as s:
        found = s.scalar(select(ActionRequest.request_id))
    assert found is not None
    return found


def test_a_slow_query_runs_on_the_worker_and_answers_on_the_gui_thread(
    db: Database, qtbot: QtBot
) -> None:
    with db.write() as s:
        units.add_unit(s, "县民政局", "county")
    got: list[int] = []
    widget = screen(qtbot)
    op = Operation(
        widget, db, lambda s: s.scalar(select(func.count()).select_from(Unit)), read_only=True
    )
    op.success(got.append).run_in_background()
    qtbot.waitUntil(lambda: got == [1])


def test_a_worker_failure_is_told_on_the_gui_thread(db: Database, qtbot: QtBot) -> None:
    problems: list[Problem] = []

    def refused(s: object) -> None:
        raise HallError("本年度统计尚未生成")

    Operation(screen(qtbot), db, refused).failure(problems.append).run_in_background()
    qtbot.waitUntil(lambda: problems == [Problem(Failure.REFUSED, "本年度统计尚未生成")])
