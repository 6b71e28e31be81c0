"""Where the shipped resources (fonts, translations, style sheets) are, installed or frozen."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


FONT_FILE = "fonts/wqy-microhei.ttc"


def font_path() -> Path:
    return resources_dir() / FONT_FILE


def i18n_dir() -> Path:
    return resources_dir() / "i18n"
