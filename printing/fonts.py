"""The CJK font every document is set in, registered with reportlab.

reportlab's built-in fonts have no Chinese glyphs, so receipts, slips and notices embed the
shipped WenQuanYi Micro Hei (Chinese, Latin letters and digits in one face). The file lives in
``resources/fonts/`` of the source tree, or under ``sys._MEIPASS`` in the PyInstaller build.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_NAME = "WenQuanYiMicroHei"
FONT_FILE = Path("fonts") / "wqy-microhei.ttc"
# The collection holds the proportional face first and its monospaced twin second.
SUBFONT_INDEX = 0

_lock = threading.Lock()


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


def font_path() -> Path:
    return resources_dir() / FONT_FILE


def cjk_font() -> str:
    """The registered name of the documents' font, registering it on first use.

    Safe to call from any thread and any number of times: reports are drawn in workers.
    """
    with _lock:
        if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
            path = font_path()
            if not path.is_file():
                raise FileNotFoundError(f"找不到打印用的中文字体文件：{path}")
            # reportlab maps the bold and italic variants of a TrueType font to the font
            # itself, so <b> in a paragraph stays in this face (the face has no bold).
            pdfmetrics.registerFont(TTFont(FONT_NAME, str(path), subfontIndex=SUBFONT_INDEX))
    return FONT_NAME
