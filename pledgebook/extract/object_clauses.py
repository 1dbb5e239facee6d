""""committed to work together to ensure regulations and investments will make X more affordable
and help drive Y": the parser may read the object clause of "ensure" as a clause of its own,
joined to the main verb, and give it the main subject. The noun right before its modal is its
real subject; when that noun is an object of the verb before it and names no one who could be a
party, the clause says what the undertaking is to bring about, inside that undertaking, and is no
commitment of its own (nor are the verbs joined to it).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from pledgebook.codebook.triggers import TriggerLexicon
from pledgebook.extract.clauses import Finding
from pledgebook.extract.grammar import holds

_OBJECT_DEPS = ("dobj", "conj", "pobj")


def drop_object_clauses(findings: list[Finding], parsed: Doc, lex: TriggerLexicon) -> list[Finding]:
    """``findings`` less the commitments headed by a misread object clause and its conjuncts."""
    if not (holds(parsed, "DEP", "conj") and holds(parsed, "TAG", "MD")):
        return findings  # (a misread clause is a conjunct with a modal of its own)
    misread = {v.i for v in parsed if _misread_object_clause(v, lex)}
    if not misread:
        return findings
    inside = {t.i for v in misread for t in _joined(parsed[v])}
    return [f for f in findings if not (f.kind == "commitment" and f.head_i in inside)]


def _misread_object_clause(verb: Token, lex: TriggerLexicon) -> bool:
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    modal = next((c for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD" and c.i < verb.i), None)
    if modal is None or modal.i == 0:
        return False
    noun = verb.doc[modal.i - 1]
    return noun.pos_ == "NOUN" and noun.dep_ in _OBJECT_DEPS and noun.i > verb.head.i \
        and noun.lemma_.lower() not in lex.actor_nouns and noun.lower_ not in lex.actor_nouns


def _joined(verb: Token) -> list[Token]:
    """The verb and the verbs conjoined to it ("will make X and help drive Y")."""
    out, todo = [], [verb]
    while todo:
        v = todo.pop()
        out.append(v)
        todo.extend(c for c in v.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))
    return out
