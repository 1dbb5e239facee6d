"""Warnings about a document that is read but may not give what the user expects: front
matter that could not be parsed (the document is read as plain text, its metadata ignored),
and text that does not look like English (pledgebook extracts English only).

The language check does not guess which language a text is in: it measures the share of
English function words (spaCy's English stop words), which is 35-55% in English prose and
a few percent in French, Spanish or German."""

from __future__ import annotations

import re

from pledgebook.read.base import RawDocument

ENGLISH_BELOW = 0.15  # a share of English function words under this is not English prose
MIN_WORDS = 30  # too few words to judge
SAMPLE_WORDS = 3000  # enough to judge; a long document is not read twice whole
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_YAML_WHERE = re.compile(r' in "<unicode string>", line (\d+), column (\d+)')


def document_warnings(doc: RawDocument) -> list[str]:
    """What a user should know about ``doc`` before trusting its extraction (may be empty)."""
    warnings = []
    error = doc.meta.get("front_matter_error")
    if error:
        warnings.append(f"malformed YAML front matter ({_file_lines(str(error))}); the document is read as "
                        "plain text and its title and date are not taken from it")
    share = english_share(doc.text[doc.body_start:])
    if share is not None and share < ENGLISH_BELOW:
        warnings.append(f"the text does not look like English ({share:.0%} common English words, English prose "
                        "has over 30%); pledgebook extracts English only, so few or no statements are expected")
    return warnings


def english_share(text: str) -> float | None:
    """The share of English function words among the first ``SAMPLE_WORDS`` words of
    ``text`` (None under ``MIN_WORDS`` words)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = [w.lower() for w in _WORD.findall(text[: SAMPLE_WORDS * 12])][:SAMPLE_WORDS]
    if len(words) < MIN_WORDS:
        return None
    return sum(w in STOP_WORDS for w in words) / len(words)


def _file_lines(message: str) -> str:
    """A YAML error's position counted in the file (the front matter starts on line 2)."""
    return _YAML_WHERE.sub(lambda m: f" at line {int(m.group(1)) + 1}, column {m.group(2)} of the file", message)
