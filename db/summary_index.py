"""Finding visits by the words of their encrypted summary, without the words in the database.

A visit's summary is stored SM4-GCM encrypted (``db.crypto``), so LIKE cannot see into it. Each
visit keeps instead a set of tokens: the keyed SM3 hash (HMAC, under the hall key's look-up key)
of every character and every pair of neighbouring characters of its summary, case-folded. A
search for some words asks for the visits holding the tokens of all the words' character pairs
(of their one character, for a one-character search), which narrows a million visits to those
that may hold them; for words of three characters or more a candidate is decrypted and kept only
if the words really are in it (two pairs present in other places of a summary are not the
words). A page of results decrypts the candidates in the page's order until the page is full
(:func:`page_holding`), not every candidate (BENCHMARKS.md, "Summary search").

The tokens follow the summary whenever the ORM writes a visit; the at-rest walk
(``hall.at_rest``) rebuilds them under a new key, and a rotation half done is searched under
every key held, as the visitor look-ups are.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

from sqlalchemy import (
    ColumnElement,
    Connection,
    ForeignKey,
    Select,
    String,
    Text,
    delete,
    event,
    func,
    insert,
    select,
    type_coerce,
    union,
)
from sqlalchemy.orm import Mapped, Mapper, Session, mapped_column
from sqlalchemy.orm.attributes import get_history

from db import crypto
from db.crypto import HallKey, current_keyring, hash_with
from db.models import Base, BigId, Visit

KIND = "summary"
# 64 bits of the HMAC: a collision among a hall's few thousand distinct characters and pairs is
# vanishingly unlikely (and a search of three characters or more checks every hit anyway).
TOKEN_CHARS = 16
# Rows read at a time while checking candidates for a page.
CHUNK = 200
T = TypeVar("T")


class VisitSummaryToken(Base):
    """One keyed token of a visit's summary (see the module's docstring)."""

    __tablename__ = "visit_summary_token"

    token: Mapped[str] = mapped_column(String(TOKEN_CHARS), primary_key=True)
    visit_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("visit.id", ondelete="CASCADE"), primary_key=True, index=True
    )


def _pairs(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def tokens(summary: str, key: HallKey, memo: dict[str, str] | None = None) -> set[str]:
    """The tokens a summary is found by: its characters and its pairs of characters.

    ``memo`` (gram to token, under ``key`` only) spares the HMAC of a gram already met: many
    summaries share their characters and pairs, and each HMAC costs more than all the rest of
    a token's upkeep."""
    folded = summary.casefold()
    grams = set(folded) | _pairs(folded)
    if memo is None:
        return {hash_with(key, KIND, gram)[:TOKEN_CHARS] for gram in grams}
    found = set()
    for gram in grams:
        token = memo.get(gram)
        if token is None:
            token = memo[gram] = hash_with(key, KIND, gram)[:TOKEN_CHARS]
        found.add(token)
    return found


def replace_tokens(
    connection: Connection | Session, visit_id: int, summary: str, key: HallKey
) -> None:
    """Make ``visit_id``'s tokens those of ``summary`` under ``key``."""
    connection.execute(delete(VisitSummaryToken).where(VisitSummaryToken.visit_id == visit_id))
    add_tokens(connection, visit_id, summary, key)


def add_tokens(connection: Connection | Session, visit_id: int, summary: str, key: HallKey) -> None:
    found = tokens(summary, key)
    if found:
        connection.execute(
            insert(VisitSummaryToken), [{"token": t, "visit_id": visit_id} for t in found]
        )


def token_rows(
    summaries: Iterable[tuple[int, str]], key: HallKey, memo: dict[str, str]
) -> list[dict[str, object]]:
    """The token rows of many visits at once, for a bulk insert (a ledger import), which the
    ORM's upkeep below does not see. ``memo`` is kept by the caller from one batch of visits to
    the next (see :func:`tokens`), under this one ``key``."""
    return [
        {"token": t, "visit_id": visit_id}
        for visit_id, summary in summaries
        for t in tokens(summary, key, memo)
    ]


def candidates(words: str) -> Select[tuple[int]]:
    """The ids of the visits whose summary may hold ``words``: every token of the words' pairs
    (or of their one character) present, under one of the keys held."""
    folded = words.strip().casefold()
    grams = _pairs(folded) or set(folded)
    selects = []
    for key in current_keyring().all:
        wanted = {hash_with(key, KIND, gram)[:TOKEN_CHARS] for gram in grams}
        selects.append(
            select(VisitSummaryToken.visit_id)
            .where(VisitSummaryToken.token.in_(wanted))
            .group_by(VisitSummaryToken.visit_id)
            .having(func.count() == len(wanted))
        )
    if len(selects) == 1:
        return selects[0]
    return select(union(*selects).subquery().c.visit_id)


def needs_check(words: str) -> bool:
    """Whether a candidate for ``words`` must be decrypted to know it holds them: words of one
    or two characters are their one token, so every candidate holds them."""
    return len(words.strip().casefold()) > 2


def raw_summary() -> ColumnElement[str]:
    """A visit's summary as stored, not decrypted on the way out: decrypted by :func:`holds`
    only for the rows that need it."""
    return type_coerce(Visit.summary, Text())


def holds(stored: str | None, words: str) -> bool:
    """Whether the stored (encrypted) summary holds ``words``."""
    return words.strip().casefold() in crypto.decrypt(stored or "").casefold()


def holding(
    session: Session, ordered: Select[tuple[T, int, str]], words: str, chunk: int = CHUNK
) -> Iterator[T]:
    """The items of ``ordered`` (rows of the item, whether it matched by something else than
    its summary, and :func:`raw_summary`) that match, in its order: the summary of a row not
    matched otherwise is decrypted to check it, ``chunk`` rows read at a time, as the caller
    goes on. A page stops when it is full, so it decrypts about as many summaries as it shows,
    not every candidate."""
    position = 0
    while True:
        rows = session.execute(ordered.offset(position).limit(chunk)).tuples().all()
        for item, matched, stored in rows:
            if matched or holds(stored, words):
                yield item
        if len(rows) < chunk:
            return
        position += chunk


def page_holding(
    session: Session, ordered: Select[tuple[T, int, str]], words: str, offset: int, limit: int
) -> list[T]:
    """Items ``offset`` to ``offset + limit`` of :func:`holding`."""
    chunk = max(2 * (offset + limit), CHUNK)
    return list(islice(holding(session, ordered, words, chunk), offset, offset + limit))


@event.listens_for(Visit, "after_insert")
def _index_new(_mapper: Mapper[Visit], connection: Connection, visit: Visit) -> None:
    if visit.summary:
        add_tokens(connection, visit.id, visit.summary, current_keyring().current)


@event.listens_for(Visit, "after_update")
def _index_changed(_mapper: Mapper[Visit], connection: Connection, visit: Visit) -> None:
    if get_history(visit, "summary").has_changes():
        replace_tokens(connection, visit.id, visit.summary or "", current_keyring().current)
