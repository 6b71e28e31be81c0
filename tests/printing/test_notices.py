"""The case documents: each rendered from a real case, read back with poppler, its barcode
scanned with zbar; issued and reprinted through the rules."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.case_models import (
    ACCEPTANCE,
    ASSIGNMENT,
    DOCUMENT_NAMES,
    EXTENSION,
    REJECTION,
    REPLY,
    REREVIEW_OPINION,
    REVIEW_OPINION,
    SUPERVISION,
    PetitionCase,
    SupervisionOrder,
)
from db.engine import Database
from hall import cases, catalog, letters, supervision
from printing import fonts, notices, typesetting
from printing.notices import Notice, notice_for, render
from printing.typesetting import break_lines
from tests.hall.test_cases import act, at

D = dt.date
HALL = "义马市群众工作部接待大厅"
ISSUED = D(2026, 7, 1)


def tool(name: str, *args: str) -> str:
    """Run a poppler or zbar tool; CI installs them, so a missing one is a failure."""
    if shutil.which(name) is None:
        pytest.fail(f"{name} is needed to read the document back (poppler-utils, zbar-tools)")
    return subprocess.run([name, *args], capture_output=True, text=True, check=True).stdout


def read_back(pdf: bytes, tmp_path: Path, name: str = "notice") -> str:
    """The document's text with the line breaks and spaces of the layout taken out."""
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    return re.sub(r"\s+", "", tool("pdftotext", str(path), "-"))


def scan(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf)
    tool("pdftoppm", "-r", "300", "-png", "-singlefile", str(path), str(tmp_path / "scan"))
    return tool("zbarimg", "--quiet", "--raw", str(tmp_path / "scan.png")).split()


@pytest.fixture
def hall(sqlite_db: Database) -> Iterator[Database]:
    with sqlite_db.write() as s:
        catalog.seed(s)
    yield sqlite_db


def a_letter(db: Database, purpose: str = "request", accused: int | None = None) -> int:
    with db.write() as s:
        return letters.register_letter(
            s,
            letters.LetterRegistration(
                sender_name="张建国",
                sender_address="义马市千秋路街道东苑小区3号楼",
                sender_phone="13903981234",
                received_on=D(2026, 3, 2),
                purpose=purpose,
                summary="反映宅基地确权中界址划定错误",
                request="要求重新勘测确权",
                accused_unit_id=accused,
            ),
            now=at(D(2026, 3, 2)),
        ).id


def document(db: Database, kind: str, case_id: int, order_id: int | None = None) -> bytes:
    with db.read() as s:
        case = s.get_one(PetitionCase, case_id)
        order = s.get_one(SupervisionOrder, order_id) if order_id else None
        return render(notice_for(kind, case, HALL, ISSUED, order))


@pytest.fixture
def through_review(hall: Database) -> tuple[Database, int, int]:
    """A case assigned, extended, supervised, replied, reviewed and re-reviewed."""
    with hall.write() as s:
        unit = cases.add_unit(s, "义马市自然资源局", "市直部门").id
    case_id = a_letter(hall)
    act(hall, cases.assign, case_id, D(2026, 3, 3), unit, D(2026, 4, 10), note="请核查档案")
    act(hall, cases.extend, case_id, D(2026, 4, 1), 20, "需组织现场勘测")
    with hall.write() as s:
        order_id = supervision.issue_order(
            s, case_id, "承办单位逾期未报送办结报告", now=at(D(2026, 5, 4))
        ).id
    act(hall, cases.report_closing, case_id, D(2026, 5, 6), "已重新勘测")
    act(
        hall,
        cases.reply,
        case_id,
        D(2026, 5, 8),
        "support",
        "经调查核实，界址划定有误。\n已责令重新勘测确权。",
    )
    act(hall, cases.request_review, case_id, D(2026, 5, 20))
    act(hall, cases.decide_review, case_id, D(2026, 6, 10), "support", "维持原处理意见。")
    act(hall, cases.request_rereview, case_id, D(2026, 6, 20))
    act(hall, cases.decide_rereview, case_id, D(2026, 7, 1), "support", "维持复查意见。")
    return hall, case_id, order_id


EXPECTED = {
    ACCEPTANCE: [
        "信访事项受理告知书",
        "于2026年3月3日决定予以受理",
        "已交由义马市自然资源局办理",
        "2026年4月30日",
    ],
    EXTENSION: [
        "信访事项延期办理告知书",
        "因需组织现场勘测",
        "办理期限延长20日",
        "延长后的办理期限至2026年5月22日",
    ],
    REPLY: [
        "信访事项处理意见书",
        "界址划定有误。",
        "已责令重新勘测确权。",
        "处理结果：予以支持。",
        "30日内",
        "请求复查",
    ],
    REVIEW_OPINION: [
        "信访事项复查意见书",
        "于2026年5月20日请求复查",
        "维持原处理意见。",
        "请求复核",
    ],
    REREVIEW_OPINION: ["信访事项复核意见书", "于2026年6月20日请求复核", "最终意见", "不再受理"],
    ASSIGNMENT: [
        "信访事项交办单",
        "义马市自然资源局：",
        "于2026年4月30日前办结",
        "13903981234",
        "要求重新勘测确权",
        "请核查档案",
    ],
    SUPERVISION: [
        "信访事项督办单",
        "义群督〔2026〕001号",
        "承办单位逾期未报送办结报告",
        "于2026年5月14日前将办理情况书面回复",
    ],
}


@pytest.mark.parametrize("kind", list(EXPECTED))
def test_each_document_reads_back_with_the_hall_the_number_and_its_facts(
    through_review: tuple[Database, int, int], kind: str, tmp_path: Path
) -> None:
    db, case_id, order_id = through_review
    pdf = document(db, kind, case_id, order_id if kind == SUPERVISION else None)
    text = read_back(pdf, tmp_path)
    assert HALL in text and "义群信〔2026〕0001号" in text
    assert "2026年7月1日" in text and "（印章）" in text
    for phrase in EXPECTED[kind]:
        assert re.sub(r"\s+", "", phrase) in text, phrase
    assert "Pages:           1" in tool("pdfinfo", str(tmp_path / "notice.pdf"))
    font_rows = [r for r in tool("pdffonts", str(tmp_path / "notice.pdf")).splitlines()[2:]]
    assert font_rows and all(fonts.FONT_NAME in r and " yes yes " in r for r in font_rows)


def test_the_rejection_names_the_legal_channel(hall: Database, tmp_path: Path) -> None:
    case_id = a_letter(hall)
    act(
        hall,
        cases.reject,
        case_id,
        D(2026, 3, 5),
        "向人民法院提起行政诉讼",
        "该事项属于行政诉讼受案范围",
    )
    text = read_back(document(hall, REJECTION, case_id), tmp_path)
    assert "信访事项不予受理告知书" in text
    assert "经审查，该事项属于行政诉讼受案范围。" in text
    assert "决定不予受理。你可以依法向人民法院提起行政诉讼。" in text


def test_the_barcode_scans_as_the_cases_code(
    through_review: tuple[Database, int, int], tmp_path: Path
) -> None:
    db, case_id, order_id = through_review
    assert scan(document(db, ACCEPTANCE, case_id), tmp_path) == ["XF2026-0001"]
    assert scan(document(db, SUPERVISION, case_id, order_id), tmp_path) == ["DB2026-001"]
    with db.read() as s:
        assert cases.by_number(s, "XF2026-0001").id == case_id


def test_an_accusation_slip_warns_and_goes_to_the_assigned_unit(
    hall: Database, tmp_path: Path
) -> None:
    with hall.write() as s:
        accused = cases.add_unit(s, "千秋路街道办事处", "乡镇街道").id
        handler = cases.add_unit(s, "义马市纪委监委信访室", "市直部门").id
    case_id = a_letter(hall, purpose="report", accused=accused)
    act(hall, cases.assign, case_id, D(2026, 3, 3), handler, D(2026, 4, 10))
    text = read_back(document(hall, ASSIGNMENT, case_id), tmp_path)
    assert "义马市纪委监委信访室：" in text
    assert "本件为检举控告件，请严格保密" in text and "千秋路街道办事处：" not in text


def test_a_reprint_is_the_same_paper(
    through_review: tuple[Database, int, int], tmp_path: Path
) -> None:
    db, case_id, _ = through_review
    pdf = document(db, REPLY, case_id)
    assert document(db, REPLY, case_id) == pdf
    with db.write() as s:
        document_id = cases.issue_document(s, case_id, REPLY, pdf, ISSUED, now=at(ISSUED)).id
    with db.write() as s:
        again = cases.reissue_document(s, document_id, "reprinted", now=at(D(2026, 7, 3)))
    assert again == pdf
    assert "处理结果：予以支持。" in read_back(again, tmp_path)


def test_long_text_flows_onto_a_second_page_with_the_header(tmp_path: Path) -> None:
    notice = Notice(
        kind=REPLY,
        hall_name=HALL,
        number="义群信〔2026〕0002号",
        barcode="XF2026-0002",
        addressee="李四",
        paragraphs=["经调查核实，现答复如下：" + "相关情况已经逐项核实并依法处理。" * 12] * 8,
        issued_on=ISSUED,
    )
    pdf = render(notice)
    (tmp_path / "long.pdf").write_bytes(pdf)
    pages = re.search(r"Pages:\s+(\d+)", tool("pdfinfo", str(tmp_path / "long.pdf")))
    assert pages is not None and int(pages.group(1)) >= 2
    second = tool("pdftotext", "-f", "2", "-l", "2", str(tmp_path / "long.pdf"), "-")
    assert HALL in second and "第2页" in re.sub(r"\s+", "", second)


def test_notice_for_needs_a_known_kind_and_an_order_for_a_supervision_slip(
    through_review: tuple[Database, int, int],
) -> None:
    db, case_id, _ = through_review
    with db.read() as s:
        case = s.get_one(PetitionCase, case_id)
        with pytest.raises(ValueError):
            notice_for("memo", case, HALL, ISSUED)
        with pytest.raises(ValueError):
            notice_for(SUPERVISION, case, HALL, ISSUED)
        assert notice_for(REPLY, case, HALL, ISSUED).title == "信访事项处理意见书"
    assert set(notices.TITLES) == set(DOCUMENT_NAMES)


def test_lines_never_start_with_closing_punctuation_nor_split_a_number() -> None:
    font = fonts.cjk_font()
    text = (
        "你于2026年3月1日反映的“宅基地确权”问题（编号义群信〔2026〕0001号），已经受理，请知悉。" * 3
    )
    for width in range(120, 400, 7):
        lines = break_lines(text, font, 14, width, width)
        assert "".join(lines) == text
        for before, after in itertools.pairwise(lines):
            assert after[0] not in typesetting.NO_LINE_START, (width, before, after)
            assert before[-1] not in typesetting.NO_LINE_END, (width, before, after)
            assert not (before[-1].isdigit() and after[0].isdigit()), (width, before, after)
