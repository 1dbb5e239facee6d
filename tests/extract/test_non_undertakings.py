"""Clauses that look like undertakings but undertake nothing of the parties' own (session 14, fp14):
others' favour hoped for, a non-party's decision welcomed, a thing's effect or a principle kept
under "will", a state wished for another, others' bodies or partners asked to act, and a noun of
resolve read as a verb. Each rule with invented sentences it must read and near misses it must
leave as undertakings."""

import pytest

from tests.conftest import commitment_texts, speech_statements, titled_statements


# -- others' favour hoped for (hopes.favour_received; codebook favour_received) ------------------
@pytest.mark.parametrize("text", [
    "We once again hope to merit the trust of Member States.",
    "Our country hopes to receive continued support for lifting the embargo on our exports.",
    "We continue to count on the support of the international community as the process proceeds.",
    "We hope to win the confidence of all delegations.",
])
def test_favour_hoped_for_is_no_undertaking(extractor, tmp_path, text):
    assert commitment_texts(speech_statements(extractor, tmp_path, text)) == []


@pytest.mark.parametrize("text", [
    "We hope to expand our trade with Africa by 2030.",
    "We hope to earn more revenue from tourism by expanding our airports.",
])
def test_a_hope_of_an_own_act_stays_an_undertaking(extractor, tmp_path, text):
    assert commitment_texts(speech_statements(extractor, tmp_path, text))


# -- a non-party's undertaking welcomed (pipeline._others_undertaking) ---------------------------
def test_a_non_partys_decision_welcomed_is_a_position(extractor):
    found = titled_statements(extractor, "Canada and Japan warmly welcomed Fiji's recent decision to join the framework as a founding member.")
    assert [(s.kind, s.rule, s.actors) for s in found] == [("position", "welcomed_undertaking_of_non_party", ["CAN", "JPN"])]


def test_a_partys_decision_welcomed_stays_its_commitment(extractor):
    found = titled_statements(extractor, "Canada and Japan welcomed Japan's decision to increase its aid to the region.")
    assert [(s.kind, s.actors) for s in found] == [("commitment", ["JPN"])]


# -- a thing's effect or fate after a stance's clause (clauses._fate_of_the_thing) ---------------
@pytest.mark.parametrize("text", [
    "We believe that this goal is feasible and will promote employment and generate social justice.",
    "We believe that the domination of one people over another is contrary to our times and will soon be swept away.",
])
def test_what_a_thing_will_do_after_a_stance_is_no_undertaking(extractor, tmp_path, text):
    assert commitment_texts(speech_statements(extractor, tmp_path, text)) == []


def test_the_speakers_act_after_a_stance_stays_theirs(extractor, tmp_path):
    text = "We recognise that food security is a priority and will work to expand irrigation in the north."
    assert commitment_texts(speech_statements(extractor, tmp_path, text))


# -- a principle kept, in the passive (decisions._principle_kept) --------------------------------
@pytest.mark.parametrize("text", [
    "I wish to assure this Assembly that democracy, human rights and the rule of law will be upheld.",
    "I assure you that the rights of minorities will be respected.",
])
def test_a_principle_kept_in_the_passive_is_a_position(extractor, tmp_path, text):
    found = speech_statements(extractor, tmp_path, text)
    assert commitment_texts(found) == [] and any(s.kind == "position" for s in found)


def test_a_thing_built_in_the_passive_stays_an_undertaking(extractor, tmp_path):
    text = "I assure the Assembly that the new road will be completed by 2026."
    assert commitment_texts(speech_statements(extractor, tmp_path, text))


# -- a state wished for another (decisions._wished_for_another) ----------------------------------
def test_a_desire_for_a_relationship_to_grow_is_no_undertaking(extractor):
    text = "The two leaders expressed their shared desire for bilateral defense cooperation to grow stronger than ever."
    assert commitment_texts(titled_statements(extractor, "Canada and Japan. " + text)) == []


def test_a_desire_to_act_stays_an_undertaking(extractor):
    text = "The two leaders expressed their shared desire to deepen cooperation on clean energy."
    assert commitment_texts(titled_statements(extractor, "Canada and Japan. " + text))


# -- others' bodies and partners asked to act (decisions._others_body, _addresses_own_officials) ---
@pytest.mark.parametrize("text", [
    "The leaders encouraged the multilateral development banks to expedite this ongoing work.",
    "They encouraged MDBs to expedite this ongoing work.",
])
def test_others_bodies_encouraged_is_a_call(extractor, text):
    found = titled_statements(extractor, "Canada and Japan. " + text)
    assert commitment_texts(found) == [] and any(s.kind == "position" for s in found)


@pytest.mark.parametrize("text", [
    "Both sides encouraged their banks to finance the new port.",
    "Both sides encouraged financial institutions of the two countries to provide financing support for the project.",
    "The two sides encouraged banks in both countries to open branches in each other's territory.",
    "Both sides encouraged Japanese banks to finance the new port.",
    "Both sides encouraged the Silk Road Fund to support the project.",
])
def test_own_or_named_banks_encouraged_stay_an_undertaking(extractor, text):
    assert commitment_texts(titled_statements(extractor, "Canada and Japan. " + text))


@pytest.mark.parametrize("text", [
    "We call on our development partners to support our efforts.",
    "We urge our partners to redouble adaptation finance.",
])
def test_a_call_on_our_partners_is_a_position(extractor, tmp_path, text):
    found = speech_statements(extractor, tmp_path, text)
    assert commitment_texts(found) == [] and any(s.kind == "position" for s in found)


def test_a_call_on_own_ministers_stays_a_directive(extractor):
    found = titled_statements(extractor, "Canada and Japan. The leaders called on their ministers to conclude the negotiations by June.")
    assert commitment_texts(found)


# -- a noun of resolve read as a verb (misparsed.noun_read_as_verb) ------------------------------
def test_solidarity_and_resolve_is_a_noun(extractor):
    text = "We will coordinate to support targeted states as a demonstration of solidarity and resolve to uphold the rule of law."
    found = commitment_texts(titled_statements(extractor, "Canada and Japan. " + text))
    assert not any(t.startswith("resolve") for t in found)


def test_resolve_after_a_comma_stays_a_verb(extractor):
    text = "The leaders welcome the momentum in relations, and resolve to continue expanding cooperation on energy."
    found = commitment_texts(titled_statements(extractor, "Canada and Japan. " + text))
    assert any(t.startswith("resolve to continue") for t in found)


# -- a light head joined to the verb phrase that carries the content (clauses._light_head_alone) ---
def test_a_light_head_and_its_content_verb_are_one_undertaking(extractor):
    text = "They pledged to take solid action and support efforts to achieve the Paris Agreement temperature goal."
    found = commitment_texts(titled_statements(extractor, "Canada and Japan. " + text))
    assert found == ["They pledged to take solid action and support efforts to achieve the Paris Agreement temperature goal"]


@pytest.mark.parametrize("text, count", [
    ("They agreed to take concrete steps to cut emissions, and expand renewable energy.", 2),
    ("They pledged to build new schools and expand clinics in every province.", 2),
])
def test_verb_phrases_with_content_stay_apart(extractor, text, count):
    assert len(commitment_texts(titled_statements(extractor, "Canada and Japan. " + text))) == count
