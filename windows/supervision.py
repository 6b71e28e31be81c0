"""效能监察 efficiency supervision: complaints about an official or a unit (conduct, delay,
推诿), the unit and person concerned, confidential like any accusation. The window's 督办 page
on overdue or stalled formal cases is :mod:`windows.supervision_orders`."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from db.engine import Database
from db.window_models import COMPLAINT_KIND_NAMES
from hall import case_views, outcomes
from windows.base import WindowWorkstation
from windows.confidential_views import ConfidentialViewsPage
from windows.legal import text_box
from windows.outcome_form import WindowPanel, fill_units
from windows.supervision_orders import CaseOrders, OrderDialog, SupervisionPage

# Re-exported: the supervisors' screen mixes in CaseOrders, and the tests open the 督办 page's
# dialog, from here.
__all__ = [
    "CaseOrders",
    "ComplaintPanel",
    "OrderDialog",
    "SupervisionPage",
    "SupervisionWorkstation",
]


class ComplaintPanel(WindowPanel):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setTitle(self.tr("Complaint about an official or a unit (confidential)"))
        self.database = database
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("(choose)"), "")
        for code, name in COMPLAINT_KIND_NAMES.items():
            self.kind_combo.addItem(name, code)
        self.unit_combo = QComboBox()
        self.person_edit = QLineEdit()
        self.person_edit.setPlaceholderText(self.tr("The official concerned: name or post"))
        self.content_edit = text_box(self.tr("What the official or the unit did or failed to do"))
        form = QFormLayout(self)
        form.addRow(self.tr("&Kind"), self.field("complaint_kind", self.kind_combo))
        form.addRow(self.tr("&Unit concerned"), self.field("complaint_unit", self.unit_combo))
        form.addRow(self.tr("&Person concerned"), self.field("person", self.person_edit))
        form.addRow(self.tr("&Complaint"), self.field("complaint_content", self.content_edit))

    def entry(self) -> outcomes.ComplaintEntry:
        unit = self.unit_combo.currentData()
        return outcomes.ComplaintEntry(
            kind=str(self.kind_combo.currentData()),
            unit_id=int(unit) if unit is not None else None,
            person=self.person_edit.text(),
            content=self.content_edit.toPlainText(),
        )

    def load(self, card: outcomes.VisitCard | None) -> None:
        fill_units(self.unit_combo, self.database, self.tr("(none named)"))
        self.kind_combo.setCurrentIndex(0)
        self.person_edit.clear()
        usable = card is not None and not card.withheld
        self.content_edit.setPlainText(card.summary if usable and card else "")

    def first_field(self) -> QWidget:
        return self.kind_combo


class SupervisionWorkstation(WindowWorkstation):
    def make_panel(self) -> WindowPanel:
        return ComplaintPanel(self.ctx.database)

    def extra_pages(self) -> list[tuple[str, QWidget]]:
        self.supervision = SupervisionPage(self.ctx)
        pages: list[tuple[str, QWidget]] = [(self.tr("Supervision"), self.supervision)]
        if case_views.may_audit_views(self.ctx.user):
            self.confidential_views = ConfidentialViewsPage(self.ctx)
            pages.append((self.tr("Confidential views"), self.confidential_views))
        return pages
