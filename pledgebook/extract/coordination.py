"""Undertakings joined under one trigger that the series rules of clauses.py do not cut: two
purposes joined by a bare "and", and a series of gerunds after a preposition.

The G20 Research Group counts each purpose or action with its own object as a commitment of its
own (annotation guide §3, "Coordinated purposes after one undertaking"):
- "We will act together to strengthen recovery and address financial market tensions" (two);
- "renewed our commitment to support democratic reform and to respond to the aspirations" (two);
- "agreed to step up coordinated efforts in responding to X, ensuring Y, promoting Z" (three).
Two verbs on one object stay one ("will adopt and implement a prohibition", "to deter and
disrupt attacks"), and so do nouns after a gerund ("on law enforcement, cybersecurity and
promoting C" is read by clauses.py).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from pledgebook.codebook.triggers import TriggerLexicon
from pledgebook.extract.new_bodies import purpose_stays_inside
from pledgebook.extract.grammar import is_infinitive, lemma_of, subject_of
from pledgebook.extract.news_pledges import voices_stance_noun

_OWN_OBJECT = ("dobj", "dative", "attr", "oprd")
_PREP_OBJECT = ("pobj", "pcomp")
_MEANS_WORDS = ("including", "notably", "especially", "particularly")
# "strengthen our approach by building X, strengthening Y, ...": gerunds after these name the
# means of the one undertaking, which stays one (annotation guide §3, "including by")
_MEANS_PREPOSITIONS = ("by", "through", "via")


def has_own_object(verb: Token) -> bool:
    """The verb names what it acts on itself: a direct object, or a preposition with its object
    ("respond to the aspirations"), so a verb joined to it does not share it."""
    for c in verb.children:
        if c.dep_ in _OWN_OBJECT:
            return True
        if c.dep_ == "prep" and c.i > verb.i and any(g.dep_ in _PREP_OBJECT for g in c.children):
            return True
    return False


def and_item_start(doc: Doc, tok: Token, lo: int, first: Token | None = None) -> int | None:
    """Where the second item of a two-item "X and Y" begins, when ``tok`` opens it: ``tok`` is a
    verb conjoined (to ``first``, by default its head) after a bare "and" (or "and to"), and both
    name their own object ("strengthen recovery and address tensions"; not "adopt and implement
    X"). ``lo``: look no further back. None when ``tok`` opens no such item."""
    first = tok.head if first is None else first
    if tok.dep_ != "conj" or first.pos_ != "VERB" or first.i < lo:
        return None
    k = tok.i - 1
    to = k >= lo and doc[k].lower_ == "to" and doc[k].head.i == tok.i
    if to:
        k -= 1  # "and to respond to Y"
    while k >= lo and doc[k].tag_ in ("RB", "RBR", "RBS"):
        k -= 1
    if k <= lo or doc[k].lower_ != "and" or (doc[k - 1].text == "," and not to):
        return None  # (", and" closes a comma series: the series rules read it, but not ", and to")
    if not (has_own_object(first) and has_own_object(tok)):
        return None
    return k + 1


def gerund_series(action: Token, lex: TriggerLexicon | None = None) -> list[tuple[Token, int]]:
    """"step up coordinated efforts in responding to X, ensuring Y, promoting Z and addressing W":
    the gerunds that open comma items after a first gerund governed by a preposition of the action
    (or of the action's object), each with an object of its own, however the parser hung them. Each
    as (gerund, index of its item's first token); the first gerund is not among them. After "such
    as" the gerunds are examples: a series only after a generic head with no content of its own
    ("address challenges such as X-ing A, Y-ing B and Z-ing C", codebook ``generic_list_heads``;
    annotation guide §3, session 13), never after a head with content ("address tariff barriers such
    as ...") or without ``lex``; there, once a bare comma has opened an item, a bare "and" closes the
    series ("A, B and C"; not in other gerund lists: "responsibility for destroying X, committing Y
    and displacing Z" names past acts)."""
    first = _first_gerund(action)
    if first is None:
        return []
    examples = _examples_list(first)
    if examples and (lex is None or not _generic_list_head(first.head.head, lex)):
        return []
    doc, out = action.doc, []
    end = action.sent.end
    for tok in doc[first.i + 1 : end]:
        if tok.text in (";", ":") or tok.lower_ in _MEANS_WORDS or (tok.dep_ in ("nsubj", "nsubjpass") and tok.i > first.i):
            break  # the series ends with its clause, or where its means begin ("..., including by X-ing")
        if tok.tag_ != "VBG" or tok.pos_ != "VERB" or not has_own_object(tok):
            continue
        start = comma_item_start(doc, tok.i, first.i + 1, bare_comma=True)
        if start is None and examples and out and tok.dep_ == "conj" and doc[tok.i - 1].lower_ == "and":
            start = tok.i  # "such as X-ing A, fighting Y and developing Z": the last example, with no comma before "and"
        if start is not None and not _after_including(doc, first.i, tok.i):
            out.append((tok, start))
    if len(out) == 1 and doc[out[0][1] - 1].lower_ not in ("and", "or"):
        return []  # "to assist X in training Y, contributing to Z": a participle of effect, not a series
    return out


def _examples_list(gerund: Token) -> bool:
    """The gerund opens a list of examples: "such as strengthening X", "like fighting Y"."""
    prep = gerund.head
    doc = gerund.doc
    return prep.lower_ == "like" or (prep.lower_ == "as" and prep.i > 0 and doc[prep.i - 1].lower_ == "such")


def _generic_list_head(head: Token, lex: TriggerLexicon) -> bool:
    """A head noun with no content of its own whose examples are what it consists of ("challenges",
    "measures", "areas"): unnamed, with no possessor and no noun in front naming a field."""
    if head.pos_ not in ("NOUN",) or head.lemma_.lower() not in lex.generic_list_heads \
            and head.lower_ not in lex.generic_list_heads:
        return False
    return not any(c.dep_ in ("poss", "compound") for c in head.children)


def _first_gerund(action: Token) -> Token | None:
    """The gerund a preposition of the action or of its object governs ("efforts in responding"),
    not one of means ("by building")."""
    holders = [action] + [c for c in action.children if c.dep_ in ("dobj", "pobj")] + _purposes_of_thing(action)
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.i > holder.i and prep.lower_ not in _MEANS_PREPOSITIONS + _MEANS_WORDS:
                gerund = next((g for g in prep.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
                if gerund is not None and has_own_object(gerund):
                    return gerund
    return None


def _purposes_of_thing(action: Token) -> list[Token]:
    """"announced $20 million to support Kenya in restoring X, protecting Y": a thing undertaken
    that does nothing itself (an amount, a loan) has its content in its purpose infinitive,
    which the parser hangs on the thing or on the verb after it."""
    if action.pos_ in ("VERB", "AUX"):
        return []
    near = [*action.children, *(c for c in action.head.children if c.i > action.i)]
    return [c for c in near if c.dep_ in ("advcl", "acl", "relcl", "xcomp") and is_infinitive(c)]


def comma_item_start(doc: Doc, i: int, lo: int, bare_comma: bool) -> int | None:
    """Where the comma item that ``doc[i]`` opens begins (its adverbs included), if it opens one:
    after ", and"/", or", or also after a bare "," when ``bare_comma``; ``lo``: look no further back."""
    k = i - 1
    while k >= lo and doc[k].tag_ in ("RB", "RBR", "RBS"):
        k -= 1
    if k < lo:
        return None
    if (bare_comma and doc[k].text == ",") or (doc[k].lower_ in ("and", "or") and k > lo and doc[k - 1].text == ","):
        return k + 1
    return None


_RIDER_MARKS = ("while", "whilst")


def action_riders(head: Token, action: Token | None, lex: TriggerLexicon) -> list[Token]:
    """"agreed to consider X, while increasing Y", "will pursue X, while enhancing cooperation on Y":
    a participle after ", while" with a verb and an object of its own is an undertaking of its own
    (annotation guide, third blind batch: "two undertakings with different actions are two"),
    hung by the parser on ``head`` or on its ``action``. A rider that only conditions the head
    ("while ensuring that ...", "while respecting X": codebook conditioning_participles), tells its
    effect on others ("while inspiring other nations": effect_participles) or its manner ("while
    setting the highest standard": manner_objects), or voices a stance ("while emphasising that
    ...", news_pledges.py) is none."""
    holders = [head] + [h for h in (action,) if h is not None and h.pos_ in ("VERB", "AUX") and h.i != head.i]
    out = []
    for holder in holders:
        for rider in holder.children:
            if rider.dep_ != "advcl" or rider.tag_ != "VBG" or rider.i < holder.i or subject_of(rider) is not None:
                continue
            mark = next((c for c in rider.children if c.dep_ == "mark" and c.lower_ in _RIDER_MARKS), None)
            if mark is None or mark.i == 0 or rider.doc[mark.i - 1].text != ",":
                continue  # (no comma: "sanctions on those engaged in X while transporting oil" tells whose act)
            if lemma_of(rider, lex.conditioning_participles) in lex.conditioning_participles or voices_stance(rider, lex):
                continue
            if voices_stance_noun(rider, lex):
                continue  # "..., while also expressing his gratitude for X": thanks or a stance, no act
            if lemma_of(rider, lex.effect_participles) in lex.effect_participles or _sets_a_manner(rider, lex):
                continue  # "..., while inspiring other nations", "..., while setting the highest standard"
            if has_own_object(rider):
                out.append(rider)
    return out


def _sets_a_manner(rider: Token, lex: TriggerLexicon) -> bool:
    """"while setting the highest non-proliferation standard", "while promoting high standards": a
    rider whose object is a standard or an example tells how the undertaking is done (codebook
    manner_objects), an undertaking of no act of its own."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in lex.manner_objects for c in rider.children)


def voices_stance(verb: Token, lex: TriggerLexicon) -> bool:
    """"..., and reaffirm our cooperation": a stance or appreciation verb that names no action
    stays what it is, even as an item of a series."""
    trigger = lex.verbs.get(verb.lemma_.lower())
    return trigger is not None and trigger.kind in ("position", "appreciation") and not trigger.action_makes


def _after_including(doc: Doc, lo: int, hi: int) -> bool:
    """"..., including by promoting X": means of the item before, not an item of the series."""
    return any(t.lower_ in _MEANS_WORDS for t in doc[lo:hi])


def purpose_pairs(head: Token, action: Token | None, taken: set[int], lex: TriggerLexicon) -> list[tuple[Token, int]]:
    """The second verb of "to X and (to) Y" under one undertaking, each naming its own object:
    the infinitive the trigger governs ("commitment to support X and to respond to Y"), the one
    its object names ("renew our efforts to combat X and promote Y"), or, under a bare modal, the
    purpose of the head ("will act together to strengthen X and address Y"). As (verb, index of
    its item's first token), skipping verbs in ``taken``."""
    out = []
    for infinitive in _infinitives(head, action, lex):
        # (the parser may conjoin the second verb to the first one's object: "strengthen recovery and address X")
        objects = [c for c in infinitive.children if c.dep_ == "dobj"]
        for extra in [c for h in (infinitive, *objects) for c in h.children] + _deep_and_to(infinitive):
            if extra.dep_ != "conj" or extra.i in taken or extra.tag_ != "VB" or extra.i < infinitive.i:
                continue
            if _read_elsewhere(extra, action, lex):
                continue
            start = and_item_start(head.doc, extra, infinitive.i, infinitive)
            if start is not None and not any(t.text == ":" for t in head.doc[head.i : extra.i]):
                # ("will seek to: promote X and increase Y; ...": one item of the colon list, as the list counts it)
                out.append((extra, start))
    return out


def _read_elsewhere(extra: Token, action: Token | None, lex: TriggerLexicon) -> bool:
    """A verb another reading takes: one conjoined to a complement action ("agreed to build X and
    to open Y", read by clauses.py as coordinated actions), or a verb of stance or appreciation
    ("intend to update X and welcome those who have", which says what it says)."""
    if action is not None and action.dep_ in ("xcomp", "pcomp", "ccomp") and extra.head.i == action.i:
        return True
    return voices_stance(extra, lex)


def _infinitives(head: Token, action: Token | None, lex: TriggerLexicon) -> list[Token]:
    if action is None:
        # "will act together to X and Y": only a head with no object of its own carries its content
        # in its purposes ("will impose measures to prevent X and restrict Y" is one undertaking)
        if any(c.dep_ in _OWN_OBJECT for c in head.children):
            return []
        return [c for c in head.children if c.dep_ == "advcl" and is_infinitive(c) and c.i > head.i]
    if purpose_stays_inside(head, action, lex):
        return []
    found = [action] if is_infinitive(action) else []
    if found and not has_own_object(action) and not any(is_infinitive(c) for c in action.children):
        # "intend to work, within national contexts, to collaborate in X and to increase Y": the parser
        # hangs the purpose of a head with no content of its own on the trigger
        found += [c for c in head.children if c.dep_ == "advcl" and is_infinitive(c) and c.i > action.i]
    # "renew our efforts to combat X and promote Y": the purposes of an effort are its content
    efforts = [c for c in action.children if c.dep_ == "dobj" and c.lower_ in lex.action_nouns]
    found += [c for h in (action, *efforts) for c in h.children if c.dep_ == "acl" and is_infinitive(c)]
    return found


def _deep_and_to(infinitive: Token) -> list[Token]:
    """"intends to apply the higher of X or Y ... on goods of Z and to apply only the MFN rate":
    an "and to" infinitive the parser conjoined to a word deep inside the first infinitive's
    object, with no other clause between them."""
    doc, out = infinitive.doc, []
    for tok in infinitive.subtree:
        if tok.i <= infinitive.i + 1 or tok.dep_ != "conj" or not is_infinitive(tok) or tok.head.i == infinitive.i:
            continue
        if doc[tok.i - 1].lower_ != "to" or doc[tok.i - 2].lower_ != "and":
            continue
        node = tok.head
        while node.i != infinitive.i and node.dep_ not in ("relcl", "acl", "advcl", "xcomp", "ccomp"):
            node = node.head
        if node.i == infinitive.i:
            out.append(tok)
    return out
