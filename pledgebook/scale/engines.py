"""Choosing the extraction engine for ``pledgebook ingest`` and running it.

``plan_ingest`` checks the choice before any work (Ray installed, ``--address`` only with
Ray), so a command can refuse it with one line; ``IngestPlan.ingest`` then runs it. Its writes,
and the linking pass the caller runs after it (``IngestPlan.reconnect``), ride out a database
server that drops the connection for ``reconnect_seconds``."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from pledgebook.read.limits import DEFAULT_LIMITS, ReadLimits

if TYPE_CHECKING:  # imported when run: the CLI imports this module to build its options
    from sqlalchemy import Engine

    from pledgebook.codebook import Codebook
    from pledgebook.store.batch import IngestSummary
    from pledgebook.store.faults import Reconnect

RAY_MISSING = ("--engine ray needs Ray, which is not installed here: "
               "pip install 'pledgebook[ray]' (or bash scripts/setup.sh --ray)")


DEFAULT_BATCH = 50  # documents per ledger transaction on Ray
DEFAULT_RECONNECT_SECONDS = 30.0  # how long ingest retries what a dropped database server lost


class EngineName(str, Enum):
    local = "local"  # this machine: one process, or --jobs worker processes
    ray = "ray"  # a Ray cluster: the one at --address, else a local one started for the run


class EngineUnavailable(Exception):
    """The engine asked for cannot run: not installed, bad options, or its cluster failed."""


@dataclass(frozen=True, slots=True)
class IngestPlan:
    engine: EngineName = EngineName.local
    jobs: int = 1  # local: worker processes; ray: at most this many extractors when > 1
    address: str | None = None  # ray: the cluster to join (None: start a local one)
    batch: int = DEFAULT_BATCH  # ray: documents per ledger transaction
    reconnect_seconds: float = DEFAULT_RECONNECT_SECONDS  # how long to retry a ledger write or check the database server dropped

    def ingest(
        self,
        ledger: Engine,
        files: Sequence[str],
        *,
        codebook: Codebook | None = None,
        on_file: Callable[[str, str], None] = lambda path, status: None,
        limits: ReadLimits = DEFAULT_LIMITS,
    ) -> IngestSummary:
        """Extract and store ``files`` (see ``store.batch.ingest_paths`` for ``on_file`` and
        ``limits``, how large a document may be)."""
        if self.engine is EngineName.local:
            from pledgebook.store.batch import ingest_paths

            return ingest_paths(ledger, files, jobs=self.jobs, codebook=codebook, on_file=on_file, limits=limits,
                                reconnect=self.reconnect())
        from pledgebook.scale.ray_engine import RayOptions, ingest_on_ray

        options = RayOptions(address=self.address, workers=self.jobs if self.jobs > 1 else None, batch=self.batch,
                             reconnect_seconds=self.reconnect_seconds)
        return ingest_on_ray(ledger, files, options=options, codebook=codebook, on_file=on_file, limits=limits)

    def reconnect(self, summary: IngestSummary | None = None) -> Reconnect:
        """How long a transaction the database server dropped is retried (the caller's linking
        pass too: ``link_new_statements(reconnect=...)``), counted in ``summary.reconnects``."""
        from pledgebook.store.faults import Reconnect

        reconnect = Reconnect(self.reconnect_seconds)
        return summary.reconnect(reconnect) if summary is not None else reconnect


def plan_ingest(engine: EngineName | str = EngineName.local, *, jobs: int = 1, address: str | None = None,
                batch: int | None = None, reconnect_seconds: float = DEFAULT_RECONNECT_SECONDS) -> IngestPlan:
    """The plan for these options, or ``EngineUnavailable`` saying why it cannot run."""
    try:
        name = EngineName(engine)
    except ValueError:
        raise EngineUnavailable(f"unknown engine {engine!r}: local or ray") from None
    if address is not None and name is not EngineName.ray:
        raise EngineUnavailable("--address names a Ray cluster: use it with --engine ray")
    if batch is not None and name is not EngineName.ray:
        raise EngineUnavailable("--batch sets how many documents Ray's driver stores at once: use it with --engine ray")
    batch = DEFAULT_BATCH if batch is None else batch
    if batch < 1:
        raise EngineUnavailable(f"batch must be at least 1, not {batch}")
    if reconnect_seconds < 0:
        raise EngineUnavailable(f"reconnect seconds must be 0 or more, not {reconnect_seconds}")
    if name is EngineName.ray:
        require_ray()
    return IngestPlan(name, jobs, address, batch, reconnect_seconds)


def require_ray() -> None:
    """``EngineUnavailable`` with how to install Ray (an optional extra) when it is missing.
    Only looked up, not imported: a local cluster sets Ray's switches before the import."""
    if importlib.util.find_spec("ray") is None:
        raise EngineUnavailable(RAY_MISSING)
