"""The innermost act sets an undertaking's strength ("agreed to consider X" is soft: annotation
guide §10 "Undertaking to explore"), each further action of the undertaking by its own act; a
verb the tagger made a noun still continues a series; asking or wanting one's own government or
ministries to act is a directive (guide §2), asking others a call; a pledge hung on the infinitive,
a launch in a news report, attending a meeting to come, a thing's change of state forecast.
Invented sentences."""

import pytest

HEADER = "Joint Statement of Norway and Kenya\n\n"


def _statements(extractor, sentence: str) -> list[tuple[str, str | None, str]]:
    record = extractor.extract_text(HEADER + sentence)
    return [(s.kind, s.strength, " ".join(s.text.split())) for s in record.statements]


def _commitments(extractor, sentence: str) -> list[tuple[str | None, str]]:
    return [(strength, text) for kind, strength, text in _statements(extractor, sentence) if kind == "commitment"]


# -- the innermost act --------------------------------------------------------------------------
def test_agreeing_to_consider_is_soft(extractor):
    assert _commitments(extractor, "The two governments agreed to consider a joint fisheries patrol.") == [
        ("soft", "The two governments agreed to consider a joint fisheries patrol")]


def test_committing_to_explore_is_soft(extractor):
    assert [s for s, _ in _commitments(extractor, "The ministers committed to explore a direct ferry link.")] == ["soft"]


def test_agreeing_to_build_stays_firm(extractor):
    assert [s for s, _ in _commitments(extractor, "The two governments agreed to build a joint fisheries port.")] == ["firm"]


def test_a_further_action_takes_the_strength_of_its_own_act(extractor):
    found = _commitments(extractor, "The ministers agreed to study a rail link and build a new grain terminal.")
    assert found == [("soft", "The ministers agreed to study a rail link"), ("firm", "build a new grain terminal")]


# -- a verb the tagger took for a noun ------------------------------------------------------------
def test_a_series_verb_tagged_as_a_noun_is_an_item_of_its_own(extractor):
    found = _commitments(extractor, "They also agreed to share customs experience, exchange customs-related data and consider "
                                    "drafting a treaty on extradition.")
    assert found == [("firm", "They also agreed to share customs experience"),
                     ("firm", "exchange customs-related data"),
                     ("soft", "consider drafting a treaty on extradition")]


# -- directives to one's own officials, calls on others ------------------------------------------
def test_asking_the_parties_own_ministries_is_a_directive(extractor):
    found = _commitments(extractor, "The leaders asked the two countries' ministries to prepare a fisheries roadmap.")
    assert found == [("firm", "The leaders asked the two countries' ministries to prepare a fisheries roadmap")]


def test_asking_ones_own_cabinet_is_a_directive_of_the_innermost_strength(extractor):
    found = _commitments(extractor, "The prime minister asked his cabinet to consider a new port levy.")
    assert found == [("soft", "The prime minister asked his cabinet to consider a new port levy")]


def test_asking_another_body_is_a_call(extractor):
    found = _statements(extractor, "The leaders asked the World Bank to finance the fisheries roadmap.")
    assert [kind for kind, _, _ in found] == ["position"]


def test_asking_a_counterpart_is_a_call(extractor):
    found = _statements(extractor, "The president asked his counterpart to release the fishermen.")
    assert [kind for kind, _, _ in found] == ["position"]


def test_asking_about_something_states_nothing(extractor):
    assert _statements(extractor, "Reporters asked the minister about the fisheries deal.") == []


def test_wanting_ones_own_government_to_act_is_a_soft_directive(extractor):
    found = _commitments(extractor, "The president wants his government to quickly present a plan for the port.")
    assert found == [("soft", "The president wants his government to quickly present a plan for the port")]


def test_wanting_another_state_to_act_is_no_undertaking(extractor):
    assert _commitments(extractor, "The president wants Norway to build the port.") == []


def test_wanting_ones_government_to_be_in_a_state_is_no_undertaking(extractor):
    assert _commitments(extractor, "The president wants his government to be transparent.") == []


def test_a_call_under_a_modal_stays_a_call(extractor):
    found = _statements(extractor, "We would urge all coastal states to ratify the fisheries treaty.")
    assert [kind for kind, _, _ in found] == ["position"]


def test_a_call_sharing_the_modal_of_the_verb_before_it_stays_a_call(extractor):
    found = _statements(extractor, "We will set up marine reserves and urge other coastal states to do the same.")
    assert [kind for kind, _, _ in found] == ["commitment", "position"], found
    # a directive to one's own officials sharing the modal stays an undertaking
    found = _commitments(extractor, "We will set up marine reserves and ask our ministers to report on them yearly.")
    assert len(found) == 2, found


def test_a_directive_under_a_modal_stays_a_directive(extractor):
    found = _commitments(extractor, "We will ask our ministers to prepare a fisheries roadmap.")
    assert [s for s, _ in found] == ["firm"]


def test_asking_a_question_states_nothing(extractor):
    assert _statements(extractor, "I now ask how much longer the illegal fishing will go on.") == []


# -- a pledge after the action of the main clause -------------------------------------------------
def test_a_pledge_hung_on_the_infinitive_is_an_undertaking_of_its_own(extractor):
    found = _commitments(extractor, "The president vowed to deepen ties with the islands, pledging closer cooperation "
                                    "on fisheries and port development.")
    assert [text for _, text in found] == ["The president vowed to deepen ties with the islands",
                                           "pledging closer cooperation on fisheries and port development"]


def test_a_remark_hung_on_the_infinitive_is_no_undertaking(extractor):
    found = _commitments(extractor, "The minister agreed to expand the port, noting its importance.")
    assert [text for _, text in found] == ["The minister agreed to expand the port"]


# -- the meeting an undertaking was made at --------------------------------------------------------
def test_a_closing_during_a_visit_is_kept_out_of_the_undertaking(extractor):
    found = _commitments(extractor, "The two leaders agreed to expand trade in fish during their talks in Nairobi.")
    assert [text for _, text in found] == ["The two leaders agreed to expand trade in fish"]


def test_a_closing_during_a_period_stays_in_the_undertaking(extractor):
    found = _commitments(extractor, "The two sides agreed to cooperate closely during the transition period.")
    assert [text for _, text in found] == ["The two sides agreed to cooperate closely during the transition period"]


# -- a launch told in a news report -------------------------------------------------------------
NEWS_OPENING = "Zambia and Angola hold talks on the railway\n\nLUSAKA, May 4, 2021 -- Zambia and Angola held talks on Monday.\n\n"


def _news_launches(extractor, sentence: str) -> list[str]:
    record = extractor.extract_text(NEWS_OPENING + sentence)
    return [s.rule for s in record.statements if s.start >= len(NEWS_OPENING) and s.kind == "commitment"]


def test_a_named_partys_launch_of_counted_scholarships_in_a_news_report_is_an_undertaking(extractor):
    assert _news_launches(extractor, "President Hichilema also announced ten railway scholarships for Angolans.") == [
        "launched_mechanism"]


def test_we_launched_in_a_news_report_recounts(extractor):
    assert _news_launches(extractor, '"We launched ten railway scholarships for Angolans," the minister said.') == []


# -- a thing's change of state forecast ---------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "The cost of shipping grain across the border will fall sharply, the minister said.",
    "The minister said the new terminal will become the largest port in the region.",
])
def test_a_things_change_of_state_to_come_is_forecast(extractor, sentence):
    assert [kind for kind, _, _ in _statements(extractor, sentence)] == ["appreciation"]


@pytest.mark.parametrize("sentence", [
    "The two countries will become strategic partners in fisheries.",
    "The ministry will decrease tariffs on fish imports.",
])
def test_a_party_becoming_or_a_transitive_decrease_stays_an_undertaking(extractor, sentence):
    assert [kind for kind, _, _ in _statements(extractor, sentence)] == ["commitment"]


# -- readiness, and the items that follow it -----------------------------------------------------
def test_support_coordinated_with_willingness_keeps_the_undertaking(extractor):
    found = _statements(extractor, "Kenya supports and is willing to join the new fisheries initiative.")
    assert [(kind, strength) for kind, strength, _ in found] == [("position", None), ("commitment", "soft")]


def test_willingness_and_readiness_are_soft(extractor):
    for sentence in ("Kenya is willing to expand fish imports from Norway.",
                     "Kenya expressed its readiness to expand fish imports from Norway."):
        assert [s for s, _ in _commitments(extractor, sentence)] == ["soft"]


def test_the_last_item_after_and_an_adverb_is_an_item_of_its_own(extractor):
    found = _commitments(extractor, "Kenya is ready to expand fisheries ties, strengthen port cooperation and actively "
                                    "promote the new rail corridor.")
    assert [text for _, text in found][-1] == "actively promote the new rail corridor"


def test_asking_ones_named_envoys_after_a_comma_is_a_directive(extractor):
    found = _commitments(extractor, "They asked their trade envoys, Anna Berg and Peter Otieno, to explore new "
                                    "areas of cooperation.")
    assert [s for s, _ in found] == ["soft"]
