"""A news report whose headline names one leader: his country is a party, though all he does in the
body is said in his own first person inside a quotation (which only a party's speaker may claim), and
the side the text was guessed to be about stays beside him. Invented documents."""

from pathlib import Path

PAGE = """---
title: "{title}"
date: "2022-08-06"
publisher: "Example Wire"
---

"We have said that the plant is particularly important for our country's energy strategy. Our goal of commissioning the first reactor next year persists. We have discussed these issues again in our talks with the Russian side. I will personally supervise the works at the plant with my delegation. After that, I will brief Mr. Putin about the situation," {speaker} told reporters on the plane.
"""


def _extract(extractor, tmp_path: Path, title: str, speaker: str):
    from pledgebook.read import read_document

    path = tmp_path / "2022-08-06_news.md"
    path.write_text(PAGE.format(title=title, speaker=speaker), encoding="utf-8")
    return extractor.extract(read_document(path))


def test_the_headlines_leader_is_a_party_and_his_first_person_is_his(extractor, tmp_path):
    record = _extract(extractor, tmp_path, "Erdogan intends to visit nuclear plant next week", "Erdogan")
    assert record.document.parties == ["RUS", "TUR"]
    supervise = next(s for s in record.statements if "supervise" in s.text)
    assert supervise.actors == ["TUR"]


def test_a_headline_with_no_leader_keeps_the_guess(extractor, tmp_path):
    # no leader in the headline, the speaker unknown to the text: nothing new is added
    record = _extract(extractor, tmp_path, "Nuclear plant to open next year, minister says", "the minister")
    assert "TUR" not in record.document.parties
