"""Embeddings cached in the ledger, keyed by (sha256 of the statement text, embedder id):
re-linking, re-extraction of an unchanged sentence and ``diff`` never embed a text twice."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from pledgebook.link.embed import Embedder
from pledgebook.store.models import EmbeddingRow, utcnow

_IN_CHUNK = 500  # bound parameters per IN (...) query


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cached_vectors(session: Session, texts: Sequence[str], embedder: Embedder) -> np.ndarray:
    """Embeddings of ``texts`` (rows in order), computing and storing only the missing ones."""
    hashes = [text_hash(t) for t in texts]
    found: dict[str, np.ndarray] = {}
    unique = list(dict.fromkeys(hashes))
    for start in range(0, len(unique), _IN_CHUNK):
        chunk = unique[start : start + _IN_CHUNK]
        rows = session.execute(
            select(EmbeddingRow.text_hash, EmbeddingRow.vector).where(
                EmbeddingRow.embedder == embedder.id, EmbeddingRow.text_hash.in_(chunk)
            )
        )
        for digest, blob in rows:
            found[digest] = np.frombuffer(blob, dtype=np.float32)
    missing = {h: t for h, t in zip(hashes, texts) if h not in found}
    if missing:
        fresh = embedder.embed(list(missing.values()))
        now = utcnow()
        records = []
        for digest, vec in zip(missing, fresh):
            found[digest] = vec
            records.append({"text_hash": digest, "embedder": embedder.id, "dim": embedder.dim,
                            "vector": vec.astype(np.float32).tobytes(), "created_at": now})
        session.execute(_insert_new(session), records)
    out = np.zeros((len(texts), embedder.dim), dtype=np.float32)
    for row, digest in enumerate(hashes):
        out[row] = found[digest]
    return out


def _insert_new(session: Session):  # type: ignore[no-untyped-def]
    """INSERT that skips a vector another process stored meanwhile (``diff`` and ``link`` may
    embed the same text at once on one PostgreSQL ledger): the vectors are the same."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    return dialect.insert(EmbeddingRow).on_conflict_do_nothing(index_elements=["text_hash", "embedder"])
