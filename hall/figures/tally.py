"""A period's items counted every way 总览 and 分类 show them: by channel and purpose (with
people and groups), window and township — for the hall and a window, the visits from their
daily counts (:mod:`hall.figures.days`), otherwise in one pass over the items; by content
category and by responsible unit over the filed items only.

Only a small share of items is filed under a category or handed to a unit, so those two
counts ask for the filed ones (the outer joins become inner joins driven by the small table)
and the rest are the total less the filed: reading a year of visits once per way of counting
is what made a year over a million visits take seconds.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from hall.figures.base import ScopeIds, count_if
from hall.figures.days import counted_by_day, visit_kinds, visit_townships
from hall.figures.items import GROUP_SIZE, filed_items, item_parts
from hall.figures.periods import Period


@dataclass(frozen=True)
class Tally:
    """The grouped counts, keyed by the database's values (ids, codes; None for none)."""

    # (channel code, purpose code) → (items, people, groups)
    by_kind: dict[tuple[str, str], tuple[int, int, int]]
    by_window: Counter[int | None]
    by_township: Counter[str | None]
    by_category: Counter[int | None]
    by_unit: Counter[int | None]

    @property
    def total(self) -> int:
        return sum(count for count, _people, _groups in self.by_kind.values())


def tally(session: Session, period: Period, ids: ScopeIds) -> Tally:
    by_kind: dict[tuple[str, str], tuple[int, int, int]] = {}
    by_window: Counter[int | None] = Counter()
    by_township: Counter[str | None] = Counter()

    def add(
        channel: str, purpose: str, window_id: int | None, count: int, people: int, groups: int
    ) -> None:
        kind = by_kind.get((channel, purpose), (0, 0, 0))
        by_kind[channel, purpose] = (kind[0] + count, kind[1] + people, kind[2] + groups)
        by_window[window_id] += count

    visits, letters = item_parts(session, period, ids, with_township=True)
    by_day = counted_by_day(ids)
    if by_day:
        for channel, purpose, window_id, count, people, groups in visit_kinds(session, period, ids):
            add(channel, purpose, window_id, count, people, groups)
        by_township.update(visit_townships(session, period, ids))
    # Township comes with the rest: a county has a score of townships, so the grouped rows
    # stay in the thousands while the items are read once.
    for part in [letters] if by_day else [visits, letters]:
        base = part.subquery()
        for channel, purpose, window_id, township, count, people, groups in session.execute(
            select(
                base.c.channel,
                base.c.purpose,
                base.c.window_id,
                base.c.township,
                func.count(),
                func.coalesce(func.sum(base.c.people), 0),
                count_if(base.c.people >= GROUP_SIZE),
            ).group_by(base.c.channel, base.c.purpose, base.c.window_id, base.c.township)
        ):
            add(channel, purpose, window_id, count, int(people), int(groups))
            by_township[township] += count
    total = sum(by_window.values())
    filed = filed_items(session, period, ids, by_unit=False)
    by_category = filed_counts(session, filed.c.category_id, total)
    handed = filed_items(session, period, ids, by_unit=True)
    by_unit = filed_counts(session, handed.c.unit_id, total)
    return Tally(by_kind, by_window, by_township, by_category, by_unit)


def filed_counts(session: Session, column: ColumnElement[Any], total: int) -> Counter[int | None]:
    """Items per non-empty ``column``, and under None the rest of ``total``."""
    counts: Counter[int | None] = Counter(
        dict(
            session.execute(
                select(column, func.count()).where(column.is_not(None)).group_by(column)
            )
            .tuples()
            .all()
        )
    )
    rest = total - sum(counts.values())
    if rest:
        counts[None] = rest
    return counts
