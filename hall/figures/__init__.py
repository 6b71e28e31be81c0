"""The figures leaders and the hall report: counts, rates, queue and court figures, 督办,
trends, and the items behind each figure. A screen calls one function per user action:

* :func:`overview` — 总览 (and 分类: the same counts by channel, purpose, class, window,
  township, category and unit);
* :func:`queue_figures` — 窗口效能;
* :func:`court` — 法庭;
* :func:`supervision_figures` — 督办;
* :func:`trend` — 趋势, by day, week or month, with 同比 and 环比;
* :func:`drill_down` — the list behind a figure of any tab, confidentiality applied;
* :func:`mechanism_tab` — 包案化解: the register's 化解率 and the stations' ranking;
* :func:`report_json` and :func:`workbook` — the command's JSON and the .xlsx export;
* :func:`report_pdf` — the printed 统计月报 or 年度信访工作情况报告;
* :func:`scope_choices`, :func:`trend_tab`, :func:`tab_workbook` — the 统计分析 screen's
  lists of scopes, its 趋势 tab and one tab's export.
"""

from hall.figures.base import Rate, Scope
from hall.figures.drill import DrillList, drill_down
from hall.figures.mechanism_figures import MechanismTab, mechanism_tab
from hall.figures.overview import Overview, overview
from hall.figures.periods import Period
from hall.figures.printed import report_pdf
from hall.figures.report import report_json, workbook
from hall.figures.tabs import ScopeChoices, TrendTab, scope_choices, tab_workbook, trend_tab
from hall.figures.trend import changes, trend
from hall.figures.work import court, queue_figures, supervision_figures

__all__ = [
    "DrillList",
    "MechanismTab",
    "Overview",
    "Period",
    "Rate",
    "Scope",
    "ScopeChoices",
    "TrendTab",
    "changes",
    "court",
    "drill_down",
    "mechanism_tab",
    "overview",
    "queue_figures",
    "report_json",
    "report_pdf",
    "scope_choices",
    "supervision_figures",
    "tab_workbook",
    "trend",
    "trend_tab",
    "workbook",
]
