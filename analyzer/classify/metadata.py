"""Let metadata decide where a title alone is ambiguous (LABELS.md, "How to decide")."""

from __future__ import annotations

import pandas as pd

__all__ = ["apply_metadata"]


def apply_metadata(events: pd.DataFrame, threshold: float) -> pd.DataFrame:
    """Relabel uncertain model predictions from attendees and recurrence.

    Only predictions below ``threshold`` that came from the model change (never a rule):
    two attendees on a recurring series read as a 1:1 (micro); four or more attendees from
    at least two outside domains read as a partner or investor meeting (macro). The
    confidence is kept and ``label_source`` becomes ``metadata``; a ``reason`` column, when
    present, says which reading applied and what the model had said.
    """
    open_to_change = (events["label_source"] == "model") & (events["confidence"] < threshold)
    one_to_one = open_to_change & (events["attendees"] == 2) & events["recurring"]
    partners = open_to_change & (events["attendees"] >= 4) & (events["external_domains"] >= 2)
    if "reason" in events:
        said = (
            "; the model said "
            + events["label"].astype(str)
            + " "
            + events["confidence"].map("{:.2f}".format)
        )
        events.loc[one_to_one, "reason"] = "metadata: a recurring event with 2 attendees is a 1:1"
        events.loc[one_to_one, "reason"] += said[one_to_one]
        partner = partners & ~one_to_one
        events.loc[partner, "reason"] = (
            "metadata: 4+ attendees from 2+ outside domains is a partner meeting" + said[partner]
        )
    events.loc[one_to_one, "label"] = "micro"
    events.loc[partners & ~one_to_one, "label"] = "macro"
    events.loc[one_to_one | partners, "label_source"] = "metadata"
    return events
