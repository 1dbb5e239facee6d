"""Subjects the clause rules cannot read as a party, though they name one:

- a codebook group by its full name, whose head noun names things elsewhere ("The I2U2 Group will
  advance a project": "group" is no actor in "the Asia Group", a named export-control regime);
- a party after a fact sheet's bullet label ("Food Security: The UAE – home to IRENA – will invest
  $2 billion"): the parser makes the label the subject and the party its apposition.
"""

from __future__ import annotations

import re

_THE = re.compile(r"(?i)the\s+")
# "Food Security: ", "Clean Energy: " — a short capitalised label ending in a colon
_LABEL = re.compile(r"^[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|and|of|for|the|&)){0,5}\s*:\s+")


def names_party(subject: str | None, resolver, parties) -> bool:
    """Whether ``subject`` (a clause's subject phrase) is the name of a group among ``parties``
    (the document's parties with their members), or a bullet label followed by the name of a
    state or group among them ("ECOWAS will deploy observers" in a text of others' is no party's)."""
    if not subject:
        return False
    text = subject.strip()
    label = _LABEL.match(text)
    if label is not None:
        return _opens_with_name(text[label.end() :], resolver, parties, whole=False)
    return _opens_with_name(text, resolver, parties, whole=True, groups_only=True)


def _opens_with_name(text: str, resolver, parties, whole: bool, groups_only: bool = False) -> bool:
    """``text`` opens with the name of one of ``parties`` (after "the"); ``whole``: and is nothing else."""
    the = _THE.match(text)
    start = the.end() if the else 0
    found = resolver.find_groups(text) if groups_only else [*resolver.find_groups(text), *resolver.find_countries(text)]
    return any(s == start and (not whole or e == len(text)) and code in parties for code, s, e in found)
