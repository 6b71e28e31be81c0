"""The receipt's paper sizes, apart from the layouts themselves: naming them (the command
line's choices, the settings page) must not load reportlab."""

from __future__ import annotations

from typing import Literal, get_args

Layout = Literal["80mm", "a4"]
LAYOUTS: tuple[Layout, ...] = get_args(Layout)
