"""The trigger lexicon carries its behaviour flags and word lists, and refuses unknown or malformed ones."""

import copy

import pytest

from pledgebook.codebook import BUNDLED, Codebook, CodebookError
from pledgebook.codebook.files import parse, validate
from pledgebook.codebook.triggers import TriggersFile, build_lexicon

NAME = "triggers.yaml"
_DATA = parse(NAME, (BUNDLED / NAME).read_bytes())


@pytest.fixture()
def data() -> dict:
    return copy.deepcopy(_DATA)


def _lexicon(data: dict):
    """The lexicon built from edited file contents, through the same validation as loading."""
    return build_lexicon(NAME, validate(NAME, data, TriggersFile))


def load_triggers():
    return Codebook.load().triggers


def _kinds(lex, text: str) -> list[str]:
    from pledgebook.extract.clauses import find_statements
    from pledgebook.extract.nlp import load_nlp

    return [f.kind for f in find_statements(load_nlp()(text), lex)]


def test_the_word_lists_in_the_codebook_steer_the_finder(data):
    text = "I would like to thank the Secretary-General."
    assert _kinds(load_triggers(), text) == ["appreciation"]  # "like" is polite: the inner verb decides
    data["polite_verbs"] = [w for w in data["polite_verbs"] if w != "like"]
    assert _kinds(_lexicon(data), text) != ["appreciation"]


def test_the_flags_in_the_codebook_steer_the_finder(data):
    text = "The two sides agreed to a Framework for negotiating a trade agreement."
    assert _kinds(load_triggers(), text) == ["agreement"]  # "agree" settles an instrument
    del data["verbs"]["agree"]["settles_instrument"]
    assert _kinds(_lexicon(data), text) != ["agreement"]


def test_prefilter_lets_through_its_extra_words():
    lex = load_triggers()
    for text in ("The two sides are to meet.", "He said it was fine.", "They underwent training."):
        assert lex.prefilter.search(text), text
    assert not lex.prefilter.search("The weather was mild.")


def test_a_flag_can_be_set_from_the_codebook(data):
    data["verbs"]["hope"]["settles_instrument"] = True
    assert _lexicon(data).verbs["hope"].settles_instrument


def test_unknown_flag_is_refused(data):
    data["verbs"]["agree"]["settles_instrumnet"] = True
    with pytest.raises(CodebookError, match=r"triggers.yaml: verbs.agree.settles_instrumnet: unknown key"):
        _lexicon(data)


def test_flag_must_be_a_boolean(data):
    data["verbs"]["look"]["anticipates"] = "yes"
    with pytest.raises(CodebookError, match=r"triggers.yaml: verbs.look.anticipates: Input should be a valid boolean \(got 'yes'\)"):
        _lexicon(data)


def test_needs_particle_requires_particles(data):
    del data["verbs"]["look"]["particles"]
    with pytest.raises(CodebookError, match="needs_particle without particles"):
        _lexicon(data)


def test_anticipated_meetings_must_be_verb_triggers(data):
    data["anticipated_meetings"].append("picnic")
    with pytest.raises(CodebookError, match="anticipated_meetings must be verb triggers"):
        _lexicon(data)


def test_attending_verbs_must_be_meeting_verb_triggers(data):
    data["attending_verbs"].append("sign")
    with pytest.raises(CodebookError, match=r"attending_verbs must be meeting verb triggers: \['sign'\]"):
        _lexicon(data)


def test_attending_verbs_steer_the_finder(data):
    named = "Kenya will attend COP41 in Mombasa."  # a named event: the object is what is attended
    assert _kinds(load_triggers(), named) == ["commitment"]
    data["attending_verbs"] = []
    assert _kinds(_lexicon(data), named) == ["meeting"]


def test_non_meeting_phrases_steer_the_finder(data):
    from pledgebook.extract.clauses import find_statements
    from pledgebook.extract.nlp import load_nlp

    doc = load_nlp()("The minister will attend to the needs of displaced fishermen.")
    assert [f.rule.value for f in find_statements(doc, load_triggers())] == ["binding_modal"]
    del data["non_meeting_phrases"]["attend"]  # (read as attending the event named before, then)
    assert [f.rule.value for f in find_statements(doc, _lexicon(data))] == ["convened_meeting"]


def test_denial_and_hedge_words_steer_the_negation_reading(data):
    from pledgebook.extract.grammar import denied
    from pledgebook.extract.nlp import load_nlp

    hardly = next(t for t in load_nlp()("We will hardly fund the clinic.") if t.text == "fund")
    hedged = next(t for t in load_nlp()("We will no doubt fund the clinic.") if t.text == "fund")
    assert not denied(hardly, load_triggers()) and not denied(hedged, load_triggers())
    data["denial_words"].append("hardly")  # (the parser labels "not", "never", "no" itself, mostly)
    data["hedge_words"] = [w for w in data["hedge_words"] if w != "doubt"]
    assert denied(hardly, _lexicon(data)) and denied(hedged, _lexicon(data))


WORD_LISTS = [key for key, f in TriggersFile.model_fields.items() if getattr(f.annotation, "__origin__", None) is list]


def test_every_word_list_is_checked():
    assert {"polite_verbs", "light_verbs", "instruments", "events", "prefilter_words"} <= set(WORD_LISTS)


@pytest.mark.parametrize("key", WORD_LISTS)
def test_word_list_must_be_present_and_a_list(data, key):
    data[key] = "like"  # not {'l', 'i', 'k', 'e'}
    with pytest.raises(CodebookError, match=rf"triggers.yaml: {key}: Input should be a valid list \(got 'like'\)"):
        _lexicon(data)
    del data[key]
    with pytest.raises(CodebookError, match=f"triggers.yaml: {key}: missing"):
        _lexicon(data)


def test_unknown_kind_is_refused(data):
    data["verbs"]["agree"]["kind"] = "promise"
    with pytest.raises(CodebookError, match=r"triggers.yaml: verbs.agree.kind: Input should be .*\(got 'promise'\)"):
        _lexicon(data)


def test_unknown_fallback_is_refused(data):
    data["verbs"]["agree"]["otherwise"] = "gossip.idle"
    with pytest.raises(CodebookError, match="triggers.yaml: verbs.agree: unknown fallback 'gossip.idle'"):
        _lexicon(data)


def test_the_modal_classes_in_the_codebook_steer_the_finder(data):
    text = "We must act now to protect the oceans."
    assert _kinds(Codebook.load().triggers, text) == ["position"]  # an obligation modal: a call to act
    data["modals"]["obligation"] = []
    data["modals"]["binding"].append("must")
    assert _kinds(_lexicon(data), text) == ["commitment"]


def test_a_modal_in_two_classes_is_refused(data):
    data["modals"]["advice"].append("must")
    with pytest.raises(CodebookError, match="modals: modal\\(s\\) must in two classes"):
        _lexicon(data)


def test_the_modal_classes_are_fixed(data):
    data["modals"]["firm"] = data["modals"].pop("binding")
    with pytest.raises(CodebookError, match="modals.firm: unknown key"):
        _lexicon(data)


def test_a_fallback_is_read_once_into_kind_and_category():
    lex = Codebook.load().triggers
    assert (lex.verbs["agree"].otherwise.kind, lex.verbs["agree"].otherwise.category) == ("position", "position.agree")
    assert lex.verbs["pledge"].otherwise == ("commitment", "commitment")
    assert lex.verbs["intend"].otherwise is None
    assert lex.verbs["encourage"].asks and lex.verbs["urge"].asks and not lex.verbs["agree"].asks


def test_the_list_lead_ins_in_the_codebook_decide_what_opens_a_list(data):
    from pledgebook.extract.lists import lead_in

    def resolve(subject: str) -> list[str]:
        return [subject]

    lead = lead_in("The two sides agreed to:", resolve, load_triggers())
    assert lead is not None and lead.actors == ["The two sides"] and lead.trigger == "agreed"
    assert lead_in("The two sides are keen to:", resolve, load_triggers()) is None
    data["list_lead_ins"] = [*data["list_lead_ins"], "are keen to"]
    lead = lead_in("The two sides are keen to:", resolve, _lexicon(data))
    assert lead is not None and lead.actors == ["The two sides"]


def test_prefilter_lets_through_a_progressive_undertaking_but_not_its_stem():
    lex = load_triggers()
    assert lex.prefilter.search("The two sides are restoring the military hotline.")
    assert lex.prefilter.search("We are both increasing our climate finance.")
    # the whole -ing form after "is"/"are" only: "restor..." alone lets nothing through
    assert not lex.prefilter.search("The restoration of the old town was slow.")


def test_prefilter_with_instrument_must_be_verbs_that_need_an_instrument(data):
    data["prefilter_with_instrument"].append("sign")  # a verb trigger read without an instrument too
    with pytest.raises(CodebookError, match=r"prefilter_with_instrument must be verb triggers .*\['sign'\]"):
        _lexicon(data)


def test_prefilter_not_alone_must_be_undertaking_light_verbs(data):
    data["prefilter_not_alone"].append("pledge")
    with pytest.raises(CodebookError, match=r"prefilter_not_alone must be undertaking_light_verbs.*\['pledge'\]"):
        _lexicon(data)


def test_a_word_another_list_brings_in_is_not_restricted(data):
    data["prefilter_words"].append("adopt")  # as if another list let "adopt" through by itself
    assert "adopt" not in _lexicon(data).prefilter_with_instrument
    assert "issue" in _lexicon(data).prefilter_with_instrument
