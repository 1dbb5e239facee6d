"""The parties of a news report when its text shows one side acting, or a third country the
text returns to (extract/parties.py). Invented reports."""

from __future__ import annotations

from pledgebook.read.base import RawDocument


def _parties(extractor, text: str, title: str | None = None) -> list[str]:
    return extractor.extract(RawDocument(source="report.txt", text=text, title=title)).document.parties


def test_a_report_where_one_country_acts_gets_the_other_side_it_names_most(extractor):
    text = ("China approved a loan of $600 million for the Tana Gorge Dam. The dam, in central Kenya, "
            "will supply power to Nairobi. Work on the dam began last year in Kenya's Tana county.")
    assert _parties(extractor, text, title="China approves dam loan") == ["CHN", "KEN"]


def test_a_third_country_the_two_acting_sides_discuss_is_no_party(extractor):
    text = ("Zambia and Angola agreed to build a rail link to the port of Lobito. Zambia will pay for the "
            "signalling and Angola will provide the rolling stock. The ministers also discussed the "
            "situation in Namibia. Namibia has asked to join the project later, Namibian media said.")
    assert _parties(extractor, text, title="Zambia, Angola and Namibia rail talks") == ["AGO", "ZMB"]


def test_a_dollar_amount_names_no_country(extractor):
    """"US$161 million" is money, not the United States: the other side of a one-sided report is
    the country it names most, and a currency must not outnumber it."""
    text = ("President Kenyatta met the Chinese Premier and asked for US$3 billion for the Tana Gorge Dam. "
            "The US$3 billion loan is needed by June, his spokesman said. "
            "China would secure the dam site until Kenya builds up the capacity. "
            "He also sought US$161 million for a bypass in Nairobi.")
    assert _parties(extractor, text, title="Kenyatta seeks dam loan") == ["CHN", "KEN"]
