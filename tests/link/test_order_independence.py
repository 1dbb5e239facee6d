"""Property: ingesting documents one at a time, in any order, each followed by linking, ends
with the threads one batch ingest gives (docs/threads.md, "Incremental linking"), and analysts'
merge/split decisions are never crossed whatever the order. Real SQLite ledgers, the hashing
embedder; Hypothesis is derandomized so every run tries the same orders."""

from __future__ import annotations

import shutil
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from orderdocs import DOCS, ingest, key_of
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from pledgebook.link import HashingEmbedder, link_new_statements, merge_threads, split_thread
from pledgebook.link import ledger, region
from pledgebook.link.membership import current_members, members_from_log
from pledgebook.store import open_database
from pledgebook.store.models import MembershipChange, ThreadOverride

EMB = HashingEmbedder()
NAMES = sorted(DOCS)
ORDERS = st.permutations(NAMES)
SETTINGS = settings(max_examples=10, derandomize=True, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# An analyst keeps the 2019 "complete the railway" pledge apart from the 2022 "open it to
# passengers" one (the batch links them), and joins the 2014 SGR financing to the 2023
# extension to Kisumu (the batch does not).
APART = (key_of("idn-2019", "complete the high-speed railway"), key_of("idn-2022", "open the Jakarta Bandung"))
TOGETHER = (key_of("ken-2014", "finance the Standard Gauge"), key_of("ken-2023", "extend the railway from Naivasha"))

Partition = frozenset[frozenset[str]]
REGIONS: list[tuple[int, int]] = []  # (re-clustered, all) of every incremental link


@pytest.fixture(autouse=True, scope="module")
def _regions_never_fall_back_to_a_rebuild() -> Iterator[None]:
    """A ledger this small would often pass the share of statements at which a link simply
    re-clusters everything; the region path is what is under test, so it is always taken."""
    share, grow = region.REBUILD_SHARE, ledger.region

    def recorded(*args, **kwargs):
        mask = grow(*args, **kwargs)
        REGIONS.append((int(mask.sum()), len(mask)))
        return mask

    region.REBUILD_SHARE, ledger.region = 1.0, recorded
    yield
    region.REBUILD_SHARE, ledger.region = share, grow


@cache
def _template() -> Path:
    """A migrated, empty SQLite ledger, copied for every example (migrating is the slow part)."""
    path = Path(tempfile.mkdtemp(prefix="order-")) / "template.db"
    open_database(f"sqlite:///{path}").dispose()
    return path


@contextmanager
def _ledger(decisions: Iterable[tuple[str, str, str]] = ()) -> Iterator[Engine]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ledger.db"
        shutil.copy(_template(), path)
        engine = open_database(f"sqlite:///{path}")
        with Session(engine) as session, session.begin():
            session.add_all(ThreadOverride(statement_a=a, statement_b=b, decision=d, author="analyst")
                            for a, b, d in decisions)
        try:
            yield engine
        finally:
            engine.dispose()


def _partition(engine: Engine) -> Partition:
    """Current statements grouped by thread; the membership table must be what the log says."""
    with Session(engine) as session:
        members = current_members(session)
        assert members == members_from_log(session)
    threads: dict[int, set[str]] = defaultdict(set)
    for key, m in members.items():
        threads[m.thread_id].add(key)
    return frozenset(frozenset(keys) for keys in threads.values())


def _thread_of(engine: Engine, key: str) -> int:
    with Session(engine) as session:
        return current_members(session)[key].thread_id


def _one_by_one(engine: Engine, order: Iterable[str]) -> None:
    for name in order:
        ingest(engine, name)
        link_new_statements(engine, embedder=EMB)


@cache
def _batch(decisions: tuple[tuple[str, str, str], ...] = ()) -> Partition:
    with _ledger(decisions) as engine:
        for name in NAMES:
            ingest(engine, name)
        link_new_statements(engine, embedder=EMB)
        return _partition(engine)


def _log_rows(engine: Engine) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(MembershipChange)) or 0


def test_the_pool_exercises_bridging_and_look_alikes() -> None:
    """The batch threads span several documents and relationships stay apart: a pool where
    everything is a singleton would make the property trivial."""
    batch = _batch()
    spans = sorted((len({k.split(":")[0] for k in t}) for t in batch), reverse=True)
    assert spans[0] >= 4 and spans[1] >= 2 and sum(n >= 2 for n in spans) >= 4
    assert len(batch) >= 8


@SETTINGS
@given(ORDERS)
def test_any_ingest_order_ends_with_the_batch_threads(order: list[str]) -> None:
    REGIONS.clear()
    with _ledger() as engine:
        _one_by_one(engine, order)
        assert _partition(engine) == _batch()
        assert any(0 < inside < total for inside, total in REGIONS)  # some links re-clustered a part only
        before = _log_rows(engine)
        summary = link_new_statements(engine, embedder=EMB, rebuild=True)
        # a rebuild agrees: nothing moves, no thread is created, every id stays
        assert (summary.moved, summary.threads_created, _log_rows(engine)) == (0, 0, before)


@SETTINGS
@given(ORDERS)
def test_analysts_decisions_hold_in_any_order(order: list[str]) -> None:
    decisions = ((*APART, "separate"), (*TOGETHER, "link"))
    batch = _batch(decisions)
    assert batch != _batch()  # the decisions change what the linker alone would do
    with _ledger(decisions) as engine:
        _one_by_one(engine, order)
        assert _partition(engine) == batch
        assert _thread_of(engine, APART[0]) != _thread_of(engine, APART[1])
        assert _thread_of(engine, TOGETHER[0]) == _thread_of(engine, TOGETHER[1])


@SETTINGS
@given(ORDERS, st.integers(min_value=0, max_value=len(NAMES)))
def test_a_split_and_a_merge_made_midway_survive_later_ingests(order: list[str], cut: int) -> None:
    """An analyst acts after ``cut`` documents (through the API, on whatever threads there
    are then); the documents that follow never undo it."""
    with _ledger() as engine:
        _one_by_one(engine, order[:cut])
        present = set(order[:cut])
        separated: set[str] = set()
        if {"idn-2019", "idn-2022"} <= present and _thread_of(engine, APART[0]) == _thread_of(engine, APART[1]):
            tid = _thread_of(engine, APART[1])
            separated = {k for k, m in _members(engine).items() if m == tid} - {APART[1]}
            split_thread(engine, tid, APART[1], author="analyst")
        joined: set[str] = set()
        if {"ken-2014", "ken-2023"} <= present:
            pair = {_thread_of(engine, k) for k in TOGETHER}
            joined = {k for k, m in _members(engine).items() if m in pair}  # both threads, all members
            if len(pair) == 2:
                merge_threads(engine, _thread_of(engine, TOGETHER[0]), _thread_of(engine, TOGETHER[1]),
                              author="analyst")
        _one_by_one(engine, order[cut:])
        final = _members(engine)
        assert all(final[k] != final[APART[1]] for k in separated)
        assert len({final[k] for k in joined}) <= 1  # the merged thread holds together


def _members(engine: Engine) -> dict[str, int]:
    with Session(engine) as session:
        return {k: m.thread_id for k, m in current_members(session).items()}


def test_a_newcomer_that_crowds_a_top_k_list_reopens_that_statement() -> None:
    """In a block larger than ``top_k``, a new statement that links to no one (here: other
    actors) can still enter an old statement's candidate list and push out a pair the batch
    would then not see; that statement must be re-clustered too."""
    import numpy as np

    from pledgebook.link.cluster import LinkItem
    from pledgebook.link.config import load_config

    cfg = load_config().for_embedder("hashing")
    k = cfg.top_k
    dims = k + 4
    vectors = np.zeros((k + 3, dims), dtype=np.float32)
    vectors[0, 0] = 1.0  # x
    for n in range(1, k + 2):  # its candidates, less and less similar
        cos = 0.9 - 0.03 * n
        vectors[n, 0], vectors[n, n] = cos, (1 - cos * cos) ** 0.5
    vectors[-1, 0], vectors[-1, -1] = 0.95, (1 - 0.95**2) ** 0.5  # the newcomer, closest of all to x
    parties = frozenset({"CHN", "IDN"})
    items = [LinkItem(f"d{n}", frozenset({"IDN"}), frozenset({"transport"}), frozenset(), parties)
             for n in range(k + 2)]
    items.append(LinkItem("new", frozenset({"CHN"}), frozenset({"transport"}), frozenset(), parties))
    seeds = np.zeros(len(items), dtype=bool)
    seeds[-1] = True
    threads = [n for n in range(k + 2)] + [None]  # every old statement alone in its thread
    inside = region.region(items, vectors, seeds, threads, [], cfg)
    assert inside[0] and inside[-1]
