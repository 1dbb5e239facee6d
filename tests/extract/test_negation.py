"""One negation reading (extract/grammar.py ``denied``), asked by the decision on a wish
(decisions.py), news prose (news_prose.py) and a speech's denied triggers (rhetoric.py).
Invented sentences; ``word`` is the clause head whose negation is read."""

import pytest

from pledgebook.extract.grammar import denied


def _head(extractor, sentence: str, word: str):
    return next(t for t in extractor.nlp(sentence) if t.text == word)


@pytest.mark.parametrize(("sentence", "word"), [
    ("Ghana will not build the bridge this year.", "build"),
    ("Ghana won't build the bridge this year.", "build"),
    ("Ghana won’t build the bridge this year.", "build"),  # a curly apostrophe: the parser's neg label
    ("We have never sought to dominate our neighbours.", "sought"),
    ("Chile no longer wants to buy the frigates.", "wants"),
    ("We will no more tolerate raids on our fishing fleet.", "tolerate"),
    ("We have not at all tried to impose our model.", "tried"),
    ("The parties will not yet sign the protocol.", "sign"),
    ("We are not ready to accept a settlement.", "are"),
    ("We do not refer to the past and seek to dominate the region.", "seek"),  # the "do not" it is joined to
    ("We do not refer to the past or seek to reopen old wounds.", "seek"),
])
def test_a_negated_head_is_denied(extractor, sentence, word):
    assert denied(_head(extractor, sentence, word), extractor.codebook.triggers)


@pytest.mark.parametrize(("sentence", "word"), [
    ("Ghana will build the bridge this year.", "build"),
    ("We will not only build schools but also fund clinics.", "build"),
    ("We will not only build schools but also fund clinics.", "fund"),
    ("We will fund the clinic without delay.", "fund"),
    ("We do not refer to the past but seek to open a new chapter.", "seek"),  # "but" turns away from the "not"
    ("We did not win the vote, and we will seek a new one.", "seek"),  # its own subject
    ("Nothing will stop us, and we will rebuild the port.", "rebuild"),
    ("We will no doubt fund the clinic.", "fund"),  # a hedge ("no doubt", "no question"), unlike "no longer"
    ("We will without question fund the clinic.", "fund"),
])
def test_an_affirmed_head_is_not_denied(extractor, sentence, word):
    assert not denied(_head(extractor, sentence, word), extractor.codebook.triggers)


@pytest.mark.parametrize("sentence", [
    "Peru declines to commit troops to the mission.",
    "We refuse to accept the settlement.",
])
def test_a_refused_action_is_no_commitment(extractor, sentence):
    """Refusal is no negation of the verb it governs (denied() does not read it), but no rule takes
    a refused action for an undertaking either: nothing is pledged."""
    assert [s for s in extractor.extract_text(sentence).statements if s.kind == "commitment"] == []
