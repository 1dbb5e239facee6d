"""A news statement whose subject names no one (a thing) attributed to "him"/"her" ("According to
him, NPP units will be put into operation", "..., he added"): the country of the person named last
before it; inside a quotation, the quotation's speaker. Invented documents."""

from pathlib import Path

PAGE = """---
title: "Nuclear fuel delivered to the plant"
date: "2023-04-27"
publisher: "Example Wire"
---

MERSIN -- Russia and Turkey marked the delivery of nuclear fuel to the plant on Thursday. Russian President Vladimir Putin joined the ceremony by video link and said Russia will train the plant's staff.

At the ceremony, {speaker} stressed that Turkey was joining the club of nuclear powers. According to him, the units will be gradually put into operation until 2028.
"""


def _statements(extractor, tmp_path: Path, speaker: str):
    from pledgebook.read import read_document

    path = tmp_path / "2023-04-27_news.md"
    path.write_text(PAGE.format(speaker=speaker), encoding="utf-8")
    return extractor.extract(read_document(path)).statements


def _units(statements):
    return next(s for s in statements if "put into operation" in s.text)


def test_a_things_schedule_by_him_is_his_countrys(extractor, tmp_path):
    from pledgebook.read import read_document

    path = tmp_path / "2023-04-27_news.md"
    path.write_text(PAGE.format(speaker="Erdogan"), encoding="utf-8")
    record = extractor.extract(read_document(path))
    assert record.document.parties == ["RUS", "TUR"]
    assert _units(record.statements).actors == ["TUR"]


def test_with_no_person_named_before_it_the_parties_stay(extractor, tmp_path):
    from pledgebook.read import read_document

    path = tmp_path / "2023-04-27_news.md"
    path.write_text(PAGE.format(speaker="the chief engineer"), encoding="utf-8")
    record = extractor.extract(read_document(path))
    assert _units(record.statements).actors == sorted(record.document.parties)


SUBJECT_PAGE = """---
title: "Leaders upgrade ties"
date: "2023-11-27"
publisher: "Example Wire"
---

TOKYO -- {first} He pledged further simplification of visa procedures for Vietnamese citizens.
"""


def _pledge(extractor, tmp_path: Path, first: str):
    from pledgebook.read import read_document

    path = tmp_path / "2023-11-27_news.md"
    path.write_text(SUBJECT_PAGE.format(first=first), encoding="utf-8")
    return next(s for s in extractor.extract(read_document(path)).statements if "visa" in s.text)


def test_he_after_a_sentence_naming_both_sides_is_its_first_person(extractor, tmp_path):
    first = "PM Kishida said that Japan’s aid for Vietnam and President Vo Van Thuong's plans will grow."
    assert _pledge(extractor, tmp_path, first).actors == ["JPN"]


def test_he_after_a_sentence_naming_the_other_side_first_is_that_side(extractor, tmp_path):
    # the first person named is the subject: "He" follows him, not the one named last
    first = "President Vo Van Thuong met PM Kishida in Tokyo and said Japan and Vietnam will expand trade."
    assert _pledge(extractor, tmp_path, first).actors == ["VNM"]
