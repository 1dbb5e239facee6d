"""The trigger lexicon carries its behaviour flags and word lists, and refuses unknown or malformed ones."""

import copy

import pytest

from pledgebook.codebook.loader import CodebookError, load_data_file
from pledgebook.codebook.triggers import build_lexicon, load_triggers


@pytest.fixture()
def data() -> dict:
    return copy.deepcopy(load_data_file("triggers.yaml"))


def _kinds(lex, text: str) -> list[str]:
    from pledgebook.extract.clauses import find_statements
    from pledgebook.extract.nlp import load_nlp

    return [f.kind for f in find_statements(load_nlp()(text), lex)]


def test_the_word_lists_in_the_codebook_steer_the_finder(data):
    text = "I would like to thank the Secretary-General."
    assert _kinds(load_triggers(), text) == ["appreciation"]  # "like" is polite: the inner verb decides
    data["polite_verbs"] = [w for w in data["polite_verbs"] if w != "like"]
    assert _kinds(build_lexicon(data), text) != ["appreciation"]


def test_the_flags_in_the_codebook_steer_the_finder(data):
    text = "The two sides agreed to a Framework for negotiating a trade agreement."
    assert _kinds(load_triggers(), text) == ["agreement"]  # "agree" settles an instrument
    del data["verbs"]["agree"]["settles_instrument"]
    assert _kinds(build_lexicon(data), text) != ["agreement"]


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


def test_the_modal_classes_in_the_codebook_steer_the_finder(data):
    text = "We must act now to protect the oceans."
    assert _kinds(load_triggers(), text) == ["position"]  # an obligation modal: a call to act
    data["modals"]["obligation"] = []
    data["modals"]["binding"].append("must")
    assert _kinds(build_lexicon(data), text) == ["commitment"]


def test_a_modal_in_two_classes_is_refused(data):
    data["modals"]["advice"].append("must")
    with pytest.raises(CodebookError, match="modal\\(s\\) must in two classes"):
        build_lexicon(data)


def test_the_modal_classes_are_fixed(data):
    data["modals"]["firm"] = data["modals"].pop("binding")
    with pytest.raises(CodebookError, match="'modals' must have exactly the classes"):
        build_lexicon(data)


def test_a_fallback_is_read_once_into_kind_and_category():
    lex = load_triggers()
    assert (lex.verbs["agree"].otherwise.kind, lex.verbs["agree"].otherwise.category) == ("position", "position.agree")
    assert lex.verbs["pledge"].otherwise == ("commitment", "commitment")
    assert lex.verbs["intend"].otherwise is None
    assert lex.verbs["encourage"].asks and lex.verbs["urge"].asks and not lex.verbs["agree"].asks
