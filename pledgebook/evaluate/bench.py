"""End-to-end extraction throughput, side by side with spaCy's own full pipeline on the same
texts in the same run (method: docs/evaluation.md)."""

from __future__ import annotations

import os
import resource
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from pledgebook.read import RawDocument, ReadError, read_document

REPO = Path(__file__).resolve().parents[2]
BENCH_DIR = REPO / "bench"  # the sample lists live beside the package, in the repository
SAMPLES = {"joint": ("sample-joint.txt",), "un": ("sample-un.txt",), "all": ("sample-joint.txt", "sample-un.txt")}


@dataclass(slots=True)
class BenchResult:
    sample: str
    documents: int
    words: int  # whitespace-separated tokens of the bodies
    jobs: int  # our worker processes; the spaCy baseline is always one process
    repeat: int
    ours_seconds: float  # fastest of the repeats
    spacy_seconds: float
    statements: int
    spacy_model: str
    spacy_components: list[str]
    peak_rss_self_mb: float
    peak_rss_children_mb: float
    read_errors: list[str] = field(default_factory=list)

    @property
    def ours_wps(self) -> float:
        return self.words / self.ours_seconds

    @property
    def spacy_wps(self) -> float:
        return self.words / self.spacy_seconds

    @property
    def ratio(self) -> float:
        """Our throughput over spaCy's: 1.0 = as fast as parsing alone."""
        return self.ours_wps / self.spacy_wps

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "ours_words_per_second": self.ours_wps, "spacy_words_per_second": self.spacy_wps,
                "ratio": self.ratio}


def corpus_root(option: Path | None = None) -> Path:
    """``--corpus``, else $PLEDGEBOOK_CORPUS, else ``shared/corpus`` beside the repository."""
    if option is not None:
        return option
    env = os.environ.get("PLEDGEBOOK_CORPUS")
    return Path(env) if env else REPO.parent / "shared" / "corpus"


def sample_paths(sample: str, corpus: Path, bench_dir: Path = BENCH_DIR) -> list[Path]:
    """The files of a named sample; lines of the list are paths relative to ``corpus``."""
    paths: list[Path] = []
    for name in SAMPLES[sample]:
        listing = bench_dir / name
        if not listing.is_file():
            raise FileNotFoundError(f"sample list {listing} not found (it ships in the repository's bench/)")
        for line in listing.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                paths.append(corpus / line)
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise FileNotFoundError(f"{len(missing)} sample file(s) missing under {corpus}, e.g. {missing[0]}")
    return paths


def body(raw: RawDocument) -> str:
    return raw.text[raw.body_start :]


def run_bench(paths: Sequence[str | Path], jobs: int = 1, repeat: int = 1, sample: str = "custom") -> BenchResult:
    from pledgebook.extract.nlp import load_nlp
    from pledgebook.extract.pipeline import extract_paths

    raws: list[tuple[str, RawDocument]] = []
    errors: list[str] = []
    for p in paths:
        try:
            raws.append((str(p), read_document(p)))
        except ReadError as err:
            errors.append(str(err))
    if not raws:
        raise ValueError("no readable documents to benchmark")
    files = [p for p, _ in raws]
    texts = [body(r) for _, r in raws]
    words = sum(len(t.split()) for t in texts)

    # Load models and warm up outside the timings. Our extractor is built in this process by
    # the first call; with jobs > 1, forked workers inherit it (see docs/evaluation.md).
    list(extract_paths(files[:1], jobs=1))
    nlp = load_nlp(full=True)
    list(nlp.pipe(texts[:1]))

    ours: list[float] = []
    theirs: list[float] = []
    statements = 0
    for _ in range(repeat):  # interleaved, so both see the same machine load
        start = time.perf_counter()
        statements = sum(len(rec.statements) for _, rec in extract_paths(files, jobs=jobs)
                         if not isinstance(rec, ReadError))
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        for _doc in nlp.pipe(texts):
            pass
        theirs.append(time.perf_counter() - start)

    return BenchResult(
        sample=sample, documents=len(files), words=words, jobs=jobs, repeat=repeat,
        ours_seconds=min(ours), spacy_seconds=min(theirs), statements=statements,
        spacy_model=f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}",
        spacy_components=list(nlp.pipe_names),
        peak_rss_self_mb=_peak_rss_mb(resource.RUSAGE_SELF),
        peak_rss_children_mb=_peak_rss_mb(resource.RUSAGE_CHILDREN),
        read_errors=errors,
    )


def _peak_rss_mb(who: int) -> float:
    peak = resource.getrusage(who).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # bytes on macOS, KiB elsewhere
