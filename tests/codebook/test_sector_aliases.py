"""Sector aliases (sectors.yaml `aliases`): what a user may filter by, resolving one way."""

from __future__ import annotations

import pytest

from pledgebook.codebook import Codebook, CodebookError
from pledgebook.codebook.sectors import SectorsFile, build_sectors


def test_ids_and_aliases_resolve_in_any_spelling() -> None:
    book = Codebook.load()
    assert book.sector_id("defense") == book.sector_id("Defence") == "security"
    assert book.sector_id("human rights") == book.sector_id("human-rights") == "human_rights_democracy"
    assert book.sector_id("Maritime Security") == "maritime_security"
    assert book.sector_id("defensive") is None


@pytest.mark.parametrize("aliases", [["trade"], ["commerce", "Commerce"]])
def test_an_alias_must_name_one_sector_and_no_id(aliases: list[str]) -> None:
    file = SectorsFile.model_validate({"version": 1, "sectors": [
        {"id": "trade", "label": "Trade", "description": "Trade.", "aliases": ["commerce"]},
        {"id": "investment", "label": "Investment", "description": "Investment.", "aliases": aliases[-1:]},
    ]})
    with pytest.raises(CodebookError, match="sector alias"):
        build_sectors("sectors.yaml", file)
