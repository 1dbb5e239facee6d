"""The parties of a news report: the countries that act in it, not every country it names.

Before any sentence is parsed, a document's parties are guessed from its title or from how
often each country is named (metadata.py). A news report's title and text also name countries
in passing ("... to extend the line to Uganda"), and may name only one side of a relationship
whose other side acts in every paragraph. Once its statements are drafted, a report's parties
are the countries that act: named as the subject of a statement, or as a side of a meeting,
a discussion or an agreement; a candidate that never acts stays only if the text comes back to
it (named in two sentences or more), unless two countries or more act: then the report is
theirs, and a third country the text returns to (the Syria of Russia–Turkey talks) is a topic.
A report in which one country alone acts is still about two sides (a lender and a borrower, a
builder and a host): the other side is the country the text names most often after it (capitals
count: "signed in Nairobi"), when it is named in two sentences or more. A grouping guessed as a
party (a summit of the EU and the AU, whose host city's country is no party: metadata.py) stays
when it acts or the text comes back to it, and is no side of a pair. A currency ("US$161
million") names no country. Official texts (joint statements, readouts, speeches,
communiqués) say who their parties are, and keep them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from pledgebook.extract.actors import ActorResolver
from pledgebook.extract.context import DocContext, Draft
from pledgebook.extract.metadata import DocInfo

NEWS_KINDS = frozenset({"news_report", "other"})  # the kinds whose parties are only guessed
SIDE_KINDS = frozenset({"meeting", "discussion", "agreement"})  # statements that may name the other side
# what follows a meeting's or an agreement's trigger word and names the other side: its object,
# or "with X", up to the first phrase of place, topic or purpose
_COUNTERPART = re.compile(r"^(?:\s+(?:talks|an?|the|agreements?|deals?|accords?|memorand\w*|mous?|his|her|their))*"
                          r"\s+(?:with\s+)?[^,;]*?(?=\s+(?:in|on|at|to|for|about|over|regarding|during|after|before)\s|[,;]|$)")
MIN_MENTIONS = 2  # sentences that name a country that never acts, for it to stay a party
# a currency sign after a country's short name is money, not that country ("US$161 million")
_CURRENCY = re.compile(r"\b(?:U\.?S\.?|US)\s?\$")


def _without_currencies(text: str) -> str:
    return _CURRENCY.sub(lambda m: " " * len(m.group(0)), text)


def acting_parties(doc: DocContext, resolver: ActorResolver, sentences: Iterable[str]) -> list[str] | None:
    """The parties of a news report as the countries that act in ``doc``'s drafted statements;
    None when the document is no news report or its parties stand (``sentences``: its clean
    sentences, to count how often each country is named)."""
    info = doc.info
    if not _guessed(info):
        return None
    titled = _leaders_in_title(doc, resolver)
    if len(titled) >= 2:  # "Modi, Macron agree to ...", "Marcos-Kishida meeting in Tokyo": the headline's leaders
        return None if titled == sorted(info.parties) else titled
    acting = Counter(code for d in doc.drafts for code in _acting_in(d, doc, resolver))
    named = Counter(code for s in sentences for code in _named_in(s, resolver))
    # the countries that act; a grouping among the guessed parties stays when it acts or the text returns to it
    joined = {c for c in acting if resolver.book.is_country(c)}
    kept = set() if len(joined) >= 2 else {c for c in info.parties if acting[c] or named[c] >= MIN_MENTIONS}
    if set(titled) - joined:
        # "Erdogan intends to visit Akkuyu ...": the one leader a headline names acts in the report,
        # though all he does may be said in his own first person (which only a party's speaker may
        # claim); the side the text was guessed to be about stays beside him
        kept |= {c for c in info.parties if resolver.book.is_country(c)}
        joined |= set(titled)
    parties = sorted(kept | joined)
    if len(parties) == 1 and resolver.book.is_country(parties[0]):  # a grouping is no side of a pair
        countries = Counter({c: n for c, n in named.items() if resolver.book.is_country(c)})
        parties = sorted({*parties, *_other_side(parties[0], countries)})
    if not parties or parties == sorted(info.parties):
        return None
    return parties


def _leaders_in_title(doc: DocContext, resolver: ActorResolver) -> list[str]:
    """The countries whose leaders a news headline names (leaders.yaml, dated): a headline that
    names two leaders ("Ramaphosa, Xi Jinping discuss trade deals") names the two sides."""
    title = doc.info.title or ""
    return sorted({c for c in doc.people.named(title) if resolver.book.is_country(c)})


def _named_in(sentence: str, resolver: ActorResolver) -> set[str]:
    """The countries (capitals too) and the groupings a sentence names."""
    text = _without_currencies(sentence)
    return {c for c, _, _ in resolver.find_countries(text, capitals=True)} | {c for c, _, _ in resolver.find_groups(text)}


def _other_side(side: str, named: Counter) -> list[str]:
    """The country a one-sided report names most often besides ``side``: none when that is a
    tie or it is named in fewer than ``MIN_MENTIONS`` sentences."""
    ranked = [(n, c) for c, n in named.most_common() if c != side]
    if not ranked or ranked[0][0] < MIN_MENTIONS or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
        return []
    return [ranked[0][1]]


def _guessed(info: DocInfo) -> bool:
    """The document's parties were guessed from its title or text, not stated by it."""
    return info.kind in NEWS_KINDS and info.parties_guessed and info.group is None and bool(info.parties)


def _acting_in(d: Draft, doc: DocContext, resolver: ActorResolver) -> list[str]:
    """The countries a statement shows acting: those named before its trigger word (its subject,
    or who reports it: "China said it would ..."; not taken from the parties, as "the two sides"
    is), the person named there, or the other side named right after it ("met the Angolan
    President", "signed a deal with Angola"; not "discussed the drought in Namibia")."""
    text = d.clean or d.text
    if d.verb is not None and any(c.dep_ == "auxpass" for c in d.verb.children):
        return []  # "Brazil was invited": the subject of a passive is acted upon
    trigger = d.trigger_words[0] if d.trigger_words else ""
    at = text.find(trigger) if trigger else -1
    if at < 0:
        return []
    after = text[at + len(trigger) :]
    counterpart = _COUNTERPART.match(after) if d.kind in SIDE_KINDS else None
    named = text[:at] + " " + (counterpart.group(0) if counterpart else "")
    clean = _without_currencies(named)
    found = [code for code, _, _ in sorted([*resolver.find_countries(clean), *resolver.find_groups(clean)],
                                           key=lambda f: f[1])]
    if not found and d.who and d.actor_source in ("subject", "reporter"):
        found = doc.people.resolve(d.who)
    return found
