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
_KINDS = ("country", "demonym", "capital", "group")
# "The MQ-9Bs, which will be assembled in India, ...": a relative clause says something about
# the subject; what it names is not who the subject is
_RELATIVE = re.compile(r"(?:\s*,\s*|\s+)(?:which|who|whom|whose)\b.*$", re.DOTALL)
# a role in apposition: "President Hichilema, as the African Union Champion on ...", "Kenya as the
# host", "Australia, as a member of the Pacific Islands Forum,", "as founding members of": who acts
# is the head, not the body whose role it holds or that it belongs to (not the second "as" of "as
# well as", "such as", "as much as")
_ROLE = re.compile(r"(?<!\bsuch)(?<!\bwell)(?<!\bmuch)(?<!\bsoon)(?<!\blong)(?<!\bfar)(?:\s*,\s*|\s+)as\s+"
                   r"(?:(?:the|a|an|its|their|our|his|her|my)\s|(?:\w+\s+)?members?\s+(?:state\s+)?of\b).*$",
                   re.DOTALL | re.IGNORECASE)
# what may stand between a country and the agency it owns: "India’s Ministry", "Japan’s JAXA", "the Indian DRDO"
_OWNER_GAP = re.compile(r"(?:['’]s)?\s*(?:the\s+)?$")
# what joins the parts of a compound "U.S.-EU", "United States–France", "Japan - U.S."
_HYPHEN = re.compile(r"\s?[-–‑]\s?")
_LEADING_THE = re.compile(r"\s*(?:the\s+)?", re.IGNORECASE)
# "the Netherlands, together with our friends from Tajikistan, will host": a comitative partner
# (annotation guide §4: an actor only when it is a party of the document)
_COMITATIVE = re.compile(r"(?:\s*,\s*|\s+)(?:together|jointly|along)\s+with\s+(?P<partner>[^,]+?)(?:\s*,|$)", re.IGNORECASE)
# "Euro Area members of the G20": the members of one group that belong to another
_MEMBERS_OF = re.compile(r"^(?P<part>.+?)\s+members\s+of\s+(?:the\s+)?(?P<whole>.+)$", re.IGNORECASE)


class ActorResolver:
    def __init__(self, book: ActorBook | None = None) -> None:
        """``book``: the codebook's actors.yaml (the bundled one by default)."""
        self.book = book or Codebook.load().actors
        entries: list[tuple[str, tuple[str, str]]] = [(a, (code, kind)) for a, code, kind in self.book.aliases(_KINDS)]
        entries += [(phrase, _MASK) for phrase in self.book.not_actors]
        self._matcher = PhraseMatcher(entries, capitalised=True)
        # agencies are matched apart: an agency's name must never hide a country word from
        # find_countries ("U.S. Trade and Development Agency" still names the United States)
        self._agencies = PhraseMatcher(((a, code) for a, code, _ in self.book.aliases(("agency",))), capitalised=True)
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

    def compound_at_start(self, text: str) -> list[str]:
        """The states and groupings a hyphenated compound opening ``text`` names, two or more
        ("United States-France Joint Statement", "U.S.-EU Summit ...", "ASEAN-U.S. Leaders’
        Statement", "The United States-Indonesia-EU ..."), in order; [] when ``text`` opens
        otherwise ("Joint Statement on the U.S.-Ukraine ...": the compound is its topic)."""
        codes: list[str] = []
        pos = len(_LEADING_THE.match(text).group(0))  # type: ignore[union-attr]
        for code, kind, start, end in sorted(self._scan(text), key=lambda f: f[2]):
            if kind not in ("country", "group") or start < pos:
                continue
            if start > pos and not (codes and _HYPHEN.fullmatch(text, pos, start)):
                break
            codes.append(code)
            pos = end
        return codes if len(set(codes)) >= 2 else []

    def _scan(self, text: str) -> list[tuple[str, str, int, int]]:
        out: list[tuple[str, str, int, int]] = []
        for m in self._matcher.find(text):
            code, kind = _value(m)
            if kind == "mask" or self._is_blocked(text, m):
                continue
            out.append((code, kind, m.start, m.end))
        return out

    def _agencies_in(self, text: str, found: list[tuple[str, str, int, int]]) -> list[tuple[str, int]]:
        """(code, start) of the agencies ``text`` names, less those a country named right before
        or inside their name owns ("Japan’s Department of ...", "the Indian Space Research
        Organisation": the country decides)."""
        countries = [(s, e) for _, kind, s, e in found if kind in ("country", "demonym")]
        out = []
        for m in self._agencies.find(text):
            owned = any(s < m.end and m.start < e or (e <= m.start and _OWNER_GAP.fullmatch(text[e : m.start]))
                        for s, e in countries)
            if not owned:
                out.append((str(m.values[0]), m.start))
        return out

    def _is_blocked(self, text: str, m: PhraseMatch) -> bool:
        # "New Mexico" is not Mexico (a name that itself starts with "New" matched whole);
        # "US$13 billion" is a currency, not the United States
        if text.startswith("$", m.end):
            return True
        return self._blocked is not None and self._blocked.search(text[max(0, m.start - 12) : m.start]) is not None

    def with_members(self, parties: Sequence[str]) -> set[str]:
        """``parties`` and the fixed members of the groupings among them: in a Quad text the
        United States is one of the parties."""
        groups = self.book.groups
        return {*parties, *(m for p in parties if p in groups for m in groups[p].members)}

    def names_state_or_group(self, name: str) -> bool:
        """Is ``name`` exactly a country's or a grouping's name ("India", "NATO"), not a city?"""
        return name.casefold() in self._states_and_groups

    # -- resolving a subject phrase ----------------------------------------------------------
    def is_thing(self, phrase: str) -> bool:
        """Does the subject ``phrase`` name a thing, a model or system ("The MQ-9Bs, which ..."),
        by the shape of its last word before any relative clause?"""
        core = _RELATIVE.sub("", phrase).strip(" ,")
        last = core.split()[-1] if core.split() else ""
        return self.book.is_thing(last) and not self.resolve(core, ())

    def lookup_country(self, phrase: str) -> str | None:
        """The country a name, demonym or capital stands for ("Pakistani" -> PAK)."""
        code = self.book.lookup(phrase)
        return code if code is not None and self.book.is_country(code) else None

    def resolve(self, phrase: str, parties: Sequence[str], group: str | None = None, on: str | None = None) -> list[str]:
        """Codes of the actors a subject phrase names, in order of mention; [] if unknown (``on``:
        the document's date, for a grouping whose members changed: the EAC of 2014). A
        grouping named with members of its own only ("the Quad leaders – the Prime Minister of
        Australia, ...") is the grouping; so are all the members of the speaking group. A role in
        apposition ("Kenya, as the chair of the AU,") is left out: the head acts; so is a partner
        "together with" the head that is no party of the document (guide §4)."""
        m = _COMITATIVE.search(phrase)
        if m is not None and m.start() > 0:
            codes = self.resolve(phrase[: m.start()] + phrase[m.end() :], parties, group, on)
            if codes:
                ours = self.with_members([*parties, *([group] if group else [])])
                partner = [c for c in self.resolve(m.group("partner"), parties, group, on) if c in ours and c not in codes]
                return codes + partner
        codes = self._resolve(_ROLE.sub("", _RELATIVE.sub("", phrase)), parties, group, on)
        codes = self._as_group(codes, [group, *parties] if group else list(parties))
        if any(self.book.is_country(c) and not self.book.is_territory(c) for c in codes):
            # "the Heads of Government of Denmark, ..., the Faroe Islands and Greenland": the states
            codes = [c for c in codes if not self.book.is_territory(c) or c in parties]
        return codes

    def _as_group(self, codes: list[str], speaking: Sequence[str | None]) -> list[str]:
        groups = self.book.groups
        for code in codes:
            members = groups[code].members if code in groups else ()
            if members and all(c == code or c in members for c in codes):
                return [code]
        for code in dict.fromkeys(speaking):
            members = groups[code].members if code in groups else ()
            # "We, the leaders of Canada, France, ... and the President of the European Commission":
            # all the members, with a body (no country) that sits with them, are the group
            # with a guest that is a party too ("the leaders of the Forum's members and the United
            # States" in a Forum–U.S. text): the group and the guest
            extra = set(codes) - set(members)
            guests = sorted(c for c in extra if self.book.is_country(c))
            if members and len(codes) > 1 and set(members) <= set(codes) and set(guests) <= set(speaking):
                return [code, *guests]
        return codes

    def _resolve(self, phrase: str, parties: Sequence[str], group: str | None, on: str | None = None) -> list[str]:
        everyone = sorted(set(parties)) or ([group] if group else [])
        norm = " ".join(words(re.sub(r"['’]s$", "", phrase.strip())))  # a possessor: "the Kingdom’s"
        if norm.startswith("the "):
            norm = norm[4:]
        if is_acronym(phrase.strip()):
            code = self.book.lookup(phrase)  # "US" is the United States, "us" is us
            if code is not None:
                return self._as_parties(code, parties, on)
        if norm in self.book.first_person_plural:
            return [group] if group else everyone
        if norm in self.book.collective_phrases:
            return everyone
        shared = self._members_of_both(_LEADING_THE.sub("", phrase.strip(), count=1))
        if shared:
            return shared
        code = self.book.lookup(phrase)
        if code is not None:
            return self._as_parties(code, parties, on)  # "the C5+1": its members
        # an agency stands for its state where that state is a party: in a report about others,
        # "the State Department said" is no party's voice
        allowed = self.with_members([*parties, *([group] if group else [])])
        found = self._scan(phrase)
        hits = [(s, code) for code, _, s, _ in found]
        hits += [(s, code) for code, s in self._agencies_in(phrase, found) if not allowed or code in allowed]
        # a grouping with no voice of its own is its members ("Canada and the Nordic countries")
        named = list(dict.fromkeys(p for _, code in sorted(hits) for p in self._as_parties(code, parties, on)))
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

    def _as_parties(self, code: str, parties: Sequence[str], on: str | None = None) -> list[str]:
        """``book.as_parties`` on the date ``on`` in a document with ``parties``: a group that speaks
        as its members and admitted some later ("EAC" in a 2014 report, before South Sudan joined)
        is its members of that date; with no date, the members the document's parties (found with
        its date) hold when they hold all the founders."""
        today = self.book.as_parties(code, on)
        group = self.book.groups.get(code)
        if group is None or not group.joined or not parties:
            return today
        founders = set(group.members) - {m for m, _ in group.joined}
        if founders <= set(parties) <= set(group.members):
            return sorted(parties)
        return today

    def _members_of_both(self, phrase: str) -> list[str]:
        """"Euro Area members of the G20" (annotation guide, batch 5): the members of the first group
        that are members of the second, [] unless both are groups with members."""
        m = _MEMBERS_OF.match(phrase)
        if m is None:
            return []
        groups = self.book.groups
        part, whole = self.book.lookup(m.group("part")), self.book.lookup(m.group("whole"))
        if part not in groups or whole not in groups or not groups[part].members or not groups[whole].members:
            return []
        return sorted(set(groups[part].members) & set(groups[whole].members))

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
