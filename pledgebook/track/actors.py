"""The actors an analyst gives a statement (``review correct|add --actor``), split as extraction
splits them (extract/non_state.py): state parties in ``actors``, the companies and international
organisations that undertake it in ``non_state_actors`` (then ``actors`` is empty and
``actor_source`` is ``non_state``), from the codebook's actor data.

- a party code or a name the actor book knows (KEN, "Kenya", G7) is a party, and so is a
  state's agency (actors.yaml ``agencies``: "ISRO" is India);
- an international organisation of actors.yaml ``organisations`` (any alias the gazetteer gives
  it: "the World Bank", "IBRD") is a non-state actor, under its canonical name;
- another institution the gazetteer gives to states (JICA) acts for them: its parties;
- a company is a non-state actor when the ledger knows it: an institution the entity finder
  found in some stored statement ("General Atomics"), under that name; as in extraction, a
  name ending in a word of the parties' own bodies (a task force, a council: ``mechanism_words``
  and the discovery head words, unless a corporate suffix ends it) is theirs, no actor of its own.
Anything else is an unknown party (with the close party codes, if any).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pledgebook.codebook import Codebook
from pledgebook.codebook.sectors import alias_key
from pledgebook.store.models import StatementEntity
from pledgebook.track.common import TrackError, resolve_party

REVIEWED_ACTORS = "review"  # actor_source of a statement whose actors an analyst set


def actor_fields(values: Sequence[str], codebook: Codebook, companies: Iterable[str] = ()) -> dict[str, object]:
    """``actors``, ``non_state_actors`` and ``actor_source`` for the actors ``values``;
    ``companies``: the institutions' names stored in the ledger (``stored_institutions``)."""
    parties: list[str] = []
    bodies: list[str] = []
    known = {_key(c): c for c in companies}
    for value in (v.strip() for v in values):
        if not value:
            continue
        party, body = _one(value, codebook, known)
        parties += party
        bodies += [body] if body else []
    if parties and bodies:
        raise TrackError(f"give parties or non-state actors, not both ({', '.join(dict.fromkeys(bodies))} "
                         "would undertake it alongside the parties; extraction gives such a statement to the parties)")
    if not parties and not bodies:
        raise TrackError("give at least one actor (a party code or name, or a company or organisation)")
    return {"actors": sorted(set(parties)), "non_state_actors": list(dict.fromkeys(bodies)),
            "actor_source": "non_state" if bodies else REVIEWED_ACTORS}


def stored_institutions(session: Session, values: Sequence[str]) -> list[str]:
    """The names of institutions stored in the ledger spelt like one of ``values`` (any case)."""
    wanted = [v.strip().casefold() for v in values if v.strip()]
    if not wanted:
        return []
    return list(session.scalars(select(StatementEntity.name).distinct().where(
        StatementEntity.kind == "institution", func.lower(StatementEntity.name).in_(wanted))))


def _one(value: str, codebook: Codebook, companies: dict[str, str]) -> tuple[list[str], str | None]:
    """(parties, non-state actor) that ``value`` names."""
    book = codebook.actors
    if value.upper() in {*book.countries, *book.groups} or book.lookup(value) is not None:
        return [resolve_party(value, codebook)], None
    key = _key(value)
    agency_of = [code for code, names in book.agencies.items() if key in {_key(n) for n in names}]
    if agency_of:
        return agency_of, None  # "ISRO", "the Pentagon": a state's agency acts for it
    entry = next((e for e in codebook.gazetteer if key in {_key(a) for a in e.all_names}), None)
    organisations = {_key(o): o for o in book.organisations}
    if entry is not None and (_key(entry.name) in organisations or key in organisations):
        return [], entry.name
    if key in organisations:
        return [], organisations[key]
    if entry is not None and entry.parties:
        return list(entry.parties), None  # "JICA": Japan's agency
    name = companies.get(key)
    if name is not None and (name.rstrip().endswith(codebook.discovery.corporate_suffixes)
                             or not _mechanism(name, codebook)):
        return [], name
    close = difflib.get_close_matches(value.upper(), sorted({*book.countries, *book.groups}), n=5, cutoff=0.5)
    hint = f"did you mean {', '.join(close)}? " if close else ""
    raise TrackError(f"unknown party {value!r} ({hint}`pledgebook actors` lists every code; a non-state actor is "
                     "an organisation of the codebook or a company the ledger has found)")


def _mechanism(value: str, codebook: Codebook) -> bool:
    """Ends in a word of the parties' own bodies ("the Joint Task Force"): theirs, not a company."""
    words = value.casefold().split()
    tails = {" ".join(words[-n:]) for n in (1, 2, 3) if len(words) >= n}
    return bool(tails & (set(codebook.actors.mechanism_words) | set(codebook.discovery.heads)))


def _key(name: str) -> str:
    """Compared as lower-case letters and digits, a leading "the" left out ("the World Bank")."""
    return "".join(alias_key(re.sub(r"^\s*the\s+", "", name, flags=re.IGNORECASE)))
