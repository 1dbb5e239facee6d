"""Who the parties of a group text are (session 13): the states an opening lists after plural
titles or as its first subject, territories listed beside them left out, a grouping with a voice of
its own and a guest, a meeting's place that is no party, and the subsets and collective subjects
of such a text. Invented documents and sentences."""

from __future__ import annotations

from pledgebook.codebook import Codebook
from pledgebook.extract.actors import ActorResolver
from pledgebook.extract.metadata import place_only
from pledgebook.read.base import RawDocument

RESOLVER = ActorResolver(Codebook.load().actors)


def _record(extractor, title: str, body: str):
    return extractor.extract(RawDocument(source="statement.txt", text=body, title=title))


def _actors(record, start: str) -> list[str]:
    return next(s.actors for s in record.statements if s.text.startswith(start))


# -- lists after plural titles ----------------------------------------------------------------

def test_plural_titles_opening_the_first_sentence_list_the_parties(extractor):
    record = _record(extractor, "Joint Statement of the Andean Leaders",
                     "On 3 May 2024, the Presidents and the Heads of Government of Chile, Peru, Ecuador and "
                     "Colombia met in Lima. The leaders agreed to build a shared customs data platform by 2026.")
    assert record.document.parties == ["CHL", "COL", "ECU", "PER"]
    assert _actors(record, "The leaders agreed") == ["CHL", "COL", "ECU", "PER"]


def test_a_plural_title_that_does_not_open_the_text_lists_no_parties(extractor):
    record = _record(extractor, "Joint Statement on Regional Trade",
                     "On 3 May 2024, Chile and Peru met in Lima. The ministers discussed exports of the "
                     "Presidents of Ecuador and Colombia. The two sides will open a customs office in Tacna.")
    assert record.document.parties == ["CHL", "PER"]


def test_we_the_governments_of_a_long_list_names_every_one(extractor):
    states = ("Argentina, Barbados, Belize, Brazil, Canada, Chile, Colombia, Costa Rica, Ecuador, El Salvador, "
              "Guatemala, Guyana, Haiti, Honduras, Jamaica, Mexico, Panama, Paraguay, Peru, and Uruguay")
    record = _record(extractor, "Declaration on Fisheries",
                     f"We, the governments of {states}, gathered in Lima, commit to share catch data. "
                     "We will set up a regional fisheries register by 2027.")
    assert len(record.document.parties) == 20 and "URY" in record.document.parties


def test_territories_listed_beside_states_are_not_parties_but_act_alone(extractor):
    record = _record(extractor, "Joint Statement of the North Atlantic Fisheries Leaders",
                     "We, the governments of Norway, Iceland, the Faroe Islands and Greenland, met in Torshavn. "
                     "We will share data on mackerel stocks. The Faroe Islands will open a fisheries research "
                     "office in 2025.")
    assert record.document.parties == ["ISL", "NOR"]
    assert _actors(record, "We will share") == ["ISL", "NOR"]
    assert _actors(record, "The Faroe Islands will") == ["FRO"]


def test_a_grouping_named_in_the_list_is_one_speaker_of_several(extractor):
    record = _record(extractor, "Joint Statement of the Counter-Smuggling Meeting",
                     "We, the Ministers and Representatives of Chile, the European Union, Peru and Mexico, "
                     "recognize that smuggling is a shared threat. We will exchange customs data. We agree to "
                     "train port inspectors. We will meet again in 2026.")
    assert record.document.parties == ["CHL", "EU", "MEX", "PER"]


def test_a_list_of_states_as_the_first_subject_of_an_issued_text(extractor):
    record = _record(extractor, "Grain Exporters Declaration",
                     "Today, Argentina, Canada, and Australia affirm their role as grain exporters. "
                     "We will keep export channels open.")
    assert record.document.parties == ["ARG", "AUS", "CAN"]


def test_states_that_open_a_sentence_as_a_possessor_are_no_subject(extractor):
    record = _record(extractor, "Joint Statement from Canada and Australia",
                     "Argentina, Canada and Australia's wheat exports grew last year. "
                     "The two countries will keep export channels open.")
    assert record.document.parties == ["AUS", "CAN"]


# -- groupings, their members and guests ------------------------------------------------------

def test_a_grouping_and_a_state_as_the_first_subject_are_both_parties(extractor):
    record = _record(extractor, "Joint Statement on Food Security",
                     "The African Union and Japan reaffirm their commitment to food security. We will build "
                     "twenty grain storage hubs. We will train farmers. We seek a plan of action by 2026.")
    assert record.document.parties == ["AU", "JPN"]


def test_a_grouping_with_a_voice_keeps_its_code_when_the_opening_lists_its_members(extractor):
    record = _record(extractor, "Fifth BIMSTEC Summit Declaration",
                     "We, the Heads of State and Government of Bangladesh, Bhutan, India, Myanmar, Nepal, "
                     "Sri Lanka and Thailand, met in Colombo for the Fifth BIMSTEC Summit. We will sign a "
                     "coastal shipping agreement next year. We agree to set up an energy centre.")
    assert record.document.parties == ["BIMSTEC"]


def test_all_members_and_a_guest_party_are_the_group_and_the_guest(extractor):
    record = _record(extractor, "GCC-Japan Joint Statement",
                     "The leaders of Bahrain, Kuwait, Oman, Qatar, Saudi Arabia, the United Arab Emirates and "
                     "Japan met in Riyadh. Saudi Arabia and Japan will open a joint desalination centre in "
                     "2026.")
    assert record.document.parties == ["GCC", "JPN"]
    assert _actors(record, "The leaders of Bahrain") == ["GCC", "JPN"]
    assert _actors(record, "Saudi Arabia and Japan") == ["JPN", "SAU"]  # a subset keeps its members


def test_a_regional_set_without_a_voice_is_its_members(extractor):
    record = _record(extractor, "Joint Statement by the Prime Ministers of the Baltic states and Japan",
                     "The leaders met in Riga. Japan and the Baltic states will launch a cyber defence "
                     "exercise in 2025.")
    assert record.document.parties == ["EST", "JPN", "LTU", "LVA"]
    assert _actors(record, "Japan and the Baltic states") == ["EST", "JPN", "LTU", "LVA"]


def test_heads_named_with_observers_at_a_grouping_meeting_are_the_grouping(extractor):
    text = ("The meeting of the Heads of State Council of the Shanghai Cooperation Organisation was held in "
            "Astana. President of the Republic of Kazakhstan A, President of the Kyrgyz Republic B, President of "
            "the Republic of Tajikistan C and President of Mongolia D, as an observer, attended the meeting. "
            "The heads of state agreed to hold a joint exercise in 2026.")
    record = extractor.extract(RawDocument(source="release.txt", text=text,
                                           title="Press release on the SCO Heads of State Council meeting"))
    assert record.document.parties == ["SCO"]


def test_heads_met_as_a_groupings_partners_are_not_the_grouping(extractor):
    text = ("On the margins of the summit, the Prime Minister met today with President A of the Republic of Korea, "
            "Prime Minister B of Japan, Prime Minister C of New Zealand and Minister D of Australia. The leaders "
            "agreed to hold a joint cyber exercise in 2026.")
    record = extractor.extract(RawDocument(source="readout.txt", text=text,
                                           title="Readout of the Prime Minister's Meeting with NATO's Indo-Pacific Partners"))
    assert record.document.parties == ["AUS", "JPN", "KOR", "NZL"]


def test_the_collective_subjects_of_a_group_text_are_its_parties(extractor):
    record = _record(extractor, "Joint Statement of the Andean Leaders",
                     "On 3 May 2024, the Presidents of Chile, Peru and Ecuador met in Lima. The Heads of State "
                     "and Government agreed to open a joint border post. All sides will share flood data.")
    assert _actors(record, "The Heads of State and Government agreed") == ["CHL", "ECU", "PER"]
    assert _actors(record, "All sides will") == ["CHL", "ECU", "PER"]


# -- a meeting's place ------------------------------------------------------------------------

def test_a_country_after_a_city_is_only_a_place():
    text = "The summit held in Kampala, Uganda, adopted decisions. Talks between Brazil, Peru and Chile went on."
    assert place_only(text, text.index("Uganda"), RESOLVER)
    assert not place_only(text, text.index("Peru"), RESOLVER)
    other = "We will raise investment in the European Union, Brazil and India."
    assert not place_only(other, other.index("Brazil"), RESOLVER)


def test_a_press_release_of_a_grouping_summit_is_the_groupings_not_its_hosts(extractor):
    text = ("Georgetown, 5 July 2024 – The 9th CARICOM Summit held in Kingston, Jamaica, adopted the "
            "following decisions. The Conference decided to establish a regional food reserve by 2026. "
            "CARICOM will review the reserve in 2028.")
    record = extractor.extract(RawDocument(source="release.txt", text=text,
                                           title="Decisions of the 9th CARICOM Summit (Press Release)"))
    assert record.document.parties == ["CARICOM"]


def test_groupings_that_act_in_a_report_are_its_parties_not_the_host_country(extractor):
    text = ("Leaders of the EU and the AU agreed on a new partnership at their summit in Brussels, Belgium. "
            "The EU pledged to mobilise EUR 200 million for vaccine production. The AU will set up a "
            "medicines agency by 2026.")
    record = extractor.extract(RawDocument(source="report.txt", text=text,
                                           title="EU-AU summit agrees new partnership"))
    assert record.document.parties == ["AU", "EU"]
    assert _actors(record, "The EU pledged") == ["EU"]


def test_a_groupings_fixed_members_one_by_one_are_the_grouping_not_the_host_city(extractor):
    """"Brussels" names the EU too; the members of the G7 listed with the EU's presidents are the G7."""
    record = _record(extractor, "The Brussels G7 Summit Declaration",
                     "We, the Leaders of Canada, France, Germany, Italy, Japan, the United Kingdom, the United States, "
                     "the President of the European Council and the President of the European Commission, met in "
                     "Brussels. We will raise our support for energy security. We will meet again next year.")
    assert record.document.parties == ["G7"]


def test_members_listed_with_another_state_are_not_the_grouping(extractor):
    record = _record(extractor, "Joint Declaration on Energy Security",
                     "We, the Leaders of Canada, France, Germany, Italy, Japan, the United Kingdom, the United States "
                     "and Norway, met in Oslo. We will raise our support for energy security.")
    assert record.document.parties == ["CAN", "DEU", "FRA", "GBR", "ITA", "JPN", "NOR", "USA"]


def test_one_member_named_with_its_grouping_is_that_member():
    assert RESOLVER.resolve("Chile, as a member of the Community of Latin American and Caribbean States,",
                            ["CHL"]) == ["CHL"]
    assert RESOLVER.resolve("Chile, as a founding member state of CELAC", ["CHL"]) == ["CHL"]
    assert RESOLVER.resolve("The United States and our G7 partners", ["G7"], "G7") == ["G7"]
    members = ["ARE", "BHR", "KWT", "OMN", "QAT", "SAU"]
    assert RESOLVER.resolve("The GCC states Bahrain, Kuwait, Oman, Qatar, Saudi Arabia and the United Arab Emirates",
                            ["GCC", "USA"]) == ["GCC"]
    assert sorted(RESOLVER.resolve("Kuwait and Oman", ["GCC", "USA"])) == ["KWT", "OMN"]
    assert set(members) == set(Codebook.load().actors.groups["GCC"].members)
