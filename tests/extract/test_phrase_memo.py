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


def _tokens_by_match(text: str, start: int = 0, end: int | None = None) -> list[tuple]:
    """The reference: one match object a word."""
    end = len(text) if end is None else end
    return [(m[0].lower(), m[0], m.start(), m.end()) for m in phrases._WORD.finditer(text, start, end)]


def test_tokenize_gives_each_words_own_offsets_as_a_match_would():
    texts = ["The United States and the U.S. railways, on Main\nLine 1.", "aa a aa aaa a", "x_y 12ab __ 3.5%",
             "İstanbul ǅemal ΣΑΣ Straße 北京 naïve façade", "", "   ", "co-chairs’ re-emphasize (CPEC) ML-1 ML1"]
    for text in texts:
        for start, end in [(0, None), (0, len(text) // 2), (min(2, len(text)), None), (min(3, len(text)), None), (1, 1)]:
            got = phrases.tokenize(text, start, end)
            assert [tuple(t) for t in got] == _tokens_by_match(text, start, end), (text, start, end)
            assert all(type(t) is phrases._Token and t.surface == text[t.start : t.end] for t in got)
