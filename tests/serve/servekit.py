"""Two short statements and a CLI runner for the output tests of every command."""

from __future__ import annotations

from typer.testing import CliRunner

from pledgebook.serve.cli import app

DOCS = {
    "2023-10-20_cpec.txt": (
        "Beijing, 20 October 2023\n\nChina and Pakistan agreed to upgrade the Main Line-1 railway by 2030. "
        "The two sides pledged to strengthen counter-terrorism cooperation. "
        "Pakistan thanked China for its support after the floods.\n"
    ),
    "2024-03-05_gwadar.txt": (
        "Islamabad, 5 March 2024\n\nPakistan and China agreed to accelerate the development of Gwadar Port. "
        "China pledged to upgrade the Main Line-1 railway. The two sides discussed regional security.\n"
    ),
}
ENV = {"COLUMNS": "200"}
HASHING = ("--embedder", "hashing")  # the linker's embedder: no model to load


def invoke(*args, env=None):
    return CliRunner().invoke(app, [str(a) for a in args], env=env or ENV)
