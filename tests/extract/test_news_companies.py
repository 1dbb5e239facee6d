"""Companies a news report introduces with their country act for it (gold/news README: state
companies and banks act for their country): extract/companies.py. Invented sentences."""

from pathlib import Path

import pytest

from pledgebook.codebook import Codebook
from pledgebook.extract.actors import ActorResolver
from pledgebook.extract.companies import CompanyMap

BOOK = Codebook.load().actors
RESOLVER = ActorResolver(BOOK)


def _map(text: str) -> CompanyMap:
    return CompanyMap(text, RESOLVER, BOOK.company_cues, BOOK.company_anaphors, BOOK.company_words)


@pytest.mark.parametrize("text, name, code", [
    ("Sri Lanka signed a deal with Chinese state-run oil giant Sinopec on Thursday.", "Sinopec", "CHN"),
    ("The President met the delegation from China’s Sinopec Group yesterday.", "Sinopec", "CHN"),
    ("The President met the delegation from China’s Sinopec Group yesterday.", "Sinopec Group", "CHN"),
    ("The line will be built by Russian nuclear firm Rosatom near Mersin.", "Rosatom", "RUS"),
    ("The contract went to Acme Rail, a Japanese engineering company based in Osaka.", "Acme Rail", "JPN"),
    ("The deal with Korean shipbuilder Hanwha Ocean was signed in Seoul.", "Hanwha Ocean", "KOR"),
])
def test_a_company_introduced_with_its_country_is_that_countrys(text, name, code):
    assert _map(text).resolve(name) == [code]


@pytest.mark.parametrize("text, name", [
    # a name that holds its country's is no introduction of another name
    ("Kenya Railways and China Communications Construction Company Ltd (CCCC) signed a MoU.", "Ltd"),
    # a capitalised run after the country is a name, not describers before a cue
    ("China Merchants Port Holdings signed the concession.", "Holdings"),
    # a company the text never places
    ("Acme Rail will build the line, officials said.", "Acme Rail"),
    # a country's possessive before a name that is no company's
    ("China’s Belt and Road Initiative was discussed.", "Belt and Road Initiative"),
])
def test_no_company_without_its_introduction(text, name):
    assert _map(text).resolve(name) == []


def test_the_company_is_the_companies_country_when_they_share_one():
    assert _map("China Merchants Port Holdings has signed a deal. The Chinese firm will hold a stake.").resolve(
        "the company") == ["CHN"]
    two = _map("Chinese firm Acme Rail and Japanese company Zenith Works bid for the line.")
    assert two.resolve("the company") == []


PAGE = """---
title: "Sri Lanka signs refinery deal"
date: "2025-01-16"
publisher: "Example Wire"
---

COLOMBO -- Sri Lanka signed a deal with Chinese state-run oil giant Sinopec on Thursday, officials said.

Sinopec has agreed to invest $3.7 billion to construct an oil refinery in Hambantota, according to the president's office.
"""


def test_in_a_news_report_the_company_acts_for_its_country(extractor, tmp_path: Path):
    from pledgebook.read import read_document

    path = tmp_path / "2025-01-16_news.md"
    path.write_text(PAGE, encoding="utf-8")
    record = extractor.extract(read_document(path))
    invest = next(s for s in record.statements if "agreed to invest" in s.text)
    assert invest.actors == ["CHN"]
