"""``hall-admin user add`` under the screen's rules, and the audit key carried by ``key
export``/``key import`` to a second workstation, on both databases."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from cli.admin import run
from db import crypto
from db.account_models import AuditEntry
from db.engine import Database
from db.models import User
from hall import keys
from tests.desktop.test_admin_cli import hall_admin, initialise, refused

STRONG = "Chuang2026!"


def admin(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = run(list(args))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def written(db: Database) -> tuple[int, int]:
    with db.read() as s:
        return (
            s.scalar(select(func.count()).select_from(User)) or 0,
            s.scalar(select(func.count()).select_from(AuditEntry)) or 0,
        )


@pytest.mark.parametrize(
    ("roles", "password", "says"),
    [
        ("officer", "abcdefgh1", "密码须包含大写字母、小写字母、数字、符号中的至少三种"),
        ("officer", "Zhangsan2026", "密码不能包含登录名"),
        ("admin,security", STRONG, "管理员、安全管理员须由不同的人担任（三员分立）"),
        ("auditor,officer,security", STRONG, "审计管理员、安全管理员须由不同的人担任"),
    ],
)
def test_user_add_refuses_what_the_screen_refuses_in_one_line_writing_nothing(
    db: Database, roles: str, password: str, says: str
) -> None:
    initialise(db)
    before = written(db)
    argv = ("user", "add", "zhangsan", "--name", "张三", "--roles", roles, "--password", password)
    assert says in refused(hall_admin(db.url, *argv), 2)
    assert written(db) == before


def test_user_add_with_a_strong_password_and_one_duty_is_audited(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    initialise(db)
    users_before, audit_before = written(db)
    argv = ("user", "add", "shenji", "--name", "审计员", "--roles", "auditor")
    code, out = admin(capsys, "--db", db.url, *argv, "--password", STRONG)
    assert code == 0 and "已添加用户 shenji" in out, out
    assert written(db) == (users_before + 1, audit_before + 1)


def test_the_audit_key_travels_with_the_hall_key(
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The first workstation chains entries; a second one, with a fresh data directory, imports
    the exported key: the chain verifies there and what it appends chains on."""
    monkeypatch.setenv("HALL_DATA_DIR", str(tmp_path / "first"))
    monkeypatch.setenv("HALL_KEY_PASSPHRASE", "大厅密钥口令2026")
    keys.save_keyring(crypto.current_keyring())
    initialise(db)
    add = ("user", "add", "falv", "--name", "李明", "--roles", "officer", "--password", STRONG)
    assert admin(capsys, "--db", db.url, *add)[0] == 0
    exported = tmp_path / "key.export"
    code, out = admin(capsys, "--db", db.url, "key", "export", str(exported))
    assert code == 0, out

    monkeypatch.setenv("HALL_DATA_DIR", str(tmp_path / "second"))
    crypto.use_keyring(None)
    code, out = admin(capsys, "--db", db.url, "key", "import", str(exported))
    assert code == 0 and "审计密钥" in out, out
    assert (tmp_path / "second" / "audit.key").read_bytes() == (
        tmp_path / "first" / "audit.key"
    ).read_bytes()
    code, out = admin(capsys, "--db", db.url, "audit", "verify")
    assert code == 0 and "审计记录链完好" in out, out
    _, entries = written(db)
    add = ("user", "add", "xinfang", "--name", "王芳", "--roles", "officer", "--password", STRONG)
    assert admin(capsys, "--db", db.url, *add)[0] == 0
    code, out = admin(capsys, "--db", db.url, "audit", "verify")
    assert code == 0 and f"共 {entries + 1} 条" in out, out
