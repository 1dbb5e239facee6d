"""Stable statement keys: how a new run's statements are aligned with stored ones."""

from __future__ import annotations

from dataclasses import dataclass

from pledgebook.store.identity import Keyed, align, carry_keys, normalise

TEXT = (
    "Both sides agreed to build a bridge. "  # 0-36
    "They will meet again in 2025. "  # 37-66
    "Both sides agreed to build a bridge. "  # 67-103: the same sentence again
    "The leaders discussed the weather at length."  # 104-148
)


@dataclass(frozen=True)
class New:
    start: int
    end: int
    text: str


def span(quote: str, nth: int = 0, *, trim: tuple[int, int] = (0, 0)) -> tuple[int, int, str]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(quote, start + 1)
    s, e = start + trim[0], start + len(quote) + trim[1]
    return s, e, TEXT[s:e]


def keyed(key: str, quote: str, nth: int = 0) -> Keyed:
    return Keyed(key, *span(quote, nth))


def new(quote: str, nth: int = 0, *, trim: tuple[int, int] = (0, 0)) -> New:
    return New(*span(quote, nth, trim=trim))


BRIDGE = "Both sides agreed to build a bridge"
MEET = "They will meet again in 2025"
WEATHER = "The leaders discussed the weather at length"


def test_normalise_ignores_case_spacing_and_edge_punctuation() -> None:
    assert normalise('  "Both  sides\nagreed."') == normalise("both sides agreed") == "both sides agreed"


def test_a_span_moved_by_a_character_keeps_its_key() -> None:
    old = [keyed("k-bridge", BRIDGE), keyed("k-meet", MEET)]
    # re-extraction: the bridge now takes its full stop, the meeting starts one character early
    moved = [new(BRIDGE, trim=(0, 1)), new(MEET, trim=(-1, 0))]
    assert moved[0].text.endswith(".") and moved[1].text.startswith(" ")
    assert align(old, moved) == ["k-bridge", "k-meet"]


def test_repeated_sentences_pair_with_the_nearest_occurrence() -> None:
    old = [keyed("first", BRIDGE, 0), keyed("second", BRIDGE, 1)]
    assert align(old, [new(BRIDGE, 1), new(BRIDGE, 0)]) == ["second", "first"]
    # only the second occurrence is extracted now: it keeps the second's key
    assert align(old, [new(BRIDGE, 1)]) == ["second"]


def test_a_recut_statement_keeps_its_key_but_a_different_one_does_not() -> None:
    old = [keyed("k-weather", WEATHER), keyed("k-meet", MEET)]
    recut = new(WEATHER, trim=(0, -len(" at length")))  # "The leaders discussed the weather"
    unrelated = new("They will meet")  # overlaps the old span, but most of it is gone
    assert align(old, [recut, unrelated]) == ["k-weather", None]


def test_spans_that_do_not_overlap_are_not_recut_matches() -> None:
    old = [keyed("k-first", BRIDGE, 0)]
    # same words elsewhere are the same text, so they match in the first stage; a similar
    # but different text elsewhere does not
    other = New(104, 104 + len("Both sides agreed to build a bridg"), "Both sides agreed to build a bridg")
    assert align(old, [other]) == [None]


def test_older_runs_give_back_the_key_of_a_statement_one_run_missed() -> None:
    previous = [keyed("k-bridge", BRIDGE)]
    older = [keyed("k-meet", MEET), keyed("k-weather", WEATHER)]
    statements = [new(BRIDGE), new(MEET), new("discussed the weather")]
    assert carry_keys(statements, previous, older) == ["k-bridge", "k-meet", None]
