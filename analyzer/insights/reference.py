"""Published reference values (a study's findings, not targets), kept as data in TOML."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pandas as pd

from analyzer.errors import ConfigError
from analyzer.tomltables import read_tables

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
    packaged = (
        files("analyzer.insights").joinpath("references.toml").read_text(encoding="utf-8")
        if path is None
        else None
    )
    rows = []
    for where, entry in read_tables(name, "reference", "references", packaged):
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
