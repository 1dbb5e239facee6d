"""Every rule of the registry (codebook rules.yaml) fires on its examples and on none of its near misses.

One test per rule id, run through the real extractor, so a failure names the rule that broke.
"""

import pytest

from pledgebook.codebook import Codebook

from pledgebook.extract.rules import Rule

RULES = Codebook.load().rules


def _found(extractor, sentence: str) -> list[tuple[str, str, str]]:
    return [(s.rule, s.kind, " ".join(s.text.split())) for s in extractor.extract_text(sentence).statements]


@pytest.mark.parametrize("rule_id", list(RULES))
def test_rule_fires_on_its_examples_and_not_on_its_near_misses(extractor, rule_id):
    spec = RULES[rule_id]
    for example in spec.fires:
        found = _found(extractor, example.sentence)
        assert any(rule == rule_id and kind == example.kind for rule, kind, _ in found), \
            f"{rule_id} should give a {example.kind} on {example.sentence!r}; found {found}"
    for miss in spec.does_not_fire:
        found = _found(extractor, miss.sentence)
        assert all(rule != rule_id for rule, _, _ in found), \
            f"{rule_id} must not fire on {miss.sentence!r} ({miss.because}); found {found}"


def test_the_rule_ids_in_code_are_the_rules_in_the_codebook():
    assert {r.value for r in Rule} == set(RULES)


def test_a_rule_lists_every_kind_the_lexicon_lets_it_produce():
    """The lexicon-driven rules take their kind from triggers.yaml: the registry must name them all."""
    lex = Codebook.load().triggers
    triggers = [*lex.verbs.values(), *lex.adjectives.values(), *lex.nouns.values()]
    produced = {
        Rule.TRIGGER_WORD: {t.kind for t in triggers},
        Rule.STANCE_WITH_ACTION: {t.action_makes for t in triggers if t.action_makes},
        Rule.FALLBACK_WITHOUT_ACTION: {t.otherwise.kind for t in triggers if t.needs_action and t.otherwise},
        Rule.FALLBACK_WITHOUT_INSTRUMENT: {t.otherwise.kind for t in triggers if t.needs_instrument and t.otherwise},
        Rule.ASPECTUAL_STANCE: {t.kind for t in lex.verbs.values() if t.kind in ("position", "appreciation")},
    }
    for rule, kinds in produced.items():
        assert kinds <= set(RULES[rule].kinds), f"{rule}: rules.yaml lacks {sorted(kinds - set(RULES[rule].kinds))}"


def test_every_statement_of_the_examples_has_a_registered_rule_and_kind(extractor):
    """Over whole documents (the packaged examples), each statement's rule is registered and allows its kind."""
    from pathlib import Path

    from pledgebook.read import read_document

    examples = Path(__file__).resolve().parents[2] / "pledgebook" / "examples"
    seen = set()
    for path in sorted(examples.glob("*.md")):
        for st in extractor.extract(read_document(path)).statements:
            assert st.rule in RULES, f"{path.name}: unregistered rule {st.rule!r}"
            assert st.kind in RULES[st.rule].kinds, f"{path.name}: {st.rule} gave a {st.kind}: {st.text[:80]!r}"
            seen.add(st.rule)
    assert len(seen) >= 8  # the documents exercise many rules, not one
