"""督办: supervision of overdue or stalled formal cases — orders to their units, the replies,
escalation (the rules are :mod:`hall.supervision`). :class:`CaseOrders` serves both lists of
cases needing supervision: the supervision window's page (:class:`SupervisionPage`) and the
supervisors' screen."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QItemSelection
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.engine import Database, Session
from hall import cases, clock, supervision
from kit.context import AppContext, HallEvent
from kit.export import ExportColumn
from kit.lazy_table import CENTRE, Column
from kit.list_table import Picking, fill_cells, list_table
from kit.operations import Operation, Problem
from windows.outcome_form import fill_units, select_data
from windows.panel_kit import FormDialog, ListPage


class OrderDialog(FormDialog):
    """Issue an order, escalate one, or record a unit's reply: the text, and for an order the
    unit and the days it has to reply. Stays open until saved. ``fields`` and ``messages`` go
    by the rules' field names; what is left to fix, and a refusal that names no field, show in
    the line above the buttons (``error_label``)."""

    def __init__(
        self,
        title: str,
        text_field: str,
        text_label: str,
        text: str,
        save: Callable[[Session, str, int | None, int], object],
        database: Database,
        parent: QWidget,
        unit_id: int | None = None,
        asks_days: bool = True,
        asks_unit: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.database = database
        self._save = save
        self.text_edit = QPlainTextEdit(text)
        self.text_edit.setTabChangesFocus(True)
        self.unit_combo = QComboBox()
        fill_units(self.unit_combo, database, self.tr("(the case's unit)"))
        select_data(self.unit_combo, unit_id)
        self.days_spin = QSpinBox()
        self.days_spin.setRange(1, supervision.MAX_REPLY_DAYS)
        self.days_spin.setValue(supervision.DEFAULT_REPLY_DAYS)
        self.days_spin.setSuffix(self.tr(" days to reply"))
        self.fields: dict[str, QWidget] = {text_field: self.text_edit}
        if asks_unit:
            self.fields["unit"] = self.unit_combo
        if asks_days:
            self.fields["reply_days"] = self.days_spin
        # The summary of what is left to fix, and a refusal that names no field.
        self.error_label = self.summary
        self.buttons = QDialogButtonBox()
        self.save_button.setText(self.tr("Save"))
        self.save_button.setDefault(True)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Back"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.submit)
        form = QFormLayout(self)
        form.addRow(text_label, self.errors.field(text_field, self.text_edit))
        if asks_unit:
            form.addRow(self.tr("&Unit"), self.errors.field("unit", self.unit_combo))
        if asks_days:
            form.addRow(self.tr("&Reply within"), self.errors.field("reply_days", self.days_spin))
        form.addRow(self.summary)
        form.addRow(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.text_edit.setFocus()

    def submit(self) -> None:
        unit = self.unit_combo.currentData()
        self.write(
            self.database,
            lambda s: self._save(
                s,
                self.text_edit.toPlainText(),
                int(unit) if unit is not None else None,
                self.days_spin.value(),
            ),
        )


# The words of :class:`CaseOrders` have a context of their own: a mixin's ``self.tr()`` would
# look them up under the screen it is mixed into.
translate = QCoreApplication.translate


class CaseOrders:
    """督办 on the chosen case: its supervision orders, and issuing, answering and escalating
    them. Mixed into both lists of cases needing supervision (the supervisors' screen and the
    supervision window's page), which say which case is chosen and read themselves again;
    the orders, their dialogs and the words for them live here once."""

    ctx: AppContext

    def chosen_case(self) -> cases.CaseRow | None:
        raise NotImplementedError

    def refresh(self) -> object:
        """Read the list again, the chosen case kept chosen, and :meth:`show_orders`."""
        raise NotImplementedError

    def build_orders(self) -> QWidget:
        """The acts, the chosen case's orders and what was last done, as one widget."""
        self.dialog: OrderDialog | None = None
        self.orders: list[supervision.OrderView] = []
        self.orders_table = list_table(
            [
                translate("CaseOrders", "Order"),
                translate("CaseOrders", "Level"),
                translate("CaseOrders", "Unit"),
                translate("CaseOrders", "Reply due"),
                translate("CaseOrders", "State"),
                translate("CaseOrders", "Reply"),
            ],
            stretch=5,
            picking=Picking.ONE_ROW,
        )
        self.orders_table.setObjectName("caseOrders")
        self.issue_button = QPushButton(translate("CaseOrders", "&Issue a supervision order…"))
        self.issue_button.clicked.connect(self.issue_order)
        self.reply_button = QPushButton(translate("CaseOrders", "Record the unit's &reply…"))
        self.reply_button.clicked.connect(self.record_reply)
        self.escalate_button = QPushButton(translate("CaseOrders", "&Escalate…"))
        self.escalate_button.clicked.connect(self.escalate)
        self.message = QLabel()
        self.message.setObjectName("supervisionMessage")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(translate("CaseOrders", "Supervision orders on this case")), 1)
        for button in (self.issue_button, self.reply_button, self.escalate_button):
            buttons.addWidget(button)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.orders_table, 1)
        layout.addWidget(self.message)
        return box

    def _event(self, event: HallEvent) -> None:
        if event.entity in ("case", "supervision_order"):
            self.refresh()

    def show_orders(self) -> None:
        """The chosen case's orders, the last one chosen; only what can be done is offered."""
        case = self.chosen_case()
        self.orders = []
        if case is not None:
            case_id, day = case.id, clock.now().date()
            reading = Operation(
                self._parent(),
                self.ctx.database,
                lambda s: supervision.orders_of_case(s, case_id, day),
                read_only=True,
            )
            self.orders = reading.failure(self._not_done).run() or []
        fill_cells(
            self.orders_table,
            [
                (
                    order.number,
                    order.level_name,
                    order.unit,
                    order.reply_due.isoformat(),
                    order.state_name + _lateness(order),
                    order.reply_text,
                )
                for order in self.orders
            ],
        )
        if self.orders:
            self.orders_table.selectRow(len(self.orders) - 1)
        self.issue_button.setEnabled(case is not None)
        self.reply_button.setEnabled(bool(self.orders))
        self.escalate_button.setEnabled(bool(self.orders))

    def chosen_order(self) -> supervision.OrderView | None:
        row = self.orders_table.currentRow()
        return self.orders[row] if 0 <= row < len(self.orders) else None

    def _open(self, dialog: OrderDialog) -> None:
        done = translate("CaseOrders", "{action}: done.").format(action=dialog.windowTitle())
        dialog.saved.connect(lambda: self._done(done))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _not_done(self, problem: Problem) -> None:
        self.message.setText(problem.message)

    def _done(self, message: str) -> None:
        self.refresh()
        self.message.setText(message)

    def _parent(self) -> QWidget:
        assert isinstance(self, QWidget), "CaseOrders is mixed into a widget"
        return self

    def issue_order(self) -> None:
        case = self.chosen_case()
        if case is None:
            return
        user = self.ctx.user
        reading = Operation(
            self._parent(),
            self.ctx.database,
            lambda s: supervision.unit_of_case(s, case.id),
            read_only=True,
        )
        unit_id = reading.failure(self._not_done).run()

        def save(s: Session, text: str, unit_id: int | None, days: int) -> object:
            return supervision.issue_order(s, case.id, text, unit_id, days, actor=user)

        self._open(
            OrderDialog(
                translate("CaseOrders", "Supervision order on {case}").format(case=case.number),
                "reason",
                translate("CaseOrders", "&Reason"),
                "；".join(case.reasons),
                save,
                self.ctx.database,
                self._parent(),
                unit_id=unit_id,
                asks_unit=True,
            )
        )

    def record_reply(self) -> None:
        order = self.chosen_order()
        if order is None:
            return
        user = self.ctx.user

        def save(s: Session, text: str, _unit: int | None, _days: int) -> object:
            return supervision.record_reply(s, order.id, text, actor=user)

        self._open(
            OrderDialog(
                translate("CaseOrders", "Reply of {unit} to {order}").format(
                    unit=order.unit, order=order.number
                ),
                "text",
                translate("CaseOrders", "&Reply"),
                "",
                save,
                self.ctx.database,
                self._parent(),
                asks_days=False,
            )
        )

    def escalate(self) -> None:
        order = self.chosen_order()
        if order is None:
            return
        user = self.ctx.user

        def save(s: Session, text: str, _unit: int | None, days: int) -> object:
            return supervision.escalate(s, order.id, text, days, actor=user)

        self._open(
            OrderDialog(
                translate("CaseOrders", "Escalate {order}").format(order=order.number),
                "reason",
                translate("CaseOrders", "&Reason"),
                translate("CaseOrders", "No reply by {day}").format(day=order.reply_due.isoformat())
                if order.overdue
                else "",
                save,
                self.ctx.database,
                self._parent(),
            )
        )


def _lateness(order: supervision.OrderView) -> str:
    """Said after the order's state: its reply is overdue, or came late."""
    if order.overdue:
        return translate("CaseOrders", " (reply overdue)")
    if order.reply_late:
        return translate("CaseOrders", " (late)")
    return ""


class SupervisionPage(ListPage[cases.CaseRow], CaseOrders):
    """督办: the cases overdue or stalled, the orders on the chosen one, and the acts on them."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.count_label = QLabel()
        self.show_rows(
            [
                Column(self.tr("Case"), lambda r: r.number),
                Column(self.tr("State"), lambda r: r.state_name),
                Column(self.tr("Matter"), lambda r: f"{r.purpose_name}　{r.summary}"),
                Column(self.tr("Unit"), lambda r: r.unit or ""),
                Column(
                    self.tr("Overdue"),
                    lambda r: (
                        self.tr("{days} d").format(days=r.days_overdue) if r.days_overdue else ""
                    ),
                    CENTRE,
                ),
                Column(self.tr("Why supervise"), lambda r: "；".join(r.reasons)),
            ],
            stretch=2,
        )
        self.view.selectionModel().selectionChanged.connect(self._case_chosen)
        self.export_button = self.excel_button(
            "督办",
            [
                ExportColumn("编号", lambda r: r.number, 22),
                ExportColumn("状态", lambda r: r.state_name, 8),
                ExportColumn("信访目的", lambda r: r.purpose_name, 10),
                ExportColumn("事由摘要", lambda r: r.summary, 40),
                ExportColumn("承办单位", lambda r: r.unit or "", 18),
                ExportColumn("登记日期", lambda r: r.received_on, 11),
                ExportColumn("期限", lambda r: r.due_on, 11),
                ExportColumn("超期天数", lambda r: r.days_overdue, 8),
                ExportColumn("督办原因", lambda r: "；".join(r.reasons), 40),
            ],
        )
        self.export_button.told.connect(self.count_label.setText)
        heading = QHBoxLayout()
        heading.addWidget(self.count_label, 1)
        heading.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(self.view, 3)
        layout.addWidget(self.build_orders(), 2)
        ctx.events.received.connect(self._event)
        self.refresh()

    def _rows(self, s: Session, offset: int, limit: int) -> Sequence[cases.CaseRow]:
        return supervision.needing_supervision(s, clock.now().date(), limit, offset)

    def _count(self, s: Session) -> int:
        return supervision.count_needing_supervision(s, clock.now().date())

    def _counted(self, count: int) -> None:
        self.count_label.setText(
            self.tr("{count} cases are overdue or stalled and need supervision.").format(
                count=count
            )
        )

    def refresh(self) -> bool:
        """Read the list again, the chosen case kept chosen if it is still listed."""
        chosen = self.chosen_case()
        if not super().refresh():
            return False
        rows = [self.model.row(i).id for i in range(self.model.rowCount())]
        if chosen is not None and chosen.id in rows:
            self.view.selectRow(rows.index(chosen.id))
        elif rows:
            self.view.selectRow(0)
        self.show_orders()
        return True

    def chosen_case(self) -> cases.CaseRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _case_chosen(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.show_orders()
