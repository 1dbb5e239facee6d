"""Reading one parsed sentence: subjects, modals, the action a trigger governs, coordinated verbs.

Shared by the decision on one clause head (decisions.py) and the analysis of a clause chain
(clauses.py). Works on spaCy tokens; the words that matter come from the trigger lexicon.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy
from spacy.tokens import Doc, Token

from pledgebook.codebook.triggers import TriggerLexicon

VERBAL = {"VERB", "AUX"}
_SUBJ = {"nsubj", "nsubjpass", "csubj", "expl"}


class ScannedSentence:
    """A parsed sentence (a spaCy ``Span``) whose tokens are made once. spaCy makes a new Token
    object at every step of iterating or indexing a Span; the clause finders scan each sentence
    some twenty times (find_statements). Iterating, ``len`` and an integer index read the kept
    tokens; anything else (``root``, ``start``, slices) is the Span's."""

    __slots__ = ("span", "tokens", "deps", "_by_dep")

    def __init__(self, span) -> None:
        self.span = span
        self.tokens = list(span)
        self.deps = [t.dep_ for t in self.tokens]
        self._by_dep: dict[str, list[Token]] = {}
        for tok, dep in zip(self.tokens, self.deps):
            self._by_dep.setdefault(dep, []).append(tok)

    def with_dep(self, *labels: str) -> Sequence[Token]:
        """The tokens whose dependency label is one of ``labels``, in order (most finders look
        for one kind of clause: reading the label of every token once serves them all)."""
        if len(labels) == 1:
            return self._by_dep.get(labels[0], ())
        return [t for t, dep in zip(self.tokens, self.deps) if dep in labels]

    def __iter__(self):
        return iter(self.tokens)

    def __len__(self) -> int:
        return len(self.tokens)

    def __getitem__(self, index):
        return self.tokens[index] if isinstance(index, int) else self.span[index]

    def __getattr__(self, name: str):
        return getattr(self.span, name)


def holds(doc: Doc, attr: str, *values: str) -> bool:
    """Whether a token of ``doc`` has one of ``values`` for ``attr`` ("ORTH", "LOWER", "TAG", "DEP"),
    read from the doc's array as it stands (labels changed in place included), without making a
    Token a word: a finder that needs such a word somewhere skips a sentence that has none."""
    if not len(doc):
        return False
    strings = doc.vocab.strings
    wanted = numpy.array([strings[v] for v in values], dtype=numpy.uint64)
    return bool(numpy.isin(doc.to_array(attr), wanted).any())


def subject_of(tok: Token) -> Token | None:
    return next((c for c in tok.children if c.dep_ in _SUBJ), None)


def modal_of(tok: Token, lex: TriggerLexicon) -> tuple[str | None, bool]:
    """(modal word, negated) among a verb's auxiliaries."""
    modal = None
    neg = False
    for c in tok.children:
        if c.dep_ in ("aux", "auxpass") and c.lower_ in lex.modals:
            modal = c.lower_
        if c.dep_ == "neg":
            neg = True
    return modal, neg


def denied(head: Token, lex: TriggerLexicon) -> bool:
    """A verb (or predicate) under a negation: its own "not" (any word the parser makes one,
    "won’t"), "never", "no longer", "not at all" (codebook ``denial_words``), but not a hedge ("no
    doubt", ``hedge_words``); or the "do not" of the verb it is joined to."""
    return any(t.dep_ == "neg" or t.lower_ in lex.denial_words for c in head.children
               if c.dep_ in ("neg", "advmod") and c.lower_ not in lex.hedge_words
               for t in c.subtree) or _shares_denial(head)


def _shares_denial(head: Token) -> bool:
    """"I do not refer to X and seek to Y": a bare verb joined by "and" or "or" to a verb under "do
    not", with no subject or auxiliary of its own, is under the same "not" ("but seek" is not)."""
    verb = head.head
    if head.dep_ != "conj" or head.tag_ not in ("VB", "VBP") or subject_of(head) is not None:
        return False
    if any(c.dep_ in ("aux", "auxpass", "neg") for c in head.children):
        return False
    joiner = next((c for c in verb.children if c.dep_ == "cc" and verb.i < c.i < head.i), None)
    return joiner is not None and joiner.lower_ in ("and", "or") \
        and any(c.dep_ == "neg" for c in verb.children) and any(c.dep_ == "aux" and c.lemma_ == "do" for c in verb.children)


def is_action_noun(tok: Token, lex: TriggerLexicon) -> bool:
    low = tok.lower_
    if low in lex.state_nouns or tok.lemma_.lower() in lex.state_nouns:
        return False
    if low in lex.actor_nouns or tok.lemma_.lower() in lex.actor_nouns:
        return False  # "the incumbent government", "the department": a party, whatever its suffix
    if keeps_a_principle(tok, lex):
        return False  # "adherence to the rule of law": a principle kept (guide §2, keeping versus changing)
    if tok.pos_ == "PROPN":  # "the U.S.-Egypt Strategic Dialogue": a named dialogue (codebook named_action_nouns)
        return low in lex.named_action_nouns
    return tok.pos_ == "NOUN" and (low.endswith(lex.action_suffixes) or low in lex.action_nouns)


def is_principle_noun(tok: Token, lex: TriggerLexicon) -> bool:
    """A principle, a law or a state of affairs (codebook state_nouns), also as the head of an
    "of" phrase that names one ("the rule of law", "the principles of the Charter")."""
    if tok.lower_ in lex.state_nouns or tok.lemma_.lower() in lex.state_nouns:
        return True
    return any(g.dep_ == "pobj" and (g.lower_ in lex.state_nouns or g.lemma_.lower() in lex.state_nouns)
               for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children)


def keeps_a_principle(tok: Token, lex: TriggerLexicon) -> bool:
    """"adherence to the rule of law", "respect for sovereignty", "compliance with the Charter": a
    noun of keeping (codebook keeping_nouns) whose object is a principle or a state of affairs."""
    if tok.lower_ not in lex.keeping_nouns and tok.lemma_.lower() not in lex.keeping_nouns:
        return False
    return any(g.dep_ == "pobj" and is_principle_noun(g, lex)
               for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "for", "with", "of")
               for g in c.children)


def _progress_in(tok: Token, lex: TriggerLexicon) -> Token | None:
    """"progress in the negotiations of the treaty", "advances towards a settlement": what a noun
    of progress (codebook supported_progress_nouns) is made in, when that names an undertaking."""
    if tok.lemma_.lower() not in lex.supported_progress_nouns and tok.lower_ not in lex.supported_progress_nouns:
        return None
    return next((g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "on", "towards", "toward", "of")
                 for g in c.children if g.dep_ == "pobj" and (names_plan(g, lex) or is_action_noun(g, lex))), None)


def names_plan(tok: Token, lex: TriggerLexicon) -> bool:
    """A plan, programme, process or an institution's work ("the action plan", "apprenticeship
    schemes", "the 2030 Agenda"), not the plan of a principle ("the agenda of the Charter")."""
    planned = tok.lower_ in lex.plan_nouns or tok.lemma_.lower() in lex.plan_nouns
    if not planned and tok.lemma_.lower() in lex.proposed_action_nouns:  # "the Kremlin's idea of creating a gas hub": the action proposed
        return any(g.dep_ == "pcomp" and g.tag_ == "VBG" for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                   for g in c.children)
    if not planned:
        return False
    of_objects = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return not any(g.lower_ in lex.state_nouns for g in of_objects)


def names_undertaking(tok: Token, lex: TriggerLexicon) -> bool:
    """An action (a gerund or an action noun) or a plan named as an object, also as what progress
    is made in ("support progress in the negotiations")."""
    return tok.tag_ == "VBG" or is_action_noun(tok, lex) or names_plan(tok, lex) or _progress_in(tok, lex) is not None


def action_of(tok: Token, lex: TriggerLexicon, for_action: bool = False, modal: str | None = None) -> Token | None:
    """The action a trigger governs: a verb complement, 'to' + gerund/action noun, or a modal clause.
    ``modal``: the modal the trigger is under, when it shares one with the verb before it."""
    found = _complement_action(tok, lex)
    if found is None:
        found = _prepositional_action(tok, lex, for_action)
    return found if found is not None else _object_action(tok, lex, modal, for_action)


def keeps_contact(verb: Token, lex: TriggerLexicon) -> bool:
    """"remain in close contact", "remain in touch with X": a stative verb whose "in" names a contact
    (codebook kept_contact_nouns) is contact kept up, an act to come, not a state."""
    return verb.lemma_.lower() in lex.stative_verbs and any(
        p.dep_ == "prep" and p.lower_ == "in" and any(o.dep_ == "pobj" and o.lemma_.lower() in lex.kept_contact_nouns
                                                      for o in p.children)
        for p in verb.children)


def _complement_action(tok: Token, lex: TriggerLexicon) -> Token | None:
    for c in tok.children:
        if c.dep_ in ("xcomp",) and c.pos_ in VERBAL | {"ADJ"} and (c.lemma_ not in lex.stative_verbs
                                                                    or keeps_contact(c, lex)):
            return c
        if c.dep_ == "acl" and c.pos_ in VERBAL and any(a.lower_ == "to" for a in c.children) \
                and not _after_thing_it_is_to(tok, c, lex):
            return c
        # "commit to strengthen their cooperation": read as a purpose clause, but "to" follows the verb
        if c.dep_ == "advcl" and c.pos_ == "VERB" and c.left_edge.i == tok.i + 1 and c.left_edge.lower_ == "to":
            return c
        if c.dep_ == "ccomp" and c.pos_ in VERBAL:
            modal, _ = modal_of(c, lex)
            if modal in lex.firm_modals or any(a.lower_ == "to" for a in c.children if a.dep_ == "aux"):
                return c
    return None


def _after_thing_it_is_to(noun: Token, infinitive: Token, lex: TriggerLexicon) -> bool:
    """"our commitment to an open digital future to advance our prosperity": the noun's "to" already
    names what it is to (a thing, not a party), so the infinitive after it is that thing's purpose,
    not the noun's action."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "towards", "toward") and noun.i < prep.i < infinitive.i:
            objects = [g for g in prep.children if g.dep_ == "pobj"]
            if objects and not any(g.pos_ == "PROPN" or g.lower_ in lex.actor_nouns for g in objects):
                return True
    return False


def _purpose_after_object(prep: Token, verb: Token) -> bool:
    """"commitment to an open future to advance X" parsed with "advance" under the first "to": an
    infinitive with a "to" of its own after words of a noun phrase is that phrase's purpose."""
    return any(a.dep_ == "aux" and a.lower_ == "to" and a.i > prep.i + 1 for a in verb.children)


def _verb_read_as_noun(pobj: Token) -> bool:
    """"commitment to partner in advancing X": a bare word that English uses as a verb, right after
    "to" and followed by a preposition, with nothing of a noun phrase (no article, no modifier)."""
    from pledgebook.extract.nlp import verb_lemmas

    following = pobj.doc[pobj.i + 1] if pobj.i + 1 < len(pobj.doc) else None
    return pobj.tag_ == "NN" and pobj.doc[pobj.i - 1].lower_ == "to" and not any(True for _ in pobj.lefts) \
        and following is not None and following.lower_ in ("in", "with", "on") and pobj.lower_ in verb_lemmas()


def _prepositional_action(tok: Token, lex: TriggerLexicon, for_action: bool) -> Token | None:
    # "support the right of peoples to self-determination": a "to" after a principle is the principle's
    principles = [c.i for c in tok.children if c.dep_ == "dobj" and (c.lower_ in lex.state_nouns or c.lemma_ in lex.state_nouns)]
    for c in tok.children:
        if (principles and c.i > min(principles)) or c.i < tok.i:
            continue  # (a phrase before the verb sets the scene: "On this occasion we recommit to ...")
        if c.dep_ == "prep" and c.lower_ in ("to", "towards", "toward", "on") + (("for",) if for_action else ()) \
                + (("with",) if _assigns_task(tok, lex) else ()):
            for g in c.children:
                if g.dep_ == "pcomp" and g.pos_ in VERBAL and not _purpose_after_object(c, g) \
                        and (subject_of(g) is None or _named_body_at_work(c, g, for_action)):
                    return g
                if g.dep_ == "pobj" and (names_undertaking(g, lex) or _verb_read_as_noun(g)):
                    return g
                if g.dep_ == "pobj" and for_action and (plan := _coordinated_plan(g, lex)) is not None:
                    return plan  # "support for the UN women and peace and security agenda"
                aim = _aim_action(g, lex, for_action) if g.dep_ == "pobj" else None
                if aim is not None:
                    return aim
                purpose = _method_purpose(tok, g, lex) if g.dep_ == "pobj" else None
                if purpose is not None:
                    return purpose
                at_work = _work_of_named_body(c, g, for_action)
                if at_work is not None:
                    return at_work
            if not list(c.children):
                shared = _shared_object(tok, c, lex)
                if shared is not None:
                    return shared
    return None


def _method_purpose(tok: Token, noun: Token, lex: TriggerLexicon) -> Token | None:
    """"committed to a holistic approach to address the harms of X", "commitment to a joint approach
    to tackling Y": a way of acting (codebook method_nouns) is a plan when the purpose it serves is
    named after it, an infinitive (the noun's own, or hung on the trigger right after the noun's
    phrase) or "to" + a gerund; that purpose is the action. With none ("committed to a multilateral
    approach") it is a principle and names no action."""
    if noun.lower_ not in lex.method_nouns and noun.lemma_.lower() not in lex.method_nouns:
        return None
    for c in noun.children:
        if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and has_to(c):
            return c
        if c.dep_ == "prep" and c.lower_ == "to":
            gerund = next((g for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
            if gerund is not None:
                return gerund
            # "a risk-based approach to AI to advance trustworthy AI": the field's purpose
            field = next((g for g in c.children if g.dep_ == "pobj"), None)
            if field is not None:
                noun = field
    return next((c for c in tok.children if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB" and has_to(c)
                 and c.left_edge.i == noun.right_edge.i + 1), None)


def _coordinated_plan(noun: Token, lex: TriggerLexicon) -> Token | None:
    """"support for the United Nations women and peace and security agenda", "support for the Fund
    and its replenishment": a plan among the objects coordinated with the first (guide §2: support
    for a plan is a soft commitment; coordinated objects stay one statement, §10)."""
    return next((c for c in noun.conjuncts if c.i > noun.i and names_plan(c, lex)), None)


def _assigns_task(tok: Token, lex: TriggerLexicon) -> bool:
    """"tasked their ministers with preparing X": a verb that gives its object a task (codebook
    ``assigns``), in the active voice with the one tasked as object ("was charged with smuggling"
    has none)."""
    trig = lex.verbs.get(tok.lemma_.lower())
    return trig is not None and trig.assigns and any(c.dep_ == "dobj" for c in tok.children)


def _aim_action(noun: Token, lex: TriggerLexicon, for_action: bool = False) -> Token | None:
    """"committed to the goal of mobilising $100 billion", "recommit to our pledge to phase out
    subsidies": an undertaking noun (goal, pledge, target) after the trigger names its action in
    a gerund after "of" or an infinitive; the goal itself is no principle then."""
    trig = lex.nouns.get(noun.lemma_.lower())
    if trig is None or trig.kind != "commitment":
        return None
    found = governed_action(noun)
    if found is None and for_action:
        # "support for the goal of the Blue Corridor Initiative": a goal it does not state is the
        # plan's; support for a plan (annotation guide §10 session 12, "Support for an initiative's goal")
        found = next((g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                      for g in p.children if g.dep_ == "pobj" and names_plan(g, lex)), None)
    return found


def phrase_text(tok: Token) -> str:
    """The words of ``tok``'s subtree: "the Government of Japan". A subtree that the parse breaks
    with words of its head ("They committed to working with each other, the United Nations ...",
    the bodies hung on "They" as an apposition) gives its unbroken run around ``tok`` ("They")."""
    start, end = tok.left_edge.i, tok.right_edge.i
    if end - start + 1 > 1 and tok.head is not tok and start < tok.head.i < end:
        inside = {t.i for t in tok.subtree}
        start = tok.i
        while start - 1 in inside:
            start -= 1
        end = tok.i
        while end + 1 in inside:
            end += 1
    return tok.doc[start : end + 1].text


def char_end_before(doc: Doc, start_i: int, joiners: tuple[str, ...] = (), floor_char: int = -1) -> int:
    """The character end of the words before token ``start_i``, less the punctuation and
    ``joiners`` ("and", "or") that end them, never past a token at or before ``floor_char``: where a
    statement cut before ``start_i`` ends."""
    i = start_i - 1
    while i > 0 and (doc[i].is_punct or doc[i].lower_ in joiners) and doc[i].idx > floor_char:
        i -= 1
    return doc[i].idx + len(doc[i])


def for_subject_action(verb: Token) -> tuple[Token, Token] | None:
    """(X, V) of "intend for X to V": the infinitive with "for" and its own subject, parsed either
    as a clause marked by "for" (X its subject, or the object of the mark) or as "for X" on the
    verb followed by the infinitive; None when the verb has no such complement."""
    for c in verb.children:
        mark = next((m for m in c.children if m.dep_ == "mark" and m.lower_ == "for"), None) \
            if c.i > verb.i and c.dep_ in ("advcl", "ccomp", "xcomp") and c.pos_ in VERBAL and has_to(c) else None
        # (X the clause's subject, or the object the parser hangs on "for")
        subject = subject_of(c) or next((g for g in mark.children if g.dep_ == "pobj"), None) if mark is not None else None
        if subject is not None:
            return subject, c
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" and c.i > verb.i), None)
    agent = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
    if agent is None:
        return None
    act = next((c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.pos_ in VERBAL and c.i > agent.i
                and has_to(c)), None)
    return (agent, act) if act is not None else None


def own_agents(noun: Token, lex: TriggerLexicon) -> bool:
    """"our private sectors", "their export-credit agencies", "its companies": the parties' own
    agents (codebook own_agent_nouns, official_bodies, corporate_nouns with "our", "their", "its")."""
    words = lex.own_agent_nouns | lex.official_bodies | lex.corporate_nouns
    if noun.lower_ not in words and noun.lemma_.lower() not in words:
        return False
    return any(c.dep_ == "poss" and c.lower_ in ("our", "their", "its") for c in noun.children)


def has_to(verb: Token) -> bool:
    """The verb has "to" for its auxiliary: "to build"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def is_infinitive(tok: Token) -> bool:
    """A base-form verb with "to": "to build"."""
    return tok.tag_ == "VB" and has_to(tok)


def governed_action(noun: Token) -> Token | None:
    """The action a noun names after it: "intention of ratifying it" (of + gerund), "intent to
    pursue X" (to + verb)."""
    for c in noun.children:
        if c.dep_ == "acl" and c.pos_ == "VERB" and has_to(c):
            return c
        if c.dep_ == "prep" and c.lower_ == "of":
            gerund = next((g for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
            # ("a target of doubling trade": the parser may read the gerund as the object's adjective)
            gerund = gerund or next((m for g in c.children if g.dep_ == "pobj" for m in g.children
                                     if m.dep_ == "amod" and m.tag_ == "VBG" and m.i == c.i + 1), None)
            if gerund is not None:
                return gerund
    return None


def _named_body_at_work(prep: Token, gerund: Token, for_action: bool) -> bool:
    """"support for the UN Observer Force monitoring the Heights": support for a named body's
    work, a gerund with a proper name for subject after "for"."""
    subject = subject_of(gerund)
    return for_action and prep.lower_ == "for" and gerund.tag_ == "VBG" and subject is not None and subject.pos_ == "PROPN"


def _work_of_named_body(prep: Token, obj: Token, for_action: bool) -> Token | None:
    """The same read as a participle on the name ("the UN Observer Mission monitoring the line")."""
    if not for_action or prep.lower_ != "for" or obj.dep_ != "pobj" or obj.pos_ != "PROPN":
        return None
    return next((c for c in obj.children if c.dep_ == "acl" and c.tag_ == "VBG"), None)


def _shared_object(tok: Token, prep: Token, lex: TriggerLexicon) -> Token | None:
    """"We commit to, and prioritise, the implementation of X": a stranded "to" shares the object
    of the verb coordinated after it, when that object names an action or a plan."""
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in VERBAL and c.i > prep.i and subject_of(c) is None:
            obj = next((g for g in c.children if g.dep_ == "dobj"), None)
            if obj is not None and names_undertaking(obj, lex):
                return obj
    return None


def _object_action(tok: Token, lex: TriggerLexicon, modal: str | None, for_action: bool = False) -> Token | None:
    """What the trigger's object is to do."""
    # "encouraged Chinese enterprises to join", "urged all parties to ..."
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    objects += [g for c in objects for g in c.children if g.dep_ == "conj"]  # "our Ministers and officials to ..."
    for c in objects:
        for g in c.children:
            # (an infinitive's "to", not a preposition: "offer solutions that contribute to X")
            if g.dep_ in ("acl", "relcl") and g.pos_ == "VERB" and any(a.lower_ == "to" and a.dep_ == "aux" for a in g.children) \
                    and not _after_thing_it_is_to(c, g, lex):
                return g
    # "will support other developing countries in developing green energy", "supports the UN in
    # serving as ...": what the object is to be helped to do, an institution's work, for a verb of
    # support or under "will" ("must support X in doing Y" is a call, "may" binds no one; "wish
    # him success in assuming the task" names no action)
    modal = modal or modal_of(tok, lex)[0]
    helps = bool(objects) and (modal in lex.binding_modals or (
        for_action and modal not in lex.exhorting_modals and modal not in lex.weak_modals))
    for c in [*tok.children, *(g for o in objects for g in o.children)] if helps else ():
        if c.dep_ == "prep" and c.lower_ == "in":
            for g in c.children:
                if g.dep_ == "pcomp" and g.tag_ == "VBG" and subject_of(g) is None:
                    return g
                if g.dep_ == "pobj" and effort_of_one_helped(g, lex):
                    return g  # "support Ghana in its fight against malaria": the effort named by a noun
    # "we task our Ministers to operationalize ...": the parser hangs the infinitive on the verb
    if any(c.lemma_.lower() in lex.actor_nouns for c in objects):
        for c in tok.children:
            if c.dep_ == "advcl" and c.pos_ == "VERB" and c.i > objects[0].i and any(a.lower_ == "to" for a in c.children):
                return c
    return None


def effort_of_one_helped(noun: Token, lex: TriggerLexicon) -> bool:
    """"(support Ghana) in its fight against malaria", "in their efforts to expand the grid", "in
    infrastructure development": an action noun owned ("its", "their", "X's") or of a field (a noun
    compound) is the process the one supported carries out (annotation guide §2, session 12: a
    soft commitment). Not a role, a place or a candidacy (no action noun: "in its role as chair"),
    nor an effort for a principle or a state of affairs ("in their struggle to defend their
    sovereignty", "in its fight for democracy": a position)."""
    if not is_action_noun(noun, lex) or not any(c.dep_ in ("poss", "compound") for c in noun.children):
        return False
    return not any(t.lemma_.lower() in lex.state_nouns or t.lower_ in lex.state_nouns
                   or t.lemma_.lower() in lex.preserving_verbs | lex.principle_verbs for t in noun.subtree if t.i != noun.i)


def owner_of(noun: Token, lex: TriggerLexicon) -> Token | None:
    """Whose plan or commitment: "Japan’s commitment", "U.S. plans", "their countries’ plans"."""
    return next((c for c in noun.children if c.dep_ in ("poss", "compound") and c.pos_ == "PROPN"
                 or c.dep_ == "poss" and c.lemma_.lower() in lex.actor_nouns), None)


def conj_chain(tok: Token) -> list[Token]:
    """``tok`` and the verbs coordinated with it, in the parser's order."""
    chain = [tok]
    for c in tok.children:
        if _reduced_relative(tok, c):
            continue
        if c.dep_ == "conj" and (c.pos_ in VERBAL or c.tag_ in ("VBN", "JJ")):
            chain.extend(conj_chain(c))
        elif c.dep_ == "dep" and c.pos_ == "VERB" and c.tag_ in ("VB", "VBP", "VBZ", "VBD") and c.i > tok.i \
                and c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].text in (",", ";"):
            # "We commit to X, share Y, and reiterate Z": the parser leaves "share" loose
            chain.extend(conj_chain(c))
    return chain


def _reduced_relative(verb: Token, conj: Token) -> bool:
    """"will introduce restrictions on diamonds, mined, processed, or produced in Russia": a past
    participle with no auxiliary of its own cannot continue a base-form verb phrase ("will X and
    Y-ed" is not English); it modifies the noun before it, however the parser hung it. Only
    participles whose form differs from the base ("mined", not "cut" or "set"), because the
    tagger reads a base form like "cut" as a participle. A verb with an object of its own is a
    clause's past tense ("will take action against X, condemned terrorism, and called for Y")."""
    # (the tagger may call the participle a past tense or an adjective: "timber, logged, sawn")
    participle = (conj.tag_ in ("VBN", "VBD") and conj.lower_ != conj.lemma_.lower()) \
        or (conj.tag_ == "JJ" and conj.lower_.endswith("ed"))
    return conj.dep_ == "conj" and participle and verb.tag_ == "VB" \
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "dobj") for c in conj.children) \
        and conj.i > 0 and conj.doc[conj.i - 1].text == ","


def conjoined_preposition_actions(action: Token) -> list[tuple[Token, Token]]:
    """"committed to reducing X by 2030, and then to achieving Y by 2050": the actions after a
    repeated preposition conjoined to the first one's, as (preposition, action)."""
    if action.dep_ != "pcomp":
        return []
    prep = action.head  # the parser conjoins the second "to" to the first or to the verb before it,
    # or hangs it on the trigger as a sibling after "and" ("commit to reducing X and to doubling Y"),
    # or on the first action or a preposition of it ("commit to strengthening X in a cooperative
    # manner and to employing Y")
    doc = action.doc
    own = [*action.children, *(g for p in action.children if p.dep_ == "prep" for g in p.children)]
    return [(c, g) for c in [*prep.children, *prep.head.children, *own]
            if c.lower_ == prep.lower_ and (c.dep_ == "conj" or (
                c.dep_ == "prep" and c.i > action.i and doc[c.i - 1].lower_ in ("and", "or", ",")))
            and not (c in own and c.dep_ != "conj")
            for g in c.children if g.dep_ == "pcomp" and g.pos_ in VERBAL]


def gerund_lemmas(tok: Token) -> tuple[str, ...]:
    """The lemmas an -ing word may have: the tagger's, and the stem with or without "e" or a doubled
    consonant ("waging" -> wage, "running" -> run): the small model errs on some ("waging" -> "wag")."""
    stem = tok.lower_[:-3]
    doubled = (stem[:-1],) if len(stem) > 2 and stem[-1] == stem[-2] else ()
    return (tok.lemma_.lower(), stem, stem + "e", *doubled)


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
