"""Where a news report's statements begin and end, and a thing's forecast read as one (issue 11,
class 5): the headline repeated in the body, the meeting an undertaking was reached at, money
for several purposes after one verb, and forecasts told with a pronoun, a project's name, a
project's completion or a second verb. Invented sentences only (extract/news_spans.py,
extract/news_pledges.py)."""

import pytest

from pledgebook.read.base import RawDocument

OPENING = "Zambia and Angola hold talks on the railway\n\nLUSAKA, May 4, 2021 -- Zambia and Angola held talks on Monday.\n\n"


def _found(extractor, sentence: str, opening: str = OPENING):
    record = extractor.extract_text(opening + sentence)
    return [(s.kind, s.actors, " ".join(s.text.split())) for s in record.statements if s.start >= len(opening)]


def _with_title(extractor, title: str, body: str):
    record = extractor.extract(RawDocument(source="<test>", text=body, title=title))
    return [(s.kind, " ".join(s.text.split())) for s in record.statements]


# -- the headline repeated in the body ------------------------------------------------------------------
BODY = ("Zambia, Angola agree to speed up work on the Lobito railway\n\n"
        "LUSAKA, May 4, 2021 -- Zambia and Angola agreed on Monday to speed up work on the Lobito railway.\n")


def test_the_body_line_that_repeats_the_title_is_a_heading(extractor):
    found = _with_title(extractor, "Zambia, Angola agree to speed up work on the Lobito railway", BODY)
    assert [k for k, t in found if k == "commitment"] == ["commitment"]
    assert all(not t.startswith("Zambia, Angola agree") for _, t in found)


def test_a_first_line_unlike_the_title_still_states(extractor):
    found = _with_title(extractor, "Railway talks in Lusaka", BODY)
    assert [k for k, _ in found].count("commitment") == 2


# -- the meeting an undertaking was reached at ------------------------------------------------------------
@pytest.mark.parametrize("sentence, undertaking", [
    ("The Zambian president said during a meeting with President Lourenço in Luanda, both sides agreed to expand "
     "trade.", "both sides agreed to expand trade"),
    ("During the talks in Luanda, the two presidents agreed to build a new bridge.",
     "the two presidents agreed to build a new bridge"),
])
def test_the_meeting_told_before_the_undertaking_is_kept_out_of_it(extractor, sentence, undertaking):
    found = _found(extractor, sentence)
    assert [t for k, _, t in found if k == "commitment"] == [undertaking]


def test_a_meeting_after_the_subject_stays_in_the_undertaking(extractor):
    found = _found(extractor, "The two presidents agreed during the talks to build a new bridge.")
    assert [t for k, _, t in found if k == "commitment"] == ["The two presidents agreed during the talks to build a new bridge"]


# -- money for several purposes ------------------------------------------------------------------------
def test_each_amount_for_a_purpose_is_a_commitment_of_its_own(extractor):
    found = _found(extractor, "Under the agreement, Zambia will provide $500 million for the "
                              "railway and $120 million for a water project, apart from $40 million for a school "
                              "programme in Ndola and $12 million for a clinic.")
    assert [(k, a, t) for k, a, t in found if k == "commitment"] == [
        ("commitment", ["ZMB"], "Under the agreement, Zambia will provide $500 million for the railway"),
        ("commitment", ["ZMB"], "$120 million for a water project"),
        ("commitment", ["ZMB"], "$40 million for a school programme in Ndola"),
        ("commitment", ["ZMB"], "$12 million for a clinic"),
    ]


@pytest.mark.parametrize("sentence", [
    "Zambia will provide $500 million for the railway and its stations.",  # one amount
    "Zambia said it had spent $500 million on the railway and $120 million on a water project.",  # spent, no pledge
])
def test_one_amount_or_money_spent_is_not_split(extractor, sentence):
    assert [k for k, _, _ in _found(extractor, sentence)].count("commitment") <= 1


# -- forecasts told with a pronoun, a name, an outcome, a second verb ----------------------------------------
@pytest.mark.parametrize("sentence", [
    "It will also stimulate growth in the northern provinces by 1.5 per cent, the minister said.",
    "Kazungula will generate about 3 billion kWh a year.",
    "The minister noted that the completion of the railway will provide an alternative trade route.",
])
def test_a_things_forecast_told_without_a_thing_noun_is_no_undertaking(extractor, sentence):
    kinds = [k for k, _, _ in _found(extractor, sentence)]
    assert "commitment" not in kinds and "appreciation" in kinds


def test_the_second_verb_of_a_forecast_is_part_of_the_forecast(extractor):
    found = _found(extractor, "The minister said the reduction will benefit Zambia and lighten the burden on its budget.")
    assert [k for k, _, _ in found] == ["appreciation", "appreciation"]


@pytest.mark.parametrize("sentence", [
    "Zambia will generate more electricity for the region, the minister said.",  # a party
    "It will provide $50 million for the railway, the Zambian minister said.",  # not a verb only things do
    "The completion of the railway will be financed by Angola.",  # a schedule in the passive
])
def test_a_party_or_a_pledge_stays_an_undertaking(extractor, sentence):
    assert "commitment" in [k for k, _, _ in _found(extractor, sentence)]


def test_the_verbs_joined_under_a_things_help_are_the_same_forecast(extractor):
    found = _found(extractor, "The minister said these projects will not only help develop the economy and improve "
                              "livelihoods, but also become a driving force for cooperation.")
    assert "commitment" not in [k for k, _, _ in found]


# -- a second report, a report after a clause of another kind, a signing after the undertaking ------------------
def test_a_second_report_after_adding_that_is_a_statement_of_its_own(extractor):
    found = _found(extractor, "The bridge will be safe, the Zambian president said, adding that the railway would be "
                              "completed in 2023.")
    texts = [t for k, _, t in found if k == "commitment"]
    assert "adding that the railway would be completed in 2023" in texts
    assert all("2023" not in t for t in texts if t != "adding that the railway would be completed in 2023")


@pytest.mark.parametrize("sentence, undertaking", [
    ("The Zambian minister said that the first phase is 98 percent complete and will be opened in September.",
     "will be opened in September"),
    ("The Zambian minister said Zambia highly values its coordination with Angola and stands ready to build the "
     "railway with Angola.", "stands ready to build the railway with Angola"),
])
def test_a_report_coordinated_after_a_clause_of_another_kind_starts_at_its_own_verb(extractor, sentence, undertaking):
    assert [t for k, _, t in _found(extractor, sentence) if k == "commitment"] == [undertaking]


def test_the_signing_an_undertaking_follows_is_kept_out_of_it(extractor):
    found = _found(extractor, "The Lobito railway project will resume at a reduced cost following the signing of a "
                              "supplementary agreement between the two state firms, Zambia's ministry announced.")
    assert [t for k, _, t in found if k == "commitment"] == ["The Lobito railway project will resume at a reduced cost"]


# -- support: a party in keeping a state, a proposal of an action ----------------------------------------------
def test_supporting_a_party_in_safeguarding_its_sovereignty_is_a_stance_even_under_will(extractor):
    assert _found(extractor, "Angola will continue to firmly support Zambia in safeguarding its sovereignty and "
                             "national dignity.")[0][0] == "position"


def test_supporting_a_party_in_doing_something_stays_an_undertaking(extractor):
    assert "commitment" in [k for k, _, _ in _found(extractor, "Angola will continue to support Zambia in building the "
                                                                 "railway to Lobito.")]


@pytest.mark.parametrize("sentence, kind", [
    ("Zambia backed Angola's idea of creating a regional power pool.", "commitment"),
    ("Zambia backed the idea of peace in the region.", "position"),
])
def test_backing_an_idea_of_doing_is_backing_a_plan(extractor, sentence, kind):
    assert [k for k, _, _ in _found(extractor, sentence)] == [kind]


# -- receiving a thing, money that will be a party's ------------------------------------------------------------------
@pytest.mark.parametrize("sentence, kind", [
    ("As part of the cooperation, Zambia will receive a diesel locomotive from Angola.", "commitment"),
    ("Zambia will receive President Lourenço in Lusaka next week.", "meeting"),
])
def test_receiving_a_thing_is_no_meeting(extractor, sentence, kind):
    assert kind in [k for k, _, _ in _found(extractor, sentence)]


def test_money_that_will_be_a_partys_loan_is_that_partys_undertaking(extractor):
    found = _found(extractor, "Some 55% of the total contract amount will be Angolan loan funds.")
    assert [(k, a) for k, a, _ in found] == [("commitment", ["AGO"])]


def test_money_that_will_be_no_ones_loan_is_no_undertaking(extractor):
    assert "commitment" not in [k for k, _, _ in _found(extractor, "Some 55% of the amount will be loan funds.")]



# -- a perfect of its own, a name given --------------------------------------------------------------------------
def test_a_perfect_joined_to_an_undertaking_keeps_its_own_tense(extractor):
    # (the parser joins "have approved" to "proceed" as a second verb)
    found = _found(extractor, "The Zambian government will proceed with inking the agreement with Lobito Holdings on "
                              "Lobito Port as President Hichilema and the Cabinet of Ministers have approved the "
                              "agreement to develop the port as a partnership, the minister said.")
    assert [k for k, _, t in found if "have approved" in t] == ["agreement"]


def test_a_name_given_under_will_undertakes_nothing(extractor):
    found = _found(extractor, "We are laying the last girders of the road that we will call Lusaka superhighway, "
                              "the Zambian president said.")
    assert all("will call" not in t for k, _, t in found if k == "commitment")


# -- what the spans leave out is said too --------------------------------------------------------------------
def test_the_signing_cut_out_of_an_undertaking_is_an_agreement(extractor):
    found = _found(extractor, "The Lobito railway project will resume at a reduced cost following the signing of a "
                              "supplementary agreement between the two state firms, Zambia's ministry announced.")
    assert ("agreement", "the signing of a supplementary agreement between the two state firms") in [(k, t) for k, _, t in found]


# -- a second gerund after "commitment to" ---------------------------------------------------------------------------
def test_a_second_gerund_after_a_commitment_to_is_an_undertaking_of_its_own(extractor):
    found = _found(extractor, "Both sides emphasized their commitment to enhancing trade within the framework of the "
                              "railway corridor, and developing future industries such as solar power.")
    assert [t for k, _, t in found if k == "commitment"] == [
        "Both sides emphasized their commitment to enhancing trade within the framework of the railway corridor",
        "developing future industries such as solar power"]


def test_a_gerund_of_another_kind_after_the_commitment_is_no_second_undertaking(extractor):
    found = _found(extractor, "Both sides emphasized their commitment to enhancing trade, and welcoming the new "
                              "railway agreement.")
    assert [k for k, _, t in found if "welcoming" in t and k == "commitment"] == []


# -- "after the conclusion of": a signing only with an instrument ---------------------------------------
@pytest.mark.parametrize("sentence", [
    "The two ministers will meet again after the conclusion of the second round of talks.",
    "The leaders agreed to speak again at the conclusion of the election count.",
])
def test_the_end_of_an_event_stays_in_the_undertaking(extractor, sentence):
    found = _found(extractor, sentence)
    assert [k for k, _, _ in found] == ["commitment"]
    assert found[0][2].endswith(sentence.rstrip(".").split(" the conclusion ")[1])


def test_the_conclusion_of_an_instrument_is_still_its_signing(extractor):
    found = _found(extractor, "The two sides will open the border post after the conclusion of the customs protocol.")
    assert ("agreement", ["AGO", "ZMB"], "the conclusion of the customs protocol") in found
    assert any(k == "commitment" and t.endswith("the border post") for k, _, t in found)
