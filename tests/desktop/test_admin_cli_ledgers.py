"""``hall-admin ledger``: template → import round trip, a bad file refused with every problem
listed and nothing written, ``--dry-run`` writing nothing, the ``--json`` shape, and a court
ledger that needs a clerk — on both databases, in process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from cli import admin as admin_cli
from cli.common import EXIT_REFUSED
from db.engine import Database
from db.models import Visit, Visitor
from tests.hall.ledger_helpers import LI, visit_row, xlsx


def run(capsys: pytest.CaptureFixture[str], db: Database, *argv: str) -> tuple[int, str, str]:
    code = admin_cli.run(["--db", db.url, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def visits(db: Database) -> tuple[int, int]:
    with db.read() as s:
        return (
            s.scalar(select(func.count()).select_from(Visitor)) or 0,
            s.scalar(select(func.count()).select_from(Visit)) or 0,
        )


def test_template_imports_back(
    hall_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = tmp_path / "模板.xlsx"
    code, out, err = run(capsys, hall_db, "ledger", "template", "visits", str(template))
    assert (code, err) == (0, "")
    assert out == f"已把来信来访登记台账的模板保存到 {template}。\n"
    code, out, err = run(capsys, hall_db, "ledger", "import", "visits", str(template))
    assert (code, err) == (0, "")
    assert out.startswith("导入完成，新建：") and "来访登记 1 条" in out
    assert visits(hall_db) == (1, 1)
    # The same file again writes nothing and says so.
    code, out, _ = run(capsys, hall_db, "ledger", "import", "visits", str(template))
    assert code == 0 and out == "没有新的记录需要导入：文件的 1 行都已导入过。\n"
    assert visits(hall_db) == (1, 1)


def test_a_bad_file_lists_every_problem_and_writes_nothing(
    hall_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(
        xlsx(
            [
                visit_row(),
                visit_row(登记日期="2026-13-40", 信访形式="托梦"),
                visit_row(
                    证件号码="410381198001010010", 受理日期="2026-04-01", 办结日期="2026-03-01"
                ),
            ]
        )
    )
    code, out, err = run(capsys, hall_db, "ledger", "import", "visits", str(bad))
    assert code == EXIT_REFUSED
    lines = out.splitlines()
    assert lines[0].startswith("文件中有 4 处问题，没有导入任何记录。")
    places = [line.split("：")[0] for line in lines[1:]]
    assert places == [
        "第 3 行“登记日期”",
        "第 3 行“信访形式”",
        "第 4 行“证件号码”",
        "第 4 行“办结日期”",
    ]
    assert err.startswith("错误：文件中有 4 处问题")
    assert visits(hall_db) == (0, 0)


def test_dry_run_writes_nothing_and_json_shape(
    hall_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.xlsx"
    good.write_bytes(xlsx([visit_row(), visit_row(姓名="李秀英", 证件号码=LI)]))
    code, out, err = run(
        capsys, hall_db, "ledger", "import", "visits", str(good), "--dry-run", "--json"
    )
    assert (code, err) == (0, "")
    shown = json.loads(out)
    assert shown == {
        "kind": "visits",
        "ok": True,
        "dry_run": True,
        "rows": 2,
        "already_imported": 0,
        "created": shown["created"],
        "problems": [],
        "message": shown["message"],
    }
    assert shown["created"]["新建来访人"] == 2 and shown["created"]["来访登记"] == 2
    assert shown["message"].startswith("预检通过，将导入")
    assert visits(hall_db) == (0, 0)
    code, out, _ = run(capsys, hall_db, "ledger", "import", "visits", str(good), "--json")
    assert code == 0 and json.loads(out)["created"] == shown["created"]
    assert visits(hall_db) == (2, 2)


def test_json_lists_problems(
    hall_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(xlsx([visit_row(姓名="")]))
    code, out, _ = run(capsys, hall_db, "ledger", "import", "visits", str(bad), "--json")
    assert code == EXIT_REFUSED
    shown = json.loads(out)
    assert shown["ok"] is False
    assert shown["problems"] == [
        {"row": 2, "column": "姓名", "what": "请填写来访人姓名。", "fix": "请填写姓名"}
    ]


def test_court_ledger_needs_a_clerk_and_export_writes_the_template_columns(
    hall_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = tmp_path / "court.xlsx"
    assert run(capsys, hall_db, "ledger", "template", "court", str(template))[0] == 0
    code, out, err = run(capsys, hall_db, "ledger", "import", "court", str(template))
    assert (code, out) == (EXIT_REFUSED, "")
    assert err == "错误：导入法庭收案台账须以法庭书记员或管理员的身份进行。\n"
    exported = tmp_path / "export.xlsx"
    code, out, err = run(
        capsys,
        hall_db,
        "ledger",
        "export",
        "visits",
        "--from",
        "2026-01-01",
        "--to",
        "2026-06-30",
        str(exported),
    )
    assert (code, err) == (0, "")
    assert out == f"已把 2026-01-01 至 2026-06-30 的来信来访登记台账保存到 {exported}。\n"
    assert exported.stat().st_size > 0


def test_a_missing_file_is_one_chinese_line(
    hall_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, hall_db, "ledger", "import", "visits", str(tmp_path / "无.xlsx"))
    assert (code, out) == (EXIT_REFUSED, "")
    assert err.startswith("错误：无法读取文件") and "请检查文件路径是否正确" in err
