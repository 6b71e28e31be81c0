"""The monthly bulletin made at the public-opinion window, on both databases: the month's
opinions taken as a draft, the editor leaving one out and rewording another, the issue
produced and saved through the file dialog, read back with pdftotext and looked at with
pdftoppm, then produced again under the same number."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from db.engine import Database
from db.window_models import EXPLAINED, FORWARDED, OPINION_TOPICS
from hall import clock, opinions
from hall import outcomes as hall_outcomes
from tests.windows.helpers import desk_translation, type_text
from tests.windows.window_gui import (
    list_item,
    officer_ctx,
    open_window,
    save_in,
    served_earlier,
    unit_id,
    with_units,
)
from windows.bulletin_editor import INCLUDE, TEXT, last_month
from windows.opinion import OpinionWorkstation

MONTH = (
    (3, "交通出行", "建议在新区增设公交站点", "新区街道", "杨村", "市交通运输局"),
    (8, "环境保护", "小区周边夜间施工噪声扰民", "千秋路街道", "红旗社区", "市生态环境局"),
    (15, "交通出行", "千秋路与河滨路口缺少红绿灯", "千秋路街道", "", "市公安局"),
    (22, "教育医疗", "希望社区卫生服务站延长开放时间", "东区街道", "霍村", ""),
)


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    with desk_translation():
        yield


def pdftotext(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is needed to read the bulletin back (poppler-utils)")
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return re.sub(r"\s+", "", text.stdout)


def test_an_issue_edited_produced_and_saved(
    hall_db: Database, qtbot: QtBot, tmp_path: Path
) -> None:
    with_units(hall_db)
    ctx = officer_ctx(hall_db, "opinion")
    year, month = last_month(clock.now().date())
    for day, topic, content, township, village, unit in MONTH:
        served_earlier(
            hall_db,
            "opinion",
            "群众",
            dt.datetime(year, month, day, 9),
            hall_outcomes.Outcome(
                FORWARDED if unit else EXPLAINED,
                opinions.OpinionEntry(
                    content, list_item(hall_db, OPINION_TOPICS, topic), township, village
                ),
                unit_id=unit_id(hall_db, unit) if unit else None,
            ),
            ctx,
        )
    ws = open_window(qtbot, ctx, "opinion")
    assert isinstance(ws, OpinionWorkstation)
    editor = ws.bulletin
    ws.tabs.setCurrentWidget(editor)
    # Last month is where the editor starts.
    assert (editor.year_spin.value(), editor.month_spin.value()) == (year, month)
    assert not editor.produce_button.isEnabled()
    QTest.mouseClick(editor.load_button, Qt.MouseButton.LeftButton)
    assert [editor.table.item(r, 1).text() for r in range(4)] == [  # type: ignore[union-attr]
        "交通出行",
        "交通出行",
        "环境保护",
        "教育医疗",
    ]
    assert editor.summary_label.text() == (
        f"{year}年{month}月，第 1 期：本月共收集意见 4 条，已转交 3 条；已选编 4 条，分 3 个方面。"
    )
    # Leave the last out (its tick box), reword the first (the wording box below).
    editor.table.item(3, INCLUDE).setCheckState(Qt.CheckState.Unchecked)  # type: ignore[union-attr]
    editor.table.setCurrentCell(0, TEXT)
    editor.wording_edit.setFocus()
    editor.wording_edit.selectAll()
    type_text(qtbot, editor.wording_edit, "新区街道杨村群众建议：在新区客运站以西增设公交站点。")
    assert editor.table.item(0, TEXT).text().startswith("新区街道杨村群众建议")  # type: ignore[union-attr]
    assert "已选编 3 条，分 2 个方面" in editor.summary_label.text()

    QTest.mouseClick(editor.produce_button, Qt.MouseButton.LeftButton)
    target = tmp_path / "动态.pdf"
    with qtbot.waitSignal(editor.produced, timeout=20000):
        save_in(qtbot, editor.file_dialog, target)
    assert editor.status_label.text() == f"第 1 期已编印，保存为 {target}。"
    assert editor.issues_table.rowCount() == 1
    assert editor.issues_table.item(0, 1).text() == "第 1 期"  # type: ignore[union-attr]

    text = pdftotext(target)
    assert f"群众工作动态{year}年第1期" in text
    assert "一、交通出行（2条）" in text and "二、环境保护（1条）" in text
    assert "1.新区街道杨村群众建议：在新区客运站以西增设公交站点。" in text
    assert "卫生服务站" not in text
    # Looked at: the page renders.
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", "-singlefile", str(target), str(tmp_path / "page")],
        check=True,
    )
    assert (tmp_path / "page.png").stat().st_size > 5000

    # Produced again with the last entry back in: the same issue number, replaced.
    editor.table.item(3, INCLUDE).setCheckState(Qt.CheckState.Checked)  # type: ignore[union-attr]
    QTest.mouseClick(editor.produce_button, Qt.MouseButton.LeftButton)
    again = tmp_path / "动态-修订.pdf"
    with qtbot.waitSignal(editor.produced, timeout=20000):
        save_in(qtbot, editor.file_dialog, again)
    assert "三、教育医疗（1条）" in pdftotext(again)
    with hall_db.read() as s:
        assert [(i.number, i.entries) for i in opinions.issues(s)] == [(1, 4)]
