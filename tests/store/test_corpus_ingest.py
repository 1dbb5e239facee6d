"""The whole shared corpus, ingested twice with two worker processes: the ledger keeps one
copy of each distinct text with one current extraction run, the second run stores nothing,
and linking afterwards finds threads (issue 4: "ingesting all of the corpus twice")."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlalchemy import Integer, func, select
from sqlalchemy.orm import Session

from pledgebook.core.data import content_hash
from pledgebook.link import link_new_statements
from pledgebook.read import ReadError, iter_input_paths, read_document
from pledgebook.store import open_database
from pledgebook.store.batch import current_versions, ingest_paths
from pledgebook.store.models import Document, ExtractionRun, Statement, Thread, ThreadMember

PARTS = ("wh-briefings", "ungdc", "seed")


@pytest.mark.slow
def test_whole_corpus_twice_then_link(corpus: Path, tmp_path: Path) -> None:
    files = [str(p) for p in iter_input_paths([corpus / part for part in PARTS])]
    hashes: set[str] = set()
    unreadable: set[str] = set()
    for path in files:
        try:
            hashes.add(content_hash(read_document(path, source=path).text))
        except ReadError:
            unreadable.add(path)
    readable = len(files) - len(unreadable)
    assert len(files) > 1500 and readable > 1500

    # Pinned for both runs: in a working checkout the codebook files may be edited while this
    # runs, and a codebook change rightly re-extracts everything.
    versions = current_versions()
    engine = open_database(tmp_path / "ledger.db")
    try:
        began = time.perf_counter()
        first = ingest_paths(engine, files, jobs=2, versions=versions)
        ingested = time.perf_counter()
        second = ingest_paths(engine, files, jobs=2, versions=versions)
        again = time.perf_counter()
        linked = link_new_statements(engine)
        done = time.perf_counter()
        print(f"\n{len(files)} files, {len(hashes)} distinct texts: first ingest {ingested - began:.0f} s, "
              f"second {again - ingested:.0f} s, linking {done - again:.0f} s ({linked.statements} statements)")

        assert {path for path, _ in first.failed} == unreadable
        assert (first.new, first.new + first.unchanged, first.reextracted) == (len(hashes), readable, 0)
        # The second run finds every readable text up to date and stores nothing.
        assert (second.new, second.unchanged, second.reextracted) == (0, readable, 0)
        assert {path for path, _ in second.failed} == unreadable

        with Session(engine) as session:
            assert session.scalar(select(func.count()).select_from(Document)) == len(hashes)
            runs = select(ExtractionRun.document_id, func.count().label("n"),
                          func.sum(func.cast(ExtractionRun.is_current, Integer)).label("current"))
            per_doc = session.execute(runs.group_by(ExtractionRun.document_id)).all()
            assert len(per_doc) == len(hashes)
            assert all((n, current) == (1, 1) for _, n, current in per_doc)
            threads = session.scalar(select(func.count()).select_from(Thread))
            members = session.scalar(select(func.count()).select_from(ThreadMember))
            commitments = (select(Statement.stable_key).join(ExtractionRun, ExtractionRun.id == Statement.run_id)
                           .where(ExtractionRun.is_current.is_(True), Statement.kind == "commitment"))
            n_commitments = session.scalar(select(func.count()).select_from(commitments.subquery()))
            threaded_commitments = session.scalar(
                select(func.count()).select_from(ThreadMember).where(ThreadMember.statement_key.in_(commitments)))

        # Every commitment gets a thread; other threaded kinds only when they join one or name a
        # project (docs/threads.md, "What is linked").
        assert 0 < linked.linked_now == members <= linked.statements
        assert threaded_commitments == n_commitments > 0
        assert threads == linked.threads_created > 0
        assert linked.threads_repeated > 0  # the corpus repeats pledges across documents
    finally:
        engine.dispose()
