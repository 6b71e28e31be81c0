"""The intake receipt: a real PDF read back with poppler, its barcode scanned with zbar."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from barcode.codex import Code128
from reportlab.lib.units import mm

from hall.masking import mask_name
from printing import fonts
from printing.barcodes import QUIET_ZONE_MODULES, bar_runs, code128_modules, fit_code128
from printing.layouts import LAYOUTS, Layout
from printing.output import PrinterError, save_pdf
from printing.receipt import (
    CONFIDENTIAL_SUMMARY,
    SUMMARY_LENGTH,
    ReceiptData,
    receipt_summary,
    render_receipt,
)

FULL_NAME = "张三丰"
ID_NUMBER = "11010519491231002X"
PHONE = "13800138000"
ACCUSATION = "举报镇党委书记王某收受开发商贿赂"


def tool(name: str, *args: str) -> str:
    """Run a poppler or zbar tool; CI installs them, so a missing one is a failure."""
    if shutil.which(name) is None:
        pytest.fail(f"{name} is needed to read the receipt back (poppler-utils, zbar-tools)")
    return subprocess.run([name, *args], capture_output=True, text=True, check=True).stdout


def receipt(**changes: object) -> ReceiptData:
    """A receipt as the front desk makes one: the visitor's name masked by hall.masking."""
    fields: dict[str, object] = {
        "hall_name": "义马市群众工作部接待大厅",
        "ticket_number": "A017",
        "window_name": "法律服务",
        "window_location": "一楼东侧 1 号窗口",
        "issued_at": dt.datetime(2026, 11, 23, 9, 5),
        "people_ahead": 3,
        "masked_name": mask_name(FULL_NAME),
        "purpose": "求决",
        "summary": "要求解决拖欠工资问题",
        "visit_code": "V202611230017",
        "query_code": "K7Q2M9",
    }
    fields.update(changes)
    return ReceiptData(**fields)  # type: ignore[arg-type]


def write(tmp_path: Path, data: ReceiptData, layout: Layout) -> Path:
    pdf = tmp_path / f"receipt-{layout}.pdf"
    pdf.write_bytes(render_receipt(data, layout))
    return pdf


def page_size(pdf: Path) -> tuple[float, float]:
    match = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", tool("pdfinfo", str(pdf)))
    assert match, "pdfinfo gave no page size"
    return float(match[1]), float(match[2])


@pytest.mark.parametrize("layout", LAYOUTS)
def test_receipt_reads_back_with_what_the_visitor_needs(tmp_path: Path, layout: Layout) -> None:
    pdf = write(tmp_path, receipt(), layout)
    lines = [line.strip() for line in tool("pdftotext", str(pdf), "-").splitlines()]

    assert "义马市群众工作部接待大厅" in lines
    assert "A017" in lines
    assert "法律服务" in lines
    assert "一楼东侧 1 号窗口" in lines
    assert "前面还有 3 人等候" in lines
    assert "来访人：张**" in lines
    assert "诉求类别：求决" in lines
    assert "事项摘要：要求解决拖欠工资问题" in lines
    assert "登记时间：2026-11-23 09:05" in lines
    assert "查询码：K7Q2M9" in lines
    assert "V202611230017" in lines
    assert FULL_NAME not in "".join(lines)

    # Embedded as a subset: the receipt prints the same on a workstation without the font.
    font_rows = [row for row in tool("pdffonts", str(pdf)).splitlines() if fonts.FONT_NAME in row]
    assert font_rows and all(" yes yes " in row for row in font_rows), font_rows


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_group_visits_size_and_representatives_are_printed(
    tmp_path: Path, layout: Layout
) -> None:
    one = tool("pdftotext", str(write(tmp_path, receipt(), layout)), "-")
    assert "来访人数" not in one and "推选代表" not in one
    group = receipt(group_size=8, representatives=2)
    lines = [
        line.strip()
        for line in tool("pdftotext", str(write(tmp_path, group, layout)), "-").splitlines()
    ]
    assert "来访人数：8 人" in lines and "推选代表：2 人" in lines


@pytest.mark.parametrize("layout", LAYOUTS)
def test_no_id_or_phone_number_reaches_the_paper(tmp_path: Path, layout: Layout) -> None:
    data = receipt(summary=f"身份证{ID_NUMBER}，电话{PHONE}，工资被拖欠")
    text = tool("pdftotext", str(write(tmp_path, data, layout)), "-")

    assert ID_NUMBER not in text
    assert ID_NUMBER[:10] not in text
    assert PHONE not in text
    assert "身份证****002X" in text


@pytest.mark.parametrize("layout", LAYOUTS)
def test_report_content_stays_confidential(tmp_path: Path, layout: Layout) -> None:
    data = receipt(purpose="揭发控告", summary=ACCUSATION)
    text = tool("pdftotext", str(write(tmp_path, data, layout)), "-")

    assert data.summary == CONFIDENTIAL_SUMMARY
    assert f"事项摘要：{CONFIDENTIAL_SUMMARY}" in text
    assert "诉求类别：揭发控告" in text
    for fragment in ("王某", "贿赂", "书记", "开发商"):
        assert fragment not in text


def test_thermal_page_is_80mm_wide_and_as_long_as_its_content(tmp_path: Path) -> None:
    width, height = page_size(write(tmp_path, receipt(), "80mm"))
    assert width == pytest.approx(80 * mm, abs=0.01)
    assert 80 * mm < height < 160 * mm

    longer = receipt(window_location="二楼西侧便民服务区 8 号窗口，沿楼梯上楼后右转第二间")
    _, longer_height = page_size(write(tmp_path, longer, "80mm"))
    assert longer_height > height


def test_a4_page_is_a4(tmp_path: Path) -> None:
    width, height = page_size(write(tmp_path, receipt(), "a4"))
    assert width == pytest.approx(210 * mm, abs=0.5)
    assert height == pytest.approx(297 * mm, abs=0.5)


def test_long_text_wraps_inside_the_printable_72mm(tmp_path: Path) -> None:
    data = receipt(
        hall_name="河南省三门峡市义马市委群众工作部暨人民来访接待中心大厅",
        window_location="二楼西侧便民服务区 8 号窗口，沿楼梯上楼后右转第二间",
        summary="Wage arrears at the Yima coal washing plant since spring",
        privacy_line="本凭条不载身份证号及反映的具体内容。请凭查询码查询办理进度，妥善保管，勿交他人。"
        "The receipt carries no ID number and none of what was reported.",
    )
    html = tool("pdftotext", "-bbox", str(write(tmp_path, data, "80mm")), "-")
    boxes = [
        (float(x_min), float(x_max))
        for x_min, x_max in re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', html)
    ]
    assert len(boxes) > 20
    # 0.5 pt of slack for the glyphs' side bearings as poppler measures them.
    assert min(x_min for x_min, _ in boxes) >= 4 * mm - 0.5
    assert max(x_max for _, x_max in boxes) <= 76 * mm + 0.5
    text = tool("pdftotext", str(write(tmp_path, data, "80mm")), "-")
    assert "第二间" in text
    assert "reported." in text
    # Closing punctuation never starts a line.
    assert not any(line.startswith(("，", "。")) for line in text.splitlines())


@pytest.mark.parametrize("layout", LAYOUTS)
def test_barcode_scans_back_to_the_visit_code(tmp_path: Path, layout: Layout) -> None:
    pdf = write(tmp_path, receipt(visit_code="V202611230017"), layout)
    tool("pdftoppm", "-r", "150", "-png", "-singlefile", str(pdf), str(tmp_path / layout))
    scanned = tool("zbarimg", "--quiet", "--raw", str(tmp_path / f"{layout}.png"))
    assert scanned.split() == ["V202611230017"]


def test_drawn_bars_are_python_barcodes_code128_with_quiet_zones() -> None:
    code = "V202611230017"
    modules = Code128(code).build()[0]
    drawing = fit_code128(code, 0.375 * mm, 72 * mm)
    assert drawing.modules == modules
    assert drawing.width == pytest.approx((len(modules) + 2 * QUIET_ZONE_MODULES) * 0.375 * mm)
    # The bars, put back side by side with their gaps, are the module pattern again.
    rebuilt = ["0"] * len(modules)
    for start, run in bar_runs(modules):
        rebuilt[start : start + run] = ["1"] * run
    assert "".join(rebuilt) == modules
    assert bar_runs("1101000111") == [(0, 2), (3, 1), (7, 3)]


def test_a_long_code_narrows_its_modules_to_fit() -> None:
    code = "V2026112300170000ABCDEFGHIJ"
    drawing = fit_code128(code, 0.5 * mm, 40 * mm)
    assert drawing.width == pytest.approx(40 * mm)
    assert drawing.module_width < 0.5 * mm


@pytest.mark.parametrize("code", ["", "V2026-编号", "V2026\n01"])
def test_a_visit_code_code128_cannot_carry_is_refused(code: str) -> None:
    with pytest.raises(ValueError, match="条码内容"):
        code128_modules(code)
    with pytest.raises(ValueError, match="条码内容"):
        receipt(visit_code=code)


def test_a_full_name_is_refused_without_repeating_it() -> None:
    with pytest.raises(ValueError, match="遮蔽") as refused:
        receipt(masked_name=FULL_NAME)
    assert FULL_NAME not in str(refused.value)
    assert receipt(masked_name=mask_name("张")).masked_name == "张*"
    assert receipt(masked_name="").masked_name == ""


def test_negative_people_ahead_is_refused() -> None:
    with pytest.raises(ValueError, match="人数"):
        receipt(people_ahead=-1)


def test_summary_masks_long_numbers_and_keeps_short_ones() -> None:
    assert receipt_summary("求决", f"身份证 {ID_NUMBER}") == "身份证 ****002X"
    assert receipt_summary("求决", "电话 138 0013 8000") == "电话 ****8000"
    assert receipt_summary("申诉", "座机0371-66668888") == "座机****8888"
    assert receipt_summary("咨询", "少发2000元，问了3次") == "少发2000元，问了3次"
    assert receipt_summary("咨询", "  多行\n摘要\t文字 ") == "多行 摘要 文字"


def test_summary_is_shortened_without_cutting_a_masked_number() -> None:
    long = "要求解决拖欠工资问题并补发二〇二五年全年的工资和加班费"
    short = receipt_summary("求决", long)
    assert len(short) == SUMMARY_LENGTH
    assert short == long[: SUMMARY_LENGTH - 1] + "…"

    cut = receipt_summary("求决", f"身份证{ID_NUMBER} 联系电话{PHONE}")
    assert cut == "身份证****002X 联系电话…"
    assert PHONE[-4:] not in cut


def test_report_summary_is_replaced_whatever_is_passed() -> None:
    assert receipt_summary("揭发控告", ACCUSATION) == CONFIDENTIAL_SUMMARY
    assert receipt_summary("揭发控告", "") == CONFIDENTIAL_SUMMARY
    data = receipt(purpose="揭发控告", summary=ACCUSATION)
    # Copying with a new summary goes through the same rule.
    assert dataclasses.replace(data, summary=ACCUSATION).summary == CONFIDENTIAL_SUMMARY


def test_a_reprint_is_the_same_document() -> None:
    data = receipt()
    for layout in LAYOUTS:
        assert render_receipt(data, layout) == render_receipt(data, layout)


def test_an_unknown_layout_is_refused() -> None:
    with pytest.raises(ValueError, match="80mm、a4"):
        render_receipt(receipt(), "a5")  # type: ignore[arg-type]


def test_saved_pdf_is_the_rendered_receipt(tmp_path: Path) -> None:
    pdf = render_receipt(receipt(), "80mm")
    target = tmp_path / "凭条 A017.pdf"
    save_pdf(pdf, target)
    assert target.read_bytes() == pdf


def test_saving_where_it_cannot_be_written_raises_printer_error(tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "receipt.pdf"
    with pytest.raises(PrinterError, match="无法保存 PDF 文件") as failed:
        save_pdf(render_receipt(receipt(), "a4"), target)
    assert str(target) in str(failed.value)
    assert "可以重新打印" in str(failed.value)
