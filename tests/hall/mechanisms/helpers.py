"""What the mechanism tests share: a hall with leaders on the roster, a unit and an admin."""

from __future__ import annotations

import datetime as dt

from db.engine import Database
from hall import cases, roster, users
from hall.mechanisms import disputes

DAY = dt.date(2026, 6, 10)


def prepare(database: Database) -> tuple[int, int]:
    """Leaders 王建国 and 李红, the unit 千秋镇政府; returns (admin user id, unit id)."""
    with database.write() as s:
        roster.set_duty_leader(s, DAY, "王建国", "市委常委")
        roster.set_duty_leader(s, DAY + dt.timedelta(days=1), "李红", "副市长")
        admin = users.add_user(s, "desk_admin", "管理员", "secret1", [users.ADMIN])
        unit = cases.add_unit(s, "千秋镇政府", "乡镇街道")
        s.flush()
        return admin.id, unit.id


def entry(
    parties: str = "张三、李四", people: int = 2, category: str = "土地"
) -> disputes.DisputeEntry:
    return disputes.DisputeEntry(
        parties=parties,
        township="千秋镇",
        village="北村",
        category=category,
        summary="宅基地边界争议",
        people=people,
    )
