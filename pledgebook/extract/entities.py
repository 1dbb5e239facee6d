"""Named projects, initiatives, agreements, institutions and places, grounded in the text.

Two sources: the curated gazetteer (entities.yaml: every alias, longest match wins) and
discovery of names it does not list: capitalised multiword names ending in a head word
("... Water Resources Cooperation Mechanism", kind from the head) and acronyms defined in
parentheses ("Special Investment Facilitation Council (SIFC)", then every bare "SIFC").
``analyse`` finds a document's names once; its result gives the mentions inside any span of it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pledgebook.codebook import Codebook
from pledgebook.codebook.entities import GazetteerEntry
from pledgebook.codebook.sectors import alias_key
from pledgebook.core.data import EntityMention
from pledgebook.extract.names import FormNames
from pledgebook.extract.phrases import PhraseMatcher
from pledgebook.extract.projects import LowercaseProjects
from pledgebook.extract.routes import RouteProjects
from pledgebook.extract.variants import ProjectVariants

# A word of a name: an initialism ("D.I.", "U.S.-India") or a word that may carry inner
# hyphens, dots or apostrophes ("Pak-China", "ML-1", "Leaders’"); anything else is punctuation.
_TOKEN = re.compile(
    r"[A-Z](?:\.[A-Z])+\.(?:[-–‐][\w’']+)*"
    r"|[^\W_](?:[\w’'&+.\-–‐]*[\w’'])?"
    r"|\S"
)
_NAME_GAP = re.compile(r"[ \t]*(?:\r?\n[ \t]*)?")  # spaces or one line break
_POSSESSIVE = re.compile(r"['’]s$")
_CODE = re.compile(r"\d+[A-Z][A-Za-z0-9]*")  # "6G", "5G", "3D"
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)
# "(SIFC)", "(iCET)": a leading lower-case letter is a stylised initial
_ACRONYM_DEF = re.compile(r"\(\s*((?:[A-Z]|[a-z](?=[A-Z]))[A-Za-z0-9&.\-]*[A-Z0-9])(s?)\s*\)")
_SENTENCE_END = re.compile(r"[.!?;:]\s")
_CAPITAL_BEFORE = re.compile(r"\b([A-Z][\w’'.\-]*)[ \t]+$")
_PLACE_PREPOSITIONS = frozenset("in at from to of near via by on with for".split())  # "In Kolkata, ..."
_CAPITAL_AFTER = re.compile(r"[ \t]+[A-Z]")
SHORT_ALIAS_WORDS = 2  # "Exim Bank", "UPI", "SGR": aliases this short are ambiguous across countries


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    name: str
    kind: str
    source: str


class DocumentNames:
    """The names found in one document's text (``EntityFinder.analyse``)."""

    __slots__ = ("text", "_found")

    def __init__(self, text: str, found: list[_Found]) -> None:
        self.text = text
        self._found = tuple(found)

    def find(self, start: int = 0, end: int | None = None) -> list[EntityMention]:
        """Entity mentions lying wholly inside ``text[start:end]``, in text order."""
        end = len(self.text) if end is None else end
        return [_mention(self.text, f) for f in self._found if start <= f.start and f.end <= end]

    def antecedent(self, head: str, before: int, window: int) -> EntityMention | None:
        """The most recent name with the head word ``head`` ending before ``before`` and at most
        ``window`` characters back: what "the agreement" or "the Council" refers to."""
        head = head.lower().removesuffix("s")
        text = self.text
        for f in reversed(self._found):
            if f.end > before:
                continue
            if f.end < before - window:
                break
            words = {w.lower().removesuffix("s") for w in re.findall(r"[\w’'-]+", f"{f.name} {text[f.start:f.end]}")}
            if head in words:
                return _mention(text, f)
        return None


def _mention(text: str, f: _Found) -> EntityMention:
    return EntityMention(name=f.name, kind=f.kind, start=f.start, end=f.end, surface=text[f.start : f.end], source=f.source)


class EntityFinder:
    def __init__(self, codebook: Codebook | None = None, gazetteer: Sequence[GazetteerEntry] | None = None) -> None:
        """``codebook``: its gazetteer, discovery rules and actor book (the bundled one by
        default); ``gazetteer`` replaces its gazetteer (``()``: discovery alone)."""
        codebook = codebook or Codebook.load()
        self.gazetteer = codebook.gazetteer if gazetteer is None else tuple(gazetteer)
        self.rules = codebook.discovery
        self.actors = codebook.actors
        self.by_name = {e.name: e for e in self.gazetteer}
        self._matcher = PhraseMatcher((alias, e.name) for e in self.gazetteer for alias in e.all_names)
        self._forms = FormNames(self.rules, lambda name: self.actors.lookup(name) is not None)
        cities = codebook.city_names()
        self._cities = PhraseMatcher(((c, c) for c in cities if self.actors.lookup(c) is None), capitalised=True)
        self._city_names = frozenset(cities)
        nations = {a.casefold() for a, _, _ in self.actors.aliases(("country", "demonym", "group"))}
        self._countrylike = {a.casefold() for a, _, _ in self.actors.aliases(("country", "demonym"))}
        capitals = {a for a, _, _ in self.actors.aliases(("capital",))}
        self._variants = ProjectVariants(self.rules, self._is_place)
        self._projects = LowercaseProjects(self.rules, lambda w: w.casefold() in nations,
                                           lambda w: w in self._city_names or w in capitals)
        self._routes = RouteProjects(self.rules, lambda w: w.casefold() in nations,
                                     ((e.name, e.kind) for e in self.gazetteer))

    def analyse(self, text: str, parties: Sequence[str] = ()) -> DocumentNames:
        """Every name in ``text``, found once: ask the result for the names of a span. The
        analysis belongs to the caller (one per document), so one finder serves many threads.
        ``parties``: the document's; a short alias of an entry none of them is party to is not
        that entry ("Exim Bank" in a Malaysia–China report is not the U.S. one; "UPI" as a
        news agency's credit is not India's payments system)."""
        return DocumentNames(text, self._analyse(text, frozenset(parties)))

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[EntityMention]:
        """Entity mentions lying wholly inside ``text[start:end]``, in text order."""
        return self.analyse(text).find(start, end)

    def antecedent(self, text: str, head: str, before: int, window: int) -> EntityMention | None:
        """See ``DocumentNames.antecedent``."""
        return self.analyse(text).antecedent(head, before, window)

    # -- whole-document analysis -----------------------------------------------------------------
    def _analyse(self, text: str, parties: frozenset[str] = frozenset()) -> list[_Found]:
        found = self._gazetteer(text, parties)
        # "the ML-1 railway": a project the gazetteer knows, named with a lower-case head, is that project
        projects = [_Found(*n, "discovered") for n in (*self._projects.find(text), *self._routes.find(text))]
        projects = [p for p in projects if not any(p.start < g.end and g.start < p.end and g.kind != "place" for g in found)
                    and not any(g.kind == "project" and _ROUTE_OF.fullmatch(text, g.end, p.start) for g in found)]
        forms = [_Found(*n, "discovered") for n in self._forms.find(text)]
        discovered = _non_overlapping(projects + forms + self._heads(text) + self._acronyms(text))
        for d in discovered:
            # Gazetteer knowledge wins; a longer discovered name may still contain a known one.
            if not any(d.start < g.end and g.start < d.end and not _strictly_contains(d, g) for g in found):
                found.append(d)
        for c in self._city_mentions(text):
            if not any(c.start < f.end and f.start < c.end for f in found):
                found.append(c)
        found.sort(key=lambda f: (f.start, f.end))
        return self._one_name_per_project(text, found)

    def _one_name_per_project(self, text: str, found: list[_Found]) -> list[_Found]:
        """Spellings of one project ("Akkuyu NPP", "Akkuyu Power Plant") under one name, and its
        bare distinctive name ("at Akkuyu") as a mention of it (extract/variants.py). An alias
        in parentheses right after another project's name is that name's abbreviation: "the
        Naivasha–Kisumu Standard Gauge Railway (SGR)" names the extension once, not the base line."""
        found = [f for f in found if not _abbreviates_other(text, f, found)]
        renames = self._variants.renames((f.name, f.source == "gazetteer") for f in found if f.kind == "project")
        found = [_Found(f.start, f.end, renames.get(f.name, f.name), f.kind, f.source) for f in found]
        taken = [(f.start, f.end) for f in found]
        bare = self._variants.bare(text, (f.name for f in found if f.kind == "project"), taken)
        found += [_Found(s, e, name, "project", "discovered") for s, e, name in bare]
        return sorted(found, key=lambda f: (f.start, f.end))

    def _gazetteer(self, text: str, parties: frozenset[str]) -> list[_Found]:
        out = []
        for m in self._matcher.find(text):
            entry = self.by_name[str(m.values[0])]
            if parties and self._foreign_alias(entry, text[m.start : m.end], parties):
                continue  # left to discovery: a generic name, not a wrong specific one
            if self._projects.names_other(text, m.start, m.end) or (
                    entry.kind == "project" and self._routes.is_head(text[m.start : m.end]) and self._routes.follows(text, m.end)):
                continue  # "the Naivasha–Kisumu SGR", "the SGR from Naivasha to Kisumu": discovery names the extension
                # (a name of its own keeps its route: "the Main Line-1 railway from Karachi to Peshawar")
            out.append(_Found(m.start, m.end, entry.name, entry.kind, "gazetteer"))
        return out

    def _foreign_alias(self, entry: GazetteerEntry, surface: str, parties: frozenset[str]) -> bool:
        """A short alias (at most SHORT_ALIAS_WORDS words, not the canonical name) of an entry
        whose parties are all countries, none of them a party to the document."""
        if not entry.parties or parties & set(entry.parties) or alias_key(surface) == alias_key(entry.name):
            return False
        if any(not self.actors.is_country(p) for p in entry.parties):
            return False  # a group's ("G7") members are not listed: no way to tell
        return len(surface.split()) <= SHORT_ALIAS_WORDS

    def _city_mentions(self, text: str) -> list[_Found]:
        """A city standing alone: no capitalised word right before or after it ("Secretary
        Austin", "Lima Group" are a person and a name of their own)."""
        out = []
        for m in self._cities.find(text):
            before = _CAPITAL_BEFORE.search(text, max(0, m.start - 40), m.start)
            if (before and before.group(1).lower() not in _PLACE_PREPOSITIONS) or _CAPITAL_AFTER.match(text, m.end):
                continue
            out.append(_Found(m.start, m.end, str(m.values[0]), "place", "gazetteer"))
        return out

    def _is_place(self, name: str) -> bool:
        """A country, a capital or a large city ("Egypt", "Cairo", "Montreal")."""
        return bool(name) and (name in self._city_names or self.actors.lookup(name) is not None)

    # -- discovery: names ending in a head word ------------------------------------------------
    def _heads(self, text: str) -> list[_Found]:
        out = []
        for run in self._runs(text):
            for part in self._split_coordination(run):
                found = self._name_in(text, part)
                if found is not None:
                    out.append(found)
        return out

    def _runs(self, text: str) -> list[list[_Word]]:
        """Maximal sequences of capitalised words and inner connectors, on one paragraph."""
        runs: list[list[_Word]] = []
        run: list[_Word] = []
        prev_end = -1
        for m in _TOKEN.finditer(text):
            if not run and not m.group()[0].isupper():  # most words: no name runs on, none starts here
                prev_end = m.end()
                continue
            w = _Word(m.group(), m.start(), m.end())
            joined = bool(run) and _NAME_GAP.fullmatch(text, prev_end, w.start) is not None and w.start > prev_end
            # "6G" inside a name ("Bharat 6G Alliance") counts as a capitalised word
            capital = w.text[0].isupper() or (bool(run) and joined and _CODE.fullmatch(w.text) is not None)
            connector = w.text.lower() in self.rules.connectors and not capital
            if capital and _POSSESSIVE.search(w.text):
                # "Pakistan’s Special ... Council": the possessor is not part of the next name,
                # but may end one of its own ("the Asian Development Bank’s loan").
                stem = _Word(w.text[:-2], w.start, w.end - 2)
                runs.append(run + [stem] if run and joined else run)
                runs.append([stem] if not (run and joined) else [])
                run, prev_end = [], w.end
                continue
            if capital or (connector and run):
                if run and not joined:
                    runs.append(run)
                    run = []
                if capital or run:
                    run.append(w)
            else:
                runs.append(run)
                run = []
            prev_end = w.end
        runs.append(run)
        return [_trim_connectors(r, self.rules.connectors) for r in runs if r]

    def _split_coordination(self, run: list[_Word]) -> list[list[_Word]]:
        """"Global Development Initiative and Global Security Initiative" are two names."""
        parts, current = [], []
        for i, w in enumerate(run):
            new_phrase = i + 1 < len(run) and run[i + 1].text.lower() == "the"  # "ISRO and the National ..."
            if w.text.lower() in ("and", "&") and current and (self._head_kind(current) or new_phrase) and i + 1 < len(run):
                parts.append(current)
                current = []
                continue
            current.append(w)
        parts.append(current)
        return [_trim_connectors(p, self.rules.connectors) for p in parts if p]

    def _head_kind(self, words: Sequence[_Word]) -> str | None:
        if not words:
            return None
        last = words[-1].text.lower()
        if len(words) > 1:
            two = f"{words[-2].text.lower()} {last}"
            if two in self.rules.heads:
                return self.rules.heads[two]
        if last in self.rules.heads:
            return self.rules.heads[last]
        if last.endswith("s") and last[:-1] in self.rules.heads:
            return self.rules.heads[last[:-1]]
        return None

    def _last_head(self, words: Sequence[_Word]) -> tuple[int, str | None]:
        """Index and kind of the last head word ("Forum" in "Forum for International Cooperation")."""
        for i in range(len(words) - 1, -1, -1):
            kind = self._head_kind(words[: i + 1])
            if kind:
                return i, kind
        return -1, None

    def _name_in(self, text: str, run: list[_Word]) -> _Found | None:
        h, kind = self._last_head(run)
        if kind is None:
            return None
        if kind == "project":  # "China Merchant Holdings on Hambantota Port"
            run, h = _after_tail_connector(run, h, self.rules.tail_connectors, self._head_kind)
        end = h
        tail = run[h + 1 :]
        if tail and tail[0].text.lower() in self.rules.tail_connectors and any(w.text[0].isupper() for w in tail):
            # "Working Group on Socioeconomic Cooperation"; but "in" and a place ending the run is
            # where it happens ("Convention on Climate Change in Egypt"), unlike "Trafficking in Firearms"
            end = len(run) - 1
            cut = next((i for i, w in enumerate(tail) if w.text == "in"), None)
            if cut is not None and self._is_place(" ".join(w.text for w in tail[cut + 1 :])):
                end = h + len(_trim_connectors(tail[:cut], self.rules.connectors))
        words = self._strip_leading(text, _after_in(run[: end + 1], h))
        head_words = 2 if h > 0 and f"{run[h - 1].text.lower()} {run[h].text.lower()}" in self.rules.heads else 1
        content = [w for w in words if w.text.lower() not in self.rules.connectors]
        if len(content) <= head_words:
            return None
        name = " ".join(text[words[0].start : words[-1].end].split())
        if self.actors.lookup(name) is not None:
            return None  # a country or capital ("Mexico City") is an actor, not an entity
        if kind == "project" and self._national_operator(text, words):
            kind = "institution"
        elif kind == "project":  # "Akkuyu Nuclear Plant": one name with "the Akkuyu nuclear plant"
            name = self._projects.canonical(name)
        return _Found(words[0].start, words[-1].end, name, kind, "discovered")

    def _national_operator(self, text: str, words: list[_Word]) -> bool:
        """"China Railway", "Kenya Railways", "China Merchants Port": a country or demonym
        opening a project-headed name is a national operator, a company (a route joins its
        places with a dash: "China–Laos Railway" is a line)."""
        for n in (1, 2):
            if len(words) > n and " ".join(w.text for w in words[:n]).casefold() in self._countrylike:
                return text[words[n - 1].end : words[n - 1].end + 1] not in "-–‐"
        return False

    def _strip_leading(self, text: str, words: list[_Word]) -> list[_Word]:
        rules = self.rules
        while words:
            w = words[0]
            low = w.text.lower()
            sentence_start = _sentence_start(text, w.start)
            # A sentence opener followed by "the"/"of" is an ordinary word ("Then the Belt and Road
            # Initiative"), unless it is itself a head ("Bank of China").
            opener = sentence_start and (
                low.endswith(("ing", "ed", "ly"))
                or (len(words) > 1 and words[1].text in rules.connectors and not self._head_kind([w]))
            )
            if (low in rules.leading_stopwords or low in rules.months or low in rules.connectors
                    or _ORDINAL.match(low) or opener):
                words = words[1:]
                continue
            break
        return words

    # -- discovery: acronyms defined in parentheses ------------------------------------------
    def _acronyms(self, text: str) -> list[_Found]:
        out: list[_Found] = []
        for m in _ACRONYM_DEF.finditer(text):
            acronym = m.group(1)
            letters = [c for c in acronym if c.isalnum()]
            if sum(c.isupper() for c in letters) < 2 or len(letters) > 10:
                continue
            long_span = self._long_form(text, m.start(), acronym)
            if long_span is None:
                continue
            s, e = long_span
            name = " ".join(text[s:e].split())
            if self.actors.lookup(name) is not None or self.actors.lookup(acronym) is not None:
                continue
            words = [_Word(w.group(), w.start() + s, w.end() + s) for w in _TOKEN.finditer(text[s:e])]
            kind = self._last_head(words)[1] or "other"
            out.append(_Found(s, e, name, kind, "discovered"))
            for use in re.finditer(rf"(?<![\w\-]){re.escape(acronym)}(?:s)?(?![\w\-])", text):
                out.append(_Found(use.start(), use.end(), name, kind, "discovered"))
        return out

    def _long_form(self, text: str, paren: int, acronym: str) -> tuple[int, int] | None:
        """Schwartz & Hearst (2003): the shortest run of words before the parenthesis whose
        letters spell the acronym in order, its first letter starting a word."""
        end = paren
        while end > 0 and text[end - 1].isspace():
            end -= 1
        window_start = max(0, end - 200)
        window = text[window_start:end]
        cut = None
        for m in _SENTENCE_END.finditer(window):
            cut = m.end()
        if cut is not None:
            window, window_start = window[cut:], window_start + cut
        letters = [c.lower() for c in acronym if c.isalnum()]
        max_words = min(len(letters) + 5, 2 * len(letters))
        starts = [m.start() for m in re.finditer(r"\S+", window)][-max_words:]
        if not starts:
            return None
        window, window_start = window[starts[0] :], window_start + starts[0]
        s_i, l_i = len(letters) - 1, len(window) - 1
        while s_i >= 0:
            c = letters[s_i]
            while l_i >= 0 and (window[l_i].lower() != c or (s_i == 0 and l_i > 0 and window[l_i - 1].isalnum())):
                l_i -= 1
            if l_i < 0:
                return None
            l_i -= 1
            s_i -= 1
        begin = l_i + 1
        long_form = window[begin:]
        content = [w for w in re.findall(r"[\w’'\-]+", long_form) if w.lower() not in self.rules.connectors]
        # A defined name is capitalised ("memorandums of understanding (MoUs)" is not a name).
        if not content or not long_form[:1].isupper() or sum(w[0].isupper() for w in content) * 2 < len(content):
            return None
        if len(content) < 2 and len(long_form) <= len(acronym):
            return None
        return window_start + begin, end


# "the Main Line-1 railway from Karachi to Peshawar": the route of a named project, not a project of its own
_ROUTE_OF = re.compile(r"[ \t]+(?:(?:that|which|will|would|is|to)[ \t]+){0,2}(?:from|between|connecting|linking|links|connects)[ \t]+(?:the[ \t]+)?")


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip()
    return not before or before[-1] in ".!?:;\"“”'‘’([\n" or text[before.rfind("\n") + 1 : pos].strip() == ""


def _after_tail_connector(run: list[_Word], head: int, tails: frozenset[str], head_kind) -> tuple[list[_Word], int]:
    """"China Merchant Holdings on Hambantota Port": a tail connector before the head, with no
    head word before it, ends a phrase that is not part of the name ("Agreement on X Port" keeps
    its head)."""
    cut = max((i for i, w in enumerate(run[:head]) if w.text in tails), default=-1)
    if cut <= 0 or any(head_kind(run[: j + 1]) for j in range(cut)):
        return run, head
    return run[cut + 1 :], head - cut - 1


def _after_in(words: list[_Word], head: int) -> list[_Word]:
    """"USS Quincy in the Suez Canal": before the head, "in" separates two names."""
    cut = max((i for i, w in enumerate(words[:head]) if w.text == "in"), default=-1)
    return words[cut + 1 :]


def _trim_connectors(words: list[_Word], connectors: frozenset[str]) -> list[_Word]:
    while words and words[-1].text.lower() in connectors and not words[-1].text[0].isupper():
        words = words[:-1]
    return words


def _abbreviates_other(text: str, f: _Found, found: list[_Found]) -> bool:
    if f.source != "gazetteer" or f.kind != "project" or text[f.start - 1 : f.start] != "(" or text[f.end : f.end + 1] != ")":
        return False
    return any(g.kind == "project" and g.name != f.name and text[g.end : f.start].strip() == "(" for g in found)


def _strictly_contains(outer: _Found, inner: _Found) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and (outer.end - outer.start) > (inner.end - inner.start)


def _non_overlapping(found: list[_Found]) -> list[_Found]:
    """Longest first; a name overlapping a longer one is dropped; duplicates merge."""
    kept: list[_Found] = []
    for f in sorted(found, key=lambda f: (-(f.end - f.start), f.start)):
        if not any(f.start < k.end and k.start < f.end for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: f.start)
