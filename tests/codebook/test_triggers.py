"""The trigger lexicon carries its behaviour flags and word lists, and refuses unknown or malformed ones."""

import copy

import pytest

from pledgebook.codebook.loader import CodebookError, load_data_file
from pledgebook.codebook.triggers import build_lexicon, load_triggers


@pytest.fixture()
def data() -> dict:
    return copy.deepcopy(load_data_file("triggers.yaml"))


def test_special_behaviours_are_flags_on_their_triggers():
    lex = load_triggers()
    assert {v for v, t in lex.verbs.items() if t.anticipates} == {"look"}
    assert {v for v, t in lex.verbs.items() if t.settles_instrument} == {"agree"}
    assert {v for v, t in lex.verbs.items() if t.reports_own_undertaking} == {"announce"}
    assert not any(t.anticipates or t.settles_instrument or t.reports_own_undertaking
                   for t in [*lex.adjectives.values(), *lex.nouns.values()])


def test_word_lists_are_loaded():
    lex = load_triggers()
    assert lex.polite_verbs == {"like", "love", "wish", "prefer"}
    assert lex.copulas == {"be", "remain", "stand", "stay", "feel"}
    assert lex.stative_verbs == {"be", "remain", "seem", "appear", "have", "belong", "exist"}
    assert lex.anticipated_meetings == {"welcome"}
    assert lex.signing_nouns == {"signing", "conclusion"}


def test_prefilter_lets_through_its_extra_words():
    lex = load_triggers()
    for text in ("The two sides are to meet.", "He said it was fine.", "They underwent training."):
        assert lex.prefilter.search(text), text
    assert not lex.prefilter.search("The weather was mild.")


def test_a_flag_can_be_set_from_the_codebook(data):
    data["verbs"]["hope"]["settles_instrument"] = True
    assert build_lexicon(data).verbs["hope"].settles_instrument


def test_unknown_flag_is_refused(data):
    data["verbs"]["agree"]["settles_instrumnet"] = True
    with pytest.raises(CodebookError, match=r"'agree': unknown flag\(s\) settles_instrumnet"):
        build_lexicon(data)


def test_flag_must_be_a_boolean(data):
    data["verbs"]["look"]["anticipates"] = "yes"
    with pytest.raises(CodebookError, match="'look': anticipates must be true or false"):
        build_lexicon(data)


def test_needs_particle_requires_particles(data):
    del data["verbs"]["look"]["particles"]
    with pytest.raises(CodebookError, match="needs_particle without particles"):
        build_lexicon(data)


def test_anticipated_meetings_must_be_verb_triggers(data):
    data["anticipated_meetings"].append("picnic")
    with pytest.raises(CodebookError, match="anticipated_meetings must be verb triggers"):
        build_lexicon(data)


@pytest.mark.parametrize("key", ["polite_verbs", "copulas", "stative_verbs", "signing_nouns", "prefilter_words"])
def test_word_list_must_be_present_and_a_list(data, key):
    data[key] = "like"
    with pytest.raises(CodebookError, match=f"'{key}' must be a list of words"):
        build_lexicon(data)
    del data[key]
    with pytest.raises(CodebookError, match=f"'{key}' must be a list of words"):
        build_lexicon(data)


def test_unknown_kind_is_refused(data):
    data["verbs"]["agree"]["kind"] = "promise"
    with pytest.raises(CodebookError, match="'agree': unknown kind 'promise'"):
        build_lexicon(data)
