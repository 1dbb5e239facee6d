"""What an end-to-end run left in its ledger, read for scoring: the stored statement each gold
mention falls in (the smallest one containing its anchor, of any kind) and that statement's
thread; and the linker's own pair score of two stored statements."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from pledgebook.core.data import content_hash
from pledgebook.evaluate.news_gold import Mention, NewsGold
from pledgebook.link import Embedder
from pledgebook.link.cache import cached_vectors
from pledgebook.link.cluster import link_item, pair_score
from pledgebook.link.config import LinkConfig
from pledgebook.link.ledger import current_items
from pledgebook.link.membership import current_members
from pledgebook.store.models import Document, ExtractionRun, Statement, StatementEntity


@dataclass(frozen=True, slots=True)
class StoredStatement:
    id: int
    key: str  # stable key: what thread membership refers to
    document_id: int
    start: int
    end: int
    kind: str
    text: str
    actors: tuple[str, ...]
    sectors: tuple[str, ...]
    entities: tuple[tuple[str, str], ...]  # (canonical name, kind)
    parties: tuple[str, ...]  # the document's


@dataclass(frozen=True, slots=True)
class MentionOutcome:
    mention: Mention
    statement: StoredStatement | None  # smallest stored statement containing the anchor
    thread: int | None  # its thread; None when its kind is not linked or it was left without one
    overlaps: bool = False  # no statement contains the anchor, but one overlaps it (a different cut)
    kind_linked: bool = True  # the statement's kind is one the linker threads (linking.yaml kinds)

    @property
    def status(self) -> str:
        if self.statement is None:
            return "not_extracted"
        if self.thread is not None:
            return "linked"
        # a linked kind left without a thread: a non-commitment naming no project, with no pledge to join
        return "unthreaded" if self.kind_linked else "kind_not_linked"

    def to_dict(self) -> dict:
        s = self.statement
        return {"doc": self.mention.doc, "anchor": self.mention.anchor, "start": self.mention.start,
                "status": self.status, "overlaps_statement": self.overlaps,
                "kind": s.kind if s else None, "thread_id": self.thread,
                "actors": list(s.actors) if s else None, "parties": list(s.parties) if s else None,
                "statement": s.text if s else None}


def resolve_mentions(engine: Engine, gold: NewsGold,
                     linked_kinds: Collection[str]) -> tuple[dict[Mention, MentionOutcome], int]:
    """Each gold mention's outcome, and the number of current statements in the ledger."""
    with Session(engine) as session:
        members = current_members(session)
        by_text: dict[str, list[StoredStatement]] = {}
        for name, text in gold.texts.items():
            by_text[name] = _statements_of(session, content_hash(text.raw.text))
        total = session.scalar(select(func.count()).select_from(Statement).join(ExtractionRun)
                               .where(ExtractionRun.is_current.is_(True))) or 0
    outcomes = {}
    for mention in gold.mentions():
        statements = by_text[mention.doc]
        inside = [s for s in statements if s.start <= mention.start and mention.end <= s.end]
        if not inside:
            overlaps = any(s.start < mention.end and mention.start < s.end for s in statements)
            outcomes[mention] = MentionOutcome(mention, None, None, overlaps)
            continue
        smallest = min(inside, key=lambda s: (s.end - s.start, s.start))
        member = members.get(smallest.key)
        outcomes[mention] = MentionOutcome(mention, smallest, member.thread_id if member else None,
                                           kind_linked=smallest.kind in linked_kinds)
    return outcomes, total


def _statements_of(session: Session, digest: str) -> list[StoredStatement]:
    """The current run's statements of the stored document with this content hash."""
    rows = session.execute(
        select(Statement, Document.parties)
        .join(ExtractionRun, ExtractionRun.id == Statement.run_id)
        .join(Document, Document.id == Statement.document_id)
        .where(Document.content_hash == digest, ExtractionRun.is_current.is_(True))
        .order_by(Statement.start, Statement.id)
    ).all()
    entities: dict[int, list[tuple[str, str]]] = defaultdict(list)
    ids = [st.id for st, _ in rows]
    if ids:
        for sid, name, kind in session.execute(
            select(StatementEntity.statement_id, StatementEntity.name, StatementEntity.kind)
            .where(StatementEntity.statement_id.in_(ids))
            .order_by(StatementEntity.statement_id, StatementEntity.start)  # text order: the first names the anchor
        ):
            entities[sid].append((name, kind))
    return [StoredStatement(st.id, st.stable_key, st.document_id, st.start, st.end, st.kind, st.text,
                            tuple(st.actors or ()), tuple(st.sectors or ()), tuple(entities[st.id]),
                            tuple(parties or ()))
            for st, parties in rows]


def pair_scores(engine: Engine, emb: Embedder, cfg: LinkConfig,
                pairs: Sequence[tuple[StoredStatement, StoredStatement]]) -> list[float | None]:
    """The linker's ``pair_score`` of each pair (None: its actor or relationship gate refuses it),
    with the embeddings the linker cached in the ledger."""
    if not pairs:
        return []
    with Session(engine) as session:
        vectors = cached_vectors(session, [s.text for pair in pairs for s in pair], emb)
        known = current_items(session, cfg)  # as the linker built them, its reports' projects included
        session.rollback()  # reading only: leave the ledger as the pipeline left it
    scores = []
    for n, (a, b) in enumerate(pairs):
        items = [known.get(s.key) or link_item(s.document_id, s.actors, s.sectors, s.entities, s.parties, cfg,
                                               kind=s.kind, text=s.text)
                 for s in (a, b)]
        cosine = float(vectors[2 * n] @ vectors[2 * n + 1])
        scores.append(pair_score(items[0], items[1], cosine, cfg))
    return scores
