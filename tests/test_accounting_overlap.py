"""Overlap sharing: hand-computed cases and the invariant that split never exceeds wall clock."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.accounting.overlap import allocate_seconds

H = 3600


def _union_seconds(intervals: list[tuple[int, int]]) -> int:
    total, end = 0, None
    for start, stop in sorted(intervals):
        if end is None or start > end:
            total += stop - start
            end = stop
        elif stop > end:
            total += stop - end
            end = stop
    return total


@pytest.mark.parametrize(
    ("intervals", "policy", "expected_hours"),
    [
        # 09-10 and 09:30-10:30: the shared half hour is halved -> 0.75 + 0.75
        ([(9 * H, 10 * H), (9 * H + 1800, 10 * H + 1800)], "split", [0.75, 0.75]),
        ([(9 * H, 10 * H), (9 * H + 1800, 10 * H + 1800)], "count-all", [1.0, 1.0]),
        # three share 30 min (10 min each) + each owns nothing else
        ([(0, 1800), (0, 1800), (0, 1800)], "split", [1 / 6, 1 / 6, 1 / 6]),
        # nested: 0-4h contains 1-2h: 1h shared -> 3.5 and 0.5
        ([(0, 4 * H), (H, 2 * H)], "split", [3.5, 0.5]),
        # disjoint intervals are untouched
        ([(0, H), (2 * H, 3 * H)], "split", [1.0, 1.0]),
        # an instant counts nothing and does not dilute others
        ([(0, H), (1800, 1800)], "split", [1.0, 0.0]),
    ],
)
def test_hand_computed_sharing(
    intervals: list[tuple[int, int]], policy: str, expected_hours: list[float]
) -> None:
    starts = np.array([s for s, _ in intervals], np.int64)
    ends = np.array([e for _, e in intervals], np.int64)
    index, _, seconds = allocate_seconds(starts, ends, np.array([0, 24 * H]), policy)  # type: ignore[arg-type]
    hours = np.bincount(index, weights=seconds, minlength=len(intervals)) / H
    assert hours.tolist() == pytest.approx(expected_hours)


def test_interval_is_split_at_bin_boundaries() -> None:
    # 22:00 Sunday to 02:00 Monday with a week boundary at 24:00: 2 h in each week
    index, bins, seconds = allocate_seconds(
        np.array([22 * H]), np.array([26 * H]), np.array([0, 24 * H, 48 * H])
    )
    assert index.tolist() == [0, 0]
    assert bins.tolist() == [0, 1]
    assert (seconds / H).tolist() == [2.0, 2.0]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 500), st.integers(0, 120)).map(lambda t: (t[0], t[0] + t[1])),
        min_size=1,
        max_size=25,
    ),
    st.lists(st.integers(1, 640), max_size=4),
)
def test_split_never_exceeds_wall_clock(intervals: list[tuple[int, int]], cuts: list[int]) -> None:
    starts = np.array([s for s, _ in intervals], np.int64)
    ends = np.array([e for _, e in intervals], np.int64)
    bins = np.array(sorted({0, 700, *cuts}), np.int64)
    _, _, seconds = allocate_seconds(starts, ends, bins, "split")
    assert seconds.sum() == pytest.approx(_union_seconds(intervals))
    _, _, full = allocate_seconds(starts, ends, bins, "count-all")
    assert full.sum() == pytest.approx(sum(e - s for s, e in intervals))
