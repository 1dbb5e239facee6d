"""A sentence whose parts a verbatim record cut apart with a misread full stop ("That is why our
President. as the Champion on. Ending Hunger, will continue ...") holds the statement its whole
would: the stop before "Name, will" is no sentence end (segment.yaml: appositive_verbs), and the
one who acts is the head of the apposition, not the body whose role it holds."""

from tests.conftest import speech_statements


def test_a_pledge_cut_off_its_subject_by_a_misread_stop_is_found_with_the_speaker(extractor, tmp_path):
    text = ("Too many children still work in mines. That is why President Tomas Valde. as the African Union Champion "
            "on. Ending Child Labour, will continue to expand school meals across the region.")
    found = [s for s in speech_statements(extractor, tmp_path, text, speaker="GAB") if s.kind == "commitment"]
    # (the span quotes the record, stops and all; the actor is the speaker's country, not the Union)
    assert [(s.actors, "President Tomas Valde" in s.text and "will continue to expand" in s.text) for s in found] \
        == [(["GAB"], True)]


def test_a_misread_stop_before_a_described_name_joins_a_description_not_a_pledge(extractor, tmp_path):
    text = "Our island neighbour. Tuvana, is facing rising seas. We will double our adaptation finance by 2026."
    found = [(s.kind, s.text) for s in speech_statements(extractor, tmp_path, text, speaker="FJI")]
    assert [t for k, t in found if k == "commitment"] == ["We will double our adaptation finance by 2026"]


def test_a_real_sentence_end_before_a_name_stays(extractor, tmp_path):
    text = "We met in June. Norway, in turn, will host the next round of talks in Oslo."
    found = [s for s in speech_statements(extractor, tmp_path, text, speaker="SWE") if s.kind == "commitment"]
    assert len(found) == 1 and found[0].text.startswith("Norway")
