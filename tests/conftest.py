import os
from pathlib import Path

import pytest

# engine / db_url / postgres_url: a migrated ledger on SQLite and on the real PostgreSQL server
pytest_plugins = ["ledger_fixtures"]

REPO = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("PLEDGEBOOK_CORPUS", REPO.parent / "shared" / "corpus"))
SEED = CORPUS / "seed" / "2023-10-20_china-pakistan-joint-statement.txt"
EXAMPLES = REPO / "pledgebook" / "examples"


def example_lines() -> list[str]:
    """The non-empty lines of the bundled example documents, stripped: real sentences for tests
    that compare our decoding or batching with spaCy's."""
    examples = Path(__file__).resolve().parents[1] / "pledgebook" / "examples"
    lines = [line.strip() for p in sorted(examples.glob("*.md")) for line in p.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line]


def speech_statements(extractor, tmp_path: Path, text: str, speaker: str = "MNG"):
    """The statements of ``text`` read as a UN General Debate speech of ``speaker`` (the file
    name, <ISO3>_79_2024.txt, names the speaker)."""
    from pledgebook.read import read_document

    path = tmp_path / f"{speaker}_79_2024.txt"
    path.write_text(text, encoding="utf-8")
    return extractor.extract(read_document(path)).statements


def titled_statements(extractor, text: str, title: str | None = None):
    """The statements of ``text`` read as a plain-text document titled ``title`` (the title is
    where a joint statement names its parties when the body does not)."""
    from pledgebook.read.base import RawDocument

    return extractor.extract(RawDocument(source="statement.txt", text=text, title=title)).statements


def commitment_texts(statements) -> list[str]:
    """The commitments' texts with their whitespace folded: what the tests compare."""
    return [" ".join(s.text.split()) for s in statements if s.kind == "commitment"]


def news_statements(extractor, title: str, date: str, lead: str, sentence: str):
    """The statements of a news report headed ``title`` (dated ``date``, with an outlet's front
    matter) whose story is ``lead`` followed by ``sentence``: how a test reads one sentence of a
    news report whose opening names the parties."""
    from pledgebook.read import read_text

    text = (f"---\ntitle: \"{title}\"\ndate: \"{date}\"\nsource: \"http://example.com/news/x.htm\"\n"
            f"publisher: \"Example News\"\n---\n{lead} {sentence}\n")
    return extractor.extract(read_text(text, source="x.md", format="markdown")).statements


def joint_statements(extractor, body: str, title: str = "Joint Statement of the Leaders of Kenya and Norway"):
    """(kind, strength, text with its whitespace folded, rule) of each statement of ``body`` read as
    a joint statement under ``title`` (whose names give the document's parties)."""
    from pledgebook.read import read_text

    text = f"---\ntitle: \"{title}\"\ndate: '2025-06-20'\n---\n\n{body}\n"
    record = extractor.extract(read_text(text, source="x.md", format="markdown"))
    return [(s.kind, s.strength, " ".join(s.text.split()), s.rule) for s in record.statements]


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS} (set PLEDGEBOOK_CORPUS)")
    return CORPUS


@pytest.fixture(scope="session")
def extractor():
    from pledgebook.extract.pipeline import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def seed_text() -> str:
    # The founding example also ships inside the package, so this never depends on shared/.
    return (EXAMPLES / "2023-10-20_china-pakistan-joint-statement.txt").read_text(encoding="utf-8")


@pytest.fixture()
def package_copy(tmp_path: Path) -> Path:
    """A copy of the running ``pledgebook`` package (sources and data, no bytecode) under
    ``tmp_path/code``: edit it to show what a change to the code does."""
    import shutil

    from pledgebook.extract.version import PACKAGE_ROOT

    root = tmp_path / "code" / "pledgebook"
    shutil.copytree(PACKAGE_ROOT, root, ignore=shutil.ignore_patterns("__pycache__"))
    return root
