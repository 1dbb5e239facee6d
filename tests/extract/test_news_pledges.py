"""Pledges as news reports of visits tell them (issue 11, class 5): a stance tacked on after the
action, a trailing "according to <source> which ...", a thing's forecast effect or a feeling under
"will", a goal stated by a quoted leader, backing a plan, the speaker of a quotation opened after a
colon, a leader named without his country, and a headline that names two leaders. Invented
sentences only (extract/news_pledges.py)."""

import pytest

from pledgebook.read.reader import read_document

OPENING = "Zambia and Angola hold talks on the railway\n\nLUSAKA, May 4, 2021 -- Zambia and Angola held talks on Monday.\n\n"


def _found(extractor, sentence: str, opening: str = OPENING):
    record = extractor.extract_text(opening + sentence)
    return [(s.kind, s.actors, " ".join(s.text.split())) for s in record.statements if s.start >= len(opening)]


def _kinds(extractor, sentence: str):
    return [kind for kind, _, _ in _found(extractor, sentence)]


# -- a stance rider after the action ------------------------------------------------------------
@pytest.mark.parametrize("sentence, rider", [
    ("The presidents agreed to intensify defence cooperation, while emphasising that a strong partnership is crucial.",
     "while emphasising that a strong partnership is crucial"),
    ("The two sides agreed to expand trade, noting the importance of the new port at Lobito.",
     "noting the importance of the new port at Lobito"),
])
def test_a_stance_participle_on_the_action_is_a_statement_of_its_own(extractor, sentence, rider):
    found = _found(extractor, sentence)
    assert [k for k, _, t in found if t == rider] == ["position"]
    undertaking = next(t for k, _, t in found if k == "commitment")
    assert rider not in undertaking


def test_upholding_riding_on_an_undertaking_stays_inside_it(extractor):
    found = _found(extractor, "With a view to achieving a region free of landmines, we will continue to bolster realistic and "
                              "practical efforts, while upholding and strengthening the Ottawa Convention by implementing "
                              "measures under the Maputo Action Plan.")
    assert [k for k, _, _ in found] == ["commitment"]


def test_a_participle_of_means_stays_inside_the_undertaking(extractor):
    found = _found(extractor, "The two sides agreed to expand trade, using the existing joint commission.")
    assert [(k, t) for k, _, t in found] == [("commitment", "The two sides agreed to expand trade, using the existing joint commission")]


# -- "according to <source> which ..." -------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "The two countries agreed to build the railway, according to the statement which was released after a meeting between the two presidents in Lusaka.",
    "The two countries agreed to build the railway, according to a joint statement issued after the talks between the presidents.",
])
def test_a_described_source_after_according_to_is_peeled_off(extractor, sentence):
    found = _found(extractor, sentence)
    assert [(k, t) for k, _, t in found] == [("commitment", "The two countries agreed to build the railway")]


def test_a_clause_after_the_source_is_no_description_of_it(extractor):
    found = _found(extractor, "Zambia will fund the bridge, according to the ministry, and Angola will build the road that links them.")
    assert ("commitment", ["AGO"], "Angola will build the road that links them") in found


# -- forecasts and feelings under "will" ---------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Hichilema said the framework will create favourable conditions for the two countries.",
    "The deal will benefit both peoples, the Angolan minister said.",
    "Noting that he will treasure the honour, the Angolan president thanked his host.",
])
def test_a_things_effect_or_a_feeling_under_will_is_no_undertaking(extractor, sentence):
    kinds = _kinds(extractor, sentence)
    assert "commitment" not in kinds and "appreciation" in kinds


@pytest.mark.parametrize("sentence", [
    "Zambia will create a joint fund for the railway to Lobito.",
    "The railway to Lobito will be opened in May, the minister said.",
])
def test_a_party_acting_or_a_schedule_stays_an_undertaking(extractor, sentence):
    assert _kinds(extractor, sentence) == ["commitment"]


# -- a goal stated; backing a plan ------------------------------------------------------------------
def test_a_possessed_goal_stated_is_an_undertaking(extractor):
    found = _found(extractor, "Our goal is to double bilateral trade to $2 billion by 2025, the Zambian minister said.")
    assert [(k, a) for k, a, _ in found] == [("commitment", ["ZMB"])]


@pytest.mark.parametrize("sentence", [
    "The goal of the meeting was to review the railway.",  # no one's goal
    "Our goal is to build a community with a shared future, the Zambian minister said.",  # a general aim, no measure
])
def test_a_goal_without_owner_or_measure_is_no_undertaking(extractor, sentence):
    assert "commitment" not in _kinds(extractor, sentence)


def test_backing_a_plan_is_a_soft_undertaking_and_backing_a_state_a_stance(extractor):
    assert _kinds(extractor, "Zambia backed the plan to build a new bridge at Kazungula.") == ["commitment"]
    assert _kinds(extractor, "Zambia backs Angola's territorial integrity.") == ["position"]


# -- who speaks ------------------------------------------------------------------------------------------
def test_a_first_person_inside_a_quotation_opened_after_a_colon_is_the_speakers(extractor):
    found = _found(extractor, "Addressing a press conference with the Angolan foreign minister, the Zambian president said: "
                              "'In 2019, we had trade of $1 billion. Our goal is to double it by 2025. "
                              "We will deepen our cooperation in every area.'")
    assert [(k, a) for k, a, _ in found] == [("commitment", ["ZMB"]), ("commitment", ["ZMB"])]


def test_a_first_person_after_the_quotation_closes_is_no_longer_the_speakers(extractor):
    found = _found(extractor, 'The Zambian minister said: "We have agreed on the terms." We will fund the bridge, the two presidents said.')
    assert ("commitment", ["AGO", "ZMB"], "We will fund the bridge") in found


NEWS_OPENING = ("---\ntitle: \"Modi, Macron agree to deepen ties\"\ndate: \"2024-06-14\"\n---\n"
                "Modi, Macron agree to deepen ties\n\nNEW DELHI: ")


def test_a_leader_named_without_his_country_joins_the_one_named_with_it(extractor):
    found = _found(extractor, "Prime Minister Narendra Modi and French President Emmanuel Macron on Friday agreed to "
                              "intensify defence cooperation.", NEWS_OPENING)
    assert [(k, a) for k, a, _ in found] == [("commitment", ["FRA", "IND"])]


def test_a_headline_naming_two_leaders_names_the_reports_two_sides(extractor, tmp_path):
    # the country named most often (Ukraine, a topic) is no side when the headline names two leaders
    path = tmp_path / "report.md"
    path.write_text(NEWS_OPENING + "The two leaders met on the sidelines of the summit. On the war in Ukraine, "
                    "they reaffirmed their position. They called for peace in Ukraine.", encoding="utf-8")
    assert extractor.extract(read_document(path)).document.parties == ["FRA", "IND"]


# -- money committed -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "China committed to a further $19 million in grants for the hospital in Lusaka.",
    "China committed to a further Sh19.2 billion in a grant for the hospital in Lusaka.",
    "China offered a RM44 billion loan for the railway to Lobito.",
])
def test_an_amount_of_money_committed_is_a_firm_undertaking(extractor, sentence):
    found = extractor.extract_text(OPENING + sentence).statements
    assert [(s.kind, s.strength, s.rule) for s in found if s.start >= len(OPENING)] == [("commitment", "firm", "funding_pledged")]


def test_a_commitment_to_a_principle_is_no_money_committed(extractor):
    found = extractor.extract_text(OPENING + "China committed to the principle of non-interference.").statements
    assert [s.rule for s in found if s.start >= len(OPENING)] != ["funding_pledged"]


# -- the speaker's own side in what he says -------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "The Zambian president vowed that his government would protect Angolan investors.",
    "The Zambian president said his government would further raise spending on the railway.",
])
def test_his_government_in_a_speakers_words_is_the_speakers_side(extractor, sentence):
    assert [a for k, a, _ in _found(extractor, sentence) if k == "commitment"] == [["ZMB"]]


def test_another_partys_government_in_a_speakers_words_stays_that_party(extractor):
    found = _found(extractor, "The Zambian president promised that the Angolan government would build the road.")
    assert [a for k, a, _ in found if k == "commitment"] == [["AGO"]]


# -- the circumstances of the reporting ---------------------------------------------------------------------
def test_the_circumstance_before_a_reporting_verb_is_kept_out_of_the_report(extractor):
    found = _found(extractor, "Speaking after the talks in Luanda, the Zambian president said the two sides had agreed "
                              "to set up a joint railway company.")
    assert [(k, t) for k, _, t in found if k == "commitment"] == [
        ("commitment", "the Zambian president said the two sides had agreed to set up a joint railway company")]


def test_what_follows_the_reporting_verb_stays_with_the_report(extractor):
    found = _found(extractor, "The Zambian minister said on Monday that Zambia would build the road.")
    assert [t for k, _, t in found if k == "commitment"] == ["The Zambian minister said on Monday that Zambia would build the road"]
