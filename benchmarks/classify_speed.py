"""How many distinct titles a second the shipped model labels, on one core (issue 5: >= 20k).

Not part of the test suite::

    .venv/bin/python benchmarks/classify_speed.py [--titles 20000] [--rounds 5]

Titles are the shipped training titles made distinct with a suffix, so every one is new
to any cache; the model is loaded first (loading is timed apart) and BLAS is held to one
thread. Prints the best of the rounds, because the machine's other work only adds time.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
from threadpoolctl import threadpool_limits

from analyzer.classify.model_io import load_model
from analyzer.classify.train import SHIPPED_DATA, read_labelled


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--titles", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    started = time.perf_counter()
    model = load_model()
    loaded = time.perf_counter() - started
    base = read_labelled([SHIPPED_DATA])["title"].tolist()
    titles = np.asarray(
        [f"{base[i % len(base)]} {i // len(base)}" for i in range(args.titles)], dtype=object
    )
    best = float("inf")
    with threadpool_limits(limits=1):
        for _ in range(args.rounds):
            started = time.perf_counter()
            model.predict_proba(titles)
            best = min(best, time.perf_counter() - started)
    print(f"model load {loaded:.2f} s (imports scikit-learn and skops)")
    print(f"{args.titles} distinct titles in {best:.3f} s: {args.titles / best:,.0f} titles/s")


if __name__ == "__main__":
    main()
