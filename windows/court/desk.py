"""The clerk's desk itself: the tabs of the court's pages, the scanner's box, the message line."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hall import court, court_desk, queue
from hall.court_desk import Paper, Scanned
from hall.errors import PermissionDenied
from kit.context import AppContext, HallEvent
from kit.fields import ERROR_COLOUR
from kit.fit import scrolling
from kit.live import once_per_burst
from kit.operations import Operation, Problem
from windows.base import WindowWorkstation, desk_heading
from windows.court.figures import CourtFiguresPage, HearingsPage
from windows.court.files import CourtFilesPage
from windows.court.inbox import InboxPage
from windows.court.papers import PaperPrinter, PaperSaver
from windows.deadline_notices import ADJUSTED, DeadlineNotice, notice_for

# Events come in bursts (a hand-off, then the officer's finishing the ticket); the desk reads
# once per burst.
REFRESH_DELAY_MS = 200


class ClerkDesk(QWidget):
    """The clerk's desk for ``window_code`` (the court's window)."""

    def __init__(self, ctx: AppContext, window_code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.window_code = window_code
        # open_workstation has just found the window, so a failure here is a bug or a lost
        # database, which the helper tells in its message box.
        window = Operation(
            self, ctx.database, lambda s: queue.window_by_code(s, window_code), read_only=True
        ).run()
        self.window_name = window.name if window is not None else window_code
        self.window_location = window.location if window is not None else ""
        self.clerk = court.may_read_court_file(ctx.user)
        self.counter: WindowWorkstation | None = None
        self.inbox: InboxPage | None = None
        self.cases: CourtFilesPage | None = None
        self.hearings: HearingsPage | None = None
        self.figures: CourtFiguresPage | None = None

        layout = QVBoxLayout(self)
        layout.addWidget(self._header())
        self.tabs = QTabWidget()
        self.message_label = QLabel()
        self.message_label.setObjectName("deskMessage")
        self.message_label.setWordWrap(True)
        if self.clerk:
            layout.addLayout(self._scan_row())
        else:
            self.refusal_label = QLabel()
            try:
                court.require_clerk(ctx.user)
            except PermissionDenied as refused:
                self.refusal_label.setText(refused.message)
            self.refusal_label.setObjectName("refusal")
            self.refusal_label.setWordWrap(True)
            self.refusal_label.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
            layout.addWidget(self.refusal_label)
        self.notice = DeadlineNotice()
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message_label)
        if self.clerk:
            self._build_clerk_pages()
        # The court's window in the queue: built when first shown, as walk-ins are fewer than
        # hand-offs and the clerk may never open it.
        self.counter_page = QWidget()
        QVBoxLayout(self.counter_page).setContentsMargins(0, 0, 0, 0)
        self.counter_tab = self.tabs.addTab(self.counter_page, self.tr("Counter (queue)"))
        self.tabs.currentChanged.connect(self._tab_shown)
        self._tab_shown(self.tabs.currentIndex())
        for number in range(1, self.tabs.count() + 1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda n=number: self.tabs.setCurrentIndex(n - 1))

    def _header(self) -> QLabel:
        # Who is logged in is said once, in the main window's status bar.
        return desk_heading([self.window_name, self.window_location], self.font())

    def _scan_row(self) -> QHBoxLayout:
        self.scan_edit = QLineEdit()
        self.scan_edit.setObjectName("scan")
        self.scan_edit.setPlaceholderText(
            self.tr("Scan a hand-over slip's barcode, or type its number or a case number")
        )
        self.scan_edit.returnPressed.connect(self.open_scanned)
        label = QLabel(self.tr("Scan or &find:"))
        label.setBuddy(self.scan_edit)
        self.scan_button = QPushButton(self.tr("Open"))
        self.scan_button.clicked.connect(self.open_scanned)
        focus = QShortcut(QKeySequence("Ctrl+F"), self)
        focus.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        focus.activated.connect(self.scan_edit.setFocus)
        focus.activated.connect(self.scan_edit.selectAll)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.scan_edit, 1)
        row.addWidget(self.scan_button)
        self.setFocusProxy(self.scan_edit)
        return row

    def _build_clerk_pages(self) -> None:
        ctx = self.ctx
        self.papers = PaperSaver(ctx.database, ctx.user, self)
        self.papers.saved.connect(
            lambda path: self._say(self.tr("Saved {path}.").format(path=path), False)
        )
        self.papers.failed.connect(lambda reason: self._say(reason, True))
        self.printer = PaperPrinter(ctx.database, ctx.user, self)
        self.printer.printed.connect(lambda text: self._say(text, False))
        self.printer.failed.connect(lambda reason: self._say(reason, True))
        self.inbox = InboxPage(ctx)
        self.cases = CourtFilesPage(ctx)
        self.hearings = HearingsPage(ctx)
        self.figures = CourtFiguresPage(ctx.database, ctx.events)
        self.inbox_tab = self.tabs.addTab(self.inbox, "")
        self.cases_tab = self.tabs.addTab(self.cases, self.tr("Files"))
        self.hearings_tab = self.tabs.addTab(self.hearings, self.tr("Hearings"))
        # The figures' tiles and table are taller than a small screen; they scroll.
        self.figures_tab = self.tabs.addTab(scrolling(self.figures), self.tr("Figures"))
        for page in (self.inbox, self.cases):
            page.said.connect(self._say)
            page.paper_wanted.connect(self._save_paper)
            page.print_wanted.connect(self._print_paper)
        self.inbox.case_opened.connect(self._accepted)
        self.inbox.refreshed.connect(self._count_inbox)
        self.hearings.case_wanted.connect(self.show_case)
        self.cases.changed.connect(self.hearings.refresh)
        self._refresh_timer = once_per_burst(self, REFRESH_DELAY_MS, self.refresh)
        ctx.events.received.connect(self._event)
        # Events missed while the database was away are not replayed; read everything again.
        ctx.events.connection_restored.connect(self.refresh)
        self.refresh()

    # -- reading --------------------------------------------------------------------------

    def _event(self, event: HallEvent) -> None:
        told = notice_for(event, self.ctx.user.id)
        if told is not None:
            self.notice.tell(told)
        if event.kind.startswith("court.") or (
            event.kind == ADJUSTED and event.entity == "court_case"
        ):
            self._refresh_timer.start()

    def refresh(self) -> None:
        if self.inbox is None or self.cases is None or self.hearings is None:
            return
        self.inbox.refresh()
        self.cases.refresh()
        self.hearings.refresh()

    def _count_inbox(self) -> None:
        assert self.inbox is not None
        waiting = self.inbox.count()
        self.tabs.setTabText(
            self.inbox_tab,
            self.tr("Inbox ({count})").format(count=waiting) if waiting else self.tr("Inbox"),
        )

    def _tab_shown(self, index: int) -> None:
        if index == self.counter_tab and self.counter is None:
            self.counter = WindowWorkstation(self.ctx, self.window_code)
            layout = self.counter_page.layout()
            assert layout is not None
            layout.addWidget(self.counter)

    # -- acting ---------------------------------------------------------------------------

    def _say(self, text: str, refusal: bool = False) -> None:
        self.message_label.setStyleSheet(f"color: {ERROR_COLOUR};" if refusal else "")
        self.message_label.setText(text)

    def _accepted(self, case_id: int) -> None:
        assert self.cases is not None
        self.cases.refresh()
        self.show_case(case_id)

    def show_case(self, case_id: int) -> None:
        assert self.cases is not None
        self.tabs.setCurrentIndex(self.cases_tab)
        self.cases.open_case(case_id)

    def open_scanned(self) -> None:
        """Open what the scanner (or the clerk) typed: a waiting hand-off in the inbox, or the
        file a hand-off or case number belongs to."""
        assert self.inbox is not None
        code = self.scan_edit.text().strip()
        if not code:
            return
        user = self.ctx.user
        scanned = (
            Operation(
                self, self.ctx.database, lambda s: court_desk.scan(s, code, user), read_only=True
            )
            .failure(self._not_opened)
            .run()
        )
        if scanned is None:
            return
        self._open(scanned)

    def _not_opened(self, problem: Problem) -> None:
        self._say(problem.message, True)
        self.scan_edit.selectAll()

    def _open(self, scanned: Scanned) -> None:
        assert self.inbox is not None
        handoff, case_id = scanned.handoff, scanned.case_id
        if case_id is None and handoff is not None and not scanned.waiting:
            # A slip whose hand-off went back to its window: say so, with the reason.
            self._say(
                self.tr("{number} was returned to {window}: {reason}").format(
                    number=handoff.number,
                    window=handoff.window_name,
                    reason=handoff.return_reason,
                ),
                True,
            )
            self.scan_edit.selectAll()
            return
        self.scan_edit.clear()
        if case_id is None:
            assert handoff is not None
            self.inbox.refresh()
            self.tabs.setCurrentIndex(self.inbox_tab)
            self.inbox.pick(handoff.id)
            self._say(
                self.tr("{number} is waiting: accept it or return it.").format(
                    number=handoff.number
                )
            )
        else:
            self.show_case(case_id)
            self._say("")

    def _save_paper(self, paper: Paper, code: str, label: str) -> None:
        self.papers.ask(self, paper, code, label)

    def _print_paper(self, paper: Paper, code: str, label: str) -> None:
        self.printer.ask(self, paper, code, label)
