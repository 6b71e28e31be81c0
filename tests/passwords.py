"""One argon2 hash per password for the whole test session.

argon2 is slow by design (0.1 to 0.4 s a hash on the test machines), and the fixtures add
users to nearly every GUI test and many rules tests: hashing each password once and reusing
the hash keeps that cost out of the suite (tests/conftest.py applies :func:`hashed_once` to
every test not marked ``fresh_password_hash``). The hash is a real one with the program's
parameters, so log-in still runs the real verification; users with the same password only
share its salt.
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
