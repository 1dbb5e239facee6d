"""Ingest re-extracts a stored document when the extractor's code or the codebook changed, and
keeps the old run: shown with a real copy of the package whose rule code is edited, run as
`pledgebook ingest` in a fresh process, and with an edited copy of the codebook."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

import pledgebook

from pledgebook.codebook import BUNDLED, Codebook
from pledgebook.codebook.book import FILES
from pledgebook.extract.version import extractor_version, source_digest
from pledgebook.store import open_database
from pledgebook.store.batch import current_versions, ingest_paths

DOCUMENT = "China and Pakistan agreed to build a new road. The two sides pledged to expand trade.\n"


def _runs(url: str) -> list[tuple[str, str, bool, int]]:
    """(extractor_version, codebook_version, is_current, statements) of every run, oldest first."""
    engine = open_database(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT r.extractor_version, r.codebook_version, r.is_current, "
                "(SELECT count(*) FROM statements s WHERE s.run_id = r.id) "
                "FROM extraction_runs r ORDER BY r.id")).all()
    finally:
        engine.dispose()
    return [(e, c, bool(cur), n) for e, c, cur, n in rows]


def _ingest_with(package_parent: Path, doc: Path, url: str) -> str:
    """`pledgebook ingest` run by the package copy under ``package_parent``; its summary line."""
    env = {**os.environ, "PYTHONPATH": str(package_parent)}
    # cwd: `python -m` puts the working directory first on the path, and it must not hold a pledgebook
    proc = subprocess.run([sys.executable, "-m", "pledgebook", "ingest", str(doc), "--db", url, "--no-progress",
                           "--no-link"], env=env, cwd=package_parent, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return proc.stderr.strip().splitlines()[-1]


def test_a_change_to_a_rule_re_extracts_on_the_next_ingest_and_keeps_the_old_run(tmp_path: Path, package_copy: Path):
    root = package_copy
    doc = tmp_path / "doc.txt"
    doc.write_text(DOCUMENT, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'ledger.db'}"

    assert _ingest_with(root.parent, doc, url) == "1 new, 0 unchanged, 0 re-extracted, 0 failed"
    (first,) = _runs(url)
    assert first[0] == extractor_version()  # the copy runs the same code as this process

    clauses = root / "extract" / "clauses.py"
    clauses.write_text(clauses.read_text(encoding="utf-8") + "\n# a fix to a rule\n", encoding="utf-8")
    assert _ingest_with(root.parent, doc, url) == "0 new, 0 unchanged, 1 re-extracted, 0 failed"
    old, new = _runs(url)
    assert old == (first[0], first[1], False, first[3]) and first[3] == 2  # kept, with its statements
    assert new == (f"{pledgebook.__version__}+{source_digest(root)}", first[1], True, 2)
    assert new[0] != old[0]
    assert _ingest_with(root.parent, doc, url) == "0 new, 1 unchanged, 0 re-extracted, 0 failed"


def test_another_codebook_re_extracts_and_keeps_the_old_run(tmp_path: Path):
    doc = tmp_path / "doc.txt"
    doc.write_text(DOCUMENT, encoding="utf-8")
    edited = tmp_path / "codebook"
    edited.mkdir()
    for name in FILES:
        shutil.copy(BUNDLED / name, edited / name)
    triggers = edited / "triggers.yaml"
    verb = "  pledge:     {kind: commitment, strength: firm, needs_action: true, otherwise: commitment}\n"
    triggers.write_text(triggers.read_text(encoding="utf-8").replace(verb, ""), encoding="utf-8")
    codebook = Codebook.load(edited)
    assert current_versions(codebook)[1] != current_versions()[1]

    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    engine = open_database(url)
    try:
        assert ingest_paths(engine, [str(doc)]).new == 1
        assert ingest_paths(engine, [str(doc)], codebook=codebook).reextracted == 1
        assert ingest_paths(engine, [str(doc)], codebook=codebook).unchanged == 1
    finally:
        engine.dispose()
    old, new = _runs(url)
    assert (old[2], old[3]) == (False, 2)  # both undertakings, as the bundled codebook found them
    assert (new[1], new[2], new[3]) == (current_versions(codebook)[1], True, 1)  # 'pledged' is no trigger there
