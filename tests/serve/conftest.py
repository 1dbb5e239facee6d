"""A small ledger built by the real pipeline (`pledgebook ingest`) from two short statements,
shared by the output tests of every command."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # servekit

from servekit import DOCS, HASHING, invoke  # noqa: E402


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("docs")
    for name, text in DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def ledger_url(docs: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('ledger') / 'ledger.db'}"
    result = invoke("ingest", docs, "--db", url, "--no-progress", *HASHING)
    assert result.exit_code == 0, result.output
    return url
