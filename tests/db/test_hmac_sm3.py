"""HMAC-SM3 (the look-up hashes, the key's check value, the audit chain) is the same value
whether Python's own hashlib gives it or, where its OpenSSL lacks SM3, cryptography: a hall's
stored hashes and audit chain read the same on every workstation."""

from __future__ import annotations

import hashlib

import pytest
from cryptography.hazmat.primitives import hashes, hmac

from db import crypto

# A 32-byte key, as the hall key's look-up half is.
KEY = bytes(range(32))


def reference(key: bytes, *parts: bytes) -> str:
    mac = hmac.HMAC(key, hashes.SM3())
    for part in parts:
        mac.update(part)
    return mac.finalize().hex()


@pytest.mark.parametrize("parts", [(b"abc",), (b"", b""), ("信访\x00张三".encode(), b"x" * 200)])
def test_hashlib_and_cryptography_give_the_same_hmac(
    parts: tuple[bytes, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "sm3" in hashlib.algorithms_available
    from_hashlib = crypto.hmac_sm3(KEY, *parts)
    monkeypatch.setattr(hashlib, "algorithms_available", set())
    from_cryptography = crypto.hmac_sm3(KEY, *parts)
    assert from_hashlib == from_cryptography == reference(KEY, *parts)
    assert len(from_hashlib) == 64
