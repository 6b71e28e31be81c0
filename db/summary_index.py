"""Finding visits by the words of their encrypted summary, without the words in the database.

A visit's summary is stored SM4-GCM encrypted (``db.crypto``), so LIKE cannot see into it. Each
visit keeps instead a set of tokens: the keyed SM3 hash (HMAC, under the hall key's look-up key)
of every character and every pair of neighbouring characters of its summary, case-folded. A
search for some words asks for the visits holding the tokens of all the words' character pairs
(of their one character, for a one-character search), which narrows a million visits to the few
that may hold them; for words of three characters or more those few are decrypted and kept only
if the words really are in them (two pairs present in other places of a summary are not the
words). Decrypting them is what such a search costs (BENCHMARKS.md, "Summary search").

The tokens follow the summary whenever the ORM writes a visit; the at-rest walk
(``hall.at_rest``) rebuilds them under a new key, and a rotation half done is searched under
every key held, as the visitor look-ups are.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import (
    Connection,
    ForeignKey,
    Select,
    String,
    delete,
    event,
    func,
    insert,
    select,
    union,
)
from sqlalchemy.orm import Mapped, Mapper, Session, mapped_column
from sqlalchemy.orm.attributes import get_history

from db.crypto import HallKey, current_keyring, hash_with
from db.models import Base, BigId, Visit

KIND = "summary"
# 64 bits of the HMAC: a collision among a hall's few thousand distinct characters and pairs is
# vanishingly unlikely (and a search of three characters or more checks every hit anyway).
TOKEN_CHARS = 16


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


def not_holding(session: Session, words: str) -> list[int]:
    """The candidates for ``words`` whose decrypted summary does not hold them after all (the
    pairs were there, apart). Every candidate is decrypted to find them; they are few, so a
    query can leave them out by id."""
    folded = words.strip().casefold()
    if len(folded) <= 2:
        # Its one token is the words themselves: every candidate holds them, none to check.
        return []
    query = select(Visit.id, Visit.summary).where(Visit.id.in_(candidates(words)))
    return [
        visit_id
        for visit_id, summary in session.execute(query)
        if folded not in (summary or "").casefold()
    ]


@event.listens_for(Visit, "after_insert")
def _index_new(_mapper: Mapper[Visit], connection: Connection, visit: Visit) -> None:
    if visit.summary:
        add_tokens(connection, visit.id, visit.summary, current_keyring().current)


@event.listens_for(Visit, "after_update")
def _index_changed(_mapper: Mapper[Visit], connection: Connection, visit: Visit) -> None:
    if get_history(visit, "summary").has_changes():
        replace_tokens(connection, visit.id, visit.summary or "", current_keyring().current)
