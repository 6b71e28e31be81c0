"""A living demo hall: the eight windows, a user for every role, a morning's visitors, and the
letters desk's and the court's past weeks.

Everything is made up; names, ID numbers (valid check digits, area 411281) and matters are
generated from a fixed seed so every demo looks the same.

The past weeks are planned back from the day of seeding, so that whatever that day is the
supervisors find formal cases at every alert level, overdue ones, a unit late with its closing
report and a supervision order awaiting a late reply, and the court a file near its trial
limit. The plan only picks the days; every act is done by the hall's own functions on its
day (``now=``), so the limits come from the holiday calendar as they do for a real case.

The parts: :mod:`~hall.demo.demo_data` (people, places, matters), :mod:`~hall.demo.seeding`,
:mod:`~hall.demo.weeks_plan`, :mod:`~hall.demo.past_weeks` and :mod:`~hall.demo.demo_court`.
"""

from __future__ import annotations

from hall.demo.demo_court import LETTER_PARTY, RETURN_REASON
from hall.demo.demo_data import DEMO_PASSWORD, DEMO_USERS, MATTERS, demo_id_number, random_name
from hall.demo.seeding import seed_demo

__all__ = [
    "DEMO_PASSWORD",
    "DEMO_USERS",
    "LETTER_PARTY",
    "MATTERS",
    "RETURN_REASON",
    "demo_id_number",
    "random_name",
    "seed_demo",
]
