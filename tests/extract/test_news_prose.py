"""News-writing habits do not hide the undertakings a report states. Invented sentences only."""

import pytest


def _statements(extractor, text: str):
    return [(s.kind, s.actors, " ".join(s.text.split())) for s in extractor.extract_text(text).statements]


def _commitments(extractor, text: str):
    return [(actors, words) for kind, actors, words in _statements(extractor, text) if kind == "commitment"]


# -- attribution tails and lead-ins -------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Chile and Peru agreed to build a ferry terminal at Arica, officials maintained.",
    "Chile and Peru agreed to build a ferry terminal at Arica, sources said on Monday.",
    "Chile and Peru agreed to build a ferry terminal at Arica, it was learnt.",
    "Chile and Peru agreed to build a ferry terminal at Arica, the Bolivian ministry said in a statement.",
    "According to the Bolivian embassy, Chile and Peru agreed to build a ferry terminal at Arica.",
])
def test_an_attributed_report_gives_the_reported_undertaking_with_its_own_actors(extractor, text):
    found = _commitments(extractor, text)
    assert found == [(["CHL", "PER"], "Chile and Peru agreed to build a ferry terminal at Arica")]


def test_a_tail_that_is_no_attribution_stays_part_of_the_sentence(extractor):
    # "the statement added" is not an actor's undertaking, and the clause before it is one
    found = _commitments(extractor, "The two sides will expand the port at Arica and open a new terminal, the statement added.")
    assert [words for _, words in found] == ["The two sides will expand the port at Arica", "open a new terminal"]


def test_a_reported_passive_undertaking_is_the_parties_own(extractor):
    text = "Chile and Peru held talks in Lima. The ferry terminal will be completed by 2027, officials said."
    assert (["CHL", "PER"], "The ferry terminal will be completed by 2027") in _commitments(extractor, text)


# -- statements inside "while ..." / "as ..." clauses ----------------------------------------------
@pytest.mark.parametrize("text, main_kind", [
    ("Chile and Peru discussed regional security, while the two sides pledged to expand the ferry service.", "discussion"),
    ("The ministers praised the ferry service, as the two sides agreed to extend it to Arica.", "appreciation"),
])
def test_an_undertaking_in_a_while_or_as_clause_is_a_commitment_of_its_own(extractor, text, main_kind):
    found = _statements(extractor, text)
    kinds = [kind for kind, _, _ in found]
    assert kinds == [main_kind, "commitment"]
    clause = found[1][2]
    assert clause.split()[0] in ("while", "as") and ("pledged to expand" in clause or "agreed to extend" in clause)
    assert clause not in found[0][2]  # the main statement no longer holds the clause


def test_each_side_of_a_while_keeps_its_own_actor(extractor):
    found = _commitments(extractor, "Peru will open a consulate in Arica, while Chile will fund the ferry terminal.")
    assert found == [(["PER"], "Peru will open a consulate in Arica"), (["CHL"], "while Chile will fund the ferry terminal")]


@pytest.mark.parametrize("text", [
    "Peru will build the ferry terminal as it will boost trade.",  # a reason
    "Peru will build the ferry terminal, as the two sides continue to review fares.",  # a circumstance
])
def test_an_as_clause_in_the_present_is_no_statement_of_its_own(extractor, text):
    found = _commitments(extractor, text)
    assert len(found) == 1 and found[0][0] == ["PER"] and found[0][1].startswith("Peru will build the ferry terminal")


# -- funding pledges ------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Japan pledged $200 million for the flood defences of Dhaka.",
    "Japan has committed 50 billion yen to the Dhaka metro.",
    "Japan offered a concessional loan for the Dhaka metro.",
    "Japan extended a $2 billion credit line for the Dhaka metro.",
    "Japan has agreed to provide $900 million for the Dhaka metro.",
    "Japan will extend a loan of $3.2 billion to finance the Dhaka metro.",
])
def test_funding_pledged_is_a_firm_commitment_of_the_funder(extractor, text):
    statements = extractor.extract_text(text).statements
    assert [(s.kind, s.strength, s.actors) for s in statements][:1] == [("commitment", "firm", ["JPN"])]


@pytest.mark.parametrize("text", [
    "Japan spent $200 million on the Dhaka metro last year.",
    "Japan did not pledge any money for the Dhaka metro.",
    "The loan of $900 million was pledged for the Dhaka metro.",
])
def test_money_spent_refused_or_passive_is_no_funding_pledge(extractor, text):
    assert all(s.rule != "funding_pledged" for s in extractor.extract_text(text).statements)


# -- datelines ------------------------------------------------------------------------------------
def test_a_dateline_feeds_the_place_and_leaves_the_statement(extractor):
    record = extractor.extract_text("LUSAKA, Oct. 16, 2019 (Xinhua) -- Zambia and Angola agreed to build a rail link to Lobito.")
    assert (record.document.place, record.document.date, record.document.kind) == ("Lusaka", "2019-10-16", "news_report")
    assert [" ".join(s.text.split()) for s in record.statements] == ["Zambia and Angola agreed to build a rail link to Lobito"]


def test_a_capitals_dateline_gives_the_place(extractor):
    record = extractor.extract_text("LUANDA: Zambia and Angola agreed to build a rail link to Lobito.")
    assert record.document.place == "Luanda"
    assert record.statements[0].text.startswith("Zambia and Angola agreed")


# -- the parties of a news report -----------------------------------------------------------------
def _parties(extractor, text: str, title: str | None = None) -> list[str]:
    from pledgebook.read.base import RawDocument

    return extractor.extract(RawDocument(source="report.txt", text=text, title=title)).document.parties


def test_a_country_named_once_in_passing_is_no_party(extractor):
    text = ("Zambia and Angola agreed to build a rail link to the port of Lobito. The line will later be "
            "extended to Namibia, officials said. Zambia will pay for the signalling, while Angola will "
            "provide the rolling stock.")
    assert _parties(extractor, text, title="Zambia, Angola agree on a rail link to Namibia") == ["AGO", "ZMB"]


def test_a_report_of_one_sides_pledge_to_the_other_keeps_both_sides(extractor):
    text = ("China pledged $900 million for the Lusaka ring road. The loan, the largest China has offered "
            "Zambia, will be repaid over twenty years. Zambian officials welcomed the loan.")
    assert _parties(extractor, text, title="China pledges $900 million for Zambian road") == ["CHN", "ZMB"]


def test_the_side_that_acts_throughout_joins_a_title_that_names_one(extractor):
    text = "Zambia will get a new rail link to the port of Lobito. Angola agreed to build the line, the ministry said."
    assert _parties(extractor, text, title="Zambia to get a rail link to the sea") == ["AGO", "ZMB"]


def test_topics_of_talks_are_no_sides(extractor):
    text = ("Zambia and Angola held talks on the rail link in Lusaka. The ministers also discussed the "
            "drought in Namibia and Botswana. Zambia and Angola agreed to meet again in June.")
    assert _parties(extractor, text) == ["AGO", "ZMB"]


def test_the_statements_take_the_parties_that_act(extractor):
    from pledgebook.read.base import RawDocument

    text = ("Zambia and Angola agreed to build a rail link to the port of Lobito. The two sides will also "
            "open a border post, the statement said. Traffic to Namibia is expected to grow.")
    record = extractor.extract(RawDocument(source="r.txt", text=text, title="Zambia, Angola and Namibia trade"))
    assert record.document.parties == ["AGO", "ZMB"]
    assert all(s.actors == ["AGO", "ZMB"] for s in record.statements if s.kind == "commitment")


def test_an_official_text_keeps_the_parties_it_states(extractor):
    from pledgebook.read.base import RawDocument

    text = "The leaders of Zambia and Angola met in Lusaka. They agreed to build a rail link to Namibia."
    record = extractor.extract(RawDocument(source="s.txt", text=text, title="Joint Statement of Zambia, Angola and Namibia"))
    assert record.document.parties == ["AGO", "NAM", "ZMB"]


def test_a_page_from_a_publisher_is_a_news_report(extractor):
    from pledgebook.read.base import RawDocument

    text = "Zambia and Angola agreed to build a rail link to the port of Lobito."
    published = RawDocument(source="r.md", text=text, title="Rail link agreed", meta={"publisher": "The Lusaka Times"})
    issued = RawDocument(source="s.md", text=text, title="Rail link agreed",
                         meta={"publisher": "The White House", "source_url": "https://www.whitehouse.gov/x"})
    assert extractor.extract(published).document.kind == "news_report"
    assert extractor.extract(issued).document.kind == "other"


# -- plans as news states them --------------------------------------------------------------------
@pytest.mark.parametrize("text, actors", [
    ("Zambia is set to build a new rail link to Lobito.", ["ZMB"]),
    ("Zambia is to finance the new rail link to Lobito.", ["ZMB"]),
    ("Angola is poised to open the port of Lobito to Zambian cargo.", ["AGO"]),
])
def test_a_plan_set_is_a_commitment_of_its_subject(extractor, text, actors):
    assert [a for a, _ in _commitments(extractor, text)] == [actors]


@pytest.mark.parametrize("text", [
    "The stage is set for new talks on the rail link.",
    "The aim of the talks is to expand trade in copper.",
    "Zambia set a target of 2027 for the rail link.",
])
def test_no_plan_without_a_party_and_an_action(extractor, text):
    assert _commitments(extractor, text) == []


def test_a_deal_sealed_is_an_agreement(extractor):
    kinds = [k for k, _, _ in _statements(extractor, "Zambia and Angola sealed a $2 billion deal for a rail link to Lobito.")]
    assert kinds == ["agreement"]


# -- headlines, targets and passives with a funder ------------------------------------------------
@pytest.mark.parametrize("text", [
    "Japan to invest 4 billion dollars in Kenyan geothermal plants over five years.",
    "Nairobi: Japan to invest 4 billion dollars in Kenyan geothermal plants.",  # a dateline glued on
])
def test_a_headline_plan_is_a_firm_commitment_of_its_subject(extractor, text):
    found = [(k, s.strength, s.actors) for s in extractor.extract_text(text).statements for k in [s.kind]]
    assert found == [("commitment", "firm", ["JPN"])]


@pytest.mark.parametrize("text", [
    "Kenya urged Japan to invest 4 billion dollars in geothermal plants.",  # a call, not a plan
    "Japan, the biggest investor, has 4 billion dollars in Kenyan geothermal plants.",
])
def test_an_infinitive_under_a_verb_is_no_headline_plan(extractor, text):
    assert all(s.rule != "planned_action" for s in extractor.extract_text(text).statements)


def test_an_investment_target_with_an_amount_is_a_funding_pledge(extractor):
    text = "During the visit, Japan set an investment target of 3 trillion yen in Kenya."
    assert [(s.kind, s.rule, s.actors) for s in extractor.extract_text(text).statements] == \
        [("commitment", "funding_pledged", ["JPN"])]


def test_a_party_raising_its_target_in_a_noun_clause_is_reported(extractor):
    text = "The Kenyan President expressed happiness that Japan will raise its investment target in Kenya to 3 trillion yen."
    assert (["JPN"], "that Japan will raise its investment target in Kenya to 3 trillion yen") in _commitments(extractor, text)


def test_a_hope_that_another_acts_is_no_undertaking_of_theirs(extractor):
    text = "The Kenyan President expressed the hope that Japan will raise its investment target in Kenya."
    assert _commitments(extractor, text) == []


def test_a_passive_with_a_named_funder_is_the_funders_commitment(extractor):
    text = "The geothermal plant at Olkaria was approved in 2019 and will be fully funded by Japan."
    found = [(s.kind, s.rule, s.actors) for s in extractor.extract_text(text).statements if s.kind == "commitment"]
    assert found == [("commitment", "funded_by_party", ["JPN"])]


@pytest.mark.parametrize("text", [
    "The geothermal plant at Olkaria was funded by Japan.",  # paid already
    "The geothermal plant at Olkaria will be funded by levies on power bills.",  # no party pays
])
def test_no_funder_commitment_for_the_past_or_a_non_party(extractor, text):
    assert _commitments(extractor, text) == []


# -- approvals, progress, inaugurations and stated aims -------------------------------------------
def test_an_approved_instrument_is_an_agreement_and_an_approved_proposal_a_commitment(extractor):
    found = _statements(extractor, "The Kenyan cabinet approved the agreement on the Olkaria plant on Tuesday.")
    assert [(k, a) for k, a, _ in found] == [("agreement", ["KEN"])]
    found = _commitments(extractor, "The Kenyan cabinet approved the proposal to set up a geothermal authority.")
    assert [a for a, _ in found] == [["KEN"]]


def test_an_approval_of_no_instrument_or_action_is_nothing(extractor):
    assert _statements(extractor, "The Kenyan cabinet approved the budget of the energy ministry.") == []


@pytest.mark.parametrize("text", [
    "The Kenyan minister said there has been good progress on the Olkaria plant.",
    "Kenya and Japan have made significant headway on the Olkaria plant.",
])
def test_progress_made_is_an_appreciation(extractor, text):
    assert [k for k, _, _ in _statements(extractor, text)] == ["appreciation"]


@pytest.mark.parametrize("text", [
    "The Kenyan minister said there has been little progress on the Olkaria plant.",
    "The Kenyan minister said the progress report on the Olkaria plant is due in May.",
])
def test_little_progress_or_a_progress_report_is_no_appreciation(extractor, text):
    assert "appreciation" not in [k for k, _, _ in _statements(extractor, text)]


@pytest.mark.parametrize("text", [
    "The presidents of Kenya and Japan inaugurated the Olkaria geothermal plant on Friday.",
    "The Kenyan President spoke on Sunday as he commissioned two Japanese-built power stations.",
])
def test_an_inauguration_is_an_appreciation_of_the_inaugurating_party(extractor, text):
    assert "appreciation" in [k for k, _, _ in _statements(extractor, text)]


def test_an_inauguration_to_come_stays_an_undertaking(extractor):
    found = _statements(extractor, "The Kenyan President will inaugurate the Olkaria geothermal plant in May.")
    assert [k for k, _, _ in found] == ["commitment"]


def test_a_stated_aim_is_a_commitment_of_its_owner(extractor):
    text = "Kenya's intention is to open the third unit of the Olkaria plant before 2028."
    found = [(s.kind, s.strength, s.actors, s.rule) for s in extractor.extract_text(text).statements]
    assert found == [("commitment", "moderate", ["KEN"], "stated_aim")]


def test_an_aim_no_one_owns_is_no_commitment(extractor):
    assert _commitments(extractor, "The intention of the meeting is to open the Olkaria plant before 2028.") == []


# -- pledges reported in news (issue 11, class 5) -------------------------------------------------
@pytest.mark.parametrize("text, words", [
    ("Kenya reaffirmed its commitment to ensuring the protection of geothermal workers, the minister said.",
     "Kenya reaffirmed its commitment to ensuring the protection of geothermal workers"),
    ("Kenya will further raise spending on geothermal exploration, the president said.",
     "Kenya will further raise spending on geothermal exploration"),
    ("Kenya would take concrete steps to ensure the safety of geothermal workers, the minister told reporters.",
     "Kenya would take concrete steps to ensure the safety of geothermal workers"),
])
def test_a_reported_pledge_is_the_quoted_partys_commitment(extractor, text, words):
    assert _commitments(extractor, text) == [(["KEN"], words)]


def test_rupee_amounts_do_not_end_the_sentence(extractor):
    found = _commitments(extractor, "Japan pledged to invest Rs. 2,000 crore in Kenyan geothermal plants over five years.")
    assert [w for _, w in found] == ["Japan pledged to invest Rs. 2,000 crore in Kenyan geothermal plants over five years"]


def test_what_an_undertaking_verb_reports_binds_those_who_agreed(extractor):
    text = "Kenya and Japan agreed that the Japanese turbines would be installed at Olkaria without delay."
    assert [a for a, _ in _commitments(extractor, text)] == [["JPN", "KEN"]]


def test_a_condition_stated_is_no_undertaking(extractor):
    text = "Kenya and Japan noted that any delay would raise the cost of the Olkaria plant."
    assert _commitments(extractor, text) == []


def test_a_gerund_a_verb_goes_on_to_stays_in_its_statement(extractor):
    found = _statements(extractor, "The Kenyan government will proceed with signing the agreement on the Olkaria plant.")
    assert [(k, w) for k, _, w in found] == [
        ("commitment", "The Kenyan government will proceed with signing the agreement on the Olkaria plant")]


# -- praise of a project, openings, loan concessions ----------------------------------------------
@pytest.mark.parametrize("text", [
    "This terminal is an epitome of Kenya-Japan cooperation, the minister said.",
    "The minister said the Olkaria plant was important not only for the two countries.",
    "The Olkaria project is one of the most important Japanese-funded projects, he said.",
])
def test_a_partys_praise_of_a_project_is_an_appreciation(extractor, text):
    assert [(k, s.rule) for s in extractor.extract_text(text).statements for k in [s.kind]] == \
        [("appreciation", "project_appraised")]


@pytest.mark.parametrize("text", [
    "The Olkaria plant is important for the region's power supply.",  # the reporter's background
    "The minister said the Olkaria plant is not important for the grid.",  # negated
    "The minister said the weather is important for the harvest.",  # no project
])
def test_background_or_no_project_is_no_praise(extractor, text):
    assert all(s.rule != "project_appraised" for s in extractor.extract_text(text).statements)


def test_an_opening_declared_is_an_appreciation(extractor):
    text = "The Kenyan President declared on Friday the official operation of the Olkaria geothermal plant."
    assert [(s.kind, s.rule, s.actors) for s in extractor.extract_text(text).statements] == \
        [("appreciation", "project_opened", ["KEN"])]


def test_a_loan_concession_is_the_lenders_commitment(extractor):
    text = "The Kenyan minister said Japan had cut the interest rate on a proposed loan for the Olkaria plant to 1%."
    assert [a for a, _ in _commitments(extractor, text)] == [["JPN"]]


def test_a_rate_cut_with_no_loan_is_no_concession(extractor):
    assert _commitments(extractor, "Japan has cut the interest rate on its savings bonds to 1%.") == []


# -- the quoted party as actor (issue 11, class 5) ------------------------------------------------
_TALKS = "Kenyan and Japanese ministers met in Nairobi on Monday. "


@pytest.mark.parametrize("quote, actors", [
    ('"We are committed to ensuring the safety of geothermal workers," the Kenyan minister said.', ["KEN"]),
    ('"We will further raise spending on geothermal exploration," the Japanese minister added.', ["JPN"]),
    ('The Japanese minister said: "We will take concrete steps to ensure the plant opens on time."', ["JPN"]),
])
def test_a_quoted_first_person_pledge_is_the_speakers_sides(extractor, quote, actors):
    assert [a for a, _ in _commitments(extractor, _TALKS + quote)] == [actors]


def test_a_quoted_we_of_both_sides_stays_both(extractor):
    text = _TALKS + '"We will build the second unit together," the two ministers said.'
    assert [a for a, _ in _commitments(extractor, text)] == [["JPN", "KEN"]]


def test_a_party_proposing_to_act_is_a_soft_commitment(extractor):
    found = [(s.kind, s.strength, s.actors) for s in extractor.extract_text(
        "Japan proposed building a second geothermal unit at Olkaria.").statements]
    assert found == [("commitment", "soft", ["JPN"])]


@pytest.mark.parametrize("text", [
    "Kenya proposed that Japan build a second geothermal unit.",  # others are to act
    "Kenya proposed a new tariff for geothermal power.",  # a thing proposed
])
def test_a_proposal_that_others_act_or_of_a_thing_is_no_commitment(extractor, text):
    assert _commitments(extractor, text) == []


# -- expected acts, money pledged in a relative clause, money for the one project of a report -------
def test_a_party_expecting_to_act_is_a_moderate_undertaking(extractor):
    s = [s for s in extractor.extract_text(
        "Chile expects to conclude talks with Peru in coming weeks on a $300 million loan for the ferry.").statements
        if s.kind == "commitment"]
    assert [(x.actors, x.strength) for x in s] == [(["CHL"], "moderate")]


@pytest.mark.parametrize("text", [
    "Analysts expect the economy to grow by 5 percent.",  # others' act, or a forecast
    "The terminal is expected to open in 2027.",  # a forecast about a thing
])
def test_an_expectation_about_others_or_things_is_no_undertaking(extractor, text):
    assert _commitments(extractor, text) == []


@pytest.mark.parametrize("text, words", [
    ("The package that Peru has offered is a concessional loan repayable over 40 years.",
     "The package that Peru has offered is a concessional loan repayable over 40 years"),
    ("The ferry line, which Chile financed with a $300 million loan, opened in 2019.",
     "The ferry line, which Chile financed with a $300 million loan, opened in 2019"),
])
def test_money_pledged_in_a_relative_clause_is_the_named_partys_undertaking(extractor, text, words):
    s = [s for s in extractor.extract_text(text).statements if s.kind == "commitment"]
    assert len(s) == 1 and s[0].rule == "funding_pledged" and words.startswith(" ".join(s[0].text.split())[:40])
    assert s[0].actors == (["PER"] if "Peru" in text else ["CHL"])


@pytest.mark.parametrize("text", [
    "The bridge, which Chile built in 2010, was repaired.",  # no money pledged
    "The plan that Peru offered was rejected.",  # a plan, not money
])
def test_a_relative_clause_without_money_is_no_funding_pledge(extractor, text):
    assert not [s for s in extractor.extract_text(text).statements if s.rule == "funding_pledged"]


def test_money_in_a_report_of_one_project_is_for_that_project(extractor):
    text = ("Chile and Peru open talks on the Arica–Tacna railway\n\n"
            "Chile and Peru agreed to build the Arica–Tacna railway by 2030. "
            "Peru had cut the interest rate on a proposed additional loan to 3%, the minister said.\n")
    [s] = [s for s in extractor.extract_text(text).statements if s.rule == "funding_pledged"]
    assert [(e.name, e.surface) for e in s.entities if e.kind == "project"] == [("Arica–Tacna railway", "loan")]
    two = text.replace("by 2030.", "by 2030 and the Ilo port by 2032.")
    [s] = [s for s in extractor.extract_text(two).statements if s.rule == "funding_pledged"]
    assert not [e for e in s.entities if e.kind == "project"]  # two projects named: which one is unknown


@pytest.mark.parametrize("text, kind", [
    ("Chile and Peru assessed the progress of the ferry line, which has been progressing well.", "appreciation"),
    ("Chile and Peru reviewed the good progress on the ferry line.", "appreciation"),
    ("Chile and Peru reviewed the progress of the ferry line.", "discussion"),  # a review alone
])
def test_progress_reviewed_and_found_good_is_acknowledged(extractor, text, kind):
    assert [k for k, _, _ in _statements(extractor, text)] == [kind]


def test_a_named_plant_praised_in_reported_speech_is_appreciated(extractor):
    text = '"We have said that Varnak NPP is particularly important for our energy strategy," the Chilean president said.'
    assert [k for k, _, _ in _statements(extractor, text)] == ["appreciation"]


@pytest.mark.parametrize("text, found", [
    ("Chile moved to start work on the ferry terminal at Arica.", True),
    ("The delegation moved to Lima on Monday.", False),  # a journey, no act undertaken
    ("The meeting was moved to next week.", False),
])
def test_moving_to_act_is_an_undertaking(extractor, text, found):
    assert bool(_commitments(extractor, text)) == found


# -- "These include A, B and C" after an undertaking --------------------------------------------------
def test_items_enumerated_after_an_undertaking_are_statements_of_its_kind(extractor):
    text = ("Chile said it would work closely with Peru on landmark projects. These include the Arica–Tacna "
            "railway, a regional economic corridor under the Pacific Initiative, and the “Two Ports, One Bay” "
            "initiative, which has facilitated trade and investment.")
    found = [(k, a, w) for k, a, w in _statements(extractor, text) if k == "commitment"]
    assert [w for _, _, w in found] == [
        "Chile said it would work closely with Peru on landmark projects",
        "These include the Arica–Tacna railway",
        "a regional economic corridor under the Pacific Initiative",
        "the “Two Ports, One Bay” initiative, which has facilitated trade and investment"]
    assert {tuple(a) for _, a, _ in found} == {("CHL",)}


@pytest.mark.parametrize("text", [
    "Chile and Peru discussed the weather. These include rain and snow.",  # after no undertaking
    "Chile said it would work closely with Peru on landmark projects.\nThese include the Arica–Tacna railway.",
])
def test_no_enumerated_items_after_other_statements_or_across_lines(extractor, text):
    assert not [w for _, _, w in _statements(extractor, text) if w.startswith("These include")]


def test_holding_a_stake_is_no_meeting(extractor):
    assert _commitments(extractor, "Chile will hold a 70 percent stake in the venture that runs the port.") == [
        (["CHL"], "Chile will hold a 70 percent stake in the venture that runs the port")]
    # holding talks is still a meeting to come
    assert [k for k, _, _ in _statements(extractor, "Chile will hold talks with Peru next month.")] == ["commitment"]


def test_enumerated_fields_naming_nothing_are_no_statements(extractor):
    text = ("Chile pledged to invest $2 billion in a wide spectrum of projects in Peru. These include "
            "infrastructure, clean energy and skill development.")
    assert [w for _, _, w in _statements(extractor, text)] == [
        "Chile pledged to invest $2 billion in a wide spectrum of projects in Peru"]


@pytest.mark.parametrize("text, found", [
    ('"No less historic is our decision to introduce high-speed rail on the Arica-Tacna route," the Chilean '
     'president said.', True),
    ("Their decision to build the port is historic, Chile said.", True),
    ("The decision was taken in 2019.", False),  # no act decided on
])
def test_a_possessed_decision_to_act_is_an_undertaking(extractor, text, found):
    assert bool(_commitments(extractor, text)) == found


@pytest.mark.parametrize("text, found", [
    # (a quote of two sentences: with the attribution in the same sentence the parse is another)
    ('"Our goal of commissioning the first Arica reactor in 2027 persists. We have discussed these issues," '
     'the Chilean president said.', True),
    ("The goal of the meeting is peace.", False),  # no one's goal of doing anything
])
def test_a_possessed_goal_of_doing_is_an_undertaking(extractor, text, found):
    assert bool(_commitments(extractor, text)) == found


def test_a_currency_written_with_a_country_code_is_no_actor(extractor):
    text = "The minister said 85 per cent of the RM55 billion (US$13 billion) line will be financed with a loan from Chile."
    assert [(k, a) for k, a, _ in _statements(extractor, text)] == [("commitment", ["CHL"])]
