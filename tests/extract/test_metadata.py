"""Document metadata on made-up openings of each genre."""

from pledgebook.read import read_text


def meta(extractor, text, source="<string>", fmt="text"):
    return extractor.extract(read_text(text, source=source, format=fmt)).document


def test_news_dateline_gives_date_place_and_kind(extractor):
    doc = meta(extractor, "Tashkent, 3 March 2024 (UzA): Uzbekistan and Kazakhstan agreed to build a new rail link. "
                          "Uzbekistan will fund the feasibility study. Kazakhstan welcomed the plan.")
    assert (doc.date, doc.place, doc.kind) == ("2024-03-03", "Tashkent", "news_report")
    assert doc.parties == ["KAZ", "UZB"]


def test_place_line_and_front_matter(extractor):
    text = "---\ntitle: Joint Statement of Brazil and Argentina\ndate: '2023-01-23'\n---\n\n**Buenos Aires, Argentina**\n\nThe two presidents agreed to deepen energy integration.\n"
    doc = meta(extractor, text, source="x.md", fmt="markdown")
    assert (doc.date, doc.place, doc.kind, doc.parties) == ("2023-01-23", "Buenos Aires", "joint_statement", ["ARG", "BRA"])


def test_meeting_place_from_the_opening(extractor):
    doc = meta(extractor, "The Prime Minister of Norway met with the President of Chile in Santiago today. "
                          "They agreed to cooperate on green hydrogen.")
    assert doc.place == "Santiago"


def test_group_voice_makes_the_group_the_party(extractor):
    doc = meta(extractor, "We, the Leaders of the G20, met in Rio de Janeiro. We will strengthen the WTO. "
                          "We will end hunger.")
    assert doc.parties == ["G20"]


def test_an_opening_that_names_the_speakers_one_by_one_gives_the_parties(extractor):
    doc = meta(extractor, "This week, we – the presidents of Chile, the Republic of Korea (ROK), Peru, and the "
                          "United States – met in Lima and commit to the following principles. Brazil was invited.")
    assert doc.parties == ["CHL", "KOR", "PER", "USA"]
    doc = meta(extractor, "We, the leaders of Canada and the United States of America, and the Prime Minister of "
                          "Mexico, met in Washington. We will cooperate on trade.")
    assert doc.parties == ["CAN", "MEX", "USA"]


def test_a_meeting_at_a_seat_of_government_is_in_its_city(extractor):
    doc = meta(extractor, "President Biden met today at the White House with President Boric of Chile. "
                          "They agreed to cooperate on lithium.")
    assert doc.place == "Washington"
    doc = meta(extractor, "President Xi welcomed President Boric to the Great Hall of the People. They signed a deal.")
    assert doc.place == "Beijing"
    # a meeting to come there is not where this one took place
    doc = meta(extractor, "President Biden spoke with President Macron. The two leaders look forward to meeting "
                          "again at the White House next year.")
    assert doc.place is None


def test_un_speech_file_name(extractor, tmp_path):
    path = tmp_path / "NOR_78_2023.txt"
    path.write_text("Mr. President, Norway will double its climate finance by 2026.", encoding="utf-8")
    from pledgebook.read import read_document

    doc = extractor.extract(read_document(path)).document
    assert (doc.kind, doc.parties, doc.date) == ("speech", ["NOR"], "2023")


def test_a_speech_that_names_the_united_nations_keeps_its_speaker(extractor, tmp_path):
    # "we" three times and the United Nations in the opening: the speaker is still the file's country
    path = tmp_path / "MNG_79_2024.txt"
    path.write_text("Mr. President of the United Nations General Assembly, we thank you. We will host the regional "
                    "forum in 2026. We are committed to the work of the United Nations. We will double our aid.",
                    encoding="utf-8")
    from pledgebook.read import read_document

    record = extractor.extract(read_document(path))
    assert record.document.parties == ["MNG"]
    assert {tuple(s.actors) for s in record.statements if s.kind == "commitment"} == {("MNG",)}


def test_a_form_of_address_is_not_a_place_line(extractor):
    doc = meta(extractor, "Mr. President,\n\nAllow me to deliver this statement on behalf of the Prime Minister.\n\n"
                          "Norway will double its support for the Peacebuilding Fund.")
    assert doc.place is None


def test_the_city_a_visitor_is_welcomed_to_is_the_place_but_a_country_is_not(extractor):
    doc = meta(extractor, "President Joseph R. Biden, Jr. is honored to welcome President Gabriel Boric of Chile to "
                          "Washington, DC. The leaders agreed to expand cooperation on lithium.")
    assert doc.place == "Washington"
    doc = meta(extractor, "Prime Minister Modi welcomed President Lula to India. The leaders agreed to expand trade.")
    assert doc.place is None


def test_a_call_readout_has_no_place(extractor, tmp_path):
    path = tmp_path / "2022-03-03-readout-of-president-bidens-call-with-president-boric.md"
    path.write_text("---\ntitle: Readout of President Biden's Call with President Boric of Chile\n---\n\n"
                    "The leaders agreed to meet in person in Santiago in the coming months.\n", encoding="utf-8")
    from pledgebook.read import read_document

    assert extractor.extract(read_document(path)).document.place is None


def test_a_title_naming_two_leaders_as_authors_gives_their_countries(extractor):
    """Leaders known on the document's date, or introduced with their country in the title."""
    text = ("---\ntitle: Joint Statement by President Biden and President von der Leyen on Energy Security\n"
            "date: '2022-03-25'\n---\n\nWe will work together to reduce demand for natural gas.\n")
    doc = meta(extractor, text, source="x.md", fmt="markdown")
    assert doc.parties == ["EU", "USA"]
    text = ("---\ntitle: Joint Statement Following Meeting Between President Biden and Chilean President "
            "Gabriel Boric\ndate: '2023-06-02'\n---\n\nThe two leaders will expand lithium cooperation.\n")
    assert meta(extractor, text, source="x.md", fmt="markdown").parties == ["CHL", "USA"]


def test_a_leader_named_outside_the_dates_of_office_or_alone_names_no_author(extractor):
    # in 2015 "Biden" was no head of government in leaders.yaml, and one leader is no joint authorship
    text = ("---\ntitle: Joint Statement by President Biden and President von der Leyen on Energy Security\n"
            "date: '2015-03-25'\n---\n\nWe will work together to reduce demand for natural gas.\n")
    assert meta(extractor, text, source="x.md", fmt="markdown").parties != ["EU", "USA"]
    text = ("---\ntitle: Statement by President Biden on Energy Security\ndate: '2022-03-25'\n---\n\n"
            "We will work together with Norway to reduce demand for natural gas.\n")
    assert "EU" not in meta(extractor, text, source="x.md", fmt="markdown").parties


# -- a joint text whose title names one state: the host named in its body is the other party ------------
VISIT = ("At the invitation of the President of the Republic of Ghana, the President of Uruguay paid an official "
         "visit to Ghana on 3-4 May. The two Presidents agreed to open embassies. Ghana and Uruguay will hold "
         "consultations every year.\n")


def test_a_joint_text_titled_by_one_state_has_the_state_its_body_names_most_as_the_other_party(extractor):
    text = "---\ntitle: Joint statement on the official visit of the President of Uruguay\n---\n\n" + VISIT
    assert meta(extractor, text, source="x.md", fmt="markdown").parties == ["GHA", "URY"]


def test_a_joint_title_joining_two_sides_or_a_state_named_once_is_not_completed(extractor):
    text = "---\ntitle: Joint readout by Uruguay and the Council of Elders\n---\n\n" + VISIT
    assert meta(extractor, text, source="x.md", fmt="markdown").parties == ["URY"]
    once = "The President of Uruguay paid an official visit to Accra, Ghana on 3-4 May. Uruguay will open an embassy.\n"
    text = "---\ntitle: Joint statement on the official visit of the President of Uruguay\n---\n\n" + once
    assert meta(extractor, text, source="x.md", fmt="markdown").parties == ["URY"]
