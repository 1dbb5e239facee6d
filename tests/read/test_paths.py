"""iter_input_paths: deterministic walks, hidden files skipped, explicit files kept."""

from __future__ import annotations

import os

import pytest

from pledgebook.read import ReadError, iter_input_paths


def _tree(root, names):
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Both sides agreed.", encoding="utf-8")


def test_walk_is_sorted_recursive_and_filtered(tmp_path):
    _tree(
        tmp_path,
        [
            "b.md", "a.txt", "C.PDF", "notes.docx", "page.htm", "z/inner.html", "m/deep/x.markdown",
            ".hidden.txt", "._a.txt", ".git/config.txt", "m/.cache/y.md", "m/._y.md",
        ],
    )
    found = [p.relative_to(tmp_path).as_posix() for p in iter_input_paths([tmp_path])]
    assert found == ["C.PDF", "a.txt", "b.md", "page.htm", "m/deep/x.markdown", "z/inner.html"]
    assert found == [p.relative_to(tmp_path).as_posix() for p in iter_input_paths([str(tmp_path)])]


def test_explicit_files_are_yielded_whatever_their_extension(tmp_path):
    _tree(tmp_path, ["a.docx", "README", ".hidden.md", "d/b.txt"])
    given = [tmp_path / "a.docx", tmp_path / "README", tmp_path / ".hidden.md", tmp_path / "d"]
    assert list(iter_input_paths(given)) == [*given[:3], tmp_path / "d" / "b.txt"]


def test_each_file_once_in_the_order_given(tmp_path):
    _tree(tmp_path, ["d/a.txt", "d/b.txt"])
    paths = list(iter_input_paths([tmp_path / "d" / "b.txt", tmp_path / "d", tmp_path / "d" / "a.txt"]))
    assert paths == [tmp_path / "d" / "b.txt", tmp_path / "d" / "a.txt"]


def test_missing_path_raises_before_anything_is_yielded(tmp_path):
    _tree(tmp_path, ["a.txt"])
    walk = iter_input_paths([tmp_path / "a.txt", tmp_path / "missing"])
    with pytest.raises(ReadError) as info:
        next(walk)
    assert str(info.value) == f"{tmp_path / 'missing'}: no such file or directory"


def test_symlinked_directories_are_not_followed(tmp_path):
    _tree(tmp_path, ["d/a.txt"])
    os.symlink(tmp_path / "d", tmp_path / "d" / "loop")
    assert list(iter_input_paths([tmp_path])) == [tmp_path / "d" / "a.txt"]
