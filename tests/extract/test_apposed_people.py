"""People introduced by apposition after a word of courtesy ("At the invitation of His Excellency
X Y, President of the Republic of Z, ..."), listed in leaders.yaml or not, stand for that country
in the document (codebook leaders.yaml honorifics; extract/people.py). Invented names."""

OPENING = ("Joint Communiqué of Ghana and Uruguay\n\nAt the invitation of His Excellency Kwabena Mensah Boateng, "
           "President of the Republic of Ghana, His Excellency Mr Tomas Ferreira Aldao, President of the Oriental "
           "Republic of Uruguay, paid a State Visit to Ghana from 3 to 5 May. ")


def _actors(extractor, text: str):
    return [(s.kind, s.actors) for s in extractor.extract_text(OPENING + text).statements if s.kind == "commitment"]


def test_a_person_introduced_by_apposition_stands_for_the_country(extractor):
    assert _actors(extractor, "His Excellency Kwabena Mensah Boateng pledged to open an embassy in Montevideo.") \
        == [("commitment", ["GHA"])]
    assert _actors(extractor, "President Aldao undertook to lower tariffs on beef imports.") \
        == [("commitment", ["URY"])]


def test_no_courtesy_word_or_no_country_introduces_nobody(extractor):
    text = ("Joint Communiqué of Ghana and Uruguay\n\nKwabena Mensah Boateng, Secretary of the Council of Elders, "
            "attended the talks. Kwabena Mensah Boateng pledged to publish the report.")
    found = [(s.kind, s.actors) for s in extractor.extract_text(text).statements if s.kind == "commitment"]
    assert all(a != ["GHA"] and a != ["URY"] for _, a in found) or found == []
