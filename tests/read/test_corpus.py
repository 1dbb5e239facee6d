"""Every file of the shared corpus reads, or fails with a ReadError and nothing else."""

from __future__ import annotations

from pledgebook.read import RawDocument, ReadError, iter_input_paths, read_document


def test_whole_corpus_reads_or_fails_cleanly(corpus):
    roots = [corpus / "wh-briefings", corpus / "ungdc" / "TXT" / "Session 79 - 2024"]
    roots = [root for root in roots if root.is_dir()]
    assert roots, f"neither wh-briefings nor ungdc Session 79 under {corpus}"
    counts = {"read": 0, "error": 0}
    for path in iter_input_paths(roots):
        try:
            doc = read_document(path)
        except ReadError as err:
            assert str(err).startswith(f"{path}: ") and "\n" not in str(err)
            counts["error"] += 1
            continue
        assert isinstance(doc, RawDocument) and doc.text
        if doc.format == "markdown" and path.name != "SOURCE.md":
            # every briefing carries front matter with a title and a date
            assert doc.body_start > 0 and doc.title and doc.date, path
            assert "front_matter_error" not in doc.meta, path
        counts["read"] += 1
    assert counts["read"] > 0
    assert counts["read"] >= 0.95 * (counts["read"] + counts["error"]), counts
