"""Benchmark harness for Altitude (issue 11): large generated calendars, timed against floors.

``python -m benchmarks`` (or ``make bench``) generates Google-style exports on demand
(:mod:`benchmarks.generate`, cached under ``benchmarks/data/``), times every measurement in
a fresh process (:mod:`benchmarks.probe`) and writes ``benchmarks/RESULTS.md``. None of it
runs in the test suite; ``tests/test_benchmarks.py`` only checks the generator.
"""
