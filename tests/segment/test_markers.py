"""The one list-marker language: what opens a list item, what cuts a sentence, what is skipped."""

import pytest

from pledgebook.segment.markers import INLINE_ENUMERATOR, LEADING_MARKER, LINE_LIST_START


@pytest.mark.parametrize("line", ["- build", "• build", "▪ build", "1. build", "12) build", "(3) build",
                                  "a. build", "(c) build", "(iv) build", "  * build"])
def test_list_items_open_with_a_marker_and_a_space(line):
    assert LINE_LIST_START.match(line)
    assert LEADING_MARKER.match(line).end() == line.index("build")


@pytest.mark.parametrize("text", ["1.5 million tonnes", "2030 targets", "-based", "e.g. ports", "Build roads"])
def test_numbers_and_words_are_not_markers(text):
    assert not LINE_LIST_START.match(text)
    assert not LEADING_MARKER.match(text)


def test_only_bracketed_enumerators_cut_inside_a_sentence():
    text = "The sides agreed to (i) expand trade; (ii) build ports and a. nothing 1. else (2030) here"
    assert [m.group() for m in INLINE_ENUMERATOR.finditer(text)] == ["(i) ", "(ii) "]
    assert not INLINE_ENUMERATOR.search("function(a) call")  # a word before the bracket
