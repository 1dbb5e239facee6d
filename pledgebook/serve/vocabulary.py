"""The ids a filter takes, with their labels: sectors (and their aliases), actors and
statement kinds, as the codebook and the record define them (`pledgebook sectors|actors|kinds`)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

# What each statement kind means (the product brief's definitions, shortened).
KIND_LABELS = {
    "commitment": "a future-oriented undertaking (pledged to, will, agreed to hold the next meeting)",
    "position": "a stance or reaffirmation: support, opposition, condemnation, concern, a call or demand",
    "appreciation": "thanks, praise, congratulation, acknowledgement of past progress",
    "agreement": "an instrument signed or concluded, with its count where given",
    "meeting": "a visit, meeting or talks that took place or are taking place, an invitation",
    "discussion": "a topic discussed with no undertaking",
}


@dataclass(frozen=True, slots=True)
class VocabularyEntry:
    id: str
    label: str
    kind: str | None = None  # actors: country or group
    aliases: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        d = asdict(self)
        d["aliases"] = list(self.aliases)
        return d


def sector_entries() -> list[VocabularyEntry]:
    from pledgebook.codebook import Codebook

    return [VocabularyEntry(s.id, s.label, aliases=s.aliases) for s in Codebook.load().sectors]


def actor_entries() -> list[VocabularyEntry]:
    """Countries (alpha-3, their first name) then groups, each by code."""
    from pledgebook.codebook import Codebook

    book = Codebook.load().actors
    countries = [VocabularyEntry(code, names[0] if names else code, "country") for code, names in book.countries.items()]
    groups = [VocabularyEntry(g.code, g.name, "group") for g in book.groups.values()]
    return sorted(countries, key=lambda e: e.id) + sorted(groups, key=lambda e: e.id)


def kind_entries() -> list[VocabularyEntry]:
    from pledgebook.core.data import StatementKind

    return [VocabularyEntry(k.value, KIND_LABELS.get(k.value, "")) for k in StatementKind]
