"""Pathological text never takes more than linear time: the time at 4N over the time at N stays
near 4 (a quadratic step gives 16; at 2N against 2 and 4 the noise of a busy machine reached the
line between them). CPU time of this process, the best of a few runs, so that a
busy machine does not read as a slow step; the margin is generous and the sizes small."""

from __future__ import annotations

import contextlib
import gc
import random
import time
from collections.abc import Callable

import pytest

from pledgebook.codebook import Codebook
from pledgebook.read import ReadError, read_document, read_text
from pledgebook.segment.attribution import peel_attribution
from pledgebook.segment.segmenter import ends_in_ellipsis, segment

SCALE = 4
MAX_RATIO = 8.0  # linear: about 4; quadratic: about 16
_WORDS = "the states will cooperate on trade and build roads with partners in the region".split()


def _cpu(work: Callable[[], object], runs: int = 3) -> float:
    """The least CPU time of ``runs`` runs of ``work``, the garbage of earlier tests collected
    first and the collector off while it runs (its pauses are not the step's time)."""
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        gc.disable()
        try:
            started = time.process_time()
            work()
            best = min(best, time.process_time() - started)
        finally:
            gc.enable()
    return best


def _ratio(make: Callable[[int], str], n: int, run: Callable[[str], object], runs: int = 3) -> float:
    small, large = make(n), make(SCALE * n)
    run(small)  # warm caches (regexes, the codebook)
    return _cpu(lambda: run(large), runs) / max(_cpu(lambda: run(small), runs), 1e-3)


def long_sentence(words: int) -> str:
    rng = random.Random(words)
    return "France " + " ".join(rng.choice(_WORDS) for _ in range(words)) + "."


def number_table(cells: int) -> str:
    rng = random.Random(cells)
    return "\n".join(" ".join(f"{rng.randint(0, 99999):>6}" for _ in range(10)) for _ in range(cells // 10))


def one_line_of_sentences(words: int) -> str:
    return " ".join("France will build a road." for _ in range(words // 5))


RUNS = {
    "full stops": lambda n: "a" + "." * n + " x",
    "commas without words": lambda n: "We will build it" + " ," * n + " officials said.",
    "dots and quotes": lambda n: "We will build it" + '..."' * n + " x",
    "abbreviations": lambda n: "U.S. " * (n // 5),
    "closing punctuation": lambda n: "We will" + ' ."' * n + "x",
}


@pytest.fixture(scope="module")
def book():
    return Codebook.load().segmentation


@pytest.mark.parametrize("name", sorted(RUNS))
def test_segmentation_of_runs_is_linear(book, name):
    """Runs that make a backtracking regex or a look-back loop quadratic, through the segmenter
    and the checks applied to every sentence (attribution, trailing ellipsis)."""

    def run(text: str) -> None:
        for para in segment(read_text(text), book):
            for sent in para.sentences:
                peel_attribution(sent, book.attribution)
                ends_in_ellipsis(sent.view.clean)

    ratio = _ratio(RUNS[name], 50_000, run)
    assert ratio < MAX_RATIO, f"time at 200,000 / time at 50,000: {ratio:.2f}"


@pytest.mark.parametrize("make, n", [(long_sentence, 2000), (number_table, 2000), (one_line_of_sentences, 300)],
                         ids=["a long sentence", "a table of numbers", "one line of sentences"])
def test_extraction_of_pathological_text_is_linear(extractor, make, n):
    ratio = _ratio(make, n, lambda text: extractor.extract(read_text(text)))
    assert ratio < MAX_RATIO, f"time at {SCALE * n} / time at {n}: {ratio:.2f}"


def test_deeply_nested_html_reads_in_linear_time(tmp_path):
    def nested(depth: int) -> str:
        return f"<html><body>{'<div>' * depth}France will build a road.{'</div>' * depth}</body></html>"

    def run(html: str) -> None:
        path = tmp_path / "nested.html"
        path.write_text(html, encoding="utf-8")
        # the HTML parser gives up past 256 levels (libxml2's limit): a clean refusal, in time
        with contextlib.suppress(ReadError):
            read_document(path)

    assert _ratio(nested, 1500, run, runs=2) < MAX_RATIO
