"""The rule registry (rules.yaml) loads, and refuses entries that could not be checked or listed."""

import copy

import pytest

from pledgebook.codebook.loader import CodebookError, load_data_file
from pledgebook.codebook.rules import build_rules, load_rules


@pytest.fixture()
def data() -> dict:
    return copy.deepcopy(load_data_file("rules.yaml"))


def test_every_rule_has_a_description_kinds_an_example_and_a_near_miss():
    rules = load_rules()
    assert "binding_modal" in rules and "listed_undertaking" in rules
    for spec in rules.values():
        assert spec.description and spec.kinds and spec.fires and spec.does_not_fire
        assert all(e.kind in spec.kinds for e in spec.fires)


def test_a_rule_without_a_near_miss_is_refused(data):
    data["rules"]["binding_modal"]["does_not_fire"] = []
    with pytest.raises(CodebookError, match="'binding_modal'.*does_not_fire: needs at least one example"):
        build_rules(data)


def test_an_example_of_a_kind_the_rule_cannot_produce_is_refused(data):
    data["rules"]["binding_modal"]["fires"][0]["kind"] = "meeting"
    with pytest.raises(CodebookError, match="'binding_modal'.*gives 'meeting', not one of its kinds"):
        build_rules(data)


def test_an_unknown_kind_is_refused(data):
    data["rules"]["exhortation"]["kinds"] = ["call"]
    with pytest.raises(CodebookError, match="'exhortation': kinds must be"):
        build_rules(data)


def test_a_misspelt_key_is_refused(data):
    data["rules"]["exhortation"]["fire"] = data["rules"]["exhortation"].pop("fires")
    with pytest.raises(CodebookError, match="'exhortation': needs exactly the keys"):
        build_rules(data)


def test_a_near_miss_must_say_why(data):
    del data["rules"]["exhortation"]["does_not_fire"][0]["because"]
    with pytest.raises(CodebookError, match="each example has exactly the keys sentence, because"):
        build_rules(data)


def test_a_description_is_one_line(data):
    data["rules"]["exhortation"]["description"] = "A call.\nOn two lines."
    with pytest.raises(CodebookError, match="one line"):
        build_rules(data)
