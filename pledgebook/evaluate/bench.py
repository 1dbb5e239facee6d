"""``pledgebook bench`` measurements (method: docs/evaluation.md):

- extraction throughput, side by side with spaCy's own full pipeline on the same texts in the
  same run, and peak memory;
- ingest throughput into a fresh ledger (SQLite, and PostgreSQL when a server is given);
- thread linking time for N synthetic statements (``pledgebook.link.bench_linking``).
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from pledgebook.read import RawDocument, ReadError, read_document

REPO = Path(__file__).resolve().parents[2]
BENCH_DIR = REPO / "bench"  # the sample lists live beside the package, in the repository
SAMPLES = {"joint": ("sample-joint.txt",), "un": ("sample-un.txt",), "all": ("sample-joint.txt", "sample-un.txt")}
SECTIONS = ("extract", "ingest", "link")
# A PostgreSQL server for the ingest section when --pg is not given (first one set wins).
PG_ENVS = ("PLEDGEBOOK_BENCH_PG_URL", "PLEDGEBOOK_TEST_PG_URL")


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
    peak_rss_extract_mb: float  # this process before the baseline's pipeline is loaded: extraction's own
    peak_rss_self_mb: float  # this process at the end (both pipelines loaded, the baseline run)
    peak_rss_children_mb: float
    # CPU seconds (fastest run): steadier than wall time on a shared machine; ours counts the
    # worker processes with jobs > 1
    ours_cpu_seconds: float = 0.0
    spacy_cpu_seconds: float = 0.0
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

    @property
    def cpu_ratio(self) -> float:
        """The same ratio by CPU time: spaCy's CPU seconds over ours."""
        return self.spacy_cpu_seconds / self.ours_cpu_seconds if self.ours_cpu_seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "ours_words_per_second": self.ours_wps, "spacy_words_per_second": self.spacy_wps,
                "ratio": self.ratio, "cpu_ratio": self.cpu_ratio}


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


@dataclass(slots=True)
class _Sample:
    files: list[str]  # the readable ones
    texts: list[str]  # their bodies
    words: int
    errors: list[str]


def _read_sample(paths: Sequence[str | Path]) -> _Sample:
    files: list[str] = []
    texts: list[str] = []
    errors: list[str] = []
    for p in paths:
        try:
            texts.append(body(read_document(p)))
            files.append(str(p))
        except ReadError as err:
            errors.append(str(err))
    if not files:
        raise ValueError("no readable documents to benchmark")
    return _Sample(files, texts, sum(len(t.split()) for t in texts), errors)


def run_bench(paths: Sequence[str | Path], jobs: int = 1, repeat: int = 1, sample: str = "custom",
              codebook: Path | None = None) -> BenchResult:
    """Extraction throughput (ours end to end vs spaCy's full pipeline) and peak memory;
    ``codebook``: the codebook directory to extract with (the bundled one by default)."""
    from pledgebook.extract.nlp import load_nlp
    from pledgebook.extract.pipeline import extract_paths

    read = _read_sample(paths)
    files, texts, words, errors = read.files, read.texts, read.words, read.errors

    # Load models and warm up outside the timings. Our extractor is built in this process by
    # the first call; with jobs > 1, forked workers inherit it (see docs/evaluation.md).
    list(extract_paths(files[:1], jobs=1, codebook=codebook))

    def run_ours() -> int:
        return sum(len(rec.statements) for _, rec in extract_paths(files, jobs=jobs, codebook=codebook)
                   if not isinstance(rec, ReadError))

    # our first run comes before the baseline's pipeline is loaded: the peak memory up to then is
    # extraction's own (model, codebook, the sample's texts)
    ours = [_timed(run_ours)]
    extract_peak = _peak_rss_mb(resource.RUSAGE_SELF)
    nlp = load_nlp(full=True)
    list(nlp.pipe(texts[:1]))

    def run_theirs() -> int:
        for _doc in nlp.pipe(texts):
            pass
        return 0

    theirs = [_timed(run_theirs)]
    for _ in range(repeat - 1):  # interleaved, so both see the same machine load
        ours.append(_timed(run_ours))
        theirs.append(_timed(run_theirs))
    statements = ours[-1][1]

    return BenchResult(
        sample=sample, documents=len(files), words=words, jobs=jobs, repeat=repeat,
        ours_seconds=min(t for t, _, _ in ours), spacy_seconds=min(t for t, _, _ in theirs), statements=statements,
        ours_cpu_seconds=min(c for _, _, c in ours), spacy_cpu_seconds=min(c for _, _, c in theirs),
        spacy_model=f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}",
        spacy_components=list(nlp.pipe_names),
        peak_rss_extract_mb=extract_peak,
        peak_rss_self_mb=_peak_rss_mb(resource.RUSAGE_SELF),
        peak_rss_children_mb=_peak_rss_mb(resource.RUSAGE_CHILDREN),
        read_errors=errors,
    )


@dataclass(slots=True)
class IngestBench:
    backend: str  # sqlite | postgresql
    documents: int  # readable documents offered to the ingest
    words: int
    jobs: int
    seconds: float  # ingest_paths alone: the fresh ledger is created and migrated before
    stored: int  # documents stored new by the run (all of them, on a fresh ledger)
    failed: list[str] = field(default_factory=list)

    @property
    def documents_per_second(self) -> float:
        return self.documents / self.seconds

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "documents_per_second": self.documents_per_second,
                "words_per_second": self.words_per_second}


def run_ingest_bench(paths: Sequence[str | Path], url: str, jobs: int = 1, codebook: Path | None = None) -> IngestBench:
    """Ingest the sample with ``ingest_paths`` into the empty ledger at ``url`` and time it."""
    from pledgebook.codebook import Codebook
    from pledgebook.extract.pipeline import extract_paths
    from pledgebook.store import open_database
    from pledgebook.store.batch import ingest_paths

    read = _read_sample(paths)
    list(extract_paths(read.files[:1], jobs=1, codebook=codebook))  # build the extractor (forked workers inherit it)
    engine = open_database(url)  # creating and migrating the ledger is not part of the figure
    try:
        start = time.perf_counter()
        summary = ingest_paths(engine, read.files, jobs=jobs, codebook=Codebook.load(codebook))
        seconds = time.perf_counter() - start
    finally:
        engine.dispose()
    return IngestBench(
        backend=engine.dialect.name, documents=len(read.files), words=read.words, jobs=jobs, seconds=seconds,
        stored=summary.new, failed=read.errors + [f"{path}: {reason}" for path, reason in summary.failed],
    )


@contextmanager
def fresh_sqlite() -> Iterator[str]:
    """A SQLite ledger URL in a temporary directory, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="pledgebook-bench-") as tmp:
        yield f"sqlite:///{Path(tmp) / 'ledger.db'}"


def fresh_postgres(server_url: str):
    """A new, empty database on the PostgreSQL server at ``server_url``, dropped afterwards."""
    from pledgebook.store.scratch import scratch_postgres_database

    return scratch_postgres_database(server_url, prefix="pledgebook_bench")


def postgres_server(option: str | None = None) -> str | None:
    """``--pg``, else the first of $PLEDGEBOOK_BENCH_PG_URL, $PLEDGEBOOK_TEST_PG_URL that is set."""
    return option or next((os.environ[v] for v in PG_ENVS if os.environ.get(v)), None)


def run_link_bench(n_statements: int) -> dict[str, Any]:
    """``pledgebook.link.bench_linking``: seconds to thread ``n_statements`` (budget 120 s)."""
    from pledgebook.link import bench_linking

    return bench_linking(n_statements)


@dataclass(slots=True)
class BenchReport:
    """The sections that were asked for; a section not run is None (or empty)."""

    extract: BenchResult | None = None
    ingest: list[IngestBench] = field(default_factory=list)
    ingest_notes: list[str] = field(default_factory=list)  # e.g. why PostgreSQL was not measured
    link: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "extract": self.extract.to_dict() if self.extract else None,
            "ingest": [i.to_dict() for i in self.ingest],
            "ingest_notes": self.ingest_notes,
            "link": self.link,
        }


def run_report(
    paths: Sequence[str | Path],
    *,
    what: Sequence[str] = SECTIONS,
    jobs: int = 1,
    repeat: int = 1,
    sample: str = "custom",
    pg_url: str | None = None,
    link_statements: int = 100_000,
    codebook: Path | None = None,
) -> BenchReport:
    """Run the chosen sections of the benchmark, in the order extract, ingest, link.

    Ingest always measures a fresh SQLite file, and PostgreSQL when ``pg_url`` (a server URL:
    a fresh database is created on it and dropped afterwards) is given."""
    unknown = set(what) - set(SECTIONS)
    if unknown:
        raise ValueError(f"unknown bench section(s) {', '.join(sorted(unknown))}: choose from {', '.join(SECTIONS)}")
    report = BenchReport()
    if "extract" in what:
        report.extract = run_bench(paths, jobs=jobs, repeat=repeat, sample=sample, codebook=codebook)
    if "ingest" in what:
        with fresh_sqlite() as url:
            report.ingest.append(run_ingest_bench(paths, url, jobs=jobs, codebook=codebook))
        if pg_url:
            with fresh_postgres(pg_url) as url:
                report.ingest.append(run_ingest_bench(paths, url, jobs=jobs, codebook=codebook))
        else:
            report.ingest_notes.append(f"PostgreSQL not measured: give --pg URL or set {' or '.join(PG_ENVS)}")
    if "link" in what:
        report.link = run_link_bench(link_statements)
    return report


def _timed(run) -> tuple[float, int, float]:
    """(wall seconds, what ``run()`` returned, CPU seconds of this process and its finished children)."""
    cpu, start = _cpu_seconds(), time.perf_counter()
    value = run()
    return time.perf_counter() - start, value, _cpu_seconds() - cpu


def _cpu_seconds() -> float:
    mine, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return mine.ru_utime + mine.ru_stime + children.ru_utime + children.ru_stime


def _peak_rss_mb(who: int) -> float:
    peak = resource.getrusage(who).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # bytes on macOS, KiB elsewhere
