"""Extraction on a Ray cluster, with the ledger ending exactly as the single-machine path
leaves it (tests/scale).

- The driver (this process) reads each file once, skips texts already stored by this extractor
  and codebook, and sends the document read: workers need no shared file system.
- One ``ExtractorActor`` per CPU of the cluster builds the extractor once and extracts every
  document sent to it. Ray's ``ActorPool`` hands the next document to whichever is free. The
  driver reads at most ``ahead`` documents per actor ahead of the last one stored in order,
  so memory stays bounded however many files there are.
- The driver puts the records back in input order and writes them in batches: one transaction
  per ``batch`` documents, one savepoint per document (a record the ledger refuses fails
  alone). Input order keeps document ids and fresh statement keys as the single path gives.
  A batch the database server dropped (restarted, unreachable) is written again for up to
  ``reconnect_seconds``: the records are still in memory, and no extraction is lost.
- Linking is not done here: the caller links once, after everything is stored, retrying a
  pass the server dropped for as long (``IngestPlan.reconnect``, serve/cli_support.py).
"""

from __future__ import annotations

import logging
import os
import socket
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain
from typing import Any

from sqlalchemy import Engine

from pledgebook.codebook import Codebook
from pledgebook.read.limits import DEFAULT_LIMITS, ReadLimits
from pledgebook.core.data import ExtractionRecord
from pledgebook.read.base import RawDocument
from pledgebook.scale.engines import DEFAULT_BATCH, DEFAULT_RECONNECT_SECONDS, EngineUnavailable, require_ray
from pledgebook.scale.writes import LedgerBatch
from pledgebook.store.batch import IngestSummary, current_versions, unstored_documents
from pledgebook.store.faults import Reconnect

OnFile = Callable[[str, str], None]


@dataclass(frozen=True, slots=True)
class RayOptions:
    address: str | None = None  # the cluster to join; None starts a local one for the run
    workers: int | None = None  # extractor actors (at most one per CPU); None: one per CPU
    batch: int = DEFAULT_BATCH  # documents per ledger transaction
    ahead: int = 2  # documents read ahead per actor (room for results waiting for an earlier one)
    object_store_mb: int = 512  # a local cluster's shared-memory object store (texts, records)
    reconnect_seconds: float = DEFAULT_RECONNECT_SECONDS  # how long to retry a ledger write or check the server dropped


class ExtractorActor:
    """Lives in a Ray worker process: builds the extractor once (the spaCy pipeline and the
    lexicons take seconds), then extracts every document sent to it."""

    def __init__(self, codebook_dir: str | None) -> None:
        from pledgebook.extract.pipeline import Extractor
        from pledgebook.extract.version import codebook_version, extractor_version

        book = Codebook.load(codebook_dir)
        self._extractor = Extractor(codebook=book)
        self._versions = (extractor_version(), codebook_version(book))
        self._ready_cpu = time.process_time()

    def versions(self) -> tuple[str, str]:
        return self._versions

    def busy_seconds(self) -> float:
        """CPU seconds this worker has spent extracting (its extractor's build left out)."""
        return time.process_time() - self._ready_cpu

    def extract(self, index: int, raw: RawDocument) -> tuple[int, ExtractionRecord | str]:
        """(index, record), or (index, why it failed): one bad document does not stop the rest."""
        try:
            return index, self._extractor.extract(raw)
        except Exception as err:  # noqa: BLE001 - reported as this file's failure
            return index, f"extraction failed: {type(err).__name__}: {err}"


def ingest_on_ray(
    engine: Engine,
    files: Sequence[str],
    *,
    options: RayOptions = RayOptions(),
    codebook: Codebook | None = None,
    versions: tuple[str, str] | None = None,
    on_file: OnFile = lambda path, status: None,
    limits: ReadLimits = DEFAULT_LIMITS,
) -> IngestSummary:
    """``store.batch.ingest_paths`` with extraction on Ray: the same summary, statuses and ledger.
    Raises ``EngineUnavailable`` when the cluster cannot be reached or fails midway (the batches
    written by then are whole documents; a re-run goes on from there)."""
    codebook = codebook or Codebook.load()
    versions = versions or current_versions(codebook)
    summary = IngestSummary()
    reconnect = summary.reconnect(Reconnect(options.reconnect_seconds))
    documents = unstored_documents(engine, files, versions, summary, on_file, limits=limits, reconnect=reconnect)
    first = next(documents, None)
    if first is None:
        return summary  # nothing to extract: no cluster needed
    with ray_connection(options) as ray:
        try:
            _extract_and_store(ray, engine, chain([first], documents), len(files), options, codebook, versions,
                               summary, on_file, reconnect)
        except ray.exceptions.RayError as err:
            raise EngineUnavailable(f"the Ray cluster failed: {_first_line(err)}") from None
    return summary


def _extract_and_store(ray: Any, engine: Engine, documents: Iterator[tuple[str, RawDocument]], most: int,
                       options: RayOptions, codebook: Codebook, versions: tuple[str, str], summary: IngestSummary,
                       on_file: OnFile, reconnect: Reconnect) -> None:
    """Extract ``documents`` (at most ``most``) on the cluster and store them in batches."""
    actors = start_extractors(ray, options, codebook, versions, most)
    pool = ray.util.ActorPool(actors)
    batch = LedgerBatch(engine, versions, summary, on_file, reconnect)
    for path, text, result in in_input_order(pool, documents, window=options.ahead * len(actors)):
        if isinstance(result, str):
            summary.fail(path, result, on_file)
            continue
        batch.add(path, result, text)
        if len(batch) >= options.batch:
            batch.write()
    batch.write()


def start_extractors(ray: Any, options: RayOptions, codebook: Codebook, versions: tuple[str, str],
                     documents: int) -> list[Any]:
    """One actor per CPU (fewer when ``options.workers`` or the documents are fewer), each
    checked to run this extractor and codebook: a node with another pledgebook would store
    other records under this one's versions."""
    cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
    count = max(1, min(cpus, options.workers or cpus, documents))
    # The bundled codebook is each node's own copy; another one is read from its directory,
    # which every node must then have (the version check below catches one that differs).
    directory = None if codebook.directory == Codebook.load().directory else str(codebook.directory)
    actor_class = ray.remote(num_cpus=1)(ExtractorActor)
    actors = [actor_class.remote(directory) for _ in range(count)]
    for found in ray.get([actor.versions.remote() for actor in actors]):
        if tuple(found) != tuple(versions):
            raise EngineUnavailable(
                f"a Ray worker runs extractor {found[0]} with codebook {found[1]}, this machine {versions[0]} "
                f"with {versions[1]}: install the same pledgebook and codebook on every node")
    return actors


def in_input_order(pool: Any, documents: Iterator[tuple[str, RawDocument]], window: int,
                   ) -> Iterator[tuple[str, str, ExtractionRecord | str]]:
    """(path, text, record or failure) for each document, in input order, extracted by the
    pool's actors in any order; at most ``window`` documents are out or waiting for an earlier one."""
    out: dict[int, tuple[str, str]] = {}  # sent, not yet yielded: index -> (path, text)
    back: dict[int, ExtractionRecord | str] = {}
    next_index = 0

    def collect() -> Iterator[tuple[str, str, ExtractionRecord | str]]:
        nonlocal next_index
        index, result = pool.get_next_unordered()
        back[index] = result
        while next_index in back:
            path, text = out.pop(next_index)
            yield path, text, back.pop(next_index)
            next_index += 1

    for index, (path, raw) in enumerate(documents):
        while len(out) >= window:
            yield from collect()
        out[index] = (path, raw.text)
        pool.submit(lambda actor, item: actor.extract.remote(*item), (index, raw))
    while out:
        yield from collect()


@contextmanager
def ray_connection(options: RayOptions) -> Iterator[Any]:
    """Ray, connected to ``options.address`` or to a local cluster started here, and shut down
    afterwards. A connection the caller already has (a notebook, the tests) is used as it is."""
    require_ray()
    if not options.address:
        local_cluster_switches()  # before Ray is first imported: it reads them then
    import ray

    if ray.is_initialized():
        yield ray
        return
    try:
        if options.address:
            answering(options.address)
            ray.init(address=options.address, **QUIET)
        else:
            start_local_cluster(options.workers, options.object_store_mb)
    except (ConnectionError, RuntimeError, ValueError, TimeoutError) as err:
        where = f"connect to the Ray cluster at {options.address}" if options.address else "start a local Ray cluster"
        raise EngineUnavailable(f"could not {where}: {_first_line(err)}") from None
    try:
        yield ray
    finally:
        ray.shutdown()


def answering(address: str, timeout: float = 10.0) -> None:
    """``EngineUnavailable`` unless something accepts connections at ``address`` (host:port,
    or ray://host:port for Ray Client): Ray itself retries an unanswered address for minutes."""
    if address == "auto":  # Ray finds the cluster that `ray start` left on this machine
        return
    host, _, port = address.split("://", 1)[-1].rpartition(":")
    if not host or not port.isdigit():
        raise EngineUnavailable(f"--address {address!r} is not host:port (or ray://host:port, or auto)")
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=timeout).close()
    except OSError as err:
        raise EngineUnavailable(f"could not connect to the Ray cluster at {address}: "
                                f"{err.strerror or type(err).__name__}") from None


QUIET = {"logging_level": logging.ERROR, "log_to_driver": False}  # the command's own lines only


def start_local_cluster(cpus: int | None = None, object_store_mb: int = 512) -> None:
    """Start a one-machine Ray cluster (``cpus``: all of this machine's when None)."""
    local_cluster_switches()
    import ray

    # address="local": a new cluster, never one that `ray start` left running on this machine
    ray.init(address="local", num_cpus=cpus, include_dashboard=False,
             object_store_memory=object_store_mb * 1024 * 1024, **QUIET)


def local_cluster_switches() -> None:
    """Keep a local cluster on this machine and quiet. Ray reads these switches from its
    processes' environment only (the driver's when ``ray`` is first imported): usage
    statistics off, and ``RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER=0``, which keeps every Ray process
    on 127.0.0.1 instead of the machine's network address. A value the user set is kept."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")


def _first_line(err: BaseException) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__
