"""A cooperation, collaboration or partnership of the parties renewed on a named field ("reaffirm
their cooperation on maritime security", "affirm our collaboration on public health services") is
their moderate undertaking (annotation guide §5: "affirm (our) collaboration on"); without a field,
on a manner ("on the basis of"), or held by another noun ("the importance of cooperation on X") it
stays a stance (codebook triggers.yaml renewed_cooperation; rules.yaml renewed_cooperation).
Invented sentences."""

from tests.conftest import joint_statements


def _kinds(extractor, sentence: str) -> list[tuple[str, str | None]]:
    return [(kind, strength) for kind, strength, _, _ in joint_statements(extractor, sentence)]


def test_renewed_cooperation_on_a_field_is_a_moderate_commitment(extractor):
    for sentence in (
        "Kenya and Norway reaffirmed their cooperation on fisheries management and coastal surveillance.",
        "We affirm our collaboration on essential veterinary services, including animal disease surveillance.",
        "Kenya and Norway reaffirm longstanding cooperation on core maritime security priorities.",
        "The two ministers reiterated their close partnership on renewable energy in East Africa.",
        "Kenya and Norway affirm their close collaboration on diversifying fertiliser supply chains.",
    ):
        assert _kinds(extractor, sentence) == [("commitment", "moderate")], sentence


def test_possessed_partnership_joined_to_its_first_owner_is_read(extractor):
    # the parser takes "Norway" for the object and joins "partnership" to it
    assert _kinds(extractor, "The two leaders reaffirmed Kenya and Norway's new partnership on ocean observation.") \
        == [("commitment", "moderate")]


def test_cooperation_without_a_field_stays_a_stance(extractor):
    for sentence in (
        "The two leaders reaffirmed their strategic partnership.",
        "Kenya and Norway reaffirmed their cooperation on the basis of mutual respect.",
        "We reaffirm our strong cooperation in the fight against piracy.",
        "The ministers affirmed the importance of cooperation on disease threats.",
    ):
        assert all(kind != "commitment" for kind, _ in _kinds(extractor, sentence)), sentence
