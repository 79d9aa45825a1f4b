"""READ layer: turn calendar files into raw occurrences (no accounting, no labels)."""
