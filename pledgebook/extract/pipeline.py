"""From a RawDocument to the extraction record: segment, parse the candidate sentences, draft
the statements they hold, run the discourse steps over the drafts, and validate the record.

An ``Extractor`` holds configuration only (the spaCy pipeline, its own tokenizer, the lexicons
and codebook objects); everything one document needs lives in the ``DocContext`` that each
``extract`` call makes, so one Extractor can be shared by threads.
"""

from __future__ import annotations

import gc
import re
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache, partial
from itertools import chain
from pathlib import Path

from pledgebook.codebook import Codebook
from pledgebook.codebook.segmentation import Dateline, SegmentationBook
from pledgebook.core.data import DocumentMeta, EntityMention, ExtractionRecord, content_hash
from pledgebook.extract.actors import ActorResolver
from pledgebook.extract.anaphora import ProjectAnaphora
from pledgebook.extract.enumerated import add_enumerated_items
from pledgebook.extract.clauses import Finding, find_statements, joined_verb
from pledgebook.extract.context import DocContext, Draft
from pledgebook.extract.discourse import DISCOURSE_STEPS
from pledgebook.extract.entities import EntityFinder
from pledgebook.extract.support_idioms import public_support
from pledgebook.extract.second_prepositions import split_second_prepositions
from pledgebook.extract.praise import split_praised_undertakings
from pledgebook.extract.launches import launched_mechanisms, recounted_launches
from pledgebook.extract.welcomed_launches import own_launches_welcomed
from pledgebook.extract.lists import ListCursor, continued, lead_in
from pledgebook.extract.reattach import reattach_acronyms, reattach_gerunds, reattach_main_clauses
from pledgebook.extract.redraft import redraft
from pledgebook.extract.meetings import counterparts
from pledgebook.extract.rules import Rule
from pledgebook.extract.mentions import Mentions
from pledgebook.extract.metadata import count_instruments, infer_metadata
from pledgebook.extract.named_subjects import names_party
from pledgebook.extract.ner import queue_named
from pledgebook.extract.companies import CompanyMap
from pledgebook.extract.grammar import lemma_of
from pledgebook.extract.ner_decode import GreedyNer
from pledgebook.extract.news_pledges import forecast_reading, quote_speaker, quote_speaker_after
from pledgebook.extract.news_spans import funding_items, title_paragraph
from pledgebook.extract.object_clauses import drop_object_clauses
from pledgebook.extract.obligations import participle_pieces
from pledgebook.extract.nlp import (SentenceParser, hyphenated, hyphenated_verb_forms, lemma_tables, load_nlp,
                                    prefixed_forms, tokenizer_keeping)
from pledgebook.extract.parties import acting_parties
from pledgebook.extract.prefilter import Prefilter
from pledgebook.extract.purposes import split_purposes
from pledgebook.extract.people import CONJUNCTS as _CONJUNCTS, PeopleMap
from pledgebook.extract.sectors import SectorClassifier
from pledgebook.extract.units import Candidate, split_units
from pledgebook.extract.when import find_when, load_dateparser
from pledgebook.read.base import RawDocument, ReadError
from pledgebook.read.limits import DEFAULT_LIMITS, ReadLimits
from pledgebook.segment.segmenter import Sentence, segment

class _FewerCollections:
    """A context in which the garbage collector's youngest generation is collected after
    ``YOUNG`` more container objects instead of Python's 700; nested and concurrent entries share
    it, the last one out restores the thresholds it found.

    Extraction makes and drops many short-lived containers (spaCy tokens, spans, findings): at
    700 they set off a young collection every few hundred (453 on the UN bench sample) and each
    tenth of those a middle one and some a full one, which walk the memos that grow after
    ``gc.freeze`` (the phrase, lemma and token-attribute caches): 0.5-0.7 CPU s of ~11 (5%). Nearly
    all of those objects are freed by their reference counts anyway; at 10,000 a run of the sample
    sets off one or two young collections, and the cycles they would find wait a little longer."""

    YOUNG = 10_000

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._inside = 0
        self._saved: tuple[int, int, int] = gc.get_threshold()

    def __enter__(self) -> None:
        with self._lock:
            if self._inside == 0:
                self._saved = gc.get_threshold()
                if self._saved[0] < self.YOUNG:
                    gc.set_threshold(self.YOUNG, *self._saved[1:])
            self._inside += 1

    def __exit__(self, *_exc) -> None:
        with self._lock:
            self._inside -= 1
            if self._inside == 0:
                gc.set_threshold(*self._saved)


FEWER_COLLECTIONS = _FewerCollections()
MAX_SENTENCE_CHARS = 3000  # longer "sentences" are not prose: they are skipped, not parsed
_MET_KINDS = frozenset({"meeting", "discussion"})  # statements whose actors are all who meet (guide §4)
OPENING_SENTENCES = 3  # where a text says where its parties met


class Extractor:
    """Builds the lexicons once; ``extract`` is then cheap to call per document, from any
    number of threads (an Extractor keeps no document's state)."""

    def __init__(self, ner: bool = True, codebook: Codebook | None = None) -> None:
        """``ner``: also run spaCy's NER on the sentences that hold a statement with a proper
        noun nothing else explains, to find names the gazetteer and discovery rules miss
        (companies, laws). On by default: batched once per document over those sentences only,
        it costs a few percent of the speed. ``codebook``: the vocabulary to extract with
        (``Codebook.load(DIR)``; the bundled one by default)."""
        self.codebook = codebook = codebook or Codebook.load()
        self.nlp = load_nlp()  # shared and cached: never changed here
        # (decoded in numpy, as spaCy decodes it, when the model is one GreedyNer reproduces: ner_decode.py)
        self.ner = GreedyNer.wrap(self.nlp.get_pipe("ner")) if ner and "ner" in self.nlp.component_names else None
        self.lex = codebook.triggers
        self.prefilter = Prefilter(self.lex, lemma_tables(self.nlp))
        # "re-emphasize" stays one token (a verb) in this extractor's own copy of the tokenizer
        # and so do hyphenated actor nouns ("the co-chairs intend to meet": not "co" as subject) and
        # the verbs of hyphenated_verbs ("will de-escalate tensions": not "de" as the verb)
        self.tokenizer = tokenizer_keeping(self.nlp, prefixed_forms(self.lex.verbs) | hyphenated(self.lex.actor_nouns)
                                                | hyphenated_verb_forms(self.lex.hyphenated_verbs))
        self.parser = SentenceParser(self.nlp, self.tokenizer)
        self.events = codebook.events
        self.entities = EntityFinder(codebook)
        self.sectors = SectorClassifier(codebook)
        self.actors = ActorResolver(codebook.actors)
        self.mentions = Mentions(self.entities, self.actors)
        # the places a line of a place and a date or a title may name: capitals and large cities
        self.places = frozenset(n for names in codebook.actors.capitals.values() for n in names) \
            | frozenset(codebook.city_names())
        self.project_anaphora = ProjectAnaphora(codebook.discovery, codebook.gazetteer)
        load_dateparser()  # loaded with the model: the first dated statement would pay for it

    # -- public -------------------------------------------------------------------
    def extract_text(self, text: str, source: str = "<string>") -> ExtractionRecord:
        return self.extract(RawDocument(source=source, text=text))

    def extract(self, raw: RawDocument) -> ExtractionRecord:
        with FEWER_COLLECTIONS:
            return self._extract(raw)

    def _extract(self, raw: RawDocument) -> ExtractionRecord:
        doc = self.context(raw)
        parses: dict[str, object] = {}  # each candidate text's parse: drafting again reuses them
        self._draft_statements(doc, parses)
        sentences = (s.view.clean for p in doc.paragraphs if p.kind == "text" for s in p.sentences)
        parties = acting_parties(doc, self.actors, sentences)
        if parties is not None:  # a news report's parties are the countries that act in it: draft again with them
            doc.restart(parties)
            self._draft_statements(doc, parses)
        for _name, step in DISCOURSE_STEPS:
            step(self, doc)
        return _record(doc, self.codebook)

    def context(self, raw: RawDocument) -> DocContext:
        """A fresh context for ``raw``: segmented, with its metadata and the people it names."""
        book = self.codebook
        paragraphs = segment(raw, book.segmentation)
        sentences = [s.view.clean for p in paragraphs if p.kind != "boilerplate" for s in p.sentences]
        # the opening: the first sentences, and the story's first sentences after its headings
        story = [s.view.clean for p in paragraphs if p.kind == "text" for s in p.sentences][:OPENING_SENTENCES + 1]
        opening = " ".join(dict.fromkeys([*sentences[:OPENING_SENTENCES], *story]))
        info = infer_metadata(raw, self.actors, sentences[0] if sentences else "", opening,
                              book.documents, _opening_dateline(sentences[:4], book.segmentation),
                              book.leaders, tuple(sentences[:4]), self.places)
        people = PeopleMap(raw.text[raw.body_start :], info.date, self.actors.lookup_country, info.issuer,
                           book.leaders)
        speakers = frozenset([*info.parties, *([info.group] if info.group else [])])
        doc = DocContext(raw, content_hash(raw.text), paragraphs, info, people, speakers, self.entities)
        if info.kind == "news_report":  # state companies act for their country (gold/news README)
            book = self.codebook.actors
            doc.companies = CompanyMap(raw.text[raw.body_start :], self.actors, book.company_cues,
                                       book.company_anaphors, book.company_words)
        return doc

    # -- drafting the statements ----------------------------------------------------
    def _draft_statements(self, doc: DocContext, parses: dict[str, object]) -> None:
        """Walk the candidate pieces in text order, parse those worth it (``parses``: the texts
        parsed already, and their parses), and draft the statements they hold (items of a list
        take the actors of the clause that leads it)."""
        doc.units, candidates = split_units(doc.paragraphs, self.codebook.segmentation)
        candidates = [piece for c in candidates for piece in participle_pieces(c, self.lex)]
        headline = title_paragraph(doc.paragraphs, doc.raw.text, doc.raw.title)  # a heading (news_spans.py)
        worth = [self._worth_parsing(c) and c.para is not headline for c in candidates]
        parsed_in_order = self._parse([c for c, w in zip(candidates, worth, strict=True) if w], parses)
        cursor = ListCursor(list(doc.info.parties), means_verbs=self.lex.means_verbs)
        resolve = partial(self._lead_actors, doc)
        for cand, w in zip(candidates, worth, strict=True):
            cursor.enter(cand)
            if not w:
                continue
            parsed = next(parsed_in_order)
            reattach_acronyms(parsed)  # "support the Agency's (IAEA) continued presence": the noun is the object
            reattach_gerunds(parsed, self.lex)  # "commitment to continuing people-to-people ties": a gerund
            reattach_main_clauses(parsed, self.lex)  # "We reaffirm that X is a goal, and we continue to ..."
            # (a report cut from its attribution ends without its full stop: it leads no list)
            if cand.source is None and cursor.opens_list(cand, lead_in(cand.piece.view.clean, resolve, self.lex)):
                continue
            findings = find_statements(parsed, self.lex, attributed=cand.source is not None)
            findings = split_purposes(drop_object_clauses(findings, parsed, self.lex), parsed, self.lex)  # "to X, to Y, and to Z"
            findings = launched_mechanisms(findings, parsed, self.lex, doc.info.kind)  # "the leaders launched X"
            findings = own_launches_welcomed(findings, parsed, self.lex, partial(self._owned, doc))  # "welcome the launch of our X"
            findings = funding_items(findings, parsed, self.lex)  # "Rs 6,098 crore for X, Rs 1,517 crore for Y"
            findings = recounted_launches(findings, parsed, self.lex)  # "In 2022, we announced X to offer Y"
            findings = public_support(findings, parsed, self.lex)  # "came out in support of ending X"
            findings = split_praised_undertakings(findings, parsed, self.lex)  # "commended X's commitment to Y"
            findings = split_second_prepositions(findings, parsed, self.lex)  # "commitment to A and to B-ing C"
            open_lead = cursor.open_lead(cand)
            if open_lead is not None:
                findings = continued(findings, parsed, open_lead[0], self.lex, gerunds=open_lead[1], parse=self._parse_one)
                dropped = cursor.drops_lead_in(open_lead[0], findings)
                if dropped is not None:
                    doc.drafts.remove(dropped)  # (its items are the commitments)
            for f in findings:
                draft = self._draft(doc, cand, f, parsed, cursor)
                if draft is not None:
                    doc.drafts.append(draft)
                    cursor.found(draft, cand, f)
                    cursor.opens_list_by(draft, cand, f)  # "To this end, we agree to the following steps to ensure X:"
        add_enumerated_items(self, doc)
        doc.keep_one_per_span()

    def _worth_parsing(self, cand: Candidate) -> bool:
        # most sentences of a speech pledge nothing: those without a trigger word are never parsed;
        # nor is a run-on "sentence" longer than any real one (a table, a dump of text)
        clean = cand.piece.view.clean
        if len(clean) > MAX_SENTENCE_CHARS:
            return False
        # (a report cut from its attribution is parsed whatever its words: it is what a party said)
        # (a paragraph that opens with a gerund may carry on the undertaking before it: ListCursor)
        return cand.continues or cand.para.kind == "list_item" or cand.carried or cand.source is not None \
            or (cand.gerund_paragraph and cand.opens_paragraph) or self.prefilter.search(clean)

    def _parse(self, candidates: list[Candidate], parses: dict[str, object]) -> Iterator:
        """spaCy's parses of the candidates, in order, tokenized by this extractor's tokenizer;
        a text in ``parses`` is not parsed again (a parse depends on its text alone), and the new
        ones are added to it."""
        texts = [_straight_possessive(c.piece.view.clean) for c in candidates]
        fresh = [t for t in dict.fromkeys(texts) if t not in parses]
        parses.update(zip(fresh, self.parser.pipe(fresh), strict=True))
        return iter([parses[t] for t in texts])

    def _parse_one(self, text: str):
        return self.parser(_straight_possessive(text))

    def _draft(self, doc: DocContext, cand: Candidate, f: Finding, parsed, cursor: ListCursor) -> Draft | None:
        """The statement ``f`` found in ``cand``, or None when it is no statement of the document's."""
        sent = cand.piece
        span = sent.view.span(f.start, f.end)
        if len(span) == 0 or (f.kind == "commitment" and not f.actor_subject and not self._reported_plan(doc, sent, f)
                              and not names_party(f.subject, self.actors, self._with_group(doc))):  # "The I2U2 Group will"
            return None
        if f.kind == "commitment" and doc.info.kind == "speech" and not f.reporter and _second_or_third_person(f.subject):
            return None  # a speech's "they will ..." / "you will ...": things or others, never the speaker
        if f.rule == Rule.MEETING_TO_BE_HELD and doc.info.kind in ("speech", "news_report"):
            return None  # "The Summit of the Future will be held in New York": others' event, a mention
        if f.rule == Rule.ONGOING_ACT and not f.reporter and (doc.info.kind == "news_report" or (
                doc.info.kind == "speech" and not _first_person(f.subject))):
            return None  # "Russia is pumping out lies" in a speech, "DFCCIL is executing the project" in news: described
        text = span.of(doc.text)
        if f.kind == "commitment" and f.lead_actors is None and f.subject and self.actors.is_thing(f.subject):
            # "The MQ-9Bs ... will enhance ...": a thing is never an actor; what it will do is a
            # forecast of the parties' own step, an appreciation (annotation guide)
            f = replace(f, kind="appreciation", category="appreciation", strength=None)
        elif f.kind == "commitment" and parsed is not None and 0 <= f.head_i < len(parsed) \
                and (forecast := forecast_reading(parsed[f.head_i], self.lex, bool(self._actors(f.subject, doc)))) is not None:
            # "said the framework will create favourable conditions", "he will treasure the honour"
            f = replace(f, kind="appreciation", category="appreciation", strength=None, rule=forecast)
        if f.welcomer is not None and doc.info.kind != "news_report" and self._others_undertaking(doc, f):
            # "The leaders welcomed Fiji's recent decision to join IPEF" in a U.S.-New Zealand text: a
            # welcome of a non-party's undertaking is the welcoming parties' stance (annotation guide §10,
            # welcome of a non-party's commitment), not a commitment of someone outside the ledger
            f = replace(f, kind="position", category="position", strength=None, subject=f.welcomer, welcomer=None,
                        rule=Rule.WELCOMED_UNDERTAKING_OF_NON_PARTY)
        resolved = self._statement_actors(doc, f, cursor.previous_actors, cand.source)
        if resolved is None:
            return None
        if (cand.source is None or _pronoun(cand.source)) and (not f.reporter or _pronoun(f.reporter)) and f.lead_actors is None and (
                _first_person(f.subject) or (doc.info.kind == "news_report" and _collective(f.subject, self.actors.book))):
            resolved = self._quoted_actors(doc, cand, resolved)  # "X said: 'In 2019 ... We will ...'"
        if resolved[1] == "document_parties" and doc.info.kind == "news_report" and cand.source is not None \
                and cand.source.strip().lower() in _PERSON_PRONOUNS:
            resolved = self._pronoun_source(doc, cand, resolved)  # "According to him, NPP units will be ..."
        elif resolved[1] == "previous_statement" and doc.info.kind == "news_report" and f.subject \
                and f.subject.strip().lower() in _PERSON_PRONOUNS:
            # "PM Kishida said that Japan’s ODA for Vietnam ... He pledged further simplification of visa
            # procedures": the person named first in the sentence before (its subject, as a rule: "PM Chinh
            # met with ... Xi Jinping and held talks with Premier Li Qiang. He also had meetings ..."), not
            # the statement before (which named both sides)
            resolved = self._pronoun_subject(doc, cand, resolved)
        actors, source, who = resolved
        own, met = actors, None
        if f.kind == "commitment" and source in ("subject", "previous_statement", "reporter") and actors \
                and parsed is not None and 0 <= f.head_i < len(parsed):
            actors = self._joint_partners(doc, parsed[f.head_i], actors)
            met = None if actors == own else "the partner agreed with"  # "He also ..." after it is the subject's
        if source in ("subject", "previous_statement") and f.kind in _MET_KINDS and parsed is not None and 0 <= f.head_i < len(parsed):
            actors, met = self._with_counterparts(doc, parsed[f.head_i], actors)
            who = who if met is None else f"{who}, meeting {met}"
        entities, anaphor = self._entities(doc, sent, f, span.start, span.end, actors, cursor.previous_entities)
        commitment = f.kind == "commitment"
        draft = Draft(
            span.start, span.end, text, f.kind, actors,
            strength=f.strength if commitment else None,
            entities=entities,
            when=find_when(doc.text, sent.view, f.start, f.end, doc.info.date, self.codebook.times),
            rule=f.rule, trigger=f.trigger, trigger_words=list(f.triggers), actor_source=source, who=who,
            unit=cand.unit, clean=sent.view.clean[f.start : f.end], category=f.category, anaphor=anaphor,
            subject_actors=None if met is None else own,
        )
        if parsed is not None and 0 <= f.head_i < len(parsed):
            draft.verb = parsed[f.head_i]
            draft.joined = joined_verb(draft.verb)
            # a meeting dated to come, "we need to" by who says it, a group's call on its own members
            redraft(draft, doc.info, self.lex, self.actors.book.is_country, self.actors.book.speaks_as_members)
        queue_named(self, doc, draft, sent, f, parsed)
        return draft

    def _pronoun_source(self, doc: DocContext, cand: Candidate, resolved: tuple[list[str], str, str]) -> tuple[list[str], str, str]:
        """A news statement whose subject names no one (a thing: "NPP units will be put into
        operation"), attributed to "him"/"her" ("According to him, ...", "..., he said"): inside a
        quotation its speaker, else the country of the person named first in the sentence before,
        when one of the parties (the source speaks for his side; a thing's schedule is no joint
        undertaking)."""
        start, para = cand.piece.span.start, cand.para.span.start
        # inside a quotation "he" is the quotation's speaker (the attribution before it: "PM Kishida said
        # ... / “... Bilateral relations should be further strengthened,” he said"), not the person it names
        named = quote_speaker_after(doc.text, para, start, tuple(self.lex.news.quote_attribution_verbs),
                                    partial(self._actors, doc=doc), doc.people.last_named)
        if not named and not _inside_quotation(doc.text[para:start]):
            named = self._first_named_before(doc, para, start)  # "Erdogan stressed ... According to him, ..."
        return self._one_party(doc, named, "reporter", resolved)

    def _pronoun_subject(self, doc: DocContext, cand: Candidate, resolved: tuple[list[str], str, str]) -> tuple[list[str], str, str]:
        """"He"/"she" opening a news sentence: the country of the person named first in the sentence
        before (in its paragraph, or the last of the paragraph before), when a party; inside a
        quotation, the quotation's speaker; else ``resolved``."""
        start, para = cand.piece.span.start, cand.para.span.start
        if _inside_quotation(doc.text[para:start]):
            return resolved  # (the quotation rules' matter)
        return self._one_party(doc, self._first_named_before(doc, para, start), "subject", resolved)

    def _one_party(self, doc: DocContext, named: list[str], source: str,
                   resolved: tuple[list[str], str, str]) -> tuple[list[str], str, str]:
        """``named`` as the actors (read from ``source``) when it is one of the parties; else ``resolved``."""
        if len(named) == 1 and set(named) <= self.actors.with_members(doc.info.parties):
            return named, source, resolved[2]
        return resolved

    @staticmethod
    def _first_named_before(doc: DocContext, para: int, start: int) -> list[str]:
        """The country of the person named first in the sentence before ``start`` (in its paragraph,
        or the last of the paragraph before): a pronoun's antecedent is, as a rule, that sentence's
        subject, not the last person it names ("PM Chinh met with ... Xi Jinping and held talks with
        Premier Li Qiang. He also ..."); [] when it names none ("the chief engineer stressed ...")."""
        before = doc.text[_paragraph_before(doc.text, para) : start].rstrip()
        starts = [0, *(m.end() for m in _SENTENCE_END.finditer(before[:-1]))] if before else [0]
        if before and not re.search(r"[.!?][”\"’)]*$", before):
            # the statement's own sentence began before it ("According to him, NPP units ...": a lead-in
            # peeled off): the sentence before is the one before that
            return doc.people.first_named(before[starts[-2] : starts[-1]]) if len(starts) > 1 else []
        return doc.people.first_named(before[starts[-1] :])

    def _joint_partners(self, doc: DocContext, verb, actors: list[str]) -> list[str]:
        """"he had agreed with his Russian counterpart Vladimir Putin to form a natural gas hub": the
        subject's actors and those of whom it agrees with ("with" on a ``joint`` trigger verb: the
        statement's verb or the one it hangs from), when they are parties of the document (guide §4:
        a comitative partner acts when it is a party; "we agreed with Bangladesh to deploy" in a
        speech stays the speaker's)."""
        parties = self._with_group(doc)
        for tok in [verb, *list(verb.ancestors)[:2]]:
            trig = self.lex.verbs.get(lemma_of(tok, self.lex.verbs))
            if trig is None or not trig.joint:
                continue
            partners = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "with"
                        for o in p.children if o.dep_ == "pobj"]
            added = [c for o in partners for c in self._actors(o.doc[o.left_edge.i : o.right_edge.i + 1].text, doc)
                     if c in parties and c not in actors]
            return sorted({*actors, *added}) if added else actors
        return actors

    def _with_counterparts(self, doc: DocContext, verb, actors: list[str]) -> tuple[list[str], str | None]:
        """A meeting's actors are all who meet (annotation guide §4): the subject's, and those of
        whom it meets ("Vietnam met with China", "the Prime Minister held talks with President
        Xi"; meetings.counterparts) when they resolve to a party of the document, by name or
        through a leader. With the words of those met (None when none is added)."""
        parties = self._with_group(doc)
        met: dict[str, list[str]] = {}
        for o in counterparts(verb, self.lex):
            phrase = o.doc[o.left_edge.i : o.right_edge.i + 1].text
            codes = [c for c in self._actors(phrase, doc) if c in parties and c not in actors]
            if codes:
                met[phrase] = codes
        if not met:
            return actors, None
        return sorted({*actors, *(c for codes in met.values() for c in codes)}), ", ".join(met)

    def _reported_plan(self, doc: DocContext, sent: Sentence, f: Finding) -> bool:
        """"Uhuru said the second phase would be completed in June next year": a reported "would" on
        a thing's clause is the reporter's undertaking when it sets a time to come ("said an attack
        would invoke the treaty" sets none: a condition)."""
        if not f.backshifted:
            return False
        when = find_when(doc.text, sent.view, f.start, f.end, doc.info.date, self.codebook.times)
        if when is None or when.kind not in ("deadline", "date", "period"):
            return False
        # (due.py leaves some times to come undated: "in June next year"; a past date is a report)
        doc_date = doc.info.date
        return when.due is not None or (doc_date is not None and (when.date is None or when.date >= doc_date[: len(when.date)]))

    def _statement_actors(self, doc: DocContext, f: Finding, previous: list[str],
                          attributed_to: str | None = None) -> tuple[list[str], str, str] | None:
        """(actors, where they came from, the words they were read from); None when ``f``
        describes what someone who is not a party does. ``attributed_to``: the source of a report
        whose attribution was peeled off (", the minister said")."""
        if f.lead_actors is not None:
            return list(f.lead_actors), "list_lead", "the clause introducing the list"
        actors, source = ([], "subject") if f.inherit_actors else (self._actors(f.subject, doc), "subject")
        speaker = f.reporter or attributed_to
        if speaker and (_first_person(f.subject) or _speakers_own(f.subject, self.lex)):
            # "'We will ...,' the Chilean minister said": the speaker's side, when it is one of the parties
            spoken = self._actors(speaker, doc)
            if spoken and set(spoken) <= self.actors.with_members(doc.info.parties):
                actors, source = spoken, "reporter"
        if not actors and f.reporter:
            actors, source = self._actors(f.reporter, doc), "reporter"
        if not actors and f.inherit_actors:
            actors, source = list(previous), "previous_statement"
        if not actors and len(previous) == 1 and doc.info.kind != "news_report" \
                and any(_pronoun(w) for w in (f.subject or "", f.reporter or "", attributed_to or "")):
            # a readout's "He also shared that Abrams tanks will arrive ...": one person, the one who
            # acted just before (not in news, where the statement before may be what a speaker said
            # of the other side: "'The package that Japan has offered ...,' Jaishankar said. He said ...")
            actors, source = list(previous), "previous_statement"
        if f.kind == "commitment" and _describes_others(f, actors, self.actors.with_members(doc.info.parties)):
            return None
        if not actors:
            actors, source = list(doc.info.parties), "document_parties"
        return actors, source, f.subject or f.reporter or "document parties"

    def _quoted_actors(self, doc: DocContext, cand: Candidate, resolved: tuple[list[str], str, str]) -> tuple[list[str], str, str]:
        """A first person inside a quotation that a named speaker opened after a colon earlier in
        the paragraph is the speaker's side, when it is one of the parties (news_pledges.py)."""
        spoken = quote_speaker(doc.text, cand.para.span.start, cand.piece.span.start, partial(self._actors, doc=doc),
                               doc.people.named)
        if not spoken and doc.info.kind == "news_report":
            # '"... a groundbreaking level." Moon said', '“The two sides agreed to ...,” he noted': a
            # news quotation is its speaker's (gold/news README "What a leader says about both sides")
            spoken = quote_speaker_after(doc.text, cand.para.span.start, cand.piece.span.start,
                                         tuple(self.lex.news.quote_attribution_verbs), partial(self._actors, doc=doc),
                                         doc.people.last_named)
        if spoken and set(spoken) <= self.actors.with_members(doc.info.parties):
            return spoken, "reporter", resolved[2]
        return resolved

    def _entities(self, doc: DocContext, sent: Sentence, f: Finding, start: int, end: int, actors: list[str],
                  previous: list[EntityMention]) -> tuple[list[EntityMention], str | None]:
        """The names inside the statement; failing any, those of the statement before when a
        word refers back to them ("its", "the project"), with that word."""
        entities = self.mentions.names_in(doc.names, start, end, actors, doc.speakers)
        if not entities and previous and (m := self.mentions.anaphor.search(sent.view.clean, f.start, f.end)):
            entities = self.mentions.carried(previous, actors)
            return entities, (m.group(0) if entities else None)
        if previous and f.borrows_names:  # cut out of the statement before it, it names what that one names too
            carried = [e for e in self.mentions.carried(previous, actors) if e.name not in {x.name for x in entities}]
            return carried + entities, ("the statement it was cut from" if carried else None)
        return entities, None

    def _others_undertaking(self, doc: DocContext, f: Finding) -> bool:
        """Whether the undertaking a clause welcomes is of someone named who is none of the
        document's parties nor their members ("Fiji's decision" in a U.S.-New Zealand statement; not
        "India's announcement" in a Quad text, nor "the Italian Presidency's decision" in a G7 one).
        Only in a text of two or more parties: with one found, the other side may be the one missed."""
        owner = self._actors(f.subject, doc)
        return bool(owner) and len(doc.info.parties) >= 2 and not set(owner) <= self._with_group(doc)

    def _owned(self, doc: DocContext, phrase: str) -> bool:
        """``phrase`` names one of the document's parties or its group ("a Quad maritime dialogue")."""
        parties = self._with_group(doc)
        return any(code in parties for code, _, _ in [*self.actors.find_groups(phrase), *self.actors.find_countries(phrase)])

    def _with_group(self, doc: DocContext) -> set[str]:
        """The document's parties, their members, and its speaking group."""
        return set(self.actors.with_members(doc.info.parties)) | ({doc.info.group} if doc.info.group else set())

    def _actors(self, phrase: str | None, doc: DocContext) -> list[str]:
        """The actors ``phrase`` names in ``doc`` (a new list each call): a function of the phrase,
        the document's parties and group and the people it names, so worked out once per document
        for each phrase and parties (``DocContext.actor_memo``; a news report's parties change once)."""
        if not phrase:
            return []
        key = (phrase, tuple(doc.info.parties), doc.info.group)
        codes = doc.actor_memo.get(key)
        if codes is None:
            codes = doc.actor_memo[key] = tuple(self._resolve_actors(phrase, doc))
        return list(codes)

    def _resolve_actors(self, phrase: str, doc: DocContext) -> list[str]:
        codes = self.actors.resolve(phrase, doc.info.parties, doc.info.group, doc.info.date)
        if not codes:
            codes = doc.people.resolve(phrase)
            if not codes and doc.companies is not None:
                codes = doc.companies.resolve(phrase)  # "Sinopec has agreed to invest": China's state firm
        elif " and " in phrase:
            # "Prime Minister Narendra Modi and French President Emmanuel Macron": a leader named
            # without his country beside one named with it (not a member of a grouping named:
            # "the Quad Leaders – Prime Minister X of Australia, ... and President Y" are the Quad)
            grouped = self.actors.with_members(codes)
            codes = [*codes, *(c for c in doc.people.named(phrase) if c not in grouped)]
        return sorted(set(codes) | set(self._other_head(phrase, codes, doc)))

    def _other_head(self, phrase: str, codes: list[str], doc: DocContext) -> list[str]:
        """"The President and the Taoiseach agreed", "President Biden and Prime Minister Sudani"
        in a two-party text: two people coordinated as the subject, one of one party and the other
        a head of state or government the text maps to no country, are the two sides (the other
        party; [] otherwise)."""
        parties = doc.info.parties
        if len(parties) != 2 or len(codes) != 1 or codes[0] not in parties or not all(map(self.actors.book.is_country, parties)):
            return []
        parts = [p for p in _CONJUNCTS.split(phrase) if p.strip()]
        if len(parts) != 2:
            return []
        unplaced = [p for p in parts if not self.actors.resolve(p, parties, doc.info.group) and doc.people.unplaced_head(p)]
        return [c for c in parties if c not in codes] if len(unplaced) == 1 else []

    def _lead_actors(self, doc: DocContext, phrase: str) -> list[str]:
        """The actors of a clause that introduces a list: its subject's, else the parties."""
        return self._actors(phrase, doc) or list(doc.info.parties)


def _record(doc: DocContext, codebook: Codebook) -> ExtractionRecord:
    """The validated record: each statement is built once, from its finished draft."""
    statements = [d.build(doc.doc_id) for d in doc.statements]
    agreements = [count_instruments(s.text, codebook.documents) for s in statements if s.kind == "agreement"]
    counted = [n for n in agreements if n]
    info = doc.info
    meta = DocumentMeta(
        id=doc.doc_id,
        source=doc.raw.source,
        title=info.title,
        date=info.date,
        place=info.place,
        parties=info.parties,
        kind=info.kind,
        content_hash=doc.content_hash,
        chars=len(doc.text),
    )
    return ExtractionRecord(document=meta, statements=statements, agreements_signed=max(counted) if counted else None)


def _opening_dateline(sentences: list[str], book: SegmentationBook) -> Dateline | None:
    """The news dateline among a document's first sentences: the segmenter made it a sentence
    of its own ("NAIROBI:"), so it is read together with the sentence it opened."""
    for here, after in zip(sentences, sentences[1:]):
        dateline = book.dateline(f"{here} {after}")
        if dateline is not None and dateline.end == len(here) + 1:
            return dateline
    return None


# "their countries’ plans" (plural), "next year’s Summit" (singular: before a capital the parser
# reads a curly "’s" as punctuation and cuts the noun phrase in two)
_PLURAL_POSSESSIVE = re.compile(r"(?<=[sS])’(?=\s)|(?<=\w)’(?=s\b)")


def _straight_possessive(text: str) -> str:
    """"the United States’ commitment", "their countries’ plans": the parser reads a curly
    apostrophe after -s as a closing quote and loses the possessor, and "’s" before a capital as
    punctuation; a straight one it reads as the possessive (one character for one, so every
    offset stays)."""
    return _PLURAL_POSSESSIVE.sub("'", text)


def _first_person(subject: str | None) -> bool:
    """"We", "I", "our government", "my country": the speaker's own side."""
    first = subject.split()[0].lower() if subject else ""
    return first in ("we", "i", "our", "my")


_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_SENTENCE_END = re.compile(r"[.!?][”\"’)]*\s+(?=[“\"A-Z])")


def _paragraph_before(text: str, para_start: int) -> int:
    """Where the paragraph before the one at ``para_start`` starts (blank lines skipped)."""
    end = para_start
    while end > 0 and text[end - 1] in " \t\r\n":
        end -= 1
    return text.rfind("\n", 0, end) + 1


def _inside_quotation(before: str) -> bool:
    """Does a quotation opened in ``before`` (a paragraph's text up to a sentence) run on?"""
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _pronoun(reporter: str) -> bool:
    """'“...,” he noted': a reporter named by a pronoun only."""
    return reporter.strip().lower() in ("he", "she")


def _collective(subject: str | None, book) -> bool:
    """"The two sides", "both countries": a phrase of words that means all the parties (actors.yaml;
    not a pronoun, "they", which inside a quotation may be anyone)."""
    if not subject or " " not in subject.strip():
        return False
    norm = " ".join(subject.lower().split())
    return (norm[4:] if norm.startswith("the ") else norm) in book.collective_phrases


def _second_or_third_person(subject: str | None) -> bool:
    """"They", "you": in a speech, whom or what the speaker talks about or to, not the speaker
    ("These developments ... will also strengthen multilateralism"; "they will serve current needs")."""
    return subject is not None and subject.strip().lower() in ("they", "you")


def _speakers_own(subject: str | None, lex) -> bool:
    """"(The president vowed that) his government would protect ...": the reporter's own side,
    named through "his"/"her" and an actor noun (government, country, administration)."""
    words = subject.lower().split() if subject else []
    return len(words) == 2 and words[0] in ("his", "her") and words[1] in lex.actor_nouns


def _describes_others(f: Finding, actors: list[str], parties) -> bool:
    """"Hamas continues to operate in Gaza": an ongoing action of someone who is not a party,
    named by the speaker, is a description, not an undertaking."""
    if not f.aspectual or f.reporter or not f.subject or not parties:
        return False
    return not (set(actors) & set(parties)) and f.subject.split()[0].lower() not in ("we", "i", "our", "they", "both")


# -- many documents ---------------------------------------------------------------
@lru_cache(maxsize=4)
def shared_extractor(ner: bool = True, codebook: str | None = None) -> Extractor:
    """This process's Extractor for a configuration (``codebook``: a codebook directory, the
    bundled one when None), built on first use. It keeps no document's state, so every
    caller in the process (thread) may share it.

    Once it is built, what the process holds (the model, the codebook: objects that live as long
    as the process) is set aside from the garbage collector's full collections (``gc.freeze``),
    which would otherwise scan it all again every few documents: 4% of extraction's CPU time on
    UN speeches. (Forked workers inherit it set aside, and share its memory pages longer.)"""
    extractor = Extractor(ner=ner, codebook=Codebook.load(codebook))
    gc.freeze()
    return extractor


def _start_worker(ner: bool, codebook: str | None) -> None:
    """Pool initializer: build the worker's extractor before its first document (a forked
    worker finds its parent's already built)."""
    shared_extractor(ner, codebook)


def _extract_file(path: str, ner: bool = True, codebook: str | None = None, limits: ReadLimits = DEFAULT_LIMITS,
                  ) -> tuple[str, ExtractionRecord | ReadError, str | None]:
    from pledgebook.read import read_document

    try:
        raw = read_document(path, source=path, limits=limits)
    except ReadError as err:
        return path, err, None
    return path, shared_extractor(ner, codebook).extract(raw), raw.text


def extract_texts(paths: Iterable[str], jobs: int = 1, *, ner: bool = True, codebook: str | Path | None = None,
                  limits: ReadLimits = DEFAULT_LIMITS) -> Iterator[tuple[str, ExtractionRecord | ReadError, str | None]]:
    """Extract many files, in order, with the text each record's spans point into (None when
    the file could not be read); ``jobs > 1`` uses that many worker processes. ``ner``: see
    ``Extractor``; ``codebook``: a codebook directory (the bundled one by default), handed to
    every worker as an argument; ``limits``: how large a document may be (docs/limits.md)."""
    paths = [str(p) for p in paths]
    directory = str(Codebook.load(codebook).directory)  # validated before any work
    task = partial(_extract_file, ner=ner, codebook=directory, limits=limits)
    if jobs <= 1 or len(paths) < 2:
        yield from map(task, paths)
        return
    import multiprocessing as mp
    import os

    ctx = mp.get_context("fork") if hasattr(os, "fork") else mp.get_context()
    with ctx.Pool(jobs, initializer=_start_worker, initargs=(ner, directory)) as pool:
        yield from pool.imap(task, paths, chunksize=2)


def extract_paths(paths: Iterable[str], jobs: int = 1, *, ner: bool = True, codebook: str | Path | None = None,
                  limits: ReadLimits = DEFAULT_LIMITS) -> Iterator[tuple[str, ExtractionRecord | ReadError]]:
    """Extract many files, in order; ``jobs > 1`` uses that many worker processes."""
    for path, result, _ in extract_texts(paths, jobs, ner=ner, codebook=codebook, limits=limits):
        yield path, result


def extract_documents(documents: Iterable[tuple[str, RawDocument]], jobs: int = 1, *, ner: bool = True,
                      codebook: str | Path | None = None, ahead: int = 2,
                      ) -> Iterator[tuple[str, RawDocument, ExtractionRecord]]:
    """Extract documents the caller has read (each file read once), in order, as (path,
    document, record). ``jobs > 1`` uses that many worker processes, with at most ``ahead``
    documents a worker taken from ``documents`` before its record is yielded: documents are
    read as they are needed, so memory holds only those in flight."""
    directory = str(Codebook.load(codebook).directory)  # validated before any work
    documents = iter(documents)
    opening = [d for d in (next(documents, None), next(documents, None)) if d is not None]
    if jobs <= 1 or len(opening) < 2:  # one document: no worker processes to start
        for path, raw in chain(opening, documents):
            yield path, raw, shared_extractor(ner, directory).extract(raw)
        return
    import multiprocessing as mp
    import os

    ctx = mp.get_context("fork") if hasattr(os, "fork") else mp.get_context()
    with ctx.Pool(jobs, initializer=_start_worker, initargs=(ner, directory)) as pool:
        waiting: deque = deque()
        for path, raw in chain(opening, documents):
            waiting.append((path, raw, pool.apply_async(_extract_raw, (raw, ner, directory))))
            if len(waiting) >= jobs * ahead:
                done_path, done_raw, result = waiting.popleft()
                yield done_path, done_raw, result.get()
        while waiting:
            done_path, done_raw, result = waiting.popleft()
            yield done_path, done_raw, result.get()


def _extract_raw(raw: RawDocument, ner: bool, codebook: str) -> ExtractionRecord:
    return shared_extractor(ner, codebook).extract(raw)
