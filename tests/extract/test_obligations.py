"""Obligations listed inside one sentence or under a lead-in: one commitment per obligation,
each with its own span, the lead-in's actors and strength (issue 11, class 3). Invented text."""

import pytest

from pledgebook.segment.markers import inline_enumerators

HEADER = "Joint Statement on a Trade Framework between Norway and Kenya\n\n"


def _commitments(extractor, body: str) -> list[tuple[str, list[str], str | None]]:
    record = extractor.extract_text(HEADER + body)
    return [(" ".join(s.text.split()), s.actors, s.strength) for s in record.statements if s.kind == "commitment"]


def test_numbered_obligations_inside_a_sentence_are_one_commitment_each(extractor):
    found = _commitments(extractor, "Norway will (1) lower tariffs on machinery and (2) lift quotas on rice imports.")
    assert ("lower tariffs on machinery", ["NOR"], "firm") in found
    assert ("lift quotas on rice imports", ["NOR"], "firm") in found


def test_lettered_obligations_after_semicolons_take_the_subject_of_the_sentence(extractor):
    found = _commitments(extractor, "Kenya will (a) remove duties on medical devices; (b) accept vehicles built "
                                    "to Norwegian standards; and (c) eliminate export restrictions on minerals.")
    assert [t for t, _, _ in found] == ["remove duties on medical devices", "accept vehicles built to Norwegian standards",
                                        "eliminate export restrictions on minerals"]
    assert all(actors == ["KEN"] for _, actors, _ in found)


def test_half_bracketed_roman_numerals_in_order_cut_a_sentence(extractor):
    found = _commitments(extractor, "The two sides will i) expand port access and ii) simplify customs procedures.")
    assert [t for t, _, _ in found] == ["expand port access", "simplify customs procedures"]


@pytest.mark.parametrize("clean, cuts", [
    ("will i) expand access and ii) simplify procedures", 2),
    ("will a) expand access, b) simplify procedures and c) open offices", 3),
    ("see annex ii) and section 3) of the text", 0),  # labels out of order: no enumeration
    ("will (i) expand access and (ii) simplify procedures", 2),
    ("only one i) here", 0),
])
def test_inline_enumerators_need_a_run_in_order(clean, cuts):
    assert len(inline_enumerators(clean)) == cuts


def test_participles_after_a_committing_lead_in_and_a_colon(extractor):
    found = _commitments(extractor, "The two countries intend to take the following steps: lifting the quotas on "
                                    "steel, aluminium and copper, reducing tariffs on textiles, and opening public "
                                    "procurement to each other's firms.")
    assert found == [
        ("lifting the quotas on steel, aluminium and copper", ["KEN", "NOR"], "moderate"),  # "intend": moderate
        ("reducing tariffs on textiles", ["KEN", "NOR"], "moderate"),
        ("opening public procurement to each other's firms", ["KEN", "NOR"], "moderate"),
    ]


def test_a_colon_after_words_that_commit_to_nothing_lists_no_obligations(extractor):
    found = _commitments(extractor, "The ministers reviewed the following sectors: mining, fishing, and farming.")
    assert found == []


def test_an_including_phrase_after_a_colon_is_no_participle_item(extractor):
    found = _commitments(extractor, "Kenya will take the following step: lifting the ban on maize imports, "
                                    "including imports from Norway.")
    assert [t for t, _, _ in found] != ["lifting the ban on maize imports", "including imports from Norway"]
    assert not any(t.startswith("including") for t, _, _ in found)


def test_bullets_after_a_long_committing_lead_in_ending_in_a_colon(extractor):
    found = _commitments(extractor, "We have today pledged to do whatever is necessary to:\n\n"
                                    "• restore confidence in the banking system;\n\n"
                                    "• fund and reform the regional development banks; and\n\n"
                                    "• build an inclusive and green recovery.\n")
    assert [t for t, _, _ in found] == ["restore confidence in the banking system",
                                        "fund and reform the regional development banks",
                                        "build an inclusive and green recovery"]


def test_bullets_under_a_lead_in_that_commits_to_nothing_stay_out(extractor):
    found = _commitments(extractor, "The ministers discussed what is needed to:\n\n"
                                    "• restore confidence in the banking system;\n\n"
                                    "• build an inclusive and green recovery.\n")
    assert found == []


def test_the_items_of_an_including_list_are_means_not_undertakings(extractor):
    found = _commitments(extractor, "Norway and Kenya will deepen cooperation, including through expanded "
                                    "information sharing; support for the return of refugees; and joint training "
                                    "of border guards.")
    assert len(found) == 1 and found[0][0].startswith("Norway and Kenya will deepen cooperation")


def test_an_appreciation_joined_to_an_undertaking_stays_an_appreciation(extractor):
    record = extractor.extract_text(HEADER + "Norway and Kenya intend to update their climate plans by 2026 and "
                                             "welcome those partners who have already done so.")
    kinds = {" ".join(s.text.split()): s.kind for s in record.statements}
    assert kinds.get("welcome those partners who have already done so") == "appreciation"
    assert any(k == "commitment" and t.startswith("Norway and Kenya intend to update") for t, k in kinds.items())


def test_two_actions_joined_by_and_inside_the_first_item_of_a_colon_list_stay_one(extractor):
    found = _commitments(extractor, "The two leaders will seek to: promote business ties and significantly increase "
                                    "bilateral investment; strengthen their industrial bases; and jointly promote "
                                    "growth in East Africa.")
    texts = [t for t, _, _ in found]
    assert not any(t.startswith("significantly increase") for t in texts)
    assert any(t.startswith("strengthen their industrial bases") for t in texts)
    assert any(t.startswith("promote growth in East Africa") for t in texts)


def test_two_actions_joined_by_and_outside_a_list_are_two(extractor):
    found = _commitments(extractor, "Kenya commits to join the regional steel forum and take effective actions to "
                                    "address excess capacity.")
    assert len(found) == 2


def test_a_hyphenated_actor_noun_is_one_subject(extractor):
    found = _commitments(extractor, "The co-chairs intend to meet again next year in Nairobi.")
    assert found and found[0][0] == "The co-chairs intend to meet again next year in Nairobi"


def test_bare_nouns_after_semicolons_are_no_obligations(extractor):
    found = _commitments(extractor, "Norway and Kenya will continue to work toward fair policies that benefit all "
                                    "citizens, regardless of sex or gender; race, ethnicity, or religion; age; "
                                    "disability; or geography.")
    assert [t for t, _, _ in found] == ["Norway and Kenya will continue to work toward fair policies that benefit "
                                        "all citizens, regardless of sex or gender"]


def test_an_including_phrase_inside_an_item_does_not_end_the_list(extractor):
    found = _commitments(extractor, "Together, Norway and Kenya are committed to accelerate the energy transition; "
                                    "mobilize financing for infrastructure, including through their development "
                                    "banks; and promote sustainable growth and financial stability.")
    assert "promote sustainable growth and financial stability" in [t for t, _, _ in found]


def test_topics_after_a_colon_are_no_participle_items(extractor):
    found = _commitments(extractor, "Kenya and Norway will coordinate: in the river deltas; multi-sector "
                                    "adaptation to climate change; pollution reduction.")
    assert len(found) == 1


def test_adjectives_opening_items_of_topics_are_no_obligations(extractor):
    found = _commitments(extractor, "Our countries will expand our work in the Pacific on infrastructure, including "
                                    "transport; cyber security; maritime security, including combatting illegal "
                                    "fishing; and transatlantic trade.")
    assert not any(t.startswith(("cyber", "maritime", "transatlantic")) for t, _, _ in found)
