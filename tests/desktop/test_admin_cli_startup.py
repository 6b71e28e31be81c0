"""A hardware caller's press runs ``hall-admin queue call``: it must load only what calling
needs, not the name search (pypinyin), the migrations (Alembic), the documents (reportlab,
python-escpos) or the ledgers (openpyxl), and it must not touch a schema already current."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from db import migrate
from db.engine import Database
from hall import queue
from tests.desktop.test_admin_cli import TIMEOUT

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("alembic", "pypinyin", "reportlab", "escpos", "openpyxl", "PySide6")
# Run the command in-process so that what it imported can be listed afterwards.
PROBE = """
import json, sys
from cli.admin import run
code = run(sys.argv[1:])
print(json.dumps({"code": code, "loaded": sorted({m.split(".")[0] for m in sys.modules})}))
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
