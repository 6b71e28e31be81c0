from __future__ import annotations

import datetime as dt
import re
import subprocess

import pytest

from db.engine import Database
from db.window_models import OPINION_TOPICS
from hall import lists, opinions
from hall.errors import InvalidInput
from hall.mechanisms import disputes, workdays

WORKDAY = dt.date(2026, 6, 30)
AT = dt.datetime(2026, 6, 30, 16, 0)


@pytest.mark.parametrize(
    ("setting", "on", "expected"),
    [
        (30, dt.date(2026, 6, 30), dt.date(2026, 6, 30)),
        (30, dt.date(2026, 7, 7), dt.date(2026, 6, 30)),
        (30, dt.date(2026, 7, 8), None),
        (30, dt.date(2026, 3, 2), dt.date(2026, 2, 28)),  # February keeps its last day
        (30, dt.date(2028, 2, 29), dt.date(2028, 2, 29)),
        (15, dt.date(2026, 6, 14), None),
        (15, dt.date(2026, 6, 22), dt.date(2026, 6, 15)),
    ],
)
def test_the_entry_week_follows_the_admin_setting(
    db: Database, setting: int, on: dt.date, expected: dt.date | None
) -> None:
    with db.write() as s:
        workdays.set_workday_of_month(s, setting)
        assert workdays.open_workday(s, on) == expected


def test_entries_flow_into_the_ledger_and_the_register(hall_db: Database) -> None:
    with hall_db.write() as s:
        topic = lists.items(s, OPINION_TOPICS)[0]
        kinds = [
            workdays.WorkdayInput(
                "opinion", "千秋镇", "北村", "路灯坏了多处", "张干部", topic_id=topic.id
            ),
            workdays.WorkdayInput(
                "dispute",
                "千秋镇",
                "南村",
                "两户宅基地争议",
                "张干部",
                parties="赵甲、钱乙",
                people=2,
            ),
            workdays.WorkdayInput("deed", "东区街道", "", "帮孤寡老人修缮房屋", "李干部"),
        ]
        rows = [workdays.record(s, k, now=AT) for k in kinds]
        assert rows[0].category == topic.name
    with hall_db.read() as s:
        (opinion,) = opinions.search(s, opinions.OpinionFilter())
        assert opinion.content == "路灯坏了多处"
        (dispute,) = disputes.search(s)
        assert (dispute.source, dispute.found_on, dispute.parties) == (
            "群众工作日",
            WORKDAY,
            "赵甲、钱乙",
        )
        summary = workdays.summary(s, WORKDAY)
        assert summary.by_township == {
            "东区街道": {"为民办实事": 1},
            "千秋镇": {"意见建议": 1, "矛盾纠纷": 1},
        }
        pdf = workdays.summary_pdf(s, WORKDAY, now=AT + dt.timedelta(days=1))
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    assert "群众工作日情况汇总" in text and "千秋镇" in text and "为民办实事 1 件" in text
    info = subprocess.run(
        ["pdfinfo", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    assert re.search(r"^Pages:\s+1$", info, re.MULTILINE)


def test_outside_the_entry_week_nothing_is_recorded(hall_db: Database) -> None:
    with pytest.raises(InvalidInput, match="6月30日"), hall_db.write() as s:
        workdays.record(
            s, workdays.WorkdayInput("deed", "千秋镇", "", "修路"), now=dt.datetime(2026, 6, 10, 9)
        )
