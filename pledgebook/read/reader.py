"""read_document / read_text: one file or string -> RawDocument, or a one-line ReadError."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from pledgebook.read.base import OverLimit, RawDocument, ReadError, TextFormat
from pledgebook.read.decode import decode_bytes
from pledgebook.read.html import declared_charset, extract_html
from pledgebook.read.limits import DEFAULT_LIMITS, ReadLimits, size, too_long
from pledgebook.read.markdown import parse_front_matter
from pledgebook.read.paths import FORMATS_BY_EXTENSION
from pledgebook.read.pdf import extract_pdf

MAX_FILE_BYTES = DEFAULT_LIMITS.max_file_bytes  # larger inputs are refused before being read
_MAX_BYTES_PER_CHAR = 4  # UTF-32; a text file over this many bytes a character of the limit is over it
_PDF_MAGIC = b"%PDF"
_HTML_SUFFIXES = tuple(ext for ext, fmt in FORMATS_BY_EXTENSION.items() if fmt == "html")
_SUPPORTED = " ".join(FORMATS_BY_EXTENSION)


def read_document(path: str | os.PathLike[str], source: str | None = None,
                  limits: ReadLimits = DEFAULT_LIMITS) -> RawDocument:
    """Read one file. ``source`` (default: the path as given) names it in the result and errors;
    a file over ``limits`` is refused with a ReadError that says which limit and how to raise it."""
    source = source if source is not None else os.fspath(path)
    data = _read_bytes(Path(path), source, limits)
    fmt = _detect_format(Path(path), data, source)
    if fmt == "pdf":
        pdf = extract_pdf(data, source, limits)
        return RawDocument(source, pdf.text, "pdf", 0, pdf.title, pdf.date, None, pdf.meta)
    text, encoding = decode_bytes(data, source, declared_charset(data) if fmt == "html" else None)
    del data  # the bytes are not needed once decoded: a large file is not held twice
    doc = _from_text(text, source, fmt, limits)
    doc.encoding = encoding
    return doc


def read_text(text: str, source: str = "<string>", format: str = "text",  # noqa: A002 - public name
              limits: ReadLimits = DEFAULT_LIMITS) -> RawDocument:
    """Read in-memory text as ``format`` ('text', 'markdown' or 'html')."""
    if format not in ("text", "markdown", "html"):
        raise ValueError(f"read_text reads text, markdown or html, not {format!r}")
    return _from_text(text, source, format, limits)  # type: ignore[arg-type]


def _from_text(text: str, source: str, fmt: TextFormat, limits: ReadLimits) -> RawDocument:
    if fmt != "html" and len(text) > limits.max_chars:
        raise OverLimit(source, too_long(limits, f"{len(text):,} characters"))
    if fmt == "html":
        if not text.strip():
            raise ReadError(source, "no text")
        html = extract_html(text, source)
        if len(html.text) > limits.max_chars:
            raise OverLimit(source, too_long(limits, f"{len(html.text):,} characters of main text"))
        return RawDocument(source, html.text, "html", 0, html.title, html.date, meta=html.meta)
    if fmt == "markdown":
        front = parse_front_matter(text)
        _require_text(text[front.body_start :], source)
        return RawDocument(source, text, "markdown", front.body_start, front.title, front.date, meta=front.meta)
    _require_text(text, source)
    return RawDocument(source, text, "text", 0)


def _require_text(text: str, source: str) -> None:
    if not any(ch.isalnum() for ch in text):
        raise ReadError(source, "no text" if not text.strip() else "no text (no letters or digits)")


def _read_bytes(path: Path, source: str, limits: ReadLimits) -> bytes:
    """The file's bytes; refused unread when larger than ``limits.max_file_bytes``, or when a
    text file (not a PDF, not HTML, whose markup does not count) is too large to hold fewer
    characters than ``limits.max_chars`` in any encoding."""
    max_bytes = limits.max_file_bytes
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ReadError(source, "is a directory, not a file")
        if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
            raise ReadError(source, "not a regular file")
        if info.st_size > max_bytes:
            raise OverLimit(source, f"file is {size(info.st_size)}, larger than the {size(max_bytes)} limit")
        with path.open("rb") as handle:
            head = handle.read(len(_PDF_MAGIC))
            plain_text = not head.startswith(_PDF_MAGIC) and path.suffix.lower() not in _HTML_SUFFIXES
            if plain_text and info.st_size > _MAX_BYTES_PER_CHAR * limits.max_chars:
                raise OverLimit(source, too_long(limits, f"a {size(info.st_size)} file"))
            # (read() of a size allocates that size first: ask for what the file holds, not the limit)
            data = head + handle.read(min(info.st_size, max_bytes) + 1 - len(head))
    except OSError as err:
        raise ReadError(source, (err.strerror or str(err)).lower()) from None
    if len(data) > max_bytes:  # grew while being read
        raise OverLimit(source, f"file is larger than the {size(max_bytes)} limit")
    if not data:
        raise ReadError(source, "empty file")
    return data


def _detect_format(path: Path, data: bytes, source: str) -> TextFormat:
    if data.startswith(_PDF_MAGIC):
        return "pdf"
    suffix = path.suffix.lower()
    if suffix in FORMATS_BY_EXTENSION:
        fmt = FORMATS_BY_EXTENSION[suffix]
        if fmt == "pdf":
            raise ReadError(source, "malformed PDF (no %PDF header)")
        return fmt
    if suffix:
        raise ReadError(source, f"unsupported format {suffix} (supported: {_SUPPORTED})")
    return "text"  # no extension: read as text if its bytes decode as text

