"""Invented documents for tracking tests: Brazil and Norway pledge a solar park (a project the
gazetteer does not know) and forest monitoring in 2021, repeat both in 2023, and a 2025 report
says the park was inaugurated. Hand-made records (recordkit), linked with the hashing embedder."""

from __future__ import annotations

from recordkit import CODEBOOK, EXTRACTOR, make_record
from sqlalchemy import Engine

from pledgebook.core.data import ExtractionRecord
from pledgebook.link import HashingEmbedder, link_new_statements
from pledgebook.store import ingest_record

PARK = ("Tapajos Solar Park", "project")
PARTIES = ("BRA", "NOR")


def _park(quote: str, surface: str = "Tapajos Solar Park", strength: str = "firm") -> dict:
    return {"quote": quote, "kind": "commitment", "strength": strength, "sectors": ["energy"],
            "actors": list(PARTIES), "entities": [(PARK[0], PARK[1], surface)]}


def _forest(quote: str) -> dict:
    return {"quote": quote, "kind": "commitment", "strength": "firm", "sectors": ["climate_environment"],
            "actors": list(PARTIES)}


DOCS = {
    "2021": (
        "Brasilia, 10 March 2021. Brazil and Norway agreed to build the Tapajos Solar Park by 2024. "
        "The two sides pledged to expand cooperation on forest monitoring. "
        "Norway welcomed the new rail plan of Brazil.",
        [_park("Brazil and Norway agreed to build the Tapajos Solar Park by 2024"),
         _forest("The two sides pledged to expand cooperation on forest monitoring"),
         {"quote": "Norway welcomed the new rail plan of Brazil", "kind": "appreciation", "actors": ["NOR"],
          "sectors": ["transport"]}],
    ),
    "2023": (
        "Oslo, 2 May 2023. Brazil and Norway agreed to complete the Tapajos Solar Park by 2025. "
        "The two sides pledged to expand cooperation on forest monitoring and fire prevention.",
        [_park("Brazil and Norway agreed to complete the Tapajos Solar Park by 2025"),
         _forest("The two sides pledged to expand cooperation on forest monitoring and fire prevention")],
    ),
    "2025": (
        "Belem, 15 January 2025. The Tapajos Solar Park was inaugurated on Wednesday, the energy ministry said.",
        [{"quote": "The Tapajos Solar Park was inaugurated on Wednesday", "kind": "position", "actors": ["BRA"],
          "sectors": ["energy"], "entities": [(PARK[0], PARK[1], "Tapajos Solar Park")]}],
    ),
}
DATES = {"2021": "2021-03-10", "2023": "2023-05-02", "2025": "2025-01-15"}
EMB = HashingEmbedder()


def record(year: str, statements: list[dict] | None = None) -> tuple[ExtractionRecord, str]:
    text, specs = DOCS[year]
    return make_record(text, statements if statements is not None else specs, source=f"{DATES[year]}-bra-nor.txt",
                       date=DATES[year], parties=PARTIES), text


def ingest(engine: Engine, years: tuple[str, ...] = ("2021", "2023"), extractor: str = EXTRACTOR,
           link: bool = True) -> dict[str, ExtractionRecord]:
    """Store the documents of ``years`` (and link them); their records by year."""
    out = {}
    for year in years:
        rec, text = record(year)
        ingest_record(engine, rec, text, extractor_version=extractor, codebook_version=CODEBOOK)
        out[year] = rec
    if link:
        link_new_statements(engine, embedder=EMB)
    return out


def key(rec: ExtractionRecord, quote_start: str) -> str:
    """The id (a first run's stable key) of the statement of ``rec`` that starts so."""
    return next(s.id for s in rec.statements if s.text.startswith(quote_start))
