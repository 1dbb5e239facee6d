"""The linker reads machine statements as analysts reviewed them, on SQLite and PostgreSQL: a
statement corrected *to* a threaded kind is linked like one, a corrected entity list is the one
linking compares, a re-cut span links on its new words, and a corrected statement (an added one
too) is re-linked at the next pass; a link pass reads only the reviews of the statements it loads
(by key, in chunks both databases accept)."""

from __future__ import annotations

from recordkit import CODEBOOK
from sqlalchemy import Engine, event
from trackdocs import EMB, PARK, PARTIES, ingest, key, record

from pledgebook.link import link_new_statements, thread_of_statement
from pledgebook.store import ingest_record
from pledgebook.track.review import Correction, review

FOREST_23 = "The two sides pledged to expand cooperation on forest monitoring and fire prevention"
PARK_23 = "Brazil and Norway agreed to complete the Tapajos Solar Park by 2025"
INAUGURATED = "The Tapajos Solar Park was inaugurated on Wednesday"


def _store_2023(engine: Engine, forest: dict, park: dict):  # type: ignore[no-untyped-def]
    rec, text = record("2023", [park, forest])
    ingest_record(engine, rec, text, extractor_version="test-extractor 1", codebook_version=CODEBOOK)
    link_new_statements(engine, embedder=EMB)
    return rec


def _park(entities: list[tuple[str, str, str]]) -> dict:
    return {"quote": PARK_23, "kind": "commitment", "strength": "firm", "sectors": ["energy"],
            "actors": list(PARTIES), "entities": entities}


def _forest(kind: str) -> dict:
    return {"quote": FOREST_23, "kind": kind, "sectors": ["climate_environment"], "actors": list(PARTIES),
            **({"strength": "firm"} if kind == "commitment" else {})}


def test_a_statement_corrected_to_a_threaded_kind_is_linked_like_one(engine) -> None:  # type: ignore[no-untyped-def]
    """The machine took the 2023 forest pledge for a meeting (not threaded): in no thread. Corrected
    to a commitment, the next pass links it with the 2021 pledge; corrected back, it leaves."""
    recs = ingest(engine, ("2021",))
    forest21 = key(recs["2021"], "The two sides pledged")
    forest_thread = thread_of_statement(engine, forest21)
    assert forest_thread is not None
    rec23 = _store_2023(engine, _forest("meeting"), _park([(*PARK, "Tapajos Solar Park")]))
    forest23 = key(rec23, "The two sides pledged")
    assert thread_of_statement(engine, forest23) is None
    review(engine, forest23, "correct", Correction(kind="commitment", strength="firm"), author="ana")
    summary = link_new_statements(engine, embedder=EMB)
    assert thread_of_statement(engine, forest23) == forest_thread and summary.moved == 0
    link_new_statements(engine, rebuild=True, embedder=EMB)  # a rebuild reads it the same way
    assert thread_of_statement(engine, forest23) == forest_thread
    review(engine, forest23, "correct", Correction(kind="discussion"), author="ben")
    link_new_statements(engine, embedder=EMB)
    assert thread_of_statement(engine, forest23) is None and thread_of_statement(engine, forest21) == forest_thread


def _store_2025(engine: Engine, quote: str, entities: list[tuple[str, str, str]]):  # type: ignore[no-untyped-def]
    rec, text = record("2025", [{"quote": quote, "kind": "position", "actors": ["BRA"], "sectors": ["energy"],
                                 "entities": entities}])
    ingest_record(engine, rec, text, extractor_version="test-extractor 1", codebook_version=CODEBOOK)
    link_new_statements(engine, embedder=EMB)
    return rec, text


def test_corrected_entities_are_the_ones_linking_compares(engine) -> None:  # type: ignore[no-untyped-def]
    """The machine resolved the park's inauguration to another project: it is that project's
    story, not the park's. The analyst's entity list (by name) is what the next pass compares:
    it joins the park's thread, and stays there; given the other project again, it leaves."""
    recs = ingest(engine)
    park_thread = thread_of_statement(engine, key(recs["2021"], "Brazil and Norway"))
    rec25, _ = _store_2025(engine, INAUGURATED, [("Xingu Wind Farm", "project", "Tapajos Solar Park")])
    opened = key(rec25, "The Tapajos")
    assert thread_of_statement(engine, opened) not in (None, park_thread)
    review(engine, opened, "correct", Correction(entities=[PARK[0]]), author="ana")
    link_new_statements(engine, embedder=EMB)
    assert thread_of_statement(engine, opened) == park_thread
    again = link_new_statements(engine, embedder=EMB)  # re-read at every pass, it moves nothing more
    assert (again.linked_now, again.moved, again.threads_created) == (0, 0, 0)
    assert thread_of_statement(engine, opened) == park_thread
    review(engine, opened, "correct", Correction(entities=["Xingu Wind Farm"]), author="ben")
    link_new_statements(engine, embedder=EMB)
    assert thread_of_statement(engine, opened) not in (None, park_thread)
    assert park_thread == thread_of_statement(engine, key(recs["2023"], "Brazil and Norway"))


def test_a_re_cut_span_links_on_its_new_words(engine) -> None:  # type: ignore[no-untyped-def]
    """The machine cut the report's dateline as its statement (it links nowhere); re-cut to the
    sentence about the park, the statement is linked on that sentence."""
    recs = ingest(engine)
    park_thread = thread_of_statement(engine, key(recs["2021"], "Brazil and Norway"))
    rec25, text = _store_2025(engine, "Belem, 15 January 2025", [])
    dateline = key(rec25, "Belem")
    assert thread_of_statement(engine, dateline) != park_thread
    start = text.index(INAUGURATED)
    review(engine, dateline, "correct", Correction(span=f"{start}-{start + len(INAUGURATED)}"), author="ana")
    link_new_statements(engine, embedder=EMB)
    assert thread_of_statement(engine, dateline) == park_thread


def test_a_pass_reads_only_the_reviews_of_what_it_loads(engine) -> None:  # type: ignore[no-untyped-def]
    """Every read of the review table a pass makes names the statements it wants (their keys, or
    the added ones), never the whole table; and a pass over more reviewed statements than one
    chunk of keys holds (500) reads them all, on both databases."""
    recs = ingest(engine, ("2021", "2023"))
    park21 = key(recs["2021"], "Brazil and Norway")
    review(engine, park21, "reject", author="ana")
    seen: list[str] = []

    def record_sql(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if "review_corrections" in statement:
            seen.append(" ".join(statement.split()))

    event.listen(engine, "before_cursor_execute", record_sql)
    try:
        link_new_statements(engine, embedder=EMB)
    finally:
        event.remove(engine, "before_cursor_execute", record_sql)
    reads = [s for s in seen if s.upper().startswith("SELECT") and "FROM review_corrections" in s]
    assert reads and all("WHERE" in s.split("FROM review_corrections", 1)[1] for s in reads), reads
    assert thread_of_statement(engine, park21) is None


def test_reviews_by_key_are_read_in_chunks_both_databases_accept(engine) -> None:  # type: ignore[no-untyped-def]
    """1,201 keys (more than two chunks of 500 bound parameters): every review is found, folded
    from its entries in the order they were made; keys with no review are absent."""
    from sqlalchemy.orm import Session

    from pledgebook.store.models import Document, ReviewCorrection
    from pledgebook.store.review import reviews

    recs = ingest(engine, ("2021",), link=False)
    keys = [f"{recs['2021'].document.id}:{i}-{i + 5}" for i in range(1201)]
    with Session(engine) as session, session.begin():
        doc_id = session.query(Document.id).scalar()
        session.add_all(ReviewCorrection(statement_key=k, document_id=doc_id, action="reject", author="ana")
                        for k in keys)
        session.add(ReviewCorrection(statement_key=keys[600], document_id=doc_id, action="accept", author="ben"))
    with Session(engine) as session:
        found = reviews(session, [*keys, "nobody:0-1"])
    assert len(found) == 1201 and "nobody:0-1" not in found
    assert found[keys[600]].state == "accepted" and found[keys[600]].entries == 2
    assert {r.state for k, r in found.items() if k != keys[600]} == {"rejected"}


def test_a_correction_of_an_added_statement_is_read_at_the_next_pass(engine) -> None:  # type: ignore[no-untyped-def]
    """An added statement whose entities an analyst then corrects to another project moves to
    that project's thread at the next pass (no rebuild)."""
    from recordkit import make_record

    from pledgebook.track.review import add_statement

    recs = ingest(engine)
    park_thread = thread_of_statement(engine, key(recs["2021"], "Brazil and Norway"))
    wind = "Brazil and Norway agreed to build the Xingu Wind Farm by 2026"
    text24 = f"Brasilia, 1 June 2024. {wind}."
    rec24 = make_record(text24, [{"quote": wind, "kind": "commitment", "strength": "firm", "sectors": ["energy"],
                                  "actors": list(PARTIES), "entities": [("Xingu Wind Farm", "project", "Xingu Wind Farm")]}],
                        source="2024-06-01-bra-nor.txt", date="2024-06-01", parties=PARTIES)
    ingest_record(engine, rec24, text24, extractor_version="test-extractor 1", codebook_version=CODEBOOK)
    rec25, text25 = record("2025", [])
    ingest_record(engine, rec25, text25, extractor_version="test-extractor 1", codebook_version=CODEBOOK)
    link_new_statements(engine, embedder=EMB)
    wind_thread = thread_of_statement(engine, key(rec24, "Brazil and Norway"))
    assert wind_thread not in (None, park_thread)
    added = add_statement(engine, rec25.document.id, Correction(kind="position", actors=["Brazil"]), quote=INAUGURATED,
                          author="ana", embedder=EMB)
    assert added.thread_id == park_thread
    review(engine, added.statement_id, "correct", Correction(entities=["Xingu Wind Farm"]), author="ben")
    link_new_statements(engine, embedder=EMB)
    assert thread_of_statement(engine, added.statement_id) == wind_thread
