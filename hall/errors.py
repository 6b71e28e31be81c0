"""Errors the rules raise: each carries a message in Chinese for the person at the counter,
saying what is wrong and, where it can, what to do instead."""

from __future__ import annotations

from collections.abc import Sequence


class HallError(Exception):
    """A refused action. ``str(error)`` is the message to show."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(HallError):
    pass


class IllegalTransition(HallError):
    pass


class InvalidInput(HallError):
    """Bad input; ``field`` names the form field at fault, when there is one."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class InvalidFields(InvalidInput):
    """Several fields at fault at once: ``problems`` holds one :class:`InvalidInput` per field,
    for a form to mark each; the message says them all, for a line of the command line."""

    def __init__(self, problems: Sequence[InvalidInput], message: str = "") -> None:
        super().__init__(message or "".join(p.message for p in problems), problems[0].field)
        self.problems = list(problems)


class PermissionDenied(HallError):
    pass
