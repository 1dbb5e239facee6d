"""Access to the packaged codebook data files (YAML/CSV under codebook/data)."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources

import yaml

DATA_PACKAGE = "pledgebook.codebook"


def data_bytes(name: str) -> bytes:
    return resources.files(DATA_PACKAGE).joinpath("data", name).read_bytes()


@lru_cache(maxsize=None)
def read_yaml(name: str) -> dict:
    """Parse one packaged YAML file; every codebook file carries a ``version`` key."""
    data = yaml.safe_load(data_bytes(name))
    if not isinstance(data, dict) or "version" not in data:
        raise ValueError(f"codebook file {name} must be a mapping with a 'version' key")
    return data


def files_digest(names: list[str]) -> str:
    h = hashlib.sha256()
    for name in sorted(names):
        h.update(name.encode())
        h.update(data_bytes(name))
    return h.hexdigest()[:12]
