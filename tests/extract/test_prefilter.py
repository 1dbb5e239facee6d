"""The inflection-aware prefilter: a sentence is parsed only when it holds a word a rule reads,
in some inflection; the codebook's stem test alone lets through words that merely share a
trigger's first letters."""

from __future__ import annotations

import pytest

from pledgebook.codebook import Codebook
from pledgebook.extract.nlp import lemma_tables, load_nlp
from pledgebook.extract.prefilter import Prefilter


@pytest.fixture(scope="module")
def lex():
    return Codebook.load().triggers


@pytest.fixture(scope="module")
def prefilter(lex) -> Prefilter:
    return Prefilter(lex, lemma_tables(load_nlp()))


@pytest.mark.parametrize("sentence", [
    "The ministers pledged new funds for the clinic.",  # regular past
    "Both sides are pledging support to the river authority.",  # -ing
    "The two leaders committed to a joint plan.",  # doubled consonant
    "They made clear that talks would continue.",  # irregular past ("make")
    "Our commitments to the fund stand.",  # a noun's plural
    "We reaffirmed our support for the reform.",  # "re" before a trigger
    "We re-emphasize the value of open trade.",  # "re-" before a trigger
    "We wouldn’t stand by.",  # a modal in a contraction
    "These should be based on inclusive approaches.",  # an advice modal: a rule reads it too
])
def test_sentences_with_a_rule_word_in_any_inflection_pass(prefilter: Prefilter, sentence: str):
    assert prefilter.search(sentence)


@pytest.mark.parametrize("sentence", [
    "The committee toured the factory floor.",
    "Prices of wheat rose in the spring.",
])
def test_sentences_without_one_are_not_parsed(prefilter: Prefilter, lex, sentence: str):
    assert not prefilter.search(sentence)


def test_stems_alone_no_longer_let_a_sentence_through(prefilter: Prefilter, lex):
    sentence = "The committee toured the factory floor."
    assert lex.prefilter.search(sentence) is not None  # a word shares a trigger's first five letters
    assert not prefilter.search(sentence)


def test_never_passes_what_the_stem_test_stops(prefilter: Prefilter, lex):
    # the word test only narrows the stem test, so no sentence is parsed that was not before
    sentence = "We should act now."
    assert lex.prefilter.search(sentence) is None
    assert not prefilter.search(sentence)


def test_lemmas_read_inflections_as_the_lemmatizer_does(prefilter: Prefilter):
    assert "commit" in prefilter.lemmas("committed")
    assert "make" in prefilter.lemmas("made")
    assert "commitment" in prefilter.lemmas("commitments")
    assert "pledge" in prefilter.lemmas("pledging")


def test_without_the_model_tables_regular_endings_still_count(lex):
    bare = Prefilter(lex, None)
    assert bare.search("The ministers pledged new funds.")
    assert not bare.search("Prices of wheat rose in the spring.")


STEM_CASES = [
    "The committee toured the factory floor.",  # a stem inside a longer word
    "We reaffirmed and re-emphasized it; RECOMMITTED, too.",  # "re", "re-", capitals
    "The 2commit and x_pledge tokens start no word.",  # a stem after a digit or underscore: no "\b"
    "We'll see; they are to report; we have seen; firm in resolve.",  # stems with an apostrophe or a space
    "Both governments are also setting up a fund.",  # the progressive phrase
    "The ſupport of the KOMMITTEE.",  # letters beyond ASCII: the expression decides
    "Prices of wheat rose in the spring.",
    "",
    "re",
]


def test_the_stem_test_is_the_codebook_expression(prefilter: Prefilter, lex):
    from pathlib import Path

    examples = Path(__file__).resolve().parents[2] / "pledgebook" / "examples"
    lines = [line for p in sorted(examples.glob("*.md")) for line in p.read_text(encoding="utf-8").splitlines()]
    texts = STEM_CASES + lines
    verdicts = [prefilter.passes_stem_test(t) for t in texts]
    assert verdicts == [lex.prefilter.search(t) is not None for t in texts]
    assert 0 < sum(verdicts) < len(texts)
    assert verdicts[:3] == [True, True, False] and verdicts[3] and verdicts[4]


# -- words that count only with an instrument (prefilter_with_instrument) or beside another rule word or
# stem (prefilter_not_alone) -----------------------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "On Friday the two sides issued a joint statement.",  # the verb with an instrument
    "The ministers released a joint communiqué on the river.",
    "We adopted the declaration by consensus.",
    "Egypt declares its readiness to cooperate on the canal.",  # the noun of undertaking lets it through
    "Member States should act together.",  # "should": a rule word beside "States"
    "The minister stated that the port is to be dredged.",  # a phrase beside "stated"
])
def test_restricted_words_pass_with_what_their_rules_need(prefilter: Prefilter, sentence: str):
    assert prefilter.search(sentence)


@pytest.mark.parametrize("sentence", [
    "It was an issue then and it remains an issue today.",  # no instrument
    "The band released a new album in the spring.",
    "Many farmers have adopted the new seeds.",
    "Montenegro became the world's first ecological State.",  # only the stem of "state"
    "These include the League of Arab States and the African Union.",
    "The figures indicate a slow year for the harbour.",
])
def test_restricted_words_alone_do_not_let_a_sentence_through(prefilter: Prefilter, lex, sentence: str):
    assert lex.prefilter.search(sentence) is not None  # the stem test lets each through
    assert not prefilter.search(sentence)
