"""Find statements in one parsed sentence: clause heads, triggers, action complements.

Works on a spaCy ``Doc`` of one sentence's clean text. Every finding is a
contiguous token range (the clause), its kind/strength and the trigger words
that decided it. Coordinated clauses ("condemned terrorism and committed to ...")
and coordinated actions ("agreed to accelerate A and begin B") become separate
findings: one statement per discrete undertaking. What one clause head states is
decided in decisions.py; this module walks the clauses and cuts their spans.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from pledgebook.codebook.triggers import TriggerLexicon
from pledgebook.extract.communique import detached_participle
from pledgebook.extract.coordination import (
    action_riders,
    and_item_start,
    comma_item_start,
    gerund_series,
    purpose_pairs,
    voices_stance,
)
from pledgebook.extract.decisions import (
    MEETING_UNDERTAKEN, Decision, decide, innermost_strength, keeps_principle, speaks_as_group,
)
from pledgebook.extract.intent_riders import IntentRider, intent_riders
from pledgebook.extract.grammar import (
    VERBAL,
    ScannedSentence,
    action_of,
    conj_chain,
    conjoined_preposition_actions,
    has_to,
    is_infinitive,
    lemma_of,
    modal_of,
    owner_of,
    phrase_text,
    subject_of,
)
from pledgebook.extract.new_bodies import purpose_stays_inside
from pledgebook.extract.news_pledges import reporting_circumstances, trailing_stance_participles
from pledgebook.extract.news_spans import (
    closing_meeting,
    earlier_conjunct,
    further_reports,
    meeting_adjuncts,
    report_meetings,
    signing_adjuncts,
    signings_cut,
)
from pledgebook.extract.news_prose import (
    clause_around,
    concluded_instrument,
    in_reported_speech,
    intended_relatives,
    signing_around,
)
from pledgebook.extract.deliverables import lists_deliverables
from pledgebook.extract.nlp import verb_lemmas
from pledgebook.extract.verb_lists import bare_infinitive_list, continued_gerunds
from pledgebook.extract.misparsed import noun_read_as_verb, stranded_main_clauses, subject_behind_fronted_participle
from pledgebook.extract.programmes import general_aim, target_tails
from pledgebook.extract.rhetoric import gerund_subject_clause, indefinite_thing, manner_only
from pledgebook.extract.rules import Rule
from pledgebook.extract.undertaking_nouns import held_relatives, kept_undertakings
from pledgebook.extract.speech_frames import (
    counted_population,
    framed_report,
    going_to,
    leading_concessives,
    occasion_infinitives,
    reason_clauses,
    undertakings_at_meetings,
    volitional_it,
)

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
    # reported "would" on a thing's clause ("said the line would be completed in June"): binds the
    # reporter only when it sets a time to come (pipeline), else it may state a condition
    backshifted: bool = False
    # cut out of the statement found before it in the sentence (news_spans.py): it names what that one
    # names too ("the project will resume following the signing of a supplementary agreement")
    borrows_names: bool = False
    # whose clause names another's undertaking ("The leaders welcomed Fiji's decision to join X"): the
    # subject's words when ``subject`` was replaced by the undertaker's (pipeline: a non-party's undertaking)
    welcomer: str | None = None


def find_statements(doc: Doc, lex: TriggerLexicon, attributed: bool = False) -> list[Finding]:
    """The statements of a parsed sentence. ``attributed``: the sentence is a report whose
    attribution (", officials said") was peeled off: its clauses are read as reported speech,
    with no reporter to take for an actor."""
    findings: list[Finding] = []
    reporter = "" if attributed else None
    for sent in map(ScannedSentence, doc.sents):  # (scanned a token at a time by each finder below)
        relatives = _undertaking_relatives(sent, lex) + _marked_clauses(sent, lex) + _noun_clauses(sent, lex) \
            + reason_clauses(sent, lex) + leading_concessives(sent, lex) + held_relatives(sent, lex) \
            + kept_undertakings(sent, lex) + stranded_main_clauses(sent)
        relatives += [t for t in undertakings_at_meetings(sent, lex) + occasion_infinitives(sent, lex) if t not in relatives]
        intended = [t for t in intended_relatives(sent, lex) if t not in relatives]
        lets = _after_let_me(sent, lex)
        riders = intent_riders(sent, lex)
        # clauses analysed on their own are cut out of the statements around them
        cuts = relatives + intended + [let for let, _ in lets] + [r.preposition for r in riders] + target_tails(sent, lex)
        found = _ClauseChain(doc, sent.root, lex, reporter=reporter, cuts=cuts).findings()
        if _fragment(sent.root) and not _own_undertaking_restated(sent.root, lex):
            for f in found:
                if f.head_i == sent.root.i and f.subject is None:
                    f.actor_subject = False  # "To recommit to the UN…", "Willing to act": no one undertakes
        _scene_of_signing(doc, sent.root, found, lex, reporter)
        found += _cut_out_statements(doc, sent, found, lex, reporter)  # what news_spans.py cuts out is said too
        findings.extend(found)
        findings.extend(_rider_finding(r, lex, reporter) for r in riders
                        if not any(f.head_i in (r.noun.i, r.action.i) for f in found))
        for clause in relatives:
            own = _ClauseChain(doc, clause, lex, reporter=None, cuts=cuts).findings()
            if not found:
                _widen_to_main_clause(doc, clause, own, lex)
            findings.extend(own)
        for clause in intended:  # (a past "wanted" is an intention only as reported: "said ... wanted to")
            own = _ClauseChain(doc, clause, lex, reporter="" if in_reported_speech(clause, lex) else None, cuts=cuts)
            own = own.findings()
            if not found:  # the clause that holds the antecedent states nothing else: the statement is it
                _widen_to(clause_around(clause.head), [f for f in own if f.head_i == clause.i])
            findings.extend(own)
        for let, clause in lets:
            for f in _ClauseChain(doc, clause, lex, reporter=None, cuts=cuts).findings():
                if f.start == clause.left_edge.idx:
                    f.start = let.idx  # "Let me reiterate ...", not "me reiterate ..."
                findings.append(f)
    return findings


def _rider_finding(rider: IntentRider, lex: TriggerLexicon, reporter: str | None) -> Finding:
    """"..., with the intention of ratifying it": the intent of the main clause's subject."""
    words = list(rider.preposition.subtree)
    subject = rider.subject
    return Finding(words[0].idx, words[-1].idx + len(words[-1]), "commitment", "commitment", rider.strength,
                   Rule.INTENT_RIDER, [rider.noun.text, rider.action.text],
                   phrase_text(subject) if subject is not None else None, reporter,
                   inherit_actors=subject is not None and subject.lower_ in _PRONOUNS_INHERIT, head_i=rider.action.i,
                   actor_subject=subject is not None and (_actor_like(subject, lex) or _our_own(subject)),
                   trigger=rider.noun.lemma_.lower())


def _our_own(subject: Token) -> bool:
    """"Our work is organized ..., with the intent to X": a thing of the speakers' own names them."""
    return any(c.dep_ == "poss" and c.lower_ in ("our", "my") for c in subject.children)


class _ClauseChain:
    """The statements of the clause chain headed by ``root``: its coordinated clauses, the
    participial clauses hanging off them, and the further undertakings each clause names.

    Clauses are analysed in surface-near order from a queue: a participial clause, or a new
    clause found among a clause's coordinated actions ("We commit to X, share Y"), is analysed
    next, before the chain's remaining clauses, so that it reads the subject and modal then in
    force. ``cuts``: clauses analysed on their own, kept out of these statements' spans.
    """

    def __init__(self, doc: Doc, root: Token, lex: TriggerLexicon, reporter: str | None,
                 cuts: Sequence[Token] = ()) -> None:
        self.doc, self.root, self.lex, self.reporter, self.cuts = doc, root, lex, reporter, cuts
        chain = conj_chain(root) + detached_participle(root)  # "We have today therefore pledged to ..."
        self.chain = chain + [t for stray in _stray_undertakings(root, chain, lex) for t in conj_chain(stray)]
        self.results: list[tuple[Token, Finding]] = []  # (head, finding), in the order found
        # a series of actions under one "will" is cut by the surface (see _series_actions):
        self.series: dict[int, tuple[int, int]] = {}  # item verb -> its token run
        self.series_cut: dict[int, int] = {}  # the verb under "will" -> last token of its own item
        self.subject: Token | None = None  # the subject in force (a clause without one shares it)
        # a relative clause's subject ("the implementation of which led to X") is in force for its own
        # verb only: the verb after it ("..., and reiterated Y") shares the subject before it (reattach.py)
        self._before_relative: tuple[Token | None] | None = None
        self.modal: str | None = None  # the modal in force, until a clause has a subject of its own
        self._queue = list(self.chain)
        self._seen: set[int] = set()
        self.undertaking_report = False  # reported by an undertaking verb ("agreed that X would be built")
        self.futures: dict[int, Token] = {}  # the verb after "going to" -> its "going" (where its span starts)
        # a commitment's head -> the strength of its verb of undertaking, before its innermost act
        # weakened it ("agreed to consider X and build Y": building is firm)
        self._undertaken: dict[int, str | None] = {}

    def findings(self) -> list[Finding]:
        while self._queue:
            head = self._queue.pop(0)
            if head.i not in self._seen:
                self._seen.add(head.i)
                self._analyse(head)
        self._verbs_read_as_modifiers()
        return self._cut_spans()

    def _analyse_next(self, heads: Iterable[Token]) -> None:
        self._queue[0:0] = [h for h in heads if h.i not in self._seen]

    # -- one clause ---------------------------------------------------------------------------
    def _analyse(self, head: Token) -> None:
        lex = self.lex
        if _shares_object_with_head(head, lex):
            return  # "will adopt and implement a prohibition": one action on one object
        if _restates_undertaking(head) and any(f.kind == "commitment" for _, f in self.results):
            return  # "We will continue to do so, and we will do it with all Members": the same undertaking
        if gerund_subject_clause(head) or self._carries_on_manner(head):
            return  # "..., as doing so would undermine X"; "will lead by example and contribute X" (rhetoric.py)
        if _closes_noun_list(head) or _noun_in_examples_list(head):
            return  # "will cooperate on export controls, investment security, and combatting evasion"
        if noun_read_as_verb(head, lex):
            return  # "as a demonstration of solidarity and resolve to uphold X" (misparsed.py)
        own_subject = subject_of(head)
        own_subject = subject_behind_fronted_participle(own_subject) or own_subject  # (misparsed.py)
        undertaking_modal = self.modal
        if own_subject is not None and any(t.tag_ in ("WDT", "WP", "WP$") for t in own_subject.subtree) \
                and head.dep_ == "conj":
            self._before_relative, self.subject, self.modal = (self.subject,), own_subject, None
        elif own_subject is not None:
            self._before_relative, self.subject, self.modal = None, own_subject, None
        elif self._before_relative is not None and head.dep_ == "conj" and head.head.i == self.root.i:
            (self.subject,), self._before_relative = self._before_relative, None
        elif head.tag_ == "VBN" and any(a.dep_ == "aux" and a.lemma_ == "have" for a in head.children):
            self.modal = None  # "will proceed with X as the Cabinet have approved Y": a perfect of its own
        elif _finite_tense_of_its_own(head):
            self.modal = None  # "would like to pay tribute to X, who has with modesty worked diligently"
        own_modal, _ = modal_of(head, lex)
        if own_modal is not None:
            self.modal = own_modal
        if (future := going_to(head, lex)) is not None:  # "we are going to build X": "will build X"
            self.modal, self.futures[future.i] = "will", head
            self._analyse_next([future])
            return
        subj_text = phrase_text(self.subject) if self.subject is not None else None
        if self._reported_speech(head, subj_text):
            self._analyse_next(further_reports(head, self.lex))  # "Putin said X, adding that Y would ..."
            return
        is_participle = head.dep_ in ("advcl", "pcomp", "acl")
        # "will reduce X, and may also identify Y": a second modal of its own that permits, joined to an
        # undertaking under a binding modal with no subject of its own, is one more undertaking, soft
        permitted = own_modal in lex.permissive_modals and own_subject is None and head.dep_ == "conj" \
            and undertaking_modal in lex.binding_modals and not self.reporter
        decision = decide(head, lex, reported=self.reporter is not None, modal_hint=None if is_participle else self.modal,
                          read_as=undertaking_modal if permitted else None)
        if permitted and decision is not None:
            decision = replace(decision, strength="soft") if decision.kind == "commitment" else None
        # participial clauses are statements of their own when they carry a trigger
        self._analyse_next(_participles(head, lex))
        if decision is None:
            return
        finding = self._finding(head, decision, subj_text)
        self.results.append((head, finding))
        if decision.kind == "appreciation":
            self._welcomed_list(head, decision, finding)
        if decision.kind == "position" and decision.trigger_noun is not None:
            self._coordinated_nouns(decision, finding)  # "expressed support for X and commitment to Y"
        if decision.kind == "commitment":
            self._coordinated_nouns(decision, finding)
            self._joined_necessities(decision, finding)
            self._parallel_actions(decision, finding)
            self._series(head, decision, finding)
            self._coordinated_actions(decision, finding)
            self._verbs_read_as_nouns(head, decision, finding)
            self._action_riders(head, decision, finding)
        elif decision.rule in (Rule.PRINCIPLE_UPHELD, Rule.MODAL_STANCE) and decision.action is not None:
            self._acts_after_principle(head, decision, finding)

    def _acts_after_principle(self, head: Token, decision: Decision, finding: Finding) -> None:
        """"affirmed their commitment to preserve stability, support diplomacy and deepen their
        cooperation": keeping the principle is a position, but the undertaking governs the whole
        list, so each further act of it is an undertaking of the trigger's strength (of "will":
        "will stand with X and support Y", where standing with X is solidarity, rhetoric.py)."""
        lex = self.lex
        trig = lex.nouns.get(decision.trigger) or lex.adjectives.get(decision.trigger) or lex.verbs.get(decision.trigger)
        if trig is not None and trig.kind == "commitment":
            strength = trig.strength
        elif decision.trigger in lex.binding_modals:
            strength = "firm"  # "will stand with X and support the efforts to Y": the modal governs the list
        else:
            return
        before = len(self.results)
        self._undertaken[head.i] = strength
        self._series(head, decision, finding)
        self._coordinated_actions(decision, finding)
        del self._undertaken[head.i]
        # an item that keeps a principle of its own ("..., and respect sovereignty") stays out
        self.results[before:] = [(tok, f) for tok, f in self.results[before:] if not keeps_principle(tok, lex)]

    def _carries_on_manner(self, head: Token) -> bool:
        """The action joined to a verb of manner only ("lead by example and contribute X"), whose
        undertaking was found: one undertaking, spanning both."""
        return head.dep_ == "conj" and manner_only(head.head, self.lex) \
            and any(h.i == head.head.i and f.kind == "commitment" for h, f in self.results)

    def _reported_speech(self, head: Token, subj_text: str | None) -> bool:
        """Reported speech: the statement is what the reporting verb introduces ("China stated
        that it would assist"). True when the clause was taken as reported speech."""
        lex = self.lex
        lemma = lemma_of(head, lex.verbs)
        ccomps = [c for c in head.children if c.dep_ == "ccomp" and c.pos_ in VERBAL]
        framed = None
        if (lemma not in lex.reporting_verbs and lemma not in lex.passing_verbs) or not ccomps:
            if (framed := framed_report(head, lex)) is None:
                return False
            (head, ccomps), lemma = framed, framed[0].lemma_.lower()  # "I am pleased to report that ..."
        reporter_trig = lex.verbs.get(lemma)
        inner_chain = _ClauseChain(self.doc, ccomps[0], lex, reporter=subj_text)
        # "agreed that the line would be built": what an undertaking verb reports binds its subject
        inner_chain.undertaking_report = reporter_trig is not None and reporter_trig.kind == "commitment"
        inner = inner_chain.findings()
        if inner:
            inner[0].reporter = subj_text
            self.results.append((head, inner[0]))
            self.results.extend((self.doc[f.head_i], f) for f in inner[1:])
            return True
        announced = subject_of(ccomps[0])
        if reporter_trig is not None and reporter_trig.reports_own_undertaking \
                and announced is not None and announced.lower_ in ("we", "i"):
            # "I can announce today that we are creating a new facility": the announcement is the undertaking
            self.results.append((head, Finding(
                0, 0, "commitment", "commitment", "firm", Rule.ANNOUNCED_OWN_UNDERTAKING, [head.text, ccomps[0].text],
                subj_text, self.reporter, False, head.i, actor_subject=_actor_like(self.subject, lex), trigger=lemma)))
            return True
        # "I wish to report that ...": a polite frame whose report states nothing is a manner of speaking
        return framed is not None and framed[0].head.lemma_.lower() in lex.polite_verbs

    def _finding(self, head: Token, decision: Decision, subj_text: str | None) -> Finding:
        lex, subject = self.lex, self.subject
        inherit = subject is not None and subject.lower_ in _PRONOUNS_INHERIT
        welcomer = subj_text if decision.undertaker is not None else None
        if decision.undertaker is not None:
            subj_text, inherit = phrase_text(decision.undertaker), False
        elif decision.action is not None and decision.action.dep_ == "ccomp":
            # "committing that the United States and India will work ...": the clause names who undertakes
            inner_subject = subject_of(decision.action)
            # (not "vowed that his government would ...": the speaker's own side, the outer subject)
            if inner_subject is not None and inner_subject.pos_ in ("PROPN", "NOUN") and _actor_like(inner_subject, lex) \
                    and not any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in inner_subject.children):
                subj_text, inherit = phrase_text(inner_subject), False
        # reported: "declared that the pass will be open" binds the speaker; "underscoring that an
        # armed attack would invoke ..." states a condition
        no_party = counted_population(subject, lex) or indefinite_thing(subject, lex)
        actor_subject = (_actor_like(subject, lex) and not no_party) \
            or volitional_it(subject, head, lex) or (self.reporter is not None and not no_party
                                                     and not _effect_of_undertaking(subject, head, lex) and (
            subject.lower_ in _PRONOUNS_INHERIT | {"they", "we"} or self.modal in ("will", "shall")
            or (self.undertaking_report and self.modal in lex.binding_modals)))
        if not actor_subject and decision.kind == "commitment" and (named := _party_named_before_it(subject, lex)) is not None:
            subj_text, inherit, actor_subject = phrase_text(named), False, True  # "As France assumes X, it will Y"
        backshifted = not actor_subject and self.reporter is not None and self.modal == "would" \
            and not any(a.dep_ == "aux" and a.lemma_ == "have" for a in head.children)  # "would have been": counterfactual
        if not actor_subject and self.reporter is None and (decision.rule == Rule.MEETING_TO_BE_HELD
                                                            or _means_of_previous(head, subject, self.modal, lex)):
            # "This will include improving X", "The next round will be held in May": the previous statement's parties
            inherit, actor_subject = True, True
        if (self.undertaking_report or _we_report(self.reporter)) and not _actor_like(subject, lex) \
                and decision.undertaker is None:
            # "agreed that Japanese trains would be used": who agreed; "We reaffirm that Russia's assets
            # will remain immobilized": the speakers, not the owner of the thing
            subj_text, inherit = self.reporter, False
        if decision.undertaker is not None:  # "will be funded by Russia": the funder, not the thing funded
            actor_subject = _actor_like(decision.undertaker, lex) or decision.undertaker.lower_ in ("our", "my", "their") \
                or (decision.undertaker.pos_ == "ADJ" and decision.undertaker.text[:1].isupper())  # "Russian loan funds"
        strength = decision.strength
        if decision.kind == "commitment":
            self._undertaken[head.i] = strength
            strength = innermost_strength(strength, decision.action, lex)
        return Finding(0, 0, decision.kind, decision.category, strength, decision.rule, decision.triggers,
                       subj_text, self.reporter, inherit, head.i, actor_subject=actor_subject,
                       aspectual=decision.aspectual, trigger=decision.trigger, backshifted=backshifted,
                       welcomer=welcomer if decision.rule == Rule.WELCOMED_UNDERTAKING_OF_PARTY else None)

    # -- further undertakings a clause names --------------------------------------------------
    def _also(self, finding: Finding, tok: Token, rule: Rule, triggers: list[str], **changes) -> None:
        """One more commitment derived from a clause's finding, headed by ``tok``; a further action
        of the same undertaking takes its strength from its own act ("consider X" soft)."""
        if rule in (Rule.COORDINATED_ACTION, Rule.SERIES_ACTION) and "strength" not in changes \
                and finding.head_i in self._undertaken:
            changes["strength"] = innermost_strength(self._undertaken[finding.head_i], tok, self.lex)
        self.results.append((tok, replace(finding, kind="commitment", category="commitment", rule=rule,
                                          triggers=triggers, head_i=tok.i, **changes)))

    def _verbs_read_as_modifiers(self) -> None:
        """"will modernize X, improve public health, advance physical connectivity, and create Y": in
        a series of bare verbs the parser may join a later item, its verb tagged as a modifier, to
        the previous item's object; each such item is an undertaking of its own, cut to its phrase."""
        heads = {h.i for h, _ in self.results}
        for head, finding in list(self.results):
            if finding.kind != "commitment" or head.pos_ != "VERB" or not _in_verb_series(head):
                continue
            for tok in head.subtree:
                if tok.i <= head.i or tok.i in heads or not _verb_as_modifier(tok) \
                        or any(h != head.i and self.doc[h].is_ancestor(tok) and head.is_ancestor(self.doc[h]) for h in heads):
                    continue
                top = tok
                while top.head.i > tok.i and top.head.left_edge.i >= tok.i and top.head.i != top.i:
                    top = top.head
                heads.add(tok.i)
                self.series[tok.i] = (tok.i, _trim_back(self.doc, top.right_edge.i, tok.i))
                self._also(finding, tok, Rule.SERIES_ACTION, finding.triggers[:1] + [tok.text], series_item=True)

    def _welcomed_list(self, head: Token, decision: Decision, finding: Finding) -> None:
        """"welcomed X's participation ..., and the Kingdom's announcement to meet ...": each party's own."""
        for noun, owner, action in _welcomed_undertakings(head, self.lex):
            self._also(finding, noun, Rule.WELCOMED_UNDERTAKING_OF_PARTY, decision.triggers[:1] + [noun.text, action.text],
                       strength="firm", subject=phrase_text(owner), inherit_actors=False, actor_subject=True)

    def _coordinated_nouns(self, decision: Decision, finding: Finding) -> None:
        """"their shared commitment to X and their intent to address Y": one per undertaking noun
        (the parser may hang the second noun on the first one's object); also after a thing
        undertaken ("announced a $13 million disbursement ..., as well as the intent to provide Y")."""
        first = decision.trigger_noun
        if first is None and decision.action is not None and decision.action.pos_ in ("NOUN", "NUM"):
            first = decision.action
        if first is None:
            return
        for noun in first.subtree:
            trig = self.lex.nouns.get(noun.lemma_.lower())
            if noun.dep_ == "conj" and noun.i > first.i and trig is not None and trig.kind == "commitment" \
                    and action_of(noun, self.lex) is not None:
                self._also(finding, noun, Rule.COORDINATED_UNDERTAKING_NOUN, decision.triggers[:1] + [noun.text],
                           strength=trig.strength, trigger=trig.lemma)

    def _joined_necessities(self, decision: Decision, finding: Finding) -> None:
        """"reaffirmed their commitment to address X and the need to build Y": a noun of necessity
        joined to the undertaking's object is a stance of its own, cut from the undertaking."""
        if decision.action is None or decision.action.pos_ not in VERBAL:
            return
        for noun in decision.action.subtree:
            if noun.dep_ == "conj" and noun.i > decision.action.i and noun.lemma_.lower() in self.lex.necessity_nouns \
                    and any(c.dep_ in ("det", "poss") for c in noun.children) and _states_its_content(noun):
                self.results.append((noun, replace(finding, kind="position", category="position.support", strength=None,
                                                   rule=Rule.JOINED_NECESSITY, triggers=[noun.text], head_i=noun.i,
                                                   trigger=noun.lemma_.lower(), aspectual=False)))

    def _parallel_actions(self, decision: Decision, finding: Finding) -> None:
        if decision.action is not None:
            for extra in _parallel_actions(decision.action):
                self._also(finding, extra, Rule.COORDINATED_ACTION, decision.triggers + [extra.text])

    def _series(self, head: Token, decision: Decision, finding: Finding) -> None:
        """"we will use X, regularly consult Y, and explore Z", "efforts to modernize X, reduce Y,
        and provide Z": one commitment per item, each cut to its stretch of the surface."""
        doc, taken = self.doc, {h.i for h, _ in self.results} | set(self.series)
        infinitive = _infinitive(decision.action) if decision.action is not None else None
        if self.modal in self.lex.firm_modals and decision.action is None:
            items = _series_actions(head, {t.i for t in self.chain} | taken, lex=self.lex)
        elif infinitive is not None:
            # the parser may hang the later verbs on the main verb, but their form says they carry on the infinitive
            items = _series_actions(infinitive, taken, doc[infinitive.right_edge.i + 1 : head.right_edge.i + 1], self.lex)
            # "continue to work to support X, and reaffirm Y": a stance verb carries on the clause, not the infinitive
            items = [(extra, first) for extra, first in items if not voices_stance(extra, self.lex)]
        else:
            items = []
        if not items and decision.action is not None:  # "efforts in responding to X, ensuring Y, ..."
            items = [(extra, first) for extra, first in gerund_series(decision.action, self.lex) if extra.i not in taken]
        elif not items and self.modal in self.lex.firm_modals:  # "will take measures such as X-ing A, Y-ing B"
            items = [(extra, first) for extra, first in gerund_series(head, self.lex) if extra.i not in taken]
        if not items and decision.action is not None:  # "intend to coordinate, exchange X, and share Y"
            # (a gerund of stance closing a gerund list is a stance of its own: "commitment to enhancing
            # trade, and welcoming the agreement"; "intend to coordinate, share best practices" acts)
            listed = bare_infinitive_list(decision.action) \
                or [(g, k) for g, k in continued_gerunds(decision.action) if not voices_stance(g, self.lex)]
            items = [(extra, first) for extra, first in listed if extra.i not in taken]
        if not items:  # "to strengthen X and address Y": two purposes, one each
            items = purpose_pairs(head, decision.action, taken | {t.i for t in self.chain}, self.lex)
        if len(items) == 1 and _light_head_alone(infinitive, items[0][0], self.lex):
            items = []  # "pledged to take solid action and support efforts to achieve X": one undertaking
        for j, (extra, first) in enumerate(items):
            if j == 0:
                self.series_cut[head.i] = _trim_back(doc, first - 1, head.i)
            # up to the next item, the next verb of the chain ("..., and take steps"), or the clause's end
            ends = [items[j + 1][1] - 1] if j + 1 < len(items) else [head.right_edge.i]
            ends += [t.left_edge.i - 1 for t in self.chain if t.i > extra.i]
            # or a verb the tagger took for a noun after ", and" ("..., and more reliably supply water")
            ends += [k - 1 for k in _item_starts(doc, extra.i + 1, min(ends))]
            self.series[extra.i] = (first, _trim_back(doc, min(ends), first))
            self._also(finding, extra, Rule.SERIES_ACTION, decision.triggers + [extra.text], series_item=True)

    def _action_riders(self, head: Token, decision: Decision, finding: Finding) -> None:
        """"agreed to consider X, while increasing Y": the rider is an undertaking of its own, with the
        head's actors and the strength of the head's verb of undertaking ("agreed": firm, though the
        head's own innermost act, "consider", is soft), weakened only by its own act ("while exploring Y")."""
        for rider in action_riders(head, decision.action, self.lex):
            if rider.i in self._seen or any(h.i == rider.i for h, _ in self.results):
                continue
            if keeps_principle(rider, self.lex) or general_aim(rider, self.lex) or _state_object(rider, self.lex):
                continue  # "..., while promoting human rights online": a principle kept rides on the undertaking
            self._seen.add(rider.i)
            trig = self.lex.verbs.get(decision.trigger or "")
            undertaken = trig.strength if trig is not None and trig.kind == "commitment" and trig.strength \
                else self._undertaken.get(head.i, finding.strength)
            strength = innermost_strength(undertaken, rider, self.lex)
            self._also(finding, rider, Rule.ACTION_RIDER, decision.triggers[:1] + [rider.text], strength=strength)

    def _verbs_read_as_nouns(self, head: Token, decision: Decision, finding: Finding) -> None:
        """"will continue to coordinate, share lessons, and seek to X": the tagger reads "share" as a
        noun and the parser makes "share lessons" the object of "coordinate"; but a comma does not
        part a verb from its object, so a base-form verb opening that object is a series item."""
        for verb in {head, decision.action} - {None}:
            if verb.pos_ != "VERB" or verb.i + 2 >= len(self.doc) or self.doc[verb.i + 1].text != ",":
                continue
            for obj in verb.children:
                first = obj.left_edge
                if obj.dep_ == "dobj" and first.i == verb.i + 2 and first.dep_ == "compound" and first.tag_ == "NN" \
                        and first.lower_ in verb_lemmas() and first.i not in self.series:
                    self._also(finding, obj, Rule.SERIES_ACTION, decision.triggers + [first.text])

    def _coordinated_actions(self, decision: Decision, finding: Finding) -> None:
        """"agreed to accelerate A and begin B": one commitment per coordinated action (not for a
        bare modal, whose "action" is only a purpose clause: "will take steps to deter and disrupt")."""
        action = decision.action
        head = self.doc[finding.head_i]
        # ("committed to support X": the parser may read the infinitive right after the trigger as a purpose)
        if action is None or not (action.dep_ in ("xcomp", "pcomp", "ccomp")
                                  or (action.dep_ == "advcl" and action.left_edge.i == head.i + 1)):
            return
        if purpose_stays_inside(head, action, self.lex):
            return  # "launch a Dialogue to coordinate X and identify Y", "support a process to end X and restore Y"
        for prep, extra in conjoined_preposition_actions(action):
            self._also(finding, prep, Rule.COORDINATED_ACTION, decision.triggers + [extra.text])
        joined = _verbs_joined_to_object(action)
        if len(joined) == 1 and _light_head_alone(action, joined[0], self.lex):
            joined = []  # "pledged to take solid action and support efforts to achieve X": one undertaking
        for extra in joined:
            # "committed to support the recovery and address deflationary pressures": the parser
            # conjoins the second verb to the first one's object; it runs to the clause's end
            self.series_cut[finding.head_i] = _trim_back(self.doc, extra.i - 1, finding.head_i)
            self.series[extra.i] = (extra.i, _trim_back(self.doc, action.right_edge.i, extra.i))
            self._also(finding, extra, Rule.COORDINATED_ACTION, decision.triggers + [extra.text], series_item=True)
        for extra in _repeated_infinitives(head, action):
            self._seen.add(extra.i)  # not a clause of its own: the trigger's second action
            self._also(finding, extra, Rule.COORDINATED_ACTION, decision.triggers + [extra.text])
        for extra in _infinitives_after_continuing(action, self.lex):
            self._seen.add(extra.i)  # "committed to continuing to expand X and to open Y": a second act
            self._also(finding, extra, Rule.COORDINATED_ACTION, decision.triggers + [extra.text])
        for extra in _gerunds_joined_to_head(head, action, self.lex):
            # "emphasized their commitment to enhancing X, and developing Y": the parser joins the
            # second gerund to the verb; it is the trigger's second action (annotation guide §3)
            self._seen.add(extra.i)
            self._also(finding, extra, Rule.COORDINATED_ACTION, decision.triggers + [extra.text])
        if action.dep_ == "advcl":
            return
        previous = action
        for extra in conj_chain(action)[1:] + _verb_like_conjuncts(action, self.lex):
            if (extra.pos_ not in VERBAL and extra.tag_ != "NN") or extra.i in self.series \
                    or noun_read_as_verb(extra, self.lex):  # "solidarity and resolve to X" (misparsed.py)
                continue
            if action.tag_ == "VB" and extra.tag_ == "VBG" and _ends_noun_list(previous, extra):
                continue  # "expand coordination on A, B and promoting C": a gerund in the noun list
            shares_object = not any(c.dep_ in _OBJECTS for c in previous.children)
            previous = extra
            if shares_object:
                continue  # "adopt and maintain high levels of ...": one action on one object
            if (extra.tag_ in ("VBP", "VBZ", "VBD") and extra.tag_ != action.tag_) or _other_kind(extra, self.lex):
                # "We commit to strengthening X, share Y, and reiterate Z": new clauses, same subject;
                # "intend to update X and welcome those who have": a verb of another kind says what it says
                self._analyse_next([extra])
                continue
            if _first_item_of_colon_list(self.doc[finding.head_i], action, extra):
                continue  # "will seek to: promote X and increase Y; ...": one item, as the list counts it
            self._also(finding, extra, Rule.COORDINATED_ACTION, decision.triggers + [extra.text])

    # -- spans ----------------------------------------------------------------------------------
    def _cut_spans(self) -> list[Finding]:
        """Each head's subtree minus the subtrees of the other findings' heads, and of the chain's
        other clauses with a subject of their own ("... and we look forward to ...")."""
        others = [h for h, _ in self.results] \
            + [t for t in self.chain if t.i != self.root.i and (subject_of(t) is not None or _tense_of_its_own(t, self.lex))
               and _finite(t)] + list(self.cuts)
        out: list[Finding] = []
        for head, finding in self.results:
            if head.i not in self.series and finding.series_item and finding.end > finding.start:
                out.append(finding)  # already cut, inside the reported clause it came from
                continue
            span = self._span(head, finding, others)
            if span is not None:
                finding.start, finding.end = span
                if head.i in self.futures:
                    finding.start = min(finding.start, self.futures[head.i].idx)
                out.append(finding)
        return out

    def _span(self, head: Token, finding: Finding, others: list[Token]) -> tuple[int, int] | None:
        doc, series = self.doc, self.series
        if head.i in series:  # an item of a series: exactly its stretch of the surface
            first, last = series[head.i]
            allowed, anchor = set(range(first, last + 1)), doc[first]
        else:
            allowed, anchor = {t.i for t in head.subtree}, head
            if _inverted_report(head, finding, doc):
                # "The leaders agreed to X ..., said the document that was released by Y": the report alone
                allowed, anchor = {t.i for t in doc[finding.head_i].subtree}, doc[finding.head_i]
            elif finding.reporter is not None and finding.head_i != head.i:  # a report, spanned from its reporting verb
                allowed -= reporting_circumstances(head, doc[finding.head_i], self.lex)
                # "said during a meeting with Xi, both sides agreed": the report starts after the meeting told
                if met := report_meetings(head, doc[finding.head_i], self.lex):
                    allowed, anchor = allowed - met, doc[finding.head_i]
                # "said Phase 2A is 98 percent complete and will be operationalised": the report is the second clause
                if before := earlier_conjunct(doc[finding.head_i], {h.i for h, _ in self.results}, self.lex):
                    allowed, anchor = allowed - before, doc[finding.head_i]
            allowed -= meeting_adjuncts(head, self.lex) | signing_adjuncts(head, self.lex)
            if (named := subject_behind_fronted_participle(subject_of(head))) is not None:
                # "Describing their ties as "deep", India and Nepal decided ...": from the real subject on
                allowed -= set(range(head.left_edge.i, named.left_edge.i))
            if finding.kind == "commitment" and finding.category != MEETING_UNDERTAKEN:
                allowed -= closing_meeting(head, self.lex)  # "pledging X during his visit on June 6"
        if finding.reporter is not None and head.dep_ == "ccomp":
            # extend over the reporting clause ("China stated that ..."), not over the circumstances of
            # the reporting ("Speaking after the talks, X said ...", "said during a meeting with Y, ...")
            allowed |= {t.i for t in head.head.subtree} - reporting_circumstances(head.head, head, self.lex) \
                - report_meetings(head.head, head, self.lex)
        for other in others:
            if other.i == head.i or other.is_ancestor(head):
                continue
            if other.i in series:
                allowed -= set(range(series[other.i][0], series[other.i][1] + 1))
            elif other.i in allowed:
                allowed -= {t.i for t in other.subtree}
        lo, hi = _run(doc, anchor, allowed)
        if head.i in series and hi <= head.i:
            return None  # the item lost its object to another clause: the parse is too confused to cut
        if head.i in self.series_cut:
            hi = min(hi, self.series_cut[head.i])
        return doc[lo].idx, doc[hi].idx + len(doc[hi])


def _inverted_report(head: Token, finding: Finding, doc: Doc) -> bool:
    """"The participants agreed to meet again ..., said the document released by X": a report whose
    reporting verb follows it, after a comma, as the root of the sentence (the attribution of a
    news report, no part of what was said)."""
    if finding.reporter is None or finding.head_i == head.i or not 0 <= finding.head_i < len(doc):
        return False
    report = doc[finding.head_i]
    return head.dep_ == "ROOT" and report.head.i == head.i and report.dep_ == "ccomp" \
        and report.right_edge.i < head.i and doc[head.i - 1].text == ","


def _state_object(verb: Token, lex: TriggerLexicon) -> bool:
    """The verb's direct object is a principle or a state of affairs ("promoting human rights"; not
    a party: "engaging developing countries")."""
    return any(c.dep_ == "dobj" and (c.lemma_.lower() in lex.state_nouns or c.lower_ in lex.state_nouns)
               and c.lemma_.lower() not in lex.actor_nouns for c in verb.children)


def _undertaking_relatives(sent: ScannedSentence, lex: TriggerLexicon) -> list[Token]:
    """"the success of the Conference, where we will work together to reverse ...": a relative
    clause in which the speakers themselves undertake something is a statement of its own."""
    out = []
    for tok in sent.with_dep("relcl"):
        if tok.pos_ not in VERBAL:
            continue
        subject = subject_of(tok)
        if subject is not None and subject.lower_ in ("we", "i") and modal_of(tok, lex)[0] in lex.firm_modals:
            out.append(tok)
        elif _funds_relative(tok, subject, lex):
            out.append(tok)
        elif _relative_undertaking(tok, subject, lex):
            out.append(tok)
    return out


def _relative_undertaking(verb: Token, subject: Token | None, lex: TriggerLexicon) -> bool:
    """"a joint statement, in which they agreed to elevate relations", "the summit, where the
    leaders pledged to double trade": a relative clause on an occasion (a preposition with "which",
    or "where") whose own subject can be a party and whose verb undertakes an action (a commitment
    trigger with its infinitive) holds an undertaking of that subject. Not a relative that leaves
    a gap in the action ("the path we wish to follow": the antecedent described) nor one whose
    subject is the relative pronoun ("countries that pledged to ...": others)."""
    if subject is None or subject.tag_ in ("WDT", "WP") or not _actor_like(subject, lex):
        return False
    # (read at the clause's first words: the parser may hang "where" on the infinitive)
    first = verb.doc[verb.left_edge.i : verb.left_edge.i + 2]
    where = first[0].lower_ == "where"
    if not where and not (first[0].pos_ == "ADP" and len(first) == 2 and first[1].tag_ in ("WDT", "WP")):
        return False
    # the antecedent is an occasion or a text (a meeting, a statement), or the place of a meeting:
    # not "the sectors in which they decide to invest" (the relative is the action's own gap)
    antecedent = verb.head.lemma_.lower()
    if antecedent not in lex.events and antecedent not in lex.instruments and not (where and verb.head.pos_ == "PROPN"):
        return False
    if subject.lower_ in _NO_PARTY_WORDS or subject.pos_ not in ("PRON", "PROPN", "NOUN"):
        return False
    trig = lex.verbs.get(verb.lemma_.lower())
    # (an effort or a wish is no undertaking given on the occasion: "where they have sought to ...")
    if trig is None or trig.kind != "commitment" or not trig.needs_action or trig.effort or trig.strength == "soft":
        return False
    return any(c.dep_ == "xcomp" and c.pos_ in VERBAL and has_to(c) for c in verb.children)


def _widen_to_main_clause(doc: Doc, clause: Token, own: list[Finding], lex: TriggerLexicon) -> None:
    """"The package that Japan has offered is a concessional loan over 50 years": money pledged
    in a relative clause on the subject of a clause that states nothing else is pledged with
    the terms that clause gives; the statement is that clause."""
    antecedent = clause.head
    if antecedent.dep_ not in ("nsubj", "nsubjpass") or not _funds_relative(clause, subject_of(clause), lex):
        return
    main = antecedent.head
    words = [t for t in main.subtree if not t.is_punct] or [main]
    for f in own:
        if f.head_i == clause.i:
            f.start, f.end = words[0].idx, words[-1].idx + len(words[-1])


def _widen_to(clause: Token, own: list[Finding]) -> None:
    """Give ``own`` the span of ``clause``'s words (punctuation at its edges left out)."""
    words = [t for t in clause.subtree if not t.is_punct] or [clause]
    for f in own:
        f.start, f.end = words[0].idx, words[-1].idx + len(words[-1])


def _scene_of_signing(doc: Doc, root: Token, found: list[Finding], lex: TriggerLexicon, reporter: str | None) -> None:
    """A clause that states nothing but the instrument concluded around it ("has secured its biggest
    investment after signing a deal", "were present when the agreement was signed", "is built under
    an agreement reached in 2017") is an agreement, the whole clause (news_prose.py)."""
    if root.pos_ not in VERBAL or subject_of(root) is None:
        return
    own = [f for f in found if f.head_i == root.i]
    # ("has secured its biggest investment after signing a deal": the signing is the news, not the gain)
    if own and not all(f.rule == Rule.ACHIEVEMENT_REPORTED for f in own):
        return
    signing = next((f for f in found if f.kind == "agreement" and signing_around(doc[f.head_i], root)), None)
    if signing is not None:
        found[:] = [f for f in found if f not in own]
        _widen_to(root, [signing])
        return
    if own:
        return
    verb = concluded_instrument(root, lex) if subject_of(root).lower_ not in ("it", "this", "that") else None
    if verb is not None:  # (not "It happened after an agreement had been reached": an event told, no statement)
        finding = Finding(0, 0, "agreement", "agreement", None, Rule.INSTRUMENT_CIRCUMSTANCE, [verb.text],
                          phrase_text(subject_of(root)), reporter, head_i=root.i, trigger=verb.lemma_.lower())
        _widen_to(root, [finding])
        found.append(finding)


def _gerunds_joined_to_head(head: Token, action: Token, lex: TriggerLexicon) -> list[Token]:
    """Gerunds with no subject that the parser coordinates with ``head`` after its gerund action
    ("commitment to enhancing X, and developing Y"), not verbs of another kind ("and welcoming Y")."""
    if action.tag_ != "VBG" or action.dep_ != "pcomp":
        return []
    return [c for c in head.children if c.dep_ == "conj" and c.tag_ == "VBG" and c.i > action.i
            and subject_of(c) is None and any(o.dep_ == "dobj" for o in c.children) and not _other_kind(c, lex)]


def _cut_out_statements(doc: Doc, sent, found: list[Finding], lex: TriggerLexicon, reporter: str | None) -> list[Finding]:
    """The statements of what the spans leave out (news_spans.py): the signing an undertaking
    follows ("will resume following the signing of a supplementary agreement": an agreement), with
    the subject of the clause it hangs on."""
    out: list[Finding] = []
    heads = {f.head_i for f in found}
    for noun, verb in signings_cut(doc, heads, lex):
        words = list(noun.subtree)
        out.append(Finding(words[0].idx, words[-1].idx + len(words[-1]), "agreement", "agreement", None,
                           Rule.INSTRUMENT_CIRCUMSTANCE, [noun.head.text, noun.text], _subject_phrase(verb), reporter,
                           head_i=noun.i, trigger=noun.lemma_.lower(), borrows_names=True))
    return out


def _subject_phrase(verb: Token) -> str | None:
    subject = subject_of(verb)
    return phrase_text(subject) if subject is not None else None


def _funds_relative(tok: Token, subject: Token | None, lex: TriggerLexicon) -> bool:
    """"the package that Japan has offered", "the line, which China financed with $3 billion":
    money a named party pledges, in a relative clause (decisions: funding_pledged)."""
    if subject is None or subject.pos_ != "PROPN" or tok.lemma_.lower() not in lex.funding_verbs | lex.funded_by_verbs:
        return False
    return any(c.dep_ == "dobj" and c.tag_ in ("WDT", "WP") for c in tok.children)


def _marked_clauses(sent: ScannedSentence, lex: TriggerLexicon) -> list[Token]:
    """"The ministers reviewed the corridor, while the two sides pledged to expand the port": an
    adverbial clause with its own subject, after the verb it hangs on (not "as soon as ..."),
    opened by a conjunction of the codebook's (statement_clause_marks; narrative_clause_marks
    before a past tense), states something of its own rather than qualifying its head."""
    return [tok for tok in sent.with_dep("advcl") if tok.pos_ in VERBAL and subject_of(tok) is not None
            and tok.i > tok.head.i and _hung_on_clause(tok) and (_has_mark(tok, lex.statement_clause_marks)
                                        or (tok.tag_ == "VBD" and _has_mark(tok, lex.narrative_clause_marks)))]


def _hung_on_clause(clause: Token) -> bool:
    """The adverbial clause hangs on a verb, or on a modifier the parser hung on that verb before it
    ("expressed his pleasure at the visit, the first-ever by a Turkish president, while both
    presidents vowed to X": the clause belongs to "expressed", not to "first")."""
    head = clause.head
    return head.pos_ in VERBAL or (head.dep_ in ("npadvmod", "appos", "advmod") and head.head.pos_ in VERBAL
                                   and head.head.i < head.i)


def _noun_clauses(sent: ScannedSentence, lex: TriggerLexicon) -> list[Token]:
    """Clauses the parser hangs on a noun that state something of their own: "expressed happiness
    that Japan will raise its target" (a party's undertaking under a binding modal, in a that-clause
    of a noun), and a headline after a dateline the parser made its root ("New Delhi: Japan to
    invest ...")."""
    out = []
    for tok in sent.with_dep("acl"):
        if tok.pos_ not in VERBAL or (subject := subject_of(tok)) is None:
            continue
        if not (subject.pos_ == "PROPN" or subject.lemma_.lower() in lex.actor_nouns):
            continue
        # only gladness at it (not a hope, warning or belief that another will act or a thing will happen)
        that_clause = tok.head.lemma_.lower() in lex.glad_nouns and modal_of(tok, lex)[0] in lex.binding_modals \
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)
        headline = tok.head.dep_ == "ROOT" and tok.head.pos_ == "PROPN" and tok.i > 0 and tok.doc[subject.left_edge.i - 1].text == ":"
        if that_clause or headline:
            out.append(tok)
    return out


def _has_mark(clause: Token, marks: frozenset[str]) -> bool:
    """The clause opens with one of ``marks`` (not "as soon as", "so long as")."""
    return any(c.dep_ == "mark" and c.lower_ in marks and c.i == clause.left_edge.i for c in clause.children)


def _after_let_me(sent, lex: TriggerLexicon) -> list[tuple[Token, Token]]:
    """"Let me also reiterate Pakistan's support for ...", "..., and let me thank ...": what the
    speaker goes on to say, as ("let", the clause). ("Let us ..." is addressed to all.)"""
    return [(let, c) for let in sent if let.lemma_.lower() in lex.hortative_verbs
            for c in let.children if c.dep_ == "ccomp" and c.pos_ in VERBAL
            and (s := subject_of(c)) is not None and s.lower_ == "me"]


def _own_undertaking_restated(root: Token, lex: TriggerLexicon) -> bool:
    """"Reiterating their resolve to further deepen X;", "Reaffirming our commitment to building Y;":
    a gerund of restating (codebook restating_gerunds) whose object is a noun of undertaking that
    "our" or "their" owns names the undertakers though the line has no subject (a declaration's
    preambular paragraph); not "Noting their commitment to X" (others' undertaking told), nor a
    fragment whose noun is no one's ("Reaffirming the commitment to X")."""
    if root.tag_ != "VBG" or root.lemma_.lower() not in lex.restating_gerunds:
        return False
    for obj in root.children:
        noun = lex.nouns.get(obj.lemma_.lower()) if obj.dep_ == "dobj" else None
        if noun is not None and noun.kind == "commitment" and any(
                c.dep_ == "poss" and c.lower_ in ("our", "their") for c in obj.children):
            return True
    return False


def _fragment(root: Token) -> bool:
    """A verbless or subjectless fragment of a speech: an infinitive, a gerund or an adjective
    standing alone ("To recommit to the UN…", "being ready to change", "Willing to act")."""
    if subject_of(root) is not None:
        return False
    return is_infinitive(root) or root.tag_ == "VBG" or root.pos_ == "ADJ"


def _participles(head: Token, lex: TriggerLexicon) -> list[Token]:
    """Participial clauses hanging off a head ("..., recognizing X's role", "After acknowledging X, ...",
    "with India hosting ...")."""
    # (a participle glued to the noun before it is that noun's action: "the significance of
    # Ukraine itself continuing to implement reforms")
    found = [c for c in head.children if c.dep_ == "advcl" and c.tag_ == "VBG" and not subject_of(c)
             and (c.i < head.i or c.left_edge.i == 0 or c.doc[c.left_edge.i - 1].text in (",", ";", "—", "–", "-")
                  or c.left_edge.lower_ in ("while", "after", "before", "when", "by", "through"))]
    found += trailing_stance_participles(head, lex)  # "agreed to X, while emphasising that Y is crucial"
    found += _pledge_after_action(head, lex)
    found += _adjective_riders(head, lex)
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("after", "while", "before", "besides", "in") \
                and not _in_doing_of_object(head, prep, lex):
            found += [g for g in prep.children if g.dep_ == "pcomp" and g.tag_ == "VBG" and not subject_of(g)]
    for tok in head.subtree:
        if tok.tag_ != "VBG" or lemma_of(tok, lex.verbs) not in lex.verbs:
            continue
        parent = tok.head
        # absolute "with X doing Y"
        # (not "will proceed with signing the deal": the gerund right after a verb's "with" is its object)
        if (tok.dep_ == "pcomp" and parent.lower_ == "with" and not _verb_with_gerund(parent, tok)) or (
                tok.dep_ == "acl" and parent.head.dep_ == "prep" and parent.head.lower_ == "with" and parent.dep_ == "pobj"):
            found.append(tok)
        # ", recognizing ..." that the parser hung on a nearby noun
        elif (tok.dep_ == "acl" and tok.i > 0 and tok.doc[tok.i - 1].text == ","
              and lex.verbs[lemma_of(tok, lex.verbs)].kind != "commitment"):
            found.append(tok)
        # "... by welcoming Mongolia's commitment to work on X": another party's undertaking, however deep
        elif tok.dep_ == "pcomp" and tok.lemma_.lower() in lex.welcoming_verbs and _welcomes_undertaking(tok, lex):
            found.append(tok)
    return found


def _welcomes_undertaking(verb: Token, lex: TriggerLexicon) -> bool:
    """The verb's object is a party's undertaking noun that names its action ("Kenya's commitment to
    expand X")."""
    return any(o.dep_ == "dobj" and o.lemma_.lower() in lex.reported_undertakings and owner_of(o, lex) is not None
               and action_of(o, lex) is not None for o in verb.children)


def _adjective_riders(head: Token, lex: TriggerLexicon) -> list[Token]:
    """"Chile will stand by its neighbours, ready to help them": an adjective of undertaking with
    an infinitive of its own, after a comma, is a rider with an action of its own (annotation
    guide §3: two undertakings with different actions are two), not part of the head's statement."""
    return [c for c in head.children if c.dep_ == "advcl" and c.pos_ == "ADJ" and c.i > head.i
            and (trig := lex.adjectives.get(c.lower_)) is not None and trig.kind == "commitment"
            and c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].text == ","
            and subject_of(c) is None and any(x.dep_ == "xcomp" and has_to(x) for x in c.children)]


def _pledge_after_action(head: Token, lex: TriggerLexicon) -> list[Token]:
    """"vowed to strengthen ties with X, pledging stronger cooperation on trade": a participle of
    undertaking after a comma that the parser hung on the head's infinitive, not on the head: an
    undertaking of its own (a verb that undertakes even with no action, codebook ``otherwise``)."""
    found = []
    for action in (c for c in head.children if c.dep_ == "xcomp"):
        for c in action.children:
            trig = lex.verbs.get(lemma_of(c, lex.verbs)) if c.dep_ == "advcl" and c.tag_ == "VBG" else None
            if trig is not None and trig.kind == "commitment" and trig.otherwise is not None \
                    and trig.otherwise.kind == "commitment" and subject_of(c) is None \
                    and c.i > action.i and c.doc[c.left_edge.i - 1].text == ",":
                found.append(c)
    return found


def _in_doing_of_object(head: Token, prep: Token, lex: TriggerLexicon) -> bool:
    """"support the initiative of the Secretary-General in convening the Summit", "commend the
    efforts of X in supporting Y": "in" + a gerund after the object of a verb of support or praise
    says what the object's owner does, no clause of the speaker's own ("join other leaders in
    signing X" is the speaker's act; "In doing so, we ..." before the verb is one)."""
    trig = lex.verbs.get(lemma_of(head, lex.verbs))
    return prep.lower_ == "in" and trig is not None and trig.kind in ("position", "appreciation") \
        and any(c.dep_ == "dobj" and head.i < c.i < prep.i for c in head.children)


def _verb_with_gerund(with_: Token, gerund: Token) -> bool:
    """"proceed with signing", "go ahead with building": the gerund is what the verb goes on to."""
    return gerund.i == with_.i + 1 and with_.head.pos_ in VERBAL and subject_of(gerund) is None


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
        if _undertaking_after_stance(tok, in_chain, lex) or _finite_after_gerund(tok, root, lex):
            found.append(tok)
            continue
        if subject_of(tok) is not None or tok.tag_ not in ("VB", "VBP", "VBZ", "VBD"):
            continue
        # "... and expressed their desire to reopen X", "... and remain committed to X"
        carrier = _undertaking_noun(tok, lex) or _predicate_adjective(tok, lex)
        trig = lex.verbs.get(lemma_of(tok, lex.verbs)) if carrier is None else \
            lex.nouns.get(carrier.lemma_.lower()) or lex.adjectives.get(carrier.lower_)
        if trig is None or trig.kind != "commitment" or not trig.needs_action or trig.aspectual:
            continue
        action = action_of(carrier if carrier is not None else tok, lex)
        if action is None or any(c.dep_ == "auxpass" for c in action.children):
            continue
        # ("... ensuring oil can reach markets and expressed their desire to ...": a past tense
        # joined to a base form is no verb of that clause)
        # (nor a present tense joined to a verb under a modal: "so it may reflect X and remain committed to Y")
        if _in_reported_clause(tok, in_chain) and not (tok.tag_ == "VBD" and tok.head.tag_ in ("VB", "VBP", "VBZ")) \
                and not (tok.tag_ == "VBP" and tok.head.tag_ == "VB" and modal_of(tok.head, lex)[0] is not None):
            continue
        found.append(tok)
    return found


def _undertaking_noun(verb: Token, lex: TriggerLexicon) -> Token | None:
    """The undertaking noun a finite light verb carries ("expressed their desire to ...", not a
    purpose: "come to engage and to share our commitment to ...")."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or lemma_of(verb, lex.verbs) not in lex.light_verbs:
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in lex.nouns), None)


def _predicate_adjective(verb: Token, lex: TriggerLexicon) -> Token | None:
    """The trigger adjective of a copula ("remain committed to X")."""
    if lemma_of(verb, lex.verbs) not in lex.copulas:
        return None
    return next((c for c in verb.children if c.dep_ in ("acomp", "oprd") and c.lower_ in lex.adjectives), None)


def _undertaking_after_stance(tok: Token, chain: set[int], lex: TriggerLexicon) -> bool:
    """"We recognise that food security is a priority and will work to expand X": the parser
    conjoins "will work" to the verb of the stance's clause, but a verb with "will" and no subject
    after a present-tense clause carries on the speakers, not that clause's subject."""
    clause = tok.head
    if subject_of(tok) is not None or modal_of(tok, lex)[0] not in lex.binding_modals:
        return False
    if clause.dep_ != "ccomp" or clause.head.i not in chain or modal_of(clause, lex)[0] is not None:
        return False
    lemma = lemma_of(clause.head, lex.verbs)
    if lemma in lex.reporting_verbs:
        return False  # "noted that Chile ... and will host": reported speech, read as such
    if _fate_of_the_thing(tok, subject_of(clause), lex):
        return False  # "We believe that that goal is feasible and will promote employment": the goal's effect
    stance = lex.verbs.get(lemma)
    return stance is not None and stance.kind == "position" and clause.tag_ in ("VBZ", "VBP")


def _light_head_alone(first: Token | None, second: Token, lex: TriggerLexicon) -> bool:
    """"pledged to take solid action and support efforts to achieve the Paris Agreement temperature
    goal": a first verb phrase that is only a light head (codebook ``light_objects``: "take
    (solid) action", "take steps") with no purpose, object or prepositional phrase of its own, joined
    by "and" to the one verb phrase that carries the content, makes one undertaking with it (the
    light head has no content to count; gold note "two verbs ... on one purpose: one commitment")."""
    if first is None or first.lemma_.lower() != "take" or second.i <= first.i:
        return False
    objects = [c for c in first.children if c.dep_ == "dobj"]
    if len(objects) != 1 or (objects[0].lemma_.lower() not in lex.light_objects and objects[0].lower_ not in lex.light_objects):
        return False
    if any(c.dep_ in ("prep", "advcl", "xcomp", "ccomp", "acl", "relcl") for c in (*first.children, *objects[0].children)
           if c.i < second.i):
        return False  # ("take steps to X and Y", "take measures against X and Y": the light head has its own)
    # (the parser may hang the second verb on the light object: its subtree then runs past it)
    between = first.doc[objects[0].i + 1 : second.i]
    return [t.lower_ for t in between] == ["and"]


def _fate_of_the_thing(verb: Token, subject: Token | None, lex: TriggerLexicon) -> bool:
    """Whether ``verb``, joined under "will" to a stance's clause about a thing ("that that goal is
    feasible and will promote employment and generate social justice", "that the domination of one
    people over another is contrary to our times and will soon be swept into the dustbin of history"),
    says what the thing will do or undergo: a verb of effect (codebook news ``effect_verbs``,
    ``thing_only_effect_verbs``) or a passive, with a common noun that names no actor for the clause's
    subject. The speakers' own act stays theirs ("recognise that food security is a priority and
    will work to expand X": working is no effect)."""
    if subject is None or subject.pos_ != "NOUN" or _actor_like(subject, lex):
        return False
    news = lex.news
    return any(c.dep_ == "auxpass" for c in verb.children) \
        or verb.lemma_.lower() in news.effect_verbs or verb.lemma_.lower() in news.thing_only_effect_verbs


def _finite_after_gerund(tok: Token, root: Token, lex: TriggerLexicon) -> bool:
    """"reiterate our commitment to X, including by supporting Y and welcome Z": a trigger verb in
    the present, conjoined to a gerund of the means, cannot continue that gerund ("supporting Y
    and welcome Z" is not English); it continues the present-tense main clause, a statement of
    its own."""
    if subject_of(tok) is not None or tok.tag_ not in ("VB", "VBP") or tok.head.tag_ != "VBG" \
            or tok.head.dep_ not in ("pcomp", "advcl", "xcomp"):
        return False
    if root.tag_ != "VBP" or modal_of(root, lex)[0] is not None or modal_of(tok, lex)[0] is not None:
        return False
    return lemma_of(tok, lex.verbs) in lex.verbs


def _in_reported_clause(tok: Token, chain: set[int]) -> bool:
    """Inside "... that the Kyrgyz side does not claim X": a clause with its own subject."""
    node = tok.head
    while node.i not in chain and node.head.i != node.i:
        if node.dep_ in ("ccomp", "advcl") and subject_of(node) is not None:
            return True
        node = node.head
    return False


def _party_named_before_it(subject: Token | None, lex: TriggerLexicon) -> Token | None:
    """"As France assumes the Presidency, it will keep X informed", "When Kenya chairs the body, it
    will host Y": "it" refers back to the subject of the clause set before it when that subject names
    a party (a proper name, no instrument); "once the Agreement enters into force, it will ..." names
    no party, and after a coordinated clause ("Kenya welcomed the Roadmap, and it will guide X")
    "it" may be the object."""
    if subject is None or subject.lower_ != "it":
        return None
    leading = [c for c in subject.head.children if c.dep_ == "advcl" and c.i < subject.i]
    named = next((t for c in leading for t in c.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    if named is None or named.pos_ != "PROPN" or not _actor_like(named, lex):
        return None
    return named


def _actor_like(subject: Token | None, lex: TriggerLexicon) -> bool:
    """Could this subject be a party? Names, personal pronouns, and nouns such as 'leaders'."""
    if subject is None:
        return True
    if not _one_actor_like(subject, lex) and subject.lower_ not in _NO_PARTY_WORDS:
        # "President Moon Jae-in and his counterpart": a coordinated subject whose first head the
        # parser misread ("Jae-in" cut at its hyphen) still names parties in its conjuncts
        return any(c.dep_ == "conj" and _one_actor_like(c, lex) for c in subject.children)
    return _one_actor_like(subject, lex)


_NO_PARTY_WORDS = frozenset(("it", "this", "that", "these", "those", "which", "there", "what"))


def _counted_parties(subject: Token) -> bool:
    """"The two also pledged to ...", "all three agreed to ...": a bare number standing for the
    parties the report has named (not "two of the projects", "the two agreements": the number
    heads no noun of its own)."""
    return subject.pos_ == "NUM" and subject.dep_ == "nsubj" and subject.like_num and not any(
        c.dep_ == "prep" for c in subject.children) and any(
        c.dep_ in ("det", "predet") and c.lower_ in ("the", "all") for c in subject.children)


def _one_actor_like(subject: Token, lex: TriggerLexicon) -> bool:
    low = subject.lower_
    if low in _NO_PARTY_WORDS:
        return False
    if speaks_as_group(subject, lex):
        return True  # "The Summit directed the Council to ...", "the group committed to concluding ..."
    if subject.pos_ == "PROPN" and (low in lex.instruments or low in lex.non_actor_heads):
        return False  # "The Agreement on Reciprocal Trade will build upon ..."
    if subject.pos_ in ("PROPN", "PRON") or low in ("both", "all", "each", "together"):
        return True
    if _counted_parties(subject):
        return True
    if subject.lemma_.lower() in lex.actor_nouns or low in lex.actor_nouns:
        return True
    if subject.lemma_.lower() in lex.office_heads and any(
            p.dep_ == "prep" and p.lower_ == "of" and any(
                o.dep_ == "pobj" and o.lemma_.lower() in lex.office_domains for o in p.children)
            for p in subject.children):
        return True  # "the two heads of state agreed": the parties' speakers (codebook office_heads, office_domains)
    if subject.pos_ == "NOUN" and low in lex.corporate_nouns:
        return True  # "the Chinese firm will hold a stake": acts for its side (codebook corporate_nouns)
    # "Chinese officials", "the U.S. side": a proper-noun or demonym modifier with a generic head
    return any(c.pos_ == "PROPN" for c in subject.children if c.dep_ in ("compound", "amod", "poss")) and \
        subject.lemma_.lower() in lex.actor_nouns


def _states_its_content(noun: Token) -> bool:
    """"the need to build X", "the importance of maintaining Y": the noun of necessity governs what
    is needed (not "the members' needs and requests")."""
    return any((c.dep_ == "acl" and is_infinitive(c)) or (c.dep_ == "prep" and c.lower_ in ("of", "for")
               and any(g.dep_ == "pcomp" for g in c.children)) for c in noun.children)


def _we_report(reporter: str | None) -> bool:
    """The reporting subject is the speakers themselves ("We reaffirm that ...")."""
    return reporter is not None and reporter.strip().lower() == "we"


def _finite_tense_of_its_own(verb: Token) -> bool:
    """A verb joined to the one before in a past form ("worked"), which no modal governs: after
    "will" or "would" a joined verb is a base form ("will negotiate and finalize"), so this one does
    not share the modal (the parser hangs a relative clause's verb, "X, who has with modesty worked
    diligently", on the main verb). A past form spelt as its base ("put", "set", "cut") may be a
    base form and shares it; a present form ("or is ready to") is left to the modal, as a question
    or a hedge ("could he ..., or is ready to ...") may govern it."""
    return verb.dep_ == "conj" and verb.tag_ == "VBD" and verb.lower_ != verb.lemma_.lower()


def _means_of_previous(verb: Token, subject: Token | None, modal: str | None, lex: TriggerLexicon) -> bool:
    """"This will include improving the efficacy of X": a demonstrative subject, a means verb
    (codebook means_verbs) under a binding modal, and a gerund: a means of the undertaking just
    stated ("This will include new costs" names none); or the list of what it will deliver ("Key
    projects will include $24 million for X; ...", extract/deliverables.py)."""
    if subject is None or modal not in lex.binding_modals or verb.lemma_.lower() not in lex.means_verbs:
        return False
    if subject.lower_ not in ("this", "that", "these"):
        return lists_deliverables(verb, subject, lex)
    return any(c.tag_ == "VBG" and c.dep_ in ("xcomp", "dobj", "ccomp") for c in verb.children)


def _restates_undertaking(verb: Token) -> bool:
    """"(we) will do it", "will do so": a pro-verb that stands for the undertaking just stated."""
    return verb.lemma_.lower() == "do" and any(c.dep_ in ("dobj", "advmod") and c.lower_ in ("it", "so", "this", "that")
                                               for c in verb.children)


def _effect_of_undertaking(subject: Token | None, verb: Token, lex: TriggerLexicon) -> bool:
    """"(Analysis indicates that) our commitments will deliver 2.1 per cent": an undertaking as the
    agent of an active verb states its expected effect, a forecast, not an undertaking ("said the
    plan will be completed", in the passive, reports one)."""
    return subject is not None and subject.lemma_.lower() in lex.reported_undertakings \
        and not any(c.dep_ == "auxpass" for c in verb.children)


def _shares_object_with_head(verb: Token, lex: TriggerLexicon) -> bool:
    """"adopt and implement X", "denounce and condemn X": a verb conjoined right after one that
    has no object of its own, saying the same kind of thing ("commends and commits to" does not)."""
    head = verb.head
    if verb.dep_ != "conj" or subject_of(verb) is not None or verb.i <= head.i:
        return False
    between = verb.doc[head.i + 1 : verb.i]
    # only "and"/"or", adverbs, and a stranded preposition ("work with and fully support X"), or
    # commas and the verb's own modal around them ("commit to, and will prioritise, X")
    if not any(t.lower_ in ("and", "or") for t in between) or not all(
            t.lower_ in ("and", "or") or t.dep_ == "advmod" or (t.dep_ == "prep" and not list(t.children))
            or t.text == "," or (t.dep_ == "aux" and t.head.i == verb.i and "," in between.text) for t in between):
        return False
    if lemma_of(verb, lex.verbs) in lex.copulas and any(c.dep_ in ("acomp", "oprd") and c.lower_ in lex.adjectives
                                                         for c in verb.children):
        return False  # "supports and is willing to participate in X": the adjective names its own undertaking
    mine, theirs = lex.verbs.get(lemma_of(verb, lex.verbs)), lex.verbs.get(lemma_of(head, lex.verbs))
    if mine is None:
        return True
    if mine.needs_action:
        return False  # "... and commit to X" names its own action
    # under "will" both verbs are undertakings; otherwise they must say the same kind of thing
    return modal_of(head, lex)[0] in lex.firm_modals or theirs is None or theirs.kind == mine.kind


def _tense_of_its_own(verb: Token, lex: TriggerLexicon) -> bool:
    """"... reaffirmed his intent to host X and relayed the importance of Y": a verb in the past or
    the third person, conjoined after a clause head of the same tense, whose object is a state
    (importance, necessity: a stance the trigger rules cannot read), is a clause of its own even
    with no subject, and stays out of the span before it."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ") or head.tag_ != verb.tag_ or head.i > verb.i:
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in lex.state_nouns for c in verb.children)


def _finite(verb: Token) -> bool:
    """A finite clause ("we look forward"), not an infinitive the parser gave a subject ("Japan to help")."""
    # (a finite auxiliary makes it finite too: "..., and our countries have taken initial steps")
    return verb.tag_ in ("VBP", "VBZ", "VBD") \
        or any(c.dep_ == "aux" and c.tag_ in ("MD", "VBP", "VBZ", "VBD") for c in verb.children)


def _welcomed_undertakings(head: Token, lex: TriggerLexicon) -> list[tuple[Token, Token, Token]]:
    """"welcomed X's participation ..., and the Kingdom's announcement to meet ...": further
    undertakings of other parties in a welcome's list, as (noun, owner, action)."""
    found = []
    for noun in head.subtree:
        if noun.dep_ != "conj" or noun.lemma_.lower() not in lex.reported_undertakings:
            continue
        owner = owner_of(noun, lex)
        action = action_of(noun, lex)
        if owner is not None and action is not None:
            found.append((noun, owner, action))
    return found


def _verbs_joined_to_object(action: Token) -> list[Token]:
    """"support the recovery and address deflationary pressures": a base-form verb after "and"
    that the parser conjoined to the action's object noun, with an object of its own after it
    (not "the design and use of X": a noun the tagger made a verb; nor the end of a comma list,
    "resources, initiatives, and use cases", which the series rules read)."""
    if action.tag_ != "VB":
        return []
    doc, verbs = action.doc, verb_lemmas()
    return [t for t in action.subtree if t.i > action.i and t.tag_ == "VB" and t.dep_ == "conj"
            and t.head.pos_ == "NOUN" and doc[t.i - 1].lower_ == "and" and doc[t.i - 2].text != "," and t.lower_ in verbs
            and t.i + 1 < len(doc) and doc[t.i + 1].pos_ in ("ADJ", "NOUN", "DET", "PRON")
            and not any(c.dep_ in ("det", "poss", "amod") for c in t.children)]


def _repeated_infinitives(trigger: Token, action: Token) -> list[Token]:
    """"committed to continuing to partner in X and to jointly lead in Y": an infinitive with its
    own "to" that the parser conjoins to the trigger verb, after its first action, is a second
    action of the trigger (no subject or modal of its own: not a new clause)."""
    if action.dep_ not in ("pcomp", "xcomp") or action.i < trigger.i:
        return []
    return _second_infinitives(trigger, action.i)


def _second_infinitives(verb: Token, after: int) -> list[Token]:
    """The infinitives with their own "to" the parser conjoins to ``verb`` after word ``after``, with
    no subject or modal of their own (not a new clause): second actions of one undertaking."""
    return [c for c in verb.children if c.dep_ == "conj" and c.i > after and is_infinitive(c)
            and subject_of(c) is None and not any(a.dep_ == "aux" and a.tag_ == "MD" for a in c.children)]


def _infinitives_after_continuing(action: Token, lex: TriggerLexicon) -> list[Token]:
    """"are committed to continuing to expand X and to open Y", "share the goal of continuing to
    bolster X and to contribute to Y": the parser joins the second infinitive, with its own "to", to
    the act of the aspectual gerund ("continuing"); it is a second act of the undertaking."""
    if action.tag_ == "VBG" and _aspectual(action, lex):
        inner = next((c for c in action.children if c.dep_ == "xcomp" and is_infinitive(c)), None)
    elif action.dep_ == "xcomp" and action.head.tag_ == "VBG" and _aspectual(action.head, lex):
        inner = action
    else:
        return []
    return [] if inner is None else _second_infinitives(inner, inner.i)


def _aspectual(verb: Token, lex: TriggerLexicon) -> bool:
    """A verb of continuing ("continuing to X"): its trigger entry is aspectual."""
    trig = lex.verbs.get(verb.lemma_.lower())
    return trig is not None and trig.aspectual


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


def _other_kind(verb: Token, lex: TriggerLexicon) -> bool:
    """An appreciation verb ("welcome", "commend"): joined to an undertaking, it still welcomes
    (a stance verb such as "support" or "share" joined to one is done as part of it)."""
    trigger = lex.verbs.get(verb.lemma_.lower())
    return trigger is not None and trigger.kind == "appreciation"


def _first_item_of_colon_list(trigger: Token, action: Token, extra: Token) -> bool:
    """"will seek to: promote X and increase Y; strengthen Z": the action opens a list after a
    colon, and ``extra`` joins it by a bare "and" inside the same item."""
    doc = trigger.doc
    if not any(t.text == ":" for t in doc[trigger.i : action.i]):
        return False
    between = doc[action.i : extra.left_edge.i]
    return not any(t.text in (";", ",") for t in between)


def _verb_like_conjuncts(action: Token, lex: TriggerLexicon) -> list[Token]:
    """"consult regularly on X, as well as work together": a bare verb conjoined to a base-form
    action that the tagger took for a noun (no determiner, a verb the lexicon knows)."""
    if action.tag_ != "VB":
        return []
    out = [c for c in action.children if c.dep_ == "conj" and c.tag_ == "NN" and c.lower_ in lex.verbs
           and not any(g.dep_ in ("det", "poss", "amod", "compound") for g in c.children)]
    # "intends to encourage and facilitate $300 million of X and increase by 50 percent Y": a base form
    # English uses as a verb, conjoined after "and" to a later base-form verb of the chain, with a
    # preposition or an object of its own and no determiner: the chain's next verb, whatever the tagger said
    for verb in conj_chain(action)[1:]:
        out += [c for c in verb.children if c.dep_ == "conj" and c.tag_ == "NN" and verb.tag_ == "VB" and c.i > verb.i
                and c.lower_ in verb_lemmas() and c.doc[c.i - 1].lower_ == "and" and c not in out
                and not any(g.dep_ in ("det", "poss", "amod", "compound", "nummod") for g in c.children)
                and any(g.dep_ in ("prep", "dobj") and g.i > c.i for g in c.children)]
    return out


def _ends_noun_list(previous: Token, gerund: Token) -> bool:
    """"on law enforcement, cybersecurity, public health and promoting C": a gerund closing a comma
    list of nouns (not "..., as well as continuing to support")."""
    between = gerund.doc[previous.i + 1 : gerund.i]
    return any(t.text == "," for t in between) and not _after_as_well_as(gerund)


def _closes_noun_list(head: Token) -> bool:
    """A gerund the parser conjoins to a base-form verb whose preposition governs a comma list of
    nouns ("cooperate on export controls, investment security, and combatting duty evasion"): the
    last item of that list, no clause of its own (a base form cannot share "will" with a gerund)."""
    verb = head.head
    if head.dep_ != "conj" or head.tag_ != "VBG" or verb.tag_ != "VB" or subject_of(head) is not None:
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in head.children):
        return False
    listed = any(g.dep_ == "pobj" and any(n.dep_ == "conj" and n.i < head.i for n in g.children)
                 for p in verb.children if p.dep_ == "prep" and p.i < head.i for g in p.children)
    return listed and _ends_noun_list(verb, head)


def _noun_in_examples_list(head: Token) -> bool:
    """"reaffirmed X and relayed Y, including doses, support to save lives, and financing": a
    present-tense form conjoined to a past-tense verb across an "including" list is a noun of
    that list the tagger took for a verb (a past-tense report does not go on in the present)."""
    verb = head.head
    if head.dep_ != "conj" or head.tag_ != "VBP" or verb.tag_ != "VBD" or subject_of(head) is not None:
        return False
    if head.i == 0 or head.doc[head.i - 1].text != ",":
        return False  # (", and agree to X": a coordination, whatever its tense)
    return any(t.lower_ == "including" for t in head.doc[verb.i + 1 : head.i])


def _after_as_well_as(tok: Token) -> bool:
    return tok.doc[max(0, tok.i - 3) : tok.i].text.lower() == "as well as"


def _series_actions(head: Token, taken: set[int], pool=None, lex: TriggerLexicon | None = None) -> list[tuple[Token, int]]:
    """"we will use early warning, regularly consult each other, collaboratively assess situations,
    and explore responses": base-form verbs after a comma (and an optional "and" or adverb) in the
    clause of a verb under "will" are further actions of that "will", however the parser hung them.
    Each as (verb, index of the item's first token); ``pool``: where to look (``head``'s clause)."""
    out = []
    verbs = verb_lemmas()
    for tok in head.subtree if pool is None else pool:
        # (a verb tagged as a noun only after an infinitive's first item: "agreed to share X, exchange Y")
        if tok.i <= head.i or tok.i in taken or not (tok.pos_ == "VERB" and tok.tag_ in ("VB", "VBP")
                                                     or (pool is not None and _verb_as_noun(tok))):
            continue
        if tok.dep_ in ("aux", "auxpass", "xcomp", "ccomp") or subject_of(tok) is not None or embedded_under(tok, head):
            continue
        if tok.lower_ not in verbs or not _takes_object(tok) or _noun_in_examples_list(tok):
            continue  # "illicit finance", "design, development, and use that ...": nouns the tagger made verbs
        if _carries_on_nearer_verb(tok, head, {t.i for t, _ in out}, lex):
            continue  # it carries on a nearer infinitive's verb ("align around targets to help vaccinate X, save Y")
        first = comma_item_start(tok.doc, tok.i, head.i + 1, bare_comma=True)
        if first is None and out and (after_and := _after_and(tok, head)) is not None:
            first = after_and  # "lift growth, boost resilience and (actively) strengthen institutions": the last item
        if first is None and not out and not any(c.dep_ == "dobj" for c in head.children):
            # "to strengthen X and address Y": two purposes of a head with no object of its own
            # ("will impose measures to prevent X and restrict Y" stays one)
            first = and_item_start(tok.doc, tok, head.i + 1)
        if first is not None:
            out.append((tok, first))
    return out


def _after_and(tok: Token, head: Token) -> int | None:
    """Where the item of ``tok`` starts when "and"/"or" and adverbs only come before it: "... and
    actively promote X" starts at "actively"."""
    k = tok.i - 1
    while k > head.i and tok.doc[k].pos_ == "ADV" and tok.doc[k].dep_ == "advmod" and tok.doc[k].head.i == tok.i:
        k -= 1
    return k + 1 if tok.doc[k].lower_ in ("and", "or") else None


def _verb_as_modifier(tok: Token) -> bool:
    """"will modernize X, improve public health, advance physical connectivity, and Y": in a series
    of bare verbs, a verb the tagger took for a noun (a modifier) after a bare comma, with a
    determiner, a possessive or an adjective right after it ("advance workers' rights", "advance
    the talks"), opens an item of its own: the parser joins it to the previous item's object.
    ("improve clinics, support services" stays one: a noun after it may be the word's own head.)"""
    doc = tok.doc
    if tok.tag_ not in ("NN", "JJ") or tok.lower_ not in verb_lemmas() or tok.i + 1 >= len(doc) or doc[tok.i - 1].text != ",":
        return False
    after = doc[tok.i + 1]
    if after.tag_ not in ("DT", "PRP$", "JJ", "JJR", "JJS") and after.dep_ != "poss":
        return False
    # "deter and, where appropriate, counter X": the comma closes an aside inside one item
    k = tok.i - 2
    while k >= 0 and doc[k].text != "," and doc[k].pos_ in ("ADV", "ADJ", "SCONJ", "ADP", "CCONJ"):
        k -= 1
    return not (k > 0 and k < tok.i - 2 and doc[k].text == "," and doc[k - 1].lower_ in ("and", "or"))


def _in_verb_series(verb: Token) -> bool:
    """Whether ``verb`` is an item of a series of verbs: joined to a verb before it, or joined by one after it."""
    return (verb.dep_ == "conj" and verb.head.pos_ == "VERB") or any(c.dep_ == "conj" and c.pos_ == "VERB" for c in verb.children)


def _verb_as_noun(tok: Token) -> bool:
    """"agreed to share X, exchange information and ...": a base-form verb the tagger took for a
    noun, given away by the direct object the parser still hung on it."""
    return tok.tag_ == "NN" and any(c.dep_ == "dobj" for c in tok.children) \
        and not any(c.dep_ in ("det", "poss", "amod", "compound") for c in tok.children)


def _carries_on_nearer_verb(tok: Token, head: Token, items: set[int], lex: TriggerLexicon | None = None) -> bool:
    """Whether ``tok`` continues a verb nearer than ``head``'s: one under a nearer infinitive ("to
    help vaccinate X, save Y"). Items that continue the nearer infinitive itself are purposes of
    the undertaking, one each ("work in partnership to lift growth, boost resilience and strengthen
    institutions"): no other verb but earlier items stands between it and ``tok``; but not the
    purposes of a verb with content of its own ("expand cooperation to dismantle X, pursue Y")."""
    between = tok.doc[head.i + 1 : tok.i]
    infinitives = [t for t in between if is_infinitive(t)]
    if not infinitives:
        return False
    nearest = infinitives[-1]
    if len(infinitives) > 1 or nearest.head.pos_ == "ADJ":
        return True  # "policies are appropriate to support growth, strengthen demand": what is appropriate
    if lex is not None and _purpose_of_verb_with_content(nearest, head, lex):
        return True
    return any(t.pos_ == "VERB" and t.i not in items for t in tok.doc[nearest.i + 1 : tok.i])


def _purpose_of_verb_with_content(infinitive: Token, head: Token, lex: TriggerLexicon) -> bool:
    """"to intensify and expand cooperation in intelligence to dismantle the networks, pursue X":
    the infinitive is the purpose of ``head`` (or of a verb joined to it) that has an object of its
    own, so the items after it are that purpose's and stay inside the one undertaking (annotation
    guide §10, "Light heads"); an object with no content ("take measures to X, Y") is no such verb."""
    verb = infinitive.head
    if infinitive.dep_ != "advcl" or verb.pos_ != "VERB" or verb.i < head.i:
        return False
    if verb.i != head.i and not (verb.dep_ == "conj" and verb.head.i == head.i):
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < infinitive.i), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
        return False
    lemma = obj.lemma_.lower()
    return lemma not in lex.light_objects and obj.lower_ not in lex.light_objects and lemma not in lex.nouns


def _takes_object(verb: Token) -> bool:
    """An action names what it acts on: an object or complement, or the noun right after it that
    the parser took for the verb's head ("collaboratively assess situations")."""
    if any(c.dep_ in ("dobj", "dative", "prep", "xcomp", "attr", "acomp", "prt") for c in verb.children):
        return True
    return verb.dep_ in ("amod", "compound") and verb.head.pos_ == "NOUN" and verb.head.i > verb.i



def _infinitive(action: Token) -> Token | None:
    """The infinitive an action is ("to modernize") or names ("efforts to modernize")."""
    if is_infinitive(action):
        return action
    if action.pos_ == "NOUN":
        return next((c for c in action.children if c.dep_ == "acl" and is_infinitive(c)), None)
    return None


def _item_starts(doc: Doc, lo: int, hi: int) -> list[int]:
    """Where a new item of a comma series begins between ``lo`` and ``hi``: a word that can be a verb
    after "," or ", and" (adverbs allowed between), whatever its tag. Each as the index of its first token."""
    verbs = verb_lemmas()
    starts = (comma_item_start(doc, k, lo, bare_comma=False) for k in range(lo, hi + 1)
              if doc[k].lower_ in verbs and doc[k].tag_ in ("VB", "VBP", "NN"))
    return [first for first in starts if first is not None]


def _trim_back(doc: Doc, hi: int, lo: int) -> int:
    while hi > lo and (doc[hi].dep_ in _EDGE_TRIM or doc[hi].is_punct or doc[hi].lower_ in ("and", "or") or doc[hi].is_space):
        hi -= 1
    return hi


def _run(doc: Doc, anchor: Token, allowed: set[int]) -> tuple[int, int]:
    """The contiguous token run around ``anchor`` inside ``allowed``, edges trimmed."""
    lo = hi = anchor.i
    while lo - 1 in allowed:
        lo -= 1
    while hi + 1 in allowed:
        hi += 1
    while lo < hi and (doc[lo].dep_ in ("cc", "punct") or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi].dep_ in _EDGE_TRIM or doc[hi].is_space or _dangling_as_well(doc, hi)):
        hi -= 1
    return lo, hi


def _dangling_as_well(doc: Doc, i: int) -> bool:
    """"..., as well" left at the end of a run cut before "as [the intent to X]": the first two
    words of the joiner "as well as"."""
    if doc[i].lower_ == "well":
        return i > 0 and doc[i - 1].lower_ == "as" and i + 1 < len(doc) and doc[i + 1].lower_ == "as"
    return doc[i].lower_ == "as" and i + 2 < len(doc) and doc[i + 1].lower_ == "well" and doc[i + 2].lower_ == "as"


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
        if node.dep_ in ("relcl", "acl") or has_to(node):
            return True
        node = node.head
    return False
