"""Verbs written with a hyphenated prefix (triggers.yaml hyphenated_verbs: "de-escalate") stay
one word, so the undertaking they name is read (spaCy alone splits "de - escalate" and reads
"de" as the verb). Invented sentences."""

from tests.conftest import joint_statements


def _kinds(extractor, body: str) -> list[tuple[str, str]]:
    return [(kind, text) for kind, _, text, _ in joint_statements(extractor, body)]


def test_a_modal_before_a_hyphenated_verb_is_an_undertaking(extractor):
    assert _kinds(extractor, "Both sides will de-escalate tensions along the northern border.") == [
        ("commitment", "Both sides will de-escalate tensions along the northern border")]


def test_a_hyphenated_gerund_after_committed_to_is_its_action(extractor):
    found = _kinds(extractor, "The two countries committed to de-escalating the conflict in the river valley.")
    assert found == [("commitment", "The two countries committed to de-escalating the conflict in the river valley")]


def test_a_call_on_others_to_de_escalate_stays_a_position(extractor):
    found = _kinds(extractor, "Kenya and Norway call on all armed groups to de-escalate and end the violence.")
    assert [kind for kind, _ in found] == ["position"]


def test_a_hyphenated_noun_is_no_verb(extractor):
    found = _kinds(extractor, "The two leaders discussed de-escalation in the river valley.")
    assert [kind for kind, _ in found] == ["discussion"]
