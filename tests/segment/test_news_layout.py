"""News layout: a dateline opening the story and page-header lines glued above it are not part
of the first sentence. Invented texts."""

import pytest

from pledgebook.codebook import Codebook
from pledgebook.read.base import RawDocument
from pledgebook.segment.segmenter import segment

BOOK = Codebook.load().segmentation


def _sentences(text: str) -> list[str]:
    return [s.view.clean for p in segment(RawDocument(source="t.txt", text=text), BOOK) for s in p.sentences]


@pytest.mark.parametrize("text, dateline", [
    ("LUSAKA: Zambia and Angola have agreed on a new rail link.", "LUSAKA:"),
    ("LUSAKA, Oct. 16 (Xinhua) -- Zambia and Angola have agreed on a new rail link.", "LUSAKA, Oct. 16 (Xinhua) --"),
    ("LUANDA (Reuters) - Zambia and Angola have agreed on a new rail link.", "LUANDA (Reuters) -"),
    ("Lusaka, March 3 — Zambia and Angola have agreed on a new rail link.", "Lusaka, March 3 —"),
    ("NEW DELHI, Nov 2, 2019 (PTI): Zambia and Angola have agreed on a new rail link.", "NEW DELHI, Nov 2, 2019 (PTI):"),
])
def test_a_dateline_is_a_sentence_of_its_own(text, dateline):
    assert _sentences(text) == [dateline, "Zambia and Angola have agreed on a new rail link."]


@pytest.mark.parametrize("text", [
    "Zambia and Angola: partners in trade. They met in Lusaka.",
    "Lusaka hosted the summit - the first in a decade.",
    "In 2019, Zambia and Angola agreed on a new rail link.",
])
def test_a_title_case_opening_without_a_date_or_agency_is_no_dateline(text):
    assert _sentences(text)[0] == text.split(". ")[0] + ("." if ". " in text else "")


@pytest.mark.parametrize("header", [
    "World | Africa | Updated 3 hours ago",
    "By Jane Mwale",
    "Published: May 5, 2019",
    "Tuesday, 5 March 2019 10:42 EAT",
    "4 min read",
])
def test_a_page_header_line_is_not_glued_to_the_first_sentence(header):
    text = f"{header}\nZambia and Angola agreed to build a new rail link\nto the port of Lobito."
    assert _sentences(text)[-1] == "Zambia and Angola agreed to build a new rail link to the port of Lobito."


@pytest.mark.parametrize("first_line", ["Updated rules were published", "By Tuesday, Zambia and Angola had agreed",
                                        "Posted to Lusaka in May 2019, the envoy said"])
def test_hard_wrapped_prose_lines_are_still_joined(first_line):
    text = f"{first_line}\nto build a new rail link to the port of Lobito."
    assert _sentences(text) == [f"{first_line} to build a new rail link to the port of Lobito."]
