"""A hardware caller's press runs ``hall-admin queue call``: it must load only what calling
needs, not the name search (pypinyin), the migrations (Alembic), the documents (reportlab,
python-escpos) or the ledgers (openpyxl), nor declare the tables of the cases, the court or the
windows' records, and it must not touch a schema already current."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from db import migrate
from db.engine import Database
from hall import at_rest, clock, queue, reception
from tests.desktop.test_admin_cli import TIMEOUT
from tests.hall.test_audit import verify

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("alembic", "pypinyin", "reportlab", "escpos", "openpyxl", "PySide6")
# The model modules a call has no use for (db.schema imports them all), the other commands'
# modules and the catalogue that building their options would load.
UNNEEDED = (
    "db.schema",
    "db.case_models",
    "db.court_models",
    "db.court_limit_models",
    "db.window_models",
    "db.figure_models",
    "db.ledger_models",
    "db.appointment_models",
    "db.mechanism_models",
    "cli.security_commands",
    "cli.appointment_commands",
    "cli.audit_commands",
    "cli.device_commands",
    "cli.mechanism_parser",
    "hall.catalog",
    "hall.setup",
    "hall.satisfaction",
)
# Run the command in-process so that what it imported can be listed afterwards.
PROBE = """
import json, sys
from cli.admin import run
code = run(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def _run(url: str, *argv: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "--db", url, *argv],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        cwd=ROOT,
    )
    assert result.stderr == "", result.stderr
    data = json.loads(result.stdout.splitlines()[-1])
    assert isinstance(data, dict)
    data["loaded"] = sorted({m.split(".")[0] for m in data["modules"]})
    return data


def test_queue_call_loads_nothing_heavy(hall_db: Database) -> None:
    with hall_db.write() as s:
        number = queue.issue_ticket(s, "legal").number
    called = _run(hall_db.url, "queue", "call", "--ticket", number, "--reason", "行动不便")
    assert called["code"] == 0
    loaded = called["loaded"]
    assert isinstance(loaded, list)
    assert [name for name in HEAVY if name in loaded] == []
    status = _run(hall_db.url, "queue", "status")
    assert status["code"] == 0
    assert isinstance(status["loaded"], list) and "alembic" not in status["loaded"]


def test_queue_call_declares_only_the_queue_tables(hall_db: Database) -> None:
    # As in a hall opened before: its data is all under the current key, and says so (a first
    # opening walks every table, and declares them all, to encrypt what is not).
    at_rest.encrypt_pending(hall_db)
    with hall_db.write() as s:
        queue.issue_ticket(s, "legal")
    called = _run(hall_db.url, "queue", "call", "--window", "legal")
    assert called["code"] == 0
    modules = called["modules"]
    assert isinstance(modules, list)
    assert [name for name in UNNEEDED if name in modules] == []
    # Finishing or transferring a ticket changes its visit: the archive's check is loaded.
    assert "hall.archive" in modules
    # Only the dialect of the database in use is loaded.
    other = "sqlite" if hall_db.url.startswith("postgresql") else "postgresql"
    assert f"sqlalchemy.dialects.{other}" not in modules


def test_calling_a_visitor_decrypts_nothing_and_loads_no_cipher(hall_db: Database) -> None:
    # The press shows the number and the name; the visitor's phone, ID number, address and
    # the visit's summary stay encrypted, so cryptography's extension (7.6 MB) is not loaded.
    with hall_db.write() as s:
        reception.register(
            s,
            reception.Registration(
                name="王大明",
                window="legal",
                id_number="330782198001010012",
                phone="13800138000",
                address="幸福路 8 号",
                purpose="request",
                summary="邻居借款不还",
            ),
            now=clock.now(),
        )
    called = _run(hall_db.url, "queue", "call", "--window", "legal")
    assert called["code"] == 0
    assert isinstance(called["loaded"], list) and "cryptography" not in called["loaded"]
    # What the press did is on the audit record (HMAC-SM3 from Python's hashlib).
    assert verify(hall_db).returncode == 0


def test_the_head_is_read_from_the_migration_files() -> None:
    """The cheap reading of the files agrees with Alembic's own."""
    from alembic.script import ScriptDirectory

    assert migrate.head_revision() == ScriptDirectory(str(migrate.MIGRATIONS)).get_current_head()


def test_a_schema_behind_is_still_migrated(tmp_path: Path) -> None:
    empty = Database(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    assert migrate.current_revision(empty.engine) is None
    assert _run(empty.url, "queue", "status")["code"] == 0
    assert migrate.current_revision(empty.engine) == migrate.head_revision()
    empty.dispose()
