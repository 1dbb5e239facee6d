"""The purposes of a new body the parties set up describe that body and stay inside the one
undertaking (extract/new_bodies.py; annotation guide §10, batch 5). Invented sentences."""

import pytest

from pledgebook.extract.new_bodies import purpose_stays_inside

HEADER = "Joint Statement of Norway and Kenya\n\n"


def _commitments(extractor, sentence: str) -> list[str]:
    record = extractor.extract_text(HEADER + sentence)
    return [" ".join(s.text.split()) for s in record.statements if s.kind == "commitment"]


def test_the_purposes_of_a_dialogue_launched_stay_in_one_commitment(extractor):
    found = _commitments(extractor, "We will also launch an annual Fisheries Dialogue to coordinate the management "
                                    "of shared stocks and to continually identify new areas for joint research.")
    assert len(found) == 1 and found[0].endswith("new areas for joint research")


def test_the_purposes_of_a_working_group_established_stay_in_one_commitment(extractor):
    found = _commitments(extractor, "We announce the establishment of a new bilateral working group to drive our "
                                    "cooperation, including with regional partners, to combat illegal fishing and "
                                    "block the trade in its catch.")
    assert len(found) == 1


def test_the_purposes_of_a_project_launched_stay_in_one_commitment(extractor):
    found = _commitments(extractor, "We also announce today the launch of a Lake Victoria logistics pilot project, "
                                    "to pursue shared transport capacity among our ports and leverage our collective "
                                    "storage strengths.")
    assert len(found) == 1


def test_the_purposes_of_funding_projects_are_one_each(extractor):
    # projects funded, not set up: two purposes of the funding, each with its own object (test_wh_purposes)
    found = _commitments(extractor, "Norway will fund new projects to strengthen Kenya’s coast guard institutions "
                                    "and combat illegal fishing, smuggling, and piracy.")
    assert len(found) == 2


def test_actions_of_a_trigger_not_after_a_body_are_one_each(extractor):
    found = _commitments(extractor, "The ministers agreed to expand rail freight across the region and to increase "
                                    "the capacity of the ports.")
    assert len(found) == 2


def test_a_mechanism_used_is_not_set_up(extractor):
    # "will use the initiative to develop X, to promote Y and expand Z": the purposes of its use,
    # one each (a news report of the dev set); "will launch a new initiative to develop X" sets one up
    from pledgebook.extract.new_bodies import describes_new_body

    for sentence, set_up in (("The two sides will use the regional initiative to develop a fisheries corridor.", False),
                             ("The two sides will launch a new initiative to develop a fisheries corridor.", True)):
        doc = extractor.parser(sentence)
        develop = next(t for t in doc if t.lower_ == "develop")
        assert describes_new_body(develop, extractor.lex, set_up=True) is set_up


@pytest.mark.parametrize(("sentence", "head", "purpose", "inside"), [
    ("Peru will launch an annual Dialogue to coordinate customs rules and to identify risks.", "launch", "coordinate", True),
    ("Norway will impose new measures to prevent overfishing and restrict trawling.", "impose", "prevent", True),
    ("We support a mediation process to end the fighting and restore security.", "support", "end", True),
    ("We reaffirm our commitment to combat piracy and protect shipping.", "reaffirm", "combat", False),  # an undertaking noun
    ("Canada will fund new projects to strengthen courts and combat fraud.", "fund", "strengthen", False),  # things funded
    ("We encourage enterprises to invest in ports and hire local staff.", "encourage", "invest", False),  # a party to act
    ("Brazil will use the platform to share data and train inspectors.", "use", "share", False),  # a body used, not set up
])
def test_a_purpose_stays_inside_a_new_body_or_the_verbs_own_object(extractor, sentence, head, purpose, inside):
    doc = extractor.nlp(sentence)
    head_tok, purpose_tok = (next(t for t in doc if t.text == word) for word in (head, purpose))
    assert purpose_stays_inside(head_tok, purpose_tok, extractor.lex) is inside
