"""From a RawDocument to the extraction record: segment, parse the candidate
sentences, find statements, and attach actors, sectors, entities, time and events."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pledgebook.codebook.loader import load_event_map
from pledgebook.codebook.triggers import load_triggers
from pledgebook.core.data import (
    DocumentMeta,
    EntityMention,
    ExtractionRecord,
    Statement,
    content_hash,
    statement_id,
)
from pledgebook.extract.actors import ActorResolver
from pledgebook.extract.clauses import Finding, find_statements
from pledgebook.extract.entities import EntityFinder
from pledgebook.extract.metadata import DocInfo, count_instruments, infer_metadata
from pledgebook.extract.nlp import load_nlp
from pledgebook.extract.people import PeopleMap
from pledgebook.extract.sectors import SectorClassifier
from pledgebook.extract.when import find_when
from pledgebook.read.base import RawDocument, ReadError
from pledgebook.segment.segmenter import Paragraph, Sentence, segment, semicolon_pieces

EXTRACTOR_VERSION = "0.1.0"

# "We will:" / "The two sides agreed to:" introducing a list of undertakings.
_LIST_HEADER = re.compile(
    r"\b(?:will|shall|commit(?:s|ted)?\s+to|agree[ds]?\s+to|pledge[ds]?\s+to|resolve[ds]?\s+to|decided\s+to|"
    r"intends?\s+to|plans?\s+to|are\s+determined\s+to|undertake[s]?\s+to|reaffirm(?:s|ed)?\s+(?:our|their|its)\s+commitment\s+to)"
    r"(?:\s+[\w-]+){0,4}\s*:\s*$",
    re.IGNORECASE,
)
_ENUM_START = re.compile(r"^\((?:[ivx]{1,5}|[a-h]|\d{1,2})\)\s")
# A statement that refers back to a project ("committed to its early deployment") is about
# the entities of the clause before it.
_ANAPHOR = re.compile(
    r"\b(?:its|their|the\s+(?:project|projects|port|corridor|initiative|agreement|plan|programme|program|road|"
    r"railway|line|scheme|facility|plant|upgrade|partnership|framework|mechanism|fund|deal))\b",
    re.IGNORECASE,
)
_SUBJECT_BEFORE = re.compile(r"^(.*?)\s+(?:will|shall|commit|agree|pledge|resolve|decide|intend|plan|are|undertake|reaffirm)", re.IGNORECASE)


@dataclass(slots=True)
class _ListHeader:
    actors: list[str]
    strength: str
    trigger: str


class Extractor:
    """Builds the lexicons once; ``extract`` is then cheap to call per document."""

    def __init__(self) -> None:
        self.nlp = load_nlp()
        self.lex = load_triggers()
        self.events = load_event_map()
        self.entities = EntityFinder()
        self.sectors = SectorClassifier()
        self.actors = ActorResolver()
        book = self.actors.book
        # Country and capital names (not demonyms) that a statement is about become place entities.
        self._place_names = {a.casefold() for a, _, _ in book.aliases(("country", "capital"))}

    # -- public -------------------------------------------------------------------
    def extract_text(self, text: str, source: str = "<string>") -> ExtractionRecord:
        return self.extract(RawDocument(source=source, text=text))

    def extract(self, raw: RawDocument) -> ExtractionRecord:
        paragraphs = segment(raw)
        first_text = next((p.sentences[0].view.clean for p in paragraphs if p.sentences), "")
        info = infer_metadata(raw, self.actors, first_text)
        people = PeopleMap(raw.text[raw.body_start :], info.date, self.actors.lookup_country, info.issuer)
        digest = content_hash(raw.text)
        doc_id = digest[:16]
        statements = self._statements(raw, paragraphs, info, people, doc_id)
        agreements = [count_instruments(s.text) for s in statements if s.kind == "agreement"]
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
        candidates: list[tuple[Paragraph, Sentence, bool]] = []  # (paragraph, sentence or piece, continues a sentence)
        for para in paragraphs:
            if para.kind in ("boilerplate", "heading"):
                continue
            for sent in para.sentences:
                for n, piece in enumerate(semicolon_pieces(sent)):
                    candidates.append((para, piece, n > 0))
        to_parse = [s.view.clean for p, s, _ in candidates if self.lex.prefilter.search(s.view.clean) or p.kind == "list_item"]
        docs = iter(self.nlp.pipe(to_parse, batch_size=64))

        out: list[Statement] = []
        header: _ListHeader | None = None
        sentence_commitment: Finding | None = None
        previous_actors: list[str] = list(info.parties)
        previous_entities: list = []
        previous_para = None
        for para, sent, continues in candidates:
            if para is not previous_para:
                previous_entities, previous_para = [], para
            clean = sent.view.clean
            if not (self.lex.prefilter.search(clean) or para.kind == "list_item"):
                if para.kind != "list_item":
                    header = None
                continue
            parsed = next(docs)
            if para.kind != "list_item":
                header = None
            if _LIST_HEADER.search(clean):
                subj = _SUBJECT_BEFORE.match(clean)
                actors = self._actors(subj.group(1) if subj else "we", info, people) or list(info.parties)
                header = _ListHeader(actors, "firm", clean.rsplit(" ", 3)[-3:][0])
                continue
            findings = find_statements(parsed, self.lex)
            if header is not None and para.kind == "list_item" and not continues and sent.span.start == para.sentences[0].span.start:
                findings = self._list_item(findings, clean, header, parsed)
            findings = self._split_enumerations(findings, sent)
            if not continues:
                sentence_commitment = next((f for f in findings if f.kind == "commitment"), None)
            else:
                findings = findings or self._continuation(parsed, clean, sentence_commitment)
                for f in findings:  # "...; encourage X": the subject of the sentence's first clause
                    if f.subject is None and f.reporter is None:
                        f.inherit_actors = True
            for f in findings:
                st = self._statement(raw, sent, f, info, people, doc_id, previous_actors, previous_entities)
                if st is not None:
                    out.append(st)
                    previous_actors = st.actors
                    if st.entities:
                        previous_entities = st.entities
        return _dedupe(out)

    def _list_item(self, findings: list[Finding], clean: str, header: _ListHeader, parsed) -> list[Finding]:
        """An item under "We will:" that names an action is one commitment by the header's actors
        (a noun-phrase item, such as a purchase listed under "deals will include:", is not)."""
        end = len(clean.rstrip(" .;,"))
        kept = [f for f in findings if f.kind == "commitment" and f.subject]
        if kept:
            return kept
        first = next((t for t in parsed if not t.is_punct and not t.is_space), None)
        if first is None or first.pos_ not in ("VERB", "AUX"):
            return findings
        return [Finding(0, end, "commitment", "commitment", header.strength, "list_item_under_header",
                        [header.trigger], subject=None, reporter="__header__:" + ",".join(header.actors))]

    def _continuation(self, parsed, clean: str, lead: Finding | None) -> list[Finding]:
        """'Indonesia will adopt X; amend Y; and strengthen Z': a clause after a semicolon that
        starts with a bare verb continues the sentence's undertaking."""
        if lead is None:
            return []
        words = [t for t in parsed if not t.is_punct and not t.is_space]
        while words and words[0].dep_ in ("cc", "advmod", "preconj") and words[0].pos_ != "VERB":
            words = words[1:]
        if not words or words[0].tag_ not in ("VB", "VBP"):
            return []
        start = words[0].idx
        end = len(clean.rstrip(" ;,."))
        return [Finding(start, end, "commitment", "commitment", lead.strength, lead.rule + "+continued_after_semicolon",
                        lead.triggers + [words[0].text], subject=None)]

    def _split_enumerations(self, findings: list[Finding], sent: Sentence) -> list[Finding]:
        """'The United States will (i) ...; (ii) ...' is one commitment per enumerated item."""
        if len(sent.clauses) < 2:
            return findings
        offsets = [sent.view.index.index(c.start) if c.start in sent.view.index else -1 for c in sent.clauses]
        out: list[Finding] = []
        for f in findings:
            inner = [o for o in offsets if f.start < o < f.end]
            enumerated = [o for o in inner if _ENUM_START.match(sent.view.clean[o:])]
            if f.kind != "commitment" or not enumerated:
                out.append(f)
                continue
            cuts = [f.start] + enumerated + [f.end]
            for n, (a, b) in enumerate(zip(cuts, cuts[1:])):
                piece = sent.view.clean[a:b].rstrip(" ;,.")
                if n == 0 and len(piece.split()) <= 6 and len(cuts) > 2:
                    # the lead-in ("The United States will") is not a commitment of its own
                    continue
                out.append(Finding(a, a + len(piece), f.kind, f.category, f.strength,
                                   f.rule + ("+enumerated_item" if n else ""), f.triggers, f.subject, f.reporter,
                                   f.inherit_actors))
        return out

    def _places(self, text: str, start: int, end: int, found: list[EntityMention], actors: list[str]) -> list[EntityMention]:
        """Countries and capitals a statement is about (not those that speak in it)."""
        out: list[EntityMention] = []
        for code, s, e in self.actors.find_countries(text[start:end], capitals=True):
            s, e = s + start, e + start
            surface = text[s:e]
            if code in actors or surface.casefold() not in self._place_names:
                continue
            if any(m.start <= s and e <= m.end for m in found):
                continue  # part of a longer name ("China-Pakistan Economic Corridor")
            name = " ".join(surface.split()).removeprefix("the ").removeprefix("The ")
            out.append(EntityMention(name=name, kind="place", start=s, end=e, surface=surface, source="gazetteer"))
        return out

    def _actors(self, phrase: str | None, info: DocInfo, people: PeopleMap) -> list[str]:
        if not phrase:
            return []
        codes = self.actors.resolve(phrase, info.parties, info.group)
        if not codes:
            codes = people.resolve(phrase)
        return sorted(set(codes))

    def _statement(self, raw, sent: Sentence, f: Finding, info: DocInfo, people: PeopleMap, doc_id: str,
                   previous_actors: list[str], previous_entities: list) -> Statement | None:
        span = sent.view.span(f.start, f.end)
        if len(span) == 0 or (f.kind == "commitment" and not f.actor_subject):
            return None
        text = span.of(raw.text)
        if f.reporter and f.reporter.startswith("__header__:"):
            actors = f.reporter.split(":", 1)[1].split(",")
            who = "list header"
        else:
            actors = [] if f.inherit_actors else self._actors(f.subject, info, people)
            if not actors and f.reporter:
                actors = self._actors(f.reporter, info, people)
            if not actors and f.inherit_actors:
                actors = list(previous_actors)
            if not actors:
                actors = list(info.parties)
            who = f.subject or f.reporter or "document parties"
        entities = self.entities.find(raw.text, span.start, span.end)
        entities += self._places(raw.text, span.start, span.end, entities, actors)
        anaphor = ""
        if not entities and previous_entities and (m := _ANAPHOR.search(sent.view.clean, f.start, f.end)):
            entities, anaphor = list(previous_entities), f"; entities via '{m.group(0)}'"
        sectors = self.sectors.classify(sent.view.clean[f.start : f.end], entities)
        when = find_when(raw.text, sent.view, f.start, f.end, info.date) if f.kind == "commitment" else None
        plover, cameo = self.events.for_category(f.category, sectors)
        rationale = f"rule={f.rule}; trigger='{' '.join(f.triggers)}'; actor from '{who}'{anaphor}"
        return Statement(
            id=statement_id(doc_id, span.start, span.end),
            start=span.start,
            end=span.end,
            text=text,
            kind=f.kind,
            actors=actors,
            strength=f.strength if f.kind == "commitment" else None,
            sectors=sectors,
            entities=entities,
            when=when,
            plover=plover,
            cameo=cameo,
            rationale=rationale,
        )


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
_WORKER: Extractor | None = None


def _worker_extract(path: str) -> tuple[str, ExtractionRecord | ReadError]:
    global _WORKER
    from pledgebook.read import read_document

    if _WORKER is None:
        _WORKER = Extractor()
    try:
        raw = read_document(path, source=path)
    except ReadError as err:
        return path, err
    return path, _WORKER.extract(raw)


def extract_paths(paths: Iterable[str], jobs: int = 1) -> Iterator[tuple[str, ExtractionRecord | ReadError]]:
    """Extract many files, in order; ``jobs > 1`` uses that many worker processes."""
    paths = [str(p) for p in paths]
    if jobs <= 1 or len(paths) < 2:
        for path in paths:
            yield _worker_extract(path)
        return
    import multiprocessing as mp

    ctx = mp.get_context("fork") if hasattr(__import__("os"), "fork") else mp.get_context()
    with ctx.Pool(jobs) as pool:
        yield from pool.imap(_worker_extract, paths, chunksize=2)
