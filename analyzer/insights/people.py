"""Who the time is spent with: hours per person, 1:1s, internal vs external, meeting sizes.

The people of an occurrence are its organizer and attendees other than the owner (the
``people`` column, which already leaves out attendees marked ``CUTYPE=ROOM`` or
``RESOURCE``); rooms and shared calendars that are not marked (Google's
``resource.calendar.google.com`` and ``group.calendar.google.com`` addresses) are left out
here too. A group invitation (``CUTYPE=GROUP``, a mailing list) counts as one participant
under its own address: its members take part, but the export does not name them. A person
is *internal* when their e-mail domain is one of the owner's.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from analyzer.types import LABELS

__all__ = [
    "DEFAULT_LARGE_MEETING",
    "is_person",
    "meeting_sizes",
    "owner_domains",
    "people_time",
]

DEFAULT_LARGE_MEETING = 8
_NOT_PEOPLE = ("resource.calendar.google.com", "group.calendar.google.com")


def is_person(address: str) -> bool:
    """False for room, resource and shared-calendar addresses.

    Example:
        >>> is_person("c_18@resource.calendar.google.com"), is_person("ann@example.com")
        (False, True)
    """
    domain = address.rpartition("@")[2]
    return not any(domain == d or domain.endswith("." + d) for d in _NOT_PEOPLE)


def owner_domains(events: pd.DataFrame, owner: Iterable[str] | None = None) -> frozenset[str]:
    """The owner's e-mail domains: from ``owner``, else from ``events.attrs["owner"]``."""
    addresses = owner if owner is not None else events.attrs.get("owner", ())
    return frozenset(str(a).rpartition("@")[2].lower() for a in addresses if "@" in str(a))


def _participants(events: pd.DataFrame) -> pd.Series:
    """The ``people`` of each occurrence without rooms and shared calendars."""
    return events["people"].map(lambda group: tuple(p for p in group if is_person(p)))


def people_time(
    events: pd.DataFrame, owner: Iterable[str] | None = None, top: int | None = None
) -> pd.DataFrame:
    """Hours with each person, split by label, with their 1:1 hours.

    Args:
        events: the events table (``people``, ``hours``, ``label``).
        owner: the owner's addresses (for internal vs external); default
            ``events.attrs["owner"]``.
        top: keep only the ``top`` people with the most hours.

    Returns:
        One row per person (index ``person``), most hours first: ``hours`` (counted hours
        of every occurrence they take part in), ``macro_hours``, ``micro_hours``,
        ``other_hours``, ``one_to_one_hours`` (occurrences with nobody else but the owner),
        ``occurrences`` and ``internal``.

    Example:
        >>> events = pd.DataFrame({"people": [("ann@a.com",), ("ann@a.com", "bo@b.com")],
        ...     "hours": [1.0, 2.0], "label": ["micro", "macro"]})
        >>> table = people_time(events, owner=["me@a.com"])
        >>> table[["hours", "one_to_one_hours", "internal"]].reset_index().values.tolist()
        [['ann@a.com', 3.0, 1.0, True], ['bo@b.com', 2.0, 0.0, False]]
    """
    columns = [*(f"{label}_hours" for label in LABELS), "one_to_one_hours"]
    people = _participants(events) if len(events) else pd.Series([], dtype=object)
    size = people.map(len).to_numpy(dtype=np.int64) if len(events) else np.zeros(0, np.int64)
    rows = np.repeat(np.arange(len(events)), size)
    names = [p for group in people for p in group]
    if not names:
        empty = pd.DataFrame(
            {"hours": [], **{c: [] for c in columns}, "occurrences": [], "internal": []}
        )
        return empty.astype({"occurrences": "int64", "internal": "bool"}).rename_axis("person")
    hours = events["hours"].to_numpy(dtype="float64")[rows]
    labels = events["label"].astype(str).to_numpy()[rows]
    pairs = pd.DataFrame({"person": names, "hours": hours})
    for label in LABELS:
        pairs[f"{label}_hours"] = np.where(labels == label, hours, 0.0)
    pairs["one_to_one_hours"] = np.where(size[rows] == 1, hours, 0.0)
    pairs["occurrences"] = 1
    table = pairs.groupby("person", sort=False).sum()
    domains = owner_domains(events, owner)
    table["internal"] = [name.rpartition("@")[2] in domains for name in table.index]
    table = table.iloc[np.lexsort((table.index.to_numpy(dtype=str), -table["hours"].to_numpy()))]
    table = table[["hours", *columns, "occurrences", "internal"]]
    return table.head(top) if top is not None else table


def meeting_sizes(
    events: pd.DataFrame,
    owner: Iterable[str] | None = None,
    large_meeting: int = DEFAULT_LARGE_MEETING,
) -> pd.DataFrame:
    """Counted hours by who was there: alone, 1:1, small and large meetings, and whether
    anyone came from outside the owner's domains.

    A meeting's size counts the owner too: a 1:1 has 2 people, and a *large* meeting more
    than ``large_meeting``.

    Returns:
        Rows ``alone``, ``one_to_one``, ``small`` (3 to ``large_meeting`` people),
        ``large``, then ``internal`` (everyone from the owner's domains) and ``external``
        (at least one person from outside), with ``hours`` and ``share`` (of all counted
        hours) and ``occurrences``.

    Example:
        >>> events = pd.DataFrame({"people": [(), ("a@x.com",), tuple(f"p{i}@x.com"
        ...     for i in range(8))], "hours": [1.0, 1.0, 2.0], "label": ["other"] * 3})
        >>> meeting_sizes(events, owner=["me@x.com"])["hours"].tolist()
        [1.0, 1.0, 0.0, 2.0, 3.0, 0.0]
    """
    names = ["alone", "one_to_one", "small", "large", "internal", "external"]
    hours = events["hours"].to_numpy(dtype="float64") if len(events) else np.zeros(0)
    people = _participants(events) if len(events) else pd.Series([], dtype=object)
    size = people.map(len).to_numpy(dtype=np.int64) + 1 if len(events) else np.zeros(0, int)
    domains = owner_domains(events, owner)
    outside = people.map(lambda group: any(p.rpartition("@")[2] not in domains for p in group))
    outside_mask = outside.to_numpy(dtype=bool) if len(events) else np.zeros(0, bool)
    masks = [
        size == 1,
        size == 2,
        (size >= 3) & (size <= large_meeting),
        size > large_meeting,
        (size >= 2) & ~outside_mask,
        (size >= 2) & outside_mask,
    ]
    total = float(hours.sum())
    table = pd.DataFrame(
        {
            "hours": [float(hours[m].sum()) for m in masks],
            "occurrences": [int(m.sum()) for m in masks],
        },
        index=pd.Index(names, name="group"),
    )
    table["share"] = table["hours"] / total if total > 1e-12 else np.nan
    return table[["hours", "share", "occurrences"]]
