"""Coordinated purposes that the parser hangs away from the trigger are one commitment each
(extract/purposes.py; annotation guide §3). Invented sentences."""

HEADER = "Joint Statement of Norway and Kenya\n\n"


def _commitments(extractor, sentence: str) -> list[str]:
    record = extractor.extract_text(HEADER + sentence)
    return [" ".join(s.text.split()) for s in record.statements if s.kind == "commitment"]


def test_repeated_infinitives_after_a_noun_are_one_commitment_each(extractor):
    found = _commitments(extractor, "The ministers announced a set of concrete measures to expand rail freight across "
                                    "the region, to increase the capacity of the ports, and to continue to train "
                                    "customs officers.")
    assert found == ["The ministers announced a set of concrete measures to expand rail freight across the region",
                     "to increase the capacity of the ports", "to continue to train customs officers"]


def test_a_second_infinitive_after_and_is_its_own_commitment(extractor):
    found = _commitments(extractor, "Our countries share a desire to deepen the bilateral trade relationship and to "
                                    "pursue opportunities for cooperation in the fisheries sector.")
    assert found[-1] == "to pursue opportunities for cooperation in the fisheries sector"
    assert len(found) == 2


def test_a_verb_the_parser_hangs_on_the_purpose_object_is_its_own_commitment(extractor):
    found = _commitments(extractor, "Norway, through its Ministry of Fisheries, will fund new projects to strengthen "
                                    "Kenya’s maritime law enforcement and coast guard institutions and combat illegal "
                                    "fishing, smuggling, and piracy.")
    assert len(found) == 2
    assert found[1].startswith("combat illegal fishing")


def test_verbs_under_a_nearer_verb_or_on_one_object_stay_one(extractor):
    assert len(_commitments(extractor, "Norway will fund new projects to help farmers grow maize and sell their "
                                       "produce.")) == 1
    assert len(_commitments(extractor, "The sides will take steps to deter and disrupt illegal fishing.")) == 1
    # a bare first object shares what follows the second: one purpose
    assert len(_commitments(extractor, "We will impose restrictive measures to prevent abuse and restrict access to "
                                       "our ports for the vessels concerned.")) == 1


def test_a_stance_verb_after_a_purpose_is_no_purpose(extractor):
    record = extractor.extract_text(HEADER + "The sides will fund projects to expand the railway and reaffirm the "
                                             "importance of regional trade.")
    assert not any(s.rule == "purpose_item" for s in record.statements)


def test_what_a_new_body_is_to_do_stays_in_one_commitment(extractor):
    found = _commitments(extractor, "The Ministry of Trade will work to establish a private-sector business platform "
                                    "to complement the diplomatic platform and strengthen Kenya-Norway economic ties.")
    assert len(found) == 1


def test_verbs_of_a_relative_clause_describe_the_thing(extractor):
    found = _commitments(extractor, "Norway will invest $2 billion to develop food parks across Kenya that will "
                                    "incorporate technologies to reduce food waste, conserve fresh water, and employ "
                                    "renewable energy sources.")
    assert not any(t.startswith(("conserve", "employ")) for t in found)


def test_a_comma_infinitive_after_an_undertaking_noun_is_its_next_item(extractor):
    # the parser hangs ", to enhance" on "reiterated"; it is the pledge's second item (guide §3)
    found = _commitments(extractor, "The two leaders reiterated their pledge to double maize exports by 2030, to "
                                    "enhance grain storage capacity in the coastal counties.")
    assert found == ["The two leaders reiterated their pledge to double maize exports by 2030",
                     "to enhance grain storage capacity in the coastal counties"]


def test_a_closed_series_after_a_verb_with_a_prepositional_object_is_split(extractor):
    found = _commitments(extractor, "Norway expressed its willingness to cooperate with Kenya's efforts to modernise "
                                    "coastal fisheries, to overcome the isolation of coastal villages, and to improve "
                                    "maritime safety.")
    assert found[1:] == ["to overcome the isolation of coastal villages", "to improve maritime safety"]


def test_a_lone_comma_purpose_of_a_verb_stays_inside(extractor):
    found = _commitments(extractor, "We will work with Kenya, to build a new fishing port in Mombasa.")
    assert found == ["We will work with Kenya, to build a new fishing port in Mombasa"]
