"""Read a TOML file that holds a list of tables (``[[rules]]``, ``[[corrections]]``, ...)."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from analyzer.errors import ConfigError

__all__ = ["read_tables"]


def read_tables(
    path: str | Path, key: str, kind: str, text: str | None = None
) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield ``(where, table)`` for every ``[[key]]`` table; ``where`` names it in messages.

    Args:
        path: the file (read unless ``text`` is given; always used in messages).
        key: the array of tables to read, e.g. ``"rules"``.
        kind: what the file is, for messages ("rules", "corrections", ...).
        text: the file's text, when it does not come from ``path`` (packaged data).

    Raises:
        ConfigError: the file is missing, unreadable, not TOML, has keys other than
            ``key``, or an entry is no table.

    Example:
        >>> [w for w, _ in read_tables("r.toml", "rules", "rules", '[[rules]]\\nlabel = "x"')]
        ['r.toml: rules #1']
    """
    try:
        data = tomllib.loads(text if text is not None else Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"cannot read {kind} file {path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read {kind} file {path}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    unknown = sorted(set(data) - {key})
    if unknown:  # a misspelt [[rule]] would otherwise silently mean "no rules"
        names = ", ".join(repr(name) for name in unknown)
        raise ConfigError(f"{path}: unknown key {names}; a {kind} file holds [[{key}]] tables")
    entries = data.get(key, [])
    if not isinstance(entries, list):
        raise ConfigError(f"{path}: '{key}' must be a list of [[{key}]] tables")
    for number, entry in enumerate(entries, start=1):
        where = f"{path}: {key} #{number}"
        if not isinstance(entry, dict):
            raise ConfigError(f"{where}: must be a table")
        yield where, entry
