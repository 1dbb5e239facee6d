"""Serving layer: the CLI (and later the API and web UI)."""
