"""Reference values from a study: data in TOML, shown only when asked, never as a target."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

import analyzer
from analyzer.cli import main
from analyzer.errors import ConfigError
from analyzer.render.charts import new_figure
from tests.conftest import CALENDARS

FOCUS = CALENDARS / "insights_focus_berlin.ics"
ARGS = ["--tz", "Europe/Berlin", "--from", "2026-03-23", "--to", "2026-04-06"]
ARGS += ["--rules", str(CALENDARS / "labels.toml")]


def test_shipped_references_are_data_with_their_source() -> None:
    table = analyzer.load_references()
    assert table.columns.tolist() == ["id", "chart", "value", "label", "definition", "source"]
    assert table.set_index("id")["value"].to_dict() == {
        "ceo_strategy_share": 0.21,
        "ceo_meeting_share": 0.72,
    }
    assert table["source"].str.contains("Porter").all()
    assert table["source"].str.contains("Nohria").all()
    assert table["source"].str.contains("2018").all()


@pytest.mark.parametrize(
    ("entry", "fragment"),
    [
        (
            'id = "x"\nchart = "drift"\nvalue = 1.5\nlabel = "l"\ndefinition = "d"\nsource = "s"',
            "0 and 1",
        ),
        (
            'id = "x"\nchart = "pie"\nvalue = 0.5\nlabel = "l"\ndefinition = "d"\nsource = "s"',
            "drift or load",
        ),
        ('id = "x"\nchart = "load"\nvalue = 0.5\nlabel = "l"\ndefinition = "d"', "source"),
    ],
)
def test_bad_reference_files(tmp_path: Path, entry: str, fragment: str) -> None:
    path = tmp_path / "refs.toml"
    path.write_text("[[reference]]\n" + entry + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=fragment):
        analyzer.load_references(path)


def test_references_only_when_asked(runner: CliRunner) -> None:
    plain = json.loads(runner.invoke(main, ["report", str(FOCUS), *ARGS, "-f", "json"]).stdout)
    assert plain["insights"]["references"] == []
    asked = runner.invoke(main, ["report", str(FOCUS), *ARGS, "-f", "json", "--references"])
    references = json.loads(asked.stdout)["insights"]["references"]
    assert [r["id"] for r in references] == ["ceo_strategy_share", "ceo_meeting_share"]
    assert {r["kind"] for r in references} == {"reference from a study, not a target"}
    text = runner.invoke(main, ["report", str(FOCUS), *ARGS, "--references"]).stdout
    assert "Reference      Strategy ≈ 21 % of CEO work time (study, not a target)" in text


def _reference_lines(ax: object) -> list[float]:
    return [
        float(line.get_ydata()[0])
        for line in ax.get_lines()  # type: ignore[attr-defined]
        if line.get_label() == "_ref"
    ]


def test_drift_chart_draws_the_strategy_reference_with_its_citation() -> None:
    references = analyzer.load_references()
    drift = pd.DataFrame(
        {
            "macro_share": [0.3, 0.4],
            "rolling_share": [0.3, 0.35],
            "outside_band": [False, False],
            "level": [0.35, 0.35],
            "change_point": [False, False],
        },
        index=["2026-03-02", "2026-03-09"],
    )
    figure, ax = new_figure()
    analyzer.plot_drift(ax, drift, references=references)
    assert _reference_lines(ax) == [21.0]
    legend = figure.legends[0]
    assert [t.get_text() for t in legend.get_texts()] == [
        "Reference (study, not a target): Strategy ≈ 21 % of CEO work time — "
        "Porter and Nohria (2018)"
    ]
    figure, ax = new_figure()
    analyzer.plot_drift(ax, drift)
    assert _reference_lines(ax) == []
    assert not figure.legends


def test_load_chart_draws_the_meeting_reference() -> None:
    focus = pd.DataFrame(
        {"working_hours": [45.0], "busy_hours": [12.35], "fragmented_hours": [2.65]}
        | {"focus_hours": [30.0]},
        index=["2026-03-23"],
    )
    figure, ax = new_figure()
    analyzer.plot_focus(ax, focus, analyzer.load_references())
    assert _reference_lines(ax) == [72.0]
    heights = [round(p.get_height(), 4) for p in ax.patches]
    assert heights == [round(12.35 / 45 * 100, 4), round(2.65 / 45 * 100, 4), round(3000 / 45, 4)]
    assert "Meetings ≈ 72 % of CEO work time" in figure.legends[0].get_texts()[0].get_text()


def test_html_report_has_one_chart_per_measure(tmp_path: Path, runner: CliRunner) -> None:
    html = tmp_path / "report.html"
    args = ["report", str(FOCUS), *ARGS, "--html", str(html), "--references"]
    assert runner.invoke(main, args).exit_code == 0
    page = html.read_text(encoding="utf-8")
    for heading in ("Reactive or planned?", "Who the time goes to", "Focus and fragmentation"):
        assert f"<h3>{heading}</h3>" in page
    assert 'alt="Hours with each person, by label"' in page
    assert 'alt="Share of working hours in meetings, fragmented and in focus blocks"' in page
    assert "Reference (study, not a target):</b> Meetings ≈ 72 % of CEO work time" in page
    assert "Porter, M. E. and Nohria, N. (2018)" in page
    # This calendar has no CREATED times: no reactive chart, and the page says so.
    assert "Share of each week" not in page
    assert "Unknown — this export carries no creation times" in page


def test_html_report_draws_reactive_time_when_creation_times_exist(
    tmp_path: Path, runner: CliRunner
) -> None:
    html = tmp_path / "report.html"
    calendar = CALENDARS / "insights_reactive_berlin.ics"
    args = ["report", str(calendar), "--tz", "Europe/Berlin", "--from", "2026-03-02"]
    args += ["--to", "2026-03-09", "--html", str(html)]
    assert runner.invoke(main, args).exit_code == 0
    page = html.read_text(encoding="utf-8")
    assert 'alt="Share of each week&#x27;s hours added to the calendar shortly before"' in page
