"""One argon2 hash per password for the whole test session.

argon2 is slow by design (about a tenth of a second a hash here), and the fixtures add users
to nearly every GUI test: hashing each password once and reusing the hash keeps that cost out
of the suite. Log-in still runs the real verification against the real hash; only the users a
test adds through :func:`hashed_once` (or with :func:`password_hash`) share the salt, and a test
of hashing itself calls ``hall.users`` plainly.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from argon2 import PasswordHasher

from hall import users


@functools.cache
def password_hash(password: str) -> str:
    """The hash ``hall.users`` would store for ``password``, computed once a session."""
    return PasswordHasher().hash(password)


class _HashOnce(PasswordHasher):
    """The program's hasher (same parameters), answering each password from the cache."""

    def hash(self, password: str | bytes, *, salt: bytes | None = None) -> str:
        if isinstance(password, bytes) or salt is not None:
            return super().hash(password, salt=salt)
        return password_hash(password)


@contextmanager
def hashed_once() -> Iterator[None]:
    """Within: ``hall.users.add_user`` stores the session's hash of the password."""
    with pytest.MonkeyPatch.context() as patch:
        # hall.users keeps its hasher private; raising=True makes a rename fail here loudly.
        patch.setattr(users, "_hasher", _HashOnce())
        yield
