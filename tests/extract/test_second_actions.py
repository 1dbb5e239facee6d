"""Second actions of one undertaking, however the parser hangs them, are commitments of their own
(annotation guide §3: "commit to X and to Y" is two; parallel verb phrases with distinct objects
are one each), and the readings that keep a clause from being an undertaking: a scene-setting
phrase before the verb, "the importance of", a past effort, the effect of an undertaking, a
meeting an organisation holds. Invented sentences."""

HEADER = "Joint Statement of Norway and Kenya\n\n"


def _statements(extractor, sentence: str, header: str = HEADER) -> list[tuple[str, str]]:
    record = extractor.extract_text(header + sentence)
    return [(s.kind, " ".join(s.text.split())) for s in record.statements]


def _commitments(extractor, sentence: str) -> list[str]:
    return [text for kind, text in _statements(extractor, sentence) if kind == "commitment"]


# -- second actions -------------------------------------------------------------------------------
def test_a_repeated_to_after_a_long_first_action_is_a_second_commitment(extractor):
    found = _commitments(extractor, "Mindful of regional needs, we commit to strengthening our port authorities in a "
                                    "coordinated manner and to employing a more flexible customs regime, in order to "
                                    "quickly achieve a balanced trade pattern.")
    assert len(found) == 2
    assert found[1].startswith("to employing a more flexible customs regime")


def test_an_infinitive_conjoined_to_the_trigger_is_a_second_commitment(extractor):
    found = _commitments(extractor, "The two Presidents committed to continuing to partner in many fields to capitalize "
                                    "on new opportunity and to jointly lead in meeting the regional challenges of drought.")
    assert len(found) == 2
    assert found[1] == "to jointly lead in meeting the regional challenges of drought"


def test_a_verb_the_parser_joined_to_the_object_is_a_second_commitment(extractor):
    found = _commitments(extractor, "Our finance ministers have committed to support the recovery and address deflationary "
                                    "pressures when needed, consistent with their mandates.")
    assert found == ["Our finance ministers have committed to support the recovery",
                     "address deflationary pressures when needed, consistent with their mandates"]


def test_nouns_and_comma_lists_stay_one_commitment(extractor):
    assert len(_commitments(extractor, "We agreed to support the recovery and growth of the region.")) == 1
    assert len(_commitments(extractor, "We will support the design and use of the new facility.")) == 1
    assert len(_commitments(extractor, "We intend to develop a mapping of digital identity resources, initiatives, "
                                       "and use cases with the aim of advancing research.")) == 1


# -- a light phrase --------------------------------------------------------------------------------
def test_made_clear_his_commitment_is_his_commitment(extractor):
    found = _statements(extractor, "The President made clear his commitment to ensure the border stays open.")
    assert [k for k, _ in found] == ["commitment"]
    assert _statements(extractor, "Kenya made plain its intention to open the border next year.")[0][0] == "commitment"


def test_made_clear_without_an_undertaking_noun_is_no_commitment(extractor):
    assert not _commitments(extractor, "The minister made clear his support for the two-state solution.")


# -- what is no undertaking --------------------------------------------------------------------------
def test_a_phrase_before_the_verb_is_not_its_action(extractor):
    found = _statements(extractor, "On this historic occasion we recommit to our partnership.")
    assert [k for k, _ in found] == ["position"]
    assert _commitments(extractor, "On this occasion we recommit to expanding the rail link.")


def test_the_importance_of_an_action_is_a_position(extractor):
    found = _statements(extractor, "The two leaders agreed on the importance of working together to advance regional "
                                   "stability.")
    assert [k for k, _ in found] == ["position"]
    assert _commitments(extractor, "The two leaders agreed on working together to advance regional stability.")


def test_a_past_effort_is_an_appreciation(extractor):
    found = _statements(extractor, "Throughout its history, Norway has strived to act as an honest broker.")
    assert [k for k, _ in found] == ["appreciation"]
    assert _commitments(extractor, "Norway will strive to act as an honest broker.")
    assert _commitments(extractor, "We strive to expand trade with the region.")
    assert not _statements(extractor, "Since the dawn of civilisation, humankind has endeavoured to improve itself.")


def test_a_past_seeking_is_an_effort_an_appreciation(extractor):
    # codebook seek: effort (lowdocs15): "has sought to X" in the present perfect is a past effort (guide §10 session 9)
    found = _statements(extractor, "As a member of the council, Kenya has consistently sought to widen the mandate of the "
                                   "river commission.")
    assert [k for k, _ in found] == ["appreciation"]
    assert _commitments(extractor, "Kenya will seek to widen the mandate of the river commission.")
    assert _commitments(extractor, "We seek to widen the mandate of the river commission.")


def test_the_effect_of_an_undertaking_is_no_undertaking(extractor):
    assert not _commitments(extractor, "Analysis by the Bank indicates that our commitments, if fully implemented, "
                                       "will deliver 2 per cent.")
    assert _commitments(extractor, "Kenya stated that the plan will be completed by 2025.")


def test_a_meeting_an_organisation_holds_is_background(extractor):
    speech = "Statement by Norway at the General Debate\n\n"
    found = _statements(extractor, "Next year, the United Nations will hold the Summit on Oceans.", speech)
    assert [k for k, _ in found] == ["meeting"]
    assert _statements(extractor, "Next year, Norway will host the Summit on Oceans.", speech)[0][0] == "commitment"


def test_do_so_after_an_undertaking_restates_it(extractor):
    speech = "Statement by Norway at the General Debate\n\n"
    found = _statements(extractor, "We will continue to do so, and we will do it with all Member States.", speech)
    assert [text for kind, text in found if kind == "commitment"] == ["We will continue to do so"]
    assert _statements(extractor, "We will do it.", speech)[0][0] == "commitment"


# -- undertakings the parse hides ---------------------------------------------------------------------
def test_this_will_include_doing_is_a_means_of_the_undertaking_before(extractor):
    found = _statements(extractor, "Norway will expand its aid to the region. This will include doubling our grants "
                                   "to the poorest countries.")
    assert [k for k, _ in found] == ["commitment", "commitment"]
    assert found[1][1].startswith("This will include doubling")
    assert len(_commitments(extractor, "Kenya will build the port. This will include new costs for the region.")) == 1


def test_remain_committed_joined_inside_a_purpose_clause_is_the_speakers(extractor):
    found = _commitments(extractor, "The ministers stressed the need to modernise the customs union so it may better "
                                    "serve traders and remain committed to a regional trade agenda.")
    assert found == ["remain committed to a regional trade agenda"]


def test_a_continued_action_reaffirmed_is_undertaken(extractor):
    found = _statements(extractor, "To this end, we reaffirm our continued collaboration through the regional "
                                   "fisheries framework.")
    assert [k for k, _ in found] == ["commitment"]
    assert _statements(extractor, "We reaffirm our strong cooperation in the fight against piracy.")[0][0] == "position"


def test_an_undertaking_noun_as_second_object_of_a_light_verb(extractor):
    found = _statements(extractor, "We affirm our shared responsibility and determination to coordinate on "
                                   "preventing the misuse of new technologies.")
    assert [k for k, _ in found] == ["commitment"]
    assert _statements(extractor, "We reaffirm our shared values and determination.")[0][0] == "position"


# -- strength of renewed undertakings (annotation guide §5) -------------------------------------------
def _strengths(extractor, sentence: str) -> list[str | None]:
    return [s.strength for s in extractor.extract_text(HEADER + sentence).statements if s.kind == "commitment"]


def test_renewed_undertakings_are_moderate(extractor):
    assert _strengths(extractor, "We remain committed to integrating regional energy systems.") == ["moderate"]
    assert _strengths(extractor, "We recommit to promoting open trade in the region.") == ["moderate"]
    assert _strengths(extractor, "We are committed to integrating regional energy systems.") == ["firm"]
    assert _strengths(extractor, "We commit to promoting open trade in the region.") == ["firm"]


def test_stand_ready_is_soft(extractor):
    assert _strengths(extractor, "We stand ready to support a transition process.") == ["soft"]


def test_semicolon_items_of_an_including_list_are_means_not_undertakings(extractor):
    header = "Joint Statement on a Framework for a Norway-Kenya Agreement on Reciprocal Trade\n\n"
    means = extractor.extract_text(header + (
        "Kenya commits to effectively enforce its environmental laws, including by taking measures to improve "
        "forest governance and combat illegal logging; accept and fully implement the fisheries agreement; and "
        "combat illegal fishing."))
    assert [" ".join(s.text.split())[:40] for s in means.statements if s.kind == "commitment"] == [
        "Kenya commits to effectively enforce its"]
    items = extractor.extract_text(header + (
        "Kenya commits to prohibit the importation of goods made by forced labor; amend its labor laws to protect "
        "workers; and strengthen enforcement of its labor laws."))
    assert len([s for s in items.statements if s.kind == "commitment"]) == 3


def test_items_after_an_including_list_of_examples_stay_items(extractor):
    header = "G7 Leaders' Communique\n\n"
    found = _commitments_in(extractor, header, (
        "We commit to conserve at least 30 percent of land – and welcome global partnerships, including the Policy "
        "Dialogue on agriculture and the Innovation Mission to increase research; and support a resilient transition "
        "to low-carbon economies with quality jobs; and make progress on climate action in a gender responsive manner."))
    assert len(found) == 3


def _commitments_in(extractor, header: str, sentence: str) -> list[str]:
    return [text for kind, text in _statements(extractor, sentence, header) if kind == "commitment"]


# -- the acts of one undertaking's list (annotation guide §3, session 9) -----------------------------
def test_acts_after_a_principle_kept_are_undertakings_of_their_own(extractor):
    statements = _statements(extractor, "The two governments affirmed their commitment to preserve regional stability, "
                                        "build new dams on the river, and expand their monitoring of water levels.")
    assert statements[0][0] == "position"  # keeping stability is a position (§2)
    assert [t for k, t in statements if k == "commitment"] == [
        "build new dams on the river", "expand their monitoring of water levels"]


def test_a_principle_alone_or_a_list_of_principles_stays_a_position(extractor):
    assert _commitments(extractor, "The two governments affirmed their commitment to preserve regional stability.") == []
    assert _commitments(extractor, "The ministers affirmed their commitment to uphold international law, respect the "
                                   "territorial integrity of all states and defend the freedom of navigation.") == []


def test_gerunds_listed_after_committed_to_are_one_commitment_each(extractor):
    found = _commitments(extractor, "Kenya is committed to building new schools in the north, providing school meals "
                                    "to all pupils, and training young teachers.")
    assert found == ["Kenya is committed to building new schools in the north", "providing school meals to all pupils",
                     "training young teachers"]


def test_gerunds_of_the_means_after_by_stay_inside(extractor):
    found = _commitments(extractor, "Kenya is committed to strengthening its health system by building new clinics in "
                                    "the north, providing midwives for rural districts, and recruiting nurses.")
    assert len(found) == 1


def test_gerunds_of_the_means_after_including_through_stay_inside(extractor):
    found = _commitments(extractor, "Norway and Kenya are committed to promoting the advancement of health equity and "
                                    "equality, including through educating nurses, empowering midwives socially, "
                                    "economically, and professionally, and ending malaria among young children.")
    assert len(found) == 1


# -- a second modal of its own: "will X, and may also Y" (annotation guide §5: may = soft) ---------
def _texts_and_strengths(extractor, sentence: str) -> list[tuple[str, str | None]]:
    record = extractor.extract_text(HEADER + sentence)
    return [(" ".join(s.text.split()), s.strength) for s in record.statements if s.kind == "commitment"]


def test_a_verb_with_its_own_may_after_will_is_a_soft_commitment(extractor):
    found = _texts_and_strengths(extractor, "Kenya will lower its duties on farm machinery, and may also extend the "
                                  "exemption to irrigation pumps.")
    assert found == [("Kenya will lower its duties on farm machinery", "firm"),
                     ("may also extend the exemption to irrigation pumps", "soft")]


def test_may_alone_undertakes_nothing(extractor):
    assert _texts_and_strengths(extractor, "Norway may also extend the exemption to irrigation pumps.") == []


def test_may_with_a_subject_of_its_own_is_no_undertaking_of_the_parties(extractor):
    found = _texts_and_strengths(extractor, "Kenya will lower its duties on farm machinery, and this may help farmers.")
    assert found == [("Kenya will lower its duties on farm machinery", "firm")]


def test_may_after_a_reported_would_stays_inside_the_report(extractor):
    found = _texts_and_strengths(extractor, "The minister said that Kenya would lower its duties on farm machinery and "
                                  "may extend the exemption to irrigation pumps.")
    assert len(found) == 1


# -- a verb the tagger read as a noun, conjoined to the chain's later verb ------------------------
def test_a_verb_read_as_a_noun_after_and_is_the_next_action(extractor):
    found = _commitments(extractor, "Kenya intends to encourage and facilitate at least $40 million of investment "
                                    "into cold storage and increase by 20 percent over the next three years the "
                                    "number of jobs created by its fisheries sector.")
    assert len(found) == 2
    assert found[1].startswith("increase by 20 percent")


def test_a_noun_with_a_determiner_after_and_stays_a_noun(extractor):
    found = _commitments(extractor, "Kenya intends to facilitate new investment in cold storage and an increase "
                                    "in fish exports.")
    assert len(found) == 1
