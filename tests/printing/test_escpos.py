"""The receipt on an ESC/POS printer: python-escpos's Dummy, a real TCP socket, a device file."""

from __future__ import annotations

import datetime as dt
import socket
import threading
from pathlib import Path

import pytest
from escpos.printer import Dummy  # type: ignore[import-untyped]

from hall.masking import mask_name
from printing.escpos import ENCODING, ThermalPrinter, print_receipt, write_receipt
from printing.output import PrinterError
from printing.receipt import CONFIDENTIAL_SUMMARY, ReceiptData

FULL_NAME = "张三丰"
ID_NUMBER = "11010519491231002X"
ACCUSATION = "举报镇党委书记王某收受开发商贿赂"
GS_K_CODE128 = b"\x1dkI"  # GS k m=73: Code128, the length-prefixed form


def receipt(**changes: object) -> ReceiptData:
    fields: dict[str, object] = {
        "hall_name": "义马市群众工作部接待大厅",
        "ticket_number": "A017",
        "window_name": "法律服务",
        "window_location": "一楼东侧 1 号窗口",
        "issued_at": dt.datetime(2026, 11, 23, 9, 5),
        "people_ahead": 3,
        "masked_name": mask_name(FULL_NAME),
        "purpose": "求决",
        "summary": "要求解决拖欠工资问题",
        "visit_code": "V202611230017",
        "query_code": "K7Q2M9",
    }
    fields.update(changes)
    return ReceiptData(**fields)  # type: ignore[arg-type]


def escpos_bytes(data: ReceiptData) -> bytes:
    printer = Dummy()
    write_receipt(printer, data)
    output: bytes = printer.output
    return output


def gb(text: str) -> bytes:
    return text.encode(ENCODING)


def unused_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_receipt_commands_carry_the_content_in_gb18030() -> None:
    output = escpos_bytes(receipt())

    assert output.startswith(b"\x1b@\x1c&")  # initialise, then Chinese character mode
    assert gb("义马市群众工作部接待大厅") in output
    assert gb("A017") in output
    assert gb("法律服务") in output
    assert gb("一楼东侧 1 号窗口") in output
    assert gb("前面还有 3 人等候") in output
    assert gb("来访人：张**") in output
    assert gb("诉求类别：求决") in output
    assert gb("查询码：K7Q2M9") in output
    code = b"{BV202611230017"
    assert GS_K_CODE128 + bytes([len(code)]) + code in output
    assert output.endswith(b"\x1dV\x00")  # full cut
    # GB18030, not UTF-8: a Chinese printer would print UTF-8 as garbage.
    assert "义马市".encode() not in output


def test_the_full_name_and_numbers_never_reach_the_printer() -> None:
    output = escpos_bytes(receipt(summary=f"身份证{ID_NUMBER}电话13800138000"))

    for secret in (FULL_NAME, ID_NUMBER, "13800138000"):
        assert gb(secret) not in output
        assert secret.encode() not in output
    assert gb("身份证****002X") in output


def test_report_content_is_not_printed() -> None:
    output = escpos_bytes(receipt(purpose="揭发控告", summary=ACCUSATION))

    assert gb(f"事项摘要：{CONFIDENTIAL_SUMMARY}") in output
    for fragment in ("王某", "贿赂", "书记"):
        assert gb(fragment) not in output


def test_network_printer_receives_the_receipt() -> None:
    received = bytearray()
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        server.settimeout(10)

        def accept_one() -> None:
            connection, _ = server.accept()
            with connection:
                while chunk := connection.recv(4096):
                    received.extend(chunk)

        listener = threading.Thread(target=accept_one)
        listener.start()
        data = receipt()
        print_receipt(data, ThermalPrinter("127.0.0.1", server.getsockname()[1]))
        listener.join(timeout=10)

    assert not listener.is_alive()
    assert bytes(received) == escpos_bytes(data)


def test_device_file_printer_receives_the_receipt(tmp_path: Path) -> None:
    device = tmp_path / "lp0"
    data = receipt()
    print_receipt(data, ThermalPrinter(device=str(device)))
    assert device.read_bytes() == escpos_bytes(data)


def test_refused_connection_is_one_clear_error_that_keeps_the_ticket() -> None:
    port = unused_port()
    with pytest.raises(PrinterError) as failed:
        print_receipt(receipt(), ThermalPrinter("127.0.0.1", port))
    message = str(failed.value)
    assert f"小票打印机（127.0.0.1:{port}）打印失败" in message
    assert "连接被拒绝" in message
    assert "号票已发出" in message
    assert "重新打印" in message


def test_missing_device_file_is_a_printer_error(tmp_path: Path) -> None:
    device = tmp_path / "usb" / "lp0"
    with pytest.raises(PrinterError, match="找不到设备文件") as failed:
        print_receipt(receipt(), ThermalPrinter(device=str(device)))
    assert str(device) in str(failed.value)
    assert "重新打印" in str(failed.value)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("192.168.1.50", ThermalPrinter("192.168.1.50", 9100)),
        (" printer-desk.lan:9101 ", ThermalPrinter("printer-desk.lan", 9101)),
        ("/dev/usb/lp0", ThermalPrinter(device="/dev/usb/lp0")),
        (r"C:\printers\receipt.prn", ThermalPrinter(device=r"C:\printers\receipt.prn")),
    ],
)
def test_printer_address_as_typed_in_the_settings(typed: str, expected: ThermalPrinter) -> None:
    assert ThermalPrinter.parse(typed) == expected


@pytest.mark.parametrize(
    ("typed", "problem"),
    [("", "地址"), ("desk printer:9100", "地址"), ("10.0.0.9:70000", "端口"), ("h:0", "端口")],
)
def test_a_mistyped_printer_address_is_refused(typed: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        ThermalPrinter.parse(typed)


def test_printer_names_itself_as_the_admin_typed_it() -> None:
    assert str(ThermalPrinter("10.0.0.9", 9100)) == "10.0.0.9:9100"
    assert str(ThermalPrinter(device="/dev/usb/lp0")) == "/dev/usb/lp0"
