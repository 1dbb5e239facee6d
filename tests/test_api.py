"""The Python API at the package top: ``pledgebook.extract`` and ``pledgebook.Extractor``."""

import subprocess
import sys
from pathlib import Path

import pledgebook

EXAMPLE = Path(__file__).resolve().parent.parent / "pledgebook" / "examples" / (
    "2021-02-08-readout-of-president-joseph-r-biden-jr-call-with-prime-minister-narendra-modi-of-india.md")


def test_importing_the_package_and_its_core_loads_no_model():
    code = ("import sys, pledgebook, pledgebook.core.data; "
            "assert 'spacy' not in sys.modules and 'pledgebook.extract.pipeline' not in sys.modules; "
            "print(sorted(set(dir(pledgebook)) & {'Extractor', 'extract'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["['Extractor',", "'extract']"]


def test_extract_takes_a_text():
    record = pledgebook.extract("Peru will open a consulate in Lima.")
    assert record.document.source == "<string>"
    [st] = record.statements
    assert (st.text, st.actors, st.kind) == ("Peru will open a consulate in Lima", ["PER"], "commitment")
    assert pledgebook.extract("Peru will open a consulate in Lima.", source="peru.txt").document.source == "peru.txt"


def test_extract_reads_a_path_given_as_str_or_path(extractor):
    from pledgebook.read import read_document

    expected = extractor.extract(read_document(EXAMPLE)).model_dump()
    assert pledgebook.extract(str(EXAMPLE)).model_dump() == expected
    assert pledgebook.extract(EXAMPLE).model_dump() == expected
    assert pledgebook.extract(EXAMPLE, source="modi.md").document.source == "modi.md"


def test_a_str_that_names_no_file_is_text():
    record = pledgebook.extract("no/such/file.txt")
    assert record.document.source == "<string>" and record.document.chars == len("no/such/file.txt")


def test_extract_without_ner_and_the_extractor_class():
    from pledgebook.extract.pipeline import Extractor

    assert pledgebook.Extractor is Extractor
    text = "India will work with Tata Motors on chips."  # a company only NER knows
    assert [e.name for s in pledgebook.extract(text).statements for e in s.entities] == ["Tata Motors"]
    assert [e.name for s in pledgebook.extract(text, ner=False).statements for e in s.entities] == []
