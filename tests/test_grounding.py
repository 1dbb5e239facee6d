"""Property: every span of every record quotes the document exactly, on every document of the shared corpus."""

import pytest

from pledgebook.extract.pipeline import extract_paths
from pledgebook.read import ReadError, iter_input_paths, read_document


@pytest.mark.slow
@pytest.mark.parametrize("part", ["seed", "wh-briefings", "ungdc/TXT"])
def test_every_statement_is_grounded(corpus, part):
    paths = [str(p) for p in iter_input_paths([corpus / part])]
    assert paths
    checked = 0
    for path, record in extract_paths(paths, jobs=2):
        if isinstance(record, ReadError):
            continue
        text = read_document(path).text
        record.check_grounding(text)  # statements, entities and time expressions
        for st in record.statements:
            assert st.text == text[st.start : st.end]
            assert st.text.strip() == st.text, f"{path}: span has untrimmed whitespace"
        checked += 1
    assert checked >= 0.95 * len(paths)
