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


def bonding_names(mentions: Iterable[Mention], text: str, cfg: LinkConfig) -> list[tuple[str, str, str | None]]:
    """(lower-cased name, kind, role) of the entities that take part in linking: those of
    ``cfg.entity_kinds`` and sites, less umbrellas and sources. A name counts when any of its
    mentions is not a source-only one."""
    kept: dict[str, tuple[str, str, str | None]] = {}
    for m in mentions:
        role = cfg.role(m.name)
        if role == "umbrella" or (m.kind not in cfg.entity_kinds and role != "site"):
            continue
        if is_source_only(text, m, cfg):
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
    name = next((name for name, kind, role in names if (kind in cfg.anchor_kinds or role == "site")
                 and cfg.project_key(name).name not in cfg.country_names), None)
    if name is None:  # (a company named after its country, "China Railway", is no project)
        return None
    key = cfg.project_key(name)
    spans = [(m.start, m.end) for m in mentions if m.name.casefold() == name and m.start is not None and m.end is not None]
    if cfg.extension_words and cfg.project_keys is not None:  # "the extension of the SGR": the SGR's extension
        for start, end in spans:
            part = cfg.project_keys.part(key, text, start, end, cfg.extension_words)
            if part != key:
                return part
    return key


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
