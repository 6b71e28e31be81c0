"""Finding returning visitors (ID, phone, name, pinyin initials) and their history."""

from __future__ import annotations

import datetime as dt

import pytest
from stdnum.cn import ric

from db.engine import Database
from hall import queue, reception, visitors
from hall.errors import NotFound

T0 = dt.datetime(2026, 11, 23, 9, 0)
ZHANG_ID = "11010519491231002X"


def with_check_digit(body: str) -> str:
    return body + ric.calc_check_digit(body + "0")


def register(db: Database, minutes: int, **fields: object) -> queue.TicketView:
    fields.setdefault("window", "legal")
    fields.setdefault("summary", "来访咨询")
    with db.write() as s:
        reg = reception.Registration(**fields)  # type: ignore[arg-type]
        return queue.view(reception.register(s, reg, now=T0 + dt.timedelta(minutes=minutes)))


@pytest.fixture
def people(hall_db: Database) -> Database:
    register(hall_db, 0, name="张三丰", id_number=ZHANG_ID, phone="13812345678", summary="欠薪")
    register(hall_db, 1, name="张三", phone="13987654321")
    register(hall_db, 2, name="单雄信", phone="0398-5812345")
    register(hall_db, 3, name="李四", id_number=with_check_digit("11010519800101123"))
    return hall_db


def names(db: Database, text: str) -> list[str]:
    with db.read() as s:
        return [m.name for m in visitors.search(s, text)]


def test_name_initials() -> None:
    assert visitors.name_initials("张三丰") == "zsf"
    assert visitors.name_initials("单雄信") == "sxx"  # 单 read as a surname
    assert visitors.name_initials("曾国藩") == "zgf"
    assert visitors.name_initials("") == ""


def test_search_by_each_key(people: Database) -> None:
    assert names(people, "张三") == ["张三", "张三丰"]
    assert names(people, "张三丰") == ["张三丰"]
    assert names(people, "zs") == ["张三", "张三丰"]
    assert names(people, "ZSF") == ["张三丰"]
    assert names(people, "sxx") == ["单雄信"]
    assert names(people, ZHANG_ID.lower()) == ["张三丰"]
    assert names(people, "13812345678") == ["张三丰"]
    assert names(people, "138 1234 5678") == ["张三丰"]
    assert names(people, "03985812345") == ["单雄信"]  # stored as 0398-5812345
    assert names(people, "5678") == ["张三丰"]  # a phone's last four digits
    assert names(people, "19800101") == ["李四"]  # the birth date in an ID number
    # ID numbers and phones are stored encrypted: a part of one finds nothing.
    assert names(people, "110105") == []
    assert names(people, "1381234") == []
    assert names(people, "王") == []
    assert names(people, "   ") == []


def test_search_treats_like_wildcards_as_text(people: Database) -> None:
    assert names(people, "%") == []
    assert names(people, "张_") == []


def test_search_shows_masked_details_and_visit_counts(people: Database) -> None:
    register(people, 30, name="张三丰", id_number=ZHANG_ID, summary="再次来访")
    with people.read() as s:
        (match,) = visitors.search(s, ZHANG_ID)
    assert match.masked_id == "110105********002X"
    assert match.masked_phone == "138****5678"
    assert match.visits == 2
    assert match.last_visit == T0 + dt.timedelta(minutes=30)


def test_returning_visitor_is_one_visitor_with_history(people: Database) -> None:
    second = register(people, 45, name="张三丰", id_number=ZHANG_ID, window="aid", summary="救助")
    with people.read() as s:
        (match,) = visitors.search(s, "张三丰")
        history = visitors.history(s, match.id)
    assert [h.summary for h in history] == ["救助", "欠薪"]
    assert history[0].tickets == [second.number]
    assert history[0].window_name == "帮扶济困"
    assert history[1].purpose == "求决"


def test_visit_by_barcode_or_query_code(people: Database) -> None:
    with people.read() as s:
        (match,) = visitors.search(s, "张三丰")
        (latest,) = visitors.history(s, match.id)
        assert visitors.visit_by_code(s, latest.code).id == latest.id
        assert visitors.visit_by_code(s, latest.query_code.lower()).id == latest.id
        with pytest.raises(NotFound) as error:
            visitors.visit_by_code(s, "NOPE2345")
    assert "查询码" in str(error.value)


def test_query_codes_are_unambiguous() -> None:
    codes = {visitors.new_query_code() for _ in range(500)}
    assert len(codes) == 500
    assert all(len(c) == 8 and not set(c) & set("01IO") for c in codes)
