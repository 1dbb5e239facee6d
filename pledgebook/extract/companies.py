"""Companies a news report introduces with their country, and what they stand for when they act.

In a news report on a relationship, state companies and banks act for their country (gold/news
README "Parties and actors": "China Development Bank cut the rate" is CHN). A report introduces
the company with its country once ("China’s Sinopec Group", "Chinese state-run oil giant
Sinopec", "CCCC, a Chinese state-owned company") and then names it alone ("Sinopec has agreed to
invest ...") or as "the company". ``CompanyMap`` learns those introductions from the text:

- a country word, then a few words and a cue noun, then the name: "Chinese state-run oil giant
  Sinopec", "Chinese firm CCCC" (cue nouns: actors.yaml ``company_cues``);
- a country's possessive and a name that ends in a company's word or a cue noun: "China’s Sinopec
  Group", "Russia’s Rosatom Corporation" (the name without that word is known too: "Sinopec");
- a name, then "a"/"the", a demonym, a few words and a cue noun: "CCCC, a Chinese state-owned
  company".

"the company" / "the firm" (actors.yaml ``company_anaphors``) is the companies' country when
all the report's introduced companies (and company names that hold a country's name: "China
Merchants Port Holdings") share one. Nothing else is guessed: a company the report does not place
stays unknown (its statement keeps the actors the other rules give).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pledgebook.extract.actors import ActorResolver

_NAME_WORD = r"[A-Z][\w&’'-]*(?:\.(?=\w))?[\w&’'-]*"  # (a full stop only inside: "U.S.")
# (a wrapped line goes on: "NuScale\n    Power"; a full stop ends it: "Power. The")
_NAME = rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|of|and|&)){{0,5}}"
_GLUE_END = re.compile(r"(?:\s+(?:of|and|&))+$")
# lower-case words between the country and the cue ("state-run oil"): a capitalised run is a name
# that holds the country's ("China Communications Construction Company Ltd")
_DESCRIBERS = r"(?:[a-z][\w-]*\s+){0,4}?"


class CompanyMap:
    def __init__(self, text: str, resolver: ActorResolver, cues: Iterable[str], anaphors: Iterable[str],
                 company_words: Iterable[str]) -> None:
        self._resolver = resolver
        cue_words = sorted({c.lower() for c in cues}, key=len, reverse=True)
        self._anaphors = frozenset(a.lower() for a in anaphors)
        self._ends = frozenset(w.lower().rstrip(".") for w in company_words) | frozenset(cue_words)
        self.known: dict[str, str] = {}  # a company's name (and short name) -> its country
        if not cue_words:
            return
        cue = "|".join(re.escape(c) for c in cue_words)
        after_country = re.compile(rf"(?:['’]s)?\s+{_DESCRIBERS}(?:{cue})\s+(?P<name>{_NAME})")
        possessed = re.compile(rf"['’]s\s+(?P<name>{_NAME})")
        before_demonym = re.compile(rf"(?P<name>{_NAME}),\s+(?:an?|the)\s+$")
        cue_after = re.compile(rf"\s+{_DESCRIBERS}(?:{cue})\b")
        for code, kind, start, end in resolver._scan(text):
            if kind not in ("country", "demonym") or not resolver.book.is_country(code):
                continue
            m = after_country.match(text, end)
            if m is not None and _capitalised(m.group("name")):
                self._add(m.group("name"), code)
                continue
            m = possessed.match(text, end)
            if m is not None and self._ends_as_company(m.group("name")):
                self._add(m.group("name"), code)
                continue
            m = before_demonym.search(text, max(0, start - 80), start)
            if m is not None and cue_after.match(text, end):
                self._add(m.group("name"), code)
        # company names that hold their country's name ("China Merchants Port Holdings"): only for
        # "the company"
        self._named_with_country = {code for m in re.finditer(_NAME, text) if self._ends_as_company(m.group(0))
                                    for code in [_one_country(resolver, m.group(0))] if code}

    def _ends_as_company(self, name: str) -> bool:
        last = _GLUE_END.sub("", name).split()[-1].lower().rstrip(".")
        return last in self._ends

    def _add(self, name: str, code: str) -> None:
        # the name up to a possessive ("Africell’s", "Parallel Wireless’ Open Radio ..."), on one line
        name = _GLUE_END.sub("", " ".join(re.split(r"['’]s?(?=\s|$)", name.strip())[0].split()))
        if self._resolver.lookup_country(name) or self._resolver.book.lookup(name):
            return  # "Chinese firm China" is no company's name
        words = name.split()
        if len(words) == 1 and words[0].lower().rstrip(".") in self._ends:
            return  # "Ltd", "Group" alone
        self.known.setdefault(name.lower(), code)
        if len(words) > 1 and words[-1].lower().rstrip(".") in self._ends:
            self.known.setdefault(" ".join(words[:-1]).lower(), code)  # "Sinopec" of "Sinopec Group"

    def resolve(self, phrase: str) -> list[str]:
        """The country of the company ``phrase`` names ("Sinopec", "the company"), [] if none."""
        norm = re.sub(r"(?:['’]s|(?<=s)['’])$", "", phrase.strip())
        norm = " ".join(re.sub(r"^(?:the|The)\s+", "", norm).split())
        code = self.known.get(norm.lower())
        if code is not None:
            return [code]
        if norm.lower() in self._anaphors:
            codes = set(self.known.values()) | self._named_with_country
            if len(codes) == 1:
                return sorted(codes)
        return []


def _capitalised(name: str) -> bool:
    return bool(name) and name[0].isupper()


def _one_country(resolver: ActorResolver, name: str) -> str | None:
    codes = {c for c, _, _ in resolver.find_countries(name)}
    return codes.pop() if len(codes) == 1 else None
