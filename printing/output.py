"""Getting a document out of the program: its one error type, and saving it as a PDF file."""

from __future__ import annotations

from pathlib import Path

RECORD_KEPT = "已登记的记录不受影响，可以重新打印或保存。"


class PrinterError(Exception):
    """A document could not be printed or saved. The message is Chinese and says what failed;
    the record behind the document is untouched, so the document can be produced again."""


def save_pdf(pdf: bytes, path: Path) -> None:
    """Write a rendered PDF to ``path``, replacing what is there."""
    try:
        path.write_bytes(pdf)
    except OSError as error:
        reason = error.strerror or str(error)
        raise PrinterError(f"无法保存 PDF 文件“{path}”：{reason}。{RECORD_KEPT}") from error
