"""The tracker's errors and exit codes."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit status, as in design.md."""

    OK = 0
    CHANGES = 1
    BAD_INPUT = 2
    FAILURE = 3


class TrackerError(Exception):
    """Base error: its message is one sentence for the user."""

    exit_code = ExitCode.FAILURE


class BadInput(TrackerError):
    """A source file or an argument cannot be used."""

    exit_code = ExitCode.BAD_INPUT


class NotFound(BadInput):
    """A filer or a filer-year the user named is not in the store."""
