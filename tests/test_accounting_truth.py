"""Independent truth tests for Altitude's time accounting.

Every expectation below was computed BY HAND from the product spec (never by running Altitude),
from the tiny calendars in ``tests/calendars/``; the arithmetic sits in the comment next to each
number. Labels are fixed by ``tests/calendars/labels.toml``: titles containing "Strategy" are
macro; "Standup", "Review" or "1:1" are micro; "Lunch", "Flight" or "Gym" are other. Every title
matches exactly one rule, so no classifier is involved.

Conventions used in the comments:
  * times are Europe/Berlin wall-clock unless marked (CET = UTC+1, CEST = UTC+2;
    2026 EU DST: 29 Mar and 25 Oct; 2026 US DST: 8 Mar and 1 Nov);
  * ``[a, b)`` is the counted part of an occurrence after clipping to the window;
  * weeks are named by their Monday; hours are (macro, micro, other);
  * ``union`` is the wall-clock length of the union of all counted, clipped intervals: with
    ``--overlap split`` the sum of all hours may never exceed it.

The CLI is imported inside the helper, so that collection works before ``analyzer.cli`` lands.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CALENDARS = Path(__file__).parent / "calendars"
RULES = CALENDARS / "labels.toml"
TOL = 0.01  # hours (and shares)
# The machine's local zone must not silently agree with any zone used below.
MACHINE_TZ = "Asia/Tokyo"
ZERO_EXCLUDED = {"cancelled": 0, "declined": 0, "all_day": 0, "transparent": 0, "invalid": 0}


def _excluded(**counts: int) -> dict[str, int]:
    return {**ZERO_EXCLUDED, **counts}


@dataclass(frozen=True)
class Case:
    id: str
    files: tuple[str, ...]
    start: str  # --from (inclusive)
    end: str  # --to (exclusive)
    totals: tuple[float, float, float]  # (macro, micro, other) hours
    weeks: tuple[tuple[str, float, float, float], ...]  # (week_start, macro, micro, other)
    occurrences: int
    union: float  # hand-computed wall-clock hours of the union of counted intervals
    excluded: dict[str, int] = field(default_factory=lambda: dict(ZERO_EXCLUDED))
    tz: str | None = "Europe/Berlin"  # None: --tz omitted
    expect_tz: str = "Europe/Berlin"  # expected window.timezone
    me: tuple[str, ...] = ("owner@example.com",)  # empty: --me omitted
    overlap: str = "split"


CASES: list[Case] = [
    # --- Google style: RRULE + EXDATE + moved override + cancelled override, UTC singles -------
    Case(
        id="rrule_exdate_google",
        files=("timed_rrule_exdate_google.ics",),
        start="2026-01-12",
        end="2026-01-26",
        # Daily Standup 09:30-09:45 (0.25 h) Mon-Fri, COUNT=10: 12-16 and 19-23 Jan.
        #   EXDATE 14 Jan -> gone (no count anywhere); 20 Jan moved to 11:00-11:30 (0.5 h);
        #   22 Jan override STATUS:CANCELLED -> excluded.cancelled = 1.
        # Strategy session 13:00Z-15:00Z = 14:00-16:00 CET on 13 and 20 Jan: 2 h each.
        weeks=(
            ("2026-01-12", 2.0, 4 * 0.25, 0.0),  # standups 12,13,15,16 = 1.0
            ("2026-01-19", 2.0, 0.25 + 0.5 + 0.25 + 0.25, 0.0),  # 19, 20 moved, 21, 23 = 1.25
        ),
        totals=(2.0 + 2.0, 1.0 + 1.25, 0.0),  # (4.0, 2.25, 0)
        excluded=_excluded(cancelled=1),
        occurrences=4 + 4 + 2,  # 8 standups + 2 strategy = 10
        union=4.0 + 2.25,  # no overlaps: 6.25
    ),
    # --- Outlook style: W. Europe Standard Time, moved + cancelled override, tentative -------
    Case(
        id="rrule_override_outlook",
        files=("timed_rrule_override_outlook.ics",),
        start="2026-01-12",
        end="2026-02-02",
        # Team Review Mon 10:00-11:00, COUNT=3: 12 Jan (1 h); 19 Jan moved to Tue 20 Jan
        #   15:00-16:30 (1.5 h); 26 Jan override STATUS:CANCELLED -> cancelled = 1.
        # Strategy workshop Wed 14 Jan 13:00-15:00, owner PARTSTAT=TENTATIVE -> counts 2 h.
        weeks=(
            ("2026-01-12", 2.0, 1.0, 0.0),
            ("2026-01-19", 0.0, 1.5, 0.0),
            ("2026-01-26", 0.0, 0.0, 0.0),  # only the cancelled one -> empty, share null
        ),
        totals=(2.0, 1.0 + 1.5, 0.0),  # (2, 2.5, 0)
        excluded=_excluded(cancelled=1),
        occurrences=3,  # review 12 Jan, moved review 20 Jan, workshop
        union=2.0 + 1.0 + 1.5,  # 4.5
    ),
    # --- Outlook Windows zone names with VTIMEZONE blocks -----------------------------------
    Case(
        id="windows_tz_outlook",
        files=("timed_windows_tz_outlook.ics",),
        start="2026-01-19",
        end="2026-01-26",
        # 1:1 EST Sun 18 Jan 20:00-21:00 = 01:00-02:00Z 19 Jan = Mon 02:00-03:00 CET -> 1 micro
        # Review EST Tue 09:00-10:30 = 14:00-15:30Z = 15:00-16:30 CET -> 1.5 micro
        # Strategy PST Wed 08:00-09:00 = 16:00-17:00Z = 17:00-18:00 CET -> 1 macro
        # Lunch GMT Standard Time Thu 12:00-13:00 = 13:00-14:00 CET -> 1 other
        # Gym W. Europe Fri 18:00-19:00 -> 1 other
        # Review late EST Sun 25 Jan 17:30-18:30 = 22:30-23:30Z = 23:30-00:30 CET
        #   -> clipped at window end (26 Jan 00:00): [23:30, 24:00) = 0.5 micro
        # Standup PST Sun 25 Jan 15:00-16:00 = 23:00-00:00Z = Mon 26 Jan 00:00-01:00 CET
        #   -> entirely after the window: not counted anywhere
        weeks=(("2026-01-19", 1.0, 1.0 + 1.5 + 0.5, 1.0 + 1.0),),
        totals=(1.0, 3.0, 2.0),
        occurrences=6,  # 1:1, review, strategy, lunch, gym, review late
        union=1.0 + 3.0 + 2.0,  # no overlaps: 6
    ),
    # --- Outlook Pacific time in the US-DST-only gap, week boundary by zone ------------------
    Case(
        id="us_dst_outlook",
        files=("timed_us_dst_outlook.ics",),
        start="2026-03-02",
        end="2026-03-23",
        # Flight PST Sat 7 Mar 22:00 (=06:00Z 8 Mar) -> PDT Sun 8 Mar 06:00 (=13:00Z): 7 h elapsed
        #   (not 8), Berlin Sun 8 Mar 07:00-14:00 CET -> week 2 Mar, other.
        # Review Mon 08:00-09:00 Pacific, COUNT=3: 2 Mar (PST, 17:00 CET), 9 and 16 Mar (PDT,
        #   16:00 CET) -> 1 h micro in each week.
        # Strategy PDT Sun 15 Mar 15:30-16:30 = 22:30-23:30Z = 23:30 CET Sun - 00:30 CET Mon
        #   -> 0.5 h in week 9 Mar + 0.5 h in week 16 Mar (with the wrong offset -8 it would be
        #   00:30-01:30 Mon, all in week 16 Mar).
        weeks=(
            ("2026-03-02", 0.0, 1.0, 7.0),
            ("2026-03-09", 0.5, 1.0, 0.0),
            ("2026-03-16", 0.5, 1.0, 0.0),
        ),
        totals=(0.5 + 0.5, 3 * 1.0, 7.0),  # (1, 3, 7)
        occurrences=5,  # flight, 3 reviews, strategy
        union=7.0 + 3.0 + 1.0,  # 11
    ),
    # --- IANA Europe/London VTIMEZONE, UK spring forward (29 Mar 01:00 GMT -> 02:00 BST) ------
    Case(
        id="dst_london",
        files=("timed_dst_london.ics",),
        start="2026-03-23",
        end="2026-04-06",
        # Strategy call Mon 09:00-10:00 London, COUNT=2: 23 Mar (GMT, 10:00 CET) and 30 Mar
        #   (BST, 10:00 CEST) -> 1 h each week.
        # Gym Sat 28 Mar 18:00-19:00 GMT -> 1 h.
        # Flight Sun 29 Mar 00:00 GMT (=00:00Z) -> 04:00 BST (=03:00Z): 3 h elapsed.
        weeks=(
            ("2026-03-23", 1.0, 0.0, 1.0 + 3.0),
            ("2026-03-30", 1.0, 0.0, 0.0),
        ),
        totals=(2.0, 0.0, 4.0),
        occurrences=4,
        union=2.0 + 4.0,  # 6
    ),
    Case(
        id="dst_london_weekend_only_other",
        files=("timed_dst_london.ics",),
        start="2026-03-28",  # Saturday
        end="2026-03-30",  # Monday (exclusive): the 30 Mar strategy call is outside
        # Gym 1 h + Flight 3 h (see above); both in the week of Mon 23 Mar.
        # macro + micro = 0 -> macro_share null for the week AND the totals.
        weeks=(("2026-03-23", 0.0, 0.0, 1.0 + 3.0),),
        totals=(0.0, 0.0, 4.0),
        occurrences=2,
        union=4.0,
    ),
    # --- Berlin spring forward and fall back ---------------------------------------------------
    Case(
        id="dst_spring_forward",
        files=("dst_spring_forward.ics",),
        start="2026-03-23",
        end="2026-04-06",
        # Night flight Sun 29 Mar 00:00 CET (=23:00Z 28 Mar) -> 04:00 CEST (=02:00Z): 3 h.
        # Standup 09:00-09:30 local daily COUNT=4: 27, 28, 29 Mar (week 23 Mar) and 30 Mar.
        weeks=(
            ("2026-03-23", 0.0, 3 * 0.5, 3.0),
            ("2026-03-30", 0.0, 0.5, 0.0),
        ),
        totals=(0.0, 2.0, 3.0),
        occurrences=5,  # flight + 4 standups
        union=2.0 + 3.0,  # 5
    ),
    Case(
        id="dst_fall_back",
        files=("dst_fall_back.ics",),
        start="2026-10-19",
        end="2026-11-02",
        # Night flight Sun 25 Oct 00:00 CEST (=22:00Z 24 Oct) -> 04:00 CET (=03:00Z): 5 h.
        # Standup Fri 09:00-09:30 weekly COUNT=2: 23 Oct, 30 Oct.
        weeks=(
            ("2026-10-19", 0.0, 0.5, 5.0),
            ("2026-10-26", 0.0, 0.5, 0.0),
        ),
        totals=(0.0, 1.0, 5.0),
        occurrences=3,
        union=1.0 + 5.0,  # 6
    ),
    # --- Floating times are read in the report's zone ----------------------------------------
    Case(
        id="floating_berlin_split",
        files=("timed_floating.ics",),
        start="2026-02-02",
        end="2026-02-09",
        # Strategy floating Tue 3 Feb 10:00-11:00 -> 10:00-11:00 CET.
        # Review 09:00Z-10:00Z = 10:00-11:00 CET -> the same hour: split 0.5 / 0.5.
        # Lunch floating Wed 12:00-13:00 -> 1 h other.
        weeks=(("2026-02-02", 0.5, 0.5, 1.0),),
        totals=(0.5, 0.5, 1.0),
        occurrences=3,
        union=1.0 + 1.0,  # 10:00-11:00 Tue + 12:00-13:00 Wed = 2
    ),
    Case(
        id="floating_berlin_count_all",
        files=("timed_floating.ics",),
        start="2026-02-02",
        end="2026-02-09",
        overlap="count-all",
        # Same intervals, each counts its full hour.
        weeks=(("2026-02-02", 1.0, 1.0, 1.0),),
        totals=(1.0, 1.0, 1.0),
        occurrences=3,
        union=2.0,  # only checked for split cases
    ),
    Case(
        id="floating_new_york",
        files=("timed_floating.ics",),
        start="2026-02-02",
        end="2026-02-09",
        tz="America/New_York",
        expect_tz="America/New_York",
        # Strategy floating 10:00-11:00 EST (=15:00-16:00Z); Review 09:00-10:00Z = 04:00-05:00
        #   EST: no overlap -> 1 h each. Lunch floating 12:00-13:00 EST -> 1 h.
        weeks=(("2026-02-02", 1.0, 1.0, 1.0),),
        totals=(1.0, 1.0, 1.0),
        occurrences=3,
        union=3.0,
    ),
    # --- IANA TZIDs without VTIMEZONE blocks -------------------------------------------------
    Case(
        id="iana_tzid_no_vtimezone",
        files=("iana_tzid_no_vtimezone.ics",),
        start="2026-02-16",
        end="2026-02-23",
        # Review Tokyo Mon 16 Feb 07:00-09:00 JST = Sun 22:00Z - Mon 00:00Z = Sun 23:00 - Mon
        #   01:00 CET -> clipped at window start: [00:00, 01:00) = 1 h micro.
        # Strategy Chicago Tue 17 Feb 08:00-10:00 CST = 14:00-16:00Z = 15:00-17:00 CET -> 2 h.
        # Gym Chicago Sun 22 Feb 17:00-18:30 CST = 23:00Z - 00:30Z = Mon 23 Feb 00:00-01:30 CET
        #   -> after the window: not counted.
        weeks=(("2026-02-16", 2.0, 1.0, 0.0),),
        totals=(2.0, 1.0, 0.0),
        occurrences=2,
        union=3.0,
    ),
    # --- Overlaps -----------------------------------------------------------------------------
    Case(
        id="overlap_two_split",
        files=("timed_overlap_two.ics",),
        start="2026-02-09",
        end="2026-02-16",
        # Wed 11 Feb: Standup 09:00-10:00, Strategy 09:30-10:30 -> common 09:30-10:00 (0.5 h)
        #   split 0.25 each: Standup 0.5 + 0.25 = 0.75; Strategy 0.25 + 0.5 = 0.75.
        # Lunch 12:00-14:00 with Review 12:30-13:00 nested -> common 0.5 h split 0.25 each:
        #   Lunch 2 - 0.5 + 0.25 = 1.75; Review 0.25.
        weeks=(("2026-02-09", 0.75, 0.75 + 0.25, 1.75),),
        totals=(0.75, 1.0, 1.75),
        occurrences=4,
        union=1.5 + 2.0,  # 09:00-10:30 + 12:00-14:00 = 3.5
    ),
    Case(
        id="overlap_two_count_all",
        files=("timed_overlap_two.ics",),
        start="2026-02-09",
        end="2026-02-16",
        overlap="count-all",
        # Full lengths: Strategy 1; Standup 1 + Review 0.5 = 1.5; Lunch 2.
        weeks=(("2026-02-09", 1.0, 1.5, 2.0),),
        totals=(1.0, 1.5, 2.0),
        occurrences=4,
        union=3.5,
    ),
    Case(
        id="overlap_three_split",
        files=("timed_overlap_three.ics",),
        start="2026-02-09",
        end="2026-02-16",
        # Tue 10 Feb: A Strategy 09:00-11:00, B Review 10:00-11:00, C Lunch 10:30-12:00.
        #   09:00-10:00 A alone            -> A 1
        #   10:00-10:30 A,B (0.5 h / 2)    -> A 1/4, B 1/4
        #   10:30-11:00 A,B,C (0.5 h / 3)  -> A 1/6, B 1/6, C 1/6 (10 min each)
        #   11:00-12:00 C alone            -> C 1
        #   A = 1 + 1/4 + 1/6 = 1.41667; B = 1/4 + 1/6 = 0.41667; C = 1/6 + 1 = 1.16667
        weeks=(("2026-02-09", 1 + 1 / 4 + 1 / 6, 1 / 4 + 1 / 6, 1 / 6 + 1),),
        totals=(1 + 1 / 4 + 1 / 6, 1 / 4 + 1 / 6, 1 / 6 + 1),
        occurrences=3,
        union=3.0,  # 09:00-12:00; A + B + C = 3.0 exactly
    ),
    Case(
        id="overlap_three_count_all",
        files=("timed_overlap_three.ics",),
        start="2026-02-09",
        end="2026-02-16",
        overlap="count-all",
        weeks=(("2026-02-09", 2.0, 1.0, 1.5),),
        totals=(2.0, 1.0, 1.5),
        occurrences=3,
        union=3.0,
    ),
    Case(
        id="overlap_across_two_files",
        files=("timed_overlap_three.ics", "personal_overlap.ics"),
        start="2026-02-09",
        end="2026-02-16",
        # As overlap_three plus Gym 11:30-12:30 (other file) overlapping C Lunch:
        #   11:00-11:30 C alone -> C 0.5; 11:30-12:00 C,Gym -> 0.25 each; 12:00-12:30 Gym 0.5.
        #   C = 1/6 + 0.5 + 0.25 = 0.91667; Gym = 0.25 + 0.5 = 0.75; other = 1.66667
        weeks=(("2026-02-09", 1 + 1 / 4 + 1 / 6, 1 / 4 + 1 / 6, (1 / 6 + 0.75) + 0.75),),
        totals=(1 + 1 / 4 + 1 / 6, 1 / 4 + 1 / 6, (1 / 6 + 0.75) + 0.75),
        occurrences=4,
        union=3.5,  # 09:00-12:30
    ),
    Case(
        id="two_files_three_weeks_with_empty_weeks",
        files=("timed_overlap_two.ics", "timed_overlap_three.ics"),
        start="2026-02-02",
        end="2026-02-23",
        # No cross-file overlap (Tue 10 vs Wed 11 Feb): sum of both split results.
        #   macro 0.75 + 1.41667 = 2.16667; micro 1.0 + 0.41667 = 1.41667;
        #   other 1.75 + 1.16667 = 2.91667. Weeks 2 Feb and 16 Feb are empty.
        weeks=(
            ("2026-02-02", 0.0, 0.0, 0.0),
            ("2026-02-09", 0.75 + (1 + 1 / 4 + 1 / 6), 1.0 + (1 / 4 + 1 / 6), 1.75 + (1 / 6 + 1)),
            ("2026-02-16", 0.0, 0.0, 0.0),
        ),
        totals=(0.75 + (1 + 1 / 4 + 1 / 6), 1.0 + (1 / 4 + 1 / 6), 1.75 + (1 / 6 + 1)),
        occurrences=4 + 3,
        union=3.5 + 3.0,  # 6.5
    ),
    # --- Week boundary (Monday 00:00 Berlin) ---------------------------------------------------
    Case(
        id="week_boundary",
        files=("timed_week_boundary.ics",),
        start="2026-02-16",
        end="2026-03-09",
        # Flight Sun 22 Feb 22:00 - Mon 23 Feb 03:00 -> 2 h in week 16 Feb, 3 h in week 23 Feb.
        # Review 22:30Z-23:30Z Sun 1 Mar = 23:30 CET Sun - 00:30 CET Mon 2 Mar
        #   -> 0.5 h in week 23 Feb, 0.5 h in week 2 Mar (in UTC weeks it would all be 1 Mar).
        weeks=(
            ("2026-02-16", 0.0, 0.0, 2.0),  # share null
            ("2026-02-23", 0.0, 0.5, 3.0),  # share 0
            ("2026-03-02", 0.0, 0.5, 0.0),  # share 0
        ),
        totals=(0.0, 1.0, 5.0),
        occurrences=2,
        union=5.0 + 1.0,  # 6
    ),
    # --- Window clipping at both ends, window not starting on a Monday ---------------------------
    Case(
        id="window_clip",
        files=("timed_window_clip.ics",),
        start="2026-03-04",  # Wednesday -> first week_start is Mon 2 Mar
        end="2026-03-13",  # Friday (exclusive)
        # Strategy offsite Tue 3 Mar 20:00 - Wed 4 Mar 02:00 -> [00:00, 02:00) = 2 h macro.
        # Standup 09:00-09:15 daily 1-14 Mar -> inside: 4..12 Mar = 9 x 0.25;
        #   week 2 Mar: 4,5,6,7,8 = 1.25; week 9 Mar: 9,10,11,12 = 1.0.
        # Flight Thu 12 Mar 22:00 - Fri 13 Mar 01:30 -> [22:00, 24:00) = 2 h other.
        # Gym Wed 4 Mar 07:00-08:00 -> 1 h other.
        # Review Fri 13 Mar 09:00 -> outside, not counted.
        # All-day: 2 Mar (outside), 5 Mar (inside), 12-13 Mar (overlaps), 13 Mar (outside)
        #   -> all_day = 2.
        # Cancelled: 3 Mar 10:00 (outside), 5 Mar 14:00 (inside) -> cancelled = 1.
        # Transparent Flight hold Tue 3 Mar 23:00 - Wed 01:00 (overlaps) -> transparent = 1; it
        #   does not take part in splitting, so the offsite keeps its 2 h.
        weeks=(
            ("2026-03-02", 2.0, 5 * 0.25, 1.0),  # share 2 / 3.25
            ("2026-03-09", 0.0, 4 * 0.25, 2.0),  # share 0
        ),
        totals=(2.0, 9 * 0.25, 1.0 + 2.0),  # (2, 2.25, 3)
        excluded=_excluded(cancelled=1, all_day=2, transparent=1),
        occurrences=1 + 9 + 1 + 1,  # offsite + standups + flight + gym = 12
        union=2.0 + 2.25 + 2.0 + 1.0,  # 7.25
    ),
    # --- All-day and transparent ---------------------------------------------------------------
    Case(
        id="allday_and_transparent",
        files=("allday_and_transparent.ics",),
        start="2026-04-06",
        end="2026-04-13",
        # all_day: Gym daily all-day 6,7,8 Apr (3) + Strategy offsite day 7 Apr (1)
        #   + Gym week 8-10 Apr, all-day AND transparent -> all_day first (1)
        #   + Lunch day 11 Apr, DATE with no DTEND (1) = 6.
        # transparent: Lunch hold Thu 9 Apr 12:00-13:00 (1) + Flight placeholder 11, 12 Apr (2) = 3.
        # Counted: Review Thu 12:30-13:30 (overlaps only the transparent hold) -> full 1 h;
        #   Strategy memo Fri 14:00-16:00 (TRANSP:OPAQUE) -> 2 h.
        weeks=(("2026-04-06", 2.0, 1.0, 0.0),),
        totals=(2.0, 1.0, 0.0),
        excluded=_excluded(all_day=6, transparent=3),
        occurrences=2,
        union=3.0,
    ),
    # --- Declined / cancelled, exclusion order (Google style, UTC times) ------------------------
    Case(
        id="declined_and_cancelled_google",
        files=("declined_and_cancelled_google.ics",),
        start="2026-04-13",
        end="2026-04-20",
        # D1 Strategy council 08:00-10:00Z accepted -> 2 h (D2 is excluded, so no split).
        # D2 Review vendor 09:00-10:00Z, "mailto:Owner@Example.COM" DECLINED -> declined.
        # D3 Standup CANCELLED and declined -> cancelled (first reason).
        # D4 1:1 with Sam 12:00-13:00Z, owner TENTATIVE -> counts 1 h.
        # D5 Review roadmap 12:00-12:30Z, owner NEEDS-ACTION -> counts 0.5 h.
        # D6 Strategy day, all-day + transparent + declined -> declined.
        # D7 Lunch, transparent + declined -> declined.
        # D8 Gym all-day + transparent + CANCELLED -> cancelled.
        # D9 Lunch with team 10:00-11:00Z, only other@ declined -> counts 1 h.
        weeks=(("2026-04-13", 2.0, 1.0 + 0.5, 1.0),),
        totals=(2.0, 1.5, 1.0),
        excluded=_excluded(cancelled=2, declined=3),
        occurrences=4,  # D1, D4, D5, D9
        union=2.0 + 1.0 + 0.5 + 1.0,  # 4.5
    ),
    Case(
        id="declined_me_mailto_uppercase",
        files=("declined_and_cancelled_google.ics",),
        start="2026-04-13",
        end="2026-04-20",
        me=("MAILTO:OWNER@EXAMPLE.COM",),
        # Same owner, spelled differently: identical to declined_and_cancelled_google.
        weeks=(("2026-04-13", 2.0, 1.5, 1.0),),
        totals=(2.0, 1.5, 1.0),
        excluded=_excluded(cancelled=2, declined=3),
        occurrences=4,
        union=4.5,
    ),
    Case(
        id="declined_me_other_person",
        files=("declined_and_cancelled_google.ics",),
        start="2026-04-13",
        end="2026-04-20",
        me=("other@example.com",),
        # --me overrides X-WR-CALNAME. other@ declined only D9 (-> declined 1).
        # D1 08:00-10:00Z and D2 09:00-10:00Z now both count: common 1 h split 0.5 each:
        #   D1 = 1 + 0.5 = 1.5 macro; D2 = 0.5 micro.
        # D3, D8 cancelled (2). D6 all-day (owner@'s decline no longer applies) -> all_day 1.
        # D7 transparent -> transparent 1. D4 1 h + D5 0.5 h micro.
        weeks=(("2026-04-13", 1.5, 0.5 + 1.0 + 0.5, 0.0),),
        totals=(1.5, 2.0, 0.0),
        excluded=_excluded(cancelled=2, declined=1, all_day=1, transparent=1),
        occurrences=4,  # D1, D2, D4, D5
        union=2.0 + 1.0 + 0.5,  # 3.5
    ),
    # --- Owner detection -----------------------------------------------------------------------
    Case(
        id="owner_by_frequency_outlook",
        files=("owner_by_frequency_outlook.ics",),
        start="2026-05-25",
        end="2026-06-01",
        me=(),
        # Address counts (ORGANIZER + ATTENDEE): boss = E1 org+att 2, E2 att 1, E3/E4/E5 org 3
        #   = 6; alice = 3; carol = 1; dave = 1 -> owner = boss.
        # E2 Review hiring plan (boss DECLINED) -> declined. Counted: E1 Strategy 09:00-11:00 (2),
        #   E3 1:1 10:00-10:30 (0.5, alice's decline does not matter), E4 Standup 0.25, E5 Lunch 1.
        weeks=(("2026-05-25", 2.0, 0.5 + 0.25, 1.0),),
        totals=(2.0, 0.75, 1.0),
        excluded=_excluded(declined=1),
        occurrences=4,
        union=2.0 + 0.75 + 1.0,  # 3.75
    ),
    Case(
        id="owner_given_alice",
        files=("owner_by_frequency_outlook.ics",),
        start="2026-05-25",
        end="2026-06-01",
        me=("mailto:ALICE@example.com",),
        # Owner alice: E3 1:1 (alice DECLINED) -> declined; E2 Review now counts 1 h.
        weeks=(("2026-05-25", 2.0, 1.0 + 0.25, 1.0),),
        totals=(2.0, 1.25, 1.0),
        excluded=_excluded(declined=1),
        occurrences=4,  # E1, E2, E4, E5
        union=2.0 + 1.25 + 1.0,  # 4.25
    ),
    Case(
        id="owner_given_twice",
        files=("owner_by_frequency_outlook.ics",),
        start="2026-05-25",
        end="2026-06-01",
        me=("alice@example.com", "boss@example.com"),
        # Both addresses are the owner: E2 (boss declined) and E3 (alice declined) excluded.
        weeks=(("2026-05-25", 2.0, 0.25, 1.0),),
        totals=(2.0, 0.25, 1.0),
        excluded=_excluded(declined=2),
        occurrences=3,  # E1, E4, E5
        union=3.25,
    ),
    Case(
        id="owner_calname_google",
        files=("owner_calname_google.ics",),
        start="2026-06-01",
        end="2026-06-08",
        me=(),
        # X-WR-CALNAME = owner@example.com is the owner, although frequent@ appears more often
        #   (frequent 7 vs owner 4).
        # G1 Strategy narrative (owner DECLINED) -> declined.
        # G2 Review metrics 12:00-13:00Z (only frequent@ declined) -> 1 h micro.
        # G3 Lunch 10:00-11:00Z -> 1 h other. G4 Strategy offsite prep 08:00-09:30Z -> 1.5 macro.
        weeks=(("2026-06-01", 1.5, 1.0, 1.0),),
        totals=(1.5, 1.0, 1.0),
        excluded=_excluded(declined=1),
        occurrences=3,
        union=3.5,
    ),
    # --- Same event in two files ----------------------------------------------------------------
    Case(
        id="duplicate_a_and_b_split",
        files=("duplicate_a.ics", "duplicate_b.ics"),
        start="2026-05-18",
        end="2026-05-25",
        # Shared: Strategy planning 08:00-10:00Z = 10:00-12:00 CEST (2 h, once);
        #   Standup 09:00-09:30 daily 19-21 May (3 x 0.5 = 1.5, once each).
        # Only in a: Gym Wed 18:00-19:00 (1). Only in b: Review Thu 14:00-15:00 (1).
        weeks=(("2026-05-18", 2.0, 1.5 + 1.0, 1.0),),
        totals=(2.0, 2.5, 1.0),
        occurrences=1 + 3 + 1 + 1,  # 6
        union=2.0 + 1.5 + 1.0 + 1.0,  # 5.5
    ),
    Case(
        id="duplicate_b_and_a_count_all",
        files=("duplicate_b.ics", "duplicate_a.ics"),
        start="2026-05-18",
        end="2026-05-25",
        overlap="count-all",
        # Deduplicated before counting: count-all gives the same as split (no real overlaps);
        #   without dedup it would be macro 4, micro 4.
        weeks=(("2026-05-18", 2.0, 2.5, 1.0),),
        totals=(2.0, 2.5, 1.0),
        occurrences=6,
        union=5.5,
    ),
    Case(
        id="duplicate_a_alone",
        files=("duplicate_a.ics",),
        start="2026-05-18",
        end="2026-05-25",
        weeks=(("2026-05-18", 2.0, 1.5, 1.0),),
        totals=(2.0, 1.5, 1.0),
        occurrences=1 + 3 + 1,  # 5
        union=4.5,
    ),
    # --- DURATION, missing end -----------------------------------------------------------------
    Case(
        id="duration_property",
        files=("duration_property.ics",),
        start="2026-04-20",
        end="2026-04-27",
        # Strategy Mon 09:00 + PT1H30M = 1.5. Review Tue 10:00 + PT45M = 0.75.
        # Flight 22:00Z 22 Apr + PT10H = Thu 00:00-10:00 CEST = 10.
        # Standup Thu 15:00 with neither DTEND nor DURATION: lasts 0 h; it lies inside the
        #   window (start < window end and end > window start), so it is an occurrence.
        # Gym Sat/Sun 07:00 + PT1H, COUNT=2 = 2.
        weeks=(("2026-04-20", 1.5, 0.75 + 0.0, 10.0 + 2.0),),
        totals=(1.5, 0.75, 12.0),
        occurrences=1 + 1 + 1 + 1 + 2,  # 6
        union=1.5 + 0.75 + 10.0 + 2.0,  # 14.25
    ),
    # --- RDATE -----------------------------------------------------------------------------------
    Case(
        id="rdate",
        files=("rdate.ics",),
        start="2026-05-04",
        end="2026-05-18",
        # Strategy session 14:00-15:00 weekly COUNT=2 (4, 11 May) + RDATE 6 May 16:00 (1 h).
        # Review Tue 12 May 10:00-11:00 + RDATE PERIOD 08:00Z-09:30Z 13 May = 10:00-11:30 (1.5).
        # Lunch 12:00-13:00 on 5 May + RDATEs 7 and 8 May.
        weeks=(
            ("2026-05-04", 1.0 + 1.0, 0.0, 3 * 1.0),  # share 1.0
            ("2026-05-11", 1.0, 1.0 + 1.5, 0.0),  # share 1 / 3.5
        ),
        totals=(3.0, 2.5, 3.0),
        occurrences=3 + 2 + 3,  # 8
        union=3.0 + 2.5 + 3.0,  # 8.5
    ),
    # --- A broken component does not stop the rest ---------------------------------------------
    Case(
        id="invalid_component",
        files=("invalid_component.ics",),
        start="2026-06-08",
        end="2026-06-15",
        # Strategy Tue 09:00-10:00 = 1; Review Wed 09:00-09:45 = 0.75; DTSTART:garbage -> invalid.
        weeks=(("2026-06-08", 1.0, 0.75, 0.0),),
        totals=(1.0, 0.75, 0.0),
        excluded=_excluded(invalid=1),
        occurrences=2,
        union=1.75,
    ),
    # --- Open-ended series ---------------------------------------------------------------------
    Case(
        id="open_ended_series",
        files=("open_ended_series.ics",),
        start="2026-06-15",
        end="2026-06-29",
        # Weekly Strategy Mon+Thu 10:00-11:00 since Jan 2025, no end: 15, 18, 22, 25 Jun.
        # Standup every 2 days from 1 Jun 09:00-09:15, no end: 15,17,19,21 | 23,25,27 Jun.
        # Gym Saturdays 07:00-08:00 UNTIL 21 Jun 00:00Z: 20 Jun only (27 Jun is past UNTIL).
        weeks=(
            ("2026-06-15", 2.0, 4 * 0.25, 1.0),  # share 2/3
            ("2026-06-22", 2.0, 3 * 0.25, 0.0),  # share 2/2.75
        ),
        totals=(4.0, 7 * 0.25, 1.0),  # (4, 1.75, 1)
        occurrences=4 + 7 + 1,  # 12
        union=4.0 + 1.75 + 1.0,  # 6.75
    ),
    # --- Report zone from Google's X-WR-TIMEZONE -----------------------------------------------
    Case(
        id="xwr_timezone_fallback",
        files=("xwr_timezone_google.ics",),
        start="2026-06-29",
        end="2026-07-06",
        tz=None,
        expect_tz="America/New_York",
        # Report zone America/New_York (EDT = UTC-4); window Mon 29 Jun 00:00 - Mon 6 Jul 00:00.
        # Strategy 02:00-03:00Z 29 Jun = Sun 28 Jun 22:00 EDT -> before the window.
        # Lunch 16:00-17:00Z 1 Jul = 12:00 EDT -> 1 h other.
        # Review 02:00-03:00Z 6 Jul = Sun 5 Jul 22:00 EDT -> inside: 1 h micro.
        weeks=(("2026-06-29", 0.0, 1.0, 1.0),),
        totals=(0.0, 1.0, 1.0),
        occurrences=2,
        union=2.0,
    ),
    Case(
        id="xwr_timezone_overridden_by_tz",
        files=("xwr_timezone_google.ics",),
        start="2026-06-29",
        end="2026-07-06",
        # --tz Europe/Berlin wins: Strategy = Mon 29 Jun 04:00 CEST (inside, 1 h macro);
        #   Lunch 18:00 CEST (1 h); Review = Mon 6 Jul 04:00 CEST (after the window).
        weeks=(("2026-06-29", 1.0, 0.0, 1.0),),
        totals=(1.0, 0.0, 1.0),
        occurrences=2,
        union=2.0,
    ),
]

SPLIT_CASES = [c for c in CASES if c.overlap == "split"]


def _share(macro: float, micro: float) -> float | None:
    """The spec's macro_share = macro / (macro + micro), null when both are 0."""
    return None if macro + micro == 0 else macro / (macro + micro)


@pytest.fixture(scope="module", autouse=True)
def _machine_tz() -> Iterator[None]:
    """Pin the machine's local zone to one no test expects, so a fallback to it shows."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TZ", MACHINE_TZ)
        time.tzset()
        yield
    time.tzset()


_CACHE: dict[tuple[str, ...], dict[str, Any]] = {}


def _args(case: Case) -> list[str]:
    args = ["report", *(str(CALENDARS / f) for f in case.files)]
    args += ["--format", "json", "--from", case.start, "--to", case.end]
    if case.tz is not None:
        args += ["--tz", case.tz]
    args += ["--rules", str(RULES), "--overlap", case.overlap]
    for address in case.me:
        args += ["--me", address]
    return args


def _report(case: Case) -> dict[str, Any]:
    args = _args(case)
    key = tuple(args)
    if key not in _CACHE:
        from click.testing import CliRunner

        from analyzer.cli import main

        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, (
            f"exit {result.exit_code}\nargs: {args}\nstdout: {result.stdout}\n"
            f"stderr: {result.stderr}\nexception: {result.exception!r}"
        )
        _CACHE[key] = json.loads(result.stdout)
    return _CACHE[key]


def _approx(value: float | None) -> Any:
    return None if value is None else pytest.approx(value, abs=TOL)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_totals(case: Case) -> None:
    totals = _report(case)["totals"]
    macro, micro, other = case.totals
    got = {k: totals[k] for k in ("macro_hours", "micro_hours", "other_hours", "macro_share")}
    assert got == {
        "macro_hours": _approx(macro),
        "micro_hours": _approx(micro),
        "other_hours": _approx(other),
        "macro_share": _approx(_share(macro, micro)),
    }


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_weeks(case: Case) -> None:
    weeks = _report(case)["weeks"]
    got = [
        {
            k: w[k]
            for k in ("week_start", "macro_hours", "micro_hours", "other_hours", "macro_share")
        }
        for w in weeks
    ]
    expected = [
        {
            "week_start": start,
            "macro_hours": _approx(macro),
            "micro_hours": _approx(micro),
            "other_hours": _approx(other),
            "macro_share": _approx(_share(macro, micro)),
        }
        for start, macro, micro, other in case.weeks
    ]
    assert got == expected


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_excluded_and_occurrences(case: Case) -> None:
    report = _report(case)
    excluded = {k: report["excluded"][k] for k in ZERO_EXCLUDED}
    assert (excluded, report["occurrences"]) == (case.excluded, case.occurrences)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_window(case: Case) -> None:
    window = _report(case)["window"]
    assert window == {"start": case.start, "end": case.end, "timezone": case.expect_tz}


@pytest.mark.parametrize("case", SPLIT_CASES, ids=lambda c: c.id)
def test_split_never_exceeds_wall_clock(case: Case) -> None:
    """With --overlap split, all hours together fit in the union of counted intervals."""
    report = _report(case)
    totals = report["totals"]
    total = totals["macro_hours"] + totals["micro_hours"] + totals["other_hours"]
    assert total <= case.union + TOL
    week_total = sum(
        w["macro_hours"] + w["micro_hours"] + w["other_hours"] for w in report["weeks"]
    )
    assert week_total <= case.union + TOL


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_weeks_add_up_to_totals(case: Case) -> None:
    """Every counted hour of the window lands in exactly one week."""
    report = _report(case)
    for label in ("macro_hours", "micro_hours", "other_hours"):
        week_sum = sum(w[label] for w in report["weeks"])
        assert week_sum == pytest.approx(report["totals"][label], abs=TOL), label
