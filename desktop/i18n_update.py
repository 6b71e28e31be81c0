"""Refresh the translation sources from the code: ``make lupdate``.

Each area of the program has its own .ts file so that screens can be translated
independently; lupdate keeps the translations already there and adds new strings as
unfinished, which the i18n test then refuses.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGUAGE = "zh_CN"
# The front desk's modules: the screen, its panels, and receipt printing.
DESK_MODULES = ("desktop/front_desk", "desktop/receipt_")
SHELL_MODULES = sorted(str(f.relative_to(ROOT)) for f in (ROOT / "desktop").glob("*.py"))

# The administration screens of the windows' lists, units and staffing (not the CLI).
ADMIN_MODULES = tuple(p for p in SHELL_MODULES if p.startswith("desktop/admin_"))

# Formal cases: the letters desk, the supervisors' screen and the holiday calendar.
CASES_MODULES = (
    "windows/letters",
    "desktop/supervision_screen.py",
    "desktop/holiday_calendar_screen.py",
)
# Accounts and audit (issue 15): users and security rules, the audit, the idle lock, passwords.
SECURITY_MODULES = (
    "desktop/users_screen.py",
    "desktop/audit_screen.py",
    "desktop/idle_lock.py",
    "desktop/password_dialog.py",
    "desktop/security_pages.py",
    "desktop/backup_screen.py",
)
# The court clerk's desk: windows/court.py and its split modules.
COURT_MODULES = ("windows/court",)
# The hall's mechanisms: the dispute register, the weekly meeting, the township stations.
MECHANISM_MODULES = ("windows/mechanisms",)
WINDOWS_MODULES = sorted(str(f.relative_to(ROOT)) for f in (ROOT / "windows").rglob("*.py"))
# The 统计分析 screen: desktop/statistics/.
FIGURES_MODULES = sorted(
    str(f.relative_to(ROOT)) for f in (ROOT / "desktop" / "statistics").glob("*.py")
)
KIT_MODULES = sorted(str(f.relative_to(ROOT)) for f in (ROOT / "kit").rglob("*.py"))

AREAS: dict[str, list[str]] = {
    # The shell: log-in, main window, display, setup, settings.
    "shell": [
        p
        for p in SHELL_MODULES
        if not p.startswith((*DESK_MODULES, *ADMIN_MODULES, *CASES_MODULES, *SECURITY_MODULES))
    ],
    # The front desk.
    "desk": [p for p in SHELL_MODULES if p.startswith(DESK_MODULES)],
    # What every screen shares.
    "kit": KIT_MODULES,
    # Every window's workstation.
    "windows": [
        p
        for p in WINDOWS_MODULES
        if not p.startswith((*CASES_MODULES, *COURT_MODULES, *MECHANISM_MODULES))
    ],
    "admin": list(ADMIN_MODULES),
    "cases": [p for p in [*SHELL_MODULES, *WINDOWS_MODULES] if p.startswith(CASES_MODULES)],
    "court": [p for p in WINDOWS_MODULES if p.startswith(COURT_MODULES)],
    "figures": FIGURES_MODULES,
    "mechanisms": [p for p in WINDOWS_MODULES if p.startswith(MECHANISM_MODULES)],
    "security": list(SECURITY_MODULES),
}


def ts_file(area: str) -> Path:
    return ROOT / "resources" / "i18n" / f"{area}_{LANGUAGE}.ts"


def lupdate(area: str, target: Path) -> None:
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run(
        [
            str(tool),
            "-silent",
            "-no-obsolete",
            "-target-language",
            LANGUAGE,
            *AREAS[area],
            "-ts",
            str(target),
        ],
        cwd=ROOT,
        check=True,
    )


def main() -> None:
    for area in AREAS:
        lupdate(area, ts_file(area))
        print(f"updated {ts_file(area).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
