"""The API on a PostgreSQL ledger (the team server): the read endpoints and a write, on the
bundled examples ingested into a fresh database of the test server."""

from __future__ import annotations

import pytest

from tests.api.conftest import AUTH, TOKEN, client_for, ingest_examples

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def pg(postgres_db):
    ingest_examples(postgres_db)
    with client_for(postgres_db, token=TOKEN) as c:
        yield c


def test_reads_on_postgres(pg):
    docs = pg.get("/api/documents").json()["items"]
    assert len(docs) == 6
    one = pg.get(f"/api/documents/{docs[0]['id']}").json()
    assert one["statements"] and all(one["text"][s["start"]:s["end"]] == s["text"] for s in one["statements"])
    walked, url = [], "/api/statements?limit=25"
    while url:
        body = pg.get(url).json()
        walked += [s["statement_id"] for s in body["items"]]
        url = body["next"]
    everything = pg.get("/api/statements", params={"limit": 1000}).json()["items"]
    assert walked == [s["statement_id"] for s in everything] and len(set(walked)) == len(walked) > 100
    searched = pg.get("/api/statements", params={"search": "climate", "kind": "commitment"}).json()["items"]
    assert searched and all("climat" in s["text"].lower() for s in searched)
    assert pg.get("/api/statements", params={"actor": "Nowhereland"}).status_code == 422
    threads = pg.get("/api/threads").json()["items"]
    assert threads and pg.get(f"/api/threads/{threads[0]['id']}").json()["members"]
    assert pg.get("/api/dossiers/ML-1").json()["entity"] == "ML-1"
    csv = pg.get("/api/statements", params={"format": "csv", "limit": 5}).text.splitlines()
    assert csv[0].startswith("statement_id,record_id,document_id") and len(csv) == 6


def test_a_write_on_postgres(pg):
    thread = next(t for t in pg.get("/api/threads").json()["items"] if len(t["members"]) >= 2)
    leaving = thread["members"][0]["statement_id"]
    assert pg.post(f"/api/threads/{thread['id']}/split", json={"statement": leaving}).status_code == 401
    r = pg.post(f"/api/threads/{thread['id']}/split", json={"statement": leaving, "author": "pg-test"}, headers=AUTH)
    assert r.status_code == 200 and [m["statement_id"] for m in r.json()["members"]] == [leaving]
    upload = pg.post("/api/documents", headers=AUTH, files={"file": (
        "2024-03-01-note.txt", b"Chile and Peru agreed to build a desalination plant in Arica by 2027.")})
    assert upload.status_code == 201 and upload.json()["document"]["statements"] >= 1


def test_tracking_on_postgres(pg):
    """Status with scores and a document passage, a correction winning in the ledger, the
    report and the whole-ledger export, on the team server's database."""
    thread = next(t for t in pg.get("/api/threads").json()["items"]
                  if all(set(m["actors"]) <= {"USA", "IND"} for m in t["members"]))
    first = thread["members"][0]
    doc = pg.get(f"/api/statements/{first['statement_id']}").json()["document_id"]
    r = pg.post(f"/api/threads/{thread['id']}/status", headers=AUTH, json={
        "status": "in_progress", "scores": {"USA": 1, "IND": -1}, "evidence_document": doc,
        "evidence_span": f"{first['start']}-{first['end']}", "author": "pg-test"})
    assert r.status_code == 201, r.text
    assert r.json()["evidence_quote"] == first["text"]
    pg.post(f"/api/threads/{thread['id']}/status", headers=AUTH, json={"status": "fulfilled"})
    history = pg.get(f"/api/threads/{thread['id']}/status").json()
    assert [e["status"] for e in history["items"]] == ["in_progress", "fulfilled"]
    assert history["current"]["scores"] == {"IND": -1, "USA": 1}

    key = first["statement_id"]
    r = pg.post(f"/api/statements/{key}/review", headers=AUTH, json={"action": "correct", "sectors": ["space"]})
    assert r.status_code == 200 and pg.get(f"/api/statements/{key}").json()["sectors"] == ["space"]
    assert key in {s["statement_id"] for s in pg.get("/api/statements", params={"sector": "space", "limit": 1000}).json()["items"]}

    rows = {r["group"]: r for r in pg.get("/api/reports/compliance").json()["rows"]}
    assert rows["USA"]["plus"] == 1 and rows["IND"]["minus"] == 1
    exported = pg.get("/api/export", params={"sector": "space"}).text
    assert key in exported
