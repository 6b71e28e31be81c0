from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from db.engine import Database
from hall.errors import IllegalTransition, InvalidInput
from hall.mechanisms import disputes, meetings
from tests.hall.mechanisms.helpers import entry, prepare

DUE = dt.date(2026, 6, 30)
TODAY = dt.date(2026, 6, 10)


def test_a_sitting_assigns_the_new_entries_at_once(hall_db: Database) -> None:
    _, unit = prepare(hall_db)
    with hall_db.write() as s:
        first = disputes.register(s, entry(), "window").id
        second = disputes.register(s, entry(parties="王五"), "station").id
    with hall_db.read() as s:
        assert [r.id for r in meetings.agenda(s)] == [first, second]
    with hall_db.write() as s:
        meeting = meetings.hold_meeting(
            s,
            TODAY,
            "王建国",
            [
                (
                    first,
                    disputes.Assignment("王建国", unit, "刘稳", DUE, category="土地", risk="major"),
                ),
                (second, disputes.Assignment("李红", unit, "陈守", DUE)),
            ],
        )
        assert meetings.last_meeting(s) is meeting
    with hall_db.read() as s:
        assert meetings.agenda(s) == []
        (row,) = disputes.search(s, leader="王建国")
        assert (row.risk, row.unit, row.assignment_number) == (
            "重大",
            "千秋镇政府",
            "交〔2026〕0001号",
        )


def test_a_refused_decision_keeps_nothing_of_the_sitting(hall_db: Database) -> None:
    _, unit = prepare(hall_db)
    with hall_db.write() as s:
        first = disputes.register(s, entry(), "window").id
        second = disputes.register(s, entry(), "window").id
    with pytest.raises(InvalidInput, match=r"纠〔2026〕0002号：.*领导名单"), hall_db.write() as s:
        meetings.hold_meeting(
            s,
            TODAY,
            "王建国",
            [
                (first, disputes.Assignment("王建国", unit, "刘稳", DUE)),
                (second, disputes.Assignment("无名氏", unit, "刘稳", DUE)),
            ],
        )
    with hall_db.read() as s:
        assert len(meetings.agenda(s)) == 2 and meetings.last_meeting(s) is None


def test_the_assignment_slip_is_an_a4_paper_with_its_barcode(hall_db: Database) -> None:
    _, unit = prepare(hall_db)
    with hall_db.write() as s:
        dispute = disputes.register(s, entry(), "window").id
        with pytest.raises(IllegalTransition, match="尚未交办"):
            meetings.assignment_slip(s, dispute)
        meetings.hold_meeting(
            s, TODAY, "王建国", [(dispute, disputes.Assignment("王建国", unit, "刘稳", DUE))]
        )
    with hall_db.read() as s:
        pdf = meetings.assignment_slip(s, dispute)
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    for expected in (
        "矛盾纠纷化解交办单",
        "交〔2026〕0001号",
        "千秋镇政府",
        "王建国",
        "刘稳",
        "2026年6月30日",
        "J2026-0001",
    ):
        assert expected in text
    # The meeting decided it: no leader's instruction (批示) is quoted.
    assert "周例会研究" in text and "批示" not in text
