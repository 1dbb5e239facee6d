"""Named projects in news: document-level project anaphora ("the plant", "the line", "the deal"),
national operators that are companies, ambiguous aliases read by the document's parties, and
parts of names (invented sentences and invented projects throughout)."""

import pytest

from pledgebook.codebook import Codebook
from pledgebook.extract.anaphora import ProjectAnaphora
from pledgebook.extract.entities import EntityFinder


@pytest.fixture(scope="module")
def anaphora() -> ProjectAnaphora:
    book = Codebook.load()
    return ProjectAnaphora(book.discovery, book.gazetteer)


@pytest.fixture(scope="module")
def finder() -> EntityFinder:
    return EntityFinder()


def _resolve(anaphora, finder, text, sentence):
    start = text.index(sentence)
    return anaphora.resolve(finder.find(text), text, start, start + len(sentence))


def _about(extractor, text, words):
    [s] = [s for s in extractor.extract_text(text).statements if words in s.text]
    return s


REPORT = ("Zorbia and Pelland sign deal on the Varnak nuclear power plant\n\n"
          "Zorbia and Pelland signed an agreement on Monday on the Varnak nuclear power plant. "
          "The talks also covered the Telmar–Oskor railway. "
          "Officials said the ministries would meet in May. "
          "Pelland will fully fund the $20 billion project. "
          "Pelland pledged that the nuclear plant would be completed by 2028. "
          "Zorbia pledged to secure the line with its police.\n")


def test_a_definite_head_several_sentences_on_resolves_to_the_compatible_project(anaphora, finder):
    m = _resolve(anaphora, finder, REPORT, "Pelland pledged that the nuclear plant would be completed by 2028.")
    assert (m.name, m.kind, m.source) == ("Varnak nuclear power plant", "project", "anaphora")
    assert REPORT[m.start : m.end] == m.surface == "the nuclear plant"  # grounded on the anaphor's words


def test_a_rail_head_takes_the_railway_not_the_more_salient_plant(anaphora, finder):
    m = _resolve(anaphora, finder, REPORT, "Zorbia pledged to secure the line with its police.")
    assert m.name == "Telmar–Oskor railway"


def test_project_and_deal_fit_the_most_salient_project(anaphora, finder):
    # named in the headline, the lead and once more: the plant outweighs the railway named later
    m = _resolve(anaphora, finder, REPORT, "Pelland will fully fund the $20 billion project.")
    assert (m.name, m.surface) == ("Varnak nuclear power plant", "the $20 billion project")


@pytest.mark.parametrize("sentence", [
    "Zorbia pledged to extend the pipeline to the coast.",  # no pipeline was named
    "Zorbia pledged to study the other project.",  # another project than the one named
    "Zorbia pledged to reform the port authority.",  # "port" modifies "authority"
])
def test_an_incompatible_or_modified_head_resolves_to_nothing(anaphora, finder, sentence):
    text = REPORT + sentence
    assert _resolve(anaphora, finder, text, sentence) is None


def test_nothing_named_before_means_the_one_compatible_project_named_later(anaphora, finder):
    # a news lead describes ("the first nuclear plant") before it names; one such project: that one
    text = "Pelland will fund the plant. Later the Varnak nuclear power plant was named."
    assert _resolve(anaphora, finder, text, "Pelland will fund the plant.").name == "Varnak nuclear power plant"
    # two plants named later: which one is unknown; "the project" fits anything, so it waits for a name before
    two = text + " The Dorset nuclear power plant was named too."
    assert _resolve(anaphora, finder, two, "Pelland will fund the plant.") is None
    assert _resolve(anaphora, finder, "Pelland will fund the project. The Varnak nuclear power plant was named.",
                    "Pelland will fund the project.") is None


def test_a_class_is_read_from_the_words_after_a_mention(anaphora, finder):
    text = ("Pelland and Zorbia welcomed the Kestrel-9 air defence systems deal. "
            "Zorbia pledged that the systems would be delivered in 2027.")
    m = _resolve(anaphora, finder, text, "Zorbia pledged that the systems would be delivered in 2027.")
    assert m.name == "Kestrel-9"


def test_the_record_says_the_entity_came_through_the_anaphor(extractor):
    s = _about(extractor, REPORT, "secure the line")
    [e] = [e for e in s.entities if e.kind == "project"]
    assert (e.name, e.source, e.surface) == ("Telmar–Oskor railway", "anaphora", "the line")
    assert "entities via 'the line'" in s.rationale


def test_a_statement_that_names_its_project_keeps_it(extractor):
    text = REPORT + "Zorbia pledged to open the Telmar–Oskor railway by 2026."
    s = _about(extractor, text, "open the Telmar")
    assert [e.source for e in s.entities if e.kind == "project"] == ["discovered"]


@pytest.mark.parametrize("text, name", [
    ("The Pelland Railways signed the contract.", "Pelland Railways"),
    ("A loan went to China Railway for the work.", "China Railway"),
    ("Kenya Pipeline will run the depot.", "Kenya Pipeline"),
])
def test_a_country_opening_a_project_headed_name_is_a_company(finder, text, name):
    text = text.replace("Pelland", "Kenya")
    name = name.replace("Pelland", "Kenya")
    [m] = [m for m in finder.find(text) if m.name == name]
    assert m.kind == "institution"


def test_a_route_between_countries_stays_a_project(finder):
    [m] = finder.find("They opened the Kenya-Uganda Railway.")
    assert m.kind == "project"


def test_a_phrase_before_on_is_not_part_of_the_project(finder):
    names = [(m.name, m.surface) for m in finder.find("Talks with Acme Holdings on Varnak Port resumed.")]
    assert names == [("Varnak Port", "Varnak Port")]


def test_a_short_alias_of_a_foreign_entry_is_read_by_the_parties(finder):
    text = "Malaysia and China will fund it through their Exim Bank."
    assert [m.name for m in finder.analyse(text, parties=["MYS", "CHN"]).find()] == ["Exim Bank"]
    assert [m.name for m in finder.analyse(text, parties=["USA", "MYS"]).find()] == [
        "Export-Import Bank of the United States"]


def test_a_system_designator_is_a_project_but_not_a_visa_or_a_group(finder):
    text = "Pelland bought the S-400 and the F-35; H-1B visas and the G-20 are not systems."
    assert [m.name for m in finder.find(text) if m.kind == "project"] == ["S-400", "F-35"]


def test_an_extension_with_its_own_endpoints_is_not_the_base_line(finder):
    text = ("The Mombasa-Nairobi SGR opened in 2017. "
            "China will fund the Naivasha-Kisumu standard gauge railway.")
    names = [m.name for m in finder.find(text)]
    assert names[0] == "Mombasa-Nairobi Standard Gauge Railway"
    assert "Naivasha–Kisumu standard gauge railway" in names


@pytest.fixture(scope="module")
def discovery_only() -> EntityFinder:
    return EntityFinder(gazetteer=())


def test_spellings_of_one_project_in_a_report_are_one_name(discovery_only):
    text = ("The Varnak nuclear plant opened. Varnak Power Plant is safe, and Varnak will be complete "
            "by 2028. A refinery near Varnak and the Varnak region gain; officials inspected the works at Varnak.")
    found = [(m.name, m.surface, m.start) for m in discovery_only.find(text)]
    assert found == [("Varnak nuclear power plant", "Varnak nuclear plant", 4),
                     ("Varnak nuclear power plant", "Varnak Power Plant", 33),
                     ("Varnak nuclear power plant", "Varnak", text.index("Varnak will")),
                     # not "a refinery near Varnak" (where the refinery is) nor "the Varnak region"
                     ("Varnak nuclear power plant", "Varnak", text.rindex("Varnak"))]


def test_same_name_with_incompatible_heads_or_other_endpoints_stays_apart(discovery_only):
    text = ("The Telmar–Oskor railway and the Telmar-Oskor standard gauge railway opened; the Naivasha–Kisumu "
            "railway and the Telmar port did not.")
    names = [m.name for m in discovery_only.find(text)]
    assert names[:2] == ["Telmar–Oskor standard gauge railway"] * 2
    assert "Naivasha–Kisumu railway" in names and "Telmar port" in names


def test_a_bare_name_shared_by_two_projects_is_neither(discovery_only):
    text = "Acme will build the Varnak refinery next to the Varnak port. Varnak will gain."
    assert [m.surface for m in discovery_only.find(text)] == ["Varnak refinery", "Varnak port"]


def test_a_gazetteer_name_wins_over_a_discovered_spelling(finder):
    text = "Work on the Akkuyu nuclear plant goes on; Akkuyu NPP will open in 2026."
    assert {m.name for m in finder.find(text)} == {"Akkuyu Nuclear Power Plant"}


def test_an_abbreviation_after_an_extension_is_the_extension(finder):
    text = "China approved the loan for the Naivasha-Kisumu Standard Gauge Railway (SGR) line."
    assert {m.name.casefold() for m in finder.find(text)} == {"naivasha–kisumu standard gauge railway"}


def test_a_part_label_is_no_organisation_but_a_provision_stays(extractor):
    text = ("Varnak, Kenya, June 2 - China has approved the loan, and Phase 2A will be operationalised in "
            "September, the minister said. Kenya will act under Article 5 of the treaty.")
    names = {(e.name, e.kind) for s in extractor.extract_text(text).statements for e in s.entities}
    assert not any(n.startswith("Phase") for n, _ in names)


@pytest.mark.parametrize("name, label", [("Phase 2A", True), ("Stage II", True), ("Phase Two Plan", False),
                                         ("Varnak Port", False)])
def test_part_labels(name, label):
    from pledgebook.extract.ner import _part_label

    assert _part_label(name, Codebook.load().discovery.designator_exclusions) is label


INTRODUCED = ("Zorbia and Pelland open the Telmar–Oskor railway\n\n"
              "Zorbia and Pelland opened the Telmar–Oskor railway on Monday. "
              "The talks also covered the Varnak nuclear power plant. ")


@pytest.mark.parametrize(("sentence", "name"), [
    # a generic head after a specific one introduced without "the" is that kind of project
    ("On plans for Pelland's first nuclear plant, Zorbia said it will fund the project by 2030.",
     "Varnak nuclear power plant"),
    ("On plans for a new railway, Zorbia said it will fund the project by 2030.", "Telmar–Oskor railway"),
    # "a second plant": the project is that other plant, named nowhere before
    ("Pelland plans a second nuclear plant, and Zorbia will fund the project.", None),
    # with no such head, the most salient project
    ("Zorbia said it will fund the project by 2030.", "Telmar–Oskor railway"),
])
def test_a_generic_head_takes_the_class_of_a_project_the_statement_introduces(anaphora, finder, sentence, name):
    text = INTRODUCED + sentence
    found = _resolve(anaphora, finder, text, sentence)
    assert (found.name if found else None) == name


ROUTES = ("Zorbia and Pelland sign $3 billion rail deal\n\n"
          "Zorbia and Pelland signed a $3 billion deal on Friday to build Pelland's first high-speed railway. "
          "The line will connect the capital Telmar with the port city of Oskor, 150 km away. ")


@pytest.mark.parametrize(("text", "surface", "name"), [
    (ROUTES, "Telmar with the port city of Oskor", "Telmar–Oskor railway"),
    ("Work began on the rail link connecting its capital Telmar to the mining hub of Oskor.",
     "Telmar to the mining hub of Oskor", "Telmar–Oskor railway"),
    ("Zorbia will finance the railway from Telmar to Oskor.", "Telmar to Oskor", "Telmar–Oskor railway"),
    ("Pelland offered support for the bullet train along the Oskor-Telmar route.", "Oskor-Telmar", "Oskor–Telmar railway"),
    ("The loan for the highway from Velta to Cardon was signed.", "Velta to Cardon", "Velta–Cardon road"),
    # a listed project written the other way round is the listed project
    ("Japan offered a loan for the bullet train on the Ahmedabad-Mumbai sector.", "Ahmedabad-Mumbai",
     "Mumbai-Ahmedabad High Speed Rail"),
])
def test_a_project_named_by_the_places_it_joins(finder, text, surface, name):
    found = [m for m in finder.find(text) if m.kind == "project" and m.source == "discovered"]
    assert [(m.surface, m.name) for m in found] == [(surface, name)]


@pytest.mark.parametrize("text", [
    "The highway from India to Nepal was discussed.",  # countries: a relation, not a route's ends
    "The railway will open on Monday to passengers.",  # no places joined
    "The port from Telmar to Oskor was studied.",  # a port joins nothing
    "Pelland took the line that Zorbia and Oskor had agreed.",  # "the line" of an argument
    "The railway in the Telmar-Oskor talks was discussed.",  # a dashed pair with no route noun
])
def test_no_route_project_without_a_route_head_and_two_places(finder, text):
    assert not [m for m in finder.find(text) if m.kind == "project" and m.source == "discovered"]


def test_a_specific_head_before_the_route_is_named_takes_the_one_such_project(extractor):
    s = _about(extractor, ROUTES, "signed a $3 billion deal")
    assert [(e.name, e.surface, e.source) for e in s.entities if e.kind == "project"] == [
        ("Telmar–Oskor railway", "high-speed railway", "anaphora")]
    definite = ROUTES.replace("Pelland's first", "the first")
    s = _about(extractor, definite, "signed a $3 billion deal")
    assert [(e.name, e.surface) for e in s.entities if e.kind == "project"] == [
        ("Telmar–Oskor railway", "the first high-speed railway")]


@pytest.mark.parametrize(("sentence", "name"), [
    ("Pelland signed the loan for Zorbia's bullet train on Monday.", "Telmar–Oskor railway"),
    ("Pelland will lend $500 million for a high-speed rail project being built in Zorbia.", "Telmar–Oskor railway"),
    ("Pelland will build a second railway to the north.", None),  # another line than the one named
    ("Pelland will build a new port.", None),  # no port named in the text
])
def test_an_introduced_specific_head_is_the_one_such_project_of_the_text(extractor, sentence, name):
    text = ROUTES + sentence
    s = _about(extractor, text, sentence[:25])
    assert [e.name for e in s.entities if e.kind == "project"][:1] == ([name] if name else [])


def test_this_closing_a_clause_carries_the_project_of_the_statement_before(extractor):
    text = ("On the Varnak nuclear power plant, the minister said: “Our desire is to put the first phase of the "
            "project into effect before 2030. We will make every effort to achieve this.”")
    s = _about(extractor, text, "every effort")
    assert [e.name for e in s.entities if e.kind == "project"] == ["Varnak nuclear power plant"]
    # "this" as a determiner of another noun carries nothing
    other = text.replace("to achieve this.”", "to achieve this goal for Lima.”")
    s = _about(extractor, other, "every effort")
    assert not [e for e in s.entities if e.kind == "project"]


def test_a_verb_sharing_a_subject_with_an_anaphor_takes_its_project(extractor):
    text = (REPORT + "The project was agreed upon in 2010 and will be fully funded by Pelland, "
            "who will retain half of the shares.")
    s = _about(extractor, text, "will be fully funded")
    assert [e.name for e in s.entities if e.kind == "project"] == ["Varnak nuclear power plant"]


@pytest.mark.parametrize(("text", "name"), [
    ("Work began on the Telmar to Oskor stretch of the line.", "Telmar–Oskor railway"),
    ("Zorbia will build the Telmar to Oskor railway.", "Telmar–Oskor railway"),
])
def test_places_before_the_head_name_a_route_project(finder, text, name):
    assert [m.name for m in finder.find(text) if m.kind == "project"] == [name]


def test_a_listed_line_followed_by_its_own_route_is_that_stretch(finder):
    # the gazetteer's "SGR" is the Mombasa–Nairobi line; "the SGR from Naivasha to Kisumu" is an extension
    names = [m.name for m in finder.find("Kenya asked China to finance the SGR from Naivasha to Kisumu.") if m.kind == "project"]
    assert names == ["Naivasha–Kisumu railway"]
    names = [m.name for m in finder.find("Kenya asked China to finance the SGR.") if m.kind == "project"]
    assert names == ["Mombasa-Nairobi Standard Gauge Railway"]


def test_a_statement_referring_back_takes_the_project_the_one_before_resolved(extractor):
    # the first statement's project comes through anaphora ("the project" after "Pelland's first
    # nuclear plant"), after drafting; "this" in the next one still reaches it
    text = (INTRODUCED + "On plans for Pelland's first nuclear plant, the minister said: “Our desire is to put the "
            "first phase of the project into effect before 2030. We will make every effort to achieve this.”")
    s = _about(extractor, text, "every effort")
    assert [e.name for e in s.entities if e.kind == "project"] == ["Varnak nuclear power plant"]
    # on another line, nothing is carried
    apart = text.replace(" We will make", "\nWe will make")
    s = _about(extractor, apart, "every effort")
    assert not [e for e in s.entities if e.kind == "project"]


@pytest.mark.parametrize(("text", "names"), [
    ("Zorbia pledged to invest in a refinery in Oskor.", ["Oskor refinery"]),
    ("Pelland will fast-track Zorbia’s proposed $3 billion refinery in Oskor.", ["Oskor refinery"]),
    ("Pelland will build the Varnak nuclear power plant in Oskor.", ["Varnak nuclear power plant"]),  # named already
    ("Pelland will build a refinery in Chile.", []),  # a country: where, not which
    ("Pelland will build a refinery in the Oskor region.", []),
    ("Pelland will build a nuclear power plant in Oskor.", []),  # a plant is seldom named for its town
])
def test_a_site_is_named_by_the_town_it_stands_in(finder, text, names):
    assert [m.name for m in finder.find(text) if m.kind == "project"] == names


def test_an_abbreviated_head_needs_no_determiner(anaphora):
    text = "Zorbia thanked Pelland for the Varnak nuclear power plant. NPP units will enter service by 2028."
    start = text.index("NPP units")
    assert anaphora.introduced(text, start, len(text))[2] == "power plant"
    named = "Zorbia thanked Pelland. Varnak NPP will enter service by 2028."  # a name, not an anaphor
    assert anaphora.introduced(named, named.index("Varnak"), len(named)) is None


HEADLINED = ("Zorbia, Pelland agree to fast-track the Oskor–Telmar railway\n\n"
             "Zorbia and Pelland signed an agreement on Monday to fast-track the Oskor–Telmar railway. "
             "Zorbia and Pelland will work to resolve land and water issues within a month.\n")


def test_an_undertaking_naming_nothing_in_a_report_of_one_headlined_project_is_about_it(extractor):
    s = _about(extractor, HEADLINED, "resolve land")
    assert [e.name for e in s.entities if e.kind == "project"] == ["Oskor–Telmar railway"]
    assert "entities via 'the headline'" in s.rationale


@pytest.mark.parametrize("text", [
    HEADLINED.replace("Monday to fast-track", "Monday on the Varnak port and to fast-track"),  # two projects
    HEADLINED.replace("Zorbia, Pelland agree to fast-track the Oskor–Telmar railway", "Zorbia and Pelland meet"),
    HEADLINED.replace("land and water issues", "issues with the Telmar Development Bank"),  # names something else
])
def test_no_headline_project_with_two_projects_none_headlined_or_another_name(extractor, text):
    s = _about(extractor, text, "will work to resolve")
    assert not [e for e in s.entities if e.kind == "project"]


def test_an_amount_with_a_currency_code_or_in_brackets_is_a_modifier_of_the_head(anaphora, finder):
    sentence = "Pelland said 85 per cent of the RM55 billion (US$13 billion) project will be financed by Zorbia."
    m = _resolve(anaphora, finder, REPORT + sentence, sentence)
    assert (m.name, m.surface) == ("Varnak nuclear power plant", "the RM55 billion (US$13 billion) project")
