"""Regional communities the guide codes by their members (§10 session 14: the EAC, the Pacific
Alliance): codebook groups that speak as their members, with members admitted later dated
(`joined`), and a news headline on a grouping's leaders ("EAC leaders take ...") naming the
grouping as the report's parties. Invented documents."""

from pathlib import Path

import pytest

from pledgebook.codebook import Codebook
from pledgebook.extract.actors import ActorResolver

BOOK = Codebook.load().actors
RESOLVER = ActorResolver(BOOK)
EAC_2014 = ["BDI", "KEN", "RWA", "TZA", "UGA"]

PAGE = """---
title: "{title}"
date: "{date}"
publisher: "Example Wire"
---
{title}

ARUSHA, Tanzania -- The heads of state met here on Wednesday at the end of their extraordinary summit. The leaders directed the Council of Ministers to draft a roadmap for the customs union. They also agreed to hold the next summit in Kampala.
"""


def _parties(extractor, tmp_path: Path, title: str, date: str) -> list[str]:
    from pledgebook.read import read_document

    path = tmp_path / f"{date}_news.md"
    path.write_text(PAGE.format(title=title, date=date), encoding="utf-8")
    return extractor.extract(read_document(path)).document.parties


@pytest.mark.parametrize("date, members", [
    ("2014-04-30", EAC_2014),
    ("2016-03-02", sorted([*EAC_2014, "SSD"])),  # the day the summit admitted South Sudan
    ("2022-06-01", sorted([*EAC_2014, "COD", "SSD"])),
    ("2024-05-01", sorted([*EAC_2014, "COD", "SOM", "SSD"])),
    ("2022", sorted([*EAC_2014, "COD", "SSD"])),  # a year alone (a UN speech): who joined that year counts
    ("2015", EAC_2014),
    (None, sorted([*EAC_2014, "COD", "SOM", "SSD"])),  # no date: today's members
])
def test_the_eacs_members_on_a_date(date, members):
    assert BOOK.as_parties("EAC", date) == members


def test_the_pacific_alliance_is_its_four_members():
    assert BOOK.as_parties(BOOK.lookup("Pacific Alliance")) == ["CHL", "COL", "MEX", "PER"]
    assert RESOLVER.resolve("the Pacific Alliance", ["CHL", "COL", "MEX", "PER"], None) == ["CHL", "COL", "MEX", "PER"]


def test_a_dated_report_keeps_its_members_when_the_group_is_named():
    # the report's parties (found with its date) decide: "the EAC" in 2014 is not South Sudan
    assert RESOLVER.resolve("the EAC leaders", EAC_2014, None) == EAC_2014
    # a report on other parties: the group named is its members on the document's date, today's without one
    assert RESOLVER.resolve("the East African Community", ["CHN", "KEN"], None) == BOOK.as_parties("EAC")
    assert RESOLVER.resolve("the East African Community", ["CHN", "KEN"], None, "2017-05-01") == \
        sorted([*EAC_2014, "SSD"])


@pytest.mark.parametrize("title, date, parties", [
    ("EAC leaders take first step towards political federation", "2014-04-30", EAC_2014),
    ("EAC leaders agree to admit new members", "2024-05-01", sorted([*EAC_2014, "COD", "SOM", "SSD"])),
    ("Pacific Alliance leaders commit to free trade with Asia", "2019-07-06", ["CHL", "COL", "MEX", "PER"]),
    ("CIS Leaders Signed 19 Documents Following Summit In Dushanbe", "2025-10-10", ["CIS"]),
])
def test_a_headline_on_a_groupings_leaders_makes_it_the_party(extractor, tmp_path, title, date, parties):
    assert _parties(extractor, tmp_path, title, date) == parties


@pytest.mark.parametrize("title", [
    "Kenyan and Ugandan leaders at odds over EAC customs union",  # states named
    "Ruto urges EAC leaders to speed up integration",  # a leader named
])
def test_a_headline_naming_states_or_a_leader_is_not_the_groupings(extractor, tmp_path, title):
    parties = _parties(extractor, tmp_path, title, "2024-05-01")
    assert parties != sorted([*EAC_2014, "COD", "SOM", "SSD"])
