"""Asking where to save a file (an export, a bulletin, a PDF paper) without blocking the screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QFileDialog, QWidget

# Qt 6 gave two of its file dialog's labels keyboard mnemonics, and the Chinese translation
# PySide6 ships (qtbase_zh_CN.qm) has only their older forms ("Look in:"), so the dialog showed
# them in English. Listed here under Qt's own context, they are translated in kit_zh_CN.ts and
# the dialog finds them there.
QT_FILE_DIALOG_LABELS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def ask_save_path(
    parent: QWidget,
    title: str,
    suggested: str,
    name_filter: str,
    suffix: str,
    chosen: Callable[[Path], None],
) -> QFileDialog:
    """Open a save dialog (Qt's own, the same on every platform) and call ``chosen`` with the
    path the user picks. Returns the dialog, already open."""
    dialog = QFileDialog(parent, title, str(Path.home() / suggested), name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix(suffix)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.fileSelected.connect(lambda path: chosen(Path(path)))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def ask_save_pdf(
    parent: QWidget,
    title: str,
    suggested: str,
    chosen: Callable[[Path], None],
    name_filter: str = "PDF (*.pdf)",
) -> QFileDialog:
    """:func:`ask_save_path` for a PDF file."""
    return ask_save_path(parent, title, suggested, name_filter, "pdf", chosen)
