"""Focus and fragmentation: hand-computed expectations on small Berlin calendars.

Times are Europe/Berlin wall clock (CET = UTC+1 until Sun 29 Mar 2026 02:00, then CEST =
UTC+2). Labels come from tests/calendars/labels.toml ("Review", "Standup", "1:1" micro,
"Strategy" macro, "Gym" other), so no classifier is involved. Working hours are the default
Mon-Fri 09:00-18:00 unless a case says otherwise.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

import analyzer
from analyzer.cli import main
from analyzer.insights.settings import InsightSettings, parse_work_days, parse_work_hours
from tests.conftest import CALENDARS, write_ics

RULES = CALENDARS / "labels.toml"
FOCUS = CALENDARS / "insights_focus_berlin.ics"
TOL = 1e-6


def _analysis(path: Path, start: dt.date, end: dt.date) -> analyzer.Analysis:
    options = analyzer.ReportOptions(
        tz="Europe/Berlin", start=start, end=end, rules=RULES, me=("owner@example.com",)
    )
    return analyzer.analyze([path], options)


def _focus(path: Path, start: dt.date, end: dt.date, **settings: object) -> pd.DataFrame:
    result = _analysis(path, start, end)
    chosen = InsightSettings(**settings)  # type: ignore[arg-type]
    return analyzer.focus_time(result.events, result.window, chosen, result.allocation)


# The week of Mon 23 Mar 2026 in insights_focus_berlin.ics, day by day (free = not covered
# by any counted event, inside 09:00-18:00):
#   Mon  Review 09:00-11:00, 13:00-14:30, 16:00-18:00
#        free 11:00-13:00 = 2 h exactly -> focus; 14:30-16:00 = 1.5 h -> fragmented
#        busy 2 + 1.5 + 2 = 5.5
#   Tue  Standup 09:00-09:15, Review 09:15-10:00, 1:1 10:04-10:30, Review 10:35-11:00,
#        Review 11:00-11:30
#        free 10:00-10:04 (4 min) + 10:30-10:35 (5 min) = 9 min = 0.15 h fragmented;
#        11:30-18:00 = 6.5 h focus; busy 9 - 6.65 = 2.35
#        chains: 09:00-10:30 (3 events: gaps 0 and 4 min < 5), 10:35-11:30 (2 events);
#        the gap of exactly 5 min at 10:30 breaks the chain
#   Wed  Strategy 10:00-12:00 (accepted), Review 11:00-12:30 (owner NEEDS-ACTION),
#        Review 15:00-16:00 (owner TENTATIVE)
#        free 09:00-10:00 = 1 h fragmented; 12:30-15:00 = 2.5 h and 16:00-18:00 = 2 h focus
#        busy 2.5 + 1 = 3.5; double-booked 11:00-12:00 = 1 h; one chain (overlap)
#        counted (split): Strategy 1 + 0.5 = 1.5, Review 0.5 + 0.5 = 1.0, Review 1.0
#   Thu  Review 22:00-23:58 -> Fri Review 00:02-01:00: 4 min apart, one chain across
#        midnight (span 3 h, in Thursday's week); both after hours: 1h58 + 0h58 = 2h56
#        Thu free 09:00-18:00 = 9 h focus (one block)
#   Fri  Gym 12:00-13:00 (other: takes focus time, is not a work event), Gym 19:00-20:00
#        (other: not after-hours work); free 09:00-12:00 = 3 h, 13:00-18:00 = 5 h focus
#   Sun  Review 01:00-01:58 CET (00:00-00:58 UTC), Review 03:00-04:00 CEST (01:00-02:00
#        UTC): 2 real minutes apart across the DST jump -> one chain; after hours 58 + 60 min
# Week: working 5 x 9 = 45; focus 2 + 6.5 + 4.5 + 9 + 8 = 30 in 1 + 1 + 2 + 1 + 2 = 7 blocks;
#   fragmented 1.5 + 0.15 + 1 = 2.65; busy 5.5 + 2.35 + 3.5 + 0 + 1 = 12.35 (= 45 - 30 - 2.65);
#   meeting load 12.35 / 45; chains Tue 2 + Wed 1 + Thu 1 + Sun 1 = 5, longest Tue's 3 events
#   in 1.5 h; after hours 2h56 + 1h58 = 4h54 = 4.9 h; double-booked 1 h;
#   counted hours: Mon 5.5, Tue 2.35, Wed 3.5, Thu/Fri 2h56, Fri gym 2, Sun 1h58 = 18.25;
#   needs-action 1.0, tentative 1.0, accepted 18.25 - 2 = 16.25.
WEEK = {
    "working_hours": 45.0,
    "busy_hours": 12.35,
    "meeting_load": 12.35 / 45,
    "focus_hours": 30.0,
    "focus_blocks": 7,
    "fragmented_hours": 2.65,
    "back_to_back_chains": 5,
    "longest_chain_events": 3,
    "longest_chain_hours": 1.5,
    "after_hours": 4.9,
    "double_booked_hours": 1.0,
    "accepted_hours": 16.25,
    "tentative_hours": 1.0,
    "needs_action_hours": 1.0,
}


@pytest.mark.parametrize(("column", "expected"), WEEK.items())
def test_focus_week_by_hand(column: str, expected: float) -> None:
    focus = _focus(FOCUS, dt.date(2026, 3, 23), dt.date(2026, 3, 30))
    assert focus.index.tolist() == [dt.date(2026, 3, 23)]
    assert focus[column].iloc[0] == pytest.approx(expected, abs=TOL)


def test_working_hours_add_up() -> None:
    focus = _focus(FOCUS, dt.date(2026, 3, 23), dt.date(2026, 3, 30))
    row = focus.iloc[0]
    assert row.busy_hours + row.focus_hours + row.fragmented_hours == pytest.approx(
        row.working_hours
    )


@pytest.mark.parametrize(
    ("day", "focus", "fragmented", "blocks"),
    [
        # Monday alone: 11:00-13:00 is exactly 2 h (focus), 14:30-16:00 is 1.5 h.
        (dt.date(2026, 3, 23), 2.0, 1.5, 1),
        # Tuesday: 4 + 5 minutes fragmented, 11:30-18:00 focus.
        (dt.date(2026, 3, 24), 6.5, 0.15, 1),
        # Wednesday: 09:00-10:00 fragmented; 12:30-15:00 and 16:00-18:00 (exactly 2 h) focus.
        (dt.date(2026, 3, 25), 4.5, 1.0, 2),
    ],
)
def test_one_day_windows(day: dt.date, focus: float, fragmented: float, blocks: int) -> None:
    row = _focus(FOCUS, day, day + dt.timedelta(days=1)).iloc[0]
    assert (row.focus_hours, row.fragmented_hours, row.focus_blocks) == pytest.approx(
        (focus, fragmented, blocks)
    )
    assert row.working_hours == pytest.approx(9.0)


@pytest.mark.parametrize(
    ("focus_block", "focus", "fragmented"),
    [
        # Monday's free stretches are 2 h and 1.5 h.
        (2.0, 2.0, 1.5),  # 2 h is "at least 2 h": focus
        (2.01, 0.0, 3.5),  # both now too short
        (1.5, 3.5, 0.0),  # both long enough
    ],
)
def test_focus_block_length_is_configurable(
    focus_block: float, focus: float, fragmented: float
) -> None:
    monday = dt.date(2026, 3, 23)
    row = _focus(FOCUS, monday, monday + dt.timedelta(days=1), focus_hours=focus_block).iloc[0]
    assert (row.focus_hours, row.fragmented_hours) == pytest.approx((focus, fragmented))


def test_spring_forward_working_day_is_five_hours() -> None:
    # Sunday 29 Mar as the only working day, 00:00-06:00: 00:00 CET = 23:00 UTC Sat, 06:00
    # CEST = 04:00 UTC -> 5 real hours. Busy 01:00-01:58 CET and 03:00-04:00 CEST (= 58 +
    # 60 min). Free: 00:00-01:00 (1 h) and 01:58 CET-03:00 CEST (2 real minutes) are
    # fragmented; 04:00-06:00 CEST is exactly 2 h of focus. 2 + 1 + 2/60 + 1.9667 = 5.
    sunday = dt.date(2026, 3, 29)
    row = _focus(
        FOCUS,
        sunday,
        sunday + dt.timedelta(days=1),
        work_days=(6,),
        work_start_minute=0,
        work_end_minute=6 * 60,
    ).iloc[0]
    assert row.working_hours == pytest.approx(5.0)
    assert row.focus_hours == pytest.approx(2.0)
    assert row.fragmented_hours == pytest.approx(1 + 2 / 60)
    assert row.busy_hours == pytest.approx(58 / 60 + 1)
    # The two reviews are 2 real minutes apart: one chain of 2 h (00:00-02:00 UTC), not
    # the 3 h the wall clock (01:00-04:00) suggests; not after hours (inside working hours).
    assert (row.back_to_back_chains, row.longest_chain_events) == (1, 2)
    assert row.longest_chain_hours == pytest.approx(2.0)
    assert row.after_hours == pytest.approx(0.0)


def test_fall_back_working_day_is_seven_hours(tmp_path: Path) -> None:
    # Sun 25 Oct 2026, 00:00 CEST (22:00 UTC Sat) to 06:00 CET (05:00 UTC) = 7 real hours,
    # all free (the only event is on another day): one focus block of 7 h.
    path = write_ics(
        tmp_path,
        """BEGIN:VEVENT
UID:elsewhere@example.com
DTSTAMP:20261001T000000Z
DTSTART;TZID=Europe/Berlin:20261026T100000
DTEND;TZID=Europe/Berlin:20261026T110000
SUMMARY:Review elsewhere
END:VEVENT""",
    )
    sunday = dt.date(2026, 10, 25)
    row = _focus(
        path,
        sunday,
        sunday + dt.timedelta(days=1),
        work_days=(6,),
        work_start_minute=0,
        work_end_minute=6 * 60,
    ).iloc[0]
    assert (row.working_hours, row.focus_hours, row.focus_blocks) == pytest.approx((7.0, 7.0, 1))
    assert row.busy_hours == pytest.approx(0.0)


def test_chain_across_midnight_belongs_to_the_week_it_starts(tmp_path: Path) -> None:
    # Sun 22 Mar 23:00-23:58 and Mon 23 Mar 00:02-01:00: 4 minutes apart, one chain that
    # starts in the week of 16 Mar; the week of 23 Mar has no chain of its own.
    path = write_ics(
        tmp_path,
        """BEGIN:VEVENT
UID:late@example.com
DTSTAMP:20260301T000000Z
DTSTART;TZID=Europe/Berlin:20260322T230000
DTEND;TZID=Europe/Berlin:20260322T235800
SUMMARY:Review late
END:VEVENT
BEGIN:VEVENT
UID:early@example.com
DTSTAMP:20260301T000000Z
DTSTART;TZID=Europe/Berlin:20260323T000200
DTEND;TZID=Europe/Berlin:20260323T010000
SUMMARY:Review early
END:VEVENT""",
    )
    focus = _focus(path, dt.date(2026, 3, 16), dt.date(2026, 3, 30))
    assert focus["back_to_back_chains"].tolist() == [1, 0]
    # 23:00 -> 01:00 is 2 h (CET both sides), 58 + 58 minutes of it after hours.
    assert focus["longest_chain_hours"].tolist() == pytest.approx([2.0, 0.0])
    assert focus["after_hours"].tolist() == pytest.approx([58 / 60, 58 / 60])


def test_no_chain_when_every_gap_is_five_minutes_or_more(tmp_path: Path) -> None:
    # 09:00-10:00 and 10:05-11:00: a gap of exactly 5 minutes is a break.
    path = write_ics(
        tmp_path,
        """BEGIN:VEVENT
UID:one@example.com
DTSTAMP:20260301T000000Z
DTSTART;TZID=Europe/Berlin:20260323T090000
DTEND;TZID=Europe/Berlin:20260323T100000
SUMMARY:Review one
END:VEVENT
BEGIN:VEVENT
UID:two@example.com
DTSTAMP:20260301T000000Z
DTSTART;TZID=Europe/Berlin:20260323T100500
DTEND;TZID=Europe/Berlin:20260323T110000
SUMMARY:Review two
END:VEVENT""",
    )
    row = _focus(path, dt.date(2026, 3, 23), dt.date(2026, 3, 24)).iloc[0]
    assert (row.back_to_back_chains, row.longest_chain_events) == (0, 0)
    assert row.fragmented_hours == pytest.approx(5 / 60)  # 10:00-10:05


def test_window_without_events_is_all_focus(tmp_path: Path) -> None:
    path = write_ics(
        tmp_path,
        """BEGIN:VEVENT
UID:far@example.com
DTSTAMP:20260301T000000Z
DTSTART;TZID=Europe/Berlin:20260601T100000
DTEND;TZID=Europe/Berlin:20260601T110000
SUMMARY:Review far away
END:VEVENT""",
    )
    # Wed 25 Mar to Mon 30 Mar: Wed, Thu, Fri are working days, 9 h each, all free.
    focus = _focus(path, dt.date(2026, 3, 25), dt.date(2026, 3, 30))
    row = focus.iloc[0]
    assert (row.working_hours, row.focus_hours, row.focus_blocks) == pytest.approx((27, 27, 3))
    assert row.back_to_back_chains == 0


def test_api_without_allocation_gives_the_same_week() -> None:
    start, end = dt.date(2026, 3, 23), dt.date(2026, 3, 30)
    events = analyzer.load_events(
        [FOCUS], tz="Europe/Berlin", start=start, end=end, rules=RULES, me=["owner@example.com"]
    )
    focus = analyzer.focus_time(events)  # the window comes from events.attrs
    for column, expected in WEEK.items():
        assert focus[column].iloc[0] == pytest.approx(expected, abs=TOL), column


def test_json_report_carries_the_focus_weeks(runner: CliRunner) -> None:
    args = ["report", str(FOCUS), "--tz", "Europe/Berlin", "--from", "2026-03-23"]
    args += ["--to", "2026-03-30", "--rules", str(RULES), "--me", "owner@example.com"]
    result = runner.invoke(main, [*args, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["version"] == "1.1"
    week = report["insights"]["focus"]["weeks"][0]
    assert week["week_start"] == "2026-03-23"
    for column, expected in WEEK.items():
        assert week[column] == pytest.approx(expected, abs=1e-4), column
    totals = report["insights"]["focus"]["totals"]
    assert totals["longest_chain_week"] == "2026-03-23"
    assert report["insights"]["settings"]["work_hours"] == "09:00-18:00"


def test_work_hours_option_changes_the_measure(runner: CliRunner) -> None:
    # Monday only, working 13:00-18:00: busy 13:00-14:30 and 16:00-18:00; free 14:30-16:00
    # (1.5 h, fragmented). Review A (09:00-11:00) is now outside working hours: 2 h.
    args = ["report", str(FOCUS), "--tz", "Europe/Berlin", "--from", "2026-03-23"]
    args += ["--to", "2026-03-24", "--rules", str(RULES), "--work-hours", "13:00-18:00"]
    result = runner.invoke(main, [*args, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    week = json.loads(result.stdout)["insights"]["focus"]["weeks"][0]
    assert (week["working_hours"], week["focus_hours"], week["fragmented_hours"]) == (5, 0, 1.5)
    assert week["after_hours"] == 2.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [("09:00-18:00", (540, 1080)), (" 8:30 - 24:00 ", (510, 1440)), ("00:00-06:00", (0, 360))],
)
def test_parse_work_hours(text: str, expected: tuple[int, int]) -> None:
    assert parse_work_hours(text) == expected


@pytest.mark.parametrize("text", ["9-18", "18:00-09:00", "09:00-25:00", "09:60-10:00"])
def test_parse_work_hours_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="working hours"):
        parse_work_hours(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mon-fri", (0, 1, 2, 3, 4)),
        ("sun-thu", (0, 1, 2, 3, 6)),
        ("Mon,Wed,friday", (0, 2, 4)),
        ("sat", (5,)),
    ],
)
def test_parse_work_days(text: str, expected: tuple[int, ...]) -> None:
    assert parse_work_days(text) == expected


def test_bad_work_days_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(main, ["report", str(FOCUS), "--work-days", "weekdays"])
    assert result.exit_code == 2
    assert "working days" in result.stderr
