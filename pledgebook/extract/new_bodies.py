"""What a new body is to do: the purposes hung on a mechanism the parties set up ("launch an annual
Dialogue to coordinate X and to identify Y", "the establishment of a working group to drive our
cooperation, to combat X and block Y", "the launch of a logistics pilot project, to pursue X and
leverage Y") describe that body, and stay inside the one undertaking that sets it up (annotation
guide §10: what a new body "will allow"; batch 5: the purposes of a verb with its own object stay
inside it). Used by the clause rules (coordinated actions), the coordination of a trigger's
infinitives (both through ``purpose_stays_inside``) and the purpose pass (purposes.py).
"""

from __future__ import annotations

from spacy.tokens import Token

from pledgebook.codebook.triggers import TriggerLexicon
from pledgebook.extract.grammar import is_infinitive
from pledgebook.extract.rhetoric import purpose_of_object

_PROJECTS = ("project", "projects")


def purpose_stays_inside(head: Token, purpose: Token, lex: TriggerLexicon) -> bool:
    """Does the infinitive ``purpose`` say what a new body set up or ``head``'s own object is for,
    so that it and the verbs joined to it stay inside ``head``'s one undertaking? "launch a Dialogue
    to coordinate X and to identify Y"; "impose measures to prevent X and restrict Y" (the purpose
    on the object, not on an undertaking noun: "reaffirm our commitment to X and to Y" is two);
    "support a peace process to end X and restore Y" (the parser hangs it on the verb)."""
    obj = purpose.head
    on_object = is_infinitive(purpose) and purpose.dep_ in ("relcl", "acl") and obj.dep_ == "dobj" \
        and obj.head.i == head.i and obj.lemma_.lower() not in lex.nouns
    return on_object or describes_new_body(purpose, lex, set_up=True) or purpose_of_object(head, purpose, lex)


def describes_new_body(purpose: Token, lex: TriggerLexicon, set_up: bool = False) -> bool:
    """Is the infinitive ``purpose`` ("to V", right after a noun, a comma between them allowed)
    hung on a mechanism noun (codebook launches.nouns)? A project counts only when it is set up
    ("the launch of a pilot project, to ..."): "fund new projects to strengthen X and combat Y"
    names two purposes of the funding. ``set_up``: any mechanism only when it is set up ("will use
    the initiative to develop X, to promote Y and expand Z" names the purposes of its use)."""
    noun = _noun_before(purpose)
    if noun is None or noun.lemma_.lower() not in lex.launches.nouns or generic_unnamed(noun, lex):
        return False  # ("launch programmes to A and B": an unnamed generic noun names no body, its purposes count)
    return (noun.lemma_.lower() not in _PROJECTS and not set_up) or _set_up(noun, lex)


def _noun_before(purpose: Token) -> Token | None:
    """The head noun of the phrase that ends just before "to" (and a comma) of ``purpose``."""
    doc, i = purpose.doc, purpose.i - 1
    if i < 0 or doc[i].lower_ != "to":
        return None
    i -= 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    if i < 0:
        return None
    noun = doc[i]
    while noun.dep_ in ("compound", "amod") and noun.head.i > noun.i:
        noun = noun.head  # (the parser may hang the purpose on the verb: read what precedes it)
    return noun if noun.pos_ in ("NOUN", "PROPN") else None


def _set_up(noun: Token, lex: TriggerLexicon) -> bool:
    """"the launch of a project", "the establishment of a project", "launch a project": the noun is
    what a verb of launching (or its noun) brings into being."""
    stems = tuple(v[:-1] if v.endswith("e") else v for v in lex.launches.verbs)
    governor = noun.head
    if noun.dep_ == "pobj" and governor.lower_ == "of":
        governor = governor.head
    elif noun.dep_ not in ("dobj", "nsubjpass"):
        return False
    return governor.lemma_.lower().startswith(stems)


def light_object(obj: Token, lex: TriggerLexicon) -> bool:
    """An object with no content of its own: a light noun ("measures", "steps", "efforts") that no
    name ties to one thing ("the Blue Reef Initiative" is a body), or an unnamed generic noun of
    action (``generic_unnamed``)."""
    if any(c.pos_ == "PROPN" for c in obj.children if c.i < obj.i):
        return False
    return obj.lemma_.lower() in lex.light_objects or obj.lower_ in lex.light_objects or generic_unnamed(obj, lex)


def generic_unnamed(obj: Token, lex: TriggerLexicon) -> bool:
    """"support new projects to A and B", "launch programmes to A and B": a generic noun of action
    (codebook generic_action_objects) that no name, possessor or definite article ties to one thing
    ("the Lobito Corridor project", "its programme" keep their purposes inside)."""
    if obj.lemma_.lower() not in lex.generic_action_objects and obj.lower_ not in lex.generic_action_objects:
        return False
    return not any(c.dep_ in ("poss", "compound") or c.pos_ == "PROPN"
                   or (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those"))
                   for c in obj.children if c.i < obj.i)
