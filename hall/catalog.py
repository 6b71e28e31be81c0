"""The hall's seeded reference data: its eight windows and the priority reasons.

Codes and ticket letters are the defaults of DOMAIN.md; the admin can change them later.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import PriorityReason, ServiceWindow
from hall import calendar, court_types, lists


@dataclass(frozen=True)
class WindowSpec:
    code: str
    letter: str
    name: str
    location: str
    seats: int


WINDOWS: tuple[WindowSpec, ...] = (
    WindowSpec("legal", "A", "法律服务", "一楼 1 号窗口", 2),
    WindowSpec("talk", "B", "交流谈心", "一楼 2 号窗口", 2),
    WindowSpec("opinion", "C", "社情民意", "一楼 3 号窗口", 1),
    WindowSpec("aid", "D", "帮扶济困", "一楼 4 号窗口", 2),
    WindowSpec("publicity", "E", "宣传教育", "一楼 5 号窗口", 1),
    WindowSpec("supervision", "F", "效能监察", "一楼 6 号窗口", 1),
    WindowSpec("letters", "G", "办信办案", "一楼 7 号窗口", 2),
    WindowSpec("court", "H", "便民巡回法庭", "二楼 法庭接待室", 1),
)

PRIORITY_REASONS: tuple[tuple[str, str], ...] = (
    ("elderly", "老年人"),
    ("disabled", "残疾人"),
    ("pregnant", "孕妇"),
    ("serviceman", "现役及退役军人"),
)

CHANNELS = {
    "visit": "来访",
    "letter": "来信",
    "phone": "来电",
    "online": "网信",
    "proxy": "代理",
}

ID_TYPES = {
    "resident": "居民身份证",
    "passport": "护照",
    "hk_macau": "港澳居民来往内地通行证",
    "taiwan": "台湾居民来往大陆通行证",
    "other": "其他证件",
}

GENDERS = ("男", "女")

PURPOSES = {
    "report": "揭发控告",
    "appeal": "申诉",
    "request": "求决",
    "opinion": "意见建议",
    "inquiry": "咨询",
}


def seed(session: Session) -> None:
    """Add the default windows and priority reasons that are not there yet."""
    have = set(session.scalars(select(ServiceWindow.code)))
    for order, spec in enumerate(WINDOWS):
        if spec.code not in have:
            session.add(
                ServiceWindow(
                    code=spec.code,
                    letter=spec.letter,
                    name=spec.name,
                    location=spec.location,
                    seat_count=spec.seats,
                    enabled=True,
                    sort_order=order,
                )
            )
    have_reasons = set(session.scalars(select(PriorityReason.code)))
    for code, name in PRIORITY_REASONS:
        if code not in have_reasons:
            session.add(PriorityReason(code=code, name=name, enabled=True))
    session.flush()
    # Case deadlines count working days, so a new hall starts with the holiday calendar.
    calendar.seed(session)
    # Registration (立案) needs a case type for the number, so the court starts with the usual.
    court_types.seed(session)
    # The windows' forms offer topics and aid kinds, so their lists start with the usual.
    lists.seed(session)


def windows(session: Session, enabled_only: bool = True) -> list[ServiceWindow]:
    stmt = select(ServiceWindow).order_by(ServiceWindow.sort_order)
    if enabled_only:
        stmt = stmt.where(ServiceWindow.enabled)
    return list(session.scalars(stmt))


def priority_reasons(session: Session) -> list[PriorityReason]:
    return list(
        session.scalars(
            select(PriorityReason).where(PriorityReason.enabled).order_by(PriorityReason.code)
        )
    )
