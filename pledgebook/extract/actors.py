"""Who says or undertakes a statement: subject phrases resolved to actor codes.

Country names, demonyms ("Chinese officials") and capitals ("Beijing") give alpha-3 codes,
groupings give their group code (G7, QUAD), the phrases that mean "all of us" ("both
sides", "the two countries", "they") give the document's parties, and "we"/"our" give the
speaking group (or the parties). The vocabulary is actors.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pledgebook.codebook import Codebook
from pledgebook.codebook.actors import ActorBook
from pledgebook.extract.phrases import PhraseMatch, PhraseMatcher, is_acronym, words

_MASK = ("", "mask")


class ActorResolver:
    def __init__(self, book: ActorBook | None = None) -> None:
        """``book``: the codebook's actors.yaml (the bundled one by default)."""
        self.book = book or Codebook.load().actors
        entries: list[tuple[str, tuple[str, str]]] = [(a, (code, kind)) for a, code, kind in self.book.aliases()]
        entries += [(phrase, _MASK) for phrase in self.book.not_actors]
        self._matcher = PhraseMatcher(entries, capitalised=True)
        blocked = "|".join(re.escape(w) for w in self.book.blocked_after)
        self._blocked = re.compile(rf"(?:^|\W)(?:{blocked})\s+$") if blocked else None
        self._collective = sorted(self.book.collective_phrases, key=len, reverse=True)
        self._states_and_groups = frozenset(a.casefold() for a, _, _ in self.book.aliases(("country", "group")))

    # -- finding actors in running text -------------------------------------------------------
    def find_countries(self, text: str, capitals: bool = False) -> list[tuple[str, int, int]]:
        """(code, start, end) for every country name or demonym in ``text`` (capitals too if
        asked): the evidence for a document's parties."""
        kinds = {"country", "demonym", "capital"} if capitals else {"country", "demonym"}
        return [(code, s, e) for code, kind, s, e in self._scan(text) if kind in kinds]

    def find_groups(self, text: str) -> list[tuple[str, int, int]]:
        return [(code, s, e) for code, kind, s, e in self._scan(text) if kind == "group"]

    def _scan(self, text: str) -> list[tuple[str, str, int, int]]:
        out = []
        for m in self._matcher.find(text):
            code, kind = _value(m)
            if kind == "mask" or self._is_blocked(text, m):
                continue
            out.append((code, kind, m.start, m.end))
        return out

    def _is_blocked(self, text: str, m: PhraseMatch) -> bool:
        # "New Mexico" is not Mexico (a name that itself starts with "New" matched whole);
        # "US$13 billion" is a currency, not the United States
        if text.startswith("$", m.end):
            return True
        return self._blocked is not None and self._blocked.search(text[max(0, m.start - 12) : m.start]) is not None

    def names_state_or_group(self, name: str) -> bool:
        """Is ``name`` exactly a country's or a grouping's name ("India", "NATO"), not a city?"""
        return name.casefold() in self._states_and_groups

    # -- resolving a subject phrase ----------------------------------------------------------
    def lookup_country(self, phrase: str) -> str | None:
        """The country a name, demonym or capital stands for ("Pakistani" -> PAK)."""
        code = self.book.lookup(phrase)
        return code if code is not None and self.book.is_country(code) else None

    def resolve(self, phrase: str, parties: Sequence[str], group: str | None = None) -> list[str]:
        """Codes of the actors a subject phrase names, in order of mention; [] if unknown."""
        everyone = sorted(set(parties)) or ([group] if group else [])
        norm = " ".join(words(re.sub(r"['’]s$", "", phrase.strip())))  # a possessor: "the Kingdom’s"
        if norm.startswith("the "):
            norm = norm[4:]
        if is_acronym(phrase.strip()):
            code = self.book.lookup(phrase)  # "US" is the United States, "us" is us
            if code is not None:
                return [code]
        if norm in self.book.first_person_plural:
            return [group] if group else everyone
        if norm in self.book.collective_phrases:
            return everyone
        code = self.book.lookup(phrase)
        if code is not None:
            return [code]
        named = list(dict.fromkeys(code for code, _, _, _ in self._scan(phrase)))
        if named:
            return named
        titled = self._party_by_title(norm, parties)
        if titled is not None:
            return [titled]
        padded = f" {norm} "
        if any(f" {c} " in padded for c in self._collective if " " in c):
            return everyone  # "the leaders of the two countries"
        if any(f" {w} " in padded for w in self.book.first_person_plural):
            return [group] if group else everyone  # "our two countries"
        return []

    def _party_by_title(self, norm: str, parties: Sequence[str]) -> str | None:
        """"the Kingdom" is the one party officially styled "Kingdom of ..." (as "the Republic"
        or "the Federation" are), when exactly one is."""
        if not norm or " " in norm:
            return None
        prefix = f"{norm} of "
        styled = {code for alias, code, _ in self.book.aliases() if code in parties and alias.lower().startswith(prefix)}
        return styled.pop() if len(styled) == 1 else None


def _value(m: PhraseMatch) -> tuple[str, str]:
    # An alias belongs to one actor (the loader checks), so the first value is the one.
    return m.values[0]  # type: ignore[return-value]
