"""The front desk's registration form: who the visitor is, what they bring, how many they are
and which window they go to. Every problem with the form is shown under its own field, and
nothing typed is cleared until a ticket is issued.

The form is the base of the front desk screen (``desktop.front_desk``), which adds the search,
the ticket and the panels beside it; a returning visitor is taken in by
``desktop.front_desk_returning``. Its strings are translated in the "DeskForm" context, named
here rather than by ``self.tr`` because the running object is the screen, not this class.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.front_desk_problems import FormProblems
from desktop.front_desk_representatives import RepresentativesEditor
from desktop.front_desk_visitors import WARNING_COLOUR
from hall import catalog, queue, reception
from hall.desk import Places, Returning
from hall.errors import InvalidInput
from hall.identity import check_phone
from kit.fields import FieldMessage, IdNumberField, with_message

MAX_GROUP = 999


def choose(combo: QComboBox, data: str) -> None:
    """Select the item with this data, or the first item when there is none."""
    combo.setCurrentIndex(max(0, combo.findData(data)))


def choose_adding(combo: QComboBox, data: str) -> None:
    """Select the item with this data, adding it when the list does not have it."""
    if data and combo.findData(data) < 0:
        combo.addItem(data, data)
    choose(combo, data)


class DeskForm(FormProblems, QWidget):
    """The registration form's fields, their checks, and what the form holds as a
    ``reception.Registration``."""

    visitor_picked = Signal(object)  # hall.desk.Returning, None when forgotten

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._messages: dict[str, FieldMessage] = {}
        self._returning: Returning | None = None
        self._villages: dict[str, list[str]] = {}
        self._build_form_area()
        for message in self._messages.values():
            message.error_changed.connect(self._count_problems_again)
        # Wherever the focus lands in the form (Tab, a mnemonic, a field with a problem), it
        # is scrolled into sight.
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._follow_focus)

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        form = self._form_area.widget()
        if new is not None and form is not None and form.isAncestorOf(new):
            self._form_area.ensureWidgetVisible(new)

    def _build_form_area(self) -> QScrollArea:
        form = QWidget()
        grid = QGridLayout(form)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self._build_returning_banner(), 0, 0, 1, 2)
        grid.addWidget(self._build_visitor_box(), 1, 0)
        grid.addWidget(self._build_matter_box(), 1, 1)
        grid.addWidget(self._build_routing_box(), 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(3, 1)
        self._chain_tabs()
        area = QScrollArea()
        area.setWidget(form)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        # Tab moves through the form, not onto the scroll area itself.
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._form_area = area
        return area

    def _build_returning_banner(self) -> QFrame:
        self.returning_banner = QFrame()
        self.returning_banner.setObjectName("returningBanner")
        self.returning_banner.setStyleSheet(
            "QFrame#returningBanner { background: #e3f2fd; border: 1px solid #90caf9;"
            " border-radius: 4px; }"
        )
        row = QHBoxLayout(self.returning_banner)
        row.setContentsMargins(8, 4, 8, 4)
        self.returning_label = QLabel()
        self.returning_label.setWordWrap(True)
        self.forget_button = QPushButton(QCoreApplication.translate("DeskForm", "Not this person"))
        self.forget_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        row.addWidget(self.returning_label, 1)
        row.addWidget(self.forget_button)
        self.returning_banner.hide()
        return self.returning_banner

    def _build_visitor_box(self) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("DeskForm", "Visitor"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(reception.MAX_NAME + 8)
        form.addRow(
            QCoreApplication.translate("DeskForm", "&Name"), self._field("name", self.name_edit)
        )

        self.id_type_combo = QComboBox()
        # The longest document name would squeeze the number it stands before.
        self.id_type_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.id_type_combo.setMinimumContentsLength(5)
        self.id_type_combo.currentIndexChanged.connect(self._id_type_changed)
        self.id_edit = IdNumberField()
        self._messages["id_number"] = self.id_edit.message
        # The number first: nearly everyone brings a resident ID card, so the document type
        # waits one Tab further on.
        id_row = QWidget()
        row = QHBoxLayout(id_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.id_edit, 1)
        row.addWidget(self.id_type_combo)
        id_row.setFocusProxy(self.id_edit)
        form.addRow(
            QCoreApplication.translate("DeskForm", "&ID"),
            with_message(id_row, self.id_edit.message),
        )

        self.gender_combo = QComboBox()
        form.addRow(
            QCoreApplication.translate("DeskForm", "Gen&der"),
            self._field("gender", self.gender_combo),
        )

        self.phone_edit = QLineEdit()
        self._phone_placeholder = QCoreApplication.translate(
            "DeskForm", "Mobile, or area code and number"
        )
        self.phone_edit.setPlaceholderText(self._phone_placeholder)
        self.phone_edit.editingFinished.connect(self._check_phone)
        form.addRow(
            QCoreApplication.translate("DeskForm", "&Phone"), self._field("phone", self.phone_edit)
        )

        self.township_combo = QComboBox()
        self.township_combo.currentIndexChanged.connect(self._township_changed)
        self.village_combo = QComboBox()
        place = QWidget()
        row = QHBoxLayout(place)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.township_combo, 1)
        row.addWidget(self.village_combo, 1)
        place.setFocusProxy(self.township_combo)
        form.addRow(QCoreApplication.translate("DeskForm", "T&ownship"), place)
        self.address_edit = QLineEdit()
        self.address_edit.setPlaceholderText(
            QCoreApplication.translate("DeskForm", "Street, building, house number")
        )
        form.addRow(QCoreApplication.translate("DeskForm", "&Address"), self.address_edit)

        self.channel_combo = QComboBox()
        self.channel_combo.currentIndexChanged.connect(self._channel_changed)
        form.addRow(
            QCoreApplication.translate("DeskForm", "&Channel"),
            self._field("channel", self.channel_combo),
        )
        self.proxy_edit = QLineEdit()
        self.proxy_edit.setPlaceholderText(
            QCoreApplication.translate("DeskForm", "Who comes on the visitor's behalf")
        )
        self.proxy_cell = self._field("proxy_name", self.proxy_edit)
        form.addRow(QCoreApplication.translate("DeskForm", "Pro&xy"), self.proxy_cell)
        self.priority_combo = QComboBox()
        form.addRow(
            QCoreApplication.translate("DeskForm", "P&riority"),
            self._field("priority", self.priority_combo),
        )
        self._visitor_form = form
        form.setRowVisible(self.proxy_cell, False)
        return box

    def _text_box(self, lines: int, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setPlaceholderText(placeholder)
        edit.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 12)
        return edit

    def _build_matter_box(self) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("DeskForm", "Matter"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.purpose_combo = QComboBox()
        form.addRow(
            QCoreApplication.translate("DeskForm", "P&urpose"),
            self._field("purpose", self.purpose_combo),
        )
        self.summary_edit = self._text_box(
            3, QCoreApplication.translate("DeskForm", "What the visitor asks for, in brief")
        )
        form.addRow(
            QCoreApplication.translate("DeskForm", "&Summary"),
            self._field("summary", self.summary_edit),
        )
        self.request_edit = self._text_box(
            2, QCoreApplication.translate("DeskForm", "What the visitor wants done")
        )
        form.addRow(QCoreApplication.translate("DeskForm", "Re&quest"), self.request_edit)
        self.facts_edit = self._text_box(
            2, QCoreApplication.translate("DeskForm", "What happened, as the visitor tells it")
        )
        form.addRow(QCoreApplication.translate("DeskForm", "&Facts"), self.facts_edit)
        self.reasons_edit = self._text_box(
            2, QCoreApplication.translate("DeskForm", "Why the visitor thinks so")
        )
        form.addRow(QCoreApplication.translate("DeskForm", "R&easons"), self.reasons_edit)

        self.litigation_check = QCheckBox(
            QCoreApplication.translate("DeskForm", "&Litigation-related")
        )
        self.urgent_check = QCheckBox(QCoreApplication.translate("DeskForm", "Urgen&t"))
        self.sensitive_check = QCheckBox(QCoreApplication.translate("DeskForm", "Sensitive"))
        self.sensitive_check.setToolTip(
            QCoreApplication.translate("DeskForm", "The summary is left off the receipt.")
        )
        self.leader_check = QCheckBox(
            QCoreApplication.translate("DeskForm", "&Meet the duty leader")
        )
        flags = QGridLayout()
        flags.addWidget(self.litigation_check, 0, 0)
        flags.addWidget(self.urgent_check, 0, 1)
        flags.addWidget(self.sensitive_check, 1, 0)
        flags.addWidget(self.leader_check, 1, 1)
        form.addRow(QCoreApplication.translate("DeskForm", "Flags"), flags)
        return box

    def _build_routing_box(self) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("DeskForm", "Group and window"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.group_spin = QSpinBox()
        self.group_spin.setRange(0, MAX_GROUP)
        self.group_spin.setValue(1)
        self.group_spin.setSuffix(QCoreApplication.translate("DeskForm", " people"))
        self.group_spin.valueChanged.connect(self._group_size_changed)
        form.addRow(
            QCoreApplication.translate("DeskForm", "&Group size"),
            self._field("group_size", self.group_spin),
        )
        self.representatives = RepresentativesEditor()
        self.representatives.row_added.connect(self._chain_representative)
        self.representatives.refused.connect(self._representative_refused)
        self.representatives_cell = self._field("representatives", self.representatives)
        form.addRow(
            QCoreApplication.translate("DeskForm", "Representatives"), self.representatives_cell
        )

        self.window_combo = QComboBox()
        self.window_combo.setPlaceholderText(
            QCoreApplication.translate("DeskForm", "Choose a window")
        )
        self._window_chosen_by_hand = False
        form.addRow(
            QCoreApplication.translate("DeskForm", "&Window"),
            self._field("window", self.window_combo),
        )

        self.repeat_box = QFrame()
        self.repeat_box.setObjectName("repeatBox")
        self.repeat_box.setStyleSheet(
            f"QFrame#repeatBox {{ border: 2px solid {WARNING_COLOUR}; border-radius: 4px; }}"
        )
        repeat = QVBoxLayout(self.repeat_box)
        repeat.setContentsMargins(8, 4, 8, 4)
        self.repeat_label = QLabel()
        self.repeat_label.setWordWrap(True)
        self.new_matter_check = QCheckBox(
            QCoreApplication.translate("DeskForm", "A new matter: register it without lin&king")
        )
        repeat.addWidget(self.repeat_label)
        repeat.addWidget(self.new_matter_check)
        self.repeat_box.hide()
        form.addRow(self.repeat_box)

        self.issue_button = QPushButton(QCoreApplication.translate("DeskForm", "Issue ticket (F9)"))
        self.issue_button.setToolTip(QCoreApplication.translate("DeskForm", "F9 or Ctrl+Enter"))
        self.clear_button = QPushButton(QCoreApplication.translate("DeskForm", "Clear form"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.issue_button)
        form.addRow(buttons)

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        form.addRow(self.status_label)
        self._routing_form = form
        form.setRowVisible(self.representatives_cell, False)
        return box

    def form_fields(self) -> list[QWidget]:
        """The fields a receptionist fills, as the form reads: the visitor, the matter, the
        group, the window."""
        return [
            self.name_edit,
            self.id_edit,
            self.id_type_combo,
            self.gender_combo,
            self.phone_edit,
            self.township_combo,
            self.village_combo,
            self.address_edit,
            self.channel_combo,
            self.proxy_edit,
            self.priority_combo,
            self.purpose_combo,
            self.summary_edit,
            self.request_edit,
            self.facts_edit,
            self.reasons_edit,
            self.litigation_check,
            self.urgent_check,
            self.sensitive_check,
            self.leader_check,
            self.group_spin,
            *self.representatives.edits(),
            self.window_combo,
            self.new_matter_check,
        ]

    def _chain_tabs(self) -> None:
        """Tab follows the form as it reads, then its buttons."""
        fields = self.form_fields()
        group_end = fields.index(self.window_combo)
        chain = [
            *fields[:group_end],
            self.representatives.add_button,
            *fields[group_end:],
            self.issue_button,
            self.clear_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _chain_representative(self, edits: list[QWidget]) -> None:
        """A row added: its fields come after the row above, before the add button."""
        before = self.representatives.edits()[-len(edits) - 1]
        for first, second in itertools.pairwise([before, *edits]):
            QWidget.setTabOrder(first, second)
        QWidget.setTabOrder(edits[-1], self.representatives.add_button)
        edits[0].setFocus()

    def _field(self, name: str, field: QWidget) -> QWidget:
        message = FieldMessage(field)
        self._messages[name] = message
        # The user is fixing it; the verdict comes again when they issue the ticket.
        if isinstance(field, QLineEdit):
            field.textEdited.connect(message.clear_error)
        elif isinstance(field, QPlainTextEdit):
            field.textChanged.connect(message.clear_error)
        elif isinstance(field, QComboBox):
            field.currentIndexChanged.connect(message.clear_error)

        return with_message(field, message)

    def _reset_choices(self) -> None:
        self.channel_combo.setCurrentIndex(self.channel_combo.findData("visit"))
        self.purpose_combo.setCurrentIndex(self.purpose_combo.findData("request"))
        self.id_type_combo.setCurrentIndex(self.id_type_combo.findData("resident"))
        self.gender_combo.setCurrentIndex(0)
        self.gender_combo.setEnabled(True)
        self.township_combo.setCurrentIndex(0)
        self.priority_combo.setCurrentIndex(0)
        self.window_combo.setCurrentIndex(-1)

    def registration(self) -> reception.Registration:
        """What is typed in the form, as it is."""
        return reception.Registration(
            name=self.name_edit.text(),
            window=self.window_combo.currentData() or "",
            id_type=self.id_type_combo.currentData() or "resident",
            id_number=self.id_edit.text(),
            gender=self.gender_combo.currentData() or "",
            phone=self.phone_edit.text(),
            township=self.township_combo.currentData() or "",
            village=self.village_combo.currentData() or "",
            address=self.address_edit.text(),
            channel=self.channel_combo.currentData() or "",
            proxy_name=self.proxy_edit.text(),
            purpose=self.purpose_combo.currentData() or "",
            summary=self.summary_edit.toPlainText(),
            request=self.request_edit.toPlainText(),
            facts=self.facts_edit.toPlainText(),
            reasons=self.reasons_edit.toPlainText(),
            group_size=self.group_spin.value(),
            representatives=self.representatives.representatives(),
            priority_reason=self.priority_combo.currentData() or None,
            litigation=self.litigation_check.isChecked(),
            urgent=self.urgent_check.isChecked(),
            sensitive=self.sensitive_check.isChecked(),
            leader_reception=self.leader_check.isChecked(),
            visitor_id=self._returning.match.id if self._returning else None,
        )

    def clear_form(self) -> None:
        """Empty the form for the next visitor and put the cursor on the name."""
        # setText, not clear(): it also empties each field's own undo, so that Ctrl+Z never
        # brings back one field of the visitor before.
        for edit in (
            self.name_edit,
            self.id_edit,
            self.phone_edit,
            self.address_edit,
            self.proxy_edit,
        ):
            edit.setText("")
        for text in (self.summary_edit, self.request_edit, self.facts_edit, self.reasons_edit):
            text.clear()
        self.representatives.clear()
        self.group_spin.setValue(1)
        for check in (
            self.litigation_check,
            self.urgent_check,
            self.sensitive_check,
            self.leader_check,
            self.new_matter_check,
        ):
            check.setChecked(False)
        self._reset_choices()
        self._window_chosen_by_hand = False
        self._clear_errors()
        for message in self._messages.values():
            message.clear()
        self.name_edit.setFocus()

    def _check_phone(self) -> None:
        message = self._messages["phone"]
        if not self.phone_edit.text().strip():
            message.clear()
            return
        try:
            check_phone(self.phone_edit.text())
        except InvalidInput as error:
            message.show_error(error.message)
        else:
            message.clear()

    def _id_type_changed(self) -> None:
        resident = self.id_type_combo.currentData() == "resident"
        self.id_edit.set_resident(resident)
        if not resident:
            self.gender_combo.setEnabled(True)

    def _township_changed(self) -> None:
        township = self.township_combo.currentData() or ""
        self.village_combo.clear()
        self.village_combo.addItem(
            QCoreApplication.translate("DeskForm", "Village or community"), ""
        )
        for village in self._villages.get(township, []):
            self.village_combo.addItem(village, village)
        self.village_combo.setEnabled(bool(township))

    def _group_size_changed(self, size: int) -> None:
        self._routing_form.setRowVisible(self.representatives_cell, size > 1)
        message = self._messages["group_size"]
        if size > reception.GROUP_NEEDS_REPRESENTATIVES:
            message.show_note(
                QCoreApplication.translate(
                    "DeskForm",
                    "A group of {size} elects representatives to speak for it: register "
                    "them below (at most {count}).",
                ).format(size=size, count=reception.MAX_GROUP_REPRESENTATIVES)
            )
        else:
            message.clear()

    def _representative_refused(self) -> None:
        self._messages["representatives"].show_error(
            QCoreApplication.translate(
                "DeskForm",
                "A group raising a common matter elects representatives, at most {count} "
                "(Regulations on Letters and Visits, article 18): a further representative "
                "cannot be added.",
            ).format(count=reception.MAX_GROUP_REPRESENTATIVES)
        )

    def _channel_changed(self) -> None:
        self._visitor_form.setRowVisible(
            self.proxy_cell, self.channel_combo.currentData() == "proxy"
        )

    def fill_choices(self, priority_reasons: list[tuple[str, str]], places: Places) -> None:
        """Fill the lists, once, and select what most visitors need."""
        for code, name in catalog.CHANNELS.items():
            self.channel_combo.addItem(name, code)
        for code, name in catalog.PURPOSES.items():
            self.purpose_combo.addItem(name, code)
        for code, name in catalog.ID_TYPES.items():
            self.id_type_combo.addItem(name, code)
        self.gender_combo.addItem(QCoreApplication.translate("DeskForm", "Not given"), "")
        for gender in catalog.GENDERS:
            self.gender_combo.addItem(gender, gender)
        self.priority_combo.addItem(QCoreApplication.translate("DeskForm", "None"), "")
        for code, name in priority_reasons:
            self.priority_combo.addItem(name, code)
        self.show_places(places)
        self._reset_choices()

    def show_places(self, places: Places) -> None:
        """The address lists and the duty leader, keeping the township chosen."""
        self._villages = places.villages
        chosen = self.township_combo.currentData()
        self.township_combo.blockSignals(True)
        self.township_combo.clear()
        self.township_combo.addItem(
            QCoreApplication.translate("DeskForm", "Township or street"), ""
        )
        for township in places.townships:
            self.township_combo.addItem(township, township)
        self.township_combo.setCurrentIndex(max(0, self.township_combo.findData(chosen)))
        self.township_combo.blockSignals(False)
        self._township_changed()
        self.leader_check.setEnabled(bool(places.leader))
        if not places.leader:
            self.leader_check.setChecked(False)
        self.leader_check.setToolTip(places.leader)

    def show_windows(self, queues: list[queue.WindowQueue]) -> None:
        """The windows to choose from, each with its queue's length; the choice is kept."""
        chosen = self.window_combo.currentData()
        self.window_combo.blockSignals(True)
        self.window_combo.clear()
        for q in queues:
            self.window_combo.addItem(
                QCoreApplication.translate(
                    "DeskForm", "{letter} {name} ({waiting} waiting)"
                ).format(letter=q.letter, name=q.name, waiting=q.waiting),
                q.code,
            )
        self.window_combo.setCurrentIndex(self.window_combo.findData(chosen) if chosen else -1)
        self.window_combo.blockSignals(False)
