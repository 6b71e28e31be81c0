"""The idle lock: after the admin-set minutes without input a workstation covers its window and
asks the same user's password (等保 2.0: 会话超时锁定).

The cover is a child laid over the main window; the screens under it are only disabled, never
closed, so whatever was half typed is there when the user comes back. Only the same user can
lift it; when they are away, a system administrator may log them out (强制注销), after being
told that what they did not save is lost. The calling display, a window of its own, is never
covered.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hall import accounts
from kit.context import AppContext
from kit.fields import ERROR_COLOUR
from kit.operations import Operation, Problem

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.InputMethod,
    }
)


class LockCover(QFrame):
    """What a locked workstation shows: who is logged in, their password, and the way out."""

    def __init__(self, lock: IdleLock, parent: QWidget) -> None:
        super().__init__(parent)
        self.lock = lock
        self.setObjectName("idleCover")
        self.setAutoFillBackground(True)
        self.setStyleSheet("#idleCover { background: #24364b; } QLabel { color: white; }")
        heading = QLabel(self.tr("This workstation is locked"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        heading.setFont(font)
        user = lock.ctx.user
        self.who = QLabel(
            self.tr(
                "{name} ({login}) is logged in. What was typed is kept: enter the password to "
                "go on."
            ).format(name=user.name, login=user.login)
        )
        self.who.setWordWrap(True)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.returnPressed.connect(lock.unlock)
        self.error_label = QLabel()
        self.error_label.setStyleSheet(f"color: {ERROR_COLOUR}; background: white; padding: 4px;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(lock.unlock)
        self.force_button = QPushButton(self.tr("Force log-out (administrator)…"))
        self.force_button.clicked.connect(lock.ask_force_log_out)

        form = QFormLayout()
        form.addRow(self._white(self.tr("&Password:"), self.password_edit), self.password_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.unlock_button)
        buttons.addStretch(1)
        buttons.addWidget(self.force_button)
        panel = QWidget()
        # Wide enough that the messages wrap into whole lines rather than being cut.
        panel.setFixedWidth(560)
        inner = QVBoxLayout(panel)
        inner.setSpacing(16)
        inner.addWidget(heading)
        inner.addWidget(self.who)
        inner.addLayout(form)
        inner.addWidget(self.error_label)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(panel, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

    def _white(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def refuse(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        self.password_edit.clear()
        self.password_edit.setFocus()


class ForceLogOutDialog(QDialog):
    """An administrator's login and password, under a warning of what is lost."""

    def __init__(self, lock: IdleLock, parent: QWidget) -> None:
        super().__init__(parent)
        self.lock = lock
        self.setWindowTitle(self.tr("Force log-out"))
        warning = QLabel(
            self.tr(
                "Forcing the log-out loses whatever the logged-in user typed and did not save. "
                "Only a system administrator may do it."
            )
        )
        warning.setWordWrap(True)
        warning.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.login_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Log out and lose the input")
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(warning)
        form.addRow(self.tr("Administrator's login:"), self.login_edit)
        form.addRow(self.tr("Password:"), self.password_edit)
        form.addRow(buttons)

    def accept(self) -> None:
        super().accept()
        self.lock.force_log_out(self.login_edit.text(), self.password_edit.text())


class IdleLock(QObject):
    """Watches the application's input and covers ``window`` after the idle minutes.

    ``logged_out`` is emitted when an administrator forced the log-out: the shell then closes
    the main window and shows the log-in again."""

    locked = Signal()
    unlocked = Signal()
    logged_out = Signal()

    def __init__(self, ctx: AppContext, window: QMainWindow, minutes: int) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(minutes * 60_000)
        self.timer.timeout.connect(self.lock)
        self.cover: LockCover | None = None
        self._covered: list[QWidget] = []
        self._hidden: list[QDialog] = []
        window.installEventFilter(self)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self.timer.start()

    @property
    def is_locked(self) -> bool:
        return self.cover is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Resize and self.cover:
            assert isinstance(event, QResizeEvent)
            self.cover.setGeometry(self.window.rect())
        if event.type() in INPUT_EVENTS and not self.is_locked:
            self.timer.start()
        return False

    def lock(self) -> None:
        if self.is_locked:
            return
        # Disabled, not hidden or closed: the screens keep every field, and their shortcuts
        # cannot fire under the cover.
        parts = (self.window.centralWidget(), self.window.menuBar())
        self._covered = [w for w in parts if w is not None and w.isEnabled()]
        for widget in self._covered:
            widget.setEnabled(False)
        # An open dialog would stay above the cover, readable and, if modal, keeping the cover
        # from taking the password: it is hidden (not closed, so it keeps what was typed) and
        # shown again on unlocking.
        self._hidden = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
        ]
        for dialog in self._hidden:
            dialog.hide()
        self.cover = LockCover(self, self.window)
        self.cover.setGeometry(self.window.rect())
        self.cover.show()
        self.cover.raise_()
        self.cover.password_edit.setFocus()
        user_id = self.ctx.user.id
        Operation(
            self.window, self.ctx.database, lambda s: accounts.screen_locked(s, user_id)
        ).failure(lambda _problem: None).run()
        self.locked.emit()

    def unlock(self) -> None:
        cover = self.cover
        if cover is None:
            return
        password = cover.password_edit.text()
        user_id = self.ctx.user.id

        def checked(right: bool) -> None:
            if not right:
                cover.refuse(
                    self.tr(
                        "The password is not right. After several wrong tries the account is "
                        "locked; ask the security administrator to unlock it."
                    )
                )
                return
            self._uncover()
            self.unlocked.emit()

        Operation(
            cover, self.ctx.database, lambda s: accounts.resume(s, user_id, password)
        ).success(checked).failure(lambda problem: cover.refuse(problem.message)).run()

    def _uncover(self) -> None:
        if self.cover is not None:
            self.cover.hide()
            self.cover.deleteLater()
            self.cover = None
        for widget in self._covered:
            widget.setEnabled(True)
        self._covered = []
        for dialog in self._hidden:
            dialog.show()
        self._hidden = []
        self.timer.start()

    def ask_force_log_out(self) -> ForceLogOutDialog | None:
        if self.cover is None:
            return None
        dialog = ForceLogOutDialog(self, self.cover)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def force_log_out(self, login: str, password: str) -> None:
        cover = self.cover
        if cover is None:
            return
        user_id = self.ctx.user.id

        def refused(problem: Problem) -> None:
            cover.refuse(problem.message)

        def done(_result: None) -> None:
            self._uncover()
            self.timer.stop()
            self.logged_out.emit()

        Operation(
            cover,
            self.ctx.database,
            lambda s: accounts.force_log_out(s, user_id, login, password),
        ).success(done).failure(refused).run()


def install(ctx: AppContext, window: QMainWindow) -> IdleLock | None:
    """Start the idle lock on ``window`` with the hall's idle minutes (None when they cannot be
    read: the database is lost, which the shell already shows)."""
    minutes = (
        Operation(
            window,
            ctx.database,
            accounts.idle_minutes,
            read_only=True,
        )
        .failure(lambda _problem: None)
        .run()
    )
    return None if minutes is None else IdleLock(ctx, window, minutes)
