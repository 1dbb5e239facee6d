"""Help pledged to a recipient or in a field is the giver's undertaking (rules.yaml aid_pledged), and
a coordinated subject whose first head the parser misread still names its parties. Invented
sentences only."""

import pytest

LEAD = "Chile and Peru signed a ferry deal in Lima on Monday. "


def _after_lead(extractor, sentence: str):
    return [(s.kind, s.actors, s.strength, s.rule) for s in extractor.extract_text(LEAD + sentence).statements
            if s.start >= len(LEAD)]


@pytest.mark.parametrize("sentence, strength", [
    ("Peru pledged fresh support to Chile in port logistics.", "firm"),
    ("Peru vowed all possible assistance to Chilean fishermen working in its waters.", "moderate"),
    ("Peru offered help to Chile's fishermen after the storm.", "soft"),
    ("Peru offered cooperation in seismology and partnership in tsunami warning.", "soft"),
])
def test_help_pledged_to_a_recipient_or_in_a_field_is_a_commitment_at_the_verbs_strength(extractor, sentence, strength):
    assert _after_lead(extractor, sentence) == [("commitment", ["PER"], strength, "aid_pledged")]


@pytest.mark.parametrize("sentence", [
    "Peru pledged support for the principle of free navigation.",  # support FOR: the object decides
    "Peru received help from Chile in port logistics.",  # help received, not given
    "Peru did not offer help to Chile after the storm.",  # negated
])
def test_support_for_a_thing_help_received_or_refused_is_no_aid_pledged(extractor, sentence):
    assert all(rule != "aid_pledged" for *_, rule in _after_lead(extractor, sentence))


def test_a_coordinated_subject_with_a_misread_first_name_still_undertakes(extractor):
    # "Sang-in" is cut at its hyphen and "in" read as the subject's head: the conjunct names the party
    found = _after_lead(extractor, "Minister Lee Sang-in and his Chilean counterpart Ana Soto vowed to open a "
                                   "second ferry route next year, the ministry said.")
    assert [(kind, actors) for kind, actors, *_ in found] == [("commitment", ["CHL"])]


@pytest.mark.parametrize("sentence", [
    "The ferry terminal and its customs hall will open to passengers soon.",
    "Trade and tourism will grow after the deal.",
])
def test_coordinated_things_stay_no_actor(extractor, sentence):
    assert [k for k, *_ in _after_lead(extractor, sentence) if k == "commitment"] == []


@pytest.mark.parametrize("sentence, words", [
    ("The two ministers issued a joint communique after the talks, in which they agreed to reopen the ferry "
     "line between Arica and Callao.", "in which they agreed to reopen the ferry line between Arica and Callao"),
    ("The presidents met in Tacna, where they pledged to double ferry traffic by 2030.",
     "where they pledged to double ferry traffic by 2030"),
])
def test_an_undertaking_told_in_a_relative_clause_on_an_occasion_is_a_statement(extractor, sentence, words):
    found = [" ".join(s.text.split()) for s in extractor.extract_text(LEAD + sentence).statements
             if s.kind == "commitment" and s.start >= len(LEAD)]
    assert words in found


@pytest.mark.parametrize("sentence", [
    "This is the ferry route we wish to follow.",  # the relative leaves a gap: the route described
    "Ports that pledged to cut fees in Lima saw more traffic.",  # the relative pronoun undertakes: others
    "The ferry line, in which Peru invested heavily, reopened in May.",  # no verb of undertaking
])
def test_a_relative_clause_that_describes_its_antecedent_is_no_undertaking(extractor, sentence):
    assert [s for s in extractor.extract_text(LEAD + sentence).statements
            if s.kind == "commitment" and s.start >= len(LEAD)] == []


@pytest.mark.parametrize("sentence", [
    "Peru set a target of doubling ferry traffic by 2030.",  # (the parser reads "doubling" as an adjective)
    "Peru set an ambitious goal of connecting every port by rail by 2035.",
])
def test_a_goal_set_of_doing_something_is_an_undertaking(extractor, sentence):
    assert [s.kind for s in extractor.extract_text(LEAD + sentence).statements if s.start >= len(LEAD)] == ["commitment"]


@pytest.mark.parametrize("sentence", [
    "Peru has no intention of closing the ferry terminal.",  # no intention: nothing undertaken
    "Peru set targets for ferry emissions.",  # a target with no action
])
def test_no_goal_of_doing_is_no_undertaking(extractor, sentence):
    assert "commitment" not in [s.kind for s in extractor.extract_text(LEAD + sentence).statements
                                if s.start >= len(LEAD)]


def test_it_of_a_passive_verb_of_undertaking_stands_for_those_who_met(extractor):
    found = [(s.kind, s.actors) for s in extractor.extract_text(
        LEAD + "It was agreed to dredge the ferry channel at Arica before the summer.").statements
        if s.start >= len(LEAD)]
    assert found == [("commitment", ["CHL", "PER"])]


@pytest.mark.parametrize("sentence", [
    "It was agreed that ferry traffic had grown.",  # agreed on a view: no infinitive, no undertaking
    "It was expected to rain in Arica.",  # no verb of undertaking
])
def test_it_of_a_passive_without_an_undertaking_gives_no_commitment(extractor, sentence):
    assert "commitment" not in [s.kind for s in extractor.extract_text(LEAD + sentence).statements
                                if s.start >= len(LEAD)]


def test_backing_reads_as_support(extractor):
    """"backing" is a synonym of "support" (codebook nouns): for an action to come, a commitment;
    for an order or a principle, a stance."""
    def kinds(sentence):
        return [s.kind for s in extractor.extract_text(LEAD + sentence).statements if s.start >= len(LEAD)]
    assert kinds("Peru reaffirmed its backing for building a second ferry line to Arica.") == ["commitment"]
    assert kinds("Peru expressed its backing for the rules-based order.") == ["position"]
