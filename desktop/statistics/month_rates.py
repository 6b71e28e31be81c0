"""This month's five rates for the leader's home screen, beside today's live queue: each as
value and numerator / denominator, read once on the screen's worker when the screen opens."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QWidget

from desktop.statistics.panels import percent
from hall import clock
from hall.figures import Overview, overview, periods
from hall.figures import definitions as d
from hall.figures.report import RATE_KEYS
from kit.context import AppContext
from kit.operations import Operation

RATES_PER_ROW = 3


class MonthRates(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("This month's rates"), parent)
        self.labels: dict[str, QLabel] = {}
        # Three to a row: five rates with numerator and denominator are wider than a 1366 px
        # screen on one line.
        layout = QGridLayout(self)
        for index, key in enumerate(RATE_KEYS):
            label = QLabel(f"{d.NAMES[key]}：—")
            label.setToolTip(d.TEXTS[key])
            self.labels[key] = label
            layout.addWidget(label, index // RATES_PER_ROW, index % RATES_PER_ROW)
        month = periods.month(clock.now().date())
        Operation(self, ctx.database, lambda s: overview(s, month), read_only=True).success(
            self.show_figures
        ).failure(lambda problem: self.setTitle(problem.message)).run_in_background()

    def show_figures(self, figures: Overview) -> None:
        for key in RATE_KEYS:
            rate = figures.rates[key]
            self.labels[key].setText(
                f"{d.NAMES[key]}：{percent(rate)}（{rate.numerator}/{rate.denominator}）"
            )
