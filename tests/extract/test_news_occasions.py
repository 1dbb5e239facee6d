"""News reports of visits and joint statements from outlets of many countries (session 14, news14):
a fronted participial clause the parser reads as the clausal subject, reporting verbs that carry a
noun of undertaking, phrases that name the text or occasion before the subject, and title-case
datelines at a capital. Invented sentences only."""

import pytest

from tests.conftest import speech_statements  # noqa: F401  (the shared helpers, as the other files)

OPENING = "Zambia and Angola hold talks on the railway\n\nLUSAKA, May 4, 2021 -- Zambia and Angola held talks on Monday.\n\n"


def _found(extractor, sentence: str):
    record = extractor.extract_text(OPENING + sentence)
    return [(s.kind, s.strength, s.actors, " ".join(s.text.split())) for s in record.statements if s.start >= len(OPENING)]


# -- a fronted participle read as the clausal subject (misparsed.subject_behind_fronted_participle) --------
def test_the_subject_swallowed_by_a_fronted_participle_undertakes(extractor):
    found = _found(extractor, 'Calling the relationship "exemplary", Zambia and Angola on Monday agreed to expand the border market.')
    assert ("commitment", "firm", ["AGO", "ZMB"], "Zambia and Angola on Monday agreed to expand the border market") in found


def test_a_true_clausal_subject_names_no_party(extractor):
    assert not any(k == "commitment" for k, *_ in _found(extractor, "Building a railway, a port and a road requires funds from Zambia and Angola."))


# -- reporting verbs that carry a noun of undertaking (triggers.yaml undertaking_light_verbs) -------------
@pytest.mark.parametrize("sentence, strength", [
    ("Zambia and Angola stated their shared desire to expand trade and investment.", "soft"),
    ("Angola declares its readiness to host the next meeting of the joint commission.", "soft"),
    ("Zambia and Angola signalled their intention to build the railway to Lobito.", "moderate"),
])
def test_a_reported_noun_of_undertaking_is_an_undertaking(extractor, sentence, strength):
    assert any(k == "commitment" and s == strength for k, s, _, _ in _found(extractor, sentence))


@pytest.mark.parametrize("sentence", [
    "The Zambian delegation would like to state its views on the railway.",  # a speech's frame
    "Angola condemned the openly declared support by a neighbour for the rebels.",  # someone else's stance
])
def test_reporting_verbs_carry_no_other_noun(extractor, sentence):
    assert [k for k, *_ in _found(extractor, sentence)] in ([], ["position"])


# -- the text or occasion named before the subject (news.occasion_phrases) -----------------------------------
@pytest.mark.parametrize("sentence, span", [
    ("In a joint statement issued on Wednesday, the two countries agreed to build the railway.",
     "the two countries agreed to build the railway"),
    ("On the occasion of the visit, the two presidents pledged to double trade by 2030.",
     "the two presidents pledged to double trade by 2030"),
])
def test_the_text_or_occasion_before_the_subject_is_cut_from_the_span(extractor, sentence, span):
    assert [t for k, _, _, t in _found(extractor, sentence) if k == "commitment"] == [span]


def test_a_time_before_the_subject_stays_in_the_span(extractor):
    found = _found(extractor, "In 2019, the two countries agreed to build the railway.")
    assert [t for k, _, _, t in found if k == "commitment"] == ["In 2019, the two countries agreed to build the railway"]


# -- "New Delhi: " datelines (segment.yaml place_datelines) ----------------------------------------------------
@pytest.mark.parametrize("line, place", [
    ("New Delhi: India and Nepal on Thursday decided to expedite the rail links.", "New Delhi"),
    ("Abu Dhabi: The UAE and Saudi Arabia stressed their keenness to cooperate.", "Abu Dhabi"),
    ("Source: Reuters", None),  # a label
    ("Putin: Turkish gas hub still on agenda", None),  # a speaker
    ("Sustainable Development: Our Path to Inclusive Growth", None),  # a heading
])
def test_a_title_case_place_before_a_colon_is_a_dateline_only_at_a_capital(extractor, line, place):
    dateline = extractor.codebook.segmentation.dateline(line)
    assert (dateline.place if dateline else None) == place


def test_a_capital_dateline_gives_the_place_and_frees_the_first_sentence(extractor):
    text = "India and Nepal sign pacts\n\nNew Delhi: India and Nepal on Thursday decided to expedite the rail links.\n"
    record = extractor.extract_text(text)
    assert record.document.place == "New Delhi"
    assert [s.text for s in record.statements if s.kind == "commitment"] == ["India and Nepal on Thursday decided to expedite the rail links"]


# -- talks held are a meeting (triggers.yaml held_discussion_nouns, holding_verbs) ----------------------------
@pytest.mark.parametrize("sentence", [
    "Hichilema held comprehensive talks with his Angolan counterpart.",
    "The two leaders had a phone conversation on Monday.",
])
def test_talks_held_are_the_meeting(extractor, sentence):
    assert [k for k, *_ in _found(extractor, sentence)] == ["meeting"]


@pytest.mark.parametrize("sentence, kinds", [
    ("The two presidents had in-depth discussions on the railway and the port.", ["discussion"]),  # a topic discussed
    ("Angola holds the view that the railway must be built.", ["discussion"]),  # a view held, no meeting
    ("The two presidents agreed to hold talks on the railway next year.", ["commitment"]),  # talks to come
])
def test_discussions_views_and_talks_to_come_are_no_meeting_held(extractor, sentence, kinds):
    assert [k for k, *_ in _found(extractor, sentence)] == kinds


# -- the parties' own joint text (triggers.yaml verbs flagged own_text, own_text_marks) -------------------------
@pytest.mark.parametrize("sentence", [
    "On this occasion, the two sides issued a joint statement on the railway.",
    "The two countries adopted a joint declaration on preventing future pandemics.",
    "The two presidents released a joint press statement highlighting the outcome of the visit.",
])
def test_a_joint_text_issued_or_adopted_is_an_agreement(extractor, sentence):
    assert [k for k, *_ in _found(extractor, sentence)] == ["agreement"]


@pytest.mark.parametrize("sentence", [
    "The General Assembly adopted a resolution on the railway.",  # others' text, no mark of the parties' own
    "The ministry issued a warning on the floods.",  # no instrument
])
def test_texts_of_others_and_other_things_issued_are_no_agreement(extractor, sentence):
    assert "agreement" not in [k for k, *_ in _found(extractor, sentence)]


# the one own_text test: said of the speakers OR the instrument marked as theirs (either is enough)
@pytest.mark.parametrize("sentence", [
    "Kenya and Rwanda issued a joint communique on the cross-border railway.",  # named states, marked joint
    "Peru and Chile released a joint declaration on fisheries management.",
    "They released a statement on the fisheries dispute.",  # the speakers, no mark
])
def test_a_marked_text_or_a_text_of_the_speakers_is_an_agreement(extractor, sentence):
    assert [k for k, *_ in _found(extractor, sentence)] == ["agreement"], _found(extractor, sentence)


@pytest.mark.parametrize("sentence", [
    "Kenya and Rwanda issued a communique on the cross-border railway.",  # named states, no mark: not said as theirs
    "The Security Council released a statement on the fisheries dispute.",  # another body's text
    "The central bank released $50 million in emergency credit.",  # no instrument
])
def test_an_unmarked_text_of_others_is_no_agreement(extractor, sentence):
    assert "agreement" not in [k for k, *_ in _found(extractor, sentence)], _found(extractor, sentence)
