"""Suggested evidence from the ledger itself: what later documents say about a thread's undertaking.

``suggestions(engine, thread_id=None)`` reads the stored threads (link/views.py) and, for a
thread whose statements name a project, the project's dossier (link/dossier.py), and suggests:

- ``completion`` / ``stalled``: a statement of a later document than the thread's first pledge
  — a later member of the thread, or a statement outside it that names one of its projects
  (a news report that the port "was inaugurated" is an appreciation, rarely a member) — whose
  words, or the sentence it stands in, hold a cue of the codebook's suggestion_cues.yaml
  ("inaugurated", "handed over", "began commercial operation"; "suspended", "delayed") that is
  evidence: no future, modal, conditional or negating word before it in its clause ("will be
  completed", "to be completed by 2025" and "the completion of" report nothing done).
- ``weaker`` / ``stronger``: a commitment of the thread is worded with another strength (firm >
  moderate > soft) than the last commitment before it, in an earlier document, by the same
  actors and worded alike (at least ``reworded.min_similarity`` of the words in common): a
  thread about one project holds several undertakings, and a party's request is no weaker
  wording of another's pledge.
- ``dropped``: the thread's statements stand in at least ``dropped.min_documents`` documents of
  one relationship (the same set of parties) and one genre among ``dropped.genres`` (joint
  statements, communiqués, declarations: texts that list a relationship's undertakings in full),
  and the later documents of that relationship and genre do not repeat it: none holds a member,
  nor a statement worded like one (``repeated_similarity``: a repetition the linker missed), and
  at least one of them is comparable, holding ``min_size_share`` as many statements as the
  smallest document that said it (a short statement on one matter omits every standing pledge).
  Only threads that hold a commitment; only dated documents.

Nothing is stored: a suggestion is computed, and its ``key`` ("THREAD:STATEMENT_KEY:KIND"; for
``dropped`` the middle part is the record id of the first later document that is silent) names
it for an analyst's decision (confirm or dismiss), recorded by the track layer.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from functools import lru_cache

from rapidfuzz.distance import Indel
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from pledgebook.codebook import Codebook
from pledgebook.codebook.cues import CueBook, CueMatch, clause_of, load_cues
from pledgebook.core.data import STRENGTH_RANK, Strength
from pledgebook.link.dossier import DossierStatement, UnknownEntity, build_dossier
from pledgebook.link.views import Member, ThreadFilter, ThreadView, get_thread, list_threads
from pledgebook.read.base import RawDocument
from pledgebook.segment.segmenter import segment
from pledgebook.store.models import Document, ExtractionRun, Statement, StatementEntity

KINDS = ("completion", "stalled", "weaker", "stronger", "dropped")
_PROJECT = "project"
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")  # a word, or a sign (link/views.py splits wordings alike)


class UnknownThread(LookupError):
    """No thread has this id."""


@dataclass(frozen=True, slots=True)
class Suggestion:
    key: str  # "THREAD_ID:STATEMENT_KEY:KIND" (dropped: "THREAD_ID:DOCUMENT_RECORD_ID:dropped")
    thread_id: int
    dossier: str | None  # the project whose dossier holds the evidence; None: a member of the thread
    kind: str  # completion | stalled | weaker | stronger | dropped
    statement_key: str | None  # the later statement (None for dropped: nothing says it)
    document_source: str  # the later document
    document_date: str | None
    document_title: str | None
    start: int | None  # the quoting span in that document's text (None for dropped)
    end: int | None
    quote: str | None  # document text [start:end]
    cues: tuple[str, ...]  # the cue words as written, or the strengths compared
    reason: str  # one line

    def to_dict(self) -> dict:
        out = asdict(self)
        out["cues"] = list(self.cues)
        return out


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A later statement that may report on the thread's undertaking."""

    statement_key: str
    document_id: int
    start: int
    end: int
    text: str
    dossier: str | None


@dataclass(slots=True)
class _Ledger:
    """What the suggestions read besides the threads, each loaded once."""

    session: Session
    cues: CueBook
    codebook: Codebook
    documents: dict[int, Document] = field(default_factory=dict)
    sentences: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    dossiers: dict[str, list[tuple[DossierStatement, int]]] = field(default_factory=dict)  # with document ids
    projects: frozenset[str] = frozenset()
    aliases: dict[str, list[str]] = field(default_factory=dict)  # a project's canonical name and aliases
    patterns: dict[str, re.Pattern[str] | None] = field(default_factory=dict)  # its spellings (``spellings``)
    texts: dict[int, list[tuple[str, ...]]] = field(default_factory=dict)  # ``statement_words``
    cued: dict[int, bool] = field(default_factory=dict)  # ``has_cues``
    named: dict[int, set[str]] = field(default_factory=dict)  # ``entities_named``

    def document(self, doc_id: int) -> Document:
        if doc_id not in self.documents:
            self.documents[doc_id] = self.session.get_one(Document, doc_id)
        return self.documents[doc_id]

    def sentence(self, doc_id: int, start: int) -> tuple[int, int] | None:
        """The span of the sentence holding ``start`` (the segmenter's sentences)."""
        if doc_id not in self.sentences:
            doc = self.document(doc_id)
            fmt = "markdown" if doc.source.lower().endswith((".md", ".markdown")) else "text"
            paragraphs = segment(RawDocument(doc.source, doc.text, fmt), self.codebook.segmentation)
            self.sentences[doc_id] = [(s.span.start, s.span.end) for p in paragraphs for s in p.sentences]
        return next(((a, b) for a, b in self.sentences[doc_id] if a <= start < b), None)

    def spellings(self, name: str) -> re.Pattern[str] | None:
        """A pattern of the project's names and the words the ledger found it by (not its
        anaphors: "the project"), whole words; a spelling without lower-case letters ("ECRL")
        in that case only."""
        if name not in self.patterns:
            self.dossier(name)  # resolves the aliases
            names = list(dict.fromkeys([name, *self.aliases.get(name, ())]))
            surfaces = self.session.scalars(select(StatementEntity.surface).distinct().where(
                StatementEntity.name.in_(names), StatementEntity.source != "anaphora"))
            spellings = sorted({n for n in [*names, *surfaces] if len(n) >= 3}, key=len, reverse=True)
            parts = [re.escape(n) if n.upper() == n else "(?i:" + re.escape(n) + ")" for n in spellings]
            self.patterns[name] = re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)") if parts else None
        return self.patterns[name]

    def statement_words(self, doc_id: int) -> list[tuple[str, ...]]:
        """The words of each current statement of the document, lower case."""
        if doc_id not in self.texts:
            self.texts[doc_id] = [_words(text) for text in self.session.scalars(
                select(Statement.text).join(ExtractionRun, ExtractionRun.id == Statement.run_id)
                .where(Statement.document_id == doc_id, ExtractionRun.is_current.is_(True)))]
        return self.texts[doc_id]

    def entities_named(self, doc_id: int) -> set[str]:
        """The entities of ``dropped.repeated_entity_kinds`` the document's current statements name."""
        if doc_id not in self.named:
            self.named[doc_id] = set(self.session.scalars(
                select(StatementEntity.name).join(Statement, Statement.id == StatementEntity.statement_id)
                .join(ExtractionRun, ExtractionRun.id == Statement.run_id)
                .where(Statement.document_id == doc_id, ExtractionRun.is_current.is_(True),
                       StatementEntity.kind.in_(self.cues.dropped.repeated_entity_kinds))))
        return self.named[doc_id]

    def has_cues(self, doc_id: int) -> bool:
        """Whether the document holds any cue: else no sentence of it need be read (whether one
        is evidence is for ``find`` on the sentence: a whole text's every blocker is slow to check)."""
        if doc_id not in self.cued:
            self.cued[doc_id] = self.cues.mentions(self.document(doc_id).text)
        return self.cued[doc_id]

    def dossier(self, name: str) -> list[tuple[DossierStatement, int]]:
        """The statements of the project's dossier, each with its document's id."""
        if name not in self.dossiers:
            try:
                found = build_dossier(self.session, name, self.codebook, wording=False)  # no word diffs needed
                statements, self.aliases[name] = found.statements, [found.entity, *found.aliases]
            except UnknownEntity:
                statements = []
            keys = [st.statement_id for st in statements]
            ids = dict(self.session.execute(
                select(Statement.stable_key, Statement.document_id)
                .join(ExtractionRun, ExtractionRun.id == Statement.run_id)
                .where(Statement.stable_key.in_(keys), ExtractionRun.is_current.is_(True))).all()) if keys else {}
            self.dossiers[name] = [(st, ids[st.statement_id]) for st in statements if st.statement_id in ids]
        return self.dossiers[name]


def suggestions(engine: Engine | Session, thread_id: int | None = None, *, cues: CueBook | None = None,
                codebook: Codebook | None = None) -> list[Suggestion]:
    """The suggestions of one thread (``UnknownThread`` if there is none) or of every thread,
    by thread, then by the later document's date."""
    if isinstance(engine, Engine):
        with Session(engine) as session:
            return suggestions(session, thread_id, cues=cues, codebook=codebook)
    book = codebook or Codebook.load()
    ledger = _Ledger(engine, cues or load_cues(book.directory), book, projects=_project_names(engine))
    if thread_id is not None:
        view = get_thread(engine, thread_id, wording=False)  # suggestions read no word diffs
        if view is None:
            raise UnknownThread(f"no thread {thread_id}")
        views = [view]
    else:
        views = sorted(list_threads(engine, ThreadFilter(min_docs=1), wording=False), key=lambda v: v.id)
    silent = _dropped_context(engine) if views else {}
    out: list[Suggestion] = []
    for view in views:
        if not view.members:
            continue
        found = [*_cue_suggestions(view, ledger), *_strength_suggestions(view, ledger),
                 *_dropped_suggestions(view, ledger, silent)]
        out += sorted(_once(found), key=lambda s: (s.document_date or "9999", KINDS.index(s.kind), s.start or 0))
    return out


def _once(found: list[Suggestion]) -> list[Suggestion]:
    """One suggestion per kind for words a document repeats (a report that prints its lead twice)."""
    seen, out = set(), []
    for s in found:
        said = (s.kind, s.document_source, _EDGES.sub("", " ".join((s.quote or "").split()).casefold()))
        if s.quote is None or said not in seen:
            seen.add(said)
            out.append(s)
    return out


def _project_names(session: Session) -> frozenset[str]:
    """The names the current statements give projects (a member's entities are names only)."""
    return frozenset(session.scalars(
        select(StatementEntity.name).distinct()
        .join(Statement, Statement.id == StatementEntity.statement_id)
        .join(ExtractionRun, ExtractionRun.id == Statement.run_id)
        .where(ExtractionRun.is_current.is_(True), StatementEntity.kind == _PROJECT)))


def _origin(view: ThreadView) -> str | None:
    """The date the undertaking was first pledged: the first dated commitment, else the first
    dated member."""
    dated = [m for m in view.members if m.document_date]
    pledges = [m for m in dated if m.kind == "commitment"]
    return (pledges or dated)[0].document_date if dated else None


# --- completion and stalled: cue words in a later statement or its sentence -------------------

def _candidates(view: ThreadView, ledger: _Ledger, origin: str) -> Iterable[_Candidate]:
    members = {m.statement_id for m in view.members}
    for m in view.members:
        if m.document_date and m.document_date > origin:
            yield _Candidate(m.statement_id, m.document_id, m.start, m.end, m.text, None)
    seen = set(members)
    for name in _projects(view, ledger):
        for st, doc_id in ledger.dossier(name):
            if st.statement_id in seen or not st.document_date or st.document_date <= origin:
                continue
            seen.add(st.statement_id)
            yield _Candidate(st.statement_id, doc_id, st.start, st.end, st.text, name)


def _cue_suggestions(view: ThreadView, ledger: _Ledger) -> list[Suggestion]:
    origin = _origin(view)
    if origin is None:
        return []
    out, covered = [], defaultdict(list)
    for cand in _candidates(view, ledger, origin):
        covered[cand.document_id].append(cand.start)
        for cls, (start, end, matches) in _cues_of(cand, ledger, origin).items():
            where = _said_by(cand) if (start, end) == (cand.start, cand.end) else f"the sentence of {_said_by(cand)}"
            out.append(_cue_suggestion(view, ledger, cand.document_id, (start, end), cls, matches, cand.statement_key,
                                       cand.dossier, f"{where} (first pledged {origin})"))
    for name in _projects(view, ledger):
        out += _sentence_suggestions(view, ledger, name, origin, covered)
    return out


def _cue_suggestion(view: ThreadView, ledger: _Ledger, doc_id: int, span: tuple[int, int], cls: str,
                    matches: list[CueMatch], statement_key: str | None, dossier: str | None, where: str) -> Suggestion:
    doc = ledger.document(doc_id)
    start, end = span
    words = tuple(dict.fromkeys(m.words.lower() for m in matches))
    said = statement_key or f"{doc.record_id}:{start}-{end}"  # a sentence no statement holds: its span
    return Suggestion(
        key=f"{view.id}:{said}:{cls}", thread_id=view.id, dossier=dossier, kind=cls, statement_key=statement_key,
        document_source=doc.source, document_date=_date(doc), document_title=doc.title, start=start, end=end,
        quote=doc.text[start:end], cues=words,
        reason=f"{ledger.cues.reasons[cls]}: {', '.join(repr(w) for w in words)} in {where}")


def _projects(view: ThreadView, ledger: _Ledger) -> list[str]:
    """The projects the thread is about: each member's first project, as the linker anchors a
    statement (a member listing "the Port City and the Hambantota port" is about the first)."""
    firsts = (next((e for e in m.entities if e in ledger.projects), None) for m in view.members)
    return list(dict.fromkeys(e for e in firsts if e is not None))


def _sentence_suggestions(view: ThreadView, ledger: _Ledger, name: str, origin: str,
                          covered: dict[int, list[int]]) -> list[Suggestion]:
    """Cues in a sentence that names the project and holds no statement looked at already
    (``covered``: their starts, by document): a
    news report's bare fact ("the port was handed over to China yesterday") is no one's speech,
    so no statement, yet the best evidence there is."""
    spelled = ledger.spellings(name)
    if spelled is None:
        return []
    later = dict.fromkeys(doc_id for st, doc_id in ledger.dossier(name) if st.document_date and st.document_date > origin)
    out = []
    for doc_id in (d for d in later if ledger.has_cues(d)):
        text = ledger.document(doc_id).text
        ledger.sentence(doc_id, 0)  # segments the document once
        for a, b in ledger.sentences[doc_id]:
            if any(a <= start < b for start in covered[doc_id]) or not spelled.search(text, a, b):
                continue
            covered[doc_id].append(a)
            by_class: dict[str, list[CueMatch]] = defaultdict(list)
            for m in _dated_cues(ledger, text[a:b], origin):
                by_class[m.cls].append(m)
            for cls, matches in by_class.items():
                out.append(_cue_suggestion(view, ledger, doc_id, (a, b), cls, matches, None, name,
                                           f"a sentence naming {name} (first pledged {origin})"))
    return out


def _cues_of(cand: _Candidate, ledger: _Ledger, origin: str) -> dict[str, tuple[int, int, list[CueMatch]]]:
    """Per cue class, the quoting span and the cues found: in the statement's own words, else in
    the sentence it stands in (only cues of events not dated before ``origin``)."""
    found: dict[str, tuple[int, int, list[CueMatch]]] = {}
    for m in _dated_cues(ledger, cand.text, origin):
        found.setdefault(m.cls, (cand.start, cand.end, []))[2].append(m)
    missing = [c for c in ledger.cues.reasons if c not in found]
    sentence = ledger.sentence(cand.document_id, cand.start) if missing and ledger.has_cues(cand.document_id) else None
    if sentence is not None and sentence != (cand.start, cand.end):
        a, b = sentence
        for m in _dated_cues(ledger, ledger.document(cand.document_id).text[a:b], origin):
            if m.cls in missing:
                found.setdefault(m.cls, (a, b, []))[2].append(m)
    return found


_YEAR_NAMED = re.compile(r"(?:\b([A-Za-z]{3,})\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?)?\b((?:19|20)\d{2})\b")
_INTRO_WORDS = 4  # a clause this short before the cue's, naming a year, dates it ("In March 2016, the port opened")


def _dated_cues(ledger: _Ledger, text: str, origin: str) -> list[CueMatch]:
    """The cues of ``text`` that are evidence and whose event is not dated before the pledge
    (``origin``): a later report that recalls a past event ("the port, inaugurated in 2010,")
    says nothing of a pledge made in 2018."""
    pledged = dt.date.fromisoformat(origin[:10]) if len(origin) >= 10 else None
    found = ledger.cues.find(text)
    if pledged is None or not found:
        return found
    return [m for m in found if not _dated_before(text, m, pledged, ledger.codebook.times.due.months)]


def _dated_before(text: str, cue: CueMatch, day: dt.date, months: dict[str, int]) -> bool:
    """Whether the dates the cue's clause (or a short clause just before it) names all end
    before ``day`` ("in 2016": its last day; "in March 2016": the last of March)."""
    a, b = clause_of(text, cue.start, cue.end)
    named = list(_YEAR_NAMED.finditer(text, a, b))
    if not named and a > 0:
        intro = clause_of(text, max(a - 2, 0), max(a - 2, 0))
        if len(text[intro[0]:intro[1]].split()) <= _INTRO_WORDS:
            named = list(_YEAR_NAMED.finditer(text, *intro))
    if not named:
        return False
    latest = max(_last_day(int(m.group(2)), months.get((m.group(1) or "")[:3].lower())) for m in named)
    return latest < day


def _last_day(year: int, month: int | None) -> dt.date:
    if month is None:
        return dt.date(year, 12, 31)
    return (dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)) - dt.timedelta(days=1)


def _said_by(cand: _Candidate) -> str:
    return f"a statement naming {cand.dossier}" if cand.dossier else "a later member"


def _date(doc: Document) -> str | None:
    return doc.date.isoformat() if doc.date else None


# --- weaker and stronger: the strength from one document to the next -------------------------

def _strength_suggestions(view: ThreadView, ledger: _Ledger) -> list[Suggestion]:
    """Each commitment against the last one before it, in an earlier document, by the same
    actors and worded alike (``reworded.min_similarity``: a thread about one project holds
    several undertakings, and a party's request is no weaker wording of another's pledge):
    a change of strength between them is a suggestion."""
    threshold = ledger.cues.reworded.min_similarity
    pledges = [m for m in view.members if m.strength and m.document_date]
    out = []
    for new in pledges:
        earlier = [m for m in pledges if m.document_date < new.document_date and set(m.actors) == set(new.actors)]
        alike = [m for m in earlier if _similarity(m.text, new.text) >= threshold]
        if not alike:
            continue
        last = max(m.document_date for m in alike)
        old = max((m for m in alike if m.document_date == last), key=lambda m: _similarity(m.text, new.text))
        change = STRENGTH_RANK[Strength(new.strength)] - STRENGTH_RANK[Strength(old.strength)]
        if change:
            out.append(_strength_change(view, ledger, old, new, "stronger" if change > 0 else "weaker"))
    return out


def _similarity(a: str, b: str) -> float:
    """The share of words two wordings have in common (twice their longest common word
    sequence over both lengths, as ``thread``'s wording changes measure it)."""
    return Indel.normalized_similarity(_words(a), _words(b))


def _strength_change(view: ThreadView, ledger: _Ledger, old: Member, new: Member, kind: str) -> Suggestion:
    doc = ledger.document(new.document_id)
    return Suggestion(
        key=f"{view.id}:{new.statement_id}:{kind}", thread_id=view.id, dossier=None, kind=kind,
        statement_key=new.statement_id, document_source=doc.source, document_date=_date(doc),
        document_title=doc.title, start=new.start, end=new.end, quote=new.text,
        cues=(str(old.strength), str(new.strength)),
        reason=f"worded {kind}: {old.strength} on {old.document_date}, {new.strength} on {new.document_date} "
               f"({'–'.join(sorted(new.actors)) or 'no actor'}; {round(100 * _similarity(old.text, new.text))}% "
               f"of the words alike)")


# --- dropped: a recurring pledge that a later document of its kind leaves out -----------------

_Group = tuple[tuple[str, ...], str]  # (the relationship's parties, the genre)


@dataclass(frozen=True, slots=True)
class _Doc:
    """A dated document as the dropped rule sees it: its group and how many statements it holds."""

    id: int
    record_id: str
    source: str
    title: str | None
    date: str
    group: _Group
    statements: int


def _dropped_context(session: Session) -> dict[_Group, list[_Doc]]:
    """Every dated document, by relationship and genre, in date order, with its number of
    current statements."""
    counts = dict(session.execute(
        select(Statement.document_id, func.count(Statement.id))
        .join(ExtractionRun, ExtractionRun.id == Statement.run_id)
        .where(ExtractionRun.is_current.is_(True)).group_by(Statement.document_id)).all())
    groups: dict[_Group, list[_Doc]] = defaultdict(list)
    for row in session.execute(
        select(Document.id, Document.record_id, Document.source, Document.title, Document.date, Document.parties,
               Document.kind).where(Document.date.is_not(None)).order_by(Document.date, Document.id)
    ):
        group = (tuple(sorted(row.parties or ())), row.kind)
        groups[group].append(_Doc(row.id, row.record_id, row.source, row.title, row.date.isoformat(), group,
                                  counts.get(row.id, 0)))
    return groups


def _dropped_suggestions(view: ThreadView, ledger: _Ledger, groups: dict[_Group, list[_Doc]]) -> list[Suggestion]:
    rule = ledger.cues.dropped
    if not any(m.kind == "commitment" for m in view.members):
        return []
    held = {m.document_id for m in view.members}
    out = []
    for group, docs in groups.items():
        said = [d for d in docs if d.id in held]
        if group[1] not in rule.genres or len(said) < rule.min_documents:
            continue
        later = [d for d in docs if d.date > said[-1].date]
        if any(_repeats(ledger, d.id, view.members) for d in later):
            continue  # said again in other words (a pair the linker missed): not dropped
        smallest = min(d.statements for d in said)
        silent = [d for d in later if d.statements >= rule.min_size_share * smallest]
        if silent:
            out.append(_dropped(view, group, said, silent))
    return out


def _repeats(ledger: _Ledger, doc_id: int, members: list[Member]) -> bool:
    """Whether a statement of the document is worded like one of the members (``_similarity``),
    or names an entity of ``dropped.repeated_entity_kinds`` that a member names."""
    threshold = ledger.cues.dropped.repeated_similarity
    if any(Indel.normalized_similarity(_words(m.text), words, score_cutoff=threshold)
           for words in ledger.statement_words(doc_id) for m in members):
        return True
    named = {e for m in members for e in m.entities}
    return bool(named & ledger.entities_named(doc_id))


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    return tuple(t.lower() for t in _TOKEN.findall(text))


def _dropped(view: ThreadView, group: _Group, said: list[_Doc], silent: list[_Doc]) -> Suggestion:
    parties, genre = group
    first = silent[0]
    genre_name = genre.replace("_", " ")
    more = f" nor {len(silent) - 1} later one{'s' if len(silent) > 2 else ''}" if len(silent) > 1 else ""
    return Suggestion(
        key=f"{view.id}:{first.record_id}:dropped", thread_id=view.id, dossier=None, kind="dropped",
        statement_key=None, document_source=first.source, document_date=first.date, document_title=first.title,
        start=None, end=None, quote=None, cues=(),
        reason=f"in {len(said)} {genre_name}s of {'–'.join(parties)} ({said[0].date} … {said[-1].date}); "
               f"not in the {genre_name} of {first.date}{more}")
