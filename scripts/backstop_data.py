"""Sentence-level data for the learned recall backstop experiment (docs in the report of
helper backstop15): one row per sentence of a gold document, as the extractor segments it,
with the gold label, what the extractor already predicts there, and generalising features
from the spaCy parse and the codebook (no words of one text are named here)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from pledgebook.evaluate.gold import GoldDocument

_FIRST_PERSON = frozenset({"we", "i", "us", "our"})
_MAX_CHARS = 3000


@dataclass(slots=True)
class SentenceRow:
    doc: str
    genre: str
    start: int
    end: int
    text: str
    gold_anchors: int  # non-optional gold commitment anchors whose start falls in the sentence
    gold_any: int  # gold statements of any kind (non-optional) starting in it
    pred_commitment: bool  # the extractor predicts a commitment overlapping the sentence
    pred_kinds: tuple[str, ...]  # kinds of all predicted statements overlapping it
    features: list[str] = field(default_factory=list)


def _subject_type(root, ex) -> str:
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return "none"
    words = " ".join(t.text for t in subj.subtree)
    if subj.lower_ in _FIRST_PERSON:
        return "we"
    if ex.actors.find_countries(words) or ex.actors.find_groups(words):
        return "party"
    if subj.lemma_.lower() in ex.lex.actor_nouns or any(t.lemma_.lower() in ex.lex.actor_nouns for t in subj.subtree):
        return "actor_noun"
    if subj.pos_ == "PROPN" or subj.ent_type_:
        return "propn"
    if subj.pos_ == "PRON":
        return "pron"
    return "other"


def _root_features(root, ex) -> list[str]:
    lex = ex.lex
    feats = [f"root_lemma={root.lemma_.lower()}", f"root_pos={root.pos_}", f"subj={_subject_type(root, ex)}"]
    auxes = [c.lemma_.lower() for c in root.children if c.dep_ in ("aux", "auxpass")]
    for a in auxes:
        feats.append(f"aux={a}")
        for name in ("binding", "obligation", "advice", "weak"):
            if a in getattr(lex, f"{name}_modals"):
                feats.append(f"modal_class={name}")
    if not auxes:
        feats.append("aux=none")
    feats.append(f"root_tag={root.tag_}")
    xcomp = [c for c in root.children if c.dep_ in ("xcomp", "ccomp")]
    for c in xcomp:
        feats.append(f"root_{c.dep_}={c.lemma_.lower()}")
        feats.append(f"root_lemma+{c.dep_}={root.lemma_.lower()}>{c.lemma_.lower()}")
    return feats


def _lexicon_features(parsed, ex) -> list[str]:
    lex = ex.lex
    feats = []
    for t in parsed:
        lemma = t.lemma_.lower()
        for table, name in ((lex.verbs, "verb"), (lex.nouns, "noun"), (lex.adjectives, "adj")):
            trig = table.get(lemma)
            if trig is not None:
                feats.append(f"trig_{name}={trig.kind}")
                feats.append(f"trig_{name}_dep={trig.kind}:{t.dep_}")
                if trig.strength:
                    feats.append(f"trig_strength={trig.strength}")
        for name in ("funding_verbs", "target_verbs", "aid_verbs", "approval_verbs", "reporting_verbs",
                     "expect_verbs", "opening_verbs", "funding_nouns", "proposal_nouns", "decision_nouns"):
            if lemma in getattr(lex, name):
                feats.append(f"lex={name}")
    feats.append(f"prefilter={bool(ex.prefilter.search(parsed.text))}")
    return feats


def sentence_features(parsed, ex, genre: str, pred_kinds: Iterable[str]) -> list[str]:
    """Feature strings of one parsed sentence; ``pred_kinds``: the extractor's own verdicts there."""
    # names and numbers as their class: a learned feature must not be one text's name
    lemmas = [t.pos_ if t.pos_ in ("PROPN", "NUM") else t.lemma_.lower() for t in parsed
              if not t.is_punct and not t.is_space]
    pos = [t.pos_ for t in parsed if not t.is_space]
    feats = [f"genre={genre}"]
    feats += [f"l={w}" for w in lemmas]
    feats += [f"l2={a}_{b}" for a, b in zip(lemmas, lemmas[1:])]
    feats += [f"p2={a}_{b}" for a, b in zip(pos, pos[1:])]
    feats += [f"p3={a}_{b}_{c}" for a, b, c in zip(pos, pos[1:], pos[2:])]
    roots = [t for t in parsed if t.dep_ == "ROOT"]
    for root in roots[:2]:
        feats += _root_features(root, ex)
    feats += _lexicon_features(parsed, ex)
    kinds = sorted(set(pred_kinds))
    feats += [f"pred={k}" for k in kinds] or ["pred=none"]
    n = len(lemmas)
    feats.append(f"len={'short' if n < 12 else 'mid' if n < 35 else 'long'}")
    return sorted(set(feats))


def document_rows(gold: GoldDocument, ex) -> list[SentenceRow]:
    """The rows of one gold document: segmented, extracted and parsed as the extractor does."""
    from pledgebook.read import read_document

    raw = read_document(str(gold.text_path))
    ctx = ex.context(raw)
    record = ex.extract(raw)
    lo, hi = (gold.excerpt.start, gold.excerpt.end) if gold.excerpt else (0, len(raw.text))
    commits = [g for g in gold.statements if g.is_commitment and not g.optional]
    anys = [g for g in gold.statements if not g.optional]
    rows: list[SentenceRow] = []
    for para in ctx.paragraphs:
        if para.kind == "boilerplate":
            continue
        for s in para.sentences:
            a, b = s.span.start, s.span.end
            if b <= lo or a >= hi or len(s.view.clean) > _MAX_CHARS:
                continue
            preds = [p for p in record.statements if p.start < b and p.end > a]
            rows.append(SentenceRow(
                doc=gold.path.stem, genre=gold.genre, start=a, end=b, text=s.view.clean,
                gold_anchors=sum(a <= g.start < b for g in commits), gold_any=sum(a <= g.start < b for g in anys),
                pred_commitment=any(p.kind == "commitment" for p in preds),
                pred_kinds=tuple(sorted({p.kind for p in preds}))))
    texts = [r.text for r in rows]
    for row, parsed in zip(rows, ex.nlp.pipe(texts, batch_size=64), strict=True):
        row.features = sentence_features(parsed, ex, row.genre, row.pred_kinds)
    return rows
