"""The figures leaders and the hall report: counts, rates, queue and court figures, 督办,
trends, and the items behind each figure. A screen calls one function per user action:

* :func:`overview` — 总览 (and 分类: the same counts by channel, purpose, class, window,
  township, category and unit);
* :func:`queue_figures` — 窗口效能;
* :func:`court` — 法庭;
* :func:`supervision_figures` — 督办;
* :func:`trend` — 趋势, by day, week or month, with 同比 and 环比;
* :func:`drill_down` — the list behind a figure, confidentiality applied;
* :func:`report_json` and :func:`workbook` — the command's JSON and the .xlsx export.
"""

from hall.figures.base import Rate, Scope
from hall.figures.drill import DrillList, drill_down
from hall.figures.overview import Overview, overview
from hall.figures.periods import Period
from hall.figures.report import report_json, workbook
from hall.figures.trend import changes, trend
from hall.figures.work import court, queue_figures, supervision_figures

__all__ = [
    "DrillList",
    "Overview",
    "Period",
    "Rate",
    "Scope",
    "changes",
    "court",
    "drill_down",
    "overview",
    "queue_figures",
    "report_json",
    "supervision_figures",
    "trend",
    "workbook",
]
