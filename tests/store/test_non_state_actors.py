"""Non-state actors in the ledger (migration 0007): stored, read back with the whole record,
and shown where the ledger shows actors (ledger table, JSON, CSV; the API's statements)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from alembic import command
from sqlalchemy import inspect, text
from typer.testing import CliRunner

from pledgebook.store import ingest_record, load_record, query_ledger, upgrade_database
from pledgebook.store.engine import make_engine
from pledgebook.store.migrate import alembic_config, current_revision, head_revision

ENV = {"COLUMNS": "200"}
FRONT = "---\ntitle: \"Joint Statement from the United States and India\"\ndate: '{date}'\n---\n\n"
BODY = ("The two leaders welcomed the new engine deal. As part of this plan, General Atomics will also establish a "
        "maintenance facility in India by 2026. The two sides will hold the next dialogue in New Delhi.\n")


def _record(extractor, date: str = "2024-05-01", body: str = BODY):
    from pledgebook.read import read_text

    text_ = FRONT.format(date=date) + body
    raw = read_text(text_, source="us-india.md", format="markdown")
    return extractor.extract(raw), raw.text


def _non_state(record):
    return next(s for s in record.statements if s.non_state_actors)


def _speech(extractor):
    """A UN General Debate speech, dated by its year alone (from its file name)."""
    from pledgebook.read import read_text

    raw = read_text("We will double our climate finance by 2030. The World Bank will provide new grants for "
                    "adaptation in small island states.\n", source="USA_79_2024.txt", format="text")
    return extractor.extract(raw), raw.text


def test_a_stored_record_reads_back_whole(engine, extractor) -> None:
    record, text_ = _record(extractor)
    speech, speech_text = _speech(extractor)
    assert _non_state(record).non_state_actors == ["General Atomics"] and speech.document.date == "2024"
    for rec, txt in ((record, text_), (speech, speech_text)):
        ingest_record(engine, rec, txt, extractor_version="x1", codebook_version="c1")
    for rec in (record, speech):
        loaded = load_record(engine, rec.document.content_hash)
        assert loaded == rec
        assert loaded.model_dump(mode="json") == rec.model_dump(mode="json")
    assert load_record(engine, "0" * 64) is None


def test_reextraction_reads_back_the_current_run(engine, extractor) -> None:
    record, text_ = _record(extractor)
    ingest_record(engine, record, text_, extractor_version="x1", codebook_version="c1")
    # a later extractor reads the document's parties differently and finds no non-state actor
    later = record.model_copy(update={
        "document": record.document.model_copy(update={"parties": ["IND"], "title": "Another reading"}),
        "statements": [s.model_copy(update={"non_state_actors": [], "actors": ["IND"], "actor_source": "subject"})
                       for s in record.statements],
    })
    ingest_record(engine, later, text_, extractor_version="x2", codebook_version="c1")
    assert load_record(engine, record.document.content_hash) == later
    rows = query_ledger(engine)
    assert {r.document_title for r in rows} == {"Another reading"} and all(r.non_state_actors == [] for r in rows)


def test_ledger_rows_carry_non_state_actors(engine, extractor) -> None:
    record, text_ = _record(extractor)
    ingest_record(engine, record, text_, extractor_version="x1", codebook_version="c1")
    rows = {r.text: r for r in query_ledger(engine)}
    company = next(r for r in rows.values() if "General Atomics" in r.text)
    assert (company.actors, company.non_state_actors, company.actor_source) == ([], ["General Atomics"], "non_state")
    assert all(r.non_state_actors == [] for r in rows.values() if r is not company)


# A ledger as 0006 left it: one document (dated by its first day) with one statement.
LEDGER_0006 = [
    "INSERT INTO documents (id, record_id, source, date, parties, kind, content_hash, chars, text, ingested_at) "
    "VALUES (1, 'd', 'd.txt', '2024-01-01', '[\"USA\"]', 'speech', 'h', 27, 'We will build a bridge here', "
    "CURRENT_TIMESTAMP)",
    "INSERT INTO extraction_runs (id, document_id, extractor_version, codebook_version, record_version, "
    "created_at, is_current) VALUES (1, 1, 'x1', 'c', '1.1', CURRENT_TIMESTAMP, TRUE)",
    "INSERT INTO statements (id, run_id, document_id, record_id, stable_key, start, \"end\", text, kind, actors, "
    "sectors, rationale, rule, actor_source) VALUES (1, 1, 1, 'd:0-27', 'd:0-27', 0, 27, 'We will build a bridge "
    "here', 'commitment', '[\"USA\"]', '[]', 'r', 'will_do', 'subject')",
]


def test_0007_adds_the_columns_keeps_rows_and_goes_back(db_url: str) -> None:
    upgrade_database(db_url, "0006")
    engine = make_engine(db_url)
    try:
        with engine.begin() as conn:
            for sql in LEDGER_0006:
                conn.execute(text(sql))
        upgrade_database(db_url)
        assert current_revision(engine) == head_revision()
        insp = inspect(engine)
        assert "non_state_actors" in {c["name"] for c in insp.get_columns("statements")}
        assert "non_state_actors" in {c["name"] for c in insp.get_columns("ledger")}
        assert "record_date" in {c["name"] for c in insp.get_columns("documents")}
        # a statement stored before 0007 has no non-state actors; its document's date is its day
        [row] = query_ledger(engine)
        assert (row.actors, row.non_state_actors) == (["USA"], [])
        loaded = load_record(engine, "h")
        assert loaded is not None and loaded.document.date == "2024-01-01"
        assert loaded.statements[0].non_state_actors == []
        with engine.connect() as conn:
            command.downgrade(alembic_config(conn), "0006")
            conn.commit()
        insp = inspect(engine)
        assert "non_state_actors" not in {c["name"] for c in insp.get_columns("statements")}
        assert "record_date" not in {c["name"] for c in insp.get_columns("documents")}
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM ledger")).scalar() == 1
        upgrade_database(db_url)
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()


@pytest.fixture
def ledger_db(tmp_path) -> str:
    (tmp_path / "us-india.md").write_text(FRONT.format(date="2024-05-01") + BODY, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'ledger.db'}"
    from pledgebook.serve.cli import app

    out = CliRunner().invoke(app, ["ingest", str(tmp_path / "us-india.md"), "--db", db, "--no-progress", "--embedder", "hashing"],
                             env=ENV)
    assert out.exit_code == 0, out.output
    return db


def _cli(*args: str, columns: str = "200") -> str:
    from pledgebook.serve.cli import app

    out = CliRunner().invoke(app, list(args), env={**ENV, "COLUMNS": columns})
    assert out.exit_code == 0, out.output
    return out.stdout


def test_ledger_output_shows_non_state_actors(ledger_db: str) -> None:
    rows = json.loads(_cli("ledger", "--db", ledger_db, "-f", "json"))
    company = next(r for r in rows if "General Atomics" in r["text"])
    assert (company["actors"], company["non_state_actors"]) == ([], ["General Atomics"])
    table = list(csv.DictReader(io.StringIO(_cli("ledger", "--db", ledger_db, "-f", "csv"))))
    company = next(r for r in table if "General Atomics" in r["text"])
    assert company["non_state_actors"] == "General Atomics" and company["actors"] == ""
    # at 80 columns the list layout names the company where a party code would stand
    # an event export makes the company the actor, toward each of the document's parties
    events = [json.loads(line) for line in _cli("export", "--db", ledger_db, "-f", "events", "--search",
                                                 "maintenance facility").splitlines()]
    assert {(e["actor"], e["recipient"]) for e in events} == {("General Atomics", "IND"), ("General Atomics", "USA")}
    narrow = _cli("ledger", "--db", ledger_db, "--search", "maintenance facility", columns="80")
    detail = [line for line in narrow.splitlines() if "commitment" in line]
    assert detail and "General Atomics" in detail[0]


def test_api_statements_carry_non_state_actors(ledger_db: str) -> None:
    from fastapi.testclient import TestClient

    from pledgebook.serve.app import create_app

    with TestClient(create_app(ledger_db)) as client:
        got = client.get("/api/statements", params={"search": "maintenance facility"})
        assert got.status_code == 200, got.text
        [item] = got.json()["items"]
        assert (item["actors"], item["non_state_actors"]) == ([], ["General Atomics"])
        csv_rows = list(csv.DictReader(io.StringIO(client.get("/api/statements", params={
            "search": "maintenance facility", "format": "csv"}).text)))
        assert csv_rows[0]["non_state_actors"] == "General Atomics"

