"""RENDER layer: reports as text, JSON, CSV, Markdown, HTML and charts."""
