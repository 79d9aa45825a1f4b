"""Published reference values (a study's findings, not targets), kept as data in TOML."""

from __future__ import annotations

import tomllib
from importlib.resources import files
from pathlib import Path

import pandas as pd

from analyzer.errors import ConfigError

__all__ = ["REFERENCE_CHARTS", "REFERENCE_COLUMNS", "load_references"]

REFERENCE_CHARTS: tuple[str, ...] = ("drift", "load")
REFERENCE_COLUMNS: tuple[str, ...] = ("id", "chart", "value", "label", "definition", "source")


def load_references(path: str | Path | None = None) -> pd.DataFrame:
    """Read reference values: the shipped ``analyzer/insights/references.toml`` by default.

    Each ``[[reference]]`` has ``id``, ``chart`` (``drift``: drawn on the macro-share chart;
    ``load``: on the meeting-load chart), ``value`` (a share from 0 to 1), ``label``,
    ``definition`` (what the study measured) and ``source`` (the citation).

    Returns:
        One row per reference with :data:`REFERENCE_COLUMNS`.

    Raises:
        ConfigError: the file is missing, not TOML, or an entry is malformed.

    Example:
        >>> load_references()[["id", "value"]].values.tolist()
        [['ceo_strategy_share', 0.21], ['ceo_meeting_share', 0.72]]
    """
    name = str(path) if path is not None else "references.toml"
    try:
        text = (
            Path(path).read_text(encoding="utf-8")
            if path is not None
            else files("analyzer.insights").joinpath("references.toml").read_text(encoding="utf-8")
        )
        data = tomllib.loads(text)
    except FileNotFoundError:
        raise ConfigError(f"cannot read references file {name}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read references file {name}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{name}: not valid TOML ({exc})") from None
    entries = data.get("reference", [])
    if not isinstance(entries, list):
        raise ConfigError(f"{name}: 'reference' must be a list of [[reference]] tables")
    rows = []
    for number, entry in enumerate(entries, start=1):
        where = f"{name}: reference #{number}"
        if not isinstance(entry, dict):
            raise ConfigError(f"{where}: must be a table")
        for key in ("id", "label", "definition", "source"):
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                raise ConfigError(f"{where}.{key}: a non-empty string is required")
        if entry.get("chart") not in REFERENCE_CHARTS:
            raise ConfigError(f"{where}.chart: must be drift or load, not {entry.get('chart')!r}")
        value = entry.get("value")
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            raise ConfigError(f"{where}.value: a share between 0 and 1 is required")
        rows.append({**{k: entry[k] for k in REFERENCE_COLUMNS}, "value": float(value)})
    return pd.DataFrame(rows, columns=list(REFERENCE_COLUMNS))
