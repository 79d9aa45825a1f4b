"""Share overlapping time between events, so totals never exceed wall-clock time."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from analyzer.types import OverlapPolicy

__all__ = ["allocate_seconds"]

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]


def allocate_seconds(
    starts: IntArray,
    ends: IntArray,
    bins: IntArray,
    policy: OverlapPolicy = "split",
) -> tuple[IntArray, IntArray, FloatArray]:
    """Seconds each interval is credited with inside each bin.

    Intervals are ``[starts[i], ends[i])`` in epoch seconds, already clipped to
    ``[bins[0], bins[-1]]``. With ``split`` every elementary stretch of time is divided
    equally between the intervals covering it; with ``count-all`` each interval counts its
    full length.

    Returns:
        ``(interval_index, bin_index, seconds)``: one row per (interval, bin) it touches.

    Example:
        >>> import numpy as np
        >>> i, b, s = allocate_seconds(np.array([0, 0]), np.array([60, 30]), np.array([0, 120]))
        >>> s.tolist()  # 0-30 shared by two, 30-60 for the first alone
        [45.0, 15.0]
    """
    n = len(starts)
    empty = (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float64))
    if n == 0:
        return empty
    points = np.unique(np.concatenate([starts, ends, bins]))
    lengths = np.diff(points).astype(np.float64)
    start_at = np.searchsorted(points, starts)
    end_at = np.searchsorted(points, ends)
    if policy == "split":
        delta = np.zeros(len(points) + 1, np.int64)
        np.add.at(delta, start_at, 1)
        np.add.at(delta, end_at, -1)
        cover = np.cumsum(delta)[: len(lengths)]
        weight = np.divide(lengths, cover, out=np.zeros_like(lengths), where=cover > 0)
    else:
        weight = lengths
    credit = np.concatenate([[0.0], np.cumsum(weight)])

    # One row per (interval, bin) pair the interval reaches: most intervals touch one bin.
    first_bin = np.searchsorted(bins, starts, side="right") - 1
    last_bin = np.searchsorted(bins, np.maximum(ends - 1, starts), side="right") - 1
    last_bin = np.maximum(last_bin, first_bin)
    repeats = last_bin - first_bin + 1
    interval = np.repeat(np.arange(n), repeats)
    offset = np.arange(len(interval)) - np.repeat(np.cumsum(repeats) - repeats, repeats)
    bin_index = first_bin[interval] + offset
    lo = np.maximum(starts[interval], bins[bin_index])
    hi = np.minimum(ends[interval], bins[np.minimum(bin_index + 1, len(bins) - 1)])
    hi = np.maximum(hi, lo)
    seconds = credit[np.searchsorted(points, hi)] - credit[np.searchsorted(points, lo)]
    return interval.astype(np.int64), bin_index.astype(np.int64), seconds
