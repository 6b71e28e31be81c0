"""``hall-admin dispute|workday|station`` on both databases."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from cli.admin import run
from db.engine import Database
from hall import demo, users
from hall.mechanisms import hearings, stations
from hall.mechanisms.outbox import Outbox


def admin(db: Database, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = run(["--db", db.url, *argv])
    except SystemExit as usage:
        code = int(usage.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_lists_figures_and_papers(
    db: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with db.write() as s:
        demo.seed_demo(s)
    code, out, _ = admin(db, capsys, "dispute", "list", "--overdue")
    assert code == 0 and "已超期" in out and len(out.splitlines()) == 1
    code, out, _ = admin(db, capsys, "dispute", "rates", "--by", "leader", "--json")
    assert code == 0 and {r["closed"] for r in json.loads(out)} == {0}
    _, listed, _ = admin(db, capsys, "dispute", "list", "--json")
    assigned = [r["number"] for r in json.loads(listed) if r["assignment_number"]]
    slip = tmp_path / "slip.pdf"
    code, out, _ = admin(db, capsys, "dispute", "slip", assigned[0], "--out", str(slip))
    assert code == 0 and slip.read_bytes().startswith(b"%PDF")
    code, out, _ = admin(db, capsys, "station", "ranking", "--by", "township")
    assert code == 0 and out.splitlines()[0].startswith("1. 千秋镇")
    code, _, err = admin(db, capsys, "dispute", "slip", "纠〔1999〕0001号", "--out", str(slip))
    assert code != 0 and "找不到编号" in err


def test_a_station_pc_sends_its_outbox(
    db: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with db.write() as s:
        user = users.add_user(s, "zhan", "工作站", "secret1", [users.STATION])
        stations.set_member(s, user.id, "千秋镇群众工作站", "千秋镇")
    path = tmp_path / "outbox.sqlite3"
    Outbox(path).keep(stations.new_draft("request", "路灯不亮", person="甲"), user.id)
    code, out, _ = admin(db, capsys, "station", "send", "--outbox", str(path))
    assert code == 0 and "已报送 1 条，待报送 0 条" in out
    code, out, _ = admin(db, capsys, "station", "send", "--outbox", str(path))
    assert "已报送 0 条" in out
    with db.read() as s:
        assert len(stations.letters_inbox(s)) == 1


def test_hearing_papers(db: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with db.write() as s:
        hearing = hearings.schedule(
            s, hearings.HearingInput("公交线路调整", dt.date(2026, 6, 8), "会议室", "李红")
        )
        hearings.record(s, hearing.id, "多数赞成。", "support")
    notice, record = tmp_path / "notice.pdf", tmp_path / "record.pdf"
    code, out, _ = admin(db, capsys, "hearing", "notice", "听〔2026〕001号", "--out", str(notice))
    assert code == 0 and "听证通知书已保存" in out and notice.read_bytes().startswith(b"%PDF")
    code, out, _ = admin(db, capsys, "hearing", "record", "听〔2026〕001号", "--out", str(record))
    assert code == 0 and record.read_bytes().startswith(b"%PDF")
    code, _, err = admin(db, capsys, "hearing", "record", "听〔2026〕999号", "--out", str(record))
    assert code != 0 and "找不到编号" in err
