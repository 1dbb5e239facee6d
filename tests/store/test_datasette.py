"""The SQLite ledger opens cleanly in a real Datasette: readable tables, the ledger view,
foreign keys and full-text search as Datasette detects them."""

import asyncio

from datasette.app import Datasette

from pledgebook.read import read_document
from pledgebook.store import open_database
from pledgebook.store.ingest import ingest_record
from tests.conftest import EXAMPLES


def test_ledger_opens_in_datasette(tmp_path, extractor):
    db_path = tmp_path / "ledger.db"
    engine = open_database(str(db_path))
    raw = read_document(EXAMPLES / "2023-10-20_china-pakistan-joint-statement.txt")
    ingest_record(engine, extractor.extract(raw), raw.text, extractor_version="test", codebook_version="test")
    engine.dispose()

    async def browse():
        ds = Datasette([str(db_path)])
        tables = await ds.client.get("/ledger.json")
        documents = await ds.client.get("/ledger/documents.json?_shape=array")
        view = await ds.client.get("/ledger/ledger.json?_shape=array&kind=commitment")
        search = await ds.client.get("/ledger/statements.json?_search=Gwadar&_shape=array")
        return tables, documents, view, search

    tables, documents, view, search = asyncio.run(browse())
    assert documents.status_code == 200 and len(documents.json()) == 1
    assert view.status_code == 200 and len(view.json()) >= 20  # the ledger view of current commitments
    assert search.status_code == 200 and any("Gwadar" in row["text"] for row in search.json())
    assert tables.status_code == 200
    info = {t["name"]: t for t in tables.json()["tables"]}
    assert {"documents", "statements", "extraction_runs"} <= set(info)
    assert info["statements"]["fts_table"]  # full-text search detected
    assert info["statements"]["foreign_keys"]["outgoing"]  # statements point at their document and run
    assert "ledger" in {v["name"] for v in tables.json()["views"]}
