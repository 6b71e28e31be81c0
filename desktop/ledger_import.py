"""导入台账: a hall's past ledgers brought in from Excel or CSV.

The user chooses the ledger and the file, may download the template, checks the file first
(预检: what would be created, or every problem with its row, column and how to fix it, in a
table that can be saved for whoever keeps the ledger), then imports it on a worker with a
progress bar and a cancel. One import is one unit of work: a problem or a cancel writes
nothing. For the administrator, the letters window and the court's clerk (the court's ledger).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.engine import Session
from db.models import User
from hall import ledgers, outputs
from kit.context import AppContext
from kit.fields import ERROR_COLOUR
from kit.operations import Operation, Problem, Tracker
from kit.save_file import ask_save_path

XLSX_FILTER_EXTENSIONS = "*.xlsx *.csv"


def importable(parent: QWidget, ctx: AppContext) -> dict[str, str]:
    """The ledgers the logged-in user may import (none when the database cannot be read)."""
    found = Operation(
        parent,
        ctx.database,
        lambda s: ledgers.importable_kinds(s.get(User, ctx.user.id)),
        read_only=True,
    )
    return found.failure(lambda _problem: None).run() or {}


class LedgerImportScreen(QWidget):
    """Choose, check, import; the report shown as a table of problems or of what is made."""

    reported = Signal(object)  # ledgers.ImportReport, of a check or an import
    told = Signal(str)  # a problem that stopped the check or the import

    def __init__(
        self, ctx: AppContext, kinds: dict[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.content: bytes | None = None
        self.path: Path | None = None
        self.report: ledgers.ImportReport | None = None
        self.tracker: Tracker | None = None
        self.file_dialog: QFileDialog | None = None
        self.setWindowTitle(self.tr("Import a ledger"))

        title = QLabel(self.tr("Import a ledger"))
        font = title.font()
        font.setPointSize(max(font.pointSize(), 9) + 5)
        font.setBold(True)
        title.setFont(font)
        hint = QLabel(
            self.tr(
                "Every row is checked before anything is written: with any problem nothing is "
                "imported, and rows imported before are not imported again."
            )
        )
        hint.setWordWrap(True)

        self.kind_combo = QComboBox()
        for kind, name in kinds.items():
            self.kind_combo.addItem(name, kind)
        self.kind_combo.currentIndexChanged.connect(self._forget_report)
        self.template_button = QPushButton(self.tr("Download the template…"))
        self.template_button.clicked.connect(self.ask_template)
        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("An .xlsx file, or a .csv in UTF-8 or GB18030"))
        self.choose_button = QPushButton(self.tr("Choose a file…"))
        self.choose_button.clicked.connect(self.ask_file)
        self.check_button = QPushButton(self.tr("Check (dry run)"))
        self.check_button.clicked.connect(self.check)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress_bar = QProgressBar()
        self.progress_bar.setFormat(self.tr("%v of %m rows"))
        self.progress_bar.setValue(0)
        # "0 of 1 rows" would be a false statement before any import has started.
        self.progress_bar.setTextVisible(False)

        choose = QHBoxLayout()
        choose.addWidget(QLabel(self.tr("Ledger")))
        choose.addWidget(self.kind_combo, 1)
        choose.addWidget(self.template_button)
        choose.addSpacing(16)
        choose.addWidget(QLabel(self.tr("File")))
        choose.addWidget(self.file_edit, 3)
        choose.addWidget(self.choose_button)
        act = QHBoxLayout()
        act.addWidget(self.check_button)
        act.addWidget(self.import_button)
        act.addWidget(self.progress_bar, 1)
        act.addWidget(self.cancel_button)

        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems_table = self._table(
            [self.tr("Row"), self.tr("Column"), self.tr("What is wrong"), self.tr("How to fix it")],
            fitted=2,
        )
        self.export_problems_button = QPushButton(self.tr("Save the problems as Excel…"))
        self.export_problems_button.clicked.connect(self.ask_problems_file)
        problems = QWidget()
        problems_layout = QVBoxLayout(problems)
        problems_layout.setContentsMargins(0, 0, 0, 0)
        problems_layout.addWidget(self.problems_table, 1)
        problems_layout.addWidget(self.export_problems_button, 0, Qt.AlignmentFlag.AlignRight)
        self.created_table = self._table([self.tr("Records"), self.tr("How many")], fitted=2)
        self.results = QStackedWidget()
        self.results.addWidget(self.created_table)
        self.results.addWidget(problems)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(choose)
        layout.addLayout(act)
        layout.addWidget(self.message_label)
        layout.addWidget(self.results, 1)
        self._enable()

    @staticmethod
    def _table(headings: list[str], fitted: int) -> QTableWidget:
        """A read-only table whose first ``fitted`` columns fit their content and the rest
        share the width, long texts wrapped."""
        table = QTableWidget(0, len(headings))
        table.setHorizontalHeaderLabels(headings)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(True)
        header = table.horizontalHeader()
        for column in range(len(headings)):
            mode = QHeaderView.ResizeMode
            header.setSectionResizeMode(
                column, mode.ResizeToContents if column < fitted else mode.Stretch
            )
        # Wrapped rows are measured again once their columns have their final widths.
        header.sectionResized.connect(lambda *_: table.resizeRowsToContents())
        return table

    def kind(self) -> str:
        return str(self.kind_combo.currentData() or "")

    def _busy(self) -> bool:
        return self.tracker is not None

    def _enable(self) -> None:
        busy, ready = self._busy(), self.content is not None and bool(self.kind())
        for widget in (self.kind_combo, self.choose_button, self.template_button):
            widget.setEnabled(not busy)
        self.check_button.setEnabled(ready and not busy)
        self.import_button.setEnabled(ready and not busy)
        self.cancel_button.setEnabled(busy)
        self.export_problems_button.setEnabled(bool(self.report and self.report.problems))

    def _say(self, text: str, wrong: bool = False) -> None:
        self.message_label.setStyleSheet(f"color: {ERROR_COLOUR};" if wrong else "")
        self.message_label.setText(text)

    def _forget_report(self) -> None:
        self.report = None
        self.problems_table.setRowCount(0)
        self.created_table.setRowCount(0)
        self._say("")
        self._enable()

    # The file.
    def ask_file(self) -> None:
        dialog = QFileDialog(
            self,
            self.tr("Choose the ledger file"),
            str(Path.home()),
            self.tr("Ledgers ({extensions})").format(extensions=XLSX_FILTER_EXTENSIONS),
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.fileSelected.connect(lambda path: self.choose_file(Path(path)))
        dialog.finished.connect(dialog.deleteLater)
        self.file_dialog = dialog
        dialog.open()

    def choose_file(self, path: Path) -> None:
        self.path = path
        self.file_edit.setText(str(path))
        self.content = None
        self._forget_report()
        if self._read():
            self._say(self.tr("Press Check to see what the file would create."))

    def _read(self) -> bool:
        """Read the file afresh, so a file fixed after a check is checked as it now is."""
        if self.path is None:
            return False
        try:
            self.content = self.path.read_bytes()
        except OSError as error:
            self.content = None
            self._say(
                self.tr("The file could not be read ({reason}): choose it again.").format(
                    reason=error.strerror or error
                ),
                wrong=True,
            )
        self._enable()
        return self.content is not None

    # Check and import.
    def check(self) -> None:
        self._run(dry_run=True)

    def start_import(self) -> None:
        self._run(dry_run=False)

    def cancel(self) -> None:
        if self.tracker is not None:
            self.tracker.cancel()
            self._say(self.tr("Cancelling…"))

    def _run(self, dry_run: bool) -> None:
        if self._busy() or not self._read() or self.content is None or self.path is None:
            return
        kind, content, name, user_id = self.kind(), self.content, self.path.name, self.ctx.user.id
        tracker = Tracker(self)
        tracker.progressed.connect(self._progressed)
        self.tracker = tracker
        self.progress_bar.setRange(0, 0)
        self._forget_report()
        self._say(self.tr("Checking the file…") if dry_run else self.tr("Importing…"))

        def work(s: Session) -> ledgers.ImportReport:
            return ledgers.import_ledger(
                s,
                kind,
                content,
                name,
                actor=s.get(User, user_id),
                dry_run=dry_run,
                progress=tracker.progress,
                cancelled=tracker.cancelled,
            )

        operation = Operation(self, self.ctx.database, work)
        operation.success(self._reported).failure(self._stopped).run_in_background()

    def _progressed(self, done: int, total: int) -> None:
        self.progress_bar.setTextVisible(True)
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)

    def _finished(self) -> None:
        self.tracker = None
        if self.progress_bar.maximum() == 0:
            self.progress_bar.setRange(0, 1)
            self.progress_bar.setValue(0)
            self.progress_bar.setTextVisible(False)

    def _reported(self, report: ledgers.ImportReport) -> None:
        self._finished()
        self.report = report
        self._say(report.message(), wrong=not report.ok)
        if report.problems:
            self._fill(self.problems_table, [
                [str(p.row) if p.row else "", p.column, p.what, p.fix] for p in report.problems
            ])  # fmt: skip
            self.results.setCurrentIndex(1)
        else:
            self._fill(self.created_table, [[name, str(n)] for name, n in report.created.items()])
            for row in range(self.created_table.rowCount()):
                count = self.created_table.item(row, 1)
                if count is not None:
                    count.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.results.setCurrentIndex(0)
        self._enable()
        self.reported.emit(report)

    def _stopped(self, problem: Problem) -> None:
        self._finished()
        self.progress_bar.setValue(0)
        self._say(problem.message, wrong=True)
        self._enable()
        self.told.emit(problem.message)

    @staticmethod
    def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(text))
        # Measured once the table is laid out with its new rows, so wrapped rows fit.
        QTimer.singleShot(0, table.resizeRowsToContents)

    # Files to save: the template and the problems.
    def ask_template(self) -> None:
        kind, name = self.kind(), self.kind_combo.currentText()
        self.file_dialog = ask_save_path(
            self,
            self.tr("Save the template"),
            f"{name}模板.xlsx",
            self.tr("Excel workbooks (*.xlsx)"),
            "xlsx",
            lambda path: self.save_template(kind, path),
        )

    def save_template(self, kind: str, path: Path) -> None:
        def work(s: Session) -> Path:
            path.write_bytes(ledgers.template(s, kind))
            return path

        operation = Operation(self, self.ctx.database, work, read_only=True)
        operation.success(self._saved).failure(lambda p: self._say(p.message, True))
        operation.run_in_background()

    def ask_problems_file(self) -> None:
        self.file_dialog = ask_save_path(
            self,
            self.tr("Save the problems"),
            "台账问题清单.xlsx",
            self.tr("Excel workbooks (*.xlsx)"),
            "xlsx",
            self.save_problems,
        )

    def save_problems(self, path: Path) -> None:
        report, user = self.report, self.ctx.user
        if report is None:
            return

        # Written inside the unit of work that audits the export: a file not written is not
        # recorded.
        def work(s: Session) -> Path:
            path.write_bytes(outputs.ledger_problems(s, user, report))
            return path

        operation = Operation(self, self.ctx.database, work)
        operation.success(self._saved).failure(lambda p: self._say(p.message, True)).run()

    def _saved(self, path: Path) -> None:
        self._say(self.tr("Saved to {path}.").format(path=path))


def open_ledger_import(window: QWidget, ctx: AppContext) -> LedgerImportScreen:
    screen = LedgerImportScreen(ctx, importable(window, ctx), window)
    screen.setWindowFlag(Qt.WindowType.Window, True)
    screen.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    screen.resize(1100, 640)
    screen.show()
    return screen


def add_ledger_menu(window: QMainWindow, ctx: AppContext) -> QMenu | None:
    """The Ledgers menu of the main window, for those who may import a ledger (the
    administrator, the letters window, the court's clerk); None for others."""
    if not importable(window, ctx):
        return None
    translate = QCoreApplication.translate
    menu = window.menuBar().addMenu(translate("LedgerImportScreen", "&Ledgers"))
    action = QAction(translate("LedgerImportScreen", "&Import a ledger…"), window)
    action.triggered.connect(lambda: open_ledger_import(window, ctx))
    menu.addAction(action)
    return menu
