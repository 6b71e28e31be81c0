"""The front desk (导访台): find a returning visitor, register the visit, send the visitor to a
window, hand them a number and an intake receipt, and look a receipt up again.

One user action, one unit of work: "Issue ticket" registers the visitor and the visit, links a
repeat to its open case and queues the visitor in a single transaction
(``hall.reception.register``). Every problem with the form is shown under its own field at
once, and nothing typed is cleared until a ticket is issued. The receipt is printed after the
ticket is committed: a printer that fails leaves the ticket issued, and says so.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QHideEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from db.action_requests import apply_once, new_request_id
from db.models import Ticket
from desktop.front_desk_visitors import (
    WARNING_COLOUR,
    LookedUp,
    LookupPanel,
    Returning,
    SearchResult,
    VisitorPanel,
    VisitorSearch,
    find_by_id_number,
    load_returning,
    look_up,
    looks_like_receipt,
)
from desktop.receipt_print import ReceiptOutput
from hall import cases, catalog, clock, queue, reception, roster, routing
from hall.errors import HallError, InvalidInput, NotFound
from hall.identity import ResidentId, check_phone, check_resident_id
from hall.masking import mask_id_number
from hall.receipt_data import receipt_for, visit_receipt
from hall.visitors import VisitorMatch
from kit.context import AppContext
from kit.fields import ERROR_COLOUR, FieldMessage, IdNumberField, with_message
from printing.receipt import ReceiptData

log = logging.getLogger(__name__)

MAX_GROUP = 999


def choose(combo: QComboBox, data: str) -> None:
    """Select the item with this data, or the first item when there is none."""
    combo.setCurrentIndex(max(0, combo.findData(data)))


def choose_adding(combo: QComboBox, data: str) -> None:
    """Select the item with this data, adding it when the list does not have it."""
    if data and combo.findData(data) < 0:
        combo.addItem(data, data)
    choose(combo, data)


class SearchBox(QLineEdit):
    """The search box: what it finds is a key press away (Down goes to the visitors found)."""

    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


class FrontDeskScreen(QWidget):
    """Register a visitor and issue their ticket and receipt; find earlier visitors and
    receipts; see how long each window's queue is."""

    ticket_issued = Signal(object)  # hall.queue.TicketView
    visitor_picked = Signal(object)  # front_desk_visitors.Returning, None when forgotten
    looked_up = Signal(object)  # front_desk_visitors.LookedUp, None when nothing was found

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._messages: dict[str, FieldMessage] = {}
        self._returning: Returning | None = None
        # The visit of the last ticket issued here: the ticket panel's receipt buttons use it.
        self._last_code: str | None = None
        self._pick_on_result = False
        # The request id of an issue the database did not confirm (db.action_requests): kept
        # until pressing again, or the connection coming back, finds it done or does it, so a
        # registration whose commit was not acknowledged is not issued twice.
        self._unconfirmed_issue: str | None = None

        self.search = VisitorSearch(ctx, self)
        self.receipts = ReceiptOutput(ctx.workstation, self)

        layout = QVBoxLayout(self)
        layout.addLayout(self._build_top_bar())
        body = QHBoxLayout()
        body.addWidget(self._build_form_area(), 3)
        side = QVBoxLayout()
        side.addWidget(self._build_ticket_panel())
        side.addWidget(self._build_tabs(), 1)
        body.addLayout(side, 2)
        layout.addLayout(body, 1)

        self.search.found.connect(self._on_found)
        self.search.failed.connect(self.visitor_panel.show_failure)
        self.receipts.printed.connect(self._receipt_printed)
        self.receipts.failed.connect(self._receipt_failed)
        self._build_shortcuts()
        self._load_choices()
        self.refresh_queues()
        ctx.events.queue_changed.connect(self.refresh_queues)
        # Events missed while the database was away are not replayed; read everything again.
        ctx.events.connection_restored.connect(self._reload)
        ctx.events.connection_restored.connect(self._retry_unconfirmed)
        # Wherever the focus lands in the form (Tab, a mnemonic, a field with a problem), it
        # is scrolled into sight.
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._follow_focus)
        self.name_edit.setFocus()

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        form = self._form_area.widget()
        if new is not None and form is not None and form.isAncestorOf(new):
            self._form_area.ensureWidgetVisible(new)

    def hideEvent(self, event: QHideEvent) -> None:
        # A screen out of sight (another page, a closed window, a log-out) searches no more:
        # a search still to come or under way would use a database the program may be
        # letting go of.
        self.search.cancel()
        self.search.wait()
        super().hideEvent(event)

    # -- building -------------------------------------------------------------------------

    def _build_top_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        label = QLabel(self.tr("Find a visitor or a receipt (F2)"))
        self.search_edit = SearchBox()
        self.search_edit.setPlaceholderText(
            self.tr("Name, pinyin initials, ID number or phone; or scan a receipt")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textEdited.connect(self._search_typed)
        self.search_edit.returnPressed.connect(self._search_entered)
        self.search_edit.down_pressed.connect(self._focus_matches)
        label.setBuddy(self.search_edit)
        self.leader_label = QLabel()
        self.leader_label.setObjectName("dutyLeader")
        bar.addWidget(label)
        bar.addWidget(self.search_edit, 2)
        bar.addSpacing(16)
        bar.addWidget(self.leader_label, 1, Qt.AlignmentFlag.AlignRight)
        return bar

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
        self.forget_button = QPushButton(self.tr("Not this person"))
        self.forget_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.forget_button.clicked.connect(self.forget_returning)
        row.addWidget(self.returning_label, 1)
        row.addWidget(self.forget_button)
        self.returning_banner.hide()
        return self.returning_banner

    def _build_visitor_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Visitor"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(reception.MAX_NAME + 8)
        self.name_edit.textEdited.connect(lambda text: self._form_typed(text, "name"))
        form.addRow(self.tr("&Name"), self._field("name", self.name_edit))

        self.id_type_combo = QComboBox()
        # The longest document name would squeeze the number it stands before.
        self.id_type_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.id_type_combo.setMinimumContentsLength(5)
        self.id_type_combo.currentIndexChanged.connect(self._id_type_changed)
        self.id_edit = IdNumberField()
        self.id_edit.checked.connect(self._id_checked)
        self.id_edit.textEdited.connect(lambda text: self._form_typed(text, "id_number"))
        self._messages["id_number"] = self.id_edit.message
        # The number first: nearly everyone brings a resident ID card, so the document type
        # waits one Tab further on.
        id_row = QWidget()
        row = QHBoxLayout(id_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.id_edit, 1)
        row.addWidget(self.id_type_combo)
        id_row.setFocusProxy(self.id_edit)
        form.addRow(self.tr("&ID"), with_message(id_row, self.id_edit.message))

        self.gender_combo = QComboBox()
        form.addRow(self.tr("Gen&der"), self._field("gender", self.gender_combo))

        self.phone_edit = QLineEdit()
        self._phone_placeholder = self.tr("Mobile, or area code and number")
        self.phone_edit.setPlaceholderText(self._phone_placeholder)
        self.phone_edit.editingFinished.connect(self._check_phone)
        self.phone_edit.textEdited.connect(lambda text: self._form_typed(text, "phone"))
        form.addRow(self.tr("&Phone"), self._field("phone", self.phone_edit))

        self.township_combo = QComboBox()
        self.township_combo.currentIndexChanged.connect(self._township_changed)
        self.village_combo = QComboBox()
        place = QWidget()
        row = QHBoxLayout(place)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.township_combo, 1)
        row.addWidget(self.village_combo, 1)
        place.setFocusProxy(self.township_combo)
        form.addRow(self.tr("T&ownship"), place)
        self.address_edit = QLineEdit()
        self.address_edit.setPlaceholderText(self.tr("Street, building, house number"))
        form.addRow(self.tr("&Address"), self.address_edit)

        self.channel_combo = QComboBox()
        self.channel_combo.currentIndexChanged.connect(self._channel_changed)
        form.addRow(self.tr("&Channel"), self._field("channel", self.channel_combo))
        self.proxy_edit = QLineEdit()
        self.proxy_edit.setPlaceholderText(self.tr("Who comes on the visitor's behalf"))
        self.proxy_cell = self._field("proxy_name", self.proxy_edit)
        form.addRow(self.tr("Pro&xy"), self.proxy_cell)
        self.priority_combo = QComboBox()
        form.addRow(self.tr("P&riority"), self._field("priority", self.priority_combo))
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
        box = QGroupBox(self.tr("Matter"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.purpose_combo = QComboBox()
        form.addRow(self.tr("P&urpose"), self._field("purpose", self.purpose_combo))
        self.summary_edit = self._text_box(3, self.tr("What the visitor asks for, in brief"))
        form.addRow(self.tr("&Summary"), self.summary_edit)
        self.request_edit = self._text_box(2, self.tr("What the visitor wants done"))
        form.addRow(self.tr("Re&quest"), self.request_edit)
        self.facts_edit = self._text_box(2, self.tr("What happened, as the visitor tells it"))
        form.addRow(self.tr("&Facts"), self.facts_edit)
        self.reasons_edit = self._text_box(2, self.tr("Why the visitor thinks so"))
        form.addRow(self.tr("R&easons"), self.reasons_edit)

        self.litigation_check = QCheckBox(self.tr("&Litigation-related"))
        self.urgent_check = QCheckBox(self.tr("Urgen&t"))
        self.sensitive_check = QCheckBox(self.tr("Sensitive"))
        self.sensitive_check.setToolTip(self.tr("The summary is left off the receipt."))
        self.leader_check = QCheckBox(self.tr("&Meet the duty leader"))
        flags = QGridLayout()
        flags.addWidget(self.litigation_check, 0, 0)
        flags.addWidget(self.urgent_check, 0, 1)
        flags.addWidget(self.sensitive_check, 1, 0)
        flags.addWidget(self.leader_check, 1, 1)
        form.addRow(self.tr("Flags"), flags)
        return box

    def _build_routing_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Group and window"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.group_spin = QSpinBox()
        self.group_spin.setRange(0, MAX_GROUP)
        self.group_spin.setValue(1)
        self.group_spin.setSuffix(self.tr(" people"))
        self.group_spin.valueChanged.connect(self._group_size_changed)
        form.addRow(self.tr("&Group size"), self._field("group_size", self.group_spin))
        self.representatives = RepresentativesEditor()
        self.representatives.row_added.connect(self._chain_representative)
        self.representatives.refused.connect(self._representative_refused)
        self.representatives_cell = self._field("representatives", self.representatives)
        form.addRow(self.tr("Representatives"), self.representatives_cell)

        self.window_combo = QComboBox()
        self.window_combo.setPlaceholderText(self.tr("Choose a window"))
        self.window_combo.activated.connect(self._window_chosen)
        self._window_chosen_by_hand = False
        form.addRow(self.tr("&Window"), self._field("window", self.window_combo))

        self.repeat_box = QFrame()
        self.repeat_box.setObjectName("repeatBox")
        self.repeat_box.setStyleSheet(
            f"QFrame#repeatBox {{ border: 2px solid {WARNING_COLOUR}; border-radius: 4px; }}"
        )
        repeat = QVBoxLayout(self.repeat_box)
        repeat.setContentsMargins(8, 4, 8, 4)
        self.repeat_label = QLabel()
        self.repeat_label.setWordWrap(True)
        self.new_matter_check = QCheckBox(self.tr("A new matter: register it without lin&king"))
        self.new_matter_check.toggled.connect(self._update_repeat)
        repeat.addWidget(self.repeat_label)
        repeat.addWidget(self.new_matter_check)
        self.repeat_box.hide()
        form.addRow(self.repeat_box)

        self.issue_button = QPushButton(self.tr("Issue ticket (F9)"))
        self.issue_button.setToolTip(self.tr("F9 or Ctrl+Enter"))
        self.issue_button.clicked.connect(self.issue)
        self.clear_button = QPushButton(self.tr("Clear form"))
        self.clear_button.clicked.connect(self.clear_form)
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

        for signal in (
            self.purpose_combo.currentIndexChanged,
            self.channel_combo.currentIndexChanged,
            self.litigation_check.toggled,
            self.leader_check.toggled,
            self.summary_edit.textChanged,
        ):
            signal.connect(self._suggest_window)
        self.purpose_combo.currentIndexChanged.connect(self._update_repeat)
        return box

    def _chain_tabs(self) -> None:
        """Tab follows the form as it reads: the visitor, the matter, the group, the window."""
        chain: list[QWidget] = [
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
            self.representatives.add_button,
            self.window_combo,
            self.new_matter_check,
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
        if isinstance(field, QLineEdit):
            # The user is fixing it; the verdict comes again when they issue the ticket.
            field.textEdited.connect(message.clear_error)
        return with_message(field, message)

    def _build_ticket_panel(self) -> QGroupBox:
        box = QGroupBox(self.tr("Ticket"))
        layout = QVBoxLayout(box)
        self.number_label = QLabel("—")
        big = QFont(self.font())
        big.setPointSize(max(big.pointSize(), 9) * 4)
        big.setBold(True)
        self.number_label.setFont(big)
        self.number_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.destination_label = QLabel(self.tr("No ticket issued yet."))
        self.ahead_label = QLabel()
        self.visitor_label = QLabel()
        for label in (self.destination_label, self.ahead_label, self.visitor_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
        emphasis = QFont(self.font())
        emphasis.setPointSize(max(emphasis.pointSize(), 9) + 3)
        self.destination_label.setFont(emphasis)
        self.ahead_label.setFont(emphasis)
        layout.addWidget(self.number_label)
        layout.addWidget(self.destination_label)
        layout.addWidget(self.ahead_label)
        layout.addWidget(self.visitor_label)

        self.reprint_button = QPushButton(self.tr("Reprint receipt (Ctrl+P)"))
        self.reprint_button.clicked.connect(self.reprint_last)
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.clicked.connect(lambda: self._with_last_receipt(self.receipts.preview))
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(
            lambda: self._with_last_receipt(self.receipts.print_with_dialog)
        )
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.clicked.connect(lambda: self._with_last_receipt(self.receipts.save_as))
        buttons = QHBoxLayout()
        for button in (self.reprint_button, self.preview_button, self.print_button):
            buttons.addWidget(button)
        buttons.addWidget(self.save_button)
        for button in self._receipt_buttons():
            button.setEnabled(False)
            button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        layout.addLayout(buttons)
        self.receipt_label = QLabel()
        self.receipt_label.setObjectName("receiptState")
        self.receipt_label.setWordWrap(True)
        layout.addWidget(self.receipt_label)
        return box

    def _receipt_buttons(self) -> tuple[QPushButton, ...]:
        return (self.reprint_button, self.preview_button, self.print_button, self.save_button)

    def _build_tabs(self) -> QTabWidget:
        self.tabs = QTabWidget()
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.visitor_panel = VisitorPanel(self.ctx.user)
        self.visitor_panel.picked.connect(self.pick)
        self.visitor_panel.reprint_requested.connect(self.reprint)
        self.lookup_panel = LookupPanel()
        self.lookup_panel.reprint_requested.connect(self.reprint)
        self.tabs.addTab(self.visitor_panel, self.tr("Earlier visits"))
        self.tabs.addTab(self.lookup_panel, self.tr("Receipt look-up"))
        self.tabs.addTab(self._build_queue_table(), self.tr("Waiting at each window"))
        return self.tabs

    def _build_queue_table(self) -> QTableWidget:
        self.queue_table = QTableWidget(0, 4)
        self.queue_table.setHorizontalHeaderLabels(
            [self.tr("Window"), self.tr("Waiting"), self.tr("Of them priority"), self.tr("Now")]
        )
        self.queue_table.verticalHeader().hide()
        self.queue_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.queue_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # The table is for reading; Tab stays within the form.
        self.queue_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.queue_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return self.queue_table

    def _build_shortcuts(self) -> None:
        keys: list[tuple[str, Callable[[], None]]] = [
            ("Ctrl+Return", self.issue),
            ("Ctrl+Enter", self.issue),
            ("F9", self.issue),
            ("F2", self._focus_search),
            ("F3", self._focus_matches),
            ("Ctrl+P", self.reprint_last),
        ]
        for key, action in keys:
            QShortcut(QKeySequence(key), self, action)

    def _load_choices(self) -> None:
        for code, name in catalog.CHANNELS.items():
            self.channel_combo.addItem(name, code)
        for code, name in catalog.PURPOSES.items():
            self.purpose_combo.addItem(name, code)
        for code, name in catalog.ID_TYPES.items():
            self.id_type_combo.addItem(name, code)
        self.gender_combo.addItem(self.tr("Not given"), "")
        for gender in catalog.GENDERS:
            self.gender_combo.addItem(gender, gender)
        self.priority_combo.addItem(self.tr("None"), "")
        with self.ctx.database.read() as s:
            for reason in catalog.priority_reasons(s):
                self.priority_combo.addItem(reason.name, reason.code)
        self._load_places_and_leader()
        self._reset_choices()

    def _load_places_and_leader(self) -> None:
        today = clock.now().date()
        with self.ctx.database.read() as s:
            townships = roster.townships(s)
            self._villages = {t: roster.villages(s, t) for t in townships}
            leader = roster.duty_leader(s, today)
            leader_text = f"{leader.name} {leader.title}".strip() if leader else ""
        chosen = self.township_combo.currentData()
        self.township_combo.blockSignals(True)
        self.township_combo.clear()
        self.township_combo.addItem(self.tr("Township or street"), "")
        for township in townships:
            self.township_combo.addItem(township, township)
        self.township_combo.setCurrentIndex(max(0, self.township_combo.findData(chosen)))
        self.township_combo.blockSignals(False)
        self._township_changed()
        if leader_text:
            self.leader_label.setText(
                self.tr("Leader receiving visitors today: {leader}").format(leader=leader_text)
            )
        else:
            self.leader_label.setText(self.tr("No leader receives visitors today."))
        self.leader_check.setEnabled(bool(leader_text))
        if not leader_text:
            self.leader_check.setChecked(False)
        self.leader_check.setToolTip(leader_text)

    def _reset_choices(self) -> None:
        self.channel_combo.setCurrentIndex(self.channel_combo.findData("visit"))
        self.purpose_combo.setCurrentIndex(self.purpose_combo.findData("request"))
        self.id_type_combo.setCurrentIndex(self.id_type_combo.findData("resident"))
        self.gender_combo.setCurrentIndex(0)
        self.gender_combo.setEnabled(True)
        self.township_combo.setCurrentIndex(0)
        self.priority_combo.setCurrentIndex(0)
        self.window_combo.setCurrentIndex(-1)

    def _reload(self) -> None:
        self._load_places_and_leader()
        self.refresh_queues()

    def _retry_unconfirmed(self) -> None:
        """The database is back: an issue it did not confirm is finished now, once."""
        if self._unconfirmed_issue is not None:
            self.issue()

    # -- the queues -----------------------------------------------------------------------

    def refresh_queues(self, changed_window: str = "") -> None:
        """Re-read every window's queue: a change at one window (a transfer, a call) can change
        the counts of others, so all are read whichever window changed."""
        with self.ctx.database.read() as s:
            queues = queue.status(s, clock.now().date())
        chosen = self.window_combo.currentData()
        self.window_combo.blockSignals(True)
        self.window_combo.clear()
        for q in queues:
            self.window_combo.addItem(
                self.tr("{letter} {name} ({waiting} waiting)").format(
                    letter=q.letter, name=q.name, waiting=q.waiting
                ),
                q.code,
            )
        self.window_combo.setCurrentIndex(self.window_combo.findData(chosen) if chosen else -1)
        self.window_combo.blockSignals(False)

        self.queue_table.setRowCount(len(queues))
        for row, q in enumerate(queues):
            now_serving = "、".join(t.number for t in q.calling)
            cells = [f"{q.letter}  {q.name}", str(q.waiting), str(q.priority_waiting), now_serving]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.queue_table.setItem(row, column, item)

    # -- the form -------------------------------------------------------------------------

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

    def issue(self) -> None:
        """Register the visitor and issue the ticket; on any problem keep the form as typed."""
        registration = self.registration()
        self._clear_errors()
        problems = reception.validate(registration)
        if problems:
            self._show_problems(problems)
            return
        if self._returning is None and self._recognise(registration):
            return
        link = self._case_to_link()
        request = self._unconfirmed_issue or new_request_id()
        try:
            with self.ctx.database.write() as s:

                def register() -> int:
                    ticket = reception.register(s, registration, actor=self.ctx.user)
                    if link is not None:
                        assert ticket.visit_id is not None
                        cases.link_visit(s, link.case_id, ticket.visit_id, actor=self.ctx.user)
                    return ticket.id

                applied = apply_once(s, request, "visit.register", register)
                ticket = s.get_one(Ticket, applied.entity_id)
                issued = queue.view(ticket)
                ahead = queue.people_ahead(s, ticket)
                receipt = receipt_for(s, ticket)
        except InvalidInput as error:
            self._unconfirmed_issue = None
            self._show_problems([error])
            return
        except HallError as error:
            self._unconfirmed_issue = None
            self._show_status(error.message, error=True)
            return
        except SQLAlchemyError:
            log.exception("registration not saved")
            self._unconfirmed_issue = request
            self._show_status(
                self.tr(
                    "The database cannot be reached: nothing was saved. The form is kept; "
                    "press Issue ticket again when the connection is back."
                ),
                error=True,
            )
            return
        self._unconfirmed_issue = None
        self._show_ticket(issued, ahead)
        self._last_code = receipt.visit_code
        for button in self._receipt_buttons():
            button.setEnabled(True)
        self.clear_form()
        status = self.tr("Ticket {number} issued to {name}.").format(
            number=issued.number, name=issued.visitor_name
        )
        if link is not None:
            status += self.tr(" The visit is linked to case {number} as a repeat.").format(
                number=link.number
            )
        self._show_status(status)
        self.refresh_queues()
        self._send_receipt(receipt)
        self.ticket_issued.emit(issued)

    def _recognise(self, registration: reception.Registration) -> bool:
        """A resident ID number typed (or scanned) faster than the search could answer may
        belong to a returning visitor: pick them now. True when they have a matter of the same
        kind on record, which the receptionist must see before the ticket is issued."""
        if registration.id_type != "resident" or not registration.id_number.strip():
            return False
        number = check_resident_id(registration.id_number).number
        try:
            with self.ctx.database.read() as s:
                match = find_by_id_number(s, number)
                returning = load_returning(s, match, clock.now().date()) if match else None
        except SQLAlchemyError:
            # Issuing goes on and meets the same database, which then says what is wrong.
            return False
        if returning is None:
            return False
        self._set_returning(returning, fill_name=False)
        purpose = registration.purpose
        if returning.open_matter(purpose) or returning.final_matter(purpose):
            self._show_status(
                self.tr(
                    "{name} has been here before with a matter of this kind (see the note "
                    "above the buttons). Check it, then press Issue ticket again."
                ).format(name=returning.match.name),
                error=True,
            )
            self.new_matter_check.setFocus()
            return True
        return False

    def _case_to_link(self) -> cases.OpenMatter | None:
        if self._returning is None or self.new_matter_check.isChecked():
            return None
        return self._returning.open_matter(self.purpose_combo.currentData() or "")

    def clear_form(self) -> None:
        """Empty the form for the next visitor and put the cursor on the name."""
        # First: letting the visitor go suggests a window, which the reset below takes back.
        self.forget_returning()
        for edit in (self.name_edit, self.id_edit, self.phone_edit, self.address_edit):
            edit.clear()
        self.proxy_edit.clear()
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
        self.search.cancel()
        self.search_edit.clear()
        self.visitor_panel.reset()
        for message in self._messages.values():
            message.clear()
        self.status_label.clear()
        self.name_edit.setFocus()

    def _show_ticket(self, ticket: queue.TicketView, ahead: int) -> None:
        self.number_label.setText(ticket.number)
        self.destination_label.setText(
            self.tr("Please go to {window} ({location})").format(
                window=ticket.window_name, location=ticket.window_location
            )
        )
        if ahead:
            self.ahead_label.setText(self.tr("{count} waiting ahead").format(count=ahead))
        else:
            self.ahead_label.setText(self.tr("No one ahead"))
        reason = self.priority_combo.itemText(
            max(0, self.priority_combo.findData(ticket.priority_reason or ""))
        )
        visitor = self.tr("Visitor: {name}").format(name=ticket.visitor_name)
        if ticket.priority_reason:
            visitor += "　" + self.tr("Priority: {reason}").format(reason=reason)
        self.visitor_label.setText(visitor)

    def _show_problems(self, problems: list[InvalidInput]) -> None:
        unplaced = []
        first_field: QWidget | None = None
        for problem in problems:
            message = self._messages.get(problem.field or "")
            if message is None:
                unplaced.append(problem.message)
                continue
            message.show_error(problem.message)
            if first_field is None:
                first_field = message.field
        summary = self.tr("Please correct the {count} marked item(s); nothing was saved.").format(
            count=len(problems)
        )
        self._show_status(" ".join([summary, *unplaced]), error=True)
        if first_field is not None:
            first_field.setFocus()

    def _clear_errors(self) -> None:
        for message in self._messages.values():
            message.clear_error()
        self.status_label.clear()

    def _show_status(self, text: str, error: bool = False) -> None:
        self.status_label.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")
        self.status_label.setText(text)

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

    def _township_changed(self) -> None:
        township = self.township_combo.currentData() or ""
        self.village_combo.clear()
        self.village_combo.addItem(self.tr("Village or community"), "")
        for village in self._villages.get(township, []):
            self.village_combo.addItem(village, village)
        self.village_combo.setEnabled(bool(township))

    def _group_size_changed(self, size: int) -> None:
        self._routing_form.setRowVisible(self.representatives_cell, size > 1)
        message = self._messages["group_size"]
        if size > reception.GROUP_NEEDS_REPRESENTATIVES:
            message.show_note(
                self.tr(
                    "A group of {size} elects representatives to speak for it: register "
                    "them below (at most {count})."
                ).format(size=size, count=reception.MAX_GROUP_REPRESENTATIVES)
            )
        else:
            message.clear()

    def _representative_refused(self) -> None:
        self._messages["representatives"].show_error(
            self.tr(
                "A group raising a common matter elects representatives, at most {count} "
                "(Regulations on Letters and Visits, article 18): a further representative "
                "cannot be added."
            ).format(count=reception.MAX_GROUP_REPRESENTATIVES)
        )

    def _channel_changed(self) -> None:
        self._visitor_form.setRowVisible(
            self.proxy_cell, self.channel_combo.currentData() == "proxy"
        )

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
            reason = self.tr("a repeat of case {number}, which this window follows up").format(
                number=repeat.number
            )
        index = self.window_combo.findData(window)
        if index < 0:
            return
        self.window_combo.setCurrentIndex(index)
        self._messages["window"].show_note(self.tr("Suggested: {reason}").format(reason=reason))

    # -- returning visitors -----------------------------------------------------------------

    def _form_typed(self, text: str, source: str) -> None:
        if self._returning is None:
            self.search.request(text, source)

    def _search_typed(self, text: str) -> None:
        if looks_like_receipt(text) and not text.strip().isalpha():
            # A receipt's code, typed or scanned: Enter looks it up; no visitor has such a name.
            self.search.cancel()
            return
        self.search.request(text, "box")

    def _on_found(self, result: SearchResult) -> None:
        self.visitor_panel.show_matches(result)
        if result.matches:
            self.tabs.setCurrentWidget(self.visitor_panel)
        pick_on_result, self._pick_on_result = self._pick_on_result, False
        if result.source == "id_number" and len(result.matches) == 1:
            number = result.text.strip().upper()
            if result.matches[0].masked_id == mask_id_number(number) and len(number) == 18:
                self.pick(result.matches[0], fill_name=not self.name_edit.text().strip())
        elif pick_on_result and result.source == "box":
            if len(result.matches) == 1:
                self.pick(result.matches[0])
            elif result.matches:
                self._focus_matches()

    def pick(self, match: VisitorMatch, fill_name: bool = True) -> None:
        """Take a visitor found by the search as the one registering now."""
        try:
            with self.ctx.database.read() as s:
                returning = load_returning(s, match, clock.now().date())
        except NotFound:
            self._show_status(self.tr("That visitor is no longer on record."), error=True)
            return
        except SQLAlchemyError:
            log.exception("visitor history not read")
            self._show_status(
                self.tr("The database cannot be reached: the visitor's history is not shown."),
                error=True,
            )
            return
        self._set_returning(returning, fill_name=fill_name)
        if fill_name:
            self.purpose_combo.setFocus()

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
        on_file = self.tr("On file: {value} (leave empty to keep)")
        if match.masked_id:
            self.id_edit.setPlaceholderText(on_file.format(value=match.masked_id))
        if match.masked_phone:
            self.phone_edit.setPlaceholderText(on_file.format(value=match.masked_phone))
        details = [match.gender, match.masked_id, match.masked_phone]
        self.returning_label.setText(
            self.tr("Returning visitor: {name} ({details}); {count} earlier visit(s).").format(
                name=match.name,
                details="，".join(d for d in details if d) or "—",
                count=len(returning.visits),
            )
        )
        self.returning_banner.show()
        self.visitor_panel.show_visitor(returning)
        self.tabs.setCurrentWidget(self.visitor_panel)
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
        self.visitor_panel.show_visitor(None)
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
                    self.tr(
                        "{name}'s case {number} ({state}) of this kind stays open until "
                        "{date}; registered as a new matter, this visit is not linked to it."
                    ).format(**values)
                )
            else:
                lines.append(
                    self.tr(
                        "Repeat visit: {name}'s case {number} ({state}) of this kind is open "
                        "until {date}. This visit will be linked to it, not registered as a "
                        "new matter."
                    ).format(**values)
                )
        if final is not None:
            lines.append(
                final.reason
                + self.tr(" The visit may still be registered, so that it can be explained.")
            )
        self.repeat_label.setText("\n".join(lines))
        self.repeat_box.show()
        self._suggest_window()

    # -- the search box: visitors and receipts ----------------------------------------------

    def _focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def _focus_matches(self) -> None:
        if self.visitor_panel.matches.count():
            self.tabs.setCurrentWidget(self.visitor_panel)
            self.visitor_panel.matches.setFocus()

    def _search_entered(self) -> None:
        """Enter in the search box: a receipt's code opens its visit; anything else picks the
        visitor it finds (a scanned ID number finds one)."""
        text = self.search_edit.text().strip()
        if not text:
            return
        if looks_like_receipt(text):
            self.search.cancel()
            if self.look_up(text) or not text.isalpha():
                return
        self._pick_on_result = True
        self.search.run_now(text, "box")

    def look_up(self, code: str) -> bool:
        """Open the visit a receipt names; False (and the reason shown) if there is none."""
        try:
            with self.ctx.database.read() as s:
                found: LookedUp = look_up(s, code, self.ctx.user, clock.now().date())
        except NotFound as error:
            self.lookup_panel.show_not_found(error.message)
            self.tabs.setCurrentWidget(self.lookup_panel)
            self.looked_up.emit(None)
            return False
        except SQLAlchemyError:
            log.exception("receipt look-up failed")
            self.lookup_panel.show_not_found(
                self.tr("The database cannot be reached: the receipt cannot be looked up now.")
            )
            self.tabs.setCurrentWidget(self.lookup_panel)
            self.looked_up.emit(None)
            return False
        self.lookup_panel.show_visit(found)
        self.tabs.setCurrentWidget(self.lookup_panel)
        self.search_edit.selectAll()
        self.looked_up.emit(found)
        return True

    # -- receipts -------------------------------------------------------------------------

    def _send_receipt(self, receipt: ReceiptData) -> None:
        self._show_receipt_state(
            self.tr("Printing the receipt of {number}…").format(number=receipt.ticket_number)
        )
        self.receipts.send(receipt)

    def _receipt(self, code: str) -> ReceiptData | None:
        try:
            with self.ctx.database.read() as s:
                return visit_receipt(s, code)
        except HallError as error:
            self._show_receipt_state(error.message, error=True)
        except SQLAlchemyError:
            log.exception("receipt not read")
            self._show_receipt_state(
                self.tr("The database cannot be reached: the receipt cannot be printed now."),
                error=True,
            )
        return None

    def reprint(self, code: str) -> None:
        """Print a visit's receipt again (the ticket it has now, its place in the queue now)."""
        receipt = self._receipt(code)
        if receipt is not None:
            self._send_receipt(receipt)

    def reprint_last(self) -> None:
        if self._last_code is not None:
            self.reprint(self._last_code)

    def _with_last_receipt(self, action: Callable[[ReceiptData, QWidget], object]) -> None:
        if self._last_code is None:
            return
        receipt = self._receipt(self._last_code)
        if receipt is not None:
            action(receipt, self)

    def _receipt_printed(self, message: str) -> None:
        self._show_receipt_state(message)

    def _receipt_failed(self, reason: str) -> None:
        self._show_receipt_state(
            self.tr("Receipt not printed. {reason} Ctrl+P prints it again.").format(reason=reason),
            error=True,
        )

    def _show_receipt_state(self, text: str, error: bool = False) -> None:
        self.receipt_label.setStyleSheet(
            f"color: {ERROR_COLOUR}; font-weight: bold; border: 2px solid {ERROR_COLOUR};"
            " padding: 4px;"
            if error
            else ""
        )
        self.receipt_label.setText(text)


class RepresentativesEditor(QWidget):
    """The people a group elects to speak for it (at most five, 信访工作条例 第十八条): a row
    each for name, ID number and phone, added as needed; empty rows are ignored."""

    row_added = Signal(list)  # the new row's edits
    refused = Signal()  # a row beyond the limit was asked for

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        for column, title in enumerate((self.tr("Name"), self.tr("ID number"), self.tr("Phone"))):
            self._grid.addWidget(QLabel(title), 0, column + 1)
        self._grid.setColumnStretch(1, 2)
        self._grid.setColumnStretch(2, 3)
        self._grid.setColumnStretch(3, 2)
        self._rows: list[tuple[QLabel, QLineEdit, QLineEdit, QLineEdit]] = []
        self.add_button = QPushButton(self.tr("Add a representative"))
        self.add_button.clicked.connect(self.add_row)
        self._add_row_widgets()
        self.setFocusProxy(self._rows[0][1])

    def _add_row_widgets(self) -> list[QWidget]:
        number = len(self._rows) + 1
        label = QLabel(str(number))
        name, id_number, phone = QLineEdit(), QLineEdit(), QLineEdit()
        id_number.setMaxLength(18)
        self._grid.addWidget(label, number, 0)
        for column, edit in enumerate((name, id_number, phone)):
            self._grid.addWidget(edit, number, column + 1)
        self._grid.addWidget(self.add_button, number + 1, 1, 1, 3, Qt.AlignmentFlag.AlignLeft)
        self._rows.append((label, name, id_number, phone))
        # A layout shows a new child only once the event loop comes round; the new row must
        # take the cursor now.
        if self.isVisible():
            for widget in (label, name, id_number, phone):
                widget.show()
        return [name, id_number, phone]

    def add_row(self) -> None:
        """One more row, unless the group already has as many representatives as it may."""
        if len(self._rows) >= reception.MAX_GROUP_REPRESENTATIVES:
            self.refused.emit()
            return
        self.row_added.emit(self._add_row_widgets())

    def row_count(self) -> int:
        return len(self._rows)

    def edits(self) -> list[QWidget]:
        """Row by row, in the order Tab should visit them."""
        return [edit for _label, *row in self._rows for edit in row]

    def representatives(self) -> list[reception.Representative]:
        return [
            reception.Representative(name.text(), id_number.text(), phone.text())
            for _label, name, id_number, phone in self._rows
            if name.text().strip() or id_number.text().strip() or phone.text().strip()
        ]

    def clear(self) -> None:
        """Back to one empty row."""
        for label, *edits in self._rows[1:]:
            for widget in (label, *edits):
                self._grid.removeWidget(widget)
                widget.deleteLater()
        del self._rows[1:]
        self._grid.addWidget(self.add_button, 2, 1, 1, 3, Qt.AlignmentFlag.AlignLeft)
        for edit in self._rows[0][1:]:
            edit.clear()
