"""ACCOUNT layer: exact time per occurrence and per week, in the report's time zone."""
