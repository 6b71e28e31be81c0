"""The letters and cases window (办信办案): the workstation (``desk``), its list of formal cases
(``cases``) with the chosen case beside it (``case_view``, its acts in ``case_actions`` and its
documents in ``case_documents``), and the registration of letters (``form``)."""

from windows.letters.desk import LettersDesk

__all__ = ["LettersDesk"]
