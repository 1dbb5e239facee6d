"""A news quotation is its speaker's: a first person or "the two sides" inside it takes the actor
of who the attribution after the closing mark names, or for "he said" (or no attribution) of the
last attribution, else the person named last, before the quotation (gold/news README "What a
leader says about both sides")."""

from pathlib import Path

from pledgebook.extract.news_pledges import quote_speaker_after

NEWS = """---
title: "Arland and Borvia upgrade ties"
date: "2018-03-23"
publisher: "Example Wire"
---
Arland and Borvia upgraded their relations on Monday as President Moon Jae-in of South Korea met visiting Vietnamese President Tran Dai Quang in Seoul.

{body}
"""


def _statements(extractor, tmp_path: Path, body: str):
    from pledgebook.read import read_document

    path = tmp_path / "2018-03-23_kor-vnm_news.md"
    path.write_text(NEWS.format(body=body), encoding="utf-8")
    return extractor.extract(read_document(path)).statements


def _commitment(statements, words: str):
    return next(s for s in statements if s.kind == "commitment" and words in s.text)


def test_attribution_after_the_closing_mark_names_the_speaker(extractor, tmp_path):
    body = ('"I am determined to open a new trade office in Hanoi next year." Moon said during a business forum.\n\n'
            '"From trade, I would like to expand our exchanges to science and culture."')
    statements = _statements(extractor, tmp_path, body)
    assert _commitment(statements, "open a new trade office").actors == ["KOR"]
    assert _commitment(statements, "expand our exchanges").actors == ["KOR"]  # the quotation runs on


def test_he_said_is_the_speaker_of_the_last_attribution_before(extractor, tmp_path):
    body = ('President Quang said the two leaders reviewed their cooperation with Moon.\n\n'
            '“The two sides agreed to build a new port in Haiphong by 2026,” he noted.')
    assert _commitment(_statements(extractor, tmp_path, body), "build a new port").actors == ["VNM"]


def test_the_two_sides_outside_a_quotation_stay_both(extractor, tmp_path):
    body = ('President Quang said the two leaders reviewed their cooperation with Moon.\n\n'
            'The two sides agreed to build a new port in Haiphong by 2026.')
    assert _commitment(_statements(extractor, tmp_path, body), "build a new port").actors == ["KOR", "VNM"]


def test_a_closed_quotation_before_the_sentence_does_not_hold_it():
    text = 'Intro.\n"We will act," Moon said. We will build a port.'
    para = text.index('"')
    sent = text.index("We will build")
    assert quote_speaker_after(text, para, sent, ("said",), lambda p: ["KOR"], lambda t: ["KOR"]) == []


def test_an_attribution_naming_no_one_actor_gives_none():
    text = 'Intro.\n"We will build a port," the officials said.'
    para = text.index('"')
    assert quote_speaker_after(text, para, para, ("said",), lambda p: [], lambda t: []) == []
    text = 'Intro.\n"We will build a port," Moon said.'
    assert quote_speaker_after(text, para, para, ("said",), lambda p: ["KOR", "VNM"], lambda t: []) == []
    assert quote_speaker_after(text, para, para, ("said",), lambda p: ["KOR"], lambda t: []) == ["KOR"]
