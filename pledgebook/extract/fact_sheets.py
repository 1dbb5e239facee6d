"""A fact sheet is one party's account of a meeting: when its title names the group whose summit
it reports ("FACT SHEET: The 2023 G7 Summit in Hiroshima", "... Advances Shared Interests with
G20 World Leaders"), the group is the document's party (annotation guide §10, fact sheets), so
"G7 Leaders" and "the Leaders" resolve to it, while "President Biden" and "the United States"
stay the issuer's."""

from __future__ import annotations


def fact_sheet_group(title: str | None, kind: str, resolver) -> str | None:
    """The one group the title of a fact sheet names, or None (another kind of text; no group,
    or two different ones: "G7 and EU impose costs" reports no single meeting)."""
    if kind != "fact_sheet" or not title:
        return None
    groups = {code for code, _, _ in resolver.find_groups(title)}
    return groups.pop() if len(groups) == 1 else None
