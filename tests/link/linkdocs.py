"""Small hand-made documents that repeat pledges across years (ML-1 under three spellings)."""

from __future__ import annotations

from recordkit import CODEBOOK, EXTRACTOR, make_record
from sqlalchemy import Engine

from pledgebook.store import ingest_record

ML1 = ("ML-1", "project")


def _ml1(quote: str, surface: str, strength: str = "firm") -> dict:
    return {"quote": quote, "kind": "commitment", "strength": strength, "sectors": ["transport", "connectivity"],
            "entities": [(ML1[0], ML1[1], surface)]}


def _ct(quote: str) -> dict:
    return {"quote": quote, "kind": "commitment", "strength": "firm", "sectors": ["security", "counter_terrorism"]}


def _gwadar(quote: str) -> dict:
    return {"quote": quote, "kind": "commitment", "strength": "firm", "sectors": ["ports", "connectivity"],
            "entities": [("Gwadar Port", "project", "Gwadar Port")]}


DOCS = {
    "2015": (
        "Islamabad, 20 April 2015. The two sides agreed to explore the upgrading of the Main Line-1 railway "
        "from Karachi to Peshawar. Both sides agreed to accelerate the development of Gwadar Port.",
        [_ml1("The two sides agreed to explore the upgrading of the Main Line-1 railway from Karachi to Peshawar",
              "Main Line-1", "soft"),
         _gwadar("Both sides agreed to accelerate the development of Gwadar Port")],
    ),
    "2018": (
        "Beijing, 3 November 2018. The two sides agreed to expedite the upgrading of ML-I railway line from "
        "Karachi to Peshawar. The two sides pledged to strengthen counter-terrorism cooperation.",
        [_ml1("The two sides agreed to expedite the upgrading of ML-I railway line from Karachi to Peshawar", "ML-I"),
         _ct("The two sides pledged to strengthen counter-terrorism cooperation")],
    ),
    "2023": (
        "Beijing, 20 October 2023. China and Pakistan agreed to accelerate the upgrading of the ML-1 railway "
        "line by 2025. The two sides pledged to deepen counter-terrorism cooperation and security. "
        "Pakistan thanked China for its assistance during the floods.",
        [_ml1("China and Pakistan agreed to accelerate the upgrading of the ML-1 railway line by 2025", "ML-1"),
         _ct("The two sides pledged to deepen counter-terrorism cooperation and security"),
         {"quote": "Pakistan thanked China for its assistance during the floods", "kind": "appreciation",
          "actors": ["PAK"], "sectors": ["diplomacy"]}],
    ),
    "2024": (
        "Beijing, 8 June 2024. Both sides resolved to accelerate the upgrading of Main Line-1 railway. "
        "The two sides agreed to launch a joint fund for agricultural research.",
        [_ml1("Both sides resolved to accelerate the upgrading of Main Line-1 railway", "Main Line-1", "moderate"),
         {"quote": "The two sides agreed to launch a joint fund for agricultural research", "kind": "commitment",
          "strength": "firm", "sectors": ["agriculture"]}],
    ),
}
DATES = {"2015": "2015-04-20", "2018": "2018-11-03", "2023": "2023-10-20", "2024": "2024-06-08"}


def ingest(engine: Engine, year: str) -> int:
    text, statements = DOCS[year]
    record = make_record(text, statements, source=f"{DATES[year]}_cpec.txt", date=DATES[year])
    return ingest_record(engine, record, text, extractor_version=EXTRACTOR, codebook_version=CODEBOOK).document_id
