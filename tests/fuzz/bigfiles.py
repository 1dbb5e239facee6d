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


def _prose_block(seed: int, paragraph: int | None, size: int = 1 << 20) -> str:
    """About ``size`` characters of prose: paragraphs of ``paragraph`` sentences, or one line (None)."""
    made = sentences(seed)
    parts, length = [], 0
    while length < size:
        piece = " ".join(next(made) for _ in range(paragraph or 1)) + ("\n\n" if paragraph else " ")
        parts.append(piece)
        length += len(piece)
    return "".join(parts)


def _write_repeated(path: Path, block: str, size: int) -> Path:
    """``size`` characters (ASCII: bytes) of ``block`` over and over, written a block at a time."""
    written = 0
    with path.open("w", encoding="utf-8") as out:
        while written < size:
            piece = block[: size - written]
            out.write(piece)
            written += len(piece)
    return path


def write_text(path: Path, size: int, seed: int = 0, paragraph: int = 6) -> Path:
    """A plain-text file of ``size`` bytes of prose in paragraphs."""
    return _write_repeated(path, _prose_block(seed, paragraph, min(size, 1 << 20)), size)


def write_one_line(path: Path, size: int, seed: int = 0) -> Path:
    """A file of ``size`` bytes with no newline: sentences run on one line."""
    return _write_repeated(path, _prose_block(seed, None, min(size, 1 << 20)), size)


def write_pdf(path: Path, pages: int, lines_per_page: int = 30, seed: int = 0) -> Path:
    """A PDF of ``pages`` pages, each ``lines_per_page`` lines of prose (about 60 characters a line)."""
    made = sentences(seed)
    path.write_bytes(make_pdf([[next(made) for _ in range(lines_per_page)] for _ in range(pages)]))
    return path
