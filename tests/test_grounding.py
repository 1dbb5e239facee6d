"""Property: every span of every record quotes the document exactly, on the whole shared corpus."""

import random

import pytest

from pledgebook.read import ReadError, iter_input_paths, read_document


def _sample(paths, n, seed):
    paths = sorted(paths)
    if n is None or len(paths) <= n:
        return paths
    return random.Random(seed).sample(paths, n)


@pytest.mark.slow
@pytest.mark.parametrize("part, n", [("seed", None), ("wh-briefings", None), ("ungdc/TXT", 120)])
def test_every_statement_is_grounded(corpus, extractor, part, n):
    paths = _sample(list(iter_input_paths([corpus / part])), n, seed=7)
    assert paths
    checked = 0
    for path in paths:
        try:
            raw = read_document(path)
        except ReadError:
            continue
        record = extractor.extract(raw)
        record.check_grounding(raw.text)
        for st in record.statements:
            assert st.text == raw.text[st.start : st.end]
            assert st.text.strip() == st.text, f"{path}: span has untrimmed whitespace"
        checked += 1
    assert checked >= 0.95 * len(paths)
