"""Hand-made extraction records for storage tests (no extractor needed): spans are found
by quoting the text, so every record is grounded by construction."""

from __future__ import annotations

from typing import Any

from pledgebook.core.data import (
    DocumentMeta,
    EntityMention,
    ExtractionRecord,
    Statement,
    When,
    content_hash,
    statement_id,
)

EXTRACTOR = "test-extractor 1"
CODEBOOK = "test-codebook 1"


def make_record(
    text: str,
    statements: list[dict[str, Any]],
    *,
    source: str = "doc.txt",
    date: str | None = "2023-10-20",
    parties: tuple[str, ...] = ("CHN", "PAK"),
) -> ExtractionRecord:
    """``statements``: dicts with ``quote`` (must occur in ``text``), ``kind`` and optional
    ``actors``, ``strength``, ``sectors``, ``entities`` [(name, kind, surface)], ``when``
    (surface, kind, date), ``rule``, ``trigger``, ``trigger_words``, ``actor_source``."""
    digest = content_hash(text)
    doc_id = digest[:12]
    out = []
    for spec in statements:
        start = text.index(spec["quote"])
        end = start + len(spec["quote"])
        entities = []
        for name, kind, surface in spec.get("entities", []):
            e_start = text.index(surface, start)
            entities.append(
                EntityMention(name=name, kind=kind, start=e_start, end=e_start + len(surface), surface=surface)
            )
        when = None
        if "when" in spec:
            w_text, w_kind, w_date = spec["when"]
            w_start = text.index(w_text, start)
            when = When(text=w_text, start=w_start, end=w_start + len(w_text), kind=w_kind, date=w_date)
        out.append(
            Statement(
                id=statement_id(doc_id, start, end),
                start=start,
                end=end,
                text=spec["quote"],
                kind=spec["kind"],
                actors=spec.get("actors", list(parties)),
                strength=spec.get("strength"),
                sectors=spec.get("sectors", []),
                entities=entities,
                when=when,
                plover=spec.get("plover"),
                cameo=spec.get("cameo"),
                rule=spec.get("rule", "hand_made"),
                trigger=spec.get("trigger"),
                trigger_words=spec.get("trigger_words", []),
                actor_source=spec.get("actor_source", "document_parties"),
                rationale=spec.get("rationale", "hand-made test statement"),
            )
        )
    meta = DocumentMeta(
        id=doc_id, source=source, title=None, date=date, place=None, parties=list(parties),
        kind="joint_statement", content_hash=digest, chars=len(text),
    )
    return ExtractionRecord(document=meta, statements=out, agreements_signed=None)


CPEC_2023 = (
    "Beijing, 20 October 2023. China and Pakistan agreed to accelerate the upgrading of Main Line-1 "
    "by 2025. Both sides reaffirmed their support for the One-China principle. "
    "The two sides pledged to strengthen counter-terrorism cooperation. "
    "Pakistan thanked China for its assistance during the floods."
)


def cpec_2023(source: str = "2023-10-20_cpec.txt") -> tuple[ExtractionRecord, str]:
    text = CPEC_2023
    return (
        make_record(
            text,
            [
                {"quote": "China and Pakistan agreed to accelerate the upgrading of Main Line-1 by 2025",
                 "kind": "commitment", "strength": "firm", "sectors": ["transport", "connectivity"],
                 "entities": [("ML-1", "project", "Main Line-1")], "when": ("by 2025", "deadline", "2025"),
                 "plover": "AGREE", "cameo": "031", "trigger": "agree", "trigger_words": ["agreed", "to"],
                 "actor_source": "subject"},
                {"quote": "Both sides reaffirmed their support for the One-China principle",
                 "kind": "position", "sectors": ["core_interests"], "plover": "SUPPORT", "cameo": "051"},
                {"quote": "The two sides pledged to strengthen counter-terrorism cooperation",
                 "kind": "commitment", "strength": "firm", "sectors": ["security", "counter_terrorism"]},
                {"quote": "Pakistan thanked China for its assistance during the floods",
                 "kind": "appreciation", "actors": ["PAK"], "sectors": ["diplomacy"]},
            ],
            source=source,
        ),
        text,
    )


USA_IND_2015 = (
    "Washington, 25 January 2015. The United States and India resolved to explore cooperation on "
    "clean energy. India welcomed the decision to open a new consulate. "
    "The leaders discussed the situation in the South China Sea."
)


def usa_ind_2015(source: str = "2015-01-25_usa-india.txt") -> tuple[ExtractionRecord, str]:
    text = USA_IND_2015
    return (
        make_record(
            text,
            [
                {"quote": "The United States and India resolved to explore cooperation on clean energy",
                 "kind": "commitment", "strength": "moderate", "sectors": ["energy"], "actors": ["USA", "IND"]},
                {"quote": "India welcomed the decision to open a new consulate",
                 "kind": "appreciation", "actors": ["IND"], "sectors": ["diplomacy"]},
                {"quote": "The leaders discussed the situation in the South China Sea",
                 "kind": "discussion", "actors": ["USA", "IND"], "sectors": ["regional_affairs"],
                 "entities": [("South China Sea", "place", "South China Sea")]},
            ],
            source=source, date="2015-01-25", parties=("USA", "IND"),
        ),
        text,
    )


def numbered(i: int) -> tuple[ExtractionRecord, str]:
    """A distinct small document per ``i`` (for bulk and kill tests)."""
    text = (
        f"Dispatch {i}. Both sides agreed to build bridge number {i} across the river. "
        f"They also reaffirmed their support for project {i}."
    )
    return (
        make_record(
            text,
            [
                {"quote": f"Both sides agreed to build bridge number {i} across the river",
                 "kind": "commitment", "strength": "firm", "sectors": ["transport"]},
                {"quote": f"They also reaffirmed their support for project {i}", "kind": "position"},
            ],
            source=f"dispatch-{i}.txt", date=f"20{10 + i % 15:02d}-01-01",
        ),
        text,
    )
