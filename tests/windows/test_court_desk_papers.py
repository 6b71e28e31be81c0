"""The clerk's desk beyond the flow of one file, on both databases: the papers saved as PDF
through the save dialog and read back (the slip reprinted the same), the court's figures for a
year like the seed hall's report (223 received, 95 handled, 26 mediated), and the demo hall's
court in every state."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

import tests.hall.test_court_figures as court_year
from db.court_models import BY_DOCUMENT, CourtHandoff
from db.engine import Database
from desktop.main_window import COURT_FIGURES_PAGE, FIGURES_PAGE, STATISTICS_PAGE, MainWindow
from hall import clock, court, court_cases, demo, users
from hall.calendar import cn_date
from kit.dates import to_qdate
from tests.desktop.conftest import chinese, compiled_translations  # noqa: F401
from tests.hall.court_helpers import (
    accepted_case,
    add_people,
    hand_off,
    new_visit,
    register,
)
from tests.windows.court_desk_helpers import click, ctx_of, open_desk, pdf_text, save_as
from tests.windows.helpers import column_texts, show
from windows.court.figures import CourtFiguresPage
from windows.mechanisms.pages import HEARINGS_PAGE, MEETING_PAGE, REGISTER_PAGE, WORKDAY_PAGE

pytestmark = pytest.mark.usefixtures("chinese")


@pytest.fixture
def court_hall(hall_db: Database) -> Database:
    add_people(hall_db)
    return hall_db


def test_the_slip_the_mediation_document_and_the_cover_are_saved_and_read_back(
    court_hall: Database, qtbot: QtBot, tmp_path: Path
) -> None:
    now = clock.now()
    case_id = accepted_case(court_hall, now=now)
    number = register(court_hall, case_id, now=now).number
    with court_hall.write() as s:
        clerk = users.by_login(s, "shuji")
        court_cases.record_mediation(s, case_id, now.date(), "张建华", "agreed", clerk, now=now)
        court_cases.close_by_mediation(
            s,
            case_id,
            BY_DOCUMENT,
            "被告于本月底前归还借款三万元\n原告放弃利息请求",
            clerk,
            now=now,
        )
    # A second hand-off still waits in the inbox, its slip to be printed again.
    hand_off(court_hall, new_visit(court_hall, name="孙丽华"), now=now, party="孙丽华")
    desk = open_desk(qtbot, ctx_of(court_hall, "shuji"))
    assert desk.cases is not None and desk.inbox is not None
    desk.show_case(case_id)
    year = now.year

    click(desk.cases.slip_button)
    slip = save_as(qtbot, desk.papers, tmp_path / "slip.pdf")
    assert desk.message_label.text() == f"已保存：{slip}"
    text = pdf_text(Path(slip))
    for expected in (
        "涉法涉诉事项移交单",
        f"编号：移交〔{year}〕0001号",
        "义马市人民法院便民巡回法庭",
        "法律服务窗口",
        "王大海",
        "张小山",
        "归还借款三万元及利息",
        "移交人李明",
        f"YJ{year}-0001",
    ):
        assert expected in text, expected
    assert text.count("接收书记员（签字）") == 2

    click(desk.cases.mediation_paper_button)
    paper = pdf_text(Path(save_as(qtbot, desk.papers, tmp_path / "mediation.pdf")))
    for expected in (
        "义马市人民法院",
        "民事调解书",
        f"{number}",
        "原告王大海",
        "被告张小山",
        "1．被告于本月底前归还借款三万元",
        "2．原告放弃利息请求",
        "本案免交诉讼费用。",
        "审判员张建华",
        "书记员陈洁",
    ):
        assert expected in paper, expected

    click(desk.cases.cover_button)
    cover = pdf_text(Path(save_as(qtbot, desk.papers, tmp_path / "cover.pdf")))
    for expected in (
        f"案号：{number}",
        "调解结案（制作调解书）",
        f"立案日期{cn_date(now.date())}",
        "诉讼费用免交诉讼费用",
        "书记员陈洁",
    ):
        assert expected in cover, expected

    # The waiting hand-off's slip, from the inbox, twice: a reprint is the same paper.
    desk.tabs.setCurrentIndex(desk.inbox_tab)
    desk.inbox.table.selectRow(0)
    click(desk.inbox.slip_button)
    first = Path(save_as(qtbot, desk.papers, tmp_path / "inbox-slip.pdf"))
    assert f"编号：移交〔{year}〕0002号" in pdf_text(first) and "孙丽华" in pdf_text(first)
    click(desk.inbox.slip_button)
    again = Path(save_as(qtbot, desk.papers, tmp_path / "inbox-slip-again.pdf"))
    assert again.read_bytes() == first.read_bytes()


def test_a_file_without_an_agreement_offers_no_mediation_paper(
    court_hall: Database, qtbot: QtBot
) -> None:
    case_id = accepted_case(court_hall, now=clock.now())
    desk = open_desk(qtbot, ctx_of(court_hall, "shuji"))
    assert desk.cases is not None
    desk.show_case(case_id)
    assert not desk.cases.mediation_paper_button.isEnabled()
    assert desk.cases.slip_button.isEnabled() and desk.cases.cover_button.isEnabled()


@pytest.fixture
def year(hall_db: Database) -> Database:
    add_people(hall_db)
    with hall_db.write() as s:
        built = court_year.Year(s)
        built.receive()
        built.noise()
        built.work()
    return hall_db


def test_the_figures_page_shows_a_year_like_the_seed_halls_report(
    year: Database, qtbot: QtBot
) -> None:
    page = CourtFiguresPage(year)
    show(qtbot, page)
    # It opens on this year's figures, counted on a worker.
    qtbot.waitUntil(lambda: page.figures is not None, timeout=30_000)
    page.first_edit.setDate(to_qdate(court_year.YEAR_START))
    page.last_edit.setDate(to_qdate(court_year.YEAR_END))
    with qtbot.waitSignal(page.counted, timeout=30_000):
        click(page.count_button)
    assert page.heading.text() == "2025年1月1日至2025年12月31日"
    shown = {key: label.text() for key, label in page.tiles.items()}
    assert shown == {
        "received": "223",
        "handled": "95",
        "registered": "40",
        "closed": "39",
        "mediated": "26",
        "rate": "66.7%",
        "converted": "0",
        "extended": "0",
    }
    assert column_texts(page.track_table, 0) == ["小额诉讼程序", "简易程序", "普通程序"]
    assert column_texts(page.track_table, 1) == ["10", "20", "10"]
    assert column_texts(page.outcome_table, 0) == [
        "调解结案",
        "司法确认",
        "撤诉",
        "判决",
        "驳回起诉",
    ]
    assert column_texts(page.outcome_table, 1) == ["22", "4", "5", "6", "2"]

    # A later period counts its own days only; a reversed one is refused, the figures kept.
    page.first_edit.setDate(to_qdate(dt.date(2026, 1, 1)))
    page.last_edit.setDate(to_qdate(dt.date(2026, 1, 31)))
    with qtbot.waitSignal(page.counted, timeout=30_000):
        click(page.count_button)
    assert (page.tiles["received"].text(), page.tiles["closed"].text()) == ("1", "2")
    page.first_edit.setDate(to_qdate(dt.date(2026, 2, 1)))
    with qtbot.waitSignal(page.failed, timeout=30_000):
        click(page.count_button)
    assert page.message.text() == "统计的结束日期不能早于开始日期。"
    assert page.tiles["received"].text() == "1" and page.count_button.isEnabled()


def test_a_leader_reads_the_court_figures_in_the_main_window(
    court_hall: Database, qtbot: QtBot
) -> None:
    accepted_case(court_hall, now=clock.now())
    window = MainWindow(ctx_of(court_hall, "lingdao"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.page_keys() == [
        FIGURES_PAGE,
        STATISTICS_PAGE,
        COURT_FIGURES_PAGE,
        REGISTER_PAGE,
        MEETING_PAGE,
        WORKDAY_PAGE,
        HEARINGS_PAGE,
    ]
    assert window.navigation.item(2).text() == "法庭统计"
    assert window.show_page(COURT_FIGURES_PAGE)
    page = window.current_page()
    assert isinstance(page, CourtFiguresPage)
    qtbot.waitUntil(lambda: page.figures is not None, timeout=30_000)
    assert (page.tiles["received"].text(), page.tiles["handled"].text()) == ("1", "1")
    assert page.tiles["rate"].text() == "—"
    # The clerk has them on the desk, not twice.
    clerk = MainWindow(ctx_of(court_hall, "shuji"))
    qtbot.addWidget(clerk)
    assert COURT_FIGURES_PAGE not in clerk.page_keys()


# A day late in the year: the demo's history reaches some 55 days back, and the figures page
# counts this year's, so seeded in January part of that history would be last year's.
DEMO_DAY = dt.datetime(2026, 11, 23, 11, 0)


def test_the_demo_halls_court_has_a_hand_off_in_every_state(
    db: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clock, "now", lambda: DEMO_DAY)
    with db.write() as s:
        demo.seed_demo(s)
    desk = open_desk(qtbot, ctx_of(db, "shuji"))
    assert desk.inbox is not None and desk.cases is not None and desk.figures is not None
    assert desk.hearings is not None
    # One waits in the inbox; one is at 庭前 after a failed mediation, one at 接访.
    assert column_texts(desk.inbox.table, 4) == ["义马市某商贸有限公司"]
    assert column_texts(desk.cases.view, 3) == ["庭前", "接访"]
    assert column_texts(desk.cases.view, 2)[0] == "义马市某建筑劳务有限公司"
    assert column_texts(desk.hearings.table, 1) == ["开庭审理"]
    # With the closed ones (listed last): one mediated by a 调解书.
    desk.cases.open_only.click()
    assert column_texts(desk.cases.view, 3) == ["庭前", "接访", "调解结案"]
    figures = desk.figures
    qtbot.waitUntil(lambda: figures.figures is not None, timeout=30_000)
    shown = {key: label.text() for key, label in figures.tiles.items()}
    assert shown == {
        "received": "5",
        "handled": "3",
        "registered": "2",
        "closed": "1",
        "mediated": "1",
        "rate": "100.0%",
        "converted": "0",
        "extended": "0",
    }
    # The returned one went back to its window with the reason.
    with db.read() as s:
        returned = s.scalars(select(CourtHandoff).where(CourtHandoff.state == "returned")).one()
        seen = court.court_status(s, returned.visit_id)
    assert seen is not None and seen.return_reason == demo.RETURN_REASON
