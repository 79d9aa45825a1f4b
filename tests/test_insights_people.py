"""People: hours with each person, 1:1s, internal vs external, meeting sizes, anonymised.

insights_people.ics, week of Mon 2 Mar 2026; the owner is owner@example.com (internal
domain example.com). Every event, its counted hours and its people (owner excluded):
  1:1 Ann                   1.00 h micro  ann                      (2 people with the owner)
  Strategy with Ann and Bob 2.00 h macro  ann (organizer), bob@partner.org        (3 people)
  Review with everyone      1.00 h micro  ann, p1..p7@example.com                 (9 people)
  Gym                       1.00 h other  nobody                                  (alone)
  Review in a room          0.50 h micro  ann (+ a Google room, which is not a person)
  1:1 Bob                   0.75 h micro  bob@partner.org (organizer)
Total 6.25 h.
Ann: 1 + 2 + 1 + 0.5 = 4.5 h (macro 2, micro 2.5), 1:1 1 + 0.5 = 1.5 h, 4 occurrences.
Bob: 2 + 0.75 = 2.75 h (macro 2, micro 0.75), 1:1 0.75 h, external.
p1..p7: 1 h each (micro). 9 people in all.
Sizes: alone 1 h; 1:1 1 + 0.5 + 0.75 = 2.25 h; small (3-8) 2 h; large (> 8) 1 h;
  internal only 1 + 1 + 0.5 = 2.5 h; with someone external 2 + 0.75 = 2.75 h.
"""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest
from click.testing import CliRunner

import analyzer
from analyzer.cli import main
from tests.conftest import CALENDARS

RULES = CALENDARS / "labels.toml"
PEOPLE = CALENDARS / "insights_people.ics"
ARGS = [
    "--tz",
    "Europe/Berlin",
    "--from",
    "2026-03-02",
    "--to",
    "2026-03-09",
    "--rules",
    str(RULES),
    "--me",
    "owner@example.com",
]


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return analyzer.load_events(
        [PEOPLE],
        tz="Europe/Berlin",
        start=dt.date(2026, 3, 2),
        end=dt.date(2026, 3, 9),
        rules=RULES,
        me=["owner@example.com"],
    )


def test_people_by_hand(events: pd.DataFrame) -> None:
    table = analyzer.people_time(events)
    assert table.index.tolist() == [
        "ann@example.com",
        "bob@partner.org",
        *(f"p{i}@example.com" for i in range(1, 8)),
    ]
    columns = ["hours", "macro_hours", "micro_hours", "other_hours", "one_to_one_hours"]
    assert table.loc["ann@example.com", columns].tolist() == [4.5, 2.0, 2.5, 0.0, 1.5]
    assert table.loc["bob@partner.org", columns].tolist() == [2.75, 2.0, 0.75, 0.0, 0.75]
    assert table.loc["p3@example.com", columns].tolist() == [1.0, 0.0, 1.0, 0.0, 0.0]
    assert table.loc["ann@example.com", "occurrences"] == 4
    assert table["internal"].tolist() == [True, False] + [True] * 7


def test_rooms_are_not_people(events: pd.DataFrame) -> None:
    assert not any("resource.calendar.google.com" in p for p in analyzer.people_time(events).index)


def test_top_people(events: pd.DataFrame) -> None:
    assert analyzer.people_time(events, top=2).index.tolist() == [
        "ann@example.com",
        "bob@partner.org",
    ]


def test_meeting_sizes_by_hand(events: pd.DataFrame) -> None:
    sizes = analyzer.meeting_sizes(events)
    assert sizes["hours"].to_dict() == {
        "alone": 1.0,
        "one_to_one": 2.25,
        "small": 2.0,
        "large": 1.0,
        "internal": 2.5,
        "external": 2.75,
    }
    assert sizes.loc["large", "share"] == pytest.approx(1.0 / 6.25)
    assert sizes["occurrences"].tolist() == [1, 3, 1, 1, 3, 2]


def test_large_meeting_threshold(events: pd.DataFrame) -> None:
    # More than 2 people: the strategy meeting (3) and the review with everyone (9).
    sizes = analyzer.meeting_sizes(events, large_meeting=2)
    assert (sizes.loc["small", "hours"], sizes.loc["large", "hours"]) == (0.0, 3.0)


def test_owner_from_the_argument_or_the_attrs(events: pd.DataFrame) -> None:
    # Taking partner.org as the owner's domain turns Bob internal and everyone else external.
    table = analyzer.people_time(events, owner=["someone@partner.org"])
    assert table.loc["bob@partner.org", "internal"]
    assert not table.loc["ann@example.com", "internal"]


def test_json_people_section(runner: CliRunner) -> None:
    result = runner.invoke(main, ["report", str(PEOPLE), *ARGS, "--top-people", "3", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    people = json.loads(result.stdout)["insights"]["people"]
    assert people["people"] == 9
    assert people["large_meeting"] == 8
    assert [p["person"] for p in people["top"]] == [
        "ann@example.com",
        "bob@partner.org",
        "p1@example.com",
    ]
    assert people["top"][1] == {
        "person": "bob@partner.org",
        "hours": 2.75,
        "macro_hours": 2.0,
        "micro_hours": 0.75,
        "other_hours": 0.0,
        "one_to_one_hours": 0.75,
        "occurrences": 2,
        "internal": False,
    }
    assert people["sizes"]["external"] == {"hours": 2.75, "share": 0.44, "occurrences": 2}


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_top_people_in_every_format(runner: CliRunner, fmt: str) -> None:
    result = runner.invoke(main, ["report", str(PEOPLE), *ARGS, "--format", fmt])
    assert result.exit_code == 0, result.stderr
    shown = result.stdout.replace("\\", "")  # Markdown escapes the dots
    assert "ann@example.com" in shown
    assert "bob@partner.org" in shown
    assert "external" in shown


def test_anonymize_pseudonymises_people_consistently(runner: CliRunner) -> None:
    report = runner.invoke(main, ["report", str(PEOPLE), *ARGS, "-f", "json", "--anonymize"])
    events = runner.invoke(main, ["events", str(PEOPLE), *ARGS, "-f", "jsonl", "--anonymize"])
    assert report.exit_code == 0
    assert events.exit_code == 0
    for output in (report.stdout, events.stdout):
        assert "example.com" not in output
        assert "partner.org" not in output
    top = json.loads(report.stdout)["insights"]["people"]["top"]
    # Ann is the only person at the 1:1 on Monday (the first event): in the events table
    # and in the report she has the same pseudonym, and stays internal; Bob stays external.
    rows = [json.loads(line) for line in events.stdout.splitlines()]
    ann = rows[0]["people"][0]
    bob = next(r["people"][0] for r in rows if r["title"] == rows[-1]["title"])
    assert ann.startswith("person ")
    assert (top[0]["person"], top[0]["internal"], top[0]["hours"]) == (ann, True, 4.5)
    assert (top[1]["person"], top[1]["internal"], top[1]["hours"]) == (bob, False, 2.75)
    for fmt in ("text", "markdown", "html"):
        shown = runner.invoke(main, ["report", str(PEOPLE), *ARGS, "-f", fmt, "--anonymize"])
        assert "example" not in shown.stdout
        assert "partner" not in shown.stdout
        assert ann in shown.stdout


def test_rooms_and_resources_by_cutype_are_not_people_but_groups_are(tmp_path: object) -> None:
    from pathlib import Path

    from tests.conftest import write_ics

    # Owner, Kim, a room, a projector and the team list: the room and the projector are not
    # people; the team list stands for people the export does not name, so the meeting has
    # 4 people with the owner (Kim and the list): "small", not a 1:1.
    path = write_ics(
        Path(str(tmp_path)),
        """BEGIN:VEVENT
UID:retro@example.com
DTSTAMP:20260301T000000Z
DTSTART:20260302T090000Z
DTEND:20260302T100000Z
SUMMARY:Review retro
ORGANIZER:mailto:kim@example.com
ATTENDEE;CUTYPE=INDIVIDUAL;PARTSTAT=ACCEPTED:mailto:owner@example.com
ATTENDEE;PARTSTAT=ACCEPTED:mailto:kim@example.com
ATTENDEE;CUTYPE=ROOM;PARTSTAT=ACCEPTED:mailto:room-4@example.com
ATTENDEE;CUTYPE=RESOURCE;PARTSTAT=ACCEPTED:mailto:projector@example.com
ATTENDEE;CUTYPE=GROUP;PARTSTAT=NEEDS-ACTION:mailto:team@example.com
END:VEVENT""",
    )
    events = analyzer.load_events(
        [path],
        tz="UTC",
        start=dt.date(2026, 3, 2),
        end=dt.date(2026, 3, 9),
        rules=RULES,
        me=["owner@example.com"],
    )
    assert events["people"].tolist() == [("kim@example.com", "team@example.com")]
    sizes = analyzer.meeting_sizes(events)
    assert (sizes.loc["one_to_one", "hours"], sizes.loc["small", "hours"]) == (0.0, 1.0)
