"""The kill drill of issue 19: a kiosk's ``queue issue`` and a hardware caller's ``queue call``,
the ``hall-admin`` process killed (SIGKILL) the moment its commit is visible, before it can
print the answer, then retried as the device would, on both databases.

Before: a retry without ``--request-id`` applies the action again (a second visitor, visit
and ticket; a second call, the first one a phantom nobody announces). After: the retry with
the same request id answers with what the killed attempt did. A phantom call is never lost:
its caller never confirmed it (``queue ack``), so ``queue status`` lists it and
``queue release --unreceived`` puts the visitor back at their place.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from cli import admin
from db.engine import Database
from db.models import Ticket, Visit, Visitor
from hall import queue

ROOT = Path(__file__).resolve().parents[2]
KILLS = 3
TIMEOUT = 120.0
# hall-admin whose answer never leaves: its first write to stdout, the answer it prints once
# the commit is done, waits for ever, so the test's kill always lands between the commit and
# the answer (with the answer free to go, a loaded machine could let a process answer and exit
# before the test saw its commit, and no press of the three was killed).
HALL_ADMIN_WITHOUT_ANSWER = """
import sys
import threading


class NoAnswer:
    def write(self, text):
        threading.Event().wait()

    def flush(self):
        pass


sys.stdout = NoAnswer()
from cli.admin import main

main()
"""


def count(db: Database, model: type[Ticket | Visit | Visitor], *where: Any) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where)) or 0


def killed_after_commit(db: Database, argv: list[str], committed: Callable[[], bool]) -> bool:
    """Run ``hall-admin`` and SIGKILL it as soon as ``committed()`` holds, before it answers;
    False if it ended by itself (it failed)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-c", HALL_ADMIN_WITHOUT_ANSWER, "--db", db.url, *argv],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + TIMEOUT
    try:
        while process.poll() is None and time.monotonic() < deadline:
            if committed():
                process.kill()
                process.wait(TIMEOUT)
                return process.returncode < 0
            time.sleep(0.001)
        return False
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(TIMEOUT)


def more_than(db: Database, before: int, *where: Any) -> Callable[[], bool]:
    """True once a commit has added a ticket (matching ``where``) to the ``before`` there were."""
    return lambda: count(db, Ticket, *where) > before


def retry(db: Database, capsys: pytest.CaptureFixture[str], argv: list[str]) -> Any:
    """What the device does next: the same command again, its answer read back."""
    code = admin.run(["--db", db.url, *argv])
    out, err = capsys.readouterr()
    assert (code, err) == (0, ""), err
    return json.loads(out)


@pytest.mark.parametrize("same_id", [False, True], ids=["retry-without-id", "retry-same-id"])
def test_issue_killed_after_commit_and_retried(
    hall_db: Database, capsys: pytest.CaptureFixture[str], same_id: bool
) -> None:
    killed = 0
    for press in range(KILLS):
        argv = [
            *("queue", "issue", "--window", "legal", "--name", f"张{press}"),
            *("--summary", "咨询", "--json"),
        ]
        with_id = [*argv, "--request-id", f"kiosk-7-{press}"]
        before = count(hall_db, Ticket)
        killed += killed_after_commit(hall_db, with_id, more_than(hall_db, before))
        retry(hall_db, capsys, with_id if same_id else argv)
    tickets, visits, visitors = (count(hall_db, m) for m in (Ticket, Visit, Visitor))
    with capsys.disabled():
        print(f"\nissue: {KILLS} presses, {killed} killed after commit, {same_id=}: {tickets=}")
    assert killed == KILLS
    if same_id:
        assert tickets == visits == visitors == KILLS
    else:
        # Every kill after the commit made a duplicate visitor, visit and ticket.
        assert tickets == visits == visitors == KILLS + killed


@pytest.mark.parametrize("same_id", [False, True], ids=["retry-without-id", "retry-same-id"])
def test_call_killed_after_commit_and_retried(
    hall_db: Database, capsys: pytest.CaptureFixture[str], same_id: bool
) -> None:
    with hall_db.write() as s:
        for _ in range(2 * KILLS):
            queue.issue_ticket(s, "legal")
    killed = 0
    for press in range(KILLS):
        argv = ["queue", "call", "--window", "legal", "--json"]
        with_id = [*argv, "--request-id", f"caller-3-{press}"]
        before = count(hall_db, Ticket, Ticket.status == queue.CALLED)
        killed += killed_after_commit(
            hall_db, with_id, more_than(hall_db, before, Ticket.status == queue.CALLED)
        )
        answer = retry(hall_db, capsys, with_id if same_id else argv)
        # The caller shows the number, then confirms it received the call.
        assert admin.run(["--db", hall_db.url, "queue", "ack", answer["call_id"]]) == 0
        capsys.readouterr()
    called = count(hall_db, Ticket, Ticket.status == queue.CALLED)
    # A call unconfirmed for a second is taken as lost.
    time.sleep(1.1)
    status = retry(hall_db, capsys, ["queue", "status", "--json", "--seconds", "1"])
    phantoms = status["unconfirmed_calls"]
    with capsys.disabled():
        print(
            f"\ncall: {KILLS} presses, {killed} killed after commit, {same_id=}: "
            f"{called=} {phantoms=}"
        )
    assert killed == KILLS
    if same_id:
        assert (called, phantoms) == (KILLS, [])
        return
    assert called == KILLS + killed and len(phantoms) == killed
    released = retry(
        hall_db, capsys, ["queue", "release", "--unreceived", "--seconds", "1", "--json"]
    )
    assert [t["number"] for t in released["released"]] == phantoms
    assert count(hall_db, Ticket, Ticket.status == queue.CALLED) == KILLS
