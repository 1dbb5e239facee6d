"""Subject phrases resolved to actor codes, and countries found in running text."""

import pytest

from pledgebook.extract.actors import ActorResolver

PARTIES = ["PAK", "CHN"]


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("Chinese officials", ["CHN"]),
        ("Pakistan", ["PAK"]),
        ("Pakistan’s Prime Minister", ["PAK"]),
        ("The Chinese side", ["CHN"]),
        ("Beijing", ["CHN"]),
        ("China and Pakistan", ["CHN", "PAK"]),
        ("the United States and India", ["USA", "IND"]),
        ("South Korea and Japan", ["KOR", "JPN"]),
        ("U.S. and ROK officials", ["USA", "KOR"]),
        ("US", ["USA"]),
        ("Türkiye", ["TUR"]),
        ("Sino-Pakistani ties", ["CHN", "PAK"]),
        ("G7 leaders", ["G7"]),
        ("the Quad", ["QUAD"]),
        ("the European Union", ["EU"]),
        ("Both sides", ["CHN", "PAK"]),
        ("the two countries", ["CHN", "PAK"]),
        ("Both nations", ["CHN", "PAK"]),
        ("The two Prime Ministers", ["CHN", "PAK"]),
        ("the Parties", ["CHN", "PAK"]),
        ("They", ["CHN", "PAK"]),
        ("the leaders of the two countries", ["CHN", "PAK"]),
        ("Prime Minister Anwaar ul Haq Kakar", []),
        ("the Prime Minister", []),
        ("It", []),
        ("New Mexico officials", []),
        ("the UN Security Council", []),
    ],
)
def test_resolve(resolver, phrase, expected):
    assert resolver.resolve(phrase, PARTIES) == expected


def test_first_person_plural_is_the_speaking_group_or_the_parties(resolver):
    assert resolver.resolve("We", ["G7"], group="G7") == ["G7"]
    assert resolver.resolve("our", ["AUS", "IND", "JPN", "USA"], group="QUAD") == ["QUAD"]
    assert resolver.resolve("we", ["USA", "IND"]) == ["IND", "USA"]
    assert resolver.resolve("us", ["USA", "IND"]) == ["IND", "USA"]


def test_lookup_country_only_names_countries(resolver):
    assert resolver.lookup_country("Pakistani") == "PAK"
    assert resolver.lookup_country("the United Kingdom") == "GBR"
    assert resolver.lookup_country("G20") is None
    assert resolver.lookup_country("Atlantis") is None


def test_find_countries_across_line_wraps_with_exact_spans(resolver):
    text = "Talks between India and\nthe United\nStates, Pakistani and Chinese firms, and the U.S. side."
    found = resolver.find_countries(text)
    assert [(code, text[s:e]) for code, s, e in found] == [
        ("IND", "India"), ("USA", "United\nStates"), ("PAK", "Pakistani"), ("CHN", "Chinese"), ("USA", "U.S."),
    ]


def test_find_countries_ignores_places_named_after_countries(resolver):
    text = ("Shipping in the South China Sea and the Indian Ocean, a trip to New Mexico, the Paris Agreement, "
            "Latin American markets, a roast turkey, and the Korean Peninsula.")
    assert resolver.find_countries(text) == []


def test_capitals_count_only_when_asked(resolver):
    text = "Officials in Beijing and Islamabad"
    assert resolver.find_countries(text) == []
    assert [c for c, _, _ in resolver.find_countries(text, capitals=True)] == ["CHN", "PAK"]


def test_find_groups(resolver):
    text = "Joint Statement from Quad Leaders. We, the leaders of the Quad, and the G7 under the UN Charter"
    assert [code for code, _, _ in resolver.find_groups(text)] == ["QUAD", "QUAD", "G7"]


def test_seed_document_parties(resolver, seed_text):
    counts = {}
    for code, _, _ in resolver.find_countries(seed_text):
        counts[code] = counts.get(code, 0) + 1
    top = sorted(counts, key=counts.get, reverse=True)[:2]
    assert sorted(top) == ["CHN", "PAK"] and min(counts["CHN"], counts["PAK"]) > 20


def test_a_state_title_names_the_one_party_styled_with_it():
    from pledgebook.extract.actors import ActorResolver

    resolver = ActorResolver()
    assert resolver.resolve("the Kingdom’s", ["SAU", "USA"]) == ["SAU"]
    assert resolver.resolve("the Kingdom", ["USA", "JPN"]) == []
