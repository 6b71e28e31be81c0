"""A formal case opened from outside the letters desk (a leader's home list of the cases he or
she leads): the letters desk's own case page in a window of its own, opened the way the desk
opens a case, so it reads, logs and acts the same."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from kit.context import AppContext
from windows.letters.case_view import CaseViewPage


class CaseDialog(QDialog):
    """The case ``case_id`` as :class:`CaseViewPage` shows it, over ``parent``."""

    def __init__(self, ctx: AppContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Formal case"))
        layout = QVBoxLayout(self)
        self.page = CaseViewPage(ctx)
        layout.addWidget(self.page, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().height() * 60, self.fontMetrics().height() * 40)
        self.page.open_case(case_id)
        opened = self.page.case
        if opened is not None:
            self.setWindowTitle(self.tr("Formal case {number}").format(number=opened.number))
