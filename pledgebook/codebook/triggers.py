"""Trigger lexicon (triggers.yaml): the words that make a clause a statement."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from pydantic import model_validator

from pledgebook.codebook.files import CodebookError, FileSchema, KindName, Schema, StrengthName, Words

KINDS = KindName.__args__
STRENGTHS = StrengthName.__args__
CALL = "position.call"  # the category of calls on others to act


class Fallback(NamedTuple):
    """What a trigger makes of a clause that lacks what it needs (its ``otherwise``)."""

    kind: str
    category: str

    @classmethod
    def parse(cls, spec: str) -> Fallback:
        """"position.agree" -> (position, position.agree); "commitment" -> (commitment, commitment)."""
        kind, _, category = spec.partition(".")
        return cls(kind, spec if category else kind)


class Trigger(Schema):
    """A trigger word's entry: its kind and the flags that steer the clause finder. ``lemma``
    is the entry's key; ``category`` defaults to the kind, ``transparent`` to ``aspectual``."""

    lemma: str = ""
    kind: KindName
    category: str = ""
    strength: StrengthName | None = None
    needs_action: bool = False
    needs_modal: bool = False
    needs_instrument: bool = False
    # "the leaders adopted the declaration", "X and Y issued a joint statement": the parties' own text only
    # when the subject can be the speakers (we, they, the leaders, the summit) or the instrument is marked
    # as theirs (own_text_marks), not a named other body's ("the General Assembly adopted a resolution")
    own_text: bool = False
    needs_event: bool = False
    needs_person: bool = False
    needs_counterpart: bool = False  # an object, if any, is whom or what one meets ("meet its target" is not a meeting)
    # "Erdogan agreed with his Russian counterpart Vladimir Putin to form a gas hub": whom the subject
    # agrees with ("with" on the verb), when a party of the document, undertakes too (guide §4 comitative)
    joint: bool = False
    otherwise: Fallback | None = None  # "kind[.category]" in the file: the kind and category when a requirement is not met
    action_makes: KindName | None = None  # kind when an action complement is present
    action_strength: StrengthName | None = None
    aspectual: bool = False  # "continue to X": the kind follows X when X is a stance
    effort: bool = False  # "strive to X": in the present perfect ("has strived to") a past effort, an appreciation
    transparent: bool = False  # "wish to thank X": the kind follows a stance or thanks verb it introduces
    object_action: bool = False  # a deverbal direct object counts as the action ("announced the termination")
    particles: tuple[str, ...] = ()
    needs_particle: bool = False  # the verb is a trigger only with one of its particles ("look forward")
    anticipates: bool = False  # "look forward to X": a meeting to come, a soft undertaking or a hope, by X
    settles_instrument: bool = False  # "agreed to a Framework for ...": an instrument as object is an agreement
    # "the company wanted to make X the gateway": an intention, an undertaking only when stated now or
    # reported ("said it wanted to"), and only of an act (not "want to see")
    intention: bool = False
    reports_own_undertaking: bool = False  # "announce that we are creating X" is itself the undertaking
    # only the verb's own infinitive is the action ("offered to mediate"), not what its object is to
    # do ("offering opportunities to grow")
    complement_only: bool = False
    object_plan: bool = False  # an object naming an action or a plan is the action ("endorse the action plan")
    # "stand for X" = "support X": the object of this preposition on the verb is read as its direct object
    object_after: str | None = None
    assigns: bool = False  # "tasked their ministers with preparing X": a gerund after "with" is the task given

    @property
    def asks(self) -> bool:
        """A verb of asking others to act: a call itself ("urge") or one without an action ("encourage")."""
        return self.category == CALL or (self.otherwise is not None and self.otherwise.category == CALL)

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, raw: Any) -> Any:
        if not isinstance(raw, dict):
            return raw
        raw = dict(raw)
        if isinstance(raw.get("particles"), list):  # YAML gives lists; the entry keeps a tuple
            raw["particles"] = tuple(raw["particles"])
        if raw.get("category") is None and isinstance(raw.get("kind"), str):
            raw["category"] = raw["kind"]
        if isinstance(raw.get("otherwise"), str):  # parsed once here, never compared as a string
            raw["otherwise"] = Fallback.parse(raw["otherwise"])
        raw.setdefault("transparent", raw.get("aspectual", False))
        return raw

    @model_validator(mode="after")
    def _consistent(self) -> Trigger:
        if self.otherwise is not None and self.otherwise.kind not in KINDS:
            raise ValueError(f"unknown fallback {self.otherwise.category!r}")
        if self.needs_particle and not self.particles:
            raise ValueError("needs_particle without particles")
        if self.object_after is not None and self.object_after not in self.particles:
            raise ValueError("object_after names a preposition not among the particles")
        return self


class Modals(Schema):
    """The modal auxiliaries by what they make of an actor's clause; each modal in one class."""

    binding: Words  # "we will X": an undertaking
    obligation: Words  # "we must X": a call to act, on an action that is due
    advice: Words  # "we should X": a call to act
    not_binding: Words  # "we may X": neither

    @model_validator(mode="after")
    def _disjoint(self) -> Modals:
        seen: set[str] = set()
        for words in (self.binding, self.obligation, self.advice, self.not_binding):
            if set(words) & seen:
                raise ValueError(f"modal(s) {', '.join(sorted(set(words) & seen))} in two classes")
            seen |= set(words)
        return self


class Funding(Schema):
    """Funding pledged in news prose: "Japan pledged $200 million for the metro", "China offered
    a $3 billion loan": a verb of pledging money with an amount or a funding noun as its object."""

    verbs: Words  # lemmas: pledge, offer, earmark ...
    nouns: Words  # what is pledged when no amount is written: loan, grant, credit ...
    currencies: Words  # words that make a number an amount: dollars, yuan, yen ...
    passive_verbs: Words = []  # "will be fully funded by Russia": the agent pays (lemmas)
    target_verbs: Words = []  # "set an investment goal of 10 trillion yen" (lemmas)
    target_nouns: Words = []  # the goal or target set, with an amount in it
    concession_verbs: Words = []  # "China cut the interest rate on the loan": a lender's concession (lemmas)
    concession_nouns: Words = []  # the terms conceded: rate, interest, fee ...
    # "JICA will provide Rs 6,098 crore for X, Rs 1,517 crore for Y and Rs 274 crore for Z": after these
    # verbs (lemmas), each further amount for a purpose is a commitment of its own (extract/news_spans.py)
    item_verbs: Words = []
    # "pledged support to the island nation", "offered collaboration in therapeutics": help given by
    # a verb of pledging (lemmas) to a recipient or in a field (rules.yaml: aid_pledged)
    aid_verbs: Words = []
    aid_nouns: Words = []
    # "has committed additional assets in the Sahel", "pledged two battalions": what a party puts at
    # another's service besides money (lemmas and plurals)
    resource_nouns: Words = []


class Reports(Schema):
    """What news reports of a relationship state besides undertakings (rules.yaml:
    instrument_approved, decision_approved, progress_reported, stated_aim)."""

    approval_verbs: Words  # a cabinet's or a board's approval: of an instrument, or of a plan to act
    proposal_nouns: Words  # what is approved that names an action ("the proposal to establish ...")
    progress_nouns: Words  # "there has been good progress in X", "made headway on X": past progress
    progress_verbs: Words  # light verbs of progress made ("made", "achieved")
    slow_words: Words  # words that make the progress a concern, not an acknowledgement ("little progress")
    review_verbs: Words = []  # "assessed the progress of X, which has been progressing well": reviewed, found good
    good_words: Words = []  # what makes reviewed progress good ("well", "smoothly", "good")
    aim_nouns: Words  # "Our desire is to ...", "Our goal is to ...": a stated aim of the possessor
    # aim nouns that state an undertaking only with a measure ("Our goal is to raise trade to $15 billion
    # by 2023"); "our goal is to build a shared future" is a general aim
    measured_aim_nouns: Words = []
    expect_verbs: Words = []  # "Indonesia expects to conclude the talks": a party's act expected by itself
    decision_nouns: Words = []  # "our decision to introduce high-speed rail is historic": a decision taken
    glad_nouns: Words  # "expressed happiness that Japan will raise its target": Japan's undertaking reported
    appraised_things: Words  # heads of what a speaker praises ("the project is vital for ...")
    appraisal_words: Words  # what praises it: "important", "an epitome of", "the best example of"
    opening_verbs: Words  # "declared the official operation of the railway" (lemmas)
    opening_nouns: Words  # ... the opening declared


class SpeechFrames(Schema):
    """How a speaker frames what it states (extract/speech_frames.py): the frame says nothing itself."""

    # "That is why we will host the summit", "This is how we will ...": the clause after a
    # demonstrative's copula and one of these adverbs is a statement of its own
    reason_subjects: Words = []
    reason_adverbs: Words = []
    # "I am pleased to report that Fiji will ratify X", "I would like to inform the Assembly that
    # ...": a frame of feeling (adjectives) or politeness (polite_verbs) around a reporting verb
    frame_adjectives: Words = []
    # verbs that report a statement only inside such a frame ("inform the Assembly that ...")
    framed_reporting_verbs: Words = []
    # "We are proud that our capital will host the next summit": a that-clause under one of these
    # modals after a frame adjective is a report of a thing to come (the report is the statement)
    felt_future_modals: Words = []
    # ... whose subject is one of these pronouns or has one of them as its possessive
    felt_own_side: Words = []
    # "signed the agreement, with the intention of ratifying it": a phrase opened by one of these
    # prepositions on an aim noun (reports.aim_nouns) that governs an action is an undertaking of its own
    rider_prepositions: Words = []
    # "Tanzania will hold local elections", "elections will be held in Kazakhstan": a vote to come
    # that a party organises is its undertaking (extract/votes.py): the votes, and verbs of holding one
    votes: Words = []
    vote_holding_verbs: Words = []
    # "Kazakhstan will supply grain. It also intends to grow its cooperation with X": only an actor
    # intends, so "it" as the subject of these verbs (lemmas) refers back to a party
    volitional_verbs: Words = []
    # "almost 600 million people will continue to live in poverty", "millions of children will go
    # hungry": a counted population is no party, what it will do a forecast (nouns, lemmas)
    population_nouns: Words = []
    # "only a third of countries will reach the goal", "dozens of nations": states counted out of
    # all of them (only as the counted part, never "the two countries") are no party either
    counted_state_nouns: Words = []
    # "millions of children", "a third of households": words that count what their "of" names (lemmas)
    count_words: Words = []
    # "the government has undertaken several reforms": a verb of carrying out (lemmas) in the past,
    # with a thing and no action for object, tells a deed done (an appreciation), not an undertaking
    deed_verbs: Words = []
    # "I propose a pact on El Nino", "I reiterate my proposal to establish an agency": the speaker's
    # own proposal, made now or renewed, is its soft undertaking to pursue it (verbs of proposing;
    # verbs that renew a proposal; nouns of a proposal)
    proposing_verbs: Words = []
    renewing_verbs: Words = []
    proposal_nouns: Words = []
    # "I take this opportunity to reaffirm ...", "I allow myself to propose ...": the speaker's verb of
    # taking the occasion (lemmas) says nothing; its infinitive of purpose is the statement
    occasion_verbs: Words = []
    occasion_objects: Words = []  # what is taken: "this opportunity", "this rostrum", "myself"
    # "I am going to speak about three issues": verbs of the speech itself, which undertake nothing
    speaking_verbs: Words = []
    # "would like to conclude by ...", "want to pay tribute to X": a move of the speech, no act wanted
    discourse_verbs: Words = []
    discourse_objects: Words = []
    audience_words: Words = []  # "provide the Assembly with X", "take everyone back to 1992": the audience acted on
    # "Mongolia has presented its candidature for a seat on the Council", "we count on your support
    # for our candidacy", "we are seeking a seat on the Council": the speaker's own candidacy is its
    # undertaking to stand (firm when presented or announced: candidacy_verbs; soft when only
    # mentioned, or a seat sought: seeking_verbs + seat_nouns)
    candidacy_nouns: Words = []
    candidacy_verbs: Words = []
    # "We are therefore candidates to the Security Council for 2027-2028": the speaker stated to be a
    # candidate (candidate_nouns after "be") for or to a body or seat is its candidacy presented (firm)
    candidate_nouns: Words = []
    seeking_verbs: Words = []
    seat_nouns: Words = []
    # "We remain firm in our process of accession to X", "remain steadfast in our commitment to
    # reform the Council": steadfastness (adjectives) in a process or an undertaking to act is a
    # moderate commitment, as "remain committed to" is
    steadfast_adjectives: Words = []
    # what a speech's rhetoric states that a trigger would over-read (extract/rhetoric.py):
    # "..., trying to pin the blame on X": verbs of attempt (lemmas), as a participle a description
    attempt_verbs: Words = []
    # "Anything short of that will continue to undermine X": indefinite pronouns of things, no party
    thing_pronouns: Words = []
    # "Later today, I will host the conference": words that date a meeting to the day of the text
    same_day_words: Words = []
    # "will be hosting the Technology Centre": bodies hosted (lemmas), an undertaking, not a meeting
    hosted_bodies: Words = []
    # "will lead by example and contribute X": prepositions of a manner that names no target
    manner_prepositions: Words = []
    # "That is a commitment that my country will uphold": verbs of keeping an undertaking noun (lemmas)
    keeping_verbs: Words = []
    # the speaker's programme (extract/programmes.py): "made X a national objective" sets a target
    made_targets: Words = []
    # "we will be the first country to invest X", "will be among the first to ratify": ordinals
    # whose infinitive is the act the speaker undertakes to lead (extract/programmes.py)
    leading_ordinals: Words = []
    # "will promote world peace and development": nouns of general aims (lemmas), and the nouns that
    # only carry one ("contributions to the advancement of human civilization")
    general_aims: Words = []
    aim_carriers: Words = []
    # "and to fostering peace and security": a general aim only when no word names its field
    # ("maritime security", "energy security" name one)
    bare_aims: Words = []
    # "agreed to treble resources": verbs the tagger reads as adjectives after "to" (extract/misparsed.py)
    multiplying_verbs: Words = []


class NewsProse(Schema):
    """What news prose states outside an undertaking's own words (extract/news_prose.py; rules.yaml:
    achievement_reported, still_on_agenda, effect_forecast, advancing_with, instrument_circumstance)."""

    # "we have lifted the ban", "the line has carried 5 million passengers, the minister said": an
    # achievement acknowledged, except with these verbs (lemmas), which report a setback or a state
    not_achievements: Words = []
    # "we have been able to identify projects": the achievement is the verb after one of these
    ability_words: Words = []
    # "Sri Lanka marked a milestone by securing X", "reached a landmark": an achievement named (objects)
    milestone_words: Words = []
    # "the gas hub is still on the agenda, Putin said": a pending undertaking kept alive (a stance)
    pending_places: Words = []
    # "the best example of our countries' cooperation": praise of the relationship, whatever praises it
    bond_nouns: Words = []
    # "the investment is expected to bolster growth, it added": an effect forecast (appreciation)
    forecast_verbs: Words = []
    # "are moving forward with plans to build a hub": an undertaking pressed on (lemmas, then adverbs)
    advancing_verbs: Words = []
    advancing_words: Words = []
    # "were present when the agreement was signed", "under an agreement reached in 2017": an
    # instrument concluded told as a circumstance (lemmas of concluding an instrument)
    concluding_verbs: Words = []
    # "The talks focused on the railway": what the talks (an event noun) were about, a discussion
    topic_verbs: Words = []
    # "Trong said the framework will create favourable conditions", "the cut will benefit Malaysia": a
    # thing's effect forecast under "will" (an appreciation, extract/news_pledges.py): the things
    # (lemmas, besides reports.appraised_things) and the verbs of effect (lemmas)
    effect_things: Words = []
    effect_verbs: Words = []
    # "(Ruto stated) This will help to save on time and cost": a demonstrative subject refers back to
    # a thing or a step told before, never to a party: with a verb of effect it forecasts too
    referring_things: Words = []
    # "This will help to save time, hence enhance trade": an adverb of consequence (as written) that
    # carries a forecast on to a second verb, which shares its "will" and subject
    consequence_adverbs: Words = []
    # "It will also stimulate growth", "Akkuyu will generate 35 billion kWh a year": verbs of effect
    # only a thing does, a forecast under "will" whatever names the subject, if it names no party
    thing_only_effect_verbs: Words = []
    # "the completion of the line will provide an alternative route": the outcome of a project (these
    # nouns) is a thing too, and what it will give (these verbs, besides effect_verbs) a forecast
    outcome_things: Words = []
    outcome_verbs: Words = []
    # "costs will fall sharply", "it would become an engine of growth": a thing's change of state to come,
    # forecast (these lemmas, with no object), not an undertaking
    state_change_verbs: Words = []
    # "he will treasure the honour": a feeling under "will" binds no one to act (an appreciation)
    sentiment_verbs: Words = []
    # "Speaking after the talks, X said ...": the participles (lemmas) that tell the circumstances of a
    # report, kept out of its span (extract/news_pledges.py)
    circumstance_participles: Words = []
    # '"... a groundbreaking level." Moon said', '..., ” he noted': the verbs (as written) of an
    # attribution right after a closing quotation mark (extract/news_pledges.py quote_speaker_after)
    quote_attribution_verbs: Words = []
    # "said during a meeting with Xi, both sides agreed ...": a phrase of these prepositions with an event
    # noun, before the subject, tells the meeting, kept out of the undertaking's span (extract/news_spans.py)
    meeting_prepositions: Words = []
    # "In a joint statement issued on Wednesday, the two countries affirmed ...": preposition -> nouns of a
    # phrase before the subject that names the text or occasion, kept out of the span (extract/news_spans.py)
    occasion_phrases: dict[str, Words] = {}
    # "pledging closer cooperation during his first visit on June 6": a phrase of these prepositions with
    # an event noun that ends an undertaking tells the meeting it was made at, kept out of its span
    closing_meeting_prepositions: Words = []
    # "said Indonesia highly values its coordination with China and stands ready to ...": a verb of valuing
    # (lemmas) coordinated before a reported undertaking is a statement of another kind, cut out of its span
    valuing_verbs: Words = []


class Launches(Schema):
    """A mechanism the parties launch at the meeting a text reports (extract/launches.py; rules.yaml:
    launched_mechanism): "the leaders launched the Coordination Platform", "announced a new
    Partnership for the Energy Transition" in a joint statement, readout or fact sheet."""

    verbs: Words = []  # lemmas of launching
    nouns: Words = []  # what is launched: a standing mechanism or new projects
    # a process launched ("Today, we launch discussions to orient our future negotiations"): new by
    # being launched, with no "new" or name needed
    processes: Words = []
    past_words: Words = []  # "one year ago", "in April": a launch told as past (with a year: extract/launches.py)
    # welcomed (extract/welcomed_launches.py, rules.yaml: welcomed_own_launch): the nouns of a launch
    # ("welcome the establishment of X"), of a plan to launch ("welcome plans to launch X"), the words
    # that make the thing the parties' own ("our", "bilateral"; besides their names) and that make a
    # meeting one to come ("the dialogue planned in October", "our next ministerial")
    welcomed_nouns: Words = []
    welcomed_plans: Words = []
    own_words: Words = []
    coming_words: Words = []


class FavourReceived(Schema):
    """Others' favour that a party hopes or counts on receiving (extract/hopes.favour_received):
    "We hope to merit the trust of Member States", "hopes to receive continued support for X",
    "continue to count on the support of the international community": a request, a position,
    not an act undertaken (annotation guide §10 batch 3, candidacy: "the request a position")."""

    verbs: Words = []  # lemmas of receiving or earning
    on_verbs: Words = []  # lemmas that take their favour after "on" ("count on", "rely on")
    nouns: Words = []  # lemmas of others' favour


class NounReadAsVerb(Schema):
    """A noun of resolve the tagger reads as a verb (extract/misparsed.noun_read_as_verb): "a
    demonstration of solidarity and resolve to uphold the rule of law"."""

    words: Words = []  # the nouns the tagger may read as verbs
    companions: Words = []  # nouns of quality that, joined before them by "and", make them nouns


class OwnAddressees(Schema):
    """A group's own organs and members as the addressees of a call (extract/redraft.py,
    own_members_called): "The Summit called upon the Council of Ministers to ...", "urged Member States
    to ...": the group's directive to itself, not a call on others."""

    organs: Words = []  # an organ's whole name, compounds and "of" phrase included ("council of ministers")
    members: Words = []  # the members by that word alone ("call upon members to ...")
    member_heads: Words = []  # a noun of states with one of members before it ("Member States")


class RenewedCooperation(Schema):
    """"The two sides reaffirm their cooperation on maritime security": a verb of renewal whose
    object is one of these nouns, with a field after one of these prepositions, undertakes the
    cooperation (moderate, as a reaffirmed commitment; annotation guide §5 "affirm (our)
    collaboration on"). Without a field ("reaffirmed their strategic partnership") it stays a stance."""

    verbs: Words = []
    nouns: Words = []
    prepositions: Words = []
    # objects of the preposition that name no field ("cooperation on the basis of mutual respect")
    not_fields: Words = []


class TriggersFile(FileSchema):
    verbs: dict[str, Trigger]
    adjectives: dict[str, Trigger]
    nouns: dict[str, Trigger]
    light_verbs: Words
    stance_light_verbs: Words
    # "stated their desire to X": reporting verbs that carry only a noun of undertaking (kind commitment)
    undertaking_light_verbs: Words
    # "held talks with X": discussion nouns that, held or had (holding_verbs), are a meeting
    held_discussion_nouns: Words
    holding_verbs: Words
    # "issued a joint statement": a mark of the parties' own text on the instrument of a verb flagged own_text
    own_text_marks: Words
    # verbs the prefilter counts only in a sentence that also holds an instrument ("issued a joint statement")
    prefilter_with_instrument: Words
    # words whose stems let a sentence through only beside another rule word ("Member States allow it": not parsed)
    prefilter_not_alone: Words
    # "made clear his commitment to ...": a verb that, with one of these adjectives, carries a noun
    light_phrases: dict[str, Words]
    # "This will include improving X": the means of the undertaking just stated, an undertaking of its parties
    means_verbs: Words
    # "we reaffirm our continued collaboration": an action noun so modified, reaffirmed, is undertaken
    continued_words: Words
    # "commitment to continuing dialogue" read as an adjective on the noun: these -ing words are
    # the noun's adjective after "to" ("commitment to lasting peace"); any other is the gerund
    participle_adjectives: Words
    # "will keep advocating for X": a verb that, with a gerund for complement, says the act goes on
    aspectual_gerund_verbs: Words
    # "remain committed to X": a copula of continuance makes a firm adjective moderate, as
    # "reaffirmed their commitment to" is (annotation guide §5); so does a renewal ("recommit to X")
    continuing_copulas: Words
    reported_undertakings: Words
    # "welcomed Japan's decision to X" reports Japan's undertaking; praise ("commended X's commitment") does not
    welcoming_verbs: Words
    # "confirm their joint effort to fight X": nouns of effort that a light verb carries as an
    # undertaking when the speakers own them ("our", "their"), moderate as a reaffirmed commitment
    own_effort_nouns: Words
    own_effort_verbs: Words  # the light verbs that carry them so: "confirm", "reaffirm" (not "note": others' work)
    # "The two sides reaffirm their cooperation on maritime security": a cooperation renewed on a named field
    renewed_cooperation: RenewedCooperation = RenewedCooperation()
    # "Reiterating their resolve to deepen X;": a subjectless preambular gerund restating the speakers' own undertaking
    restating_gerunds: Words
    reporting_verbs: Words
    passing_verbs: Words
    polite_verbs: Words
    # "we would like to expand X": a polite verb under "would" -> the verb trigger it reads as ("want")
    desire_verbs: dict[str, str] = {}
    hortative_verbs: Words
    statement_clause_marks: Words
    narrative_clause_marks: Words
    funding: Funding
    reports: Reports
    news: NewsProse = NewsProse()
    speech: SpeechFrames = SpeechFrames()
    launches: Launches = Launches()
    modals: Modals
    softeners: Words
    copulas: Words
    others_bodies: Words
    noun_read_as_verb: NounReadAsVerb = NounReadAsVerb()
    partner_addressees: Words
    stative_verbs: Words
    kept_contact_nouns: Words
    favour_received: FavourReceived = FavourReceived()
    anticipated_meetings: Words
    instruments: Words
    signing_nouns: Words
    end_nouns: Words
    events: Words
    state_nouns: Words
    # "reaffirmed their commitment to address X and the need to build Y": a noun of necessity joined
    # to an undertaking is a stance of its own (guide §2: "the need to" is a position)
    necessity_nouns: Words
    plan_nouns: Words
    supported_progress_nouns: Words  # "support progress in the negotiations": the noun after it decides
    keeping_nouns: Words  # "adherence to the rule of law": keeping a principle
    assurance_verbs: Words  # "assure him of our support": support assured to someone
    assured_support_nouns: Words
    # "committed to a holistic approach to address X": a way of acting, a plan only with its purpose
    method_nouns: Words
    action_nouns: Words
    named_action_nouns: Words
    action_suffixes: Words
    actor_nouns: Words
    hyphenated_verbs: Words
    corporate_nouns: Words
    official_bodies: Words
    deliberative_bodies: Words
    # "The Summit called upon the Council of Ministers to X", "The Assembly urged Member States to Y": the
    # group's own organs and members, whose being asked is the group's own directive
    own_addressees: OwnAddressees = OwnAddressees()
    non_actor_heads: Words
    principle_verbs: Words
    preserving_verbs: Words
    # "will continue to support Sri Lanka in safeguarding its sovereignty": support of a party in keeping
    # a principle or a state of affairs (preserving_verbs + state_nouns) is a position, even under "will"
    support_verbs: Words
    # "backs the Kremlin's idea of creating a gas hub": one of these nouns with "of" + a gerund names the
    # action proposed, a plan to back (a soft undertaking), not a principle ("the idea of peace")
    proposed_action_nouns: Words
    # "take measures to X, Y and Z": objects with no content of their own, whose purposes are the
    # undertakings (annotation guide §10, "Light heads")
    light_objects: Words
    # "support new projects to A and B": generic nouns of action, light objects when unnamed
    generic_action_objects: Words
    # "address challenges such as X-ing A and Y-ing B": generic heads whose examples are the undertakings
    generic_list_heads: Words
    # "will reduce X, and may also identify Y": a permitting modal joined to an undertaking (soft)
    permissive_modals: Words
    # "..., while inspiring others" / "while setting the highest standard": an effect or a manner, inside
    effect_participles: Words
    manner_objects: Words
    # "agreed to X, while ensuring that Y": a participle after "while" that only conditions the undertaking
    conditioning_participles: Words
    # "committed to exploring X", "intends to positively consider Y": an undertaking whose innermost
    # act only weighs an action is soft (annotation guide §10, "Undertaking to explore")
    exploring_verbs: Words
    # "Haiti continues to be confronted by grave challenges", "we will be hit hardest by the crisis":
    # the passive of one of these verbs tells what the subject endures, a state, no undertaking
    endured_participles: Words
    # "remains a steadfast supporter of X": an agent noun of support after a copula -> the verb it reads as
    support_agent_nouns: dict[str, str] = {}
    # ... unless ranked ("the largest supporter of X", "a leading backer"): superlatives and these words
    rank_modifiers: Words
    # "intend for our private sectors to drive innovation": verbs of intent whose "for X to V" with the
    # parties' own agents as X (own_agent_nouns, official_bodies, corporate_nouns) undertakes V
    for_subject_verbs: Words
    own_agent_nouns: Words
    # "the two heads of state agreed to X": a noun of office (office_heads lemmas) whose "of" names
    # one of office_domains (state, government, delegation) is the parties' speakers, as "the leaders" are
    office_heads: Words
    office_domains: Words
    # "agreed to speak again when opportunity allowed": a call or talk repeated (repeat_meeting_verbs
    # with one of repeat_adverbs) is a meeting to come, undertaken, like "meet again"
    repeat_meeting_verbs: Words
    repeat_adverbs: Words
    # "the road that we will call Nairobi superhighway": naming (these lemmas with an object predicate)
    # under "will" gives a name, it undertakes nothing
    naming_verbs: Words
    # "reaffirm our commitment to stand with X": verb lemma -> the prepositions that make it solidarity
    solidarity_phrases: dict[str, Words] = {}
    # "expressed their commitment to X": undertaking noun -> the light verbs that make it firm
    binding_light_verbs: dict[str, Words] = {}
    # "will continue to advocate for X": verb lemma -> the prepositions that make it advocacy (a call)
    advocacy_phrases: dict[str, Words] = {}
    # "will attend to the needs of refugees": meeting verb lemma -> the prepositions that give it
    # another sense (taking care of a thing, no meeting)
    non_meeting_phrases: dict[str, Words] = {}
    non_agentive_verbs: Words
    convening_verbs: Words
    held_meeting_verbs: Words
    # "will not build X", "won't", "never", "no longer": the words of a denial among a verb's
    # negation or adverb modifiers (extract/grammar.denied)
    denial_words: Words
    # "will no doubt fund X", "will without question fund X": a hedge, an adverb that affirms
    hedge_words: Words
    # "will attend COP27", "commits to attend at a high level": meeting verbs whose object is the
    # event gone to, whatever its word (with none, the event named before)
    attending_verbs: Words
    progressive_undertakings: Words
    # "we are living through a crisis", "Russia is waging a war": no undertaking in progress (lemmas)
    progressive_states: Words
    list_lead_ins: Words
    prefilter_words: Words


@dataclass(frozen=True)
class TriggerLexicon:
    verbs: dict[str, Trigger]
    adjectives: dict[str, Trigger]
    nouns: dict[str, Trigger]
    light_verbs: frozenset[str]
    stance_light_verbs: frozenset[str]
    reported_undertakings: frozenset[str]
    reporting_verbs: frozenset[str]
    passing_verbs: frozenset[str]
    polite_verbs: frozenset[str]
    desire_verbs: dict[str, str]  # "would like to expand X" reads as "want to expand X"
    hortative_verbs: frozenset[str]
    statement_clause_marks: frozenset[str]
    narrative_clause_marks: frozenset[str]
    funding_verbs: frozenset[str]
    funding_item_verbs: frozenset[str]
    funding_nouns: frozenset[str]
    resource_nouns: frozenset[str]
    currencies: frozenset[str]
    funded_by_verbs: frozenset[str]
    target_verbs: frozenset[str]
    target_nouns: frozenset[str]
    approval_verbs: frozenset[str]
    proposal_nouns: frozenset[str]
    progress_nouns: frozenset[str]
    progress_verbs: frozenset[str]
    slow_words: frozenset[str]
    review_verbs: frozenset[str]
    good_words: frozenset[str]
    aim_nouns: dict[str, Trigger]  # the aim noun and its strength ("desire": soft)
    measured_aim_nouns: frozenset[str]  # aim nouns that need a measure (an amount, a date) in the aim
    expect_verbs: frozenset[str]  # "Indonesia expects to conclude the talks"
    decision_nouns: frozenset[str]  # "our decision to introduce X is historic"
    glad_nouns: frozenset[str]
    concession_verbs: frozenset[str]
    concession_nouns: frozenset[str]
    aid_verbs: frozenset[str]  # "pledged support to X" (extract/decisions.py: _aid_pledged)
    aid_nouns: frozenset[str]
    appraised_things: frozenset[str]
    appraisal_words: frozenset[str]
    opening_verbs: frozenset[str]
    opening_nouns: frozenset[str]
    news: NewsProse  # news prose outside an undertaking's own words (extract/news_prose.py)
    speech: SpeechFrames  # how a speaker frames what it states (extract/speech_frames.py)
    binding_modals: frozenset[str]  # "we will X": the actor's clause is an undertaking
    obligation_modals: frozenset[str]  # "we must X": a call to act, on an action that is due
    advice_modals: frozenset[str]  # "we should X": a call to act
    weak_modals: frozenset[str]  # "we may X": neither an undertaking nor a call
    firm_modals: frozenset[str]  # binding or obligation: the verb under it names an action to come
    exhorting_modals: frozenset[str]  # obligation or advice: the actor's clause is a call to act
    modals: frozenset[str]  # every modal auxiliary the finder reads
    softeners: frozenset[str]
    copulas: frozenset[str]
    others_bodies: frozenset[str]  # "encouraged MDBs to X": others asked (a call)
    verb_like_nouns: frozenset[str]  # "solidarity and resolve to X": a noun (noun_read_as_verb)
    quality_nouns: frozenset[str]
    partner_addressees: frozenset[str]  # "call on our partners to X": others, not own officials
    stative_verbs: frozenset[str]
    kept_contact_nouns: frozenset[str]  # "remain in close contact": contact kept up (grammar.keeps_contact)
    receiving_verbs: frozenset[str]  # "hope to merit the trust of X": the others' favour received (favour_received)
    favour_on_verbs: frozenset[str]
    favour_nouns: frozenset[str]
    anticipated_meetings: frozenset[str]
    instruments: frozenset[str]
    signing_nouns: frozenset[str]
    end_nouns: frozenset[str]  # "the conclusion of the round": an end, a signing only of an instrument
    events: frozenset[str]
    state_nouns: frozenset[str]
    necessity_nouns: frozenset[str]
    plan_nouns: frozenset[str]  # a plan, programme, process or an institution's work: supporting one undertakes
    supported_progress_nouns: frozenset[str]  # "support progress in the negotiations": the noun after it decides
    keeping_nouns: frozenset[str]  # "adherence to the rule of law": keeping a principle, a position
    assurance_verbs: frozenset[str]  # "assure him of our support": support assured to the one assured
    assured_support_nouns: frozenset[str]
    action_suffixes: tuple[str, ...]
    actor_nouns: frozenset[str]
    hyphenated_verbs: frozenset[str]  # "de-escalate": kept one word in every inflection (nlp.hyphenated_verb_forms)
    corporate_nouns: frozenset[str]  # "the Chinese firm will hold ...": a company acts for its side
    official_bodies: frozenset[str]  # "asked his government to ...": a speaker's own officials take directives
    # "The Summit directed the Council to ...": a group's meeting speaking as the group (deliberative_bodies),
    # whose own organs and members (own_addressees) take its directives
    deliberative_bodies: frozenset[str]
    own_organs: frozenset[str]
    member_words: frozenset[str]
    member_heads: frozenset[str]
    action_nouns: frozenset[str]
    named_action_nouns: frozenset[str]
    non_actor_heads: frozenset[str]
    principle_verbs: frozenset[str]
    preserving_verbs: frozenset[str]
    support_verbs: frozenset[str]
    proposed_action_nouns: frozenset[str]
    light_objects: frozenset[str]
    generic_action_objects: frozenset[str]
    generic_list_heads: frozenset[str]
    permissive_modals: frozenset[str]
    effect_participles: frozenset[str]
    manner_objects: frozenset[str]
    conditioning_participles: frozenset[str]
    exploring_verbs: frozenset[str]
    endured_participles: frozenset[str]
    support_agent_nouns: dict[str, str]
    rank_modifiers: frozenset[str]
    for_subject_verbs: frozenset[str]  # "intend for our agencies to co-finance X": the agents' act undertaken
    own_agent_nouns: frozenset[str]
    office_heads: frozenset[str]
    office_domains: frozenset[str]
    repeat_meeting_verbs: frozenset[str]
    repeat_adverbs: frozenset[str]
    naming_verbs: frozenset[str]
    non_agentive_verbs: frozenset[str]
    held_meeting_verbs: frozenset[str]  # "the next round will commence", "will take place": a meeting as subject
    convening_verbs: frozenset[str]  # "will hold a summit", "agreed to convene X": a meeting to come, undertaken
    attending_verbs: frozenset[str]  # "will attend COP27": the object is the event gone to (extract/meetings.py)
    denial_words: frozenset[str]  # "will not", "never", "no longer": a denial (extract/grammar.denied)
    hedge_words: frozenset[str]  # "will no doubt fund X": a hedge, no denial
    progressive_undertakings: frozenset[str]  # "we are setting up the fund": an undertaking in progress
    progressive_states: frozenset[str]  # "we are living through a crisis": a state or a course, no act
    prefilter: re.Pattern[str]  # cheap test: could this sentence hold any statement? (by word stems)
    prefilter_words: frozenset[str]  # the words it is built from (extract/prefilter.py reads their inflections)
    list_lead_in: re.Pattern[str]  # "We will:" — a clause that only introduces listed undertakings
    lead_subject: re.Pattern[str]  # group 1: the words before a lead-in's first word
    # "made clear his commitment to ...": verb lemma -> the adjectives with which it carries a noun trigger
    light_phrases: dict[str, frozenset[str]] = field(default_factory=dict)
    means_verbs: frozenset[str] = frozenset()  # "This will include improving X": a means of the undertaking before
    continued_words: frozenset[str] = frozenset()  # "reaffirm our continued collaboration": an action to go on
    method_nouns: frozenset[str] = frozenset()  # "an approach to address X": a plan when its purpose is named
    aspectual_gerund_verbs: frozenset[str] = frozenset()  # "keep advocating": read as "continue to advocate"
    participle_adjectives: frozenset[str] = frozenset()  # "commitment to lasting peace": an adjective, not a gerund
    continuing_copulas: frozenset[str] = frozenset()  # "remain committed to": moderate, not firm
    launches: Launches = Launches()  # "the leaders launched the X Platform": a mechanism launched now
    # "commitment to stand with X": verb lemma -> prepositions with which it voices solidarity (a position)
    solidarity_phrases: dict[str, frozenset[str]] = field(default_factory=dict)
    # "expressed their commitment to X" (firm) versus "reaffirmed their commitment to X" (moderate)
    binding_light_verbs: dict[str, frozenset[str]] = field(default_factory=dict)
    # "will continue to advocate for X": verb lemma -> prepositions with which it advocates (a call, a position)
    advocacy_phrases: dict[str, frozenset[str]] = field(default_factory=dict)
    # "will attend to the needs of refugees": meeting verb lemma -> prepositions of another sense (no meeting)
    non_meeting_phrases: dict[str, frozenset[str]] = field(default_factory=dict)
    welcoming_verbs: frozenset[str] = frozenset()  # appreciation verbs that report another party's undertaking
    own_effort_nouns: frozenset[str] = frozenset()  # "reaffirm our efforts to X": the speakers' own effort (decisions.py)
    own_effort_verbs: frozenset[str] = frozenset()  # the verbs that carry them so ("confirm", "reaffirm")
    renewed_cooperation: RenewedCooperation = RenewedCooperation()  # "reaffirm our cooperation on X" (decisions.py)
    restating_gerunds: frozenset[str] = frozenset()  # "Reaffirming our commitment to X;" standing alone (clauses.py)
    # reporting verbs that carry only a noun of undertaking: "stated their shared desire to X"
    undertaking_light_verbs: frozenset[str] = frozenset()
    held_discussion_nouns: frozenset[str] = frozenset()  # "held talks with X": the meeting held
    holding_verbs: frozenset[str] = frozenset()
    own_text_marks: frozenset[str] = frozenset()  # "issued a joint statement": the parties' own text
    # words the prefilter counts only in a sentence that also holds an instrument (extract/prefilter.py)
    prefilter_with_instrument: frozenset[str] = frozenset()
    # words that let a sentence through only beside another rule word or stem (extract/prefilter.py)
    prefilter_not_alone: frozenset[str] = frozenset()


# "is/are/am", at most two words, then a word in -ing: a present progressive, maybe an undertaking in progress
PROGRESSIVE_PHRASE = r"\b(?:is|are|am)\s+(?:\S+\s+){0,2}[A-Za-z]+ing\b"


def prefilter_stems(words: Iterable[str]) -> set[str]:
    """The stem test's stems: each word's first five letters (a shorter word whole)."""
    return {w[:5] if len(w) > 5 else w for w in words}


def stem_pattern(words: set[str], progressive: frozenset[str] = frozenset()) -> re.Pattern[str]:
    """The stem test of ``words`` (``TriggerLexicon.prefilter`` is that of ``prefilter_words``)."""
    return _prefilter(words, progressive)


def _prefilter(words: set[str], progressive: frozenset[str] = frozenset()) -> re.Pattern[str]:
    # Word stems: a sentence with none of these cannot hold a statement, so it is never parsed.
    stems = sorted(prefilter_stems(words), key=len, reverse=True)
    # an optional "re-" prefix: "recommit", "re-emphasize"
    pattern = r"\b(?:re-?)?(?:" + "|".join(re.escape(s) for s in stems) + r")"
    if progressive:
        # whole -ing forms after "is"/"are" and at most two words ("we are also coordinating
        # deliveries"): any verb of action may be an undertaking in progress; the stems of the listed
        # forms would let "development", "financial", "provisions" through
        pattern += rf"|{PROGRESSIVE_PHRASE}"
    return re.compile(pattern, re.IGNORECASE)


def _lead_in_patterns(phrases: list[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    # Longest first, so "committed to" wins over a shorter alternative at the same place.
    ordered = sorted(phrases, key=len, reverse=True)
    lead = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)
    firsts = "|".join(sorted({re.escape(p.split()[0]) for p in phrases}, key=len, reverse=True))
    # a lead-in ending in a colon may say more before its items ("pledged to do whatever is necessary to:")
    return (re.compile(rf"\b(?:{lead})(?:(?:\s+[\w-]+){{0,4}}\s*:?|(?:\s+[\w-]+){{5,8}}\s*:)\s*$", re.IGNORECASE),
            re.compile(rf"^(.*?)\s+(?:{firsts})\b", re.IGNORECASE))


def build_lexicon(name: str, file: TriggersFile) -> TriggerLexicon:
    """The lexicon from the validated triggers.yaml."""
    verbs, adjectives, nouns = (_keyed(table) for table in (file.verbs, file.adjectives, file.nouns))
    anticipated = frozenset(file.anticipated_meetings)
    if not anticipated <= set(verbs):
        raise CodebookError(f"{name}: anticipated_meetings must be verb triggers: {sorted(anticipated - set(verbs))}")
    attending = frozenset(file.attending_verbs)
    if not all(w in verbs and verbs[w].kind == "meeting" for w in attending):
        raise CodebookError(f"{name}: attending_verbs must be meeting verb triggers: "
                            f"{sorted(w for w in attending if w not in verbs or verbs[w].kind != 'meeting')}")
    modals = file.modals
    firm = frozenset(modals.binding) | frozenset(modals.obligation)
    funding = file.funding
    reports = file.reports
    others = set(adjectives) | set(nouns) | firm | set(file.prefilter_words) | set(funding.verbs) \
        | set(funding.passive_verbs) | set(reports.approval_verbs) | set(reports.progress_nouns) \
        | set(funding.concession_verbs) | set(reports.opening_verbs) | set(reports.decision_nouns) \
        | set(funding.target_nouns) | set(file.news.advancing_verbs) | set(file.news.topic_verbs) \
        | set(file.support_agent_nouns) | set(file.own_effort_nouns)
    words = others | set(verbs) | set(file.undertaking_light_verbs)
    # (a word another list brings in counts as that list's word: only the rest is restricted)
    with_instrument = frozenset(file.prefilter_with_instrument) - others
    unread = sorted(w for w in with_instrument
                    if not (w in verbs and verbs[w].needs_instrument and verbs[w].otherwise is None))
    if unread:
        raise CodebookError(f"{name}: prefilter_with_instrument must be verb triggers that need an instrument and "
                            f"have no other reading (otherwise: null): {unread}")
    not_alone = frozenset(file.prefilter_not_alone) - others - set(verbs)
    if not set(file.prefilter_not_alone) <= set(file.undertaking_light_verbs):
        raise CodebookError(f"{name}: prefilter_not_alone must be undertaking_light_verbs (read only with a noun "
                            f"trigger): {sorted(set(file.prefilter_not_alone) - set(file.undertaking_light_verbs))}")
    wanted = set(file.desire_verbs.values()) - set(verbs)
    if wanted:
        raise CodebookError(f"{name}: desire_verbs must map to verb triggers: {sorted(wanted)}")
    missing = set(reports.aim_nouns) - set(nouns)
    if missing:
        raise CodebookError(f"{name}: reports.aim_nouns must be noun triggers: {sorted(missing)}")
    list_lead_in, lead_subject = _lead_in_patterns(file.list_lead_ins)
    return TriggerLexicon(
        verbs=verbs,
        adjectives=adjectives,
        nouns=nouns,
        light_verbs=frozenset(file.light_verbs),
        stance_light_verbs=frozenset(file.stance_light_verbs),
        undertaking_light_verbs=frozenset(file.undertaking_light_verbs),
        held_discussion_nouns=frozenset(file.held_discussion_nouns),
        holding_verbs=frozenset(file.holding_verbs),
        own_text_marks=frozenset(file.own_text_marks),
        prefilter_with_instrument=with_instrument,
        prefilter_not_alone=not_alone,
        reported_undertakings=frozenset(file.reported_undertakings),
        reporting_verbs=frozenset(file.reporting_verbs),
        passing_verbs=frozenset(file.passing_verbs),
        polite_verbs=frozenset(file.polite_verbs),
        desire_verbs=dict(file.desire_verbs),
        hortative_verbs=frozenset(file.hortative_verbs),
        statement_clause_marks=frozenset(file.statement_clause_marks),
        narrative_clause_marks=frozenset(file.narrative_clause_marks),
        funding_verbs=frozenset(funding.verbs),
        funding_item_verbs=frozenset(funding.item_verbs),
        funding_nouns=frozenset(funding.nouns),
        resource_nouns=frozenset(funding.resource_nouns),
        currencies=frozenset(funding.currencies),
        funded_by_verbs=frozenset(funding.passive_verbs),
        target_verbs=frozenset(funding.target_verbs),
        target_nouns=frozenset(funding.target_nouns),
        approval_verbs=frozenset(reports.approval_verbs),
        proposal_nouns=frozenset(reports.proposal_nouns),
        progress_nouns=frozenset(reports.progress_nouns),
        progress_verbs=frozenset(reports.progress_verbs),
        slow_words=frozenset(reports.slow_words),
        review_verbs=frozenset(reports.review_verbs),
        good_words=frozenset(reports.good_words),
        aim_nouns={n: nouns[n] for n in reports.aim_nouns},
        measured_aim_nouns=frozenset(reports.measured_aim_nouns),
        expect_verbs=frozenset(reports.expect_verbs),
        decision_nouns=frozenset(reports.decision_nouns),
        glad_nouns=frozenset(reports.glad_nouns),
        concession_verbs=frozenset(funding.concession_verbs),
        concession_nouns=frozenset(funding.concession_nouns),
        aid_verbs=frozenset(funding.aid_verbs),
        aid_nouns=frozenset(funding.aid_nouns),
        appraised_things=frozenset(reports.appraised_things),
        appraisal_words=frozenset(reports.appraisal_words),
        opening_verbs=frozenset(reports.opening_verbs),
        opening_nouns=frozenset(reports.opening_nouns),
        news=file.news,
        speech=file.speech,
        binding_modals=frozenset(modals.binding),
        obligation_modals=frozenset(modals.obligation),
        advice_modals=frozenset(modals.advice),
        weak_modals=frozenset(modals.not_binding),
        firm_modals=firm,
        exhorting_modals=frozenset(modals.obligation) | frozenset(modals.advice),
        modals=frozenset([*modals.binding, *modals.obligation, *modals.advice, *modals.not_binding]),
        softeners=frozenset(file.softeners),
        copulas=frozenset(file.copulas),
        others_bodies=frozenset(file.others_bodies),
        verb_like_nouns=frozenset(file.noun_read_as_verb.words),
        quality_nouns=frozenset(file.noun_read_as_verb.companions),
        partner_addressees=frozenset(file.partner_addressees),
        stative_verbs=frozenset(file.stative_verbs),
        kept_contact_nouns=frozenset(file.kept_contact_nouns),
        receiving_verbs=frozenset(file.favour_received.verbs) | frozenset(file.favour_received.on_verbs),
        favour_on_verbs=frozenset(file.favour_received.on_verbs),
        favour_nouns=frozenset(file.favour_received.nouns),
        anticipated_meetings=anticipated,
        instruments=frozenset(file.instruments),
        signing_nouns=frozenset(file.signing_nouns),
        end_nouns=frozenset(file.end_nouns),
        events=frozenset(file.events),
        state_nouns=frozenset(file.state_nouns),
        necessity_nouns=frozenset(file.necessity_nouns),
        plan_nouns=frozenset(file.plan_nouns),
        supported_progress_nouns=frozenset(file.supported_progress_nouns),
        keeping_nouns=frozenset(file.keeping_nouns),
        assurance_verbs=frozenset(file.assurance_verbs),
        assured_support_nouns=frozenset(file.assured_support_nouns),
        method_nouns=frozenset(file.method_nouns),
        action_suffixes=tuple(file.action_suffixes),
        actor_nouns=frozenset(file.actor_nouns),
        hyphenated_verbs=frozenset(file.hyphenated_verbs),
        corporate_nouns=frozenset(file.corporate_nouns),
        official_bodies=frozenset(file.official_bodies),
        deliberative_bodies=frozenset(file.deliberative_bodies),
        own_organs=frozenset(file.own_addressees.organs),
        member_words=frozenset(file.own_addressees.members),
        member_heads=frozenset(file.own_addressees.member_heads),
        action_nouns=frozenset(file.action_nouns),
        named_action_nouns=frozenset(file.named_action_nouns),
        non_actor_heads=frozenset(file.non_actor_heads),
        principle_verbs=frozenset(file.principle_verbs),
        preserving_verbs=frozenset(file.preserving_verbs),
        support_verbs=frozenset(file.support_verbs),
        proposed_action_nouns=frozenset(file.proposed_action_nouns),
        light_objects=frozenset(file.light_objects),
        generic_action_objects=frozenset(file.generic_action_objects),
        generic_list_heads=frozenset(file.generic_list_heads),
        permissive_modals=frozenset(file.permissive_modals),
        effect_participles=frozenset(file.effect_participles),
        manner_objects=frozenset(file.manner_objects),
        conditioning_participles=frozenset(file.conditioning_participles),
        exploring_verbs=frozenset(file.exploring_verbs),
        endured_participles=frozenset(file.endured_participles),
        support_agent_nouns=dict(file.support_agent_nouns),
        rank_modifiers=frozenset(file.rank_modifiers),
        for_subject_verbs=frozenset(file.for_subject_verbs),
        own_agent_nouns=frozenset(file.own_agent_nouns),
        office_heads=frozenset(file.office_heads),
        office_domains=frozenset(file.office_domains),
        repeat_meeting_verbs=frozenset(file.repeat_meeting_verbs),
        repeat_adverbs=frozenset(file.repeat_adverbs),
        naming_verbs=frozenset(file.naming_verbs),
        non_agentive_verbs=frozenset(file.non_agentive_verbs),
        convening_verbs=frozenset(file.convening_verbs),
        held_meeting_verbs=frozenset(file.held_meeting_verbs),
        attending_verbs=attending,
        denial_words=frozenset(file.denial_words),
        hedge_words=frozenset(file.hedge_words),
        progressive_undertakings=frozenset(file.progressive_undertakings),
        progressive_states=frozenset(file.progressive_states),
        prefilter=_prefilter(words, frozenset(file.progressive_undertakings)),
        prefilter_words=frozenset(words),
        list_lead_in=list_lead_in,
        lead_subject=lead_subject,
        light_phrases={verb: frozenset(adjectives) for verb, adjectives in file.light_phrases.items()},
        means_verbs=frozenset(file.means_verbs),
        continued_words=frozenset(file.continued_words),
        participle_adjectives=frozenset(file.participle_adjectives),
        aspectual_gerund_verbs=frozenset(file.aspectual_gerund_verbs),
        continuing_copulas=frozenset(file.continuing_copulas),
        launches=file.launches,
        solidarity_phrases={verb: frozenset(preps) for verb, preps in file.solidarity_phrases.items()},
        binding_light_verbs={noun: frozenset(verbs) for noun, verbs in file.binding_light_verbs.items()},
        advocacy_phrases={verb: frozenset(preps) for verb, preps in file.advocacy_phrases.items()},
        non_meeting_phrases={verb: frozenset(preps) for verb, preps in file.non_meeting_phrases.items()},
        welcoming_verbs=frozenset(file.welcoming_verbs),
        own_effort_nouns=frozenset(file.own_effort_nouns),
        own_effort_verbs=frozenset(file.own_effort_verbs),
        renewed_cooperation=file.renewed_cooperation,
        restating_gerunds=frozenset(file.restating_gerunds),
    )


def _keyed(table: dict[str, Trigger]) -> dict[str, Trigger]:
    """Each entry with its key as its lemma."""
    return {lemma: entry.model_copy(update={"lemma": lemma}) for lemma, entry in table.items()}
