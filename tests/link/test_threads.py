from __future__ import annotations

import pytest
from linkdocs import ingest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from pledgebook.link import (
    HashingEmbedder,
    ThreadError,
    ThreadFilter,
    get_thread,
    link_new_statements,
    list_threads,
    merge_threads,
    split_thread,
    thread_of_statement,
)
from pledgebook.link.cache import EmbeddingRow

EMB = HashingEmbedder()  # the no-model fallback: deterministic, and what a default install has


def _threads(engine: Engine) -> dict[str, list[str]]:
    """Repeated threads as {first member's text: [member texts]}."""
    return {t.members[0].text: [m.text for m in t.members] for t in list_threads(engine)}


def _ml1_thread(engine: Engine):
    (view,) = [t for t in list_threads(engine) if "ML-1" in t.members[0].entities]
    return view


def test_ml1_aliases_link_across_three_documents_and_unrelated_do_not(engine: Engine) -> None:
    for year in ("2015", "2018", "2023"):
        ingest(engine, year)
    summary = link_new_statements(engine, embedder=EMB)
    # 6 commitments and the appreciation (a threaded kind that may join a thread but, naming no
    # project, starts none): 7 statements, 6 given a thread
    assert summary.statements == 7 and summary.linked_now == 6
    threads = list_threads(engine)
    ml1 = _ml1_thread(engine)
    assert [m.document_date for m in ml1.members] == ["2015-04-20", "2018-11-03", "2023-10-20"]
    for spelling, member in zip(("Main Line-1", "ML-I", "ML-1"), ml1.members):
        assert spelling in member.text and member.entities == ["ML-1"]
    assert (ml1.first_seen, ml1.last_seen, ml1.documents) == ("2015-04-20", "2023-10-20", 3)
    assert ml1.strengths == ["soft", "firm", "firm"] and ml1.strength_change == "stronger"
    assert ml1.wording[0].removed and ml1.wording[0].added  # "explore" -> "expedite", "Main Line-1" -> "ML-I"
    # counter-terrorism repeats (2018, 2023) and is its own thread; Gwadar (once) is in no repeated thread
    ct = [t for t in threads if "counter-terrorism" in t.members[0].text]
    assert len(ct) == 1 and ct[0].documents == 2
    assert len(threads) == 2
    assert all("Gwadar" not in m.text for t in threads for m in t.members)
    # the appreciation repeats nothing and names no project: it is in no thread
    assert all(m.text != "Pakistan thanked China for its assistance during the floods" for t in threads for m in t.members)


def test_incremental_link_adds_new_document_to_existing_thread(engine: Engine) -> None:
    for year in ("2015", "2018", "2023"):
        ingest(engine, year)
    link_new_statements(engine, embedder=EMB)
    before = _ml1_thread(engine)
    assert link_new_statements(engine, embedder=EMB).linked_now == 0  # nothing new: a no-op
    ingest(engine, "2024")
    summary = link_new_statements(engine, embedder=EMB)
    assert summary.linked_now == 2 and summary.joined_existing == 1 and summary.threads_created == 1
    after = _ml1_thread(engine)
    assert after.id == before.id and after.documents == 4 and after.last_seen == "2024-06-08"
    assert after.strengths[-1] == "moderate" and after.strength_change == "stronger"
    # only the new texts were embedded: one cache row per distinct text (7 commitments, the appreciation)
    with Session(engine) as s:
        assert s.scalar(select(func.count()).select_from(EmbeddingRow)) == 9


def test_merge_and_split_survive_rebuild(engine: Engine) -> None:
    for year in ("2015", "2018", "2023", "2024"):
        ingest(engine, year)
    link_new_statements(engine, embedder=EMB)
    ml1 = _ml1_thread(engine)
    ct = next(t for t in list_threads(engine) if "counter-terrorism" in t.members[0].text)
    gwadar_id = next(sid for sid in _all_statement_ids(engine) if "Gwadar" in sid[1])[0]
    gwadar_thread = thread_of_statement(engine, gwadar_id)
    # analyst: Gwadar and ML-1 are one CPEC undertaking here; the 2018 ML-I pledge is a separate one
    merge_threads(engine, ml1.id, gwadar_thread, author="analyst")
    ml_i = next(m.statement_id for m in ml1.members if "ML-I" in m.text)
    new_id = split_thread(engine, ml1.id, ml_i, author="analyst", note="different phase")
    expected = {ml1.id: 4, new_id: 1}  # 3 ML-1 + Gwadar; ML-I alone

    def check() -> None:
        assert thread_of_statement(engine, gwadar_id) == thread_of_statement(engine, ml1.members[0].statement_id)
        assert thread_of_statement(engine, ml_i) != thread_of_statement(engine, ml1.members[0].statement_id)
        view = get_thread(engine, thread_of_statement(engine, gwadar_id))
        assert view is not None and len(view.members) == 4
        assert get_thread(engine, ct.id).documents == 2

    check()
    assert {tid: len(get_thread(engine, tid).members) for tid in expected} == expected
    link_new_statements(engine, embedder=EMB, rebuild=True)
    check()
    assert thread_of_statement(engine, gwadar_id) == ml1.id  # the id survives rebuilding
    with pytest.raises(ThreadError):
        merge_threads(engine, ml1.id, ml1.id, author="analyst")


def test_thread_filters(engine: Engine) -> None:
    for year in ("2015", "2018", "2023", "2024"):
        ingest(engine, year)
    link_new_statements(engine, embedder=EMB)
    assert [t.documents for t in list_threads(engine, ThreadFilter(min_docs=3))] == [4]
    assert len(list_threads(engine, ThreadFilter(entities=["ml-1"]))) == 1
    assert len(list_threads(engine, ThreadFilter(sectors=["counter_terrorism"]))) == 1
    assert list_threads(engine, ThreadFilter(actors=["USA"])) == []
    singles = list_threads(engine, ThreadFilter(min_docs=1))
    assert len(singles) == 4  # ML-1, counter-terrorism, Gwadar, agricultural fund


def _all_statement_ids(engine: Engine) -> list[tuple[str, str]]:
    from pledgebook.store.models import Statement

    with Session(engine) as s:
        return [tuple(r) for r in s.execute(select(Statement.record_id, Statement.text))]
