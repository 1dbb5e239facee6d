"""The pages that write, in real headless Chromium: signing in with the server's token, a
status with evidence set through a thread's page (without script) and shown in its history,
the main flow's status seen on the ML-1 dossier, a review correction shown in the ledger, an
upload (with progress, and without script) of a document carrying script and quotes, the
compliance report, and a read-only server that shows no write form and refuses every write.
Screenshots go to test-artifacts/screenshots/ (docs/web.md lists them)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from webkit import FOUNDING, screenshot, serving

TOKEN = "web-test-token-93a1"  # noqa: S105 - a test server's token
LIMIT = 200_000  # this module's upload limit, in bytes
HOSTILE_EVIDENCE = '<script>window.pwned=5</script> minister said "it is done" & <b>open</b>'
HOSTILE_ENTITY = '<img src=x onerror="window.pwned=7"> "Quoted" Bridge'
UPLOAD_NAME = "2024-05-02-india-japan-upload.md"
UPLOAD = b"""---
title: "India-Japan <script>window.pwned=8;document.title='pwned'</script> \\"quoted\\" statement"
date: '2024-05-02'
---

Tokyo, 2 May 2024

Japan will provide financing for the "Chennai <Metro> Phase 2" project by 2027 <script>window.pwned=9</script>.

India and Japan agreed to cooperate on semiconductor supply chains.
"""


@pytest.fixture(scope="module")
def site(ledger) -> Iterator[str]:
    """This module's server: writes allowed with the token, uploads up to LIMIT bytes."""
    with serving(ledger[0], token=TOKEN, max_upload_bytes=LIMIT) as base:
        yield base


@pytest.fixture(scope="module")
def readonly_site(ledger) -> Iterator[str]:
    with serving(ledger[0]) as base:
        yield base


def sign_in(pg, back: str = "/") -> None:
    pg.goto(f"/signin?next={back}")
    pg.locator("input[name=token]").fill(TOKEN)
    pg.locator("form.signin-form button").click()
    pg.wait_for_url(re.compile(re.escape(back) + "$"))


def us_india_thread(pg) -> int:
    threads = pg.request.get("/api/threads?limit=100").json()["items"]
    return next(t["id"] for t in threads if all(set(m["actors"]) <= {"USA", "IND"} for m in t["members"])
                and t["documents"] >= 2)


def not_pwned(pg) -> None:
    assert pg.evaluate("window.pwned") is None
    assert pg.title() != "pwned"  # a script that ran would have set it


def test_a_status_set_through_the_page_shows_in_the_history_without_script(browser, site):
    context = browser.new_context(base_url=site, java_script_enabled=False)
    pg = context.new_page()
    thread = us_india_thread(pg)
    pg.goto(f"/threads/{thread}")
    assert pg.locator("form.status-form").count() == 0  # not signed in: no form
    assert "No status recorded yet" in pg.locator("#status").inner_text()
    pg.locator("#status a", has_text="Sign in").click()
    pg.locator("input[name=token]").fill("not-the-token")
    pg.locator("form.signin-form button").click()
    assert "not this server's token" in pg.locator(".form-error").inner_text()
    pg.locator("input[name=token]").fill(TOKEN)
    pg.locator("form.signin-form button").click()
    pg.wait_for_url(re.compile(rf"/threads/{thread}$"))

    form = pg.locator("form.status-form")
    form.locator("select[name=status]").select_option("in_progress")
    form.locator("input[name=party0]").fill("India")
    form.locator("select[name=score0]").select_option("1")
    form.locator("textarea[name=evidence]").fill(HOSTILE_EVIDENCE)
    form.locator("select[name=evidence_document]").select_option(index=1)
    form.locator("input[name=author]").fill("analyst-web")
    form.locator("button[type=submit]").click()
    pg.wait_for_url(re.compile(rf"/threads/{thread}#status$"))
    rows = pg.locator("table.history tbody tr")
    assert rows.count() == 1
    assert rows.first.locator(".evidence-text").inner_text() == HOSTILE_EVIDENCE  # shown as text
    assert pg.locator("table.history script, table.history b").count() == 0
    assert "IND +1" in rows.first.inner_text() and "analyst-web" in rows.first.inner_text()

    form.locator("select[name=status]").select_option("fulfilled")
    form.locator("textarea[name=evidence]").fill("https://example.org/inaugurated")
    form.locator("input[name=author]").fill("analyst-web")
    form.locator("button[type=submit]").click()
    pg.wait_for_url(re.compile(rf"/threads/{thread}#status$"))
    assert [rows.nth(i).get_attribute("data-status") for i in range(rows.count())] == ["in_progress", "fulfilled"]
    assert pg.locator(".current-status .status-badge").inner_text() == "Fulfilled"
    assert pg.locator("a.evidence-url").get_attribute("href") == "https://example.org/inaugurated"
    assert "IND +1" in pg.locator(".current-status").inner_text()  # the score stays until changed

    # a refused entry: the reason, the form as sent, and nothing added
    form.locator("input[name=party0]").fill("Atlantis")
    form.locator("select[name=score0]").select_option("-1")
    form.locator("input[name=author]").fill("analyst-web")
    form.locator("button[type=submit]").click()
    assert "unknown party 'Atlantis'" in pg.locator("#status .form-error").inner_text()
    assert pg.locator("input[name=party0]").input_value() == "Atlantis"
    assert pg.locator("table.history tbody tr").count() == 2
    screenshot(pg, "thread-status-history")
    history = pg.request.get(f"/api/threads/{thread}/status").json()["items"]
    assert [e["status"] for e in history] == ["in_progress", "fulfilled"]
    context.close()


def test_main_flow_a_status_on_the_ml1_pledge_shows_on_its_dossier(page, doc_ids):
    sign_in(page)
    page.goto(f"/documents/{doc_ids[FOUNDING]}")
    details = page.locator("section.details").filter(has=page.locator("dd.entities a", has_text="ML-1")) \
        .filter(has=page.locator(".badge", has_text="commitment"))
    page.locator(f'.doctext a.st[data-details="{details.first.get_attribute("id")}"]').click()
    details.first.locator("a.thread-link").click()
    page.wait_for_url(re.compile(r"/threads/\d+$"))
    thread = int(page.url.rsplit("/", 1)[1])
    form = page.locator("form.status-form")
    form.locator("select[name=status]").select_option("in_progress")
    form.locator("textarea[name=evidence]").fill("groundbreaking reported")
    form.locator("input[name=author]").fill("analyst-flow")
    form.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/threads/{thread}#status$"))
    assert page.locator(".current-status .status-badge").inner_text() == "In progress"
    page.locator("p.lead a", has_text="ML-1").click()
    page.wait_for_url(re.compile(r"/dossiers/ML-1$"))
    badge = page.locator(f'section.dossier-thread[data-thread="{thread}"] h2 .status-badge')
    assert badge.inner_text() == "In progress"
    screenshot(page, "dossier-ml1-status")


def test_a_review_correction_shows_in_the_ledger(page, doc_ids):
    sign_in(page)
    doc = doc_ids["2025-02-13-united-states-india-joint-leaders-statement"]
    page.goto(f"/documents/{doc}")
    marks_before = page.locator(".doctext a.st").count()
    first = page.locator(".doctext a.st.kind-commitment").first
    anchor = first.get_attribute("data-details")
    first.click()
    page.locator(f"section.details#{anchor} a.review-link").click()
    page.wait_for_url(re.compile(r"/statements/[^/]+$"))
    statement_page = page.url
    text = page.locator("blockquote.statement-text").inner_text()
    form = page.locator("form.review-correct")
    form.locator("input[name=sectors]").fill("space, trade")
    form.locator("textarea[name=entities]").fill(HOSTILE_ENTITY)
    form.locator("input[name=note]").fill('sector was "health"')
    form.locator("input[name=author]").fill("analyst-review")
    form.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"#review$"))
    assert page.locator("dd.sectors").inner_text() == "space, trade"
    assert page.locator("dd.entities").inner_text() == HOSTILE_ENTITY  # as text, not markup
    assert page.locator(".review-state .state").inner_text() == "corrected"
    not_pwned(page)
    screenshot(page, "statement-review")

    page.goto("/ledger?sector=space&actor=USA")
    row = page.locator("table.statements tbody tr").filter(has_text=" ".join(text.split()[:6]))
    assert row.count() == 1
    assert HOSTILE_ENTITY in row.inner_text()
    not_pwned(page)
    screenshot(page, "ledger-corrected")

    # rejected: gone from the document's highlights and from the ledger
    page.goto(statement_page)
    reject = page.locator("form.review-reject")
    reject.locator("input[name=author]").fill("analyst-review")
    reject.locator("button").click()
    page.wait_for_url(re.compile(r"#review$"))
    assert page.locator(".review-state .state").inner_text() == "rejected"
    page.goto(f"/documents/{doc}")
    assert page.locator(".doctext a.st").count() == marks_before - 1
    page.goto("/ledger?sector=space&actor=USA")
    assert page.locator("table.statements tbody tr").filter(has_text=" ".join(text.split()[:6])).count() == 0


def test_upload_with_progress_then_its_page_shows_hostile_text_as_text(page):
    sign_in(page, "/upload")
    assert "0.2 MB" in page.locator("main").inner_text()  # the server's limit, as configured
    page.locator("input[type=file]").set_input_files(
        files=[{"name": UPLOAD_NAME, "mimeType": "text/markdown", "buffer": UPLOAD}])
    page.locator("form.upload-form button").click()
    page.wait_for_url(re.compile(r"/documents/\d+\?uploaded=new$"), timeout=120_000)
    assert "<script>" in page.locator("h1").inner_text() and '"quoted"' in page.locator("h1").inner_text()
    assert '"Chennai <Metro> Phase 2"' in page.locator(".doctext").inner_text()
    assert page.locator(".doctext a.st").count() >= 1
    assert page.evaluate("document.querySelectorAll('main script').length") == 0
    not_pwned(page)
    screenshot(page, "upload-hostile-document")

    # over the limit: refused before it is sent, and the page says why
    page.goto("/upload")
    page.locator("input[type=file]").set_input_files(
        files=[{"name": "big.txt", "mimeType": "text/plain", "buffer": b"word " * (LIMIT // 4)}])
    page.locator("form.upload-form button").click()
    assert "over the server's limit" in page.locator(".upload-state").inner_text()
    assert page.url.endswith("/upload")


def test_upload_without_script_posts_the_form(browser, site):
    context = browser.new_context(base_url=site, java_script_enabled=False)
    pg = context.new_page()
    sign_in(pg, "/upload")
    pg.locator("input[type=file]").set_input_files(
        files=[{"name": "2024-06-01-note.txt", "mimeType": "text/plain",
                "buffer": b"Tokyo, 1 June 2024\n\nJapan and India will hold a maritime dialogue in 2025.\n"}])
    pg.locator("form.upload-form button").click()
    pg.wait_for_url(re.compile(r"/documents/\d+\?uploaded=new$"), timeout=120_000)
    assert "maritime dialogue" in pg.locator(".doctext").inner_text()
    pg.goto("/upload")
    pg.locator("input[type=file]").set_input_files(
        files=[{"name": "bad.pdf", "mimeType": "application/pdf", "buffer": b"not a pdf at all"}])
    pg.locator("form.upload-form button").click()
    assert pg.locator(".form-error").inner_text().startswith("Not stored:")
    context.close()


def test_compliance_report_page_shows_what_the_report_service_gives(page):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    threads = [t["id"] for t in page.request.get("/api/threads?limit=100").json()["items"]
               if all(set(m["actors"]) <= {"USA", "IND"} for m in t["members"])][:2]
    for tid, scores in zip(threads, ({"USA": 1, "IND": -1}, {"USA": 0})):
        assert page.request.post(f"/api/threads/{tid}/status", headers=auth, data={"scores": scores}).status == 201
    page.goto("/report")
    expected = page.request.get("/api/reports/compliance?by=party").json()
    rows = page.locator("table.report tbody tr")
    assert rows.count() == len(expected["rows"]) + 1
    shown = {rows.nth(i).locator("td").first.inner_text(): rows.nth(i).locator("td.average").inner_text()
             for i in range(rows.count())}
    for r in expected["rows"]:
        assert shown[r["group"]] == f"{r['average']:+.2f}"
    assert shown["total"] == f"{expected['total']['average']:+.2f}"
    assert page.locator(".report-chart svg g.share-bar").count() == len(expected["rows"])
    page.locator("table.matrix").wait_for()  # the matrix, fetched by the page's script
    assert page.locator("table.matrix td.cell:not(.empty)").count() >= 2
    screenshot(page, "report-party")
    matrix = page.request.get("/report/matrix")  # without script, its own page
    assert matrix.ok and "table class=\"matrix\"" in matrix.text()
    page.locator("nav.report-by a", has_text="sector").click()
    page.wait_for_url(re.compile(r"by=sector"))
    assert page.locator("h1").inner_text() == "Compliance by sector"
    assert page.goto("/report?by=planet").status == 400


def test_a_read_only_server_shows_no_write_form_and_refuses_writes(browser, readonly_site):
    context = browser.new_context(base_url=readonly_site)
    pg = context.new_page()
    thread = us_india_thread(pg)
    pg.goto(f"/threads/{thread}")
    assert pg.locator("form.status-form").count() == 0 and pg.locator("a.signin").count() == 0
    key = pg.request.get("/api/statements?limit=1").json()["items"][0]["statement_id"]
    pg.goto(f"/statements/{key}")
    assert pg.locator("form").filter(has=pg.locator("input[name=csrf]")).count() == 0
    pg.goto("/upload")
    assert "read-only" in pg.locator("main").inner_text()
    pg.goto("/signin")
    assert "read-only" in pg.locator("main").inner_text()
    for path, form in ((f"/threads/{thread}/status", {"status": "dropped", "author": "x"}),
                       (f"/statements/{key}/review", {"action": "reject", "author": "x"}),
                       ("/signin", {"token": TOKEN})):
        assert pg.request.post(path, form=form).status == 403, path
    context.close()


def test_a_write_without_the_form_token_is_refused(browser, site):
    context = browser.new_context(base_url=site)
    pg = context.new_page()
    thread = us_india_thread(pg)
    before = len(pg.request.get(f"/api/threads/{thread}/status").json()["items"])
    assert pg.request.post(f"/threads/{thread}/status", form={"status": "dropped", "author": "x"}).status == 401
    sign_in(pg)
    r = pg.request.post(f"/threads/{thread}/status", form={"status": "dropped", "author": "x", "csrf": "forged"})
    assert r.status == 403  # signed in, but the form did not come from this site's page
    assert len(pg.request.get(f"/api/threads/{thread}/status").json()["items"]) == before
    context.close()


def test_a_suggestion_confirmed_on_the_thread_page_is_recorded(page, ledger):
    from pledgebook.store import open_database
    from pledgebook.track.suggest import suggestions

    engine = open_database(ledger[0], create=False)
    try:
        found = suggestions(engine)
    finally:
        engine.dispose()
    assert found
    first = found[0]
    sign_in(page, f"/threads/{first.thread_id}")
    item = page.locator(f'#suggestions li.suggestion[data-kind="{first.kind}"]').first
    item.wait_for()  # fetched by the page's script
    item.locator("input[name=author]").fill("analyst-suggest")
    item.locator("button[value=confirm]").click()
    page.wait_for_url(re.compile(rf"/threads/{first.thread_id}/suggestions$"))
    assert "confirmed by analyst-suggest" in page.locator("li.suggestion .decision").first.inner_text()
    assert page.locator("form.decide").count() == len([s for s in found if s.thread_id == first.thread_id]) - 1


@pytest.mark.parametrize("given, kept", [
    ("/threads/4", "/threads/4"), ("/dossiers/ML-1?x=1#status", "/dossiers/ML-1?x=1#status"),
    ("//evil.example/", "/"), ("/\\evil.example", "/"), ("/\t/evil.example", "/"), ("https://evil.example/", "/"),
    ("/\n/evil.example", "/"), ("", "/"), (None, "/"), ("javascript:alert(1)", "/"),
])
def test_signing_in_returns_only_to_a_path_of_this_site(given, kept):
    from pledgebook.serve.web.editors import safe_next

    assert safe_next(given) == kept
