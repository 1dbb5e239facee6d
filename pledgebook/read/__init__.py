"""Readers: turn a file (text, Markdown with front matter, HTML, PDF) into a RawDocument.

The ``text`` of a RawDocument is the text *as read*: every offset pledgebook reports
indexes into it. Readers never normalise it; later stages build normalised views with
an offset map back to it.
"""

from pledgebook.read.base import RawDocument, ReadError

__all__ = ["RawDocument", "ReadError"]
