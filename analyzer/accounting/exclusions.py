"""Why an occurrence does not count: the first reason that applies, in the product's order."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from analyzer.calendars.table import ComponentFacts
from analyzer.types import EXCLUSION_REASONS

__all__ = ["COUNTED", "exclusion_codes", "owner_partstat"]

COUNTED = -1  # the code of an occurrence that counts


def owner_partstat(facts: ComponentFacts, owner: frozenset[str]) -> str:
    """The owner's PARTSTAT on this event, or ``""`` when the owner is not invited."""
    for address, partstat in facts.attendees:
        if address in owner:
            return partstat
    return ""


def exclusion_codes(
    cancelled: npt.NDArray[np.bool_],
    declined: npt.NDArray[np.bool_],
    all_day: npt.NDArray[np.bool_],
    transparent: npt.NDArray[np.bool_],
) -> npt.NDArray[np.int64]:
    """Per occurrence, the index in ``EXCLUSION_REASONS`` of the first reason, or COUNTED.

    The order is the product's definition: cancelled, declined (by the owner), all-day,
    transparent. Tentative and needs-action invitations count.

    Example:
        >>> exclusion_codes(np.array([True, False, False]), np.array([True, True, False]),
        ...                 np.array([False, True, False]), np.array([False, False, False]))
        array([ 0,  1, -1])
    """
    assert EXCLUSION_REASONS == ("cancelled", "declined", "all_day", "transparent")
    return np.select(
        [cancelled, declined, all_day, transparent], [0, 1, 2, 3], default=COUNTED
    ).astype(np.int64)
