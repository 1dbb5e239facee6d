"""``pledgebook schema``: print the JSON Schema of the extraction record."""

from __future__ import annotations

import json

import typer


def register(app: typer.Typer) -> None:
    @app.command("schema")
    def schema() -> None:
        """Print the JSON Schema of the extraction record (draft 2020-12)."""
        from pledgebook.core.data import record_json_schema

        typer.echo(json.dumps(record_json_schema(), indent=2))
