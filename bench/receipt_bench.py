"""Intake receipt rendering time: PDF in each layout, and the ESC/POS command stream.

Usage (from the repository root)::

    .venv/bin/python bench/receipt_bench.py [--samples 200]

Each sample is one whole call the front desk makes when it issues a ticket: build the PDF
(text laid out, the embedded font subset, the Code128 bars drawn) or the ESC/POS bytes for a
python-escpos Dummy printer. Samples vary the ticket number and the visit code, as a real
morning would. The font is registered once before timing, as it is at program start. The result
is printed as a Markdown table for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import platform
import statistics
import time
from collections.abc import Callable

from escpos.printer import Dummy  # type: ignore[import-untyped]

from printing.escpos import write_receipt
from printing.fonts import cjk_font
from printing.layouts import LAYOUTS
from printing.receipt import ReceiptData, render_receipt

WARMUP = 5


def sample_receipt(index: int) -> ReceiptData:
    return ReceiptData(
        hall_name="义马市群众工作部接待大厅",
        ticket_number=f"A{index % 1000:03d}",
        window_name="法律服务",
        window_location="一楼东侧 1 号窗口",
        issued_at=dt.datetime(2026, 11, 23, 9, 5) + dt.timedelta(minutes=index),
        people_ahead=index % 17,
        masked_name="张**",
        purpose="求决",
        summary=f"要求解决拖欠工资问题，电话1380013{index % 10000:04d}",
        visit_code=f"V20261123{index % 10000:04d}",
        query_code=f"K7Q{index % 1000:03d}",
    )


def escpos_bytes(data: ReceiptData) -> bytes:
    printer = Dummy()
    write_receipt(printer, data)
    output: bytes = printer.output
    return output


def measure(render: Callable[[ReceiptData], bytes], samples: int) -> tuple[list[float], int]:
    for index in range(WARMUP):
        render(sample_receipt(index))
    times: list[float] = []
    size = 0
    for index in range(samples):
        data = sample_receipt(index)
        start = time.perf_counter()
        output = render(data)
        times.append((time.perf_counter() - start) * 1000)
        size = len(output)
    return times, size


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--samples", type=int, default=200)
    args = parser.parse_args()
    cjk_font()

    renders: list[tuple[str, Callable[[ReceiptData], bytes]]] = [
        (f"PDF {layout}", functools.partial(render_receipt, layout=layout)) for layout in LAYOUTS
    ]
    renders.append(("ESC/POS bytes", escpos_bytes))

    print(f"Receipt rendering, {args.samples} samples each ({platform.python_version()}, ", end="")
    print(f"{platform.processor() or platform.machine()})\n")
    print("| output | p50 ms | p95 ms | max ms | size |")
    print("|---|---:|---:|---:|---:|")
    for name, render in renders:
        times, size = measure(render, args.samples)
        print(
            f"| {name} | {statistics.median(times):.2f} | {percentile(times, 0.95):.2f} "
            f"| {max(times):.2f} | {size / 1024:.1f} KiB |"
        )


if __name__ == "__main__":
    main()
