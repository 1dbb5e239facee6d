"""A ReadError crosses process boundaries: extraction workers return it to their parent pickled
(pipeline.extract_texts with jobs > 1), so it must come back whole."""

from __future__ import annotations

import pickle
import threading

from pledgebook.extract.pipeline import extract_paths
from pledgebook.read import ReadError
from pledgebook.read.base import OverLimit


def test_read_errors_survive_pickling_with_their_fields():
    for err in (ReadError("/data/a.pdf", "malformed PDF"), OverLimit("/data/b.txt", "over 20 MB")):
        back = pickle.loads(pickle.dumps(err))
        assert type(back) is type(err)
        assert (back.source, back.reason, str(back)) == (err.source, err.reason, str(err))


def test_workers_report_an_unreadable_file_to_the_parent(tmp_path):
    good = tmp_path / "2024-02-13_kenya-japan.txt"
    good.write_text("Kenya and Japan agreed to build a new port in Lamu by 2027.", encoding="utf-8")
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x00\x01\x02 binary")
    missing = tmp_path / "missing.txt"
    results: dict = {}
    # (in a daemon thread with a deadline: a worker's error the parent cannot unpickle hangs the pool)
    run = threading.Thread(target=lambda: results.update(extract_paths([str(good), str(binary), str(missing)], jobs=2)),
                           daemon=True)
    run.start()
    run.join(timeout=120)
    assert not run.is_alive(), "the worker pool hung on an unreadable file"
    assert isinstance(results[str(binary)], ReadError) and isinstance(results[str(missing)], ReadError)
    assert results[str(missing)].source == str(missing)
    assert not isinstance(results[str(good)], ReadError)
