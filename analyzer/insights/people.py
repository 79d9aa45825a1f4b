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
from dataclasses import dataclass
from itertools import chain

import numpy as np
import numpy.typing as npt
import pandas as pd

from analyzer.types import LABELS

IntArray = npt.NDArray[np.int64]

__all__ = [
    "DEFAULT_LARGE_MEETING",
    "Participants",
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


@dataclass(frozen=True)
class Participants:
    """Every (occurrence, person) pair of the events, rooms and shared calendars left out.

    Each distinct address is looked at once: ``person`` indexes ``names``. Work it out
    once with :meth:`of` to share it between :func:`people_time` and :func:`meeting_sizes`.
    """

    row: IntArray  # the occurrence (position in the events table)
    person: IntArray  # the address, as a position in ``names``
    names: npt.NDArray[np.object_]
    count: IntArray  # participants of each occurrence

    @classmethod
    def of(cls, events: pd.DataFrame) -> Participants:
        """The participants of each row of ``events`` (its ``people`` column)."""
        n = len(events)
        groups = np.fromiter(map(tuple, events["people"]), object, n) if n else np.zeros(0, object)
        # Series repeat the same people: filter each distinct group once.
        group, distinct = pd.factorize(groups, use_na_sentinel=False)
        sizes = np.fromiter(map(len, distinct), np.int64, len(distinct))
        flat = np.fromiter(chain.from_iterable(distinct), object, int(sizes.sum()))
        code, names = pd.factorize(flat)
        names = np.asarray(names, dtype=object)
        kept = np.fromiter(map(is_person, names), bool, len(names))[code]
        group_of = np.repeat(np.arange(len(distinct), dtype=np.int64), sizes)[kept]
        kept_sizes = np.bincount(group_of, minlength=len(distinct)).astype(np.int64)
        offsets = np.cumsum(kept_sizes) - kept_sizes
        # Every occurrence takes the kept people of its group, in order.
        count = kept_sizes[group]
        row = np.repeat(np.arange(n, dtype=np.int64), count)
        within = np.arange(len(row)) - np.repeat(np.cumsum(count) - count, count)
        person = code[kept].astype(np.int64)[offsets[group][row] + within]
        return cls(row, person, names, count)

    def domain_flags(self, domains: frozenset[str]) -> npt.NDArray[np.bool_]:
        """Whether each of ``names`` has one of ``domains`` (exact, as written)."""
        found = (name.rpartition("@")[2] in domains for name in self.names)
        return np.fromiter(found, bool, len(self.names))


def people_time(
    events: pd.DataFrame,
    owner: Iterable[str] | None = None,
    top: int | None = None,
    *,
    participants: Participants | None = None,
) -> pd.DataFrame:
    """Hours with each person, split by label, with their 1:1 hours.

    Args:
        events: the events table (``people``, ``hours``, ``label``).
        owner: the owner's addresses (for internal vs external); default
            ``events.attrs["owner"]``.
        top: keep only the ``top`` people with the most hours.
        participants: ``Participants.of(events)``, when already at hand.

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
    found = participants if participants is not None else Participants.of(events)
    if not len(found.row):
        empty = pd.DataFrame(
            {"hours": [], **{c: [] for c in columns}, "occurrences": [], "internal": []}
        )
        return empty.astype({"occurrences": "int64", "internal": "bool"}).rename_axis("person")
    rows = found.row
    hours = events["hours"].to_numpy(dtype="float64")[rows]
    labels = events["label"].astype(str).to_numpy()
    pairs = pd.DataFrame({"person": found.person, "hours": hours})
    for label in LABELS:
        pairs[f"{label}_hours"] = np.where((labels == label)[rows], hours, 0.0)
    pairs["one_to_one_hours"] = np.where(found.count[rows] == 1, hours, 0.0)
    pairs["occurrences"] = 1
    table = pairs.groupby("person").sum()
    code = table.index.to_numpy()
    table.index = pd.Index(found.names[code].tolist(), name="person")
    table["internal"] = found.domain_flags(owner_domains(events, owner))[code]
    table = table.iloc[np.lexsort((table.index.to_numpy(dtype=str), -table["hours"].to_numpy()))]
    table = table[["hours", *columns, "occurrences", "internal"]]
    return table.head(top) if top is not None else table


def meeting_sizes(
    events: pd.DataFrame,
    owner: Iterable[str] | None = None,
    large_meeting: int = DEFAULT_LARGE_MEETING,
    *,
    participants: Participants | None = None,
) -> pd.DataFrame:
    """Counted hours by who was there: alone, 1:1, small and large meetings, and whether
    anyone came from outside the owner's domains.

    A meeting's size counts the owner too: a 1:1 has 2 people, and a *large* meeting more
    than ``large_meeting``. ``participants``: ``Participants.of(events)``, when at hand.

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
    found = participants if participants is not None else Participants.of(events)
    size = found.count + 1
    outside = ~found.domain_flags(owner_domains(events, owner))
    outside_mask = np.bincount(found.row[outside[found.person]], minlength=len(size)) > 0
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
