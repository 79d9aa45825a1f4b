"""User corrections (`--corrections FILE.toml`): a label for a whole series, or for a title.

A correction is the most specific thing a user can say, so it wins over rules, the model
and metadata: a ``series_uid`` correction relabels every occurrence of that series (all its
titles and moved occurrences), a ``title`` correction every occurrence with that title
(compared case-insensitively, ignoring surrounding spaces). A series correction beats a
title correction; among corrections of the same kind the later one in the file wins, so
appending a new answer overrides an old one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from analyzer.errors import ConfigError
from analyzer.render.files import write_text
from analyzer.tomltables import read_tables
from analyzer.types import LABELS, Label

__all__ = [
    "Correction",
    "append_corrections",
    "apply_corrections",
    "corrections_for",
    "load_corrections",
    "title_correction",
]


@dataclass(frozen=True)
class Correction:
    """A label for every occurrence of one series (``series_uid``) or one ``title``."""

    label: Label
    series_uid: str | None = None
    title: str | None = None

    @property
    def reason(self) -> str:
        """How the events table explains a label this correction set."""
        if self.series_uid is not None:
            return f"correction: series {self.series_uid}"
        return f'correction: title "{self.title}"'


def load_corrections(path: str | Path) -> list[Correction]:
    """Read a corrections file: ``[[corrections]]`` tables with ``label`` and either
    ``series_uid`` or ``title``.

    Example file::

        [[corrections]]
        series_uid = "2hdb4uou052tdspb6lkcd5ee8d@google.com"
        label = "micro"

        [[corrections]]
        title = "Board prep"
        label = "macro"

    Raises:
        ConfigError: the file is missing, not TOML, or an entry is malformed.
    """
    corrections = []
    for where, entry in read_tables(path, "corrections", "corrections"):
        label = entry.get("label")
        if label not in LABELS:
            raise ConfigError(f"{where}.label: must be one of macro, micro, other, not {label!r}")
        uid, title = entry.get("series_uid"), entry.get("title")
        if (uid is None) == (title is None):
            raise ConfigError(f"{where}: give exactly one of series_uid and title")
        value = uid if uid is not None else title
        if not isinstance(value, str) or not value.strip():
            key = "series_uid" if uid is not None else "title"
            raise ConfigError(f"{where}.{key}: a non-empty string is required")
        corrections.append(Correction(label, series_uid=uid, title=title))
    return corrections


def _title_key(title: str) -> str:
    return title.strip().casefold()


def title_correction(corrections: Sequence[Correction], title: str) -> Correction | None:
    """The correction that applies to a bare title (the last title correction for it)."""
    key = _title_key(title)
    found = None
    for correction in corrections:
        if correction.title is not None and _title_key(correction.title) == key:
            found = correction
    return found


def apply_corrections(events: pd.DataFrame, corrections: Sequence[Correction]) -> pd.DataFrame:
    """Relabel the events that a correction targets (in place; returns ``events``).

    Corrected rows get confidence 1, ``uncertain`` False, ``label_source`` ``correction``
    and a ``reason`` naming the series or title. ``uncorrected_label`` keeps the label
    rules, model and metadata gave, so a report can say how many hours corrections moved.
    """
    before = events["label"].astype("string")
    if "uncorrected_label" in events:  # a label from before an earlier round of corrections
        before = events["uncorrected_label"].astype("string").fillna(before)
    events["uncorrected_label"] = before
    if not corrections or events.empty:
        return events
    chosen = np.full(len(events), -1, np.int64)
    keys = events["title"].astype("string").fillna("").str.strip().str.casefold().to_numpy()
    uids = events["series_uid"].astype("string").fillna("").to_numpy()
    # Title corrections first, series corrections after: the later assignment wins.
    for number, correction in enumerate(corrections):
        if correction.title is not None:
            chosen[keys == _title_key(correction.title)] = number
    for number, correction in enumerate(corrections):
        if correction.series_uid is not None:
            chosen[uids == correction.series_uid] = number
    hit = chosen >= 0
    if not hit.any():
        return events
    picked = [corrections[n] for n in chosen[hit]]
    events.loc[hit, "label"] = [c.label for c in picked]
    events.loc[hit, "confidence"] = 1.0
    events.loc[hit, "uncertain"] = False
    events.loc[hit, "label_source"] = "correction"
    events.loc[hit, "reason"] = [c.reason for c in picked]
    return events


def corrections_for(events: pd.DataFrame, answers: Iterable[tuple[str, Label]]) -> list[Correction]:
    """Corrections for reviewed titles: by series UID where the title belongs to a recurring
    series (so one answer relabels the whole series), by title for one-off events.

    Example:
        >>> events = pd.DataFrame({"title": ["Sync", "Sync", "Offsite"],
        ...     "series_uid": ["s1", "s2", "o1"], "recurring": [True, False, False]})
        >>> [(c.series_uid, c.title) for c in corrections_for(events, [("Sync", "macro")])]
        [('s1', None), (None, 'Sync')]
    """
    result = []
    for title, label in answers:
        rows = events[events["title"] == title]
        recurring = rows[rows["recurring"].astype(bool)]
        for uid in dict.fromkeys(recurring["series_uid"].astype(str)):
            result.append(Correction(label, series_uid=uid))
        if len(recurring) < len(rows) or rows.empty:
            result.append(Correction(label, title=title))
    return result


def _quoted(text: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    escaped = "".join(
        "\\" + ch if ch in '"\\' else f"\\u{ord(ch):04x}" if ord(ch) < 32 or ord(ch) == 127 else ch
        for ch in text
    )
    return f'"{escaped}"'


def append_corrections(path: str | Path, corrections: Iterable[Correction]) -> Path:
    """Add ``[[corrections]]`` entries to a corrections TOML (created when new).

    Example:
        >>> import tempfile
        >>> path = Path(tempfile.mkdtemp()) / "corrections.toml"
        >>> print(append_corrections(path, [Correction("micro", series_uid="s1")]).read_text())
        <BLANKLINE>
        [[corrections]]
        series_uid = "s1"
        label = "micro"
        <BLANKLINE>
    """
    path = Path(path)
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    for correction in corrections:
        if correction.series_uid is not None:
            target = f"series_uid = {_quoted(correction.series_uid)}"
        else:
            target = f"title = {_quoted(correction.title or '')}"
        text += f'\n[[corrections]]\n{target}\nlabel = "{correction.label}"\n'
    return write_text(path, text)
