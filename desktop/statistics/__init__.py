"""统计分析: the leaders' figures screen (:class:`StatisticsPage`)."""

from desktop.statistics.page import StatisticsPage, statistics_title

__all__ = ["StatisticsPage", "statistics_title"]
