"""Code128 barcodes drawn as vector bars in a reportlab canvas.

python-barcode knows the symbology (character sets, switching, checksum); its writers only make
raster images or SVG. A receipt drawn from the module pattern as filled rectangles stays sharp at
any printer resolution, so we take the pattern and draw it ourselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from barcode.codex import Code128
from reportlab.pdfgen.canvas import Canvas

# ISO/IEC 15417 asks for a light margin of at least ten modules on each side.
QUIET_ZONE_MODULES = 10


def code128_modules(code: str) -> str:
    """The Code128 module pattern of ``code``: one character per module, ``"1"`` for a bar.

    Raises ValueError for an empty code or a character Code128 cannot carry.
    """
    if not code or not all(" " <= char <= "~" for char in code):
        raise ValueError(f"条码内容只能是非空的英文字母、数字和符号：{code!r}")
    return "".join(Code128(code).build())


def bar_runs(modules: str) -> list[tuple[int, int]]:
    """The bars of a module pattern as (first module, width in modules)."""
    runs: list[tuple[int, int]] = []
    start = -1
    for index, module in enumerate(modules + "0"):
        if module == "1" and start < 0:
            start = index
        elif module != "1" and start >= 0:
            runs.append((start, index - start))
            start = -1
    return runs


@dataclass(frozen=True)
class Code128Drawing:
    """A Code128 symbol sized for a page: its modules and how wide one module is drawn."""

    code: str
    modules: str
    module_width: float

    @property
    def width(self) -> float:
        """Width including both quiet zones, in points."""
        return (len(self.modules) + 2 * QUIET_ZONE_MODULES) * self.module_width

    def draw(self, canvas: Canvas, x: float, y: float, height: float) -> None:
        """Draw the symbol with its quiet zones starting at ``x``; ``y`` is the bars' bottom."""
        canvas.saveState()
        canvas.setFillColorRGB(0, 0, 0)
        left = x + QUIET_ZONE_MODULES * self.module_width
        for start, run in bar_runs(self.modules):
            canvas.rect(
                left + start * self.module_width,
                y,
                run * self.module_width,
                height,
                stroke=0,
                fill=1,
            )
        canvas.restoreState()


def fit_code128(code: str, preferred_module: float, available_width: float) -> Code128Drawing:
    """A drawing of ``code`` at ``preferred_module`` points per module, narrowed if the symbol
    with its quiet zones would not fit ``available_width``."""
    modules = code128_modules(code)
    widest = available_width / (len(modules) + 2 * QUIET_ZONE_MODULES)
    return Code128Drawing(code, modules, min(preferred_module, widest))
