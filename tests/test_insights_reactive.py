"""Reactive vs planned time: hand-computed expectations, with and without CREATED.

insights_reactive_berlin.ics, week of Mon 2 Mar 2026, Europe/Berlin (CET = UTC+1); the
default lead time is 48 h; start - CREATED, in hours:
  Standup series, first occurrence Mon 09:00 CET = 08:00Z, CREATED 07:30Z: 0.5 h -> reactive
      (0.25 h); Tue-Fri occurrences come after the first -> planned by the series (4 x 0.25)
  Review A   Mon 10:00 CET = 09:00Z, CREATED Fri 27 Feb 09:00Z: 72 h -> planned (1 h)
  Review B   Tue 09:00Z, CREATED Sun 1 Mar 09:00Z: exactly 48 h -> planned (1 h)
  Review C   Wed 09:00Z, CREATED Mon 2 Mar 09:01Z: 47 h 59 min -> reactive (2 h)
  Strategy D Thu 09:00Z, CREATED Thu 10:00Z: -1 h (entered afterwards) -> reactive (1 h)
  Review E   no CREATED, LAST-MODIFIED 1 Feb, a month before -> certainly planned (1.5 h)
  Review F   no CREATED, LAST-MODIFIED Fri 08:00Z, 5 h before -> unknown (1 h)
  Gym        CREATED 1900-01-01 (a placeholder, not a time) -> unknown (1 h)
Totals: reactive 0.25 + 2 + 1 = 3.25; planned 1 + 1 + 1.5 + 1 = 4.5; unknown 2;
  share 3.25 / (3.25 + 4.5) = 3.25 / 7.75.
By label: macro reactive 1 (share 1); micro reactive 2.25, planned 4.5, unknown 1
  (share 2.25 / 6.75 = 1/3); other unknown 1 (share unknown).
"""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import pytest
from click.testing import CliRunner

import analyzer
from analyzer.cli import main
from tests.conftest import CALENDARS, write_ics

RULES = CALENDARS / "labels.toml"
REACTIVE = CALENDARS / "insights_reactive_berlin.ics"
ARGS = [
    "--tz",
    "Europe/Berlin",
    "--from",
    "2026-03-02",
    "--to",
    "2026-03-09",
    "--rules",
    str(RULES),
]


def _events(path: Path = REACTIVE) -> object:
    return analyzer.load_events(
        [path], tz="Europe/Berlin", start=dt.date(2026, 3, 2), end=dt.date(2026, 3, 9), rules=RULES
    )


@pytest.mark.parametrize(
    ("title", "planning", "basis", "lead"),
    [
        ("Review A, three days ahead", "planned", "created", 72.0),
        ("Review B, exactly 48 hours ahead", "planned", "created", 48.0),
        ("Review C, one minute short of 48 hours", "reactive", "created", 47 + 59 / 60),
        ("Strategy D, entered afterwards", "reactive", "created", -1.0),
        ("Review E, no CREATED, unchanged for a month", "planned", "last_modified", math.nan),
        ("Review F, no CREATED, edited that morning", "unknown", "", math.nan),
        ("Gym, placeholder CREATED", "unknown", "", math.nan),
    ],
)
def test_planning_of_each_event(title: str, planning: str, basis: str, lead: float) -> None:
    events = _events()
    row = events.join(analyzer.planning(events)).set_index("title").loc[title]
    assert (row["planning"], row["basis"]) == (planning, basis)
    if math.isnan(lead):
        assert math.isnan(row["lead_hours"])
    else:
        assert row["lead_hours"] == pytest.approx(lead)


def test_a_series_is_planned_after_its_first_occurrence() -> None:
    events = _events()
    table = events.join(analyzer.planning(events))
    standup = table[table["title"] == "Standup"].sort_values("start")
    assert standup["planning"].astype(str).tolist() == ["reactive"] + ["planned"] * 4
    assert standup["basis"].tolist() == ["created"] + ["series"] * 4


def test_week_totals_by_hand() -> None:
    week = analyzer.reactive_time(_events()).iloc[0]
    assert (week.reactive_hours, week.planned_hours, week.unknown_hours) == pytest.approx(
        (3.25, 4.5, 2.0)
    )
    assert week.reactive_share == pytest.approx(3.25 / 7.75)


def test_by_label_by_hand() -> None:
    table = analyzer.reactive_time(_events(), by="label")
    assert table.loc["macro"].tolist() == pytest.approx([1.0, 0.0, 0.0, 1.0])
    assert table.loc["micro"].tolist() == pytest.approx([2.25, 4.5, 1.0, 1 / 3])
    other = table.loc["other"]
    assert (other.reactive_hours, other.planned_hours, other.unknown_hours) == (0.0, 0.0, 1.0)
    assert math.isnan(other.reactive_share)


def test_lead_time_is_configurable(runner: CliRunner) -> None:
    # With 24 h: A (72), B (48) and C (47.98) are planned; D (-1) and the first standup
    # (0.5) stay reactive -> reactive 1 + 0.25 = 1.25; planned 1 + 1 + 2 + 1.5 + 1 = 6.5.
    result = runner.invoke(
        main, ["report", str(REACTIVE), *ARGS, "--lead-time", "24", "-f", "json"]
    )
    assert result.exit_code == 0, result.stderr
    reactive = json.loads(result.stdout)["insights"]["reactive"]
    assert reactive["known"] is True
    assert reactive["lead_hours"] == 24
    assert (reactive["reactive_hours"], reactive["planned_hours"]) == (1.25, 6.5)
    assert reactive["unknown_hours"] == 2.0
    assert reactive["reactive_share"] == round(1.25 / 7.75, 4)


def test_json_report_by_hand(runner: CliRunner) -> None:
    result = runner.invoke(main, ["report", str(REACTIVE), *ARGS, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    reactive = json.loads(result.stdout)["insights"]["reactive"]
    assert reactive["reactive_share"] == round(3.25 / 7.75, 4)
    assert reactive["weeks"] == [
        {
            "week_start": "2026-03-02",
            "reactive_hours": 3.25,
            "planned_hours": 4.5,
            "unknown_hours": 2.0,
            "reactive_share": round(3.25 / 7.75, 4),
        }
    ]
    assert reactive["labels"]["other"]["reactive_share"] is None


_NO_CREATED = """BEGIN:VEVENT
UID:weekly@example.com
DTSTAMP:20260306T120000Z
LAST-MODIFIED:20250101T000000Z
DTSTART:20260223T090000Z
DTEND:20260223T100000Z
RRULE:FREQ=WEEKLY;COUNT=4
SUMMARY:Review weekly
END:VEVENT
BEGIN:VEVENT
UID:once@example.com
DTSTAMP:20260306T120000Z
DTSTART:20260304T090000Z
DTEND:20260304T110000Z
SUMMARY:Review once
END:VEVENT"""


def test_without_created_times_the_measure_is_unknown(tmp_path: Path, runner: CliRunner) -> None:
    # No occurrence has CREATED. The weekly review would be "planned" (a later occurrence of
    # its series, and LAST-MODIFIED a year before), but with no creation time at all the
    # export cannot show what was reactive: every hour is unknown, nothing is guessed.
    path = write_ics(tmp_path, _NO_CREATED)
    events = _events(path)
    table = analyzer.reactive_time(events)
    assert table["unknown_hours"].tolist() == [3.0]  # 1 h review + 2 h review
    assert table[["reactive_hours", "planned_hours", "reactive_share"]].isna().all().all()
    result = runner.invoke(main, ["report", str(path), *ARGS, "--format", "json"])
    reactive = json.loads(result.stdout)["insights"]["reactive"]
    assert reactive["known"] is False
    assert reactive["reactive_hours"] is None
    assert reactive["reactive_share"] is None
    assert reactive["unknown_hours"] == 3.0
    assert reactive["weeks"][0]["reactive_share"] is None
    text = runner.invoke(main, ["report", str(path), *ARGS]).stdout
    assert "Reactive time  unknown" in text
    markdown = runner.invoke(main, ["report", str(path), *ARGS, "--format", "markdown"]).stdout
    assert "**Reactive time:** unknown" in markdown


def test_outlook_placeholder_dates_are_unknown_not_a_crash(tmp_path: Path) -> None:
    # Outlook writes 1601-01-01 for "no value"; pandas cannot even hold that date.
    path = write_ics(
        tmp_path,
        """BEGIN:VEVENT
UID:outlook@example.com
DTSTAMP:20260306T120000Z
CREATED:16010101T000000Z
LAST-MODIFIED:16010101T000000Z
DTSTART:20260302T090000Z
DTEND:20260302T100000Z
SUMMARY:Review
END:VEVENT""",
    )
    events = _events(path)
    assert events["created"].isna().all()
    assert analyzer.reactive_time(events)["unknown_hours"].tolist() == [1.0]


def test_dtstamp_is_never_a_creation_time(tmp_path: Path) -> None:
    # DTSTAMP a week before the start would look "planned"; it is the export's time.
    path = write_ics(
        tmp_path,
        """BEGIN:VEVENT
UID:stamp@example.com
DTSTAMP:20260223T000000Z
DTSTART:20260302T090000Z
DTEND:20260302T100000Z
SUMMARY:Review
END:VEVENT""",
    )
    assert analyzer.planning(_events(path))["planning"].astype(str).tolist() == ["unknown"]
