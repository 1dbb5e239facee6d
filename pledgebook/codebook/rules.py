"""The rule registry (rules.yaml): every rule that makes a statement, with examples.

Each rule id is what ``Statement.rule`` holds; the entry says in one line what the rule reads,
which statement kinds it can produce, sentences it fires on (with the kind) and near misses it
must not fire on (with why). ``pledgebook rules`` prints it; the tests run every example.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Annotated, Any

from pydantic import Field, StringConstraints, model_validator

from pledgebook.codebook.files import FileSchema, KindName, Schema, Text, parse, validate

RuleId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
OneLine = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, pattern=r"^[^\n]*$")]


class Example(Schema):
    """A sentence the rule fires on, and the kind it gives there."""

    sentence: Text
    kind: KindName


class NearMiss(Schema):
    """A sentence the rule must not fire on, and why."""

    sentence: Text
    because: Text


class RuleSpec(Schema):
    id: RuleId = "unnamed"  # the entry's key
    description: OneLine
    kinds: Annotated[list[KindName], Field(min_length=1)]
    fires: Annotated[list[Example], Field(min_length=1)]
    does_not_fire: Annotated[list[NearMiss], Field(min_length=1)]

    @model_validator(mode="after")
    def _consistent(self) -> RuleSpec:
        if len(set(self.kinds)) != len(self.kinds):
            raise ValueError("kinds must be distinct")
        for example in self.fires:
            if example.kind not in self.kinds:
                raise ValueError(f"example {example.sentence!r} gives {example.kind!r}, not one of its kinds")
        return self

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


class RulesFile(FileSchema):
    rules: Annotated[dict[RuleId, RuleSpec], Field(min_length=1)]


def build_rules(name: str, file: RulesFile) -> Mapping[str, RuleSpec]:
    """The registry, in file order, each entry named by its key."""
    return MappingProxyType({rule_id: spec.model_copy(update={"id": rule_id}) for rule_id, spec in file.rules.items()})


def rules_from_yaml(raw: bytes, name: str = "rules.yaml") -> Mapping[str, RuleSpec]:
    """The registry from a rules.yaml file's bytes (``CodebookError`` naming the key at fault)."""
    return build_rules(name, validate(name, parse(name, raw), RulesFile))
