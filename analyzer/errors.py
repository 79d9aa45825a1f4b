"""The one exception tree of Altitude; every message is written for the person at the terminal.

    AltitudeError (exit 1)         understood failure; base of everything raised on purpose
    ├── InputError (exit 3)        an input cannot be read: missing, not iCalendar, corrupt zip
    ├── ConfigError (exit 2)       a batch config or --rules file is invalid
    ├── ModelError (exit 1)        the model is missing, incompatible or has untrusted types
    └── OutputError (exit 1)       an output cannot be written

A broken *component* inside a readable calendar is not an exception: it is skipped, counted as
``invalid`` and reported as a warning (see :class:`analyzer.calendars.parse.ComponentProblem`).
"""

from __future__ import annotations

__all__ = ["AltitudeError", "ConfigError", "InputError", "ModelError", "OutputError"]


class AltitudeError(Exception):
    """Base class of every error Altitude raises on purpose.

    Example:
        >>> try:
        ...     raise InputError("cannot read work.ics: not an iCalendar file")
        ... except AltitudeError as exc:
        ...     (exc.exit_code, exc.message)
        (3, 'cannot read work.ics: not an iCalendar file')
    """

    exit_code: int = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(AltitudeError):
    """An input cannot be read at all (missing file, not iCalendar, corrupt zip)."""

    exit_code = 3


class ConfigError(AltitudeError):
    """A configuration or rules file is invalid; the message names the file, line and key."""

    exit_code = 2


class ModelError(AltitudeError):
    """The classifier model is missing, incompatible, or contains untrusted types."""

    exit_code = 1


class OutputError(AltitudeError):
    """An output file or folder cannot be written."""

    exit_code = 1
