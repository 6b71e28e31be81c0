"""The opinion ledger on both databases: search and filters a page at a time, the export, and
the monthly bulletin's draft and issue."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from db.engine import Database
from db.window_models import EXPLAINED, FORWARDED, OPINION_TOPICS, BulletinIssue
from hall import opinions, outcomes
from hall.errors import InvalidInput
from tests.hall.window_helpers import event_kinds, item_id, person, serving, setup_hall, unit_id

# (day of March 2026, visitor, topic, content, township, village, department)
OPINIONS = (
    (2, "陈志强", "交通出行", "建议在新区增设公交站点", "新区街道", "杨村", "市交通运输局"),
    (3, "王丽", "环境保护", "小区周边夜间施工噪声扰民", "千秋路街道", "红旗社区", "市生态环境局"),
    (5, "李强", "交通出行", "千秋路与河滨路口缺少红绿灯", "千秋路街道", "", "市公安局"),
    (9, "赵敏", "教育医疗", "希望社区卫生服务站延长开放时间", "东区街道", "霍村", ""),
)


@pytest.fixture
def hall(db: Database) -> Database:
    setup_hall(db)
    for day, name, topic, content, township, village, unit in OPINIONS:
        at = dt.datetime(2026, 3, day, 9, 0)
        ticket_id = serving(db, "opinion", name, at=at)
        with db.write() as s:
            outcomes.finish(
                s,
                ticket_id,
                outcomes.Outcome(
                    FORWARDED if unit else EXPLAINED,
                    opinions.OpinionEntry(
                        content=content,
                        topic_id=item_id(db, OPINION_TOPICS, topic),
                        township=township,
                        village=village,
                    ),
                    unit_id=unit_id(db, unit) if unit else None,
                ),
                actor=person(db, "minyi"),
                now=at + dt.timedelta(minutes=10),
            )
    return db


def contents(rows: list[opinions.OpinionRow]) -> list[str]:
    return [r.content[:6] for r in rows]


def test_search_and_filters(hall: Database) -> None:
    with hall.read() as s:
        everything = opinions.search(s, opinions.OpinionFilter())
        assert [r.received_on.day for r in everything] == [9, 5, 3, 2]
        by_text = opinions.search(s, opinions.OpinionFilter(text="红绿灯"))
        assert contents(by_text) == ["千秋路与河滨"]
        by_name = opinions.search(s, opinions.OpinionFilter(text="王丽"))
        assert contents(by_name) == ["小区周边夜间"]
        traffic = item_id(hall, OPINION_TOPICS, "交通出行")
        assert len(opinions.search(s, opinions.OpinionFilter(topic_id=traffic))) == 2
        qianqiu = opinions.OpinionFilter(township="千秋路街道")
        assert opinions.count(s, qianqiu) == 2
        police = opinions.OpinionFilter(unit_id=unit_id(hall, "市公安局"))
        assert contents(opinions.search(s, police)) == ["千秋路与河滨"]
        days = opinions.OpinionFilter(start=dt.date(2026, 3, 3), end=dt.date(2026, 3, 5))
        assert [r.received_on.day for r in opinions.search(s, days)] == [5, 3]
        assert opinions.search(s, opinions.OpinionFilter(text="100%")) == []
        # One page at a time.
        assert len(opinions.search(s, opinions.OpinionFilter(), offset=1, limit=2)) == 2
        assert {u.name for u in opinions.departments(s)} == {
            "市交通运输局",
            "市生态环境局",
            "市公安局",
        }


def test_export_is_the_filtered_ledger(hall: Database) -> None:
    with hall.read() as s:
        text = opinions.export_csv(s, opinions.OpinionFilter(township="千秋路街道"))
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0] == list(opinions.CSV_HEADER)
    assert [r[1:5] for r in rows[1:]] == [
        ["交通出行", "千秋路与河滨路口缺少红绿灯", "千秋路街道", "市公安局"],
        ["环境保护", "小区周边夜间施工噪声扰民", "千秋路街道红旗社区", "市生态环境局"],
    ]


def test_the_month_draft_groups_by_topic_in_list_order(hall: Database) -> None:
    with hall.read() as s:
        draft = opinions.draft(s, 2026, 3)
    assert (draft.number, draft.total, draft.forwarded) == (1, 4, 3)
    assert [(topic, len(texts)) for topic, texts in draft.sections()] == [
        ("交通出行", 2),
        ("环境保护", 1),
        ("教育医疗", 1),
    ]
    assert (
        draft.entries[0].text
        == "新区街道杨村群众反映：建议在新区增设公交站点。（已转市交通运输局办理）"
    )
    assert draft.entries[-1].text == "东区街道霍村群众反映：希望社区卫生服务站延长开放时间。"
    with hall.read() as s:
        assert opinions.draft(s, 2026, 4).entries == []


def fake_pdf(number: int) -> bytes:
    return f"%PDF-1.4 issue {number}".encode()


def test_an_edited_issue_is_kept_and_replaced_under_its_number(hall: Database) -> None:
    with hall.read() as s:
        draft = opinions.draft(s, 2026, 3)
    draft.entries[1].include = False
    draft.entries[0].text = "新区群众建议：增设公交站点，方便杨村群众出行。"
    now = dt.datetime(2026, 4, 1, 9, 0)
    with hall.write() as s:
        issue = opinions.produce(s, draft, fake_pdf, person(hall, "minyi"), now)
        assert issue.number == 1
    with hall.read() as s:
        kept = s.get_one(BulletinIssue, issue.id)
        assert [e.text[:6] for e in kept.entries] == [
            "新区群众建议",
            "千秋路街道红",
            "东区街道霍村",
        ]
        assert kept.pdf == b"%PDF-1.4 issue 1"
        again = opinions.draft(s, 2026, 3)
    assert again.number == 1
    again.entries = again.entries[:1]
    with hall.write() as s:
        replaced = opinions.produce(s, again, fake_pdf, None, now)
        assert (replaced.id, replaced.number, len(replaced.entries)) == (issue.id, 1, 1)
    with hall.read() as s:
        assert [(i.month, i.number, i.entries) for i in opinions.issues(s)] == [(3, 1, 1)]
        assert opinions.issue_pdf(s, issue.id) == b"%PDF-1.4 issue 1"
    assert event_kinds(hall, "bulletin_issue") == ["bulletin.produced", "bulletin.replaced"]


def test_an_issue_needs_entries_and_a_month_begun(hall: Database) -> None:
    now = dt.datetime(2026, 3, 20, 9, 0)
    with hall.read() as s:
        draft = opinions.draft(s, 2026, 3)
    for entry in draft.entries:
        entry.include = False
    with hall.write() as s, pytest.raises(InvalidInput) as refused:
        opinions.produce(s, draft, fake_pdf, None, now)
    assert refused.value.field == "entries"
    with hall.read() as s:
        april = opinions.draft(s, 2026, 4)
    april.entries = [opinions.DraftEntry(None, "其他", "手写的一条")]
    with hall.write() as s, pytest.raises(InvalidInput) as refused:
        opinions.produce(s, april, fake_pdf, None, now)
    assert refused.value.field == "month"
    with hall.read() as s:
        assert opinions.issues(s) == []
