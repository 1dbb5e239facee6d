"""Every page in real headless Chromium over a ledger of the bundled examples, and the main
flow: the founding example's document, its ML-1 pledge, the pledge's thread, the ML-1 dossier.
Screenshots go to test-artifacts/screenshots/ (docs/web.md lists them)."""

from __future__ import annotations

import re

from webkit import FOUNDING, screenshot

NO_INLINE_SCRIPT = "document.querySelectorAll('script:not([src])').length"


def test_home_shows_the_ledger_at_a_glance(page):
    page.goto("/")
    charts = page.locator("figure.chart")
    assert [charts.nth(i).locator("figcaption").inner_text() for i in range(charts.count())] == [
        "Statements by kind", "by sector", "by party", "by year"]
    assert page.locator("figure.chart svg rect.bar").count() >= 4 * 2
    assert page.locator("section.recent li a").count() >= 6  # the bundled examples and the hostile one
    assert page.locator("section.threads li a").count() >= 1
    assert "ML-1" in page.locator("section.dossiers").inner_text()
    assert page.evaluate(NO_INLINE_SCRIPT) == 0
    screenshot(page, "home")
    # a bar is a link to those statements in the ledger
    page.locator("figure.chart").first.locator("a", has_text="commitment").click()
    page.wait_for_url(re.compile(r"/ledger\?kind=commitment"))
    assert page.locator("table.statements tbody tr").count() > 0
    assert {t.strip() for t in page.locator("table.statements tbody td .badge").all_inner_texts()} == {"commitment"}


def test_most_followed_thread_has_a_timeline_and_word_diffs(page):
    page.goto("/")
    page.locator("section.threads li a").first.click()
    page.wait_for_url(re.compile(r"/threads/\d+$"))
    points = page.locator("figure.timeline svg circle.pt")
    assert points.count() >= 3  # the most-followed pledge of the examples recurs in three documents
    xs = [float(points.nth(i).get_attribute("cx")) for i in range(points.count())]
    assert xs == sorted(xs) and xs[0] < xs[-1]  # in date order, left to right
    steps = page.locator("ol.steps li.step")
    assert steps.count() == points.count()
    dates = [d.strip() for d in page.locator("ol.steps .step-head .date").all_inner_texts()]
    assert dates == sorted(dates)
    assert page.locator("ol.steps li.step").nth(1).locator("ins, del").count() >= 1  # the wording changed
    # a point links to its statement on its document's page, where the details open
    page.locator("figure.timeline svg a.point circle").first.click()
    page.wait_for_url(re.compile(r"/documents/\d+#st-\d+-\d+$"))
    assert page.locator("section.details.open").is_visible()
    page.go_back()
    screenshot(page, "thread-recurring")


def test_thread_page_fetches_its_suggested_evidence(page, ledger):
    from pledgebook.store import open_database
    from pledgebook.track.suggest import suggestions

    engine = open_database(ledger[0], create=False)
    try:
        found = suggestions(engine)
    finally:
        engine.dispose()
    assert found, "the examples hold a pledge worded weaker in a later US-India statement"
    first = found[0]
    page.goto(f"/threads/{first.thread_id}")
    items = page.locator("#suggestions li.suggestion")
    items.first.wait_for()  # fetched by the page's script once the page has loaded
    mine = [s for s in found if s.thread_id == first.thread_id]
    assert items.count() == len(mine)
    assert items.first.get_attribute("data-kind") == first.kind
    assert first.reason in items.first.inner_text()
    screenshot(page, "thread-suggestion")
    # without the script, the link opens the same list on its own page
    page.goto(f"/threads/{first.thread_id}/suggestions")
    assert page.locator("li.suggestion").count() == len(mine)
    assert page.goto("/threads/99999/suggestions").status == 404


def test_main_flow_founding_example_ml1_pledge_thread_dossier(page, doc_ids):
    page.goto(f"/documents/{doc_ids[FOUNDING]}")
    assert "china-pakistan" in page.locator("h1").inner_text().lower()
    marks = page.locator(".doctext a.st")
    assert marks.count() >= 20  # every statement highlighted
    assert page.locator(".doctext a.st.kind-commitment").count() >= 5
    details = page.locator("section.details").filter(has=page.locator("dd.entities a", has_text="ML-1")) \
        .filter(has=page.locator(".badge", has_text="commitment"))
    anchor = details.first.get_attribute("id")
    assert not details.first.is_visible()  # hidden until its statement is clicked
    pledge = page.locator(f'.doctext a.st[data-details="{anchor}"]')
    pledge.click()
    assert details.first.is_visible()
    panel = details.first.inner_text()
    for field in ("Actors", "CHN", "PAK", "Strength", "firm", "Sectors", "Entities", "ML-1", "Rule", "Rationale"):
        assert field in panel, field
    assert "selected" in (pledge.get_attribute("class") or "")
    screenshot(page, "document-founding-ml1")

    details.first.locator("a.thread-link").click()
    page.wait_for_url(re.compile(r"/threads/\d+$"))
    assert page.locator("figure.timeline svg circle.pt").count() >= 1
    assert "early deployment" in page.locator("ol.steps").inner_text()
    assert page.locator("section#status").is_visible()  # where status history will go
    screenshot(page, "thread-ml1")

    page.locator("p.lead a", has_text="ML-1").click()
    page.wait_for_url(re.compile(r"/dossiers/ML-1$"))
    assert page.locator("h1").inner_text() == "ML-1"
    assert "early deployment" in page.locator("p.story").inner_text()
    assert page.locator("section.dossier-thread").count() >= 1
    assert "ML-1 upgrade" in page.locator("main").inner_text()
    screenshot(page, "dossier-ml1")


def test_ledger_facets_search_pages_and_export(page):
    page.goto("/ledger")
    total = int(page.locator("strong.total").inner_text())
    assert total > 50  # more than one page
    assert page.locator("table.statements tbody tr").count() == 50
    facets = {page.locator("section.facet h2").nth(i).inner_text() for i in range(page.locator("section.facet").count())}
    assert facets == {"Party", "Sector", "Kind", "Strength", "Year", "Entity"}

    page.locator('section.facet[data-facet="kind"] a', has_text="commitment").click()
    page.wait_for_url(re.compile(r"kind=commitment"))
    commitments = int(page.locator("strong.total").inner_text())
    assert 0 < commitments < total
    page.locator('section.facet[data-facet="strength"] a', has_text="firm").click()
    page.wait_for_url(re.compile(r"strength=firm"))
    firm = int(page.locator("strong.total").inner_text())
    assert 0 < firm <= commitments
    assert {t.strip() for t in page.locator("table.statements tbody td:nth-child(4)").all_inner_texts()} == {"firm"}

    page.locator("form.ledger-search input[type=search]").fill("space")
    page.locator("form.ledger-search button").click()
    page.wait_for_url(re.compile(r"search=space"))
    found = int(page.locator("strong.total").inner_text())
    assert 0 < found < firm
    assert all("space" in t.lower() for t in page.locator("table.statements td.text > a").all_inner_texts())
    export = page.locator("a.export").get_attribute("href")
    assert export.startswith("/api/export?")
    for part in ("kind=commitment", "strength=firm", "search=space", "format=csv"):
        assert part in export
    screenshot(page, "ledger-filtered")

    page.locator("p.chosen a", has_text="clear all").click()
    page.locator("nav.pages a[rel=next]").click()
    page.wait_for_url(re.compile(r"page=2"))
    assert page.locator("table.statements tbody tr").count() == min(50, total - 50)


def test_ledger_year_facet_and_bad_filter(page):
    page.goto("/ledger?year=2021")
    dates = page.locator("table.statements td.date").all_inner_texts()
    assert dates and all(d.startswith("2021") for d in dates)
    response = page.goto("/ledger?kind=pledge")
    assert response.status == 400
    assert "unknown kind 'pledge'" in page.locator("p.error-message").inner_text()
    response = page.goto("/ledger?entity=Atlantis%20Bridge")
    assert response.status == 400
    assert "Atlantis Bridge" in page.locator("p.error-message").inner_text()


def test_diff_with_the_previous_document_of_the_relationship(page, doc_ids):
    later, earlier = doc_ids["2025-02-13-united-states-india-joint-leaders-statement"], \
        doc_ids["2021-09-24-u-s-india-joint-leaders-statement-a-partnership-for-global-good"]
    page.goto(f"/documents/{later}")
    link = page.locator("a#diff-previous")
    assert link.get_attribute("href") == f"/diff?old={earlier}&new={later}"
    link.click()
    page.wait_for_url(re.compile(r"/diff\?"))
    summary = page.locator("p.summary").inner_text()
    counts = dict((kind, int(n)) for n, kind in re.findall(r"(\d+) (new|repeated|dropped)", summary))
    assert set(counts) == {"new", "repeated", "dropped"} and sum(counts.values()) > 0
    assert page.locator("table.diff tbody tr").count() == sum(counts.values())
    assert page.locator("table.diff tr.change-new").count() == counts["new"]
    screenshot(page, "diff-us-india-2021-2025")
    # the first example of a relationship has nothing before it
    page.goto(f"/documents/{doc_ids[FOUNDING]}")
    assert page.locator("a#diff-previous").count() == 0


def test_document_thread_and_dossier_indexes(page, doc_ids):
    page.goto("/documents")
    assert page.locator("table.documents tbody tr").count() == len(doc_ids)
    dates = page.locator("table.documents td.date").all_inner_texts()
    assert dates == sorted(dates, reverse=True)
    page.locator("table.documents a", has_text="Quad Leaders").click()
    page.wait_for_url(re.compile(rf"/documents/{doc_ids['2021-09-24-joint-statement-from-quad-leaders']}$"))

    page.goto("/threads")
    rows = page.locator("table.threads tbody tr")
    assert rows.count() >= 3
    documents = [int(t) for t in page.locator("table.threads tbody td:nth-child(2)").all_inner_texts()]
    assert documents == sorted(documents, reverse=True) and min(documents) >= 2
    page.goto("/dossiers")
    page.locator("table.dossiers a", has_text="Gwadar Port").click()
    page.wait_for_url(re.compile(r"/dossiers/Gwadar%20Port$"))
    assert page.locator("h1").inner_text() == "Gwadar Port"
    assert page.locator("p.story").is_visible()


def test_every_page_fits_a_phone_screen(browser, site, doc_ids):
    context = browser.new_context(base_url=site, viewport={"width": 390, "height": 844})
    phone = context.new_page()
    later, earlier = doc_ids["2025-02-13-united-states-india-joint-leaders-statement"], \
        doc_ids["2021-09-24-u-s-india-joint-leaders-statement-a-partnership-for-global-good"]
    for path in ("/", "/ledger", f"/documents/{doc_ids[FOUNDING]}", "/documents", "/threads", "/dossiers",
                 "/dossiers/ML-1", f"/diff?old={earlier}&new={later}"):
        phone.goto(path)
        assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path
    phone.goto("/")
    phone.locator("section.threads li a").first.click()
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(phone, "phone-thread")
    context.close()


def test_missing_things_are_404_pages(page):
    for path, text in (("/documents/99999", "no ingested document"), ("/threads/99999", "no thread 99999"),
                       ("/dossiers/Atlantis%20Bridge", "no project or other entity"),
                       ("/diff?old=1&new=99999", "99999")):
        response = page.goto(path)
        assert response.status == 404, path
        assert text in page.locator("p.error-message").inner_text(), path
    assert page.goto("/diff?old=../etc/passwd&new=1").status == 400
    # errors the app's handlers catch are pages too (the layout, a heading, one line)
    for path, status in (("/no/such/page", 404), ("/threads/not-a-number", 422)):
        response = page.goto(path)
        assert response.status == status, path
        assert "text/html" in response.headers["content-type"]
        assert page.locator("h1").is_visible() and page.locator("p.error-message").inner_text().strip()
