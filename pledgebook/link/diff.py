"""Compare the commitments of two ingested documents: new, repeated (with wording and
strength changes) and dropped.

Two commitments are "the same" when the linker put them in one thread, or when their
link score reaches the linking threshold (so a diff works even before ``link`` has run).
Each commitment is matched at most once, best score first.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
from sqlalchemy import Engine, or_, select
from sqlalchemy.orm import Session

from pledgebook.link.cache import cached_vectors
from pledgebook.link.cluster import LinkItem, link_item, pair_score
from pledgebook.link.config import LinkConfig, load_config
from pledgebook.link.embed import Embedder, make_embedder
from pledgebook.link.views import strength_change, wording_change
from pledgebook.store.engine import writer
from pledgebook.store.models import Document, ExtractionRun, Statement, ThreadMember


class DocumentNotFound(LookupError):
    pass


@dataclass(frozen=True, slots=True)
class DocRef:
    id: int
    source: str
    date: str | None
    title: str | None


@dataclass(frozen=True, slots=True)
class Side:
    statement_id: str
    start: int
    end: int
    text: str
    strength: str | None


@dataclass(frozen=True, slots=True)
class Repeated:
    old: Side
    new: Side
    score: float | None  # link score (None when matched through a thread only)
    same_thread: bool
    strength_change: str  # stronger | weaker | unchanged | n/a (views.strength_change of the two)
    removed: list[str]
    added: list[str]


@dataclass(slots=True)
class DocumentDiff:
    old: DocRef
    new: DocRef
    new_commitments: list[Side] = field(default_factory=list)
    repeated: list[Repeated] = field(default_factory=list)
    dropped: list[Side] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


def resolve_document(session: Session, ref: str) -> Document:
    """A document by row id, extraction-record id, stored source path, or the path of a file
    whose text is stored (matched by content hash)."""
    if ref.isdigit():
        doc = session.get(Document, int(ref))
        if doc is not None:
            return doc
    docs = session.scalars(
        select(Document).where(or_(Document.record_id == ref, Document.source == ref,
                                   Document.source == os.path.abspath(ref)))
    ).all()
    if len(docs) == 1:
        return docs[0]
    if Path(ref).is_file():
        from pledgebook.core.data import content_hash
        from pledgebook.read import ReadError, read_document

        try:
            digest = content_hash(read_document(ref).text)
        except ReadError as err:
            raise DocumentNotFound(str(err)) from None
        doc = session.scalar(select(Document).where(Document.content_hash == digest))
        if doc is not None:
            return doc
        raise DocumentNotFound(f"{ref} has not been ingested")
    if len(docs) > 1:
        raise DocumentNotFound(f"{ref} names {len(docs)} documents; use a document id")
    raise DocumentNotFound(f"no ingested document {ref!r} (give a document id, record id or path)")


def _commitments(session: Session, doc: Document, kinds: tuple[str, ...]) -> list[tuple[Statement, int | None]]:
    return [(st, tid) for st, tid in session.execute(
        select(Statement, ThreadMember.thread_id)
        .join(ExtractionRun, ExtractionRun.id == Statement.run_id)
        .outerjoin(ThreadMember, ThreadMember.statement_key == Statement.stable_key)
        .where(Statement.document_id == doc.id, ExtractionRun.is_current.is_(True), Statement.kind.in_(kinds))
        .order_by(Statement.start)
    )]


def _item(st: Statement, doc: Document, cfg: LinkConfig) -> LinkItem:
    mentions = [(e.name, e.kind, e.start - st.start, e.end - st.start) for e in st.entities]
    return link_item(st.document_id, st.actors, st.sectors, mentions, doc.parties, cfg, kind=st.kind, text=st.text)


def _side(st: Statement) -> Side:
    return Side(st.stable_key, st.start, st.end, st.text, st.strength)


def _ref(doc: Document) -> DocRef:
    return DocRef(doc.id, doc.source, doc.date.isoformat() if doc.date else None, doc.title)


def diff_documents(
    engine: Engine, old: str, new: str, *, embedder: Embedder | None = None, config: LinkConfig | None = None
) -> DocumentDiff:
    emb = embedder or make_embedder()
    cfg = (config or load_config()).for_embedder(emb.family)
    with Session(writer(engine)) as session, session.begin():  # writes: the embedding cache
        old_doc, new_doc = resolve_document(session, old), resolve_document(session, new)
        kinds = tuple(sorted(cfg.start_kinds))  # the undertakings themselves (commitments), not what echoes them
        before, after = _commitments(session, old_doc, kinds), _commitments(session, new_doc, kinds)
        result = DocumentDiff(_ref(old_doc), _ref(new_doc))
        if before and after:
            vec = cached_vectors(session, [s.text for s, _ in before + after], emb)
            cos = vec[: len(before)] @ vec[len(before):].T
        else:
            cos = np.zeros((len(before), len(after)), dtype=np.float32)
        old_items = [_item(a, old_doc, cfg) for a, _ in before]
        new_items = [_item(b, new_doc, cfg) for b, _ in after]
        scored = []
        for i, (a, ta) in enumerate(before):
            for j, (b, tb) in enumerate(after):
                same_thread = ta is not None and ta == tb
                score = pair_score(old_items[i], new_items[j], float(cos[i, j]), cfg)
                if same_thread or (score is not None and score >= cfg.threshold):
                    # Thread matches first, then the best scores.
                    scored.append((same_thread, score, i, j))
        scored.sort(key=lambda t: (not t[0], -(t[1] if t[1] is not None else -9.0), t[2], t[3]))
        used_old: set[int] = set()
        used_new: set[int] = set()
        pairs = []
        for same_thread, score, i, j in scored:
            if i in used_old or j in used_new:
                continue
            used_old.add(i)
            used_new.add(j)
            pairs.append((i, j, same_thread, score))
        for i, j, same_thread, score in sorted(pairs, key=lambda p: p[1]):
            a, b = before[i][0], after[j][0]
            removed, added, _ = wording_change(a.text, b.text)
            result.repeated.append(Repeated(
                _side(a), _side(b), round(score, 4) if score is not None else None, same_thread,
                strength_change([a.strength, b.strength]), removed, added,
            ))
        result.new_commitments = [_side(b) for j, (b, _) in enumerate(after) if j not in used_new]
        result.dropped = [_side(a) for i, (a, _) in enumerate(before) if i not in used_old]
    return result
