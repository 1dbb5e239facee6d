"""The tracking endpoints over the example ledger: status with evidence and scores (history
kept, current derived), review (accept, reject, correct, add) winning in the ledger's answers,
the compliance report checked by hand, the review export as a gold zip, the whole-ledger
export, and suggestion decisions. Every write refused without the token, and nothing written."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
import yaml
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pledgebook.store.models import ReviewCorrection, StatusEntry
from tests.api.conftest import AUTH, client_for

US_INDIA_2021 = "2021-09-24-u-s-india-joint-leaders-statement"


def _rows(engine, model) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(model))


def _threads(client, n: int = 3) -> list[dict]:
    """Threads of the US-India statements, largest first."""
    items = client.get("/api/threads", params={"limit": 100}).json()["items"]
    found = [t for t in items if all(set(m["actors"]) <= {"USA", "IND"} for m in t["members"])]
    assert len(found) >= n
    return found[:n]


def _statement(client, **params) -> dict:
    return client.get("/api/statements", params={"limit": 1, **params}).json()["items"][0]


@pytest.fixture(scope="module")
def readonly(ledger):
    with client_for(str(ledger)) as c:
        yield c


def test_status_history_is_appended_and_the_current_status_derived(client):
    thread = _threads(client)[0]["id"]
    first = client.post(f"/api/threads/{thread}/status", headers=AUTH, json={
        "status": "in_progress", "scores": {"USA": 1, "India": 0}, "evidence": "https://example.org/report",
        "note": "talks began", "author": "analyst-a"})
    assert first.status_code == 201, first.text
    assert first.json()["scores"] == {"IND": 0, "USA": 1}  # a party by name resolves to its code
    assert first.json()["evidence_url"] == "https://example.org/report"
    second = client.post(f"/api/threads/{thread}/status", headers=AUTH, json={"scores": {"IND": 1}})
    assert second.status_code == 201 and second.json()["status"] == "in_progress"  # kept: only a score given
    third = client.post(f"/api/threads/{thread}/status", headers=AUTH,
                        json={"status": "fulfilled", "evidence": "inaugurated <b>on time</b>"})
    body = client.get(f"/api/threads/{thread}/status").json()
    assert [e["status"] for e in body["items"]] == ["in_progress", "in_progress", "fulfilled"]
    assert [e["id"] for e in body["items"]] == [first.json()["id"], second.json()["id"], third.json()["id"]]
    assert body["items"][0]["author"] == "analyst-a" and body["items"][2]["evidence_text"] == "inaugurated <b>on time</b>"
    current = body["current"]
    assert current["status"] == "fulfilled" and current["entries"] == 3
    assert current["scores"] == {"IND": 1, "USA": 1}  # each party's latest score
    listed = client.get("/api/status", params={"status": "fulfilled"}).json()["items"]
    assert any(c["target"] == "thread" and c["target_id"] == str(thread) for c in listed)


def test_status_on_a_statement_with_a_document_passage_as_evidence(client):
    st = _statement(client, actor="USA", kind="commitment")
    doc = client.get(f"/api/documents/{st['document_id']}").json()
    r = client.post(f"/api/statements/{st['statement_id']}/status", headers=AUTH, json={
        "status": "stalled", "evidence_document": st["document_id"], "evidence_span": f"{st['start']}-{st['end']}"})
    assert r.status_code == 201, r.text
    assert r.json()["evidence_quote"] == doc["text"][st["start"]:st["end"]]
    history = client.get(f"/api/statements/{st['statement_id']}/status").json()
    assert history["current"]["target"] == "statement" and history["current"]["status"] == "stalled"


def test_status_on_a_dossier_by_an_alias(client):
    r = client.post("/api/dossiers/Gwadar Port/status", headers=AUTH, json={"status": "in_progress"})
    assert r.status_code == 201, r.text
    assert client.get("/api/dossiers/Gwadar Port/status").json()["current"]["status"] == "in_progress"


@pytest.mark.parametrize("body, word", [
    ({"status": "finished"}, "pledged"),  # the message lists the valid labels
    ({"scores": {"Atlantis": 1}}, "unknown party"),
    ({"evidence_document": "no-such-doc"}, "no stored document"),
    ({"evidence_span": "1-5"}, "needs its document"),
])
def test_a_refused_status_is_422_with_its_reason_and_writes_nothing(client, engine, body, word):
    thread = _threads(client)[1]["id"]
    before = _rows(engine, StatusEntry)
    r = client.post(f"/api/threads/{thread}/status", headers=AUTH, json=body)
    assert r.status_code == 422 and word in r.json()["detail"], r.text
    assert _rows(engine, StatusEntry) == before


def test_status_of_something_that_does_not_exist_is_404(client):
    assert client.get("/api/threads/999999/status").status_code == 404
    assert client.post("/api/threads/999999/status", headers=AUTH, json={"status": "pledged"}).status_code == 404
    assert client.get("/api/statements/0000000000000000:1-2/status").status_code == 404
    assert client.get("/api/statements/12/status").json()["error"] == "no such statement"
    assert client.get("/api/dossiers/Atlantis Bridge/status").status_code == 404
    assert client.post("/api/threads/1/status", headers=AUTH, json={"score": 1}).status_code == 422  # unknown field


def test_labels_come_from_the_tracking_codebook(client):
    body = client.get("/api/status/labels").json()
    assert [x["id"] for x in body["labels"]] == ["pledged", "in_progress", "fulfilled", "stalled", "dropped"]
    assert body["fulfilled"] == "fulfilled" and body["default"] == "pledged"


def test_a_correction_wins_in_the_ledger_and_a_rejection_hides_the_statement(client):
    st = _statement(client, actor="USA", kind="commitment", sector="health")
    key = st["statement_id"]
    r = client.post(f"/api/statements/{key}/review", headers=AUTH, json={
        "action": "correct", "sectors": ["space"], "actors": ["Japan", "USA"], "strength": "soft",
        "author": "analyst-b", "note": "misread"})
    assert r.status_code == 200, r.text
    assert r.json()["state"] == "corrected" and r.json()["fields"]["actors"] == ["JPN", "USA"]
    shown = client.get(f"/api/statements/{key}").json()
    assert shown["sectors"] == ["space"] and shown["actors"] == ["JPN", "USA"] and shown["strength"] == "soft"
    keys = {s["statement_id"] for s in client.get("/api/statements", params={"actor": "JPN", "limit": 1000}).json()["items"]}
    assert key in keys  # the ledger query filters on the corrected value

    assert client.post(f"/api/statements/{key}/review", headers=AUTH, json={"action": "reject"}).status_code == 200
    assert client.get(f"/api/statements/{key}").status_code == 404
    accepted = client.post(f"/api/statements/{key}/review", headers=AUTH, json={"action": "accept"})
    assert accepted.status_code == 200 and accepted.json()["entries"] == 3
    assert client.get(f"/api/statements/{key}").json()["sectors"] == ["space"]  # shown again, as corrected


@pytest.mark.parametrize("body, word", [
    ({"action": "correct"}, "nothing to correct"),
    ({"action": "correct", "kind": "promise"}, "unknown kind"),
    ({"action": "correct", "sectors": ["astrology"]}, "unknown sector"),
    ({"action": "correct", "span": "9-3"}, "span"),
])
def test_a_refused_review_is_422_and_writes_nothing(client, engine, body, word):
    key = _statement(client, actor="IND")["statement_id"]
    before = _rows(engine, ReviewCorrection)
    r = client.post(f"/api/statements/{key}/review", headers=AUTH, json=body)
    assert r.status_code == 422 and word in r.json()["detail"], r.text
    assert _rows(engine, ReviewCorrection) == before
    assert client.post("/api/statements/ffffffffffffffff:1-9/review", headers=AUTH,
                       json={"action": "accept"}).status_code == 404


def test_an_added_statement_is_listed_and_exported_as_gold(client):
    st = _statement(client, actor="IND", kind="commitment")
    doc = client.get(f"/api/documents/{st['document_id']}").json()
    quote = doc["text"][st["end"] + 1:st["end"] + 60].strip().split("\n")[0][:40]
    assert quote
    r = client.post("/api/reviews", headers=AUTH, json={
        "document": st["document_id"], "kind": "position", "quote": quote, "sectors": ["trade"], "author": "analyst-c"})
    assert r.status_code == 201, r.text
    added = r.json()
    assert added["state"] == "added" and added["statement_id"].startswith("added:") and added["text"] == quote
    listed = {x["statement_id"]: x for x in client.get("/api/reviews").json()["items"]}
    assert listed[added["statement_id"]]["document_id"] == st["document_id"]

    r = client.get("/api/reviews/export")
    assert r.status_code == 200 and r.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(r.content)) as zf:
        names = zf.namelist()
        gold = [n for n in names if n.endswith(".yaml")]
        assert gold and all(f"texts/" in n or n in gold for n in names)
        anchors = [s["anchor"] for n in gold for s in yaml.safe_load(zf.read(n))["statements"]]
    assert quote in anchors


def test_the_compliance_report_matches_a_count_by_hand(ledger):
    """A fresh copy of the ledger: scores set here only. USA +1 and IND -1 on one thread, USA 0
    on another: USA 2 assessments (+1, 0: average 0.5), IND 1 (-1)."""
    import shutil

    fresh = ledger.with_name("report.db")
    shutil.copyfile(ledger, fresh)
    with client_for(str(fresh), token=AUTH["Authorization"].split()[1]) as c:
        one, two = (t["id"] for t in _threads(c, 2))
        assert c.post(f"/api/threads/{one}/status", headers=AUTH, json={"scores": {"USA": 1, "IND": -1}}).status_code == 201
        assert c.post(f"/api/threads/{two}/status", headers=AUTH, json={"scores": {"USA": 0}}).status_code == 201
        body = c.get("/api/reports/compliance", params={"by": "party"}).json()
        rows = {r["group"]: r for r in body["rows"]}
        assert rows["USA"]["assessments"] == 2 and rows["USA"]["average"] == 0.5
        assert rows["USA"]["share_plus"] == 0.5 and rows["USA"]["share_zero"] == 0.5
        assert rows["IND"]["assessments"] == 1 and rows["IND"]["average"] == -1.0 and rows["IND"]["minus"] == 1
        assert body["total"]["commitments"] == 2 and body["total"]["assessments"] == 3
        assert body["chart"]["labels"] == [r["group"] for r in body["rows"]]
        r = c.get("/api/reports/compliance", params={"by": "year", "format": "csv"})
        assert r.headers["content-type"].startswith("text/csv")
        table = list(csv.DictReader(io.StringIO(r.text)))
        assert table[-1]["group"] == "total" and table[-1]["assessments"] == "3"
        assert c.get("/api/reports/compliance", params={"by": "planet"}).status_code == 422


def test_the_export_holds_the_whole_filtered_ledger(client):
    everything = []
    link = "/api/statements?limit=100"
    while link:
        page = client.get(link).json()
        everything += page["items"]
        link = page["next"]
    r = client.get("/api/export")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    exported = [x["statement_id"] for x in rows]
    # every paged statement, analysts' added ones included, in the same order
    assert exported == [x["statement_id"] for x in everything]
    lines = client.get("/api/export", params={"format": "jsonl", "kind": "commitment", "actor": "IND"}).text.splitlines()
    assert lines and all('"kind": "commitment"' in line or '"kind":"commitment"' in line for line in lines)
    assert client.get("/api/export", params={"actor": "Atlantis"}).status_code == 422


def test_suggestion_decisions(client, engine):
    from pledgebook.track.suggest import suggestions

    found = suggestions(engine)
    assert found, "the examples hold a pledge worded weaker in a later statement"
    r = client.post("/api/suggestions/decisions", headers=AUTH,
                    json={"key": found[0].key, "decision": "dismiss", "note": "not this one"})
    assert r.status_code == 201, r.text
    assert r.json()["decision"] == "dismiss" and r.json()["status_id"] is None
    bad = client.post("/api/suggestions/decisions", headers=AUTH, json={"key": "x:y", "decision": "confirm"})
    assert bad.status_code == 422 and "THREAD_ID" in bad.json()["detail"]


def test_every_tracking_write_is_refused_without_the_token(client, readonly, engine):
    thread = _threads(client)[0]["id"]
    key = _statement(client)["statement_id"]
    writes = [("post", f"/api/threads/{thread}/status", {"status": "dropped"}),
              ("post", f"/api/statements/{key}/status", {"status": "dropped"}),
              ("post", "/api/dossiers/Gwadar Port/status", {"status": "dropped"}),
              ("post", f"/api/statements/{key}/review", {"action": "reject"}),
              ("post", "/api/reviews", {"document": "x", "kind": "position", "quote": "x"}),
              ("post", "/api/suggestions/decisions", {"key": "1:a:completion", "decision": "confirm"})]
    before = (_rows(engine, StatusEntry), _rows(engine, ReviewCorrection))
    for _, path, body in writes:
        assert client.post(path, json=body).status_code == 401, path
        assert client.post(path, json=body, headers={"Authorization": "Bearer nope"}).status_code == 401, path
        r = readonly.post(path, json=body, headers=AUTH)
        assert r.status_code == 403 and r.json()["error"] == "read-only server", path
    assert (_rows(engine, StatusEntry), _rows(engine, ReviewCorrection)) == before
