"""pledgebook.link: threads of the same undertaking across documents, and statement diffs.

See docs/threads.md. Entry points:

- ``link_new_statements(engine, rebuild=False) -> LinkSummary``: run after ingest.
- ``list_threads``, ``get_thread``: read threads; ``merge_threads``, ``split_thread``: overrides.
- ``diff_documents(engine, old, new) -> DocumentDiff``.
- ``evaluate_gold_pairs()`` (pairwise P/R/F1 on gold/threads/pairs.yaml), ``bench_linking()``.
"""

from pledgebook.link.bench import bench_linking
from pledgebook.link.diff import DocumentDiff, DocumentNotFound, diff_documents
from pledgebook.link.embed import Embedder, HashingEmbedder, make_embedder
from pledgebook.link.ledger import LinkSummary, link_new_statements
from pledgebook.link.overrides import ThreadError, merge_threads, split_thread
from pledgebook.link.quality import PairEval, evaluate_gold_pairs
from pledgebook.link.views import ThreadFilter, ThreadView, get_thread, list_threads, thread_of_statement

__all__ = [
    "DocumentDiff", "DocumentNotFound", "Embedder", "HashingEmbedder", "LinkSummary", "PairEval",
    "ThreadError", "ThreadFilter", "ThreadView", "bench_linking", "diff_documents", "evaluate_gold_pairs",
    "get_thread", "link_new_statements", "list_threads", "make_embedder", "merge_threads", "split_thread",
    "thread_of_statement",
]
