"""Subject phrases resolved to actor codes, and countries found in running text."""

import pytest

from pledgebook.extract.actors import ActorResolver

PARTIES = ["PAK", "CHN"]


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("Chinese officials", ["CHN"]),
        ("Pakistan", ["PAK"]),
        ("Pakistan’s Prime Minister", ["PAK"]),
        ("The Chinese side", ["CHN"]),
        ("Beijing", ["CHN"]),
        ("China and Pakistan", ["CHN", "PAK"]),
        ("the United States and India", ["USA", "IND"]),
        ("South Korea and Japan", ["KOR", "JPN"]),
        ("U.S. and ROK officials", ["USA", "KOR"]),
        ("US", ["USA"]),
        ("Türkiye", ["TUR"]),
        ("Sino-Pakistani ties", ["CHN", "PAK"]),
        ("G7 leaders", ["G7"]),
        ("the Quad", ["QUAD"]),
        ("the European Union", ["EU"]),
        ("Both sides", ["CHN", "PAK"]),
        ("the two countries", ["CHN", "PAK"]),
        ("Both nations", ["CHN", "PAK"]),
        ("The two Prime Ministers", ["CHN", "PAK"]),
        ("the Parties", ["CHN", "PAK"]),
        ("They", ["CHN", "PAK"]),
        ("the leaders of the two countries", ["CHN", "PAK"]),
        ("Prime Minister Anwaar ul Haq Kakar", []),
        ("the Prime Minister", []),
        ("It", []),
        ("New Mexico officials", []),
        ("the UN Security Council", []),
    ],
)
def test_resolve(resolver, phrase, expected):
    assert resolver.resolve(phrase, PARTIES) == expected


def test_first_person_plural_is_the_speaking_group_or_the_parties(resolver):
    assert resolver.resolve("We", ["G7"], group="G7") == ["G7"]
    assert resolver.resolve("our", ["AUS", "IND", "JPN", "USA"], group="QUAD") == ["QUAD"]
    assert resolver.resolve("we", ["USA", "IND"]) == ["IND", "USA"]
    assert resolver.resolve("us", ["USA", "IND"]) == ["IND", "USA"]


def test_lookup_country_only_names_countries(resolver):
    assert resolver.lookup_country("Pakistani") == "PAK"
    assert resolver.lookup_country("the United Kingdom") == "GBR"
    assert resolver.lookup_country("G20") is None
    assert resolver.lookup_country("Atlantis") is None


def test_find_countries_across_line_wraps_with_exact_spans(resolver):
    text = "Talks between India and\nthe United\nStates, Pakistani and Chinese firms, and the U.S. side."
    found = resolver.find_countries(text)
    assert [(code, text[s:e]) for code, s, e in found] == [
        ("IND", "India"), ("USA", "United\nStates"), ("PAK", "Pakistani"), ("CHN", "Chinese"), ("USA", "U.S."),
    ]


def test_find_countries_ignores_places_named_after_countries(resolver):
    text = ("Shipping in the South China Sea and the Indian Ocean, a trip to New Mexico, the Paris Agreement, "
            "Latin American markets, a roast turkey, and the Korean Peninsula.")
    assert resolver.find_countries(text) == []


def test_capitals_count_only_when_asked(resolver):
    text = "Officials in Beijing and Islamabad"
    assert resolver.find_countries(text) == []
    assert [c for c, _, _ in resolver.find_countries(text, capitals=True)] == ["CHN", "PAK"]


def test_find_groups(resolver):
    text = "Joint Statement from Quad Leaders. We, the leaders of the Quad, and the G7 under the UN Charter"
    assert [code for code, _, _ in resolver.find_groups(text)] == ["QUAD", "QUAD", "G7"]


def test_seed_document_parties(resolver, seed_text):
    counts = {}
    for code, _, _ in resolver.find_countries(seed_text):
        counts[code] = counts.get(code, 0) + 1
    top = sorted(counts, key=counts.get, reverse=True)[:2]
    assert sorted(top) == ["CHN", "PAK"] and min(counts["CHN"], counts["PAK"]) > 20


def test_a_state_title_names_the_one_party_styled_with_it():
    from pledgebook.extract.actors import ActorResolver

    resolver = ActorResolver()
    assert resolver.resolve("the Kingdom’s", ["SAU", "USA"]) == ["SAU"]
    assert resolver.resolve("the Kingdom", ["USA", "JPN"]) == []


# -- agencies, relative clauses, things, groupings (issue 15) ------------------------------------
US_IN = ["IND", "USA"]


@pytest.mark.parametrize(
    "phrase, parties, expected",
    [
        # agencies named without their country stand for it (actors.yaml `agencies`)
        ("NSF and India’s Ministry of Electronics and Information Technology", US_IN, ["USA", "IND"]),
        ("NASA and ISRO", US_IN, ["USA", "IND"]),
        ("the Pentagon", ["JPN", "USA"], ["USA"]),
        ("the Pentagon", ["KEN", "NGA"], []),  # not a party here: no party's voice
        ("NASA", ["QUAD"], ["USA"]),  # a member of the grouping that is the party
        # a country named right before an agency's name decides whose it is
        ("Japan’s Department of State", US_IN, ["JPN"]),
        # what a relative clause names is not the subject
        ("The delegation, which was received in India,", ["JPN", "USA"], []),
        ("The engines, which will be built in Japan and the United States,", US_IN, []),
        # a grouping named with its own members only is the grouping
        ("the Quad Leaders – Prime Minister Scott Morrison of Australia, Prime Minister Narendra Modi of India, "
         "Prime Minister Fumio Kishida of Japan, and President Joe Biden of the United States –", US_IN, ["QUAD"]),
        ("the Quad and Ukraine", US_IN, ["QUAD", "UKR"]),
        # all the members of the grouping that is the document's party are the grouping
        ("Australia, India, Japan and the United States", ["QUAD"], ["QUAD"]),
        ("Australia, India, Japan and the United States", ["AUS", "IND", "JPN", "USA"], ["AUS", "IND", "JPN", "USA"]),
        ("Australia and Japan", ["QUAD"], ["AUS", "JPN"]),
        ("They", ["QUAD"], ["QUAD"]),
    ],
)
def test_resolve_agencies_relative_clauses_and_groupings(resolver, phrase, parties, expected):
    assert resolver.resolve(phrase, parties) == expected


def test_a_thing_is_known_by_its_shape_never_by_what_its_clause_names(resolver):
    assert resolver.is_thing("The MQ-9Bs, which will be assembled in India,")
    assert resolver.is_thing("the F-35s")
    assert not resolver.is_thing("General Atomics")
    assert not resolver.is_thing("the G20")  # a grouping, whatever its shape
    assert not resolver.is_thing("India")


def test_an_agency_is_never_a_country_name_and_belongs_to_one_state(tmp_path):
    import shutil

    import yaml

    from pledgebook.codebook import BUNDLED, Codebook, CodebookError
    from pledgebook.codebook.book import FILES

    for name in FILES:
        shutil.copy(BUNDLED / name, tmp_path / name)
    path = tmp_path / "actors.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))

    def refused(agencies, message):
        path.write_text(yaml.safe_dump({**data, "agencies": agencies}, allow_unicode=True), encoding="utf-8")
        with pytest.raises(CodebookError, match=message):
            Codebook.load(tmp_path)

    refused({"USA": ["NSF"], "IND": ["NSF"]}, "'NSF' names both")
    refused({"USA": ["India"]}, "'India' is a country's or group's name")
    assert Codebook.load().actors.lookup("NSF") is None  # an agency is no country: entities keep its name


# -- who says or undertakes it, on invented documents ---------------------------------------------
def _record(extractor, body, title=None):
    from pledgebook.read import read_text

    front = f"---\ntitle: \"{title}\"\ndate: '2024-05-01'\n---\n\n" if title else ""
    return extractor.extract(read_text(front + body, source="doc.md", format="markdown"))


def _statement(record, words):
    found = [s for s in record.statements if words in s.text]
    assert found, [s.text for s in record.statements]
    return found[0]


def test_a_group_call_readout_speaks_for_the_group(extractor):
    rec = _record(extractor, "Today the Quad Leaders – Prime Minister Jane Doe of Australia, Prime Minister Ravi Rao "
                             "of India, Prime Minister Ken Sato of Japan, and President John Roe of the United "
                             "States – convened by phone. They agreed to stand up a new humanitarian assistance "
                             "mechanism for the region. The leaders also agreed to meet in person next year.",
                  title="Joint Readout of Quad Leaders’ Call")
    assert rec.document.parties == ["QUAD"]
    assert _statement(rec, "They agreed to stand").actors == ["QUAD"]
    assert _statement(rec, "The leaders also agreed").actors == ["QUAD"]
    assert _statement(rec, "convened").actors == ["QUAD"]  # the grouping with its members is the grouping


def test_a_title_that_names_its_authors_gives_the_parties(extractor):
    rec = _record(extractor, "We will work together to make the presidency deliver on debt relief. We will also "
                             "support a stronger voice for Africa. We will meet again in June.",
                  title="Joint Statement from Kenya, Ghana, and Norway on the G20")
    assert rec.document.parties == ["GHA", "KEN", "NOR"]
    assert _statement(rec, "make the presidency").actors == ["GHA", "KEN", "NOR"]
    rec = _record(extractor, "We will expand maritime domain awareness across the region.",
                  title="Joint Statement from the Leaders of Australia, India, Japan, and the United States")
    assert rec.document.parties == ["QUAD"]  # exactly the Quad's members: the Quad


def test_the_two_sides_of_a_bilateral_title(extractor):
    rec = _record(extractor, "The two sides agreed to launch a new dialogue on clean energy. Both leaders will "
                             "review progress in the autumn.", title="Joint Statement from Brazil and Norway")
    assert rec.document.parties == ["BRA", "NOR"]
    assert _statement(rec, "The two sides").actors == ["BRA", "NOR"]
    assert _statement(rec, "Both leaders").actors == ["BRA", "NOR"]


def test_agencies_act_for_their_states(extractor):
    rec = _record(extractor, "NSF and India’s Ministry of Electronics and Information Technology will fund joint "
                             "research in semiconductors. NASA will train two Indian astronauts.",
                  title="Joint Statement from the United States and India")
    assert _statement(rec, "will fund joint").actors == ["IND", "USA"]
    assert _statement(rec, "NASA will train").actors == ["USA"]


def test_a_company_or_an_organisation_is_a_non_state_actor(extractor):
    rec = _record(extractor, "The two leaders welcomed the new engine deal. As part of this plan, General Atomics will "
                             "also establish a maintenance facility in India.",
                  title="Joint Statement from the United States and India")
    st = _statement(rec, "General Atomics will")
    assert (st.kind, st.actors, st.actor_source, st.non_state_actors) == (
        "commitment", [], "non_state", ["General Atomics"])
    assert "no party: General Atomics" in st.rationale
    # an agency the gazetteer gives to a state acts for that state
    rec = _record(extractor, "JICA will provide a loan for the new metro line in Chennai.",
                  title="Joint Statement from Japan and India")
    assert _statement(rec, "JICA will").actors == ["JPN"]


def test_a_reported_commitment_belongs_to_its_subject_not_the_speaker(extractor):
    rec = _record(extractor, "Kenya also looks forward to the fulfilment of the climate finance commitments made by "
                             "the developed world to provide over $100 billion a year.", title="Statement by Kenya")
    st = _statement(rec, "looks forward to the fulfilment")
    assert st.kind == "position" and st.actors == ["KEN"]  # Kenya's hope, not Kenya's undertaking
    assert not [s for s in rec.statements if s.kind == "commitment"]
    # its own commitment stays its own
    rec = _record(extractor, "Kenya looks forward to the implementation of its new climate plan.", title="Statement by Kenya")
    assert _statement(rec, "looks forward").kind == "commitment"


@pytest.mark.parametrize("text", [
    "We look forward to the Assembly's continued support as the construction begins next year.",
    "Kenya looks forward to your cooperation on the draft resolution on desert locusts.",
])
def test_an_act_of_others_looked_forward_to_is_a_hope(extractor, text):
    rec = _record(extractor, text, title="Statement by Kenya")
    assert [s.kind for s in rec.statements] == ["position"]


def test_a_signing_appreciated_is_the_signers_agreement(extractor):
    rec = _record(extractor, "The President deeply appreciated India’s signing of the Artemis Accords.",
                  title="Joint Statement from the United States and India")
    st = _statement(rec, "signing of the Artemis Accords")
    assert (st.kind, st.actors) == ("agreement", ["IND"])


def test_a_thing_is_never_an_actor(extractor):
    rec = _record(extractor, "The leaders welcomed India’s plans to procure new surveillance drones. The MQ-9Bs, which "
                             "will be assembled in India, will enhance the capabilities of India’s armed forces.",
                  title="Joint Statement from the United States and India")
    st = _statement(rec, "The MQ-9Bs")
    assert st.kind == "appreciation" and st.strength is None  # a forecast, no one's undertaking
    assert st.actors == ["IND", "USA"] and st.actor_source == "document_parties"


def test_an_international_organisation_undertaking_is_non_state_but_the_parties_mechanisms_stay_theirs(extractor):
    rec = _record(extractor, "The World Health Organization will launch a regional vaccine stockpile next year. "
                             "The Task Force will report to the leaders within six months.",
                  title="Joint Statement from Norway and Kenya")
    st = _statement(rec, "World Health Organization will")
    assert (st.actors, st.actor_source, st.non_state_actors) == ([], "non_state", ["WHO"])
    st = _statement(rec, "The Task Force will")  # the parties' own body: their undertaking
    assert st.actors == ["KEN", "NOR"] and st.non_state_actors == []


def test_a_call_about_an_organisation_stays_the_speakers(extractor):
    rec = _record(extractor, "The United Nations system must respond more effectively to humanitarian needs.",
                  title="Statement by Norway")
    st = _statement(rec, "must respond")
    assert st.actors == ["NOR"] and st.non_state_actors == []


def test_a_title_list_may_name_a_union_among_the_states(extractor):
    rec = _record(extractor, "We call for an immediate ceasefire.",
                  title="Joint Statement by the United States, Australia, Canada, European Union, France, and Japan")
    assert rec.document.parties == ["AUS", "CAN", "EU", "FRA", "JPN", "USA"]


def test_organisations_are_institutions_of_the_gazetteer(tmp_path):
    import shutil

    import yaml

    from pledgebook.codebook import BUNDLED, Codebook, CodebookError
    from pledgebook.codebook.book import FILES

    for name in FILES:
        shutil.copy(BUNDLED / name, tmp_path / name)
    path = tmp_path / "actors.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    path.write_text(yaml.safe_dump({**data, "organisations": ["Wrold Bank"]}, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CodebookError, match="'Wrold Bank' is no institution of entities.yaml"):
        Codebook.load(tmp_path)


def test_a_grouping_in_a_title_is_not_a_party_when_the_opening_names_other_states(extractor):
    rec = _record(extractor, "The adviser met today with his counterparts from France, Germany and the United Kingdom "
                             "and with a Ukrainian delegation. The partners reaffirmed their commitment to provide "
                             "security assistance.",
                  title="Readout of the Adviser’s Meeting with Quad and Ukrainian Counterparts")
    assert "QUAD" not in rec.document.parties  # not the Indo-Pacific Quad


def test_a_member_of_the_grouping_that_is_the_party_acts_as_a_party(extractor):
    rec = _record(extractor, "Australia, India, Japan, and the United States met in Wilmington. Quad partners continue "
                             "to support resilience in the Pacific. The United States continues to seek opportunities "
                             "to mobilize private capital for solar projects.", title="Quad Leaders’ Summit Fact Sheet")
    assert rec.document.parties == ["QUAD"]
    assert _statement(rec, "Quad partners continue").actors == ["QUAD"]
    assert _statement(rec, "mobilize private capital").actors == ["USA"]


def test_a_bank_or_a_fund_that_pledges_is_an_actor(extractor):
    """non_actor_heads leave banks and funds out: they lend and pay. An international one is a
    non-state actor (actors.yaml organisations), a state's bank acts for its state."""
    rec = _record(extractor, "The World Bank will provide $500 million for the new irrigation scheme. The Green Climate "
                             "Fund will provide $50 million for adaptation. The World Bank and the IMF will jointly "
                             "assess the debt situation.", title="Joint Statement from Norway and Kenya")
    assert _statement(rec, "World Bank will provide").non_state_actors == ["World Bank"]
    assert _statement(rec, "Green Climate Fund").non_state_actors == ["Green Climate Fund"]
    st = _statement(rec, "jointly assess")
    assert (st.actors, st.actor_source, st.non_state_actors) == ([], "non_state", ["World Bank", "IMF"])
    rec = _record(extractor, "The Exim Bank of India will extend a credit line for the new port.",
                  title="Joint Statement from Japan and India")
    assert _statement(rec, "Exim Bank of India").actors == ["IND"]


def test_a_compound_opening_a_title_names_its_authors(extractor):
    # the text speaks of another grouping in the first person plural: the title's pair are the parties
    body = ("We welcome the G20 agreement on a global minimum tax. We will work together at the G20 on debt relief. "
            "We look forward to the next G20 summit. We will launch a dialogue on space cooperation.")
    rec = _record(extractor, body, title="United States-France Joint Statement")
    assert rec.document.parties == ["FRA", "USA"]
    assert _statement(rec, "launch a dialogue on space").actors == ["FRA", "USA"]
    rec = _record(extractor, "We will deepen cooperation on semiconductors. We will meet again next year.",
                  title="U.S.-EU Trade and Technology Council Inaugural Joint Statement")
    assert rec.document.parties == ["EU", "USA"]
    # a compound that is the title's topic, not its opening, names no author
    rec = _record(extractor, "The United States will provide additional support to Ukraine.",
                  title="Statement by the President on the Russia-Ukraine War")
    assert rec.document.parties != ["RUS", "UKR"]


@pytest.mark.parametrize("phrase, expected", [
    ("Kenya, as the chair of the African Union,", ["KEN"]),
    ("Japan as the host of the G7", ["JPN"]),
    ("President Tomas Valde as the African Union Champion on Ending Child Marriage", []),
    ("Partners such as the European Union", ["EU"]),
    ("Japan as well as the European Union", ["JPN", "EU"]),
])
def test_a_role_in_apposition_is_not_the_actor(resolver, phrase, expected):
    assert resolver.resolve(phrase, ["KEN", "JPN"]) == expected


def test_a_title_before_a_name_the_document_does_not_know_is_not_the_one_holder_it_knows():
    from pledgebook.extract.people import PeopleMap

    text = "President Vladimir Putin of Russia spoke. Later President Xi Jinping of China replied."
    people = PeopleMap(text, "2023-09-20", ActorResolver().lookup_country)
    assert people.resolve("President Amadou Sow") == []  # a stranger, not Putin or Xi
    assert people.resolve("President Xi") == ["CHN"]  # a word of a name it knows
    assert people.resolve("President Putin and his ministers") == ["RUS"]
    one = PeopleMap("Russian President Vladimir Putin spoke.", "2023-09-20", ActorResolver().lookup_country)
    assert one.resolve("the President") == ["RUS"]  # the one President it knows
    assert one.resolve("the Secretary General") == []


@pytest.mark.parametrize("phrase, parties, expected", [
    ("the Kingdom of the Netherlands, together with our friends from Tajikistan,", ["NLD"], ["NLD"]),
    ("Costa Rica, together with France and the United Kingdom,", ["CRI"], ["CRI"]),
    ("Papua New Guinea, together with our fellow members of the Pacific Islands Forum,", ["PNG"], ["PNG"]),
    ("the United States, along with Egypt and Qatar,", ["USA"], ["USA"]),
    # a partner that is a party of the document acts too
    ("The United States, together with Japan,", ["JPN", "USA"], ["USA", "JPN"]),
    ("India, jointly with Pakistan,", ["IND", "PAK"], ["IND", "PAK"]),
])
def test_a_comitative_partner_acts_only_when_it_is_a_party(resolver, phrase, parties, expected):
    assert resolver.resolve(phrase, parties) == expected
