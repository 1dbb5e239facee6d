"""No endpoint answers with a traceback: a ledger that breaks under the server gives a JSON
500 that names no code, and every error under /api has the same shape."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from tests.api.conftest import AUTH, client_for


@pytest.fixture(scope="module")
def broken(example_template, tmp_path_factory):
    """A server whose ledger loses its documents table after it started."""
    path = tmp_path_factory.mktemp("broken") / "ledger.db"
    shutil.copyfile(example_template, path)
    with client_for(str(path), token="t") as c:
        with sqlite3.connect(path) as conn:
            conn.execute("ALTER TABLE documents RENAME TO documents_gone")
        yield c


def _no_traceback(text: str) -> None:
    for leak in ("Traceback", 'File "', "sqlalchemy", "sqlite3", "OperationalError", "documents_gone"):
        assert leak not in text, text


@pytest.mark.parametrize("path", ["/api/documents", "/api/documents/1", "/api/statements", "/api/threads",
                                  "/api/dossiers", "/api/dossiers/ML-1"])
def test_a_broken_ledger_gives_a_json_500_without_its_cause(broken, path):
    r = broken.get(path)
    assert r.status_code == 500
    assert r.json() == {"error": "internal error",
                        "detail": "the server could not answer this request; the server's log has the cause"}
    _no_traceback(r.text)
    assert "script-src 'self'" in r.headers["content-security-policy"]


def test_a_broken_ledger_on_a_write_is_a_json_500_too(broken):
    r = broken.post("/api/documents", files={"file": ("n.txt", b"Peru will open a consulate in Lima.")},
                    headers={"Authorization": "Bearer t"})
    assert r.status_code == 500 and r.json()["error"] == "internal error"
    _no_traceback(r.text)


@pytest.mark.parametrize("method, path, status", [
    ("GET", "/api/nothing", 404), ("GET", "/api/threads/abc", 422), ("PUT", "/api/documents", 405),
    ("DELETE", "/api/threads/1", 405), ("GET", "/api/statements?limit=-1", 422),
    ("GET", "/api/dossiers/" + "x" * 300, 422), ("POST", "/api/threads/1/merge", 422),
])
def test_errors_under_api_are_json_with_error_and_detail(client, method, path, status):
    r = client.request(method, path, headers=AUTH)
    assert r.status_code == status
    assert r.headers["content-type"] == "application/json"
    body = r.json()
    assert set(body) == {"error", "detail"} and body["error"] and "\n" not in body["error"]
    _no_traceback(r.text)


def test_a_missing_sqlite_ledger_is_refused_and_not_created(tmp_path):
    from pledgebook.serve.app import create_app
    from pledgebook.store import LedgerUnavailable

    with pytest.raises(LedgerUnavailable, match="no ledger at"):
        create_app(str(tmp_path / "typo.db"))
    assert list(tmp_path.iterdir()) == []
