"""What the shell wires in for issue 15: the administrators' pages, the idle lock, changing
one's password, the audited log-out, and what a log-in must ask or tell before the main window
opens. Kept here so that the shell's own modules only call these."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QWidget

from db.engine import Database
from desktop.audit_screen import AuditScreen
from desktop.backup_screen import BackupScreen
from desktop.idle_lock import IdleLock, install
from desktop.password_dialog import ChangePasswordDialog
from desktop.users_screen import UsersScreen
from hall import accounts, users
from kit.context import AppContext
from kit.operations import Operation

USERS_PAGE = "users"
AUDIT_PAGE = "audit"
BACKUP_PAGE = "backup"
PageEntry = tuple[str, str, Callable[[], QWidget]]


# Each translate() spells its context out: lupdate takes a context only from a literal.
def pages(ctx: AppContext) -> list[PageEntry]:
    """(key, title, make) of the pages this user's administrator roles open."""
    found: list[PageEntry] = []
    if ctx.has_role(users.ADMIN, users.SECURITY):
        found.append(
            (
                USERS_PAGE,
                QCoreApplication.translate("SecurityPages", "Users and security"),
                lambda: UsersScreen(ctx),
            )
        )
    if ctx.has_role(users.ADMIN):
        found.append(
            (
                BACKUP_PAGE,
                QCoreApplication.translate("SecurityPages", "Backup"),
                lambda: BackupScreen(ctx),
            )
        )
    if ctx.has_role(users.AUDITOR):
        found.append(
            (
                AUDIT_PAGE,
                QCoreApplication.translate("SecurityPages", "Audit"),
                lambda: AuditScreen(ctx),
            )
        )
    return found


def start_idle_lock(
    ctx: AppContext, window: QMainWindow, log_out: Callable[[], object]
) -> IdleLock | None:
    """The idle lock over ``window``; an administrator's forced log-out calls ``log_out``."""
    lock = install(ctx, window)
    if lock is not None:
        lock.logged_out.connect(log_out)
    return lock


def add_password_action(menu: QMenu, ctx: AppContext, window: QWidget) -> QAction:
    """“Change password…” in the System menu."""
    action = QAction(QCoreApplication.translate("SecurityPages", "Change &password…"), window)

    def ask() -> None:
        dialog = ChangePasswordDialog(ctx.database, ctx.user.id, required=False, parent=window)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    action.triggered.connect(ask)
    menu.addAction(action)
    return action


def audit_log_out(ctx: AppContext, parent: QWidget) -> None:
    """Audit the user's log-out (a lost database does not keep them from leaving)."""
    user = ctx.user
    Operation(parent, ctx.database, lambda s: accounts.log_out(s, user)).failure(
        lambda _problem: None
    ).run()


def after_log_in(
    parent: QWidget, database: Database, result: accounts.LoginResult, go_on: Callable[[], object]
) -> QWidget | None:
    """Ask for a new password when one is required (going on only once it is changed), or warn
    of one about to expire and go on. Returns the dialog shown, if any."""
    user = result.user
    assert user is not None
    if result.must_change:
        dialog = ChangePasswordDialog(database, user.id, required=True, parent=parent)
        dialog.accepted.connect(go_on)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog
    if result.expires_in is not None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("SecurityPages", "Password about to expire"),
            QCoreApplication.translate(
                "SecurityPages",
                "Your password expires in {days} days: change it soon (System menu, Change "
                "password).",
            ).format(days=result.expires_in),
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.finished.connect(lambda _code: go_on())
        box.finished.connect(box.deleteLater)
        box.open()
        return box
    go_on()
    return None
