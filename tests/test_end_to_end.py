"""The founding example, end to end: concrete statements a reader of it would list."""

import pytest

from pledgebook.core.data import ExtractionRecord


@pytest.fixture(scope="module")
def seed_record(extractor, seed_text) -> ExtractionRecord:
    return extractor.extract_text(seed_text, source="seed.txt")


def statement_at(record: ExtractionRecord, text: str, phrase: str):
    pos = text.index(phrase)
    hits = [s for s in record.statements if s.start <= pos and pos + len(phrase) <= s.end]
    assert hits, f"no statement covers {phrase!r}"
    return min(hits, key=lambda s: s.end - s.start)


def test_document_metadata(seed_record):
    doc = seed_record.document
    assert doc.date == "2023-10-20"
    assert doc.place == "Beijing"
    assert doc.parties == ["CHN", "PAK"]
    assert doc.kind == "news_report"
    assert seed_record.agreements_signed == 20


def test_every_span_is_exact(seed_record, seed_text):
    seed_record.check_grounding(seed_text)


def test_ml1_pledge(seed_record, seed_text):
    st = statement_at(seed_record, seed_text, "committed to its early deployment")
    assert st.kind == "commitment"
    assert st.actors == ["CHN", "PAK"]
    assert st.strength == "firm"
    assert "transport" in st.sectors
    assert "ML-1" in {e.name for e in st.entities}


def test_also_read_line_yields_nothing(seed_record, seed_text):
    start = seed_text.index("Also Read:")
    end = seed_text.index("\n", start)
    assert not [s for s in seed_record.statements if s.start < end and s.end > start]


def test_author_bio_yields_nothing(seed_record, seed_text):
    start = seed_text.index("A student of International Relations")
    assert not [s for s in seed_record.statements if s.end > start]


def test_two_undertakings_in_one_sentence_are_two_statements(seed_record, seed_text):
    condemn = statement_at(seed_record, seed_text, "condemned terrorism")
    commit = statement_at(seed_record, seed_text, "committed to strengthening counter-terrorism cooperation")
    assert condemn.id != commit.id
    assert condemn.kind == "position"
    assert commit.kind == "commitment"
    assert "counter_terrorism" in commit.sectors


@pytest.mark.parametrize(
    "phrase, kind, actors",
    [
        ("agreed to accelerate the development of Gwadar Port", "commitment", ["CHN", "PAK"]),
        ("agreed to begin preparatory work on the D.I. Khan-Zhob Road Project", "commitment", ["CHN", "PAK"]),
        ("stated that it would assist Pakistan", "commitment", ["CHN"]),
        ("committed to supporting efforts to improve people’s livelihoods", "commitment", ["CHN"]),
        ("the Khunjerab pass will be open throughout the year", "commitment", ["CHN", "PAK"]),
        ("reaffirmed its steadfast support for the One-China Principle", "position", ["PAK"]),
        ("demanded an immediate cease-fire", "position", ["CHN", "PAK"]),
        ("expressed gratitude to China for helping it", "appreciation", ["PAK"]),
        ("invited President Xi Jinping to visit Pakistan soon", "meeting", ["PAK"]),
        ("signed 20 agreements and memorandums of understanding", "agreement", ["CHN", "PAK"]),
    ],
)
def test_concrete_statements(seed_record, seed_text, phrase, kind, actors):
    st = statement_at(seed_record, seed_text, phrase)
    assert st.kind == kind
    assert st.actors == actors
    assert st.rationale


def test_most_commitments_are_found_each_as_its_own_statement(seed_record):
    commitments = [s for s in seed_record.statements if s.kind == "commitment"]
    assert 25 <= len(commitments) <= 40
    assert len({(s.start, s.end) for s in commitments}) == len(commitments)


def test_khunjerab_commitment_carries_its_time(seed_record, seed_text):
    st = statement_at(seed_record, seed_text, "the Khunjerab pass will be open throughout the year")
    assert st.when is not None and st.when.text == "throughout the year"
    assert st.when.kind == "recurring"


def test_events_are_mapped(seed_record):
    for st in seed_record.statements:
        assert st.plover in {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                             "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
        assert st.cameo and st.cameo[:2].isdigit()
    commitments = [s for s in seed_record.statements if s.kind == "commitment"]
    assert all(s.plover == "AGREE" for s in commitments)
