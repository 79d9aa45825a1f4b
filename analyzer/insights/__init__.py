"""INSIGHTS: why the balance is what it is, from the events table and the window.

One module per measure, each a set of pure functions from DataFrames to DataFrames:
``reactive.py`` (planned ahead or added at short notice), ``people.py`` (who the time goes
to), ``focus.py`` (focus blocks, fragmentation, chains, after hours), ``reference.py``
(published values from a study, as data in ``references.toml``), ``explain.py`` (why a
label), ``corrections.py`` (what user corrections moved); ``report.py`` gathers them all for
a report and its JSON section. ``timeline.py`` holds the shared interval arithmetic.
"""
