"""The calling display's voice: each call read out in Mandarin through QtTextToSpeech, said
twice so that a visitor who only half heard it hears it again.

What is said comes from the hall's template (``hall.settings.CALL_ANNOUNCEMENT``), which the
administrator edits; :func:`announcement` fills in its placeholders. A display without a speech
engine, or with one that cannot start, says so once (``unavailable``) and carries on silently.
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtTextToSpeech import QTextToSpeech

# Workstation setting values: the system's own engine, or silence chosen on purpose (a second
# display in the same room as one that speaks).
DEFAULT_ENGINE = ""
SILENT = "none"
# Said, then repeated once.
TIMES = 2
PLACEHOLDERS = ("number", "window", "location")
_PLACEHOLDER = re.compile(r"\{(\w*)\}")

log = logging.getLogger(__name__)


def announcement(template: str, number: str, window: str, location: str) -> str:
    """The template with ``{number}``, ``{window}`` and ``{location}`` filled in. Anything
    else in braces stays as written (``check_template`` refuses it when the admin saves)."""
    values = {"number": number, "window": window, "location": location}
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template).strip()


def unknown_placeholders(template: str) -> list[str]:
    """Placeholders in the template that :func:`announcement` would not fill."""
    return [m.group(0) for m in _PLACEHOLDER.finditer(template) if m.group(1) not in PLACEHOLDERS]


def mandarin(locales: list[QLocale]) -> QLocale | None:
    """The engine's Mandarin voice for the mainland (simplified Chinese), or any Chinese one."""
    chinese = [locale for locale in locales if locale.language() == QLocale.Language.Chinese]
    mainland = [locale for locale in chinese if locale.territory() == QLocale.Country.China]
    found = mainland or chinese
    return found[0] if found else None


class Voice(QObject):
    """Speaks announcements with ``engine`` (:data:`DEFAULT_ENGINE`, :data:`SILENT` or the name
    of a QtTextToSpeech engine). ``speech`` is the engine, None when the voice is silent."""

    # Why the display cannot speak as it should, in words for the hall (said once).
    unavailable = Signal(str)

    def __init__(self, engine: str = DEFAULT_ENGINE, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.speech: QTextToSpeech | None = None
        self.problem = ""
        if engine == SILENT:
            return
        if engine and engine not in QTextToSpeech.availableEngines():
            self.problem = self.tr(
                'The speech engine "{engine}" is not installed on this computer: calls are '
                "shown without being read out."
            ).format(engine=engine)
            return
        if not QTextToSpeech.availableEngines():
            self.problem = self.tr(
                "This computer has no speech engine: calls are shown without being read out."
            )
            return
        speech = QTextToSpeech(engine, self) if engine else QTextToSpeech(self)
        if speech.state() == QTextToSpeech.State.Error:
            self.problem = self._engine_failed(speech)
            speech.deleteLater()
            return
        self.speech = speech
        speech.errorOccurred.connect(self._on_error)
        locale = mandarin(speech.availableLocales())
        if locale is None:
            self.problem = self.tr(
                "The speech engine has no Mandarin voice: calls are read out with its "
                "default voice. Install a Chinese voice on this computer."
            )
        else:
            speech.setLocale(locale)

    @property
    def speaking(self) -> bool:
        return self.speech is not None

    def report(self) -> None:
        """Tell (once, when the display is shown) what keeps the voice from working."""
        if self.problem:
            self.unavailable.emit(self.problem)

    def announce(self, sentence: str) -> None:
        if self.speech is None or not sentence:
            return
        for _ in range(TIMES):
            self.speech.enqueue(sentence)

    def stop(self) -> None:
        if self.speech is not None:
            self.speech.stop()

    def _engine_failed(self, speech: QTextToSpeech) -> str:
        # The engine's own reason is English and technical: it goes to the log for whoever
        # mends the computer, never to the public on the wall.
        log.warning("speech engine %r failed: %s", speech.engine(), speech.errorString())
        return self.tr(
            "The speech engine could not start: calls are shown without being read out. Ask "
            "the administrator to check this computer's speech service and restart the display."
        )

    def _on_error(self) -> None:
        """An engine that fails later is dropped: silence is better than a stuck queue."""
        if self.speech is None:
            return
        self.problem = self._engine_failed(self.speech)
        self.speech.deleteLater()
        self.speech = None
        self.unavailable.emit(self.problem)
