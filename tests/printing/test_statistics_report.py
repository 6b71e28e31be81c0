"""The printed figures: the yearly 《年度信访工作情况报告》 drawn from plain data, read back with
poppler; its charts are vectors (no images in the file) and every cited figure has its
footnote."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

from printing import fonts
from printing.statistics_report import ANNUAL, MONTHLY, Count, RateLine, StatisticsReport, render

UNITS = (("市自然资源局", 9), ("市住房和城乡建设局", 5), ("千秋路街道办事处", 2))


def a_year(kind: str = ANNUAL) -> StatisticsReport:
    months = tuple((f"2025年{m}月", 40 + m, 38 + m, 30) for m in range(1, 13))
    return StatisticsReport(
        kind=kind,
        hall_name="义马市群众工作部",
        first=dt.date(2025, 1, 1),
        last=dt.date(2025, 12, 31),
        as_of=dt.date(2026, 1, 5),
        scope="全大厅",
        totals=(Count("受理件数（件）", 65, "items"), Count("人次", 112, "people")),
        rates=(
            RateLine("按期办结率", 8, 8, "on_time_closure"),
            RateLine("满意率", 0, 0, "satisfaction"),
        ),
        by_channel=(("来信", 24), ("来访", 41), ("来电", 0), ("网信", 0)),
        by_class=(("检举控告类", 18), ("申诉求决类", 38), ("建议意见类", 9)),
        by_purpose=(),
        by_township=(("千秋路街道", 30), ("东区街道", 12)),
        trend=months,
        trend_unit="按月",
        referrals=(Count("作出转送决定（件）", 6), Count("作出交办决定（件）", 4)),
        supervision=(Count("发出督办单（件）", 3, "orders"),),
        court=(Count("接待来访群众（人次）", 223, "court"), Count("平均调解天数", 12.5)),
        units_complained=UNITS,
        units_overdue=(("市自然资源局", 2),),
        notes=(
            ("items", "受理件数（件）", "每一事项为 1 件。"),
            ("on_time_closure", "按期办结率", "分子：按期答复；分母：到期的。"),
            ("units_complained", "被投诉单位排名", "第四十一条所称被投诉较多的单位。"),
            ("unused", "未引用", "不印。"),
        ),
    )


def text_of(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return re.sub(r"\s+", "", out.stdout)


def test_the_annual_report_reads_back_with_figures_and_footnotes(tmp_path: Path) -> None:
    pdf = render(a_year())
    text = text_of(pdf, tmp_path)
    assert "义马市群众工作部2025年度信访工作情况报告" in text
    assert "共受理群众来信来访来电网信65件、112人次" in text
    # Rates as numerator and denominator; a rate of nothing is a dash, never 0 %.
    assert "按期办结率②88100.0%" in text and "满意率00—" in text
    assert "市自然资源局" in text and "作出转送决定（件）6" in text
    assert "①受理件数（件）：每一事项为1件。" in text
    assert "③被投诉单位排名：第四十一条所称被投诉较多的单位。" in text
    assert "未引用" not in text
    assert fonts.FONT_NAME.encode() in pdf
    # The charts are drawn, not pasted in as pictures.
    assert b"/Subtype /Image" not in pdf and b"/Subtype/Image" not in pdf
    assert render(a_year()) == pdf


def test_the_monthly_report_has_its_own_title(tmp_path: Path) -> None:
    text = text_of(render(a_year(MONTHLY)), tmp_path)
    assert text.startswith("群众工作统计月报统计期间：2025年1月1日至2025年12月31日")
