"""Invented news-like documents for the order-independence property test: two relationships
(Indonesia-China, Kenya-China), several undertakings told over years, named projects shared
across documents, pledges that bridge two earlier ones, and look-alikes that must stay apart."""

from __future__ import annotations

from recordkit import CODEBOOK, EXTRACTOR, make_record
from sqlalchemy import Engine

from pledgebook.core.data import ExtractionRecord
from pledgebook.store import ingest_record

IDN, KEN = ("CHN", "IDN"), ("CHN", "KEN")
RAIL = ("Lakeside Railway", "project")
PORT = ("Northport Terminal", "project")
SGR = ("Standard Gauge Railway", "project")
BANK = ("Export-Import Bank of China", "institution")


def _st(quote: str, sectors: list[str], *entities: tuple[str, str], surfaces: tuple[str, ...] = ()) -> dict:
    found = [(name, kind, surface) for (name, kind), surface in zip(entities, surfaces or [e[0] for e in entities])]
    return {"quote": quote, "kind": "commitment", "strength": "firm", "sectors": sectors, "entities": found}


# (date, parties, statements); each document's text is its statements joined.
DOCS: dict[str, tuple[str, tuple[str, str], list[dict]]] = {
    "idn-2015": ("2015-10-16", IDN, [
        _st("Indonesia and China agreed to build the Lakeside Railway linking Jakarta and Bandung", ["transport"], RAIL),
        _st("The two countries pledged to expand the Northport Terminal container berths", ["ports"], PORT),
        _st("Both sides vowed to step up counter-terrorism cooperation and intelligence sharing", ["security"]),
    ]),
    "idn-2017": ("2017-05-14", IDN, [
        _st("China will lend Indonesia $4.5 billion for the Lakeside Railway through the Export-Import Bank of China",
            ["transport", "finance"], RAIL, BANK),
        _st("The two sides agreed to deepen counter-terrorism cooperation and share intelligence on militants",
            ["security"]),
    ]),
    "idn-2019": ("2019-04-25", IDN, [
        _st("Indonesia and China agreed to complete the high-speed railway between Jakarta and Bandung by 2021",
            ["transport"]),
        _st("China pledged to finance the second phase of the Northport Terminal expansion", ["ports", "finance"],
            PORT),
    ]),
    "idn-2022": ("2022-11-16", IDN, [
        _st("Both leaders agreed to open the Jakarta Bandung high-speed railway to passengers in 2023",
            ["transport"]),
        _st("China and Indonesia agreed to extend the high-speed railway from Bandung to Surabaya", ["transport"]),
        _st("The two sides agreed to expand trade in palm oil and nickel", ["trade"]),
    ]),
    "ken-2014": ("2014-05-11", KEN, [
        _st("China agreed to finance the Standard Gauge Railway from Mombasa to Nairobi", ["transport", "finance"],
            SGR, BANK, surfaces=("Standard Gauge Railway", "finance")),
        _st("Kenya and China pledged to step up counter-terrorism cooperation and intelligence sharing",
            ["security"]),
    ]),
    "ken-2018": ("2018-09-03", KEN, [
        _st("China will lend Kenya $3.6 billion to extend the Standard Gauge Railway from Nairobi to Naivasha",
            ["transport", "finance"], SGR),
        _st("The two sides agreed to build the railway line from Nairobi to Naivasha and Kisumu", ["transport"]),
    ]),
    "ken-2023": ("2023-10-18", KEN, [
        _st("Kenya and China agreed to extend the railway from Naivasha to Kisumu and Malaba", ["transport"]),
        _st("The two sides agreed to expand trade in tea and avocados", ["trade"]),
    ]),
}


def record(name: str) -> tuple[ExtractionRecord, str]:
    date, parties, statements = DOCS[name]
    text = ". ".join(s["quote"] for s in statements) + "."
    return make_record(text, statements, source=f"{date}_{name}.txt", date=date, parties=parties), text


def ingest(engine: Engine, name: str) -> None:
    rec, text = record(name)
    ingest_record(engine, rec, text, extractor_version=EXTRACTOR, codebook_version=CODEBOOK)


def key_of(name: str, words: str) -> str:
    """The stable key of the statement of document ``name`` that contains ``words`` (a fresh
    document's statements are keyed by their record ids)."""
    rec, _ = record(name)
    (st,) = [s for s in rec.statements if words in s.text]
    return st.id
