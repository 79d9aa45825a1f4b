"""The Python API on a tiny hand-written calendar, with every expectation computed by hand.

The calendar (times in UTC in the file, read in America/New_York: EST = UTC-5 until
8 March 2026 02:00, EDT = UTC-4 after) has five single events. Labels come from
``tests/calendars/labels.toml`` ("Strategy" -> macro; "Standup", "Review" -> micro;
"Lunch" -> other), so no classifier is involved.

    offsite  "Strategy offsite"  Sat 31 Jan 22:00 -> Sun 1 Feb 02:00 EST   4 h    macro
    standup  "Standup"           Mon 2 Feb 09:00 -> 09:15 EST              0.25 h micro
    lunch    "Lunch"             Tue 3 Feb 12:00 -> 13:00 EST              1 h    other
    review   "Review late"       Sun 8 Feb 23:00 -> Mon 9 Feb 01:00 EST    2 h    micro
    night    "Strategy night"    Sat 7 Mar 23:00 EST -> Sun 8 Mar 04:00 EDT
                                 = 04:00Z -> 08:00Z, 4 h elapsed            macro

The window is Mon 26 Jan to Mon 16 Mar 2026: 7 weeks, 49 days. Totals: macro 4 + 4 = 8,
micro 0.25 + 2 = 2.25, other 1; balance 8 / 10.25.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

import analyzer
from analyzer.accounting.events import EVENT_COLUMNS
from tests.conftest import CALENDARS, write_ics

RULES = CALENDARS / "labels.toml"
TZ = "America/New_York"
START, END = dt.date(2026, 1, 26), dt.date(2026, 3, 16)
TOL = 1e-9

BODY = """
BEGIN:VEVENT
UID:offsite@example.com
DTSTAMP:20260101T000000Z
DTSTART:20260201T030000Z
DTEND:20260201T070000Z
SUMMARY:Strategy offsite
END:VEVENT
BEGIN:VEVENT
UID:standup@example.com
DTSTAMP:20260101T000000Z
DTSTART:20260202T140000Z
DTEND:20260202T141500Z
SUMMARY:Standup
END:VEVENT
BEGIN:VEVENT
UID:lunch@example.com
DTSTAMP:20260101T000000Z
DTSTART:20260203T170000Z
DTEND:20260203T180000Z
SUMMARY:Lunch
END:VEVENT
BEGIN:VEVENT
UID:review@example.com
DTSTAMP:20260101T000000Z
DTSTART:20260209T040000Z
DTEND:20260209T060000Z
SUMMARY:Review late
END:VEVENT
BEGIN:VEVENT
UID:night@example.com
DTSTAMP:20260101T000000Z
DTSTART:20260308T040000Z
DTEND:20260308T080000Z
SUMMARY:Strategy night
END:VEVENT
"""


@pytest.fixture(scope="module")
def calendar(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_ics(tmp_path_factory.mktemp("api"), BODY, "timed_api_newyork.ics")


@pytest.fixture(scope="module")
def events(calendar: Path) -> pd.DataFrame:
    return analyzer.load_events([calendar], tz=TZ, start=START, end=END, rules=RULES)


def _ts(text: str) -> pd.Timestamp:
    return pd.Timestamp(text).tz_localize(TZ)


# --- load_events: the events table ------------------------------------------------------


def test_one_row_per_occurrence_in_start_order(events: pd.DataFrame) -> None:
    assert events["title"].tolist() == [
        "Strategy offsite",
        "Standup",
        "Lunch",
        "Review late",
        "Strategy night",
    ]
    assert events["label"].tolist() == ["macro", "micro", "other", "micro", "macro"]
    assert events["label_source"].tolist() == ["rule"] * 5


def test_columns_and_dtypes(events: pd.DataFrame) -> None:
    # The contract's columns come first, in order (later layers may append their own).
    assert list(events.columns[: len(EVENT_COLUMNS)]) == list(EVENT_COLUMNS)
    dtypes = {column: str(dtype) for column, dtype in events.dtypes.items()}
    assert dtypes["start"] == dtypes["end"] == f"datetime64[ns, {TZ}]"
    assert dtypes["hours"] == dtypes["confidence"] == "float64"
    assert dtypes["attendees"] == dtypes["external_domains"] == "int64"
    assert dtypes["uncertain"] == dtypes["recurring"] == "bool"
    for column in ("title", "label", "calendar", "series_uid", "status", "label_source"):
        assert isinstance(events[column].dtype, pd.StringDtype), column


def test_timestamps_are_tz_aware_in_the_report_zone(events: pd.DataFrame) -> None:
    # 03:00Z on 1 Feb is 22:00 EST on 31 Jan; 08:00Z on 8 Mar is 04:00 EDT (UTC-4).
    assert events["start"].iloc[0] == _ts("2026-01-31 22:00")
    assert events["end"].iloc[4] == _ts("2026-03-08 04:00")
    assert events["end"].iloc[4].utcoffset() == dt.timedelta(hours=-4)


def test_hours_are_elapsed_time(events: pd.DataFrame) -> None:
    # The night across the spring-forward gap: 23:00 EST -> 04:00 EDT is 4 h, not 5.
    assert events["hours"].tolist() == pytest.approx([4.0, 0.25, 1.0, 2.0, 4.0])


def test_window_is_recorded_in_attrs(events: pd.DataFrame) -> None:
    assert events.attrs["window_start"] == "2026-01-26"
    assert events.attrs["window_end"] == "2026-03-16"
    assert events.attrs["timezone"] == TZ


# --- summarize ---------------------------------------------------------------------------


def test_summarize_by_day_splits_at_midnight(events: pd.DataFrame) -> None:
    daily = analyzer.summarize(events, "D")
    assert len(daily) == 49  # every day of the 7-week window, empty ones included
    macro = daily["macro_hours"]
    # Offsite 22:00 -> 02:00: 2 h on Sat 31 Jan, 2 h on Sun 1 Feb.
    assert macro[_ts("2026-01-31")] == pytest.approx(2.0)
    assert macro[_ts("2026-02-01")] == pytest.approx(2.0)
    # Review 23:00 -> 01:00: 1 h on Sun 8 Feb, 1 h on Mon 9 Feb.
    assert daily["micro_hours"][_ts("2026-02-08")] == pytest.approx(1.0)
    assert daily["micro_hours"][_ts("2026-02-09")] == pytest.approx(1.0)
    # Night 23:00 EST -> 04:00 EDT: 1 h on 7 Mar; 00:00-02:00 EST + 03:00-04:00 EDT = 3 h on 8 Mar.
    assert macro[_ts("2026-03-07")] == pytest.approx(1.0)
    assert macro[_ts("2026-03-08")] == pytest.approx(3.0)
    # A day without events: zero hours, no share.
    assert daily.loc[_ts("2026-01-27"), "macro_hours"] == 0.0
    assert pd.isna(daily.loc[_ts("2026-01-27"), "macro_share"])
    assert daily[["macro_hours", "micro_hours", "other_hours"]].to_numpy().sum() == pytest.approx(
        11.25
    )


def test_summarize_by_month_splits_at_the_month_boundary(events: pd.DataFrame) -> None:
    monthly = analyzer.summarize(events, "MS")
    assert list(monthly.index) == [_ts("2026-01-01"), _ts("2026-02-01"), _ts("2026-03-01")]
    # January: 2 h of the offsite. February: 2 h offsite; 0.25 + 2 micro; 1 lunch.
    # March: the whole night, 4 h.
    assert monthly["macro_hours"].tolist() == pytest.approx([2.0, 2.0, 4.0])
    assert monthly["micro_hours"].tolist() == pytest.approx([0.0, 2.25, 0.0])
    assert monthly["other_hours"].tolist() == pytest.approx([0.0, 1.0, 0.0])
    # February's share: 2 / (2 + 2.25).
    assert monthly["macro_share"].tolist() == pytest.approx([1.0, 2 / 4.25, 1.0])


def test_weekly_summary_matches_the_exact_accounting(calendar: Path, events: pd.DataFrame) -> None:
    weekly = events.altitude.weekly()
    # Weeks of 26 Jan: offsite 4 | 2 Feb: standup 0.25 + review 1 (Sun), lunch 1 |
    # 9 Feb: review 1 (Mon) | 16, 23 Feb: nothing | 2 Mar: night 4 | 9 Mar: nothing.
    assert weekly["macro_hours"].tolist() == pytest.approx([4, 0, 0, 0, 0, 4, 0])
    assert weekly["micro_hours"].tolist() == pytest.approx([0, 1.25, 1, 0, 0, 0, 0])
    assert weekly["other_hours"].tolist() == pytest.approx([0, 1, 0, 0, 0, 0, 0])
    options = analyzer.ReportOptions(tz=TZ, start=START, end=END, rules=RULES)
    exact = analyzer.analyze([calendar], options).weekly()
    assert weekly.to_numpy() == pytest.approx(exact.to_numpy(), nan_ok=True)


def test_an_event_cut_by_the_window_keeps_its_counted_hours(calendar: Path) -> None:
    # Window from Sun 1 Feb: only 00:00-02:00 of the offsite counts (2 h), all on 1 Feb.
    cut = analyzer.load_events([calendar], tz=TZ, start=dt.date(2026, 2, 1), weeks=1, rules=RULES)
    assert cut["hours"].iloc[0] == pytest.approx(2.0)
    daily = cut.altitude.summary("D")
    assert daily.index[0] == _ts("2026-02-01")
    assert daily["macro_hours"].iloc[0] == pytest.approx(2.0)
    # Window 1-8 Feb (8 Feb excluded, so the review is out): offsite 2 + standup 0.25 + lunch 1.
    assert daily[["macro_hours", "micro_hours", "other_hours"]].to_numpy().sum() == pytest.approx(
        2.0 + 0.25 + 1.0
    )
    assert len(daily) == 7
    assert cut.altitude.weekly().index.tolist() == [_ts("2026-01-26"), _ts("2026-02-02")]


def test_summarize_by_a_column(events: pd.DataFrame) -> None:
    table = analyzer.summarize(events, "MS", by="title")
    assert table.loc[(_ts("2026-02-01"), "Strategy offsite"), "macro_hours"] == pytest.approx(2)
    assert len(table) == 6  # offsite in Jan and Feb, standup, lunch, review, night


def test_a_filtered_table_keeps_every_week(events: pd.DataFrame) -> None:
    none = events[events["title"] == "no such title"]
    weekly = none.altitude.weekly()
    assert len(weekly) == 7
    assert weekly["macro_share"].isna().all()
    assert none.altitude.balance() is None


# --- the accessor, drift and compare -----------------------------------------------------


def test_accessor_hours_and_balance(events: pd.DataFrame) -> None:
    assert events.altitude.hours().to_dict() == pytest.approx(
        {"macro": 8.0, "micro": 2.25, "other": 1.0}
    )
    assert events.altitude.balance() == pytest.approx(8 / 10.25)


def test_accessor_refuses_a_frame_that_is_not_an_events_table() -> None:
    with pytest.raises(AttributeError, match="not an Altitude events table"):
        _ = pd.DataFrame({"x": [1]}).altitude


def test_drift_rolling_share(events: pd.DataFrame) -> None:
    table = events.altitude.drift(rolling=2, band=(0.3, 0.5))
    # Rolling 2 weeks: 26 Jan 4/4 = 1; 2 Feb 4/5.25; 9 Feb 0/2.25 = 0; 16 Feb 0/1 = 0;
    # 23 Feb nothing = NaN; 2 Mar 4/4 = 1; 9 Mar 4/4 = 1.
    expected = [1.0, 4 / 5.25, 0.0, 0.0, float("nan"), 1.0, 1.0]
    assert table["rolling_share"].tolist() == pytest.approx(expected, nan_ok=True)
    assert table["outside_band"].tolist() == [True, True, True, True, False, True, True]


def test_compare_two_windows(events: pd.DataFrame) -> None:
    both = analyzer.compare(events, ("2026-02-02", "2026-02-09"), (START, dt.date(2026, 2, 2)))
    assert both.index.tolist() == ["all"]
    row = both.iloc[0]
    # a = week of 2 Feb: standup 0.25 + review 1 (until midnight) micro, lunch 1 other.
    assert (row["macro_hours_a"], row["micro_hours_a"], row["other_hours_a"]) == pytest.approx(
        (0.0, 1.25, 1.0)
    )
    # b = week of 26 Jan: the offsite, 4 h macro.
    assert row["macro_hours_b"] == pytest.approx(4.0)
    assert (row["macro_share_a"], row["macro_share_b"]) == pytest.approx((0.0, 1.0))
    assert row["share_effect"] == pytest.approx(1.0)


def test_compare_by_series_finds_what_moved_the_share(events: pd.DataFrame) -> None:
    # a = 26 Jan - 9 Feb (2 weeks), b = 9 Feb - 9 Mar (4 weeks). Per week:
    #   a: offsite 2 macro, standup 0.125 micro, review 0.5 micro (its Sunday hour)
    #   b: night 1 macro, review 0.25 micro (its Monday hour); share of b = 1 / 1.25 = 0.8
    # share_effect = 0.8 - share of b had the series kept its weekly hours of a:
    #   night:   macro 1 - 1 = 0            -> 0 / 0.25        = 0     -> +0.8
    #   review:  micro 0.25 - 0.25 + 0.5    -> 1 / 1.5                 -> 0.8 - 2/3
    #   offsite: macro 1 + 2 = 3            -> 3 / 3.25                -> 0.8 - 12/13
    #   standup: micro 0.25 + 0.125         -> 1 / 1.375               -> 0.8 - 8/11
    #   lunch:   other time only            -> unchanged               -> 0
    table = events.altitude.compare(
        (START, "2026-02-09"), ("2026-02-09", "2026-03-09"), by="series"
    )
    assert table.index.tolist() == [
        "Strategy night",
        "Review late",
        "Strategy offsite",
        "Standup",
        "Lunch",
    ]
    assert table["share_effect"].tolist() == pytest.approx(
        [0.8, 0.8 - 2 / 3, 0.8 - 12 / 13, 0.8 - 8 / 11, 0.0]
    )
    assert table.loc["Review late", "micro_hours_a"] == pytest.approx(1.0)
    assert table.loc["Review late", "micro_hours_b"] == pytest.approx(1.0)
    assert table["label"].tolist() == ["macro", "micro", "macro", "micro", "other"]


def test_compare_by_a_column_added_by_the_user(events: pd.DataFrame) -> None:
    days = events.assign(weekday=events["start"].dt.strftime("%a"))
    table = days.altitude.compare((START, "2026-02-09"), ("2026-02-09", END), by="weekday")
    # Saturday starts: offsite (a) and night (b), 4 h macro each.
    assert table.loc["Sat", ["macro_hours_a", "macro_hours_b"]].tolist() == [4.0, 4.0]


@pytest.mark.parametrize(
    ("a", "by", "fragment"),
    [
        (("2026-02-09", "2026-02-02"), None, "window a: end 2026-02-02 must be after start"),
        (("2026-02-31", "2026-03-02"), None, "window a: ('2026-02-31', '2026-03-02') is not"),
        ("2026-02-02", None, "is not (start, end) dates"),
        (("2026-02-02", "2026-02-09"), "room", "cannot compare by 'room'"),
    ],
)
def test_compare_errors(events: pd.DataFrame, a: object, by: str | None, fragment: str) -> None:
    with pytest.raises(analyzer.ConfigError) as caught:
        analyzer.compare(events, a, ("2026-02-09", "2026-02-16"), by=by)  # type: ignore[arg-type]
    assert fragment in caught.value.message


# --- errors of load_events and the training helpers --------------------------------------


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(analyzer.InputError) as caught:
        analyzer.load_events([tmp_path / "missing.ics"], start=START, end=END)
    assert "missing.ics" in caught.value.message
    assert caught.value.exit_code == 3


def test_bad_zone_is_a_config_error(calendar: Path) -> None:
    with pytest.raises(analyzer.ConfigError, match="unknown time zone 'Mars/Olympus'"):
        analyzer.load_events([calendar], tz="Mars/Olympus", start=START, end=END)


def test_empty_window_is_a_config_error(calendar: Path) -> None:
    with pytest.raises(analyzer.ConfigError, match="must be after"):
        analyzer.load_events([calendar], tz=TZ, start=END, end=START)


def test_missing_model_is_a_model_error(calendar: Path, tmp_path: Path) -> None:
    # Without rules the titles need the model, and it is not there.
    with pytest.raises(analyzer.ModelError, match="not found"):
        analyzer.load_events([calendar], tz=TZ, start=START, end=END, model=tmp_path / "x.skops")


def test_missing_rules_file_is_a_config_error(calendar: Path, tmp_path: Path) -> None:
    with pytest.raises(analyzer.ConfigError, match="no such file"):
        analyzer.load_events([calendar], tz=TZ, start=START, end=END, rules=tmp_path / "r.toml")


@pytest.mark.parametrize("loader", ["load_rules", "load_corrections"])
def test_a_misspelt_table_is_a_config_error_not_an_empty_file(tmp_path: Path, loader: str) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('[[rule]]\npattern = "board"\nlabel = "macro"\n', encoding="utf-8")
    with pytest.raises(analyzer.ConfigError, match="unknown key 'rule'"):
        getattr(analyzer, loader)(path)


def test_too_few_rows_to_train_is_a_config_error() -> None:
    data = pd.DataFrame(
        {"title": ["Board", "Standup", "Lunch"], "label": ["macro", "micro", "other"]}
    )
    with pytest.raises(analyzer.ConfigError, match="at least 3 rows of every label"):
        analyzer.train_model(data, kinds=("nb-words",), folds=3)


def test_rules_and_labels_written_by_the_review_helpers_load_again(tmp_path: Path) -> None:
    answers = [("Board materials walkthrough", "macro"), ("Atlas (status)", "micro")]
    rules = analyzer.load_rules(analyzer.append_rules(tmp_path / "rules.toml", answers))
    assert [
        (r.pattern.search(t) is not None, r.label) for r, (t, _) in zip(rules, answers, strict=True)
    ] == [
        (True, "macro"),
        (True, "micro"),
    ]
    labelled = analyzer.read_labelled([analyzer.append_labels(tmp_path / "labels.csv", answers)])
    assert labelled[["title", "label"]].values.tolist() == [list(a) for a in answers]
