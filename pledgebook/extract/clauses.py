"""Find statements in one parsed sentence: clause heads, triggers, action complements.

Works on a spaCy ``Doc`` of one sentence's clean text. Every finding is a
contiguous token range (the clause), its kind/strength and the trigger words
that decided it. Coordinated clauses ("condemned terrorism and committed to ...")
and coordinated actions ("agreed to accelerate A and begin B") become separate
findings: one statement per discrete undertaking.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from pledgebook.codebook.triggers import Trigger, TriggerLexicon
from pledgebook.extract.nlp import verb_lemmas

_SUBJ = {"nsubj", "nsubjpass", "csubj", "expl"}
_VERBAL = {"VERB", "AUX"}
_EDGE_TRIM = {"cc", "punct", "prep", "mark"}
_OBJECTS = {"dobj", "prep", "xcomp", "ccomp", "attr", "dative", "acomp", "advcl", "npadvmod"}
_PRONOUNS_INHERIT = {"it", "he", "she", "its", "his", "her"}


@dataclass(slots=True)
class Finding:
    start: int  # character offsets in the sentence's clean text
    end: int
    kind: str
    category: str
    strength: str | None
    rule: str
    triggers: list[str]
    subject: str | None
    reporter: str | None = None
    inherit_actors: bool = False  # subject is a pronoun that refers back (it, he, she)
    head_i: int = -1
    actor_subject: bool = True  # the grammatical subject can be a party (not "This", "The agreement")
    aspectual: bool = False  # an ongoing action ("continues to operate"), not a new undertaking
    series_item: bool = False  # an item of a series of actions, its span cut by the surface
    trigger: str | None = None  # lemma of the trigger word (Statement.trigger)
    lead_actors: tuple[str, ...] | None = None  # an item under "We will:": the actors of that clause


def _children(tok: Token, deps: set[str]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _modal(tok: Token, lex: TriggerLexicon) -> tuple[str | None, bool]:
    """(modal word, negated) among a verb's auxiliaries."""
    modal = None
    neg = False
    for c in tok.children:
        low = c.lower_
        if c.dep_ in ("aux", "auxpass") and (low in lex.firm_modals or low in lex.weak_modals):
            modal = low
        if c.dep_ == "neg":
            neg = True
    return modal, neg


def _is_action_noun(tok: Token, lex: TriggerLexicon) -> bool:
    low = tok.lower_
    if low in lex.state_nouns or tok.lemma_.lower() in lex.state_nouns:
        return False
    return tok.pos_ == "NOUN" and (low.endswith(lex.action_suffixes) or low in lex.action_nouns)


def _action(tok: Token, lex: TriggerLexicon, for_action: bool = False, modal: str | None = None) -> Token | None:
    """The action a trigger governs: a verb complement, 'to' + gerund/action noun, or a modal clause.
    ``modal``: the modal the trigger is under, when it shares one with the verb before it."""
    for c in tok.children:
        if c.dep_ in ("xcomp",) and c.pos_ in _VERBAL | {"ADJ"} and c.lemma_ not in lex.stative_verbs:
            return c
        if c.dep_ == "acl" and c.pos_ in _VERBAL and any(a.lower_ == "to" for a in c.children):
            return c
        # "commit to strengthen their cooperation": read as a purpose clause, but "to" follows the verb
        if c.dep_ == "advcl" and c.pos_ == "VERB" and c.left_edge.i == tok.i + 1 and c.left_edge.lower_ == "to":
            return c
        if c.dep_ == "ccomp" and c.pos_ in _VERBAL:
            modal, _ = _modal(c, lex)
            if modal in lex.firm_modals or any(a.lower_ == "to" for a in c.children if a.dep_ == "aux"):
                return c
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("to", "towards", "toward", "on") + (("for",) if for_action else ()):
            for g in c.children:
                if g.dep_ == "pcomp" and g.pos_ in _VERBAL and _subject(g) is None:
                    return g
                if g.dep_ == "pobj" and (g.tag_ == "VBG" or _is_action_noun(g, lex)):
                    return g
    # "encouraged Chinese enterprises to join", "urged all parties to ..."
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    objects += [g for c in objects for g in c.children if g.dep_ == "conj"]  # "our Ministers and officials to ..."
    for c in objects:
        for g in c.children:
            if g.dep_ in ("acl", "relcl") and g.pos_ == "VERB" and any(a.lower_ == "to" for a in g.children):
                return g
    # "will support other developing countries in developing green energy": what the object is to be
    # helped to do ("supports the UN in serving as ..." describes a role, not an undertaking)
    binding = modal or _modal(tok, lex)[0]
    helps = bool(objects) and binding in lex.firm_modals and binding != "must"
    for c in [*tok.children, *(g for o in objects for g in o.children)] if helps else ():
        if c.dep_ == "prep" and c.lower_ == "in":
            for g in c.children:
                if g.dep_ == "pcomp" and g.tag_ == "VBG" and _subject(g) is None:
                    return g
    # "we task our Ministers to operationalize ...": the parser hangs the infinitive on the verb
    if any(c.lemma_.lower() in lex.actor_nouns for c in objects):
        for c in tok.children:
            if c.dep_ == "advcl" and c.pos_ == "VERB" and c.i > objects[0].i and any(a.lower_ == "to" for a in c.children):
                return c
    return None


def _verb_like_conjuncts(action: Token, lex: TriggerLexicon) -> list[Token]:
    """"consult regularly on X, as well as work together": a bare verb conjoined to a base-form
    action that the tagger took for a noun (no determiner, a verb the lexicon knows)."""
    if action.tag_ != "VB":
        return []
    return [c for c in action.children if c.dep_ == "conj" and c.tag_ == "NN" and c.lower_ in lex.verbs
            and not any(g.dep_ in ("det", "poss", "amod", "compound") for g in c.children)]


def _welcomed_undertakings(head: Token, lex: TriggerLexicon) -> list[tuple[Token, Token, Token]]:
    """"welcomed X's participation ..., and the Kingdom's announcement to meet ...": further
    undertakings of other parties in a welcome's list, as (noun, owner, action)."""
    found = []
    for noun in head.subtree:
        if noun.dep_ != "conj" or noun.lemma_.lower() not in lex.reported_undertakings:
            continue
        owner = _owner(noun, lex)
        action = _action(noun, lex)
        if owner is not None and action is not None:
            found.append((noun, owner, action))
    return found


def _ends_noun_list(previous: Token, gerund: Token) -> bool:
    """"on law enforcement, cybersecurity, public health and promoting C": a gerund closing a comma
    list of nouns (not "..., as well as continuing to support")."""
    between = gerund.doc[previous.i + 1 : gerund.i]
    return any(t.text == "," for t in between) and not _after_as_well_as(gerund)


def _after_as_well_as(tok: Token) -> bool:
    return tok.doc[max(0, tok.i - 3) : tok.i].text.lower() == "as well as"


def _owner(noun: Token, lex: TriggerLexicon) -> Token | None:
    """Whose plan or commitment: "Japan’s commitment", "U.S. plans", "their countries’ plans"."""
    return next((c for c in noun.children if c.dep_ in ("poss", "compound") and c.pos_ == "PROPN"
                 or c.dep_ == "poss" and c.lemma_.lower() in lex.actor_nouns), None)


def _means(head: Token) -> Token | None:
    """"reiterate our commitment to X's security, including by implementing ...": the means
    named after "including by" is the action."""
    for tok in head.subtree:
        if tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.lower_ == "by" and tok.head.head.lower_ == "including":
            return tok
    return None


def _parallel_actions(action: Token) -> list[Token]:
    """"helping Ukraine meet its needs, as well as supporting its recovery": a gerund after
    "as well as" is a second action, wherever the parser hung it."""
    if action.tag_ != "VBG":
        return []
    out = []
    for tok in action.subtree:
        if tok.i > action.i + 1 and tok.tag_ == "VBG" and tok.dep_ in ("advcl", "conj", "pcomp") and _after_as_well_as(tok):
            out.append(tok)
    return out


def _series_actions(head: Token, taken: set[int], pool=None) -> list[tuple[Token, int]]:
    """"we will use early warning, regularly consult each other, collaboratively assess situations,
    and explore responses": base-form verbs after a comma (and an optional "and" or adverb) in the
    clause of a verb under "will" are further actions of that "will", however the parser hung them.
    Each as (verb, index of the item's first token); ``pool``: where to look (``head``'s clause)."""
    out = []
    verbs = verb_lemmas()
    for tok in head.subtree if pool is None else pool:
        if tok.i <= head.i or tok.i in taken or tok.pos_ != "VERB" or tok.tag_ not in ("VB", "VBP"):
            continue
        if tok.dep_ in ("aux", "auxpass", "xcomp", "ccomp") or _subject(tok) is not None or embedded_under(tok, head):
            continue
        if tok.lower_ not in verbs or not _takes_object(tok):
            continue  # "illicit finance", "design, development, and use that ...": nouns the tagger made verbs
        if any(_is_infinitive(t) for t in tok.doc[head.i + 1 : tok.i]):
            continue  # it carries on a nearer infinitive ("align around targets to help vaccinate X, save Y")
        first = _comma_item_start(tok.doc, tok.i, head.i + 1, bare_comma=True)
        if first is not None:
            out.append((tok, first))
    return out


def _comma_item_start(doc: Doc, i: int, lo: int, bare_comma: bool) -> int | None:
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


def _takes_object(verb: Token) -> bool:
    """An action names what it acts on: an object or complement, or the noun right after it that
    the parser took for the verb's head ("collaboratively assess situations")."""
    if any(c.dep_ in ("dobj", "dative", "prep", "xcomp", "attr", "acomp", "prt") for c in verb.children):
        return True
    return verb.dep_ in ("amod", "compound") and verb.head.pos_ == "NOUN" and verb.head.i > verb.i


def _conjoined_preposition_actions(action: Token) -> list[tuple[Token, Token]]:
    """"committed to reducing X by 2030, and then to achieving Y by 2050": the actions after a
    repeated preposition conjoined to the first one's, as (preposition, action)."""
    if action.dep_ != "pcomp":
        return []
    prep = action.head  # the parser conjoins the second "to" to the first or to the verb before it
    return [(c, g) for c in [*prep.children, *prep.head.children] if c.dep_ == "conj" and c.lower_ == prep.lower_
            for g in c.children if g.dep_ == "pcomp" and g.pos_ in _VERBAL]


def _is_infinitive(tok: Token) -> bool:
    return tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _infinitive(action: Token) -> Token | None:
    """The infinitive an action is ("to modernize") or names ("efforts to modernize")."""
    if _is_infinitive(action):
        return action
    if action.pos_ == "NOUN":
        return next((c for c in action.children if c.dep_ == "acl" and _is_infinitive(c)), None)
    return None


def _item_starts(doc: Doc, lo: int, hi: int) -> list[int]:
    """Where a new item of a comma series begins between ``lo`` and ``hi``: a word that can be a verb
    after "," or ", and" (adverbs allowed between), whatever its tag. Each as the index of its first token."""
    verbs = verb_lemmas()
    starts = (_comma_item_start(doc, k, lo, bare_comma=False) for k in range(lo, hi + 1)
              if doc[k].lower_ in verbs and doc[k].tag_ in ("VB", "VBP", "NN"))
    return [first for first in starts if first is not None]


def _trim_back(doc: Doc, hi: int, lo: int) -> int:
    while hi > lo and (doc[hi].dep_ in _EDGE_TRIM or doc[hi].is_punct or doc[hi].lower_ in ("and", "or") or doc[hi].is_space):
        hi -= 1
    return hi


def _dobj(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ in ("dobj", "attr", "oprd") and not any(g.dep_ == "case" for g in c.children):
            return c  # (not a possessor the parser made an object: "reiterate Pakistan’s support")
    # "called for restraint", "agreed on steps": prepositional objects of phrasal triggers
    return None


def _subject(tok: Token) -> Token | None:
    subs = _children(tok, _SUBJ)
    return subs[0] if subs else None


def _phrase(tok: Token) -> str:
    return tok.doc[tok.left_edge.i : tok.right_edge.i + 1].text


def lemma_of_text(low: str, vocab: dict) -> str | None:
    if low in vocab:
        return low
    for suffix in ("ed", "d", "ing", "es", "s"):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            base = low[: -len(suffix)]
            for cand in (base, base + "e", base[:-1] if len(base) > 2 and base[-1] == base[-2] else base):
                if cand in vocab:
                    return cand
    return None


def lemma_of(tok: Token, vocab: dict) -> str:
    """The token's lemma as the lexicon knows it: the small model mislemmatises some verbs
    (hoped -> hop), and prefixed forms (recommit, re-emphasize) mean what their base means."""
    lemma = tok.lemma_.lower()
    if lemma in vocab:
        return lemma
    low = tok.lower_
    found = lemma_of_text(low, vocab)
    if found is None and low.startswith("re") and len(low) > 5:
        found = lemma_of_text(low[3:] if low.startswith("re-") else low[2:], vocab)
    return found or lemma


def _resolve_fallback(spec: str | None) -> tuple[str, str] | None:
    if spec is None:
        return None
    kind, _, category = spec.partition(".")
    return kind, spec if category else kind


@dataclass(slots=True)
class _Decision:
    kind: str
    category: str
    strength: str | None
    rule: str
    triggers: list[str]
    action: Token | None
    undertaker: Token | None = None  # whose undertaking it is, when not the clause subject's
    trigger: Token | None = None  # the trigger word, when a noun ("reaffirm their commitment to ...")
    aspectual: bool = False  # the trigger says an action goes on ("continue to X")


def _actor_like(subject: Token | None, lex: TriggerLexicon) -> bool:
    """Could this subject be a party? Names, personal pronouns, and nouns such as 'leaders'."""
    if subject is None:
        return True
    low = subject.lower_
    if low in ("it", "this", "that", "these", "those", "which", "there", "what"):
        return False
    if subject.pos_ == "PROPN" and (low in lex.instruments or low in lex.non_actor_heads):
        return False  # "The Agreement on Reciprocal Trade will build upon ..."
    if subject.pos_ in ("PROPN", "PRON") or low in ("both", "all", "each", "together"):
        return True
    if subject.lemma_.lower() in lex.actor_nouns or low in lex.actor_nouns:
        return True
    # "Chinese officials", "the U.S. side": a proper-noun or demonym modifier with a generic head
    return any(c.pos_ == "PROPN" for c in subject.children if c.dep_ in ("compound", "amod", "poss")) and \
        subject.lemma_.lower() in lex.actor_nouns


def _decide(head: Token, lex: TriggerLexicon, reported: bool, modal_hint: str | None = None) -> _Decision | None:
    """Classify one clause head, or None when it states nothing."""
    lemma = lemma_of(head, lex.verbs)
    modal, neg = _modal(head, lex)
    if modal is None:
        modal = modal_hint  # "will negotiate and finalize": the second verb shares the modal
    trig: Trigger | None = None
    trig_tok = head
    words = [head.text]

    if lemma in lex.copulas or head.pos_ == "AUX":
        for c in head.children:
            if c.dep_ in ("acomp", "oprd", "xcomp") and c.lower_ in lex.adjectives:
                trig, trig_tok, words = lex.adjectives[c.lower_], c, [head.text, c.text]
                break
    elif head.lower_ in lex.adjectives and head.tag_ in ("VBN", "JJ"):
        trig = lex.adjectives[head.lower_]
    dobj = _dobj(head)
    if trig is None and dobj is not None and dobj.lemma_.lower() in lex.nouns:
        if lemma in lex.light_verbs or (lemma in lex.verbs and lex.verbs[lemma].needs_action and _action(head, lex) is None):
            trig, trig_tok, words = lex.nouns[dobj.lemma_.lower()], dobj, [head.text, dobj.text]
    if trig is None and lemma in lex.verbs:
        trig = lex.verbs[lemma]
        if trig.needs_particle and not any(c.lower_ in trig.particles for c in head.children):
            trig = None  # "look forward to", not "look at"
    if trig is not None and trig.needs_counterpart and dobj is not None and dobj.pos_ == "NOUN" \
            and dobj.lower_ not in lex.events and dobj.lemma_.lower() not in lex.events | lex.actor_nouns:
        trig = None  # "will meet its emissions target", "hosting refugees": not a counterpart or an event

    action = _action(trig_tok, lex, for_action=bool(trig and trig.action_makes), modal=modal) if trig is not None \
        else _action(head, lex, modal=modal)
    if action is None and trig is not None and trig_tok.i != head.i and trig_tok.dep_ == "dobj":
        # "reiterate our commitment to a transition": the parser hangs "to ..." on the verb,
        # or makes "our strong will to support ..." a purpose clause of the verb
        action = _action(head, lex, for_action=bool(trig.action_makes)) or next(
            (c for c in head.children if c.dep_ == "advcl" and c.pos_ == "VERB" and c.left_edge.i == trig_tok.right_edge.i + 1
             and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    if action is None and trig is not None and trig.object_action and dobj is not None and _is_action_noun(dobj, lex) \
            and not any(c.dep_ == "prep" and c.lower_ == "from" for c in (*head.children, *dobj.children)):
        action = dobj  # "announced the termination of ..." (not "seek assistance from donors": a request)
    if action is None and trig is not None and trig.needs_action and trig_tok.i != head.i:
        action = _means(head)

    polite = modal == "would" and lemma in lex.polite_verbs
    if (polite or (trig is not None and trig.transparent and not trig.aspectual)) and action is not None and action.pos_ in _VERBAL:
        # "I would like to thank ...", "we wish to acknowledge ...": the inner verb says what it is
        inner = _decide(action, lex, reported)
        if inner is not None and lemma_of(action, lex.verbs) in lex.verbs:
            inner.rule, inner.triggers = f"{lemma}+{inner.rule}", words + inner.triggers
            return inner
    if polite or (modal == "would" and lemma in lex.reporting_verbs):
        return None  # "I would say ...": a manner of speaking
    if action is not None and action.dep_ == "ccomp" and trig is not None and trig.kind == "commitment" \
            and trig.strength == "soft" and _others_act(head, action):
        action = None  # "I hope that delegates will ...": a wish about others
    # "will remain a member", "will uphold the common values": a stance, not an undertaking
    if modal in lex.firm_modals and modal != "must" and (
        (lemma in lex.stative_verbs and not any(c.dep_ == "acomp" for c in head.children))
        or lemma in lex.non_agentive_verbs or (trig is not None and trig.kind == "position" and dobj is not None
                              and (dobj.lower_ in lex.state_nouns or dobj.lemma_.lower() in lex.state_nouns)
                              and action is None)
    ):
        return _Decision("position", trig.category if trig and trig.kind == "position" else "position.stress",
                         None, "modal_stance", [modal] + words, None)
    # A binding modal on an actor's clause is an undertaking ("will", "shall", reported "would").
    if modal in lex.firm_modals and modal != "must":
        if trig is None or trig.kind in ("commitment", "position", "agreement", "appreciation", "discussion"):
            strength = "soft" if lemma in lex.softeners else (trig.strength if trig and trig.kind == "commitment" else "firm")
            return _Decision("commitment", "commitment", strength, "modal", [modal] + words + (["not"] if neg else []), action)
    if modal in lex.weak_modals or modal == "must":
        if trig is None or trig.kind == "commitment":
            return _Decision("position", "position.call", None, "exhortation", [modal] + words, None) if modal in ("must", "should") else None
    if trig is None:
        return None

    if trig.needs_modal and modal is None and not reported:
        return None
    if trig.needs_instrument and not (dobj is not None and dobj.lower_ in lex.instruments):
        fb = _resolve_fallback(trig.otherwise)
        return _Decision(fb[0], fb[1], None, f"{trig.lemma}_fallback", words, None) if fb else None
    if trig.needs_event and not (dobj is not None and dobj.lower_ in lex.events):
        return None
    if trig.needs_person and not (dobj is not None and dobj.pos_ == "PROPN"):
        return None
    # "welcomed Saudi Arabia's commitment to support ...": the other party's undertaking
    if trig.kind == "appreciation" and dobj is not None and dobj.lemma_.lower() in lex.reported_undertakings:
        owner = _owner(dobj, lex)
        reported_action = _action(dobj, lex) or _action(head, lex)
        if owner is not None and reported_action is not None:
            return _Decision("commitment", "commitment", "firm", f"{trig.lemma}_{dobj.lemma_.lower()}_of_party",
                             words + [dobj.text, reported_action.text], reported_action, undertaker=owner)
    # "welcomed the signing of ..." reports an instrument, not thanks
    if trig.kind == "appreciation" and dobj is not None and dobj.lemma_.lower() in lex.signing_nouns:
        return _Decision("agreement", "agreement", None, "instrument_signed", words + [dobj.text], None)
    if trig.anticipates:
        return _anticipation(head, trig, lex, words)
    if trig.needs_action:
        instrument = _agreed_instrument(head, lex) if action is None and trig.settles_instrument else None
        if instrument is not None:
            # "agreed to a Framework for negotiating ...", "agreed on a memorandum": an instrument settled
            return _Decision("agreement", "agreement", None, "instrument_agreed", words + [instrument.text], None)
        if action is None:
            fb = _resolve_fallback(trig.otherwise)
            return _Decision(fb[0], fb[1], None, f"{trig.lemma}_without_action", words, None) if fb else None
        if action.pos_ in _VERBAL and _upholds_principle(action, lex):
            return _Decision("position", "position.support", None, f"{trig.lemma}_principle", words + [action.text], None)
        if trig.aspectual and head.tag_ in ("VBD", "VBN") and head.lemma_ == trig.lemma:
            return None  # "has continued to spearhead": a report of the past
        if trig.aspectual and action.pos_ in _VERBAL:
            # "continue to condemn" is a stance; "continue to support" stays an undertaking
            inner = lex.verbs.get(lemma_of(action, lex.verbs))
            if inner is not None and inner.kind in ("position", "appreciation") and inner.category != "position.support":
                return _Decision(inner.kind, inner.category, None, f"{trig.lemma}_{inner.lemma}", words + [action.text], None)
        if action.pos_ in _VERBAL and dobj in (None, trig_tok) and lemma_of(action, lex.verbs) in lex.verbs \
                and lex.verbs[lemma_of(action, lex.verbs)].kind == "meeting" \
                and len(_conj_chain(action)) == 1 and not _conjoined_preposition_actions(action):
            # "affirmed their intent to convene the Joint Security Dialogue", "agreed to hold the next
            # summit in Delhi": a meeting to come (but "instructed their ministers to hold a meeting"
            # is a directive, and "agreed to hold a summit and to launch a fund" stays two undertakings)
            inner = _decide(action, lex, reported)
            if inner is not None and inner.kind == "meeting":
                return _Decision("meeting", inner.category, None, f"{trig.lemma}+{inner.rule}", words + inner.triggers, None)
        if trig.otherwise == "position.call" and _urges_others(head, action, lex) and not _addresses_own_officials(head, lex):
            return _Decision("position", "position.call", None, f"{trig.lemma}_others", words + [action.text], None)
        return _Decision("commitment", "commitment", trig.strength, f"{trig.lemma}_action", words + [action.text], action,
                         trigger=trig_tok if trig_tok.i != head.i else None, aspectual=trig.aspectual)
    if trig.action_makes and action is not None and lemma not in lex.stance_light_verbs:
        return _Decision(trig.action_makes, trig.action_makes, trig.action_strength, f"{trig.lemma}_action", words + [action.text], action)
    if trig.category == "position.call" and _addresses_own_officials(head, lex):
        # "called on their governments to continue ...", "urge our ministers to ...": a directive
        return _Decision("commitment", "commitment", "firm", f"{trig.lemma}_own_officials", words, action)
    strength = trig.strength if trig.kind == "commitment" else None
    return _Decision(trig.kind, trig.category, strength, trig.lemma, words, action)


def _anticipation(head: Token, trig: Trigger, lex: TriggerLexicon, words: list[str]) -> _Decision | None:
    """"look forward to": a meeting to come ("to the next summit", "to welcoming X"), a soft
    undertaking ("to establishing a dialogue"), or else a hope ("to its outcome")."""
    # rules are named by the phrase: "look_forward_meeting"
    name = "_".join([trig.lemma] + [c.lower_ for c in head.children if c.lower_ in trig.particles][:1])
    target = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "to"
                   for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
    if target is None:
        target = next((c for c in head.children if c.dep_ == "advcl" and c.tag_ == "VBG"
                       and any(a.lower_ == "to" for a in c.children)), None)
    if target is None:
        return None
    inner = lex.verbs.get(lemma_of(target, lex.verbs)) if target.pos_ in _VERBAL else None
    meets = inner is not None and (inner.kind == "meeting" or inner.lemma in lex.anticipated_meetings)
    if target.lemma_.lower() in lex.events or meets:
        category = inner.category if inner is not None and inner.kind == "meeting" else "meeting.meet"
        return _Decision("meeting", category, None, f"{name}_meeting", words + [target.text], None)
    if (target.pos_ in _VERBAL and _subject(target) is None) or (target.pos_ == "NOUN" and _is_action_noun(target, lex)):
        return _Decision("commitment", "commitment", trig.strength, f"{name}_action", words + [target.text], target)
    return _Decision("position", "position.support", None, name, words + [target.text], None)


def _urges_others(head: Token, action: Token, lex: TriggerLexicon) -> bool:
    """"We encourage all nations to support ...": the action is asked of the verb's object, and
    the object is not the parties' own people ("encouraged Chinese enterprises to join")."""
    for c in head.children:
        if c.dep_ == "dobj" and c.i < action.i:
            named = c.pos_ == "PROPN" or any(m.text[:1].isupper() for m in c.children if m.dep_ in ("amod", "compound", "nmod", "poss"))
            agents = c.lemma_.lower() in lex.actor_nouns or c.lower_ in ("all", "everyone", "us", "them") \
                or any(m.lower_ in ("all", "other", "every") for m in c.children)
            return agents and not named
    return False


def _others_act(head: Token, clause: Token) -> bool:
    """Is the clause's subject someone other than the speaker ("hope that delegates will ...")?"""
    inner, outer = _subject(clause), _subject(head)
    if inner is None or inner.lower_ in ("we", "i"):
        return False
    return outer is None or inner.lemma_.lower() != outer.lemma_.lower()


def _agreed_instrument(head: Token, lex: TriggerLexicon) -> Token | None:
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "on", "upon"):
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.lower_ in lex.instruments:
                    return obj
    return None


def _addresses_own_officials(head: Token, lex: TriggerLexicon) -> bool:
    """The addressee of a call is the speakers' own government or officials."""
    targets = [c for c in head.children if c.dep_ == "dobj"]
    targets += [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon") for g in c.children if g.dep_ == "pobj"]
    for t in targets:
        owner = next((c for c in t.children if c.dep_ == "poss"), None)
        if owner is not None and owner.lower_ in ("our", "their", "its") and t.lemma_.lower() in lex.actor_nouns:
            return True
    return False


def _upholds_principle(action: Token, lex: TriggerLexicon) -> bool:
    """'upholding international law', 'safeguarding its sovereignty': keeping a principle or a
    state of affairs, which coders count as a position, not an undertaking."""
    lemma = action.lemma_.lower()
    if lemma in lex.principle_verbs:
        return True
    if lemma in lex.preserving_verbs:
        obj = next((c for c in action.children if c.dep_ == "dobj"), None)
        return obj is not None and (obj.lower_ in lex.state_nouns or obj.lemma_.lower() in lex.state_nouns)
    return False


def _conj_chain(tok: Token) -> list[Token]:
    chain = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and (c.pos_ in _VERBAL or c.tag_ in ("VBN", "JJ")):
            chain.extend(_conj_chain(c))
        elif c.dep_ == "dep" and c.pos_ == "VERB" and c.tag_ in ("VB", "VBP", "VBZ", "VBD") and c.i > tok.i \
                and c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].text in (",", ";"):
            # "We commit to X, share Y, and reiterate Z": the parser leaves "share" loose
            chain.extend(_conj_chain(c))
    return chain


def _shares_object_with_head(verb: Token, lex: TriggerLexicon) -> bool:
    """"adopt and implement X", "denounce and condemn X": a verb conjoined right after one that
    has no object of its own, saying the same kind of thing ("commends and commits to" does not)."""
    head = verb.head
    if verb.dep_ != "conj" or _subject(verb) is not None or verb.i <= head.i:
        return False
    between = verb.doc[head.i + 1 : verb.i]
    # only "and"/"or", adverbs, and a stranded preposition ("work with and fully support X")
    if not any(t.lower_ in ("and", "or") for t in between) or not all(
            t.lower_ in ("and", "or") or t.dep_ == "advmod" or (t.dep_ == "prep" and not list(t.children)) for t in between):
        return False
    mine, theirs = lex.verbs.get(lemma_of(verb, lex.verbs)), lex.verbs.get(lemma_of(head, lex.verbs))
    if mine is None:
        return True
    if mine.needs_action:
        return False  # "... and commit to X" names its own action
    # under "will" both verbs are undertakings; otherwise they must say the same kind of thing
    return _modal(head, lex)[0] in lex.firm_modals or theirs is None or theirs.kind == mine.kind


def _finite(verb: Token) -> bool:
    """A finite clause ("we look forward"), not an infinitive the parser gave a subject ("Japan to help")."""
    return verb.tag_ in ("VBP", "VBZ", "VBD") or any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def _run(doc: Doc, anchor: Token, allowed: set[int]) -> tuple[int, int]:
    """The contiguous token run around ``anchor`` inside ``allowed``, edges trimmed."""
    lo = hi = anchor.i
    while lo - 1 in allowed:
        lo -= 1
    while hi + 1 in allowed:
        hi += 1
    while lo < hi and (doc[lo].dep_ in ("cc", "punct") or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi].dep_ in _EDGE_TRIM or doc[hi].is_space):
        hi -= 1
    return lo, hi


def find_statements(doc: Doc, lex: TriggerLexicon) -> list[Finding]:
    findings: list[Finding] = []
    for sent in doc.sents:
        relatives, lets = _undertaking_relatives(sent, lex), _after_let_me(sent, lex)
        # clauses analysed on their own are cut out of the statements around them
        cuts = relatives + [let for let, _ in lets]
        found = _analyse_chain(doc, sent.root, lex, subject=None, reporter=None, cuts=cuts)
        if _fragment(sent.root):
            for f in found:
                if f.head_i == sent.root.i and f.subject is None:
                    f.actor_subject = False  # "To recommit to the UN…", "Willing to act": no one undertakes
        findings.extend(found)
        for clause in relatives:
            findings.extend(_analyse_chain(doc, clause, lex, subject=None, reporter=None, cuts=cuts))
        for let, clause in lets:
            for f in _analyse_chain(doc, clause, lex, subject=None, reporter=None, cuts=cuts):
                if f.start == clause.left_edge.idx:
                    f.start = let.idx  # "Let me reiterate ...", not "me reiterate ..."
                findings.append(f)
    return findings


def _undertaking_relatives(sent, lex: TriggerLexicon) -> list[Token]:
    """"the success of the Conference, where we will work together to reverse ...": a relative
    clause in which the speakers themselves undertake something is a statement of its own."""
    out = []
    for tok in sent:
        if tok.dep_ != "relcl" or tok.pos_ not in _VERBAL:
            continue
        subject = _subject(tok)
        if subject is not None and subject.lower_ in ("we", "i") and _modal(tok, lex)[0] in lex.firm_modals:
            out.append(tok)
    return out


def _after_let_me(sent, lex: TriggerLexicon) -> list[tuple[Token, Token]]:
    """"Let me also reiterate Pakistan's support for ...", "..., and let me thank ...": what the
    speaker goes on to say, as ("let", the clause). ("Let us ..." is addressed to all.)"""
    return [(let, c) for let in sent if let.lemma_.lower() in lex.hortative_verbs
            for c in let.children if c.dep_ == "ccomp" and c.pos_ in _VERBAL
            and (s := _subject(c)) is not None and s.lower_ == "me"]


def _fragment(root: Token) -> bool:
    """A verbless or subjectless fragment of a speech: an infinitive, a gerund or an adjective
    standing alone ("To recommit to the UN…", "being ready to change", "Willing to act")."""
    if _subject(root) is not None:
        return False
    return _is_infinitive(root) or root.tag_ == "VBG" or root.pos_ == "ADJ"


def _participles(head: Token, lex: TriggerLexicon) -> list[Token]:
    """Participial clauses hanging off a head ("..., recognizing X's role", "After acknowledging X, ...",
    "with India hosting ...")."""
    # (a participle glued to the noun before it is that noun's action: "the significance of
    # Ukraine itself continuing to implement reforms")
    found = [c for c in head.children if c.dep_ == "advcl" and c.tag_ == "VBG" and not _subject(c)
             and (c.i < head.i or c.left_edge.i == 0 or c.doc[c.left_edge.i - 1].text in (",", ";", "—", "–", "-")
                  or c.left_edge.lower_ in ("while", "after", "before", "when", "by", "through"))]
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("after", "while", "before", "besides", "in"):
            found += [g for g in prep.children if g.dep_ == "pcomp" and g.tag_ == "VBG" and not _subject(g)]
    for tok in head.subtree:
        if tok.tag_ != "VBG" or lemma_of(tok, lex.verbs) not in lex.verbs:
            continue
        parent = tok.head
        # absolute "with X doing Y"
        if (tok.dep_ == "pcomp" and parent.lower_ == "with") or (
                tok.dep_ == "acl" and parent.head.dep_ == "prep" and parent.head.lower_ == "with" and parent.dep_ == "pobj"):
            found.append(tok)
        # ", recognizing ..." that the parser hung on a nearby noun
        elif (tok.dep_ == "acl" and tok.i > 0 and tok.doc[tok.i - 1].text == ","
              and lex.verbs[lemma_of(tok, lex.verbs)].kind != "commitment"):
            found.append(tok)
    return found


def _stray_undertakings(root: Token, chain: list[Token], lex: TriggerLexicon) -> list[Token]:
    """"oppose activities that undermine the order and commit to maintaining ...": the parser
    hangs a second main verb on the nearest verb inside an embedded clause. An undertaking verb
    conjoined there, with no subject of its own and an action complement, is the subject's own
    undertaking: a sibling of the clause head."""
    in_chain = {t.i for t in chain}
    found = []
    for tok in root.subtree:
        if tok.dep_ != "conj" or tok.i in in_chain or tok.head.i in in_chain or tok.pos_ != "VERB":
            continue
        if _subject(tok) is not None or tok.tag_ not in ("VB", "VBP", "VBZ", "VBD"):
            continue
        trig = lex.verbs.get(lemma_of(tok, lex.verbs))
        if trig is None or trig.kind != "commitment" or not trig.needs_action or trig.aspectual:
            continue
        action = _action(tok, lex)
        if action is None or any(c.dep_ == "auxpass" for c in action.children) or _in_reported_clause(tok, in_chain):
            continue
        found.append(tok)
    return found


def joined_verb(verb: Token) -> Token | None:
    """The verb ``verb`` shares its subject with: the one it is coordinated with ("condemn ...
    and commit"), or the one a participle elaborates ("reiterated ..., noting"); None if none."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return verb.head
    if verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG" and verb.head.pos_ in ("VERB", "AUX"):
        return verb.head
    return None


# the links from a verb down to the action it names ("committed to strengthening", "will seek to build")
_COMPLEMENT_DEPS = frozenset(("xcomp", "prep", "pcomp", "pobj", "acomp"))


def governs(verb: Token, joined: Token | None) -> bool:
    """Whether ``joined`` is ``verb`` or the action ``verb`` introduces (same parse)."""
    if joined is None or joined.doc is not verb.doc:
        return False
    tok = joined
    while tok.i != verb.i:
        if tok.dep_ not in _COMPLEMENT_DEPS or tok.head is tok:
            return False
        tok = tok.head
    return True


def embedded_under(tok: Token, verb: Token) -> bool:
    """Is ``tok`` inside a relative or infinitive clause under ``verb`` ("amend its laws to ensure
    that workers' rights are protected")? A finite clause beside it ("...: we have pledged") is not."""
    if not verb.is_ancestor(tok):
        return False
    node = tok.head
    while node.i != verb.i:
        if node.dep_ in ("relcl", "acl") or any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            return True
        node = node.head
    return False


def _in_reported_clause(tok: Token, chain: set[int]) -> bool:
    """Inside "... that the Kyrgyz side does not claim X": a clause with its own subject."""
    node = tok.head
    while node.i not in chain and node.head.i != node.i:
        if node.dep_ in ("ccomp", "advcl") and _subject(node) is not None:
            return True
        node = node.head
    return False


def _analyse_chain(doc: Doc, root: Token, lex: TriggerLexicon, subject: Token | None, reporter: str | None,
                   cuts: Sequence[Token] = ()) -> list[Finding]:
    """The statements of the clause chain headed by ``root``; ``cuts``: clauses analysed on their
    own, kept out of these statements' spans."""
    chain = _conj_chain(root)
    chain += [t for stray in _stray_undertakings(root, chain, lex) for t in _conj_chain(stray)]
    results: list[tuple[Token, Finding]] = []
    # a series of actions under one "will" is cut by the surface (see _series_actions):
    series: dict[int, tuple[int, int]] = {}  # item verb -> its token run
    series_cut: dict[int, int] = {}  # the verb under "will" -> last token of its own item
    chain_modal: str | None = None
    pending = list(chain)
    seen: set[int] = set()
    while pending:
        head = pending.pop(0)
        if head.i in seen:
            continue
        seen.add(head.i)
        if _shares_object_with_head(head, lex):
            continue  # "will adopt and implement a prohibition": one action on one object
        own_subject = _subject(head)
        if own_subject is not None:
            subject = own_subject
            chain_modal = None
        own_modal, _ = _modal(head, lex)
        if own_modal is not None:
            chain_modal = own_modal
        subj_text = _phrase(subject) if subject is not None else None
        lemma = lemma_of(head, lex.verbs)
        # Reported speech: the statement is what the reporting verb introduces.
        ccomps = [c for c in head.children if c.dep_ == "ccomp" and c.pos_ in _VERBAL]
        if lemma in lex.reporting_verbs and ccomps:
            inner = _analyse_chain(doc, ccomps[0], lex, subject=None, reporter=subj_text)
            if inner:
                first = inner[0]
                first.reporter = subj_text
                results.append((head, first))
                results.extend((doc[f.head_i], f) for f in inner[1:])
                continue
            announced = _subject(ccomps[0])
            reporter_trig = lex.verbs.get(lemma)
            if reporter_trig is not None and reporter_trig.reports_own_undertaking \
                    and announced is not None and announced.lower_ in ("we", "i"):
                # "I can announce today that we are creating a new facility": the announcement is the undertaking
                results.append((head, Finding(0, 0, "commitment", "commitment", "firm", f"{lemma}_that",
                                              [head.text, ccomps[0].text], subj_text, reporter, False, head.i,
                                              actor_subject=_actor_like(subject, lex))))
                continue
        is_participle = head.dep_ in ("advcl", "pcomp", "acl")
        decision = _decide(head, lex, reported=reporter is not None, modal_hint=None if is_participle else chain_modal)
        # participial clauses are statements of their own when they carry a trigger
        pending[0:0] = [p for p in _participles(head, lex) if p.i not in seen]
        if decision is None:
            continue
        inherit = subject is not None and subject.lower_ in _PRONOUNS_INHERIT
        if decision.undertaker is not None:
            subj_text, inherit = _phrase(decision.undertaker), False
        elif decision.action is not None and decision.action.dep_ == "ccomp":
            # "committing that the United States and India will work ...": the clause names who undertakes
            inner_subject = _subject(decision.action)
            if inner_subject is not None and inner_subject.pos_ in ("PROPN", "NOUN") and _actor_like(inner_subject, lex):
                subj_text, inherit = _phrase(inner_subject), False
        finding = Finding(0, 0, decision.kind, decision.category, decision.strength, decision.rule,
                          decision.triggers, subj_text, reporter, inherit, head.i,
                          # reported: "declared that the pass will be open" binds the speaker; "underscoring
                          # that an armed attack would invoke ..." states a condition
                          actor_subject=_actor_like(subject, lex) or (reporter is not None and (
                              subject.lower_ in _PRONOUNS_INHERIT | {"they", "we"} or chain_modal in ("will", "shall"))),
                          aspectual=decision.aspectual)
        results.append((head, finding))

        def also(tok: Token, rule: str, triggers: list[str], **changes) -> None:
            """One more commitment derived from this clause's finding, headed by ``tok``."""
            results.append((tok, replace(finding, kind="commitment", category="commitment", rule=rule,
                                         triggers=triggers, head_i=tok.i, **changes)))

        if decision.kind == "appreciation":
            for noun, owner, action in _welcomed_undertakings(head, lex):
                also(noun, f"{decision.rule}_{noun.lemma_.lower()}_of_party", decision.triggers[:1] + [noun.text, action.text],
                     strength="firm", subject=_phrase(owner), inherit_actors=False, actor_subject=True)
        if decision.kind == "commitment" and decision.trigger is not None:
            # "their shared commitment to X and their intent to address Y": one per undertaking noun
            # (the parser may hang the second noun on the first one's object)
            for noun in decision.trigger.subtree:
                trig = lex.nouns.get(noun.lemma_.lower())
                if noun.dep_ == "conj" and noun.i > decision.trigger.i and trig is not None and trig.kind == "commitment" and _action(noun, lex):
                    also(noun, f"{trig.lemma}_action+coordinated", decision.triggers[:1] + [noun.text], strength=trig.strength)
        if decision.kind == "commitment" and decision.action is not None:
            for extra in _parallel_actions(decision.action):
                also(extra, decision.rule + "+coordinated_action", decision.triggers + [extra.text])
        infinitive = _infinitive(decision.action) if decision.kind == "commitment" and decision.action is not None else None
        items = []
        if decision.kind == "commitment" and (own_modal or chain_modal) in lex.firm_modals and decision.action is None:
            items = _series_actions(head, {t.i for t in chain} | {h.i for h, _ in results} | set(series))
        elif infinitive is not None:
            # "support for Iraq's efforts to modernize X, reduce Y, and provide Z": the parser may hang the
            # later verbs on the main verb, but their form says they carry on the infinitive
            pool = doc[infinitive.right_edge.i + 1 : head.right_edge.i + 1]
            items = _series_actions(infinitive, {h.i for h, _ in results} | set(series), pool)
        if items:
            for j, (extra, first) in enumerate(items):
                if j == 0:
                    series_cut[head.i] = _trim_back(doc, first - 1, head.i)
                # up to the next item, the next verb of the chain ("..., and take steps"), or the clause's end
                ends = [items[j + 1][1] - 1] if j + 1 < len(items) else [head.right_edge.i]
                ends += [t.left_edge.i - 1 for t in chain if t.i > extra.i]
                # or a verb the tagger took for a noun after ", and" ("..., and more reliably supply water")
                ends += [k - 1 for k in _item_starts(doc, extra.i + 1, min(ends))]
                last = min(ends)
                series[extra.i] = (first, _trim_back(doc, last, first))
                also(extra, decision.rule + "+series_action", decision.triggers + [extra.text], series_item=True)
        # "agreed to accelerate A and begin B": one commitment per coordinated action
        # (not for a bare modal, whose "action" is only a purpose clause: "will take steps to deter and disrupt")
        if decision.kind == "commitment" and decision.action is not None and decision.action.dep_ in ("xcomp", "pcomp", "ccomp"):
            previous = decision.action
            for prep, extra in _conjoined_preposition_actions(decision.action):
                also(prep, decision.rule + "+coordinated_action", decision.triggers + [extra.text])
            for extra in _conj_chain(decision.action)[1:] + _verb_like_conjuncts(decision.action, lex):
                if extra.pos_ not in _VERBAL and extra.tag_ != "NN":
                    continue
                if decision.action.tag_ == "VB" and extra.tag_ == "VBG" and _ends_noun_list(previous, extra):
                    continue  # "expand coordination on A, B and promoting C": a gerund in the noun list
                shares_object = not any(c.dep_ in _OBJECTS for c in previous.children)
                previous = extra
                if shares_object:
                    continue  # "adopt and maintain high levels of ...": one action on one object
                if extra.tag_ in ("VBP", "VBZ", "VBD") and extra.tag_ != decision.action.tag_:
                    # "We commit to strengthening X, share Y, and reiterate Z": new clauses, same subject
                    pending.insert(0, extra)
                    continue
                also(extra, decision.rule + "+coordinated_action", decision.triggers + [extra.text])
    # Spans: each head's subtree minus the subtrees of the other findings' heads, and of the
    # chain's other clauses with a subject of their own ("... and we look forward to ...").
    heads = [h for h, _ in results] + [t for t in chain if t.i != root.i and _subject(t) is not None and _finite(t)] \
        + list(cuts)
    out: list[Finding] = []
    for head, finding in results:
        if head.i not in series and finding.series_item and finding.end > finding.start:
            out.append(finding)  # already cut, inside the reported clause it came from
            continue
        if head.i in series:  # an item of a series: exactly its stretch of the surface
            first, last = series[head.i]
            allowed, anchor = set(range(first, last + 1)), doc[first]
        else:
            allowed, anchor = {t.i for t in head.subtree}, head
        if finding.reporter is not None and head.dep_ == "ccomp":
            # extend over the reporting clause ("China stated that ...")
            allowed |= {t.i for t in head.head.subtree}
        for other in heads:
            if other.i == head.i or other.is_ancestor(head):
                continue
            if other.i in series:
                allowed -= set(range(series[other.i][0], series[other.i][1] + 1))
            elif other.i in allowed:
                allowed -= {t.i for t in other.subtree}
        lo, hi = _run(doc, anchor, allowed)
        if head.i in series and hi <= head.i:
            continue  # the item lost its object to another clause: the parse is too confused to cut
        if head.i in series_cut:
            hi = min(hi, series_cut[head.i])
        finding.start = doc[lo].idx
        finding.end = doc[hi].idx + len(doc[hi])
        out.append(finding)
    return out
