"""A full disk and a read-only ledger (SQLite): the ingest ends with one clear error line,
leaves a consistent ledger, and a re-run once the disk is fixed ends identical to a clean run.

How the disk fills (printed with `pytest -s`): as root, a real tmpfs of a few hundred KB
mounted for the ledger (the kernel answers ENOSPC), and, for any user, the child's
RLIMIT_FSIZE (the kernel answers EFBIG when the ledger grows past it). Read-only: as root a
tmpfs remounted read-only, otherwise the file and its folder without write permission."""

from __future__ import annotations

import os
import resource
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import CleanRun
from runner import DOCS, consistent_so_far, error_lines, ingest, pledgebook, rerun_completes, run, state_of

from pledgebook.store import open_database


def mountable() -> bool:
    return os.geteuid() == 0 and subprocess.run(["mount", "--version"], capture_output=True).returncode == 0


@contextmanager
def tmpfs(where: Path, size: int) -> Iterator[Path]:
    where.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], check=True)
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=True)


def remount(where: Path, options: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{options}", str(where)], check=True)


ROOM = 120_000  # bytes past the empty ledger: a few documents' worth


def empty_ledger(url: str) -> int:
    """Create the ledger (every migration applied); its size once closed."""
    open_database(url).dispose()
    return Path(url.removeprefix("sqlite:///")).stat().st_size


def one_line_error(stderr: str, *words: str) -> str:
    lines = error_lines(stderr)
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    assert all(w in lines[0] for w in words), lines[0]
    return lines[0]


def test_full_disk_tmpfs(docs: Path, clean_sqlite: CleanRun, tmp_path: Path) -> None:
    if not mountable():  # not hiding anything: test_full_disk_file_size_limit runs for every user
        pytest.skip("mounting a small tmpfs needs root")
    with tmpfs(tmp_path / "disk", 64 * 1024 * 1024) as disk:
        url = f"sqlite:///{disk / 'ledger.db'}"
        budget = empty_ledger(url) + 2 * ROOM  # WAL index and log too: fills while storing documents
        remount(disk, f"size={budget}")
        failed = run(ingest(url, docs))
        assert failed.returncode == 1, failed.stderr
        line = one_line_error(failed.stderr, "the disk is full", "Run the same command again")
        stored = len(consistent_so_far(url).documents)
        assert stored < len(DOCS)
        remount(disk, "size=64m")
        rerun_completes(url, docs, clean_sqlite.state)
    print(f"\nfull disk (tmpfs of {budget} bytes): stopped after {stored}/{len(DOCS)} documents: {line}")


def test_full_disk_file_size_limit(docs: Path, clean_sqlite: CleanRun, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    limit = empty_ledger(url) + ROOM

    def cap() -> None:  # in the child, before exec: files it writes may not grow past the limit
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    failed = run(ingest(url, docs), preexec_fn=cap)
    assert failed.returncode == 1, failed.stderr
    line = one_line_error(failed.stderr, "Run the same command again")
    assert "disk" in line, line
    stored = len(consistent_so_far(url).documents)
    assert stored < len(DOCS)
    rerun_completes(url, docs, clean_sqlite.state)
    print(f"\nfull disk (RLIMIT_FSIZE {limit} bytes): stopped after {stored}/{len(DOCS)} documents: {line}")


@contextmanager
def read_only(folder: Path, ledger: Path) -> Iterator[str]:
    """Make the ledger read-only for real; yields how."""
    if mountable():
        remount(folder, "ro")
        try:
            yield "a tmpfs remounted read-only"
        finally:
            remount(folder, "rw")
    else:
        ledger.chmod(0o444)
        folder.chmod(0o555)
        try:
            yield "the file and its folder without write permission"
        finally:
            folder.chmod(0o755)
            ledger.chmod(0o644)


def test_read_only_ledger(docs: Path, clean_sqlite: CleanRun, tmp_path: Path) -> None:
    @contextmanager
    def folder() -> Iterator[Path]:
        if mountable():
            with tmpfs(tmp_path / "disk", 64 * 1024 * 1024) as disk:
                yield disk
        else:
            (tmp_path / "disk").mkdir()
            yield tmp_path / "disk"

    with folder() as where:
        ledger = where / "ledger.db"
        url = f"sqlite:///{ledger}"
        first = run(ingest(url, docs / DOCS[0].name, str(docs / DOCS[1].name)))
        assert first.returncode == 0, first.stderr
        before = state_of(url)
        with read_only(where, ledger) as how:
            refused = run(ingest(url, docs))
            relink = run(pledgebook("link", "--db", url))
        assert refused.returncode == 2, refused.stderr
        line = one_line_error(refused.stderr, "read-only", str(ledger))
        assert relink.returncode == 2, relink.stderr
        one_line_error(relink.stderr, "read-only")
        assert state_of(url) == before  # nothing changed
        rerun_completes(url, docs, clean_sqlite.state)
    print(f"\nread-only ledger ({how}): {line}")
