"""The duty roster of leaders receiving visitors (领导接访) and the list of places."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import DutyLeader, Place
from hall.errors import InvalidInput


def duty_leader(session: Session, day: dt.date) -> DutyLeader | None:
    return session.get(DutyLeader, day)


def set_duty_leader(
    session: Session, day: dt.date, name: str, title: str = "", note: str = ""
) -> DutyLeader:
    if not name.strip():
        raise InvalidInput("请填写接访领导的姓名。", "name")
    row = session.get(DutyLeader, day)
    if row is None:
        row = DutyLeader(day=day, name=name.strip(), title=title.strip(), note=note.strip())
        session.add(row)
    else:
        row.name, row.title, row.note = name.strip(), title.strip(), note.strip()
    return row


def roster(session: Session, start: dt.date, days: int) -> Sequence[DutyLeader]:
    return session.scalars(
        select(DutyLeader)
        .where(DutyLeader.day >= start, DutyLeader.day < start + dt.timedelta(days=days))
        .order_by(DutyLeader.day)
    ).all()


def townships(session: Session) -> list[str]:
    return list(
        session.scalars(
            select(Place.township).where(Place.village == "").order_by(Place.sort_order, Place.id)
        )
    )


def villages(session: Session, township: str) -> list[str]:
    return list(
        session.scalars(
            select(Place.village)
            .where(Place.township == township, Place.village != "")
            .order_by(Place.sort_order, Place.id)
        )
    )


def add_place(session: Session, township: str, village: str = "") -> Place:
    township, village = township.strip(), village.strip()
    if not township:
        raise InvalidInput("请填写乡镇（街道）名称。", "township")
    existing = session.scalar(
        select(Place).where(Place.township == township, Place.village == village)
    )
    if existing is not None:
        return existing
    if village and township not in townships(session):
        add_place(session, township)
    count = len(villages(session, township)) if village else len(townships(session))
    place = Place(township=township, village=village, sort_order=count)
    session.add(place)
    session.flush()
    return place


def remove_place(session: Session, township: str, village: str = "") -> None:
    rows = session.scalars(
        select(Place).where(
            Place.township == township.strip(),
            *([Place.village == village.strip()] if village.strip() else []),
        )
    ).all()
    for row in rows:
        session.delete(row)
