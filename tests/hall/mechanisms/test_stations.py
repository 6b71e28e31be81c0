from __future__ import annotations

import pytest

from db.engine import Database
from hall import users
from hall.errors import InvalidInput, PermissionDenied
from hall.mechanisms import disputes, stations


def _station_users(database: Database) -> tuple[int, int, int]:
    """A station at 千秋镇, an informant at 东区街道, and an officer who belongs to none."""
    with database.write() as s:
        north = users.add_user(s, "qiuzhan", "千秋站", "secret1", [users.STATION])
        east = users.add_user(s, "dongxin", "东区信息员", "secret1", [users.INFORMANT])
        officer = users.add_user(s, "clerk1", "办事员", "secret1", [users.OFFICER])
        stations.set_member(s, north.id, "千秋镇群众工作站", "千秋镇")
        stations.set_member(s, east.id, "东区街道群众工作室", "东区街道")
        with pytest.raises(InvalidInput, match="没有群众工作站或信息员角色"):
            stations.set_member(s, officer.id, "某站", "千秋镇")
        return north.id, east.id, officer.id


def test_requests_reach_the_letters_inbox_and_warnings_the_register(hall_db: Database) -> None:
    north, east, _ = _station_users(hall_db)
    with hall_db.write() as s:
        request = stations.new_draft(
            "request", "村道损坏多年无人修", person="孙七", phone="13800000000"
        )
        warning = stations.new_draft(
            "warning", "两村因灌溉用水争执，可能聚集", people=20, village="北村"
        )
        stations.receive(s, request, north)
        stations.receive(s, warning, north)
        stations.receive(s, stations.new_draft("warning", "拆迁户情绪激动"), east)
    with hall_db.read() as s:
        (inbox,) = stations.letters_inbox(s)
        assert (inbox.station, inbox.kind, inbox.person) == ("千秋镇群众工作站", "群众诉求", "孙七")
        register = {r.township: r for r in disputes.search(s)}
        assert register["千秋镇"].source == "群众工作站" and register["千秋镇"].people == 20
        assert register["东区街道"].source == "信息员"


def test_a_station_sees_only_its_own_entries_and_their_outcomes(hall_db: Database) -> None:
    north, east, officer = _station_users(hall_db)
    with hall_db.write() as s:
        mine = stations.receive(s, stations.new_draft("request", "低保申请", person="周八"), north)
        stations.receive(s, stations.new_draft("warning", "东区的事"), east)
        stations.reply(s, mine.id, "已转民政局办理", s.get_one(users.User, officer))
    with hall_db.read() as s:
        own = stations.own_entries(s, s.get_one(users.User, north))
        assert [(r.content, r.answer) for r in own] == [("低保申请", "已转民政局办理")]
        (theirs,) = stations.own_entries(s, s.get_one(users.User, east))
        assert theirs.answer.endswith("化解中")
        with pytest.raises(PermissionDenied, match="不属于任何群众工作站"):
            stations.own_entries(s, s.get_one(users.User, officer))


def test_the_same_key_is_taken_once(hall_db: Database) -> None:
    north, _, _ = _station_users(hall_db)
    draft = stations.new_draft("warning", "重复报送的预警")
    for _ in range(2):
        with hall_db.write() as s:
            stations.receive(s, draft, north)
    with hall_db.read() as s:
        assert len(stations.own_entries(s, s.get_one(users.User, north))) == 1
        assert len(disputes.search(s)) == 1


def test_figures_rank_stations_and_townships(hall_db: Database) -> None:
    north, east, _ = _station_users(hall_db)
    with hall_db.write() as s:
        for n in range(3):
            stations.receive(s, stations.new_draft("request", f"诉求{n}", person="甲"), north)
        stations.receive(s, stations.new_draft("warning", "预警"), east)
    with hall_db.read() as s:
        ranked = stations.ranking(s, "township")
        assert [(r.name, r.requests, r.warnings) for r in ranked] == [
            ("千秋镇", 3, 0),
            ("东区街道", 0, 1),
        ]
        assert stations.ranking(s, "station")[0].name == "千秋镇群众工作站"


def test_a_request_names_who_raised_it() -> None:
    with pytest.raises(InvalidInput) as raised:
        stations.new_draft("request", "没有署名的诉求")
    assert raised.value.field == "person"
