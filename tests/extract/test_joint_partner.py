"""Whom the subject agrees with ("X agreed with Y to do Z"): Y undertakes too when it is a party
of the document (guide §4, as a comitative partner); a partner that is no party (a speech's
"we agreed with Bangladesh to deploy", "agree with the Secretary-General") adds nothing.
The trigger flag `joint` (triggers.yaml: agree, concur). Invented sentences."""

from pathlib import Path

from tests.conftest import speech_statements

PAGE = """---
title: "Kenya and Tanzania to build new highway"
date: "2023-05-10"
publisher: "Example Wire"
---

NAIROBI -- Kenyan President William Ruto said on Wednesday that he had agreed with his Tanzanian counterpart Samia Suluhu Hassan to build a new highway linking Mombasa and Tanga. {second}

Tanzania will also upgrade the port of Tanga, officials in Dodoma said.
"""


def _statements(extractor, tmp_path: Path, second: str = ""):
    from pledgebook.read import read_document

    path = tmp_path / "2023-05-10_news.md"
    path.write_text(PAGE.format(second=second), encoding="utf-8")
    return extractor.extract(read_document(path)).statements


def test_agreed_with_the_other_partys_leader_is_both(extractor, tmp_path):
    build = next(s for s in _statements(extractor, tmp_path) if "build a new highway" in s.text)
    assert build.actors == ["KEN", "TZA"]


def test_agreed_with_a_body_that_is_no_party_is_the_subjects(extractor, tmp_path):
    statements = _statements(extractor, tmp_path, "He also agreed with the World Bank to fund a feasibility study.")
    fund = next(s for s in statements if "feasibility study" in s.text)
    assert fund.actors == ["KEN"]


def test_a_speakers_partner_that_is_no_party_adds_nothing(extractor, tmp_path):
    text = ("We have agreed with Bangladesh to jointly deploy a battalion in a suitable peacekeeping mission. "
            "We agree with the Secretary-General that the institutions need reform.")
    deploy = next(s for s in speech_statements(extractor, tmp_path, text, "GMB") if "deploy" in s.text)
    assert deploy.actors == ["GMB"]
