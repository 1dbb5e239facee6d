"""A document that is read but will extract poorly gets a warning on stderr that says why:
malformed YAML front matter (what and where), or text that is not English."""

from __future__ import annotations

from pathlib import Path

from servekit import invoke

from pledgebook.read import read_text
from pledgebook.read.checks import document_warnings, english_share

FRENCH = ("Le président de la République et le Premier ministre se sont entretenus à Nairobi. Les deux dirigeants "
          "ont convenu de renforcer la coopération dans les domaines de la santé, de l'eau et de l'énergie. Ils "
          "ont décidé de lancer une feuille de route et se sont engagés à tenir le prochain dialogue en 2025.")
ENGLISH = ("Nairobi, 5 March 2024. The President of Kenya and the Prime Minister of Japan met in Nairobi. The two "
           "leaders agreed to strengthen cooperation in health, water and energy. They decided to launch a road "
           "map and committed to hold the next dialogue in 2025, and Japan will fund two new clinics.")


def test_the_share_of_english_function_words_tells_english_from_other_languages() -> None:
    assert english_share(ENGLISH) > 0.3
    assert english_share(FRENCH) < 0.1
    assert english_share("Too short to judge.") is None
    assert document_warnings(read_text(ENGLISH)) == []


def test_malformed_front_matter_says_what_and_where() -> None:
    doc = read_text(f"---\ntitle: Kenya: Japan: talks\ndate: 2024-03-05\n---\n{ENGLISH}\n", format="markdown")
    [warning] = document_warnings(doc)
    assert "malformed YAML front matter" in warning and "line 2, column" in warning and "of the file" in warning


def test_extract_and_ingest_warn_and_still_read_the_document(tmp_path: Path) -> None:
    (tmp_path / "2024-03-05_front.md").write_text(f"---\ntitle: [unclosed\n---\n{ENGLISH}\n", encoding="utf-8")
    (tmp_path / "2024-03-05_french.txt").write_text(FRENCH + "\n", encoding="utf-8")
    (tmp_path / "2024-03-05_english.txt").write_text(ENGLISH + "\n", encoding="utf-8")
    for args in (("extract", tmp_path, "-f", "jsonl", "--no-progress"),
                 ("ingest", tmp_path, "--db", tmp_path / "ledger.db", "--no-progress", "--no-link")):
        result = invoke(*args)
        assert result.exit_code == 0, result.output
        warnings = [line for line in result.stderr.splitlines() if line.startswith("warning ")]
        assert len(warnings) == 2, result.stderr
        assert any("_front.md: malformed YAML front matter" in w for w in warnings)
        assert any("_french.txt: the text does not look like English" in w for w in warnings)
    ledger = invoke("ledger", "--db", tmp_path / "ledger.db", "-f", "jsonl").stdout
    assert "_front.md" in ledger  # still read: its statements are stored
