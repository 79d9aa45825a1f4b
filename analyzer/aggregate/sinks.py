"""Top time sinks: the series and titles that take the most hours."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pandas as pd

__all__ = ["top_sinks"]


def top_sinks(events: pd.DataFrame, n: int = 8) -> pd.DataFrame:
    """The ``n`` series (recurring events by UID, single events by title) with the most hours.

    Returns:
        Columns ``title`` (the most frequent title of the series), ``label``, ``hours``,
        ``occurrences``, sorted by hours, largest first.

    Example:
        >>> events = pd.DataFrame({"title": ["Standup", "Standup", "Board"],
        ...     "label": ["micro", "micro", "macro"], "hours": [0.25, 0.25, 2.0],
        ...     "series_uid": ["s1", "s1", "b1"], "recurring": [True, True, False]})
        >>> top_sinks(events).values.tolist()
        [['Board', 'macro', 2.0, 1], ['Standup', 'micro', 0.5, 2]]
    """
    columns = ["title", "label", "hours", "occurrences"]
    if events.empty:
        return pd.DataFrame(columns=columns)
    key = events["series_uid"].where(events["recurring"], "title:" + events["title"])
    # Series in order of first appearance; a missing key belongs to no series.
    group, keys = pd.factorize(key)
    valid = group >= 0
    group = group[valid]
    groups = len(keys)
    hours = pd.Series(events["hours"].to_numpy()[valid]).groupby(group).sum()
    table = pd.DataFrame(
        {
            "title": _mode(events["title"], group, valid, groups),
            "label": _mode(events["label"], group, valid, groups),
            "hours": hours.to_numpy(),
            "occurrences": np.bincount(group, minlength=groups).astype(np.int64),
        }
    )
    table = table.sort_values(["hours", "title"], ascending=[False, True], kind="stable")
    return table.head(n).reset_index(drop=True)[columns]


def _mode(
    values: pd.Series,
    group: npt.NDArray[np.intp],
    valid: npt.NDArray[np.bool_],
    groups: int,
) -> pd.api.extensions.ExtensionArray | np.ndarray:
    """The most frequent value of each group (the smallest on ties, as ``Series.mode``).

    ``group`` is the group of each row where ``valid``; missing values are not counted.
    """
    code, uniques = pd.factorize(values.array, sort=True)  # code order = sorted order
    code = code[valid]
    counted = code >= 0
    pairs = group[counted].astype(np.int64) * len(uniques) + code[counted]
    pair, count = np.unique(pairs, return_counts=True)
    pair_group, pair_code = np.divmod(pair, len(uniques))
    # Within each group: the highest count, then the smallest value.
    order = np.lexsort((pair_code, -count, pair_group))
    first = np.flatnonzero(np.r_[True, pair_group[order][1:] != pair_group[order][:-1]])
    best = order[first]
    if len(best) != groups:
        raise IndexError("a series has no value to take the most frequent of")
    modes: pd.api.extensions.ExtensionArray | np.ndarray = uniques.take(pair_code[best])
    return modes
