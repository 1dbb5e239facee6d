"""Hostile text in a document (HTML, script, an SVG onload, a right-to-left override, a
3,000-character word) renders as text on every page that shows it, and no script of it runs."""

from __future__ import annotations

import pytest
from webkit import HOSTILE, HOSTILE_IMG, HOSTILE_SCRIPT, HOSTILE_SVG, screenshot


def _nothing_ran(page) -> None:
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.title() != "pwned"
    assert page.evaluate("window.__violations") == []  # nothing injected for the CSP to stop
    assert page.evaluate("document.querySelectorAll('script:not([src]), img, iframe, object').length") == 0
    assert page.evaluate("document.querySelectorAll('svg[onload], [onerror]').length") == 0


def test_hostile_document_page_shows_the_text_and_runs_nothing(page, doc_ids):
    page.goto(f"/documents/{doc_ids[HOSTILE]}")
    page.wait_for_load_state("load")
    _nothing_ran(page)
    body = page.locator(".doctext")
    text = body.inner_text()
    for hostile in (HOSTILE_SCRIPT, HOSTILE_IMG, HOSTILE_SVG, "مشروع الطاقة الشمسية"):
        assert hostile in text
    assert page.locator(".doctext a.st", has_text="<script>window.pwned=1").is_visible()
    assert "<script>" in page.title()  # the title, as text
    # the 3,000-character word wraps inside the page: nothing scrolls sideways
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.locator(".doctext a.st", has_text="Harbour Bridge").click()
    details = page.locator("section.details.open")
    assert details.is_visible() and "Harbour Bridge" in details.inner_text()
    _nothing_ran(page)
    screenshot(page, "hostile-document")


@pytest.mark.parametrize("path", ["/", "/ledger?search=Harbour", "/ledger?entity=Harbour%20Bridge",
                                  "/dossiers/Harbour%20Bridge", "/ledger?actor=JPN"])
def test_hostile_text_elsewhere_runs_nothing(page, path):
    page.goto(path)
    page.wait_for_load_state("load")
    _nothing_ran(page)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_hostile_thread_and_diff_run_nothing(page, doc_ids):
    page.goto(f"/documents/{doc_ids[HOSTILE]}")
    thread = page.locator("section.details a.thread-link").first.get_attribute("href")
    page.goto(thread)
    _nothing_ran(page)
    page.goto(f"/diff?old={doc_ids['2025-02-13-united-states-india-joint-leaders-statement']}&new={doc_ids[HOSTILE]}")
    _nothing_ran(page)
    assert "<script>window.pwned=1" in page.locator("table.diff").inner_text() or \
        "window.pwned=1" in page.locator("table.diff").inner_text()
