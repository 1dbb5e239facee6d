"""Sector classification of single statements from several genres."""

import pytest

from pledgebook.extract.entities import EntityFinder
from pledgebook.extract.sectors import SectorClassifier


@pytest.fixture(scope="module")
def classify():
    classifier, finder = SectorClassifier(), EntityFinder()
    return lambda text: classifier.classify(text, finder.find(text))


@pytest.mark.parametrize(
    "text, main, also",
    [
        # joint statement (the seed document)
        ("China and Pakistan agreed to accelerate the development of Gwadar Port and its associated projects, "
         "emphasizing the port’s importance as a crucial node for cross-regional connectivity.", "ports", {"connectivity"}),
        ("The two countries recognized the importance of the ML-1 upgrade as part of CPEC and committed to its early "
         "deployment.", "connectivity", {"transport"}),
        ("China and Pakistan sought to improve mining industry cooperation by conducting geological surveys, "
         "conducting cooperative research on geology and minerals.", "mining", set()),
        ("The two countries were pleased with the progress made in currency swap agreements and Renminbi settlement "
         "and clearing, and they vowed to strengthen financial and banking cooperation.", "finance", set()),
        ("Both countries condemned terrorism and committed to strengthening counter-terrorism cooperation to promote "
         "global peace and security.", "counter_terrorism", {"security"}),
        ("Pakistan reaffirmed its steadfast support for the One-China Principle and opposed any form of "
         "“Taiwan independence.”", "core_interests", set()),
        # leaders' communique
        ("We will work together to deliver safe and effective vaccines through the Quad Vaccine Partnership and "
         "strengthen pandemic preparedness.", "health", set()),
        ("We will launch the Indo-Pacific Partnership for Maritime Domain Awareness to counter illegal, unreported "
         "and unregulated fishing.", "maritime_security", set()),
        ("We reaffirm our commitment to the Paris Agreement and to achieving net zero emissions by 2050.",
         "climate_environment", set()),
        # readout
        ("The leaders discussed expanding cooperation on critical and emerging technologies, including semiconductors "
         "and artificial intelligence.", "ict", set()),
        ("The President welcomed India's leadership of the G20 and the reform of multilateral development banks.",
         "multilateralism", {"finance"}),
        # UN General Debate speech
        ("We call for an immediate ceasefire in Gaza and unhindered humanitarian access to deliver food, water and "
         "medicine to civilians.", "humanitarian", {"regional_affairs"}),
        ("Nuclear disarmament and the Treaty on the Non-Proliferation of Nuclear Weapons remain the cornerstone of "
         "our security.", "nuclear_nonproliferation", set()),
        # news report
        ("Officials said the new power plant would add 1,320 megawatts of electricity to the national grid.",
         "energy", set()),
        ("The two sides signed a deal to expand student scholarships, youth exchanges and direct flights for "
         "tourists.", "people_to_people", set()),
        ("Japan pledged to provide a concessional loan for the Mumbai-Ahmedabad High Speed Rail project.",
         "transport", {"finance"}),
        ("The ministers agreed to cut tariffs on farm goods and improve market access for dairy exports.",
         "trade", {"agriculture"}),
    ],
)
def test_main_sector_and_companions(classify, text, main, also):
    sectors = classify(text)
    assert main in sectors[:2], sectors
    assert also <= set(sectors), sectors
    assert len(sectors) <= 3


def test_no_evidence_gives_no_sector(classify):
    assert classify("Prime Minister Kakar expressed gratitude to his hosts.") == []
    assert classify("") == []


def test_words_are_matched_whole_not_inside_other_words(classify):
    # "importance", "fruitful", "hospitality" and "investigate" carry no trade, agriculture, health or investment
    assert classify("They stressed the importance of fruitful talks, thanked them for their hospitality and "
                    "agreed to investigate.") == []


def test_prefix_keywords_match_inflections(classify):
    assert classify("They will modernise the railways.") == ["transport"]


def test_entity_sectors_count_without_keywords():
    classifier, finder = SectorClassifier(), EntityFinder()
    text = "They briefed the SIFC on Tuesday."
    assert classifier.classify(text, finder.find(text)) == ["investment"]
    assert classifier.classify(text) == []


def test_weak_side_evidence_is_dropped(classify):
    sectors = classify("Both sides agreed to expand cooperation in mining, minerals, geological surveys and "
                       "mineral processing, and to train talent.")
    assert sectors == ["mining"]


# -- evidence beyond the statement's own words ----------------------------------------------
@pytest.fixture(scope="module")
def classifier():
    return SectorClassifier()


def test_a_meeting_is_diplomacy_whatever_it_names(classifier):
    assert classifier.classify("The two presidents met in Lima on Tuesday.", kind="meeting") == ["diplomacy"]
    assert classifier.classify("The two presidents met in Lima on Tuesday.", kind="position") == []
    sectors = classifier.classify("The ministers met to review trade and tariffs.", kind="meeting")
    assert sectors[0] == "diplomacy" and "trade" in sectors


def test_a_grouping_that_speaks_is_not_what_the_statement_is_about(classifier):
    finder = EntityFinder()
    text = "The G7 will keep working together."
    assert classifier.classify(text, finder.find(text), speakers=["G7"]) == []
    assert classifier.classify(text, finder.find(text), speakers=["USA"]) == ["multilateralism"]
    # a grouping whose members are exactly the speakers speaks too
    text = "The Quad countries will keep working together."
    assert classifier.classify(text, finder.find(text), speakers=["AUS", "IND", "JPN", "USA"]) == []


def test_the_rest_of_the_sentence_is_weak_evidence(classifier):
    # a bare clause takes its topic from the sentence around it
    assert classifier.classify("and will work together closely",
                               context=("Both sides agreed to expand cooperation on renewable energy ", "")) == ["energy"]
    # but what the statement itself names comes first
    sectors = classifier.classify("They will cut tariffs",
                                  context=("", ", noting that hospitals, vaccines and medicine matter"))
    assert sectors[0] == "trade"
    assert classifier.scores("They will cut tariffs", context=("vaccines",))["health"][0] == pytest.approx(0.25)


def test_a_statement_that_names_no_field_continues_the_topic_around_it(classifier):
    nearby = ["Hospitals across the region need vaccines and medicine.", "Public health systems are strained."]
    assert classifier.classify("We will do more.", nearby=nearby) == ["health"]
    assert classifier.classify("We will do more.") == []
    # its own evidence wins: the sentences around it are not consulted
    assert classifier.classify("We will lower tariffs.", nearby=nearby) == ["trade"]


def test_general_vocabulary_of_the_sectors(classify):
    assert classify("They will impose further sanctions on those who evade them.") == ["finance"]
    assert classify("We call on the international community to act.") == ["multilateralism"]
    assert classify("They encouraged the peaceful resolution of cross-Strait issues.") == ["core_interests"]
    assert "trade" in classify("We will build resilient supply chains.")
    assert classify("They will counter economic coercion.") == ["trade"]
    assert "climate_environment" in classify("They will expand clean energy.")
    assert classify("They reviewed the state of bilateral relations ahead of the visit.") == ["diplomacy"]
    # "prosperity" is a goal of every statement, not a field of policy
    assert classify("They will work for peace, stability and prosperity.") == []


def test_the_pipeline_classifies_with_kind_sentence_and_neighbours(extractor):
    def sectors(text):
        return {s.text: s.sectors for s in extractor.extract_text(text).statements}

    assert sectors("President Boric met with President Xi Jinping in Beijing on Monday.") == {
        "President Boric met with President Xi Jinping in Beijing on Monday": ["diplomacy"]}
    found = sectors("The G7 leaders agreed to expand renewable energy cooperation and will work together closely.")
    assert found["will work together closely"] == ["energy"]  # from the rest of its sentence
    found = sectors("Chile and Peru will deepen their cooperation on hospitals and vaccines. "
                    "They will also do more together.")
    assert found["They will also do more together"] == ["health"]  # from the sentence before


# -- sectors by sense, not by substring (sectors.yaml `senses`) ----------------------------------
@pytest.mark.parametrize(
    "text, absent, present",
    [
        ("The two sides will expand humanitarian de-mining along the border.", "mining", "humanitarian"),
        ("Both governments will fund demining teams in the northern provinces.", "mining", "humanitarian"),
        ("They agreed to speed up mine clearance in the former conflict zone.", "mining", "humanitarian"),
        ("The ministers will support mine action and the removal of land mines.", "mining", "humanitarian"),
        ("The two countries will sign a social security totalization agreement.", "security", "labor"),
        ("They will strengthen privacy safeguards for personal data held by platforms.", "nuclear_nonproliferation",
         "ict"),
    ],
)
def test_a_term_is_read_whole_before_the_keyword_inside_it(classify, text, absent, present):
    sectors = classify(text)
    assert absent not in sectors and present in sectors, sectors


def test_the_keywords_inside_a_term_still_count_on_their_own(classify):
    assert classify("They will cooperate on the mining of critical minerals.")[0] == "mining"
    assert classify("The two sides will deepen defence and security cooperation.") == ["security"]
    assert classify("They will apply IAEA safeguards to every civil reactor.")[0] == "nuclear_nonproliferation"
    assert classify("They will place the plant under nuclear safeguards.")[0] == "nuclear_nonproliferation"


def test_safeguards_alone_names_no_field(classify):
    assert classify("They agreed on stronger safeguards.") == []


def test_a_sense_is_codebook_data_checked_at_load(tmp_path):
    import shutil

    import yaml

    from pledgebook.codebook import BUNDLED, Codebook, CodebookError
    from pledgebook.codebook.book import FILES

    for name in FILES:
        shutil.copy(BUNDLED / name, tmp_path / name)
    path = tmp_path / "sectors.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))

    def refused(senses, message):
        path.write_text(yaml.safe_dump({**data, "senses": senses}, allow_unicode=True), encoding="utf-8")
        with pytest.raises(CodebookError, match=message):
            Codebook.load(tmp_path)

    refused([{"term": "mining", "sectors": []}], r"term 'mining' is also a keyword of 'mining'")
    refused([{"term": "de-mining", "sectors": ["demining"]}], r"unknown sectors \['demining'\]")
    refused([{"term": "Mine Action", "sectors": []}], "lower case")
    refused([{"term": "demining", "sectors": []}, {"term": "demining", "sectors": []}], "appears twice")
    senses = {s.term: s.sectors for s in Codebook.load().sector_senses}
    assert senses["de-mining"] == ("humanitarian", "security") and senses["safeguards"] == ()


def test_sustainable_is_the_environment_only_with_a_natural_resource(classify):
    # "sustainable" qualifies peace, growth and footings as often as forests and fisheries
    assert "climate_environment" not in classify("They will work to deliver a sustainable and just peace.")
    assert "climate_environment" not in classify("Both sides agreed to put ties on a sustainable footing.")
    assert "climate_environment" in classify("We will promote the sustainable use of marine resources.")
    assert "climate_environment" in classify("They committed to sustainable forest management.")
