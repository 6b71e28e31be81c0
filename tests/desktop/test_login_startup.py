"""The desktop program's log-in window comes first and alone (issue 16: on screen within a
second): what only the main window, the documents, the ledgers, the figures or the settings
need is loaded after someone logs in, not before. Whole-process figures are in BENCHMARKS.md
("Start-up")."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from db.audit_log import key_path as audit_key_path
from db.engine import Database
from hall import keys, settings
from tests.desktop.test_admin_cli import TIMEOUT

ROOT = Path(__file__).resolve().parents[2]
# What the log-in window does not need: the main window and its pages, the documents
# (reportlab, barcodes, ESC/POS), the ledgers (openpyxl), the name search (pypinyin), the
# figures' charts, the settings' speech and printing, the migrations (Alembic: the schema is
# current), the demo hall.
NOT_BEFORE_LOGIN = (
    "desktop.main_window",
    "desktop.front_desk",
    "desktop.statistics",
    "desktop.security_pages",
    "desktop.settings_page",
    "windows",
    "reportlab",
    "barcode",
    "escpos",
    "openpyxl",
    "pypinyin",
    "PySide6.QtCharts",
    "PySide6.QtTextToSpeech",
    "PySide6.QtPrintSupport",
    "alembic",
    "hall.demo",
    "hall.figures",
    "hall.ledgers",
)
# The program, stopped the moment its log-in window is shown, says what it had loaded.
PROBE = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop import login

shown = login.LoginDialog.showEvent

def show_event(self, event):
    shown(self, event)
    print(json.dumps({"title": self.windowTitle(), "loaded": sorted(sys.modules)}))
    sys.stdout.flush()
    QTimer.singleShot(0, lambda: QApplication.instance().exit(0))

login.LoginDialog.showEvent = show_event
from desktop.app import run
sys.exit(run(sys.argv[1:]))
"""


def test_the_log_in_window_loads_nothing_it_does_not_need(
    hall_db: Database, tmp_path: Path
) -> None:
    with hall_db.write() as s:
        settings.put(s, settings.SETUP_DONE, True)
    # A data directory of its own (the start makes the day's backup there), with the keys.
    for key in (keys.key_path(), audit_key_path()):
        if key.exists():
            shutil.copy(key, tmp_path / key.name)
    env = dict(os.environ, HALL_DATA_DIR=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "--db", hall_db.url],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        cwd=ROOT,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout.splitlines()[-1])
    assert shown["title"] == "登录"
    loaded = shown["loaded"]
    early = [
        heavy
        for heavy in NOT_BEFORE_LOGIN
        if any(m == heavy or m.startswith(heavy + ".") for m in loaded)
    ]
    assert early == []
