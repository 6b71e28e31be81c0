"""The mechanisms' figures on the 统计分析 page (包案化解): the register's 化解率 per 包案领导
and per responsible unit (:func:`hall.mechanisms.disputes.resolution_rates`), each as its
numerator and denominator, and the township stations' entries ranked by station and by township
(:func:`hall.mechanisms.stations.ranking`); the register entries and station entries behind
each number; the tab's sheet of the workbook.

The register and the stations belong to the county, not to one window or unit of the hall:
these figures are taken over the period only, whatever scope the page has chosen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from db.case_models import ResponsibleUnit
from db.mechanism_models import RESOLVED, STATION_KIND_NAMES, Dispute, StationEntry
from db.models import User
from hall import users
from hall.errors import InvalidInput
from hall.figures import definitions as d
from hall.figures.base import Rate
from hall.figures.periods import Period
from hall.figures.rows import DrillList, count_of, dispute_list, listed
from hall.masking import mask_name
from hall.mechanisms import disputes, stations
from hall.mechanisms.disputes import DisputeRow
from printing.spreadsheet import Cell, Column, Sheet
from printing.statistics_report import PlainTable

SHEET = "包案化解"
LEADER = "leader"
UNIT = "unit"
STATION = "station"
TOWNSHIP = "township"
# What a column of a table counts: all of a line's entries, those with an outcome, those
# resolved; a station's requests, warnings, or both.
ENTRIES = "entries"
CLOSED = "closed"
RESOLVED_PART = "resolved"
REQUESTS = "request"
WARNINGS = "warning"
ALL = "all"


def figure_key(by: str, part: str) -> str:
    """The drill-down key of one column of one table, e.g. ``resolution:leader:closed``."""
    return f"{'resolution' if by in (LEADER, UNIT) else 'stations'}:{by}:{part}"


FIGURES = frozenset(
    [figure_key(by, part) for by in (LEADER, UNIT) for part in (ENTRIES, CLOSED, RESOLVED_PART)]
    + [figure_key(by, part) for by in (STATION, TOWNSHIP) for part in (REQUESTS, WARNINGS, ALL)]
)
PART_NAMES = {
    ENTRIES: "包案件数",
    CLOSED: "有结果",
    RESOLVED_PART: "化解",
    REQUESTS: "群众诉求",
    WARNINGS: "预警信息",
    ALL: "报送合计",
}


@dataclass(frozen=True)
class ResolutionLine:
    """One leader's or unit's entries found in the period."""

    name: str
    entries: int
    closed: int
    resolved: int

    @property
    def rate(self) -> Rate:
        """化解率: resolved among those with an outcome."""
        return Rate(self.resolved, self.closed)


@dataclass(frozen=True)
class MechanismTab:
    period: Period
    by_leader: list[ResolutionLine]
    by_unit: list[ResolutionLine]
    by_station: list[stations.RankRow]
    by_township: list[stations.RankRow]


def mechanism_tab(session: Session, period: Period) -> MechanismTab:
    """The 包案化解 tab: 化解率 per leader and per unit, the stations ranked, over ``period``."""

    def rates(by: str) -> list[ResolutionLine]:
        return [
            ResolutionLine(r.name, r.assigned, r.closed, r.resolved)
            for r in disputes.resolution_rates(session, by, period.first, period.last)
        ]

    return MechanismTab(
        period=period,
        by_leader=rates(LEADER),
        by_unit=rates(UNIT),
        by_station=stations.ranking(session, STATION, period.first, period.last),
        by_township=stations.ranking(session, TOWNSHIP, period.first, period.last),
    )


# ---------------------------------------------------------------------------------------------
# The entries behind a number


# What the register's screens show to leaders and the administrator; others who read the
# figures (the letters and supervision windows) see the parties' names masked.
WITHHELD = "（预警信息，仅领导和管理员可见）"


def may_read_register(viewer: User | None) -> bool:
    return viewer is not None and users.has_role(viewer, users.LEADER, users.ADMIN)


def _masked_parties(parties: str) -> str:
    names = re.split(r"[、，,]", parties)
    return "、".join(mask_name(name) for name in names if name.strip())


def drill(
    session: Session,
    figure: str,
    key: str,
    period: Period,
    viewer: User | None,
    offset: int,
    limit: int,
) -> DrillList:
    """The register entries (化解率) or station entries (ranking) behind one number: ``key``
    is the line's leader, unit, station or township. Only the register's readers (leaders,
    the administrator) see who the parties are and what a warning says."""
    _, by, part = figure.split(":")
    if not key:
        raise InvalidInput("请选择要查看的行。", "key")
    title = f"{PART_NAMES[part]}：{key}"
    reader = may_read_register(viewer)
    if by in (LEADER, UNIT):
        found, total = dispute_list(session, _disputes(by, part, key, period), offset, limit)
        if not reader:
            found = [replace(r, parties=_masked_parties(r.parties)) for r in found]
        return listed(figure, title, d.TEXTS[d.RESOLUTION], found, total, DisputeRow)
    stmt = _station_entries(by, part, key, period)
    page = session.execute(
        stmt.order_by(StationEntry.arrived_at, StationEntry.id).offset(offset).limit(limit)
    ).tuples()
    rows = [stations._row(entry, dispute) for entry, dispute in page]
    if not reader:
        rows = [
            replace(r, person=mask_name(r.person), content=WITHHELD)
            if r.kind == STATION_KIND_NAMES[WARNINGS]
            else r
            for r in rows
        ]
    return listed(
        figure, title, d.TEXTS[d.STATIONS], rows, count_of(session, stmt), stations.EntryRow
    )


def _disputes(by: str, part: str, key: str, period: Period) -> Select[Any]:
    stmt = select(Dispute).where(Dispute.found_on >= period.first, Dispute.found_on <= period.last)
    if by == LEADER:
        stmt = stmt.where(Dispute.leader == key)
    else:
        units = select(ResponsibleUnit.id).where(ResponsibleUnit.name == key)
        stmt = stmt.where(Dispute.unit_id.in_(units))
    if part == CLOSED:
        return stmt.where(Dispute.outcome.is_not(None))
    if part == RESOLVED_PART:
        return stmt.where(Dispute.outcome == RESOLVED)
    return stmt


def _station_entries(by: str, part: str, key: str, period: Period) -> Select[Any]:
    column = StationEntry.station if by == STATION else StationEntry.township
    stmt = (
        select(StationEntry, Dispute)
        .outerjoin(Dispute, Dispute.id == StationEntry.dispute_id)
        .where(
            column == key,
            StationEntry.arrived_at >= period.since,
            StationEntry.arrived_at < period.until,
        )
    )
    if part != ALL:
        stmt = stmt.where(StationEntry.kind == part)
    return stmt


# ---------------------------------------------------------------------------------------------
# The workbook's sheet


def mechanism_sheet(session: Session, period: Period, caption: list[str]) -> Sheet:
    """The 包案化解 sheet: the two tables of 化解率, then the two rankings."""
    tab = mechanism_tab(session, period)
    rows: list[list[Cell]] = []
    for what, lines in (("包案领导", tab.by_leader), ("责任单位", tab.by_unit)):
        rows += [
            [f"{what}：{line.name}", line.entries, line.closed, line.resolved, line.rate.value]
            for line in lines
        ]
    for what, ranked in (("工作站", tab.by_station), ("乡镇", tab.by_township)):
        rows += [[f"{what}：{r.name}", r.requests, r.warnings, r.total, None] for r in ranked]
    return Sheet(
        SHEET,
        [
            Column("项目", 24),
            Column("包案件数／群众诉求", 12),
            Column("有结果／预警信息", 12),
            Column("化解／报送合计", 12),
            Column("化解率", 10, "0.0%"),
        ],
        rows,
        caption,
    )


# ---------------------------------------------------------------------------------------------
# The printed report's section

# The printed report names the first few lines of each table; the screen and workbook all.
PRINTED_LINES = 10


def mechanism_tables(session: Session, period: Period) -> tuple[PlainTable, ...]:
    """The report's tables: 化解率 per leader and per unit, each rate with its numerator and
    denominator, and the townships ranked by their stations' entries (none when the period
    had no entry)."""
    tab = mechanism_tab(session, period)
    headings = ("", "包案件数", "有结果", "化解", "化解率")
    tables = [
        PlainTable(
            f"化解率（按{what}）",
            (what, *headings[1:]),
            tuple(
                (
                    line.name,
                    str(line.entries),
                    str(line.closed),
                    str(line.resolved),
                    line.rate.text,
                )
                for line in lines[:PRINTED_LINES]
            ),
            d.RESOLUTION,
            (0.36, 0.13, 0.13, 0.13, 0.25),
        )
        for what, lines in (("包案领导", tab.by_leader), ("责任单位", tab.by_unit))
        if lines
    ]
    if tab.by_township:
        tables.append(
            PlainTable(
                "群众工作站报送（按乡镇）",
                ("乡镇（街道）", "群众诉求", "预警信息", "合计"),
                tuple(
                    (r.name, str(r.requests), str(r.warnings), str(r.total))
                    for r in tab.by_township[:PRINTED_LINES]
                ),
                d.STATIONS,
            )
        )
    return tuple(tables)
