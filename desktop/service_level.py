"""The leader's live service level (叫号服务达标率): for each window, today's share of calls made
within the window's service-level target, as a share and as numerator/denominator. Read again
on every queue event (a call changes it) and when the administrator changes a target."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QWidget

from hall import clock, queue
from hall.settings import SETTINGS_CHANGED
from kit.context import AppContext, HallEvent
from kit.live import once_per_burst
from kit.operations import Operation, Problem

# Windows side by side: eight windows in two rows on a 1366-pixel screen.
COLUMNS = 4
# Events come in bursts (a transfer is two); the figures are read once per burst.
REFRESH_DELAY_MS = 200
# Below this share a window's line is shown in red.
ALERT_SHARE = 0.8
ALERT_STYLE = "color: #c62828; font-weight: bold;"


class ServiceLevelPanel(QGroupBox):
    """Today's service level of every window, live."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setTitle(self.tr("Called within the target today"))
        self.setToolTip(
            self.tr(
                "The share of today's calls made within the window's service-level target "
                "(minutes from taking a number to being called); the administrator sets the "
                "targets."
            )
        )
        self.grid = QGridLayout(self)
        self.labels: dict[str, QLabel] = {}
        self.levels: list[queue.ServiceLevel] = []
        self._timer = once_per_burst(self, REFRESH_DELAY_MS, self.refresh)
        ctx.events.queue_changed.connect(self._timer.start)
        ctx.events.received.connect(self._on_event)
        ctx.events.connection_restored.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        day = clock.now().date()
        Operation(
            self, self.ctx.database, lambda s: queue.service_levels(s, day), read_only=True
        ).success(self.show_levels).failure(self._keep_last).run()

    def _keep_last(self, _problem: Problem) -> None:
        """The banner tells of the lost connection; the last figures stay readable."""

    def _on_event(self, event: HallEvent) -> None:
        if event.kind == SETTINGS_CHANGED:
            self._timer.start()

    def show_levels(self, levels: list[queue.ServiceLevel]) -> None:
        self.levels = levels
        if list(self.labels) != [level.window for level in levels]:
            for label in self.labels.values():
                self.grid.removeWidget(label)
                label.deleteLater()
            self.labels = {}
            for index, level in enumerate(levels):
                label = QLabel()
                label.setObjectName(f"serviceLevel:{level.window}")
                self.grid.addWidget(label, index // COLUMNS, index % COLUMNS)
                self.labels[level.window] = label
        for level in levels:
            self.labels[level.window].setText(self.line(level))
            self.labels[level.window].setToolTip(
                self.tr("Called within {target} minutes of taking a number").format(
                    target=level.target_minutes
                )
            )
            share = level.share
            alert = share is not None and share < ALERT_SHARE
            self.labels[level.window].setStyleSheet(ALERT_STYLE if alert else "")

    def line(self, level: queue.ServiceLevel) -> str:
        share = level.share
        # The target is in the tooltip: with it, four windows to a row are wider than a
        # 1280×720 screen at 125 %.
        return self.tr("{window}: {share} ({within}/{called})").format(
            window=level.window_title,
            share="—" if share is None else f"{share:.0%}",
            within=level.within,
            called=level.called,
        )
