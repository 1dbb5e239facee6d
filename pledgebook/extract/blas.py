"""The parse's matrix products on numpy's OpenBLAS, on one thread.

thinc computes the neural layers' matrix products (tok2vec's maxout layers, the parser's and the
NER's feature precomputation: about three quarters of a sentence parse's CPU time) with BLIS.
numpy's own OpenBLAS computes the same float32 products with parses alike (tests/extract/test_blas.py
compares them), in well under half of BLIS's CPU time on the Intel machine of session 11 but
hardly faster on an AMD EPYC (session 12: spaCy's whole pipeline 1.07x; bench/baseline_blas.py).

OpenBLAS would split each product over every core; on a machine whose cores are already busy
(other work, or extraction's own worker processes with ``--jobs``) the threads wait on each
other and burn more CPU than one thread does. So a product runs on one thread: the first product
in flight sets OpenBLAS to one thread and the last one restores the count it found (a product
elsewhere in the process, e.g. linking's similarities, runs as configured between them).

Where numpy's BLAS is not an OpenBLAS whose thread count can be set (another platform, another
build), ``fast_ops()`` is None and the pipeline keeps thinc's BLIS.
"""

from __future__ import annotations

import ctypes
import threading
from functools import lru_cache
from pathlib import Path

import numpy
from thinc.api import NumpyOps

# (set, get) thread-count functions, by the names numpy's wheels (scipy-openblas) and a plain
# OpenBLAS export them under
_THREAD_FUNCTIONS = (("scipy_openblas_set_num_threads64_", "scipy_openblas_get_num_threads64_"),
                     ("scipy_openblas_set_num_threads", "scipy_openblas_get_num_threads"),
                     ("openblas_set_num_threads64_", "openblas_get_num_threads64_"),
                     ("openblas_set_num_threads", "openblas_get_num_threads"))
_MAPS = Path("/proc/self/maps")  # the libraries this process has loaded (Linux)


class OneThread:
    """A context in which OpenBLAS runs on one thread; nested and concurrent entries share it."""

    def __init__(self, set_threads, get_threads) -> None:
        self._set, self._get = set_threads, get_threads
        self._lock = threading.Lock()
        self._inside = 0
        self._saved = 1

    def __enter__(self) -> None:
        with self._lock:
            if self._inside == 0:
                self._saved = self._get()
                if self._saved != 1:
                    self._set(1)
            self._inside += 1

    def __exit__(self, *_exc) -> None:
        with self._lock:
            self._inside -= 1
            if self._inside == 0 and self._saved != 1:
                self._set(self._saved)


class OpenBlasOps(NumpyOps):
    """thinc's numpy backend with its float32 ``gemm`` on numpy's OpenBLAS, on one thread."""

    def __init__(self, one_thread: OneThread) -> None:
        super().__init__()
        self.one_thread = one_thread

    def gemm(self, x, y, *, out=None, trans1=False, trans2=False):
        if x.dtype != numpy.float32 or y.dtype != numpy.float32 or x.ndim != 2 or y.ndim != 2:
            return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)  # BLIS's own checks and errors
        with self.one_thread:
            return numpy.matmul(x.T if trans1 else x, y.T if trans2 else y, out=out)


@lru_cache(maxsize=1)
def fast_ops() -> OpenBlasOps | None:
    """The OpenBLAS backend, or None when numpy's BLAS is no OpenBLAS this process can set to
    one thread (the caller keeps BLIS)."""
    functions = _openblas_thread_functions()
    return OpenBlasOps(OneThread(*functions)) if functions is not None else None


def _openblas_thread_functions():
    """numpy's OpenBLAS's (set, get) thread-count functions, found among the loaded libraries."""
    if "openblas" not in str(numpy.show_config(mode="dicts").get("Build Dependencies", {}).get("blas", {})).lower():
        return None
    try:
        lines = _MAPS.read_text().splitlines()
    except OSError:
        return None
    libraries = sorted({line.split()[-1] for line in lines if "openblas" in line.rsplit("/", 1)[-1].lower()})
    for path in libraries:
        try:
            library = ctypes.CDLL(path)
        except OSError:
            continue
        for set_name, get_name in _THREAD_FUNCTIONS:
            if hasattr(library, set_name) and hasattr(library, get_name):
                set_threads, get_threads = getattr(library, set_name), getattr(library, get_name)
                set_threads.argtypes, set_threads.restype = [ctypes.c_int], None
                get_threads.argtypes, get_threads.restype = [], ctypes.c_int
                return set_threads, get_threads
    return None
