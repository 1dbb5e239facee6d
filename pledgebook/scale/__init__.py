"""Where extraction runs: on this machine (``store.batch.ingest_paths``, ``--jobs`` processes)
or on a Ray cluster (``scale.ray_engine``). Either way the ledger ends the same
(docs/scaling.md)."""

from pledgebook.scale.engines import EngineName, EngineUnavailable, IngestPlan, plan_ingest

__all__ = ["EngineName", "EngineUnavailable", "IngestPlan", "plan_ingest"]
