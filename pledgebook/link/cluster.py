"""The linker's core, free of any database: candidate retrieval, pair scores, clustering.

Used by the ledger linker (``link.ledger``), the gold-pair evaluation and the benchmark, so
all three measure the same code.

1. Candidates: statements are put in blocks (the relationship, i.e. the document's parties
   and the statement's actors, x each sector; and each canonical entity name); within a block every *new* statement is compared by cosine with every
   other member, and its ``top_k`` most similar candidates that could still reach the
   threshold are kept.
2. Score: cosine + entity term + sector term (``pair_score``); actors must overlap.
3. Clusters: pairs are united greedily from the highest score down (single linkage, checked
   against chaining by ``cohesion``: the two clusters, each summarised as one statement — the
   centroid of its embeddings and the entities and sectors most of its members have — must
   themselves score the threshold with ``pair_score``; two single statements therefore decide
   exactly as their pair does) under three constraints: a thread holds at most one statement
   of an exclusive kind (commitments) per document, an analyst's "separate" decision is never crossed, and two clusters that both
   hold items marked old (``is_new`` false) are never merged. Analysts' "link" decisions are
   applied first, unconditionally. The ledger marks as new every statement it re-clusters
   (``link.region``), so the old/new rule only keeps untouched threads as they are.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from pledgebook.codebook.entities import ANY_PROJECT, SEVERAL_PROJECTS
from pledgebook.extract.variants import ProjectKey, fold
from pledgebook.link.config import LinkConfig
from pledgebook.link.scope import (
    Mention,
    anchor_of,
    beyond,
    bonding_names,
    line_of,
    continues,
    relationship,
    nested_relationship,
    same_relationship,
    starts_thread,
)

_CHUNK = 1024
_NEXT_SENTENCE = 3  # characters between two statements of adjacent sentences (". ")
_ANCHOR = "anchor"  # blocks of the statements anchored to one project: compared at any cosine


@dataclass(frozen=True, slots=True)
class LinkItem:
    """What the linker knows of one statement."""

    doc: Hashable
    actors: frozenset[str]
    sectors: frozenset[str]
    entities: frozenset[str]  # lower-cased canonical names of the entities that bond (link.scope)
    scope: frozenset[str] = frozenset()  # the relationship: document's parties and statement's actors
    bridges: frozenset[str] = frozenset()  # entities naming the undertaking itself (projects, initiatives, sites)
    starts: bool = True  # may start a thread (else it only joins one: cfg.start_kinds)
    exclusive: bool = True  # a thread holds one such statement per document (cfg.exclusive_kinds)
    anchor: ProjectKey | None = None  # the one specific project the statement is about (cfg.anchor_kinds, sites)
    committed: bool = True  # of a kind that starts threads (a commitment): others link on a bridge or on wording
    venues: frozenset[str] = frozenset()  # of ``entities``, those of cfg.venue_kinds (institutions)
    contextual: bool = False  # ``anchor`` is the report's one project, not a name of the statement's own
    heads: frozenset[str] = frozenset()  # naming no project: classes of the heads its text uses ("the plant"; "*")
    continues: bool = False  # opens with a pronoun ("They agreed that ..."): about what the statement before is
    span: tuple[int, int] | None = None  # where in its document, when known: what "the statement before" is
    bare: bool = False  # names its project only by a name without its distinctive words ("the SGR")


def link_item(
    doc: Hashable,
    actors: Iterable[str],
    sectors: Iterable[str],
    entities: Iterable[tuple],
    parties: Iterable[str],
    cfg: LinkConfig,
    *,
    kind: str = "commitment",
    text: str = "",
    span: tuple[int, int] | None = None,
) -> LinkItem:
    """The one way to make a ``LinkItem``: from a statement's actors, sectors, entities
    ((canonical name, kind), or ``Mention``s with offsets in ``text``, the statement's text),
    kind, its document's parties and its ``span`` in the document. Linking, ``diff``, ``eval-threads`` and the benchmark all
    build items here, so all apply the same entity roles, start rule and scope gate."""
    actors = frozenset(actors)
    mentions = [Mention(*e) for e in entities]
    names = bonding_names(mentions, text, cfg)
    anchor = anchor_of(names, cfg, mentions, text)
    names = _as_part(names, anchor, cfg)
    return LinkItem(
        doc,
        actors,
        frozenset(sectors),
        frozenset(name for name, _, _ in names),
        relationship(parties, actors, cfg),
        frozenset(name for name, k, role in names if k in cfg.bridge_kinds or role == "site"),
        starts_thread(kind, names, cfg),
        kind in cfg.exclusive_kinds and anchor is None,  # a project's story may hold several of one report's
        anchor,
        kind in cfg.start_kinds,
        frozenset(name for name, k, _ in names if k in cfg.venue_kinds),
        heads=cfg.head_classes(text) if anchor is None else frozenset(),  # read only where no project is named
        continues=continues(text, cfg),
        span=span,
        bare=anchor is not None and not anchor.part and _bare(anchor, mentions, text, cfg),
    )


def _bare(anchor: ProjectKey, mentions: list[Mention], text: str, cfg: LinkConfig) -> bool:
    """Is every mention of the anchored project written without the words of its key ("the SGR" for
    the Mombasa–Nairobi line; not "the ride from Mombasa to Nairobi")?"""
    said = [text[m.start:m.end] for m in mentions if m.start is not None and m.end is not None
            and cfg.project_key(m.name) == anchor]
    words = set(anchor.name.split())
    return bool(said) and not any(words & set(fold(s).replace("-", " ").replace("–", " ").split()) for s in said)


def _as_part(names: list[tuple[str, str, str | None]], anchor: ProjectKey | None,
             cfg: LinkConfig) -> list[tuple[str, str, str | None]]:
    """A statement anchored to a part of a project ("the extension of the SGR") names that part,
    not the project: it neither shares nor bridges the project's name with the line's own pledges."""
    first = next((n for n, k, role in names if (k in cfg.anchor_kinds or role == "site")
                  and cfg.project_key(n).name not in cfg.country_names), None)
    if anchor is None or first is None or cfg.project_key(first) == anchor:
        return names
    part = _label(anchor)
    return [(part if n == first else n, k, role) for n, k, role in names]


def with_document_projects(items: Sequence[LinkItem], cfg: LinkConfig) -> list[LinkItem]:
    """``items`` where a statement that names no project takes its report's project as its
    anchor (``contextual``): "Rosatom will build the Akkuyu plant ... It will be fully funded by
    Russia ... NPP units will be put into operation by 2028" is one project's story, told by a
    report whose other sentences say "it" and "the project". In a report whose anchored
    statements all name one project, a statement about it (``_about``: not the investment target
    of a report that also praises a railway); in a report about several, only a statement whose
    head names the class of exactly one of them ("Turkey's first nuclear plant" in a report on a
    pipeline and a plant), or a statement naming nothing at all, no sector either, right after
    one with a project ("... put the first phase of the plant into effect by 2023. We will make
    every effort to achieve this"); "it" elsewhere could be either. ``items`` of one document
    come in text order (the ledger loads them so)."""
    if not cfg.document_projects:
        return list(items)
    items = _report_parts(_sections_beyond(_short_names(items), cfg), cfg)
    anchored: dict[Hashable, list[LinkItem]] = defaultdict(list)
    for it in items:
        if it.anchor is not None and not it.contextual:
            anchored[it.doc].append(it)
    out: list[LinkItem] = []
    projects = {doc: _projects(members) for doc, members in anchored.items()}
    classes = _report_classes(items, set(anchored))
    for it in items:
        before = out[-1] if out and out[-1].doc == it.doc else None
        if before is not None and it.continues and _adjacent(before, it) and it.anchor is None and not it.entities - it.venues:
            it = _continued(it, before)
        if it.doc in classes and it.anchor is None and not it.heads and not it.entities - it.venues:
            cls, sectors = classes[it.doc]
            if it.sectors <= sectors | cfg.funding_sectors:  # "pledged to accelerate the timeline for its operation"
                it = replace(it, heads=frozenset({cls}))
        found = projects.get(it.doc, []) if it.anchor is None else []
        if len(found) == 1 and _about(it, *found[0], cfg):
            it = _in_project(it, found[0][0])
        elif len(found) > 1:
            named = [key for key, _ in found if key.cls is not None and key.cls in it.heads]
            if len(named) == 1:
                it = _in_project(it, named[0])
            elif before is not None and before.anchor is not None and not (it.sectors or it.entities or it.heads):
                it = _in_project(it, before.anchor)  # "we will make every effort to achieve this"
        out.append(it)
    return out


def _continued(it: LinkItem, before: LinkItem) -> LinkItem:
    """``it``, naming nothing and opening with a pronoun, about what ``before`` (the statement right
    before it in its report) is about: "Both leaders ... pledged to accelerate the timeline for its
    operation. They agreed that cutting-edge Japanese technology would be installed without delay"
    installs it in that railway. It takes the earlier statement's project, heads and sectors beside its own,
    and, continuing a statement about a project, is no second undertaking of its report (not exclusive)."""
    anchor = before.anchor if before.anchor is not None and not before.anchor.part else None
    it = replace(it, heads=it.heads | before.heads, sectors=it.sectors | before.sectors,
                 exclusive=it.exclusive and not (before.heads or before.anchor))
    return _in_project(it, anchor) if anchor is not None else it


def _adjacent(before: LinkItem, it: LinkItem) -> bool:
    """Does ``it`` follow ``before`` in their text with nothing between but a full stop and a space?"""
    return before.span is not None and it.span is not None and 0 <= it.span[0] - before.span[1] <= _NEXT_SENTENCE


def _short_names(items: Sequence[LinkItem]) -> list[LinkItem]:
    """``items`` where an anchor that a longer one of its report ends with takes the longer one:
    "Port City" in a report that names "Colombo Port City" is that project (a report shortens a
    name it has given in full; the leading words say where, and across reports they tell two
    projects apart). Per report, so a document's items never depend on other documents."""
    full: dict[Hashable, list[ProjectKey]] = defaultdict(list)
    for it in items:
        if it.anchor is not None and not it.contextual and not it.anchor.part:
            full[it.doc].append(it.anchor)
    out = []
    for it in items:
        longer = [k for k in full.get(it.doc, ()) if it.anchor is not None and _shortens(it.anchor, k)]
        if len({k.name for k in longer}) == 1:
            it = replace(it, anchor=longer[0])
        out.append(it)
    return out


def _sections_beyond(items: Sequence[LinkItem], cfg: LinkConfig) -> list[LinkItem]:
    """``items`` where a project named by two places joined by a dash ("the railway from Naivasha to
    Kisumu": "Naivasha–Kisumu railway") in a report that names a line of its class by the two cities
    it joins (the Mombasa–Nairobi SGR, or its extension) is a section of that line: beyond it when it
    touches neither city, so the line's extension (``scope.beyond``). Per report."""
    lines: dict[Hashable, set[ProjectKey]] = defaultdict(set)
    for it in items:
        if it.anchor is not None and not it.contextual:
            line = line_of(it.anchor, cfg)
            if line is not None:
                lines[it.doc].add(line)
    out = []
    for it in items:
        found = {line for line in lines.get(it.doc, ()) if _dashed_section(it, line)}
        if len(found) == 1:
            line = found.pop()
            it = replace(it, anchor=beyond(line, it.anchor._replace(part=True), cfg))  # type: ignore[union-attr]
        out.append(it)
    return out


def _report_parts(items: Sequence[LinkItem], cfg: LinkConfig) -> list[LinkItem]:
    """``items`` where, in a report most of whose anchored statements are about a line's extension,
    a statement naming the line only by a bare name ("your commitment to the SGR ... will go all the
    way", in a report on the SGR's extension) is about the extension too. Per report."""
    anchored: dict[Hashable, list[ProjectKey]] = defaultdict(list)
    for it in items:
        if it.anchor is not None and not it.contextual:
            anchored[it.doc].append(it.anchor)
    extension: dict[Hashable, ProjectKey] = {}
    for doc, keys in anchored.items():
        top, count = Counter(keys).most_common(1)[0]
        if top.part and 2 * count > len(keys) and line_of(top, cfg) is not None:
            extension[doc] = top
    out = []
    for it in items:
        part = extension.get(it.doc)
        if part is not None and it.bare and it.anchor is not None and it.anchor.matches(line_of(part, cfg)):
            line = [n for n in it.entities if cfg.project_key(n) == it.anchor]
            it = replace(it, anchor=part, entities=(it.entities - set(line)) | {_label(part)},
                         bridges=(it.bridges - set(line)) | ({_label(part)} if line and set(line) & it.bridges else set()))
        out.append(it)
    return out


def _dashed_section(it: LinkItem, line: ProjectKey) -> bool:
    """Is ``it`` anchored to a project of ``line``'s class named by two other places joined by a dash?"""
    key = it.anchor
    if key is None or it.contextual or key.part or key.cls != line.cls or key.matches(line):
        return False
    words = key.name.split()
    dashed = re.compile(rf"\b{re.escape(words[0])}\s*[-–—]\s*{re.escape(words[-1])}\b") if len(words) == 2 else None
    return dashed is not None and any(dashed.search(e) for e in it.entities)


def _shortens(short: ProjectKey, full: ProjectKey) -> bool:
    """Is ``short`` the last words of ``full``'s name, of a compatible class ("port city", "colombo port city")?"""
    words, whole = short.name.split(), full.name.split()
    return (not short.part and len(words) < len(whole) and whole[-len(words):] == words
            and (short.cls is None or full.cls is None or short.cls == full.cls))


def _report_classes(items: Sequence[LinkItem], named: set[Hashable]) -> dict[Hashable, tuple[str, frozenset[str]]]:
    """For each report that names no project but whose statements use the heads of exactly one
    project class ("the high-speed rail initiative ... the country's railway"), that class and the
    sectors of those statements: a statement of such a report that names nothing at all ("pledged to
    accelerate the timeline for its operation") uses that head too."""
    found: dict[Hashable, set[str]] = defaultdict(set)
    sectors: dict[Hashable, set[str]] = defaultdict(set)
    for it in items:
        specific = it.heads - {ANY_PROJECT, SEVERAL_PROJECTS}
        if it.doc not in named and specific:
            found[it.doc] |= specific
            sectors[it.doc] |= it.sectors
    return {doc: (next(iter(c)), frozenset(sectors[doc])) for doc, c in found.items() if len(c) == 1}


def _in_project(it: LinkItem, key: ProjectKey) -> LinkItem:
    """``it`` about the report's project ``key``: anchored to it, and naming it as an entity, so
    that a pledge naming another project is a different undertaking (the entity penalty)."""
    return replace(it, anchor=key, contextual=True, exclusive=False, entities=it.entities | {_label(key)})


def _label(key: ProjectKey) -> str:
    return f"{key.name} ({key.cls or 'project'})"


def _projects(members: list[LinkItem]) -> list[tuple[ProjectKey, frozenset[str]]]:
    """The projects a report's anchored statements name, each with the sectors most of its
    statements have (its spellings grouped: "Akkuyu" with "the Akkuyu nuclear power plant")."""
    groups: list[list[LinkItem]] = []
    for it in members:
        group = next((g for g in groups if all(it.anchor.matches(o.anchor) for o in g)), None)  # type: ignore[union-attr]
        if group is None:
            groups.append([it])
        else:
            group.append(it)
    out = []
    for group in groups:
        best = max((it.anchor for it in group), key=lambda k: k.cls is not None)  # type: ignore[union-attr]
        counts = Counter(s for it in group for s in it.sectors)
        out.append((best, frozenset(s for s, n in counts.items() if 2 * n > len(group))))
    return out  # type: ignore[return-value]


def _about(it: LinkItem, project: ProjectKey, sectors: frozenset[str], cfg: LinkConfig) -> bool:
    """May a statement naming no project be about its report's one ``project`` (``sectors``: those
    most of its statements have)? Not when it uses a head of another class ("a second nuclear
    plant" in a pipeline's report); yes when it uses the project's own or a generic one ("the
    bullet train", "the project"), shares a sector with it, or all its sectors are funding
    (none included)."""
    own = {ANY_PROJECT, project.cls} if project.cls else {ANY_PROJECT}
    if it.heads - own and not it.heads & own:
        return False
    return bool(it.heads & own) or bool(it.sectors & sectors) or it.sectors <= sectors | cfg.funding_sectors


def pair_score(a: LinkItem, b: LinkItem, cosine: float, cfg: LinkConfig) -> float | None:
    """The link score of two statements, or ``None`` when two gates keep them apart: their
    actors must overlap (a U.S. pledge is not a Japanese one) and they must belong to one
    relationship (``same_relationship``). A project both name (a bridge) lifts one gate, not
    both: pledges of two relationships about one project link when an actor is shared (as
    before), and within one relationship the named project is the undertaking whoever acts on
    it (China finances the railway, Kenya builds it).

    Two statements of one relationship anchored to the same project (their anchors' project
    keys match: "El-Dabaa NPP" and "the El Dabaa nuclear power plant" of two reports) are one
    story whatever their wording: + ``project_bonus``; the project is also a shared entity and a
    bridge, however each report spells it. A pair with a non-commitment that shares nothing but
    institutions (``venue_kinds``: ASEAN, a bank) links on its wording alone: no entity bonus
    and ``cross_kind_margin`` less."""
    actors_meet = not a.actors or not b.actors or bool(a.actors & b.actors)
    one_relationship = same_relationship(a.scope, b.scope)
    same_project = a.anchor is not None and a.anchor.matches(b.anchor)
    if same_project and (a.contextual or b.contextual) and not one_relationship:
        same_project = False  # a report's project, not named by the statement: it never crosses relationships
    elif same_project and not one_relationship and nested_relationship(a.scope, b.scope):
        one_relationship = True  # a report read as one side ("China"), naming the same project: that relationship
    bridged = bool(a.bridges & b.bridges) or same_project
    if not (actors_meet and one_relationship) and not ((actors_meet or one_relationship) and bridged):
        return None
    score = cosine
    if one_relationship and same_project:
        score += cfg.project_bonus
    elif one_relationship and (_names_class_of(a, b) or _names_class_of(b, a)):
        score += cfg.head_bonus
    shared = a.entities & b.entities
    wording_only = not (a.committed and b.committed) and not bridged and not shared - a.venues - b.venues
    if wording_only:  # a non-commitment bonded by no undertaking (a shared institution is a venue)
        score -= cfg.cross_kind_margin
        if _stray(a, b) or _stray(b, a):
            return None
    if a.entities and b.entities:
        if shared or same_project:
            score += 0.0 if wording_only else cfg.entity_bonus
        elif (a.entities <= a.venues) == (b.entities <= b.venues):  # a lender alone names no undertaking
            score -= cfg.entity_penalty
    if a.sectors and b.sectors:
        shared = len(a.sectors & b.sectors)
        score += cfg.sector_bonus * shared / len(a.sectors | b.sectors) if shared else -cfg.sector_penalty
    return score


def _stray(a: LinkItem, b: LinkItem) -> bool:
    """Is ``a`` a stance naming nothing (no project, no head, no report project: "Turkey is joining
    the club of nuclear countries") next to ``b``, a project's statement? Wording alone does not make
    it that project's: an entity-less welcome or call joins a project's thread only through a pledge."""
    return not a.committed and a.anchor is None and not a.heads and b.anchor is not None


def _names_class_of(a: LinkItem, b: LinkItem) -> bool:
    """Does ``a``, naming no project, use the head of ``b``'s project's class ("Indonesia's first
    high-speed railway", "the bullet train" beside the Jakarta–Bandung or the Mumbai–Ahmedabad
    railway)? Within one relationship that is as good as a shared entity: ``head_bonus``."""
    return (a.anchor is None and b.anchor is not None and b.anchor.cls is not None and b.anchor.cls in a.heads
            and not b.anchor.part)  # "the railway" is the line, not its extension or a section


def blocks(items: Sequence[LinkItem]) -> dict[tuple[str, str], list[int]]:
    out: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        scopes = ("+".join(sorted(it.scope)),) if it.scope else tuple(it.actors) or ("*",)
        for scope in scopes:
            for sector in it.sectors or ("-",):
                out[(scope, sector)].append(i)
        for name in it.entities:
            out[("entity", name)].append(i)
        if it.anchor is not None:  # per name (a key without class matches any class) and per key, so
            # a project's statements meet however many of another project of its place name there are
            out[(_ANCHOR, f"{it.anchor.name}|*")].append(i)
            if it.anchor.cls is not None:
                out[(_ANCHOR, f"{it.anchor.name}|{it.anchor.cls}")].append(i)
    return out


def candidate_pairs(
    items: Sequence[LinkItem], vectors: np.ndarray, is_new: np.ndarray, cfg: LinkConfig
) -> list[tuple[float, int, int]]:
    """(score, i, j) with i < j, at least one new, score >= threshold; best first."""
    doc_codes = {d: n for n, d in enumerate(dict.fromkeys(it.doc for it in items))}
    docs = np.array([doc_codes[it.doc] for it in items], dtype=np.int64)
    cosines: dict[tuple[int, int], float] = {}
    for (block_kind, _), members_list in blocks(items).items():
        floor = -1.5 if block_kind == _ANCHOR else cfg.threshold - cfg.max_bonus
        if len(members_list) < 2:
            continue
        members = np.array(members_list, dtype=np.int64)
        fresh = members[is_new[members]]
        if fresh.size == 0:
            continue
        other = vectors[members]
        k = min(cfg.top_k, members.size)
        for start in range(0, fresh.size, _CHUNK):
            rows = fresh[start : start + _CHUNK]
            sims = vectors[rows] @ other.T
            sims[docs[rows][:, None] == docs[members][None, :]] = -2.0  # same document (and self)
            if members.size > k:
                top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
                sims = np.take_along_axis(sims, top, axis=1)
                cols = members[top]
            else:
                cols = np.broadcast_to(members, sims.shape)
            r, c = np.nonzero(sims >= floor)
            for i, j, s in zip(rows[r].tolist(), cols[r, c].tolist(), sims[r, c].tolist()):
                cosines[(i, j) if i < j else (j, i)] = s
    scored = []
    for (i, j), cos in cosines.items():
        score = pair_score(items[i], items[j], cos, cfg)
        if score is not None and score >= cfg.threshold:
            scored.append((score, i, j))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    return scored


@dataclass(slots=True)
class Clustering:
    root: list[int]  # cluster representative per item
    similarity: list[float | None]  # best score of a link that joined the item to its cluster
    manual: set[int] = field(default_factory=set)  # items joined by an analyst's "link" decision

    def groups(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i, r in enumerate(self.root):
            out[r].append(i)
        return out


class _Forest:
    def __init__(self, items: Sequence[LinkItem], is_new: np.ndarray, vectors: np.ndarray | None = None,
                 cfg: LinkConfig | None = None) -> None:
        n = len(items)
        self.items = items
        self.cfg = cfg  # with vectors: check cohesion with this config's pair score
        self.sums = None if vectors is None or cfg is None else np.array(vectors, dtype=np.float32, copy=True)
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}
        self.docs: dict[int, set[Hashable]] = {i: {items[i].doc} if items[i].exclusive else set() for i in range(n)}
        self.has_old = {i: not bool(is_new[i]) for i in range(n)}
        self.features: dict[int, tuple[Counter, Counter, Counter, Counter]] = {}  # entities, sectors, bridges, anchors
        self.summaries: dict[int, LinkItem] = {}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> int:
        if len(self.members[a]) < len(self.members[b]):
            a, b = b, a
        self.parent[b] = a
        if self.sums is not None:
            self.sums[a] += self.sums[b]
            fa, fb = self._features(a), self._features(b)
            for mine, theirs in zip(fa, fb):
                mine.update(theirs)
            self.features.pop(b, None)
            self.summaries.pop(a, None)
            self.summaries.pop(b, None)
        self.members[a].extend(self.members.pop(b))
        self.docs[a] |= self.docs.pop(b)
        self.has_old[a] = self.has_old[a] or self.has_old.pop(b)
        return a

    def _features(self, root: int) -> tuple[Counter, Counter, Counter, Counter]:
        if root not in self.features:
            it = self.items[root]  # a root not yet in ``features`` has never absorbed another
            anchors = Counter([it.anchor] if it.anchor is not None else [])
            self.features[root] = (Counter(it.entities), Counter(it.sectors), Counter(it.bridges), anchors)
        return self.features[root]

    def summary(self, root: int) -> LinkItem:
        """The cluster as one statement for ``pair_score``: the entities, sectors and bridges
        that at least half its members have (a lone statement's own), the anchor most of its
        anchored members have (none on a tie), and no actors or scope (every link into the cluster
        already passed those gates). A cluster of several statements is a thread: it links as
        a commitment does."""
        if root not in self.summaries:
            size = len(self.members[root])
            *features, anchors = self._features(root)
            entities, sectors, bridges = (frozenset(k for k, n in c.items() if 2 * n >= size) for c in features)
            ranked = sorted(anchors.items(), key=lambda kv: (-kv[1], kv[0].name, kv[0].cls or ""))
            tie = len(ranked) > 1 and ranked[0][1] == ranked[1][1] and not ranked[0][0].matches(ranked[1][0])
            anchor = ranked[0][0] if ranked and not tie else None
            first = self.items[self.members[root][0]]
            self.summaries[root] = replace(first, actors=frozenset(), scope=frozenset(), entities=entities,
                                           sectors=sectors, bridges=bridges, anchor=anchor,
                                           committed=first.committed or size > 1)
        return self.summaries[root]

    def cohesive(self, a: int, b: int) -> bool:
        """Do the two clusters, summarised, still score the threshold as one undertaking? Two
        lone statements always do: their pair score is what proposed the merge."""
        if self.sums is None or self.cfg is None or (len(self.members[a]) == 1 and len(self.members[b]) == 1):
            return True
        sa, sb = self.summary(a), self.summary(b)
        if sa.anchor is not None and sb.anchor is not None and not sa.anchor.matches(sb.anchor) and not sa.entities & sb.entities:
            return False  # two projects' stories: a statement naming both joins one, never merges them
        x, y = self.sums[a], self.sums[b]
        denom = float(np.linalg.norm(x) * np.linalg.norm(y))
        cosine = float(x @ y) / denom if denom else 0.0
        score = pair_score(sa, sb, cosine, self.cfg)
        return score is not None and score >= self.cfg.threshold - 1e-9  # type: ignore[operator]


def cluster(
    items: Sequence[LinkItem],
    pairs: Iterable[tuple[float, int, int]],
    is_new: np.ndarray,
    *,
    initial: Sequence[Hashable | None] = (),
    must_link: Iterable[tuple[int, int]] = (),
    cannot_link: Iterable[tuple[int, int]] = (),
    vectors: np.ndarray | None = None,
    cohesion: LinkConfig | None = None,
) -> Clustering:
    """Clusters of ``items``. ``initial[i]`` is item i's existing thread (or None): items of
    one thread start together. ``pairs`` must be sorted best first. With ``vectors`` and a
    ``cohesion`` config, two clusters merge only when their summaries (``_Forest.summary``,
    centroid cosine) reach the config's threshold with ``pair_score``."""
    forest = _Forest(items, is_new, vectors, cohesion)
    sim: list[float | None] = [None] * len(items)
    first_of: dict[Hashable, int] = {}
    for i, label in enumerate(initial):
        if label is not None:
            j = first_of.setdefault(label, i)
            ri, rj = forest.find(i), forest.find(j)
            if ri != rj:
                forest.union(ri, rj)
    apart: dict[int, set[int]] = defaultdict(set)
    for a, b in cannot_link:
        apart[a].add(b)
        apart[b].add(a)

    def crosses_separation(ra: int, rb: int) -> bool:
        small, big = (ra, rb) if len(forest.members[ra]) <= len(forest.members[rb]) else (rb, ra)
        return any(forest.find(y) == big for x in forest.members[small] if x in apart for y in apart[x])

    manual: set[int] = set()
    for a, b in must_link:
        ra, rb = forest.find(a), forest.find(b)
        if ra != rb and not (forest.has_old[ra] and forest.has_old[rb]):
            forest.union(ra, rb)
            manual.update(i for i in (a, b) if is_new[i])
    for score, a, b in pairs:
        ra, rb = forest.find(a), forest.find(b)
        if ra == rb:
            continue
        if forest.has_old[ra] and forest.has_old[rb]:
            continue
        if forest.docs[ra] & forest.docs[rb] or crosses_separation(ra, rb):
            continue
        if not forest.cohesive(ra, rb):
            continue
        forest.union(ra, rb)
        for i in (a, b):
            if sim[i] is None or score > sim[i]:  # type: ignore[operator]
                sim[i] = score
    return Clustering([forest.find(i) for i in range(len(items))], sim, manual)
