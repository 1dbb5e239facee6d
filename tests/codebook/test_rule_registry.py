"""The rule registry (rules.yaml) loads, and refuses entries that could not be checked or listed."""

import pytest
import yaml

from pledgebook.codebook import Codebook, CodebookError
from pledgebook.codebook.book import BUNDLED
from pledgebook.codebook.rules import rules_from_yaml


@pytest.fixture()
def data() -> dict:
    return yaml.safe_load((BUNDLED / "rules.yaml").read_text(encoding="utf-8"))


def build_rules(data: dict):
    return rules_from_yaml(yaml.safe_dump(data).encode())


def test_every_rule_has_a_description_kinds_an_example_and_a_near_miss():
    rules = Codebook.load().rules
    assert "binding_modal" in rules and "listed_undertaking" in rules
    for spec in rules.values():
        assert spec.description and spec.kinds and spec.fires and spec.does_not_fire
        assert all(e.kind in spec.kinds for e in spec.fires)


def test_a_rule_without_a_near_miss_is_refused(data):
    data["rules"]["binding_modal"]["does_not_fire"] = []
    with pytest.raises(CodebookError, match=r"rules\.binding_modal\.does_not_fire: .*at least 1"):
        build_rules(data)


def test_an_example_of_a_kind_the_rule_cannot_produce_is_refused(data):
    data["rules"]["binding_modal"]["fires"][0]["kind"] = "meeting"
    with pytest.raises(CodebookError, match="rules.binding_modal: gives 'meeting', not one of its kinds|gives 'meeting', not one of its kinds"):
        build_rules(data)


def test_an_unknown_kind_is_refused(data):
    data["rules"]["exhortation"]["kinds"] = ["call"]
    with pytest.raises(CodebookError, match=r"rules\.exhortation\.kinds\[0\]"):
        build_rules(data)


def test_a_misspelt_key_is_refused(data):
    data["rules"]["exhortation"]["fire"] = data["rules"]["exhortation"].pop("fires")
    with pytest.raises(CodebookError, match=r"rules\.exhortation\.fire: unknown key"):
        build_rules(data)


def test_a_near_miss_must_say_why(data):
    del data["rules"]["exhortation"]["does_not_fire"][0]["because"]
    with pytest.raises(CodebookError, match=r"rules\.exhortation\.does_not_fire\[0\]\.because: missing"):
        build_rules(data)


def test_a_description_is_one_line(data):
    data["rules"]["exhortation"]["description"] = "A call.\nOn two lines."
    with pytest.raises(CodebookError, match=r"rules\.exhortation\.description: String should match pattern"):
        build_rules(data)
