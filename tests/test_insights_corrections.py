"""Series-level corrections: by UID or title, their precedence, and the hours they moved.

insights_corrections.ics, week of Mon 2 Mar 2026 (UTC); labels.toml gives every title its
uncorrected label:
  Standup       series standup@example.com, Mon-Fri 08:00-08:15, 5 x 0.25 = 1.25 h micro;
                Wednesday's occurrence is moved to 10:00 and retitled "Standup moved"
  Review budget two one-off events (two UIDs), 1 h + 1.5 h = 2.5 h micro
  Strategy      one-off, 1 h macro
Without corrections: macro 1, micro 1.25 + 2.5 = 3.75, other 0.
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

import analyzer
from analyzer.classify.corrections import Correction, apply_corrections
from analyzer.cli import main
from analyzer.errors import ConfigError
from tests.conftest import CALENDARS

RULES = CALENDARS / "labels.toml"
CALENDAR = CALENDARS / "insights_corrections.ics"
ARGS = ["--tz", "UTC", "--from", "2026-03-02", "--to", "2026-03-09", "--rules", str(RULES)]

# Standup -> macro for the whole series (both titles); Review budget -> macro, then -> other
# (the later title correction wins); a title correction "Standup" -> other loses to the series
# correction; Strategy is confirmed macro (corrected, moves nothing).
CORRECTIONS = """
[[corrections]]
series_uid = "standup@example.com"
label = "macro"

[[corrections]]
title = "review BUDGET "
label = "macro"

[[corrections]]
title = "Review budget"
label = "other"

[[corrections]]
title = "Standup"
label = "other"

[[corrections]]
series_uid = "strategy@example.com"
label = "macro"
"""


@pytest.fixture
def corrections(tmp_path: Path) -> Path:
    path = tmp_path / "corrections.toml"
    path.write_text(CORRECTIONS, encoding="utf-8")
    return path


def _events(corrections: Path | None) -> object:
    return analyzer.load_events(
        [CALENDAR],
        tz="UTC",
        start=dt.date(2026, 3, 2),
        end=dt.date(2026, 3, 9),
        rules=RULES,
        corrections=corrections,
    )


def test_a_series_correction_relabels_every_occurrence(corrections: Path) -> None:
    events = _events(corrections)
    standup = events[events["series_uid"] == "standup@example.com"]
    assert sorted(standup["title"].unique()) == ["Standup", "Standup moved"]
    assert standup["label"].tolist() == ["macro"] * 5
    assert (standup["label_source"] == "correction").all()
    assert (standup["reason"] == "correction: series standup@example.com").all()
    assert (standup["uncorrected_label"] == "micro").all()
    assert (standup["confidence"] == 1.0).all()
    assert not standup["uncertain"].any()


def test_later_title_correction_wins_and_matching_ignores_case(corrections: Path) -> None:
    events = _events(corrections)
    review = events[events["title"] == "Review budget"]
    assert review["label"].tolist() == ["other", "other"]
    assert (review["reason"] == 'correction: title "Review budget"').all()


def test_totals_with_and_without_corrections(corrections: Path) -> None:
    # Without: macro 1, micro 3.75. With: macro 1 + 1.25 = 2.25, micro 0, other 2.5.
    assert _events(None).altitude.hours().tolist() == [1.0, 3.75, 0.0]
    assert _events(corrections).altitude.hours().tolist() == [2.25, 0.0, 2.5]


def test_hours_moved_by_hand(corrections: Path) -> None:
    moved = analyzer.corrections_moved(_events(corrections))
    assert moved.values.tolist() == [
        ["micro", "other", 2.5, 2],  # Review budget
        ["micro", "macro", 1.25, 5],  # the Standup series
        ["macro", "macro", 1.0, 1],  # Strategy, confirmed
    ]
    assert analyzer.corrections_moved(_events(None)).empty


def test_report_says_how_many_hours_corrections_moved(corrections: Path, runner: CliRunner) -> None:
    # corrected 2.5 + 1.25 + 1 = 4.75 h in 8 occurrences; moved 2.5 + 1.25 = 3.75 h.
    base = ["report", str(CALENDAR), *ARGS, "--corrections", str(corrections)]
    result = runner.invoke(main, [*base, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["insights"]["corrections"] == {
        "occurrences": 8,
        "corrected_hours": 4.75,
        "moved_hours": 3.75,
        "moves": [
            {"from": "micro", "to": "other", "hours": 2.5, "occurrences": 2},
            {"from": "micro", "to": "macro", "hours": 1.25, "occurrences": 5},
        ],
    }
    assert report["totals"]["macro_hours"] == 2.25
    text = runner.invoke(main, base).stdout
    assert "4.8 h corrected in 8 occurrences; they moved 3.8 h (micro → other 2.5 h, micro" in text
    none = json.loads(runner.invoke(main, ["report", str(CALENDAR), *ARGS, "-f", "json"]).stdout)
    assert none["insights"]["corrections"]["moved_hours"] == 0.0


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('[[corrections]]\nlabel = "macro"\n', "give exactly one of series_uid and title"),
        ('[[corrections]]\ntitle = "x"\nseries_uid = "y"\nlabel = "macro"\n', "exactly one"),
        ('[[corrections]]\ntitle = "x"\nlabel = "strategic"\n', "must be one of macro"),
        ('[[corrections]]\ntitle = "  "\nlabel = "macro"\n', "non-empty string"),
        ("corrections = 3\n", "must be a list"),
        ("[[corrections]\n", "not valid TOML"),
    ],
)
def test_bad_corrections_files(tmp_path: Path, text: str, fragment: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=fragment):
        analyzer.load_corrections(path)


def test_bad_corrections_file_is_a_config_error_on_the_cli(runner: CliRunner) -> None:
    result = runner.invoke(main, ["report", str(CALENDAR), "--corrections", "missing.toml"])
    assert result.exit_code == 2
    assert "cannot read corrections file missing.toml" in result.stderr


def test_append_corrections_round_trips_awkward_text(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    title = 'Q3 "review"\\ \t☕'
    analyzer.append_corrections(path, [Correction("micro", title=title)])
    analyzer.append_corrections(path, [Correction("other", series_uid="a@b")])
    assert analyzer.load_corrections(path) == [
        Correction("micro", title=title),
        Correction("other", series_uid="a@b"),
    ]
    assert tomllib.loads(path.read_text(encoding="utf-8"))["corrections"][0]["title"] == title


def test_review_saves_series_corrections(tmp_path: Path, runner: CliRunner) -> None:
    # Candidates (no uncertain labels, by hours): Review budget 2.5 h, Standup 1.0 h,
    # Strategy 1.0 h (title order breaks the tie), Standup moved 0.25 h.
    # Answers: Review budget -> other, Standup -> macro, Strategy kept, then quit.
    saved = tmp_path / "corrections.toml"
    labels = tmp_path / "labels.csv"
    result = runner.invoke(
        main,
        ["review", str(CALENDAR), *ARGS, "--save-corrections", str(saved)]
        + ["--save-labels", str(labels)],
        input="o\na\n\nq\n",
    )
    assert result.exit_code == 0, result.stderr
    assert "Saved 3 corrections" in result.stdout
    assert analyzer.load_corrections(saved) == [
        Correction("other", title="Review budget"),  # one-off events: by title
        Correction("macro", series_uid="standup@example.com"),  # recurring: by series
        Correction("macro", title="Strategy"),
    ]
    # One answer on "Standup" relabels the whole series, its moved occurrence included.
    report = runner.invoke(main, ["report", str(CALENDAR), *ARGS, "--corrections", str(saved)])
    events = _events(saved)
    moved = events[events["title"] == "Standup moved"]
    assert moved["label"].tolist() == ["macro"]
    assert "they moved 3.8 h" in report.stdout


def test_apply_corrections_twice_keeps_the_first_uncorrected_label() -> None:
    import pandas as pd

    events = pd.DataFrame(
        {
            "title": ["A"],
            "series_uid": ["s"],
            "label": pd.array(["micro"], dtype="string"),
            "confidence": [0.7],
            "uncertain": [False],
            "label_source": ["model"],
            "reason": ["model: 0.70"],
        }
    )
    apply_corrections(events, [Correction("macro", series_uid="s")])
    apply_corrections(events, [Correction("other", title="a")])
    assert (events["label"].iloc[0], events["uncorrected_label"].iloc[0]) == ("other", "micro")
