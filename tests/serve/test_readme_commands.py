"""The README's usage lists every command of the CLI."""

from __future__ import annotations

import re

import typer

from pledgebook.serve.cli import app
from tests.conftest import REPO


def test_readme_usage_lists_every_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    usage = readme.split("## Usage", 1)[1].split("```", 2)[1]
    lines = [line for line in usage.splitlines() if line.startswith("pledgebook ")]
    listed = {word for line in lines for word in re.findall(r"[a-z][a-z-]*", line.split("#", 1)[0])}
    commands = set(typer.main.get_command(app).commands)
    assert commands - listed == set()
