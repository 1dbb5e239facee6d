"""Which sectors a statement is about: keyword evidence plus the sectors of the named
entities it mentions (sectors.yaml, entities.yaml), the rest of its sentence, and, for a
statement that names no field at all, the sentences around it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from pledgebook.codebook import Codebook
from pledgebook.core.data import EntityMention
from pledgebook.extract.phrases import PhraseMatcher

# An entity's main sector counts as much as a keyword, its other sectors half as much.
MAIN_ENTITY_WEIGHT = 1.0
OTHER_ENTITY_WEIGHT = 0.5
# A keyword in the rest of the statement's sentence counts a quarter of one in the statement:
# enough to decide between sectors or to give a bare clause ("and will work together") its
# topic, too little to outweigh what the statement itself names.
CONTEXT_WEIGHT = 0.25
_NO_OFFSET = 1 << 30  # evidence that is not in the statement's own words ranks after any that is


class SectorClassifier:
    """``classify`` ranks sectors by evidence and keeps at most ``limit`` of them, dropping
    any with less than ``keep_ratio`` of the best score (a passing mention is not a topic)."""

    def __init__(self, codebook: Codebook | None = None, limit: int = 3, keep_ratio: float = 1 / 3) -> None:
        """``codebook``: its sectors, gazetteer and actor book (the bundled one by default)."""
        codebook = codebook or Codebook.load()
        self.sectors = codebook.sectors
        self._order = {s.id: i for i, s in enumerate(self.sectors)}
        self._entity_sectors = {e.name: e.sectors for e in codebook.gazetteer}
        # a sense ("de-mining", "social security") is matched like a keyword, and being longer it
        # wins over the keywords inside it; it counts for its own sectors only (none: "" below)
        keywords = [(k, s.id) for s in self.sectors for k in s.keywords]
        senses = [(sense.term, sid) for sense in codebook.sector_senses for sid in (sense.sectors or ("",))]
        self._matcher = PhraseMatcher(keywords + senses, prefix_star=True)
        self._kind_sectors: dict[str, list[str]] = defaultdict(list)
        for s in self.sectors:
            for kind in s.statement_kinds:
                self._kind_sectors[kind].append(s.id)
        self._book = codebook.actors
        self._groups = PhraseMatcher(((a, g.code) for g in self._book.groups.values() for a in g.aliases),
                                     capitalised=True)
        self.limit = limit
        self.keep_ratio = keep_ratio

    def scores(self, text: str, entities: Sequence[EntityMention] = (), speakers: Sequence[str] = (),
               context: Sequence[str] = ()) -> dict[str, tuple[float, int]]:
        """sector id -> (score, offset of its first evidence). ``speakers``: the statement's
        actor codes (a grouping that speaks is not what it speaks about: "the G7 will ..." is
        not about multilateralism); ``context``: the rest of its sentence."""
        score: dict[str, float] = defaultdict(float)
        first: dict[str, int] = {}
        for sid, start in self._keywords(text, speakers):
            score[sid] += 1.0
            first.setdefault(sid, start)
        for name in dict.fromkeys(e.name for e in entities):
            if self._speaks(self._book.lookup(name), speakers):
                continue
            for i, sid in enumerate(self._entity_sectors.get(name, ())):
                score[sid] += MAIN_ENTITY_WEIGHT if i == 0 else OTHER_ENTITY_WEIGHT
                first.setdefault(sid, len(text))
        for piece in context:
            for sid, _ in self._keywords(piece, speakers):
                score[sid] += CONTEXT_WEIGHT
                first.setdefault(sid, _NO_OFFSET)
        return {sid: (score[sid], first[sid]) for sid in score}

    def classify(self, text: str, entities: Sequence[EntityMention] = (), *, kind: str | None = None,
                 speakers: Sequence[str] = (), context: Sequence[str] = (), nearby: Sequence[str] = (),
                 category: str | None = None) -> list[str]:
        """The statement's sectors, main one first. ``kind``: its statement kind (the sectors
        that claim the kind in sectors.yaml come first: a meeting is diplomacy); ``context``:
        the rest of its sentence (weak evidence); ``category``: its category, which a sector may claim
        too (a commitment to hold a meeting is diplomacy); ``nearby``: the sentences around it, whose
        main topic a statement that names no field of its own continues."""
        fixed = [*self._kind_sectors.get(category or "", ()), *(self._kind_sectors.get(kind, ()) if kind else ())]
        ranked = self._ranked(self.scores(text, entities, speakers, context))
        if not ranked and not fixed and nearby:
            around = self._ranked(self.scores(" … ".join(nearby), (), speakers))
            ranked = around[:1]
        return list(dict.fromkeys(fixed + ranked))[: self.limit]

    # -- internals --------------------------------------------------------------------
    def _ranked(self, scored: dict[str, tuple[float, int]]) -> list[str]:
        if not scored:
            return []
        ranked = sorted(scored, key=lambda sid: (-scored[sid][0], scored[sid][1], self._order.get(sid, 0)))
        best = scored[ranked[0]][0]
        return [sid for sid in ranked if scored[sid][0] >= best * self.keep_ratio]

    def _keywords(self, text: str, speakers: Sequence[str]) -> list[tuple[str, int]]:
        """(sector id, offset) of each keyword in ``text``, less those inside the name of a
        grouping that is one of the ``speakers``."""
        spoken = [(m.start, m.end) for m in self._groups.find(text) if any(self._speaks(c, speakers) for c in m.values)] \
            if speakers else []
        out = []
        for m in self._matcher.find(text.lower()):
            if any(s <= m.start and m.end <= e for s, e in spoken):
                continue
            out.extend((str(sid), m.start) for sid in m.values if sid)
        return out

    def _speaks(self, code: str | None, speakers: Sequence[str]) -> bool:
        """Whether the grouping ``code`` is the speaker: one of ``speakers``, or all its members are."""
        if code is None or code not in self._book.groups:
            return False
        members = self._book.groups[code].members
        return code in speakers or (bool(members) and set(members) == set(speakers))
