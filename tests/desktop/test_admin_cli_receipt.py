"""``hall-admin queue issue --name ... --receipt FILE.pdf``: a kiosk or a script registers a
visitor, takes a number and gets the intake receipt as a PDF, read back with poppler and
scanned with zbar, on both databases."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import func, select

from cli import admin as admin_cli
from db.engine import Database
from db.models import Ticket, Visit
from tests.desktop.conftest import HALL_ADMIN


def run(capsys: pytest.CaptureFixture[str], db: Database, *argv: str) -> tuple[int, str, str]:
    code = admin_cli.run(["--db", db.url, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def tool(name: str, *args: str) -> str:
    if shutil.which(name) is None:
        pytest.fail(f"{name} is needed to read receipts back (poppler-utils, zbar-tools)")
    return subprocess.run([name, *args], capture_output=True, text=True, check=True).stdout


def only_visit(db: Database) -> Visit:
    with db.read() as s:
        return s.scalars(select(Visit)).one()


def tickets(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Ticket)) or 0)


@pytest.mark.parametrize(("layout", "width"), [("80mm", 227), ("a4", 595)])
def test_the_receipt_pdf_carries_the_ticket_and_no_identity(
    hall_db: Database,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    layout: str,
    width: int,
) -> None:
    pdf = tmp_path / "receipt.pdf"
    code, out, err = run(
        capsys,
        hall_db,
        "queue",
        "issue",
        "--window",
        "legal",
        "--name",
        "张三丰",
        "--summary",
        "农民工工资被拖欠三个月",
        "--receipt",
        str(pdf),
        "--layout",
        layout,
    )
    assert (code, err) == (0, "")
    assert out.splitlines() == ["A001  法律服务  等候中", f"凭条已保存：{pdf}"]
    visit = only_visit(hall_db)
    assert visit.visitor.name == "张三丰" and visit.purpose == "request"

    text = tool("pdftotext", "-layout", str(pdf), "-")
    for shown in ("群众工作部接待大厅", "A001", "法律服务", "一楼 1 号窗口", "张**"):
        assert shown in text
    assert f"查询码：{visit.query_code}" in text.replace(" ", "")
    assert "张三丰" not in text
    image = tmp_path / "scan"
    tool("pdftoppm", "-r", "200", "-png", "-singlefile", str(pdf), str(image))
    assert tool("zbarimg", "--quiet", "--raw", f"{image}.png").strip() == visit.code
    size = re.search(r"Page size:\s+([\d.]+) x", tool("pdfinfo", str(pdf)))
    assert size is not None and round(float(size[1])) == width


def test_a_receipt_needs_a_registered_visitor(
    hall_db: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(
        capsys, hall_db, "queue", "issue", "--window", "legal", "--receipt", str(tmp_path / "r.pdf")
    )
    assert (code, out) == (admin_cli.EXIT_REFUSED, "")
    assert err == (
        "错误：凭条印有来访登记的查询码和条码：要打印凭条，请用 --name 登记来访人"
        "（可加 --purpose、--summary）。\n"
    )
    assert tickets(hall_db) == 0 and not (tmp_path / "r.pdf").exists()


def test_a_receipt_that_cannot_be_saved_leaves_the_ticket_issued(
    hall_db: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    nowhere = tmp_path / "no such folder" / "r.pdf"
    code, out, err = run(
        capsys,
        hall_db,
        "queue",
        "issue",
        "--window",
        "aid",
        "--name",
        "李建国",
        "--purpose",
        "report",
        "--summary",
        "反映村干部侵占扶贫款",
        "--receipt",
        str(nowhere),
    )
    assert code == admin_cli.EXIT_REFUSED
    assert out == "D001  帮扶济困  等候中\n"
    assert err.startswith(f"错误：号票 D001 已发出，但无法保存 PDF 文件“{nowhere}”：")
    assert err.endswith("已登记的记录不受影响，可以重新打印或保存。\n")
    assert tickets(hall_db) == 1


def test_an_invalid_registration_is_refused_before_anything_is_written(
    hall_db: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(
        capsys,
        hall_db,
        "queue",
        "issue",
        "--window",
        "legal",
        "--name",
        " ",
        "--receipt",
        str(tmp_path / "r.pdf"),
    )
    assert (code, out, err) == (admin_cli.EXIT_REFUSED, "", "错误：请填写来访人姓名。\n")
    assert tickets(hall_db) == 0


@pytest.mark.parametrize("summary", [[], ["--summary", "  "]], ids=["none", "blank"])
def test_a_visit_is_not_registered_without_its_summary(
    hall_db: Database, capsys: pytest.CaptureFixture[str], summary: list[str]
) -> None:
    code, out, err = run(
        capsys, hall_db, "queue", "issue", "--window", "legal", "--name", "张三", *summary
    )
    assert (code, out) == (admin_cli.EXIT_REFUSED, "")
    assert err == "错误：登记来访须写明事由摘要：请加 --summary。\n"
    assert tickets(hall_db) == 0


def test_the_installed_command_gives_the_receipt_with_json(
    hall_db: Database, tmp_path: Path
) -> None:
    pdf = tmp_path / "凭条.pdf"
    done = subprocess.run(
        [
            HALL_ADMIN,
            "--db",
            hall_db.url,
            "queue",
            "issue",
            "--window",
            "opinion",
            "--name",
            "赵淑兰",
            "--purpose",
            "opinion",
            "--summary",
            "建议在新区增设公交站点",
            "--receipt",
            str(pdf),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    issued = json.loads(done.stdout)
    assert (issued["number"], issued["window"], issued["receipt"]) == ("C001", "opinion", str(pdf))
    text = tool("pdftotext", str(pdf), "-")
    assert "C001" in text and "社情民意" in text and "意见建议" in text and "赵*" in text
