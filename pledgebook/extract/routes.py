"""Projects a report names only by the places they join: "the line linking the capital Jakarta
with the textile hub of Bandung", "the bullet train along the Ahmedabad-Mumbai route", "the
railway from Naivasha to Kisumu". A head of a route class (codebook: discovery.route_projects
and project_anaphora) followed by two places gives the project "X–Y <class>"; a listed project
of that route and class, written either way round ("Mumbai-Ahmedabad High Speed Rail"), is
that project. The mention spans the two places, so the statement that describes the route
names the project and anaphora ("the line") finds it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from pledgebook.codebook.entities import DiscoveryRules
from pledgebook.extract.names import Name
from pledgebook.extract.variants import ProjectKey, ProjectKeys

_PLACE = r"[A-Z][\w’']*(?:[ \t][A-Z][\w’']*)?"  # "Jakarta", "Dar es"-less: one or two capitalised words
_DESCRIPTOR = r"(?:(?:the|its|a|an|of|[a-z][\w’'\-]*|[A-Z][a-z]+(?=[ \t]+[a-z]))[ \t]+)"  # "the Indonesian capital"
_JOIN = re.compile(
    rf"[ \t]+(?:(?:that|which|will|would|is|was|to|set|being|built)[ \t]+){{0,3}}"
    rf"(?:connect|connects|connecting|connected|link|links|linking|linked)[ \t]+(?:from[ \t]+)?"
    rf"{_DESCRIPTOR}{{0,4}}(?P<x>{_PLACE})[ \t]+(?:with|to|and)[ \t]+{_DESCRIPTOR}{{0,5}}(?P<y>{_PLACE})(?![\w’'\-])")
_FROM_TO = re.compile(rf"[ \t]+(?:from|between)[ \t]+(?P<x>{_PLACE})[ \t]+(?:to|and)[ \t]+(?P<y>{_PLACE})(?![\w’'\-])")
_DASH = r"[-–‐]"


class RouteProjects:
    """``find(text)``: route projects named by their places. ``is_nation(word)``: a country, a
    demonym or a group (never one end of a route); ``gazetteer``: (name, kind) of listed entries."""

    def __init__(self, rules: DiscoveryRules, is_nation: Callable[[str], bool],
                 gazetteer: Iterable[tuple[str, str]]) -> None:
        self.is_nation = is_nation
        self.stop = rules.leading_stopwords | rules.months | rules.project_not_modifiers
        self.keys = ProjectKeys(rules)
        self.listed: dict[ProjectKey, str] = {}
        for name, kind in gazetteer:
            key = self.keys.key(name) if kind == "project" else None
            if key is not None and key.cls is not None:
                self.listed.setdefault(key, name)
        heads = {h: c for h, c in rules.anaphora_heads.items() if c in rules.route_classes}
        self.heads = {_key(h): c for h, c in heads.items()}
        alternatives = sorted(heads, key=len, reverse=True)
        pattern = "|".join(re.escape(h) if h.isupper() else _spaced(h) for h in alternatives)
        self._head = re.compile(rf"(?<![\w\-–‐])(?:{pattern})(?![\w\-–‐])") if heads else None
        nouns = "|".join(re.escape(n) for n in sorted(rules.route_nouns, key=len, reverse=True))
        sites = sorted((h for h, c in rules.anaphora_heads.items() if c in rules.site_classes), key=len, reverse=True)
        self.site_heads = {_key(h): rules.anaphora_heads[h] for h in sites}
        sited = "|".join(re.escape(h) if h.isupper() else _spaced(h) for h in sites)
        self._sited = re.compile(rf"(?<![\w\-–‐])(?P<head>{sited})[ \t]+in[ \t]+(?P<x>[A-Z][\w’']*)(?![\w’'\-–‐])"
                                 rf"(?![ \t]+[A-Z])") if sites else None
        # "the Naivasha to Kisumu stretch of the line", "the Telmar to Oskor railway": places before the head
        self._before = re.compile(
            rf"(?<![\w’'\-])(?P<x>{_PLACE})[ \t]+to[ \t]+(?P<y>{_PLACE})[ \t]+"
            rf"(?:(?:{nouns})[ \t]+of[ \t]+(?:the[ \t]+)?)?(?P<head>{pattern})(?![\w\-–‐])") if heads and nouns else None
        self._dashed = re.compile(
            rf"[^.;!?\n]{{0,60}}?\b(?:along|on|in|for|from|of)[ \t]+(?:the[ \t]+)?"
            rf"(?P<x>[A-Z][\w’']*){_DASH}(?P<y>[A-Z][\w’']*)(?:[ \t]+(?P<noun>{nouns}))?(?![\w\-–‐])") if nouns else None

    def find(self, text: str) -> Iterator[Name]:
        if self._head is None:
            return
        found = []
        for head in self._head.finditer(text):
            route = self._route(text, head.end())
            if route is not None:
                found.append((self._class(head.group()), *route))
        for m in self._before.finditer(text) if self._before is not None else ():
            found.append((self._class(m.group("head")), (m.group("x"), m.start("x")), (m.group("y"), m.end("y"))))
        yield from self._sites(text)
        for cls, (x, x_start), (y, y_end) in found:
            if cls is None or any(self.is_nation(p) or p.split()[0].lower() in self.stop for p in (x, y)) or x == y:
                continue
            yield Name(x_start, y_end, self._name(x, y, cls), "project")

    def _sites(self, text: str) -> Iterator[Name]:
        """"a refinery in Hambantota": the Hambantota refinery (not "the Akkuyu plant in Mersin",
        named already; not a country or a place noun after the town: "in the Hambantota region")."""
        for m in self._sited.finditer(text) if self._sited is not None else ():
            before = text[max(0, m.start() - 40) : m.start()].split()
            if before and before[-1][:1].isupper() and before[-1].lower() not in self.stop:
                continue
            place = m.group("x")
            if self.is_nation(place) or place.lower() in self.stop:
                continue
            cls = self.site_heads[_key(m.group("head"))]
            yield Name(m.start(), m.end("x"), self._name_of_site(place, cls), "project")

    def _name_of_site(self, place: str, cls: str) -> str:
        return self.listed.get(self.keys.key(f"{place} {cls}") or ProjectKey("", None)) or f"{place} {cls}"

    def is_head(self, phrase: str) -> bool:
        """Is ``phrase`` a bare head of a route class ("SGR", "standard gauge railway"), no name of its own?"""
        return self._class(phrase) is not None or self._class(phrase.lower()) is not None

    def _class(self, head: str) -> str | None:
        return self.heads.get(_key(head))

    def follows(self, text: str, pos: int) -> bool:
        """Whether a route of two places follows ``pos``: "the SGR from Naivasha to Kisumu" is
        that stretch, not the line a gazetteer lists as "the SGR"."""
        route = self._route(text, pos)
        return route is not None and not any(self.is_nation(p) for p, _ in route)

    def _route(self, text: str, pos: int) -> tuple[tuple[str, int], tuple[str, int]] | None:
        for pattern in (_JOIN, _FROM_TO):
            if (m := pattern.match(text, pos)) is not None:
                return (m.group("x"), m.start("x")), (m.group("y"), m.end("y"))
        m = self._dashed.match(text, pos) if self._dashed is not None else None
        if m is not None and (m.group("noun") or re.search(r"\bfrom[ \t]+(?:the[ \t]+)?$", text[:m.start("x")])):
            return (m.group("x"), m.start("x")), (m.group("y"), m.end("y"))
        return None

    def _name(self, x: str, y: str, cls: str) -> str:
        """"X–Y <class>", or the listed project of that route and class, either way round."""
        for a, b in ((x, y), (y, x)):
            listed = self.listed.get(self.keys.key(f"{a} {b} {cls}") or ProjectKey("", None))
            if listed is not None:
                return listed
        return f"{x}–{y} {cls}"


def _spaced(phrase: str) -> str:
    """A lower-case head phrase, its spaces and hyphens interchangeable."""
    return r"[ \t\-–‐]+".join(re.escape(w) for w in re.split(r"[ \-]+", phrase))


def _key(phrase: str) -> str:
    return " ".join(re.split(r"[ \t\-–‐]+", phrase.lower()))
