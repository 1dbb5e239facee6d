"""Parties of a multilateral declaration named one by one (opening or signatures), and summit
formats with no voice of their own (C5+1, China–Central Asia) as codebook groups whose "we" are
their members (issue 11, class 6). Invented documents."""

from pledgebook.codebook import Codebook
from pledgebook.extract.actors import ActorResolver
from pledgebook.extract.metadata import heads_named

TITLES = Codebook.load().leaders.titles
RESOLVER = ActorResolver(Codebook.load().actors)

SIX_HEADS = ("At the invitation of President Xi Jinping of the People's Republic of China, President of the "
             "Republic of Kazakhstan Kassym-Jomart Tokayev, President of the Kyrgyz Republic Sadyr Japarov, "
             "President of the Republic of Tajikistan Emomali Rahmon, President of Turkmenistan Serdar "
             "Berdimuhamedov and President of the Republic of Uzbekistan Shavkat Mirziyoyev attended the summit.")
SIGNATURES = ("\n\nPresident of the Republic of Kazakhstan\nK. Tokayev\n\nPresident of the Republic of Uzbekistan\n"
              "Sh. Mirziyoyev\n\nPresident of Turkmenistan\nS. Berdimuhamedov\n")


def _front(title: str, body: str) -> str:
    return f'---\ntitle: "{title}"\n---\n{body}'


def test_heads_named_one_by_one_in_the_opening_are_the_parties():
    assert heads_named(SIX_HEADS + "\n\nThe parties will expand trade.", RESOLVER, TITLES) == \
        ["CHN", "KAZ", "KGZ", "TJK", "TKM", "UZB"]


def test_two_heads_in_an_opening_are_not_enough():
    body = "President Ruto of Kenya welcomed Prime Minister Store of Norway to Nairobi. They will expand trade."
    assert heads_named(body, RESOLVER, TITLES) == []


def test_countries_named_without_a_title_are_not_heads():
    body = "Trade between Kazakhstan, Uzbekistan, Turkmenistan and Tajikistan grew. The parties will expand it."
    assert heads_named(body, RESOLVER, TITLES) == []


def test_signature_lines_at_the_end_name_the_parties():
    body = "The parties will build three monitoring stations by 2027." + SIGNATURES
    assert heads_named(body, RESOLVER, TITLES) == ["KAZ", "TKM", "UZB"]


def test_a_declaration_signed_by_three_heads_is_theirs_not_the_hosts(extractor):
    text = _front("Kazakhstan Water Summit: Joint Declaration",
                  "The parties will build three new monitoring stations on the Amu Darya by 2027." + SIGNATURES)
    record = extractor.extract_text(text)
    assert record.document.parties == ["KAZ", "TKM", "UZB"]
    assert [s.actors for s in record.statements if s.kind == "commitment"] == [["KAZ", "TKM", "UZB"]]


def test_a_summit_format_without_a_voice_speaks_as_its_members(extractor):
    record = extractor.extract_text(_front("C5+1 Foreign Ministers' Joint Statement",
                                           "We met today in Astana. We will expand cooperation on water security. "
                                           "We agree to open a regional energy market. The C5+1 will meet again in 2026."))
    members = ["KAZ", "KGZ", "TJK", "TKM", "USA", "UZB"]
    assert record.document.parties == members
    commitments = [s for s in record.statements if s.kind == "commitment"]
    assert len(commitments) == 3 and all(s.actors == members for s in commitments)


def test_a_group_with_a_voice_keeps_its_code(extractor):
    record = extractor.extract_text(_front("Joint Declaration of the BRICS Leaders",
                                           "We, the leaders of BRICS, met in Kazan. We will expand trade in local "
                                           "currencies. We agree to set up a grain exchange. We will meet in 2026."))
    assert record.document.parties == ["BRICS"]
    assert all(s.actors == ["BRICS"] for s in record.statements if s.kind == "commitment")


def test_the_china_central_asia_format_names_its_six_members():
    book = Codebook.load().actors
    code = book.lookup("China–Central Asia")
    assert book.as_parties(code) == ["CHN", "KAZ", "KGZ", "TJK", "TKM", "UZB"]
    assert book.as_parties(book.lookup("ASEAN")) == ["ASEAN"]


def test_heads_named_in_a_we_opening_exclude_the_country_the_title_is_about(extractor):
    text = _front("Joint Statement on Kenya",
                  "We — President Macron of France, Chancellor Scholz of Germany, Prime Minister Meloni of Italy, "
                  "Prime Minister Sunak of the United Kingdom, and President Biden of the United States — express our "
                  "support to Kenya. Our countries will support Kenya in its efforts to rebuild.")
    assert extractor.extract_text(text).document.parties == ["DEU", "FRA", "GBR", "ITA", "USA"]
