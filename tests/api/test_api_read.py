"""The read endpoints over the example ledger: what each returns, and that it is what the
CLI's services return for the same question."""

from __future__ import annotations

import pytest

from pledgebook.serve.filters import statement_query
from pledgebook.serve.rows import STATEMENTS


def _keys(rows) -> list[str]:
    return [r.statement_id if hasattr(r, "statement_id") else r["statement_id"] for r in rows]


def test_documents_list_newest_ingested_first_with_counts(client):
    body = client.get("/api/documents").json()
    docs = body["items"]
    assert len(docs) == 6 and body["next"] is None
    assert [d["id"] for d in docs] == sorted((d["id"] for d in docs), reverse=True)
    founding = next(d for d in docs if "china-pakistan" in d["source"])
    assert founding["date"] == "2023-10-20" and set(founding["parties"]) == {"CHN", "PAK"}
    assert founding["statements"] > 20 and founding["extractor_version"]


def test_document_by_row_id_and_by_record_id(client, engine):
    doc = next(d for d in client.get("/api/documents").json()["items"] if "china-pakistan" in d["source"])
    by_id = client.get(f"/api/documents/{doc['id']}").json()
    by_record = client.get(f"/api/documents/{doc['record_id']}").json()
    assert by_id == by_record
    assert by_id["document"] == doc
    statements = by_id["statements"]
    assert len(statements) == doc["statements"]
    assert [s["start"] for s in statements] == sorted(s["start"] for s in statements)
    for s in statements:  # every span points into the text served with it
        assert by_id["text"][s["start"]:s["end"]] == s["text"]
        assert list(s) == STATEMENTS.names


@pytest.mark.parametrize("ref", ["999999", "0123456789abcdef"])
def test_unknown_document_is_a_json_404(client, ref):
    r = client.get(f"/api/documents/{ref}")
    assert r.status_code == 404 and r.json()["error"] == "no such document"


def test_a_document_ref_that_is_not_an_id_is_refused_not_read_as_a_path(client):
    r = client.get("/api/documents/..%2F..%2Fetc%2Fpasswd")
    assert r.status_code in (404, 422) and "error" in r.json()
    r = client.get("/api/diff", params={"old": "/etc/passwd", "new": "1"})
    assert r.status_code == 422 and r.json()["detail"][0]["where"] == "query.old"


@pytest.mark.parametrize("params, cli", [
    ({"actor": ["India"]}, {"actor": ["India"]}),
    ({"actor": ["PAK", "usa"]}, {"actor": ["PAK", "usa"]}),
    ({"kind": ["commitment"], "sector": ["defense"]}, {"kind": ["commitment"], "sector": ["defense"]}),
    ({"entity": ["Main Line 1"]}, {"entity": ["Main Line 1"]}),
    ({"since": "2023", "until": "2023-12"}, {"since": "2023", "until": "2023-12"}),
    ({"search": "climate"}, {"search": "climate"}),
    ({"search": '"joint working group"'}, {"search": '"joint working group"'}),
    ({"due": "2025"}, {"due": "2025"}),
    ({"overdue": "true"}, {"overdue": True}),
])
def test_statement_filters_give_what_the_ledger_command_gives(client, engine, params, cli):
    r = client.get("/api/statements", params={**params, "limit": 1000})
    assert r.status_code == 200, r.text
    expected = statement_query(cli).rows(engine)
    assert expected  # each filter finds something in the examples, so the comparison says something
    assert _keys(r.json()["items"]) == _keys(expected)


def test_filters_narrow_the_ledger(client):
    everything = client.get("/api/statements", params={"limit": 1000}).json()["items"]
    commitments = client.get("/api/statements", params={"kind": "commitment", "limit": 1000}).json()["items"]
    ml1 = client.get("/api/statements", params={"entity": "ML-1", "limit": 1000}).json()["items"]
    assert 0 < len(commitments) < len(everything)
    assert {s["kind"] for s in commitments} == {"commitment"}
    assert ml1 and all("ML-1" in s["entities"] for s in ml1)


@pytest.mark.parametrize("params, where, listed", [
    ({"kind": "promise"}, "query.kind", "commitment, position"),
    ({"sector": "astrology"}, "query.sector", "`pledgebook sectors`"),
    ({"actor": "INDX"}, "query.actor", "did you mean IND"),
    ({"entity": "Nowhere Railway"}, "query.entity", "no project or other entity"),
    ({"since": "2024-13"}, "query.since", "is not a date"),
    ({"due": "soon"}, "query.due", "is not a date"),
])
def test_unknown_ids_are_422_listing_valid_ones(client, params, where, listed):
    r = client.get("/api/statements", params=params)
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["detail"][0]["where"] == where and listed in body["error"]


@pytest.mark.parametrize("params", [{"actors": "IND"}, {"limit": "0"}, {"limit": "1001"}, {"limit": "ten"},
                                    {"format": "xml"}, {"overdue": "maybe"}, {"search": "x" * 501}])
def test_invalid_parameters_are_422(client, params):
    r = client.get("/api/statements", params=params)
    assert r.status_code == 422 and r.json()["error"].startswith("invalid ")


def test_one_statement_by_key_with_its_thread(client, engine):
    from pledgebook.link import list_threads

    view = list_threads(engine)[0]
    key = view.members[0].statement_id
    r = client.get(f"/api/statements/{key}")
    assert r.status_code == 200
    body = r.json()
    assert body["statement_id"] == key and body["thread_id"] == view.id
    assert client.get("/api/statements/nope:1-2").status_code == 404


def test_threads_list_filters_and_one_thread(client, engine):
    from pledgebook.link import ThreadFilter, list_threads

    body = client.get("/api/threads").json()
    assert [t["id"] for t in body["items"]] == [v.id for v in list_threads(engine, ThreadFilter(min_docs=2))]
    one = client.get("/api/threads", params={"min_docs": 1, "limit": 3}).json()["items"]
    assert len(one) == 3
    india = client.get("/api/threads", params={"actor": "India", "min_docs": 1, "limit": 1000}).json()["items"]
    assert india and all(any("IND" in m["actors"] for m in t["members"]) for t in india)
    tid = body["items"][0]["id"]
    thread = client.get(f"/api/threads/{tid}").json()
    assert thread["id"] == tid and len(thread["members"]) >= 2 and thread["wording"]
    assert client.get("/api/threads/999999").status_code == 404
    assert client.get("/api/threads", params={"sector": "astrology"}).status_code == 422


@pytest.mark.parametrize("params", [
    {"strength": "firm"}, {"strength": ["firm", "soft"]}, {"kind": "position"},
    {"kind": ["commitment", "position"], "strength": "moderate"},
])
def test_threads_strength_and_kind_filters_are_the_clis(client, engine, params):
    """`/api/threads?strength=&kind=` selects what `pledgebook threads --strength --kind` does."""
    from pledgebook.link import ThreadFilter, list_threads

    as_list = {k: v if isinstance(v, list) else [v] for k, v in params.items()}
    flt = ThreadFilter(min_docs=1, strengths=as_list.get("strength", ()), kinds=as_list.get("kind", ()), limit=1000)
    expected = [v.id for v in list_threads(engine, flt)]
    got = client.get("/api/threads", params={**params, "min_docs": 1, "limit": 1000}).json()["items"]
    assert [t["id"] for t in got] == expected and expected
    every = {t["id"] for t in client.get("/api/threads", params={"min_docs": 1, "limit": 1000}).json()["items"]}
    assert set(expected) < every  # the filter leaves some threads out
    for t in got:  # each given field: some member has one of its values
        for field, values in as_list.items():
            assert any(m[field] in values for m in t["members"])


@pytest.mark.parametrize("params, word", [({"strength": "mighty"}, "strength"), ({"kind": "promise"}, "kind")])
def test_threads_unknown_strength_or_kind_is_a_422_naming_the_values(client, params, word):
    r = client.get("/api/threads", params=params)
    assert r.status_code == 422 and word in r.text and ("firm" in r.text or "commitment" in r.text)


def test_threads_as_csv_one_row_each(client):
    r = client.get("/api/threads", params={"format": "csv", "min_docs": 1, "limit": 5})
    assert r.headers["content-type"].startswith("text/csv")
    lines = r.text.strip().splitlines()
    assert lines[0].startswith("thread_id,label,documents") and len(lines) == 6


def test_dossiers_and_one_dossier(client):
    listed = client.get("/api/dossiers", params={"limit": 50}).json()["items"]
    assert any(d["entity"] == "ML-1" for d in listed)
    dossier = client.get("/api/dossiers/Main Line 1").json()
    assert dossier["entity"] == "ML-1" and dossier["statements"] and dossier["story"]
    unknown = client.get("/api/dossiers/Mainline Nine")
    assert unknown.status_code == 404 and "no project" in unknown.json()["detail"]["message"]
    assert client.get("/api/dossiers", params={"kind": "planet"}).status_code == 422
    csv = client.get("/api/dossiers", params={"format": "csv"}).text.splitlines()
    assert csv[0] == "entity,entity_kind,documents,statements,threads,first_year,last_year"


def test_diff_between_two_documents(client):
    docs = {d["date"]: d for d in client.get("/api/documents").json()["items"]}
    old, new = docs["2021-09-24"]["id"], docs["2025-02-13"]["id"]
    body = client.get("/api/diff", params={"old": old, "new": new}).json()
    assert body["old"]["id"] == old and body["new"]["id"] == new
    assert body["new_commitments"] and {"repeated", "dropped"} <= set(body)
    assert client.get("/api/diff", params={"old": old, "new": 999999}).status_code == 404
    assert client.get("/api/diff", params={"old": old}).status_code == 422


def test_openapi_and_offline_docs(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/documents", "/api/statements", "/api/threads/{thread_id}/merge", "/api/diff"} <= set(spec["paths"])
    assert "HTTPBearer" in spec["components"]["securitySchemes"]
    page = client.get("/docs")
    assert page.status_code == 200 and "<script>" not in page.text and "cdn" not in page.text.lower()
    for src in ("/docs/assets/swagger-ui-bundle.js", "/docs/assets/swagger-ui.css", "/docs/static/docs-init.js"):
        assert src in page.text
        assert client.get(src).status_code == 200


@pytest.mark.parametrize("path", ["/api/documents", "/api/statements?kind=nope", "/api/nothing", "/docs",
                                  "/openapi.json"])
def test_every_answer_has_the_csp_and_nosniff(client, path):
    r = client.get(path)
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_a_threads_suggestions_are_the_services(client, engine):
    from pledgebook.track.suggest import suggestions

    found = suggestions(engine)
    assert found  # the examples hold at least one (a weaker rewording)
    for tid in sorted({s.thread_id for s in found}):
        body = client.get(f"/api/threads/{tid}/suggestions").json()
        assert body["items"] == [s.to_dict() for s in found if s.thread_id == tid]
    quiet = next(t["id"] for t in client.get("/api/threads", params={"min_docs": 1, "limit": 1000}).json()["items"]
                 if t["id"] not in {s.thread_id for s in found})
    assert client.get(f"/api/threads/{quiet}/suggestions").json() == {"items": [], "next": None}
    assert client.get("/api/threads/999999/suggestions").status_code == 404
