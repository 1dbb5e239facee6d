"""Document metadata: date, place, parties, kind, issuer and speaking group."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePath

from pledgebook.codebook import Codebook
from pledgebook.codebook.documents import DocumentBook, LeaderBook
from pledgebook.codebook.entities import without_accents
from pledgebook.codebook.segmentation import Dateline
from pledgebook.extract.fact_sheets import fact_sheet_group
from pledgebook.extract.people import PeopleMap
from pledgebook.read.base import RawDocument

_FILE_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_]?(0[1-9]|1[0-2])[-_]?(0[1-9]|[12]\d|3[01])(?!\d)")
# "We, the Leaders of the G7, ..." opens a communiqué in the group's voice; so does "We, the
# Ministers representing the eight Arctic States, ..." (the states its ministers represent).
_GROUP_OPENING = re.compile(r"\bWe,?\s+the\s+(?:leaders|heads\s+of\s+state\s+and\s+government|(?:foreign\s+)?ministers|members)"
                            r"\s+(?:of|representing)\b", re.IGNORECASE)
# "we – the presidents of the United States, the Republic of Kazakhstan, ... and Uzbekistan –":
# the opening names the speakers one by one.
_WE_LEAD = re.compile(r"\bwe\s*[,–—-]?\s*", re.IGNORECASE)
# what may open a first sentence before its subject: "On 26 June 2023, ", "Today, "
_LEAD_IN = re.compile(r"\s*(?:(?:today|on\s+[^,.;\n]{3,40}),\s*)?", re.IGNORECASE)
# a list that is a sentence's subject goes on with its verb: "A, B, C, and D affirm ..."
_VERB_NEXT = re.compile(r"\s+(?!and\b|or\b|of\b)[a-z]")
OPENING_SPEAKERS, LIST_CHARS = 1500, 2000  # where an opening names its speakers; how long their list may be
# ", the", " (ROK), and", ", and the Prime Minister of": what may stand between two named speakers
# (and a word of a state's style the gazetteer lacks: "Co‑operative Republic of Guyana")
_LIST_GAP = re.compile(r"\s*(?:\([^()]{1,20}\))?[,\s]*(?:and\s+)?(?:the\s+)?(?:(?:prime\s+minister|president|"
                       r"chancellor|king|emir|sultan|premier|leaders?)\s+of\s+(?:the\s+)?)?",
                       re.IGNORECASE)
_STYLE_WORD = re.compile(r"[A-Z][\w‑-]*\s+$")  # "Co‑operative " before "Republic of Guyana"
_WE = re.compile(r"(?:^|[.!?:]\s+|\n\s*)(?:[-*•]\s*)?(?:We|Together,? we)\s", re.MULTILINE)
# "Joint Statement from the United States, India, Brazil, and South Africa on the G20",
# "... of the Leaders of India, Israel, ...": a title naming its authors one by one
_TITLE_AUTHORS = re.compile(r"\b(?:from|by|of|between)\s+(?:the\s+)?(?:(?:leaders|presidents|prime\s+ministers|"
                            r"governments|heads\s+of\s+state(?:\s+and\s+government)?)\s+of\s+(?:the\s+)?)?",
                            re.IGNORECASE)


_OPENING_CHARS = 1000  # where a text introduces who meets or speaks
_ISSUED_KINDS = frozenset({"joint_statement", "communique", "declaration", "readout", "fact_sheet"})

# metadata that names who published a page (Markdown front matter; an HTML page's site name)
_PUBLISHER_KEYS = ("publisher", "sitename")


@dataclass(slots=True)
class DocInfo:
    title: str | None
    date: str | None
    place: str | None
    parties: list[str]
    kind: str
    group: str | None  # the group that speaks as "we" (G7, G20, QUAD ...)
    issuer: str | None  # who published it (USA for the White House)
    parties_guessed: bool = False  # the parties come from the title or from counting names, not stated by the text


def _opening_place(book, first_text: str, opening: str, not_a_city=lambda name: False,
                   places: frozenset[str] = frozenset()) -> str | None:
    """A place line ("Jeddah, Saudi Arabia") or where the opening sentences say the parties met."""
    line = book.place_line.match(first_text)
    if line and _names_a_place(line.group("place"), book):
        return line.group("place")
    return _meeting_place(book, opening, not_a_city, places)


def _meeting_place(book, opening: str, not_a_city=lambda name: False, places: frozenset[str] = frozenset()) -> str | None:
    """Where the opening sentences first say the parties met, signed or were welcomed, the seat of
    government they met at, or the known city (one of ``places``) a sentence opens with ("Earlier
    today in Doha, the United States presented ..."); a country or a grouping is no city
    (``not_a_city``). The first in the text wins: "welcomed President Steinmeier to the White House
    ... German-Americans gathered in German coffeehouses" was in Washington."""
    found: list[tuple[int, str]] = []
    for pattern in (book.meeting_place, book.welcome_place):
        for met in pattern.finditer(opening):
            # the place is a city: "welcomed President Biden to India" names the host country only
            # ("talks in Syria after a welcoming ceremony in the capital Damascus": the city after it)
            if met.group("place").split()[0] not in book.not_places and not not_a_city(met.group("place")):
                found.append((met.start(), met.group("place")))
                break
    seat = book.seat_place.search(opening)
    if seat:
        found.append((seat.start(), book.seats[seat.group("seat")]))
    city = next((m for m in _IN_CITY.finditer(opening) if m.group("place") in places), None)
    if city:
        found.append((city.start(), city.group("place")))
    return min(found)[1] if found else None


# a sentence that opens with where it happened: "In Toronto, we held ...", "Earlier today in Doha, ..."
_IN_CITY = re.compile(r"(?:^|(?<=[.!?] ))(?:[A-Z][\w ]{0,40}? )?[Ii]n (?P<place>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?),")


# a web address an outlet signs its story with, not a place ("VOV.VN - Egypt's President ...")
_DOMAIN = re.compile(r"\.[A-Za-z]{2,4}$")
_PLACE_LINE_CHARS = 80  # a line of a place and a date is short
# the words of a line of a place and a date: capitalised words, numbers and dates, an agency or a
# country in brackets, the small words inside a name ("Dar es Salaam")
_LINE_WORD = re.compile(r"[A-Z][\w.'’-]*|\d[\d\-–.:/]*(?:st|nd|rd|th|ST|ND|RD|TH)?|\([^()]{1,30}\)|\b(?:de|es|da|do|del|of|the)\b")


def _names_a_place(place: str, book: DocumentBook) -> bool:
    """Does a news dateline's place name one: not a month or an opener (``not_places``), nor a web address."""
    return place.split()[0].title() not in book.not_places and not _DOMAIN.search(place)


def _place_line(sentences: tuple[str, ...], places: frozenset[str]) -> str | None:
    """The known place a short line above the text names, alone or with a date, a venue, a region
    or an agency ("Berlin", "Hyderabad House, New Delhi 12 November 2009", "STATE HOUSE, NAIROBI",
    "Hanoi (VNA)"): every word of the line capitalised, a number or a date, and a number, a bracket
    or three words at most (not a headline in title case); the place is one of ``places``."""
    for sentence in sentences:
        line = sentence.strip()
        if not line or len(line) > _PLACE_LINE_CHARS or _LINE_WORD.sub("", line).strip(" ,;|/–—-"):
            continue  # a word in lower case: a sentence or a phrase, not a line of place and date
        if not re.search(r"[\d(]", line) and len(line.split()) > 3:
            continue
        place = _known_place_in(line, places)
        if place:
            return place
    return None


_NAME = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:(?:es|de|da|do|del)\s+)?[A-Z][\w'’.-]*){0,2}")


def _known_place_in(text: str, places: frozenset[str]) -> str | None:
    """The last of ``places`` that ``text`` names as whole words (a line in capitals too), the
    longest name first ("New Delhi", not "Delhi"): a line names the venue before its city
    ("Hyderabad House, New Delhi")."""
    found = None
    for m in _NAME.finditer(text):
        words = m.group(0).split()
        for i, j in ((i, j) for i in range(len(words)) for j in range(len(words), i, -1)):
            name = " ".join(words[i:j]).rstrip(".")
            name = _title_particles(name.title()) if name.isupper() else name
            if name in places:
                found = name
                break
    return found


def _title_particles(name: str) -> str:
    """"Dar Es Salaam" as written, "Dar es Salaam"."""
    return re.sub(r"(?<= )(Es|De|Da|Do|Del)(?= )", lambda w: w.group(0).lower(), name)


_TITLE_MEETING = re.compile(r"\b(?:summit|meeting|conference)\b", re.IGNORECASE)


def _title_place(title: str | None, book: DocumentBook, places: frozenset[str], not_a_city) -> str | None:
    """The city a title says the text comes from: where its parties issued it or met ("Joint
    Statement issued at Nuvara Eliya, Sri Lanka", "Marcos-Kishida meeting in Tokyo", "Summit In
    Dushanbe"; a known city unless the text was issued there), or a known city right before the
    meeting it names ("The G-20 Toronto Summit Declaration", "Samarkand summit of ..."); a country
    is no city."""
    if not title:
        return None
    for m in book.title_place.finditer(title):
        place = m.group("place")
        if not not_a_city(place) and (m.group("issued") or place in places):
            return place
    for m in _TITLE_MEETING.finditer(title):
        before = title[: m.start()].split()[-3:]
        for i in range(len(before)):
            name = " ".join(before[i:])
            if name in places or (name.isupper() and name.title() in places):
                return name.title() if name.isupper() else name
    return None


def _parse_date(text: str) -> str | None:
    import dateparser

    parsed = dateparser.parse(text, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"]})
    return parsed.date().isoformat() if parsed else None


def _title_case(place: str) -> str:
    return place.title() if place.isupper() else place


def infer_metadata(raw: RawDocument, resolver, first_text: str, opening: str = "", book: DocumentBook | None = None,
                   news_dateline: Dateline | None = None, leaders: LeaderBook | None = None,
                   first_sentences: tuple[str, ...] = (), places: frozenset[str] = frozenset()) -> DocInfo:
    """``resolver`` is the ActorResolver; ``first_text`` the first sentence of the body and
    ``opening`` its first few sentences (clean text); ``book`` the codebook's documents.yaml
    (the bundled one by default); ``news_dateline`` the dateline the segmenter cut off the
    story's first sentence ("NAIROBI: ", "JAKARTA (Reuters) - "), if any; ``leaders`` leaders.yaml:
    its dated leaders name a title's authors, its titles of heads of state and ministers name a
    declaration's parties one by one in its opening or its signatures; ``first_sentences``: the
    body's first few sentences, where a report says whose heads met; ``places``: the names of
    known places (capitals and large cities), which a line of a place and a date or a title may name."""
    book = book or Codebook.load().documents
    name = PurePath(raw.source).name
    title = raw.title
    date = raw.date
    place = None
    kind = None

    m = book.dateline.match(first_text)
    if m:
        place = _title_case(m.group("place").strip())
        date = date or _parse_date(m.group("date"))
    elif news_dateline is not None and _names_a_place(news_dateline.place, book):
        # where the story says its parties met or signed beats where it was filed ("JAKARTA (Reuters)
        # - ... signed the loan in Beijing on Sunday")
        place = _meeting_place(book, opening, resolver.names_state_or_group, places) or _title_case(news_dateline.place)
        if news_dateline.date and re.search(r"\d{4}", news_dateline.date):
            date = date or _parse_date(news_dateline.date)
        kind = "news_report" if news_dateline.agency else None
    speech = book.speech_file.match(name)
    # a line of a known place and a date above the text ("Hyderabad House, New Delhi 12 November 2009",
    # "Hanoi (VNA)"), else where the opening says the parties met (not a speech's: "In 1945,
    # representatives from 51 countries met in San Francisco" is history), else the title's city
    place = place or _place_line(first_sentences, places)
    if place is None and not speech:
        # a country or a grouping ("welcomed Sweden to NATO") is not the city of a meeting
        place = _opening_place(book, first_text, opening, resolver.names_state_or_group, places) \
            or _title_place(title, book, places, resolver.names_state_or_group)
    if book.news_dateline.match(first_text):
        kind = "news_report"

    parties: list[str] = []
    if speech:
        kind = "speech"
        parties = [speech.group("code")]
        date = date or speech.group("year")
    if date is None:
        fm = _FILE_DATE.search(name)
        if fm:
            date = "-".join(fm.groups())

    issuer = None
    source_url = str(raw.meta.get("source_url", "")) if raw.meta else ""
    for pattern, code in book.issuers:
        if source_url and pattern.search(source_url):
            issuer = code
            break
    # a news report on a joint text ("Vietnam, Laos issue joint statement") has that text's parties
    kind, reported = (kind, kind) if kind else _kind_of(raw, title, name, book, issuer is not None)
    if kind == "readout" and m is None and re.search(r"\bcall\b", f"{title or ''} {name}".replace("-", " "), re.IGNORECASE):
        place = None  # a phone call happens nowhere; a city in its opening is a visit past or to come

    if kind == "other" and issuer is None and raw.meta and any(raw.meta.get(k) for k in _PUBLISHER_KEYS):
        kind = reported = "news_report"  # published by a news site, not issued by a government, and no other kind
    if not speech:
        parties, group = _authors_or_group(raw, resolver, title, reported, date, leaders, book)
    else:
        group = None
    guessed = False
    if not parties:
        parties, guessed = _parties_from_text(raw, resolver, book, title, reported, date, leaders, issuer, first_sentences)
        # a report on a joint text of two parties or more: they are its parties, not those who act in the report
        guessed = guessed and not (reported != kind and len(set(parties)) >= 2)
    return DocInfo(title, date, place, sorted(set(parties)), kind, group, issuer, guessed)


def _kind_of(raw: RawDocument, title: str | None, name: str, book: DocumentBook, issued: bool = False) -> tuple[str, str]:
    """The kind a title names ("Joint Statement of ..."), else the file name when there is no title
    (a titled text's file name is a label given to it, not its kind: "…-iguazu-declaration.md"
    for a report headed "Brazil and Argentina Create Unified Front"); "other" when neither names
    one. A headline that reports the text ("Vietnam, Laos issue joint statement", "Summit ends
    with 18-point Declaration", "...: joint statement") heads a news report, unless the body
    speaks as the parties do ("We ..."), reproducing the text, or ``issued`` by a government (its
    own site: "Presidential Message on the Anniversary of the Adoption of the Declaration of
    Independence"). Returned with the kind of the text it reports (the same for a text that is no
    report)."""
    probe = without_accents(title) if title else name.replace("-", " ").replace("_", " ")  # "Déclaration de ..."
    kind = next((k for k, pattern in book.kinds if pattern.search(probe)), None) or "other"
    if kind != "other" and title and not issued and book.news_headline.search(title) \
            and len(_WE.findall(raw.text[raw.body_start :])) < _WE_VOICE:
        return "news_report", kind
    return kind, kind


_WE_VOICE = 3  # the body speaks in the parties' voice: "We ..." three times at least


def _parties_from_text(raw: RawDocument, resolver, book: DocumentBook, title: str | None, kind: str, date: str | None,
                       leaders: LeaderBook | None, issuer: str | None, first_sentences: tuple[str, ...]) -> tuple[list[str], bool]:
    """The parties of a text whose title names no authors and that speaks for no group, and whether
    they are guessed (counted from names) rather than stated by the text."""
    speakers = _named_speakers(raw, resolver, book, kind in _ISSUED_KINDS)
    in_title = {code for code, _, _ in resolver.find_countries(title)} if title else set()
    # "Japan-EU Summit", "the Summit between Japan and the European Union": the EU is a side (a
    # plain text's headline is its first sentence)
    sides = _summit_sides(title or (first_sentences[0] if first_sentences else None), resolver, book.group_meeting, date) \
        or _sides_between(first_sentences, resolver, book.group_meeting)
    in_title |= sides
    # heads named one by one are all the parties: a title then names the subject ("Statement on Israel")
    heads = [] if speakers else heads_named(raw.text[raw.body_start :], resolver, leaders.titles if leaders else ())
    heads = _title_group_of(heads, title, kind, resolver, book.group_meeting)  # "Quad Leaders Call" of its four heads: the Quad
    # "Arab League summit concludes, calling for ...": a news headline on one grouping's meeting
    summit = [] if speakers or heads or in_title else _headline_meeting_group(title, kind, resolver, book.group_meeting,
                                                                                date, leaders, issuer)
    # "23rd Japan-EU Summit held in Tokyo": the sides of the meeting a headline names, a grouping's too
    summit = summit or ([] if speakers or heads or len(sides) < 2 or all(map(resolver.book.is_country, sides))
                        else sorted(sides))
    # "Leaders of the Pacific Islands Forum met in Honiara": the grouping whose heads the opening says met
    summit = summit or ([] if speakers or heads or in_title else _opening_group(first_sentences, resolver, book, date))
    visitor = {c for c in PeopleMap(title, date, resolver.lookup_country, book=leaders).named(title)
               if resolver.book.is_country(c)} if title and not (speakers or heads or summit) else set()
    parties = sorted(set(speakers) | in_title) if speakers else heads or summit or _parties(raw, resolver, title, issuer, kind,
                                                                                                book.joint_title, visitor)
    return parties, not (speakers or heads or summit)


def _authors_or_group(raw: RawDocument, resolver, title: str | None, kind: str, date: str | None,
                      leaders: LeaderBook | None, book: DocumentBook) -> tuple[list[str], str | None]:
    """The parties a text states by its title's authors or by the group it speaks for, and that
    group when it has a voice of its own; ([], None) when it states neither."""
    authors, group = _title_authors(title, resolver, date, leaders) if kind in _ISSUED_KINDS else ([], None)
    listed = _named_speakers(raw, resolver, book, kind in _ISSUED_KINDS)
    # "We, the Leaders of Canada, France, ... and the United States, the President of the European
    # Council ...": a grouping's fixed members one by one are the grouping
    group = group or (_group_of(listed, resolver) if not authors else None)
    group = group or _unnamed_speaker_group(raw, resolver, title, kind, named=bool(authors))
    if group and group in listed:
        group = None  # one speaker of several the opening lists ("The African Union and the United States reaffirm")
    if group:
        parties = resolver.book.as_parties(group, date)
        # a summit format with no voice of its own (C5+1): "we" are its members
        return parties, (group if parties == [group] else None)
    return authors, None


def _unnamed_speaker_group(raw: RawDocument, resolver, title: str | None, kind: str, named: bool) -> str | None:
    """The group a text speaks for when its title names no author: the group its opening names most
    (issued texts), else the one group a fact sheet's title names; None for a speech or a named author."""
    if named:
        return None
    return _speaking_group(raw, resolver, title, kind in _ISSUED_KINDS) or fact_sheet_group(title, kind, resolver)


def _speaking_group(raw: RawDocument, resolver, title: str | None, issued: bool = False) -> str | None:
    """A group that speaks in the first person plural: a G7/G20/Quad communiqué. ``issued``: the
    text is one the parties issue (a declaration, not a speech or a report)."""
    body = raw.text[raw.body_start :]
    # the group must be named where a text introduces its speaker: the title or the opening lines
    probe = (title or "") + "\n" + body[:400]
    groups = [code for code, _, _ in resolver.find_groups(probe)]
    if not groups:
        return _group_of_unnamed_speakers(body, resolver, probe) if issued else None
    if len(_WE.findall(body)) >= 3 or _GROUP_OPENING.search(body[:400]):
        return Counter(groups).most_common(1)[0][0]
    return None


def _group_of_unnamed_speakers(body: str, resolver, probe: str) -> str | None:
    """"We reaffirm our commitment to work together ... we decide to set up a G20 Task-Force": a
    declaration excerpt whose title and opening name no speaker, in the first person plural
    throughout, speaks for the grouping it names most often, more than any other grouping or state
    (twice at least)."""
    if resolver.find_countries(probe) or len(_WE.findall(body)) < 3:
        return None
    ranked = Counter(code for code, _, _ in resolver.find_groups(body)).most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[1][1] == ranked[0][1]):
        return None
    group, count = ranked[0]
    states = Counter(code for code, _, _ in resolver.find_countries(body))
    return group if count >= 2 and count > max(states.values(), default=0) else None


def _title_authors(title: str | None, resolver, date: str | None = None,
                   leaders: LeaderBook | None = None) -> tuple[list[str], str | None]:
    """The states a title names as its authors, two or more ("Joint Statement from India and the
    United States", "... of the Leaders of Australia, India, Japan, and the United States", or
    a compound opening it: "United States-France Joint Statement", "U.S.-EU Summit Joint
    Statement"), and the grouping they make up when they are exactly its fixed members (the Quad)."""
    if not title:
        return [], None
    found = (_enumerated(title[m.end() :], resolver) for m in _TITLE_AUTHORS.finditer(title))
    codes = next((c for c in found if len(c) >= 2), None) or sorted(set(resolver.compound_at_start(_without_ordinal(title)))) \
        or _title_leaders(title, date, resolver, leaders)
    if not codes:
        return [], None
    return codes, _group_of(codes, resolver)


# "23rd Japan-EU Summit ...", "The 14th EU-China Summit", "VII BRICS Summit": a meeting's number before its sides
_ORDINAL = re.compile(r"^\s*(?:the\s+)?(?:\d{1,3}(?:st|nd|rd|th)|[IVXL]{1,6})\s+(?=[A-Z])", re.IGNORECASE)


def _without_ordinal(title: str) -> str:
    """``title`` less a meeting's number opening it ("23rd Japan-EU Summit" -> "Japan-EU Summit")."""
    m = _ORDINAL.match(title)
    return title[m.end() :] if m else title


def _summit_sides(title: str | None, resolver, meeting: re.Pattern[str], date: str | None = None) -> set[str]:
    """The sides a title's opening compound names when it names their meeting ("23rd Japan-EU Summit
    Tokyo ...", "EU-China summit ends with ..."): a grouping is a side too, as the states are. Empty
    when the compound is no meeting's ("US-EU trade row deepens": the states the title names decide)."""
    if not title:
        return set()
    rest = _without_ordinal(title)
    codes = resolver.compound_at_start(rest)
    if not codes:
        return set()
    found = sorted([*resolver.find_countries(rest), *resolver.find_groups(rest)], key=lambda f: f[1])
    end = next((e for c, _, e in found if c == codes[-1] and e > 0), 0)  # the compound's last side
    if not meeting.match(rest, end):
        return set()
    return {p for code in codes for p in resolver.book.as_parties(code, date)}  # "U.S.-Nordics Summit": the Nordic states


def _sides_between(sentences: tuple[str, ...], resolver, meeting: re.Pattern[str]) -> set[str]:
    """The sides of a meeting "between" two or more parties that the opening sentences name ("The
    23rd Summit between Japan and the European Union was held in Tokyo")."""
    for sentence in sentences[:OPENING_GROUP_SENTENCES]:
        for m in _BETWEEN.finditer(sentence):
            before = sentence[max(0, m.start() - 40) : m.start()]
            if any(w.end() == len(before) for w in meeting.finditer(before)):  # "the Summit between", not "a rivalry between"
                codes = _listed(sentence[m.end() :], resolver)
                if len(codes) >= 2:
                    return set(codes)
    return set()


_BETWEEN = re.compile(r"\s+between\s+(?:the\s+)?", re.IGNORECASE)


def _group_of(codes: list[str], resolver) -> str | None:
    """The grouping whose fixed members ``codes`` are, exactly."""
    if len(codes) < 2:
        return None
    return next((code for code, g in resolver.book.groups.items() if g.members and set(g.members) == set(codes)), None)


def _title_leaders(title: str, date: str | None, resolver, leaders: LeaderBook | None) -> list[str]:
    """The countries of two or more leaders a title names as its authors ("Joint Statement by
    President Joe Biden and Taoiseach Micheál Martin", "... Following Meeting Between President
    Biden and Iraqi Prime Minister ..."): leaders.yaml, dated, or the title's own introduction."""
    m = _TITLE_AUTHORS.search(title)
    if m is None:
        return []
    rest = re.sub(r"\s+", " ", title[m.end() :].replace("\u00a0", " "))
    codes = PeopleMap(rest, date, resolver.lookup_country, book=leaders).named(rest)
    return sorted(set(codes)) if len(set(codes)) >= 2 else []


def _enumerated(rest: str, resolver) -> list[str]:
    """The countries and groupings a list at the start of ``rest`` names one by one ("A, B,
    European Union, and C")."""
    return _listed(rest, resolver)


def _named_speakers(raw: RawDocument, resolver, book: DocumentBook, issued: bool = True) -> list[str]:
    """The states (and groupings) a group text's opening enumerates as its speakers, two or more:
    after "we" and plural titles ("we, the leaders of A, B and C", "We—the governments of A, B,
    ..."), after plural titles opening its first sentence ("On 26 June, the Prime Ministers and the
    Heads of Government of A, B, ... met in ..."), or as the subject of its first sentence ("Today,
    A, B, C and D affirm ..."; in a text the parties issue: a news report's first subject is not
    all its parties). Territories listed beside states are not parties."""
    body = raw.text[raw.body_start :][:OPENING_SPEAKERS]
    titles = book.speaker_titles
    lists = [body[t.end() :] for m in _WE_LEAD.finditer(body) if (t := titles.match(body, m.end()))]
    lead = _LEAD_IN.match(body)
    start = lead.end() if lead else 0
    opening = titles.match(body, start)
    if opening:
        lists.append(body[opening.end() :])
    for rest in lists:
        codes = _listed(rest, resolver)
        if len(codes) >= 2:
            return codes
    subject, end = _listed_at_start(body[start:], resolver) if issued else ([], 0)
    if len(subject) >= 2 and _VERB_NEXT.match(body, start + end):
        return subject
    return []


OPENING_GROUP_SENTENCES = 3  # the sentences where a report says whose heads met


def _opening_group(sentences: tuple[str, ...], resolver, book: DocumentBook, date: str | None = None) -> list[str]:
    """The grouping (its members, for one with no voice of its own) whose heads one of a text's
    first sentences says met, naming no other party: "Heads of State of the Economic Community of
    West African States (ECOWAS) ended their summit in Abuja", "Leaders of the Pacific Islands Forum
    met in Honiara, Solomon Islands" (the members that attend are the grouping); [] when the
    sentence names a state beside it ("Leaders of ASEAN met in Jakarta with Chinese Premier Li
    Qiang") or a list of states ("the presidents of A, B and C": ``_named_speakers``)."""
    for sentence in sentences[:OPENING_GROUP_SENTENCES]:
        lead = _LEAD_IN.match(sentence)
        titles = book.speaker_titles.match(sentence, lead.end() if lead else 0)
        if titles is None:
            continue
        rest = sentence[titles.end() :]
        found = resolver.find_groups(rest)
        first = min(found, key=lambda f: f[1], default=None)
        if first is None or first[1] > 0:
            return []  # the heads of states, or of no grouping the codebook knows
        group = first[0]
        others = {c for c, _, _ in found if c != group}
        states = [c for c, start, _ in resolver.find_countries(rest) if not place_only(rest, start, resolver)]
        met = book.heads_met.match(rest, first[2]) or book.meeting_place.search(sentence) \
            or book.group_meeting.search(rest, first[2])
        return resolver.book.as_parties(group, date) if met and not others and not states else []
    return []


def _listed(rest: str, resolver) -> list[str]:
    """The parties a list at the start of ``rest`` names ("A, the Republic of B (ROK), C and the
    European Union"): a grouping with no voice of its own gives its members; territories are left
    out, their names do not end the list."""
    codes, _ = _listed_at_start(rest, resolver)
    return codes


def _listed_at_start(rest: str, resolver) -> tuple[list[str], int]:
    """``_listed``, and where the list ends in ``rest``."""
    rest = rest[:LIST_CHARS]
    book = resolver.book
    found = sorted([*resolver.find_countries(rest), *resolver.find_groups(rest)], key=lambda f: f[1])
    codes: list[str] = []
    pos, last = 0, None
    for code, start, end in found:
        if start < pos or code == last:
            continue  # its abbreviation: "the Republic of Korea (ROK)"
        if not _list_goes_on(rest, pos, start):
            break  # the list has ended
        if not book.is_territory(code):
            codes.extend(book.as_parties(code))
        pos, last = end, code
    return sorted(set(codes)), pos


def _list_goes_on(rest: str, pos: int, start: int) -> bool:
    """Does the list go on from ``pos`` to the name at ``start``: a gap of commas, "and", "the" or a
    title, or a word of a state's style the gazetteer lacks ("Co‑operative Republic of Guyana")?"""
    if _LIST_GAP.fullmatch(rest, pos, start):
        return True
    word = _STYLE_WORD.search(rest, pos, start)
    return word is not None and rest.startswith("Republic", start) and _LIST_GAP.fullmatch(rest, pos, word.start()) is not None


OPENING_CHARS, SIGNATURE_CHARS = 1500, 1200
MIN_OPENING_HEADS = 3  # two heads named in an opening are a bilateral text's, which its title already gives


def heads_named(body: str, resolver, titles: tuple[str, ...]) -> list[str]:
    """The states whose heads (or ministers) a declaration names one by one: three or more in
    its opening ("the President of the Republic of Kazakhstan Kassym-Jomart Tokayev, President
    Xi Jinping of the People's Republic of China, ..."), or two or more in the signatures at
    its end ("President of the Kyrgyz Republic" over a name)."""
    if not titles:
        return []
    opening = _titled_states(body[:OPENING_CHARS], resolver, titles)
    if len(opening) >= MIN_OPENING_HEADS:
        return sorted(opening)
    signed = _titled_states(body[-SIGNATURE_CHARS:], resolver, titles, lines_only=True)
    return sorted(signed) if len(signed) >= 2 else []


def _titled_states(text: str, resolver, titles: tuple[str, ...], lines_only: bool = False) -> set[str]:
    """States named right after a title and "of" ("President of the Republic of X", "Prime
    Minister Name of X"); ``lines_only``: only where the title opens a short line (a signature)."""
    pattern = _title_of(titles, lines_only)
    found = set()
    for code, start, _ in resolver.find_countries(text):
        if pattern.search(text, max(0, start - 80), start):
            found.add(code)
    return found


@lru_cache(maxsize=4)
def _title_of(titles: tuple[str, ...], lines_only: bool) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True) if not t.endswith("."))
    opening = r"(?:^|\n)[ \t]*(?:The\s+)?" if lines_only else r"\b"
    # the title, at most three words of a name, "of" and "the": up to where the state's name begins
    return re.compile(rf"{opening}(?:{alternatives})(?:\s+[A-Z][\w'’.-]*){{0,3}}\s+of\s+(?:the\s+)?$",
                      re.MULTILINE)


def _parties(raw: RawDocument, resolver, title: str | None, issuer: str | None, kind: str,
             joint: re.Pattern[str] = re.compile(r"(?!)"), titled: set[str] = frozenset()) -> list[str]:
    """The parties a title names, else those the body names most; ``titled``: the countries of
    the leaders the title names ("Joint Statement on the State Visit of President Tinubu to
    Equatorial Guinea": a joint title's other side is the visitor's country)."""
    if title:
        in_title = {code for code, _, _ in resolver.find_countries(title)}
        # a grouping an issued text's title names takes part (a news headline's is its topic)
        groups = {code for code, _, _ in resolver.find_groups(title)
                  if kind in _ISSUED_KINDS and _members_named(code, raw, resolver)}
        if in_title or groups:  # "Joint Readout of Quad Leaders Call": the Quad, not the countries it names
            found = _within_groups(in_title | groups | ({issuer} if issuer else set()), groups, resolver)
            # (not "Joint Readout by the United States and the European Council": the title names both sides)
            if len(found) == 1 and joint.search(title) and not re.search(r"\band\b", title):
                found = sorted(set(found) | (set(titled) - set(found) or _other_side(raw, resolver, found[0])))
            return found
    body = raw.text[raw.body_start :]
    counts = Counter(code for code, start, _ in resolver.find_countries(body) if not place_only(body, start, resolver))
    if not counts:
        # the meeting's place names no party ("held in Kampala, Uganda"): the groupings the text names
        groups = _most_named(Counter(code for code, _, _ in resolver.find_groups(body)))
        groups = {code for code in groups if counts_twice(code, body, resolver)}
        return sorted(groups | ({issuer} if issuer else set()))
    chosen = _most_named(counts)
    if issuer:
        chosen.add(issuer)
    return sorted(chosen) if chosen else [counts.most_common(1)[0][0]]


def _other_side(raw: RawDocument, resolver, named: str) -> set[str]:
    """The other party of a joint text whose title names ``named`` only: the state its body names
    most after it, twice at least (not as a city's country), else none."""
    body = raw.text[raw.body_start :]
    counts = Counter(code for code, start, _ in resolver.find_countries(body)
                     if code != named and resolver.book.is_country(code) and not place_only(body, start, resolver))
    top = counts.most_common(2)
    if not top or top[0][1] < 2 or (len(top) > 1 and top[1][1] == top[0][1]):
        return set()
    return {top[0][0]}


def _most_named(counts: Counter) -> set[str]:
    """The codes named nearly as often as the most named one (up to six)."""
    if not counts:
        return set()
    top = counts.most_common(1)[0][1]
    floor = max(min(3, top), 0.3 * top)
    return {code for code, n in counts.most_common(6) if n >= floor}


def counts_twice(code: str, body: str, resolver) -> bool:
    """Is the grouping ``code`` named twice at least in ``body``?"""
    return sum(1 for c, _, _ in resolver.find_groups(body) if c == code) >= 2


# "held in Kampala, Uganda", "in Brussels, Belgium": a city, a comma, then the country it lies in
_CITY_BEFORE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?P<city>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2}),\s*$")


def place_only(text: str, start: int, resolver) -> bool:
    """Is the country named at ``start`` of ``text`` only the place where a city lies ("summit held
    in Kampala, Uganda")? Not when the word before the comma is itself a country, or a grouping
    of two words or more ("investment in the European Union, Brazil and India")."""
    m = _CITY_BEFORE.search(text, max(0, start - 60), start)
    if m is None:
        return False
    city = m.group("city")
    return not resolver.find_countries(city) and not (" " in city and resolver.find_groups(city))


def _headline_meeting_group(title: str | None, kind: str, resolver, meeting: re.Pattern[str], date: str | None,
                            leaders: LeaderBook | None, issuer: str | None = None) -> list[str]:
    """The parties of a news report whose headline names one grouping's meeting and no state or
    leader ("Arab League summit concludes, calling for joint action", "BIMSTEC summit ends with
    ..."): that grouping (its members, for one with no voice of its own), as a group text has its
    code (annotation guide §10 "Group codes"). [] otherwise: "Ramaphosa, Xi discuss trade deals at
    BRICS summit" is a report on two of its members."""
    if not title or not (kind == "news_report" or (kind == "other" and issuer is None)):
        return []  # "other" with no issuer: a report no dateline or publisher marks
    if PeopleMap(title, date, resolver.lookup_country, book=leaders).named(title):
        return []
    found = resolver.find_groups(title)
    met = {g for g, _, end in found if meeting.match(title, end)}
    if len({g for g, _, _ in found}) != 1 or len(met) != 1:
        return []
    return resolver.book.as_parties(met.pop(), date)


def _title_group_of(codes: list[str], title: str | None, kind: str, resolver, meeting: re.Pattern[str]) -> list[str]:
    """``codes`` (heads named one by one) as the grouping a text's title names: an issued text's
    when they are exactly its members ("Quad Leaders Call"); any text's when the title names one
    grouping's meeting (``meeting``: "SCO Heads of State Council Meeting", where observers attend
    too) and the heads include all its members or its members are not fixed."""
    if not codes or not title:
        return codes
    groups = resolver.book.groups
    found = resolver.find_groups(title)
    for group in dict.fromkeys(g for g, _, _ in found):
        if kind in _ISSUED_KINDS and set(groups[group].members) == set(codes):
            return [group]
    met = {g for g, _, end in found if meeting.match(title, end)}
    if len({g for g, _, _ in found}) == 1 and len(met) == 1:
        group = met.pop()
        if groups[group].speaks_as == "group" and set(groups[group].members) <= set(codes):
            return [group]
    return codes


def _members_named(group: str, raw: RawDocument, resolver) -> bool:
    """Is the title's grouping the one the codebook knows? Not when the opening names more other
    states than members: "Quad" in "Meeting with Quad and Ukrainian Counterparts" about French,
    German and British counterparts is another four. An opening naming no state leaves it so."""
    members = set(resolver.book.groups[group].members)
    if not members:
        return True
    named = {code for code, _, _ in resolver.find_countries(raw.text[raw.body_start :][:_OPENING_CHARS])}
    return len(named - members) <= len(named & members)


def _within_groups(codes: set[str], groups: set[str], resolver) -> list[str]:
    """``codes`` less the members of a grouping among them ("Sullivan's meeting with Quad and
    Ukrainian counterparts": the Quad and Ukraine, the United States being of the Quad)."""
    members = {m for g in groups for m in resolver.book.groups[g].members}
    return sorted(c for c in codes if c in groups or c not in members)


@lru_cache(maxsize=4)
def _instrument_count_pattern(number_words: tuple[tuple[str, int], ...]) -> tuple[re.Pattern[str], dict[str, int]]:
    words = dict(number_words)
    alternatives = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    pattern = re.compile(
        rf"\b(\d{{1,3}}|{alternatives})(?:\s+(?:[\w-]+)){{0,3}}?\s+(?:agreements?|mous?|memorand\w*|instruments|documents|deals|contracts|accords|treaties|protocols)\b",
        re.IGNORECASE,
    )
    return pattern, words


def count_instruments(text: str, book: DocumentBook | None = None) -> int | None:
    """'signed 20 agreements and MoUs' -> 20 (None when the text gives no count)."""
    book = book or Codebook.load().documents
    pattern, words = _instrument_count_pattern(tuple(book.number_words.items()))
    m = pattern.search(text)
    if not m:
        return None
    token = m.group(1).lower()
    return int(token) if token.isdigit() else words.get(token)
