"""Which sectors a statement is about: keyword evidence plus the sectors of the named
entities it mentions (sectors.yaml, entities.yaml)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from pledgebook.codebook.loader import GazetteerEntry, Sector, load_gazetteer, load_sectors
from pledgebook.core.data import EntityMention
from pledgebook.extract.phrases import PhraseMatcher

# An entity's main sector counts as much as a keyword, its other sectors half as much.
MAIN_ENTITY_WEIGHT = 1.0
OTHER_ENTITY_WEIGHT = 0.5


class SectorClassifier:
    """``classify`` ranks sectors by evidence and keeps at most ``limit`` of them, dropping
    any with less than ``keep_ratio`` of the best score (a passing mention is not a topic)."""

    def __init__(self, sectors: Sequence[Sector] | None = None, gazetteer: Sequence[GazetteerEntry] | None = None,
                 limit: int = 3, keep_ratio: float = 1 / 3) -> None:
        self.sectors = tuple(load_sectors() if sectors is None else sectors)
        self._order = {s.id: i for i, s in enumerate(self.sectors)}
        self._entity_sectors = {e.name: e.sectors for e in (load_gazetteer() if gazetteer is None else gazetteer)}
        self._matcher = PhraseMatcher(((k, s.id) for s in self.sectors for k in s.keywords), prefix_star=True)
        self.limit = limit
        self.keep_ratio = keep_ratio

    def scores(self, text: str, entities: Sequence[EntityMention] = ()) -> dict[str, tuple[float, int]]:
        """sector id -> (score, offset of its first evidence)."""
        score: dict[str, float] = defaultdict(float)
        first: dict[str, int] = {}
        for m in self._matcher.find(text.lower()):
            for sid in m.values:
                score[str(sid)] += 1.0
                first.setdefault(str(sid), m.start)
        for name in dict.fromkeys(e.name for e in entities):
            for i, sid in enumerate(self._entity_sectors.get(name, ())):
                score[sid] += MAIN_ENTITY_WEIGHT if i == 0 else OTHER_ENTITY_WEIGHT
                first.setdefault(sid, len(text))
        return {sid: (score[sid], first[sid]) for sid in score}

    def classify(self, text: str, entities: Sequence[EntityMention] = ()) -> list[str]:
        scored = self.scores(text, entities)
        if not scored:
            return []
        ranked = sorted(scored, key=lambda sid: (-scored[sid][0], scored[sid][1], self._order.get(sid, 0)))
        best = scored[ranked[0]][0]
        return [sid for sid in ranked if scored[sid][0] >= best * self.keep_ratio][: self.limit]
