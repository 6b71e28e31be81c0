"""帮扶济困 hardship aid: the kind of hardship, the household, the amount asked for or granted
(the department it is referred to is the outcome's unit), with the visitor's aid ledger in
view so repeated aid is seen; and the ledger of all aid, where referrals are followed."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.engine import Database, Session
from db.window_models import AID_KINDS, REFERRAL_NAMES
from hall import aid, outcomes
from kit.context import AppContext, HallEvent
from kit.export import ExportColumn
from kit.fields import ERROR_COLOUR
from kit.lazy_table import CENTRE, Column
from kit.list_table import fill_cells, list_table
from windows.base import WindowWorkstation
from windows.legal import text_box
from windows.outcome_form import WindowPanel, select_data
from windows.panel_kit import DEFAULT_DAYS, FormDialog, SearchPage, fill_list, read_quietly


class AidPanel(WindowPanel):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setTitle(self.tr("Hardship aid"))
        self.database = database
        self.kind_combo = QComboBox()
        self.household_edit = text_box(
            self.tr("Why in hardship: illness, income, who is in the family"), lines=2
        )
        self.size_spin = QSpinBox()
        self.size_spin.setRange(1, aid.MAX_HOUSEHOLD)
        self.size_spin.setSuffix(self.tr(" people"))
        self.requested_edit = QLineEdit()
        self.requested_edit.setPlaceholderText(self.tr("yuan"))
        self.granted_edit = QLineEdit()
        self.granted_edit.setPlaceholderText(self.tr("yuan"))
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("What the department is to look at"))
        money = QHBoxLayout()
        money.setContentsMargins(0, 0, 0, 0)
        money.addWidget(QLabel(self.tr("asked")))
        money.addWidget(self.field("requested", self.requested_edit))
        money.addWidget(QLabel(self.tr("granted")))
        money.addWidget(self.field("granted", self.granted_edit))
        money_cell = QWidget()
        money_cell.setLayout(money)

        self.ledger_label = QLabel()
        self.ledger_label.setWordWrap(True)
        self.ledger_table = list_table(
            [
                self.tr("Date"),
                self.tr("Kind"),
                self.tr("Asked"),
                self.tr("Granted"),
                self.tr("Referral"),
            ],
            stretch=None,
        )
        rows = self.ledger_table.verticalHeader()
        rows.setDefaultSectionSize(self.fontMetrics().lineSpacing() + 8)
        # Four rows in sight: most returning visitors' whole aid history.
        self.ledger_table.setFixedHeight(rows.defaultSectionSize() * 5 + 6)

        form = QFormLayout(self)
        form.addRow(self.tr("&Kind"), self.field("kind", self.kind_combo))
        form.addRow(self.tr("&Household"), self.field("household", self.household_edit))
        form.addRow(self.tr("Household si&ze"), self.field("household_size", self.size_spin))
        form.addRow(self.tr("Amount"), money_cell)
        form.addRow(self.tr("Referral &note"), self.field("referral_note", self.note_edit))
        form.addRow(self.ledger_label)
        form.addRow(self.ledger_table)

    def entry(self) -> aid.AidEntry:
        kind = self.kind_combo.currentData()
        return aid.AidEntry(
            kind_id=int(kind) if kind is not None else None,
            household=self.household_edit.toPlainText(),
            household_size=self.size_spin.value(),
            requested=self.requested_edit.text(),
            granted=self.granted_edit.text(),
            referral_note=self.note_edit.text(),
        )

    def load(self, card: outcomes.VisitCard | None) -> None:
        fill_list(self.kind_combo, self.database, AID_KINDS, self.tr("(choose a kind)"))
        self.household_edit.clear()
        self.size_spin.setValue(1)
        for edit in (self.requested_edit, self.granted_edit, self.note_edit):
            edit.clear()
        self.show_ledger(card.visitor_id if card else None)

    def show_ledger(self, visitor_id: int | None) -> None:
        """The visitor's earlier aid, so repeated aid is seen before more is given."""
        ledger = None
        if visitor_id is not None:
            ledger = read_quietly(self, self.database, lambda s: aid.ledger_of(s, visitor_id))
        rows = ledger.rows if ledger else []
        if ledger is None or not rows:
            self.ledger_label.setText(self.tr("No earlier aid."))
            self.ledger_label.setStyleSheet("")
        else:
            self.ledger_label.setText(
                self.tr(
                    "Aided {count} times in the last year, {amount} granted; all aid below."
                ).format(count=ledger.recent_count, amount=ledger.recent_granted or "0")
            )
            self.ledger_label.setStyleSheet(
                f"color: {ERROR_COLOUR};" if ledger.recent_count else ""
            )
        fill_cells(
            self.ledger_table,
            [
                (
                    entry.date.isoformat(),
                    entry.kind,
                    entry.requested,
                    entry.granted,
                    f"{entry.referral_name} {entry.unit}".strip(),
                )
                for entry in rows
            ],
        )

    def first_field(self) -> QWidget:
        return self.kind_combo


class ReferralDialog(FormDialog):
    """Where a referral stands now, as the department said."""

    def __init__(self, ctx: AppContext, row: aid.AidRow, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.setWindowTitle(
            self.tr("Referral of {visitor}: {kind}").format(visitor=row.visitor_name, kind=row.kind)
        )
        self.state_combo = QComboBox()
        for code, name in REFERRAL_NAMES.items():
            self.state_combo.addItem(name, code)
        select_data(self.state_combo, row.referral)
        self.note_edit = QLineEdit(row.referral_note)
        self.granted_edit = QLineEdit(row.granted.replace(" 元", "").replace(",", ""))
        self.granted_edit.setPlaceholderText(self.tr("yuan"))
        buttons = self.button_row(self.tr("Save"), self.tr("Back"))
        self.save_button.clicked.connect(self.save)
        form = QFormLayout(self)
        form.addRow(self.tr("Referred to"), QLabel(row.unit or "—"))
        form.addRow(self.tr("&Stands"), self.errors.field("referral", self.state_combo))
        form.addRow(self.tr("&Note"), self.errors.field("referral_note", self.note_edit))
        form.addRow(self.tr("&Granted"), self.errors.field("granted", self.granted_edit))
        form.addRow(self.summary)
        form.addRow(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)

    def save(self) -> None:
        def work(s: Session) -> object:
            return aid.set_referral(
                s,
                self.row.id,
                str(self.state_combo.currentData()),
                self.note_edit.text(),
                self.granted_edit.text(),
                actor=self.ctx.user,
            )

        self.write(self.ctx.database, work)


def _yuan(row: aid.AidRow) -> Decimal | None:
    return Decimal(row.granted_fen) / 100 if row.granted_fen is not None else None


class AidLedgerPage(SearchPage[aid.AidRow, aid.AidFilter]):
    """帮扶台账: all aid, searched and filtered; referrals followed to their end."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, aid.AidFilter(), DEFAULT_DAYS * 12, parent)
        self.dialog: ReferralDialog | None = None
        self.search_edit.setPlaceholderText(self.tr("A name, or words of the household"))
        self.kind_combo = QComboBox()
        self.referral_combo = QComboBox()
        self.referral_combo.addItem(self.tr("Any referral state"), "")
        for code, name in REFERRAL_NAMES.items():
            self.referral_combo.addItem(name, code)
        self.search_button.setText(self.tr("Search"))
        self.referral_button = QPushButton(self.tr("Update the referral…"))
        self.referral_button.clicked.connect(self._open_current)
        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 2)
        filters.addWidget(self.kind_combo)
        filters.addWidget(self.referral_combo)
        self.add_dates(filters, self.tr("From"), self.tr("to"))
        filters.addWidget(self.search_button)

        self.show_rows(
            [
                Column(self.tr("Date"), lambda r: r.date.isoformat(), CENTRE),
                Column(self.tr("Visitor"), lambda r: r.visitor_name),
                Column(self.tr("Kind"), lambda r: r.kind),
                Column(self.tr("Household"), lambda r: r.household),
                Column(self.tr("Asked"), lambda r: r.requested),
                Column(self.tr("Granted"), lambda r: r.granted),
                Column(self.tr("Referred to"), lambda r: r.unit),
                Column(self.tr("Referral"), lambda r: r.referral_name),
            ],
            stretch=3,
        )
        self.view.activated.connect(self.open_referral)
        self.export_status = QLabel()
        self.export_button = self.excel_button(
            "帮扶台账",
            [
                ExportColumn("日期", lambda r: r.date, 11),
                ExportColumn("来访人", lambda r: r.visitor_name, 10),
                ExportColumn("救助类别", lambda r: r.kind, 12),
                ExportColumn("家庭情况", lambda r: r.household, 30),
                ExportColumn("家庭人口", lambda r: r.household_size, 8),
                ExportColumn("申请事项", lambda r: r.requested, 24),
                ExportColumn("已给予", lambda r: r.granted, 24),
                ExportColumn("金额（元）", _yuan, 11, "#,##0.00"),
                ExportColumn("转介单位", lambda r: r.unit, 18),
                ExportColumn("转介状态", lambda r: r.referral_name, 10),
                ExportColumn("转介说明", lambda r: r.referral_note, 24),
            ],
        )
        self.export_button.told.connect(self.export_status.setText)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.export_status)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.referral_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        ctx.events.received.connect(self._event)
        fill_list(self.kind_combo, ctx.database, AID_KINDS, self.tr("All kinds"))
        self.search()

    def _filter(self) -> aid.AidFilter:
        kind = self.kind_combo.currentData()
        return aid.AidFilter(
            text=self.search_edit.text(),
            kind_id=int(kind) if kind is not None else None,
            referral=str(self.referral_combo.currentData()),
            start=self.start(),
            end=self.end(),
        )

    def _rows(self, s: Session, offset: int, limit: int) -> Sequence[aid.AidRow]:
        return aid.search(s, self.wanted, offset, limit)

    def _count(self, s: Session) -> int:
        return aid.count(s, self.wanted)

    def _counted(self, count: int) -> None:
        self.count_label.setText(self.tr("{count} requests for aid").format(count=count))

    def _event(self, event: HallEvent) -> None:
        if event.entity == "aid_record":
            self.refresh()

    def _open_current(self) -> None:
        self.open_referral(self.view.currentIndex())

    def open_referral(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        dialog = ReferralDialog(self.ctx, self.model.row(index.row()), self)
        dialog.saved.connect(self.refresh)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()


class AidWorkstation(WindowWorkstation):
    def make_panel(self) -> WindowPanel:
        return AidPanel(self.ctx.database)

    def extra_pages(self) -> list[tuple[str, QWidget]]:
        self.ledger = AidLedgerPage(self.ctx)
        return [(self.tr("Aid ledger"), self.ledger)]
