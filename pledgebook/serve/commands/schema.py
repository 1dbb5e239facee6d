"""``pledgebook schema``: print the JSON Schema of the extraction record."""

from __future__ import annotations

import typer

from pledgebook.serve.cli_support import emit
from pledgebook.serve.render import Listing


def register(app: typer.Typer) -> None:
    @app.command("schema")
    def schema() -> None:
        """Print the JSON Schema of the extraction record (draft 2020-12).

        A statement's `rule` is one of the ids `pledgebook rules` lists."""
        from pledgebook.core.data import record_json_schema
        from pledgebook.extract.rules import Rule

        emit(Listing([record_json_schema(rule_ids=[r.value for r in Rule])], json_shape="object"), "json")
