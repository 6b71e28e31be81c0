"""Errors the rules raise: each carries a message in Chinese for the person at the counter,
saying what is wrong and, where it can, what to do instead."""

from __future__ import annotations


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


class PermissionDenied(HallError):
    pass
