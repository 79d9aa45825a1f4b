"""Top time sinks: the series and titles that take the most hours."""

from __future__ import annotations

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
    grouped = events.assign(_key=key).groupby("_key", sort=False)
    table = pd.DataFrame(
        {
            "title": grouped["title"].agg(lambda s: s.mode().iloc[0]),
            "label": grouped["label"].agg(lambda s: s.mode().iloc[0]),
            "hours": grouped["hours"].sum(),
            "occurrences": grouped.size(),
        }
    )
    table = table.sort_values(["hours", "title"], ascending=[False, True], kind="stable")
    return table.head(n).reset_index(drop=True)[columns]
