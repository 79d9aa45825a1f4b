"""The public API: `analyzer.__all__` is sorted and complete, and docs/api.md documents it."""

from __future__ import annotations

import doctest
import re
import types
from pathlib import Path

import pytest

import analyzer
from analyzer.accounting.events import EVENT_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
API_DOC = ROOT / "docs" / "api.md"


def _documented() -> set[str]:
    """Names with a ``### `name` `` heading in docs/api.md, and the exceptions of its table."""
    text = API_DOC.read_text(encoding="utf-8")
    errors = text.split("## Errors", 1)[1]
    return set(re.findall(r"^### `([^`]+)`", text, re.M)) | set(
        re.findall(r"^\| `([A-Za-z]+Error)` \|", errors, re.M)
    )


def test_all_is_sorted() -> None:
    assert analyzer.__all__ == sorted(analyzer.__all__)


def test_all_has_no_duplicates() -> None:
    assert len(set(analyzer.__all__)) == len(analyzer.__all__)


@pytest.mark.parametrize("name", analyzer.__all__)
def test_every_name_in_all_exists(name: str) -> None:
    assert getattr(analyzer, name, None) is not None


def test_every_public_attribute_is_in_all() -> None:
    public = {
        name
        for name, value in vars(analyzer).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }
    assert public <= set(analyzer.__all__)


@pytest.mark.parametrize("name", analyzer.__all__)
def test_every_name_is_documented(name: str) -> None:
    assert name in _documented(), f"docs/api.md has no '### `{name}`' section"


def test_the_doc_lists_no_name_that_is_not_exported() -> None:
    assert _documented() <= set(analyzer.__all__)


@pytest.mark.parametrize("name", [n for n in analyzer.__all__ if callable(getattr(analyzer, n))])
def test_every_callable_has_a_docstring(name: str) -> None:
    assert (getattr(analyzer, name).__doc__ or "").strip()


def test_every_event_column_is_documented() -> None:
    text = API_DOC.read_text(encoding="utf-8")
    table = set(re.findall(r"^\| `([a-z_]+)` \|", text, re.M))
    assert set(EVENT_COLUMNS) <= table


def test_every_accessor_method_is_documented() -> None:
    text = API_DOC.read_text(encoding="utf-8")
    methods = [m for m in vars(analyzer.AltitudeAccessor) if not m.startswith("_")]
    assert methods
    for method in methods:
        assert f"events.altitude.{method}(" in text


@pytest.mark.parametrize(
    "error", ["AltitudeError", "InputError", "ConfigError", "ModelError", "OutputError"]
)
def test_every_exception_is_in_the_errors_table(error: str) -> None:
    text = API_DOC.read_text(encoding="utf-8").split("## Errors", 1)[1]
    assert f"| `{error}` | {getattr(analyzer, error).exit_code} |" in text


def test_the_examples_in_api_md_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the examples use paths from the repository root
    result = doctest.testfile(
        str(API_DOC),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
        verbose=False,
        report=True,
    )
    assert result.attempted > 50
    assert result.failed == 0
