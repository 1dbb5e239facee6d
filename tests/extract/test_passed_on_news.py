"""A readout passes on news with verbs other than "said": what "shared", "conveyed", "relayed" or
"revealed" introduces is the statement; a plan noun carried by a light verb ("shared his plans
to X", "outlined her plans to X") is the speaker's moderate undertaking. Invented sentences only."""

import pytest

OPENING = ("Readout of the President's Meeting with the Prime Minister of Norway\n\n"
           "The President met Prime Minister Jones of Norway at the White House today.\n\n")


def _found(extractor, sentence: str):
    record = extractor.extract_text(OPENING + sentence)
    return [(s.kind, s.strength) for s in record.statements if s.start >= len(OPENING)]


@pytest.mark.parametrize("sentence", [
    "He shared that the United States will provide new funding for the clinic.",
    "The President conveyed that the United States will send additional doctors to the region.",
    "She relayed that Norway will open a new consulate in Chicago.",
    "He revealed that Norway will double its contribution to the vaccine fund.",
])
def test_news_passed_on_of_an_undertaking_is_a_commitment(extractor, sentence):
    assert ("commitment", "firm") in _found(extractor, sentence)


@pytest.mark.parametrize("sentence", [
    "He shared that the talks had been productive.",
    "He shared his concern about the drought in the region.",
    "The leaders shared their views on the situation in the Arctic.",
    "A recent study revealed that most of the loans were never repaid.",
])
def test_news_passed_on_without_an_undertaking_is_none(extractor, sentence):
    assert all(kind != "commitment" for kind, _ in _found(extractor, sentence))


@pytest.mark.parametrize("sentence", [
    "The Prime Minister shared his plans to reform the pension system.",
    "The Prime Minister outlined her plans to expand wind power production.",
    "The President detailed his government's plans to build three new hospitals.",
])
def test_own_plans_to_act_carried_by_a_light_verb_are_a_moderate_commitment(extractor, sentence):
    assert ("commitment", "moderate") in _found(extractor, sentence)


@pytest.mark.parametrize("sentence", [
    "They discussed the plan to build a new bridge.",
    "The President described his plans for the summit.",
])
def test_a_plan_discussed_or_with_no_action_is_no_commitment(extractor, sentence):
    assert all(kind != "commitment" for kind, _ in _found(extractor, sentence))


@pytest.mark.parametrize("sentence, strength", [
    ("The leaders affirmed their keenness to continue to hold the dialogue every year.", "soft"),
    ("The Prime Minister expressed her eagerness to expand cooperation on offshore wind.", "soft"),
    ("The President affirmed his preparedness to send a trade mission to Oslo.", "moderate"),
])
def test_the_noun_of_a_readiness_adjective_carries_an_undertaking(extractor, sentence, strength):
    assert ("commitment", strength) in _found(extractor, sentence)


def test_the_noun_of_a_readiness_adjective_with_no_action_is_none(extractor):
    assert all(kind != "commitment" for kind, _ in _found(extractor, "The leaders noted their keenness on the relationship."))


# -- another party's undertaking welcomed: the sum it announced, or the clause that tells it ---------
@pytest.mark.parametrize("sentence, actor, strength", [
    ("The President welcomed Norway's announcement of $40 million for the new hospital.", "NOR", "firm"),
    ("The President welcomed the announcement that Norway will fund three new clinics in Chad.", "NOR", "firm"),
    ("The Prime Minister welcomed the announcement that the United States plans to open a consulate in Bergen.",
     "USA", "moderate"),
    ("The President welcomed Norway's announcement that it will double its aid to Chad.", "NOR", "firm"),
])
def test_a_welcomed_undertaking_of_a_party_is_its_commitment(extractor, sentence, actor, strength):
    record = extractor.extract_text(OPENING + sentence)
    found = [(s.kind, tuple(s.actors), s.strength) for s in record.statements if s.start >= len(OPENING)]
    assert ("commitment", (actor,), strength) in found


@pytest.mark.parametrize("sentence", [
    "The President welcomed the announcement of the election results.",
    "The President welcomed Norway's announcement of a new strategy for the Arctic.",  # no sum, no action
    "The President welcomed the news that the talks had resumed.",
    "The President welcomed the announcement that the bridge will open in May.",  # a thing, no party
])
def test_a_welcome_of_news_with_no_party_s_undertaking_stays_an_appreciation(extractor, sentence):
    assert all(kind != "commitment" for kind, _ in _found(extractor, sentence))
