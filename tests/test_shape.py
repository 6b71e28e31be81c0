"""The shape of the code, checked as a test so it fails where it is broken: no module a newcomer
cannot hold (600 lines), and no screen that runs its own query."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("desktop", "windows", "kit", "cli", "hall", "printing", "db")
SCREENS = ("desktop", "windows", "kit")
MAX_LINES = 600


def modules(*packages: str) -> list[Path]:
    found = [p for package in packages for p in (ROOT / package).rglob("*.py")]
    return sorted(p for p in found if "migrations" not in p.parts)


@pytest.mark.parametrize("path", modules(*PACKAGES), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_passes_600_lines(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(ROOT)} has {lines} lines: split it"


def imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", modules(*SCREENS), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_screen_imports_sqlalchemy(path: Path) -> None:
    database = sorted(n for n in imported(path) if n.split(".")[0] in ("sqlalchemy", "psycopg"))
    assert not database, f"{path.relative_to(ROOT)} imports {database}: call a hall function"
