"""What the browser tests share: a ledger of the bundled examples plus an invented hostile
document, built by the real pipeline; the real app served by uvicorn on a free loopback port;
headless Chromium (Debian's, installed by scripts/setup.sh --test) driven by Playwright."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"]
FOUNDING = "2023-10-20_china-pakistan-joint-statement"
HOSTILE = "2024-03-12-india-japan-hostile"
# Each would run if the page let document text become markup; none may.
HOSTILE_SCRIPT = "<script>window.pwned=1;document.title='pwned'</script>"
HOSTILE_IMG = '<img src=x onerror="window.pwned=2">'
HOSTILE_SVG = '</textarea></title><svg onload="window.pwned=3">'
RTL = "مشروع الطاقة الشمسية\u202e solar park \u202ereversed\u202c"
LONG_WORD = "x" * 3000


def hostile_text() -> str:
    """An invented India–Japan statement whose title and pledges carry HTML, script, a
    right-to-left override and a 3,000-character word."""
    return f"""---
date: '2024-03-12'
title: "India–Japan <script>document.title='pwned';window.pwned=4</script> statement"
---

New Delhi, 12 March 2024

India and Japan will jointly build the {HOSTILE_SCRIPT} Harbour Bridge {HOSTILE_IMG} by 2027.

Both sides agreed to cooperate on renewable energy, including the {RTL} in Gujarat.

The two leaders reaffirmed their commitment to a free and open Indo-Pacific {LONG_WORD}.

Japan will provide financing for the Mumbai-Ahmedabad High Speed Rail project by 2028 {HOSTILE_SVG}.
"""


def build_ledger(folder: Path) -> tuple[str, dict[str, int]]:
    """A SQLite ledger in ``folder`` of the bundled examples and the hostile document,
    ingested and linked as `pledgebook demo` does; (its URL, document id by file stem)."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from pledgebook.link import link_new_statements
    from pledgebook.read import iter_input_paths
    from pledgebook.store import open_database
    from pledgebook.store.batch import ingest_paths
    from pledgebook.store.models import Document

    hostile = folder / f"{HOSTILE}.md"
    hostile.write_text(hostile_text(), encoding="utf-8")
    examples = [str(p) for p in iter_input_paths([str(resources.files("pledgebook").joinpath("examples"))])]
    url = f"sqlite:///{folder / 'ledger.db'}"
    engine = open_database(url)
    try:
        summary = ingest_paths(engine, [*examples, str(hostile)])
        assert not summary.failed, summary.failed
        link_new_statements(engine)
        with Session(engine) as session:
            ids = {Path(source).stem: doc_id for source, doc_id in session.execute(select(Document.source, Document.id))}
    finally:
        engine.dispose()
    return url, ids


@contextmanager
def serving(db: str, **options: object) -> Iterator[str]:
    """The real app (serve/app.py) on ``db`` (``options``: create_app's, e.g. a token), served
    by uvicorn in a thread on a free loopback port; yields its base URL and stops it afterwards."""
    import uvicorn

    from pledgebook.serve.app import create_app

    app = create_app(db, **options)  # type: ignore[arg-type]
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))  # the port is ours from here on: no race with another test
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
        app.state.engine.dispose()


@contextmanager
def chromium() -> Iterator[object]:
    """Headless Chromium (Debian's /usr/bin/chromium) through Playwright."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.is_file(), f"{CHROMIUM} is missing: `bash scripts/setup.sh --test` installs Debian's chromium"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def screenshot(page, name: str) -> Path:  # page: playwright Page
    """Save the whole page as test-artifacts/screenshots/NAME.png (kept when tests pass)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
