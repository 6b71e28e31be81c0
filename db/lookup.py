"""Finding visitors by their encrypted ID number or phone: the look-up columns and their upkeep.

A visitor's ``id_hash``, ``phone_hash`` and ``phone_last4`` follow its ``id_number`` and ``phone``
whenever the ORM writes the row, so no caller has to remember them; a query for an exact ID
number or phone compares hashes (``id_number_is``, ``phone_is``) and never the encrypted columns,
whose random nonces make equal values differ.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import ColumnElement, event
from sqlalchemy.orm import Mapper

from db.crypto import lookup_hash, lookup_hashes
from db.models import Visitor

ID_KIND = "id"
PHONE_KIND = "phone"


def normal_id(number: str) -> str:
    return re.sub(r"\s", "", number).upper()


def phone_digits(phone: str) -> str:
    """A phone's digits only, so 0398-5812345 and 03985812345 are the same number."""
    return re.sub(r"\D", "", phone)


def lookup_columns(id_number: str | None, phone: str | None) -> dict[str, Any]:
    """The look-up columns for these values (also for bulk inserts, which skip ORM events)."""
    number = normal_id(id_number or "")
    digits = phone_digits(phone or "")
    return {
        "id_hash": lookup_hash(ID_KIND, number) if number else None,
        "phone_hash": lookup_hash(PHONE_KIND, digits) if digits else None,
        "phone_last4": digits[-4:],
    }


def id_number_is(number: str) -> ColumnElement[bool]:
    return Visitor.id_hash.in_(lookup_hashes(ID_KIND, normal_id(number)))


def phone_is(phone: str) -> ColumnElement[bool]:
    return Visitor.phone_hash.in_(lookup_hashes(PHONE_KIND, phone_digits(phone)))


@event.listens_for(Visitor, "before_insert")
@event.listens_for(Visitor, "before_update")
def _keep_lookups(_mapper: Mapper[Visitor], _connection: object, visitor: Visitor) -> None:
    for name, value in lookup_columns(visitor.id_number, visitor.phone).items():
        setattr(visitor, name, value)
