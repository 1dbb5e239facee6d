"""A repeated preposition before an action (annotation guide §3, session 13: "support for A and for
confronting terrorism" = two, "commitment to A and to B" = two): when the first object of the
undertaking or stance noun is no action ("We reaffirm our joint commitment to Europe's energy
security and sustainability and to accelerating the global transition to clean energy"), the clause
is read on that object (here a position, a state of affairs) and the action after the second
preposition was lost inside it. It is cut out as a commitment of its own, with the strength the
trigger gives an action (decisions.second_preposition_action)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from pledgebook.codebook.triggers import TriggerLexicon
from pledgebook.extract.clauses import Finding
from pledgebook.extract.decisions import second_preposition_action
from pledgebook.extract.grammar import char_end_before
from pledgebook.extract.rules import Rule


def split_second_prepositions(findings: list[Finding], parsed: Doc, lex: TriggerLexicon) -> list[Finding]:
    """``findings`` with the action after a repeated preposition cut out of the statement that
    holds it, as a commitment of its own."""
    out: list[Finding] = []
    for f in findings:
        out.append(f)
        if f.kind not in ("position", "commitment") or not 0 <= f.head_i < len(parsed):
            continue
        found = second_preposition_action(parsed[f.head_i], lex, f.reporter is not None)
        if found is None:
            continue
        prep, action, strength = found
        start = prep.idx
        if not f.start < start < f.end or any(g is not f and f.start < g.start <= start < g.end + 1 for g in findings):
            continue  # not inside this statement, or another statement was cut there already
        last = parsed[action.right_edge.i]
        end = min(f.end, last.idx + len(last))
        out[-1] = replace(f, end=char_end_before(parsed, prep.i, ("and", "or")))
        out.append(replace(f, start=start, end=end, kind="commitment", category="commitment", strength=strength,
                           rule=Rule.COORDINATED_ACTION, triggers=[*f.triggers, action.text], series_item=False))
    return out
