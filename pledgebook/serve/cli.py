"""The ``pledgebook`` command line. Commands live in ``serve/commands/*.py`` and are
discovered here, so each command is one short module."""

from __future__ import annotations

import importlib
import pkgutil

import typer

from pledgebook import __version__
from pledgebook.serve import commands

app = typer.Typer(
    name="pledgebook",
    help="Turn diplomatic texts into a source-grounded ledger of commitments, and track them across years.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from pledgebook.extract.version import codebook_version, extractor_version

        # what `ingest` records for a run made with the bundled codebook (docs/codebook.md)
        typer.echo(f"pledgebook {__version__} (extractor {extractor_version()}, bundled codebook {codebook_version()})")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version, with the extractor and codebook versions ingest records."),
) -> None:
    """pledgebook: who pledged what, in which sector, about which project, how firmly, by when."""


for _info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
    importlib.import_module(f"{commands.__name__}.{_info.name}").register(app)


def main() -> None:
    app()
