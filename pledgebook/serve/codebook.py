"""The ``--codebook DIR`` option shared by the commands that extract."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from pledgebook.codebook import Codebook

CODEBOOK_HELP = ("Codebook directory to extract with: a copy of pledgebook/codebook/data edited for your "
                 "organisation (docs/codebook.md). Default: the bundled codebook.")


def codebook_option() -> Path | None:
    return typer.Option(None, "--codebook", help=CODEBOOK_HELP, exists=True, file_okay=False, dir_okay=True)


def load_codebook_or_exit(directory: Path | None) -> Codebook:
    """The codebook in ``directory`` (bundled when None), or print why it is unusable and exit 2."""
    from pledgebook.codebook import Codebook, CodebookError
    from pledgebook.serve.cli_support import EXIT_UNUSABLE, fail

    try:
        return Codebook.load(directory)
    except CodebookError as err:
        raise fail(str(err), EXIT_UNUSABLE, label="codebook error") from None
