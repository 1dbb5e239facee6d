"""Which files to read: explicit files as given, directories walked in sorted order."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from pledgebook.read.base import ReadError, TextFormat

FORMATS_BY_EXTENSION: dict[str, TextFormat] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
}


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in FORMATS_BY_EXTENSION


def _hidden(name: str) -> bool:
    return name.startswith(".")  # also macOS '._*' AppleDouble files


def iter_input_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Yield the files to read, each once, in a deterministic order.

    A file given explicitly is yielded whatever its extension (read_document then
    says clearly why it cannot be read); directories are walked recursively, sorted,
    yielding supported files and skipping hidden files and directories. A path that
    does not exist raises ReadError before anything is yielded.
    """
    given = [Path(p) for p in paths]
    for path in given:
        if not path.exists():
            raise ReadError(str(path), "no such file or directory")
        if not (path.is_file() or path.is_dir()):
            raise ReadError(str(path), "not a regular file or directory")
    seen: set[Path] = set()
    for path in given:
        found = _walk(path) if path.is_dir() else iter([path])
        for file in found:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                yield file


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not _hidden(d))  # pruned and ordered in place
        here = Path(dirpath)
        for name in sorted(filenames):
            path = here / name
            if not _hidden(name) and is_supported(path) and path.is_file():
                yield path
