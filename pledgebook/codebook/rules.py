"""The rule registry (data/rules.yaml): every rule that makes a statement, with examples.

Each rule id is what ``Statement.rule`` holds; the entry says in one line what the rule reads,
which statement kinds it can produce, sentences it fires on (with the kind) and near misses it
must not fire on (with why). ``pledgebook rules`` prints it; the tests run every example.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from pledgebook.codebook.loader import CodebookError, load_data_file
from pledgebook.codebook.triggers import KINDS

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_KEYS = frozenset(("description", "kinds", "fires", "does_not_fire"))


@dataclass(frozen=True, slots=True)
class Example:
    """A sentence the rule fires on, and the kind it gives there."""

    sentence: str
    kind: str


@dataclass(frozen=True, slots=True)
class NearMiss:
    """A sentence the rule must not fire on, and why."""

    sentence: str
    because: str


@dataclass(frozen=True, slots=True)
class RuleSpec:
    id: str
    description: str
    kinds: tuple[str, ...]
    fires: tuple[Example, ...]
    does_not_fire: tuple[NearMiss, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "description": self.description,
            "kinds": list(self.kinds),
            "fires": [{"sentence": e.sentence, "kind": e.kind} for e in self.fires],
            "does_not_fire": [{"sentence": m.sentence, "because": m.because} for m in self.does_not_fire],
        }


def _text(where: str, value: Any, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise CodebookError(f"{where}: {what} must be a non-empty string")
    return value


def _entries(where: str, value: Any, keys: tuple[str, str]) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not value:
        raise CodebookError(f"{where}: needs at least one example")
    for item in value:
        if not isinstance(item, dict) or set(item) != set(keys):
            raise CodebookError(f"{where}: each example has exactly the keys {', '.join(keys)}")
    return value


def _rule(rule_id: str, raw: Any) -> RuleSpec:
    where = f"rules.yaml: rule {rule_id!r}"
    if not _ID.match(rule_id):
        raise CodebookError(f"{where}: an id is snake_case")
    if not isinstance(raw, dict) or set(raw) != _KEYS:
        raise CodebookError(f"{where}: needs exactly the keys {', '.join(sorted(_KEYS))}")
    description = _text(where, raw["description"], "description")
    if "\n" in description.strip():
        raise CodebookError(f"{where}: the description is one line")
    kinds = raw["kinds"]
    if not isinstance(kinds, list) or not kinds or len(set(kinds)) != len(kinds) or not set(kinds) <= set(KINDS):
        raise CodebookError(f"{where}: kinds must be a list of distinct kinds among {', '.join(KINDS)}")
    fires = [Example(_text(where, e["sentence"], "sentence"), e["kind"])
             for e in _entries(f"{where}: fires", raw["fires"], ("sentence", "kind"))]
    for example in fires:
        if example.kind not in kinds:
            raise CodebookError(f"{where}: example {example.sentence!r} gives {example.kind!r}, not one of its kinds")
    misses = [NearMiss(_text(where, m["sentence"], "sentence"), _text(where, m["because"], "because"))
              for m in _entries(f"{where}: does_not_fire", raw["does_not_fire"], ("sentence", "because"))]
    return RuleSpec(rule_id, description.strip(), tuple(kinds), tuple(fires), tuple(misses))


def build_rules(data: dict[str, Any]) -> Mapping[str, RuleSpec]:
    """The registry from the parsed rules.yaml, in file order; refuses malformed entries."""
    rules = data.get("rules")
    if not isinstance(rules, dict) or not rules:
        raise CodebookError("rules.yaml: 'rules' must be a mapping of rule ids")
    return MappingProxyType({rule_id: _rule(rule_id, raw) for rule_id, raw in rules.items()})


@lru_cache(maxsize=1)
def load_rules() -> Mapping[str, RuleSpec]:
    return build_rules(load_data_file("rules.yaml"))
