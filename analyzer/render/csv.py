"""CSV output that is safe to open in a spreadsheet (no formula ever fires)."""

from __future__ import annotations

import pandas as pd

__all__ = ["render_csv", "safe_cell"]

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "|", "%")


def safe_cell(value: object) -> object:
    """Neutralise text a spreadsheet would run as a formula by prefixing a quote.

    Example:
        >>> safe_cell("=HYPERLINK(\\"http://x\\")")
        '\\'=HYPERLINK("http://x")'
        >>> safe_cell(-1.5)
        -1.5
    """
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def render_csv(frame: pd.DataFrame) -> str:
    """A frame as CSV, every text cell guarded against formula injection."""
    guarded = frame.copy()
    for column in guarded.columns:
        if guarded[column].dtype == object or pd.api.types.is_string_dtype(guarded[column]):
            guarded[column] = guarded[column].map(safe_cell).astype("object")
    return str(guarded.to_csv(index=False, lineterminator="\n"))
