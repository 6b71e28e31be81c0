"""The audit on both databases (issue 15): every audited act is chained in its own transaction,
entries cannot be changed, a tampered or deleted entry is found by ``hall-admin audit verify``,
and workstations appending at once never fork the chain."""

from __future__ import annotations

import io
import multiprocessing
import os
import stat
import subprocess
from multiprocessing.synchronize import Barrier
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from db import audit_log, events
from db.account_models import AuditEntry
from db.engine import Database
from db.models import User
from hall import accounts, audit, clock, confidentiality, reception, user_admin, users
from tests.desktop.conftest import HALL_ADMIN

GOOD = "Hall-2026a"


def add(database: Database, login: str, roles: list[str], windows: tuple[str, ...] = ()) -> int:
    with database.write() as s:
        return users.add_user(s, login, f"用户{login}", GOOD, roles, windows).id


def entries(database: Database) -> list[AuditEntry]:
    with database.read() as s:
        return list(s.scalars(select(AuditEntry).order_by(AuditEntry.seq)))


def verify(database: Database) -> subprocess.CompletedProcess[str]:
    # The command of this checkout, whichever checkout the installed script was made from.
    source = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    return subprocess.run(
        [HALL_ADMIN, "--db", database.url, "audit", "verify"],
        capture_output=True,
        text=True,
        timeout=120,
        env=source,
    )


def tamper(database: Database, statement: str) -> None:
    """What someone with the database's password could do behind the program's back."""
    with database.engine.begin() as connection:
        if database.engine.dialect.name == "postgresql":
            connection.execute(
                text("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_change")
            )
            connection.execute(text(statement))
            connection.execute(text("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_change"))
        else:
            connection.execute(text("DROP TRIGGER audit_entry_no_update"))
            connection.execute(text("DROP TRIGGER audit_entry_no_delete"))
            connection.execute(text(statement))


def test_every_audited_act_is_chained(hall_db: Database) -> None:
    admin = add(hall_db, "xitong", [users.ADMIN])
    security = add(hall_db, "anquan", [users.SECURITY])
    auditor = add(hall_db, "shenji", [users.AUDITOR])
    officer = add(hall_db, "banxin", [users.OFFICER], ("letters",))
    with hall_db.write() as s:
        accounts.log_in(s, "banxin", GOOD)
    for _ in range(5):
        with hall_db.write() as s:
            accounts.log_in(s, "banxin", "wrong")
    with hall_db.write() as s:
        user_admin.unlock(s, s.get_one(User, security), officer)
        user_admin.set_roles(s, s.get_one(User, security), officer, [users.OFFICER, users.LEADER])
        user_admin.edit_user(s, s.get_one(User, admin), officer, "冯芳", ("letters",))
        ticket = reception.register(
            s,
            reception.Registration(
                name="张三", window="letters", purpose="report", summary="举报村干部"
            ),
        )
        assert ticket.visit_id is not None
        visit = s.get_one(reception.Visit, ticket.visit_id)
        viewer = s.get_one(User, officer)
        confidentiality.log_access(s, visit, True, "history", viewer, clock.now())
        # Backups, restores and imports are logged under these kinds by whatever does them.
        for kind in ("document.printed", "backup.made", "restore.done", "ledger.imported"):
            events.append(s, kind, "hall", None, clock.now(), admin)
        accounts.log_out(s, viewer)
    with hall_db.write() as s:
        workbook = audit.export(s, s.get_one(User, auditor), audit.Filter(login="banxin"))
    kinds = [e.kind for e in entries(hall_db)]
    for kind in (
        "user.added",
        "user.login",
        "user.login_failed",
        "user.locked",
        "user.unlocked",
        "user.roles_changed",
        "user.edited",
        "visit.viewed",
        "document.printed",
        "backup.made",
        "restore.done",
        "ledger.imported",
        "user.logout",
        "audit.exported",
    ):
        assert kind in kinds, kind
    sheet = load_workbook(io.BytesIO(workbook)).active
    assert sheet is not None
    cells = [str(c.value) for row in sheet.iter_rows() for c in row]
    assert "登录失败" in cells and "账户锁定" in cells
    failed = next(e for e in entries(hall_db) if e.kind == "user.login_failed")
    assert (failed.actor_login, failed.workstation, failed.outcome) == (
        "banxin",
        audit_log.workstation(),
        audit_log.REFUSED,
    )
    assert verify(hall_db).returncode == 0


def test_an_act_rolled_back_leaves_no_entry(hall_db: Database) -> None:
    add(hall_db, "xitong", [users.ADMIN])
    before = len(entries(hall_db))
    with pytest.raises(RuntimeError), hall_db.write() as s:
        accounts.log_in(s, "xitong", GOOD)
        raise RuntimeError("the act failed after its audit entry")
    assert len(entries(hall_db)) == before


def test_the_program_cannot_change_or_delete_an_entry(hall_db: Database) -> None:
    add(hall_db, "xitong", [users.ADMIN])
    for statement in ("UPDATE audit_entry SET outcome = 'done'", "DELETE FROM audit_entry"):
        with (
            pytest.raises(DBAPIError, match="审计记录不能修改或删除"),
            hall_db.engine.begin() as connection,
        ):
            connection.execute(text(statement))
    assert len(entries(hall_db)) == 1


def test_verify_finds_an_edited_entry(hall_db: Database) -> None:
    for login in ("a1", "a2", "a3", "a4"):
        add(hall_db, login, [users.OFFICER], ("legal",))
    result = verify(hall_db)
    assert (result.returncode, result.stdout.strip()) == (
        0,
        "审计记录链完好：共 4 条，均未被改动。",
    )
    tamper(hall_db, 'UPDATE audit_entry SET detail = \'{"login": "x"}\' WHERE seq = 3')
    result = verify(hall_db)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("错误：审计记录链在第 3 条断开：第 3 条记录被修改或伪造")


def test_verify_finds_a_deleted_entry(hall_db: Database) -> None:
    for login in ("a1", "a2", "a3"):
        add(hall_db, login, [users.OFFICER], ("legal",))
    tamper(hall_db, "DELETE FROM audit_entry WHERE seq = 3")
    assert "在第 3 条断开" in verify(hall_db).stderr


def test_the_key_file_is_the_owners_only(hall_db: Database) -> None:
    add(hall_db, "a1", [users.OFFICER], ("legal",))
    mode = stat.S_IMODE(audit_log.key_path().stat().st_mode)
    assert mode == 0o600


PROCESSES = 4
EACH = 25


def append_many(url: str, worker: int, start: Barrier) -> None:
    database = Database(url)
    try:
        start.wait(timeout=60)
        for i in range(EACH):
            with database.write() as s:
                audit_log.record(
                    s, "document.printed", clock.now(), actor_login=f"w{worker}", target=str(i)
                )
    finally:
        database.dispose()


@pytest.mark.slow
def test_workstations_appending_at_once_keep_one_chain(pg_db: Database) -> None:
    audit_log.key()  # the key file exists before the workstations start, as in a real hall
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(PROCESSES)
    workers = [
        context.Process(target=append_many, args=(pg_db.url, worker, start))
        for worker in range(PROCESSES)
    ]
    for process in workers:
        process.start()
    for process in workers:
        process.join(timeout=300)
        assert process.exitcode == 0
    with pg_db.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == PROCESSES * EACH
        verdict = audit.verify(s)
    assert verdict == audit.Verdict(PROCESSES * EACH)


def test_details_are_shown_in_words() -> None:
    assert audit.readable_detail('{"login": "falv", "reason": "password"}') == (
        "登录名 falv；原因 密码错误"
    )
    assert audit.readable_detail('{"after": ["leader", "officer"], "before": []}') == (
        "改为 领导、窗口工作人员；原为 无"
    )
