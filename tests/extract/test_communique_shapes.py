"""Shapes of group communiqués first met in the third blind batch (session 12): a participle list
after a noun, an undertaking noun before a continuing copula, support for a party under a verb of
undertaking, a stance verb joined after a means gerund, the speakers' report on a thing, and a
group whose members are named with a body that sits with them. Invented sentences."""

import pytest

HEADER = "Joint Statement of Norway and Kenya\n\n"
GROUP = "G7 Leaders' Statement\n\nWe, the Leaders of the Group of Seven (G7), met today in Oslo. "


def _statements(extractor, text: str, header: str = HEADER):
    return extractor.extract_text(header + text).statements


def _commitments(extractor, text: str, header: str = HEADER):
    return [s for s in _statements(extractor, text, header) if s.kind == "commitment"]


# -- a past-participle list after a noun is no list of verb phrases -----------------------------
@pytest.mark.parametrize("sentence", [
    "We will ban imports of timber, logged, sawn, or milled in the occupied areas, by March 1, 2026.",
    "We will restrict the sale of fertilizer, mixed, packaged, or shipped through third countries.",
])
def test_participles_after_a_noun_stay_inside_the_one_undertaking(extractor, sentence):
    found = _commitments(extractor, sentence)
    assert len(found) == 1 and found[0].text.startswith("We will")


def test_a_past_tense_with_an_object_of_its_own_is_no_participle_of_a_noun(extractor):
    # a run-on report: "will take action against X, including Y, condemned Z": its own verb phrase
    found = _statements(extractor, "The Leaders reaffirmed that Norway and Kenya stand together against piracy, "
                                   "will take concerted action against all pirate groups, including groups listed "
                                   "by the Council, condemned cross-border raids, and called for the attackers to "
                                   "be brought to justice.")
    assert any(s.text.startswith("condemned cross-border raids") for s in found)


def test_a_dated_participle_list_keeps_its_due_date(extractor):
    found = _commitments(extractor, "We will ban imports of timber, logged, sawn, or milled in the occupied "
                                    "areas, by March 1, 2026.")
    assert [s.when.due for s in found if s.when is not None] == ["2026-03-01"]


def test_parallel_base_form_verbs_after_will_stay_one_each(extractor):
    found = _commitments(extractor, "We will open a consulate in Mombasa, expand the ferry service, and fund a new "
                                    "clinic.")
    assert len(found) == 3


# -- "Our commitment remains to X" ---------------------------------------------------------------
@pytest.mark.parametrize("sentence, strength", [
    ("Our commitment remains to restrict the export of drones to the armed groups.", "moderate"),
    ("Our pledge remains to double the adaptation fund by 2030.", "moderate"),
    ("Our commitment is to restrict the export of drones to the armed groups.", "moderate"),
])
def test_an_undertaking_noun_before_a_copula_is_an_undertaking(extractor, sentence, strength):
    assert [s.strength for s in _commitments(extractor, sentence)] == [strength]


@pytest.mark.parametrize("sentence", [
    "Our position remains to oppose the dam.",  # no undertaking noun
    "The problem remains to find the money.",
    "Our commitment remained to restrict exports.",  # the past
])
def test_no_undertaking_noun_or_the_past_before_a_copula_is_none(extractor, sentence):
    assert _commitments(extractor, sentence) == []


# -- support for a party under a verb of undertaking ---------------------------------------------
@pytest.mark.parametrize("sentence", [
    "We are determined to support a sovereign and democratic Moldova within its borders.",
    "We remain determined to support Georgia.",
    "We reiterate our commitment to support Armenia.",
])
def test_support_for_a_party_under_an_undertaking_is_a_position(extractor, sentence):
    found = _statements(extractor, sentence)
    assert [s.kind for s in found] == ["position"]


@pytest.mark.parametrize("sentence", [
    "We are determined to support the reconstruction of the port of Odesa.",  # an action named
    "We are determined to support Moldova in rebuilding its power grid.",  # the action the party takes
    "We are determined to support Moldova, including by providing budget aid.",
    "We will continue to support Moldova.",  # "continue": open in the guide, left as it was
    "We are determined to support Moldova and to rebuild its power grid.",  # an action joined to it
])
def test_support_that_names_an_action_stays_an_undertaking(extractor, sentence):
    assert [s.kind for s in _statements(extractor, sentence)][:1] == ["commitment"]


# -- a stance verb joined after a means gerund ---------------------------------------------------
def test_a_stance_verb_after_a_means_gerund_is_a_statement_of_its_own(extractor):
    found = _statements(extractor, "We reaffirm our commitment to ending hunger, including by supporting "
                                   "smallholder farmers and condemn the use of starvation as a weapon.")
    kinds = [(s.kind, s.text.split()[0]) for s in found]
    assert kinds == [("commitment", "We"), ("position", "condemn")]


def test_a_gerund_series_of_means_stays_inside(extractor):
    found = _statements(extractor, "We are committed to improving nutrition by expanding school meals and "
                                   "providing fortified food.")
    assert [s.kind for s in found] == ["commitment"]


# -- whose act a report of the speakers is -------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "We reaffirm that Belarus’s sovereign assets in our jurisdictions will remain immobilized until Belarus pays "
    "for the damage.",
    "We confirm that Belarus’s frozen assets will be kept immobilized.",
])
def test_the_speakers_report_on_a_thing_is_the_speakers_undertaking(extractor, sentence):
    assert [s.actors for s in _commitments(extractor, sentence, GROUP)] == [["G7"]]


def test_the_speakers_report_on_a_party_s_act_is_that_party_s(extractor):
    found = _commitments(extractor, "We reaffirm that Japan will host the next summit.", GROUP)
    assert [s.actors for s in found] == [["JPN"]]


# -- a group named by its members and a body that sits with them ---------------------------------
def test_all_members_with_a_body_that_is_no_country_are_the_group():
    from pledgebook.extract.actors import ActorResolver

    resolver = ActorResolver()
    phrase = ("We, the leaders of Canada, France, Germany, Italy, Japan, the United Kingdom and the United States, "
              "and the President of the European Commission,")
    assert resolver.resolve(phrase, ["G7"], group="G7") == ["G7"]
    # a country that is no member makes it a list of countries
    assert resolver.resolve("Canada, France, Germany, Italy, Japan, the United Kingdom, the United States and "
                            "Norway", ["G7"], group="G7") != ["G7"]


# -- a noun of necessity joined to an undertaking's object ---------------------------------------
def test_a_need_joined_to_an_undertaking_is_a_position_of_its_own(extractor):
    found = _statements(extractor, "We are committed to expanding rail links and the importance of maintaining "
                                   "port security.")
    assert [(s.kind, s.text.split()[0]) for s in found] == [("commitment", "We"), ("position", "the")]


def test_needs_that_name_no_content_are_no_stance(extractor):
    found = _statements(extractor, "We will develop training courses to match our members' needs and requests.")
    assert [s.kind for s in found] == ["commitment"]


def test_a_second_object_of_an_undertaking_stays_inside(extractor):
    found = _statements(extractor, "We are committed to expanding rail links and ferry services.")
    assert [s.kind for s in found] == ["commitment"]


# -- the purposes of a head with no content of its own, hung on the trigger ----------------------
def test_purposes_of_work_after_an_aside_are_one_commitment_each(extractor):
    found = _commitments(extractor, "The ministers intend to work, within their respective mandates, to expand "
                                    "teacher training in rural districts and to increase school meal coverage in "
                                    "the north.")
    assert [s.text.split()[0] for s in found] == ["The", "to"]


def test_a_purpose_with_two_objects_stays_one(extractor):
    found = _commitments(extractor, "We intend to work with partners to expand teacher training and school meals.")
    assert len(found) == 1


# -- an intent rider the parser hung on the last noun of a list ----------------------------------
def test_an_intent_rider_after_a_list_rides_on_the_clause(extractor):
    found = _commitments(extractor, "Our work is organized across three areas: river cleanup, flood defence and "
                                    "forest restoration, with the intent to pursue enhanced actions during the "
                                    "2030s.")
    assert [s.text.split()[:3] for s in found] == [["with", "the", "intent"]]


def test_an_intent_noun_inside_a_noun_phrase_is_no_rider(extractor):
    found = _commitments(extractor, "Our work is organized across three areas: river cleanup, flood defence and a "
                                    "forest plan with the intent of restoring wetlands.")
    assert found == []


# -- a base-form verb the parser made a noun of the previous verb's object -----------------------
@pytest.mark.parametrize("sentence, second", [
    ("We will also continue to coordinate, share lessons, and seek to align our approaches.", "share lessons"),
    ("We will consult, exchange data, and publish a joint report.", "exchange data"),
])
def test_a_verb_after_a_comma_is_no_noun_of_the_object(extractor, sentence, second):
    found = _commitments(extractor, sentence)
    assert second in [s.text for s in found] and len(found) == 3


def test_a_compound_object_without_a_comma_stays_the_object(extractor):
    found = _commitments(extractor, "We will expand trade links with the region.")
    assert [s.text for s in found] == ["We will expand trade links with the region"]
