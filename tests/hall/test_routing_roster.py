"""The suggested window, the duty roster and the list of places."""

from __future__ import annotations

import datetime as dt

import pytest

from db.engine import Database
from hall import roster
from hall.errors import InvalidInput
from hall.routing import suggest_window


@pytest.mark.parametrize(
    ("purpose", "channel", "litigation", "text", "window"),
    [
        ("request", "visit", True, "", "legal"),
        ("request", "letter", False, "土地确权", "letters"),
        ("report", "visit", False, "某局工作人员推诿", "supervision"),
        ("report", "visit", False, "举报村干部", "supervision"),
        ("request", "visit", False, "家中困难申请低保", "aid"),
        ("request", "visit", False, "工资被拖欠", "legal"),
        ("opinion", "visit", False, "建议增设公交站", "opinion"),
        ("inquiry", "visit", False, "医保政策怎么缴费", "publicity"),
        ("appeal", "visit", False, "对处理结果不服", "letters"),
    ],
)
def test_suggested_window(
    purpose: str, channel: str, litigation: bool, text: str, window: str
) -> None:
    suggestion = suggest_window(purpose, channel, litigation, text)
    assert suggestion.window == window
    assert suggestion.reason


def test_leader_reception_goes_to_the_talk_window() -> None:
    assert suggest_window("request", "visit", False, "", leader_reception=True).window == "talk"


def test_duty_roster(db: Database) -> None:
    day = dt.date(2026, 11, 23)
    with db.write() as s:
        roster.set_duty_leader(s, day, "刘建国", "市委副书记")
        roster.set_duty_leader(s, day + dt.timedelta(days=1), "张秀兰", "副市长")
        roster.set_duty_leader(s, day, "王志刚", "副主任")
    with db.read() as s:
        leader = roster.duty_leader(s, day)
        assert leader is not None and leader.name == "王志刚"
        assert [r.name for r in roster.roster(s, day, 7)] == ["王志刚", "张秀兰"]
        assert roster.duty_leader(s, day - dt.timedelta(days=1)) is None
    with pytest.raises(InvalidInput), db.write() as s:
        roster.set_duty_leader(s, day, "  ")


def test_places(db: Database) -> None:
    with db.write() as s:
        roster.add_place(s, "新区街道", "杨村")
        roster.add_place(s, "新区街道", "苗沟村")
        roster.add_place(s, "东区街道")
        roster.add_place(s, "新区街道", "杨村")
    with db.write() as s:
        assert roster.townships(s) == ["新区街道", "东区街道"]
        assert roster.villages(s, "新区街道") == ["杨村", "苗沟村"]
        roster.remove_place(s, "新区街道", "杨村")
        assert roster.villages(s, "新区街道") == ["苗沟村"]
