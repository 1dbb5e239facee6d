"""Hand-made gold files and extraction records for evaluation tests (no extractor needed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from pledgebook.core.data import DocumentMeta, EntityMention, ExtractionRecord, Statement, content_hash


def write_gold(directory: Path, text: str, statements: list[dict[str, Any]], *, name: str = "doc.txt",
               **fields: Any) -> Path:
    """Write ``texts/<name>`` and ``<stem>.yaml`` into ``directory`` and return the YAML path."""
    texts = directory / "texts"
    texts.mkdir(parents=True, exist_ok=True)
    (texts / name).write_text(text, encoding="utf-8")
    data = {"document": f"texts/{name}", "genre": fields.pop("genre", "bilateral_joint_statement"), **fields,
            "statements": statements}
    path = directory / f"{Path(name).stem}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def make_record(text: str, statements: list[dict[str, Any]], **document: Any) -> ExtractionRecord:
    """``statements``: dicts with ``quote`` (found in ``text``; ``nth`` picks a later match),
    ``kind`` and optional ``actors``, ``strength``, ``sectors``, ``entities`` [(name, surface)], ``rule``."""
    out = []
    for spec in statements:
        start = -1
        for _ in range(spec.get("nth", 1)):
            start = text.index(spec["quote"], start + 1)
        end = start + len(spec["quote"])
        entities = []
        for ent_name, surface in spec.get("entities", []):
            e_start = text.index(surface, start)
            entities.append(EntityMention(name=ent_name, kind="project", start=e_start,
                                          end=e_start + len(surface), surface=surface))
        kind = spec["kind"]
        out.append(Statement(
            id=f"d:{start}-{end}", start=start, end=end, text=spec["quote"], kind=kind,
            actors=spec.get("actors", ["CHN", "PAK"]),
            strength=spec.get("strength", "firm" if kind == "commitment" else None),
            sectors=spec.get("sectors", []), entities=entities, when=None, plover=None, cameo=None,
            rule=spec.get("rule", "hand_made"), rationale="hand-made",
        ))
    meta = {"id": "d", "source": "doc.txt", "title": None, "date": None, "place": None, "parties": [],
            "kind": "joint_statement", "content_hash": content_hash(text), "chars": len(text)}
    agreements = document.pop("agreements_signed", None)
    meta.update(document)
    return ExtractionRecord(document=DocumentMeta(**meta), statements=out, agreements_signed=agreements)
