"""Gazetteer matching with exact spans, and discovery of names the gazetteer lacks."""

import pytest

from pledgebook.codebook import Codebook
from pledgebook.extract.entities import EntityFinder


@pytest.fixture(scope="module")
def finder() -> EntityFinder:
    return EntityFinder()


@pytest.fixture(scope="module")
def discovery_only() -> EntityFinder:
    return EntityFinder(gazetteer=())


def _grounded(text, mentions):
    for m in mentions:
        assert text[m.start : m.end] == m.surface
    return mentions


@pytest.mark.parametrize("surface", ["ML-1", "Main Line-1", "ML-I", "Mainline-1", "ML 1", "Main Line–1"])
def test_ml1_aliases_resolve_to_one_name_with_exact_spans(finder, surface):
    text = f"Both sides agreed to accelerate the {surface} upgrade."
    [m] = _grounded(text, finder.find(text))
    assert (m.name, m.kind, m.source, m.surface) == ("ML-1", "project", "gazetteer", surface)
    assert m.start == text.index(surface)


def test_alias_wrapped_across_a_line_break(finder):
    text = "They committed to the early deployment of the Main\nLine-1 railway and the D.I. Khan–\nZhob road."
    mentions = _grounded(text, finder.find(text))
    assert [(m.name, m.surface) for m in mentions] == [
        ("ML-1", "Main\nLine-1 railway"),
        ("D.I. Khan-Zhob Road", "D.I. Khan–\nZhob road"),
    ]


def test_acronyms_are_case_sensitive_and_words_bounded(finder):
    text = "The cpec of ML-12 is not CPEC-related in ml-1 terms, but CPEC is."
    assert [(m.surface, m.start) for m in finder.find(text)] == [("CPEC", text.index("CPEC-")), ("CPEC", text.rindex("CPEC"))]


def test_longest_alias_wins(finder):
    text = "the China-Pakistan Economic Corridor and the New Gwadar International Airport (NGIA) near Gwadar Port"
    names = [(m.name, m.surface) for m in finder.find(text)]
    assert names == [
        ("CPEC", "China-Pakistan Economic Corridor"),
        ("New Gwadar International Airport", "New Gwadar International Airport"),
        ("New Gwadar International Airport", "NGIA"),
        ("Gwadar Port", "Gwadar Port"),
    ]


def test_find_restricts_to_the_span(finder):
    text = "CPEC first. Then the Belt and Road Initiative."
    start = text.index("Then")
    assert [m.name for m in finder.find(text, start, len(text))] == ["Belt and Road Initiative"]


def test_seed_document_entities(finder, seed_text):
    mentions = _grounded(seed_text, finder.find(seed_text))
    names = {m.name for m in mentions}
    assert {"CPEC", "ML-1", "Gwadar Port", "New Gwadar International Airport", "KKH realignment", "Raikot-Thakot",
            "D.I. Khan-Zhob Road", "Khunjerab Pass", "SIFC", "Belt and Road Initiative",
            "International Lunar Research Station", "Global Development Initiative", "UN Charter"} <= names
    assert not names & {"China", "Pakistan", "Beijing"}  # countries are actors, not entities


def test_discovery_of_a_defined_acronym_and_its_later_uses(discovery_only, seed_text):
    mentions = _grounded(seed_text, discovery_only.find(seed_text))
    sifc = [m for m in mentions if m.name == "Special Investment Facilitation Council"]
    assert [m.surface for m in sifc] == ["Special Investment Facilitation Council", "SIFC"]
    assert all(m.source == "discovered" and m.kind == "institution" for m in sifc)
    text = "We welcome the Special Investment Facilitation Council (SIFC). The SIFC will meet. SIFCs are new."
    surfaces = [m.surface for m in discovery_only.find(text) if m.name == "Special Investment Facilitation Council"]
    assert surfaces == ["Special Investment Facilitation Council", "SIFC", "SIFC", "SIFCs"]


def test_discovery_of_an_unseen_head_word_name(finder):
    text = ("The two sides agreed to launch the Mekong-Lancang Water Resources Cooperation Mechanism and the\n"
            "Joint Working Group on Digital\nEconomy, and welcomed the Indus Delta Desalination Plant.")
    found = {m.surface: m for m in _grounded(text, finder.find(text)) if m.source == "discovered"}
    assert found["Mekong-Lancang Water Resources Cooperation Mechanism"].kind == "initiative"
    assert found["Joint Working Group on Digital\nEconomy"].kind == "institution"
    assert found["Indus Delta Desalination Plant"].kind == "project"
    assert len(found) == 3


def test_discovery_skips_openers_countries_months_and_plain_words(finder):
    text = ("Accelerating Regional Trade Corridor works began. In October Summit preparations went on.\n"
            "Mexico City hosted them. The Summit was held. Both Sides Agreed. Foreign Ministers met.\n"
            "The memorandums of understanding (MoUs) were signed in Beijing (WAI).")
    surfaces = [m.surface for m in finder.find(text)]
    assert surfaces == ["Regional Trade Corridor"]


def test_gazetteer_wins_over_discovery_but_longer_names_keep_both(finder):
    text = "The CPEC Working Group on Socioeconomic Cooperation met near the Gwadar Port."
    found = [(m.name, m.source) for m in finder.find(text)]
    assert found == [("CPEC", "gazetteer"), ("CPEC Working Group on Socioeconomic Cooperation", "discovered"),
                     ("Gwadar Port", "gazetteer")]


def test_every_gazetteer_alias_finds_its_entry(finder):
    for entry in Codebook.load().gazetteer:
        for alias in entry.all_names:
            text = f"They noted ({alias}) today."
            names = {m.name for m in finder.find(text) if m.surface.rstrip(".") == alias.rstrip(".")}
            assert entry.name in names, (entry.name, alias)


# -- names found by their form (names.py) ---------------------------------------------------
def _names(finder, text):
    return [(m.surface, m.name, m.kind) for m in _grounded(text, finder.find(text))]


def test_company_by_legal_form_suffix_after_a_comma_or_not(discovery_only):
    text = "A plan of Zenith Robotics, Inc., to invest, and of Orbital Foods Ltd’s plant, and of Kiran’s Nova Carbon LLC."
    assert _names(discovery_only, text) == [
        ("Zenith Robotics, Inc.", "Zenith Robotics", "institution"),
        ("Orbital Foods Ltd", "Orbital Foods", "institution"),
        ("Nova Carbon LLC", "Nova Carbon", "institution"),
    ]


def test_a_suffix_after_a_plain_word_or_a_country_is_no_company(discovery_only):
    assert _names(discovery_only, "Sales were limited. Limited progress was made; France Inc was a slogan.") == []


def test_ship_by_naval_prefix_stops_before_in_and_titles(discovery_only):
    text = "The leaders met aboard the HMS Northern\nStar in the Zorbia Canal, and the USS Valiant President said."
    names = _names(discovery_only, text)
    assert ("HMS Northern\nStar", "HMS Northern Star", "other") in names
    assert ("USS Valiant", "USS Valiant", "other") in names
    assert ("Zorbia Canal", "Zorbia Canal", "project") in names


def test_mission_designators_but_not_diseases_years_or_groups(discovery_only):
    text = "They hailed Gaganyatri-7 and the Surya-L2 probe; Covid-19, Vision-2030 and the G-20 are not missions."
    assert [n for n, _, _ in _names(discovery_only, text)] == ["Gaganyatri-7", "Surya-L2"]


def test_names_listed_after_companies(discovery_only):
    text = "They praised investments by U.S. companies, Zentro, Blue Harbor Labs, and Quill Materials."
    assert [n for _, n, _ in _names(discovery_only, text)] == ["Zentro", "Blue Harbor Labs", "Quill Materials"]
    assert [n for _, n, _ in _names(discovery_only, "firms such as Zentro.")] == ["Zentro"]


def test_a_list_cue_followed_by_ordinary_words_lists_nothing(discovery_only):
    for text in ["companies, Governments and civil society should act.", "firms, Zentro said, will invest",
                 "companies such as Zentro will invest"]:
        assert _names(discovery_only, text) == []


def test_code_inside_a_name_possessive_end_and_in_place_tail(discovery_only):
    text = ("A pact between the Kavi 6G Alliance and the Orion Development Bank’s fund; the next Lumen Recovery "
            "Conference in Velora was announced by Zorbia’s Department of Oceanography.")
    names = [n for _, n, _ in _names(discovery_only, text)]
    assert names == ["Kavi 6G Alliance", "Orion Development Bank", "Lumen Recovery Conference",
                     "Department of Oceanography"]


# -- attachment in the pipeline ---------------------------------------------------------------
def _entities_by_statement(extractor, text):
    record = extractor.extract_text(text)
    for s in record.statements:
        _grounded(text, s.entities)
    return [(s.text, [e.name for e in s.entities]) for s in record.statements]


def test_an_organisation_that_is_the_object_is_an_entity_but_not_the_speaker(extractor):
    text = "Peru supports the United Nations in its work on oceans. ECOWAS will deploy observers to the region."
    found = dict(_entities_by_statement(extractor, text))
    assert any(names == ["United Nations"] for t, names in found.items() if t.startswith("Peru supports"))
    assert all("Economic Community of West African States" not in names for names in found.values())


def _context(extractor, text: str, drafts):
    """A document context holding ``drafts`` in one sentence unit, as the steps see it."""
    from pledgebook.read import RawDocument

    doc = extractor.context(RawDocument(source="<test>", text=text))
    doc.units, doc.drafts, doc.statements = [(0, len(text))], list(drafts), list(drafts)
    return doc


def test_a_name_outside_every_statement_goes_to_the_nearest_statement_of_its_sentence(extractor):
    from pledgebook.extract.context import Draft
    from pledgebook.extract.discourse import attach_orphans

    text = "Chile welcomed the plan and Peru pledged to invest, noting the Andean Mineral Partnership in Lima."
    first = Draft(0, 24, text[0:24], "position", ["CHL"], unit=0)  # "Chile welcomed the plan"
    second = Draft(29, 49, text[29:49], "commitment", ["PER"], unit=0)  # "Peru pledged to invest"
    attach_orphans(extractor, _context(extractor, text, [first, second]))
    assert first.entities == []
    assert [e.name for e in _grounded(text, second.entities)] == ["Andean Mineral Partnership", "Lima"]


def test_a_trailing_complement_stays_with_the_statement_it_ends(extractor):
    text = "President Xi Jinping met with President Boric in Beijing, and the President also met with Premier Li Qiang."
    found = _entities_by_statement(extractor, text)
    first = next(names for t, names in found if t.startswith("President Xi Jinping met"))
    second = next(names for t, names in found if t.startswith("the President also met"))
    assert "Beijing" in first and "Beijing" not in second


def test_a_verb_that_shares_its_subject_shares_what_its_partner_names(extractor):
    text = ("The United States and Japan condemn the violence by the Myanmar military against civilians, and "
            "commit to pressing for the release of those detained.")
    found = dict(_entities_by_statement(extractor, text))
    [commit] = [names for t, names in found.items() if t.startswith("commit to pressing")]
    assert commit == ["Myanmar"]


def test_an_elaborating_participle_lends_its_names_to_the_main_statement(extractor):
    text = ("The United States and India reiterated their support for building resilient semiconductor supply "
            "chains, noting the plan of Acme Robotics, Inc. to invest US$300 million in India.")
    found = dict(_entities_by_statement(extractor, text))
    [main] = [names for t, names in found.items() if t.startswith("The United States and India reiterated")]
    assert main == ["Acme Robotics"]


def test_where_a_meeting_is_held_is_not_what_a_joined_verb_is_about(extractor):
    text = "Chile and Japan agreed to hold the next summit in Tokyo and to launch a new fund for reefs."
    found = dict(_entities_by_statement(extractor, text))
    [fund] = [names for t, names in found.items() if t.startswith("to launch")]
    assert fund == []


def test_a_clause_with_a_subject_of_its_own_does_not_borrow_names(extractor):
    text = ("The United States and Japan reaffirmed the importance of the Quad, and Japan will host the next "
            "meeting of ministers.")
    found = dict(_entities_by_statement(extractor, text))
    [host] = [names for t, names in found.items() if t.startswith("Japan will host")]
    assert host == []


def test_a_matter_named_in_its_own_words_does_not_refer_back(extractor):
    found = dict(_entities_by_statement(extractor, "Chile and Japan discussed the Lobito Corridor. Chile and Japan "
                                                   "will address the issue of debt."))
    [debt] = [names for t, names in found.items() if "issue of debt" in t]
    assert debt == []


def test_the_decision_or_the_dispute_refers_to_the_names_of_the_clause_before(extractor):
    text = ("Pakistan informed China of the situation in Jammu and Kashmir, and China emphasized the need to "
            "resolve the long-standing dispute peacefully.")
    found = dict(_entities_by_statement(extractor, text))
    [emphasis] = [names for t, names in found.items() if t.startswith("China emphasized")]
    assert emphasis == ["Jammu and Kashmir"]  # not China, which speaks in it


def test_lines_that_carry_a_speech_sentence_on_after_an_ellipsis_belong_to_it(extractor):
    text = ("We must put new energy and creativity…\n\nInto conflict resolution…\n\n"
            "And hold members to their commitments under the UN Charter.\n\nThe Summit of the Future is over.")
    found = dict(_entities_by_statement(extractor, text))
    [must] = [names for t, names in found.items() if t.startswith("We must put")]
    assert must == ["UN Charter"]


def test_ner_runs_only_where_a_proper_noun_is_unexplained():
    from pledgebook.extract.pipeline import Extractor

    ex = Extractor(ner=True)
    seen = []

    class Spy:  # records the sentences handed to NER
        def pipe(self, docs, **kw):
            return real.pipe([seen.append(d.text) or d for d in docs], **kw)

    real, ex.ner = ex.ner, Spy()
    text = ("India and Japan agreed to expand the Gwadar Port. "
            "India and Japan agreed to fund the Zentrix Kavali plant with Orbitek.")
    record = ex.extract_text(text)
    assert len(seen) == 1 and "Zentrix" in seen[0]
    names = {e.name for s in record.statements for e in s.entities}
    assert "Gwadar Port" in names


def test_a_definite_description_refers_to_the_latest_name_with_its_head(extractor):
    text = ("Chile and Peru signed the Andean Lithium Agreement and launched the Pacific Skills Initiative. "
            "Both sides will implement the agreement swiftly. Peru pledged to expand the Council of Lima.")
    found = dict(_entities_by_statement(extractor, text))
    implement = next(names for t, names in found.items() if "implement" in t)
    assert implement == ["Andean Lithium Agreement"]
    expand = next(names for t, names in found.items() if "expand" in t)
    assert "Andean Lithium Agreement" not in expand and "Pacific Skills Initiative" not in expand


def test_a_plural_or_named_description_is_no_anaphor(finder):
    text = "The Pacific Skills Initiative was launched. Other initiatives followed."
    assert finder.antecedent(text, "initiative", len(text), 2500).name == "Pacific Skills Initiative"
    assert finder.antecedent(text, "agreement", len(text), 2500) is None
    assert finder.antecedent(text, "initiative", 10, 2500) is None  # nothing before


def test_ner_finds_keep_multiword_names_only(extractor):
    from pledgebook.extract.ner import ner_name_ok

    book = extractor.actors.book
    assert ner_name_ok("Zentrix Semiconductor Labs", book)
    for name in ["Council", "Renminbi", "a Working Group", "U.S.-Japan", "Democratic People’s Republic of Korea’s"]:
        assert not ner_name_ok(name, book), name


def test_ner_is_on_unless_turned_off():
    from pledgebook.extract.pipeline import Extractor

    assert Extractor().ner is not None
    assert Extractor(ner=False).ner is None


def test_large_cities_standing_alone_are_places(discovery_only):
    from pledgebook.codebook.entities import city_names

    assert "Kolkata" in city_names(1_000_000) and city_names(0) == ()
    text = "In Kolkata, and in Mumbai, they met Secretary Phoenix and the Mumbai Port Trust; phoenix rose."
    assert [(m.surface, m.kind) for m in discovery_only.find(text) if m.kind == "place"] == [
        ("Kolkata", "place"), ("Mumbai", "place")]


def _statement_entities(extractor, text):
    return [e.name for s in extractor.extract_text(text).statements for e in s.entities]


def test_a_capital_used_as_an_adjective_is_not_a_place(extractor):
    assert "Paris" not in _statement_entities(extractor, "We will keep the Paris-aligned temperature limits within reach.")
    assert "Paris" in _statement_entities(extractor, "We will open a consulate in Paris next year.")


def test_and_the_starts_a_second_name(finder):
    text = "They discussed cooperation between the Space Agency of Kenya and the National Aeronautics and Space Administration."
    names = {m.name for m in finder.find(text)}
    assert "National Aeronautics and Space Administration" in names
    assert not any(" and the " in n for n in names)


def test_a_person_found_by_ner_is_not_an_entity(extractor):
    names = _statement_entities(extractor, "Prime Minister of Pakistan Anwaar ul Haq Kakar visited China to attend "
                                           "the Third Belt and Road Forum for International Cooperation.")
    assert not any("Kakar" in n for n in names)


def test_a_tail_after_against_and_a_lab_head_are_part_of_discovered_names(finder):
    names = {m.name for m in finder.find("Chile will ratify the Protocol against the Smuggling of Migrants and fund "
                                         "a new Desalination Research Lab in Antofagasta.")}
    assert "Protocol against the Smuggling of Migrants" in names
    assert "Desalination Research Lab" in names


def test_an_acronym_with_a_lower_case_initial_is_defined_and_reused(discovery_only):
    text = ("Both sides lauded the Chile-Korea Initiative on Critical Minerals Processing (iCMP). "
            "They will hold the next iCMP review in 2026.")
    names = [m.name for m in discovery_only.find(text)]
    assert names.count("Chile-Korea Initiative on Critical Minerals Processing") >= 1
    assert sum(n.endswith("Initiative on Critical Minerals Processing") for n in names) >= 2


def test_names_attached_after_a_statement_is_built_count_for_its_sectors(extractor):
    from pledgebook.core.data import EntityMention
    from pledgebook.extract.context import Draft
    from pledgebook.extract.discourse import classify_sectors

    text = "Both sides agreed to move ahead, in the framework of CPEC."
    cpec = EntityMention(name="CPEC", kind="initiative", start=text.index("CPEC"), end=len(text) - 1,
                         surface="CPEC", source="gazetteer")
    draft = Draft(0, 31, text[:31], "commitment", ["CHN", "PAK"], strength="firm", unit=0, clean=text[:31],
                  category="commitment")
    doc = _context(extractor, text, [draft])
    draft.entities = [cpec]  # as an orphan name would be, after the statement was drafted
    classify_sectors(extractor, doc)
    assert draft.sectors[0] == "connectivity"
    assert (draft.plover, draft.cameo) == extractor.events.for_category("commitment", draft.sectors)
    assert draft.build(doc.doc_id).sectors == draft.sectors


def test_a_mixed_case_acronym_alias_matches_only_in_its_case(finder):
    assert [m.name for m in finder.find("Let me condemn the attacks by LeT.")] == ["Lashkar-e-Tayyiba"]
    # a hyphenated name is no acronym: its case is free
    assert [m.name for m in finder.find("peace in the indo-pacific")] == ["Indo-Pacific"]


def test_a_tail_stops_before_in_and_a_place_but_keeps_in_inside_a_title(discovery_only):
    text = ("Peru will attend the Meeting of the Parties to the Andean Convention on Glacier Protection in Kolkata, "
            "host the Forum on Andean Water Security in Peru, and ratify the Protocol against the Smuggling of "
            "Parrots in Jars.")
    names = [n for _, n, _ in _names(discovery_only, text)]
    assert "Andean Convention on Glacier Protection" in names and "Kolkata" in names  # a city
    assert "Forum on Andean Water Security" in names  # a country: the pipeline makes it a place
    assert not any(n.endswith((" in Kolkata", " in Peru")) for n in names)
    assert "Protocol against the Smuggling of Parrots in Jars" in names


def test_a_large_city_written_without_its_accents_is_a_place(discovery_only):
    from pledgebook.codebook.entities import city_names

    cities = city_names(1_000_000)
    assert "Montréal" in cities and "Montreal" in cities and "Medellin" in cities
    text = "They will meet in Montreal, then in Medellín and in Medellin."
    assert [m.surface for m in discovery_only.find(text) if m.kind == "place"] == ["Montreal", "Medellín", "Medellin"]


def test_a_dialogue_format_by_its_plus_count_but_not_its_members(discovery_only):
    text = ("We value the Z7+2 platform and the first Z7+2 ministerial, while the Z7+2 countries and the "
            "Z7+2 members meet; 3+4=7 is arithmetic.")
    assert _names(discovery_only, text) == [("Z7+2", "Z7+2", "initiative"), ("Z7+2", "Z7+2", "initiative")]


def test_a_ministerial_a_week_and_named_waters_are_discovered(discovery_only):
    text = ("They will attend the Vantor Trade Ministerial during the Ocean Leaders’ Week, protect the Zarnic Sea, "
            "the Kelo River Basin and Morvia’s Northern Islands, and help Small Island Developing States.")
    assert _names(discovery_only, text) == [
        ("Vantor Trade Ministerial", "Vantor Trade Ministerial", "event"),
        ("Ocean Leaders’ Week", "Ocean Leaders’ Week", "event"),
        ("Zarnic Sea", "Zarnic Sea", "place"),
        ("Kelo River Basin", "Kelo River Basin", "place"),
        ("Northern Islands", "Northern Islands", "place"),
    ]


@pytest.mark.parametrize(("surface", "name"), [
    ("Asia", "Asia"), ("the Americas", "Americas"), ("Western Hemisphere", "Western Hemisphere"),
    ("United Nations system", "United Nations system"), ("UN peace operations", "UN peacekeeping"),
    ("twenty-eighth Conference of the Parties", "COP28"), ("D-ISIS Coalition", "Global Coalition to Defeat ISIS"),
    ("Iron Dome system", "Iron Dome"), ("Grain from Ukraine initiative", "Grain from Ukraine"),
    ("the global South", "Global South"), ("IDA", "International Development Association"),
])
def test_recurring_regions_bodies_and_programmes_are_known(finder, surface, name):
    text = f"Both sides will support {surface} in 2030."
    assert [m.name for m in finder.find(text)] == [name]


def test_a_numbered_conference_of_the_parties_is_its_cop_not_a_generic_conference(finder):
    text = "We will attend the twenty-sixth session of the Conference of the Parties to the UNFCCC in Glasgow."
    names = [m.name for m in finder.find(text)]
    assert "COP26" in names and "Conference of the Parties" not in names


def test_an_organisation_is_an_entity_when_it_is_the_subject_but_not_a_speaker_of_the_document(extractor):
    text = "Peru will always defend multilateralism. The United Nations must remain the central forum for dialogue."
    found = dict(_entities_by_statement(extractor, text))
    assert found["The United Nations must remain the central forum for dialogue"] == ["United Nations"]
    # a group that issues the document is the speaker, not what its statements are about
    text = "ECOWAS will deploy observers to the region."
    name = "Economic Community of West African States"
    names = extractor.entities.analyse(text)
    speaking = extractor.mentions.names_in(names, 0, len(text), ["ECOWAS"], speakers=frozenset({"ECOWAS"}))
    assert name not in [m.name for m in speaking]
    spoken_of = extractor.mentions.names_in(names, 0, len(text), ["ECOWAS"], speakers=frozenset({"PER"}))
    assert name in [m.name for m in spoken_of]


# -- named projects with a lower-case head, as news writes them ---------------------------------
def _projects(finder, text):
    return [(m.name, m.surface) for m in _grounded(text, finder.find(text)) if m.kind == "project"]


@pytest.mark.parametrize("text, name, surface", [
    ("Work resumed at the Zorvak nuclear plant on Monday.", "Zorvak nuclear power plant", "Zorvak nuclear plant"),
    ("They toured the Zorvak nuclear power plant.", "Zorvak nuclear power plant", "Zorvak nuclear power plant"),
    ("Officials said the Zorvak NPP is late.", "Zorvak nuclear power plant", "Zorvak NPP"),
    ("Ministers inspected the Tamberlo-Quist high-speed railway.", "Tamberlo–Quist high-speed railway",
     "Tamberlo-Quist high-speed railway"),
    ("Riders praised the Tamberlo–Quist HSR.", "Tamberlo–Quist high-speed railway", "Tamberlo–Quist HSR"),
    ("Riders praised the Tamberlo–Quist high speed rail.", "Tamberlo–Quist high-speed railway",
     "Tamberlo–Quist high speed rail"),
    ("Trains ran on the Ostrava–Velmo standard gauge railway.", "Ostrava–Velmo standard gauge railway",
     "Ostrava–Velmo standard gauge railway"),
    ("Both sides welcomed progress on the Brightflow gas pipeline.", "Brightflow pipeline",
     "Brightflow gas pipeline"),
    ("Gas flows through the Brightflow pipeline.", "Brightflow pipeline", "Brightflow pipeline"),
    ("The lease of Kellamore port was signed.", "Kellamore port", "Kellamore port"),
    ("They visited Karachi port.", "Karachi port", "Karachi port"),  # a city names a site
    ("Ships call at Zentaria's Kellamore port.", "Kellamore port", "Kellamore port"),  # not the possessor
])
def test_lowercase_head_after_a_proper_modifier_is_a_project(discovery_only, text, name, surface):
    assert _projects(discovery_only, text) == [(name, surface)]


def test_spellings_of_one_project_share_one_name(discovery_only):
    text = ("The Zorvak Nuclear Plant was approved. Work on the Zorvak nuclear power plant began, "
            "and the Zorvak NPP opened. The Tamberlo-Quist High-Speed Railway and the Tamberlo–Quist HSR met.")
    names = [n.casefold() for n, _ in _projects(discovery_only, text)]
    assert names == ["zorvak nuclear power plant"] * 3 + ["tamberlo–quist high-speed railway"] * 2


@pytest.mark.parametrize("text", [
    "They praised the Chinese railway.",                  # a demonym
    "India's ports are busy.",                            # a country's (and a plural head)
    "Chinese ports handled more cargo.",
    "Upgrading the Indian railway network matters.",
    "Kenya's railway was slow.",                          # a country alone before a generic head
    "They rode the Kenya railway.",
    "They rode the Nairobi railway.",                     # a city alone does not name a route
    "Talks on the China-Laos railway went on.",           # countries joined by a dash
    "The Mombasa port authority said so.",                # the head modifies another noun
    "New nuclear plant plans were set.",                  # an opener, not a name
    "He met President Varga port officials.",             # a title before a person
    "They met on the Monday railway call.",
    "They will build a 1,320 MW coal power plant.",       # a unit, not a name
])
def test_conservative_negatives_give_no_project(discovery_only, text):
    assert _projects(discovery_only, text) == []


def test_a_known_project_with_a_lower_case_head_stays_that_project(finder):
    text = "Work on the Saindak gas pipeline resumed near the Zorvak nuclear plant."
    names = [(m.name, m.surface) for m in finder.find(text)]
    assert names == [("Saindak Project", "Saindak"), ("Zorvak nuclear power plant", "Zorvak nuclear plant")]


def test_a_named_project_keeps_its_route_and_a_bare_head_gives_way_to_it() -> None:
    """"the East Coast Rail Link from Kota Bharu to Gombak" is the ECRL with its route described (no
    second project "Kota Bharu–Gombak railway"); "the SGR from Naivasha to Kisumu", a bare head, is that section."""
    from pledgebook.codebook import Codebook
    from pledgebook.extract.entities import EntityFinder

    finder = EntityFinder(Codebook.load())
    named = "Both sides agreed to speed up work on the East Coast Rail Link from Kota Bharu to Gombak."
    assert [m.name for m in finder.find(named) if m.kind == "project"] == ["East Coast Rail Link"]
    bare = "China will fund the SGR from Naivasha to Kisumu."
    assert [m.name for m in finder.find(bare) if m.kind == "project"] == ["Naivasha–Kisumu railway"]


def test_name_runs_start_only_at_a_capital(extractor):
    """Discovery's runs of capitalised words (EntityFinder._runs, which skips the lower-case words
    no run has reached without reading them further): a run opens at a capital, keeps its inner
    connectors and codes ("6G"), and a possessor ends one; "5G" after lower-case words opens none."""
    text = ("the ministers of both sides met the Global Partnership for Clean Energy and the Bharat 6G "
            "Alliance, and then the 5G plan and Kenya’s Road Authority in spring.")
    runs = [[w.text for w in run] for run in extractor.entities._runs(text)]
    assert runs == [["Global", "Partnership", "for", "Clean", "Energy", "and", "the", "Bharat", "6G", "Alliance"],
                    ["Kenya"], ["Road", "Authority"]]
