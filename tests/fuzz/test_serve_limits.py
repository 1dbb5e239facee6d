"""Uploads through `pledgebook serve` are read within the server's own limits (`--max-chars`,
`--max-pdf-pages`), not the defaults: a document over a lowered limit is refused with 413 and
the reader's one line, and nothing is stored."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import text

from pledgebook.read import ReadLimits
from pledgebook.serve.app import create_app
from pledgebook.store import open_database

TOKEN = "limits-token"
REPO = Path(__file__).resolve().parents[2]
# about 2,600 characters: far under the default limit, over the 2,000 the tests set
PROSE = ("The two governments agreed to expand cooperation on renewable energy and will open a joint "
         "research centre by 2027. ") * 24


def _ledger(tmp_path: Path) -> str:
    path = tmp_path / "ledger.db"
    open_database(str(path)).dispose()
    return str(path)


def _documents(db: str) -> int:
    engine = open_database(db, create=False)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM documents")).scalar_one()
    finally:
        engine.dispose()


def _multipart(name: str, data: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_refuses_an_upload_over_its_max_chars(tmp_path: Path) -> None:
    """The command as an operator runs it: `serve --max-chars 2000`, then an API upload."""
    db = _ledger(tmp_path)
    (tmp_path / "token").write_text(TOKEN)
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(REPO), os.environ.get("PYTHONPATH"))))}
    server = subprocess.Popen(
        [sys.executable, "-m", "pledgebook", "serve", "--db", db, "--port", str(port), "--token-file",
         str(tmp_path / "token"), "--max-chars", "2000", "--max-pdf-pages", "3"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        body, kind = _multipart("2024-05-02-energy.txt", PROSE.encode())
        request = urllib.request.Request(f"http://127.0.0.1:{port}/api/documents", data=body, method="POST",
                                         headers={"content-type": kind, "authorization": f"Bearer {TOKEN}"})
        answer = None
        for _ in range(600):  # the server starts in a few seconds
            try:
                urllib.request.urlopen(request, timeout=60)
            except urllib.error.HTTPError as err:
                answer = (err.code, json.loads(err.read()))
                break
            except urllib.error.URLError:
                assert server.poll() is None, server.communicate()
                time.sleep(0.1)
        assert answer is not None, "the server never answered"
    finally:
        server.terminate()
        server.communicate(timeout=60)
    status, error = answer
    assert status == 413, error
    assert error["error"] == "document over the server's limits"
    assert "text over the 2,000-character limit for one document" in error["detail"]
    assert error["detail"].startswith("2024-05-02-energy.txt: ") and "\n" not in error["detail"]
    assert _documents(db) == 0


def test_the_web_upload_uses_the_app_limits(tmp_path: Path) -> None:
    from pledgebook.serve.web.editors import SESSION_COOKIE, _derived, session_value

    db = _ledger(tmp_path)
    app = create_app(db, token=TOKEN, read_limits=ReadLimits(max_chars=2000))
    with TestClient(app) as client:
        client.cookies.set(SESSION_COOKIE, session_value(TOKEN))
        page = client.post("/upload", data={"csrf": _derived(TOKEN, "csrf")},
                           files={"file": ("2024-05-02-energy.txt", PROSE.encode(), "text/plain")})
        assert page.status_code == 413, page.text
        assert "2,000-character limit for one document" in page.text
        refused = client.post("/api/documents", headers={"authorization": f"Bearer {TOKEN}"},
                              files={"file": ("2024-05-02-energy.txt", PROSE.encode(), "text/plain")})
        assert refused.status_code == 413 and "2,000-character" in refused.json()["detail"]
    assert _documents(db) == 0
