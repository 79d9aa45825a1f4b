"""Typed readers for config values; every error names the file, the line and the dotted key."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from analyzer.aggregate.drift import parse_band
from analyzer.batch.keylines import KeyPath, line_of
from analyzer.calendars.timezones import is_zone
from analyzer.errors import ConfigError

__all__ = ["Fields"]


class Fields:
    """Reads values out of a parsed TOML document, raising :class:`ConfigError` on bad ones.

    Example:
        >>> fields = Fields(Path("team.toml"), {("rolling",): 2})
        >>> fields.integer({"rolling": 0}, ("rolling",), default=4, minimum=1)
        Traceback (most recent call last):
        ...
        analyzer.errors.ConfigError: team.toml line 2: rolling: must be at least 1, not 0
    """

    def __init__(self, source: Path, lines: dict[KeyPath, int]) -> None:
        self.source = source
        self.folder = source.resolve().parent
        self.lines = lines

    def error(self, path: KeyPath, problem: str) -> ConfigError:
        """A :class:`ConfigError` for the key at ``path`` (dotted in the message)."""
        line = line_of(self.lines, path)
        where = f"{self.source} line {line}" if line is not None else str(self.source)
        key = ".".join(path)
        return ConfigError(f"{where}: {key}: {problem}" if key else f"{where}: {problem}")

    def table(self, data: Mapping[str, Any], path: KeyPath, allowed: tuple[str, ...]) -> None:
        """Refuse keys outside ``allowed`` (a typo would otherwise be silently ignored)."""
        for key in data:
            if key not in allowed:
                raise self.error(
                    (*path, key), f"unknown key (expected one of: {', '.join(allowed)})"
                )

    def sub_table(self, data: Mapping[str, Any], path: KeyPath) -> dict[str, Any]:
        """The table at ``path[-1]`` of ``data``, or an empty one when absent."""
        value = data.get(path[-1], {})
        if not isinstance(value, dict):
            raise self.error(path, "must be a table like [" + ".".join(path) + "]")
        return value

    def text(
        self, data: Mapping[str, Any], path: KeyPath, default: str | None = None
    ) -> str | None:
        """An optional non-empty string."""
        value = data.get(path[-1])
        if value is None:
            return default
        if not isinstance(value, str) or not value.strip():
            raise self.error(path, "must be a non-empty string")
        return value.strip()

    def texts(self, data: Mapping[str, Any], path: KeyPath) -> tuple[str, ...]:
        """A string or a list of strings (an empty tuple when absent)."""
        value = data.get(path[-1], [])
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(i, str) and i for i in items):
            raise self.error(path, "must be a string or a list of strings")
        return tuple(items)

    def integer(self, data: Mapping[str, Any], path: KeyPath, default: int, minimum: int) -> int:
        """An integer of at least ``minimum``."""
        value = data.get(path[-1], default)
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.error(path, f"must be a whole number, not {value!r}")
        if value < minimum:
            raise self.error(path, f"must be at least {minimum}, not {value}")
        return value

    def number(self, data: Mapping[str, Any], path: KeyPath, default: float) -> float:
        """A number between 0 and 1."""
        value = data.get(path[-1], default)
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            raise self.error(path, f"must be a number between 0 and 1, not {value!r}")
        return float(value)

    def date(self, data: Mapping[str, Any], path: KeyPath) -> dt.date | None:
        """A TOML date (``2026-01-05``) or a string holding one."""
        value = data.get(path[-1])
        if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise self.error(path, f"must be a date like 2026-01-05, not {value!r}")

    def band(self, data: Mapping[str, Any], path: KeyPath) -> tuple[float, float] | None:
        """A target band: ``"0.3:0.5"``, ``"30:50"`` or ``[0.3, 0.5]``."""
        value = data.get(path[-1])
        if value is None:
            return None
        if isinstance(value, list) and len(value) == 2:
            value = f"{value[0]}:{value[1]}"
        if not isinstance(value, str):
            raise self.error(path, f'must be a band like "0.3:0.5", not {value!r}')
        try:
            return parse_band(value)
        except ValueError as exc:
            raise self.error(path, str(exc)) from None

    def zone(self, data: Mapping[str, Any], path: KeyPath) -> str | None:
        """An IANA time zone name."""
        name = self.text(data, path)
        if name is not None and not is_zone(name):
            raise self.error(
                path, f"unknown time zone {name!r}: use an IANA name such as Europe/Berlin"
            )
        return name

    def path(self, value: str, path: KeyPath, directory_ok: bool = False) -> Path:
        """``value`` resolved against the config's folder; it must exist."""
        resolved = (self.folder / Path(value).expanduser()).resolve()
        if not resolved.exists():
            raise self.error(path, f"not found: {value}")
        if resolved.is_dir() and not directory_ok:
            raise self.error(path, f"is a folder, not a file: {value}")
        return resolved
