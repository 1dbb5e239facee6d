"""The ``--codebook DIR`` option shared by the commands that extract, and by the tracking
commands (whose status labels are the codebook's tracking.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from pledgebook.codebook import Codebook
    from pledgebook.codebook.tracking import Tracking

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


TRACKING_HELP = ("Codebook directory whose tracking.yaml holds your organisation's status labels "
                 "(docs/tracking.md). Default: the bundled labels.")


def tracking_option() -> Path | None:
    return typer.Option(None, "--codebook", help=TRACKING_HELP, exists=True, file_okay=False, dir_okay=True)


def load_tracking_or_exit(directory: Path | None) -> Tracking:
    """The status labels of the codebook in ``directory`` (bundled when None), or print why they
    are unusable and exit 2."""
    from pledgebook.codebook import CodebookError
    from pledgebook.codebook.tracking import load_tracking
    from pledgebook.serve.cli_support import EXIT_UNUSABLE, fail

    try:
        return load_tracking(directory)
    except CodebookError as err:
        raise fail(f"tracking labels: {' '.join(str(err).split())}", EXIT_UNUSABLE, label="codebook error") from None
