"""The intake receipt on an ESC/POS thermal printer (network or device file).

The printer draws the text in its own Chinese font and the Code128 barcode in hardware, so the
roll prints fast and sharp with no PDF in between. Chinese thermal printers take Chinese text as
GB18030/GBK bytes once Chinese character mode (``FS &``) is on; python-escpos has no such code
page of its own, so that text goes to the printer as raw bytes.
"""

from __future__ import annotations

import re
import socket
from dataclasses import dataclass

from escpos.escpos import Escpos  # type: ignore[import-untyped]
from escpos.exceptions import Error as EscposError  # type: ignore[import-untyped]
from escpos.printer import File, Network  # type: ignore[import-untyped]

from printing.output import PrinterError
from printing.receipt import NUMBER_LABEL, QUERY_CODE_LABEL, ReceiptData

ENCODING = "gb18030"
CHINESE_MODE_ON = b"\x1c\x26"  # FS &
CHINESE_MODE_OFF = b"\x1c\x2e"  # FS .
DEFAULT_PORT = 9100  # the raw-printing port every network receipt printer listens on
CONNECT_TIMEOUT = 5.0
REPRINT_HINT = "号票已发出，不受影响，可在来访记录中重新打印凭条。"

_HOST_PORT = re.compile(r"^(?P<host>[^\s:/\\]+)(?::(?P<port>\d+))?$")


@dataclass(frozen=True)
class ThermalPrinter:
    """Where the administrator says a workstation's receipt printer is: a network address
    (``host`` and ``port``) or a device file (``device``, e.g. ``/dev/usb/lp0``)."""

    host: str = ""
    port: int = DEFAULT_PORT
    device: str = ""

    @classmethod
    def parse(cls, target: str) -> ThermalPrinter:
        """Read ``host``, ``host:port`` or a device path as typed in the settings."""
        target = target.strip()
        if target.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:[\\/]", target):
            return cls(device=target)
        match = _HOST_PORT.match(target)
        if match is None:
            raise ValueError(
                f"小票打印机地址“{target}”无效：请填写“主机:端口”（如 192.168.1.50:9100）"
                "或设备文件路径（如 /dev/usb/lp0）。"
            )
        port = int(match["port"] or DEFAULT_PORT)
        if not 1 <= port <= 65535:
            raise ValueError(f"小票打印机端口“{port}”无效：端口应在 1 到 65535 之间。")
        return cls(host=match["host"], port=port)

    def __str__(self) -> str:
        return self.device or f"{self.host}:{self.port}"


def _line(printer: Escpos, text: str = "") -> None:
    printer._raw(f"{text}\n".encode(ENCODING))


def write_receipt(printer: Escpos, data: ReceiptData) -> None:
    """Send the receipt to an open python-escpos printer: the same content as the PDF, as
    printer text and a hardware Code128 barcode, then cut."""
    printer.hw("INIT")
    printer._raw(CHINESE_MODE_ON)
    printer.set(align="center", bold=True, double_width=True, double_height=True)
    _line(printer, data.hall_name)
    printer.set(normal_textsize=True, bold=False)
    _line(printer, data.title)
    _line(printer, "-" * 32)
    _line(printer, NUMBER_LABEL)
    printer.set(custom_size=True, width=4, height=4, bold=True)
    _line(printer, data.ticket_number)
    printer.set(double_width=True, double_height=True, bold=True)
    _line(printer, data.window_name)
    printer.set(normal_textsize=True, bold=False)
    if data.window_location:
        _line(printer, data.window_location)
    _line(printer, data.waiting_line)
    _line(printer, "-" * 32)
    printer.set(align="left")
    for label, value in data.details:
        _line(printer, f"{label}：{value}")
    printer.set(double_height=True, bold=True)
    _line(printer, f"{QUERY_CODE_LABEL}：{data.query_code}")
    printer.set(normal_textsize=True, bold=False)
    _line(printer)
    # The hardware renderer directly: barcode() would announce its choice on stdout, which
    # hall-admin keeps for its own output, and could fall back to a raster image.
    # "{B" selects Code128 set B, which carries every character a visit code may have.
    printer._hw_barcode(
        "{B" + data.visit_code, "CODE128", height=80, width=2, pos="BELOW", function_type="B"
    )
    printer.set(align="center", font="b")
    _line(printer)
    _line(printer, data.privacy_line)
    printer.set(font="a")
    printer._raw(CHINESE_MODE_OFF)
    printer.cut()


def print_receipt(data: ReceiptData, target: ThermalPrinter) -> None:
    """Print the receipt on the configured thermal printer, or raise PrinterError saying what
    went wrong; the ticket is issued either way and the receipt can be printed again."""
    try:
        printer = _open(target)
        try:
            write_receipt(printer, data)
        finally:
            printer.close()
    except (EscposError, OSError) as error:
        raise PrinterError(
            f"小票打印机（{target}）打印失败：{_reason(error)}。{REPRINT_HINT}"
        ) from error


def _open(target: ThermalPrinter) -> Escpos:
    if target.device:
        printer = File(target.device, auto_flush=False)
        printer.open()
        return printer
    # We connect ourselves: python-escpos 3.1 leaves the socket of a refused connection open.
    connection = socket.create_connection((target.host, target.port), timeout=CONNECT_TIMEOUT)
    printer = Network(target.host, target.port, timeout=CONNECT_TIMEOUT)
    printer.device = connection
    return printer


def _reason(error: BaseException) -> str:
    """What went wrong in the operating system's terms, which python-escpos wraps in its own
    English message."""
    for candidate in (error, error.__cause__ or error.__context__):
        if isinstance(candidate, ConnectionRefusedError):
            return "连接被拒绝，请检查打印机是否开机、网线是否接好、地址和端口是否正确"
        if isinstance(candidate, TimeoutError):
            return "连接超时，请检查打印机是否开机、网络是否连通"
        if isinstance(candidate, FileNotFoundError):
            return "找不到设备文件，请检查打印机是否连接、设备路径是否正确"
        if isinstance(candidate, PermissionError):
            return "没有权限写入设备文件，请让管理员为本机用户开通打印机权限"
        if isinstance(candidate, OSError):
            return candidate.strerror or str(candidate)
    return f"打印机报告错误（{error}）"
