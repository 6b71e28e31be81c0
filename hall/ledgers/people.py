"""The people a ledger names, found again or added: a visitor with an ID number is the same
visitor wherever the number appears (in the hall already, or earlier in the file); one
without is a new visitor, as at the front desk when nobody is picked from the search."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.crypto import lookup_hashes
from db.lookup import ID_KIND, lookup_columns
from db.models import Visitor
from hall.ledgers.common import CHUNK, insert_returning_ids
from hall.visitors import name_initials

# A ledger names the same people and the same common names over and over; pypinyin's look-up
# of each is a tenth of a millisecond.
_initials = lru_cache(maxsize=1 << 14)(name_initials)


@dataclass(frozen=True)
class Person:
    name: str
    id_number: str = ""
    phone: str = ""
    township: str = ""
    village: str = ""
    address: str = ""


def day_start(day: object) -> dt.datetime:
    # A ledger gives the day of a record, not its hour: imported records take the day's start.
    assert isinstance(day, dt.date)
    return dt.datetime.combine(day, dt.time())


def _known(session: Session, numbers: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for start in range(0, len(numbers), CHUNK):
        # ID numbers are encrypted: they are matched by their look-up hashes (db.lookup).
        hashes = [h for n in numbers[start : start + CHUNK] for h in lookup_hashes(ID_KIND, n)]
        for visitor_id, id_number in session.execute(
            select(Visitor.id, Visitor.id_number).where(
                Visitor.id_type == "resident", Visitor.id_hash.in_(hashes)
            )
        ):
            found[id_number] = visitor_id
    return found


def count_new(session: Session, people: Sequence[Person]) -> int:
    """How many visitors :func:`visitor_ids` would add for these people."""
    numbers = {p.id_number for p in people if p.id_number}
    return len(numbers - set(_known(session, sorted(numbers)))) + sum(
        1 for p in people if not p.id_number
    )


def visitor_ids(
    session: Session,
    people: Sequence[Person],
    days: Sequence[dt.date],
    known: dict[str, int],
) -> tuple[list[int], int]:
    """Each person's visitor id, and how many visitors were added. ``known`` carries the ID
    numbers already resolved from one chunk of the file to the next."""
    known.update(_known(session, sorted({p.id_number for p in people} - set(known) - {""})))
    new_rows: list[dict[str, Any]] = []
    new_index: dict[str, int] = {}
    owner: list[int] = []
    for person, day in zip(people, days, strict=True):
        number = person.id_number
        if number in known:
            owner.append(-1 - known[number])
            continue
        if number in new_index:
            owner.append(new_index[number])
            continue
        new_rows.append(
            {
                "name": person.name,
                "name_initials": _initials(person.name),
                # What the number encodes, as the front desk takes it (hall.identity).
                "gender": ("男" if int(number[16]) % 2 else "女") if number else "",
                "id_type": "resident",
                "id_number": number or None,
                "birth_date": dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
                if number
                else None,
                "phone": person.phone,
                "township": person.township,
                "village": person.village,
                "address": person.address,
                "created_at": day_start(day),
                # A bulk insert skips the ORM's upkeep of the encrypted values' look-ups.
                **lookup_columns(number, person.phone),
            }
        )
        if number:
            new_index[number] = len(new_rows) - 1
        owner.append(len(new_rows) - 1)
    ids = insert_returning_ids(session, Visitor, new_rows)
    for number, index in new_index.items():
        known[number] = ids[index]
    return [-1 - o if o < 0 else ids[o] for o in owner], len(new_rows)
