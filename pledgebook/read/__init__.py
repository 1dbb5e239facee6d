"""Readers: turn a file (text, Markdown with front matter, HTML, PDF) into a RawDocument.

The ``text`` of a RawDocument is the text *as read*: every offset pledgebook reports
indexes into it. Readers never normalise it; later stages build normalised views with
an offset map back to it. Every bad input raises ReadError with a one-line message.
"""

from pledgebook.read.base import OverLimit, RawDocument, ReadError
from pledgebook.read.limits import DEFAULT_LIMITS, MAX_CHARS_OPTION, ReadLimits
from pledgebook.read.paths import FORMATS_BY_EXTENSION, iter_input_paths
from pledgebook.read.reader import MAX_FILE_BYTES, read_document, read_text

__all__ = [
    "DEFAULT_LIMITS",
    "MAX_CHARS_OPTION",
    "FORMATS_BY_EXTENSION",
    "MAX_FILE_BYTES",
    "OverLimit",
    "RawDocument",
    "ReadError",
    "ReadLimits",
    "iter_input_paths",
    "read_document",
    "read_text",
]
