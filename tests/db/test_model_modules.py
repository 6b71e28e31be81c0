"""Each model module declares its tables alone: imported first in a fresh process, whatever its
foreign keys and relationships name is declared with it, so its mappers configure and a flush
can order its tables. A hardware caller's ``queue call`` relies on it to declare only the
queue's tables; ``db.schema`` is where every table is, and it must list every module."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DECLARING = sorted(
    f"db.{path.stem}"
    for path in (ROOT / "db").glob("*.py")
    if "__tablename__" in path.read_text(encoding="utf-8")
)
# Configure the mappers and resolve every foreign key of every table declared (as a flush's
# ordering of the tables does), then list the modules declaring them.
ALONE = """
import sys
import importlib
from sqlalchemy.orm import configure_mappers

importlib.import_module(sys.argv[1])
from db.models import Base

configure_mappers()
for table in Base.metadata.sorted_tables:
    for key in table.foreign_keys:
        key.column
print(" ".join(sorted(m for m in sys.modules if m in sys.argv[2:])))
"""


def _alone(module: str) -> list[str]:
    """The model modules loaded by importing ``module`` alone (after checking them)."""
    result = subprocess.run(
        [sys.executable, "-c", ALONE, module, *DECLARING],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_the_modules_are_found() -> None:
    assert {"db.models", "db.case_models", "db.window_models", "db.summary_index"} <= set(DECLARING)


@pytest.mark.parametrize("module", DECLARING)
def test_a_model_module_declares_what_it_names(module: str) -> None:
    assert module in _alone(module)


def test_the_schema_declares_every_table() -> None:
    assert _alone("db.schema") == DECLARING


def test_the_queue_declares_only_its_own_tables() -> None:
    """What ``queue call`` imports declares the queue's tables (and the accounts' and the
    devices' it writes), not the cases', the court's or the windows' records."""
    assert _alone("hall.queue") == ["db.account_models", "db.models", "db.summary_index"]
