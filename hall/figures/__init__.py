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
