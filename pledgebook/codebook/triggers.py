"""Trigger lexicon (data/triggers.yaml): the words that make a clause a statement."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any, NamedTuple

from pledgebook.codebook.loader import CodebookError, load_data_file

KINDS = ("commitment", "position", "appreciation", "agreement", "meeting", "discussion")
STRENGTHS = ("firm", "moderate", "soft")
CALL = "position.call"  # the category of calls on others to act
MODAL_CLASSES = ("binding", "obligation", "advice", "not_binding")


class Fallback(NamedTuple):
    """What a trigger makes of a clause that lacks what it needs (its ``otherwise``)."""

    kind: str
    category: str

    @classmethod
    def parse(cls, spec: str) -> Fallback:
        """"position.agree" -> (position, position.agree); "commitment" -> (commitment, commitment)."""
        kind, _, category = spec.partition(".")
        return cls(kind, spec if category else kind)


@dataclass(frozen=True, slots=True)
class Trigger:
    lemma: str
    kind: str
    category: str
    strength: str | None = None
    needs_action: bool = False
    needs_modal: bool = False
    needs_instrument: bool = False
    needs_event: bool = False
    needs_person: bool = False
    needs_counterpart: bool = False  # an object, if any, is whom or what one meets ("meet its target" is not a meeting)
    otherwise: Fallback | None = None  # the kind and category when a requirement is not met
    action_makes: str | None = None  # kind when an action complement is present
    action_strength: str | None = None
    aspectual: bool = False  # "continue to X": the kind follows X when X is a stance
    transparent: bool = False  # "wish to thank X": the kind follows a stance or thanks verb it introduces
    object_action: bool = False  # a deverbal direct object counts as the action ("announced the termination")
    particles: tuple[str, ...] = ()
    needs_particle: bool = False  # the verb is a trigger only with one of its particles ("look forward")
    anticipates: bool = False  # "look forward to X": a meeting to come, a soft undertaking or a hope, by X
    settles_instrument: bool = False  # "agreed to a Framework for ...": an instrument as object is an agreement
    reports_own_undertaking: bool = False  # "announce that we are creating X" is itself the undertaking

    @property
    def asks(self) -> bool:
        """A verb of asking others to act: a call itself ("urge") or one without an action ("encourage")."""
        return self.category == CALL or (self.otherwise is not None and self.otherwise.category == CALL)


_FLAGS = frozenset(f.name for f in fields(Trigger) if f.type == "bool")
_ENTRY_KEYS = frozenset(f.name for f in fields(Trigger)) - {"lemma"}


@dataclass(frozen=True)
class TriggerLexicon:
    verbs: dict[str, Trigger]
    adjectives: dict[str, Trigger]
    nouns: dict[str, Trigger]
    light_verbs: frozenset[str]
    stance_light_verbs: frozenset[str]
    reported_undertakings: frozenset[str]
    reporting_verbs: frozenset[str]
    polite_verbs: frozenset[str]
    hortative_verbs: frozenset[str]
    binding_modals: frozenset[str]  # "we will X": the actor's clause is an undertaking
    obligation_modals: frozenset[str]  # "we must X": a call to act, on an action that is due
    advice_modals: frozenset[str]  # "we should X": a call to act
    weak_modals: frozenset[str]  # "we may X": neither an undertaking nor a call
    firm_modals: frozenset[str]  # binding or obligation: the verb under it names an action to come
    exhorting_modals: frozenset[str]  # obligation or advice: the actor's clause is a call to act
    modals: frozenset[str]  # every modal auxiliary the finder reads
    softeners: frozenset[str]
    copulas: frozenset[str]
    stative_verbs: frozenset[str]
    anticipated_meetings: frozenset[str]
    instruments: frozenset[str]
    signing_nouns: frozenset[str]
    events: frozenset[str]
    state_nouns: frozenset[str]
    action_suffixes: tuple[str, ...]
    actor_nouns: frozenset[str]
    action_nouns: frozenset[str]
    non_actor_heads: frozenset[str]
    principle_verbs: frozenset[str]
    preserving_verbs: frozenset[str]
    non_agentive_verbs: frozenset[str]
    prefilter: re.Pattern[str]  # cheap test: could this sentence hold any statement?


def _entry(lemma: str, raw: dict) -> Trigger:
    where = f"triggers.yaml: trigger {lemma!r}"
    unknown = sorted(set(raw) - _ENTRY_KEYS)
    if unknown:
        raise CodebookError(f"{where}: unknown flag(s) {', '.join(unknown)} (known: {', '.join(sorted(_ENTRY_KEYS))})")
    for flag in _FLAGS & set(raw):
        if not isinstance(raw[flag], bool):
            raise CodebookError(f"{where}: {flag} must be true or false, not {raw[flag]!r}")
    kind = raw.get("kind")
    if kind not in KINDS:
        raise CodebookError(f"{where}: unknown kind {kind!r}")
    strength = raw.get("strength")
    if strength is not None and strength not in STRENGTHS:
        raise CodebookError(f"{where}: unknown strength {strength!r}")
    otherwise = raw.get("otherwise")
    if otherwise is not None and (not isinstance(otherwise, str) or Fallback.parse(otherwise).kind not in KINDS):
        raise CodebookError(f"{where}: unknown fallback {otherwise!r}")
    if raw.get("needs_particle") and not raw.get("particles"):
        raise CodebookError(f"{where}: needs_particle without particles")
    return Trigger(
        lemma=lemma,
        kind=kind,
        category=raw.get("category", kind),
        strength=strength,
        needs_action=raw.get("needs_action", False),
        needs_modal=raw.get("needs_modal", False),
        needs_instrument=raw.get("needs_instrument", False),
        needs_event=raw.get("needs_event", False),
        needs_person=raw.get("needs_person", False),
        needs_counterpart=raw.get("needs_counterpart", False),
        otherwise=Fallback.parse(otherwise) if otherwise is not None else None,
        action_makes=raw.get("action_makes"),
        action_strength=raw.get("action_strength"),
        object_action=raw.get("object_action", False),
        aspectual=raw.get("aspectual", False),
        transparent=raw.get("transparent", raw.get("aspectual", False)),
        particles=tuple(raw.get("particles", ())),
        needs_particle=raw.get("needs_particle", False),
        anticipates=raw.get("anticipates", False),
        settles_instrument=raw.get("settles_instrument", False),
        reports_own_undertaking=raw.get("reports_own_undertaking", False),
    )


def _words(data: dict[str, Any], key: str) -> frozenset[str]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise CodebookError(f"triggers.yaml: '{key}' must be a list of words")
    return frozenset(value)


def _modal_classes(data: dict[str, Any]) -> dict[str, frozenset[str]]:
    """The modal classes of triggers.yaml, each modal in exactly one."""
    raw = data.get("modals")
    if not isinstance(raw, dict) or set(raw) != set(MODAL_CLASSES):
        raise CodebookError(f"triggers.yaml: 'modals' must have exactly the classes {', '.join(MODAL_CLASSES)}")
    classes = {name: _words(raw, name) for name in MODAL_CLASSES}
    seen: set[str] = set()
    for words in classes.values():
        if words & seen:
            raise CodebookError(f"triggers.yaml: modal(s) {', '.join(sorted(words & seen))} in two classes")
        seen |= words
    return classes


def _prefilter(words: set[str]) -> re.Pattern[str]:
    # Word stems: a sentence with none of these cannot hold a statement, so it is never parsed.
    stems = sorted({w[:5] if len(w) > 5 else w for w in words}, key=len, reverse=True)
    # an optional "re-" prefix: "recommit", "re-emphasize"
    return re.compile(r"\b(?:re-?)?(?:" + "|".join(re.escape(s) for s in stems) + r")", re.IGNORECASE)


def build_lexicon(data: dict[str, Any]) -> TriggerLexicon:
    """The lexicon from the parsed triggers.yaml, refusing unknown flags and malformed lists."""
    verbs = {k: _entry(k, v) for k, v in data["verbs"].items()}
    adjectives = {k: _entry(k, v) for k, v in data["adjectives"].items()}
    nouns = {k: _entry(k, v) for k, v in data["nouns"].items()}
    modals = _modal_classes(data)
    anticipated = _words(data, "anticipated_meetings")
    if not anticipated <= set(verbs):
        raise CodebookError(f"triggers.yaml: anticipated_meetings must be verb triggers: {sorted(anticipated - set(verbs))}")
    firm = modals["binding"] | modals["obligation"]
    words = set(verbs) | set(adjectives) | set(nouns) | firm | _words(data, "prefilter_words")
    return TriggerLexicon(
        verbs=verbs,
        adjectives=adjectives,
        nouns=nouns,
        light_verbs=frozenset(data["light_verbs"]),
        stance_light_verbs=frozenset(data["stance_light_verbs"]),
        reported_undertakings=frozenset(data["reported_undertakings"]),
        reporting_verbs=frozenset(data["reporting_verbs"]),
        polite_verbs=_words(data, "polite_verbs"),
        hortative_verbs=_words(data, "hortative_verbs"),
        binding_modals=modals["binding"],
        obligation_modals=modals["obligation"],
        advice_modals=modals["advice"],
        weak_modals=modals["not_binding"],
        firm_modals=firm,
        exhorting_modals=modals["obligation"] | modals["advice"],
        modals=frozenset().union(*modals.values()),
        softeners=frozenset(data["softeners"]),
        copulas=_words(data, "copulas"),
        stative_verbs=_words(data, "stative_verbs"),
        anticipated_meetings=anticipated,
        instruments=frozenset(data["instruments"]),
        signing_nouns=_words(data, "signing_nouns"),
        events=frozenset(data["events"]),
        state_nouns=frozenset(data["state_nouns"]),
        action_suffixes=tuple(data["action_suffixes"]),
        actor_nouns=frozenset(data["actor_nouns"]),
        action_nouns=frozenset(data["action_nouns"]),
        non_actor_heads=frozenset(data["non_actor_heads"]),
        principle_verbs=frozenset(data["principle_verbs"]),
        preserving_verbs=frozenset(data["preserving_verbs"]),
        non_agentive_verbs=frozenset(data["non_agentive_verbs"]),
        prefilter=_prefilter(words),
    )


@lru_cache(maxsize=1)
def load_triggers() -> TriggerLexicon:
    return build_lexicon(load_data_file("triggers.yaml"))
