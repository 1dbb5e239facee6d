"""The Extractor keeps no document's state: one instance serves many threads, building one
changes nothing shared, and a record is built once and frozen."""

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from pydantic import ValidationError

from pledgebook.core.data import EntityMention
from pledgebook.extract.context import Draft
from pledgebook.read import RawDocument, read_document

REPO = Path(__file__).resolve().parents[2]
DOCUMENTS = 16
THREADS = 8


def _documents() -> list[Path]:
    """The shortest distinct texts among the bundled examples and the gold texts (dev and
    held-out: readouts, joint statements, UN speeches); never the China–Pakistan statement."""
    files = [*(REPO / "pledgebook" / "examples").glob("*.*"), *(REPO / "gold" / "texts").glob("*.*"),
             *(REPO / "gold" / "heldout2" / "texts").glob("*.*")]
    texts: dict[str, Path] = {}
    for path in sorted(files):
        if path.suffix in (".md", ".txt") and path.name != "SOURCES.md" and "china-pakistan" not in path.name:
            texts.setdefault(path.read_text(encoding="utf-8"), path)
    return sorted(texts.values(), key=lambda p: p.stat().st_size)[:DOCUMENTS]


def test_one_extractor_shared_by_threads_gives_the_records_of_a_sequential_run(extractor):
    documents = [read_document(p) for p in _documents()]
    assert len(documents) == DOCUMENTS
    sequential = [extractor.extract(raw).model_dump() for raw in documents]
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        threaded = [r.model_dump() for r in pool.map(extractor.extract, documents)]
    assert sum(len(r["statements"]) for r in sequential) > 100
    for raw, alone, shared in zip(documents, sequential, threaded, strict=True):
        assert shared == alone, raw.source


def test_extracting_leaves_the_extractor_as_it_was(extractor):
    before = dict(vars(extractor))
    extractor.extract_text("India and Japan will expand the Gwadar Port. Both sides will review its progress.")
    after = vars(extractor)
    assert after.keys() == before.keys()
    assert all(after[k] is v for k, v in before.items())


def test_building_a_second_extractor_changes_nothing_shared(extractor):
    from pledgebook.extract.nlp import load_nlp
    from pledgebook.extract.pipeline import Extractor

    text = "We re-emphasize our support for the Quad Vaccine Partnership."
    first = extractor.extract_text(text).model_dump()
    shared = load_nlp().tokenizer
    Extractor(ner=False)
    # the cached pipeline's tokenizer splits the prefix; the extractor's own keeps the verb whole
    assert [t.text for t in shared("We re-emphasize")] == ["We", "re", "-", "emphasize"]
    assert [t.text for t in extractor.tokenizer("We re-emphasize")] == ["We", "re-emphasize"]
    assert extractor.extract_text(text).model_dump() == first
    assert first["statements"][0]["trigger_words"][0] == "re-emphasize"


def test_a_record_is_frozen_once_built(extractor):
    record = extractor.extract_text("Peru will open a consulate in Lima.")
    st = record.statements[0]
    with pytest.raises(ValidationError):
        st.sectors = ["defence"]
    with pytest.raises(ValidationError):
        record.document.parties = []
    assert st.model_copy(update={"sectors": ["defence"]}).sectors == ["defence"]


def test_list_items_take_the_lead_clauses_actors_from_a_structured_field(extractor):
    record = extractor.extract_text("Peru will (i) remove tariffs on copper; (ii) open a consulate in Lima.")
    items = [s for s in record.statements if s.rule == "listed_undertaking"]
    assert [s.text for s in items] == ["remove tariffs on copper", "open a consulate in Lima"]
    assert all(s.actors == ["PER"] and s.actor_source == "list_lead" for s in items)
    assert all("actor from 'the clause introducing the list'" in s.rationale for s in items)


def _mention(text: str, name: str) -> EntityMention:
    start = text.index(name)
    return EntityMention(name=name, kind="agreement", start=start, end=start + len(name), surface=name)


@pytest.mark.parametrize("anaphor, expected", [
    ("the agreement", ["Andean Lithium Agreement"]),  # the names "the agreement" carried: replaced
    (None, ["Pacific Skills Initiative", "Andean Lithium Agreement"]),  # its own names: kept, one added
])
def test_a_definite_replaces_only_the_names_its_own_words_carried(extractor, anaphor, expected):
    from pledgebook.extract.discourse import attach_antecedents

    text = ("Chile and Peru signed the Andean Lithium Agreement. Peru launched the Pacific Skills Initiative. "
            "Both will review the agreement yearly.")
    start = text.index("Both")
    draft = Draft(start, len(text) - 1, text[start:-1], "commitment", ["CHL", "PER"], strength="firm",
                  entities=[_mention(text, "Pacific Skills Initiative")], anaphor=anaphor)
    doc = extractor.context(RawDocument(source="<test>", text=text))
    doc.drafts = doc.statements = [draft]
    attach_antecedents(extractor, doc)
    assert [e.name for e in draft.entities] == expected


def test_the_rationale_renders_the_structured_fields():
    draft = Draft(0, 10, "x" * 10, "commitment", ["PER"], strength="firm", rule="modal", trigger="review",
                  trigger_words=["will", "review"], actor_source="subject", who="Both sides", anaphor="its")
    assert draft.rationale() == "rule=modal; trigger='will review'; actor from 'Both sides'; entities via 'its'"
    draft.anaphor, draft.names_from_joined_verb = None, True
    assert draft.build("doc").rationale.endswith("actor from 'Both sides'; entities from the verb it is joined to")


def test_the_discourse_steps_run_in_their_documented_order():
    from pledgebook.extract.discourse import DISCOURSE_STEPS

    assert [name for name, _ in DISCOURSE_STEPS] == [
        "orphans", "antecedents", "named", "non_state", "shared", "projects", "sectors"]
