"""The correction loop: pick the titles worth a human look, and save the answers."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from analyzer.render.files import write_text
from analyzer.types import Label

__all__ = ["append_labels", "append_rules", "review_candidates"]


def review_candidates(events: pd.DataFrame, limit: int = 20) -> pd.DataFrame:
    """Distinct titles to review: the uncertain ones first, then those with the most hours.

    Returns:
        Columns ``title``, ``label``, ``confidence``, ``hours``, ``occurrences``.

    Example:
        >>> events = pd.DataFrame({"title": ["Sync", "Board", "Sync"],
        ...     "label": ["micro", "macro", "micro"], "confidence": [0.55, 0.97, 0.55],
        ...     "hours": [1.0, 3.0, 1.0], "uncertain": [True, False, True]})
        >>> review_candidates(events)["title"].tolist()
        ['Sync', 'Board']
    """
    columns = ["title", "label", "confidence", "hours", "occurrences"]
    if events.empty:
        return pd.DataFrame(columns=columns)
    grouped = events.groupby("title", sort=False)
    table = pd.DataFrame(
        {
            "label": grouped["label"].first(),
            "confidence": grouped["confidence"].min(),
            "hours": grouped["hours"].sum(),
            "occurrences": grouped.size(),
            "uncertain": grouped["uncertain"].any(),
        }
    ).reset_index()
    table = table.sort_values(
        ["uncertain", "hours", "confidence", "title"],
        ascending=[False, False, True, True],
        kind="stable",
    )
    return table.head(limit).reset_index(drop=True)[columns]


def append_labels(path: str | Path, answers: Iterable[tuple[str, Label]]) -> Path:
    """Add ``title,label`` rows to a CSV for `altitude train` (header written when new).

    Example:
        >>> import tempfile
        >>> path = Path(tempfile.mkdtemp()) / "labels.csv"
        >>> append_labels(path, [("Board materials walkthrough", "macro")]).read_text().split()
        ['title,label', 'Board', 'materials', 'walkthrough,macro']
    """
    path = Path(path)
    existing = path.read_text(encoding="utf-8") if path.is_file() else "title,label\n"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for title, label in answers:
        writer.writerow([title, label])
    if existing and not existing.endswith("\n"):
        existing += "\n"
    return write_text(path, existing + buffer.getvalue())


def append_rules(path: str | Path, answers: Iterable[tuple[str, Label]]) -> Path:
    """Add one exact-title ``[[rules]]`` entry per answer to a rules TOML file.

    Example:
        >>> import tempfile
        >>> path = Path(tempfile.mkdtemp()) / "rules.toml"
        >>> print(append_rules(path, [("Standup", "micro")]).read_text().strip())
        [[rules]]
        pattern = "^Standup$"
        label = "micro"
    """
    path = Path(path)
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    for title, label in answers:
        pattern = "^" + re.escape(title) + "$"
        quoted = pattern.replace("\\", "\\\\").replace('"', '\\"')
        text += f'\n[[rules]]\npattern = "{quoted}"\nlabel = "{label}"\n'
    return write_text(path, text)
