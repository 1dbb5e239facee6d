"""Leaders the codebook lists (leaders.yaml: the presidents of Uzbekistan and Tanzania, the
Kazakh president's spelling "Toqayev") are their country in a news report, also as the speaker
of a quotation that "he added" closes after a sentence naming both leaders (the speaker of the
last attribution, not the person named last). Invented documents."""

from pathlib import Path

NEWS = """---
title: "Two presidents open a new chapter"
date: "2024-06-03"
publisher: "Example Wire"
---
The presidents of Uzbekistan and Kazakhstan met in Samarkand on Monday.

{body}
"""


def _commitments(extractor, tmp_path: Path, body: str):
    from pledgebook.read import read_document

    path = tmp_path / "2024-06-03_kaz-uzb_news.md"
    path.write_text(NEWS.format(body=body), encoding="utf-8")
    return [s for s in extractor.extract(read_document(path)).statements if s.kind == "commitment"]


def test_quoted_speaker_is_the_last_attribution(extractor, tmp_path):
    body = ("Meanwhile, Mirziyoyev said that the talks with Toqayev had opened a new chapter.\n\n"
            "“We will build a joint logistics hub in Termez next year,” he added.")
    hub = next(s for s in _commitments(extractor, tmp_path, body) if "logistics hub" in s.text)
    assert hub.actors == ["UZB"]


def test_the_other_leader_speaking(extractor, tmp_path):
    body = ("Meanwhile, Toqayev said that the talks with Mirziyoyev had opened a new chapter.\n\n"
            "“We will build a joint logistics hub in Aktau next year,” he added.")
    hub = next(s for s in _commitments(extractor, tmp_path, body) if "logistics hub" in s.text)
    assert hub.actors == ["KAZ"]


def test_tanzanian_president_by_her_given_name(extractor, tmp_path):
    body = "Samia said her government would open a trade office in Kisumu before the end of the year."
    office = next(s for s in _commitments(extractor, tmp_path, body) if "trade office" in s.text)
    assert office.actors == ["TZA"]
