"""From a RawDocument to the extraction record: segment, parse the candidate
sentences, find statements, and attach actors, sectors, entities, time and events."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pledgebook.codebook import Codebook
from pledgebook.core.data import (
    DocumentMeta,
    EntityMention,
    ExtractionRecord,
    Statement,
    content_hash,
    statement_id,
)
from pledgebook.extract.actors import ActorResolver
from pledgebook.extract.clauses import Finding, embedded_under, find_statements, governs, joined_verb
from pledgebook.extract.entities import EntityFinder
from pledgebook.extract.metadata import DocInfo, count_instruments, infer_metadata
from pledgebook.extract.nlp import is_gerund, keep_prefixed_verbs, load_nlp
from pledgebook.extract.people import PeopleMap
from pledgebook.extract.sectors import SectorClassifier
from pledgebook.extract.when import find_when
from pledgebook.read.base import RawDocument, ReadError
from pledgebook.segment.segmenter import Paragraph, Sentence, clause_pieces, continues_after_ellipsis, ends_in_ellipsis, segment

NER_ENV = "PLEDGEBOOK_NER"  # 0: skip the NER pass (see Extractor); on when unset
MAX_SENTENCE_CHARS = 3000  # longer "sentences" are not prose: they are skipped, not parsed
MAX_UNIT_SENTENCES = 8  # lines of a speech joined into one sentence at most (bounds the work per unit)
ANTECEDENT_WINDOW = 2500  # characters searched back for what "the agreement" refers to

# "We will:" / "The two sides agreed to:" introducing a list of undertakings.
_LEAD_IN = re.compile(
    r"\b(?:will|shall|commit(?:s|ted)?\s+to|agree[ds]?\s+to|pledge[ds]?\s+to|resolve[ds]?\s+to|decided\s+to|"
    r"intends?\s+to|plans?\s+to|are\s+determined\s+to|undertake[s]?\s+to|reaffirm(?:s|ed)?\s+(?:our|their|its)\s+commitment\s+to)"
    r"(?:\s+[\w-]+){0,4}\s*:?\s*$",
    re.IGNORECASE,
)
_TRAILING_JOINER = re.compile(r"(?:[\s.;,]+(?:and|or))?[\s.;,]*$")
_MARKER = re.compile(r"\s*(?:\((?:[ivx]{1,5}|[a-h]|\d{1,2})\)|[-*•]|\d{1,2}[.)])\s*")  # list or enumeration marker
_SUBJECT_BEFORE = re.compile(r"^(.*?)\s+(?:will|shall|commit|agree|pledge|resolve|decide|intend|plan|are|undertake|reaffirm)", re.IGNORECASE)


@dataclass(slots=True)
class _Lead:
    """A clause that introduces undertakings listed after it ("We will:", "Peru will (i) ...")."""

    actors: list[str]
    strength: str
    trigger: str

    @classmethod
    def of(cls, st: Statement, f: Finding) -> _Lead:
        """The undertaking ``st`` (found as ``f``) leaves open for the items after it."""
        return cls(st.actors, st.strength or "firm", f.triggers[0] if f.triggers else "")


class Extractor:
    """Builds the lexicons once; ``extract`` is then cheap to call per document."""

    def __init__(self, ner: bool | None = None, codebook: Codebook | None = None) -> None:
        """``ner``: also run spaCy's NER on the sentences that hold a statement with a proper
        noun nothing else explains, to find names the gazetteer and discovery rules miss
        (companies, laws). On by default: batched once per document over those sentences only,
        it costs a few percent of the speed. ``None`` reads ``$PLEDGEBOOK_NER`` (0 = off).
        ``codebook``: the vocabulary to extract with (``Codebook.load(DIR)``; the bundled one by default)."""
        self.codebook = codebook = codebook or Codebook.load()
        self.nlp = load_nlp()
        if ner is None:
            ner = os.environ.get(NER_ENV, "1").strip().lower() not in ("", "0", "false", "no", "off")
        self.ner = self.nlp.get_pipe("ner") if ner and "ner" in self.nlp.component_names else None
        self.lex = codebook.triggers
        keep_prefixed_verbs(self.nlp, self.lex.verbs)
        self.events = codebook.events
        self.entities = EntityFinder(codebook)
        self._ner_queue: list = []  # statements waiting for the batched NER pass
        self._speakers: frozenset[str] = frozenset()  # the document's parties and speaking group
        self._by_sentence: dict = {}  # sentence (unit index) -> its statements, for orphan names
        self._units: list[tuple[int, int]] = []  # span of each sentence, with the lines that carry it on
        self._verbs: dict[int, tuple] = {}  # id(statement) -> (its verb, the verb it is joined to or None)
        self._to_classify: list[tuple[Statement, str, str, int]] = []  # (statement, its clean text, category, unit)
        heads = "|".join(sorted((re.escape(h) for h in self.entities.rules.heads if " " not in h), key=len, reverse=True))
        # "the agreement", "this Council" (not "the Council of Europe", a name of its own)
        # "its", "their", "the project", "the long-standing dispute" (anaphor_nouns; a hyphenated
        # adjective may stand before the noun, not "the issue of debt"): the clause before's names
        nouns = "|".join(sorted(self.entities.rules.anaphor_nouns, key=len, reverse=True))
        self._anaphor = re.compile(rf"\b(?:its|their|the\s+(?:[a-z]+-[a-z]+\s+)?(?:{nouns})\b(?!\s+of\b))", re.IGNORECASE)
        self._definite = re.compile(rf"\b(?:the|this|that)\s+({heads})\b(?!\s+(?:of|on|for)\b|(?-i:\s+[A-Z]))",
                                    re.IGNORECASE)
        self.sectors = SectorClassifier(codebook)
        self.actors = ActorResolver(codebook.actors)
        # Countries a statement is about ("support for Ukraine", "the Ukrainian government") and
        # capitals or cities where things happen become place entities under one canonical name.
        book = self.actors.book
        self._place_kind = {a.casefold(): kind for a, _, kind in book.aliases(("country", "demonym", "capital"))}
        self._country_name = {code: _short_name(names) for code, names in book.countries.items() if names}

    # -- public -------------------------------------------------------------------
    def extract_text(self, text: str, source: str = "<string>") -> ExtractionRecord:
        return self.extract(RawDocument(source=source, text=text))

    def extract(self, raw: RawDocument) -> ExtractionRecord:
        paragraphs = segment(raw, self.codebook.segmentation)
        sentences = [s.view.clean for p in paragraphs if p.kind != "boilerplate" for s in p.sentences]
        info = infer_metadata(raw, self.actors, sentences[0] if sentences else "", " ".join(sentences[:3]),
                              self.codebook.documents)
        people = PeopleMap(raw.text[raw.body_start :], info.date, self.actors.lookup_country, info.issuer,
                           self.codebook.leaders)
        self._speakers = frozenset([*info.parties, *([info.group] if info.group else [])])
        digest = content_hash(raw.text)
        doc_id = digest[:16]
        self._ner_queue, self._by_sentence, self._units, self._verbs, self._to_classify = [], {}, [], {}, []
        statements = self._statements(raw, paragraphs, info, people, doc_id)
        self._attach_orphans(raw.text)
        self._attach_antecedents(raw.text, statements)
        self._attach_named(raw.text, people)
        self._share_sentence_entities(raw.text)
        self._classify_sectors(raw.text)
        agreements = [count_instruments(s.text, self.codebook.documents) for s in statements if s.kind == "agreement"]
        counted = [n for n in agreements if n]
        meta = DocumentMeta(
            id=doc_id,
            source=raw.source,
            title=info.title,
            date=info.date,
            place=info.place,
            parties=info.parties,
            kind=info.kind,
            content_hash=digest,
            chars=len(raw.text),
        )
        return ExtractionRecord(document=meta, statements=statements, agreements_signed=max(counted) if counted else None)

    # -- internals ----------------------------------------------------------------
    def _statements(self, raw: RawDocument, paragraphs: list[Paragraph], info: DocInfo, people: PeopleMap, doc_id: str) -> list[Statement]:
        # (paragraph, sentence or piece of one, whether it continues a sentence, its sentence unit)
        candidates: list[tuple[Paragraph, Sentence, bool, int]] = []
        # paragraphs that carry on the one before, which ended in an ellipsis ("the UK will lead again…"
        # then "Tackling climate change…", "And restoring our commitment…"): a speech's items
        carried: set[int] = set()
        after_ellipsis = False
        previous: Sentence | None = None
        merged = 0  # sentences in the current unit
        for para in paragraphs:
            if para.kind in ("boilerplate", "heading"):
                previous = None
                continue
            if after_ellipsis and para.sentences and _GERUND_ITEM.match(para.sentences[0].view.clean):
                carried.add(id(para))
            after_ellipsis = bool(para.sentences) and ends_in_ellipsis(para.sentences[-1].view.clean)
            for sent in para.sentences:
                if previous is not None and continues_after_ellipsis(previous, sent, self.codebook.segmentation, is_gerund) \
                        and merged < MAX_UNIT_SENTENCES:
                    merged += 1
                    self._units[-1] = (self._units[-1][0], sent.span.end)
                else:
                    self._units.append((sent.span.start, sent.span.end))
                    merged = 1
                previous = sent
                for n, piece in enumerate(clause_pieces(sent)):
                    candidates.append((para, piece, n > 0, len(self._units) - 1))

        def worth_parsing(para: Paragraph, piece: Sentence, continues: bool) -> bool:
            # most sentences of a speech pledge nothing: those without a trigger word are never parsed;
            # nor is a run-on "sentence" longer than any real one (a table, a dump of text)
            if len(piece.view.clean) > MAX_SENTENCE_CHARS:
                return False
            return continues or para.kind == "list_item" or id(para) in carried or self.lex.prefilter.search(piece.view.clean) is not None

        docs = iter(self.nlp.pipe([s.view.clean for p, s, c, _ in candidates if worth_parsing(p, s, c)], batch_size=64))
        out: list[Statement] = []
        header: _Lead | None = None  # "We will:" before a list of items (paragraphs)
        lead: _Lead | None = None  # "Peru will (i) ...; (ii) ..." inside one sentence
        previous_actors: list[str] = list(info.parties)
        previous_entities: list = []
        previous_para = None
        trailing: _Lead | None = None  # the undertaking a paragraph ending in "…" leaves open
        for para, sent, continues, unit in candidates:
            if para is not previous_para:
                if previous_para is not None and id(para) not in carried:
                    trailing = None
                previous_entities, previous_para = [], para
                if para.kind != "list_item":
                    header = None
            if not continues:
                lead = None
            if not worth_parsing(para, sent, continues):
                continue
            parsed = next(docs)
            clean = sent.view.clean
            introduced = self._lead_in(clean, info, people)
            if introduced is not None:
                if clean.rstrip().endswith(":"):
                    header = introduced
                    continue
                if not continues and len(clean.split()) <= 12:
                    lead = introduced
                    continue
            findings = find_statements(parsed, self.lex)
            first_of_item = para.kind == "list_item" and not continues and sent.span.start == para.sentences[0].span.start
            if header is not None and first_of_item:
                findings = self._continued(findings, parsed, header)
            elif continues and lead is not None:
                findings = self._continued(findings, parsed, lead)
            elif trailing is not None and id(para) in carried and sent.span.start == para.sentences[0].span.start:
                findings = self._continued(findings, parsed, trailing, gerunds=True)
            for f in findings:
                st = self._statement(raw, sent, f, info, people, doc_id, previous_actors, previous_entities, parsed, unit)
                if st is None:
                    continue
                out.append(st)
                previous_actors = st.actors
                if st.entities:
                    previous_entities = st.entities
                if not continues and lead is None and st.kind == "commitment":
                    lead = _Lead.of(st, f)
                if st.kind == "commitment" and ends_in_ellipsis(sent.view.clean):
                    trailing = _Lead.of(st, f)
        return _dedupe(out)

    def _lead_in(self, clean: str, info: DocInfo, people: PeopleMap) -> _Lead | None:
        """'We will:', 'The United States will' — a clause that only introduces undertakings."""
        match = _LEAD_IN.search(clean)
        if not match:
            return None
        subject = _SUBJECT_BEFORE.match(clean)
        actors = self._actors(subject.group(1) if subject else "we", info, people) or list(info.parties)
        return _Lead(actors, "firm", match.group(0).split()[0].rstrip(":"))

    def _continued(self, findings: list[Finding], parsed, lead: _Lead, gerunds: bool = False) -> list[Finding]:
        """An item under "We will:" or a clause after "(ii)" or a semicolon that names an action
        is one commitment by the lead's actors (a noun-phrase item, such as a purchase listed
        under "deals will include:", is not)."""
        kept = [f for f in findings if f.kind == "commitment" and f.subject]
        if kept:
            return kept
        marker = _MARKER.match(parsed.text)
        skip = marker.end() if marker else 0
        words = [t for t in parsed if t.idx >= skip and not t.is_punct and not t.is_space]
        # "and jointly promote ...", "; to support ...": joiners, adverbs and "to" before the verb
        while words and (words[0].dep_ in ("cc", "preconj") or words[0].lower_ in ("and", "or", "also", "to")
                         or (words[0].tag_ == "RB" and len(words) > 1)):
            words = words[1:]
        if not words:
            return findings
        first = words[0]
        # a bare verb names an action ("remove tariffs"); a gerund only elaborates ("including accepting ...")
        verb_like = first.tag_ in ("VB", "VBP") or (first.tag_ in ("NN", "NNP", "JJ") and first.lower_ in self.lex.verbs) \
            or (gerunds and first.lower_.endswith("ing"))  # "Joining the Paris Pact…" after "we will …"
        # an item with a subject of its own is a clause, not a bare action ("amend its laws to ensure
        # that workers' rights are protected" has a subject only inside its purpose clause)
        if not verb_like or any(t.dep_ in ("nsubj", "nsubjpass") and not embedded_under(t, first)
                                for t in parsed if t.idx >= skip):
            return findings
        end = len(_TRAILING_JOINER.sub("", parsed.text))
        return [Finding(first.idx, end, "commitment", "commitment", lead.strength, "listed_undertaking",
                        [lead.trigger, first.text], subject=None, reporter="__lead__:" + ",".join(lead.actors))]

    def _classify_sectors(self, text: str) -> None:
        """Sectors, and the event codes they refine, once all entities are attached (orphan,
        antecedent, NER and shared names count too), with the rest of the statement's sentence
        as weak evidence and the sentences around it for a statement that names no field."""
        pending, self._to_classify = self._to_classify, []
        for st, clean, category, unit in pending:
            context: tuple[str, ...] = ()
            nearby: list[str] = []
            if 0 <= unit < len(self._units):
                start, end = self._units[unit]
                context = (text[start : max(start, st.start)], text[min(end, st.end) : end])
                nearby = [text[s:e] for s, e in self._units[max(unit - 1, 0) : unit + 2] if (s, e) != (start, end)]
            st.sectors = self.sectors.classify(clean, st.entities, kind=st.kind, speakers=st.actors,
                                               context=context, nearby=nearby)
            st.plover, st.cameo = self.events.for_category(category, st.sectors)

    def _attach_orphans(self, text: str) -> None:
        """A name in a part of a sentence that belongs to none of its statements (a trailing
        complement, a shared object, a line that carries the sentence on after an ellipsis)
        goes to the nearest statement of that sentence."""
        for unit, group in self._by_sentence.items():
            start, end = self._units[unit]
            speakers = sorted({a for st in group for a in st.actors})
            for m in self._names_in(text, start, end, speakers):
                if any(st.start <= m.start and m.end <= st.end for st in group):
                    continue
                before = [st for st in group if st.end <= m.start]
                previous = max(before, key=lambda st: st.end) if before else None
                if previous is not None and not re.search(r"[,;:.!?]", text[previous.end : m.start]):
                    nearest = previous  # its trailing complement ("met with X in Beijing, and ...")
                else:
                    nearest = min(group, key=lambda st: max(st.start - m.end, m.start - st.end, 0))
                if all(e.name != m.name and not (e.start < m.end and m.start < e.end) for e in nearest.entities):
                    nearest.entities = sorted([*nearest.entities, m], key=lambda e: e.start)

    def _share_sentence_entities(self, text: str) -> None:
        """A statement that names nothing is about what the verb it shares a subject with names
        ("We condemn violence by the Myanmar military, and commit to pressing for its end";
        "reiterated their support for X, noting Acme's investment"). Not where the meeting was
        ("agreed to hold the summit in Tokyo and to launch a fund"), nor when it names a country."""
        for group in self._by_sentence.values():
            for st in group:
                if st.entities or id(st) not in self._verbs \
                        or any(code not in st.actors for code, _, _ in self.actors.find_countries(st.text)):
                    continue  # (a country it names, other than its speakers, is what it is about)
                verb, joined = self._verbs[id(st)]
                for other in group:
                    o = self._verbs.get(id(other))
                    if other.entities and o is not None and (governs(o[0], joined) or governs(verb, o[1])):
                        topics = [e for e in other.entities if not (e.kind == "place" and _LOCATIVE.search(text, 0, e.start))]
                        st.entities = self._carried(topics, st.actors)
                        if st.entities:
                            st.rationale += "; entities from the verb it is joined to"
                        break
        self._by_sentence, self._verbs = {}, {}

    def _attach_antecedents(self, text: str, statements: list[Statement]) -> None:
        """"the agreement", "the Council": the most recent name with that head word in the
        preceding text (a few paragraphs) is what the statement is about."""
        for st in statements:
            for m in self._definite.finditer(text, st.start, st.end):
                if any(e.start <= m.start(1) < e.end for e in st.entities):
                    continue  # part of a name already found ("the Agreement on Trade")
                found = self.entities.antecedent(text, m.group(1), m.start(), ANTECEDENT_WINDOW)
                if found is None:
                    continue
                if f"entities via '{m.group(0)}'" in st.rationale:
                    st.entities = [found]  # the one name it refers to, not all the clause before had
                elif all(e.name != found.name for e in st.entities):
                    st.entities = [*st.entities, found]

    # -- the optional NER pass, batched over a document's statements ---------------------------
    def _queue_named(self, text: str, st: Statement, sent: Sentence, f: Finding, parsed) -> None:
        """Queue the statement for NER if a proper noun in it is not yet explained: no known
        entity, country or group covers it (most statements have none; NER is costly)."""
        if self.ner is None or parsed is None:
            return
        start, end = st.start, st.end
        covered = [(m.start, m.end) for m in st.entities]
        covered += [(s + start, e + start) for _, s, e in self.actors.find_countries(text[start:end], capitals=True)]
        covered += [(s + start, e + start) for _, s, e in self.actors.find_groups(text[start:end])]
        for t in parsed:
            if t.pos_ == "PROPN" and f.start <= t.idx < f.end:
                span = sent.view.span(t.idx, t.idx + len(t.text))
                if not any(s <= span.start and span.end <= e for s, e in covered):
                    self._ner_queue.append((st, sent, f, parsed))
                    return

    def _attach_named(self, text: str, people: PeopleMap) -> None:
        """Run NER once over the queued sentences (batched) and add the names it finds."""
        queue, self._ner_queue = self._ner_queue, []
        if not queue:
            return
        docs = {id(parsed): parsed for _, _, _, parsed in queue}  # a sentence may hold several statements
        for _ in self.ner.pipe(docs.values(), batch_size=64):
            pass  # annotates the docs in place
        for st, sent, f, parsed in queue:
            named = self._named(text, sent, f, parsed, st.entities)
            st.entities = st.entities + [m for m in named if not people.names_someone(m.name)]

    def _named(self, text: str, sent: Sentence, f: Finding, parsed, found: list[EntityMention]) -> list[EntityMention]:
        """Names spaCy's NER finds in the statement that the gazetteer and discovery did not."""
        out: list[EntityMention] = []
        if parsed is None:
            return out
        for ent in parsed.ents:
            kind = _NER_KINDS.get(ent.label_)
            if kind is None or ent.start_char < f.start or ent.end_char > f.end or len(ent.text) < 3:
                continue
            span = sent.view.span(ent.start_char, ent.end_char)
            if any(m.start < span.end and span.start < m.end for m in found + out):
                continue  # already known, under its canonical name
            for s, e in _split_coordinated(text, span.start, span.end):
                surface = text[s:e]
                name = " ".join(surface.split()).removeprefix("the ").removeprefix("The ")
                if self._ner_name_ok(name):
                    out.append(EntityMention(name=name, kind=kind, start=s, end=e, surface=surface, source="discovered"))
        return out

    def _ner_name_ok(self, name: str) -> bool:
        """NER's one-word finds are mostly common nouns ("Council", "Renminbi", "Earth"); "a ..."
        is generic; a country or a pair of them ("U.S.-Japan") is an actor."""
        words = name.split()
        if len(words) < 2 or words[0] in ("a", "an", "A", "An"):
            return False
        parts = re.split(r"[-–]", name.removesuffix("’s").removesuffix("'s"))
        return not all(self.actors.book.lookup(p) is not None for p in parts if p)

    def _names_in(self, text: str, start: int, end: int, actors: list[str]) -> list[EntityMention]:
        """Named entities, places and organisations that ``text[start:end]`` is about (``actors`` speak in it)."""
        names = self.entities.find(text, start, end)
        names += self._places(text, start, end, names, actors)
        # An organisation is what a statement is about unless it speaks in the document: "The
        # United Nations should act" in a country's speech is about the UN; "we" of a G7 statement is not.
        speaking = [a for a in actors if a in self._speakers] if self._speakers else actors
        names += self._object_groups(text, start, end, names, speaking)
        return names

    def _places(self, text: str, start: int, end: int, found: list[EntityMention], actors: list[str]) -> list[EntityMention]:
        """Countries and capitals a statement is about (not those that speak in it)."""
        out: list[EntityMention] = []
        for code, s, e in self.actors.find_countries(text[start:end], capitals=True):
            s, e = s + start, e + start
            surface = text[s:e]
            kind = self._place_kind.get(" ".join(surface.split()).casefold().removeprefix("the "))
            if kind is None or (kind != "capital" and code in actors):
                continue  # the speaker itself is not what the statement is about; its capital may be
            if kind == "capital" and re.match(r"[-–][a-z]", text[e : e + 2]):
                continue  # "Paris-aligned", "Beijing-based": an adjective, not the place
            if any(m.start <= s and e <= m.end for m in found):
                continue  # part of a longer name ("China-Pakistan Economic Corridor")
            name = " ".join(surface.split()) if kind == "capital" else self._country_name.get(code, surface)
            out.append(EntityMention(name=name, kind="place", start=s, end=e, surface=surface, source="gazetteer"))
        return out

    def _object_groups(self, text: str, start: int, end: int, found: list[EntityMention],
                       actors: list[str]) -> list[EntityMention]:
        """An organisation of the actor book that the statement is about, not one that speaks in
        it ("China supports the United Nations"), is an institution entity."""
        out: list[EntityMention] = []
        for code, s, e in self.actors.find_groups(text[start:end]):
            s, e = s + start, e + start
            surface = text[s:e]
            group = self.actors.book.groups[code]
            members = _MEMBERS.search(surface) and " ".join(surface.split()).casefold() != group.name.casefold()
            if code in actors or members or surface.casefold() in self._place_kind:
                continue  # the speaker; "Quad partners" are its members; "Brussels" is a city
            if any(m.start < e and s < m.end for m in found + out):
                continue
            out.append(EntityMention(name=group.name, kind="institution", start=s, end=e, surface=surface,
                                     source="gazetteer"))
        return out

    def _carried(self, entities: list[EntityMention], actors: list[str]) -> list[EntityMention]:
        """Names carried over from another clause, less the country of the statement's own actors
        ("Pakistan informed China of X, and China emphasized ...": China is not what it is about)."""
        own = {self._country_name.get(a) for a in actors}
        return [e for e in entities if not (e.kind == "place" and e.name in own)]

    def _actors(self, phrase: str | None, info: DocInfo, people: PeopleMap) -> list[str]:
        if not phrase:
            return []
        codes = self.actors.resolve(phrase, info.parties, info.group)
        if not codes:
            codes = people.resolve(phrase)
        return sorted(set(codes))

    def _statement(self, raw, sent: Sentence, f: Finding, info: DocInfo, people: PeopleMap, doc_id: str,
                   previous_actors: list[str], previous_entities: list, parsed, unit: int) -> Statement | None:
        span = sent.view.span(f.start, f.end)
        if len(span) == 0 or (f.kind == "commitment" and not f.actor_subject):
            return None
        text = span.of(raw.text)
        if f.reporter and f.reporter.startswith("__lead__:"):
            actors = [a for a in f.reporter.split(":", 1)[1].split(",") if a]
            who, source = "the clause introducing the list", "list_lead"
        else:
            actors, source = ([], "subject") if f.inherit_actors else (self._actors(f.subject, info, people), "subject")
            if not actors and f.reporter:
                actors, source = self._actors(f.reporter, info, people), "reporter"
            if not actors and f.inherit_actors:
                actors, source = list(previous_actors), "previous_statement"
            if f.kind == "commitment" and _describes_others(f, actors, info.parties):
                return None
            if not actors:
                actors, source = list(info.parties), "document_parties"
            who = f.subject or f.reporter or "document parties"
        entities = self._names_in(raw.text, span.start, span.end, actors)
        anaphor = ""
        if not entities and previous_entities and (m := self._anaphor.search(sent.view.clean, f.start, f.end)):
            entities = self._carried(previous_entities, actors)
            anaphor = f"; entities via '{m.group(0)}'" if entities else ""
        when = find_when(raw.text, sent.view, f.start, f.end, info.date, self.codebook.times) if f.kind == "commitment" else None
        rationale = f"rule={f.rule}; trigger='{' '.join(f.triggers)}'; actor from '{who}'{anaphor}"
        st = Statement(
            id=statement_id(doc_id, span.start, span.end),
            start=span.start,
            end=span.end,
            text=text,
            kind=f.kind,
            actors=actors,
            strength=f.strength if f.kind == "commitment" else None,
            sectors=[],  # with plover and cameo, set once all entities are attached (_classify_sectors)
            entities=entities,
            when=when,
            plover=None,
            cameo=None,
            rule=f.rule,
            trigger=f.trigger,
            trigger_words=list(f.triggers),
            actor_source=source,
            rationale=rationale,
        )
        self._to_classify.append((st, sent.view.clean[f.start : f.end], f.category, unit))
        self._queue_named(raw.text, st, sent, f, parsed)
        if parsed is not None and 0 <= f.head_i < len(parsed):
            self._verbs[id(st)] = (parsed[f.head_i], joined_verb(parsed[f.head_i]))
        self._by_sentence.setdefault(unit, []).append(st)
        return st


_LOCATIVE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)  # "... in Tokyo": where, not what

# A group alias naming its members rather than the organisation ("Quad partners", "NATO Allies").
_MEMBERS = re.compile(r"\b(?:partners|countries|members|nations|allies|member states|leaders)$", re.IGNORECASE)

# spaCy entity labels kept as entities (people, countries and nationalities are actors, not entities)
_NER_KINDS = {"ORG": "institution", "FAC": "project", "PRODUCT": "other", "EVENT": "event", "LAW": "agreement",
              "LOC": "place", "WORK_OF_ART": "other"}


_GERUND_ITEM = re.compile(r"^(?:And\s+|and\s+)?[A-Za-z]+ing\b")


def _describes_others(f: Finding, actors: list[str], parties) -> bool:
    """"Hamas continues to operate in Gaza": an ongoing action of someone who is not a party,
    named by the speaker, is a description, not an undertaking."""
    if not f.aspectual or f.reporter or not f.subject or not parties:
        return False
    return not (set(actors) & set(parties)) and f.subject.split()[0].lower() not in ("we", "i", "our", "they", "both")


def _split_coordinated(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """NER may join two names: "ISRO and the National Aeronautics and Space Administration"."""
    m = re.search(r"\s+and\s+the\s+(?=[A-Z])", text[start:end])
    if m is None:
        return [(start, end)]
    return [(start, start + m.start()), (start + m.end(), end)]


def _short_name(names: tuple[str, ...]) -> str:
    """'Syria' rather than 'Syrian Arab Republic': the first name if short, else the shortest word name."""
    if names and len(names[0].split()) <= 2:
        return names[0]
    words = [n for n in names if not n.isupper() and "." not in n and len(n) >= 4]
    return min(words, key=len) if words else (names[0] if names else "")


def _dedupe(statements: list[Statement]) -> list[Statement]:
    seen: set[tuple[int, int]] = set()
    out = []
    for st in sorted(statements, key=lambda s: (s.start, s.end)):
        if (st.start, st.end) in seen:
            continue
        seen.add((st.start, st.end))
        out.append(st)
    return out


# -- many documents ---------------------------------------------------------------
_WORKERS: dict[str, Extractor] = {}  # codebook directory -> this process's extractor for it


def _worker_extract(path: str, codebook: str) -> tuple[str, ExtractionRecord | ReadError, str | None]:
    from pledgebook.read import read_document

    extractor = _WORKERS.get(codebook)
    if extractor is None:
        extractor = _WORKERS[codebook] = Extractor(codebook=Codebook.load(codebook))
    try:
        raw = read_document(path, source=path)
    except ReadError as err:
        return path, err, None
    return path, extractor.extract(raw), raw.text


def extract_texts(paths: Iterable[str], jobs: int = 1, codebook: str | Path | None = None,
                  ) -> Iterator[tuple[str, ExtractionRecord | ReadError, str | None]]:
    """Extract many files, in order, with the text each record's spans point into (None when
    the file could not be read); ``jobs > 1`` uses that many worker processes. ``codebook``: a
    codebook directory (the bundled one by default), handed to every worker."""
    from functools import partial

    paths = [str(p) for p in paths]
    work = partial(_worker_extract, codebook=str(Codebook.load(codebook).directory))  # validated before any work
    if jobs <= 1 or len(paths) < 2:
        for path in paths:
            yield work(path)
        return
    import multiprocessing as mp

    ctx = mp.get_context("fork") if hasattr(__import__("os"), "fork") else mp.get_context()
    with ctx.Pool(jobs) as pool:
        yield from pool.imap(work, paths, chunksize=2)


def extract_paths(paths: Iterable[str], jobs: int = 1, codebook: str | Path | None = None,
                  ) -> Iterator[tuple[str, ExtractionRecord | ReadError]]:
    """Extract many files, in order; ``jobs > 1`` uses that many worker processes."""
    for path, result, _ in extract_texts(paths, jobs, codebook):
        yield path, result
