"""The figures as ``hall-admin report`` gives them: one JSON object (``--json``) and the
workbook (``--xlsx``: a sheet per tab and one of definitions), through the program's one
spreadsheet writer."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from hall.figures import definitions as d
from hall.figures import periods
from hall.figures.base import ALL_HALL, WINDOW, Rate, Scope
from hall.figures.mechanism_figures import mechanism_sheet
from hall.figures.overview import Overview, overview
from hall.figures.periods import DAY, MONTH
from hall.figures.trend import BUCKET_NAMES, trend
from hall.figures.work import court, queue_figures, supervision_figures
from printing.spreadsheet import Cell, Column, Sheet, write

RATE_KEYS = (d.TIMELY_ACCEPTANCE, d.ON_TIME_CLOSURE, d.PARTICIPATION, d.SATISFACTION, d.REPEAT)


def _scope(window: str | None) -> Scope:
    return Scope(WINDOW, window) if window else ALL_HALL


def as_json(figures: Overview) -> dict[str, object]:
    return {
        "from": figures.period.first.isoformat(),
        "to": figures.period.last.isoformat(),
        "window": figures.scope.value or None,
        "as_of": figures.as_of.isoformat(),
        "total": figures.total,
        "people": figures.people,
        "groups": figures.groups,
        "by_channel": figures.by_channel,
        "by_purpose": figures.by_purpose,
        "by_class": figures.by_class,
        "by_window": figures.by_window,
        "by_township": figures.by_township,
        "by_category": figures.by_category,
        "by_unit": figures.by_unit,
        "cases": {
            "opened": figures.cases.opened,
            "closed": figures.cases.closed,
            "closed_on_time": figures.cases.closed_on_time,
            "overdue_open": figures.cases.overdue_open,
        },
        "rates": {key: figures.rates[key].as_json() for key in RATE_KEYS},
    }


def report_json(
    session: Session, start: dt.date, end: dt.date, window: str | None = None
) -> dict[str, object]:
    """What ``hall-admin report --from START --to END [--window CODE] --json`` prints."""
    return as_json(overview(session, periods.custom(start, end), _scope(window)))


def _rate_cells(rate: Rate) -> list[int | float | None]:
    return [rate.numerator, rate.denominator, rate.value]


COUNT = Column("件数", 10)
NAME = Column("项目", 24)


def _counts(title: str, counts: dict[str, int]) -> list[list[Cell]]:
    return [[f"{title}：{name}", count] for name, count in counts.items()]


def workbook(
    session: Session,
    start: dt.date,
    end: dt.date,
    window: str | None = None,
    *,
    scope: Scope | None = None,
    only: str | None = None,
) -> bytes:
    """The .xlsx of ``hall-admin report --xlsx``: 总览, 分类, 趋势, 窗口效能, 法庭, 督办 and
    口径说明, one sheet each; ``only`` keeps one tab's sheet and the definitions (the
    screen's export of a tab). ``scope`` replaces ``window`` for the screen's other scopes."""
    period = periods.custom(start, end)
    scope = scope or _scope(window)
    figures = overview(session, period, scope)
    caption = [f"统计期间：{period.label}", f"统计范围：{scope.value or '全大厅'}"]
    rate_columns = [
        Column("指标", 16),
        Column("分子", 10),
        Column("分母", 10),
        Column("比率", 10, "0.0%"),
    ]
    summary: list[list[Cell]] = [
        ["受理件数（件）", figures.total, None, None],
        ["人次", figures.people, None, None],
        ["集体访（批）", figures.groups, None, None],
        ["登记信访事项", figures.cases.opened, None, None],
        ["本期办结（答复）", figures.cases.closed, None, None],
        ["本期按期办结", figures.cases.closed_on_time, None, None],
        ["超期未办结", figures.cases.overdue_open, None, None],
    ]
    summary += [[d.NAMES[key], *_rate_cells(figures.rates[key])] for key in RATE_KEYS]
    classified = (
        _counts("来源", figures.by_channel)
        + _counts("目的", figures.by_purpose)
        + _counts("类别", figures.by_class)
        + _counts("窗口", figures.by_window)
        + _counts("乡镇", figures.by_township)
        + _counts("内容分类", figures.by_category)
        + _counts("责任单位", figures.by_unit)
    )
    size = MONTH if period.days > 62 else DAY
    points = trend(session, period, size, scope)
    queue = queue_figures(session, period, scope)
    court_tab = court(session, period)
    orders = supervision_figures(session, period)
    sheets = [
        Sheet("总览", rate_columns, summary, caption),
        Sheet("分类", [NAME, COUNT], classified, caption),
        Sheet(
            "趋势",
            [
                Column(BUCKET_NAMES[size], 16),
                COUNT,
                Column("上期", 10),
                Column("环比", 10, "0.0%"),
                Column("上年同期", 10),
                Column("同比", 10, "0.0%"),
                Column("标记", 8),
            ],
            [
                [p.label, p.count, p.previous, p.month_on_month, p.year_ago, p.year_on_year, p.mark]
                for p in points
            ],
            caption,
        ),
        Sheet(
            "窗口效能",
            [
                Column("窗口", 14),
                Column("取号数", 8),
                Column("办结数", 8),
                Column("过号数", 8),
                Column("过号率", 8, "0.0%"),
                Column("平均等候（分）", 10),
                Column("最长等候（分）", 10),
                Column("平均办理（分）", 10),
                Column("按时叫号", 8),
                Column("已叫号", 8),
                Column("按时叫号率", 10, "0.0%"),
                Column("每小时办结", 10),
            ],
            [
                [
                    line.window_name,
                    line.tickets,
                    line.served,
                    line.no_show.numerator,
                    line.no_show.value,
                    line.average_wait,
                    line.max_wait,
                    line.average_service,
                    line.within_target.numerator,
                    line.within_target.denominator,
                    line.within_target.value,
                    line.per_hour,
                ]
                for line in queue.windows
            ]
            + [[f"工作人员：{o.officer}", None, o.served] for o in queue.officers],
            caption,
        ),
        Sheet(
            "法庭",
            [NAME, Column("数值", 10)],
            [
                ["接待来访群众（人次）", court_tab.figures.received],
                ["办理事项（件）", court_tab.figures.handled],
                ["立案", court_tab.figures.registered],
                ["结案", court_tab.figures.closed],
                ["调解结案（含司法确认）", court_tab.figures.mediated],
                ["司法确认", court_tab.figures.by_outcome.get("司法确认", 0)],
                ["调解率", court_tab.mediation_rate.value],
                ["平均调解天数", court_tab.average_mediation_days],
            ],
            caption,
        ),
        Sheet(
            "督办",
            [NAME, Column("数值", 10)],
            [
                ["发出督办单", orders.issued],
                ["按期回复", orders.replied_on_time.numerator],
                ["已升级", orders.escalated],
                *_counts("超期单位", {u.unit: u.count for u in orders.units_by_overdue}),
                *_counts("被投诉单位", {u.unit: u.count for u in orders.units_by_complaints}),
            ],
            caption,
        ),
        Sheet(
            "口径说明",
            [Column("指标", 20), Column("口径", 100)],
            [[d.NAMES[key], d.TEXTS[key]] for key in d.TEXTS],
        ),
    ]
    sheets.insert(-1, mechanism_sheet(session, period, caption))
    if only is not None:
        sheets = [sheet for sheet in sheets if sheet.name in (only, "口径说明")]
    return write(sheets)
