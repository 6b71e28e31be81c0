"""The suite's guard against unexpected ERROR logs (tests/conftest.py), run on tests of its own."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

GUARDED = """
import logging

import pytest

log = logging.getLogger("hall.guarded")


def test_an_unexpected_error() -> None:
    log.error("registration not saved")


def test_a_warning_is_not_an_error() -> None:
    log.warning("printer slow")


@pytest.mark.expect_error_log
def test_an_expected_error() -> None:
    log.critical("database lost")


@pytest.mark.expect_error_log
def test_a_stale_marker() -> None:
    pass
"""


# The inner tests' ERROR records reach this test's guard as well: it expects them.
@pytest.mark.expect_error_log
def test_an_unexpected_error_log_fails_the_test(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_guarded=GUARDED)
    result = pytester.runpytest_inprocess("-p", "tests.conftest", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=4, errors=2)
    result.stdout.fnmatch_lines(
        [
            "*ERROR at teardown of test_an_unexpected_error*",
            "*unexpected ERROR log:",
            "*ERROR hall.guarded: registration not saved",
            "*ERROR at teardown of test_a_stale_marker*",
            "*marked expect_error_log, but nothing logged an ERROR",
        ]
    )
