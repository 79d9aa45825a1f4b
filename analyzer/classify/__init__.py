"""CLASSIFY layer: label titles macro / micro / other, with a confidence."""
