"""AGGREGATE layer: weekly totals, balance and the report contract."""
