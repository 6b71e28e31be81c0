"""A returning visitor on the front desk's form: found by the search as the receptionist types
(or by an ID number typed in full), taken in with what is known of them, and warned of a
matter of theirs that is open (a repeat, linked to its case) or finally closed (三级终结).
Its strings are translated in the "ReturningVisitorForm" context (see ``front_desk_form``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.front_desk_form import DeskForm, choose, choose_adding
from desktop.front_desk_visitors import VisitorSearch
from hall import cases, routing
from hall.desk import Returning
from hall.identity import ResidentId
from hall.masking import mask_id_number
from kit.context import AppContext


class ReturningVisitorForm(DeskForm):
    """The registration form that recognises a visitor who has been here before."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.search = VisitorSearch(ctx, self)
        self.forget_button.clicked.connect(self.forget_returning)
        self.name_edit.textEdited.connect(lambda text: self._form_typed(text, "name"))
        self.id_edit.checked.connect(self._id_checked)
        self.id_edit.textEdited.connect(lambda text: self._form_typed(text, "id_number"))
        self.phone_edit.textEdited.connect(lambda text: self._form_typed(text, "phone"))
        self.window_combo.activated.connect(self._window_chosen)
        for signal in (
            self.purpose_combo.currentIndexChanged,
            self.channel_combo.currentIndexChanged,
            self.litigation_check.toggled,
            self.leader_check.toggled,
            self.summary_edit.textChanged,
        ):
            signal.connect(self._suggest_window)
        self.new_matter_check.toggled.connect(self._update_repeat)
        self.purpose_combo.currentIndexChanged.connect(self._update_repeat)

    def clear_form(self) -> None:
        # First: letting the visitor go suggests a window, which the reset takes back.
        self.forget_returning()
        super().clear_form()
        self.search.cancel()

    def _form_typed(self, text: str, source: str) -> None:
        if self._returning is None:
            self.search.request(text, source)

    def _id_checked(self, resident: ResidentId | None) -> None:
        """A valid resident ID number decides the gender; a different person's number than
        the picked visitor's means this is someone else."""
        self.gender_combo.setEnabled(resident is None)
        if resident is None:
            return
        self.gender_combo.setCurrentIndex(self.gender_combo.findData(resident.gender))
        if self._returning is not None and self._returning.match.masked_id not in (
            "",
            mask_id_number(resident.number),
        ):
            self.forget_returning()
            self.search.run_now(resident.number, "id_number")

    def _set_returning(self, returning: Returning, fill_name: bool) -> None:
        self._returning = returning
        self.search.cancel()
        match = returning.match
        if fill_name:
            self.name_edit.setText(match.name)
            self._messages["name"].clear_error()
        if not self.id_edit.text().strip():
            choose(self.id_type_combo, returning.id_type)
        if self.gender_combo.isEnabled() and returning.gender:
            self.gender_combo.setCurrentIndex(self.gender_combo.findData(returning.gender))
        if not self.township_combo.currentData() and returning.township:
            # A place no longer on the list (or typed in before there was one) is kept.
            choose_adding(self.township_combo, returning.township)
            choose_adding(self.village_combo, returning.village)
        if not self.address_edit.text().strip():
            self.address_edit.setText(returning.address)
        on_file = QCoreApplication.translate(
            "ReturningVisitorForm", "On file: {value} (leave empty to keep)"
        )
        if match.masked_id:
            self.id_edit.setPlaceholderText(on_file.format(value=match.masked_id))
        if match.masked_phone:
            self.phone_edit.setPlaceholderText(on_file.format(value=match.masked_phone))
        details = [match.gender, match.masked_id, match.masked_phone]
        self.returning_label.setText(
            QCoreApplication.translate(
                "ReturningVisitorForm",
                "Returning visitor: {name} ({details}); {count} earlier visit(s).",
            ).format(
                name=match.name,
                details="，".join(d for d in details if d) or "—",
                count=len(returning.visits),
            )
        )
        self.returning_banner.show()
        self._update_repeat()
        self.visitor_picked.emit(returning)

    def forget_returning(self) -> None:
        """The registering visitor is not the one picked: nothing of theirs is used."""
        if self._returning is None:
            return
        self._returning = None
        self.returning_banner.hide()
        self.id_edit.setPlaceholderText(self.id_edit.default_placeholder())
        self.phone_edit.setPlaceholderText(self._phone_placeholder)
        self._update_repeat()
        self.visitor_picked.emit(None)

    def _update_repeat(self) -> None:
        """Say when this visit repeats a matter of the visitor's that is open (it is linked
        to that case) or finally closed (三级终结: not taken up again)."""
        purpose = self.purpose_combo.currentData() or ""
        returning = self._returning
        matter = returning.open_matter(purpose) if returning else None
        final = returning.final_matter(purpose) if returning else None
        self.new_matter_check.setVisible(matter is not None)
        if matter is None and final is None:
            self.repeat_box.hide()
            self.repeat_label.clear()
            self._suggest_window()
            return
        assert returning is not None
        lines = []
        if matter is not None:
            values = {
                "name": returning.match.name,
                "number": matter.number,
                "state": matter.state_name,
                "date": f"{matter.open_until:%Y-%m-%d}",
            }
            if self.new_matter_check.isChecked():
                lines.append(
                    QCoreApplication.translate(
                        "ReturningVisitorForm",
                        "{name}'s case {number} ({state}) of this kind stays open until "
                        "{date}; registered as a new matter, this visit is not linked to it.",
                    ).format(**values)
                )
            else:
                lines.append(
                    QCoreApplication.translate(
                        "ReturningVisitorForm",
                        "Repeat visit: {name}'s case {number} ({state}) of this kind is open "
                        "until {date}. This visit will be linked to it, not registered as a "
                        "new matter.",
                    ).format(**values)
                )
        if final is not None:
            lines.append(
                final.reason
                + QCoreApplication.translate(
                    "ReturningVisitorForm",
                    " The visit may still be registered, so that it can be explained.",
                )
            )
        self.repeat_label.setText("\n".join(lines))
        self.repeat_box.show()
        self._suggest_window()

    def _window_chosen(self) -> None:
        """The receptionist picked the window: suggestions no longer move it."""
        self._window_chosen_by_hand = True
        self._messages["window"].clear()

    def _suggest_window(self) -> None:
        """Point to the window the hall's division of work suggests, saying why, until the
        receptionist picks one."""
        if self._window_chosen_by_hand:
            return
        suggestion = routing.suggest_window(
            self.purpose_combo.currentData() or "",
            self.channel_combo.currentData() or "",
            self.litigation_check.isChecked(),
            self.summary_edit.toPlainText(),
            self.leader_check.isChecked(),
        )
        window, reason = suggestion.window, suggestion.reason
        repeat = self._case_to_link()
        if repeat is not None and not self.litigation_check.isChecked():
            # The window that keeps the case hears the matter raised again.
            window = cases.CASES_WINDOW
            reason = QCoreApplication.translate(
                "ReturningVisitorForm", "a repeat of case {number}, which this window follows up"
            ).format(number=repeat.number)
        index = self.window_combo.findData(window)
        if index < 0:
            return
        self.window_combo.setCurrentIndex(index)
        self._messages["window"].show_note(
            QCoreApplication.translate("ReturningVisitorForm", "Suggested: {reason}").format(
                reason=reason
            )
        )

    def _case_to_link(self) -> cases.OpenMatter | None:
        if self._returning is None or self.new_matter_check.isChecked():
            return None
        return self._returning.open_matter(self.purpose_combo.currentData() or "")
