"""The monthly bulletin 《群众工作动态》: drawn from a real month's ledger as an editor left it,
read back with poppler, its pages rendered and looked at."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from db.engine import Database
from db.window_models import EXPLAINED, FORWARDED, OPINION_TOPICS
from hall import opinions, outcomes
from printing import bulletin, fonts
from tests.hall.window_helpers import item_id, person, serving, setup_hall, unit_id

HALL = "义马市群众工作部接待大厅"
ISSUED = dt.date(2026, 4, 1)


def tool(name: str, *args: str) -> str:
    if shutil.which(name) is None:
        pytest.fail(f"{name} is needed to read the bulletin back (poppler-utils)")
    return subprocess.run([name, *args], capture_output=True, text=True, check=True).stdout


def text_of(pdf: bytes, tmp_path: Path, *options: str) -> str:
    path = tmp_path / "bulletin.pdf"
    path.write_bytes(pdf)
    return tool("pdftotext", *options, str(path), "-")


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def paper(draft: opinions.BulletinDraft, number: int) -> bulletin.Bulletin:
    return bulletin.Bulletin(
        hall_name=HALL,
        year=draft.year,
        month=draft.month,
        number=number,
        issued_on=ISSUED,
        total=draft.total,
        forwarded=draft.forwarded,
        sections=tuple((topic, tuple(texts)) for topic, texts in draft.sections()),
    )


@pytest.mark.parametrize(
    ("number", "numeral"),
    [(1, "一"), (9, "九"), (10, "十"), (12, "十二"), (20, "二十"), (35, "三十五")],
)
def test_heading_numerals(number: int, numeral: str) -> None:
    assert bulletin.chinese_number(number) == numeral


def test_a_month_from_the_ledger_as_the_editor_left_it(sqlite_db: Database, tmp_path: Path) -> None:
    db = setup_hall(sqlite_db)
    month = (
        (2, "交通出行", "建议在新区增设公交站点", "新区街道", "杨村", "市交通运输局"),
        (3, "环境保护", "小区周边夜间施工噪声扰民", "千秋路街道", "红旗社区", "市生态环境局"),
        (5, "交通出行", "千秋路与河滨路口缺少红绿灯", "千秋路街道", "", "市公安局"),
        (9, "教育医疗", "希望社区卫生服务站延长开放时间", "东区街道", "霍村", ""),
        (12, "干部作风", "反映个别窗口工作人员午休时段无人值守", "", "", ""),
    )
    for day, topic, content, township, village, unit in month:
        at = dt.datetime(2026, 3, day, 9)
        ticket_id = serving(db, "opinion", "群众", at=at)
        with db.write() as s:
            outcomes.finish(
                s,
                ticket_id,
                outcomes.Outcome(
                    FORWARDED if unit else EXPLAINED,
                    opinions.OpinionEntry(
                        content, item_id(db, OPINION_TOPICS, topic), township, village
                    ),
                    unit_id=unit_id(db, unit) if unit else None,
                ),
                actor=person(db, "minyi"),
                now=at,
            )
    with db.read() as s:
        draft = opinions.draft(s, 2026, 3)
    # The editor leaves one out and rewords another.
    draft.entries[-1].include = False
    draft.entries[
        0
    ].text = (
        "新区街道杨村群众建议：在新区客运站以西增设公交站点，方便群众出行。（已转市交通运输局办理）"
    )
    with db.write() as s:
        issue = opinions.produce(
            s, draft, lambda n: bulletin.render(paper(draft, n)), None, dt.datetime(2026, 4, 1, 9)
        )
        pdf = issue.pdf

    text = flat(text_of(pdf, tmp_path))
    assert text.startswith("内部资料注意保存群众工作动态2026年第1期")
    assert f"{HALL}编2026年4月1日" in text
    assert (
        "3月，义马市群众工作部接待大厅社情民意窗口共收集群众意见建议5条，已转交有关部门研究办理3条。"
        in text
    )
    assert "现将其中4条按所涉及的3个方面摘编如下" in text
    # Topics in the order of the topic list, each with its count, the entries numbered.
    headings = re.findall(r"[一二三四五六七八九十]+、[^（]+（\d+条）", text)
    assert headings == ["一、交通出行（2条）", "二、环境保护（1条）", "三、教育医疗（1条）"]
    assert "1.新区街道杨村群众建议：在新区客运站以西增设公交站点" in text
    assert "2.千秋路街道群众反映：千秋路与河滨路口缺少红绿灯。（已转市公安局办理）" in text
    assert "午休时段" not in text
    assert text.index("交通出行（2条）") < text.index("环境保护（1条）") < text.index("报：市委")
    assert "—1—" in text

    path = tmp_path / "bulletin.pdf"
    used = tool("pdffonts", str(path)).splitlines()[2:]
    assert used and all(fonts.FONT_NAME in line and " yes " in line for line in used)

    # Looked at: the masthead is red and centred, the page otherwise black on white.
    tool("pdftoppm", "-r", "50", "-png", "-singlefile", str(path), str(tmp_path / "page"))
    image = Image.open(tmp_path / "page.png").convert("RGB")
    width, height = image.size
    band = range(height // 12, height // 6)
    reds = [(x, y) for x in range(width) for y in band if _red(image.getpixel((x, y)))]
    assert len(reds) > 200
    left, right = min(x for x, _ in reds), max(x for x, _ in reds)
    assert abs((left + right) / 2 - width / 2) < width * 0.03


def _red(pixel: object) -> bool:
    assert isinstance(pixel, tuple)
    r, g, b = pixel
    return bool(r > 150 and g < 90 and b < 90)


def test_a_long_month_runs_over_pages_and_no_heading_is_left_alone(tmp_path: Path) -> None:
    sections = tuple(
        (f"议题{n}", tuple(f"第{n}类第{i}条意见：" + "群众反映的具体情况" * 6 for i in range(1, 7)))
        for n in range(1, 9)
    )
    pdf = bulletin.render(
        bulletin.Bulletin(HALL, 2026, 11, 11, dt.date(2026, 12, 1), 48, 30, sections)
    )
    pages = text_of(pdf, tmp_path, "-layout").split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert f"—{number}—" in page.replace(" ", "")
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        # The last line before the page number is never a heading.
        assert not re.match(r"^[一二三四五六七八九十]+、", lines[-2]), lines[-2]
    assert flat("".join(pages)).count("（6条）") == 8


def test_the_distribution_reads_across_the_page_under_the_last_topic(tmp_path: Path) -> None:
    issue = bulletin.Bulletin(
        HALL, 2026, 3, 1, ISSUED, 2, 1, (("交通出行", ("建议在新区增设公交站点",)),)
    )
    pages = [
        p for p in text_of(bulletin.render(issue), tmp_path, "-layout").split("\f") if p.strip()
    ]
    assert len(pages) == 1
    lines = [re.sub(r"\s+", "", line) for line in pages[0].splitlines() if line.strip()]
    assert any(line.startswith("报：市委、市人大、市政府、市政协领导") for line in lines), lines
