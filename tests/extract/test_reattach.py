"""A second main clause the parser hung on the first clause's object is read as a clause of its own
(extract/reattach.py), and a coordinated clause with a finite auxiliary is cut out of the span
before it (clauses._finite). Invented texts."""

from tests.conftest import joint_statements


def _statements(extractor, body: str, title: str = "Joint Statement of the Leaders of Kenya and Norway"):
    return [(kind, text) for kind, _strength, text, _rule in joint_statements(extractor, body, title)]


def _commitments(found):
    return [text for kind, text in found if kind == "commitment"]


def test_a_second_clause_with_the_same_subject_after_a_that_clause(extractor):
    found = _statements(extractor, "We reaffirm that ending hunger is a common goal for the whole region, and we "
                                   "continue to make every effort to expand school meals programmes.")
    assert _commitments(found) == ["we continue to make every effort to expand school meals programmes"]
    assert ("position", "We reaffirm that ending hunger is a common goal for the whole region") in found


def test_a_reported_clause_with_another_subject_stays_reported(extractor):
    found = _statements(extractor, "We reaffirm that fisheries are a shared resource, and that Kenya will "
                                   "expand its patrols in Lake Victoria.")
    assert len(_commitments(found)) == 1
    assert _commitments(found)[0].startswith("We reaffirm that")


def test_a_stance_verb_after_a_purpose_is_the_speakers_own(extractor):
    found = _statements(extractor, "We also commit to strengthening cooperation to promote access to clean water "
                                   "in the region and reaffirm a shared commitment to the early completion of the "
                                   "Turkwel irrigation scheme.")
    assert _commitments(found) == [
        "We also commit to strengthening cooperation to promote access to clean water in the region",
        "reaffirm a shared commitment to the early completion of the Turkwel irrigation scheme"]


def test_a_stance_verb_after_a_long_object_is_the_speakers_own(extractor):
    found = _statements(extractor, "We acknowledge the importance of moving goods across borders through an "
                                   "open, reliable, and secure corridor and reiterate our shared commitment to "
                                   "participating in regional customs fora.")
    assert _commitments(found) == ["reiterate our shared commitment to participating in regional customs fora"]


def test_a_base_form_under_a_modal_is_left_where_the_parser_put_it(extractor):
    # under "will" the base form may be one more purpose of the undertaking: no re-heading
    from pledgebook.extract.reattach import reattach_main_clauses

    doc = extractor.parser("We will build new clinics to expand care and reaffirm our support.")
    heads = [t.head.i for t in doc]
    reattach_main_clauses(doc, extractor.lex)
    assert [t.head.i for t in doc] == heads


def test_a_stray_clause_is_re_headed_on_the_main_verb(extractor):
    from pledgebook.extract.reattach import reattach_main_clauses

    doc = extractor.parser("We reaffirm that ending hunger is a common goal, and we continue to fund school meals.")
    reattach_main_clauses(doc, extractor.lex)
    cont = next(t for t in doc if t.lower_ == "continue")
    assert cont.head.lower_ == "reaffirm" and cont.dep_ == "conj"


def test_a_clause_in_the_present_perfect_is_cut_from_the_undertaking(extractor):
    found = _statements(extractor, "By the end of 2026, we intend to connect our power grids, and our countries "
                                   "have taken initial steps to test the lines.")
    assert _commitments(found) == ["By the end of 2026, we intend to connect our power grids"]


def test_a_verb_that_also_acts_stays_a_second_action(extractor):
    # "share" can be an action: "plan to create and share resources" is one plan, not a stance
    found = _statements(extractor, "Members plan to create and share resources to build their national fisheries "
                                   "capacity.")
    assert [kind for kind, _ in found] == ["commitment"]


def test_a_past_tense_verb_hung_on_an_infinitive_is_a_clause_of_its_own(extractor):
    found = _statements(extractor, "President Ruto reaffirmed his intent to host the next Fisheries Summit in the "
                                   "first quarter of 2026 and relayed the importance of follow-through on pledges.")
    assert _commitments(found) == ["President Ruto reaffirmed his intent to host the next Fisheries Summit in the "
                                   "first quarter of 2026"]


def test_a_verb_that_carries_the_infinitive_on_stays_in_it(extractor):
    found = _statements(extractor, "Kenya reaffirmed its intent to build the port and to expand the railway.")
    assert len(_commitments(found)) == 2


def test_a_base_form_after_an_infinitive_stays_a_second_purpose(extractor):
    # "put" looks like a past tense: "to achieve X and put an end to Y" carries the infinitive on
    from pledgebook.extract.reattach import reattach_main_clauses

    doc = extractor.parser("The United States affirmed its support for malaria control programs, with an aim to "
                           "achieve sustainable control and put an end to the epidemic by 2030.")
    heads = [t.head.i for t in doc]
    reattach_main_clauses(doc, extractor.lex)
    assert [t.head.i for t in doc] == heads


def test_a_second_past_verb_with_an_object_of_its_own_stays_in_the_statement(extractor):
    found = _statements(extractor, "Kenya and Norway welcomed naval officers into their training schools and "
                                   "embedded liaison staff in their coast guards.")
    assert any(text.endswith("embedded liaison staff in their coast guards") for _, text in found)


# -- a bare verb phrase the parser hung where it cannot belong carries on the undertaking (guide §3) ------
def test_a_base_verb_hung_on_a_finite_verb_carries_on_the_modal(extractor):
    found = _commitments(_statements(extractor, "Kenya will continue to support the fishing cooperatives for as "
                                                "long as it takes and hold poachers accountable for their crimes."))
    assert len(found) == 2
    assert found[1].startswith("hold poachers accountable")


def test_a_verb_after_comma_and_following_a_purpose_carries_on_the_main_verb(extractor):
    found = _commitments(_statements(extractor, "We will share catch data with regional partners to improve "
                                                "our joint models of fish stocks, and open new landing sites."))
    assert len(found) == 2
    assert found[1].startswith("open new landing sites")


def test_purposes_joined_without_a_comma_stay_one(extractor):
    found = _commitments(_statements(extractor, "We will share catch data with regional partners to improve "
                                                "stock models and protect spawning grounds."))
    assert len(found) == 1


# -- a list of verb phrases under one subject, one of them misread (annotation guide §3) -----------

def test_a_verb_list_with_a_verb_the_tagger_read_as_a_noun(extractor):
    # "concur" tagged a noun, "underscore" hung on "acquires" inside the need-clause
    found = _statements(extractor, "They support new fisheries patrols in the Gulf of Aden, concur on the need to "
                                   "ensure Somalia never loses or sells its fishing rights, underscore the "
                                   "importance of the March donors' conference in Nairobi, and support the "
                                   "territorial integrity of Somalia.")
    assert any(text == "They support new fisheries patrols in the Gulf of Aden" for kind, text in found)
    assert any(text.startswith("concur on the need to ensure Somalia") for kind, text in found)
    assert any(kind == "position" and text.startswith("underscore the importance of the March donors") for kind, text in found)
    assert not any(kind == "commitment" and "underscore" in text for kind, text in found)


def test_a_verb_list_in_the_third_person(extractor):
    found = _statements(extractor, "Kenya supports the new river basin plan, underscores the need for flood "
                                   "warnings that reach every village, and concurs on the schedule.")
    assert _commitments(found) == ["Kenya supports the new river basin plan"]


def test_a_base_verb_that_can_carry_on_an_infinitive_stays_with_it(extractor):
    # "promote" may be the second purpose of "to ensure": not a trigger verb, nothing is re-headed
    found = _statements(extractor, "We support efforts to ensure that every village receives clean water, "
                                   "promote hygiene training and expand rural clinics.")
    assert not any(text.startswith("promote hygiene") and kind == "position" for kind, text in found)


def test_a_noun_list_after_a_verb_stays_a_noun_list(extractor):
    # "support" after a comma is a noun here (English uses it as both): nothing is re-headed
    found = _statements(extractor, "We welcome progress in river transport, support for the fishing "
                                   "cooperatives, and respect for the basin treaty.")
    assert not any(text.startswith("support for the fishing") for kind, text in found)


# -- a stance participle inside a list of undertakings (annotation guide batch 6, stance riders) -----

def test_a_stance_rider_inside_a_repeated_preposition_list(extractor):
    found = _statements(extractor, "The ministers affirmed their support for ensuring that the river basin is "
                                   "free from industrial waste, underscoring the role of local councils, and for "
                                   "restoring the wetlands of the delta.")
    assert ("position", "underscoring the role of local councils") in found
    assert "for restoring the wetlands of the delta" in _commitments(found)
    assert len(_commitments(found)) == 2


def test_a_stance_rider_read_as_a_gerund_list_item(extractor):
    found = _statements(extractor, "The ministers reaffirmed their support for expanding the port of Lamu, "
                                   "highlighting the value of regional trade.")
    assert _commitments(found) == ["The ministers reaffirmed their support for expanding the port of Lamu"]
    assert ("position", "highlighting the value of regional trade") in found


def test_an_infinitive_after_a_stance_rider_is_the_next_undertaking(extractor):
    found = _statements(extractor, "The ministers agreed to expand port capacity, stressing the importance of the "
                                   "ocean economy, and to train more harbour pilots.")
    assert _commitments(found) == ["The ministers agreed to expand port capacity", "to train more harbour pilots"]


def test_a_sharing_participle_is_no_stance_rider(extractor):
    # "sharing" passes things on; it is not re-headed as a stance
    found = _statements(extractor, "The ministers reaffirmed their support for expanding the port of Lamu, "
                                   "sharing port data with the county.")
    assert not any(kind == "position" and text.startswith("sharing") for kind, text in found)


# -- two main clauses joined by a comma alone (a comma splice) --------------------------------------

def test_a_comma_splice_of_two_undertakings_is_two_statements(extractor):
    found = _statements(extractor, "Kenya will continue to train fisheries inspectors, we will share our "
                                   "patrol data with Norway.")
    assert _commitments(found) == ["Kenya will continue to train fisheries inspectors",
                                   "we will share our patrol data with Norway"]


def test_a_fronted_report_is_no_comma_splice(extractor):
    # no modal on the reporting verb: the first clause is what it reports
    found = _statements(extractor, "Kenya will train fisheries inspectors, the minister said.")
    assert len(found) <= 1


def test_a_counterfactual_before_a_comma_is_no_undertaking(extractor):
    found = _statements(extractor, "If we had the boats, we would have patrolled the lake, we will now ask "
                                   "Norway for help.")
    assert not any(text.startswith("If we had the boats") and kind == "commitment" for kind, text in found)


def test_a_verb_hung_on_a_predicative_adjective_is_a_second_undertaking(extractor):
    # "keep X open and address Y": the parser hangs "address" on "open"; it carries on "keep"
    found = _statements(extractor, "We reaffirm our commitment to keep our markets open and tackle delays "
                                   "in cargo clearance.")
    assert _commitments(found) == ["We reaffirm our commitment to keep our markets open",
                                   "tackle delays in cargo clearance"]


def test_a_gerund_hung_on_a_predicative_adjective_is_a_second_undertaking(extractor):
    found = _statements(extractor, "The two sides reaffirmed their commitment to keeping the border markets open "
                                   "and boosting cross-border dairy trade.")
    assert _commitments(found) == ["The two sides reaffirmed their commitment to keeping the border markets open",
                                   "boosting cross-border dairy trade"]


def test_adjectives_joined_after_a_predicative_adjective_stay_one(extractor):
    # two adjectives, or a participle with its own "to", are no second verb phrase
    found = _statements(extractor, "We will keep the border crossings open and safe.")
    assert _commitments(found) == ["We will keep the border crossings open and safe"]
    from pledgebook.extract.reattach import reattach_main_clauses

    doc = extractor.parser("We will make river transport cheaper and better placed to serve the farmers.")
    heads = [t.head.i for t in doc]
    reattach_main_clauses(doc, extractor.lex)
    assert [t.head.i for t in doc] == heads
