"""How a speaker frames what it states: the frame says nothing itself, the clause it frames does.

- A reason frame: "That is why we are committed to the Goals", "This is how we will repel ...".
  The parser makes the clause a complement of the copula "is", whose subject is a demonstrative;
  nothing then reads the clause. It is analysed on its own (``reason_clauses``).
- A frame of feeling or politeness around a reporting verb: "I am pleased to report that Fiji will
  ratify X", "I would like to inform this Assembly that Tanzania will host X". The frame is neither
  thanks nor a discussion; what the reporting verb introduces is the statement
  (``framed_report``), read as reported speech by the speaker.

The words are codebook data (triggers.yaml, ``speech``).
"""

from __future__ import annotations

from spacy.tokens import Token

from pledgebook.codebook.triggers import TriggerLexicon
from pledgebook.extract.grammar import (
    VERBAL,
    ScannedSentence,
    gerund_lemmas,
    has_to,
    is_action_noun,
    modal_of,
    subject_of,
)


def reason_clauses(sent: ScannedSentence, lex: TriggerLexicon) -> list[Token]:
    """The clauses a reason frame introduces ("That is why [we will host the summit]"; the parser
    hangs the clause on the copula as a complement or, "why" read as its adverb, an adverbial clause)."""
    frames = lex.speech
    out = []
    for tok in sent.with_dep("ccomp", "advcl"):
        if tok.pos_ not in VERBAL or subject_of(tok) is None:
            continue
        copula, subject = tok.head, subject_of(tok.head)
        if copula.lemma_.lower() != "be" or subject is None or subject.lower_ not in frames.reason_subjects:
            continue
        if any(c.lower_ in frames.reason_adverbs and c.i == tok.left_edge.i for c in tok.children):
            out.append(tok)
    return out


def framed_report(head: Token, lex: TriggerLexicon) -> tuple[Token, list[Token]] | None:
    """The reporting verb a frame of feeling or politeness holds, with the clauses it reports:
    "I am pleased [to report] that ...", "I would like [to inform] the Assembly that ...", "I wish
    [to assure] you that ..."; None when ``head`` is no such frame."""
    for verb in _framed_verbs(head, lex):
        reported = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in VERBAL]
        lemma = verb.lemma_.lower()
        if reported and (lemma in lex.reporting_verbs or lemma in lex.speech.framed_reporting_verbs):
            return verb, reported
    return _felt_report(head, lex)


def _felt_report(head: Token, lex: TriggerLexicon) -> tuple[Token, list[Token]] | None:
    """"We are proud that our capital will host the next summit": a feeling about what is still to
    come frames a report of it (guide, "a frame of feeling around a report": the report is the
    statement). Only a that-clause under a future modal ("will", "shall") whose subject is the
    speaker's own side ("we", "our capital", "my Government"): "pleased that the talks were held"
    stays the feeling about a thing done, "glad that the economy will grow" a feeling about what no
    party undertakes, "proud that Somalia will take up its seat" praise of another."""
    if head.lemma_.lower() == "be":
        holders = [c for c in head.children if c.dep_ == "acomp" and c.lower_ in lex.speech.frame_adjectives]
    else:
        holders = [head] if head.lower_ in lex.speech.frame_adjectives else []
    for holder in holders:
        reported = [c for c in holder.children if c.dep_ == "ccomp" and c.pos_ in VERBAL
                    and modal_of(c, lex)[0] in lex.speech.felt_future_modals and not modal_of(c, lex)[1]
                    and _own_side(subject_of(c), lex)]
        if reported:
            return holder, reported
    return None


def _framed_verbs(head: Token, lex: TriggerLexicon) -> list[Token]:
    """The infinitives a frame governs: of a polite verb ("would like to", "wish to") or of a
    predicate adjective of feeling ("am pleased to", "are proud to")."""
    lemma = head.lemma_.lower()
    if lemma in lex.polite_verbs and (lemma != "like" or modal_of(head, lex)[0] == "would"):
        holders = [head]
    elif lemma == "be":
        holders = [c for c in head.children if c.dep_ == "acomp" and c.lower_ in lex.speech.frame_adjectives]
    else:
        holders = [head] if head.lower_ in lex.speech.frame_adjectives else []
    return [c for h in holders for c in h.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]


def _own_side(subject: Token | None, lex: TriggerLexicon) -> bool:
    """"we", "our capital", "my Government": who a felt report may name as acting."""
    if subject is None:
        return False
    words = lex.speech.felt_own_side
    return subject.lower_ in words or any(c.dep_ == "poss" and c.lower_ in words for c in subject.children)


def speaks_only(head: Token, complement: Token | None, lex: TriggerLexicon, framed: bool = False) -> bool:
    """"I wish to convey warm greetings", "we wish to state ...": a polite verb (or, ``framed``, any
    frame) whose infinitive is the speaker's own act of speaking is a manner of speaking, no hope
    (what that act states, such as thanks or support, is read before this)."""
    if complement is None or not (framed or head.lemma_.lower() in lex.polite_verbs):
        return False
    spoken = complement.lemma_.lower()
    return spoken in lex.reporting_verbs or spoken in lex.stance_light_verbs or spoken in lex.speech.framed_reporting_verbs \
        or spoken in lex.speech.speaking_verbs


def moves_the_speech(verb: Token, lex: TriggerLexicon) -> bool:
    """"conclude by thanking X", "pay tribute to Y", "draw attention to Z", "take this opportunity
    to ...": a move of the speech itself (speech.discourse_verbs; or a verb whose object, or the
    object of its preposition, is one of speech.discourse_objects or, after a verb of taking the
    occasion, one of speech.occasion_objects), which no one undertakes."""
    speech = lex.speech
    lemma = verb.lemma_.lower()
    if lemma in speech.discourse_verbs:
        return True
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    objects += [g for p in verb.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
    words = {*speech.discourse_objects, *(speech.occasion_objects if lemma in speech.occasion_verbs else ())}
    if any(o.lower_ in words or o.lemma_.lower() in words for o in objects):
        return True
    # "provide the Assembly with the lists", "take everyone back to 1992": an act on the audience
    if any(o.lower_ in speech.audience_words or o.lemma_.lower() in speech.audience_words
           for o in verb.children if o.dep_ in ("dobj", "dative")):
        return True
    # "join previous speakers in commending X", "fulfil the duty of conveying greetings": the act
    # joined or carried out is a stance or a move of the speech (the tagger may make the gerund a noun)
    joined = [g for h in (verb, *objects) for p in h.children if p.dep_ == "prep" and p.lower_ in ("in", "of")
              for g in p.children if g.dep_ in ("pcomp", "pobj") and g.lower_.endswith("ing")]
    return any(_spoken_or_stance(g, lex) for g in joined)


def _spoken_or_stance(verb: Token, lex: TriggerLexicon) -> bool:
    """A verb that only speaks (speaking, reporting, stance-voicing verbs), voices a stance or
    thanks (a trigger of those kinds), or moves the speech ("conveying" read as a noun too)."""
    for lemma in gerund_lemmas(verb):
        trig = lex.verbs.get(lemma)
        if lemma in lex.speech.speaking_verbs or lemma in lex.reporting_verbs or lemma in lex.stance_light_verbs \
                or (trig is not None and trig.kind in ("position", "appreciation")):
            return True
    return verb.pos_ in VERBAL and moves_the_speech(verb, lex)


def volitional_it(subject: Token | None, head: Token, lex: TriggerLexicon) -> bool:
    """"Kazakhstan will supply grain. It also intends to grow its cooperation with X": a thing does
    not intend or pledge, so "it" as the subject of a verb of will refers back to a party. "It was
    agreed to build X": the "it" of a passive verb of undertaking with its infinitive stands for
    no one; those who met agreed."""
    if subject is None or subject.lower_ != "it":
        return False
    if head.lemma_.lower() in lex.speech.volitional_verbs:
        return True
    trig = lex.verbs.get(head.lemma_.lower())
    return subject.dep_ == "nsubjpass" and trig is not None and trig.kind == "commitment" and trig.needs_action \
        and any(c.dep_ == "xcomp" and c.pos_ in VERBAL and has_to(c) for c in head.children)


def counted_population(subject: Token | None, lex: TriggerLexicon) -> bool:
    """"600 million people", "millions of children", "a third of households": a population counted,
    no party; what it will do is a forecast ("... will continue to live in extreme poverty")."""
    if subject is None:
        return False
    nouns = lex.speech.population_nouns
    if subject.lemma_.lower() in nouns:
        return any(c.dep_ == "nummod" or (c.dep_ in ("amod", "quantmod") and c.like_num) for c in subject.children)
    # "millions of children": the count heads the phrase, the population is its object
    counted = subject.like_num or subject.lemma_.lower() in lex.speech.count_words
    return counted and any(p.lower_ == "of" and any(o.lemma_.lower() in nouns or _states_at_large(o, lex) for o in p.children)
                           for p in subject.children)


def _states_at_large(noun: Token, lex: TriggerLexicon) -> bool:
    """"(a third of) countries", "(half of) all nations": states at large, not "(two of) our
    countries" or "(one of) the member States", which are the parties."""
    return noun.lemma_.lower() in lex.speech.counted_state_nouns and all(
        c.lower_ == "all" for c in noun.children if c.dep_ in ("det", "poss", "predet"))


def leading_concessives(sent: ScannedSentence, lex: TriggerLexicon) -> list[Token]:
    """"While Tanzania looks forward to commemorating the day, we call on the Assembly to ...": a
    clause opened by a concessive conjunction (triggers.yaml statement_clause_marks), with its own
    subject, before the clause it hangs on, states something of its own (after it, clauses.py's
    marked clauses read it)."""
    return [tok for tok in sent.with_dep("advcl") if tok.pos_ in VERBAL and tok.i < tok.head.i
            and subject_of(tok) is not None and tok.head.pos_ in VERBAL
            and any(c.dep_ == "mark" and c.lower_ in lex.statement_clause_marks and c.i == tok.left_edge.i
                    for c in tok.children)]


def undertakings_at_meetings(sent: ScannedSentence, lex: TriggerLexicon) -> list[Token]:
    """"We held a summit, at which we agreed to double our trade", "We met in Lima, where we
    committed to X": a relative clause on an event (or one the parser hangs on the verb with "where")
    in which the speakers undertake something with a verb of undertaking is a statement of its own,
    not part of the meeting it follows."""
    out = []
    for tok in sent.with_dep("relcl", "advcl"):
        at_event = tok.dep_ == "relcl" and (tok.head.lower_ in lex.events or tok.head.lemma_.lower() in lex.events)
        if tok.pos_ not in VERBAL or not (at_event or (tok.dep_ == "advcl" and _opens_with_wh(tok))):
            continue  # (not "the urgent action we all agreed to take": an undertaking named as background)
        subject, trig = subject_of(tok), lex.verbs.get(tok.lemma_.lower())
        if subject is not None and subject.lower_ in ("we", "i") and trig is not None and trig.kind == "commitment":
            out.append(tok)
    return out


def _opens_with_wh(clause: Token) -> bool:
    return clause.left_edge.lower_ == "where"  # (not "when": "democracy thrives when we commit to ...", a condition)


def done_before(verb: Token) -> bool:
    """The simple past or the present perfect ("undertook", "has undertaken"), not a participle
    of a passive or of a list ("reforms undertaken by the Government")."""
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(a.dep_ == "aux" and a.lemma_ == "have" for a in verb.children)


def own_proposal(verb: Token, lex: TriggerLexicon) -> Token | None:
    """What the speaker proposes now, its soft undertaking to pursue it: "I propose a pact on
    El Nino" (a verb of proposing in the present, with a thing for object), "I reiterate my
    proposal to establish an agency" (its own proposal of an action, renewed). None for a proposal
    made in the past ("proposed 30 years ago the idea": background) or someone else's."""
    frames = lex.speech
    subject = _speaker_of(verb)
    if subject is None or subject.lower_ not in ("i", "we") or done_before(verb):
        return None
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if lemma in frames.proposing_verbs:
        return next((o for o in objects if o.pos_ == "NOUN"), None)
    if lemma in frames.renewing_verbs:
        for noun in objects:
            owned = any(c.dep_ == "poss" and c.lower_ in ("my", "our") for c in noun.children)
            acts = any(c.dep_ == "acl" and c.pos_ == "VERB" for c in noun.children)
            if noun.lower_ in frames.proposal_nouns and owned and acts:
                return noun
    return None


def occasion_infinitives(sent: ScannedSentence, lex: TriggerLexicon) -> list[Token]:
    """"I take this opportunity to propose a pact", "I allow myself today to reaffirm ...": the
    infinitive of purpose of a speaker's verb of taking the occasion (speech.occasion_verbs), which
    itself says nothing, is analysed on its own."""
    out = []
    for verb in sent:
        if verb.lemma_.lower() not in lex.speech.occasion_verbs:
            continue
        subject = subject_of(verb)
        if subject is None or subject.lower_ not in ("i", "we"):
            continue
        taken = [o for o in verb.children if o.dep_ == "dobj" and o.lower_ in lex.speech.occasion_objects]
        if not taken:
            continue  # (not "we will use the fund to build schools": the purpose of a means)
        # the infinitive hangs on the verb or on the occasion ("this opportunity to reaffirm ...")
        out += [c for holder in (verb, *taken) for c in holder.children if c.dep_ in ("advcl", "xcomp", "acl")
                and c.tag_ == "VB" and has_to(c)]
    return out


def _speaker_of(verb: Token) -> Token | None:
    """The subject of a verb, or of the clause its infinitive serves: "I would like to reiterate
    ...", "I allow myself to propose ...", "I take this opportunity to propose ..."."""
    subject = subject_of(verb)
    if subject is None and verb.dep_ in ("xcomp", "advcl"):
        subject = subject_of(verb.head)
    elif subject is None and verb.dep_ == "acl" and verb.head.dep_ == "dobj":
        subject = subject_of(verb.head.head)
    return subject


def going_to(head: Token, lex: TriggerLexicon) -> Token | None:
    """"We are going to build a hospital", "we're going to keep working": the future of "be going
    to" is "will"; the verb after it is the clause's action (None when ``head`` is no such "going",
    or when what follows is the speech itself: "I am going to speak about three issues")."""
    if head.lemma_.lower() != "go" or head.tag_ != "VBG" or not any(a.dep_ == "aux" and a.lemma_ == "be" for a in head.children):
        return None
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in head.children):
        return None  # "if we are going to deliver ...": a condition, no undertaking
    action = next((c for c in head.children if c.dep_ == "xcomp" and c.tag_ == "VB"
                   and has_to(c)), None)
    return None if action is None or action.lemma_.lower() in lex.speech.speaking_verbs else action


def own_candidacy(verb: Token, lex: TriggerLexicon) -> tuple[Token, str] | None:
    """The speaker's own candidacy in ``verb``'s clause and its strength: presented or announced
    ("Mongolia has presented its candidature for a seat on the Council": firm), only mentioned
    ("we count on your support for our candidacy": soft), or a seat sought ("we are seeking a
    seat on the Council", "running for re-election to the Council": soft, firm for "run")."""
    frames, lemma = lex.speech, verb.lemma_.lower()
    if lemma in frames.seeking_verbs:
        seat = next((t for t in _own_words(verb) if t.lemma_.lower() in frames.seat_nouns), None)
        if seat is not None:
            return seat, "soft" if lemma == "seek" else "firm"
    if lemma == "be" and ((subject := subject_of(verb)) is not None and subject.pos_ == "PROPN" or _own_side(subject, lex)):
        # "We are therefore candidates to the Security Council": a candidacy presented, for a body or seat
        for noun in (c for c in verb.children if c.dep_ == "attr" and c.lower_ in frames.candidate_nouns):
            if any(p.dep_ == "prep" and p.lower_ in ("for", "to") and any(o.dep_ == "pobj" for o in p.children)
                   for p in noun.children):
                return noun, "firm"
    for noun in _own_words(verb):
        if noun.lower_ in frames.candidacy_nouns and any(
                c.dep_ == "poss" and c.lower_ in ("our", "my", "its") for c in noun.children):
            return noun, "firm" if lemma in frames.candidacy_verbs else "soft"
    return None


def _own_words(verb: Token) -> list[Token]:
    """The words of ``verb``'s own clause: its subtree without the clauses that have a subject of
    their own."""
    own = []
    stack = [c for c in verb.children if c.dep_ in ("dobj", "prep", "pobj", "attr")]
    while stack:
        tok = stack.pop()
        own.append(tok)
        stack += [c for c in tok.children if c.pos_ not in VERBAL or subject_of(c) is None]
    return own


def steadfast_in(head: Token, lex: TriggerLexicon) -> Token | None:
    """"We remain firm in our process of accession to X", "we remain steadfast in our commitment to
    reform the Council": what a copula of continuance (or "be") with a steadfast adjective holds
    to, when it is a process or action ("process", "accession") or an undertaking noun governing an
    action; None otherwise ("remain firm in our support for X" is left to the support readings)."""
    if head.lemma_.lower() not in lex.continuing_copulas | {"be"}:
        return None
    adjective = next((c for c in head.children if c.dep_ == "acomp" and c.lower_ in lex.speech.steadfast_adjectives), None)
    if adjective is None:
        return None
    for prep in (p for h in (adjective, head) for p in h.children if p.dep_ == "prep" and p.lower_ == "in"):
        for noun in (o for o in prep.children if o.dep_ == "pobj"):
            trig = lex.nouns.get(noun.lemma_.lower())
            acts = any(c.dep_ == "acl" and c.pos_ == "VERB" for c in noun.children)
            if (trig is not None and trig.kind == "commitment" and acts) or \
                    (trig is None and is_action_noun(noun, lex)):
                return noun
    return None
