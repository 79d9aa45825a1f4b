# Two commands set everything up: `make demo` and `make test` (see README.md).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEMO_CALENDAR := data/samples/ceo_google.ics

.PHONY: demo test lint format typecheck pytest golden samples model bench clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Error: $(PYTHON) not found; install Python 3.11 or set PYTHON=..."; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/altitude report $(DEMO_CALENDAR) --from 2026-01-05 --to 2026-07-06 \
		--target-band 0.3:0.5 --format text --html out/demo/report.html --charts out/demo

test: $(STAMP) lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: $(STAMP)
	$(BIN)/mypy analyzer

pytest: $(STAMP)
	$(BIN)/pytest -q -p no:cacheprovider --doctest-modules tests analyzer $(wildcard notebooks/*.ipynb) $(if $(wildcard notebooks/*.ipynb),--nbmake,)

golden: $(STAMP)
	$(BIN)/pytest -q tests --update-golden

samples: $(STAMP)
	$(BIN)/python -m analyzer.samples data/samples

model: $(STAMP)
	$(BIN)/python tools/build_model.py

bench: $(STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
