"""leaders.yaml: a dated gazetteer whose names the people map (extract/people.py) can resolve
without guessing: no name stands for two countries at once, a bare one-word name is one
person's at a time, and the names resolve inside their terms only."""

from collections import defaultdict
from itertools import combinations

import pytest

from pledgebook.codebook import Codebook
from pledgebook.extract.actors import ActorResolver
from pledgebook.extract.people import PeopleMap


@pytest.fixture(scope="module")
def book():
    return Codebook.load().leaders


@pytest.fixture(scope="module")
def lookup():
    return ActorResolver().lookup_country


def _overlap(a, b) -> bool:
    """Two inclusive terms share more than a handover day."""
    return a.start < b.end and b.start < a.end


def _holders(book) -> dict[str, list]:
    held = defaultdict(list)
    for leader in book.leaders:
        for name in leader.names:
            held[name].append(leader)
    return held


def test_terms_are_well_formed(book):
    for leader in book.leaders:
        assert leader.start < leader.end <= "2030-12-31", leader
        assert len(set(leader.names)) == len(leader.names), leader


def test_no_name_stands_for_two_codes_in_overlapping_terms(book):
    """The people map keeps one code per name: two codes in one term cannot be told apart."""
    clashes = [(name, a.code, a.start, b.code, b.start)
               for name, entries in _holders(book).items()
               for a, b in combinations(entries, 2) if a.code != b.code and _overlap(a, b)]
    assert clashes == []


def test_a_bare_name_is_one_persons_in_its_term(book):
    """A one-word name ("Ruto", "Lula") is one person's at a time, even within one country
    (no bare "Rajapaksa" while Gotabaya and Mahinda both held office)."""
    clashes = [(name, a.names[0], b.names[0])
               for name, entries in _holders(book).items() if " " not in name
               for a, b in combinations(entries, 2) if a.names[0] != b.names[0] and _overlap(a, b)]
    assert clashes == []


def test_no_bare_common_words(book):
    """A capitalised common word or a very common surname would name a leader wherever it
    starts a sentence or belongs to someone else."""
    refused = {"May", "Key", "Brown", "Rice", "Hague", "Store", "Lagos", "Martin", "Khan", "Lee", "Kim", "Park",
               "Wong", "Costa", "Sharif", "Ali", "Ahmed", "Garcia", "García", "Santos", "Fox", "Jonathan", "Sharon",
               "Salman", "Abdullah", "Najib", "Anwar", "Kenyatta", "Champagne", "Borne", "Moussa", "Marin"}
    bare = {name for leader in book.leaders for name in leader.names if " " not in name}
    assert bare & refused == set()


def _people(text: str, date: str | None, lookup, book) -> PeopleMap:
    return PeopleMap(text, date, lookup, book=book)


@pytest.mark.parametrize(
    "phrase, date, expected",
    [
        ("President Ruto", "2024-05-23", ["KEN"]),
        ("President Ruto", "2010-03-01", []),  # not yet in office: nobody
        ("Prime Minister Rutte and the minister", "2015-06-01", ["NLD"]),
        ("Secretary General Rutte", "2025-02-01", ["NATO"]),  # the same man, later another actor
        ("President Tusk", "2016-03-01", ["EU"]),
        ("Prime Minister Tusk", "2024-03-01", ["POL"]),
        ("President Lula", "2009-06-01", ["BRA"]),
        ("President Lula", "2014-06-01", []),  # between his terms
        ("Foreign Minister Lammy and Foreign Minister Mondino", "2024-09-25", ["GBR", "ARG"]),
        ("Prime Minister Frederiksen", "2023-06-26", ["DNK"]),
        ("Emir Tamim bin Hamad", "2022-11-20", ["QAT"]),
        ("President Kirchner", "2005-01-10", ["ARG"]),
        ("Prime Minister Oli", "2019-05-13", ["NPL"]),
        ("Key officials", "2010-05-01", []),  # John Key is never a bare "Key"
        ("the Lagos port authority", "2004-05-01", []),  # Ricardo Lagos only by his full name
    ],
)
def test_names_resolve_in_their_terms(phrase, date, expected, lookup, book):
    assert sorted(_people("", date, lookup, book).resolve(phrase)) == sorted(expected)


def test_a_name_with_two_codes_names_nobody_in_an_undated_text(lookup, book):
    people = _people("", None, lookup, book)
    assert people.resolve("Mr. Tusk") == []  # POL and EU: no date to choose by
    assert people.resolve("President Ramaphosa") == ["ZAF"]


def test_the_documents_own_introduction_still_names_the_unlisted(lookup, book):
    people = _people("Prime Minister Roe of New Zealand met President Ruto.", "2024-05-23", lookup, book)
    assert sorted(people.resolve("Roe and Ruto")) == ["KEN", "NZL"]


def _record(extractor, body, date):
    from pledgebook.read import read_text

    return extractor.extract(read_text(f"---\ntitle: \"Talks\"\ndate: '{date}'\n---\n\n{body}",
                                       source="doc.md", format="markdown"))


def test_a_news_subject_named_by_surname_only(extractor):
    rec = _record(extractor, "NAIROBI — President Ruto said the government would complete the new railway "
                             "line to the border by 2027.", "2024-09-03")
    found = [s for s in rec.statements if "complete the new railway" in s.text]
    assert found and found[0].actors == ["KEN"]


def test_two_leaders_named_by_surname(extractor):
    rec = _record(extractor, "THE HAGUE — Prime Minister Rutte and President Ruto agreed to expand flower "
                             "exports and pledged to open a new trade office in Nairobi next year.", "2023-05-10")
    found = [s for s in rec.statements if "expand flower exports" in s.text]
    assert found and found[0].actors == ["KEN", "NLD"]


def test_a_listed_full_name_after_a_title_counts_as_introduced(lookup, book):
    """"President Joe Biden" registers the title for USA although "Joe" alone names nobody:
    "The President" then has two holders and falls back to the issuer, not to the guest."""
    text = "President Joe Biden called President Ruto of Kenya. The President affirmed the partnership."
    people = PeopleMap(text, "2023-03-01", lookup, issuer="USA", book=book)
    assert people.resolve("The President") == ["USA"]
    assert people.resolve("Prime Minister Goh Chok Tong") == []  # not in office in 2023


def test_an_unlisted_two_word_name_introduced_with_its_country(lookup, book):
    """"<Title> <Name> of <Country>": the whole capitalised name run is the name, and its last
    word and the title with it name the person later (invented names)."""
    text = "Prime Minister Jane Roe of New Zealand opened the talks. Later, Roe thanked her hosts."
    people = _people(text, "2024-05-23", lookup, book)
    for phrase in ("Roe", "Prime Minister Roe", "Jane Roe", "Prime Minister Jane Roe"):
        assert people.resolve(phrase) == ["NZL"], phrase
    people = _people("Foreign Minister Amara Okafor-Bello, of Nigeria, and Minister Jo Q. Tane of Samoa spoke.",
                     "2024-05-23", lookup, book)
    assert people.resolve("Okafor-Bello") == ["NGA"] and people.resolve("Tane") == ["WSM"]


def test_the_name_run_stops_at_the_end_of_a_sentence(lookup, book):
    text = "The session was chaired by President Jane Roe. The Foreign Minister of Kenya spoke next."
    people = _people(text, "2024-05-23", lookup, book)
    assert people.resolve("The delegates") == [] and people.resolve("Roe") == []


def test_a_list_of_signatories_gives_each_name_its_own_country(lookup, book):
    """A list flattened to one line: the word before a title may be the last of the line before
    ("... of the Republic of Fiji President ..."): the name's own "of" phrase decides."""
    text = ("Prime Minister Tama Lea of the Republic of Fiji\nPresident Ana Kiri of the Federated States of "
            "Micronesia\nPrime Minister Sione Fale of the Kingdom of Tonga\n")
    people = _people(text, "2022-09-29", lookup, book)
    assert [people.resolve(n) for n in ("Lea", "Kiri", "Fale")] == [["FJI"], ["FSM"], ["TON"]]


def test_an_organisation_after_of_names_no_country(lookup, book):
    text = "A statement from the Secretary General of the Organization of American States followed."
    people = _people(text, "2022-08-08", lookup, book)
    assert people.resolve("General") == [] and people.resolve("the Secretary General") == []


def test_an_unlisted_leader_introduced_acts_later_by_surname(extractor):
    rec = _record(extractor, "WELLINGTON — Prime Minister Jane Roe of New Zealand met President Ruto of Kenya "
                             "on Monday. Roe said her government would open a trade office in Nairobi next year.",
                  "2024-09-03")
    found = [s for s in rec.statements if "trade office" in s.text]
    assert found and found[0].actors == ["NZL"]


def test_listed_names_take_the_longest_whole_name_at_a_position():
    """The longest listed name starting there, ending at a word's end (invented names)."""
    from pledgebook.extract.people import _Listed

    listed = _Listed(["Jo Roe", "Jo Roe Tane", "Tane"])
    assert listed.match("President Jo Roe Tane said", 10) == "Jo Roe Tane"
    assert listed.match("President Jo Roe said", 10) == "Jo Roe"
    assert listed.match("President Jo Roe.", 10) == "Jo Roe"
    assert listed.match("President Jo Roe", 10) == "Jo Roe"  # at the text's end
    assert listed.match("President Jo Roeland said", 10) is None  # not a whole word
    assert listed.match("President Jo Roe_x", 10) is None
    assert listed.match("President Tanesha", 10) is None
    assert listed.match("President Ann Lee", 10) is None


def test_a_name_is_found_as_a_whole_word_only():
    from pledgebook.extract.people import _word_at

    assert _word_at("Roe", "Prime Minister Roe, of New Zealand")
    assert _word_at("Jane Roe", "Jane Roe")
    assert not _word_at("Roe", "Prime Minister Roeland")
    assert not _word_at("Roe", "Prime Minister Monroe")
    assert not _word_at("Roe", "the minister")
