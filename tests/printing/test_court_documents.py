"""The court's papers rendered from real records, read back with poppler, barcodes scanned
with zbar: the hand-over slip, the 调解书 / 调解协议书, the case cover sheet."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from db.court_models import BY_DOCUMENT, BY_TRANSCRIPT, JUDGMENT, CourtCase, CourtHandoff
from db.engine import Database
from hall import catalog, court, court_cases, settings, users
from printing import fonts
from printing.court_documents import (
    CoverSheet,
    HandoffSlip,
    MediationPaper,
    cover_for,
    handoff_slip_for,
    mediation_for,
    numeral_date,
    render_cover_sheet,
    render_handoff_slip,
    render_mediation,
)
from tests.hall.court_helpers import T0, accept, add_people, hand_off, new_visit, register

HALL = "义马市群众工作部接待大厅"
A4_INCHES = (210 / 25.4, 297 / 25.4)
TERMS = "被告张小山于2026年4月30日前归还原告王大海借款三万元\n原告放弃利息请求"


def tool(name: str, *args: str) -> str:
    """Run a poppler or zbar tool; CI installs them, so a missing one is a failure."""
    if shutil.which(name) is None:
        pytest.fail(f"{name} is needed to read the papers back (poppler-utils, zbar-tools)")
    return subprocess.run([name, *args], capture_output=True, text=True, check=True).stdout


def read_back(tmp_path: Path, pdf: bytes, name: str) -> str:
    """The text of the PDF, with the line breaks and spacing of the layout removed."""
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    return re.sub(r"\s+", "", tool("pdftotext", str(path), "-"))


def pages(tmp_path: Path, pdf: bytes) -> int:
    path = tmp_path / "pages.pdf"
    path.write_bytes(pdf)
    match = re.search(r"Pages:\s+(\d+)", tool("pdfinfo", str(path)))
    assert match
    return int(match[1])


def scanned(tmp_path: Path, pdf: bytes, parts: int = 1) -> list[str]:
    """What a barcode scanner reads off the printed page (300 dpi), cut into ``parts`` strips
    from top to bottom: zbar reports identical codes on one image as one."""
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf)
    width, height = round(A4_INCHES[0] * 300), round(A4_INCHES[1] * 300)
    codes = []
    for part in range(parts):
        strip = height // parts
        prefix = tmp_path / f"scan{part}"
        tool(
            "pdftoppm",
            "-r",
            "300",
            "-png",
            "-singlefile",
            "-x",
            "0",
            "-y",
            str(part * strip),
            "-W",
            str(width),
            "-H",
            str(strip),
            str(path),
            str(prefix),
        )
        result = subprocess.run(
            ["zbarimg", "--quiet", "--raw", f"{prefix}.png"], capture_output=True, text=True
        )
        codes += result.stdout.split()
    return codes


@pytest.fixture
def hall(sqlite_db: Database) -> Database:
    with sqlite_db.write() as s:
        catalog.seed(s)
        settings.put(s, settings.HALL_NAME, HALL)
    add_people(sqlite_db)
    return sqlite_db


def slip_of(db: Database, handoff_id: int) -> HandoffSlip:
    with db.read() as s:
        head = court.letterhead(s)
        return handoff_slip_for(
            s.get_one(CourtHandoff, handoff_id), head.hall_name, head.circuit_court
        )


def test_the_slip_carries_everything_the_court_needs_in_two_copies(
    hall: Database, tmp_path: Path
) -> None:
    handoff_id = hand_off(hall, new_visit(hall))
    slip = slip_of(hall, handoff_id)
    pdf = render_handoff_slip(slip)
    text = read_back(tmp_path, pdf, "slip")
    for expected in (
        HALL,
        "义马市人民法院便民巡回法庭",
        "涉法涉诉事项移交单",
        "编号：移交〔2026〕0001号",
        "2026年3月2日09:00",
        "法律服务窗口",
        "王大海",
        "张小山",
        "归还借款三万元及利息",
        "移交人李明",
        "V20260302",
        "YJ2026-0001",
    ):
        assert expected in text, expected
    assert text.count("接收书记员（签字）") == 2
    assert "第一联巡回法庭留存" in text and "第二联移交窗口存根" in text
    assert pages(tmp_path, pdf) == 1
    assert scanned(tmp_path, pdf, parts=2) == ["YJ2026-0001", "YJ2026-0001"]
    # A reprint is the same paper.
    assert render_handoff_slip(slip_of(hall, handoff_id)) == pdf


def mediated_case(db: Database, form: str, registered: bool) -> int:
    case_id = accept(db, hand_off(db, new_visit(db)))
    if registered:
        register(db, case_id)
    with db.write() as s:
        clerk = users.by_login(s, "shuji")
        court_cases.record_mediation(s, case_id, T0.date(), "赵德明", "agreed", clerk, now=T0)
        court_cases.close_by_mediation(s, case_id, form, TERMS, clerk, now=T0)
    return case_id


def paper(db: Database, case_id: int) -> bytes:
    with db.read() as s:
        case = s.get_one(CourtCase, case_id)
        head = court.letterhead(s)
        return render_mediation(
            mediation_for(case, head.court_name, head.tribunal, court_cases.clerk_of(s, case))
        )


def test_the_mediation_document_of_a_registered_case(hall: Database, tmp_path: Path) -> None:
    case_id = mediated_case(hall, BY_DOCUMENT, registered=True)
    text = read_back(tmp_path, paper(hall, case_id), "mediation")
    for expected in (
        "义马市人民法院",
        "民事调解书",
        "（2026）豫1281民初1号",
        "原告：王大海，男，46岁，汉族，个体经营，住义马市千秋路街道红旗社区幸福路8号",
        "被告：张小山，男，工作单位：义马市某建材商店，住义马市新区街道杨村12号。",
        "本院于2026年3月2日立案后，依法适用简易程序进行审理。",
        "诉讼请求：判令被告归还借款三万元及利息",
        "经本院主持调解，双方当事人自愿达成如下协议：",
        "1．被告张小山于2026年4月30日前归还原告王大海借款三万元",
        "2．原告放弃利息请求",
        "本案免交诉讼费用。",
        "本调解书经双方当事人签收后，即具有法律效力。",
        "审判员赵德明二〇二六年三月二日（义马市人民法院印）书记员陈洁",
    ):
        assert expected in text, expected
    assert "甲方" not in text


def test_the_agreement_of_a_file_mediated_at_reception(hall: Database, tmp_path: Path) -> None:
    case_id = mediated_case(hall, BY_TRANSCRIPT, registered=False)
    text = read_back(tmp_path, paper(hall, case_id), "agreement")
    for expected in (
        "义马市人民法院便民巡回法庭调解协议书",
        "甲方：王大海乙方：张小山",
        "经便民巡回法庭主持调解",
        "纠纷事项：归还借款三万元及利息",
        "本次调解不收取任何费用。",
        "1．被告张小山于2026年4月30日前归还原告王大海借款三万元",
        "三十日内，共同向人民法院申请司法确认",
        "甲方（签字）",
        "乙方（签字）",
        "调解人：赵德明",
        "2026年3月2日",
    ):
        assert expected in text, expected
    assert "民初" not in text and "审判员" not in text and "诉讼请求" not in text


def test_court_dates_are_written_in_chinese_numerals() -> None:
    assert numeral_date(dt.date(2026, 3, 2)) == "二〇二六年三月二日"
    assert numeral_date(dt.date(2026, 10, 10)) == "二〇二六年十月十日"
    assert numeral_date(dt.date(2030, 12, 31)) == "二〇三〇年十二月三十一日"
    assert numeral_date(dt.date(2027, 11, 20)) == "二〇二七年十一月二十日"


def test_a_case_without_an_agreement_has_no_mediation_paper(hall: Database) -> None:
    case_id = accept(hall, hand_off(hall, new_visit(hall)))
    register(hall, case_id)
    with hall.write() as s:
        court_cases.close_case(s, case_id, JUDGMENT, users.by_login(s, "shuji"), now=T0)
    with hall.read() as s, pytest.raises(ValueError, match="没有调解协议"):
        mediation_for(s.get_one(CourtCase, case_id), "义马市人民法院", "便民巡回法庭", "陈洁")


def test_the_cover_sheet_sums_up_the_file(hall: Database, tmp_path: Path) -> None:
    case_id = mediated_case(hall, BY_DOCUMENT, registered=True)
    later = T0 + dt.timedelta(days=60)
    with hall.write() as s:
        court_cases.apply_enforcement(
            s, case_id, later.date(), "王大海", users.by_login(s, "shuji"), now=later
        )
    with hall.read() as s:
        case = s.get_one(CourtCase, case_id)
        head = court.letterhead(s)
        pdf = render_cover_sheet(
            cover_for(case, head.court_name, head.tribunal, court_cases.clerk_of(s, case))
        )
    text = read_back(tmp_path, pdf, "cover")
    for expected in (
        "义马市人民法院",
        "便民巡回法庭",
        "案件卷宗封面",
        "案号：（2026）豫1281民初1号",
        "民事一审案件（民初）",
        "原告王大海",
        "被告张小山",
        "审理程序简易程序",
        "移交〔2026〕0001号（法律服务窗口已接收）",
        "立案日期2026年3月2日",
        "审限届满2026年6月2日",
        "所处阶段执行",
        "2026年3月2日（立案）赵德明：达成调解协议",
        "结案方式调解结案（制作调解书）",
        "诉讼费用免交诉讼费用",
        "执行情况2026年5月1日王大海申请执行",
        "书记员陈洁",
    ):
        assert expected in text, expected
    assert scanned(tmp_path, pdf) == ["YJ2026-0001"]


def test_the_cover_of_a_file_still_at_reception_uses_the_slip(
    hall: Database, tmp_path: Path
) -> None:
    case_id = accept(hall, hand_off(hall, new_visit(hall)))
    with hall.read() as s:
        case = s.get_one(CourtCase, case_id)
        pdf = render_cover_sheet(cover_for(case, "义马市人民法院", "便民巡回法庭", "陈洁"))
    text = read_back(tmp_path, pdf, "cover")
    assert "案号：移交〔2026〕0001号" in text
    assert "所处阶段接访" in text and "立案日期—" in text and "结案方式—" in text


def test_every_paper_names_only_the_embedded_chinese_font(tmp_path: Path) -> None:
    slip = HandoffSlip(
        HALL,
        "义马市人民法院",
        "移交〔2026〕0001号",
        "YJ2026-0001",
        T0,
        "法律服务",
        "V20260302",
        "王大海",
        "张小山",
        "归还借款三万元",
        "李明",
    )
    agreement = MediationPaper(
        "agreement",
        "义马市人民法院",
        "便民巡回法庭",
        None,
        (("申请人", "王大海"),),
        "双方因借款发生纠纷。",
        "归还借款",
        "",
        ("归还借款三万元",),
        "",
        "赵德明",
        "陈洁",
        T0.date(),
    )
    cover = CoverSheet(
        "义马市人民法院",
        "便民巡回法庭",
        "移交〔2026〕0001号",
        "YJ2026-0001",
        (("案由", "民间借贷纠纷"),),
    )
    for name, pdf in (
        ("slip", render_handoff_slip(slip)),
        ("mediation", render_mediation(agreement)),
        ("cover", render_cover_sheet(cover)),
    ):
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(pdf)
        rows = tool("pdffonts", str(path)).splitlines()[2:]
        # A font the file names but does not embed prints as whatever the printer substitutes.
        assert rows and all(fonts.FONT_NAME in r and " yes yes " in r for r in rows), (name, rows)
