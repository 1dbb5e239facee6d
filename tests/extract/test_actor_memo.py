"""A subject phrase's actors are resolved once per document and parties (DocContext.actor_memo):
the answers are those of resolving afresh, each call gets a list of its own, and a news report's
parties, once changed, are resolved with again."""

from __future__ import annotations

from pledgebook.read.base import RawDocument

TEXT = ("Joint Statement of India and Japan\n\nTokyo, 3 March 2024\n\n"
        "Prime Minister Kishida and Prime Minister Modi met in Tokyo. Both leaders will expand cooperation. "
        "Japan will fund the metro line. The two sides will meet again next year.\n")


def _context(extractor):
    return extractor.context(RawDocument(source="<memo>", text=TEXT))


def test_memoised_actors_are_those_resolved_afresh(extractor):
    doc = _context(extractor)
    for phrase in ("Both leaders", "Japan", "The two sides", "Prime Minister Modi", "the weather", "We"):
        first = extractor._actors(phrase, doc)
        assert first == extractor._actors(phrase, doc) == sorted(set(extractor._resolve_actors(phrase, doc)))
    assert extractor._actors("", doc) == [] and extractor._actors(None, doc) == []


def test_each_call_gets_a_list_of_its_own(extractor):
    doc = _context(extractor)
    first = extractor._actors("Japan", doc)
    first.append("XXX")  # a caller that extends its list does not change the next caller's
    assert "XXX" not in extractor._actors("Japan", doc)


def test_other_parties_resolve_again(extractor):
    doc = _context(extractor)
    before = extractor._actors("Both leaders", doc)
    doc.restart(["USA", "FRA"])  # a news report's parties, once known
    after = extractor._actors("Both leaders", doc)
    assert after == sorted(set(extractor._resolve_actors("Both leaders", doc)))
    assert set(after) == {"USA", "FRA"} and set(before) != set(after)
