"""Every figure of 分类, 趋势, 窗口效能, 法庭, 督办 and 包案化解 opens the list of what it counted,
on both databases: for each figure a tab shows, the list behind it is exactly as long as the
figure, and an accusation's (or a complaint's) petitioner stays masked for a leader.

Two halls: the known hall of tests/hall/test_figures.py (items on every boundary of May 2026)
for 分类, 趋势 and the queue, and a busy May for the officers' services, the court, 督办, the
dispute register and the township stations.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
from pathlib import Path

import openpyxl
import pytest

from db.court_models import BY_DOCUMENT, JUDGMENT
from db.engine import Database
from db.models import User
from db.window_models import CASE
from hall import (
    cases,
    court,
    court_cases,
    letters,
    outcomes,
    queue,
    reception,
    roster,
    supervision,
    users,
)
from hall.errors import InvalidInput
from hall.figures import (
    court as court_tab,
)
from hall.figures import definitions as d
from hall.figures import (
    drill_down,
    mechanism_tab,
    overview,
    periods,
    queue_figures,
    report_pdf,
    supervision_figures,
    tab_workbook,
    trend,
    trend_tab,
)
from hall.figures import mechanism_figures as m
from hall.figures import tab_drill as t
from hall.figures.rows import DrillList
from hall.mechanisms import disputes, stations
from tests.hall.court_helpers import brief, registration
from tests.hall.test_figures import MAY, at, known_hall
from tests.hall.window_helpers import person, setup_hall, unit_id
from tests.passwords import password_hash

__all__ = ["known_hall"]
D = dt.date


def listed(db: Database, figure: str, key: str = "", viewer: User | None = None) -> DrillList:
    with db.read() as s:
        return drill_down(s, figure, MAY, viewer=viewer, key=key)


def assert_lists(db: Database, figure: str, counts: dict[str, int]) -> None:
    """Each line's list is as long as its count (and every row of it is on the page)."""
    assert counts, figure
    for key, count in counts.items():
        found = listed(db, figure, key)
        assert (found.total, len(found.rows), len(found.cells)) == (count, count, count), (
            figure,
            key,
        )


# ---------------------------------------------------------------------------------------------
# 分类 and 趋势, over the known hall


def test_every_count_of_the_categories_tab_lists_its_items(known_hall: Database) -> None:
    with known_hall.read() as s:
        figures = overview(s, MAY)
    dimensions = {
        t.BY_CHANNEL: figures.by_channel,
        t.BY_PURPOSE: figures.by_purpose,
        t.BY_CLASS: figures.by_class,
        t.BY_WINDOW: figures.by_window,
        t.BY_TOWNSHIP: figures.by_township,
        t.BY_CATEGORY: figures.by_category,
        t.BY_UNIT: figures.by_unit,
    }
    for figure, counts in dimensions.items():
        assert_lists(known_hall, figure, counts)
    letters_desk = listed(known_hall, t.BY_WINDOW, "办信办案")
    assert letters_desk.title == "按窗口：办信办案" and letters_desk.definition == d.TEXTS[d.ITEMS]
    assert {r.kind for r in letters_desk.item_rows} == {"来信"}
    (accusation,) = listed(known_hall, t.BY_CLASS, "检举控告类").item_rows
    assert accusation.confidential and accusation.petitioner == "王**"
    assert accusation.summary == cases.WITHHELD
    filed = listed(known_hall, t.BY_CATEGORY, "土地／宅基地")
    assert [c.title for c in filed.columns][:2] == ["类别", "日期"]
    assert filed.cells[0][:2] == ["来访登记", D(2026, 5, 1)]


def test_every_point_of_the_trend_lists_its_items(known_hall: Database) -> None:
    for size in (periods.DAY, periods.WEEK, periods.MONTH):
        with known_hall.read() as s:
            points = trend(s, MAY, size)
        for point in points:
            found = listed(known_hall, t.TREND_BUCKET, f"{point.first.isoformat()}:{size}")
            assert found.total == point.count, (size, point.label)
    # The week of 27 April counts 30 April, before May, as the chart does.
    week = listed(known_hall, t.TREND_BUCKET, "2026-04-27:week")
    assert week.total == 2 and week.title == "趋势：2026年4月27日至2026年5月3日"
    with known_hall.read() as s:
        tab = trend_tab(s, MAY, periods.DAY)
    assert_lists(known_hall, t.BY_TOWNSHIP, {c.name: c.count for c in tab.townships if c.count})
    assert_lists(known_hall, t.BY_CATEGORY, {c.name: c.count for c in tab.categories if c.count})


def test_every_window_figure_lists_its_tickets(known_hall: Database) -> None:
    with known_hall.read() as s:
        figures = queue_figures(s, MAY)
    for line in figures.windows:
        assert listed(known_hall, t.QUEUE_TICKETS, line.window).total == line.tickets
        assert listed(known_hall, t.QUEUE_SERVED, line.window).total == line.served
        called = listed(known_hall, t.QUEUE_CALLED, line.window)
        assert called.total == line.within_target.denominator
    hall = listed(known_hall, t.QUEUE_TICKETS)
    assert hall.title == "取号：全大厅" and hall.total == 3
    # The talk window's no-show, who waited 16 minutes.
    talk = listed(known_hall, t.QUEUE_TICKETS, "talk").rows[0]
    assert (talk.status, talk.wait, talk.service) == ("过号", 16.0, None)


# ---------------------------------------------------------------------------------------------
# A busy May: officers, the court, 督办, the register and the stations


def add_user(db: Database, login: str, name: str, roles: list[str]) -> int:
    with db.write() as s:
        user = User(
            login=login,
            name=name,
            password_hash=password_hash("secret123"),
            roles=",".join(roles),
            active=True,
            created_at=at(D(2026, 3, 2)),
        )
        s.add(user)
        s.flush()
        return user.id


def register(db: Database, window: str, day: dt.date, **fields: object) -> tuple[int, int]:
    # The summary is required at registration (issue 16).
    fields = {"summary": "要求解决", **fields}
    with db.write() as s:
        ticket = reception.register(
            s,
            reception.Registration(
                name="赵大",
                window=window,
                **{"summary": "来访咨询", **fields},  # type: ignore[arg-type]
            ),
            now=at(day),
        )
        assert ticket.visit_id is not None
        return ticket.visit_id, ticket.id


def served(
    db: Database, ticket_id: int, day: dt.date, login: str, outcome: outcomes.Outcome | None
) -> None:
    """Called, served and finished by ``login``: with ``outcome`` through the window's form,
    else at the counter alone."""
    officer = person(db, login)
    with db.write() as s:
        queue.call_ticket(s, ticket_id, seat=1, actor=officer, now=at(day, 10, 5))
        queue.start(s, ticket_id, actor=officer, now=at(day, 10, 6))
        if outcome is None:
            queue.finish(s, ticket_id, "已答复", actor=officer, now=at(day, 10, 30))
        else:
            outcomes.finish(s, ticket_id, outcome, actor=officer, now=at(day, 10, 30))


@pytest.fixture
def busy(db: Database) -> Database:
    setup_hall(db)
    add_user(db, "shuji", "陈洁", [users.CLERK])
    housing = unit_id(db, "市住房和城乡建设局")
    # Two services at the legal window by 李明, one at the supervision window: a complaint
    # about the housing bureau (confidential like any accusation).
    for day in (D(2026, 5, 4), D(2026, 5, 6)):
        served(db, register(db, "legal", day)[1], day, "falv", None)
    complaint = outcomes.ComplaintEntry(kind="shirking", unit_id=housing, content="推诿")
    _, ticket = register(db, "supervision", D(2026, 5, 7), purpose="report", summary="某局推诿")
    served(db, ticket, D(2026, 5, 7), "jiancha", outcomes.Outcome(CASE, complaint))
    # The court: three hand-offs; one mediated, one judged, one waiting; a visitor served at
    # the court's window and a kiosk ticket served there.
    officer, clerk = person(db, "falv"), person(db, "shuji")
    with db.write() as s:
        files = []
        for n, day in enumerate((D(2026, 5, 4), D(2026, 5, 5), D(2026, 5, 6))):
            visit_id = reception.register(
                s,
                reception.Registration(name=f"钱{n}", window="legal", summary="借款纠纷"),
                now=at(day),
            ).visit_id
            assert visit_id is not None
            handoff = court.hand_off_to_court(s, visit_id, brief(), officer, now=at(day, 11))
            files.append(handoff.id)
        mediated = court.accept_handoff(s, files[0], clerk, now=at(D(2026, 5, 8))).id
        judged = court.accept_handoff(s, files[1], clerk, now=at(D(2026, 5, 8))).id
        for case_id in (mediated, judged):
            court_cases.register_case(s, case_id, registration(), clerk, now=at(D(2026, 5, 11)))
        court_cases.record_mediation(
            s, mediated, D(2026, 5, 12), "赵法官", "agreed", clerk, now=at(D(2026, 5, 12))
        )
        court_cases.close_by_mediation(
            s, mediated, BY_DOCUMENT, "分期还款", clerk, now=at(D(2026, 5, 12))
        )
        court_cases.close_case(s, judged, JUDGMENT, clerk, now=at(D(2026, 5, 20)))
        reception.register(
            s,
            reception.Registration(name="孙五", window="court", summary="借款纠纷"),
            now=at(D(2026, 5, 13)),
        )
        queue.issue_ticket(s, "court", now=at(D(2026, 5, 13), 10))
        for _ in range(2):
            called = queue.call_next(s, "court", seat=1, now=at(D(2026, 5, 13), 11))
            assert called is not None
            queue.start(s, called.id, now=at(D(2026, 5, 13), 11))
    # 督办: two cases assigned to the land bureau, overdue for their closing report; an
    # order replied on time, one escalated.
    land = unit_id(db, "市自然资源局")
    assigned = []
    for _ in range(2):
        with db.write() as s:
            case = letters.register_letter(
                s,
                letters.LetterRegistration(
                    sender_name="周六", received_on=D(2026, 4, 1), summary="征地补偿"
                ),
                now=at(D(2026, 4, 1)),
                new_matter=True,
            )
            cases.assign(s, case.id, land, D(2026, 5, 15), now=at(D(2026, 4, 2)))
            assigned.append(case.id)
    with db.write() as s:
        first = supervision.issue_order(s, assigned[0], "逾期未报", now=at(D(2026, 5, 18))).id
        second = supervision.issue_order(s, assigned[1], "逾期未报", now=at(D(2026, 5, 18))).id
    with db.write() as s:
        supervision.record_reply(s, first, "五日内办结", now=at(D(2026, 5, 20)))
        supervision.escalate(s, second, "逾期未回复", now=at(D(2026, 5, 29)))
    # The register: 王建国 leads three entries (one resolved, one not), 李红 one resolved.
    with db.write() as s:
        roster.set_duty_leader(s, D(2026, 5, 4), "王建国", "市委常委")
        roster.set_duty_leader(s, D(2026, 5, 5), "李红", "副市长")
        leaders = ["王建国", "王建国", "王建国", "李红"]
        for n, leader in enumerate(leaders):
            entry = disputes.DisputeEntry(
                parties=f"吴{n}、郑{n}",
                township="千秋镇",
                category="土地",
                summary="宅基地边界争议",
                found_on=D(2026, 5, 5 + n),
            )
            dispute = disputes.register(s, entry, "window", now=at(D(2026, 5, 5 + n)))
            unit = land if n % 2 else housing
            plan = disputes.Assignment(leader, unit, "刘稳", D(2026, 6, 30))
            disputes.assign(s, dispute.id, plan)
            if n != 1:
                outcome = "unresolved" if n == 2 else "resolved"
                disputes.record_outcome(s, dispute.id, outcome)
    # Two stations: 千秋站 sends two requests and a warning, 东区站 a request.
    for login, station, township in (("qq", "千秋站", "千秋镇"), ("dq", "东区站", "东区街道")):
        member = add_user(db, login, f"{station}站长", [users.STATION])
        with db.write() as s:
            stations.set_member(s, member, station, township)
        sent = ["request", "request", "warning"] if login == "qq" else ["request"]
        for n, kind in enumerate(sent):
            day = at(D(2026, 5, 20 + n))
            draft = stations.Draft(f"{login}-{n}", kind, f"反映{n}", day, person="群众甲")
            with db.write() as s:
                stations.receive(s, draft, member, now=day)
    return db


def test_each_officers_services_are_listed(busy: Database) -> None:
    with busy.read() as s:
        figures = queue_figures(s, MAY)
    assert {o.officer: o.served for o in figures.officers} == {"李明": 2, "郑军": 1}
    assert_lists(busy, t.OFFICER_SERVED, {o.officer: o.served for o in figures.officers})
    (complaint,) = listed(busy, t.OFFICER_SERVED, "郑军").rows
    # The complaint's visitor is masked, as on the calling display.
    assert (complaint.visitor, complaint.officer, complaint.service) == ("赵*", "郑军", 24.0)


def test_every_court_figure_lists_its_visitors_or_files(busy: Database) -> None:
    with busy.read() as s:
        tab = court_tab(s, MAY)
    f = tab.figures
    assert (f.received, f.handled, f.registered, f.closed, f.mediated) == (5, 2, 2, 2, 1)
    assert listed(busy, t.COURT_RECEIVED).total == f.received
    kinds = sorted(r.kind for r in listed(busy, t.COURT_RECEIVED).item_rows)
    assert kinds == ["取号（未登记）"] + ["来访登记"] * 4
    assert listed(busy, t.COURT_HANDLED).total == f.handled
    assert listed(busy, t.COURT_REGISTERED).total == f.registered
    assert listed(busy, t.COURT_CLOSED).total == f.closed == tab.mediation_rate.denominator
    assert listed(busy, t.COURT_MEDIATED).total == f.mediated
    assert_lists(busy, t.COURT_REGISTERED, {k: v for k, v in f.by_track.items() if v})
    assert_lists(busy, t.COURT_CLOSED, {k: v for k, v in f.by_outcome.items() if v})
    # A leader is not the court: the parties' names are masked; the clerk reads them.
    with busy.read() as s:
        leader = s.get(User, add_user(busy, "lingdao2", "刘书记", [users.LEADER]))
        clerk = users.by_login(s, "shuji")
        for_leader = drill_down(s, t.COURT_MEDIATED, MAY, viewer=leader)
        for_clerk = drill_down(s, t.COURT_MEDIATED, MAY, viewer=clerk)
    assert for_leader.rows[0].plaintiff == "王**" and for_clerk.rows[0].plaintiff == "王大海"
    assert for_leader.rows[0].outcome_name == for_clerk.rows[0].outcome_name != ""


def test_every_supervision_figure_lists_its_orders_cases_or_complaints(busy: Database) -> None:
    with busy.read() as s:
        figures = supervision_figures(s, MAY)
    # The escalated order and the order it opened.
    assert (figures.issued, figures.replied_on_time.numerator, figures.escalated) == (3, 1, 1)
    assert listed(busy, t.ORDERS_ISSUED).total == figures.issued
    assert listed(busy, t.ORDERS_ON_TIME).total == figures.replied_on_time.numerator
    (escalated,) = listed(busy, t.ORDERS_ESCALATED).rows
    assert (escalated.state, escalated.unit) == ("已升级", "市自然资源局")
    assert_lists(busy, t.UNIT_OVERDUE, {u.unit: u.count for u in figures.units_by_overdue})
    complained = {u.unit: u.count for u in figures.units_by_complaints}
    assert complained == {"市住房和城乡建设局": 1}
    assert_lists(busy, t.UNIT_COMPLAINED, complained)
    (complaint,) = listed(busy, t.UNIT_COMPLAINED, "市住房和城乡建设局").item_rows
    assert complaint.confidential and complaint.summary == cases.WITHHELD


def test_resolution_rates_and_the_stations_ranking_list_their_entries(busy: Database) -> None:
    with busy.read() as s:
        tab = mechanism_tab(s, MAY)
    by_leader = {line.name: line for line in tab.by_leader}
    wang = by_leader["王建国"]
    assert (wang.entries, wang.closed, wang.resolved) == (3, 2, 1)
    assert (wang.rate.numerator, wang.rate.denominator, wang.rate.value) == (1, 2, 0.5)
    for by, lines in ((m.LEADER, tab.by_leader), (m.UNIT, tab.by_unit)):
        for part, attribute in (
            (m.ENTRIES, "entries"),
            (m.CLOSED, "closed"),
            ("resolved", "resolved"),
        ):
            counts = {line.name: getattr(line, attribute) for line in lines}
            assert_lists(busy, m.figure_key(by, part), {k: v for k, v in counts.items() if v})
    assert [(r.name, r.requests, r.warnings) for r in tab.by_station] == [
        ("千秋站", 2, 1),
        ("东区站", 1, 0),
    ]
    for by, ranked in ((m.STATION, tab.by_station), (m.TOWNSHIP, tab.by_township)):
        for part, attribute in (
            (m.REQUESTS, "requests"),
            (m.WARNINGS, "warnings"),
            (m.ALL, "total"),
        ):
            counts = {r.name: getattr(r, attribute) for r in ranked}
            assert_lists(busy, m.figure_key(by, part), {k: v for k, v in counts.items() if v})
    resolved = listed(busy, m.figure_key(m.LEADER, "resolved"), "王建国")
    assert resolved.title == "化解：王建国" and resolved.definition == d.TEXTS[d.RESOLUTION]
    assert [row.outcome for row in resolved.rows] == ["化解"]


def test_the_mechanisms_sheet_reads_back(busy: Database) -> None:
    with busy.read() as s:
        content = tab_workbook(s, m.SHEET, MAY)
    book = openpyxl.load_workbook(io.BytesIO(content))
    assert book.sheetnames == [m.SHEET, "口径说明"]
    rows = {row[0]: row[1:] for row in book[m.SHEET].iter_rows(min_row=4, values_only=True)}
    assert rows["包案领导：王建国"] == (3, 2, 1, 0.5)
    assert rows["工作站：千秋站"] == (2, 1, 3, None)
    definitions = {r[0]: r[1] for r in book["口径说明"].iter_rows(min_row=2, values_only=True)}
    assert "化解率 = 化解 ÷ 有结果" in definitions[d.NAMES[d.RESOLUTION]]


def test_a_figure_without_a_line_is_refused(busy: Database) -> None:
    with busy.read() as s, pytest.raises(InvalidInput, match="请选择要查看的行"):
        drill_down(s, m.figure_key(m.LEADER, m.ENTRIES), MAY)


def test_the_monthly_report_prints_the_mechanisms(busy: Database, tmp_path: Path) -> None:
    with busy.read() as s:
        pdf = report_pdf(s, D(2026, 5, 1), D(2026, 5, 31))
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    text = re.sub(r"\s+", "", out.stdout)
    assert "矛盾纠纷排查化解与群众工作站" in text
    assert "王建国3" in text and "50.0%（1/2）" in text
    assert "群众工作站报送（按乡镇）" in text and "千秋镇213" in text
    # Each table cites its definition as a footnote.
    assert "化解率=化解÷有结果" in text and "按工作站或乡镇（街道）合计" in text


def test_only_the_registers_readers_see_the_parties_and_the_warnings(busy: Database) -> None:
    """The letters window reads the figures too, but the register is the leaders' and the
    administrator's: its parties are masked for the window, a warning's content withheld."""
    entries = m.figure_key(m.LEADER, m.ENTRIES)
    warnings = m.figure_key(m.STATION, m.WARNINGS)
    with busy.read() as s:
        officer, leader = users.by_login(s, "banxin"), users.by_login(s, "lingdao")
        for_officer = drill_down(s, entries, MAY, viewer=officer, key="李红").rows
        for_leader = drill_down(s, entries, MAY, viewer=leader, key="李红").rows
        warned_officer = drill_down(s, warnings, MAY, viewer=officer, key="千秋站").rows
        warned_leader = drill_down(s, warnings, MAY, viewer=leader, key="千秋站").rows
    assert [r.parties for r in for_leader] == ["吴3、郑3"]
    assert [r.parties for r in for_officer] == ["吴*、郑*"]
    assert [(r.person, r.content) for r in warned_leader] == [("群众甲", "反映2")]
    assert [(r.person, r.content) for r in warned_officer] == [("群**", m.WITHHELD)]


def test_an_empty_list_keeps_the_headings_of_its_kind(known_hall: Database) -> None:
    orders, files = listed(known_hall, t.ORDERS_ESCALATED), listed(known_hall, t.COURT_CLOSED)
    assert (orders.total, orders.rows, orders.columns[0].title) == (0, [], "督办单号")
    assert (files.total, files.rows, files.columns[0].title) == (0, [], "案号")
