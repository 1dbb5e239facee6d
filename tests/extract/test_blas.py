"""The extraction pipeline computes its matrix products on numpy's OpenBLAS, one thread at a time
(extract/blas.py); the products, and so the parses and entities, must be those of thinc's BLIS."""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest
from thinc.api import NumpyOps

from pledgebook.extract.blas import OpenBlasOps, fast_ops
from pledgebook.extract.nlp import load_nlp

EXAMPLES = Path(__file__).resolve().parents[2] / "pledgebook" / "examples"


@pytest.fixture(scope="module")
def ops() -> OpenBlasOps:
    found = fast_ops()
    assert found is not None  # numpy's wheels bundle OpenBLAS on Linux x86-64
    return found


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    lines = [line.strip() for p in sorted(EXAMPLES.glob("*.md")) for line in p.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if len(line.split()) > 3][:300]


@pytest.mark.parametrize("trans1,trans2", [(False, False), (False, True), (True, False), (True, True)])
def test_gemm_is_blis_gemm(ops, trans1, trans2):
    rng = numpy.random.default_rng(7)
    x = rng.standard_normal((40, 30) if not trans1 else (30, 40), dtype=numpy.float32)
    y = rng.standard_normal((30, 20) if not trans2 else (20, 30), dtype=numpy.float32)
    blis = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    ours = ops.gemm(x, y, trans1=trans1, trans2=trans2)
    assert ours.shape == (40, 20) and ours.dtype == numpy.float32
    numpy.testing.assert_allclose(ours, blis, rtol=1e-5, atol=1e-5)
    out = numpy.full((40, 20), 9.0, dtype=numpy.float32)  # overwritten, not added to
    assert ops.gemm(x, y, out=out, trans1=trans1, trans2=trans2) is out
    numpy.testing.assert_allclose(out, blis, rtol=1e-5, atol=1e-5)


def test_gemm_refuses_what_blis_refuses(ops):
    with pytest.raises(ValueError):
        ops.gemm(numpy.ones((2, 2)), numpy.ones((2, 2)))  # float64
    with pytest.raises(ValueError):
        ops.gemm(numpy.ones(4, dtype=numpy.float32), numpy.ones((4, 2), dtype=numpy.float32))


def test_a_product_runs_on_one_thread_and_the_count_comes_back(ops):
    one = ops.one_thread
    before = one._get()
    one._set(2)
    try:
        with one:
            assert one._get() == 1
            with one:  # nested (and concurrent) entries share the one thread
                assert one._get() == 1
            assert one._get() == 1
        assert one._get() == 2
    finally:
        one._set(before)


def test_only_the_extraction_pipeline_uses_it():
    extraction, baseline = load_nlp(), load_nlp(full=True)
    assert isinstance(extraction.get_pipe("tok2vec").model.ops, OpenBlasOps)
    assert isinstance(extraction.get_pipe("ner").model.ops, OpenBlasOps)
    assert not any(isinstance(node.ops, OpenBlasOps) for node in baseline.get_pipe("tok2vec").model.walk())


def test_parses_and_entities_are_blis_ones(sentences):
    extraction, baseline = load_nlp(), load_nlp(full=True)
    ours = list(extraction.pipe(sentences, disable=["attribute_ruler", "lemmatizer"]))
    list(extraction.get_pipe("ner").pipe(ours))
    theirs = list(baseline.pipe(sentences))
    assert len(ours) == len(sentences) > 200
    assert [[(t.tag_, t.dep_, t.head.i) for t in d] for d in ours] == [[(t.tag_, t.dep_, t.head.i) for t in d] for d in theirs]
    assert [[(e.start, e.end, e.label_) for e in d.ents] for d in ours] == \
        [[(e.start, e.end, e.label_) for e in d.ents] for d in theirs]
