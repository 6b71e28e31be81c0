from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from db.engine import Database
from hall.errors import IllegalTransition, InvalidInput
from hall.mechanisms import disputes, hearings
from tests.hall.mechanisms.helpers import entry, prepare

HELD = dt.date(2026, 6, 8)


def _case(database: Database) -> int:
    prepare(database)
    with database.write() as s:
        dispute = disputes.register(s, entry(), "window")
        disputes.record_outcome(s, dispute.id, "to_case")
        assert dispute.case_id is not None
        return dispute.case_id


def _pdf_text(pdf: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def test_a_cases_hearing_days_are_excluded_from_its_deadline(hall_db: Database) -> None:
    case_id = _case(hall_db)
    with hall_db.write() as s:
        assert hearings.excluded_days(s, case_id) == 0
        for days in (3, 2):
            hearings.schedule(
                s,
                hearings.HearingInput(
                    held_on=HELD, place="听证室", chair="王建国", case_id=case_id, days=days
                ),
            )
        hearings.schedule(
            s, hearings.HearingInput("老城区改造方案", HELD, "三楼会议室", "李红", days=4)
        )
    with hall_db.read() as s:
        assert hearings.excluded_days(s, case_id) == 5


def test_a_decisions_hearing_must_conclude(hall_db: Database) -> None:
    with hall_db.write() as s:
        hearing = hearings.schedule(
            s,
            hearings.HearingInput(
                "老城区改造方案", HELD, "三楼会议室", "李红", "专家甲、代表乙", "居民代表"
            ),
        )
        assert hearing.number == "听〔2026〕001号"
        with pytest.raises(InvalidInput, match="支持、暂缓或否决"):
            hearings.record(s, hearing.id, "各方陈述意见……")
        hearings.record(s, hearing.id, "各方陈述意见，多数听证员认为方案补偿标准偏低。", "veto")
        later = hearings.schedule(s, hearings.HearingInput("公交线路调整", HELD, "会议室", "李红"))
        hearings.record(s, later.id, "需补充论证。", "postpone")
        future = hearings.schedule(
            s, hearings.HearingInput("菜市场搬迁", dt.date(2026, 7, 1), "会议室", "李红")
        )
        with pytest.raises(IllegalTransition, match="举行后"):
            hearings.record(s, future.id, "提前写的笔录", "support")
    with hall_db.read() as s:
        assert hearings.outcome_counts(s, 2026) == {"否决": 1, "暂缓": 1, "未定": 1}
        notice = _pdf_text(hearings.notice_pdf(s, hearing.id))
        record = _pdf_text(hearings.record_pdf(s, hearing.id))
    assert (
        "听证通知书" in notice
        and "老城区改造方案" in notice
        and "不计算在信访事项办理期限内" in notice
    )
    assert "听证笔录" in record and "补偿标准偏低" in record and "否决" in record


def test_a_hearing_needs_place_and_chair(hall_db: Database) -> None:
    with pytest.raises(InvalidInput) as raised, hall_db.write() as s:
        hearings.schedule(s, hearings.HearingInput("方案", HELD, "", "李红"))
    assert raised.value.field == "place"
