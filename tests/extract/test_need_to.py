""""We need to strengthen X" in a text the parties issue is their own soft undertaking (the G20
Research Group counts it); in a speech, "we" may be the whole world and it is a call, as "we
must" is; so is "need to" with another subject, or on a verb of perception. Invented texts."""

import pytest

from pledgebook.read import read_document


def _kinds(extractor, tmp_path, title: str, sentence: str) -> list[tuple[str, str | None]]:
    path = tmp_path / "doc.md"
    path.write_text(f'---\ntitle: "{title}"\ndate: "2024-09-25"\n---\n{sentence}\n', encoding="utf-8")
    record = extractor.extract(read_document(path))
    return [(s.kind, s.strength) for s in record.statements]


COMMUNIQUE = "Joint Communique of the Leaders of Norway and Kenya"
SPEECH = "Address by the Prime Minister of Norway to the General Debate"


def test_we_need_to_in_an_issued_text_is_a_soft_commitment(extractor, tmp_path):
    assert _kinds(extractor, tmp_path, COMMUNIQUE, "We need to strengthen the global financial safety net.") \
        == [("commitment", "soft")]


def test_we_need_to_in_a_speech_is_a_call(extractor, tmp_path):
    assert _kinds(extractor, tmp_path, SPEECH, "We need to strengthen the global financial safety net.") \
        == [("position", None)]


@pytest.mark.parametrize("sentence", ["Developing countries need to raise more revenue.",
                                      "We need to see an immediate ceasefire in the region."])
def test_need_to_of_others_or_of_perception_is_a_call(extractor, tmp_path, sentence):
    assert _kinds(extractor, tmp_path, COMMUNIQUE, sentence) == [("position", None)]


def test_actions_joined_under_need_follow_it(extractor, tmp_path):
    sentence = "We need to revitalize the United Nations and make the necessary reforms to the system."
    assert _kinds(extractor, tmp_path, COMMUNIQUE, sentence) == [("commitment", "soft")] * 2
    assert _kinds(extractor, tmp_path, SPEECH, sentence) == [("position", None)] * 2


def test_purposes_further_down_under_need_follow_it(extractor, tmp_path):
    sentence = "We need to find new ways to fund clean water systems and to expand rural clinics."
    assert _kinds(extractor, tmp_path, SPEECH, sentence) == [("position", None)] * 2
