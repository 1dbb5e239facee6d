from __future__ import annotations

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

import pledgebook.store.ingest as ingest_module
from pledgebook.core.data import Statement as RecordStatement
from pledgebook.store import Outcome, ingest_record, query_ledger, stored_versions
from pledgebook.store.models import Document, ExtractionRun, Statement, StatementActor, StatementEntity
from recordkit import CODEBOOK, EXTRACTOR, cpec_2023, numbered, usa_ind_2015

VERSIONS = {"extractor_version": EXTRACTOR, "codebook_version": CODEBOOK}


def counts(engine: Engine) -> dict[str, int]:
    tables = ("documents", "extraction_runs", "statements", "statement_entities", "statement_actors",
              "statement_sectors")
    with engine.connect() as conn:
        out = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in tables}
        if engine.dialect.name == "sqlite":  # the FTS index holds exactly the statement rows
            out["fts"] = conn.execute(text("SELECT count(*) FROM statements_fts")).scalar_one()
        return out


def test_new_document_is_stored_whole(engine: Engine) -> None:
    record, doc_text = cpec_2023()
    result = ingest_record(engine, record, doc_text, **VERSIONS)
    assert result.outcome is Outcome.new and result.statements == 4
    with Session(engine) as s:
        doc = s.scalars(select(Document)).one()
        assert doc.text == doc_text and doc.content_hash == record.document.content_hash
        assert doc.date.isoformat() == "2023-10-20" and doc.parties == ["CHN", "PAK"]
        stored = s.scalars(select(Statement).order_by(Statement.start)).all()
        # every stored span still quotes the stored text
        assert [doc.text[st.start : st.end] for st in stored] == [st.text for st in record.statements]
        ml1 = stored[0]
        assert ml1.when_text == "by 2025" and ml1.when_date == "2025" and ml1.strength == "firm"
        assert [(e.name, e.surface) for e in ml1.entities] == [("ML-1", "Main Line-1")]
        assert sorted(a.actor for a in ml1.actor_links) == ["CHN", "PAK"]
    assert stored_versions(Session(engine), record.document.content_hash) == (EXTRACTOR, CODEBOOK)


def test_same_text_twice_is_stored_once(engine: Engine) -> None:
    record, doc_text = cpec_2023()
    first = ingest_record(engine, record, doc_text, **VERSIONS)
    before = counts(engine)
    # same text under another file name: still one document, one run
    again, _ = cpec_2023(source="copy-of-it.txt")
    second = ingest_record(engine, again, doc_text, **VERSIONS)
    assert second.outcome is Outcome.unchanged
    assert (second.document_id, second.run_id, second.statements) == (first.document_id, first.run_id, 4)
    assert counts(engine) == before
    assert before["documents"] == 1 and before["extraction_runs"] == 1


def test_new_extractor_version_adds_a_current_run_and_keeps_the_old(engine: Engine) -> None:
    record, doc_text = cpec_2023()
    old = ingest_record(engine, record, doc_text, **VERSIONS)
    # the new extractor finds one statement fewer
    newer = record.model_copy(update={"statements": record.statements[:3]})
    new = ingest_record(engine, newer, doc_text, extractor_version="test-extractor 2", codebook_version=CODEBOOK)
    assert new.outcome is Outcome.reextracted and new.document_id == old.document_id and new.run_id != old.run_id
    with Session(engine) as s:
        runs = s.scalars(select(ExtractionRun).order_by(ExtractionRun.id)).all()
        assert [(r.extractor_version, r.is_current) for r in runs] == [
            ("test-extractor 1", False), ("test-extractor 2", True)]
        assert s.scalar(select(func.count()).where(Statement.run_id == old.run_id)) == 4  # provenance kept
    assert len(query_ledger(engine)) == 3  # the ledger shows the current run only
    # a codebook change re-extracts too; the same versions again do not
    assert ingest_record(engine, record, doc_text, extractor_version="test-extractor 2",
                         codebook_version="test-codebook 2").outcome is Outcome.reextracted
    assert ingest_record(engine, record, doc_text, extractor_version="test-extractor 2",
                         codebook_version="test-codebook 2").outcome is Outcome.unchanged
    assert counts(engine)["extraction_runs"] == 3


def test_database_allows_one_current_run_per_document(engine: Engine) -> None:
    record, doc_text = cpec_2023()
    result = ingest_record(engine, record, doc_text, **VERSIONS)
    with pytest.raises(IntegrityError), Session(engine) as s, s.begin():
        s.add(ExtractionRun(document_id=result.document_id, extractor_version="x", codebook_version="y",
                            record_version="1.0", is_current=True))


def test_constraint_violation_midway_leaves_no_trace(engine: Engine) -> None:
    ok_record, ok_text = usa_ind_2015()
    ingest_record(engine, ok_record, ok_text, **VERSIONS)
    before = counts(engine)
    record, doc_text = cpec_2023()
    # the last statement carries a kind the database rejects (bypassing pydantic validation)
    bad = RecordStatement.model_construct(**{**record.statements[-1].model_dump(), "kind": "rumour"})
    broken = record.model_copy(update={"statements": [*record.statements[:-1], bad]})
    with pytest.raises(IntegrityError):
        ingest_record(engine, broken, doc_text, **VERSIONS)
    assert counts(engine) == before
    # and the document can be ingested cleanly afterwards
    assert ingest_record(engine, record, doc_text, **VERSIONS).outcome is Outcome.new


def test_exception_midway_through_reextraction_keeps_the_old_run_current(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    record, doc_text = cpec_2023()
    first = ingest_record(engine, record, doc_text, **VERSIONS)
    before = counts(engine)
    real_add = ingest_module.add_statements

    def add_then_fail(session, run, doc, statements, keys):  # type: ignore[no-untyped-def]
        real_add(session, run, doc, statements, keys)
        session.flush()  # rows really reach the database before the failure
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(ingest_module, "add_statements", add_then_fail)
    with pytest.raises(RuntimeError, match="disk on fire"):
        ingest_record(engine, record, doc_text, extractor_version="test-extractor 2", codebook_version=CODEBOOK)
    assert counts(engine) == before
    with Session(engine) as s:
        current = s.scalars(select(ExtractionRun).where(ExtractionRun.is_current.is_(True))).one()
        assert current.id == first.run_id


def test_record_not_matching_its_text_is_refused(engine: Engine) -> None:
    record, doc_text = cpec_2023()
    with pytest.raises(ValueError, match="content_hash"):
        ingest_record(engine, record, doc_text + " ", **VERSIONS)
    assert counts(engine)["documents"] == 0


def test_caller_session_gets_a_savepoint_per_document(engine: Engine) -> None:
    with Session(engine) as s, s.begin():
        for i in range(3):
            rec, doc_text = numbered(i)
            ingest_record(s, rec, doc_text, **VERSIONS)
        rec, doc_text = numbered(3)
        bad = RecordStatement.model_construct(**{**rec.statements[0].model_dump(), "strength": "maybe"})
        with pytest.raises(IntegrityError):
            ingest_record(s, rec.model_copy(update={"statements": [bad]}), doc_text, **VERSIONS)
    assert counts(engine)["documents"] == 3


def test_deleting_a_document_cascades(engine: Engine) -> None:
    record, doc_text = cpec_2023()
    ingest_record(engine, record, doc_text, **VERSIONS)
    with Session(engine) as s, s.begin():
        s.execute(Document.__table__.delete())
    assert all(n == 0 for n in counts(engine).values())
    with Session(engine) as s:
        assert s.scalar(select(func.count()).select_from(StatementEntity)) == 0
        assert s.scalar(select(func.count()).select_from(StatementActor)) == 0
