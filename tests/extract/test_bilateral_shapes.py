"""Shapes of bilateral joint statements, readouts and trade statements (annotation guide §2, §3,
§5, §10): money whose purpose names a series of acts, an undertaking noun joined to the money,
the purposes of a verb with its own object, a noun list closed by a gerund, a relative reason
frame, the strength of an undertaking to explore, and support voiced for an action to come.
Invented sentences."""

from pledgebook.read import read_document

HEADER = "Joint Statement of Norway and Kenya\n\n"


def _statements(extractor, text: str):
    return extractor.extract_text(HEADER + text).statements


def _commitments(extractor, text: str) -> list[str]:
    return [" ".join(s.text.split()) for s in _statements(extractor, text) if s.kind == "commitment"]


def test_money_to_support_a_party_in_several_acts_is_one_commitment_per_act(extractor):
    found = _commitments(extractor, "Norway also announced $12 million to support Kenya in restoring mangrove "
                                    "forests, protecting coral reefs, and expanding rural clinics.")
    assert len(found) == 3
    assert found[1].startswith("protecting coral reefs")


def test_money_with_one_purpose_stays_one(extractor):
    found = _commitments(extractor, "Norway announced $12 million to support Kenya in restoring mangrove forests.")
    assert len(found) == 1


def test_an_intent_joined_to_a_money_pledge_is_a_second_commitment(extractor):
    found = [s for s in _statements(extractor, "The Minister announced a $4 million grant for rural schools, as well "
                                               "as the intent to provide $2 million for water wells in the north.")
             if s.kind == "commitment"]
    assert len(found) == 2
    assert found[1].text.startswith("the intent to provide")
    assert found[0].text.endswith("rural schools")  # (not "..., as well": the joiner goes with neither)
    assert found[1].strength == "moderate"


def test_purposes_of_a_verb_with_its_own_object_stay_inside(extractor):
    found = _commitments(extractor, "The ministers instructed their coast guards to expand joint patrols in the "
                                    "gulf to deter smugglers, rescue migrants, and seize illegal catches.")
    assert len(found) == 1


def test_purposes_of_a_light_object_are_one_commitment_each(extractor):
    found = _commitments(extractor, "We will work together to protect the reefs, restore the mangroves, and "
                                    "clean the beaches.")
    assert len(found) >= 2


def test_a_gerund_closing_a_noun_list_is_no_undertaking_of_its_own(extractor):
    found = _commitments(extractor, "Norway and Kenya will cooperate on port security, customs data, and "
                                    "combatting illegal fishing.")
    assert found == ["Norway and Kenya will cooperate on port security, customs data, and combatting illegal fishing"]


def test_a_gerund_under_its_own_modal_stays_an_undertaking(extractor):
    found = _commitments(extractor, "Norway and Kenya will cooperate on port security and customs data, and will "
                                    "keep combatting illegal fishing.")
    assert len(found) == 2


def test_which_is_why_frames_an_undertaking(extractor):
    statements = _statements(extractor, "Norway and Kenya recognize the need to protect their fisheries, which is "
                                        "why we commit to inspecting every foreign trawler.")
    assert any(s.kind == "commitment" and "inspecting every foreign trawler" in s.text for s in statements)


def test_which_is_not_a_frame_without_why(extractor):
    found = _commitments(extractor, "Norway and Kenya share a long coastline, which is a source of pride.")
    assert found == []


def test_an_undertaking_to_explore_is_soft(extractor):
    for sentence in ("We commit to exploring new routes for ferry services.",
                     "The ministers agreed to consider a joint fisheries fund."):
        found = [s for s in _statements(extractor, sentence) if s.kind == "commitment"]
        assert [s.strength for s in found] == ["soft"], sentence


def test_an_undertaking_to_act_keeps_its_strength(extractor):
    found = [s for s in _statements(extractor, "The ministers agreed to open a joint fisheries fund.")
             if s.kind == "commitment"]
    assert [s.strength for s in found] == ["firm"]


def test_support_expressed_for_an_action_to_come_is_a_soft_commitment(extractor):
    found = [s for s in _statements(extractor, "The President expressed support for the early reopening of the "
                                               "border crossing.") if s.kind == "commitment"]
    assert [s.strength for s in found] == ["soft"]


def test_continued_support_expressed_is_moderate(extractor):
    found = [s for s in _statements(extractor, "The President expressed continued support for the strengthening of "
                                               "the river commission.") if s.kind == "commitment"]
    assert [s.strength for s in found] == ["moderate"]


def test_support_expressed_for_a_party_or_its_place_stays_a_position(extractor):
    for sentence in ("The President expressed support for Ghana's participation in the council.",
                     "The President conveyed his support for Ghana's security and right to self-defense."):
        assert _commitments(extractor, sentence) == [], sentence


def test_a_bold_heading_line_is_its_own_paragraph(extractor, tmp_path):
    path = tmp_path / "statement.md"
    path.write_text("---\ntitle: Joint Statement of Norway and Kenya\n---\n\n"
                    "**<u>Norway – Kenya Cooperation on Fisheries</u>**  \n"
                    "The U.S. and Kenya agree to work to ensure that fish stocks are protected.\n", encoding="utf-8")
    found = [s for s in extractor.extract(read_document(path)).statements if s.kind == "commitment"]
    assert len(found) == 1
    assert found[0].text.startswith("The U.S. and Kenya agree")


def test_support_extended_to_a_project_is_a_commitment(extractor):
    found = [s for s in _statements(extractor, "The Prime Minister extended strong support to the bridge project.")
             if s.kind == "commitment"]
    assert len(found) == 1


def test_welcoming_a_party_s_undertaking_after_by_is_that_party_s_commitment(extractor):
    statements = _statements(extractor, "Norway is committed to working with Kenya to improve fisheries by "
                                        "welcoming Kenya's commitment to restore its coastal wetlands.")
    kenyan = [s for s in statements if s.kind == "commitment" and s.actors == ["KEN"]]
    assert len(kenyan) == 1 and kenyan[0].text.startswith("welcoming Kenya")


def test_welcoming_investors_after_by_is_no_statement_of_its_own(extractor):
    assert len(_commitments(extractor, "Norway will improve fisheries by welcoming foreign investors.")) == 1


def test_a_present_form_in_an_including_list_after_a_past_report_is_a_noun(extractor):
    found = _commitments(extractor, "The Minister reaffirmed her intent to host the next ocean summit and stressed "
                                    "the need for more funding, including grants, support to rebuild reefs, and "
                                    "loans for fishers.")
    assert not any(f.startswith("support to rebuild") for f in found)


def test_and_before_the_present_form_keeps_it_a_clause(extractor):
    found = _commitments(extractor, "The ministers reviewed the port, including the new berths, and agree to open "
                                    "the terminal next year.")
    assert any(f.startswith("agree to open") for f in found)


def test_an_instrument_agreed_with_a_purpose_is_an_agreement(extractor):
    statements = _statements(extractor, "Norway and Kenya have agreed to a Framework for an Agreement on Fisheries "
                                        "to deepen their maritime partnership.")
    assert [s.kind for s in statements] == ["agreement"]


def test_an_action_agreed_is_still_a_commitment(extractor):
    assert len(_commitments(extractor, "Norway and Kenya agreed to sign a Framework on fisheries next year.")) == 1


_LONG_WILL = ("Norway and Kenya will finalize commitments related to protecting the rights of seafarers, including by "
              "working to amend the maritime code to ensure that crews on foreign vessels are paid on time; and "
              "strengthen inspection of fishing vessels, including by training port officers in every coastal county.")
_LONG_COMMITS = ("Kenya commits to adopt high standards of coastal protection and to enforce its fisheries laws, "
                 "including by taking measures to improve port governance and combat the trade in undersized fish; "
                 "encourage a more efficient fleet; and combat illegal fishing in its waters and on the high seas.")


def test_and_a_bare_verb_after_the_means_of_a_will_is_a_second_undertaking(extractor):
    found = _commitments(extractor, _LONG_WILL)
    assert any(f.startswith("strengthen inspection") for f in found)


def test_bare_verbs_after_the_means_of_a_commitment_stay_means(extractor):
    found = _commitments(extractor, _LONG_COMMITS)
    assert not any(f.startswith("combat illegal fishing") for f in found)
