"""Large inputs made at test time (never committed): a text file of a given size written in
pieces, a PDF of many pages, and one enormous line."""

from __future__ import annotations

import random
from pathlib import Path

from read.pdfmaker import make_pdf  # tests/ is on the path (tests/read is a package)

_SUBJECTS = ["France", "The two sides", "Germany", "The ministers", "Kenya", "The leaders", "Brazil"]
_VERBS = ["will build", "agreed to expand", "decided to fund", "reaffirmed their support for", "will review"]
_OBJECTS = ["a new railway line", "trade in farm goods", "the port of Mombasa", "a joint training centre",
            "cooperation on health", "the solar power plant", "an annual dialogue on security"]


def sentences(seed: int = 0):
    """An endless run of short prose sentences, the same for the same seed."""
    rng = random.Random(seed)
    while True:
        yield f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} by {rng.randint(2025, 2040)}."


def write_text(path: Path, size: int, seed: int = 0, paragraph: int = 6) -> Path:
    """A plain-text file of ``size`` bytes of prose in paragraphs, written a paragraph at a time."""
    made = sentences(seed)
    written = 0
    with path.open("w", encoding="utf-8") as out:
        while written < size:
            block = " ".join(next(made) for _ in range(paragraph)) + "\n\n"
            block = block[: size - written]
            out.write(block)
            written += len(block)
    return path


def write_one_line(path: Path, size: int, seed: int = 0) -> Path:
    """A file of ``size`` bytes with no newline: sentences run on one line."""
    made = sentences(seed)
    written = 0
    with path.open("w", encoding="utf-8") as out:
        while written < size:
            piece = (next(made) + " ")[: size - written]
            out.write(piece)
            written += len(piece)
    return path


def write_pdf(path: Path, pages: int, lines_per_page: int = 30, seed: int = 0) -> Path:
    """A PDF of ``pages`` pages, each ``lines_per_page`` lines of prose (about 60 characters a line)."""
    made = sentences(seed)
    path.write_bytes(make_pdf([[next(made) for _ in range(lines_per_page)] for _ in range(pages)]))
    return path
