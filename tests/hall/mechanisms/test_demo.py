from __future__ import annotations

from sqlalchemy import select

from db.engine import Database
from db.models import User
from hall import demo, users
from hall.mechanisms import demo as mechanism_demo
from hall.mechanisms import disputes, meetings, stations


def test_the_demo_hall_has_a_user_for_every_role_and_mechanisms_to_show(db: Database) -> None:
    with db.write() as s:
        demo.seed_demo(s)
    with db.read() as s:
        everyone = s.scalars(select(User)).all()
        assert all(any(users.has_role(u, role) for u in everyone) for role in users.ROLE_NAMES)
        assert len(disputes.search(s)) == 5 + 1  # the station's warning joins the register
        assert len(disputes.overdue(s)) == 1
        assert len(meetings.agenda(s)) == 4
        assert len(stations.letters_inbox(s)) == 2
    with db.write() as s:
        station = users.authenticate(s, mechanism_demo.STATION_LOGIN, demo.DEMO_PASSWORD)
        assert [r.kind for r in stations.own_entries(s, station)] == ["预警信息", "群众诉求"]
