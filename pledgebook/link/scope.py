"""What of a statement the linker compares: which entities bond (sites do, umbrellas and
institutions named only as the source do not), whether the statement may start a thread, and
the relationship it belongs to. ``cluster.link_item`` applies these; the lexicons are data
(``linking.yaml`` and the codebook's ``entities.yaml``)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from pledgebook.extract.variants import ProjectKey
from pledgebook.link.config import LinkConfig

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_ARTICLES = frozenset({"the", "a", "an"})
_MAX_BETWEEN = 5  # words between a source's name and its reporting word ("spokesperson Jane Doe told")


class Mention(NamedTuple):
    """An entity a statement names: canonical name, kind and, when known, where in the
    statement's text it is named."""

    name: str
    kind: str
    start: int | None = None
    end: int | None = None


def relationship(parties: Iterable[str], actors: Iterable[str], cfg: LinkConfig) -> frozenset[str]:
    """The relationship a statement belongs to: its document's parties together with those of
    its own actors the parties do not already cover. A pledge by one party of a bilateral
    document is that relationship's, as is "the Quad" in a document of the Quad's four members;
    a news report whose parties were read as one side gets the other side from the statement's
    actors. Empty when the document has no parties: the relationship is unknown (no gate)."""
    parties = frozenset(parties)
    if not parties:
        return parties
    members = {m for p in parties for m in cfg.groups.get(p, ())}
    extra = {a for a in actors if a not in parties and a not in members
             and not (a in cfg.groups and cfg.groups[a] <= parties | members)}
    return parties | extra


def same_relationship(a: frozenset[str], b: frozenset[str]) -> bool:
    """The same relationship, or one unknown (a document without parties). A report that knows
    only one side (parties read as China alone, China acting) is not assumed to be any of that
    party's relationships: it links to them only through a named project (a bridge), never
    through a shared institution, which is a venue (JICA lends for many projects)."""
    return not a or not b or a == b


def nested_relationship(a: frozenset[str], b: frozenset[str]) -> bool:
    """Is one relationship a part of the other (a report whose parties were read as one side,
    China, beside a China–Sri Lanka one)? Alone that is no link; two statements that name the same
    project (their anchors match) are then one relationship's story."""
    return bool(a) and bool(b) and (a < b or b < a)


def is_source_only(text: str, mention: Mention, cfg: LinkConfig) -> bool:
    """Is the mention named only as the statement's source ("according to the Foreign Office",
    "the Foreign Office said", "Foreign Office spokesperson Jane Doe told reporters")?"""
    if mention.kind not in cfg.source_kinds or mention.start is None or mention.end is None:
        return False
    before = [w.lower() for w in _WORD.findall(text[: mention.start])]
    while before and before[-1] in _ARTICLES:
        before.pop()
    if any(len(before) >= len(cue) and tuple(before[-len(cue):]) == cue for cue in cfg.source_before):
        return True
    for n, word in enumerate(_WORD.findall(text[mention.end:])):
        low = word.lower()
        if low in cfg.source_after:
            return True
        if n >= _MAX_BETWEEN or not (low in cfg.source_between or word[0].isupper()):
            return False
    return False


def is_venue_of_saying(text: str, mention: Mention, cfg: LinkConfig) -> bool:
    """Is the mention where the statement was said ("... the minister told the gathering in Colombo
    port", "said at a signing ceremony at the X terminal"): a reporting word, then only venue words
    (``source_venue``) and a last "in"/"at" right before it?"""
    if mention.start is None or not cfg.source_venue:
        return False
    before = [w.lower() for w in _WORD.findall(text[: mention.start])][-9:]
    while before and before[-1] in _ARTICLES:
        before.pop()
    if not before or before[-1] not in ("in", "at"):
        return False
    for word in reversed(before[:-1]):
        if word in cfg.source_after:
            return True
        if word not in cfg.source_venue and word not in ("in", "at"):
            return False
    return False


def bonding_names(mentions: Iterable[Mention], text: str, cfg: LinkConfig) -> list[tuple[str, str, str | None]]:
    """(lower-cased name, kind, role) of the entities that take part in linking: those of
    ``cfg.entity_kinds`` and sites, less umbrellas and sources. A name counts when any of its
    mentions is not a source-only one."""
    kept: dict[str, tuple[str, str, str | None]] = {}
    for m in mentions:
        role = cfg.role(m.name)
        if role == "site" and m.kind in cfg.source_kinds:
            role = None  # a company or an agency named after a port ("Acme Port Holdings") is not the site
        if role == "umbrella" or (m.kind not in cfg.entity_kinds and role != "site"):
            continue
        if is_source_only(text, m, cfg) or is_venue_of_saying(text, m, cfg):
            continue
        kept.setdefault(m.name.casefold(), (m.name.casefold(), m.kind, role))
    return list(kept.values())


def anchor_of(names: Iterable[tuple[str, str, str | None]], cfg: LinkConfig,
              mentions: Iterable[Mention] = (), text: str = "") -> ProjectKey | None:
    """The specific project a statement is about, as its project key (``cfg.project_key``: one
    key for the spellings of different reports): the first bonding name of ``cfg.anchor_kinds``
    or a site, or None. A statement listing "the railway, the port and the parks" is anchored
    to the railway only: it bonds to the port's and the parks' statements no more strongly than
    any shared entity does, so a list does not chain those projects' threads together. Where a
    mention of it (``mentions``, offsets in ``text``) names a part ("the extension of the SGR",
    "the railway from Naivasha to Kisumu"), the anchor is that part (``ProjectKeys.part``)."""
    projects = [name for name, kind, role in names if (kind in cfg.anchor_kinds or role == "site")
                and cfg.project_key(name).name not in cfg.country_names]
    if not projects:  # (a company named after its country, "China Railway", is no project)
        return None
    mentions = [m for m in mentions if m.start is not None and m.end is not None]
    name = next((n for n in projects[1:] if any(m.name.casefold() == n and _is_section(text, m, cfg) for m in mentions)),
                projects[0])
    key = cfg.project_key(name)
    if name != projects[0]:  # "the Naivasha to Kisumu stretch of the line": a section of the first project named
        return beyond(cfg.project_key(projects[0]), key._replace(part=True), cfg)
    spans = [(m.start, m.end) for m in mentions if m.name.casefold() == name]
    if cfg.extension_words and cfg.project_keys is not None:  # "the extension of the SGR": the SGR's extension
        for start, end in spans:
            part = cfg.project_keys.part(key, text, start, end, cfg.extension_words)
            if part != key:
                return beyond(key, part, cfg)
    if any(_later_phase(text[: start], cfg) for start, _ in spans) and _is_route(key, cfg):
        return _extension(key)  # "phase two of the Mombasa-Nairobi SGR"
    return key


def _extension(key: ProjectKey) -> ProjectKey:
    return ProjectKey(f"{key.name} extension", key.cls, part=True)


def beyond(line: ProjectKey, part: ProjectKey, cfg: LinkConfig) -> ProjectKey:
    """A section of a line named by the two cities it joins that touches neither of them ("Naivasha to
    Kisumu" of the Mombasa-Nairobi SGR) lies beyond the line: it is the line's extension, as a later
    phase of it is. A section from one of its ends ("Nairobi to Naivasha") stays a section of its own,
    and a section of a line named otherwise stays its section (its name says nothing of where it ends)."""
    if part.name == _extension(line).name or not _is_route(line, cfg):
        return part
    return _extension(line) if not set(part.name.split()) & set(line.name.split()) else part


def line_of(key: ProjectKey, cfg: LinkConfig) -> ProjectKey | None:
    """The line named by the two cities it joins that ``key`` is, or is the extension of; else None."""
    line = ProjectKey(key.name.removesuffix(" extension"), key.cls) if key.part else key
    return line if (not key.part or key.name.endswith(" extension")) and _is_route(line, cfg) else None


def _is_section(text: str, mention: Mention, cfg: LinkConfig) -> bool:
    """Is the mention a section of a line ("the Naivasha to Kisumu stretch of the line")?"""
    nouns = "|".join(map(re.escape, cfg.section_nouns))
    return bool(nouns) and re.search(rf"\b(?:{nouns})\s+of\b", text[mention.start : mention.end + 20], re.IGNORECASE) is not None


_PHASE_BEFORE = re.compile(r"(\w+)\s+(\w+)(?:\s+\w+)?\s+of\s+(?:the\s+)?$")


def _later_phase(before: str, cfg: LinkConfig) -> bool:
    """Does ``before`` end in a later phase of ("phase two of the", "the third phase of", "Phase 2A of")?"""
    found = _PHASE_BEFORE.search(before[-60:])
    if not found or not cfg.phase_nouns:
        return False
    words = [w.lower() for w in found.group(0).split()]
    for i, word in enumerate(words):
        if word in cfg.phase_nouns:
            near = words[max(0, i - 1) : i] + words[i + 1 : i + 2]
            return any(w in cfg.later_ordinals for w in near)
    return False


def _is_route(key: ProjectKey, cfg: LinkConfig) -> bool:
    """Is the project named by the two cities it joins ("mombasa nairobi")?"""
    words = key.name.split()
    return any(" ".join(words[:i]) in cfg.city_names and " ".join(words[i:]) in cfg.city_names
               for i in range(1, len(words)))


def continues(text: str, cfg: LinkConfig) -> bool:
    """Does the statement open with a pronoun that refers back ("They agreed that ...", "It will be
    funded by ...": ``cfg.continuation_leads``)?"""
    first = _WORD.search(text)
    return first is not None and first.group(0).lower() in cfg.continuation_leads


def starts_thread(kind: str, names: Iterable[tuple[str, str, str | None]], cfg: LinkConfig) -> bool:
    """May this statement start a thread? Kinds of ``start_kinds`` do; another threaded kind
    only when it names a specific project (``start_entity_kinds``) or a site."""
    return kind in cfg.start_kinds or any(k in cfg.start_entity_kinds or role == "site" for _, k, role in names)


HEADLINE_OVERLAP = 0.8  # share of the longer one's words the statement and the title must share


def is_headline(text: str, title: str | None) -> bool:
    """Is the statement its report's title, as printed above the text ("over next 5 years" /
    "over the next five years")? Most of the words of both must be shared."""
    if not title:
        return False
    words, heading = ({w.lower() for w in _WORD.findall(t)} for t in (text, title))
    return bool(words) and len(words & heading) >= HEADLINE_OVERLAP * max(len(words), len(heading))
