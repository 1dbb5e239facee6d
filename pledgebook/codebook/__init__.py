"""The codebook: the vocabulary pledgebook extracts with, as validated data (docs/codebook.md)."""

from pledgebook.codebook.book import BUNDLED, Codebook
from pledgebook.codebook.files import CodebookError

__all__ = ["BUNDLED", "Codebook", "CodebookError"]
