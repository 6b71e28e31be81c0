"""The letters and cases window (办信办案): the shared workstation for visitors at the counter,
plus the letters officer's own pages — the formal cases with their deadlines and actions, and
the registration of letters."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kit.context import AppContext
from windows.base import WindowWorkstation
from windows.letters.cases import LetterCasesPage
from windows.letters.form import LetterForm
from windows.letters.station_requests import StationRequestsPage, station_requests_title


class LettersDesk(WindowWorkstation):
    """The 办信办案 window's workstation."""

    def __init__(self, ctx: AppContext, window_code: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, window_code, parent)
        self.letter_form.registered.connect(self._letter_registered)

    def extra_pages(self) -> list[tuple[str, QWidget]]:
        self.cases_page = LetterCasesPage(self.ctx)
        self.letter_form = LetterForm(self.ctx)
        return [
            (self.tr("Cases"), self.cases_page),
            (self.tr("Register a letter"), self.letter_form),
            (station_requests_title(), StationRequestsPage(self.ctx)),
        ]

    def _letter_registered(self, case_id: int) -> None:
        """Show the case the letter opened or joined, ready for its decision."""
        self.cases_page.reload()
        self.cases_page.open_case(case_id)
        self.tabs.setCurrentWidget(self.cases_page)
