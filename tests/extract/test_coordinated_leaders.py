"""Two people coordinated as a subject: each resolved on its own, and in a two-party text a head
of state or government the text maps to no country is the other side ("The President and the
Taoiseach agreed ..."); a parse that hangs words of the verb's object on the subject leaves them out."""

import pytest

from pledgebook.extract.actors import ActorResolver
from pledgebook.extract.people import PeopleMap

US_IRELAND = ("Joint Statement by the United States and Ireland\n\n"
              "On March 17, 2021, President Joseph R. Biden hosted an Irish delegation for a virtual bilateral meeting "
              "between the United States and Ireland. The United States and Ireland reaffirmed their deep partnership.\n\n"
              "{sentence}\n")


def _actors(extractor, sentence: str, opening: str = US_IRELAND) -> list[list[str]]:
    record = extractor.extract_text(opening.format(sentence=sentence))
    return [s.actors for s in record.statements if s.kind == "commitment"]


@pytest.mark.parametrize("sentence", [
    "The President and the Taoiseach agreed to establish a joint fund for clean energy research.",
    "The Taoiseach and the President agreed to open a new consulate in Cork next year.",
    "President Biden and Prime Minister Fennick decided to expand cooperation on maritime research.",
])
def test_a_head_no_country_is_known_for_beside_one_party_is_the_other_side(extractor, sentence):
    assert _actors(extractor, sentence) == [["IRL", "USA"]]


@pytest.mark.parametrize("sentence", [
    "The President and the Vice President agreed to establish a joint fund for clean energy research.",
    "The President and the Secretary of State agreed to open a new consulate in Cork next year.",
    "The President and his advisers decided to expand cooperation on maritime research.",
])
def test_a_deputy_or_a_person_with_no_head_title_adds_no_party(extractor, sentence):
    assert _actors(extractor, sentence) == [["USA"]]


def test_in_a_text_of_three_parties_the_other_side_is_not_guessed(extractor):
    opening = ("Joint Statement by the United States, Ireland and Canada\n\n"
               "On March 17, 2021, President Joseph R. Biden held a virtual meeting of the United States, Ireland "
               "and Canada.\n\n{sentence}\n")
    assert _actors(extractor, "The President and the Taoiseach agreed to establish a joint fund for clean energy research.",
                   opening) == [["USA"]]


def test_each_person_of_a_coordination_is_resolved_on_its_own():
    text = "President Joseph R. Biden met Prime Minister Naftali Bennett of Israel at the White House."
    people = PeopleMap(text, "2021-08-27", ActorResolver().lookup_country, issuer="USA")
    assert people.resolve("The President and Prime Minister Bennett") == ["USA", "ISR"]
    assert people.resolve("Prime Minister Bennett and his team") == ["ISR"]
    assert people.resolve("The President") == ["USA"]


def test_a_listed_name_introduced_with_its_country_is_known_by_its_last_word():
    text = "President Moon Jae-in met Vietnamese President Tran Dai Quang in Hanoi."
    people = PeopleMap(text, "2018-03-23", ActorResolver().lookup_country)
    assert people.resolve("Moon and Quang") == ["KOR", "VNM"]
    assert people.resolve("Quang") == ["VNM"]


def test_a_pronoun_subject_keeps_none_of_the_objects_a_parse_hangs_on_it(extractor):
    sentence = ("They committed to working with each other, the United Nations, the World Health Organization "
                "and COVAX to address the urgent need for delivery of vaccines.")
    assert all(a == ["IRL", "USA"] for a in _actors(extractor, sentence))


def test_a_coordination_with_someone_the_document_does_not_know_is_read_whole():
    text = "President Joseph R. Biden welcomed President Gustavo Petro of Colombia. Mr. Finer met Sheikh Tahnoon."
    people = PeopleMap(text, "2024-02-06", ActorResolver().lookup_country, issuer="USA")
    assert people.resolve("President Biden and Mr. Finer") == ["USA"]  # the name it knows, as before
    assert people.resolve("The President and Mr. Finer") == []  # the whole text's parties, as before


def test_the_first_word_of_a_listed_name_introduced_with_its_country_stays_his():
    text = "Sri Lankan Prime Minister Ranil Wickremesinghe met Chinese Premier Li Keqiang in Beijing."
    people = PeopleMap(text, "2017-05-17", ActorResolver().lookup_country)
    assert people.resolve("Li") == ["CHN"]
    assert people.resolve("Li and Wickremesinghe") == ["CHN", "LKA"]


READOUT = ("Readout of President Joseph R. Biden's Meeting with President Volodymyr Zelenskyy of Ukraine\n\n"
           "President Joseph R. Biden met with President Volodymyr Zelenskyy of Ukraine at the White House. "
           "The United States and Ukraine reviewed their cooperation.\n\n"
           "President Biden announced a new package of security assistance for Ukraine. {sentence}\n")


def test_a_pronoun_reporter_in_a_readout_is_the_one_who_acted_just_before(extractor):
    record = extractor.extract_text(READOUT.format(sentence="He also shared that ten more air-defence systems will arrive in Ukraine next week."))
    arrive = next(s for s in record.statements if "will arrive" in s.text)
    assert arrive.actors == ["USA"]


def test_a_named_reporter_is_not_replaced_by_the_one_before(extractor):
    record = extractor.extract_text(READOUT.format(sentence="The two presidents also shared that ten more air-defence systems will arrive in Ukraine next week."))
    arrive = next(s for s in record.statements if "will arrive" in s.text)
    assert arrive.actors == ["UKR", "USA"]
