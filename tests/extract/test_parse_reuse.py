"""A document's candidate texts are parsed once: drafting again (a news report, once its acting
parties are known) reuses the parses, and a text that recurs in a document is parsed once. The
process's extractor is not scanned again by every full garbage collection."""

from __future__ import annotations

from pathlib import Path

from pledgebook.read import read_document

EXAMPLE = Path(__file__).resolve().parents[2] / "pledgebook" / "examples" / \
    "2021-09-24-u-s-india-joint-leaders-statement-a-partnership-for-global-good.md"


def _counting(extractor, monkeypatch) -> list[str]:
    parsed: list[str] = []
    pipe = extractor.parser.pipe

    def counting(texts):
        texts = list(texts)
        parsed.extend(texts)
        return pipe(texts)

    monkeypatch.setattr(extractor.parser, "pipe", counting)
    return parsed


def test_drafting_again_parses_nothing_again(extractor, monkeypatch):
    parsed = _counting(extractor, monkeypatch)
    doc = extractor.context(read_document(EXAMPLE))
    parses: dict[str, object] = {}
    extractor._draft_statements(doc, parses)
    first = [(d.start, d.end, d.kind, d.rule) for d in doc.drafts]
    once = len(parsed)
    doc.restart(list(doc.info.parties))
    extractor._draft_statements(doc, parses)
    assert len(parsed) == once == len(parses) > 20
    assert [(d.start, d.end, d.kind, d.rule) for d in doc.drafts] == first


def test_a_recurring_sentence_is_parsed_once(extractor, monkeypatch):
    parsed = _counting(extractor, monkeypatch)
    line = "The two leaders will establish a joint working group on clean energy."
    record = extractor.extract_text(f"{line}\n\nThey discussed trade.\n\n{line}\n")
    assert parsed.count(line) == 1
    assert [s.kind for s in record.statements].count("commitment") == 2  # both places still yield it


def test_the_process_extractor_is_set_aside_from_full_collections():
    import gc

    from pledgebook.extract.pipeline import shared_extractor

    extractor = shared_extractor()
    assert gc.get_freeze_count() > 100_000  # the model's and the codebook's objects
    assert any(o is extractor for o in gc.get_objects()) is False  # frozen objects are not listed as tracked
