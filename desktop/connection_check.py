"""The "Test connection" verdict in the user's words: what is wrong with a database address
(not an address, a server that refuses or does not answer, a name that does not resolve, a
wrong user or password, a missing database, a database of another version), or that it can
be used. The trying itself is ``hall.shell.check_database``."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from db.probe import Probe, Verdict
from hall import shell

# Seconds the test waits for a server before calling it unreachable.
TEST_TIMEOUT = 5


@dataclass(frozen=True)
class ConnectionCheck:
    """The verdict on a database address: whether the program can work with it, what to tell
    the user, and (when it can be read) the hall's windows there."""

    ok: bool
    message: str
    windows: list[tuple[str, str]] = field(default_factory=list)


def check_connection(url: str, timeout: int = TEST_TIMEOUT) -> ConnectionCheck:
    """Try ``url`` (empty: this computer's embedded database) and explain the outcome."""
    found = shell.check_database(url, timeout)
    return ConnectionCheck(found.ok, message(found, timeout), found.windows)


def message(found: Probe, timeout: int) -> str:
    # Each translate() spells its context out: lupdate takes a context only from a literal.
    translate = QCoreApplication.translate
    verdict = found.verdict
    if verdict is Verdict.NOT_AN_ADDRESS:
        return translate(
            "WorkstationSettings",
            "This is not a database address. A PostgreSQL address looks like "
            "postgresql://user:password@server:5432/hall; leave the field empty for the "
            "database on this computer.",
        )
    if verdict is Verdict.UNSUPPORTED:
        return translate(
            "WorkstationSettings",
            'The program works with PostgreSQL ("postgresql://…") or a database file on '
            'this computer ("sqlite:///…"), not with "{kind}".',
        ).format(kind=found.kind)
    if verdict is Verdict.IN_MEMORY:
        return translate(
            "WorkstationSettings",
            "An in-memory database keeps nothing: give a file, as sqlite:///path/hall.db.",
        )
    if verdict is Verdict.NO_FOLDER:
        return translate(
            "WorkstationSettings", "The folder {folder} does not exist on this computer."
        ).format(folder=found.path)
    if verdict is Verdict.NO_FILE_YET:
        return translate(
            "WorkstationSettings",
            "There is no database file at {path} yet: the program creates it at the first start.",
        ).format(path=found.path)
    return _server_message(found, timeout)


def _server_message(found: Probe, timeout: int) -> str:
    translate = QCoreApplication.translate
    verdict, where = found.verdict, found.where
    if verdict is Verdict.REFUSED:
        return translate(
            "WorkstationSettings",
            "The server {where} refused the connection: no database server is running "
            "there, or it listens on another port. Check the server name and port, and "
            "that the database service is started.",
        ).format(where=where)
    if verdict is Verdict.NO_SUCH_HOST:
        return translate(
            "WorkstationSettings",
            'There is no computer named "{host}" on the network: check the server name '
            "or use its IP address.",
        ).format(host=found.host)
    if verdict is Verdict.NO_ANSWER:
        return translate(
            "WorkstationSettings",
            "The server {where} did not answer within {seconds} seconds: it is switched "
            "off, the network is down, or a firewall blocks port {port}.",
        ).format(where=where, seconds=timeout, port=found.port)
    if verdict is Verdict.BAD_PASSWORD:
        return translate(
            "WorkstationSettings",
            'The server {where} refused the user name or password ("{user}"): check them.',
        ).format(where=where, user=found.user)
    if verdict is Verdict.NO_SUCH_USER:
        return translate("WorkstationSettings", 'The server {where} has no user "{user}".').format(
            where=where, user=found.user
        )
    if verdict is Verdict.NO_SUCH_DATABASE:
        return translate(
            "WorkstationSettings",
            'The server {where} has no database named "{name}": check the name, or ask '
            "the administrator to create it.",
        ).format(where=where, name=found.name)
    if verdict is Verdict.NOT_ACCEPTING:
        return translate(
            "WorkstationSettings",
            "The server {where} is not accepting connections at the moment (it is "
            "starting, stopping or closed for maintenance): try again shortly.",
        ).format(where=where)
    if verdict is Verdict.CANNOT_CONNECT:
        return translate("WorkstationSettings", "Cannot connect to {where}: {reason}").format(
            where=where, reason=found.reason
        )
    return _schema_message(found)


def _schema_message(found: Probe) -> str:
    translate = QCoreApplication.translate
    verdict = found.verdict
    if verdict is Verdict.EMPTY:
        return translate(
            "WorkstationSettings",
            "Connected. The database is empty: the program sets the hall up in it at "
            "the first start.",
        )
    if verdict is Verdict.NEWER:
        return translate(
            "WorkstationSettings",
            "Connected, but the database was made by a newer version of the "
            "program: install that version on this computer.",
        )
    if verdict is Verdict.OLDER:
        return translate(
            "WorkstationSettings",
            "Connected. The database is from an earlier version of the program and "
            "is brought up to date when the program starts.",
        )
    if verdict is Verdict.READY:
        return translate(
            "WorkstationSettings", "Connected. The hall's database is ready ({count} windows)."
        ).format(count=len(found.windows))
    return translate("WorkstationSettings", "Cannot use this database: {reason}").format(
        reason=found.reason
    )
