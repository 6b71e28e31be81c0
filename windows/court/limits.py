"""The two approved changes of a court file's trial limit (审理期限): a change of procedure
(转换程序, 民事诉讼法 第一百七十条) and an extension (延长审限, 第一百五十二条, 第一百六十四条,
第一百六十八条), each asked with its reason and approver. The choices offered are the ones the
rules allow for the file's procedure; what else the rules refuse is said in the dialog, which
stays open with what was typed."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from db.court_models import TRACK_NAMES
from hall.court_limits import CONVERSIONS, EXTENSION_MONTHS
from windows.court.forms import CourtForm, choices, chosen, text_box


@dataclass(frozen=True)
class LimitEntry:
    """What the clerk entered: the new procedure (a conversion) or the months (an extension)."""

    track: str
    months: int
    reason: str
    approver: str


class LimitDialog(CourtForm):
    """Convert the file's procedure (``converting``) or extend its trial limit."""

    def __init__(self, label: str, track: str, converting: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self.converting = converting
        track_name = TRACK_NAMES[track]
        form = QFormLayout(self)
        form.addRow(self.problem_label)
        if converting:
            self.setWindowTitle(self.tr("Convert the procedure of {label}").format(label=label))
            self.save_button.setText(self.tr("&Convert"))
            form.addRow(
                QLabel(
                    self.tr(
                        "Now under {track}. The trial limit then counts from registration under "
                        "the new procedure."
                    ).format(track=track_name)
                )
            )
            allowed = [(t, TRACK_NAMES[t]) for t in CONVERSIONS[track]]
            self.choice = choices(allowed, None if allowed else self.tr("(none allowed)"))
            form.addRow(self.tr("&New procedure"), self.field("track", self.choice))
        else:
            self.setWindowTitle(self.tr("Extend the trial limit of {label}").format(label=label))
            self.save_button.setText(self.tr("&Extend"))
            most = EXTENSION_MONTHS[track]
            rule = self.tr("Under {track} the limit may be extended once, by {most} months.")
            form.addRow(QLabel(rule.format(track=track_name, most=most)))
            self.choice = choices(
                [(str(m), self.tr("{months} months").format(months=m)) for m in range(most, 0, -1)]
            )
            form.addRow(self.tr("&Extend by"), self.field("months", self.choice))
        self.reason = text_box()
        self.approver = QLineEdit()
        self.approver.setPlaceholderText(self.tr("e.g. court president Zhang"))
        form.addRow(self.tr("&Reason"), self.field("reason", self.reason))
        form.addRow(self.tr("&Approved by"), self.field("approver", self.approver))
        form.addRow(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.reason.setFocus()

    def value(self) -> LimitEntry:
        code = chosen(self.choice)
        return LimitEntry(
            track=code if self.converting else "",
            months=0 if self.converting else int(code),
            reason=self.reason.toPlainText(),
            approver=self.approver.text(),
        )
