"""Explanations: every label carries a reason, and the model's word weights are exact."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

import analyzer
from analyzer.classify.contributions import _RUNS_OF_SPACE, _ngrams, linear_weights, title_terms
from analyzer.classify.label_cache import CachedModel
from analyzer.classify.model_io import load_model
from analyzer.classify.pipeline import build_pipeline
from analyzer.classify.predict import model_reason
from analyzer.cli import main
from tests.conftest import CALENDARS, write_ics

TITLES = [
    "Board prep",
    "Updated invitation: Dana / Priya 1:1",
    "Sprint 42 retro",
    "Réunion  d'équipe ☕",
    "🚀",
    "",
    "sync sync sync",
    "M&A pipeline — Q3/Q4 review (JIRA-4821)",
    "a",
]


def _blocks(model: object) -> list[object]:
    features = model.named_steps["features"]  # type: ignore[attr-defined]
    parts = [p for _, p in getattr(features, "transformer_list", [("x", features)])]
    return [p.named_steps["hash"] for p in parts]


@pytest.mark.parametrize("title", TITLES)
def test_ngrams_are_the_vectorizers_own(title: str) -> None:
    # The weights are only honest if we hash exactly the n-grams the pipeline hashed.
    model = load_model()
    cleaned = model.named_steps["clean"].transform([title])[0]
    for vectorizer in _blocks(model):
        prepared = _RUNS_OF_SPACE.sub(" ", vectorizer.build_preprocessor()(cleaned))
        pattern = re.compile(_blocks(model)[0].token_pattern)
        spans = [(m.start(), m.end()) for m in pattern.finditer(prepared)]
        grams = _ngrams(vectorizer, prepared, spans)[0]
        assert Counter(grams) == Counter(vectorizer.build_analyzer()(cleaned))


def _scores(model: object, titles: list[str]) -> tuple[list[str], np.ndarray]:
    classes, coef, intercept = linear_weights(model)  # type: ignore[misc]
    matrix = model[:-1].transform(titles)  # type: ignore[index]
    return classes, np.asarray(matrix @ coef.T) + intercept


def test_weights_add_up_to_the_models_score() -> None:
    model = load_model()
    labels = [str(label) for label in model.predict(TITLES)]
    found = title_terms(model, TITLES, labels)
    assert found is not None
    classes, scores = _scores(model, TITLES)
    for title, label, terms, row in zip(TITLES, labels, found, scores, strict=True):
        assert terms.label == label
        assert terms.score == pytest.approx(row[classes.index(label)], abs=1e-9), title


def test_averaged_svm_score_is_the_mean_of_the_folds() -> None:
    model = load_model()
    final = model.named_steps["model"]
    matrix = model[:-1].transform(TITLES)
    folds = np.mean(
        [c.estimator.decision_function(matrix) for c in final.calibrated_classifiers_], 0
    )
    assert np.allclose(_scores(model, TITLES)[1], folds)


def _tiny_training() -> tuple[list[str], list[str]]:
    rows = [
        ("Board meeting", "macro"),
        ("Strategy offsite", "macro"),
        ("Investor update", "macro"),
        ("Vision workshop", "macro"),
        ("Sprint standup", "micro"),
        ("Code review", "micro"),
        ("1:1 with Sam", "micro"),
        ("Expense approvals", "micro"),
        ("Lunch", "other"),
        ("Gym", "other"),
        ("Flight to Oslo", "other"),
        ("Dentist", "other"),
    ]
    return [t for t, _ in rows], [label for _, label in rows]


def test_logistic_regression_weights_add_up() -> None:
    titles, labels = _tiny_training()
    model = build_pipeline("logreg").fit(titles, labels)
    probe = ["Board standup", "Lunch with investors", "Gym"]
    predicted = [str(p) for p in model.predict(probe)]
    found = title_terms(model, probe, predicted)
    assert found is not None
    decision = model.decision_function(probe)
    classes = list(model.classes_)
    for terms, label, row in zip(found, predicted, decision, strict=True):
        assert terms.score == pytest.approx(row[classes.index(label)], abs=1e-9)


def test_a_model_that_is_not_linear_gives_no_words() -> None:
    titles, labels = _tiny_training()
    model = build_pipeline("nb-words").fit(titles, labels)
    assert title_terms(model, ["Board meeting"], ["macro"]) is None
    table = analyzer.classify_titles(["Board meeting"], model=model, explain=True)
    assert re.fullmatch(r"model: [01]\.\d\d", table["reason"].iloc[0])


def test_model_reason_names_the_strongest_words() -> None:
    table = analyzer.explain_titles(["Board prep"])
    row = table.iloc[0]
    assert (row["label"], row["source"]) == ("macro", "model")
    assert row["reason"].startswith(f"model: {row['confidence']:.2f} — board (+")
    weights = analyzer.term_weights(["Board prep"])
    assert weights["term"].tolist()[:2] == ["board", "prep"]
    assert weights["term"].tolist()[-2:] == ["(other characters)", "(intercept)"]


def test_reason_format() -> None:
    from analyzer.classify.contributions import TitleTerms

    terms = TitleTerms("micro", (("1:1", 0.55), ("dana", 0.11), ("priya", 0.02), ("x", 0.01)), 0, 0)
    assert model_reason(0.934, terms) == "model: 0.93 — 1:1 (+0.55), dana (+0.11), priya (+0.02)"
    assert model_reason(0.5, TitleTerms("other", (), 0.0, -0.1)) == "model: 0.50 — no words"
    assert model_reason(0.5, None) == "model: 0.50"


def test_the_cache_explains_like_the_model(tmp_path: Path) -> None:
    cached = CachedModel(folder=tmp_path)
    model = load_model()
    labels = [str(label) for label in model.predict(TITLES)]
    direct = title_terms(model, TITLES, labels)
    first = cached.title_terms(TITLES, labels)
    again = CachedModel(folder=tmp_path).title_terms(TITLES, labels)  # from the file
    assert direct is not None
    assert first is not None
    assert again is not None
    for a, b, c in zip(direct, first, again, strict=True):
        assert a.label == b.label == c.label
        assert [w for w, _ in a.terms] == [w for w, _ in c.terms]
        assert a.score == pytest.approx(c.score)


_CALENDAR = """BEGIN:VEVENT
UID:standup-series@example.com
DTSTAMP:20260301T000000Z
DTSTART:20260302T080000Z
DTEND:20260302T081500Z
RRULE:FREQ=DAILY;COUNT=3
SUMMARY:Standup
END:VEVENT
BEGIN:VEVENT
UID:board@example.com
DTSTAMP:20260301T000000Z
DTSTART:20260303T090000Z
DTEND:20260303T110000Z
SUMMARY:Board prep
END:VEVENT
BEGIN:VEVENT
UID:mystery@example.com
DTSTAMP:20260301T000000Z
DTSTART:20260304T090000Z
DTEND:20260304T100000Z
RRULE:FREQ=WEEKLY;COUNT=2
SUMMARY:Zyx
ORGANIZER:mailto:owner@example.com
ATTENDEE;PARTSTAT=ACCEPTED:mailto:owner@example.com
ATTENDEE;PARTSTAT=ACCEPTED:mailto:kim@example.com
END:VEVENT"""


@pytest.fixture
def calendar(tmp_path: Path) -> Path:
    return write_ics(tmp_path, _CALENDAR)


def _load(calendar: Path, **extra: object) -> pd.DataFrame:
    return analyzer.load_events(
        [calendar],
        tz="UTC",
        start=dt.date(2026, 3, 2),
        end=dt.date(2026, 3, 16),
        me=["owner@example.com"],
        **extra,  # type: ignore[arg-type]
    )


def test_every_event_has_a_reason_from_its_source(calendar: Path, tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text('[[rules]]\npattern = "^stand"\nlabel = "micro"\n', encoding="utf-8")
    events = _load(calendar, rules=rules)
    assert events["reason"].notna().all()
    assert (events["reason"].str.len() > 0).all()
    by_title = events.drop_duplicates("title").set_index("title")
    assert by_title.loc["Standup", "reason"] == "rule: ^stand"
    assert by_title.loc["Board prep", "reason"].startswith("model: ")
    assert "board (+" in by_title.loc["Board prep", "reason"]
    mystery = by_title.loc["Zyx"]
    if mystery["label_source"] == "metadata":  # an uncertain nonsense title, 2 attendees, weekly
        assert mystery["reason"].startswith("metadata: a recurring event with 2 attendees")
        assert "the model said" in mystery["reason"]


def test_metadata_reason_says_what_the_model_said(calendar: Path) -> None:
    # A threshold of 1 makes every model label uncertain, so metadata decides the 1:1.
    events = _load(calendar, threshold=1.0)
    row = events[events["title"] == "Zyx"].iloc[0]
    assert row["label_source"] == "metadata"
    assert row["label"] == "micro"
    assert re.fullmatch(
        r"metadata: a recurring event with 2 attendees is a 1:1; the model said \w+ [01]\.\d\d",
        row["reason"],
    )


def test_events_output_carries_the_reason(calendar: Path, runner: CliRunner) -> None:
    args = ["events", str(calendar), "--tz", "UTC", "--from", "2026-03-02", "--to", "2026-03-16"]
    result = runner.invoke(main, [*args, "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert all(row["reason"] for row in rows)
    assert all(row["uncorrected_label"] == row["label"] for row in rows)
    csv = runner.invoke(main, args).stdout
    assert csv.splitlines()[0].endswith(",reason,uncorrected_label")


def test_report_json_explains_the_top_series(calendar: Path, runner: CliRunner) -> None:
    args = ["report", str(calendar), "--tz", "UTC", "--from", "2026-03-02", "--to", "2026-03-16"]
    result = runner.invoke(main, [*args, "--format", "json"])
    explanations = json.loads(result.stdout)["insights"]["explanations"]
    assert explanations[0]["title"] == "Board prep"  # 2 h, the most
    assert explanations[0]["reason"].startswith("model: ")
    assert {"title", "label", "source", "reason", "hours"} == set(explanations[0])


def test_anonymized_reasons_keep_only_their_kind(calendar: Path, runner: CliRunner) -> None:
    args = ["events", str(calendar), "--tz", "UTC", "--from", "2026-03-02", "--to", "2026-03-16"]
    result = runner.invoke(main, [*args, "--format", "jsonl", "--anonymize"])
    reasons = {json.loads(line)["reason"] for line in result.stdout.splitlines()}
    assert all(re.fullmatch(r"model: [01]\.\d\d|metadata|rule|correction", r) for r in reasons)
    assert "board" not in result.stdout.lower()


def test_explain_command(runner: CliRunner) -> None:
    result = runner.invoke(main, ["explain", "Board prep", "Lunch"])
    assert result.exit_code == 0, result.stderr
    blocks = result.stdout.split("\n\n")
    assert blocks[0].splitlines()[0] == "Board prep"
    assert "  label       macro (confidence 0.99)" in blocks[0]
    assert "  source      model" in blocks[0]
    assert "  reason      model: 0.99 — board (+1.17), prep (+0.16)" in blocks[0]
    assert re.search(r"weights     board \+1\.17, prep \+0\.16, .* = score \+0\.73", blocks[0])
    assert "label       other" in blocks[1]


def test_explain_command_with_rules_and_corrections(tmp_path: Path, runner: CliRunner) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text('[[rules]]\npattern = "sync"\nlabel = "macro"\n', encoding="utf-8")
    corrections = tmp_path / "corrections.toml"
    corrections.write_text('[[corrections]]\ntitle = " BOARD prep "\nlabel = "micro"\n')
    args = ["explain", "Board prep", "Weekly sync", "--rules", str(rules)]
    result = runner.invoke(main, [*args, "--corrections", str(corrections)])
    assert result.exit_code == 0, result.stderr
    board, sync = result.stdout.split("\n\n")
    assert "label       micro (confidence 1.00)" in board
    assert 'reason      correction: title " BOARD prep "' in board
    assert "reason      rule: sync" in sync
    assert "weights" not in board + sync


def test_explain_needs_a_title(runner: CliRunner) -> None:
    assert runner.invoke(main, ["explain"]).exit_code == 2
    bad = runner.invoke(main, ["explain", "x", "--corrections", str(CALENDARS / "nope.toml")])
    assert bad.exit_code == 2
    assert "cannot read corrections file" in bad.stderr
