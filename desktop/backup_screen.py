"""备份: the system administrator backs the hall up now (on a worker, with progress), sees the
backups kept (when, how big, whether checked after writing), restores one (asked first; on a
database that holds data only after a second, plainer warning) and turns the single-PC hall's
daily backup on or off. The rules are hall.backup's; here they are only asked for."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.engine import Session
from hall import backup
from kit.confirm import confirm
from kit.context import AppContext
from kit.list_table import Picking, list_table
from kit.operations import Operation, Problem, Tracker, show_problem

MEGABYTE = 1024 * 1024


def size_text(size: int) -> str:
    if size >= MEGABYTE:
        return f"{size / MEGABYTE:.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


class BackupScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.backups: list[backup.BackupFile] = []
        self.tracker: Tracker | None = None
        self.folder_label = QLabel(
            self.tr("Backups are kept in {folder}, encrypted with the hall key.").format(
                folder=backup.backup_folder()
            )
        )
        self.folder_label.setWordWrap(True)
        self.backup_button = QPushButton(self.tr("&Back up now"))
        self.backup_button.clicked.connect(self.back_up)
        self.restore_button = QPushButton(self.tr("&Restore the selected backup…"))
        self.restore_button.clicked.connect(self.ask_restore)
        self.reload_button = QPushButton(self.tr("Re&fresh"))
        self.reload_button.clicked.connect(self.reload)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, backup.STEPS)
        self.progress_bar.setFormat(self.tr("Step %v of %m"))
        self.progress_bar.hide()
        self.table = list_table(
            [self.tr("Made"), self.tr("File"), self.tr("Size"), self.tr("Checked")],
            1,
            Picking.ROWS,
        )
        self.table.itemSelectionChanged.connect(self._enable)
        self.daily_box = QCheckBox(
            self.tr(
                "Back up by itself at the first start of each day (single-PC hall; the last "
                "30 are kept)"
            )
        )
        self.daily_box.toggled.connect(self.save_daily)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.progress_bar, 1)
        # Room after the buttons while no progress is shown, so they keep their size.
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.folder_label)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.daily_box)
        layout.addWidget(self.status_label)
        self.reload()
        self._enable()

    def reload(self) -> None:
        user = self.ctx.user

        def read(s: Session) -> tuple[list[backup.BackupFile], bool]:
            return backup.list_backups(s, user), backup.daily_on(s)

        Operation(self, self.ctx.database, read, read_only=True).success(self._show).run()

    def _show(self, result: tuple[list[backup.BackupFile], bool]) -> None:
        self.backups, daily = result
        self.table.setRowCount(len(self.backups))
        for number, item in enumerate(self.backups):
            cells = (
                f"{item.made_at:%Y-%m-%d %H:%M}",
                item.path.name,
                size_text(item.size),
                self.tr("Checked") if item.verified else self.tr("Not recorded"),
            )
            for column, text in enumerate(cells):
                self.table.setItem(number, column, QTableWidgetItem(text))
        self.daily_box.blockSignals(True)
        self.daily_box.setChecked(daily)
        self.daily_box.blockSignals(False)
        self._enable()

    def selected(self) -> backup.BackupFile | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _enable(self) -> None:
        idle = self.tracker is None
        self.backup_button.setEnabled(idle)
        self.restore_button.setEnabled(idle and self.selected() is not None)

    def _busy(self, tracker: Tracker | None) -> None:
        self.tracker = tracker
        self.progress_bar.setVisible(tracker is not None)
        self.progress_bar.setValue(0)
        self._enable()

    def back_up(self) -> None:
        database, user = self.ctx.database, self.ctx.user
        tracker = Tracker(self)
        tracker.progressed.connect(lambda done, _total: self.progress_bar.setValue(done))
        self._busy(tracker)
        self.status_label.setText(self.tr("Backing up…"))
        # The backup opens what it needs itself (a copy through SQLite's backup API, or
        # pg_dump); the unit of work the helper opens stays unused.
        Operation(
            self,
            database,
            lambda _s: backup.backup_now(database, user, tracker.progress),
            read_only=True,
        ).success(self._backed_up).failure(self._failed).run_in_background()

    def _backed_up(self, result: backup.BackupResult) -> None:
        self._busy(None)
        self.status_label.setText(
            self.tr(
                "Backed up to {file} ({size}), encrypted and checked: it can be restored."
            ).format(file=result.path.name, size=size_text(result.size))
        )
        self.reload()

    def _failed(self, problem: Problem) -> None:
        self._busy(None)
        self.status_label.setText("")
        show_problem(self, problem)

    def ask_restore(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        database = self.ctx.database
        Operation(self, database, lambda _s: backup.is_empty(database), read_only=True).success(
            lambda empty: self._confirm_restore(chosen.path, empty)
        ).run()

    def _confirm_restore(self, path: Path, empty: bool) -> None:
        if empty:
            asked = confirm(
                self,
                self.tr("Restore"),
                self.tr(
                    "Restore the backup {file} into this hall's database? The program must be "
                    "started again afterwards."
                ).format(file=path.name),
                self.tr("Restore"),
            )
        else:
            asked = confirm(
                self,
                self.tr("Replace the hall's data"),
                self.tr(
                    "This hall's database already holds data. Restoring {file} replaces ALL of "
                    "it with what the backup holds: everything entered since the backup was "
                    "made is lost, on every workstation, and this cannot be undone. Back up "
                    "now first if in doubt."
                ).format(file=path.name),
                self.tr("Replace with the backup"),
            )
        if asked:
            self.restore(path, force=not empty)

    def restore(self, path: Path, force: bool) -> None:
        database, user = self.ctx.database, self.ctx.user
        self._busy(Tracker(self))
        self.progress_bar.setRange(0, 0)
        self.status_label.setText(self.tr("Restoring…"))
        Operation(
            self,
            database,
            lambda _s: backup.restore_from(database, user, path, force),
            read_only=True,
        ).success(self._restored).failure(self._failed).run_in_background()

    def _restored(self, counts: dict[str, int]) -> None:
        self.progress_bar.setRange(0, backup.STEPS)
        self._busy(None)
        self.status_label.setText(
            self.tr(
                "Restored: {visits} visits, {visitors} visitors, {cases} cases. Close the "
                "program and start it again on every workstation."
            ).format(
                visits=counts.get("visit", 0),
                visitors=counts.get("visitor", 0),
                cases=counts.get("petition_case", 0),
            )
        )

    def save_daily(self, on: bool) -> None:
        user = self.ctx.user
        Operation(self, self.ctx.database, lambda s: backup.set_daily(s, user, on)).success(
            lambda _saved: self.status_label.setText(
                self.tr("Daily backup turned on.") if on else self.tr("Daily backup turned off.")
            )
        ).failure(self._daily_refused).run()

    def _daily_refused(self, problem: Problem) -> None:
        self.reload()
        show_problem(self, problem)
