"""How much time user corrections moved from one label to another."""

from __future__ import annotations

import pandas as pd

__all__ = ["corrections_moved"]


def corrections_moved(events: pd.DataFrame) -> pd.DataFrame:
    """Corrected hours by the label they had without corrections and the label they got.

    Returns:
        One row per (``from_label``, ``to_label``) pair with ``hours`` and ``occurrences``,
        most hours first. A correction that confirmed a label has ``from_label ==
        to_label``; it moved nothing.

    Example:
        >>> events = pd.DataFrame({"label": ["macro", "micro", "macro"],
        ...     "uncorrected_label": ["micro", "micro", "macro"], "hours": [1.5, 1.0, 2.0],
        ...     "label_source": ["correction", "correction", "model"]})
        >>> corrections_moved(events).values.tolist()
        [['micro', 'macro', 1.5, 1], ['micro', 'micro', 1.0, 1]]
    """
    columns = ["from_label", "to_label", "hours", "occurrences"]
    if events.empty or "uncorrected_label" not in events:
        return pd.DataFrame(columns=columns)
    corrected = events[(events["label_source"] == "correction").fillna(False).to_numpy(dtype=bool)]
    if corrected.empty:
        return pd.DataFrame(columns=columns)
    table = (
        pd.DataFrame(
            {
                "from_label": corrected["uncorrected_label"].astype(str),
                "to_label": corrected["label"].astype(str),
                "hours": corrected["hours"].astype("float64"),
            }
        )
        .groupby(["from_label", "to_label"], as_index=False)
        .agg(hours=("hours", "sum"), occurrences=("hours", "size"))
    )
    table = table.sort_values(
        ["hours", "from_label", "to_label"], ascending=[False, True, True], kind="stable"
    )
    return table.reset_index(drop=True)[columns]
