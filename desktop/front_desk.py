"""The front desk (导访台): register a visitor, send them to a window, hand them a number.

One user action, one unit of work: "Issue ticket" registers the visitor and the visit and
queues them in a single transaction (``hall.reception.register``). Every problem with the form
is shown under its own field at once, and nothing typed is cleared until a ticket is issued.
"""

from __future__ import annotations

import itertools
import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from desktop.widgets.context import AppContext
from desktop.widgets.fields import ERROR_COLOUR, FieldMessage, IdNumberField, with_message
from hall import catalog, clock, queue, reception, routing
from hall.errors import HallError, InvalidInput
from hall.identity import check_phone

log = logging.getLogger(__name__)

MAX_GROUP = 999


class FrontDeskScreen(QWidget):
    """Register a visitor and issue their ticket; see how long each window's queue is."""

    ticket_issued = Signal(object)  # hall.queue.TicketView

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._messages: dict[str, FieldMessage] = {}
        layout = QHBoxLayout(self)
        layout.addWidget(self._build_form(), 3)
        side = QVBoxLayout()
        side.addWidget(self._build_ticket_panel())
        side.addWidget(self._build_queue_panel(), 1)
        layout.addLayout(side, 2)
        self._load_choices()
        self.refresh_queues()
        ctx.events.queue_changed.connect(self.refresh_queues)
        # Events missed while the database was away are not replayed; read the queues again.
        ctx.events.connection_restored.connect(self.refresh_queues)
        self.name_edit.setFocus()

    # -- building -------------------------------------------------------------------------

    def _build_form(self) -> QGroupBox:
        box = QGroupBox(self.tr("Register a visitor"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(reception.MAX_NAME + 8)
        form.addRow(self.tr("&Name"), self._field("name", self.name_edit))

        self.id_edit = IdNumberField()
        self._messages["id_number"] = self.id_edit.message
        form.addRow(self.tr("&ID number"), with_message(self.id_edit, self.id_edit.message))

        self.phone_edit = QLineEdit()
        self.phone_edit.setPlaceholderText(self.tr("Mobile, or area code and number"))
        self.phone_edit.editingFinished.connect(self._check_phone)
        form.addRow(self.tr("&Phone"), self._field("phone", self.phone_edit))

        self.address_edit = QLineEdit()
        self.address_edit.setPlaceholderText(self.tr("Township, village or community"))
        form.addRow(self.tr("&Address"), self.address_edit)

        self.channel_combo = QComboBox()
        self.channel_combo.currentIndexChanged.connect(self._channel_changed)
        form.addRow(self.tr("&Channel"), self._field("channel", self.channel_combo))
        self.proxy_edit = QLineEdit()
        self.proxy_edit.setPlaceholderText(self.tr("Who comes on the visitor's behalf"))
        self.proxy_cell = self._field("proxy_name", self.proxy_edit)
        form.addRow(self.tr("Pro&xy"), self.proxy_cell)
        self.purpose_combo = QComboBox()
        form.addRow(self.tr("P&urpose"), self._field("purpose", self.purpose_combo))

        self.summary_edit = QPlainTextEdit()
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setPlaceholderText(self.tr("What the visitor asks for, in brief"))
        self.summary_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        form.addRow(self.tr("&Summary"), self.summary_edit)

        self.group_spin = QSpinBox()
        self.group_spin.setRange(0, MAX_GROUP)
        self.group_spin.setValue(1)
        self.group_spin.setSuffix(self.tr(" people"))
        self.group_spin.valueChanged.connect(self._group_size_changed)
        form.addRow(self.tr("&Group size"), self._field("group_size", self.group_spin))
        self.representatives = RepresentativesEditor()
        self.representatives_cell = self._field("representatives", self.representatives)
        form.addRow(self.tr("Representatives"), self.representatives_cell)

        self.priority_combo = QComboBox()
        form.addRow(self.tr("P&riority"), self._field("priority", self.priority_combo))

        self.litigation_check = QCheckBox(self.tr("&Litigation-related"))
        self.urgent_check = QCheckBox(self.tr("U&rgent"))
        flags = QHBoxLayout()
        flags.addWidget(self.litigation_check)
        flags.addWidget(self.urgent_check)
        flags.addStretch(1)
        form.addRow(self.tr("Flags"), flags)

        self.window_combo = QComboBox()
        self.window_combo.setPlaceholderText(self.tr("Choose a window"))
        self.window_combo.activated.connect(self._window_chosen)
        self._window_chosen_by_hand = False
        form.addRow(self.tr("&Window"), self._field("window", self.window_combo))

        self.issue_button = QPushButton(self.tr("Issue ticket (Ctrl+Enter)"))
        self.issue_button.setToolTip(self.tr("Ctrl+Enter or F9"))
        self.issue_button.clicked.connect(self.issue)
        for keys in ("Ctrl+Return", "Ctrl+Enter", "F9"):
            QShortcut(QKeySequence(keys), self, self.issue)
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
        self._form = form
        form.setRowVisible(self.proxy_cell, False)
        form.setRowVisible(self.representatives_cell, False)

        for signal in (
            self.purpose_combo.currentIndexChanged,
            self.channel_combo.currentIndexChanged,
            self.litigation_check.toggled,
            self.summary_edit.textChanged,
        ):
            signal.connect(self._suggest_window)

        chain: list[QWidget] = [
            self.name_edit,
            self.id_edit,
            self.phone_edit,
            self.address_edit,
            self.channel_combo,
            self.proxy_edit,
            self.purpose_combo,
            self.summary_edit,
            self.group_spin,
            *self.representatives.edits(),
            self.priority_combo,
            self.litigation_check,
            self.urgent_check,
            self.window_combo,
            self.issue_button,
            self.clear_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        return box

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
        big.setPointSize(max(big.pointSize(), 9) * 5)
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
        emphasis.setPointSize(max(emphasis.pointSize(), 9) + 4)
        self.destination_label.setFont(emphasis)
        self.ahead_label.setFont(emphasis)
        layout.addWidget(self.number_label)
        layout.addWidget(self.destination_label)
        layout.addWidget(self.ahead_label)
        layout.addWidget(self.visitor_label)
        return box

    def _build_queue_panel(self) -> QGroupBox:
        box = QGroupBox(self.tr("Waiting at each window"))
        layout = QVBoxLayout(box)
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
        layout.addWidget(self.queue_table)
        return box

    def _load_choices(self) -> None:
        for code, name in catalog.CHANNELS.items():
            self.channel_combo.addItem(name, code)
        for code, name in catalog.PURPOSES.items():
            self.purpose_combo.addItem(name, code)
        self.priority_combo.addItem(self.tr("None"), "")
        with self.ctx.database.read() as s:
            for reason in catalog.priority_reasons(s):
                self.priority_combo.addItem(reason.name, reason.code)
        self._reset_choices()

    def _reset_choices(self) -> None:
        self.channel_combo.setCurrentIndex(self.channel_combo.findData("visit"))
        self.purpose_combo.setCurrentIndex(self.purpose_combo.findData("request"))
        self.priority_combo.setCurrentIndex(0)
        self.window_combo.setCurrentIndex(-1)

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
            id_number=self.id_edit.text(),
            phone=self.phone_edit.text(),
            address=self.address_edit.text(),
            channel=self.channel_combo.currentData() or "",
            proxy_name=self.proxy_edit.text(),
            purpose=self.purpose_combo.currentData() or "",
            summary=self.summary_edit.toPlainText(),
            group_size=self.group_spin.value(),
            representatives=self.representatives.representatives(),
            priority_reason=self.priority_combo.currentData() or None,
            litigation=self.litigation_check.isChecked(),
            urgent=self.urgent_check.isChecked(),
        )

    def issue(self) -> None:
        """Register the visitor and issue the ticket; on any problem keep the form as typed."""
        registration = self.registration()
        self._clear_errors()
        problems = reception.validate(registration)
        if problems:
            self._show_problems(problems)
            return
        try:
            with self.ctx.database.write() as s:
                ticket = reception.register(s, registration, actor=self.ctx.user)
                issued = queue.view(ticket)
                ahead = queue.people_ahead(s, ticket)
        except InvalidInput as error:
            self._show_problems([error])
            return
        except HallError as error:
            self._show_status(error.message, error=True)
            return
        except SQLAlchemyError:
            log.exception("registration not saved")
            self._show_status(
                self.tr(
                    "The database cannot be reached: nothing was saved. The form is kept; "
                    "press Issue ticket again when the connection is back."
                ),
                error=True,
            )
            return
        self._show_ticket(issued, ahead)
        self.clear_form()
        self._show_status(
            self.tr("Ticket {number} issued to {name}.").format(
                number=issued.number, name=issued.visitor_name
            )
        )
        self.refresh_queues()
        self.ticket_issued.emit(issued)

    def clear_form(self) -> None:
        """Empty the form for the next visitor and put the cursor on the name."""
        for edit in (self.name_edit, self.id_edit, self.phone_edit, self.address_edit):
            edit.clear()
        self.proxy_edit.clear()
        self.summary_edit.clear()
        self.representatives.clear()
        self.group_spin.setValue(1)
        self.litigation_check.setChecked(False)
        self.urgent_check.setChecked(False)
        self._reset_choices()
        self._window_chosen_by_hand = False
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

    def _group_size_changed(self, size: int) -> None:
        self._form.setRowVisible(self.representatives_cell, size > 1)
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

    def _channel_changed(self) -> None:
        self._form.setRowVisible(self.proxy_cell, self.channel_combo.currentData() == "proxy")

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
        )
        index = self.window_combo.findData(suggestion.window)
        if index < 0:
            return
        self.window_combo.setCurrentIndex(index)
        self._messages["window"].show_note(
            self.tr("Suggested: {reason}").format(reason=suggestion.reason)
        )


class RepresentativesEditor(QWidget):
    """The people a group elects to speak for it (at most five, 信访工作条例): a row each for
    name, ID number and phone; empty rows are ignored."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for column, title in enumerate((self.tr("Name"), self.tr("ID number"), self.tr("Phone"))):
            grid.addWidget(QLabel(title), 0, column + 1)
        self._rows: list[tuple[QLineEdit, QLineEdit, QLineEdit]] = []
        for number in range(1, reception.MAX_GROUP_REPRESENTATIVES + 1):
            name, id_number, phone = QLineEdit(), QLineEdit(), QLineEdit()
            id_number.setMaxLength(18)
            grid.addWidget(QLabel(str(number)), number, 0)
            for column, edit in enumerate((name, id_number, phone)):
                grid.addWidget(edit, number, column + 1)
            self._rows.append((name, id_number, phone))
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 3)
        grid.setColumnStretch(3, 2)
        self.setFocusProxy(self._rows[0][0])

    def edits(self) -> list[QWidget]:
        """Row by row, in the order Tab should visit them."""
        return [edit for row in self._rows for edit in row]

    def representatives(self) -> list[reception.Representative]:
        return [
            reception.Representative(name.text(), id_number.text(), phone.text())
            for name, id_number, phone in self._rows
            if name.text().strip() or id_number.text().strip() or phone.text().strip()
        ]

    def clear(self) -> None:
        for row in self._rows:
            for edit in row:
                edit.clear()
