"""Two precision classes (session 16, fp16): a reported forecast whose subject is a bare
demonstrative ("This will help to save time, hence enhance trade, the president stated") is an
appreciation, not the reporter's undertaking; and in a semicolon list whose earlier item was a bare
noun phrase, a later item that only a re-parse reads as a verb ("...; and tree nuts and fruit") is
one more noun. Invented sentences only (extract/news_pledges.py, extract/lists.py)."""

import pytest

OPENING = "Zambia and Angola hold talks on the railway\n\nLUSAKA, May 4, 2021 -- Zambia and Angola held talks on Monday.\n\n"


def _found(extractor, sentence: str):
    record = extractor.extract_text(OPENING + sentence)
    return [(s.kind, " ".join(s.text.split())) for s in record.statements if s.start >= len(OPENING)]


# -- a demonstrative's forecast -------------------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Zambia will upgrade the border post. This will help to cut delays, hence boost trade, the president stated.",
    "Angola will open a new terminal. That will create thousands of jobs, the minister said.",
    "Zambia will build the road. These will also improve access to markets, the minister added.",
])
def test_a_demonstratives_effect_under_will_is_a_forecast(extractor, sentence):
    found = _found(extractor, sentence)
    assert [text for kind, text in found if kind == "commitment"] == [found[0][1]]
    assert any(kind == "appreciation" for kind, _ in found[1:])


@pytest.mark.parametrize("sentence, undertaking", [
    ("Zambia will upgrade the border post. This will include a new scanner, the minister said.",
     "This will include a new scanner"),
    ("Zambia will upgrade the border post. This year Zambia will help Angola to train customs officers, the minister said.",
     "This year Zambia will help Angola to train customs officers"),
])
def test_a_step_named_or_a_party_helping_stays_an_undertaking(extractor, sentence, undertaking):
    texts = [text for kind, text in _found(extractor, sentence) if kind == "commitment"]
    assert any(undertaking in text for text in texts)


# -- a list of nouns ------------------------------------------------------------------------------------
def test_the_last_item_of_a_list_of_nouns_is_no_undertaking(joint_statements_of):
    found = joint_statements_of("Kenya commits to provide market access for Norwegian goods, including: "
                                "chemicals; medical devices; beef; poultry; and tree nuts and fruit.")
    texts = [text for kind, text in found if kind == "commitment"]
    assert texts and texts[0].startswith("Kenya commits to provide market access")
    assert not any(text.startswith("tree nuts") for text in texts)


def test_a_list_of_actions_keeps_an_item_the_tagger_took_for_a_noun(joint_statements_of):
    found = joint_statements_of("Kenya commits to adopt high levels of environmental protection and effectively "
                                "enforce its environmental laws; improve customs and trade facilitation; and address "
                                "distortions caused by subsidies and state-owned enterprises.")
    texts = [text for kind, text in found if kind == "commitment"]
    assert any(text.startswith("address distortions") for text in texts)


def test_a_new_sentence_after_a_list_of_nouns_lists_actions_again(joint_statements_of):
    found = joint_statements_of("-   Kenya commits to provide market access for Norwegian goods, including: "
                                "chemicals; beef; and poultry.\n\n-   Norway commits to adopt high levels of "
                                "environmental protection and effectively enforce its environmental laws; improve customs "
                                "and trade facilitation; and address distortions caused by subsidies and state-owned "
                                "enterprises.")
    texts = [text for kind, text in found if kind == "commitment"]
    assert any(text.startswith("address distortions") for text in texts)


@pytest.fixture
def joint_statements_of(extractor):
    from tests.conftest import joint_statements

    return lambda body: [(kind, text) for kind, _, text, _ in joint_statements(extractor, body)]
