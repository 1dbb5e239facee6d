"""Browser tests: one ledger, one server and one Chromium per test module (webkit.py)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # webkit

from webkit import build_ledger, chromium, serving  # noqa: E402

# Records what the page's Content-Security-Policy refused: escaping should leave nothing to refuse.
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective));
"""


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, int]]:
    return build_ledger(tmp_path_factory.mktemp("web-ledger"))


@pytest.fixture(scope="module")
def site(ledger: tuple[str, dict[str, int]]) -> Iterator[str]:
    with serving(ledger[0]) as base:
        yield base


@pytest.fixture(scope="module")
def doc_ids(ledger: tuple[str, dict[str, int]]) -> dict[str, int]:
    return ledger[1]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium() as b:
        yield b


@pytest.fixture()
def page(browser, site: str) -> Iterator[object]:
    context = browser.new_context(base_url=site, viewport={"width": 1280, "height": 900})
    context.add_init_script(WATCH)
    errors: list[str] = []
    pg = context.new_page()
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    # The pages need nothing the Content-Security-Policy forbids (no inline style or script).
    pg.on("console", lambda msg: errors.append(msg.text) if "Content Security Policy" in msg.text else None)
    pg.set_default_timeout(15_000)
    yield pg
    context.close()
    assert not errors, f"script errors or CSP refusals on the page: {errors}"
