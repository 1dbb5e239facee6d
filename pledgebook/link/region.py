"""Which statements an incremental link must re-cluster so that its result is a batch's.

Clustering everything at once (``candidate_pairs`` + ``cluster`` with every statement new) is
the reference: linking documents one at a time, in any order, must end with the same threads.
The batch clusters only along candidate pairs and analysts' "link" decisions, and what it does
in one connected part of that graph never depends on another part. So an incremental link
re-clusters, from scratch, the **region**: the new statements, every statement connected to
them, and every whole thread any of those is in, closed transitively. Outside it the batch
would decide exactly as the stored threads already do, and inside it the re-clustering sees
the same pairs a batch would (each region statement queries every block it is in).

The region is grown over edges that over-approximate the batch's pairs, so that no batch pair
crosses its border:

- any two statements sharing a block whose score reaches the threshold, whether or not either
  would keep the other among its ``top_k`` candidates;
- analysts' "link" decisions;
- a statement whose own ``top_k`` list a new statement enters (the newcomer may push out a
  candidate that used to link it, which the batch would then not see).

When the region passes ``REBUILD_SHARE`` of all statements, growing it further costs more
than re-clustering everything, which gives the same result: the whole ledger is the region.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
import numpy as np

from pledgebook.link.cluster import LinkItem, blocks, pair_score
from pledgebook.link.config import LinkConfig

_CHUNK = 1024
REBUILD_SHARE = 0.25


def region(
    items: Sequence[LinkItem],
    vectors: np.ndarray,
    seeds: np.ndarray,
    thread_of: Sequence[Hashable | None],
    must_link: Iterable[tuple[int, int]],
    cfg: LinkConfig,
) -> np.ndarray:
    """Mask of the statements to re-cluster, grown from ``seeds`` (a mask: new statements and
    any others that must be reconsidered). ``thread_of[i]`` is statement i's stored thread."""
    members: dict[Hashable, list[int]] = defaultdict(list)
    for i, tid in enumerate(thread_of):
        if tid is not None:
            members[tid].append(i)
    partners: dict[int, list[int]] = defaultdict(list)
    for a, b in must_link:
        partners[a].append(b)
        partners[b].append(a)
    reach = _Reach(items, vectors, cfg)
    inside = np.zeros(len(items), dtype=bool)
    queue = sorted(set(np.flatnonzero(seeds).tolist()) | reach.crowded(seeds))
    inside[queue] = True
    limit = REBUILD_SHARE * len(items)
    done = 0
    while done < len(queue):
        batch = queue[done : done + _CHUNK]
        done += len(batch)
        reached = reach.linkable(batch, inside)
        for tid in {thread_of[i] for i in batch} - {None}:
            reached.update(members[tid])
        for i in batch:
            reached.update(partners.get(i, ()))
        grown = sorted(i for i in reached if not inside[i])
        inside[grown] = True
        queue.extend(grown)
        if len(queue) > limit:
            return np.ones(len(items), dtype=bool)
    return inside


class _Reach:
    """Every statement sharing a block with a given one whose pair score reaches the threshold
    (no ``top_k`` cut: a superset of the pairs a batch would keep)."""

    def __init__(self, items: Sequence[LinkItem], vectors: np.ndarray, cfg: LinkConfig) -> None:
        self.items, self.vectors, self.cfg = items, vectors, cfg
        codes = {d: n for n, d in enumerate(dict.fromkeys(it.doc for it in items))}
        self.docs = np.array([codes[it.doc] for it in items], dtype=np.int64)
        self.blocks = [np.array(b, dtype=np.int64) for b in blocks(items).values() if len(b) > 1]
        self.blocks_of: dict[int, list[int]] = defaultdict(list)
        for n, block in enumerate(self.blocks):
            for i in block.tolist():
                self.blocks_of[i].append(n)

    def linkable(self, rows: Sequence[int], inside: np.ndarray) -> set[int]:
        """Statements outside ``inside`` that some of ``rows`` would link to."""
        by_block: dict[int, list[int]] = defaultdict(list)
        for i in rows:
            for n in self.blocks_of.get(i, ()):
                by_block[n].append(i)
        floor = self.cfg.threshold - self.cfg.max_bonus  # type: ignore[operator]
        found: set[int] = set()
        for n, queries in by_block.items():
            members = self.blocks[n]
            members = members[~inside[members]]
            if members.size == 0:
                continue
            fresh = np.array(queries, dtype=np.int64)
            sims = self.vectors[fresh] @ self.vectors[members].T
            sims[self.docs[fresh][:, None] == self.docs[members][None, :]] = -2.0
            for c in np.flatnonzero((sims >= floor).any(axis=0)).tolist():
                j = int(members[c])
                if j in found:
                    continue
                column = sims[:, c]
                for r in np.argsort(-column, kind="stable").tolist():  # most similar first: usually the one
                    if column[r] < floor:
                        break
                    score = pair_score(self.items[int(fresh[r])], self.items[j], float(column[r]), self.cfg)
                    if score is not None and score >= self.cfg.threshold:  # type: ignore[operator]
                        found.add(j)
                        break
        return found

    def crowded(self, new: np.ndarray) -> set[int]:
        """Statements whose ``top_k`` candidates in some block would now include a ``new`` one."""
        vectors, docs, k = self.vectors, self.docs, self.cfg.top_k
        floor = self.cfg.threshold - self.cfg.max_bonus  # type: ignore[operator]
        out: set[int] = set()
        for members in self.blocks:
            fresh = members[new[members]]
            if members.size <= k + 1 or fresh.size == 0:
                continue  # no list is cut: every member already keeps every other
            to_fresh = vectors[fresh] @ vectors[members].T
            to_fresh[docs[fresh][:, None] == docs[members][None, :]] = -2.0
            near = members[(to_fresh >= floor).any(axis=0) & ~new[members]]  # old members a newcomer could enter
            for start in range(0, near.size, _CHUNK):
                rows = near[start : start + _CHUNK]
                sims = vectors[rows] @ vectors[members].T
                sims[docs[rows][:, None] == docs[members][None, :]] = -2.0
                kth = -np.partition(-sims, k - 1, axis=1)[:, k - 1]  # each row's k-th best candidate
                enters = sims[:, new[members]] >= np.maximum(kth, floor)[:, None]
                out.update(rows[enters.any(axis=1)].tolist())
        return out
