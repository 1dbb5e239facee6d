"""Project dossiers: every stored statement, of any kind, that names one entity (ML-1, by any
of its aliases), in date order and grouped by thread, with a one-line story of it.

``build_dossier(engine, "Main Line 1")`` resolves the name through the codebook's gazetteer
(any alias, case and punctuation ignored) or, for a name the gazetteer does not list, through
the names stored in the ledger; an unknown name raises ``UnknownEntity`` with close matches.
``list_dossiers(engine)`` ranks the entities by how many documents name them. The CLI (and
the web API) only render what these return.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from dataclasses import asdict, dataclass, field

from rapidfuzz import fuzz, process
from sqlalchemy import Engine, func, or_, select
from sqlalchemy.orm import Session, defer, selectinload

from pledgebook.codebook import Codebook
from pledgebook.codebook.entities import GazetteerEntry
from pledgebook.codebook.sectors import alias_key
from pledgebook.core.data import STRENGTH_RANK, Strength
from pledgebook.extract.variants import ProjectKey, ProjectKeys
from pledgebook.link.added import added_memberships
from pledgebook.link.routes import ends, is_section
from pledgebook.link.views import Member, ThreadView, added_member, member, member_order, thread_view
from pledgebook.store.ledger import added_rows
from pledgebook.store.review import Review, overlaid, reviews
from pledgebook.store.models import Document, ExtractionRun, Statement, StatementEntity, Thread, ThreadMember

# Which mention of a document tells its step of the story: what was signed, then undertaken,
# then held, then said.
_STORY_KINDS = ("agreement", "commitment", "meeting", "position", "discussion", "appreciation")
_STORY_STEPS = 8  # more documents than this: one step per year
_PHRASE_WORDS = 6  # a trigger phrase longer than this is shortened to its first and last trigger word
_OBJECT_WORDS = 4  # at most this many words after a lone trigger word ("signed a framework agreement")
# A word after a space ("U.S." whole); other punctuation ends the object.
_WORD_AFTER = re.compile(r" (\w[\w’'-]*(?:\.\w[\w’'-]*)*(?:(?<=\.\w)\.)?)")


class UnknownEntity(LookupError):
    """No entity of the gazetteer or the ledger has this name; ``suggestions`` are close ones."""

    def __init__(self, name: str, suggestions: list[str]):
        self.name, self.suggestions = name, suggestions
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no project or other entity is named {name!r}{hint}")


@dataclass(frozen=True, slots=True)
class DossierStatement:
    statement_id: str  # the stable key, as in `ledger` and `thread`
    document_source: str
    document_date: str | None
    document_title: str | None
    kind: str
    text: str
    start: int
    end: int
    actors: list[str]
    strength: str | None
    sectors: list[str]
    entities: list[str]
    when: str | None
    trigger: str | None
    trigger_words: list[str]
    thread_id: int | None  # None: in no thread (a kind the linker does not thread, or not linked yet)


@dataclass(frozen=True, slots=True)
class StoryStep:
    """One step of the story: a phrase from the statement's trigger words, and when."""

    phrase: str
    kind: str
    first_date: str | None
    last_date: str | None  # later than first_date when consecutive documents said the same
    statement_ids: list[str]

    def label(self) -> str:
        first, last = (d[:4] if d else None for d in (self.first_date, self.last_date))
        when = first if first == last else f"{first or '?'}–{last or '?'}"
        return f"{self.phrase} {when or '(undated)'}"


@dataclass(slots=True)
class Dossier:
    entity: str  # the canonical name
    entity_kind: str | None
    aliases: list[str]
    documents: int
    first_seen: str | None
    last_seen: str | None
    statements: list[DossierStatement]
    threads: list[ThreadView]  # each made of the thread's statements that name the entity
    story_steps: list[StoryStep] = field(default_factory=list)

    @property
    def story(self) -> str:
        return " → ".join(step.label() for step in self.story_steps)

    def to_dict(self) -> dict:
        out = asdict(self)
        out["story"] = self.story
        out["threads"] = [_thread_dict(v) for v in self.threads]
        return out


@dataclass(frozen=True, slots=True)
class DossierSummary:
    entity: str
    entity_kind: str
    documents: int
    statements: int
    threads: int
    first_year: int | None
    last_year: int | None

    def to_dict(self) -> dict:
        return asdict(self)


def _thread_dict(view: ThreadView) -> dict:
    """A dossier's thread: its view without the member statements (they are in ``statements``)."""
    whole = view.to_dict()
    out = {"thread_id": whole.pop("id"), **whole, "statement_ids": [m.statement_id for m in view.members]}
    del out["members"]
    return out


@dataclass(frozen=True, slots=True)
class _Resolved:
    name: str
    kind: str | None
    aliases: list[str]
    stored: list[str]  # the entity names in the ledger that are this entity


def _stored_names(session: Session) -> list[tuple[str, str | None]]:
    """(name, kind) of every entity the current statements name, once each."""
    return list(session.execute(
        select(StatementEntity.name, StatementEntity.kind).distinct()
        .join(Statement, Statement.id == StatementEntity.statement_id)
        .join(ExtractionRun, ExtractionRun.id == Statement.run_id)
        .where(ExtractionRun.is_current.is_(True))
    ).all())


@lru_cache(maxsize=65536)  # every stored name is keyed once per dossier built: suggestions build many
def _key(name: str) -> str:
    """Names compared as their lower-case letters and digits: case, punctuation and spacing
    ignored ("Main Line-1" = "main line 1" = "MainLine1")."""
    return "".join(alias_key(name))


def _resolve(session: Session, name: str, book: Codebook) -> _Resolved:
    """A gazetteer entry (stored under its canonical name, or an alias a former codebook made
    canonical), else the names stored in the ledger spelled like ``name``."""
    key = _key(name)
    entry = next((e for e in book.gazetteer if key and key in {_key(a) for a in e.all_names}), None)
    if entry is not None:
        return _Resolved(entry.name, entry.kind, list(entry.aliases), list(entry.all_names))
    stored = _stored_names(session)
    known = {n for n, _ in stored}
    # names only analysts gave (a correction's entities), of no known kind
    stored += [(n, None) for n in sorted({e for r in reviews(session).values() for e in r.fields.get("entities", ())})
               if n not in known]
    matched = sorted({n for n, _ in stored if key and _key(n) == key})
    # other spellings of a discovered project: the same project key ("El-Dabaa NPP")
    keys = ProjectKeys(book.discovery)
    project = keys.key(matched[0] if matched else name)
    if project is not None:
        same = sorted({n for n, k in stored if k == "project" and keys.key(n) == project})
        matched = matched + [n for n in same if n not in matched]
        sections = sorted({n for n, k in stored if k == "project" and ends(project) and _section_of(keys.key(n), project)})
        matched = matched + [n for n in sections if n not in matched]  # "the Belgrade–Subotica railway" of the line
    if not matched:
        raise UnknownEntity(name, _suggestions(name, book.gazetteer, [n for n, _ in stored]))
    kinds = sorted({k for n, k in stored if n == matched[0] and k is not None})
    return _Resolved(matched[0], kinds[0] if kinds else None, matched[1:], matched)


def _suggestions(name: str, gazetteer: tuple[GazetteerEntry, ...], stored: list[str], limit: int = 3) -> list[str]:
    """Up to ``limit`` canonical names whose name or an alias is close to ``name``."""
    canonical = {a: e.name for e in gazetteer for a in e.all_names}
    for n in stored:
        canonical.setdefault(n, n)
    spelled = " ".join(alias_key(name))
    choices = {a: " ".join(alias_key(a)) for a in canonical}
    out: list[str] = []
    for _, score, alias in process.extract(spelled, choices, scorer=_closeness, limit=50):
        if score >= 60 and canonical[alias] not in out:
            out.append(canonical[alias])
        if len(out) == limit:
            break
    return out


def _closeness(a: str, b: str, **_: object) -> float:
    """Spelling (a typo) or shared words (a name in other words), whichever is closer."""
    return max(fuzz.ratio(a, b), fuzz.token_set_ratio(a, b))


def entity_spellings(engine: Engine, name: str, codebook: Codebook | None = None) -> list[str]:
    """Every name the entity called ``name`` (any alias) may be stored under, for a ledger
    filter; ``UnknownEntity`` (with close matches) when no entity has this name."""
    with Session(engine) as session:
        found = _resolve(session, name, codebook or Codebook.load())
    return list(dict.fromkeys([found.name, *found.aliases, *found.stored]))


def build_dossier(engine: Engine | Session, name: str, codebook: Codebook | None = None, *,
                  wording: bool = True) -> Dossier:
    """The dossier of the entity called ``name`` (any alias); ``UnknownEntity`` if none is.
    ``wording=False``: its threads without word diffs (link/views.py ``thread_view``)."""
    if isinstance(engine, Engine):
        with Session(engine) as session:
            return build_dossier(session, name, codebook, wording=wording)
    session = engine
    book = codebook or Codebook.load()
    found = _resolve(session, name, book)
    every_review = reviews(session)
    # a statement an analyst corrected to name the entity is in its dossier; one corrected not
    # to name it is not (the corrected entities win, as in every view)
    named, unnamed = _corrected_naming(every_review, found.stored)
    naming = Statement.id.in_(select(StatementEntity.statement_id).where(StatementEntity.name.in_(found.stored)))
    rows = [row for row in session.execute(
        select(Statement, Document, ThreadMember)
        .join(ExtractionRun, ExtractionRun.id == Statement.run_id)
        .join(Document, Document.id == Statement.document_id)
        .outerjoin(ThreadMember, ThreadMember.statement_key == Statement.stable_key)
        .where(ExtractionRun.is_current.is_(True), or_(naming, Statement.stable_key.in_(named)) if named else naming)
        .order_by(Document.date.nulls_last(), Document.id, Statement.start, Statement.id)
        .options(selectinload(Statement.entities), defer(Document.text))  # not the documents' texts
    ).all() if row[0].stable_key not in unnamed]
    statements, members, documents = [], defaultdict(list), set()
    for st, doc, tm in rows:
        entities = list(dict.fromkeys(e.name for e in sorted(st.entities, key=lambda e: e.start)))
        statements.append(_statement(st, doc, tm, entities))
        if tm is not None:
            members[tm.thread_id].append(member(tm, st, doc, entities))
    labels = dict(session.execute(select(Thread.id, Thread.label).where(Thread.id.in_(list(members)))).all())
    reviewed = {key: every_review[key] for key in {st.stable_key for st, _, _ in rows} if key in every_review}
    statements = overlaid(statements, "statement_id", reviewed)  # analysts' corrections win
    shown = {s.statement_id for s in statements}
    documents = {doc.id for st, doc, _ in rows if st.stable_key in shown}
    members = {tid: shown for tid, ms in members.items() if (shown := overlaid(ms, "statement_id", reviewed))}
    if added := _added(session, found.stored, every_review):  # into date order (a stable sort keeps the rest)
        statements = sorted(statements + [st for st, _, _ in added],
                             key=lambda s: (s.document_date is None, s.document_date or ""))
        documents |= {doc_id for _, _, doc_id in added}
        for st, m, _ in added:
            if m is not None and st.thread_id is not None:  # a member of a thread: in it too
                members[st.thread_id] = sorted(members.get(st.thread_id, []) + [m], key=member_order)
        labels |= dict(session.execute(select(Thread.id, Thread.label).where(Thread.id.in_(list(members)))).all())
    dates = [s.document_date for s in statements if s.document_date]
    return Dossier(
        entity=found.name, entity_kind=found.kind, aliases=found.aliases,
        documents=len(documents),
        first_seen=min(dates, default=None), last_seen=max(dates, default=None), statements=statements,
        threads=[thread_view(tid, labels.get(tid), ms, wording=wording) for tid, ms in members.items()],  # by first mention
        # Function words, from the codebook: those that start a name's tail ("of", "on") and
        # those that never start one ("the", "with", "in").
        story_steps=story(statements, book.discovery.tail_connectors | book.discovery.leading_stopwords),
    )


def _corrected_naming(found: dict[str, Review], names: list[str]) -> tuple[list[str], set[str]]:
    """Keys of machine statements whose corrected entities name one of ``names``, and of those
    whose corrected entities do not."""
    wanted = set(names)
    corrected = {k: set(r.fields["entities"]) for k, r in found.items()
                 if r.state != "added" and "entities" in r.fields}
    return sorted(k for k, e in corrected.items() if e & wanted), {k for k, e in corrected.items() if not e & wanted}


def _added(session: Session, names: list[str],
           found: dict[str, Review]) -> list[tuple[DossierStatement, Member | None, int]]:
    """Statements analysts added (store.review) that name one of ``names``, each with its
    membership of a thread (link.added) when it has one, and its document's row id."""
    wanted = set(names)
    chosen = [(r, doc) for r, doc in added_rows(session, found) if wanted & set(r.entities)]
    memberships = added_memberships(session) if chosen else {}
    out = []
    for r, doc in chosen:
        tm = memberships.get(r.statement_id)
        out.append((DossierStatement(
            statement_id=r.statement_id, document_source=r.document_source, document_date=r.document_date,
            document_title=r.document_title, kind=r.kind, text=r.text, start=r.start, end=r.end, actors=r.actors,
            strength=r.strength, sectors=r.sectors, entities=r.entities, when=None, trigger=None, trigger_words=[],
            thread_id=tm.thread_id if tm is not None else None),
            added_member(tm, found[r.statement_id], doc) if tm is not None else None, doc.id))
    return out


def _statement(st: Statement, doc: Document, tm: ThreadMember | None, entities: list[str]) -> DossierStatement:
    return DossierStatement(
        statement_id=st.stable_key, document_source=doc.source,
        document_date=doc.date.isoformat() if doc.date else None, document_title=doc.title, kind=st.kind,
        text=st.text, start=st.start, end=st.end, actors=list(st.actors), strength=st.strength,
        sectors=list(st.sectors), entities=entities, when=st.when_text, trigger=st.trigger,
        trigger_words=list(st.trigger_words or ()), thread_id=tm.thread_id if tm is not None else None,
    )


def story(statements: list[DossierStatement], stops: frozenset[str] = frozenset()) -> list[StoryStep]:
    """One step per document (in date order), or per year when more than ``_STORY_STEPS``
    documents name the entity, told by its most telling mention; consecutive steps that say
    the same thing make one step over their years."""
    def group(by_year: bool) -> dict[object, list[DossierStatement]]:
        groups: dict[object, list[DossierStatement]] = {}
        for st in statements:
            key = (st.document_date or "")[:4] if by_year else (st.document_source, st.document_date)
            groups.setdefault(key, []).append(st)
        return groups

    groups = group(by_year=False)
    if len(groups) > _STORY_STEPS:
        groups = group(by_year=True)
    steps: list[StoryStep] = []
    for mentions in groups.values():
        chosen = min(mentions, key=_telling)
        phrase, date = story_phrase(chosen, stops), chosen.document_date
        if steps and steps[-1].phrase.casefold() == phrase.casefold():
            last = steps[-1]
            steps[-1] = StoryStep(last.phrase, last.kind, last.first_date, date or last.last_date,
                                  last.statement_ids + [chosen.statement_id])
        else:
            steps.append(StoryStep(phrase, chosen.kind, date, date, [chosen.statement_id]))
    return steps


def _telling(st: DossierStatement) -> tuple[int, int, str, int]:
    kind = _STORY_KINDS.index(st.kind) if st.kind in _STORY_KINDS else len(_STORY_KINDS)
    strength = -STRENGTH_RANK[Strength(st.strength)] if st.strength else 0
    return kind, strength, st.document_date or "", st.start


def story_phrase(st: DossierStatement, stops: frozenset[str] = frozenset()) -> str:
    """The statement's words from its first trigger word to its last ("agreed on the early
    implementation"); a lone trigger word takes its object ("signed a framework agreement",
    not "signed"); the kind when it has no trigger words."""
    words = [w for w in st.trigger_words if w.strip()]
    text = " ".join(st.text.split())
    lowered = text.casefold()
    begin = lowered.find(words[0].casefold()) if words else -1
    if begin < 0:
        return words[0] if words else (st.trigger or st.kind)
    end = begin + len(words[0])
    if len(words) > 1 and (last := lowered.find(words[-1].casefold(), end)) >= 0:
        end = last + len(words[-1])
    elif len(words) == 1:
        end += _object_after(text[end:], stops)
    phrase = text[begin:end]
    return phrase if len(phrase.split()) <= _PHRASE_WORDS else f"{words[0]} … {words[-1]}"


def _object_after(rest: str, stops: frozenset[str]) -> int:
    """How many characters of ``rest`` (after a lone trigger word) its object takes: up to
    ``_OBJECT_WORDS`` words, ending before punctuation or before a function word ("on", "with",
    "the": ``stops``) that follows a content word ("signed a deal | with", "thanked China | for")."""
    taken, content = 0, False
    for match in list(_WORD_AFTER.finditer(rest))[:_OBJECT_WORDS]:
        stop = match.group(1).casefold() in stops
        if match.start() != taken or (stop and content):
            break
        taken, content = match.end(), content or not stop
    return taken if content else 0


def list_dossiers(engine: Engine | Session, *, limit: int | None = 20, kinds: tuple[str, ...] = ("project",),
                  codebook: Codebook | None = None) -> list[DossierSummary]:
    """Entities of these kinds, named in the most documents first. Spellings of one project
    (the same project key: "El-Dabaa NPP", "El Dabaa nuclear power plant") are one row, under
    the spelling used most."""
    if isinstance(engine, Engine):
        with Session(engine) as session:
            return list_dossiers(session, limit=limit, kinds=kinds, codebook=codebook)
    keys = ProjectKeys((codebook or Codebook.load()).discovery)
    rows = engine.execute(
        select(StatementEntity.name, StatementEntity.kind, Statement.id, Statement.document_id,
               ThreadMember.thread_id, Document.date)
        .join(Statement, Statement.id == StatementEntity.statement_id)
        .join(ExtractionRun, ExtractionRun.id == Statement.run_id)
        .join(Document, Document.id == Statement.document_id)
        .outerjoin(ThreadMember, ThreadMember.statement_key == Statement.stable_key)
        .where(ExtractionRun.is_current.is_(True), StatementEntity.kind.in_(kinds))
    ).all()
    groups: dict[object, _Group] = defaultdict(_Group)
    for name, kind, statement, document, thread, date in rows:
        key = (keys.key(name) if kind == "project" else None) or (kind, name)
        groups[key].add(name, kind, statement, document, thread, date)
    summaries = sorted((g.summary() for g in _with_sections(groups).values()),
                       key=lambda d: (-d.documents, -d.statements, d.entity))
    return summaries if limit is None else summaries[:limit]


def _section_of(key: ProjectKey | None, line: ProjectKey) -> bool:
    return key is not None and is_section(key, line)


def _with_sections(groups: dict[object, _Group]) -> dict[object, _Group]:
    """``groups`` where a line's section that the ledger also names the line of ("Belgrade–Subotica",
    on the Belgrade–Budapest line: ``link.routes``) is one row with the line; a section on two lines stays."""
    keys = [k for k in groups if isinstance(k, ProjectKey) and ends(k) is not None]  # named by two places
    lines = [k for k in keys if not any(is_section(k, other) for other in keys)]  # a section joins a whole line only
    out = dict(groups)
    for key in keys:
        found = [line for line in lines if is_section(key, line)]
        if len(found) == 1:
            out[found[0]].absorb(out.pop(key))
    return out


@dataclass(slots=True)
class _Group:
    """The stored mentions of one entity (one project key), for its row in ``list_dossiers``."""

    names: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    kinds: set[str] = field(default_factory=set)
    statements: set[int] = field(default_factory=set)
    documents: set[int] = field(default_factory=set)
    threads: set[int] = field(default_factory=set)
    dates: list = field(default_factory=list)
    sections: set[str] = field(default_factory=set)  # names of the line's sections taken in (``absorb``)

    def add(self, name, kind, statement, document, thread, date) -> None:
        self.names[name].add(statement)
        self.kinds.add(kind)
        self.statements.add(statement)
        self.documents.add(document)
        if thread is not None:
            self.threads.add(thread)
        if date is not None:
            self.dates.append(date)

    def absorb(self, other: _Group) -> None:
        """Take in a section's mentions; the row keeps the line's own name (its dossier holds the section)."""
        self.sections |= set(other.names) - set(self.names)
        for name, statements in other.names.items():
            self.names[name] |= statements
        self.kinds |= other.kinds
        self.statements |= other.statements
        self.documents |= other.documents
        self.threads |= other.threads
        self.dates += other.dates

    def summary(self) -> DossierSummary:
        own = [n for n in self.names if n not in self.sections] or list(self.names)
        name = min(own, key=lambda n: (-len(self.names[n]), n))  # the line's spelling used most
        first, last = min(self.dates, default=None), max(self.dates, default=None)
        return DossierSummary(name, min(self.kinds), len(self.documents), len(self.statements), len(self.threads),
                              first.year if first else None, last.year if last else None)
