"""TokenAttributes stands in for en_core_web_sm's attribute ruler and lemmatizer: every token
must come out with exactly spaCy's tag, part of speech, morphology, lemma and dependency label,
on real prose, on odd prose (contractions, dialect, whitespace) and on synthetic documents
built to hit every pattern of the ruler, those of two tokens included."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from spacy.tokens import Doc

from pledgebook.extract.nlp import SentenceParser, load_nlp
from pledgebook.extract.pipeline import Extractor
from pledgebook.extract.tokenattrs import LEMMATIZER, RULER, TokenAttributes, Unsupported, _compile_token

EXAMPLES = Path(__file__).resolve().parents[2] / "pledgebook" / "examples"

ODD_SENTENCES = [
    "We will not stand by, and we won't, can't and shan't give up; they'd've agreed.",
    "There is a plan and there are funds; there was hope, there were doubts.",
    "I ain't gonna wait, y'all gotta see it: let's go, c'mon!",
    "Nothin' doin' for 'em, ol' friend, goin' home; that's 'nuff.",
    "It was I who signed it, and you gave it to me; it gets done, he got it.",
    "But the ministers but agreed; that which is done is done, and those who do, do.",
    "Something, anything, nothing and everyone: somebody did it, nobody had.",
    "Here  and   there,\n\nthen once\tmore, well-being as well.",
    "He has had enough; she does; they did do it; I've been being careful.",
    "Do you have it? Have you done it? Did they? Had she?",
    "THE TWO SIDES WILL ESTABLISH A JOINT WORKING GROUP ON MARITIME SECURITY.",
    "The parties re-emphasize their commitment to the co-chairs' plan, the U.S.-led initiative.",
    "Myself, yourself, himself, herself, itself, ourselves, yourselves, themselves and themself.",
    "Mine, yours, his, hers, its, ours, theirs: my, your, her, our, their.",
    "Prices rose 3.5% in 2024 to $1.2bn (€1.1bn) — see §4(b), item iii.",
    "Whether or not, if and when, because although unless whilst, albeit tho.",
    "",
    "   ",
    "\n",
]


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.fixture(scope="module")
def attributes(nlp) -> TokenAttributes:
    found = TokenAttributes.for_pipeline(nlp)
    assert found is not None, "the pinned model's ruler and lemmatizer are meant to be reproduced"
    return found


def _annotations(doc) -> list[tuple]:
    return [(t.i, t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


def _differences(expected, got) -> list[tuple]:
    return [(e, g) for e, g in zip(_annotations(expected), _annotations(got), strict=True) if e != g]


def _both(nlp, attributes, tokenizer, text: str):
    """spaCy's full parse of ``text`` and the parse with the stand-in."""
    spacy_doc = nlp(tokenizer(text))
    ours = attributes(nlp(tokenizer(text), disable=[RULER, LEMMATIZER]))
    return spacy_doc, ours


@pytest.mark.parametrize("text", ODD_SENTENCES)
def test_odd_prose_gets_spacys_annotations(nlp, attributes, text):
    spacy_doc, ours = _both(nlp, attributes, nlp.tokenizer, text)
    assert _differences(spacy_doc, ours) == []


def test_every_sentence_of_the_bundled_examples_gets_spacys_annotations(nlp, attributes):
    extractor_tokenizer = Extractor(ner=False).tokenizer  # the tokenizer extraction parses with
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.md"))]
    lines = [line for text in texts for line in text.splitlines() if line.strip()]
    assert len(lines) > 100
    tokens = 0
    for line in lines:
        spacy_doc, ours = _both(nlp, attributes, extractor_tokenizer, line)
        assert _differences(spacy_doc, ours) == [], line
        tokens += len(ours)
    assert tokens > 5000


def test_the_sentence_parser_gives_the_extractors_parses_spacys_annotations(nlp):
    extractor = Extractor(ner=False)
    parser = extractor.parser
    assert parser.attributes is not None and parser.replaced == [RULER, LEMMATIZER]
    texts = ODD_SENTENCES[:6]
    for text, ours in zip(texts, parser.pipe(texts), strict=True):
        assert _differences(nlp(extractor.tokenizer(text)), ours) == []
    assert _differences(nlp(extractor.tokenizer(texts[2])), parser(texts[2])) == []


def _vocabulary(nlp) -> list[str]:
    """Every word the ruler's patterns name, in three casings, plus ordinary words, spaces
    and clitics: synthetic documents made of these hit each pattern many times."""
    words = {"the", "plan", "ministers", "agreed", "running", "better", "best", "went", "data", "analyses",
             " ", "  ", "\n", "\t", "n't", "'s", "'ll", "na", "ta", "on", "all", "y'", "y", "is", "are"}
    for entry in nlp.get_pipe(RULER).patterns:
        for alternative in entry["patterns"]:
            for spec in alternative:
                value = spec.get("LOWER")
                values = value.get("IN", []) if isinstance(value, dict) else [value] if value else []
                words.update(v for v in values if isinstance(v, str))
    return sorted({form for w in words for form in (w, w.capitalize(), w.upper())})


def test_synthetic_documents_hitting_every_pattern_get_spacys_annotations(nlp, attributes):
    """Random words, tags and labels (the model's own label sets, and none): each pattern of
    the ruler, alone or overlapping others, against spaCy's ruler and lemmatizer themselves."""
    rng = random.Random(11)
    words = _vocabulary(nlp)
    tags = [*nlp.get_pipe("tagger").labels, ""]
    deps = [*nlp.get_pipe("parser").labels, "", "expl", "nsubj", "dobj", "aux", "mark", "det"]
    ruler, lemmatizer = nlp.get_pipe(RULER), nlp.get_pipe(LEMMATIZER)
    for _ in range(1500):
        n = rng.randint(1, 12)
        sample = [rng.choice(words) for _ in range(n)]
        spec = {"words": sample, "tags": [rng.choice(tags) for _ in sample],
                "deps": [rng.choice(deps) for _ in sample], "heads": [rng.randrange(n) for _ in sample]}
        expected = lemmatizer(ruler(Doc(nlp.vocab, **spec)))
        got = attributes(Doc(nlp.vocab, **spec))
        assert _differences(expected, got) == [], spec


def test_patterns_it_cannot_reproduce_are_refused():
    with pytest.raises(Unsupported):
        _compile_token({"LOWER": "we", "OP": "+"})
    with pytest.raises(Unsupported):
        _compile_token({"ENT_TYPE": "GPE"})
    with pytest.raises(Unsupported):
        _compile_token({"LOWER": {"FUZZY": "commit"}})


def test_a_pipeline_without_the_two_components_keeps_its_own(nlp):
    import spacy

    blank = spacy.blank("en")
    assert TokenAttributes.for_pipeline(blank) is None
    parser = SentenceParser(blank, blank.tokenizer)
    assert parser.replaced == [] and [t.text for t in parser("We will act.")] == ["We", "will", "act", "."]


def test_the_keeping_tokenizer_hands_texts_without_its_mark_to_the_plain_one_with_the_same_tokens(nlp):
    """Extraction's tokenizer keeps "re-emphasize" and "co-chairs" whole; a text without a
    hyphen cannot hold one of those special cases, so the plain tokenizer (faster) must give
    exactly the tokens the one with the special cases gives, on every line of the examples."""
    from pledgebook.extract.nlp import KeepingTokenizer

    tokenizer = Extractor(ner=False).tokenizer
    assert isinstance(tokenizer, KeepingTokenizer) and tokenizer.mark == "-"
    assert [t.text for t in tokenizer("The co-chairs re-emphasize it.")][:3] == ["The", "co-chairs", "re-emphasize"]
    lines = [line for p in sorted(EXAMPLES.glob("*.md")) for line in p.read_text(encoding="utf-8").splitlines()]
    plain_lines = [line for line in [*lines, *ODD_SENTENCES] if "-" not in line]
    assert len(plain_lines) > 100
    for line in plain_lines:
        kept = [(t.text, t.whitespace_) for t in tokenizer.keeping(line)]
        assert kept == [(t.text, t.whitespace_) for t in tokenizer(line)], line
