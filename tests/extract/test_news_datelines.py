"""News datelines of several conventions and the document's place: invented texts, both ways.

A dateline ("BY PSCU, NAIROBI, 4TH APRIL, 2021-", "Dar es Salaam, Tanzania (PANA) –", "Dec 22,
Colombo:") is a sentence of its own, never part of the first statement or its entities; its city is
the document's place unless the opening says the parties met somewhere else. A line of a known place
and a date above a text, or the title, may give the place too."""

import pytest

from pledgebook.codebook import Codebook
from pledgebook.read import read_text
from pledgebook.read.base import RawDocument
from pledgebook.segment.segmenter import segment

BOOK = Codebook.load().segmentation
STORY = "Zambia and Angola have signed a deal to build a rail link to the port of Lobito."


def _sentences(text: str) -> list[str]:
    return [s.view.clean for p in segment(RawDocument(source="x.txt", text=text), BOOK) for s in p.sentences]


@pytest.mark.parametrize("dateline, place", [
    ("BY PSCU,LUSAKA,4TH APRIL,2021-", "LUSAKA"),
    ("By Jane Mwale, LUSAKA, May 3 -", "LUSAKA"),
    ("LUSAKA, Zambia, Tuesday, May 4, 2021 –", "LUSAKA"),
    ("ADDIS ABABA, 12th March 2021:", "ADDIS ABABA"),
    ("Dar es Salaam, Tanzania (PANA) –", "Dar es Salaam"),
    ("Lusaka, Zambia, Friday 12 September 2025 -", "Lusaka"),
    ("Lusaka, April 02, 2024, The Zambian Times:", "Lusaka"),
    ("Dec 22, Lusaka:", "Lusaka"),
])
def test_a_dateline_of_each_convention_is_a_sentence_of_its_own(dateline, place):
    glued = dateline.endswith("-") and dateline[-2].isdigit()
    text = f"{dateline}{'' if glued else ' '}{STORY}"
    assert _sentences(text) == [dateline, STORY]
    assert BOOK.dateline(text).place == place


@pytest.mark.parametrize("text", [
    "U.S.-ZAMBIA talks ended without a deal - the first failure in years.",
    "Lusaka hosted the summit - the first in a decade.",
    "By the end of 2021-2022, Zambia and Angola had signed a deal.",
    "Dar es Salaam is the largest city of Tanzania: it has a port.",
])
def test_an_opening_that_is_no_dateline_is_left_whole(text):
    assert _sentences(text)[0] == text


def _document(extractor, text: str, title: str | None = None):
    return extractor.extract(RawDocument(source="report.txt", text=text, title=title)).document


def test_the_byline_dateline_leaves_the_statement_its_actors_and_gives_the_place(extractor):
    record = extractor.extract_text("BY PSCU,LUSAKA,4TH APRIL,2021-Zambia and Angola have signed a deal for the "
                                    "transportation of fuel via pipeline from Lobito to Ndola.")
    assert record.document.place == "Lusaka"
    [statement] = record.statements
    assert statement.text.startswith("Zambia and Angola have signed")
    assert sorted(statement.actors) == ["AGO", "ZMB"]
    assert all("LUSAKA" not in e.name.upper() for e in statement.entities)


def test_where_the_story_says_the_parties_signed_beats_its_dateline(extractor):
    doc = _document(extractor, "LUSAKA (Reuters) - Zambia and Angola have signed a loan for a rail link, "
                               "the ministry said on Monday. The two ministers signed the loan in Luanda on Sunday.")
    assert doc.place == "Luanda"
    doc = _document(extractor, "LUSAKA (Reuters) - Zambia and Angola have signed a loan for a rail link, "
                               "the ministry said on Monday. The loan runs for twenty years.")
    assert doc.place == "Lusaka"


def test_a_web_address_that_signs_a_story_is_no_place(extractor):
    doc = _document(extractor, "ZNBC.ZM - Zambia and Angola have signed a deal to build a rail link.")
    assert doc.place is None


@pytest.mark.parametrize("line, place", [
    ("State House, Lusaka\n\n9th May 2018", "Lusaka"),
    ("STATE HOUSE, LUSAKA", "Lusaka"),
    ("Government House, Luanda 12 November 2009", "Luanda"),
    ("Luanda (ANGOP)", "Luanda"),
])
def test_a_line_of_a_known_place_above_the_text_gives_the_place(extractor, line, place):
    doc = _document(extractor, f"Joint Communique\n\n{line}\n\nThe two presidents agreed to build a rail link.")
    assert doc.place == place


def test_a_title_case_headline_naming_a_city_is_no_place_line(extractor):
    doc = _document(extractor, "Lusaka And Luanda Ministers Agree New Rail Deal With Lobito Port Authority\n\n"
                               "The two presidents agreed to build a rail link.")
    assert doc.place is None


@pytest.mark.parametrize("title, place", [
    ("Zambia - Angola Joint Statement issued at Livingstone, Zambia", "Livingstone"),
    ("What went down during the Hichilema-Lourenco meeting in Luanda", "Luanda"),
    ("The SADC Luanda Summit Declaration", "Luanda"),
])
def test_the_title_names_where_the_text_was_issued_or_the_parties_met(extractor, title, place):
    assert _document(extractor, "The two presidents agreed to build a rail link.", title).place == place


@pytest.mark.parametrize("title", [
    "Zambia and Angola agree on a rail link",
    "Hichilema visit to Angola ends with a rail deal",  # a country is no city
])
def test_a_title_that_names_no_city_gives_no_place(extractor, title):
    assert _document(extractor, "The two presidents agreed to build a rail link.", title).place is None


@pytest.mark.parametrize("opening, place", [
    ("President Hichilema began his official talks in Angola after a welcoming ceremony in the capital Luanda.", "Luanda"),
    ("President Hichilema and President Lourenco made the commitment at their talks in Luanda on May 3.", "Luanda"),
    ("The ministers, convening in Luanda December 15, adopted a statement.", "Luanda"),
    ("The 46th Ordinary Session of the SADC Summit ended in Luanda, Angola on Monday evening.", "Luanda"),
])
def test_the_opening_says_where_the_parties_met(extractor, opening, place):
    assert _document(extractor, f"{opening} They agreed to build a rail link.").place == place


def test_a_named_summit_elsewhere_is_not_where_the_parties_met(extractor):
    doc = _document(extractor, "We reaffirm the commitments made at the G7 Summit in Hiroshima. "
                               "We will build a rail link.")
    assert doc.place is None


def test_a_speech_names_no_place_from_its_history(extractor, tmp_path):
    path = tmp_path / "ZMB_78_2023.txt"
    path.write_text("Mdm President, Your Excellencies\n\nIn 1945, representatives of 51 countries met in San Francisco "
                    "to found the United Nations. Zambia will double its climate finance by 2026.", encoding="utf-8")
    from pledgebook.read import read_document

    assert extractor.extract(read_document(path)).document.place is None


def test_read_text_keeps_the_dateline_out_of_the_story(extractor):
    record = extractor.extract(read_text("Dec 22, Lusaka: Zambia and Angola have signed a deal to build a rail link.",
                                         source="x.txt"))
    assert record.document.place == "Lusaka"
    assert record.statements[0].text.startswith("Zambia and Angola")


def test_a_sentence_opening_with_a_known_city_gives_the_place(extractor):
    doc = _document(extractor, "Earlier today in Luanda, Zambia, with support from Angola, presented a proposal. "
                               "Officials will reconvene next week.")
    assert doc.place == "Luanda"
    # not a place unknown as a city, nor a year
    assert _document(extractor, "In 2019, Zambia and Angola presented a proposal. They will meet again.").place is None


def test_the_first_place_in_the_opening_wins(extractor):
    doc = _document(extractor, "President Hichilema welcomed President Lourenco to the White House today. The "
                               "two presidents recalled that Angolan traders gathered and debated in Angolan "
                               "markets long ago.")
    assert doc.place == "Washington"


# -- the kind: a headline that reports a text heads a news report ---------------------------------
_REPORT = ("The two presidents agreed to build a rail link to the port of Lobito. The ministers will meet "
           "in June to review the project, the statement said.")
_VOICE = ("We, the Presidents of Zambia and Angola, met in Lusaka. We will build a rail link. We welcome the plan. "
          "We will meet again next year.")


@pytest.mark.parametrize("title", [
    "Zambia, Angola issue joint statement",
    "SADC Summit ends with 12-point Declaration",
    "Zambia and Angola sign Lobito Declaration, package of documents",
    "Lusaka Declaration agrees on a roadmap for integration",
    "Zambia, Angola stress rail cooperation: joint statement",
])
def test_a_headline_that_reports_a_text_heads_a_news_report(extractor, title):
    assert _document(extractor, _REPORT, title).kind == "news_report"


@pytest.mark.parametrize("title, kind", [
    ("Joint Statement issued by the Presidents of Zambia and Angola", "joint_statement"),
    ("Lusaka Declaration on Rail Connectivity", "declaration"),
    ("SADC Leaders Adopt Summit Communiqué", "communique"),
])
def test_a_title_that_names_its_text_keeps_the_kind(extractor, title, kind):
    assert _document(extractor, _REPORT, title).kind == kind


def test_a_reported_text_reproduced_in_the_parties_voice_keeps_its_kind(extractor):
    assert _document(extractor, _VOICE, "Zambia, Angola issue joint statement").kind == "joint_statement"


def test_a_titled_texts_file_name_is_no_kind(extractor):
    raw = RawDocument(source="2021-05-04_zmb-ago_lobito-joint-declaration.md", text=_REPORT,
                      title="Zambia and Angola agree on a rail link")
    assert extractor.extract(raw).document.kind != "declaration"
    untitled = RawDocument(source="2021-05-04_zmb-ago_lobito-joint-declaration.txt", text=_REPORT)
    assert extractor.extract(untitled).document.kind == "declaration"


def test_a_government_site_text_is_no_news_report_whatever_its_title(extractor):
    raw = RawDocument(source="message.md", text=_REPORT, title="Presidential Message on the Lusaka Declaration signed in 1970",
                      meta={"source_url": "https://www.whitehouse.gov/briefing-room/message/"})
    assert extractor.extract(raw).document.kind == "declaration"


def test_an_accented_title_names_its_kind(extractor):
    raw = RawDocument(source="2022-06-10-x.md", text=_REPORT, title="Déclaration de Lusaka sur les migrations")
    assert extractor.extract(raw).document.kind == "declaration"


@pytest.mark.parametrize("title, kind", [
    ("Joint Press Announcement on Cooperation between Zambia and Angola", "joint_statement"),
    ("SADC Lusaka Joint Ministerial Statement 2019", "joint_statement"),
    ("Chairman's Statement of the 40th SADC Summit, Lusaka", "communique"),
])
def test_titles_of_joint_texts_and_chairs_statements(extractor, title, kind):
    assert _document(extractor, _REPORT, title).kind == kind


def test_a_co_chairs_statement_is_no_summits_communique(extractor):
    assert _document(extractor, _REPORT, "SADC rail side event co-chair statement").kind != "communique"


def test_a_joint_title_naming_one_state_and_a_visiting_leader_has_both_sides(extractor):
    raw = RawDocument(source="visit.txt", title="Joint Statement on the State Visit of President Bola Tinubu to Angola",
                      date="2024-08-19", text="At the invitation of the President of Angola, the President of the "
                      "Federal Republic paid a state visit to Angola. The two presidents agreed to build a rail link.")
    assert extractor.extract(raw).document.parties == ["AGO", "NGA"]
    # with no leader in the title the other side is the state the body names most, as before
    doc = _document(extractor, "The President of Angola received the Zambian delegation. Angola and Zambia agreed "
                               "to build a rail link. Zambia will fund the study.",
                    "Joint Statement on the State Visit to Angola")
    assert doc.parties == ["AGO", "ZMB"]
