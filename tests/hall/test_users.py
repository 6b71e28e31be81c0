"""Users on both databases: argon2 hashes only, log-in, roles, and who may act at which window."""

from __future__ import annotations

import datetime as dt

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from db import events
from db.engine import Database
from db.models import Event, Ticket, User
from hall import queue, users
from hall.errors import InvalidInput, PermissionDenied

T0 = dt.datetime(2026, 11, 23, 9, 0, 0)
PASSWORD = "s3cret-口令"


def add(database: Database, login: str, roles: list[str], windows: tuple[str, ...] = ()) -> int:
    with database.write() as s:
        return users.add_user(s, login, f"用户{login}", PASSWORD, roles, windows, now=T0).id


@pytest.mark.fresh_password_hash
def test_only_an_argon2_hash_is_stored(hall_db: Database) -> None:
    first = add(hall_db, "falv", [users.OFFICER], ("legal",))
    second = add(hall_db, "bangfu", [users.OFFICER], ("aid",))
    with hall_db.read() as s:
        rows = [s.get_one(User, first), s.get_one(User, second)]
        payloads = [e.payload for e in s.scalars(select(Event))]
    for user in rows:
        assert user.password_hash.startswith("$argon2id$")
        stored = [str(getattr(user, c.key)) for c in User.__table__.columns]
        assert not any(PASSWORD in value for value in stored)
    assert rows[0].password_hash != rows[1].password_hash, "hashes are salted"
    assert PASSWORD not in repr(payloads)


def test_authenticate(hall_db: Database) -> None:
    user_id = add(hall_db, "daofang", [users.RECEPTION])
    with hall_db.write() as s:
        assert users.authenticate(s, " daofang ", PASSWORD).id == user_id
    with hall_db.read() as s:
        assert [e.kind for e in events.for_entity(s, "user", user_id)] == [
            "user.added",
            "user.login",
        ]

    messages = set()
    for login, password in (("daofang", "wrong-password"), ("nobody", PASSWORD)):
        with pytest.raises(InvalidInput) as error, hall_db.write() as s:
            users.authenticate(s, login, password)
        messages.add(str(error.value))
    # One message for both, so the screen does not reveal which logins exist.
    assert messages == {"登录名或密码不正确，请重新输入。"}


def test_an_inactive_user_cannot_log_in(hall_db: Database) -> None:
    user_id = add(hall_db, "tuixiu", [users.OFFICER])
    with hall_db.write() as s:
        s.get_one(User, user_id).active = False
    with pytest.raises(InvalidInput), hall_db.write() as s:
        users.authenticate(s, "tuixiu", PASSWORD)


def test_an_outdated_hash_is_renewed_at_log_in(hall_db: Database) -> None:
    user_id = add(hall_db, "laoyonghu", [users.LEADER])
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(PASSWORD)
    with hall_db.write() as s:
        s.get_one(User, user_id).password_hash = weak
    with hall_db.write() as s:
        users.authenticate(s, "laoyonghu", PASSWORD)
    with hall_db.read() as s:
        renewed = s.get_one(User, user_id).password_hash
    assert renewed != weak and not PasswordHasher().check_needs_rehash(renewed)
    with hall_db.write() as s:
        assert users.authenticate(s, "laoyonghu", PASSWORD).id == user_id


def test_roles(hall_db: Database) -> None:
    user_id = add(hall_db, "duozhi", [users.OFFICER, users.LEADER], ("legal", "aid"))
    with hall_db.read() as s:
        user = s.get_one(User, user_id)
        assert users.roles_of(user) == {users.OFFICER, users.LEADER}
        assert users.has_role(user, users.ADMIN, users.LEADER)
        assert not users.has_role(user, users.ADMIN, users.CLERK)
        users.require_role(user, users.OFFICER)
        with pytest.raises(PermissionDenied) as error:
            users.require_role(user, users.ADMIN, users.CLERK)
        assert "管理员或法庭书记员" in str(error.value)
        assert users.window_codes(user) == ["legal", "aid"]


@pytest.mark.parametrize(
    ("login", "name", "password", "roles", "windows", "field"),
    [
        ("", "张三", PASSWORD, ["officer"], [], "login"),
        ("zhang", " ", PASSWORD, ["officer"], [], "name"),
        ("zhang", "张三", "12345", ["officer"], [], "password"),
        ("zhang", "张三", PASSWORD, ["janitor"], [], "roles"),
        ("zhang", "张三", PASSWORD, [" "], [], "roles"),
        ("zhang", "张三", PASSWORD, ["officer"], ["nowhere"], "windows"),
    ],
)
def test_bad_user_details_are_refused(
    hall_db: Database,
    login: str,
    name: str,
    password: str,
    roles: list[str],
    windows: list[str],
    field: str,
) -> None:
    with pytest.raises(InvalidInput) as error, hall_db.write() as s:
        users.add_user(s, login, name, password, roles, windows, now=T0)
    assert error.value.field == field
    with hall_db.read() as s:
        assert not users.any_users(s)


def test_a_login_is_taken_only_once(hall_db: Database) -> None:
    add(hall_db, "falv", [users.OFFICER])
    with pytest.raises(InvalidInput) as error, hall_db.write() as s:
        users.add_user(s, " falv ", "另一个人", PASSWORD, [users.RECEPTION], now=T0)
    assert error.value.field == "login" and "falv" in str(error.value)
    with hall_db.read() as s:
        assert len(s.scalars(select(User)).all()) == 1


def test_an_officer_acts_only_at_their_own_windows(hall_db: Database) -> None:
    officer_id = add(hall_db, "falv", [users.OFFICER], ("legal",))
    admin_id = add(hall_db, "admin", [users.ADMIN])
    with hall_db.write() as s:
        queue.issue_ticket(s, "legal", now=T0)
        aid_ticket = queue.issue_ticket(s, "aid", now=T0).id
    with hall_db.read() as s:
        last_event = events.last_id(s)

    with pytest.raises(PermissionDenied) as error, hall_db.write() as s:
        queue.call_next(s, "aid", seat=1, actor=s.get_one(User, officer_id), now=T0)
    assert "帮扶济困" in str(error.value)
    with hall_db.read() as s:
        assert s.get_one(Ticket, aid_ticket).status == queue.WAITING
        assert events.last_id(s) == last_event

    with hall_db.write() as s:
        called = queue.call_next(s, "legal", seat=1, actor=s.get_one(User, officer_id), now=T0)
        assert called is not None and called.called_by == officer_id
        # An administrator may act at any window.
        admin_call = queue.call_next(s, "aid", seat=1, actor=s.get_one(User, admin_id), now=T0)
        assert admin_call is not None and admin_call.id == aid_ticket
    for action in (queue.start, queue.recall, queue.mark_no_show):
        with pytest.raises(PermissionDenied), hall_db.write() as s:
            action(s, aid_ticket, actor=s.get_one(User, officer_id), now=T0)
