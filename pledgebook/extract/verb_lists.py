"""Lists of verb phrases under one undertaking that the tagger breaks, one commitment per item
(annotation guide §3: "parallel verb phrases with distinct targets after one will"; the items of
a list under one trigger are one commitment each).

- A bare first infinitive closed by a comma opens a list of verbs: "intend to coordinate, exchange
  information, share best practices with partners, and leverage resources to ...". The first verb
  has no object, so the comma items after it cannot be its objects: each one that opens with a
  word English uses as a verb is a verb phrase of its own, whatever tag the parser gave it
  ("exchange" and "leverage" read as nouns, "share" as a clause of its own). Verbs sharing one
  object ("to promote, protect, and fulfil rights") are no such list: their items have no words
  of their own, and two items at least must follow the first.
- Gerunds after the one a continuing verb governs: "commit to continue providing assistance to X,
  imposing sanctions on Y, and accelerating the reduction of Z" (the parser hangs the later
  gerunds on the main verb as participles). The series must close with ", and" + a gerund, and
  every item name its own object: a lone participle after a comma ("..., ensuring that ...") is
  a rider, not an item.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from pledgebook.extract.coordination import comma_item_start, has_own_object
from pledgebook.extract.grammar import has_to
from pledgebook.extract.nlp import verb_lemmas

_STOPS = (";", ":")
_ITEM_TAGS = ("VB", "VBP", "NN", "NNS")


def bare_infinitive_list(action: Token) -> list[tuple[Token, int]]:
    """The later items of "to V, W x, W y, and W z" after ``action`` (the bare "to V"), as (first
    word of the item, index where the item starts). Empty when ``action`` is no such list's first
    verb or the list does not close with ", and" + a verb."""
    doc = action.doc
    if not has_to(action) or action.i + 1 >= len(doc) or doc[action.i + 1].text != ",":
        return []  # (an object the parser gives it after the comma is the next item's: "coordinate, exchange information")
    verbs, end = verb_lemmas(), action.sent.end
    out: list[tuple[Token, int]] = []
    k = action.i + 2
    while k < end and doc[k].text not in _STOPS:
        tok = doc[k]
        start = comma_item_start(doc, k, action.i + 1, bare_comma=True)
        if start is not None and _verb_word(tok, verbs) and _has_words_after(doc, k, end):
            out.append((tok, start))
        k += 1
    closed = bool(out) and doc[out[-1][1] - 1].lower_ == "and"
    return out if closed and len(out) >= 2 else []


def continued_gerunds(action: Token) -> list[tuple[Token, int]]:
    """The later gerunds of "continue providing X, imposing Y, and accelerating Z" after ``action``
    (the continuing verb, whose gerund complement is the first item), or of "committed to building
    X, providing Y, and training Z" (``action`` the first gerund itself), as (gerund, item start)."""
    first = next((c for c in action.children if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)
    if first is None and action.tag_ == "VBG" and action.dep_ == "pcomp" and action.head.lower_ == "to":
        first = action
    if first is None or not has_own_object(first):
        return []
    doc, end = action.doc, action.sent.end
    out: list[tuple[Token, int]] = []
    for tok in doc[first.i + 1 : end]:
        if tok.text in _STOPS or (tok.dep_ in ("nsubj", "nsubjpass") and tok.i > first.i):
            break
        if first is action and tok.lower_ in _MEANS:
            break  # "committed to promoting X, including through educating Y, ending Z": the means stay inside
        if tok.tag_ != "VBG" or tok.pos_ != "VERB" or not has_own_object(tok):
            continue
        if first is action and _inside_phrase_of(tok, first):
            continue  # "to strengthen X through cooperation on A, B, and combatting C": an item of a noun list
        start = comma_item_start(doc, tok.i, first.i + 1, bare_comma=True)
        if start is not None:
            out.append((tok, start))
    closed = bool(out) and doc[out[-1][1] - 1].lower_ == "and" and doc[out[-1][1] - 2].text == ","
    return out if closed else []


_MEANS = frozenset({"including", "by", "through", "via"})


def _inside_phrase_of(tok: Token, first: Token) -> bool:
    """``tok`` hangs inside a prepositional phrase of ``first``'s subtree, not beside ``first``."""
    node = tok.head
    while node.i != first.i and node.head.i != node.i:
        if node.dep_ in ("prep", "pobj"):
            return True
        node = node.head
    return False


def _verb_word(tok: Token, verbs: frozenset[str]) -> bool:
    return tok.tag_ in _ITEM_TAGS and tok.lower_ in verbs


def _has_words_after(doc: Doc, k: int, end: int) -> bool:
    """The item goes on past its verb ("exchange information"), not a bare noun of a list."""
    return k + 1 < end and not doc[k + 1].is_punct
