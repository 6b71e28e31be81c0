"""Accounts on both databases (issue 15): password rules, lockout and unlock, expiry warning,
and the separation of duties between the three administrators."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from sqlalchemy import select

from db.account_models import AuditEntry
from db.engine import Database
from db.models import User
from hall import accounts, audit, clock, user_admin, users
from hall.errors import InvalidInput, PermissionDenied

GOOD = "Hall-2026a"
REFUSAL_START = "登录名或密码不正确"


def add(database: Database, login: str, roles: list[str], windows: tuple[str, ...] = ()) -> int:
    with database.write() as s:
        return users.add_user(s, login, f"用户{login}", GOOD, roles, windows).id


def log_in(
    database: Database, login: str, password: str, now: dt.datetime | None = None
) -> accounts.LoginResult:
    with database.write() as s:
        return accounts.log_in(s, login, password, now)


def kinds(database: Database) -> list[str]:
    with database.read() as s:
        return list(s.scalars(select(AuditEntry.kind).order_by(AuditEntry.seq)))


@pytest.mark.parametrize(
    ("password", "rule"),
    [
        ("Ab1-x", "至少 8 位"),
        ("abcdefgh12", "至少三种"),
        ("ABCDEFGH", "至少三种"),
        ("falv-Ab12345", "不能包含登录名"),
    ],
)
def test_password_rules(password: str, rule: str) -> None:
    with pytest.raises(InvalidInput, match=rule):
        accounts.check_password("falv", password)


def test_a_good_password_passes() -> None:
    accounts.check_password("falv", GOOD)
    accounts.check_password("falv", "abc中文12345")  # lower, digits, others: three kinds


def test_no_reuse_of_the_last_five(hall_db: Database) -> None:
    uid = add(hall_db, "falv", [users.OFFICER], ("legal",))
    passwords = [GOOD, "Second-22", "Third-333", "Fourth-44", "Fifth-555"]
    for old, new in itertools.pairwise(passwords):
        with hall_db.write() as s:
            accounts.change_password(s, uid, old, new)
    for used in (passwords[0], passwords[-1]):
        with pytest.raises(InvalidInput, match="最近 5 次"), hall_db.write() as s:
            accounts.change_password(s, uid, passwords[-1], used)
    with hall_db.write() as s:
        accounts.change_password(s, uid, passwords[-1], "Sixth-6666")
    with hall_db.write() as s:
        # The first password is now six changes back: allowed again.
        accounts.change_password(s, uid, "Sixth-6666", GOOD)


def test_lockout_after_five_failures_and_unlock(hall_db: Database) -> None:
    add(hall_db, "falv", [users.OFFICER], ("legal",))
    security = add(hall_db, "anquan", [users.SECURITY])
    for _ in range(4):
        assert log_in(hall_db, "falv", "wrong").user is None
    assert log_in(hall_db, "falv", GOOD).user is not None, "four failures do not lock"
    for _ in range(5):
        result = log_in(hall_db, "falv", "wrong")
    assert result.message.startswith(REFUSAL_START)
    locked = log_in(hall_db, "falv", GOOD)
    assert locked.user is None, "a locked account is refused even with the right password"
    assert locked.message == log_in(hall_db, "nobody", "x").message, "the same words for all"
    later = clock.now() + dt.timedelta(minutes=16)
    assert log_in(hall_db, "falv", GOOD, later).user is not None, "the lock ends by itself"
    for _ in range(5):
        log_in(hall_db, "falv", "wrong")
    with hall_db.write() as s:
        target = s.scalar(select(User).where(User.login == "falv"))
        assert target is not None and accounts.is_locked(s, target)
        user_admin.unlock(s, s.get_one(User, security), target.id)
    assert log_in(hall_db, "falv", GOOD).user is not None
    logged = kinds(hall_db)
    assert logged.count("user.locked") == 2
    assert logged.count("user.login_failed") == 4 + 5 + 1 + 1 + 5
    assert "user.unlocked" in logged
    with hall_db.read() as s:
        failure = s.scalars(
            select(AuditEntry).where(AuditEntry.kind == "user.login_failed")
        ).first()
        assert failure is not None and failure.workstation and failure.actor_login == "falv"


def test_lock_rules_are_admin_set(hall_db: Database) -> None:
    add(hall_db, "falv", [users.OFFICER], ("legal",))
    security = add(hall_db, "anquan", [users.SECURITY])
    with hall_db.write() as s:
        user_admin.put_rules(s, s.get_one(User, security), user_admin.Rules(3, 30, 90, 5))
    for _ in range(3):
        log_in(hall_db, "falv", "wrong")
    later = clock.now() + dt.timedelta(minutes=20)
    assert log_in(hall_db, "falv", GOOD, later).user is None, "locked for 30 minutes now"
    assert "30 分钟" in log_in(hall_db, "falv", GOOD, later).message


def test_expiry_warning_and_forced_change(hall_db: Database) -> None:
    uid = add(hall_db, "falv", [users.OFFICER], ("legal",))
    security = add(hall_db, "anquan", [users.SECURITY])
    with hall_db.write() as s:
        user_admin.put_rules(s, s.get_one(User, security), user_admin.Rules(5, 15, 90, 10))
    start = clock.now()
    assert log_in(hall_db, "falv", GOOD, start + dt.timedelta(days=80)).expires_in is None
    warned = log_in(hall_db, "falv", GOOD, start + dt.timedelta(days=85))
    assert warned.expires_in == 5 and not warned.must_change
    expired = log_in(hall_db, "falv", GOOD, start + dt.timedelta(days=91))
    assert expired.user is not None and expired.must_change
    with hall_db.write() as s:
        accounts.change_password(s, uid, GOOD, "Renewed-2026")
    assert not log_in(hall_db, "falv", "Renewed-2026").must_change


def test_reset_password_must_be_changed(hall_db: Database) -> None:
    uid = add(hall_db, "falv", [users.OFFICER], ("legal",))
    admin = add(hall_db, "xitong", [users.ADMIN])
    with hall_db.write() as s:
        user_admin.reset_password(s, s.get_one(User, admin), uid, "Temp-1234")
    assert log_in(hall_db, "falv", "Temp-1234").must_change
    with hall_db.write() as s:
        accounts.change_password(s, uid, "Temp-1234", "Mine-54321")
    assert not log_in(hall_db, "falv", "Mine-54321").must_change


def test_the_system_administrator_manages_users_only(hall_db: Database) -> None:
    admin = add(hall_db, "xitong", [users.ADMIN])
    with hall_db.write() as s:
        actor = s.get_one(User, admin)
        new = user_admin.add_user(s, actor, "xinren", "新人", "First-1234", ("legal",))
        user_admin.edit_user(s, actor, new.id, "新同事", ("legal", "talk"))
        user_admin.set_active(s, actor, new.id, False)
        new_id = new.id
    assert log_in(hall_db, "xinren", "First-1234").user is None, "a disabled user cannot log in"
    with hall_db.write() as s:
        actor = s.get_one(User, admin)
        with pytest.raises(PermissionDenied, match="安全管理员"):
            user_admin.set_roles(s, actor, new_id, [users.OFFICER])
        with pytest.raises(PermissionDenied, match="安全管理员"):
            user_admin.unlock(s, actor, new_id)
        with pytest.raises(PermissionDenied, match="审计管理员"):
            audit.entries(s, actor, audit.Filter())
        assert not accounts.may_read_content(actor)


def test_the_security_administrator_grants_roles_only(hall_db: Database) -> None:
    security = add(hall_db, "anquan", [users.SECURITY])
    falv = add(hall_db, "falv", [users.OFFICER], ("legal",))
    with hall_db.write() as s:
        actor = s.get_one(User, security)
        user_admin.set_roles(s, actor, falv, [users.OFFICER, users.LEADER])
        with pytest.raises(PermissionDenied, match="自己的角色"):
            user_admin.set_roles(s, actor, security, [users.SECURITY, users.OFFICER])
        with pytest.raises(InvalidInput, match="三员分立"):
            user_admin.set_roles(s, actor, falv, [users.ADMIN, users.AUDITOR])
        with pytest.raises(PermissionDenied, match="请由管理员登录"):
            user_admin.add_user(s, actor, "x", "某人", "First-1234")
        with pytest.raises(PermissionDenied, match="审计管理员"):
            audit.entries(s, actor, audit.Filter())
        assert not accounts.may_read_content(actor)
    assert "user.roles_changed" in kinds(hall_db)


def test_the_audit_administrator_reads_the_audit_only(hall_db: Database) -> None:
    auditor = add(hall_db, "shenji", [users.AUDITOR])
    falv = add(hall_db, "falv", [users.OFFICER], ("legal",))
    with hall_db.write() as s:
        actor = s.get_one(User, auditor)
        added = audit.entries(s, actor, audit.Filter(kind="user.added"))
        assert [r.kind for r in added] == ["新增用户", "新增用户"]
        for act in (
            lambda: user_admin.list_users(s, actor),
            lambda: user_admin.reset_password(s, actor, falv, "Temp-1234"),
            lambda: user_admin.set_roles(s, actor, falv, [users.LEADER]),
            lambda: user_admin.put_rules(s, actor, user_admin.Rules(5, 15, 0, 10)),
        ):
            with pytest.raises(PermissionDenied, match="三员分立"):
                act()
        assert not accounts.may_read_content(actor)
