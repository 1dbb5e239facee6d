"""A verb joined to a modal verb in a past form of its own ("worked", not a base form) does not
share the modal (clauses._finite_tense_of_its_own): the parser hangs a relative clause's verb on
the main verb ("I would like to thank X, who has with patience worked ..."). Base forms joined to a
modal still share it. Invented texts."""

from tests.conftest import commitment_texts, joint_statements, speech_statements


def test_a_relative_clause_past_form_is_no_undertaking(extractor, tmp_path):
    found = speech_statements(extractor, tmp_path, "I would also like to pay tribute to the Chair, who has with "
                                                   "modesty and a drive for consensus worked diligently over the "
                                                   "past decade.\n")
    assert commitment_texts(found) == []


def test_joined_base_forms_share_the_modal(extractor):
    found = joint_statements(extractor, "Kenya and Norway will negotiate and finalize a fisheries agreement "
                                        "before the end of 2026.")
    assert [k for k, *_ in found] == ["commitment"]


def test_a_past_form_spelt_as_its_base_still_shares_the_modal(extractor):
    found = joint_statements(extractor, "Kenya and Norway will review the quotas and set new catch limits "
                                        "for the lake fisheries.")
    assert "commitment" in [k for k, *_ in found]
