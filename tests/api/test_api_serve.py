"""`pledgebook serve` starts a real server (uvicorn) that answers on loopback, and refuses
what it cannot serve with a one-line error and exit 2."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, headers: dict | None = None) -> tuple[int, dict]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


def _start(args: list[str], env: dict) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, "-m", "pledgebook", "serve", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)
    address = proc.stdout.readline().strip()  # printed before it serves
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if _get(address + "api/documents")[0] == 200:
                return proc, address
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.3)
    proc.kill()
    raise AssertionError(f"server did not answer: {proc.stderr.read()}")


def _stop(proc: subprocess.Popen) -> str:
    proc.send_signal(signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise
    return err


def test_serve_starts_prints_its_address_and_answers(ledger, tmp_path: Path):
    port = _free_port()
    token_file = tmp_path / "token"
    token_file.write_text("file-token\n", encoding="utf-8")
    proc, address = _start(["--db", str(ledger), "--port", str(port), "--token-file", str(token_file),
                            "--max-upload-mb", "0.05"], dict(os.environ))
    try:
        assert address == f"http://127.0.0.1:{port}/"
        status, body = _get(address + "api/documents")
        assert status == 200 and len(body["items"]) >= 6
        status, body = _get(address + "api/threads/1")
        assert status in (200, 404) and body
        _refuses_a_streamed_upload_over_the_limit(port)
        merge = urllib.request.Request(address + "api/threads/1/merge", data=b'{"other": 2}', method="POST",
                                       headers={"Authorization": "Bearer wrong", "Content-Type": "application/json"})
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(merge, timeout=10)
        assert err.value.code == 401  # a token is configured (from the file): a wrong one is 401, not 403
    finally:
        err = _stop(proc)
    assert "pledgebook serving" in err and "writes need the token" in err
    assert "Traceback" not in err


def _refuses_a_streamed_upload_over_the_limit(port: int) -> None:
    """A chunked upload (no Content-Length) is answered 413 once it passes the limit (50 KB
    here), long before the client has sent it all (64 MB; what it gets to send meanwhile is
    what the sockets' buffers hold)."""
    head = (f"POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer file-token\r\n"
            "Content-Type: multipart/form-data; boundary=b\r\nTransfer-Encoding: chunked\r\n\r\n").encode()
    part = b'--b\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n\r\n'
    chunk = b"a" * 8192
    with socket.create_connection(("127.0.0.1", port), timeout=20) as conn:
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 16384)
        conn.sendall(head + b"%x\r\n" % len(part) + part + b"\r\n")
        sent = 0
        try:
            for _ in range(8192):  # 64 MB
                conn.sendall(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
                sent += len(chunk)
                conn.settimeout(0.0)
                try:
                    if conn.recv(1, socket.MSG_PEEK):
                        break
                except BlockingIOError:
                    pass
                finally:
                    conn.settimeout(20)
        except (BrokenPipeError, ConnectionResetError):
            pass
        conn.settimeout(20)
        answer = conn.recv(65536).decode("latin-1")  # the status line and headers at least
    assert answer.startswith("HTTP/1.1 413"), answer[:200]
    assert "content-type: application/json" in answer.lower()
    assert sent < 16 * 1024 * 1024, f"the server let {sent} bytes through before refusing"


def test_serve_reads_the_token_from_the_environment(ledger):
    port = _free_port()
    env = {**os.environ, "PLEDGEBOOK_TOKEN": "env-token"}
    proc, address = _start(["--db", str(ledger), "--port", str(port)], env)
    try:
        request = urllib.request.Request(address + "api/threads/1/merge", data=b'{"other": 2}', method="POST",
                                         headers={"Authorization": "Bearer nope", "Content-Type": "application/json"})
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(request, timeout=10)
        assert err.value.code == 401
    finally:
        _stop(proc)


@pytest.mark.parametrize("args, message", [
    (["--db", "{tmp}/missing.db"], "no ledger at"),
    (["--db", "{ledger}", "--token-file", "{tmp}/empty-token"], "the file is empty"),
    (["--db", "{ledger}", "--token-file", "{tmp}/no-such-token"], "No such file"),
])
def test_serve_refuses_what_it_cannot_serve_with_exit_2(ledger, tmp_path, args, message):
    from pledgebook.serve.cli import app

    (tmp_path / "empty-token").write_text(" \n", encoding="utf-8")
    argv = ["serve", *(a.format(tmp=tmp_path, ledger=ledger) for a in args)]
    result = CliRunner().invoke(app, argv)
    assert result.exit_code == 2 and message in result.output
    assert not (tmp_path / "missing.db").exists()
