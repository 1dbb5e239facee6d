"""Linking benchmark: time to thread N statements from scratch (embedding included).

The statements are synthetic but realistic: each is a real commitment from the gold pairs
file (U.S.-India, U.S.-Japan and Quad statements), perturbed the way repeated pledges vary
from year to year (trigger verb and year changed, words dropped, a clause shuffled), issued
in documents of about 30 statements between one fixed party and one of 40 partners over 20
years. Everything runs in memory through the same code as ``link_new_statements``
(``candidate_pairs`` + ``cluster``); the database round trip is not part of the figure.
"""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

import numpy as np

from pledgebook.link.cluster import LinkItem, candidate_pairs, cluster, link_item
from pledgebook.link.config import LinkConfig, load_config
from pledgebook.link.embed import Embedder, make_embedder
from pledgebook.link.quality import GOLD_PAIRS, load_gold_pairs

_VERBS = ("agreed to", "pledged to", "will", "committed to", "resolved to", "reaffirmed their commitment to",
          "intend to", "sought to", "look forward to", "decided to")
_PARTNERS = tuple(f"P{n:02d}" for n in range(40))
_STATEMENTS_PER_DOC = 30
_LIMIT_SECONDS = 120.0


def _perturb(text: str, rng: random.Random) -> str:
    words = text.split()
    if len(words) > 8:
        for _ in range(rng.randint(0, 3)):  # drop a few words
            del words[rng.randrange(len(words))]
    out = " ".join(words)
    out = re.sub(r"\b20\d\d\b", lambda _m: str(rng.randint(2005, 2030)), out)
    if rng.random() < 0.5:
        out = f"The two sides {rng.choice(_VERBS)} {out[0].lower()}{out[1:]}"
    if rng.random() < 0.3 and "," in out:
        head, _, tail = out.partition(",")
        out = f"{tail.strip()}, {head}"
    return out


def synthetic_statements(
    n: int, seed: int = 7, gold: Path = GOLD_PAIRS, cfg: LinkConfig | None = None
) -> tuple[list[str], list[LinkItem]]:
    """``n`` perturbed commitments with their link features, in document order."""
    cfg = cfg or load_config()
    rng = random.Random(seed)
    templates = list(load_gold_pairs(gold, cfg)[0].values())
    texts, items = [], []
    doc = 0
    while len(texts) < n:
        partner = rng.choice(_PARTNERS)
        parties = ("USA", partner)
        for _ in range(min(_STATEMENTS_PER_DOC, n - len(texts))):
            t = rng.choice(templates)
            actors = parties if len(t.actors) > 1 else (rng.choice(parties),)
            texts.append(_perturb(t.text, rng))
            items.append(link_item(doc, actors, t.sectors, t.entities, parties, cfg))
        doc += 1
    return texts, items


def bench_linking(n_statements: int = 100_000, *, embedder: Embedder | None = None, seed: int = 7) -> dict:
    """Thread ``n_statements`` synthetic statements; timings in seconds (budget: 120 s)."""
    emb = embedder or make_embedder()
    cfg = load_config().for_embedder(emb.family)
    texts, items = synthetic_statements(n_statements, seed, cfg=cfg)
    began = time.perf_counter()
    vectors = emb.embed(texts)
    embedded = time.perf_counter()
    is_new = np.ones(len(items), dtype=bool)
    pairs = candidate_pairs(items, vectors, is_new, cfg)
    paired = time.perf_counter()
    clusters = cluster(items, pairs, is_new, vectors=vectors, cohesion=cfg)
    done = time.perf_counter()
    sizes = [len(g) for g in clusters.groups().values()]
    total = done - began
    return {
        "statements": len(items),
        "documents": len({it.doc for it in items}),
        "embedder": emb.id,
        "embed_seconds": round(embedded - began, 2),
        "candidates_seconds": round(paired - embedded, 2),
        "cluster_seconds": round(done - paired, 2),
        "total_seconds": round(total, 2),
        "statements_per_second": round(len(items) / total, 1),
        "linked_pairs": len(pairs),
        "threads": len(sizes),
        "threads_repeated": sum(s > 1 for s in sizes),
        "largest_thread": max(sizes, default=0),
        "within_budget": total < _LIMIT_SECONDS,
    }
