"""A news report whose headline names one grouping's meeting and no state or leader is that
grouping's ("Arab League summit concludes ..."), as a group text has its code (guide §10)."""

from pathlib import Path

import pytest

PAGE = """---
title: "{title}"
date: "2022-11-02"
publisher: "Example Wire"
---
{title}

ALGIERS, Nov. 2 -- The leaders met here on Wednesday. Referring to the Libya issue, the leaders vowed to make all efforts to end the crisis in Libya through dialogue. They also agreed to hold the next meeting in Riyadh, Saudi Arabia, next year.
"""


def _parties(extractor, tmp_path: Path, title: str) -> list[str]:
    from pledgebook.read import read_document

    path = tmp_path / "2022-11-02_news.md"
    path.write_text(PAGE.format(title=title), encoding="utf-8")
    return extractor.extract(read_document(path)).document.parties


@pytest.mark.parametrize("title, group", [
    ("Arab League summit concludes, calling for joint action to tackle challenges", "LAS"),
    ("ASEAN Summit opens with call for unity on the economy", "ASEAN"),
])
def test_a_headline_on_one_groupings_meeting_makes_it_the_party(extractor, tmp_path, title, group):
    assert _parties(extractor, tmp_path, title) == [group]


@pytest.mark.parametrize("title", [
    "Ramaphosa, Xi Jinping discuss trade deals ahead of BRICS summit",  # two of its members
    "Algeria and Saudi Arabia hail ties at Arab League summit",  # states named
])
def test_a_headline_naming_states_or_leaders_keeps_them(extractor, tmp_path, title):
    parties = _parties(extractor, tmp_path, title)
    assert "BRICS" not in parties and "LAS" not in parties
