"""Every user-facing string in the source has a finished Chinese translation."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop import i18n_update
from kit.resources import i18n_dir


@pytest.mark.parametrize("area", sorted(i18n_update.AREAS))
def test_every_source_string_is_translated(area: str, tmp_path: Path) -> None:
    shipped = i18n_update.ts_file(area)
    assert shipped.exists(), f"{shipped} is missing: run `make lupdate` and translate it"
    copy = tmp_path / shipped.name
    shutil.copy(shipped, copy)
    i18n_update.lupdate(area, copy)
    missing = []
    for context in ET.parse(copy).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            source = message.findtext("source")
            if (
                translation is None
                or translation.get("type") in ("unfinished", "vanished", "obsolete")
                or not (translation.text or "").strip()
            ):
                missing.append(f"{name}: {source}")
    assert not missing, "untranslated strings (run `make lupdate`, then translate):\n" + "\n".join(
        missing
    )


def test_the_paper_a_visitor_takes_away_has_one_name() -> None:
    """凭条 everywhere: the front desk, the settings and the look-up never call it 回执 or 收据."""
    translations = "".join(ts.read_text(encoding="utf-8") for ts in i18n_dir().glob("*.ts"))
    assert "凭条" in translations
    assert not [word for word in ("回执", "收据") if word in translations]
