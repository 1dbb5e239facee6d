"""Clause decisions of joint statements and speeches. A stance kept up under a modal ("we shall
continue to call for X", "will continue to condemn Y") is still a stance, as "continue to condemn" is
without the modal (annotation guide §2: calls and condemnations are positions); an act continued
under the modal stays an undertaking. "concur" reads as "agree". A dedication with no action under a
modal ("will remain committed to the Charter") is the position it is without the modal. "it" after a
leading clause names that clause's party. Directive verbs read the task after "with". Resources
other than money committed are a commitment. Invented sentences."""

HEADER = "Joint Statement of Norway and Kenya\n\n"


def _kinds(extractor, text: str) -> list[str]:
    return [s.kind for s in extractor.extract_text(HEADER + text).statements]


def test_a_call_continued_under_a_modal_is_a_position(extractor):
    assert _kinds(extractor, "We shall continue to call for restraint by all parties to the conflict.") == ["position"]


def test_a_condemnation_continued_under_a_modal_is_a_position(extractor):
    assert _kinds(extractor, "Norway will continue to condemn attacks on aid workers in all their forms.") == ["position"]


def test_an_act_continued_under_a_modal_stays_a_commitment(extractor):
    assert _kinds(extractor, "Norway will continue to fund the maternity clinic in Kisumu.") == ["commitment"]


def test_a_call_on_own_officials_continued_under_a_modal_stays_a_directive(extractor):
    assert _kinds(extractor, "We will continue to call on our ministers to meet every year.") == ["commitment"]


def test_concurring_on_a_need_is_a_position(extractor):
    assert _kinds(extractor, "Norway and Kenya concurred on the need for an early ceasefire in the region.") == ["position"]


def test_concurring_to_act_is_a_commitment(extractor):
    assert _kinds(extractor, "The ministers concurred to set up a joint working group on fisheries.") == ["commitment"]


def test_dedication_to_a_principle_under_a_modal_is_a_position(extractor):
    assert _kinds(extractor, "Kenya will remain dedicated to the values of democracy.") == ["position"]


def test_dedication_kept_up_under_continue_is_a_position(extractor):
    assert _kinds(extractor, "Kenya will continue to be committed to the rule of law.") == ["position"]


def test_dedication_to_an_action_under_a_modal_stays_a_commitment(extractor):
    assert _kinds(extractor, "Kenya will remain committed to building the maternity clinic in Kisumu.") == ["commitment"]


def test_dedication_to_a_reform_under_a_modal_stays_a_commitment(extractor):
    assert _kinds(extractor, "Norway will remain committed to a comprehensive reform of the Security Council.") == ["commitment"]


def test_it_after_a_clause_led_by_a_party_is_that_party(extractor):
    found = [s for s in extractor.extract_text(HEADER + "As Kenya assumes the chairmanship of the regional body next "
                                                        "year, it will host a summit on fisheries.").statements]
    assert [s.kind for s in found] == ["commitment"]
    assert found[0].actors == ["KEN"]


def test_it_after_a_clause_led_by_an_instrument_is_no_party(extractor):
    assert _kinds(extractor, "Once the Agreement enters into force, it will enable faster action on emissions.") == []


def test_it_after_a_coordinated_clause_may_be_its_object(extractor):
    assert "commitment" not in _kinds(extractor, "Kenya welcomed the Roadmap, and it will guide cooperation in the "
                                                 "coming years.")


def test_tasking_own_teams_with_a_gerund_is_a_directive(extractor):
    assert _kinds(extractor, "The two Presidents have charged their teams with intensifying consultations on "
                             "fisheries.") == ["commitment"]


def test_a_passive_charge_with_a_gerund_is_no_directive(extractor):
    assert _kinds(extractor, "The man was charged with smuggling drugs across the border.") == []


def test_resources_committed_are_a_commitment(extractor):
    assert _kinds(extractor, "Norway has committed additional vessels to the fisheries patrol off Mombasa.") == ["commitment"]


def test_crimes_committed_are_no_commitment(extractor):
    assert "commitment" not in _kinds(extractor, "The militia committed grave abuses in the north.")


def test_sharing_things_continued_under_a_modal_stays_a_commitment(extractor):
    assert _kinds(extractor, "Norway will continue to share vaccine doses from its domestic supply.") == ["commitment"]


def test_a_commitment_noun_demonstrated_by_a_thing_is_no_stance_of_a_party(extractor):
    assert _kinds(extractor, "Exercising these new capabilities will demonstrate Norway's commitment to the alliance.") == []
