"""Personal data at rest: SM4-GCM column encryption and keyed SM3 look-up hashes.

The hall key never lives in the database: ``hall.keys`` reads it from the workstation's key file
at start-up and hands it here (``use_keyring``). Columns declared ``EncryptedText`` are then
encrypted on the way in and decrypted on the way out, so the rest of the program reads and writes
plain values. A value is stored as ``sm4g:KEYID:BASE64(nonce ‖ ciphertext ‖ tag)``; a value
without that prefix is plain text not yet encrypted (a database being encrypted in batches) and is
read as it is.

Exact look-ups (an ID number, a phone number) go through ``lookup_hash``: HMAC-SM3 under a key
of its own, so equal values give equal hashes without the value being recoverable from them.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING

from sqlalchemy import Dialect, LargeBinary, Text
from sqlalchemy.types import TypeDecorator

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers import AEADDecryptionContext, Cipher, modes

PREFIX = "sm4g:"
# Bytes (a letter's scan) start with this, then the key id, a colon, nonce ‖ ciphertext ‖ tag.
# The NUL keeps a plain file from ever looking encrypted: no PDF or image starts with it.
BYTES_PREFIX = b"\x00sm4g:"
NONCE_BYTES = 12
TAG_BYTES = 16
SM4_KEY_BYTES = 16
MAC_KEY_BYTES = 32
# Files are encrypted a chunk at a time so a backup of any size never sits in memory whole.
FILE_CHUNK = 1 << 20


class KeyMissing(LookupError):
    """Encrypted data met without the hall key (or with another hall's key)."""


class DataCorrupted(ValueError):
    """A value or file that does not decrypt: altered, truncated, or under another key."""


@dataclass(frozen=True)
class HallKey:
    """One generation of the hall key: SM4 for the data, a separate key for look-up hashes."""

    key_id: str
    data_key: bytes
    mac_key: bytes

    @staticmethod
    def generate() -> HallKey:
        return HallKey(secrets.token_hex(4), os.urandom(SM4_KEY_BYTES), os.urandom(MAC_KEY_BYTES))


@dataclass(frozen=True)
class Keyring:
    """The keys a workstation holds: the current one, and during a rotation the ones before."""

    current: HallKey
    older: tuple[HallKey, ...] = field(default=())

    def by_id(self, key_id: str) -> HallKey:
        for key in (self.current, *self.older):
            if key.key_id == key_id:
                return key
        raise KeyMissing(key_id)

    @property
    def all(self) -> tuple[HallKey, ...]:
        return (self.current, *self.older)


_keyring: Keyring | None = None


def use_keyring(keyring: Keyring | None) -> None:
    """Make ``keyring`` the one every encrypted column uses in this process."""
    global _keyring
    _keyring = keyring


def current_keyring() -> Keyring:
    if _keyring is None:
        raise KeyMissing("no hall key loaded")
    return _keyring


def has_keyring() -> bool:
    return _keyring is not None


def encrypt_with(key: HallKey, text: str) -> str:
    nonce = os.urandom(NONCE_BYTES)
    encryptor = sm4_gcm(key.data_key, nonce).encryptor()
    body = encryptor.update(text.encode("utf-8")) + encryptor.finalize()
    packed = base64.b64encode(nonce + body + encryptor.tag).decode("ascii")
    return f"{PREFIX}{key.key_id}:{packed}"


def encrypt(text: str) -> str:
    return encrypt_with(current_keyring().current, text)


def is_encrypted(value: str) -> bool:
    return value.startswith(PREFIX)


def key_id_of(value: str) -> str | None:
    """The key a stored value is encrypted under; None for plain text."""
    if not is_encrypted(value):
        return None
    return value[len(PREFIX) :].split(":", 1)[0]


def decrypt(value: str) -> str:
    if not is_encrypted(value):
        return value
    key_id, _, packed = value[len(PREFIX) :].partition(":")
    key = current_keyring().by_id(key_id)
    raw = base64.b64decode(packed)
    nonce, body, tag = raw[:NONCE_BYTES], raw[NONCE_BYTES:-TAG_BYTES], raw[-TAG_BYTES:]
    decryptor = sm4_gcm(key.data_key, nonce, tag).decryptor()
    return (decryptor.update(body) + authentic(decryptor, key_id)).decode("utf-8")


def sm4_gcm(key: bytes, nonce: bytes, tag: bytes | None = None) -> Cipher[modes.GCM]:
    """SM4-GCM under ``key``. cryptography's extension (7.6 MB resident) is loaded here, at
    the first encryption or decryption, not at import: a press of the queue's caller with
    nobody to call reads no personal data and needs only HMAC-SM3."""
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    return Cipher(algorithms.SM4(key), modes.GCM(nonce, tag))


def authentic(decryptor: AEADDecryptionContext, label: str) -> bytes:
    """The decryptor's last bytes, once its tag proves all it decrypted unaltered; else
    DataCorrupted(``label``). cryptography's error is imported here, with the cipher."""
    from cryptography.exceptions import InvalidTag

    try:
        return decryptor.finalize()
    except InvalidTag:
        raise DataCorrupted(label) from None


def hmac_sm3(key: bytes, *parts: bytes) -> str:
    """The HMAC-SM3 of ``parts`` in hex: from Python's own hashlib where its OpenSSL has SM3
    (no extension to load), else from cryptography; the same value either way."""
    if "sm3" in hashlib.algorithms_available:
        mac = hmac.new(key, digestmod="sm3")
        for part in parts:
            mac.update(part)
        return mac.hexdigest()
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives import hmac as sm3_hmac

    sm3 = sm3_hmac.HMAC(key, hashes.SM3())
    for part in parts:
        sm3.update(part)
    return sm3.finalize().hex()


def hash_with(key: HallKey, kind: str, value: str) -> str:
    return hmac_sm3(key.mac_key, f"{kind}\x00{value}".encode())


def lookup_hash(kind: str, value: str) -> str:
    """The stored look-up hash of ``value`` (an ID number, a phone) under the current key."""
    return hash_with(current_keyring().current, kind, value)


def lookup_hashes(kind: str, value: str) -> list[str]:
    """Its hash under every key held: rows not yet re-hashed by a rotation are found too."""
    return [hash_with(key, kind, value) for key in current_keyring().all]


class EncryptedText(TypeDecorator[str]):
    """Text stored SM4-GCM encrypted under the hall key. Empty strings stay empty (they tell
    nothing and keep ``default=""`` columns as they were)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        if not value or is_encrypted(value):
            return value
        return encrypt(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> str | None:
        if not value:
            return value
        return decrypt(value)


def encrypt_bytes_with(key: HallKey, data: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    encryptor = sm4_gcm(key.data_key, nonce).encryptor()
    body = encryptor.update(data) + encryptor.finalize()
    return BYTES_PREFIX + key.key_id.encode("ascii") + b":" + nonce + body + encryptor.tag


def bytes_key_id(value: bytes) -> str | None:
    """The key stored bytes are encrypted under; None for plain bytes."""
    if not value.startswith(BYTES_PREFIX):
        return None
    return value[len(BYTES_PREFIX) :].split(b":", 1)[0].decode("ascii", "replace")


def decrypt_bytes(value: bytes) -> bytes:
    if not value.startswith(BYTES_PREFIX):
        return value
    key_id, _, raw = value[len(BYTES_PREFIX) :].partition(b":")
    key = current_keyring().by_id(key_id.decode("ascii", "replace"))
    nonce, body, tag = raw[:NONCE_BYTES], raw[NONCE_BYTES:-TAG_BYTES], raw[-TAG_BYTES:]
    decryptor = sm4_gcm(key.data_key, nonce, tag).decryptor()
    return decryptor.update(body) + authentic(decryptor, key.key_id)


class EncryptedBytes(TypeDecorator[bytes]):
    """Bytes (a scan) stored SM4-GCM encrypted under the hall key, read back identical."""

    impl = LargeBinary
    cache_ok = True

    def process_bind_param(self, value: bytes | None, dialect: Dialect) -> bytes | None:
        if not value or value.startswith(BYTES_PREFIX):
            return value
        return encrypt_bytes_with(current_keyring().current, bytes(value))

    def process_result_value(self, value: bytes | None, dialect: Dialect) -> bytes | None:
        if not value:
            return value
        return decrypt_bytes(bytes(value))


def encrypt_file(key: HallKey, source: IO[bytes], target: IO[bytes], header: bytes) -> None:
    """``header`` (authenticated, in clear) then ``source`` encrypted: nonce, chunks, tag."""
    nonce = os.urandom(NONCE_BYTES)
    encryptor = sm4_gcm(key.data_key, nonce).encryptor()
    encryptor.authenticate_additional_data(header)
    target.write(header)
    target.write(nonce)
    for chunk in iter(lambda: source.read(FILE_CHUNK), b""):
        target.write(encryptor.update(chunk))
    target.write(encryptor.finalize())
    target.write(encryptor.tag)


def decrypt_file(key: HallKey, source: IO[bytes], size: int, header: bytes) -> Iterator[bytes]:
    """The plain chunks of a file ``encrypt_file`` wrote (``source`` placed after its header).
    The last chunk is only given once the tag is checked, so a caller writing them to a
    temporary file and using it only at the end never uses altered data."""
    nonce = source.read(NONCE_BYTES)
    remaining = size - len(header) - NONCE_BYTES - TAG_BYTES
    if len(nonce) != NONCE_BYTES or remaining < 0:
        raise DataCorrupted("truncated")
    body_start = source.tell()
    source.seek(body_start + remaining)
    tag = source.read(TAG_BYTES)
    source.seek(body_start)
    decryptor = sm4_gcm(key.data_key, nonce, tag).decryptor()
    decryptor.authenticate_additional_data(header)
    while remaining > 0:
        chunk = source.read(min(FILE_CHUNK, remaining))
        remaining -= len(chunk)
        yield decryptor.update(chunk)
    yield authentic(decryptor, "tag")
