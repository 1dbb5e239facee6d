"""Statements analysts added (``pledgebook review add``) as the linker and the thread views
see them.

An added statement has no row in ``statements``: it is the fold of its review entries
(store.review), attached to its document. The linker takes each one of a threaded kind as a
``LinkItem`` made by the one factory (``cluster.link_item``) from its fields as reviewed, so it
joins the thread of the same undertaking or starts one, exactly as an extracted statement
would; membership is by its key (``added:<document id>:<start>-<end>``), so it keeps its thread
through ``link --rebuild``. A rejected added statement is not loaded and leaves its thread at the
next link pass.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from pledgebook.codebook import Codebook
from pledgebook.codebook.entities import GazetteerEntry
from pledgebook.codebook.sectors import alias_key
from pledgebook.store.models import Document, ReviewCorrection, StatementEntity, ThreadMember
from pledgebook.store.review import Review, reviews


@dataclass(frozen=True, slots=True)
class AddedStatement:
    """An added statement (as reviewed now) with its document."""

    review: Review
    document: Document

    @property
    def key(self) -> str:
        return self.review.key

    @property
    def fields(self) -> dict:
        return self.review.fields


def added_statements(session: Session, found: dict[str, Review],
                     kinds: tuple[str, ...] | None = None) -> list[AddedStatement]:
    """The added statements among the reviews ``found`` (of ``kinds`` when given)."""
    chosen = [r for r in found.values() if r.state == "added" and (kinds is None or r.fields.get("kind") in kinds)]
    if not chosen:
        return []
    docs = {d.id: d for d in session.scalars(select(Document).where(Document.id.in_({r.document_id for r in chosen})))}
    return [AddedStatement(r, docs[r.document_id]) for r in chosen if r.document_id in docs]


def added_reviews(session: Session) -> dict[str, Review]:
    """The reviews of the statements analysts added (and did not reject), by key: one small
    query when they added none."""
    ever = list(session.scalars(
        select(ReviewCorrection.statement_key).distinct().where(ReviewCorrection.action == "add")))
    return {k: r for k, r in reviews(session, ever).items() if r.state == "added"} if ever else {}


def added_memberships(session: Session, thread_ids: list[int] | None = None) -> dict[str, ThreadMember]:
    """The thread memberships of added statements (of ``thread_ids`` when given), by key. One
    small query when analysts added nothing (the views ask on every read)."""
    keys = list(added_reviews(session))
    out: dict[str, ThreadMember] = {}
    for start in range(0, len(keys), 500):
        stmt = select(ThreadMember).where(ThreadMember.statement_key.in_(keys[start:start + 500]))
        if thread_ids is not None:
            stmt = stmt.where(ThreadMember.thread_id.in_(thread_ids))
        out.update((tm.statement_key, tm) for tm in session.scalars(stmt))
    return out


Mentions = list[tuple[str, str, int | None, int | None]]  # (canonical name, kind, start, end in the text)


def entity_mentions(session: Session, added: list[AddedStatement], codebook: Codebook | None = None) -> dict[str, Mentions]:
    """For each added statement, its entities as the linker takes them (``named_mentions``)."""
    return named_mentions(session, {a.key: (a.fields["text"], a.fields.get("entities", ()),
                                            a.fields.get("entity_kinds") or {}) for a in added}, codebook)


def named_mentions(session: Session, named: dict[str, tuple[str, Sequence[str], dict[str, str]]],
                   codebook: Codebook | None = None) -> dict[str, Mentions]:
    """Entities an analyst named (added, or corrected on an extracted statement), by key, from
    (the statement's text, the names, kinds already known by name) as the linker takes them:
    (canonical name, kind, start, end in the text). A name the gazetteer knows (by any alias) is
    its entry; another takes the kind given (``entity_kinds`` of an add, the machine's own for a
    correction) or the one the ledger stores it under. Offsets: the first place the text names
    it (any alias, any case), else unknown."""
    by_key = _gazetteer_keys(codebook or Codebook.load())
    names = sorted({n for _, given, _ in named.values() for n in given})
    stored: dict[str, str] = {}
    for start in range(0, len(names), 500):
        stored.update(session.execute(select(StatementEntity.name, StatementEntity.kind).distinct()
                                      .where(StatementEntity.name.in_(names[start:start + 500]))).all())
    out: dict[str, Mentions] = {}
    for key, (text, given, kinds) in named.items():
        mentions = []
        for name in given:
            entry = by_key.get(_key(name))
            spellings = entry.all_names if entry is not None else (name,)
            kind = entry.kind if entry is not None else kinds.get(name) or stored.get(name) or "other"
            mentions.append((entry.name if entry is not None else name, kind, *_first(text, spellings)))
        out[key] = mentions
    return out


_KEYED: dict[int, tuple[object, dict[str, GazetteerEntry]]] = {}


def _gazetteer_keys(book: Codebook) -> dict[str, GazetteerEntry]:
    """The gazetteer's entries by the key of each of their names, made once per gazetteer."""
    found = _KEYED.get(id(book.gazetteer))
    if found is None or found[0] is not book.gazetteer:
        found = (book.gazetteer, {_key(a): e for e in book.gazetteer for a in e.all_names})
        _KEYED[id(book.gazetteer)] = found
    return found[1]


def _key(name: str) -> str:
    return "".join(alias_key(name))


def _first(text: str, spellings: tuple[str, ...]) -> tuple[int | None, int | None]:
    found = [m.span() for s in spellings if s and (m := re.search(re.escape(s), text, re.IGNORECASE))]
    return min(found) if found else (None, None)
