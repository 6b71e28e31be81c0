"""The hall key: kept in a file of the workstation's data directory, never in the database.

A single-PC hall makes its key on first start. A PostgreSQL hall's key is made by the first
workstation to open the database; the administrator carries it to every other workstation with
``hall-admin key export FILE`` and ``hall-admin key import FILE``, the file protected by a
passphrase (scrypt, then SM4-GCM). The file carries the audit key (``db.audit_log``) as well:
every workstation must chain the audit under the same key for ``audit verify`` to pass.

The database records which key it is encrypted under (its id and a keyed check value), so a
workstation without it, or with another hall's key, is told so in Chinese and does not start.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from db import audit_log, crypto
from db.crypto import HallKey, Keyring
from db.engine import data_dir
from db.models import HallSetting
from hall import settings
from hall.errors import HallError

KEY_FILE = "hall.key"
KEY_ID_SETTING = "crypto.key_id"
KEY_CHECK_SETTING = "crypto.key_check"
EXPORT_FORMAT = "hall-key-export/1"
# scrypt at 2^15 × 8 costs about 32 MB and a tenth of a second: cheap for one import, dear for
# someone trying passphrases on a stolen file.
SCRYPT_N = 1 << 15
SCRYPT_R = 8
SCRYPT_P = 1
MIN_PASSPHRASE = 8
AUDIT_FIELD = "audit"
OWNER_ONLY = 0o600


class NoHallKey(HallError):
    """This workstation cannot read the hall's encrypted data."""


def key_path() -> Path:
    return data_dir() / KEY_FILE


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` readable by its owner only, replacing it whole or not at all."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.unlink(missing_ok=True)
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY)
    with os.fdopen(descriptor, "wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())
    os.replace(temporary, path)


def _key_json(key: HallKey) -> dict[str, str]:
    return {
        "id": key.key_id,
        "data": base64.b64encode(key.data_key).decode(),
        "mac": base64.b64encode(key.mac_key).decode(),
    }


def _key_from(data: dict[str, str]) -> HallKey:
    return HallKey(data["id"], base64.b64decode(data["data"]), base64.b64decode(data["mac"]))


def keyring_bytes(keyring: Keyring) -> bytes:
    return json.dumps(
        {"current": _key_json(keyring.current), "older": [_key_json(k) for k in keyring.older]}
    ).encode()


def keyring_from(raw: bytes) -> Keyring:
    data = json.loads(raw)
    return Keyring(_key_from(data["current"]), tuple(_key_from(k) for k in data["older"]))


def load_keyring(path: Path | None = None) -> Keyring | None:
    path = path or key_path()
    if not path.exists():
        return None
    try:
        return keyring_from(path.read_bytes())
    except (ValueError, KeyError, TypeError):
        raise NoHallKey(
            f"本机的数据密钥文件 {path} 已损坏，无法读取大厅的加密数据。"
            "请管理员在另一台能正常使用的电脑上运行 hall-admin key export 导出密钥，"
            "再在本机运行 hall-admin key import 导入。"
        ) from None


def save_keyring(keyring: Keyring, path: Path | None = None) -> None:
    write_private(path or key_path(), keyring_bytes(keyring))


def _check_value(key: HallKey) -> str:
    return crypto.hash_with(key, "key-check", key.key_id)


def _mark(key: HallKey) -> dict[str, str]:
    """The settings that record which key a database's data is encrypted under."""
    return {KEY_ID_SETTING: key.key_id, KEY_CHECK_SETTING: _check_value(key)}


def mark_database(session: Session, key: HallKey) -> None:
    """Record in the database which key its data is encrypted under."""
    for name, value in _mark(key).items():
        settings.put_raw(session, name, value)


def _claim_database(session: Session, key: HallKey) -> tuple[str, str] | None:
    """Record ``key`` as the database's key; None when that was done, or the mark another
    workstation recorded first. Several workstations first opening a new database at once
    all find it unmarked: one marks it, the others read its mark and check their key."""
    if settings.put_first(session, _mark(key)):
        return None
    return database_key_id(session)


def database_key_id(session: Session) -> tuple[str, str] | None:
    """The id and check value of the key the database is encrypted under (None: no key yet)."""
    key_id = session.get(HallSetting, KEY_ID_SETTING)
    check = session.get(HallSetting, KEY_CHECK_SETTING)
    if key_id is None or check is None:
        return None
    return key_id.value, check.value


def missing_key_message() -> str:
    return (
        f"本机没有这个大厅的数据密钥（应在 {key_path()}），无法读取加密的身份证号、电话和控告内容，"
        "程序不能启动。请管理员在已能使用的电脑上运行“hall-admin key export 文件名”导出密钥，"
        "把文件带到本机后运行“hall-admin key import 文件名”并输入导出时设的口令。"
    )


def unlock(session: Session) -> Keyring:
    """Load this workstation's key for the database and use it; on a database that has no
    key yet, make one (or use the one this workstation holds) and record it."""
    keyring = load_keyring()
    marked = database_key_id(session)
    if marked is None:
        if keyring is None:
            keyring = Keyring(HallKey.generate())
            save_keyring(keyring)
        marked = _claim_database(session, keyring.current)
        if marked is None:
            crypto.use_keyring(keyring)
            return keyring
    key_id, check = marked
    if keyring is None:
        raise NoHallKey(missing_key_message())
    try:
        key = keyring.by_id(key_id)
    except crypto.KeyMissing:
        raise NoHallKey(
            "本机的数据密钥不是这个大厅数据库所用的密钥（可能是别的大厅的，或是轮换前的旧密钥），"
            "无法读取加密数据。请管理员从已能使用的电脑重新导出密钥"
            "（hall-admin key export），在本机导入（hall-admin key import）。"
        ) from None
    if _check_value(key) != check:
        raise NoHallKey(
            "本机数据密钥与数据库记录的校验值不符，密钥文件可能被改动过。"
            "请管理员从已能使用的电脑重新导出密钥并在本机导入。"
        )
    if keyring.current.key_id != key_id:
        # A rotation finished elsewhere left this workstation's newest key unused: the
        # database's key is the one to write with.
        keyring = Keyring(key, tuple(k for k in keyring.all if k.key_id != key_id))
    crypto.use_keyring(keyring)
    return keyring


def _derive(passphrase: str, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    kdf = Scrypt(salt=salt, length=crypto.SM4_KEY_BYTES, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
    return kdf.derive(passphrase.encode("utf-8"))


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise HallError(f"口令太短：至少 {MIN_PASSPHRASE} 个字符，请换一个更长的口令。")


def export_key(keyring: Keyring, path: Path, passphrase: str) -> None:
    """Write the keyring and the audit key to ``path``, encrypted under a key derived from
    ``passphrase``."""
    check_passphrase(passphrase)
    salt = os.urandom(16)
    nonce = os.urandom(crypto.NONCE_BYTES)
    inner = json.loads(keyring_bytes(keyring))
    inner[AUDIT_FIELD] = base64.b64encode(audit_log.key()).decode()
    encryptor = crypto.sm4_gcm(_derive(passphrase, salt), nonce).encryptor()
    body = encryptor.update(json.dumps(inner).encode()) + encryptor.finalize() + encryptor.tag
    document = {
        "format": EXPORT_FORMAT,
        "kdf": {"name": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P},
        "salt": base64.b64encode(salt).decode(),
        "nonce": base64.b64encode(nonce).decode(),
        "body": base64.b64encode(body).decode(),
    }
    write_private(path, json.dumps(document).encode())


@dataclass(frozen=True)
class Exported:
    """What a key export carries: the hall keyring and (from files made since the audit key
    travels with it) the audit key."""

    keyring: Keyring
    audit_key: bytes | None


def read_export(path: Path, passphrase: str) -> Exported:
    try:
        document = json.loads(path.read_bytes())
        if document.get("format") != EXPORT_FORMAT:
            raise ValueError(document.get("format"))
        salt = base64.b64decode(document["salt"])
        nonce = base64.b64decode(document["nonce"])
        body = base64.b64decode(document["body"])
    except OSError as error:
        raise HallError(f"无法读取密钥文件 {path}：{error.strerror}。请检查路径。") from None
    except (ValueError, KeyError, TypeError):
        raise HallError(
            f"{path} 不是本程序导出的密钥文件，请用 hall-admin key export 导出的文件。"
        ) from None
    cipher = crypto.sm4_gcm(_derive(passphrase, salt), nonce, body[-crypto.TAG_BYTES :]).decryptor()
    try:
        raw = cipher.update(body[: -crypto.TAG_BYTES]) + crypto.authentic(cipher, str(path))
    except crypto.DataCorrupted:
        raise HallError("口令不对（或密钥文件已损坏）：请输入导出密钥时设定的口令。") from None
    audit = json.loads(raw).get(AUDIT_FIELD)
    return Exported(keyring_from(raw), base64.b64decode(audit) if audit else None)


def import_key(path: Path, passphrase: str) -> Keyring:
    """Install the exported keyring as this workstation's key file, and the audit key with it
    (replacing one this workstation made for itself, under which the hall's chain does not
    verify)."""
    exported = read_export(path, passphrase)
    save_keyring(exported.keyring)
    if exported.audit_key is not None:
        audit_log.install_key(exported.audit_key)
    return exported.keyring
