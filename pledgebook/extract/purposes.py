"""Coordinated purposes of one undertaking are one commitment each (annotation guide §3: "we
commit to work in partnership to lift growth, boost resilience and strengthen institutions" =
three; "we commit to X and to Y" = two). The clause rules split the coordinated actions of a
trigger; this pass splits what the parser hangs further away:

- a repeated infinitive after a comma or "and" ("announced actions to intensify X, to increase
  Y, and to continue Z"; "share a desire to deepen X and to pursue Y"), whether the parser makes
  it a purpose of the verb, of its object, or a conjunct of the first infinitive;
- a bare verb with an object of its own conjoined to a purpose or to an item already split
  ("modernize X, advance Y, improve Z"); not the purposes of a verb with its own object ("will adopt
  rules to deter X and protect Y", annotation guide batch 5).

Verbs under a nearer verb stay inside ("to help farmers grow crops and sell produce": "sell"
carries on "grow", not the undertaking), and so does a verb sharing its object ("to deter and
disrupt X"), and what a new body is to do ("establish a platform to complement X and strengthen Y").
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from pledgebook.codebook.triggers import TriggerLexicon
from pledgebook.extract.clauses import Finding
from pledgebook.extract.decisions import keeps_principle
from pledgebook.extract.grammar import char_end_before
from pledgebook.extract.new_bodies import describes_new_body, light_object
from pledgebook.extract.rhetoric import purpose_of_object
from pledgebook.extract.rules import Rule

_PURPOSE_DEPS = ("advcl", "acl", "relcl", "xcomp")  # (with "to": "measures to expand X")
_JOINERS = (",", "and", ";")


def split_purposes(findings: list[Finding], parsed: Doc, lex: TriggerLexicon) -> list[Finding]:
    """``findings`` with every coordinated purpose of a commitment as a commitment of its own:
    the commitment it came from ends where its first purpose item starts."""
    heads = {f.head_i for f in findings}
    out: list[Finding] = []
    for f in findings:
        if f.kind != "commitment" or not 0 <= f.head_i < len(parsed):
            out.append(f)
            continue
        items = _items(f, parsed, heads, lex)
        if not any(not _other_kind(v, lex) for v in items):
            out.append(f)
            continue
        starts = [_item_start(parsed, v) for v in items]
        out.append(replace(f, end=char_end_before(parsed, starts[0], ("and", "or"), f.start)))
        for j, verb in enumerate(items):
            end = char_end_before(parsed, starts[j + 1], ("and", "or"), parsed[starts[j]].idx) if j + 1 < len(items) else _trimmed_end(parsed, f.end)
            fields = {"rule": Rule.PURPOSE_ITEM, **_own_kind(verb, lex)}
            out.append(replace(f, start=parsed[starts[j]].idx, end=end, head_i=verb.i,
                               triggers=[*f.triggers[:1], verb.text], series_item=True, **fields))
            heads.add(verb.i)
    return out


def _items(f: Finding, parsed: Doc, heads: set[int], lex: TriggerLexicon) -> list[Token]:
    """The purpose items inside ``f``'s span, in text order. The trigger's own action ("continue
    to work", "our intent to share X") and the first purpose after it stay in ``f``."""
    head = parsed[f.head_i]
    actions = _actions(head, lex)
    if any(describes_new_body(a, lex, set_up=True) for a in actions):
        return []  # "will launch a Dialogue to coordinate X and to identify Y": what the new body will do
    anchors = {t.i for v in (head, *actions) for t in (v, *v.children) if t.i == v.i or t.dep_ in ("dobj", "attr")}
    anchors |= _light_anchors(actions, lex)
    members = {head.i, *(a.i for a in actions)} | {h for h in heads if h > head.i}
    subjectless = not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
    first: Token | None = None
    found: list[Token] = []
    for tok in parsed[head.i + 1 :]:  # (tokens after the head, in text order: past the span, none is)
        if tok.idx >= f.end:
            break
        if tok.idx < f.start or tok.i in heads or tok.i in members:
            continue
        role = _role(tok, first, anchors, members, None if subjectless else head.i, head, lex)
        if role is None or _in_relative_clause(tok, head):  # (the walk up the tree: only for an item)
            continue
        if role == "first":
            if describes_new_body(tok, lex):
                return []  # "a platform to complement X and strengthen Y": what the new body will do
            first = tok  # the first purpose: it stays in the commitment that names it
        else:
            found.append(tok)
        members.add(tok.i)
    return found


def _role(tok: Token, first: Token | None, anchors: set[int], members: set[int], subject_head: int | None,
          head: Token, lex: TriggerLexicon) -> str | None:
    """What ``tok`` is to the undertaking: its first purpose ("first"), a further item ("item"),
    or nothing; ``subject_head``: the head's index when it has a subject of its own (a bare verb
    conjoined to it is its own clause, no item)."""
    if first is None and _purpose_of(tok, anchors | members):
        # "resolve to expand X, to uphold Y, and to train Z": after an action with its own object, a
        # ", to V" is the next item of the series, not that action's purpose (annotation guide §3)
        # (only in a series closed by ", and to W": a lone ", to V" is the action's purpose)
        # (an object of its own may follow a preposition: "cooperate with X's efforts to A, to B, and to C")
        parallel = tok.doc[tok.i - 2].text == "," and tok.head.tag_ == "VB" and tok.head.i in members \
            and (_has_object(tok.head, bare=False) or _prepositional_object(tok.head)
                 or any(c.dep_ == "ccomp" for c in tok.head.children)) and _closed_series(tok)
        return "item" if parallel or _after_noun_action(tok, head, lex) else "first"
    if (first is not None or tok.dep_ == "conj") and _repeated_infinitive(tok, anchors, members):
        return "item"
    if _conjoined_verb(tok, members - {subject_head}) and not _purpose_of_own_object_verb(tok, first, lex) \
            and not purpose_of_object(head, tok.doc[_attached(tok)], lex):
        # ("support a process to end X and restore Y": a bare verb carries on the object's purpose, rhetoric.py)
        return "item"
    return None


def _prepositional_object(verb: Token) -> bool:
    """"cooperate with Colombia's efforts to transform X": an object with words of its own after a
    preposition of the verb."""
    return any(p.dep_ == "prep" and any(g.dep_ == "pobj" and any(True for _ in g.children) for g in p.children)
               for p in verb.children)


def _after_noun_action(tok: Token, head: Token, lex: TriggerLexicon) -> bool:
    """"reiterated their pledge to reach X by 2050, to enhance Y": a ", to V" the parser hung on the
    verb whose object is a noun of undertaking that already has its infinitive, with an object of
    its own, before it: the next item of that noun's undertaking (annotation guide §3: "committed to
    A, to B" = two), not a purpose of the reporting verb."""
    if tok.head.i != head.i or tok.dep_ != "advcl" or tok.doc[tok.i - 2].text != ",":
        return False
    nouns = [c for c in head.children if c.dep_ == "dobj" and c.lemma_.lower() in lex.nouns]
    return any(a.dep_ == "acl" and a.tag_ == "VB" and _has_to(a) and a.i < tok.i
               and (_has_object(a, bare=False) or _prepositional_object(a)) for c in nouns for a in c.children)


def _closed_series(first: Token) -> bool:
    """"to uphold Y, to defend Z, and to counter W": a series of infinitives from ``first`` that ends
    with ", and to" + a verb."""
    doc = first.doc
    return any(t.dep_ == "conj" and t.tag_ == "VB" and _has_to(t) and doc[t.i - 2].lower_ == "and"
               and doc[t.i - 3].text == "," for t in first.subtree if t.i > first.i)


def _in_relative_clause(tok: Token, head: Token) -> bool:
    """"food parks that will incorporate technologies to reduce X, conserve Y and employ Z": what a
    relative clause says of a thing describes it; its verbs are no purposes of the undertaking."""
    for anc in (tok, *tok.ancestors):
        if anc.i == head.i:
            return False
        if anc.dep_ == "relcl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in anc.children):
            return True  # (a finite one: "measures to expand X" is an infinitive the parser may call relcl)
    return False


def _actions(head: Token, lex: TriggerLexicon) -> list[Token]:
    """The infinitives that are the trigger's own action: "continue to work", "committed to work",
    "our intent to share", "a desire to deepen" (after a trigger noun), one after another."""
    out: list[Token] = []
    todo = [head, *(c for c in head.children if c.dep_ == "dobj" and c.lemma_.lower() in lex.nouns)]
    while todo:
        v = todo.pop()
        for c in v.children:
            if c.dep_ in ("xcomp", "acl") and c.tag_ == "VB" and _has_to(c) and c not in out \
                    and (c.dep_ == "xcomp" or v.lemma_.lower() in lex.nouns):
                out.append(c)
                todo.append(c)
            elif v is head and c.dep_ == "prep" and c.lower_ == "to":
                # "committed to working together to A and B": the gerund after "to" is the action
                # (a light gerund: no object, or one with no content of its own, "redoubling our
                # efforts"; "committed to mobilizing finance to boost A and to provide B" keeps its
                # purposes inside, as a verb with its own object does)
                gerunds = [g for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG" and g not in out
                           and all(light_object(o, lex) for o in g.children if o.dep_ == "dobj")]
                out += gerunds
                todo += gerunds  # ("committed to continuing to work with X to Y": its own action too)
    return out


def _light_anchors(verbs: list[Token], lex: TriggerLexicon) -> set[int]:
    """"agreed to cooperate in global efforts to A, B and C": a light object of a preposition after
    the undertaking's action has no content of its own; its purposes are the undertaking's, one
    commitment each (annotation guide §10 "Light heads")."""
    return {g.i for v in verbs for p in v.children if p.dep_ == "prep"
            for g in p.children if g.dep_ == "pobj" and light_object(g, lex)}


def _purpose_of_own_object_verb(tok: Token, first: Token | None, lex: TriggerLexicon) -> bool:
    """"will adopt new rules to deter X and protect Y": the purposes of a verb with its own object
    stay inside its one undertaking (annotation guide, development batch 5); not those of an object
    with no content of its own ("will take measures to A and B", "support new projects to A and B":
    one commitment per purpose, annotation guide §10 "Light heads")."""
    return first is not None and tok.head.i == first.i and first.dep_ == "advcl" \
        and any(c.dep_ == "dobj" and not light_object(c, lex) for c in first.head.children)


def _purpose_of(tok: Token, anchors: set[int]) -> bool:
    """"to intensify X" after the verb, its object or its action: the commitment's first purpose."""
    return tok.tag_ == "VB" and tok.dep_ in _PURPOSE_DEPS and tok.head.i in anchors and _has_to(tok)


def _repeated_infinitive(tok: Token, anchors: set[int], members: set[int]) -> bool:
    """", to increase Y", ", and to continue Z", "and to pursue Y" after a first purpose or an action."""
    if tok.tag_ != "VB" or not _has_to(tok) or not _joined(tok.doc, tok.i - 1):
        return False
    if tok.dep_ == "conj":
        return _attached(tok) in members
    return tok.dep_ in _PURPOSE_DEPS and tok.head.i in anchors


def _conjoined_verb(tok: Token, members: set[int]) -> bool:
    """"... and combat Y", ", improve Z": a bare verb with its own object, joined to an item."""
    if tok.dep_ != "conj" or tok.tag_ not in ("VB", "VBP") or _attached(tok) not in members or _has_to(tok):
        return False
    attached = tok.doc[_attached(tok)]
    if tok.tag_ == "VBP" and attached.tag_ != "VB":
        return False  # "that are of interest and have implications": a clause with its own subject
    if not _joined(tok.doc, _before_adverbs(tok) - 1) or _finite_relative_between(attached, tok):
        return False
    # ("to defeat X, build resilience, and prevent Y": after a comma a bare object is an item's own)
    # (not verbs sharing one object: "to prevent, counter, and dismantle networks")
    return _has_object(tok) and (_has_object(attached, bare=False) or (_after_comma(tok) and _has_object(attached)))


def _after_comma(verb: Token) -> bool:
    """", prevent Y" / ", and prevent Y": the item follows a comma of a series."""
    i = _before_adverbs(verb) - 1
    if i >= 0 and verb.doc[i].lower_ in ("and", "or"):
        i -= 1
    return i >= 0 and verb.doc[i].text == ","


def _finite_relative_between(attached: Token, tok: Token) -> bool:
    """"develop parks that will incorporate X to reduce Y, conserve Z": a verb after a relative
    clause carries on that clause, whatever the parser hangs it on."""
    return any(t.dep_ == "relcl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
               for t in tok.doc[attached.i + 1 : tok.i])


def _attached(conj: Token) -> int:
    """The verb a conjoined verb carries on: the parser may hang it on that verb's object noun
    ("to strengthen law enforcement and combat crime": "combat" on "enforcement")."""
    head = conj.head
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("dobj", "attr") and head.head.pos_ in ("VERB", "AUX"):
        return head.head.i
    return head.i


def _own_kind(verb: Token, lex: TriggerLexicon) -> dict:
    """What an item of another kind is, in place of a commitment: "resolve to expand X, to uphold the
    rule of law, and to train Y": the middle item keeps a principle, a position of its own (one
    statement per verb phrase, each with its own kind: annotation guide §10, "`will` lists of general
    aims"), cut out of the item before it."""
    trig = lex.verbs.get(verb.lemma_.lower())
    if trig is not None and trig.kind != "commitment":
        return {"kind": trig.kind, "category": trig.category, "strength": None, "rule": Rule.TRIGGER_WORD,
                "trigger": trig.lemma}
    if keeps_principle(verb, lex):
        return {"kind": "position", "category": "position.support", "strength": None, "rule": Rule.PRINCIPLE_UPHELD}
    return {}


def _other_kind(verb: Token, lex: TriggerLexicon) -> bool:
    """"..., and reaffirm Y": a verb the lexicon makes a stance says what it says."""
    trig = lex.verbs.get(verb.lemma_.lower())
    return trig is not None and trig.kind != "commitment"


def _has_to(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" and c.i == verb.i - 1 for c in verb.children)


def _has_object(verb: Token, bare: bool = True) -> bool:
    """Whether ``verb`` has an object; ``bare=False``: one with words of its own ("to prevent abuse
    and restrict access to our systems" is one purpose: the bare "abuse" shares what follows)."""
    return any(c.dep_ in ("dobj", "attr") and (bare or any(True for _ in c.children)) for c in verb.children)


def _joined(doc: Doc, i: int) -> bool:
    """The token before an item ("to" excluded) is a joiner: a comma, "and", ", and"."""
    if i >= 0 and doc[i].lower_ == "to":
        i -= 1
    return i >= 0 and doc[i].lower_ in _JOINERS


def _before_adverbs(verb: Token) -> int:
    """The index where the item starts: "jointly create X" starts at "jointly"."""
    i = verb.i
    while i > 0 and verb.doc[i - 1].tag_ == "RB" and verb.doc[i - 1].head.i == verb.i:
        i -= 1
    return i


def _item_start(doc: Doc, verb: Token) -> int:
    i = _before_adverbs(verb)
    return i - 1 if i > 0 and doc[i - 1].lower_ == "to" else i


def _trimmed_end(doc: Doc, end: int) -> int:
    """``end`` less a final full stop or comma."""
    last = [t for t in doc if t.idx < end]
    while last and last[-1].is_punct:
        last.pop()
    return min(end, last[-1].idx + len(last[-1])) if last else end
