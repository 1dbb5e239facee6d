"""PhraseMatcher remembers its scans of short texts and the last long text's words: a scan
must give the same matches whether or not it was remembered."""

from __future__ import annotations

from pledgebook.extract import phrases
from pledgebook.extract.phrases import MEMO_CHARS, PhraseMatcher

PHRASES = [("United States", "USA"), ("U.S.", "USA"), ("Main Line-1", "ML1"), ("railway*", "RAIL")]


def _plain(matcher: PhraseMatcher, text: str, start: int = 0, end: int | None = None):
    return matcher.find_tokens(text, phrases.tokenize(text, start, end))


def test_a_remembered_scan_is_the_scan():
    matcher = PhraseMatcher(PHRASES, capitalised=True, prefix_star=True)
    text = "The United States and the U.S. railways, on Main\nLine 1."
    first = matcher.find(text)
    assert [m.values for m in first] == [("USA",), ("USA",), ("RAIL",), ("ML1",)]
    again = matcher.find(text)
    assert again == first == _plain(matcher, text) and again is not first  # a fresh list each time
    again.clear()
    assert matcher.find(text) == first  # a caller's change to its list is not remembered


def test_long_texts_and_ranges_are_scanned_as_given():
    matcher = PhraseMatcher(PHRASES, capitalised=True, prefix_star=True)
    other = PhraseMatcher([("Main Line-1", "ML1")])
    long = ("The United States will build the Main Line-1 railway. " * 60)
    assert len(long) > MEMO_CHARS
    assert matcher.find(long) == _plain(matcher, long)
    assert other.find(long) == _plain(other, long)  # the shared words of the last long text
    assert matcher.find(long, 10, 400) == _plain(matcher, long, 10, 400)
    assert matcher.find(long, 0, 30) == _plain(matcher, long, 0, 30)
    assert [m.values for m in matcher.find(long, 0, 30)] == [("USA",)]
