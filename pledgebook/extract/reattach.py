"""Main clauses the parser hung on an embedded clause, put back beside the sentence's main verb.

In a long sentence of a communiqué the parser often attaches a second main verb to the nearest
verb inside the first clause's object ("We reaffirm that X is a common goal, and we continue to
make every effort ..."; "We commit to strengthening X to promote Y and reaffirm a shared
commitment to Z"; "We acknowledge the importance of ... a secure Internet and reiterate our
commitment to ..."). Read where the parser put it, the second clause becomes part of the first
one's object or purpose, and the two statements come out as one span. This module re-heads such a
verb on the sentence's main verb (a ``conj`` of it), before the clauses are read, so every rule
downstream sees two coordinated clauses.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from pledgebook.codebook.triggers import TriggerLexicon
from pledgebook.extract.coordination import has_own_object, voices_stance
from pledgebook.extract.grammar import (VERBAL, ScannedSentence, conj_chain, has_to, holds, is_infinitive, lemma_of, modal_of,
                                        subject_of)
from pledgebook.extract.nlp import lemma_index

_FINITE_TAGS = ("VBP", "VBZ", "VBD")


def reattach_main_clauses(doc: Doc, lex: TriggerLexicon) -> None:
    """Re-head, in place, each stray main clause of each sentence of ``doc`` on its root."""
    after_comma = _after_comma(doc)  # (a listed verb follows ", " or ", and")
    for sent in doc.sents:
        root = sent.root
        if root.pos_ not in VERBAL:
            continue
        in_chain = {t.i for t in conj_chain(root)}
        scanned = ScannedSentence(sent)  # (tokens read live; its kept labels serve with_dep, read before any label changes)
        for tok in scanned.with_dep("conj"):  # (each test below reads a conjunct only)
            if (tok.i not in in_chain and (_own_subject_clause(tok, root) or _mistagged_stance(tok, root, lex)
                                           or _finite_after_infinitive(tok, root) or _past_after_present_report(tok, root))) \
                    or _after_relative_clause(tok, root, lex):
                # (a verb after a relative clause is in the root's chain through the relative's verb)
                tok.head = root
                in_chain.add(tok.i)
            elif (verb := _verb_carried_on(tok, root)) is not None or (verb := _verb_after_complement(tok)) is not None:
                tok.head = verb
        for tok in scanned.with_dep("advcl"):
            if (verb := _infinitive_series_head(tok)) is not None:
                tok.head = verb
        for tok in scanned if after_comma else ():
            if tok.i in after_comma and tok.i not in in_chain and _listed_verb(tok, root, lex):
                _make_verb(tok, root.tag_ if root.tag_ != "VB" else "VB")
                tok.head, tok.dep_ = root, "conj"
                in_chain.add(tok.i)
        for tok in scanned:
            if _stance_rider(tok, root, lex):
                _rider_out_of_list(tok, root)
        for clause in [c for c in root.children if _spliced_clause(c, root, lex)]:
            clause.dep_ = "parataxis"  # a main clause of its own (misparsed.stranded_main_clauses reads it)


def _after_comma(doc: Doc) -> set[int]:
    """The indices of the words right after ", " or ", and" (``_listed_verb``'s first test), read from
    the doc's arrays: no Token made a word."""
    if not holds(doc, "ORTH", ","):
        return set()
    strings = doc.vocab.strings
    orth, lower = doc.to_array("ORTH").tolist(), doc.to_array("LOWER").tolist()
    comma, and_ = strings[","], strings["and"]
    return {i for i in range(1, len(orth))
            if orth[i - 1] == comma or (i >= 2 and lower[i - 1] == and_ and orth[i - 2] == comma)}


def _verb_carried_on(tok: Token, root: Token) -> Token | None:
    """The verb a bare verb phrase carries on when the parser hung it where it cannot belong (one
    more undertaking of the same "will" or "to": annotation guide §3, parallel verb phrases):
    - on a finite verb of another form inside a clause of its own ("will continue to support X for
      as long as it takes and hold Y": a base form cannot be joined to "takes"): the nearest verb
      above it that is a base form under a modal or "to";
    - after ", and" on the purpose of a verb with an object of its own ("will share information to
      develop X, and take further actions"): that verb (without the comma, "adopt rules to deter X
      and protect Y", the purposes stay one, annotation guide batch 5).
    None when neither holds. ``tok`` must be a base-form verb with an object of its own, no subject
    and no "to" or auxiliary of its own, after "and"."""
    if tok.dep_ != "conj" or tok.pos_ != "VERB" or tok.tag_ != "VB" or tok.i < root.i or not _and_before(tok):
        return None
    if subject_of(tok) is not None or any(c.dep_ in ("aux", "auxpass") for c in tok.children) or not _acts_on(tok):
        return None
    head = tok.head
    if head.tag_ in ("VBZ", "VBD") and subject_of(head) is not None:
        return next((v for v in _verb_ancestors(head, root) + [root] if v.tag_ == "VB" and v.i < head.i
                     and _under_modal_or_to(v)), None) or _infinitive_of_adjective(head, tok)
    doc = tok.doc
    if head.tag_ == "VB" and head.dep_ == "advcl" and has_to(head) and doc[tok.i - 2].text == "," \
            and doc[tok.i - 1].lower_ == "and":
        verb = head.head
        # (what it acts on stands between it and its purpose, however the parser hung it)
        if verb.tag_ == "VB" and verb.i < head.i and _under_modal_or_to(verb) \
                and any(t.pos_ in ("NOUN", "PROPN") for t in doc[verb.i + 1 : head.i]):
            return verb
    return None


def _infinitive_of_adjective(head: Token, tok: Token) -> Token | None:
    """"Vietnam and Cambodia were determined to double X and encourage Y": a base form hung on a
    copula carries on the nearest "to" infinitive under the copula's adjective before it
    ("determined to", "ready to", "committed to"), not the copula."""
    if head.lemma_.lower() not in ("be", "remain", "stand"):
        return None
    adjective = next((a for a in head.children if a.dep_ == "acomp" and a.pos_ == "ADJ" and a.i < tok.i
                      and any(x.dep_ == "xcomp" and x.tag_ == "VB" and has_to(x) for x in a.children)), None)
    if adjective is None:
        return None
    # the nearest "to" before it: "determined to deploy X to expand A, boost B and create C" carries
    # on the purpose ("expand"), which stays inside the one undertaking
    return max((x for x in adjective.subtree if x.tag_ == "VB" and has_to(x) and x.i < tok.i), key=lambda x: x.i, default=None)


def _verb_after_complement(tok: Token) -> Token | None:
    """"keep markets open and address supply chain disruptions", "keeping lines open and ensuring X":
    a verb of the same form as the verb before it, hung by the parser on that verb's predicative
    adjective (an adjective cannot carry a verb on), is that verb's second verb phrase (annotation
    guide §3, parallel verb phrases): the verb before it. None when the verb has a subject, an
    auxiliary or "to" of its own ("more affordable and positioned to combat X"), or nothing it acts on."""
    head = tok.head
    if tok.dep_ != "conj" or tok.pos_ != "VERB" or tok.tag_ not in ("VB", "VBG") or head.pos_ != "ADJ" \
            or head.dep_ not in ("oprd", "acomp", "ccomp", "xcomp") or not _and_before(tok):
        return None
    verb = head.head
    if verb.tag_ != tok.tag_ or not verb.i < head.i < tok.i or subject_of(tok) is not None:
        return None
    if any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in tok.children) or not _acts_on(tok):
        return None
    return verb


def _infinitive_series_head(tok: Token) -> Token | None:
    """"resolve to ensure that democracy delivers for X, to uphold Y, and to counter Z": a ", to V" the
    parser hung on the finite verb of a that-clause (which has a subject of its own) is the next item
    of the infinitives the that-clause belongs to: the infinitive whose clause it is."""
    if not is_infinitive(tok) or tok.i < 2 or tok.doc[tok.i - 2].text != ",":
        return None
    finite = tok.head
    if finite.tag_ not in _FINITE_TAGS or subject_of(finite) is None or finite.dep_ != "ccomp":
        return None
    verb = finite.head
    return verb if is_infinitive(verb) and verb.i < finite.i else None


def _acts_on(verb: Token) -> bool:
    """The verb names what it acts on: an object, or a complement ("hold Russia accountable")."""
    return has_own_object(verb) or any(c.dep_ in ("ccomp", "xcomp", "acomp") and c.i > verb.i for c in verb.children)


def _under_modal_or_to(verb: Token) -> bool:
    """A base form that undertakes: under a modal or "to", itself or through the verb it carries on."""
    node = verb
    while True:
        if any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to") for c in node.children):
            return True
        if node.dep_ not in ("conj", "xcomp") or node.head.i == node.i:
            return False
        node = node.head


def _and_before(tok: Token) -> bool:
    """"..., and we continue", "... and reaffirm": an "and" between the two verbs, hung on either."""
    doc = tok.doc
    return any(t.lower_ == "and" and t.dep_ == "cc" for t in doc[tok.head.i + 1 : tok.i])


def _own_subject_clause(tok: Token, root: Token) -> bool:
    """"We reaffirm that X is a goal, and we continue to ...": a finite clause whose subject is the
    main clause's own subject word for word is the speakers' second clause, not part of the first."""
    if tok.dep_ != "conj" or tok.pos_ != "VERB" or tok.head.i == root.i or tok.i < root.i or not _and_before(tok):
        return False
    subject, main_subject = subject_of(tok), subject_of(root)
    if subject is None or main_subject is None or subject.lower_ != main_subject.lower_:
        return False
    # (a subject word alone: "we", "they", "Japan"; not a noun phrase that could differ in its modifiers)
    if any(True for _ in subject.children) or any(True for _ in main_subject.children):
        return False
    return tok.tag_ in _FINITE_TAGS or any(c.dep_ == "aux" and c.tag_ in (*_FINITE_TAGS, "MD") for c in tok.children)


def _finite_after_infinitive(tok: Token, root: Token) -> bool:
    """"President X reaffirmed his intent to host the summit and relayed the importance of Y": a
    verb in the main verb's own tense, with no subject, hung on an infinitive or a gerund, cannot
    carry that infinitive on: it is the main verb's second verb (not inside a clause with a subject
    of its own, which may be reported: "agreed that Kenya would build X and hosted Y")."""
    if tok.dep_ != "conj" or tok.pos_ != "VERB" or tok.tag_ not in ("VBD", "VBZ") or tok.tag_ != root.tag_:
        return False
    if tok.lower_ == tok.lemma_.lower():
        return False  # "to achieve X and put an end to Y": a past tense that looks like the base form may be one
    if tok.head.i == root.i or tok.i < root.i or tok.head.tag_ not in ("VB", "VBG") or subject_of(tok) is not None:
        return False
    if not _and_before(tok) or any(c.dep_ == "aux" for c in tok.children):
        return False
    return not any(subject_of(t) is not None for t in _verb_ancestors(tok, root))


def _past_after_present_report(tok: Token, root: Token) -> bool:
    """"The two presidents agreed that trade is the key to growth and urged their business sectors
    to X": a past verb in the main verb's tense, after "and", with no subject or auxiliary of its
    own, hung on the present-tense verb of the clause the main verb reports, cannot share that
    clause's subject and tense: it is the main verb's second verb (not "agreed that Kenya would build
    X and hosted Y", whose reported verb is no present tense, nor "said that the plant is ready and
    is safe")."""
    if tok.dep_ != "conj" or tok.pos_ != "VERB" or tok.tag_ != "VBD" or root.tag_ != "VBD" or tok.i < root.i:
        return False
    head = tok.head
    if head.dep_ != "ccomp" or head.head.i != root.i or head.tag_ not in ("VBZ", "VBP") or subject_of(head) is None:
        return False
    return subject_of(tok) is None and _and_before(tok) and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)


def _after_relative_clause(tok: Token, root: Token, lex: TriggerLexicon) -> bool:
    """"Welcomed the completion of the Plan, the implementation of which led to X, and reiterated
    their commitments to avoid Y": a trigger verb in the main verb's own tense, with no subject,
    after ", and", hung on the verb of a relative clause ("which", "who" in its subject) is the main
    verb's second verb: a relative clause's thing does not reiterate or agree (a verb that is no
    trigger, "which created jobs and reduced costs", stays in the relative clause)."""
    if tok.dep_ != "conj" or tok.pos_ != "VERB" or tok.tag_ not in _FINITE_TAGS or tok.tag_ != root.tag_:
        return False
    if tok.head.i == root.i or tok.i < root.i or lemma_of(tok, lex.verbs) not in lex.verbs \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return False
    doc = tok.doc
    if not (doc[tok.i - 1].lower_ == "and" and doc[tok.i - 2].text == ","):
        return False
    relative = tok.head
    subject = subject_of(relative)
    return relative.pos_ in VERBAL and (relative.dep_ == "relcl" or (subject is not None and any(
        t.tag_ in ("WDT", "WP", "WP$") for t in subject.subtree)))


def _mistagged_stance(tok: Token, root: Token, lex: TriggerLexicon) -> bool:
    """"We commit to strengthening X to promote Y and reaffirm our commitment to Z": a verb of
    stance in the base form, with no subject, no "to" and no modal of its own, after a main verb in
    the present tense with no modal: the speakers' second verb (the parser read it as one more
    infinitive or adjective of the first clause's object)."""
    if tok.dep_ != "conj" or tok.pos_ != "VERB" or tok.tag_ != "VB" or tok.head.i == root.i or tok.i < root.i:
        return False
    if root.tag_ != "VBP" or modal_of(root, lex)[0] is not None or not _and_before(tok):
        return False
    if subject_of(tok) is not None or any(c.dep_ == "aux" for c in tok.children) or not _says(tok, lex):
        return False
    # the verb it was hung on must not itself be governed by a modal ("we can build X and reaffirm Y")
    return all(modal_of(t, lex)[0] is None for t in _verb_ancestors(tok, root))


def _says(tok: Token, lex: TriggerLexicon) -> bool:
    """A verb of stance that only says ("reaffirm", "reiterate", "underscore"): never one more
    purpose of an action, as a verb that also acts may be ("to create and share resources")."""
    return voices_stance(tok, lex) and tok.lemma_.lower() in lex.reporting_verbs


def _verb_ancestors(tok: Token, root: Token) -> list[Token]:
    out, node = [], tok.head
    while node.i != root.i and node.head.i != node.i:
        if node.pos_ in VERBAL:
            out.append(node)
        node = node.head
    return out


# -- a name's acronym in parentheses ----------------------------------------------------------
_POSSESSIVE = ("'s", "’s", "'")
_NOUN_PHRASE_INNER = ("amod", "compound", "nmod", "nummod", "advmod", "det", "punct")


def reattach_acronyms(doc: Doc) -> None:
    """"support the International Atomic Energy Agency's (IAEA) continued presence": the parser
    makes the acronym in parentheses the head of the phrase (the object of "support", the name its
    possessor) and leaves the owned noun hanging as a second object. Re-head, in place, the acronym
    on the name (an apposition), the name on the owned noun (its possessor) and the owned noun where
    the acronym was, so every rule reads the phrase as it reads it without the parentheses."""
    if not (holds(doc, "ORTH", "(") and holds(doc, "ORTH", ")")):
        return  # (most sentences have no parenthesis)
    for open_i in range(2, len(doc) - 3):
        found = _possessed_after_acronym(doc, open_i)
        if found is None:
            continue
        name, acronym, owned = found
        if acronym.head.i not in _subtree_ids(owned):
            owned.head, owned.dep_ = acronym.head, acronym.dep_  # the owned noun takes the acronym's place
        for tok in (doc[open_i], doc[open_i + 2]):
            tok.head = acronym
            tok.dep_ = "punct"
        acronym.head, acronym.dep_ = name, "appos"
        name.head, name.dep_ = owned, "poss"


def _possessed_after_acronym(doc: Doc, open_i: int) -> tuple[Token, Token, Token] | None:
    """(name, acronym, owned noun) when ``doc[open_i]`` opens "Name's (ACRONYM) [modifiers] noun",
    with the owned noun not yet the name's (a parse already right is left alone)."""
    if doc[open_i].text != "(" or doc[open_i + 2].text != ")" or doc[open_i - 1].lower_ not in _POSSESSIVE:
        return None
    acronym, name = doc[open_i + 1], doc[open_i - 2]
    if not (acronym.is_upper and acronym.is_alpha and len(acronym) > 1) or name.pos_ != "PROPN":
        return None
    owned = doc[open_i + 3]
    while owned.dep_ in _NOUN_PHRASE_INNER and owned.head.i > owned.i and owned.head.i < len(doc):
        owned = owned.head
    if owned.pos_ != "NOUN" or owned.i <= open_i + 2 or (name.head.i == owned.i and acronym.head.i == name.i):
        return None
    # (the phrase must be one noun phrase: nothing of a clause between the parenthesis and the noun)
    if any(t.pos_ in VERBAL and t.dep_ not in ("amod", "compound") for t in doc[open_i + 3 : owned.i]):
        return None
    return name, acronym, owned


def _subtree_ids(tok: Token) -> set[int]:
    return {t.i for t in tok.subtree}


# -- a gerund read as an adjective after the "to" of an undertaking ---------------------------
def reattach_gerunds(doc: Doc, lex: TriggerLexicon) -> None:
    """"reaffirmed their commitment to continuing people-to-people ties", "committed to
    reestablishing dialogue": the parser may read the -ing word right after the "to" of an
    undertaking (a commitment noun, adjective or verb) as an adjective of the noun after it.
    Re-head, in place, the -ing word as the gerund after "to" and the noun as its object, as the
    parser reads "commitment to deepening cooperation". Not when the noun is a party ("commitment
    to developing countries") or a name, nor for -ing words English uses as adjectives there
    (codebook participle_adjectives: "commitment to lasting peace"), nor for a stative verb
    ("committed to remaining strong advocates of peace")."""
    if not (holds(doc, "LOWER", "to") and holds(doc, "TAG", "VBG")):
        return  # (a "to" and an -ing word after it)
    for prep in doc:
        if prep.lower_ != "to" or prep.dep_ != "prep" or prep.i + 1 >= len(doc) or not _undertakes(prep.head, lex):
            continue
        gerund, noun = doc[prep.i + 1], None
        if gerund.tag_ == "VBG" and gerund.dep_ == "amod" and gerund.head.dep_ == "pobj" and gerund.head.head.i == prep.i:
            noun = gerund.head
        if noun is None or noun.pos_ != "NOUN" or gerund.lower_ in lex.participle_adjectives:
            continue
        if gerund.lemma_.lower() in lex.stative_verbs:
            continue  # "committed to remaining strong advocates of peace": a state kept, not an act (left as read)
        if noun.lemma_.lower() in lex.actor_nouns or noun.lower_ in lex.actor_nouns:
            continue
        gerund.head, gerund.dep_ = prep, "pcomp"
        noun.head, noun.dep_ = gerund, "dobj"


def _undertakes(head: Token, lex: TriggerLexicon) -> bool:
    """A word of undertaking that takes "to" + an action: "commitment", "committed", "commit"."""
    low, lemma = head.lower_, head.lemma_.lower()
    if head.pos_ == "NOUN":
        trig = lex.nouns.get(lemma)
    elif head.pos_ in ("ADJ",) or head.tag_ == "VBN" and low in lex.adjectives:
        trig = lex.adjectives.get(low)
    else:
        trig = lex.verbs.get(lemma) if head.pos_ == "VERB" else None
    return trig is not None and trig.kind == "commitment" and trig.needs_action


def _listed_verb(tok: Token, root: Token, lex: TriggerLexicon) -> bool:
    """"They support X, concur on the need to Y, underscore Z, and support W": one subject, a list
    of verb phrases, each its own statement (annotation guide §3, parallel verb phrases). The parser
    may misread a list verb: "concur" tagged a noun, "underscore" conjoined to a verb inside the
    need-clause before it. A word after ", " or ", and" that is a codebook trigger verb in the main
    verb's own form (so it agrees with the main subject: "support" ... "concur"; "supports" ...
    "underscores"), with no subject of its own and words after it, is one more verb of the main
    clause when the parse cannot be right: tagged a noun though English uses it only as a verb, or a
    base form hung on a verb of another form or with a subject of its own."""
    doc = tok.doc
    if tok.i <= root.i + 1 or tok.i + 1 >= len(doc):
        return False
    # (the word before first: most words follow no comma)
    if not (doc[tok.i - 1].text == "," or (doc[tok.i - 1].lower_ == "and" and doc[tok.i - 2].text == ",")):
        return False
    if doc[tok.i + 1].is_punct or not doc[tok.i + 1].is_alpha:
        return False
    lemma = _lemma_in_form(tok.lower_, root, lex)
    if lemma is None or subject_of(root) is None or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return False
    if tok.pos_ not in VERBAL:
        # a noun or adjective reading: only for a word English never uses as either ("concur")
        index = lemma_index()
        return tok.lower_ == lemma and lemma in index.get("verb", ()) \
            and lemma not in index.get("noun", ()) and lemma not in index.get("adj", ())
    if tok.head.i == root.i or tok.dep_ != "conj" or tok.tag_ not in ("VB", "VBP", "VBZ", "VBD"):
        return False
    head, main_subject = tok.head, subject_of(root)
    # hung on a finite verb of another form, or one with a subject of its own ("... to ensure Iran
    # never develops or acquires X, underscore Y"); a verb of the same form with no subject is a
    # list the parser read right ("support efforts to ensure X, promote Y, and strengthen Z")
    own = _subject_through_conj(head)
    if head.pos_ not in VERBAL or head.tag_ not in (*_FINITE_TAGS, "VBN", "VBG") or (own is not None and own.i == main_subject.i):
        return False
    if _same_form(head, tok) and own is None:
        return False
    # an infinitive between them could carry it on ("support efforts to ensure that X stops Y, promote
    # Z"): only a verb of stance, which carries on no infinitive, is then the main clause's
    between = [v for v in _verb_ancestors(tok, root) if is_infinitive(v)]
    return not between or voices_stance(tok, lex)


def _same_form(a: Token, b: Token) -> bool:
    base = ("VB", "VBP")
    return a.tag_ == b.tag_ or (a.tag_ in base and b.tag_ in base)


def _lemma_in_form(word: str, root: Token, lex: TriggerLexicon) -> str | None:
    """The codebook trigger verb ``word`` is, in the form of ``root``: the base form after a
    present-plural or modal main verb, "-s" after a third-person one, "-ed" after a past one."""
    if root.tag_ == "VBP" or (root.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "MD" for c in root.children)):
        return word if word in lex.verbs else None
    if root.tag_ == "VBZ":
        forms = {word[:-1], word[:-2]} | ({word[:-3] + "y"} if word.endswith("ies") else set())
        return next((f for f in forms if word.endswith("s") and f in lex.verbs), None)
    if root.tag_ == "VBD" and word.endswith("ed"):
        forms = {word[:-1], word[:-2], word[:-3]} | ({word[:-3] + "y"} if word.endswith("ied") else set())
        return next((f for f in forms if f in lex.verbs), None)
    return None


def _subject_through_conj(verb: Token) -> Token | None:
    """A verb's subject, or that of the verb it is conjoined to ("Iran develops or acquires")."""
    node = verb
    while True:
        if (subject := subject_of(node)) is not None:
            return subject
        if node.dep_ != "conj" or node.head.i == node.i:
            return None
        node = node.head


def _make_verb(tok: Token, tag: str) -> None:
    if tok.pos_ not in VERBAL:
        tok.pos_, tok.tag_, tok.lemma_ = "VERB", tag, tok.lower_


def _stance_rider(tok: Token, root: Token, lex: TriggerLexicon) -> bool:
    """", underscoring X", ", stressing Y", ", noting Z" after an undertaking: a participle of
    stance (a codebook verb that voices a stance and names no action; not a verb that also passes
    things on, "sharing"), after a comma, with no subject: a position of its own (annotation guide
    batch 6, stance riders), whatever list item the parser hung it on."""
    doc = tok.doc
    if tok.tag_ != "VBG" or tok.i <= root.i + 1 or doc[tok.i - 1].text != "," or subject_of(tok) is not None:
        return False
    lemma = tok.lemma_.lower()
    trigger = lex.verbs.get(lemma)
    if lemma in lex.passing_verbs or not voices_stance(tok, lex) \
            or (trigger.category != "position.stress" and lemma not in lex.reporting_verbs):
        return False  # ("..., respecting international law", "a welcoming climate": acts and qualities)
    if tok.dep_ not in ("advcl", "conj") or tok.head.i == root.i \
            or not (has_own_object(tok) or any(c.dep_ == "ccomp" for c in tok.children)):
        return False
    return _speakers_subject(subject_of(root), lex)  # ("This Framework will help X as Y grows, underscoring W")


def _rider_out_of_place(rider: Token, root: Token) -> bool:
    """The parser hung the stance rider where it cannot ride: as one more gerund of a list after a
    preposition ("support for expanding X, underscoring Y"), or inside a clause with a subject of its
    own that is not what a reporting main verb reports ("we note that G7 countries have made X,
    recognizing Y": the report's own rider, read with the report)."""
    if rider.dep_ == "conj":
        return _in_prepositional_list(rider.head)
    own = _subject_through_conj(rider.head)
    return own is not None and own.i != subject_of(root).i and not _reported_by_root(rider.head, root)


def _speakers_subject(subject: Token | None, lex: TriggerLexicon) -> bool:
    """The main clause's subject can hold a stance: a pronoun, a party, not a thing ("This Framework")."""
    if subject is None or subject.lemma_.lower() in lex.non_actor_heads:
        return False
    return subject.pos_ in ("PRON", "PROPN") or subject.lemma_.lower() in lex.actor_nouns


def _in_prepositional_list(gerund: Token) -> bool:
    node = gerund
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node.tag_ == "VBG" and node.dep_ == "pcomp"


def _reported_by_root(clause: Token, root: Token) -> bool:
    node = clause
    while node.head.i != root.i and node.head.i != node.i:
        node = node.head
    return node.dep_ == "ccomp"


def _rider_out_of_list(rider: Token, root: Token) -> None:
    """Put the stance rider beside the list it interrupts: a rider the parser hung where it cannot
    ride (``_rider_out_of_place``) rides on the main verb; the
    list items after it ("..., and for confronting W", "..., and to train V"), which the parser
    conjoined to the rider, go back to the list: a repeated preposition to the first one's head,
    an infinitive to the infinitive the rider rides on."""
    old_head = rider.head
    # (or to the clause it was hung on: "that X is free of Y, underscoring Z, and for confronting W")
    followers = [c for c in rider.children if c.dep_ == "conj" and c.i > rider.i] \
        + [c for c in old_head.children if c.dep_ == "conj" and c.i > rider.i and c.pos_ == "ADP"]
    if _rider_out_of_place(rider, root):
        rider.head, rider.dep_ = root, "advcl"
    for item in followers:
        if item.pos_ == "ADP":
            first = next((p for p in reversed(item.doc[root.i + 1 : rider.i]) if p.lower_ == item.lower_
                          and p.dep_ == "prep" and any(g.dep_ in ("pcomp", "pobj") for g in p.children)), None)
            if first is not None:
                item.head = first.head
        elif is_infinitive(item):
            verb = next((v for v in [old_head, *old_head.ancestors] if is_infinitive(v) and v.i < rider.i), None)
            if verb is not None:
                item.head = verb


def _spliced_clause(clause: Token, root: Token, lex: TriggerLexicon) -> bool:
    """"Singapore will continue to support X, we will share Y": two main clauses joined by a comma
    alone. The parser roots the sentence at the second and makes the first its complement, as if the
    second verb reported it ("X will happen, we said"); but a verb under a modal of its own does not
    report a clause before it. A complement that opens the sentence, with a subject and a modal of
    its own, before a comma and a root with a subject and a modal of its own, is a clause of its own."""
    doc = clause.doc
    if clause.dep_ != "ccomp" or clause.i > root.i or clause.left_edge.i != root.sent.start:
        return False
    subject = subject_of(root)
    if subject is None or subject_of(clause) is None or subject.i < clause.right_edge.i:
        return False
    if modal_of(root, lex)[0] in (None, "would") or modal_of(clause, lex)[0] in (None, "would"):
        return False  # ("If I were them, I would have released X, I would like to ...": a counterfactual)
    if any(t.dep_ == "mark" and t.lower_ in ("if", "unless") for t in clause.subtree) \
            or any(t.is_quote for t in clause.subtree):
        return False  # a condition or a quotation is no undertaking of its own
    return doc[clause.right_edge.i + 1].text == "," and subject.left_edge.i == clause.right_edge.i + 2
