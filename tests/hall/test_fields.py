"""The field rules: one message per mistake, naming the field, the fault and the fix."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hall import fields
from hall.errors import InvalidInput


@pytest.mark.parametrize(
    ("rule", "value", "says"),
    [
        (fields.VISITOR_NAME, "", "请填写来访人姓名。"),
        (fields.VISITOR_NAME, "张\x07三", "来访人姓名中有看不见的控制字符（U+0007）"),
        (fields.VISITOR_NAME, "张\u202e三", "U+202E"),
        (fields.VISITOR_NAME, "张" * 33, "来访人姓名太长（33 个字，最多 32 个字）"),
        (fields.VISITOR_NAME, "张三<b>", "来访人姓名中不能有“<”"),
        (fields.LOGIN, "'; drop table ticket;--", "登录名中不能有“'”：登录名只能用英文字母"),
        (fields.SUMMARY, "诉" * 501, "事由摘要太长（501 个字，最多 500 个字）"),
    ],
)
def test_each_mistake_has_its_message(rule: fields.Text, value: str, says: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        fields.clean(rule, value)
    assert says in refused.value.message and refused.value.field == rule.key


def test_full_width_logins_and_minority_names_are_accepted() -> None:
    assert fields.clean(fields.LOGIN, "ｗａｎｇ．ｌｉ") == "wang.li"
    assert fields.clean(fields.VISITOR_NAME, " 阿卜杜·热合曼 ") == "阿卜杜·热合曼"
    assert fields.clean(fields.FACTS, "第一行\n第二行") == "第一行\n第二行"


def test_pasted_text_is_cleaned_and_the_user_told() -> None:
    text, notice = fields.clean_pasted(fields.FACTS, "欠薪\u200b三个月\x00\r\n已讨要")
    assert text == "欠薪三个月\n已讨要"
    assert notice is not None and "2 个看不见的控制字符" in notice
    assert fields.clean_pasted(fields.FACTS, "欠薪") == ("欠薪", None)


def test_numbers_and_dates_outside_their_range_are_refused_with_the_range() -> None:
    with pytest.raises(InvalidInput, match="分钟数应为 1 到 1440 之间的整数"):
        fields.parse_number(fields.MINUTES, "99999999999999999999")
    with pytest.raises(InvalidInput, match="分钟数应在 1 到 1440 分钟之间，现在是 99999"):
        fields.parse_number(fields.MINUTES, "99999")
    with pytest.raises(InvalidInput, match="日期应在 2000-01-01 到 2099-12-31 之间"):
        fields.parse_day(fields.DATE, "9999-12-31")
    assert fields.parse_day(fields.DATE, "２０２６-０３-０２") == dt.date(2026, 3, 2)


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_any_text_is_either_clean_or_refused_in_chinese(value: str) -> None:
    for rule in (fields.VISITOR_NAME, fields.LOGIN, fields.SUMMARY, fields.FACTS, fields.PHONE):
        try:
            kept = fields.clean(rule, value)
        except InvalidInput as error:
            assert rule.label in error.message and error.field == rule.key
            error.message.encode("utf-8")  # printable: no lone surrogate echoed back
            continue
        assert len(kept) <= rule.max_length
        assert not any(fields._unseen(c) for c in kept if c not in "\n\t\r")
