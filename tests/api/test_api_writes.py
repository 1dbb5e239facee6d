"""Writes: the bearer token (403 read-only, 401 missing or wrong, checked before a body is
read), uploads (ingested and linked; a bad file or one over the limit stores nothing, and the
limit holds while the body streams), merge and split."""

from __future__ import annotations

import anyio
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pledgebook.store.models import Document
from tests.api.conftest import AUTH, TOKEN, client_for

NOTE = ("Joint Statement of Japan and India\n\nTokyo, 12 May 2024. The Prime Minister of Japan and the Prime "
        "Minister of India met in Tokyo.\n\nThe two sides agreed to build a high-speed railway between Mumbai and "
        "Ahmedabad by 2030. Japan pledged to expand its investment in Indian infrastructure.\n")


def _documents(engine) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count(Document.id)))


def _upload(client, name: str, data: bytes, headers=AUTH):
    return client.post("/api/documents", files={"file": (name, data, "application/octet-stream")}, headers=headers)


@pytest.fixture(scope="module")
def readonly(ledger):
    with client_for(str(ledger)) as c:
        yield c


def _a_thread(client) -> dict:
    return next(t for t in client.get("/api/threads", params={"limit": 50}).json()["items"] if len(t["members"]) >= 3)


def test_a_server_without_a_token_refuses_every_write_with_403(readonly, engine):
    before = _documents(engine)
    thread = _a_thread(readonly)
    for r in (_upload(readonly, "note.txt", NOTE.encode(), headers={}),
              _upload(readonly, "note.txt", NOTE.encode(), headers=AUTH),
              readonly.post(f"/api/threads/{thread['id']}/merge", json={"other": 1}, headers=AUTH),
              readonly.post(f"/api/threads/{thread['id']}/split",
                            json={"statement": thread["members"][0]["statement_id"]})):
        assert r.status_code == 403 and r.json()["error"] == "read-only server"
    assert _documents(engine) == before
    assert readonly.get(f"/api/threads/{thread['id']}").json()["members"] == thread["members"]


@pytest.mark.parametrize("headers, error", [
    ({}, "unauthorized"),
    ({"Authorization": "Bearer"}, "unauthorized"),
    ({"Authorization": f"Basic {TOKEN}"}, "unauthorized"),
    ({"Authorization": "Bearer not-the-token"}, "wrong token"),
    ({"Authorization": f"Bearer {TOKEN}x"}, "wrong token"),
])
def test_a_missing_or_wrong_token_is_401(client, engine, headers, error):
    before = _documents(engine)
    r = _upload(client, "note.txt", NOTE.encode(), headers=headers)
    assert r.status_code == 401 and r.json()["error"] == error
    assert r.headers["www-authenticate"] == "Bearer"
    assert client.post("/api/threads/1/merge", json={"other": 2}, headers=headers).status_code == 401
    assert _documents(engine) == before


def test_an_upload_is_ingested_and_linked_like_ingest(client, engine):
    before = _documents(engine)
    r = _upload(client, "2024-05-12-japan-india-joint-statement.txt", NOTE.encode())
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["outcome"] == "new" and body["linked"] is not None
    doc = body["document"]
    assert doc["source"] == "2024-05-12-japan-india-joint-statement.txt" and doc["date"] == "2024-05-12"
    assert doc["statements"] >= 2 and set(doc["parties"]) >= {"JPN", "IND"}
    assert _documents(engine) == before + 1
    shown = client.get(f"/api/documents/{doc['id']}").json()
    assert shown["text"] == NOTE and len(shown["statements"]) == doc["statements"]
    found = client.get("/api/statements", params={"search": "high-speed railway"}).json()["items"]
    assert any(s["document_id"] == doc["record_id"] for s in found)
    again = _upload(client, "copy.txt", NOTE.encode())
    assert again.status_code == 200 and again.json()["outcome"] == "unchanged"
    assert _documents(engine) == before + 1


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty file"),
    ("letter.docx", b"PK\x03\x04 not a document we read", "unsupported format .docx"),
    ("scan.pdf", b"this is no PDF", "malformed PDF"),
    ("blank.md", b"   \n\n  ", "no text"),
    ("symbols.txt", b"!!! ??? ... ---", "no text"),
])
def test_a_bad_file_is_422_with_the_readers_error_and_stores_nothing(client, engine, name, data, reason):
    before = _documents(engine)
    r = _upload(client, name, data)
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["error"] == "unreadable document" and body["detail"].startswith(f"{name}: ")
    assert reason in body["detail"] and "\n" not in body["detail"]
    assert _documents(engine) == before


def test_an_upload_without_a_file_field_is_422(client):
    r = client.post("/api/documents", data={"text": "hello"}, headers=AUTH)
    assert r.status_code == 422 and r.json()["detail"][0]["where"] == "body.file"


def test_the_file_name_is_reduced_to_a_safe_base_name():
    from pledgebook.serve.api.documents import safe_name

    assert safe_name("../../etc/2024-01-02 note.txt") == "2024-01-02 note.txt"
    assert safe_name("C:\\Users\\me\\statement.md") == "statement.md"
    assert safe_name("evil\u202etxt.exe.md") == "evil_txt.exe.md"
    assert safe_name("...") == "upload"


def test_an_upload_over_the_limit_is_413_and_stores_nothing(ledger, engine):
    with client_for(str(ledger), token=TOKEN, max_upload_bytes=64 * 1024) as small:
        before = _documents(small.app.state.engine)
        r = _upload(small, "big.txt", NOTE.encode() * 400)
        assert r.status_code == 413 and r.json()["error"] == "request too large"
        assert "65536 bytes" in r.json()["detail"]
        assert _documents(small.app.state.engine) == before
        assert _upload(small, "2024-05-13-small.txt", NOTE.replace("Tokyo", "Osaka").encode()).status_code == 201


BOUNDARY = "pledgebookboundary"
PART_HEAD = (f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n'
             "Content-Type: text/plain\r\n\r\n").encode()


def _call(app, headers: dict, chunks) -> tuple[int, bytes, int]:
    """One POST /api/documents straight through the ASGI app, its body pulled chunk by chunk
    (no Content-Length: chunked, as a streaming client sends it). Returns status, body and how
    many chunks the app pulled."""
    pulled = 0
    source = iter(chunks)
    sent: list[dict] = []

    async def receive() -> dict:
        nonlocal pulled
        chunk = next(source, None)
        if chunk is None:
            return {"type": "http.request", "body": b"", "more_body": False}
        pulled += 1
        return {"type": "http.request", "body": chunk, "more_body": True}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
             "path": "/api/documents", "raw_path": b"/api/documents", "query_string": b"", "root_path": "",
             "headers": [(k.encode(), v.encode()) for k, v in headers.items()],
             "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 80)}
    anyio.run(app, scope, receive, send)
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    return status, b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body"), pulled


def _endless_upload():
    yield PART_HEAD
    for _ in range(2000):  # 128 MB if it were all read
        yield b"a" * 65536


def test_the_limit_holds_while_the_upload_streams(ledger):
    from pledgebook.serve.app import create_app

    app = create_app(str(ledger), token=TOKEN, max_upload_bytes=1024 * 1024)
    before = _documents(app.state.engine)
    headers = {"content-type": f"multipart/form-data; boundary={BOUNDARY}", "authorization": f"Bearer {TOKEN}"}
    status, body, pulled = _call(app, headers, _endless_upload())
    assert status == 413 and b"request too large" in body
    assert pulled <= 1024 * 1024 // 65536 + 2  # stopped at the limit, not after reading it all
    assert _documents(app.state.engine) == before
    app.state.engine.dispose()


def test_the_token_is_checked_before_the_body_is_read(ledger):
    from pledgebook.serve.app import create_app

    app = create_app(str(ledger), token=TOKEN)
    headers = {"content-type": f"multipart/form-data; boundary={BOUNDARY}", "authorization": "Bearer wrong"}
    status, body, pulled = _call(app, headers, _endless_upload())
    assert status == 401 and pulled == 0
    app.state.engine.dispose()


def test_split_then_merge_back_with_the_token(client):
    thread = _a_thread(client)
    leaving = thread["members"][-1]["statement_id"]
    r = client.post(f"/api/threads/{thread['id']}/split", json={"statement": leaving, "author": "tester",
                                                                  "note": "not the same pledge"}, headers=AUTH)
    assert r.status_code == 200, r.text
    alone = r.json()
    assert alone["id"] != thread["id"] and [m["statement_id"] for m in alone["members"]] == [leaving]
    rest = client.get(f"/api/threads/{thread['id']}").json()
    assert leaving not in [m["statement_id"] for m in rest["members"]]
    r = client.post(f"/api/threads/{thread['id']}/merge", json={"other": alone["id"], "author": "tester"}, headers=AUTH)
    assert r.status_code == 200
    assert sorted(m["statement_id"] for m in r.json()["members"]) == sorted(m["statement_id"] for m in thread["members"])


@pytest.mark.parametrize("action, body, status", [
    ("merge", {"other": "SELF"}, 409),
    ("merge", {"other": 999999}, 404),
    ("split", {"statement": "no:such-key"}, 409),
    ("merge", {"other": 0}, 422),
    ("merge", {}, 422),
    ("merge", {"other": 2, "colour": "red"}, 422),
    ("split", {"statement": ""}, 422),
])
def test_merge_and_split_errors(client, action, body, status):
    thread = _a_thread(client)
    if body.get("other") == "SELF":
        body = {"other": thread["id"]}
    r = client.post(f"/api/threads/{thread['id']}/{action}", json=body, headers=AUTH)
    assert r.status_code == status, r.text
    assert set(r.json()) == {"error", "detail"}


def test_a_body_that_is_not_json_is_a_json_error(client):
    r = client.post("/api/threads/1/merge", content=b"{not json", headers={**AUTH, "content-type": "application/json"})
    assert r.status_code == 422 and set(r.json()) == {"error", "detail"}


def test_pages_walk_undated_documents_too(client, engine):
    """Undated documents sort last; the cursor of a page ending among them goes on there."""
    from pledgebook.store import query_ledger

    for n, text in enumerate(["Chile and Peru agreed to build a desalination plant in Arica.",
                              "Chile will open a consulate in Tacna. Peru pledged to upgrade the border crossing."]):
        r = _upload(client, f"undated-{n}.txt", text.encode())
        assert r.status_code == 201 and r.json()["document"]["date"] is None
    walked, url = [], "/api/statements?limit=3"
    while url:
        body = client.get(url).json()
        walked += [s["statement_id"] for s in body["items"]]
        url = body["next"]
    expected = [r.statement_id for r in query_ledger(engine)]
    assert walked == expected and query_ledger(engine)[-1].document_date is None


def test_the_server_links_with_the_embedder_it_was_given(ledger):
    """`serve --embedder` / ``create_app(embedder=...)``: an upload is linked with that embedder
    (not one the environment names); one that cannot run is refused when the app is made."""
    from pledgebook.link import make_embedder
    from pledgebook.serve.app import create_app

    with client_for(str(ledger), token=TOKEN, embedder="hashing") as hashing:
        r = _upload(hashing, "2024-06-02-kenya-korea.txt",
                    b"Nairobi, 2 June 2024. Kenya and Korea agreed to build a desalination plant in Mombasa by 2027.\n")
        assert r.status_code == 201, r.text
        assert r.json()["linked"]["embedder"] == make_embedder("hashing").id
    with pytest.raises(ValueError, match="unknown embedder 'nonsense'"):
        create_app(str(ledger), embedder="nonsense")
